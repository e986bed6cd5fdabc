/* cp-store-merge.h — three versions of an engagement folder merged
 * record by record and field by field
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

/* How a conflict is settled when no choice was made for it. */
typedef enum
{
  CP_MERGE_ASK,      /* not at all: the merge reports it */
  CP_MERGE_MINE,
  CP_MERGE_THEIRS,
} CpMergePrefer;

/* A field changed differently on both sides, or a record changed on one
 * side and removed on the other.
 */
typedef struct
{
  char *key;      /* names the choice: the record's id, "/", the field */
  char *file;     /* of the folder, as "measures.md" */
  char *record;   /* what the record is, in words */
  char *field;    /* NULL: the record as a whole */
  char *mine;     /* NULL: removed here */
  char *theirs;   /* NULL: removed there */
} CpMergeConflict;

void cp_merge_conflict_free (CpMergeConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpMergeConflict, cp_merge_conflict_free)

typedef struct _CpMerge CpMerge;

CpMerge   *cp_merge_new            (GHashTable     *base,
                                    GHashTable     *mine,
                                    GHashTable     *theirs,
                                    GHashTable     *choices,
                                    CpMergePrefer   prefer,
                                    GError        **error);
void       cp_merge_free           (CpMerge        *merge);
GPtrArray *cp_merge_get_conflicts  (CpMerge        *merge);
gboolean   cp_merge_changes_mine   (CpMerge        *merge);
GHashTable *cp_merge_files_table   (GPtrArray      *files);
gboolean   cp_store_apply_merge    (CpStore        *store,
                                    gint64          engagement_id,
                                    CpMerge        *merge,
                                    CpAudience      audience,
                                    GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpMerge, cp_merge_free)

G_END_DECLS
