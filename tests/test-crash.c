/* test-crash.c — a writer killed at random moments loses nothing it
 * reported as saved, and never leaves a damaged database
 *
 * The writer is this program run again with --writer: it does what the
 * app does — adds notes, edits them through the autosave's flush, ticks
 * checklist items — each in the app's own transactions, and after each
 * change has returned it writes a line saying so. The test kills it with
 * SIGKILL after a random moment, a hundred times, and after each kill
 * checks the database with integrity_check and looks for every change the
 * writer reported.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cp-checklist-item.h"
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-note.h"
#include "cp-phase.h"
#include "cp-test-util.h"
#include "cp-store.h"

#define KILLS 100

static void
report (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

/* One line, written at once: what the parent reads is what was done. */
static void
report (const char *format,
        ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize done = 0;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  while (done < strlen (line))
    {
      ssize_t n = write (STDOUT_FILENO, line + done, strlen (line) - done);

      if (n <= 0)
        _exit (3);
      done += n;
    }
}

static GPtrArray *
all_items (CpEngagement *engagement)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *phases = cp_cycle_get_phases (cp_engagement_get_current_cycle (engagement), NULL);

  for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
    {
      g_autoptr(CpPhase) phase = g_list_model_get_item (phases, p);
      GListModel *list = cp_phase_get_items (phase, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (items, g_list_model_get_item (list, i));
    }

  return items;
}

/* Runs until killed. */
static int
writer (const char *path,
        guint       first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, &error);
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (store == NULL || !(engagement = cp_store_get_engagement (store, 1, &error)))
    {
      g_printerr ("writer: %s\n", error->message);
      return 2;
    }
  items = all_items (engagement);
  report ("ready\n");

  for (guint k = first;; k++)
    {
      g_autofree char *body = g_strdup_printf ("Note %u\n", k);
      g_autofree char *edited = g_strdup_printf ("Note %u, edited\n", k);
      g_autoptr(CpNote) note = cp_engagement_add_note (engagement, NULL, body, &error);
      CpChecklistItem *item = g_ptr_array_index (items, k % items->len);
      gboolean done = !cp_checklist_item_get_done (item);

      if (note == NULL)
        return 2;
      report ("note %u\n", k);

      cp_note_set_body (note, edited);
      if (!cp_store_flush (store, &error))
        return 2;
      report ("edit %u\n", k);

      if (!cp_checklist_item_set_done (item, done, "Writer", &error))
        return 2;
      report ("tick %" G_GINT64_FORMAT " %d\n", cp_checklist_item_get_id (item), done);
    }
}

static char *
query (const char *path,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static char *
query (const char *path,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return cp_test_sql_text (path, sql);
}

static void
test_kill_writer (void)
{
  g_autofree char *dir = cp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "crash.db", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GHashTable) ticks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint total_notes = 0, total_reports = 0;

  g_assert_nonnull (self);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CpStore) store = cp_store_open (path, &error);
    g_autoptr(CpEngagement) sample = cp_store_load_sample_on (store, CP_TEST_SAMPLE_DAY, &error);

    g_assert_no_error (error);
    g_assert_cmpint (cp_engagement_get_id (sample), ==, 1);
  }

  for (guint round = 0; round < KILLS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *first = g_strdup_printf ("%u", (round + 1) * 100000);
      const char *argv[] = { self, "--writer", path, first, NULL };
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autofree char *check = NULL;
      g_autofree char *ready = NULL;
      char *line;
      guint notes = 0;
      gint64 uncertain_item = 0;
      gboolean last_was_edit = FALSE;
      guint last_note = 0;

      child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      /* Wait until it has opened the database, then let it write for a
       * random while — sometimes none at all — and kill it.
       */
      ready = g_data_input_stream_read_line (lines, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (ready, ==, "ready");
      g_usleep (g_random_int_range (0, 40000));
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      /* What it said it did. */
      while ((line = g_data_input_stream_read_line (lines, NULL, NULL, &error)) != NULL)
        {
          guint k;
          gint64 id;
          int done;

          total_reports++;
          if (sscanf (line, "note %u", &k) == 1)
            {
              g_autofree char *count = query (path, "SELECT count(*) FROM note WHERE body IN "
                                                    "('Note %u\n', 'Note %u, edited\n')", k, k);

              g_assert_cmpstr (count, ==, "1");
              notes++;
              last_note = k;
              last_was_edit = FALSE;
            }
          else if (sscanf (line, "edit %u", &k) == 1)
            {
              g_autofree char *count = query (path, "SELECT count(*) FROM note WHERE body = "
                                                    "'Note %u, edited\n'", k);

              g_assert_cmpstr (count, ==, "1");
              last_was_edit = TRUE;
            }
          else if (sscanf (line, "tick %" G_GINT64_FORMAT " %d", &id, &done) == 2)
            {
              g_hash_table_insert (ticks, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (done));
              last_was_edit = FALSE;
            }
          else
            g_error ("the writer said “%s”", line);
          g_free (line);
        }
      g_assert_no_error (error);

      /* After an edit, the tick that followed may have been saved unsaid. */
      if (last_was_edit)
        {
          g_autofree char *n = query (path, "SELECT count(*) FROM checklist_item");
          g_autofree char *id_text = NULL;

          /* The writer ticks items in order of the cycle's phases. */
          id_text = query (path, "SELECT i.id FROM checklist_item i JOIN phase p ON p.id = i.phase_id "
                                 "ORDER BY p.position, i.position, i.id LIMIT 1 OFFSET %u",
                           last_note % (guint) g_ascii_strtoull (n, NULL, 10));
          uncertain_item = g_ascii_strtoll (id_text, NULL, 10);
        }

      /* Whole, and every tick as last said — but the one in doubt. */
      check = query (path, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
      {
        GHashTableIter iter;
        gpointer key, value;

        g_hash_table_iter_init (&iter, ticks);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            gint64 id = *(gint64 *) key;
            g_autofree char *done = query (path, "SELECT done FROM checklist_item WHERE id = %"
                                           G_GINT64_FORMAT, id);

            if (id == uncertain_item)
              g_hash_table_iter_replace (&iter, GINT_TO_POINTER (g_ascii_strtoll (done, NULL, 10)));
            else
              g_assert_cmpint (g_ascii_strtoll (done, NULL, 10), ==, GPOINTER_TO_INT (value));
          }
      }

      total_notes += notes;
    }

  g_test_message ("%u kills, %u changes reported and found, %u notes", KILLS, total_reports,
                  total_notes);
  /* The writer got somewhere: the test tested something. */
  g_assert_cmpuint (total_notes, >, 0);

  cp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return writer (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill-writer", test_kill_writer);

  return g_test_run ();
}
