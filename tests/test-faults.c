/* test-faults.c — a full disk, a locked or replaced database, an export
 * folder that cannot be written: each a clear error, and nothing lost
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cp-engagement.h"
#include "cp-engagement-io.h"
#include "cp-note.h"
#include "cp-notes-io.h"
#include "cp-test-store.h"

static CpEngagement *
engagement_with_note (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = cp_store_create_engagement (f->store, "Faults",
                                                                   CP_APPROACH_COACHED, &error);
  g_autoptr(CpNote) note = NULL;

  g_assert_no_error (error);
  note = cp_engagement_add_note (engagement, NULL, "# Kept\n\nWritten before the fault.\n", &error);
  g_assert_no_error (error);

  return g_steal_pointer (&engagement);
}

static char *
integrity (Fixture *f)
{
  return cp_test_sql_text (f->path, "PRAGMA integrity_check");
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gsize) st.st_size : 0;
}

/* The disk fills while a note is saved: the size limit of the process
 * stands in for it. The save fails with a clear message, what was saved
 * before is intact, and once there is room again saving works.
 */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CpEngagement) engagement = engagement_with_note (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *big = g_malloc (2 * 1024 * 1024 + 1);
  g_autofree char *check = NULL;
  g_autofree char *count = NULL;
  g_autoptr(CpNote) refused = NULL;
  g_autoptr(CpNote) later = NULL;
  struct rlimit old, limit;
  void (*old_handler) (int);

  memset (big, 'x', 2 * 1024 * 1024);
  big[2 * 1024 * 1024] = '\0';

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  old_handler = signal (SIGXFSZ, SIG_IGN);
  limit = old;
  limit.rlim_cur = MAX (file_size (f->path), file_size (wal)) + 64 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  refused = cp_engagement_add_note (engagement, NULL, big, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_null (refused);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_clear_error (&error);

  check = integrity (f);
  g_assert_cmpstr (check, ==, "ok");
  count = cp_test_sql_text (f->path, "SELECT count(*) FROM note WHERE body LIKE '# Kept%'");
  g_assert_cmpstr (count, ==, "1");
  g_clear_pointer (&count, g_free);
  count = cp_test_sql_text (f->path, "SELECT count(*) FROM note");
  g_assert_cmpstr (count, ==, "1");

  later = cp_engagement_add_note (engagement, NULL, "Room again\n", &error);
  g_assert_no_error (error);
  g_assert_nonnull (later);
}

typedef struct
{
  sqlite3 *db;
  guint    hold_ms;
} Holder;

static gpointer
release_later (gpointer data)
{
  Holder *holder = data;

  g_usleep (holder->hold_ms * 1000);
  sqlite3_exec (holder->db, "COMMIT", NULL, NULL, NULL);

  return NULL;
}

/* Another program holds the database's write lock: a save waits for it,
 * goes ahead if it is let go in time, and otherwise says who is in the
 * way; nothing is half written either way.
 */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CpEngagement) engagement = engagement_with_note (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNote) waited = NULL;
  g_autoptr(CpNote) refused = NULL;
  g_autofree char *count = NULL;
  Holder holder = { NULL, 300 };
  GThread *thread;
  gint64 start;

  g_assert_cmpint (sqlite3_open (f->path, &holder.db), ==, SQLITE_OK);

  /* Let go after a moment: the save waited and went through. */
  g_assert_cmpint (sqlite3_exec (holder.db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  thread = g_thread_new ("holder", release_later, &holder);
  start = g_get_monotonic_time ();
  waited = cp_engagement_add_note (engagement, NULL, "Waited for the lock\n", &error);
  g_assert_no_error (error);
  g_assert_nonnull (waited);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 250 * 1000);
  g_thread_join (thread);

  /* Held throughout: refused, clearly, with nothing written. */
  g_assert_cmpint (sqlite3_exec (holder.db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  refused = cp_engagement_add_note (engagement, NULL, "Never written\n", &error);
  g_assert_null (refused);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another program is using the database"));
  sqlite3_exec (holder.db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder.db);

  count = cp_test_sql_text (f->path, "SELECT count(*) FROM note");
  g_assert_cmpstr (count, ==, "2");
}

static void
save_failed_cb (CpStore      *store,
                const GError *error,
                GError      **seen)
{
  g_clear_error (seen);
  *seen = g_error_copy (error);
}

/* The file is deleted, or another put in its place, while it is open:
 * the next save says so instead of writing to a file no folder holds.
 */
static void
test_replaced (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CpEngagement) engagement = engagement_with_note (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) seen = NULL;
  g_autoptr(CpNote) refused = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);

  /* Deleted... */
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  refused = cp_engagement_add_note (engagement, NULL, "Lost if written\n", &error);
  g_assert_null (refused);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_REPLACED);
  g_assert_nonnull (strstr (error->message, "deleted or replaced"));
  g_clear_error (&error);

  /* ...or replaced: an edit's autosave reports it. */
  g_assert_true (g_file_set_contents (other, "another file", -1, NULL));
  g_assert_cmpint (g_rename (other, f->path), ==, 0);
  g_signal_connect (f->store, "save-failed", G_CALLBACK (save_failed_cb), &seen);
  cp_engagement_set_title (engagement, "Renamed after the file was replaced");
  g_timeout_add (1000, (GSourceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);
  g_assert_error (seen, CP_STORE_ERROR, CP_STORE_ERROR_REPLACED);

  /* The file that took its place is left as it was. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "another file");
  }

  g_signal_handlers_disconnect_by_func (f->store, save_failed_cb, &seen);
}

/* An export into a folder that cannot be made says why. */
static void
test_unwritable_export (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CpEngagement) engagement = engagement_with_note (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "export", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *under_locked = g_build_filename (locked, "export", NULL);

  g_assert_true (g_file_set_contents (file, "", -1, NULL));

  g_assert_false (cp_engagement_export (engagement, under_file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Could not create the folder"));
  g_assert_nonnull (strstr (error->message, "a-file"));
  g_clear_error (&error);

  g_assert_false (cp_notes_export (engagement, under_file, CP_NOTES_EXPORT_DEFAULT, NULL, NULL, NULL,
                                   NULL, &error));
  g_assert_nonnull (strstr (error->message, "Could not create the folder"));
  g_clear_error (&error);

  /* Permissions bind everyone but root. */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      g_assert_false (cp_engagement_export (engagement, under_locked, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_chmod (locked, 0700);
    }
}

/* An export never writes through a symbolic link in the folder: not a
 * file's, which is replaced, and not a subfolder's, which is refused.
 */
static void
test_export_symlinks (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CpEngagement) engagement = engagement_with_note (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autofree char *outside_file = g_build_filename (outside, "precious.md", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "export", NULL);
  g_autofree char *people = g_build_filename (folder, "people.md", NULL);
  g_autofree char *notes = g_build_filename (folder, "notes", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_cmpint (g_mkdir_with_parents (outside, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (outside_file, "precious", -1, NULL));

  /* In an earlier export, a file that is a link is replaced by the
   * export's own file.
   */
  g_assert_true (cp_engagement_export (engagement, folder, NULL, &error));
  g_assert_cmpint (g_unlink (people), ==, 0);
  g_assert_cmpint (symlink (outside_file, people), ==, 0);
  g_assert_true (cp_engagement_export (engagement, folder, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (people, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (outside_file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");

  /* A subfolder that is a link is refused; nothing lands outside. */
  cp_test_remove_tree (notes);
  g_assert_cmpint (symlink (outside, notes), ==, 0);
  g_assert_false (cp_engagement_export (engagement, folder, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "link"));
  dir = g_dir_open (outside, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "precious.md");
  g_assert_null (g_dir_read_name (dir));
  g_unlink (notes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_STORE_TEST ("/faults/disk-full", test_disk_full);
  ADD_STORE_TEST ("/faults/locked", test_locked);
  ADD_STORE_TEST ("/faults/replaced", test_replaced);
  ADD_STORE_TEST ("/faults/unwritable-export", test_unwritable_export);
  ADD_STORE_TEST ("/faults/export-symlinks", test_export_symlinks);

  return g_test_run ();
}
