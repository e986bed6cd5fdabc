/* cp-store-folder-import-private.h — what reading an engagement folder
 * shares between storing it (cp-store-folder-import.c), checking its
 * values (cp-store-folder-check.c) and reading it as a snapshot for
 * merging (cp-store-folder-snapshot.c)
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cp-notes-io-private.h"
#include "cp-store-folder-private.h"
#include "cp-store.h"

G_BEGIN_DECLS

typedef struct
{
  CpStore    *store;
  const char *folder;
  gint64      engagement_id;
  GHashTable *ids[N_KINDS];   /* char * -> gint64 *, per kind of reference */
  gboolean    fresh_ids;      /* the engagement is here already: this is a copy */
  GHashTable *files;          /* name -> GBytes: the folder, in memory; or NULL */
  Snapshot   *snapshot;       /* records go here, not into the store; or NULL */
  gboolean    by_uuid;        /* references are the ids of records, not numbers */
  const char *update;         /* stores the engagement's row with this, not a new row */
} Import;

/* A value as the database stores it. */
typedef struct
{
  int         type;     /* SQLITE_NULL, _TEXT, _INTEGER or _FLOAT */
  const char *text;
  gint64      number;
  double      real;
} Value;

gboolean _cp_import_lookup_ref     (Import         *im,
                                    Doc            *doc,
                                    Kind            kind,
                                    const char     *value,
                                    guint           line,
                                    gint64         *id,
                                    GError        **error);
gboolean _cp_import_remember_ref   (Import         *im,
                                    Doc            *doc,
                                    Kind            kind,
                                    const char     *key,
                                    guint           line,
                                    gint64          id,
                                    GError        **error);
gboolean _cp_import_check_value    (Import         *im,
                                    Doc            *doc,
                                    const Column   *column,
                                    const char     *value,
                                    guint           line,
                                    Value          *out,
                                    GError        **error);
gboolean _cp_import_bind_value     (Import         *im,
                                    Doc            *doc,
                                    sqlite3_stmt   *stmt,
                                    int             param,
                                    const Column   *column,
                                    const char     *value,
                                    guint           line,
                                    GError        **error);
gboolean _cp_import_collect_record (Import         *im,
                                    Doc            *doc,
                                    const List     *list,
                                    gint64          owner,
                                    Record         *record,
                                    gint64         *id,
                                    GError        **error);
gboolean _cp_import_collect_note   (Import              *im,
                                    Doc                 *doc,
                                    Record              *record,
                                    const CpNoteFields  *fields,
                                    GError             **error);
gboolean _cp_import_record         (Import         *im,
                                    Doc            *doc,
                                    const List     *list,
                                    gint64          owner,
                                    guint           position,
                                    Record         *record,
                                    gint64         *id,
                                    GError        **error);
gboolean _cp_import_parts          (Import         *im,
                                    GError        **error);

G_END_DECLS
