/* bench-ui.c — start-up, memory, and the window's responses with the large
 * database, each with its floor or goal
 *
 * Start-up and memory: Coachplan and the minimal libadwaita window of
 * this tree are started in turn, each printing when its first frame is
 * drawn and its resident memory then. The rest runs Coachplan's window in
 * this process and times, to the frame that shows it: selecting an
 * engagement, opening a note in editor and preview, the preview of a
 * 100 KB note, and typing into a 1 MB note.
 *
 * Usage (under a display): bench-ui COACHPLAN MINIMAL_WINDOW LARGE_DB [RESULTS_JSON]
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include "cp-source.h"
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "cp-application.h"
#include "cp-engagement.h"
#include "cp-markdown-view.h"
#include "cp-note.h"
#include "cp-window.h"

#define STARTS 21

static BenchResult results[12];
static guint n_results;
static const char *database;

/* Starts @argv and returns how long its first frame took, in ms, and its
 * resident memory then, in MB.
 */
static double
first_frame (const char * const *argv,
             double             *rss_mb)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *out = NULL;
  gint64 start, painted = 0;
  long rss = 0;

  g_subprocess_launcher_setenv (launcher, "COACHPLAN_BENCH_FIRST_FRAME", "1", TRUE);
  start = g_get_monotonic_time ();
  child = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);

  if (out == NULL || sscanf (out, "first-frame %" G_GINT64_FORMAT " rss-kb %ld", &painted, &rss) != 2)
    g_error ("bench-ui: %s said “%s”", argv[0], out ? out : "");

  *rss_mb = rss / 1024.0;

  return (painted - start) / 1000.0;
}

static void
bench_start (const char *coachplan,
             const char *minimal)
{
  g_autofree char *option = g_strconcat ("--database=", database, NULL);
  const char *app_argv[] = { coachplan, option, NULL };
  const char *floor_argv[] = { minimal, NULL };
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_mb = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_mb = g_array_new (FALSE, FALSE, sizeof (double));
  BenchResult *start = &results[n_results++];
  BenchResult *memory = &results[n_results++];

  /* One of each first, to warm the caches both use. */
  for (guint i = 0; i <= STARTS; i++)
    {
      double mb, ms;

      ms = first_frame (app_argv, &mb);
      if (i > 0)
        {
          g_array_append_val (app_ms, ms);
          g_array_append_val (app_mb, mb);
        }
      ms = first_frame (floor_argv, &mb);
      if (i > 0)
        {
          g_array_append_val (floor_ms, ms);
          g_array_append_val (floor_mb, mb);
        }
    }

  *start = (BenchResult) { "start to first frame, large database", "ms", 0, 0, "<= 1.25x" };
  bench_summarize (start, app_ms, floor_ms);
  start->met = start->value <= 1.25 * start->floor;
  *memory = (BenchResult) { "resident memory after start", "MB", 0, 0, "<= +40 MB" };
  bench_summarize (memory, app_mb, floor_mb);
  memory->met = memory->value <= memory->floor + 40;
  bench_print (start);
  bench_print (memory);
}

/* --- In the window ------------------------------------------------- */

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

/* Runs the main loop until a frame has been drawn after now. */
static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_type (child, type)))
        return found;
    }

  return NULL;
}

/* Waits until the preview has laid out all of its note, then for the
 * frame that shows it.
 */
static void
wait_for_preview (CpWindow *window)
{
  CpMarkdownView *preview = NULL;

  while (preview == NULL)
    {
      preview = CP_MARKDOWN_VIEW (find_type (GTK_WIDGET (window), CP_TYPE_MARKDOWN_VIEW));
      if (preview == NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  while (cp_markdown_view_get_busy (preview))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (GTK_WIDGET (window));
}

/* Waits until the preview has drawn the first screen of its note: a
 * frame after it has text as far down as the view shows.
 */
static void
wait_for_first_screen (CpWindow *window)
{
  CpMarkdownView *preview = NULL;

  while (preview == NULL)
    {
      preview = CP_MARKDOWN_VIEW (find_type (GTK_WIDGET (window), CP_TYPE_MARKDOWN_VIEW));
      if (preview == NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  while (!cp_markdown_view_get_first_screen_shown (preview))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (GTK_WIDGET (window));
}

/* The longest the main loop went without running, probed every ms. */
static gint64 last_probe;
static gint64 longest_stall;

static gboolean
probe_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_probe > 0)
    longest_stall = MAX (longest_stall, now - last_probe);
  last_probe = now;

  return G_SOURCE_CONTINUE;
}

static gint64
add_note (CpStore    *store,
          gint64      engagement_id,
          gsize       bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = cp_store_get_engagement (store, engagement_id, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (bytes);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(CpNote) note = NULL;
  guint serial = 0;

  while (text->len < bytes)
    {
      g_autofree char *part = bench_note_text (rand, 600, ++serial);

      g_string_append (text, part);
      g_string_append (text, "\n- a list item with **strong** text\n- and `code`\n\n");
    }
  note = cp_engagement_add_note (engagement, "Long note", text->str, &error);
  g_assert_no_error (error);

  return cp_note_get_id (note);
}

/* BENCH_ONLY=select, say, runs one of them (start, select, open,
 * preview, typing); BENCH_REPEAT multiplies the rounds, for a profiler.
 */
#define WANTED(what) (g_getenv ("BENCH_ONLY") == NULL || g_str_equal (g_getenv ("BENCH_ONLY"), what))

static guint
rounds (guint n)
{
  const char *repeat = g_getenv ("BENCH_REPEAT");

  return n * (repeat != NULL ? MAX (atoi (repeat), 1) : 1);
}

/* @at_most is the goal for the median, or for the 95th percentile when
 * @by_p95.
 */
static void
add_result (const char *name,
            GArray     *values,
            const char *goal,
            double      at_most,
            gboolean    by_p95)
{
  BenchResult *r = &results[n_results++];

  *r = (BenchResult) { name, "ms", 0, 0, goal };
  bench_summarize (r, values, NULL);
  r->met = (by_p95 ? r->p95 : r->value) <= at_most;
  bench_print (r);
}

static void
scenario (CpWindow *window)
{
  CpStore *store = cp_window_get_store (window);
  g_autoptr(GArray) select_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_screen_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) preview_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stall_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  gint64 big, huge;
  GtkTextBuffer *buffer;
  guint probe;

  /* Let the daily backup of the database be done before timing. */
  spin (4000);

  for (guint i = 0; WANTED ("select") && i < rounds (40); i++)
    {
      g_autoptr(CpEngagement) engagement = cp_store_get_engagement (store,
                                                                    g_rand_int_range (rand, 1, BENCH_ENGAGEMENTS),
                                                                    NULL);
      gint64 start;
      double ms;

      /* As a person would, well after the last frame: the frame clock
       * holds a frame asked for at once after another to 60 a second.
       */
      spin (100);
      start = g_get_monotonic_time ();
      cp_window_show_engagement (window, engagement);
      wait_for_frame (GTK_WIDGET (window));
      ms = bench_ms_since (start);
      g_array_append_val (select_ms, ms);
    }
  if (WANTED ("select"))
    {
      g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));

      /* The floor: a frame asked for with nothing changed, as long after
       * the last one; GDK's own pacing of frames is most of it.
       */
      for (guint i = 0; i < rounds (40); i++)
        {
          gint64 start;
          double ms;

          spin (100);
          start = g_get_monotonic_time ();
          wait_for_frame (GTK_WIDGET (window));
          ms = bench_ms_since (start);
          g_array_append_val (bare_ms, ms);
        }
      add_result ("select an engagement, to its frame", select_ms, "median <= 16 ms", 16, FALSE);
      bench_summarize (&results[n_results - 1], NULL, bare_ms);
      printf ("  (floor: a frame with nothing changed, %.2f ms median, %.2f ms p95)\n",
              results[n_results - 1].floor, results[n_results - 1].floor_p95);
    }

  /* Each engagement has ten notes; note ids follow them in order. */
  for (guint i = 0; WANTED ("open") && i < rounds (40); i++)
    {
      gint64 engagement_id = g_rand_int_range (rand, 1, BENCH_ENGAGEMENTS);
      gint64 note_id = (engagement_id - 1) * 10 + g_rand_int_range (rand, 1, 11);
      gint64 start;
      double ms;

      spin (100);
      start = g_get_monotonic_time ();
      g_assert (cp_window_open_note (window, engagement_id, note_id));
      wait_for_preview (window);
      ms = bench_ms_since (start);
      g_array_append_val (open_ms, ms);
    }
  if (WANTED ("open"))
    add_result ("open a note in editor and preview", open_ms, "median <= 16 ms", 16, FALSE);

  /* A 100 KB note: from opening it to the first screen of its preview
   * drawn, and to the whole of it.
   */
  if (WANTED ("preview"))
    {
      big = add_note (store, 2, 100 * 1024);
      for (guint i = 0; i < rounds (10); i++)
        {
          gint64 start;
          double ms;

          g_assert (cp_window_open_note (window, 1, 1));
          wait_for_preview (window);
          spin (100);
          start = g_get_monotonic_time ();
          g_assert (cp_window_open_note (window, 2, big));
          wait_for_first_screen (window);
          ms = bench_ms_since (start);
          g_array_append_val (first_screen_ms, ms);
          wait_for_preview (window);
          ms = bench_ms_since (start);
          g_array_append_val (preview_ms, ms);
        }
      add_result ("100 KB note, first screen of its preview", first_screen_ms, "median <= 16 ms", 16, FALSE);
      add_result ("100 KB note, whole preview drawn", preview_ms, "median <= 50 ms", 50, FALSE);
    }

  /* Typing into a 1 MB note: bursts of keys, pauses for the autosave and
   * the preview; each key timed to its frame, and the main loop probed
   * for stalls throughout, the longest of each burst kept.
   */
  if (WANTED ("typing"))
    {
      huge = add_note (store, 3, 1024 * 1024);
      g_assert (cp_window_open_note (window, 3, huge));
      wait_for_preview (window);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_type (GTK_WIDGET (window), GTK_SOURCE_TYPE_VIEW)));
      probe = g_timeout_add (1, probe_cb, NULL);
      for (guint burst = 0; burst < rounds (5); burst++)
        {
          double stall;

          last_probe = 0;
          longest_stall = 0;
          for (guint k = 0; k < 10; k++)
            {
              gint64 start = g_get_monotonic_time ();
              double ms;

              gtk_text_buffer_insert_at_cursor (buffer, "x", 1);
              wait_for_frame (GTK_WIDGET (window));
              ms = bench_ms_since (start);
              g_array_append_val (key_ms, ms);
              spin (40);
            }
          spin (600);
          stall = longest_stall / 1000.0;
          g_array_append_val (stall_ms, stall);
        }
      g_source_remove (probe);
      add_result ("typing in a 1 MB note, key to frame", key_ms, "p95 <= 16 ms", 16, TRUE);
      add_result ("typing in a 1 MB note, longest stall a burst", stall_ms, "p95 <= 16 ms", 16, TRUE);
    }
}

static void
activate_cb (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  spin (300);
  scenario (CP_WINDOW (window));
  gtk_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CpApplication) app = NULL;
  g_autofree char *option = NULL;
  g_autofree char *backups = NULL;
  char *app_argv[3];

  if (argc < 4)
    {
      g_printerr ("usage: bench-ui COACHPLAN MINIMAL_WINDOW LARGE_DB [RESULTS_JSON]\n");
      return 2;
    }
  database = argv[3];

  if (WANTED ("start"))
    bench_start (argv[1], argv[2]);
  if (g_getenv ("BENCH_ONLY") != NULL && g_str_equal (g_getenv ("BENCH_ONLY"), "start"))
    {
      bench_save (argc > 4 ? argv[4] : NULL, results, n_results);
      return 0;
    }

  app = cp_application_new (G_APPLICATION_NON_UNIQUE);
  option = g_strconcat ("--database=", database, NULL);
  app_argv[0] = argv[0];
  app_argv[1] = option;
  app_argv[2] = NULL;
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 2, app_argv);

  bench_save (argc > 4 ? argv[4] : NULL, results, n_results);

  return 0;
}
