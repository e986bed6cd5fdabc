/* cp-search.h — full-text search over notes
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

/* Marks around the matched words in a snippet. */
#define CP_SEARCH_MATCH_START "\x02"
#define CP_SEARCH_MATCH_END   "\x03"

typedef struct
{
  gint64  note_id;
  gint64  engagement_id;
  char   *engagement_title;
  char   *title;
  char   *snippet;   /* matches between CP_SEARCH_MATCH_START and _END */
  double  rank;      /* lower is better */
} CpSearchHit;

void       cp_search_hit_free  (CpSearchHit *hit);
char      *cp_search_fts_query (const char  *text);
GPtrArray *cp_store_search_notes (CpStore    *store,
                                  const char *text,
                                  gint64      engagement_id,
                                  guint       limit,
                                  GError    **error);
GPtrArray *cp_store_search_notes_first (CpStore    *store,
                                        const char *text,
                                        gint64      engagement_id,
                                        guint       limit,
                                        gboolean   *ranked_all,
                                        GError    **error);
void       cp_store_search_notes_async (CpStore             *store,
                                        const char          *text,
                                        gint64               engagement_id,
                                        guint                limit,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GPtrArray *cp_store_search_notes_finish (CpStore       *store,
                                         GAsyncResult  *result,
                                         GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpSearchHit, cp_search_hit_free)

G_END_DECLS
