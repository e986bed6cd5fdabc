/* cp-notes-io-private.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-engagement.h"
#include "cp-note.h"
#include "cp-notes-io.h"
#include "cp-store-model.h"

G_BEGIN_DECLS

/* A note's fields before it is stored. Strings are borrowed. */
typedef struct
{
  const char   *title;
  const char   *body;
  gsize         body_length;
  const char   *tags;       /* comma-separated */
  CpVisibility  visibility;
  gint64        session_id;
  gint64        phase_id;
  const char   *created;    /* NULL: now */
  const char   *updated;
  const char   *uuid;       /* NULL: a new random one */
  const char   *author;     /* who wrote it; NULL: nobody known */
} CpNoteFields;

gboolean  _cp_note_fields_validate   (const CpNoteFields *fields,
                                      const char         *file_name,
                                      GError            **error);
void      _cp_note_add_to_unit       (CpStoreUnit        *unit,
                                      gint64              engagement_id,
                                      const CpNoteFields *fields);
CpNote   *_cp_note_insert            (CpStore            *store,
                                      gint64              engagement_id,
                                      const CpNoteFields *fields,
                                      GError            **error);
void      _cp_engagement_notes_added (CpEngagement       *self,
                                      GPtrArray          *notes);
void      _cp_note_fields_from_file  (CpNoteFields       *fields,
                                      CpFrontMatter      *front_matter,
                                      const char         *body,
                                      gsize               body_length,
                                      char              **title,
                                      char              **tags);

/* One "key: value" (or "key:" and a list) of a front matter block. */
typedef struct
{
  char  *key;
  char  *value;   /* NULL when the value is a list */
  char **list;
  guint  line;    /* counted from 1 */
} CpFrontMatterField;

void       _cp_append_quoted           (GString            *out,
                                        const char         *value);
char      *_cp_note_export_markdown    (CpStore            *store,
                                        CpNote             *note,
                                        const char         *engagement_title,
                                        gsize              *length);
void       _cp_front_matter_field_free (CpFrontMatterField *field);
gboolean   _cp_front_matter_parse_checked (const char     *text,
                                           gsize           length,
                                           const char     *file,
                                           CpFrontMatter **front_matter,
                                           gsize          *body_offset,
                                           GError        **error);
GPtrArray *_cp_front_matter_read       (const char         *text,
                                        gsize               length,
                                        gsize              *body_offset,
                                        guint              *bad_line);

G_END_DECLS
