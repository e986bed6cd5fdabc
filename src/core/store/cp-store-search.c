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

/* The ranked search: titles weigh more than tags, tags more than bodies. */
#define SEARCH_SQL(match_column)                                                      \
  "SELECT n.id, n.engagement_id, e.title, n.display_title, "                         \
  "snippet (note_fts, 1, '" CP_SEARCH_MATCH_START "', '" CP_SEARCH_MATCH_END "', '…', 16), " \
  "bm25 (note_fts, 8.0, 1.0, 4.0) AS score "                                           \
  "FROM note_fts "                                                                     \
  "JOIN note n ON n.id = note_fts.rowid "                                              \
  "JOIN engagement e ON e.id = n.engagement_id "                                       \
  "WHERE note_fts MATCH " match_column " AND e.trashed_at IS NULL "                    \
  "AND (?2 = 0 OR n.engagement_id = ?2) "

/* Reads the hits a search statement returns into @hits. */
static int
collect_hits (sqlite3_stmt *stmt,
              const char   *query,
              gint64        engagement_id,
              guint         limit,
              GPtrArray    *hits)
{
  int rc;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, engagement_id);
  sqlite3_bind_int (stmt, 3, limit > 0 ? (int) MIN (limit, G_MAXINT) : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpSearchHit *hit = g_new0 (CpSearchHit, 1);
      const char *title = (const char *) sqlite3_column_text (stmt, 3);
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean seen = FALSE;

      /* A note found twice, by its title and by its words, shows once. */
      for (guint i = 0; i < hits->len && !seen; i++)
        seen = ((CpSearchHit *) hits->pdata[i])->note_id == id;
      if (seen)
        {
          g_free (hit);
          continue;
        }

      hit->note_id = id;
      hit->engagement_id = sqlite3_column_int64 (stmt, 1);
      hit->engagement_title = _cp_column_dup (stmt, 2);
      hit->title = g_strdup (title && *title ? title : _("Untitled Note"));
      hit->snippet = _cp_column_dup (stmt, 4);
      hit->rank = sqlite3_column_double (stmt, 5);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);

  return rc;
}

/**
 * cp_store_search_notes:
 * @engagement_id: an engagement to search in, or 0 for all
 *
 * Ranks every match; across many notes, a common word takes longer than
 * a frame (see cp_store_search_notes_first()).
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

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  if (query == NULL)
    return g_steal_pointer (&hits);

  if (!(stmt = _cp_store_prepare (store, SEARCH_SQL ("?1") "ORDER BY score LIMIT ?3", error)))
    return NULL;

  if (collect_hits (stmt, query, engagement_id, limit, hits) != SQLITE_DONE)
    {
      _cp_store_set_error (store, error, sqlite3_errcode (store->db),
                           _("Could not search the notes"));
      return NULL;
    }

  return g_steal_pointer (&hits);
}

/* Up to this many matches, ranking them all takes no longer than a frame. */
#define RANK_ALL_BELOW 3000

/**
 * cp_store_search_notes_first:
 * @ranked_all: (out): whether these are the best of every match, as
 *   cp_store_search_notes() would rank them
 *
 * The best matches on hand within a frame, for searching as one types.
 * A search with few matches ranks them all. One with many (a common word
 * across a large database) ranks the notes whose titles match, which
 * weigh most, then fills up with the newest notes that match in their
 * words; cp_store_search_notes_async() then ranks every match, off the
 * main thread.
 *
 * Returns: (transfer full) (element-type CpSearchHit): the hits
 */
GPtrArray *
cp_store_search_notes_first (CpStore     *store,
                             const char  *text,
                             gint64       engagement_id,
                             guint        limit,
                             gboolean    *ranked_all,
                             GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_search_hit_free);
  g_autofree char *query = cp_search_fts_query (text);
  g_autofree char *in_titles = NULL;
  sqlite3_stmt *count, *titles, *newest;
  int rc, matches = 0;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (ranked_all != NULL, NULL);

  *ranked_all = TRUE;
  if (query == NULL)
    return g_steal_pointer (&hits);

  /* How many match, counted only as far as it matters. */
  if (!(count = _cp_store_prepare (store,
                                   "SELECT count(*) FROM (SELECT 1 FROM note_fts WHERE note_fts MATCH ?1 "
                                   "LIMIT " G_STRINGIFY (RANK_ALL_BELOW) ")",
                                   error)))
    return NULL;
  sqlite3_bind_text (count, 1, query, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (count)) == SQLITE_ROW)
    matches = sqlite3_column_int (count, 0);
  sqlite3_reset (count);
  if (rc != SQLITE_ROW)
    {
      _cp_store_set_error (store, error, rc, _("Could not search the notes"));
      return NULL;
    }

  if (matches < RANK_ALL_BELOW)
    return cp_store_search_notes (store, text, engagement_id, limit, error);

  /* The notes whose titles match weigh most: they are ranked first,
   * though by their titles alone.
   */
  *ranked_all = FALSE;
  in_titles = g_strdup_printf ("display_title : (%s)", query);
  if (!(titles = _cp_store_prepare (store, SEARCH_SQL ("?1") "ORDER BY score LIMIT ?3", error)) ||
      collect_hits (titles, in_titles, engagement_id, limit, hits) != SQLITE_DONE)
    goto failed;

  /* Then the newest notes whose words match. */
  if (hits->len < limit &&
      (!(newest = _cp_store_prepare (store, SEARCH_SQL ("?1") "ORDER BY note_fts.rowid DESC LIMIT ?3",
                                     error)) ||
       collect_hits (newest, query, engagement_id, limit + hits->len, hits) != SQLITE_DONE))
    goto failed;
  if (hits->len > limit)
    g_ptr_array_set_size (hits, limit);

  return g_steal_pointer (&hits);

failed:
  if (error != NULL && *error == NULL)
    _cp_store_set_error (store, error, sqlite3_errcode (store->db),
                         _("Could not search the notes"));
  return NULL;
}

typedef struct
{
  char   *path;
  char   *query;
  gint64  engagement_id;
  guint   limit;
} SearchJob;

static void
search_job_free (SearchJob *job)
{
  g_free (job->path);
  g_free (job->query);
  g_free (job);
}

/* On a worker, on a connection of its own: the whole ranking. */
static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchJob *job = task_data;
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_search_hit_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_open_v2 (job->path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, SEARCH_SQL ("?1") "ORDER BY score LIMIT ?3", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = collect_hits (stmt, job->query, job->engagement_id, job->limit, hits);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    g_task_return_new_error (task, CP_STORE_ERROR, CP_STORE_ERROR_FAILED, "%s: %s",
                             _("Could not search the notes"), db ? sqlite3_errmsg (db) : "");
  else
    g_task_return_pointer (task, g_steal_pointer (&hits), (GDestroyNotify) g_ptr_array_unref);
  sqlite3_close_v2 (db);
}

/**
 * cp_store_search_notes_async:
 *
 * Ranks every match as cp_store_search_notes() does, on a worker thread
 * and a connection of its own, so the window answers meanwhile.
 */
void
cp_store_search_notes_async (CpStore             *store,
                             const char          *text,
                             gint64               engagement_id,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  SearchJob *job = g_new0 (SearchJob, 1);

  g_return_if_fail (CP_IS_STORE (store));

  g_task_set_source_tag (task, cp_store_search_notes_async);
  job->path = g_strdup (cp_store_get_path (store));
  job->query = cp_search_fts_query (text);
  job->engagement_id = engagement_id;
  job->limit = limit;
  g_task_set_task_data (task, job, (GDestroyNotify) search_job_free);

  if (job->query == NULL)
    g_task_return_pointer (task, g_ptr_array_new_with_free_func ((GDestroyNotify) cp_search_hit_free),
                           (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_run_in_thread (task, search_thread);
}

/**
 * cp_store_search_notes_finish:
 *
 * Returns: (transfer full) (element-type CpSearchHit) (nullable): the
 *   hits, or %NULL with @error set
 */
GPtrArray *
cp_store_search_notes_finish (CpStore       *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
