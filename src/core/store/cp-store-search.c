/* cp-store-search.c — full-text search over notes, in the store
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-search"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-note.h"
#include "cp-search.h"
#include "cp-store-private.h"

void
cp_search_hit_free (CpSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->engagement_title);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

/**
 * cp_search_fts_query:
 *
 * Turns what someone typed into an FTS5 query: every word must appear,
 * the last one as a prefix (the word being typed). Quotes make each word
 * a plain string, so nothing typed is read as FTS5 syntax.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text
 *   has no words
 */
char *
cp_search_fts_query (const char *text)
{
  g_auto(GStrv) words = NULL;
  GString *query;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  words = g_strsplit_set (text, " \t\r\n", -1);
  query = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');

      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

/**
 * cp_store_search_notes:
 * @engagement_id: an engagement to search in, or 0 for all
 *
 * Returns: (transfer full) (element-type CpSearchHit): the best matches
 *   first, titles weighing more than bodies
 */
GPtrArray *
cp_store_search_notes (CpStore     *store,
                       const char  *text,
                       gint64       engagement_id,
                       guint        limit,
                       GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_search_hit_free);
  g_autofree char *query = cp_search_fts_query (text);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  if (query == NULL)
    return g_steal_pointer (&hits);

  if (!(stmt = _cp_store_prepare (store,
                                  "SELECT n.id, n.engagement_id, e.title, n.display_title, "
                                  "snippet (note_fts, 1, '" CP_SEARCH_MATCH_START "', '"
                                  CP_SEARCH_MATCH_END "', '…', 16), "
                                  "bm25 (note_fts, 8.0, 1.0, 4.0) AS score "
                                  "FROM note_fts "
                                  "JOIN note n ON n.id = note_fts.rowid "
                                  "JOIN engagement e ON e.id = n.engagement_id "
                                  "WHERE note_fts MATCH ?1 AND e.trashed_at IS NULL "
                                  "AND (?2 = 0 OR n.engagement_id = ?2) "
                                  "ORDER BY score LIMIT ?3",
                                  error)))
    return NULL;

  _cp_bind_text (stmt, 1, query);
  sqlite3_bind_int64 (stmt, 2, engagement_id);
  sqlite3_bind_int (stmt, 3, limit > 0 ? (int) MIN (limit, G_MAXINT) : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpSearchHit *hit = g_new0 (CpSearchHit, 1);
      const char *title = (const char *) sqlite3_column_text (stmt, 3);

      hit->note_id = sqlite3_column_int64 (stmt, 0);
      hit->engagement_id = sqlite3_column_int64 (stmt, 1);
      hit->engagement_title = _cp_column_dup (stmt, 2);
      hit->title = g_strdup (title && *title ? title : _("Untitled Note"));
      hit->snippet = _cp_column_dup (stmt, 4);
      hit->rank = sqlite3_column_double (stmt, 5);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (store, error, rc, _("Could not search the notes"));
      return NULL;
    }

  return g_steal_pointer (&hits);
}
