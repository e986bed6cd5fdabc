/* test-store.c — the database file: creation, upgrades and refusals
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cp-engagement.h"
#include "cp-store.h"
#include "cp-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cp_test_make_dir ();
  f->path = g_build_filename (f->dir, "coachplan.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "coachplan.db", NULL);
  g_autofree char *version = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *tables = NULL;
  GStatBuf st;

  store = cp_store_open (nested, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (cp_store_get_read_only (store));
  g_assert_cmpint (cp_store_get_schema_version (store), ==, CP_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (cp_store_get_path (store), ==, nested);

  /* Only the owner may read a coach's notes. */
  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  mode = cp_test_sql_text (nested, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  version = cp_test_sql_text (nested, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, CP_STORE_SCHEMA_VERSION);
  tables = cp_test_sql_text (nested, "SELECT group_concat(name, ',') FROM "
                             "(SELECT name FROM sqlite_schema WHERE type = 'table' "
                             "AND name NOT LIKE 'note_fts_%' ORDER BY name)");
  g_assert_cmpstr (tables, ==, "action_item,approach_change,audit_item,calendar_entry,checklist_item,contract,cycle,engagement,exit_item,goal,goal_reading,"
                               "maturity,mentoring,note,note_fts,opportunity,phase,readiness,session,session_attendee,sign_off,"
                               "stakeholder,stance_change,workstream,workstream_change");

  g_clear_object (&store);

  /* Opening again changes nothing. */
  store = cp_store_open (nested, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_schema_version (store), ==, CP_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (cp_store_count_engagements (store), ==, 0);

  g_clear_object (&store);
  g_unlink (nested);
}

static void
test_migrate_empty_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A zero-byte file is an empty SQLite database: version 0. */
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));

  store = cp_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_schema_version (store), ==, CP_STORE_SCHEMA_VERSION);
}

static void
assert_refused (const char   *path,
                CpStoreError  code)
{
  g_autofree char *before = cp_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *basename = g_path_get_basename (path);

  store = cp_store_open (path, &error);
  g_assert_error (error, CP_STORE_ERROR, code);
  g_assert_null (store);

  /* The message names the file, so the user knows which one. */
  g_assert_nonnull (strstr (error->message, basename));
  g_test_message ("refused: %s", error->message);

  after = cp_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_newer_version (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *version = NULL;

  /* A database a future Coachplan wrote, in rollback-journal mode so that
   * switching it to WAL would show in its header bytes.
   */
  {
    g_autoptr(CpStore) store = cp_store_open (f->path, NULL);
    g_assert_nonnull (store);
  }
  cp_test_sql_exec (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999;"
                     "CREATE TABLE from_the_future (x);");

  assert_refused (f->path, CP_STORE_ERROR_NEWER_VERSION);

  version = cp_test_sql_text (f->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "999");
}

static void
test_refuse_not_sqlite (Fixture       *f,
                        gconstpointer  data)
{
  static const char text[] = "# My notes\n\nThis is a Markdown file, not a database.\n";

  g_assert_true (g_file_set_contents (f->path, text, -1, NULL));
  assert_refused (f->path, CP_STORE_ERROR_NOT_DATABASE);
}

static void
test_refuse_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  {
    g_autoptr(CpStore) store = cp_store_open (f->path, NULL);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (store);
    for (guint i = 0; i < 200; i++)
      {
        g_autofree char *title = g_strdup_printf ("Engagement %u with a longer title to fill pages", i);
        g_autoptr(CpEngagement) e = cp_store_create_engagement (store, title,
                                                                CP_APPROACH_COACHED, &error);
        g_assert_no_error (error);
      }
  }
  cp_test_sql_exec (f->path, "PRAGMA journal_mode = DELETE");

  /* Scribble over the second page, where the engagement table starts. */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096 + 8, 0xA5, 2000);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));

  assert_refused (f->path, CP_STORE_ERROR_CORRUPT);
}

static void
test_refuse_foreign (Fixture       *f,
                     gconstpointer  data)
{
  cp_test_sql_exec (f->path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);"
                     "PRAGMA journal_mode = DELETE;");
  assert_refused (f->path, CP_STORE_ERROR_FOREIGN);

  g_unlink (f->path);
  cp_test_sql_exec (f->path, "PRAGMA application_id = 42; PRAGMA journal_mode = DELETE;");
  assert_refused (f->path, CP_STORE_ERROR_FOREIGN);
}

static void
test_refuse_folder (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (f->dir, &error);

  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_DATABASE);
  g_assert_null (store);
}

static void
test_read_only_flag (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  store = cp_store_open (f->path, &error);
  g_assert_no_error (error);
  engagement = cp_store_create_engagement (store, "Kept", CP_APPROACH_COACHED, &error);
  g_assert_no_error (error);
  g_clear_object (&engagement);
  g_clear_object (&store);

  before = cp_test_file_checksum (f->path);

  store = cp_store_open_full (f->path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_get_read_only (store));

  ids = cp_store_find_engagements (store, NULL, CP_STATUS_ANY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);

  engagement = cp_store_create_engagement (store, "Refused", CP_APPROACH_COACHED, &error);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_assert_null (engagement);
  g_clear_error (&error);

  g_clear_object (&store);
  after = cp_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      /* Permissions do not bind root; CpStore's read-only handling itself
       * is covered by /store/read-only-flag.
       */
      g_test_skip ("root can write to a file whatever its mode");
      return;
    }

  store = cp_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
  store = cp_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_get_read_only (store));
}

static void
test_missing_read_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open_full (f->path, CP_STORE_OPEN_READ_ONLY, &error);

  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;

  return n;
}

static void
test_rotate_backups (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GDateTime) day1 = g_date_time_new_local (2026, 11, 20, 9, 0, 0);
  g_autoptr(GDateTime) day1_later = g_date_time_new_local (2026, 11, 20, 17, 30, 0);
  g_autoptr(GDateTime) day2 = g_date_time_new_local (2026, 11, 21, 9, 0, 0);
  g_autoptr(GDateTime) day3 = g_date_time_new_local (2026, 11, 23, 9, 0, 0);
  g_autoptr(CpStore) store = cp_store_open (f->path, NULL);
  g_autoptr(CpEngagement) engagement = cp_store_create_engagement (store, "Backed up",
                                                                   CP_APPROACH_COACHED, NULL);
  g_autofree char *newest = g_build_filename (folder, "coachplan-20261123-090000.db", NULL);
  g_autofree char *oldest = g_build_filename (folder, "coachplan-20261120-090000.db", NULL);
  g_autoptr(CpStore) copy = NULL;
  gboolean made = FALSE;

  /* At most one a day. */
  g_assert_true (cp_store_rotate_backups (store, folder, 2, day1, &made, &error));
  g_assert_no_error (error);
  g_assert_true (made);
  g_assert_true (cp_store_rotate_backups (store, folder, 2, day1_later, &made, &error));
  g_assert_false (made);
  g_assert_cmpuint (count_files (folder), ==, 1);

  /* Two kept: the oldest goes. */
  g_assert_true (cp_store_rotate_backups (store, folder, 2, day2, &made, &error));
  g_assert_true (made);
  g_assert_true (cp_store_rotate_backups (store, folder, 2, day3, &made, &error));
  g_assert_true (made);
  g_assert_cmpuint (count_files (folder), ==, 2);
  g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));

  /* Each is a whole database, readable by its owner alone. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (newest, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  copy = cp_store_open_full (newest, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_store_count_engagements (copy), ==, 1);

  /* Listed newest first, each with the moment its name gives. */
  {
    g_autoptr(GPtrArray) backups = cp_store_list_backups (folder);
    g_autoptr(GDateTime) made_at = NULL;

    g_assert_cmpuint (backups->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, newest);
    made_at = cp_backup_get_time (g_ptr_array_index (backups, 0));
    g_assert_nonnull (made_at);
    g_assert_true (g_date_time_equal (made_at, day3));
    g_assert_null (cp_backup_get_time ("coachplan-2026-junk.db"));
  }

  /* Backing up now makes one even on a day that has one, and keeps N. */
  {
    g_autoptr(GDateTime) day3_later = g_date_time_new_local (2026, 11, 23, 10, 15, 0);
    g_autoptr(GPtrArray) backups = NULL;
    g_autofree char *beside = NULL;
    g_autofree char *expected = NULL;

    g_assert_true (cp_store_back_up_now (store, folder, 2, day3_later, &error));
    g_assert_no_error (error);
    backups = cp_store_list_backups (folder);
    g_assert_cmpuint (backups->len, ==, 2);
    g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0), "coachplan-20261123-101500.db"));
    g_assert_cmpstr (g_ptr_array_index (backups, 1), ==, newest);

    beside = cp_store_dup_backup_folder (store);
    expected = g_build_filename (f->dir, "backups", NULL);
    g_assert_cmpstr (beside, ==, expected);
  }

  /* No folder, no backups. */
  {
    g_autoptr(GPtrArray) none = cp_store_list_backups ("/nonexistent/backups");

    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* A real backup damaged afterwards — a page overwritten, or the file cut
 * short — is refused, and the database stays exactly as it was.
 */
static void
test_restore_corrupt_backup (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autoptr(CpStore) store = cp_store_open (f->path, NULL);
  g_autofree char *before = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *title = g_strdup_printf ("Engagement %u with a longer title to fill pages", i);
      g_autoptr(CpEngagement) engagement = cp_store_create_engagement (store, title,
                                                                       CP_APPROACH_COACHED, NULL);
    }
  g_assert_true (cp_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 4096);

  for (guint how = 0; how < 2; how++)
    {
      g_autofree char *broken = g_memdup2 (contents, length);
      gsize broken_length = length;
      g_autofree char *after = NULL;
      g_autofree char *kept = NULL;

      if (how == 0)
        /* The second page, a b-tree page, overwritten with noise. */
        for (gsize i = 4096 + 8; i < 2 * 4096; i++)
          broken[i] = (char) (i * 7919 % 251);
      else
        broken_length = length / 2;
      g_assert_true (g_file_set_contents (backup, broken, broken_length, NULL));

      cp_store_flush (store, NULL);
      before = (g_free (before), cp_test_file_checksum (f->path));
      g_assert_false (cp_store_restore (store, backup, &kept, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      g_assert_null (kept);
      cp_store_flush (store, NULL);
      after = cp_test_file_checksum (f->path);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (cp_store_count_engagements (store), ==, 200);
    }
}


/* A row written around a rule of its column is found, and the file
 * refused, naming the table.
 */
static void
test_broken_rule (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CpStore) store = cp_store_open (f->path, NULL);
  g_autoptr(CpEngagement) engagement = cp_store_create_engagement (store, "Rules", CP_APPROACH_COACHED, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_nonnull (engagement);
  g_clear_object (&engagement);
  g_clear_object (&store);
  cp_test_sql_exec (f->path, "PRAGMA ignore_check_constraints = 1; UPDATE engagement SET status = 'lost'");
  before = cp_test_file_checksum (f->path);

  store = cp_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "CHECK constraint failed in engagement"));
  after = cp_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* An index the file's format has is missing: refused, naming it. */
static void
test_missing_index (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CpStore) store = cp_store_open (f->path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (store);
  g_clear_object (&store);
  cp_test_sql_exec (f->path, "DROP INDEX goal_by_engagement");
  store = cp_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "its index “goal_by_engagement” is missing"));
}


/* Every row of every table of @path, the columns of @columns_from only,
 * as text: to compare the values of two files.
 */
static char *
dump_values (const char *path,
             const char *columns_from)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  sqlite3 *db = NULL, *shape = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open_v2 (columns_from, &shape, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (shape, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                              "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'note_fts%' "
                                              "ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autoptr(GString) query = g_string_new ("SELECT ");
      sqlite3_stmt *columns = NULL, *rows = NULL;
      gboolean first = TRUE;

      sqlite3_prepare_v2 (shape, "SELECT name FROM pragma_table_info (?1)", -1, &columns, NULL);
      sqlite3_bind_text (columns, 1, table, -1, SQLITE_STATIC);
      while (sqlite3_step (columns) == SQLITE_ROW)
        {
          g_string_append_printf (query, "%s\"%s\"", first ? "" : ", ", sqlite3_column_text (columns, 0));
          first = FALSE;
        }
      sqlite3_finalize (columns);
      g_string_append_printf (query, " FROM \"%s\" ORDER BY 1, 2", table);

      g_assert_cmpint (sqlite3_prepare_v2 (db, query->str, -1, &rows, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", table);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (dump, "%s|", sqlite3_column_text (rows, c) ? (const char *) sqlite3_column_text (rows, c) : "NULL");
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (shape);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* A database of format 8 with the sample in it: upgraded, every value
 * kept, and every row given a stable id of its own.
 */
static void
test_migrate_with_data (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "version-8.sqlite", NULL);
  g_autofree char *original = g_build_filename (f->dir, "original.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *tables[] = {
    "engagement", "stakeholder", "approach_change", "cycle", "phase", "checklist_item", "sign_off",
    "session", "note", "goal", "goal_reading", "maturity", "workstream", "workstream_change",
    "action_item", "opportunity", "contract", "exit_item",
  };
  gsize length;
  guint n_rows = 0;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
  g_assert_true (g_file_set_contents (original, contents, length, NULL));
  before = dump_values (original, original);

  {
    g_autoptr(CpStore) store = cp_store_open (f->path, &error);
    g_autoptr(CpEngagement) added = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (cp_store_get_schema_version (store), ==, CP_STORE_SCHEMA_VERSION);
    added = cp_store_create_engagement (store, "Added after", CP_APPROACH_COACHED, &error);
    g_assert_no_error (error);
    g_assert_true (cp_store_trash_engagement (store, added, &error));
    g_assert_true (cp_store_purge_trash (store, &error));
  }

  after = dump_values (f->path, original);
  g_assert_cmpstr (after, ==, before);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_autofree char *check_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE uuid IS NULL OR "
                                                    "uuid NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-*-4*-*-*' OR "
                                                    "length (uuid) != 36", tables[i]);
      g_autofree char *distinct_sql = g_strdup_printf ("SELECT count(DISTINCT uuid) FROM %s", tables[i]);
      g_autofree char *count = cp_test_sql_text (f->path, count_sql);
      g_autofree char *bad = cp_test_sql_text (f->path, check_sql);
      g_autofree char *distinct = cp_test_sql_text (f->path, distinct_sql);

      g_assert_cmpstr (bad, ==, "0");
      g_assert_cmpstr (distinct, ==, count);
      n_rows += atoi (count);
    }
  g_assert_cmpuint (n_rows, >, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/create", test_create);
  ADD ("/store/migrate-empty-file", test_migrate_empty_file);
  ADD ("/store/refuse/newer-version", test_refuse_newer_version);
  ADD ("/store/refuse/not-sqlite", test_refuse_not_sqlite);
  ADD ("/store/refuse/corrupt", test_refuse_corrupt);
  ADD ("/store/refuse/foreign", test_refuse_foreign);
  ADD ("/store/refuse/folder", test_refuse_folder);
  ADD ("/store/read-only-flag", test_read_only_flag);
  ADD ("/store/read-only-file", test_read_only_file);
  ADD ("/store/missing-read-only", test_missing_read_only);
  ADD ("/store/rotate-backups", test_rotate_backups);
  ADD ("/store/restore-corrupt-backup", test_restore_corrupt_backup);
  ADD ("/store/refuse/broken-rule", test_broken_rule);
  ADD ("/store/refuse/missing-index", test_missing_index);
  ADD ("/store/migrate-with-data", test_migrate_with_data);

#undef ADD

  return g_test_run ();
}
