/* cp-store-folder-private.h — what the engagement folder's export
 * and import share: the description of every file, and the reading of
 * Markdown blocks
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define FORMAT_NAME "coachplan-engagement"

/* Far past any real part file; a guard against reading something else. */
#define PART_MAX_BYTES (64 * 1024 * 1024)

/* How a value is written in a file, and what it may hold. */
typedef enum
{
  K_NUMBER,       /* "#": the row's number in its file, which others use */
  K_TEXT,         /* text; empty is "" */
  K_NTEXT,        /* text; empty is no value */
  K_DATE,         /* YYYY-MM-DD */
  K_STAMP,        /* YYYY-MM-DDTHH:MM:SSZ */
  K_MINUTE,       /* YYYY-MM-DDTHH:MM, local time */
  K_UUID,         /* the record's stable id; read and written as the last column of its query */
  K_INT,
  K_LEVEL,        /* a maturity level, 0 to 5 */
  K_REAL,
  K_ENUM,         /* one of the column's allowed words */
  K_DONE,         /* a task's box */
  K_BLOCK,        /* text of many lines in a fenced block of its own */
  K_FILE,         /* notes.md: the note's file in notes/, as a link */
  K_ATTENDEES,    /* numbers of people.md, comma separated */
  /* References to rows of other lists. */
  K_PHASE,        /* "cycle.phase", as 1.3 */
  K_PERSON,
  K_SESSION,
  K_NOTE,         /* the note's file name */
  K_OPPORTUNITY,  /* its number in the register */
  K_GOAL,
  K_WORKSTREAM,
  N_KINDS
} Kind;

#define IS_REF(kind) ((kind) >= K_PHASE && (kind) < N_KINDS)

typedef struct
{
  const char *title;
  Kind        kind;
  const char *allowed;    /* K_ENUM: the words, "|"-separated */
  guint       required : 1;
  guint       ref : 1;    /* rows are referred to by this value */
  guint       positive : 1;  /* K_INT: greater than 0 */
} Column;

typedef struct
{
  /* ?1 is the owner's id; selects the row's id, then each column but
   * "#", in order.
   */
  const char   *select;
  /* ?1 the owner's id, ?2 the row's position, then from ?3 each column
   * but "#" and attendees, in order.
   */
  const char   *insert;
  Kind          ref_kind;   /* what other rows call these, or N_KINDS */
  const Column *columns;
  guint         n_columns;
} List;

typedef enum
{
  SHAPE_TABLE,
  SHAPE_TASKS,
} Shape;

/* A part of a file: a second-level heading (none for the first part of
 * some files) and one list below it.
 */
typedef struct
{
  const char *heading;
  const List *list;
  Shape       shape;
} Part;

/* A file made only of parts. */
typedef struct
{
  const char *name;
  const char *title;
  const Part *parts;
  guint       n_parts;
} Simple;

#define CSIP_FILE "csip.md"
#define CONTRACT_FILE "contract.md"
#define ENGAGEMENT_FILE "engagement.md"
#define NOTES_FOLDER "notes"

extern const List _cp_folder_engagement_list;
extern const List _cp_folder_approach_change_list;
extern const List _cp_folder_cycle_list;
extern const List _cp_folder_phase_list;
extern const List _cp_folder_checklist_list;
extern const List _cp_folder_sign_off_list;
extern const List _cp_folder_note_list;
extern const List _cp_folder_contract_list;
extern const Simple _cp_folder_people_file;
extern const Simple _cp_folder_sessions_file;
extern const Simple _cp_folder_notes_file;
extern const Simple _cp_folder_register_file;
extern const Simple _cp_folder_actions_file;
extern const Simple _cp_folder_measures_file;

char       *_cp_folder_note_file_from_cell (const char *cell);
gboolean    _cp_folder_uuid_is_valid (const char *value);
const char *_cp_folder_kind_noun         (Kind         kind);
gint64     *_cp_folder_box_id            (gint64       id);
guint       _cp_folder_task_text_column  (const List  *list);
int         _cp_folder_find_column       (const List  *list,
                                          const char  *title);

/* Reading the files: cp-store-folder-read.c. */

typedef enum
{
  B_HEADING,
  B_FIELDS,
  B_TASKS,
  B_TABLE,
  B_TEXT,
} BlockType;

typedef struct
{
  char  *key;
  char  *value;
  guint  line;
} Pair;

/* A task, or a table row. */
typedef struct
{
  guint       line;
  gboolean    done;
  GPtrArray  *cells;   /* char *: a row's cells, or a task's text */
  GPtrArray  *pairs;   /* Pair: a task's fields */
} Item;

typedef struct
{
  BlockType  type;
  guint      line;
  guint      level;    /* headings */
  char      *text;     /* a heading's text; a block's text */
  GPtrArray *items;    /* B_FIELDS: Pair; B_TASKS, B_TABLE: Item */
} Block;

typedef struct
{
  char      *name;     /* within the folder, for messages */
  GPtrArray *blocks;
  guint      next;
  guint      n_lines;
} Doc;

/* A row of a list, read from any shape: values by column, NULL where the
 * file has none.
 */
typedef struct
{
  char  **values;
  guint  *lines;
  guint   n_values;
  guint   line;
} Record;

void    _cp_folder_doc_error          (const char   *name,
                                       guint         line,
                                       GError      **error,
                                       const char   *format,
                                       ...) G_GNUC_PRINTF (4, 5);
Doc    *_cp_folder_doc_parse          (const char   *name,
                                       const char   *text,
                                       gsize         length,
                                       GError      **error);
void    _cp_folder_doc_free           (Doc          *doc);
Block  *_cp_folder_doc_peek           (Doc          *doc);
guint   _cp_folder_doc_line           (Doc          *doc);
gboolean _cp_folder_doc_at_heading    (Doc          *doc,
                                       guint         level,
                                       const char   *prefix);
gboolean _cp_folder_doc_expect_heading (Doc         *doc,
                                        guint        level,
                                        const char  *prefix,
                                        const char  *example,
                                        GError     **error);
Block  *_cp_folder_doc_take           (Doc          *doc,
                                       BlockType     type);
gboolean _cp_folder_doc_expect_end    (Doc          *doc,
                                       GError      **error);
Record *_cp_folder_record_new         (const List   *list,
                                       guint         line);
void    _cp_folder_record_free        (Record       *record);
GPtrArray *_cp_folder_read_records    (Doc          *doc,
                                       const List   *list,
                                       Shape         shape,
                                       GError      **error);
Record *_cp_folder_read_fields        (Doc          *doc,
                                       const List   *list,
                                       guint         level,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Doc, _cp_folder_doc_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Record, _cp_folder_record_free)

/* An engagement folder read into memory, for merging (cp-store-merge.c):
 * every record by its id, each reference as the id of what it refers to.
 * Slots come in the order records are stored: rows before the rows that
 * refer to them.
 */
typedef enum
{
  SLOT_ENGAGEMENT,
  SLOT_PERSON,
  SLOT_STANCE_CHANGE,
  SLOT_MENTORING,
  SLOT_APPROACH_CHANGE,
  SLOT_CYCLE,
  SLOT_PHASE,
  SLOT_CHECKLIST,
  SLOT_SIGN_OFF,
  SLOT_SESSION,
  SLOT_NOTE,
  SLOT_OPPORTUNITY,
  SLOT_ACTION,
  SLOT_GOAL,
  SLOT_READING,
  SLOT_MATURITY,
  SLOT_READINESS,
  SLOT_AUDIT,
  SLOT_WORKSTREAM,
  SLOT_HANDOVER,
  SLOT_EXIT,
  SLOT_CONTRACT,
  N_SLOTS
} Slot;

typedef struct
{
  Slot    slot;
  char   *uuid;
  char   *owner;    /* the id of the cycle or phase it is part of, or the engagement's */
  char  **values;   /* by the columns of the slot's list; NULL: none */
} SnapRecord;

typedef struct
{
  GPtrArray  *records[N_SLOTS];   /* SnapRecord, in the folder's order */
  GHashTable *by_uuid;            /* char * -> SnapRecord * */
  GPtrArray  *by_id;              /* SnapRecord *, by the id reading gave it, from 1 */
} Snapshot;

/* A note's columns in a snapshot: its index row and its file, read. */
extern const List _cp_folder_note_fields_list;

const List *_cp_snapshot_list          (Slot          slot);
const char *_cp_snapshot_file          (Slot          slot);
Slot        _cp_snapshot_slot_of       (const List   *list);
Snapshot   *_cp_snapshot_new           (void);
void        _cp_snapshot_free          (Snapshot     *snapshot);
SnapRecord *_cp_snapshot_add           (Snapshot     *snapshot,
                                        Slot          slot,
                                        const char   *uuid,
                                        const char   *owner,
                                        char        **values);
SnapRecord *_cp_snapshot_get           (Snapshot     *snapshot,
                                        const char   *uuid);
Snapshot   *_cp_folder_read_snapshot   (GHashTable   *files,
                                        GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, _cp_snapshot_free)

typedef struct _CpMerge CpMerge;
Snapshot   *_cp_merge_get_result       (CpMerge      *merge);

G_END_DECLS
