/* bench-core.c — search, bulk import, export and preview, each against a
 * floor measured in the same run on the same machine
 *
 * Usage: bench-core LARGE_DB WORKDIR [RESULTS_JSON]
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cmark.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "bench-util.h"
#include "cp-engagement.h"
#include "cp-markdown.h"
#include "cp-notes-io.h"
#include "cp-search.h"
#include "cp-test-util.h"

#define REPEAT 15

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("bench-core: %s", error ? error->message : "failed");
}

/* Global search as one types, on the same file as the bare FTS5 query
 * with snippets that ranks every match: the first screen of hits (the
 * best on hand, within a frame), the whole ranking (done off the main
 * thread), and how many of the first screen's hits are among the whole
 * ranking's top 20.
 */
static void
bench_search (const char  *path,
              BenchResult *first_screen,
              BenchResult *whole,
              BenchResult *overlap)
{
  static const char *queries[] = { "change", "incident workshop", "escalation", "knowledge article",
                                   "maturity", "root cause" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, &error);
  g_autoptr(GArray) first_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) whole_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shared = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  check (store != NULL, error);
  g_assert (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
  g_assert (sqlite3_prepare_v2 (db, "SELECT rowid, snippet (note_fts, 1, '[', ']', '…', 16) "
                                    "FROM note_fts WHERE note_fts MATCH ?1 ORDER BY rank LIMIT 20",
                                -1, &stmt, NULL) == SQLITE_OK);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *match = cp_search_fts_query (queries[q]);
      g_autoptr(GPtrArray) first = NULL;
      g_autoptr(GPtrArray) all = NULL;
      gboolean ranked_all = FALSE;
      double in_both = 0;

      for (guint i = 0; i < REPEAT; i++)
        {
          gint64 start = g_get_monotonic_time ();
          double ms;

          g_clear_pointer (&first, g_ptr_array_unref);
          first = cp_store_search_notes_first (store, queries[q], 0, 20, &ranked_all, &error);
          ms = bench_ms_since (start);
          check (first != NULL, error);
          g_array_append_val (first_ms, ms);

          start = g_get_monotonic_time ();
          g_clear_pointer (&all, g_ptr_array_unref);
          all = cp_store_search_notes (store, queries[q], 0, 20, &error);
          ms = bench_ms_since (start);
          check (all != NULL, error);
          g_array_append_val (whole_ms, ms);

          start = g_get_monotonic_time ();
          sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            ;
          sqlite3_reset (stmt);
          ms = bench_ms_since (start);
          g_array_append_val (bare, ms);
        }

      for (guint i = 0; i < first->len; i++)
        for (guint j = 0; j < all->len; j++)
          in_both += ((CpSearchHit *) first->pdata[i])->note_id == ((CpSearchHit *) all->pdata[j])->note_id;
      in_both = all->len > 0 ? 100.0 * in_both / all->len : 100;
      g_array_append_val (shared, in_both);
      printf ("  “%s”: %s; first screen has %.0f %% of the top %u\n", queries[q],
              ranked_all ? "all matches ranked at once" : "best on hand, then all ranked on a worker",
              in_both, all->len);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  *first_screen = (BenchResult) { "global search, first screen of 20 hits", "ms", 0, 0, "median <= 16 ms" };
  bench_summarize (first_screen, first_ms, bare);
  first_screen->met = first_screen->value <= 16;
  *whole = (BenchResult) { "global search, all matches ranked (worker)", "ms", 0, 0, "<= 2x" };
  bench_summarize (whole, whole_ms, bare);
  whole->met = whole->value <= 2 * whole->floor;

  /* The median query's overlap; its 95th percentile is the worst but one. */
  *overlap = (BenchResult) { "global search, first screen in the top 20", "%", 0, 0, "reported" };
  bench_summarize (overlap, shared, NULL);
  g_array_sort (shared, bench_compare_doubles);
  overlap->p95 = g_array_index (shared, double, 0);
  overlap->met = TRUE;
}

/* Bulk import of 100,000 note files against a bare insert loop into the
 * same schema, full-text index included.
 */
static void
bench_import (const char  *workdir,
              BenchResult *result,
              GPtrArray   *bodies)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *folder = g_build_filename (workdir, "import", NULL);
  g_autofree char *app_db = g_build_filename (workdir, "import.db", NULL);
  g_autofree char *bare_db = g_build_filename (workdir, "bare.db", NULL);
  const char *paths[] = { folder, NULL };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;
  guint imported = 0;

  cp_test_remove_tree (folder);
  g_mkdir_with_parents (folder, 0700);
  for (guint i = 0; i < BENCH_NOTES; i++)
    {
      char *body = bench_note_text (rand, BENCH_NOTE_BYTES, i);
      g_autofree char *name = g_strdup_printf ("%s/note-%06u.md", folder, i);

      check (g_file_set_contents (name, body, -1, &error), error);
      g_ptr_array_add (bodies, body);
    }

  /* The app: read, check and add every file, in one transaction. */
  {
    g_autoptr(CpStore) store = (g_unlink (app_db), cp_store_open (app_db, &error));
    g_autoptr(CpEngagement) engagement = NULL;

    check (store != NULL, error);
    engagement = cp_store_create_engagement (store, "Import", CP_APPROACH_COACHED, &error);
    check (engagement != NULL, error);
    start = g_get_monotonic_time ();
    check (cp_notes_import (engagement, paths, &imported, &error), error);
    result->value = bench_ms_since (start);
    g_assert (imported == BENCH_NOTES);
  }

  /* The floor: the same schema, the bodies already in memory. */
  {
    g_autoptr(CpStore) store = (g_unlink (bare_db), cp_store_open (bare_db, &error));
    g_autoptr(CpEngagement) engagement = cp_store_create_engagement (store, "Bare",
                                                                     CP_APPROACH_COACHED, &error);

    check (engagement != NULL, error);
  }
  g_assert (sqlite3_open (bare_db, &db) == SQLITE_OK);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", NULL, NULL, NULL);
  g_assert (sqlite3_prepare_v2 (db, "INSERT INTO note (engagement_id, title, display_title, body, "
                                    "tags, visibility) VALUES (1, '', ?1, ?2, '', 'coach')",
                                -1, &stmt, NULL) == SQLITE_OK);
  start = g_get_monotonic_time ();
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; i < bodies->len; i++)
    {
      const char *body = g_ptr_array_index (bodies, i);

      sqlite3_bind_text (stmt, 1, body + 2, strcspn (body + 2, "\n"), SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, body, -1, SQLITE_STATIC);
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  result->floor = bench_ms_since (start);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  result->name = "bulk import of 100,000 notes";
  result->unit = "ms";
  result->goal = "<= 2x";
  /* One run each, too long to repeat: its median and 95th percentile are
   * the run itself.
   */
  result->p95 = result->value;
  result->floor_p95 = result->floor;
  result->met = result->value <= 2 * result->floor;
}

/* Exporting an engagement of 10,000 notes, as throughput, against
 * writing the same bytes to the same names with plain stdio.
 */
static BenchResult
bench_export (const char *workdir,
              GPtrArray  *bodies)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (workdir, "export.db", NULL);
  g_autofree char *app_dir = g_build_filename (workdir, "export-app", NULL);
  g_autofree char *bare_dir = g_build_filename (workdir, "export-bare", NULL);
  g_autoptr(CpStore) store = (g_unlink (db_path), cp_store_open (db_path, &error));
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GArray) app_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (double));
  BenchResult r = { "export of a 10,000-note engagement", "MB/s" };
  guint written = 0;
  gsize bytes = 0;
  double app_ms, bare_ms;

  check (store != NULL, error);
  engagement = cp_store_create_engagement (store, "Export", CP_APPROACH_COACHED, &error);
  check (engagement != NULL, error);
  {
    g_autofree char *folder = g_build_filename (workdir, "import", NULL);
    g_autoptr(GPtrArray) some = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < 10000; i++)
      g_ptr_array_add (some, g_strdup_printf ("%s/note-%06u.md", folder, i));
    g_ptr_array_add (some, NULL);
    check (cp_notes_import (engagement, (const char * const *) some->pdata, NULL, &error), error);
  }

  /* In turns, four times, each into a folder of its own after the disk
   * has caught up, first one then the other: the disk of a virtual machine
   * varies, and what one wrote must not slow the other down.
   */
  files = cp_notes_export_prepare (engagement, CP_NOTES_EXPORT_DEFAULT, &error);
  check (files != NULL, error);
  for (guint i = 0; i < files->len; i++)
    bytes += ((CpExportFile *) g_ptr_array_index (files, i))->length;

  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *app_round = g_strdup_printf ("%s-%u", app_dir, round);
      g_autofree char *bare_round = g_strdup_printf ("%s-%u", bare_dir, round);

      for (guint turn = 0; turn < 2; turn++)
        {
          gint64 start;
          double ms;

          sync ();
          start = g_get_monotonic_time ();
          if ((turn + round) % 2 == 0)
            {
              /* The app: render each note with its front matter, then write. */
              check (cp_notes_export (engagement, app_round, CP_NOTES_EXPORT_DEFAULT, NULL, NULL, NULL,
                                      &written, &error), error);
              ms = bench_ms_since (start);
              g_array_append_val (app_times, ms);
              g_assert (written == 10000);
              continue;
            }

          /* The floor: the same names and bytes, fopen, fwrite, fclose. */
          g_mkdir_with_parents (bare_round, 0755);
          for (guint i = 0; i < files->len; i++)
            {
              CpExportFile *file = g_ptr_array_index (files, i);
              g_autofree char *path = g_build_filename (bare_round, file->name, NULL);
              FILE *out = fopen (path, "w");

              g_assert (out != NULL);
              fwrite (file->contents, 1, file->length, out);
              fclose (out);
            }
          ms = bench_ms_since (start);
          g_array_append_val (bare_times, ms);
        }
    }
  app_ms = bench_median (app_times);
  bare_ms = bench_median (bare_times);

  r.value = bytes / 1e6 / (app_ms / 1000);
  r.floor = bytes / 1e6 / (bare_ms / 1000);
  /* The rate of the slow runs: the 95th percentile of the times. */
  r.p95 = bytes / 1e6 / (bench_p95 (app_times) / 1000);
  r.floor_p95 = bytes / 1e6 / (bench_p95 (bare_times) / 1000);
  r.goal = ">= 0.5x";
  r.met = r.value >= 0.5 * r.floor;

  return r;
}

/* The preview's parse of a 100 KB note into styled runs, against cmark
 * rendering it to HTML.
 */
static BenchResult
bench_preview (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  BenchResult r = { "preview runs of a 100 KB note", "ms" };
  guint serial = 0;

  /* Headings, paragraphs, lists, emphasis and code, as notes have. */
  while (text->len < 100 * 1024)
    {
      g_autofree char *part = bench_note_text (rand, 400, ++serial);

      g_string_append (text, part);
      g_string_append_printf (text, "\n- item with **strong** and *emphasis* %u\n- `code` and "
                              "[a link](https://example.com/%u)\n\n", serial, serial);
    }

  for (guint i = 0; i < REPEAT; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) runs = cp_markdown_to_runs (text->str, text->len);
      double ms = bench_ms_since (start);
      char *html;

      g_array_append_val (app, ms);
      start = g_get_monotonic_time ();
      html = cmark_markdown_to_html (text->str, text->len, CMARK_OPT_DEFAULT);
      ms = bench_ms_since (start);
      free (html);
      g_array_append_val (bare, ms);
    }

  bench_summarize (&r, app, bare);
  r.goal = "<= 16 ms";
  r.met = r.value <= 16;

  return r;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  BenchResult results[6];
  guint n = 0;

  if (argc < 3)
    {
      g_printerr ("usage: bench-core LARGE_DB WORKDIR [RESULTS_JSON]\n");
      return 2;
    }

  /* BENCH_ONLY=export, say, runs one of them. */
#define WANTED(what) (g_getenv ("BENCH_ONLY") == NULL || g_str_equal (g_getenv ("BENCH_ONLY"), what))
  if (WANTED ("search"))
    {
      bench_search (argv[1], &results[n], &results[n + 1], &results[n + 2]);
      for (guint i = 0; i < 3; i++)
        bench_print (&results[n++]);
    }
  if (WANTED ("preview"))
    {
      results[n] = bench_preview ();
      bench_print (&results[n++]);
    }
  if (WANTED ("import") || WANTED ("export"))
    {
      bench_import (argv[2], &results[n], bodies);
      if (WANTED ("import"))
        bench_print (&results[n++]);
    }
  if (WANTED ("export"))
    {
      results[n] = bench_export (argv[2], bodies);
      bench_print (&results[n++]);
    }

  bench_save (argc > 3 ? argv[3] : NULL, results, n);

  return 0;
}
