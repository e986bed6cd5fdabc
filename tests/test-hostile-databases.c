/* test-hostile-databases.c — database files, backups, restores and the messages about them, fed bad and unusual input, as a hostile user would
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cp-test-hostile.h"

/* ---------------------------------------------------------------- */
/* 2. Restores keep every kept copy.                                 */

static char *
kept_from (const Run *r)
{
  const char *at = strstr (r->out, "kept as ");

  g_assert_nonnull (at);
  return g_strstrip (g_strdup (at + strlen ("kept as ")));
}

static gboolean
title_in (const char *db,
          const char *title)
{
  sqlite3 *conn = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (conn, "SELECT 1 FROM engagement WHERE title = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (conn);

  return found;
}

static void
test_restore_same_second (Fx            *f,
                          gconstpointer  data)
{
  g_autofree char *backup = fx_path (f, "backup.db");
  g_autofree char *backup_opt = g_strconcat ("--backup=", backup, NULL);
  g_autofree char *restore_opt = g_strconcat ("--restore=", backup, NULL);
  g_autofree char *kept1 = NULL;
  g_autofree char *kept2 = NULL;
  Run r;

  r = run (f, backup_opt, NULL);
  assert_done (&r);
  run_clear (&r);

  r = run (f, "--new=Written before the first restore", NULL);
  assert_done (&r);
  run_clear (&r);
  r = run (f, restore_opt, NULL);
  assert_done (&r);
  kept1 = kept_from (&r);
  run_clear (&r);

  r = run (f, "--new=Written before the second restore", NULL);
  assert_done (&r);
  run_clear (&r);
  r = run (f, restore_opt, NULL);
  assert_done (&r);
  kept2 = kept_from (&r);
  run_clear (&r);

  g_assert_cmpstr (kept1, !=, kept2);
  g_assert_true (title_in (kept1, "Written before the first restore"));
  g_assert_true (title_in (kept2, "Written before the second restore"));
  g_assert_false (title_in (f->db, "Written before the second restore"));
}

typedef struct
{
  GPid     pid;
  int      out_fd;
  char    *title;   /* a writer's title, or NULL for a restore */
  GString *out;
  int      status;
} Child;

static void
spawn_child (Fx          *f,
             Child       *c,
             const char  *arg)
{
  const char *binary = g_getenv ("COACHPLAN_BINARY");
  const char *argv[] = { binary, f->dbopt, arg, NULL };
  g_autoptr(GError) error = NULL;

  c->out = g_string_new (NULL);
  g_spawn_async_with_pipes (f->dir, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                            NULL, NULL, &c->pid, NULL, &c->out_fd, NULL, &error);
  g_assert_no_error (error);
}

static void
finish_child (Child *c)
{
  char buf[256];
  gssize n;
  int status;

  while ((n = read (c->out_fd, buf, sizeof buf)) > 0)
    g_string_append_len (c->out, buf, n);
  close (c->out_fd);
  g_assert_cmpint (waitpid (c->pid, &status, 0), ==, c->pid);
  g_assert_true (WIFEXITED (status));
  c->status = WEXITSTATUS (status);
  g_spawn_close_pid (c->pid);
}

/* Three writers and five restores at once: every write reported as done
 * is in the database or in a copy a restore kept.
 */
static void
test_restore_parallel (Fx            *f,
                       gconstpointer  data)
{
  g_autofree char *backup = fx_path (f, "backup.db");
  g_autofree char *backup_opt = g_strconcat ("--backup=", backup, NULL);
  g_autofree char *restore_opt = g_strconcat ("--restore=", backup, NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  enum { WRITERS = 3, WRITES = 12, RESTORES = 5 };
  Child writers[WRITERS][WRITES];
  Child restores[RESTORES];
  guint reported = 0, found = 0;
  Run r;

  r = run (f, backup_opt, NULL);
  assert_done (&r);
  run_clear (&r);

  /* Rounds of one write by each writer, a restore now and then. */
  for (guint w = 0; w < WRITES; w++)
    {
      for (guint k = 0; k < WRITERS; k++)
        {
          g_autofree char *arg = NULL;

          writers[k][w].title = g_strdup_printf ("Writer %u write %u", k, w);
          arg = g_strconcat ("--new=", writers[k][w].title, NULL);
          spawn_child (f, &writers[k][w], arg);
        }
      if (w % 2 == 1 && w / 2 < RESTORES)
        spawn_child (f, &restores[w / 2], restore_opt);
      for (guint k = 0; k < WRITERS; k++)
        finish_child (&writers[k][w]);
      if (w % 2 == 1 && w / 2 < RESTORES)
        {
          Child *c = &restores[w / 2];

          finish_child (c);
          if (c->status == 0)
            {
              Run as_run = { 0, c->out->str, NULL };
              g_ptr_array_add (kept, kept_from (&as_run));
            }
          g_string_free (c->out, TRUE);
        }
    }

  g_assert_cmpuint (kept->len, >, 0);
  /* No two restores kept their copy under the same name. */
  for (guint i = 0; i < kept->len; i++)
    for (guint j = i + 1; j < kept->len; j++)
      g_assert_cmpstr (kept->pdata[i], !=, kept->pdata[j]);

  for (guint k = 0; k < WRITERS; k++)
    for (guint w = 0; w < WRITES; w++)
      {
        Child *c = &writers[k][w];

        if (c->status == 0)
          {
            gboolean here = title_in (f->db, c->title);

            reported++;
            for (guint i = 0; !here && i < kept->len; i++)
              here = title_in (kept->pdata[i], c->title);
            if (!here)
              g_error ("“%s” was reported written but is in no file", c->title);
            found++;
          }
        g_free (c->title);
        g_string_free (c->out, TRUE);
      }

  g_test_message ("%u writes reported, %u found, %u restores", reported, found, kept->len);
  g_assert_cmpuint (reported, >, 0);
  g_assert_cmpuint (found, ==, reported);
}

/* ---------------------------------------------------------------- */
/* 4. A failed upgrade is refused, never a crash.                    */

static void
test_open_wrong_version (Fx            *f,
                         gconstpointer  data)
{
  const int versions[] = { 0, 1, 2, 5, 7, -1 };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", versions[i]);
      Run r;

      copy_file (template_db, f->db);
      cp_test_sql_exec (f->db, sql);
      fx_freeze (f);

      r = run (f, "--list", NULL);
      assert_refused (f, &r, "cp.db", "format", "left unchanged", NULL);
      run_clear (&r);
    }
}

/* --database=NAME, made by the caller in the case's folder, is refused
 * with a message naming it and saying @says; nothing changes.
 */
static void
assert_database_refused (Fx         *f,
                         const char *name,
                         const char *says)
{
  g_autofree char *path = fx_path (f, name);
  g_autofree char *option = g_strconcat ("--database=", path, NULL);
  const char *args[] = { option, "--list", NULL };
  Run r;

  fx_freeze (f);
  r = run_argv (NULL, args);
  g_assert_cmpint (r.status, ==, 1);
  assert_says (&r, name);
  assert_says (&r, says);
  run_clear (&r);
  fx_assert_untouched (f);
}

static void
test_fifo_database (Fx            *f,
                    gconstpointer  data)
{
  g_autofree char *fifo = fx_path (f, "pipe.db");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_database_refused (f, "pipe.db", "named pipe");
}

static void
test_fifo_restore (Fx            *f,
                   gconstpointer  data)
{
  g_autofree char *fifo = fx_path (f, "pipe.db");
  g_autofree char *option = g_strconcat ("--restore=", fifo, NULL);
  Run r;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  fx_freeze (f);

  r = run (f, option, NULL);
  assert_refused (f, &r, "pipe.db", "named pipe", NULL);
  run_clear (&r);
}

/* ---------------------------------------------------------------- */
/* 10. Damaged databases are refused on open and on restore.         */

static void
test_open_missing_table (Fx            *f,
                         gconstpointer  data)
{
  Run r;

  cp_test_sql_exec (f->db, "DROP TABLE action_item");
  fx_freeze (f);

  r = run (f, "--list", NULL);
  assert_refused (f, &r, "cp.db", "action_item", NULL);
  run_clear (&r);
}

/* A schema opened and checked before, then changed by another tool, is
 * checked again: the check's cache knows schemas by their very SQL.
 */
static void
test_open_changed_after_check (Fx            *f,
                               gconstpointer  data)
{
  Run r;

  r = run (f, "--list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  cp_test_sql_exec (f->db, "ALTER TABLE action_item ADD COLUMN extra TEXT");
  fx_freeze (f);

  r = run (f, "--list", NULL);
  assert_refused (f, &r, "cp.db", "action_item", NULL);
  run_clear (&r);
}

static void
test_open_broken_check (Fx            *f,
                        gconstpointer  data)
{
  Run r;

  cp_test_sql_exec (f->db, "PRAGMA ignore_check_constraints = 1; "
                           "UPDATE note SET visibility = 'public' WHERE id = (SELECT min (id) FROM note)");
  fx_freeze (f);

  r = run (f, "--list", NULL);
  assert_refused (f, &r, "cp.db", "damaged", NULL);
  run_clear (&r);
}

static char *
fx_damaged_backup (Fx         *f,
                   const char *name,
                   const char *sql)
{
  char *path = fx_path (f, name);

  copy_file (template_db, path);
  cp_test_sql_exec (path, sql);

  return path;
}

static void
test_restore_damaged (Fx            *f,
                      gconstpointer  data)
{
  g_autofree char *no_table = fx_damaged_backup (f, "no-table.db", "DROP TABLE action_item");
  g_autofree char *broken = fx_damaged_backup (f, "broken.db",
                                               "PRAGMA ignore_check_constraints = 1; "
                                               "UPDATE note SET visibility = 'public'");
  g_autofree char *dangling = fx_damaged_backup (f, "dangling.db",
                                                 "PRAGMA foreign_keys = OFF; "
                                                 "UPDATE note SET engagement_id = 999");
  g_autofree char *empty = fx_path (f, "empty.db");
  const char *backups[] = { no_table, broken, dangling, empty };
  const char *says[] = { "action_item", "damaged", "damaged", "empty" };

  write_text (empty, "");
  fx_freeze (f);

  for (guint i = 0; i < G_N_ELEMENTS (backups); i++)
    {
      g_autofree char *option = g_strconcat ("--restore=", backups[i], NULL);
      g_autofree char *base = g_path_get_basename (backups[i]);
      Run r = run (f, option, NULL);

      assert_refused (f, &r, base, says[i], NULL);
      g_assert_null (strstr (r.err, "needs an upgrade"));
      run_clear (&r);
    }
}

/* A backup of an older format is upgraded on the way in. */
static void
test_restore_older_format (Fx            *f,
                           gconstpointer  data)
{
  g_autofree char *old = fx_path (f, "old.db");
  g_autofree char *option = g_strconcat ("--restore=", old, NULL);
  g_autofree char *version = NULL;
  g_autofree char *title = NULL;
  g_autofree char *errmsg = NULL;
  sqlite3 *db = NULL;
  Run r;

  g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
  g_assert_true (_cp_store_migrate (db, 0, 5, &errmsg));
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1129344110;"
                                     "INSERT INTO engagement (title) VALUES ('From format five')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  fx_freeze (f);

  r = run (f, option, NULL);
  assert_done (&r);
  run_clear (&r);

  title = sql_text (f, "SELECT group_concat (title) FROM engagement");
  g_assert_cmpstr (title, ==, "From format five");
  version = sql_text (f, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, CP_STORE_SCHEMA_VERSION);
}

static void
test_backup_unwritable (Fx            *f,
                        gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (300, 'b');
  g_autofree char *too_long = g_strdup_printf ("%s/%s.db", f->dir, long_name);
  g_autofree char *missing = fx_path (f, "no/such/folder/b.db");
  const char *outputs[] = { "/proc/b.db", too_long, missing };
  const char *says[] = { "/proc/b.db", "File name too long", "No such file or directory" };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *option = g_strconcat ("--backup=", outputs[i], NULL);
      Run r = run (f, option, NULL);

      assert_refused (f, &r, says[i], NULL);
      g_assert_null (strstr (r.err, "unable to open database file"));
      run_clear (&r);
    }
}

static void
test_database_path_too_long (Fx            *f,
                             gconstpointer  data)
{
  g_autoptr(GString) path = g_string_new (f->dir);
  g_autofree char *option = NULL;
  const char *args[] = { NULL, "--list", NULL };
  Run r;

  while (path->len < 600)
    {
      g_string_append (path, "/folder-with-a-long-name-to-make-the-path-long");
      g_assert_cmpint (g_mkdir (path->str, 0755), ==, 0);
    }
  g_string_append (path, "/cp.db");
  copy_file (template_db, path->str);
  fx_freeze (f);

  option = g_strconcat ("--database=", path->str, NULL);
  args[0] = option;
  r = run_argv (NULL, args);
  g_assert_cmpint (r.status, ==, 1);
  assert_says (&r, "cp.db");
  assert_says (&r, "too long");
  g_assert_null (strstr (r.err, "unable to open database file"));
  run_clear (&r);
  fx_assert_untouched (f);
}

static void
test_list_read_only_folder (Fx            *f,
                            gconstpointer  data)
{
  g_autofree char *folder = fx_path (f, "ro");
  g_autofree char *db = fx_path (f, "ro/cp.db");
  g_autofree char *option = g_strconcat ("--database=", db, NULL);
  const char *args[] = { option, "--list", NULL };
  Run r;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  copy_file (template_db, db);
  if (!fx_become_nobody (f))
    return;
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  fx_freeze (f);

  r = run_argv (f, args);
  assert_done (&r);
  g_assert_nonnull (strstr (r.out, "Service desk"));
  run_clear (&r);
  fx_assert_untouched (f);
}

static void
test_list_wal_is_folder (Fx            *f,
                         gconstpointer  data)
{
  g_autofree char *wal = fx_path (f, "cp.db-wal");
  Run r;

  g_assert_cmpint (g_mkdir (wal, 0755), ==, 0);
  fx_freeze (f);

  r = run (f, "--list", NULL);
  assert_done (&r);
  g_assert_nonnull (strstr (r.out, "Service desk"));
  run_clear (&r);
  fx_assert_untouched (f);

  r = run (f, "--new=Cannot be saved", NULL);
  assert_refused (f, &r, "cp.db-wal", "folder", NULL);
  run_clear (&r);
}

static void
test_databases_refused (Fx            *f,
                        gconstpointer  data)
{
  static const struct { const char *contents; const char *says; } cases[] = {
    { "not a database at all\n", "not a Coachplan database" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Run r;

      write_text (f->db, cases[i].contents);
      fx_freeze (f);
      r = run (f, "--list", NULL);
      assert_refused (f, &r, "cp.db", cases[i].says, NULL);
      run_clear (&r);
    }

  /* A database from a newer Coachplan. */
  copy_file (template_db, f->db);
  cp_test_sql_exec (f->db, "PRAGMA user_version = 77");
  fx_freeze (f);
  {
    Run r = run (f, "--new=Nope", NULL);
    assert_refused (f, &r, "cp.db", "newer version", NULL);
    run_clear (&r);
  }
}

static void
test_more_databases_refused (Fx            *f,
                             gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;
  Run r;

  /* Another application's SQLite file. */
  g_unlink (f->db);
  cp_test_sql_exec (f->db, "CREATE TABLE songs (title TEXT)");
  fx_freeze (f);
  r = run (f, "--list", NULL);
  assert_refused (f, &r, "cp.db", "another application", NULL);
  run_clear (&r);

  /* A database cut short. */
  g_assert_true (g_file_get_contents (template_db, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->db, contents, MIN (length, 8192), NULL));
  fx_freeze (f);
  r = run (f, "--new=Cut short", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_says (&r, "cp.db");
  run_clear (&r);
  fx_assert_untouched (f);

  /* Zeros where the header should be. */
  {
    g_autofree char *zeros = g_malloc0 (4096);

    g_assert_true (g_file_set_contents (f->db, zeros, 4096, NULL));
  }
  fx_freeze (f);
  r = run (f, "--list", NULL);
  assert_refused (f, &r, "cp.db", "not a Coachplan database", NULL);
  run_clear (&r);
}

static void
test_folder_as_database (Fx            *f,
                         gconstpointer  data)
{
  g_autofree char *folder = fx_path (f, "folder.db");

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  assert_database_refused (f, "folder.db", "a folder");
}

static void
test_restores_refused (Fx            *f,
                       gconstpointer  data)
{
  g_autofree char *foreign = fx_path (f, "foreign.db");
  g_autofree char *newer = fx_path (f, "newer.db");
  g_autofree char *missing = fx_path (f, "missing.db");
  g_autofree char *junk = fx_path (f, "junk.db");
  const char *backups[] = { foreign, newer, missing, junk };
  const char *says[] = { "another application", "newer version", "No such file", "not a Coachplan database" };

  cp_test_sql_exec (foreign, "CREATE TABLE songs (title TEXT)");
  copy_file (template_db, newer);
  cp_test_sql_exec (newer, "PRAGMA user_version = 99");
  write_text (junk, "SQLite format 3, or so it says\n");
  fx_freeze (f);

  for (guint i = 0; i < G_N_ELEMENTS (backups); i++)
    {
      g_autofree char *option = g_strconcat ("--restore=", backups[i], NULL);
      g_autofree char *base = g_path_get_basename (backups[i]);
      Run r = run (f, option, NULL);

      assert_refused (f, &r, base, says[i], NULL);
      run_clear (&r);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  make_template ();

#define ADD(path, func) g_test_add ("/hostile/" path, Fx, NULL, fx_set_up, func, fx_tear_down)
  ADD ("restore/same-second", test_restore_same_second);
  ADD ("restore/parallel", test_restore_parallel);
  ADD ("open/wrong-version", test_open_wrong_version);
  ADD ("fifo/database", test_fifo_database);
  ADD ("fifo/restore", test_fifo_restore);
  ADD ("open/missing-table", test_open_missing_table);
  ADD ("open/changed-after-check", test_open_changed_after_check);
  ADD ("open/broken-check", test_open_broken_check);
  ADD ("restore/damaged", test_restore_damaged);
  ADD ("restore/older-format", test_restore_older_format);
  ADD ("messages/backup-unwritable", test_backup_unwritable);
  ADD ("messages/database-path-too-long", test_database_path_too_long);
  ADD ("messages/list-read-only-folder", test_list_read_only_folder);
  ADD ("messages/list-wal-is-folder", test_list_wal_is_folder);
  ADD ("passing/databases-refused", test_databases_refused);
  ADD ("passing/more-databases-refused", test_more_databases_refused);
  ADD ("passing/folder-as-database", test_folder_as_database);
  ADD ("passing/restores-refused", test_restores_refused);
#undef ADD

  status = g_test_run ();
  remove_template ();

  return status;
}
