/* test-hostile.c — the command line fed bad and unusual input, as a
 * hostile user would: malformed engagement folders, hostile note files,
 * damaged databases, restores, exports and reports.
 *
 * Each case checks the exit status, that the message names the file and
 * the reason, that a refused command left the database byte for byte as
 * it was, and that nothing outside the command's target was written.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cp-engagement.h"
#include "cp-store.h"
#include "cp-store-private.h"
#include "cp-test-util.h"

/* Made once: a database holding the sample engagement (number 1), and
 * that engagement exported as a folder.
 */
static char *template_dir;
static char *template_db;
static char *template_folder;

/* The uid the cases that need a permission refused run as, when the tests
 * run as root (root reads every file).
 */
#define NOBODY 65534

typedef struct
{
  char       *dir;
  char       *db;
  char       *dbopt;
  char       *db_sum;
  GHashTable *before;
  gboolean    as_nobody;
} Fx;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static char *
fx_path (Fx         *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  g_assert_cmpint (g_chmod (to, 0600), ==, 0);
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *a = g_build_filename (from, name, NULL);
      g_autofree char *b = g_build_filename (to, name, NULL);

      if (g_file_test (a, G_FILE_TEST_IS_DIR))
        copy_tree (a, b);
      else
        copy_file (a, b);
    }
}

/* What a folder holds: each path below it with its kind and contents. */
static void
snapshot_into (GHashTable *map,
               const char *root,
               const char *rel)
{
  g_autofree char *path = rel ? g_build_filename (root, rel, NULL) : g_strdup (root);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (rel != NULL)
    {
      char *what;

      if (S_ISLNK (st.st_mode))
        {
          g_autofree char *target = g_file_read_link (path, NULL);
          what = g_strconcat ("link ", target, NULL);
        }
      else if (S_ISREG (st.st_mode))
        {
          g_autofree char *sum = NULL;
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (g_file_get_contents (path, &contents, &length, NULL))
            sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
          what = g_strdup_printf ("file %o %s", st.st_mode & 07777, sum ? sum : "unreadable");
        }
      else if (S_ISDIR (st.st_mode))
        what = g_strdup_printf ("folder %o", st.st_mode & 07777);
      else
        what = g_strdup ("other");
      g_hash_table_insert (map, g_strdup (rel), what);
    }

  if (!S_ISDIR (st.st_mode) || !(dir = g_dir_open (path, 0, NULL)))
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      snapshot_into (map, root, child);
    }
}

static GHashTable *
snapshot (const char *root)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  snapshot_into (map, root, NULL);

  return map;
}

/* Records the state the command must not change: call it after the
 * case has laid out its files.
 */
static void
fx_freeze (Fx *f)
{
  g_clear_pointer (&f->before, g_hash_table_unref);
  g_clear_pointer (&f->db_sum, g_free);
  f->before = snapshot (f->dir);
  f->db_sum = cp_test_file_checksum (f->db);
}

static gboolean
under_any (const char         *rel,
           const char * const *allowed)
{
  for (guint i = 0; allowed && allowed[i]; i++)
    {
      gsize n = strlen (allowed[i]);

      if (strncmp (rel, allowed[i], n) == 0 && (rel[n] == '\0' || rel[n] == '/' || allowed[i][n - 1] == '*'))
        return TRUE;
    }

  return FALSE;
}

/* Nothing in the case's folder changed but the paths in @allowed (a
 * name, everything below it, or a prefix ending in "*").
 */
static void
fx_assert_unchanged_except (Fx                 *f,
                            const char * const *allowed)
{
  g_autoptr(GHashTable) after = snapshot (f->dir);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, f->before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *now = g_hash_table_lookup (after, key);

      if (under_any (key, allowed))
        continue;
      if (g_strcmp0 (now, value) != 0)
        g_error ("“%s” changed: was %s, is %s", (char *) key, (char *) value, now ? now : "gone");
    }

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!under_any (key, allowed) && !g_hash_table_contains (f->before, key))
      g_error ("“%s” was written: %s", (char *) key, (char *) value);
}

static void
fx_assert_untouched (Fx *f)
{
  fx_assert_unchanged_except (f, NULL);
}

static void
chown_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  g_assert_cmpint (lchown (path, NOBODY, NOBODY), ==, 0);
  if (!S_ISDIR (st.st_mode) || !(dir = g_dir_open (path, 0, NULL)))
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      chown_tree (child);
    }
}

/* Cases that need a permission refused run as an ordinary user. */
static gboolean
fx_become_nobody (Fx *f)
{
  if (geteuid () != 0)
    return TRUE;

  chown_tree (f->dir);
  g_assert_cmpint (chmod (f->dir, 0755), ==, 0);
  /* The folders above must let that user through. */
  for (g_autofree char *up = g_path_get_dirname (f->dir);
       strlen (up) > 1;)
    {
      char *next;
      GStatBuf st;

      if (g_stat (up, &st) == 0 && (st.st_mode & 0001) == 0)
        {
          g_test_skip ("a folder above the test folder is closed to other users");
          return FALSE;
        }
      next = g_path_get_dirname (up);
      g_free (up);
      up = next;
    }
  f->as_nobody = TRUE;

  return TRUE;
}

static void
child_setup (gpointer data)
{
  Fx *f = data;
  struct rlimit limit = { 3ul << 30, 3ul << 30 };

  /* A runaway read is a failure, not a machine out of memory; the
   * sanitizers reserve address space of their own.
   */
  if (g_getenv ("COACHPLAN_SANITIZED") == NULL)
    setrlimit (RLIMIT_AS, &limit);

  if (f != NULL && f->as_nobody)
    {
      if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
        _exit (99);
    }
}

/* Runs the built coachplan with the database option first, then the
 * arguments given, NULL-terminated; a hang is killed after a while.
 */
static Run
run_argv (Fx                 *f,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("COACHPLAN_BINARY");
  Run result = { 0 };
  int wait_status = 0;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) "timeout");
  g_ptr_array_add (argv, (gpointer) "-s");
  g_ptr_array_add (argv, (gpointer) "KILL");
  g_ptr_array_add (argv, (gpointer) "60");
  g_ptr_array_add (argv, (gpointer) binary);
  if (f != NULL)
    g_ptr_array_add (argv, f->dbopt);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (f ? f->dir : NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, child_setup, f,
                &result.out, &result.err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("coachplan died of signal %d; it said: %s", WTERMSIG (wait_status), result.err);
  result.status = WEXITSTATUS (wait_status);
  if (result.status == 137)
    g_error ("coachplan hung and was killed; it said: %s", result.err);

  return result;
}

static Run
run (Fx         *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_argv (f, (const char * const *) args->pdata);
}

static void
assert_says (const Run  *r,
             const char *what)
{
  if (strstr (r->err, what) == NULL)
    g_error ("the message does not say “%s”: %s", what, r->err);
}

/* The command was refused with a message holding each of the words
 * given, and changed nothing at all.
 */
static void
assert_refused (Fx        *f,
                const Run *r,
                const char *first,
                ...)
{
  g_autofree char *sum = cp_test_file_checksum (f->db);
  va_list ap;

  if (r->status != 1)
    g_error ("expected a refusal (1), got %d: %s%s", r->status, r->out, r->err);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_null (strstr (r->err, "CRITICAL"));
  g_assert_null (strstr (r->err, "WARNING"));

  va_start (ap, first);
  for (const char *w = first; w != NULL; w = va_arg (ap, const char *))
    assert_says (r, w);
  va_end (ap);

  g_assert_cmpstr (sum, ==, f->db_sum);
  fx_assert_untouched (f);
}

static void
assert_done (const Run *r)
{
  if (r->status != 0)
    g_error ("expected success, got %d: %s", r->status, r->err);
}

static void
fx_set_up (Fx            *f,
           gconstpointer  data)
{
  f->dir = cp_test_make_dir ();
  f->db = fx_path (f, "cp.db");
  f->dbopt = g_strconcat ("--database=", f->db, NULL);
  copy_file (template_db, f->db);
  fx_freeze (f);
}

static void
fx_tear_down (Fx            *f,
              gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("chmod -R u+rwX '%s'", f->dir);

  g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  cp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->dbopt);
  g_free (f->db_sum);
  g_clear_pointer (&f->before, g_hash_table_unref);
}

static void
write_text (const char *path,
            const char *text)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  return text;
}

/* Replaces the first @from in the file with @to. */
static void
edit_file (const char *path,
           const char *from,
           const char *to)
{
  g_autofree char *text = read_text (path);
  const char *at = strstr (text, from);
  g_autofree char *edited = NULL;

  if (at == NULL)
    g_error ("“%s” does not hold “%s”", path, from);
  edited = g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
  write_text (path, edited);
}

static char *
fx_folder (Fx *f)
{
  char *folder = fx_path (f, "folder");

  copy_tree (template_folder, folder);

  return folder;
}

static char *
sql_text (Fx         *f,
          const char *sql)
{
  return cp_test_sql_text (f->db, sql);
}

/* ---------------------------------------------------------------- */
/* 1. An export never removes a file Coachplan did not write.        */

static void
test_export_keeps_foreign_files (Fx            *f,
                                 gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *notes = fx_path (f, "out/notes");
  g_autofree char *diary = fx_path (f, "out/notes/diary.md");
  g_autofree char *hidden = fx_path (f, "out/notes/.hidden.md");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  g_autofree char *old_name = NULL;
  g_autofree char *old_path = NULL;
  g_autofree char *text = NULL;
  Run r;

  g_assert_cmpint (g_mkdir_with_parents (notes, 0755), ==, 0);
  write_text (diary, "mine\n");
  write_text (hidden, "also mine\n");

  r = run (f, "--export=1", option, NULL);
  assert_done (&r);
  run_clear (&r);
  g_assert_cmpstr ((text = read_text (diary)), ==, "mine\n");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr ((text = read_text (hidden)), ==, "also mine\n");
  g_clear_pointer (&text, g_free);

  /* A renamed note's old file goes, because Coachplan wrote it; the
   * user's files stay.
   */
  old_name = sql_text (f, "SELECT display_title FROM note ORDER BY id LIMIT 1");
  old_path = g_strdup_printf ("%s/%s.md", notes, old_name);
  g_assert_true (g_file_test (old_path, G_FILE_TEST_IS_REGULAR));
  cp_test_sql_exec (f->db, "UPDATE note SET title = 'Renamed note', display_title = 'Renamed note' "
                           "WHERE id = (SELECT min (id) FROM note)");
  r = run (f, "--export=1", option, NULL);
  assert_done (&r);
  run_clear (&r);
  g_assert_false (g_file_test (old_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (notes, G_FILE_TEST_IS_DIR));
  g_assert_cmpstr ((text = read_text (diary)), ==, "mine\n");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr ((text = read_text (hidden)), ==, "also mine\n");
}

/* A file of the user's where a note would go is not overwritten. */
static void
test_export_keeps_same_named_file (Fx            *f,
                                   gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *notes = fx_path (f, "out/notes");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  g_autofree char *name = sql_text (f, "SELECT display_title FROM note ORDER BY id LIMIT 1");
  g_autofree char *mine = g_strdup_printf ("%s/%s.md", notes, name);
  g_autofree char *text = NULL;
  Run r;

  g_assert_cmpint (g_mkdir_with_parents (notes, 0755), ==, 0);
  write_text (mine, "my own words\n");

  r = run (f, "--export=1", option, NULL);
  assert_done (&r);
  run_clear (&r);
  g_assert_cmpstr ((text = read_text (mine)), ==, "my own words\n");
}

/* A folder holding someone else's engagement.md is not written into. */
static void
test_export_refuses_foreign_folder (Fx            *f,
                                    gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *mine = fx_path (f, "out/engagement.md");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  Run r;

  g_assert_cmpint (g_mkdir_with_parents (out, 0755), ==, 0);
  write_text (mine, "# My engagement, not a Coachplan one\n");
  fx_freeze (f);

  r = run (f, "--export=1", option, NULL);
  assert_refused (f, &r, "engagement.md", "did not write", NULL);
  run_clear (&r);
}

/* An export whose notes/ is a link writes nothing at all. */
static void
test_export_notes_link_writes_nothing (Fx            *f,
                                       gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *elsewhere = fx_path (f, "elsewhere");
  g_autofree char *link = fx_path (f, "out/notes");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  Run r;

  g_assert_cmpint (g_mkdir_with_parents (out, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (elsewhere, 0755), ==, 0);
  g_assert_cmpint (symlink (elsewhere, link), ==, 0);
  fx_freeze (f);

  r = run (f, "--export=1", option, NULL);
  assert_refused (f, &r, "notes", "symbolic link", NULL);
  run_clear (&r);
}

/* An export whose notes/ is a file of the user's writes nothing. */
static void
test_export_notes_file_writes_nothing (Fx            *f,
                                       gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *notes = fx_path (f, "out/notes");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  Run r;

  g_assert_cmpint (g_mkdir_with_parents (out, 0755), ==, 0);
  write_text (notes, "my notes, in one file\n");
  fx_freeze (f);

  r = run (f, "--export=1", option, NULL);
  assert_refused (f, &r, "notes", "a file, not a folder", NULL);
  run_clear (&r);
}

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
/* 3. Reports never write through a link.                            */

static void
test_report_link (Fx            *f,
                  gconstpointer  data)
{
  const char *extensions[] = { "pdf", "md", "html" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *victim = fx_path (f, "victim.txt");
      g_autofree char *name = g_strconcat ("r.", extensions[i], NULL);
      g_autofree char *link = fx_path (f, name);
      g_autofree char *option = g_strconcat ("--output=", link, NULL);
      g_autofree char *text = NULL;
      GStatBuf st;
      Run r;

      write_text (victim, "victim\n");
      g_unlink (link);
      g_assert_cmpint (symlink ("victim.txt", link), ==, 0);

      r = run (f, "--report=1", option, NULL);
      assert_done (&r);
      run_clear (&r);
      g_assert_cmpstr ((text = read_text (victim)), ==, "victim\n");
      g_assert_cmpint (g_lstat (link, &st), ==, 0);
      g_assert_true (S_ISREG (st.st_mode));
    }
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

/* ---------------------------------------------------------------- */
/* 5. Named pipes and devices are refused before they are read.      */

static void
test_fifo_note (Fx            *f,
                gconstpointer  data)
{
  g_autofree char *fifo = fx_path (f, "f.md");
  g_autofree char *folder = fx_path (f, "d");
  g_autofree char *inner = fx_path (f, "d/g.md");
  Run r;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (mkfifo (inner, 0600), ==, 0);
  fx_freeze (f);

  r = run (f, "--import-notes=1", fifo, NULL);
  assert_refused (f, &r, "f.md", "named pipe", NULL);
  run_clear (&r);

  r = run (f, "--import-notes=1", folder, NULL);
  assert_refused (f, &r, "g.md", "named pipe", NULL);
  run_clear (&r);
}

static void
test_fifo_in_folder (Fx            *f,
                     gconstpointer  data)
{
  const char *parts[] = { "people.md", "notes.md", "engagement.md" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *folder = fx_folder (f);
      g_autofree char *part = g_build_filename (folder, parts[i], NULL);
      Run r;

      g_unlink (part);
      g_assert_cmpint (mkfifo (part, 0600), ==, 0);
      fx_freeze (f);

      r = run (f, "--import", folder, NULL);
      assert_refused (f, &r, parts[i], "named pipe", NULL);
      run_clear (&r);
      cp_test_remove_tree (folder);
    }
}

static void
test_fifo_note_in_folder (Fx            *f,
                          gconstpointer  data)
{
  g_autofree char *folder = fx_folder (f);
  g_autofree char *notes = g_build_filename (folder, "notes", NULL);
  g_autoptr(GDir) dir = g_dir_open (notes, 0, NULL);
  const char *name = g_dir_read_name (dir);
  g_autofree char *note = g_build_filename (notes, name, NULL);
  Run r;

  g_unlink (note);
  g_assert_cmpint (mkfifo (note, 0600), ==, 0);
  fx_freeze (f);

  r = run (f, "--import", folder, NULL);
  assert_refused (f, &r, name, "named pipe", NULL);
  run_clear (&r);
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
/* 6. Endless input is cut off at the limit while it is read.        */

static void
test_endless_note (Fx            *f,
                   gconstpointer  data)
{
  Run r = run (f, "--import-notes=1", "/dev/zero", NULL);

  assert_refused (f, &r, "/dev/zero", "not a regular file", NULL);
  run_clear (&r);
}

static void
test_large_note (Fx            *f,
                 gconstpointer  data)
{
  g_autofree char *big = fx_path (f, "big.md");
  FILE *file = fopen (big, "w");

  g_assert_nonnull (file);
  g_assert_cmpint (ftruncate (fileno (file), 9 * 1024 * 1024), ==, 0);
  fclose (file);
  fx_freeze (f);

  {
    Run r = run (f, "--import-notes=1", big, NULL);
    assert_refused (f, &r, "big.md", "8 MB", NULL);
    run_clear (&r);
  }
}

/* ---------------------------------------------------------------- */
/* 7. Deep nesting lays out in linear time and keeps its text.       */

static void
test_report_deep_nesting (Fx            *f,
                          gconstpointer  data)
{
  const guint depths[] = { 100000, 200000 };

  for (guint i = 0; i < G_N_ELEMENTS (depths); i++)
    {
      g_autofree char *note = fx_path (f, "deep.md");
      g_autofree char *pdf = fx_path (f, "deep.pdf");
      g_autofree char *option = g_strconcat ("--output=", pdf, NULL);
      g_autofree char *quotes = g_strnfill (depths[i], '>');
      g_autofree char *marker = g_strdup_printf ("deepmarker%u", depths[i]);
      g_autofree char *text = g_strdup_printf ("---\ntitle: Deep %u\nvisibility: sponsor\n---\n%s %s\n",
                                               depths[i], quotes, marker);
      g_autofree char *out = NULL;
      g_autofree char *cmd = NULL;
      Run r;

      write_text (note, text);
      r = run (f, "--import-notes=1", note, NULL);
      assert_done (&r);
      run_clear (&r);

      r = run (f, "--report=1", option, NULL);
      assert_done (&r);
      run_clear (&r);

      cmd = g_strdup_printf ("pdftotext '%s' -", pdf);
      g_assert_true (g_spawn_command_line_sync (cmd, &out, NULL, NULL, NULL));
      if (strstr (out, marker) == NULL)
        g_error ("the PDF lost the text nested %u deep", depths[i]);
    }
}

/* ---------------------------------------------------------------- */
/* 8. Folder import refuses bad values, naming the file and line.    */

typedef struct
{
  const char *file;
  const char *from;
  const char *to;
  const char *says;     /* besides the file's name */
} Mutation;

/* Each mutation of a fresh copy of the sample's folder is refused,
 * naming the file and what is wrong — never in the database's generic
 * words.
 */
static void
assert_mutations_refused (Fx             *f,
                          const Mutation *mutations,
                          guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folder = fx_folder (f);
      g_autofree char *part = g_build_filename (folder, mutations[i].file, NULL);
      Run r;

      g_test_message ("%s: “%s” for “%s”", mutations[i].file, mutations[i].to, mutations[i].from);
      edit_file (part, mutations[i].from, mutations[i].to);
      fx_freeze (f);

      r = run (f, "--import", folder, NULL);
      assert_refused (f, &r, mutations[i].file, mutations[i].says, NULL);
      g_assert_null (strstr (r.err, "a value is not allowed"));
      run_clear (&r);
      cp_test_remove_tree (folder);
    }
}

static void
test_folder_mutations (Fx            *f,
                       gconstpointer  data)
{
  static const Mutation mutations[] = {
    { "sessions.md", "| 2026-09-14T09:30 |", "| not a time |", "line 5" },
    { "sessions.md", "| 2026-09-14T09:30 |", "| 2026-13-01T25:61 |", "2026-13-01T25:61" },
    { "sessions.md", "| 2026-09-14T09:30 |", "| 2026-02-30T10:00 |", "2026-02-30T10:00" },
    { "sessions.md", "| 2026-09-14T09:30 | 180 |", "| 2026-09-14T09:30 | -5 |", "Minutes" },
    { "engagement.md", "client:", "title: \"Second title\"\nclient:", "title" },
    { "engagement.md", "format-version: 2\n", "", "format-version" },
    { "register.md", "| 2 | 2026-09-28 |", "| 1 | 2026-09-28 |", "“No” 1 is used twice" },
  };

  assert_mutations_refused (f, mutations, G_N_ELEMENTS (mutations));
}

static char *
first_note_file (const char *folder)
{
  g_autofree char *notes = g_build_filename (folder, "notes", NULL);
  g_autoptr(GDir) dir = g_dir_open (notes, 0, NULL);
  const char *name;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >, 0);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  return g_strdup (names->pdata[0]);
}

static void
test_folder_note_visibility (Fx            *f,
                             gconstpointer  data)
{
  const char *bad[] = { "public", "Sponsor" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *folder = fx_folder (f);
      g_autofree char *name = first_note_file (folder);
      g_autofree char *path = g_build_filename (folder, "notes", name, NULL);
      g_autofree char *text = read_text (path);
      g_autofree char *line = g_strconcat ("visibility: ", bad[i], "\n", NULL);
      const char *at = strstr (text, "visibility: ");
      const char *end = strchr (at, '\n') + 1;
      g_autofree char *edited = g_strdup_printf ("%.*s%s%s", (int) (at - text), text, line, end);
      Run r;

      write_text (path, edited);
      fx_freeze (f);

      r = run (f, "--import", folder, NULL);
      assert_refused (f, &r, name, "visibility", bad[i], NULL);
      run_clear (&r);
      cp_test_remove_tree (folder);
    }
}

static void
test_folder_unlisted_note (Fx            *f,
                           gconstpointer  data)
{
  g_autofree char *folder = fx_folder (f);
  g_autofree char *extra = g_build_filename (folder, "notes", "extra.md", NULL);
  Run r;

  write_text (extra, "# Not in the index\n");
  fx_freeze (f);

  r = run (f, "--import", folder, NULL);
  assert_refused (f, &r, "extra.md", "notes.md", NULL);
  run_clear (&r);
}

static void
test_folder_notes_link (Fx            *f,
                        gconstpointer  data)
{
  g_autofree char *folder = fx_folder (f);
  g_autofree char *notes = g_build_filename (folder, "notes", NULL);
  g_autofree char *outside = fx_path (f, "outside");
  Run r;

  g_assert_cmpint (g_rename (notes, outside), ==, 0);
  g_assert_cmpint (symlink (outside, notes), ==, 0);
  fx_freeze (f);

  r = run (f, "--import", folder, NULL);
  assert_refused (f, &r, "notes", "symbolic link", NULL);
  run_clear (&r);
}

static void
test_folder_notes_unreadable (Fx            *f,
                              gconstpointer  data)
{
  g_autofree char *folder = fx_folder (f);
  g_autofree char *notes = g_build_filename (folder, "notes", NULL);
  Run r;

  if (!fx_become_nobody (f))
    return;
  g_assert_cmpint (g_chmod (notes, 0), ==, 0);
  fx_freeze (f);

  r = run (f, "--import", folder, NULL);
  assert_refused (f, &r, "notes", "Permission denied", NULL);
  g_assert_null (strstr (r.err, "missing"));
  run_clear (&r);
}

/* ---------------------------------------------------------------- */
/* 9. Note import: links, and front matter that says two things.     */

static void
test_notes_links (Fx            *f,
                  gconstpointer  data)
{
  g_autofree char *folder = fx_path (f, "d");
  g_autofree char *good = fx_path (f, "d/a.md");
  g_autofree char *link = fx_path (f, "d/p.md");
  g_autofree char *loop = fx_path (f, "d/loop");
  Run r;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  write_text (good, "# Fine\n");
  g_assert_cmpint (symlink ("/etc/passwd", link), ==, 0);
  fx_freeze (f);

  r = run (f, "--import-notes=1", folder, NULL);
  assert_refused (f, &r, "p.md", "symbolic link", NULL);
  run_clear (&r);

  g_unlink (link);
  g_assert_cmpint (symlink ("..", loop), ==, 0);
  fx_freeze (f);
  r = run (f, "--import-notes=1", folder, NULL);
  assert_refused (f, &r, "loop", "symbolic link", NULL);
  run_clear (&r);
}

static void
test_notes_front_matter (Fx            *f,
                         gconstpointer  data)
{
  static const struct { const char *front; const char *says; } cases[] = {
    { "title: One\ntitle: Two\n", "title" },
    { "visibility: public\n", "visibility" },
    { "created: yesterday\n", "created" },
    { "updated: 2026-02-30T10:00:00Z\n", "updated" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fx_path (f, "fm.md");
      g_autofree char *text = g_strdup_printf ("---\n%s---\n# Body\n", cases[i].front);
      Run r;

      write_text (path, text);
      fx_freeze (f);

      r = run (f, "--import-notes=1", path, NULL);
      assert_refused (f, &r, "fm.md", cases[i].says, "line", NULL);
      run_clear (&r);
    }
}

static void
test_export_reserved_names (Fx            *f,
                            gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  const char *titles[] = { "CON", "nul", "Com1", "lpt9.txt", "AUX" };
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;
  Run r;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/t%u.md", f->dir, i);
      g_autofree char *text = g_strdup_printf ("---\ntitle: \"%s\"\n---\nbody\n", titles[i]);

      write_text (path, text);
      r = run (f, "--import-notes=1", path, NULL);
      assert_done (&r);
      run_clear (&r);
    }

  r = run (f, "--export-notes=1", option, NULL);
  assert_done (&r);
  run_clear (&r);

  dir = g_dir_open (out, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stem = g_ascii_strdown (name, strcspn (name, "."));

      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        {
          g_autofree char *reserved = g_ascii_strdown (titles[i], strcspn (titles[i], "."));
          if (g_str_equal (stem, reserved))
            g_error ("“%s” is a name Windows reserves", name);
        }
      n++;
    }
  g_assert_cmpuint (n, >=, G_N_ELEMENTS (titles));
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

/* ---------------------------------------------------------------- */
/* 11. Messages name the file and the reason in words.               */

static void
test_report_unwritable (Fx            *f,
                        gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (300, 'a');
  g_autofree char *too_long = g_strdup_printf ("%s/%s.pdf", f->dir, long_name);
  g_autofree char *missing = fx_path (f, "no/such/folder/r.pdf");
  const char *outputs[] = { "/proc/r.pdf", too_long, missing, "/proc/r.md" };
  const char *says[] = { "/proc/r.pdf", "File name too long", "No such file or directory", "/proc/r.md" };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *option = g_strconcat ("--output=", outputs[i], NULL);
      Run r = run (f, "--report=1", option, NULL);

      assert_refused (f, &r, says[i], NULL);
      g_assert_null (strstr (r.err, "output stream"));
      run_clear (&r);
    }
}

static void
test_report_read_only_folder (Fx            *f,
                              gconstpointer  data)
{
  g_autofree char *folder = fx_path (f, "ro");
  g_autofree char *pdf = fx_path (f, "ro/r.pdf");
  g_autofree char *option = g_strconcat ("--output=", pdf, NULL);
  Run r;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  if (!fx_become_nobody (f))
    return;
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  fx_freeze (f);

  r = run (f, "--report=1", option, NULL);
  assert_refused (f, &r, "r.pdf", "Permission denied", NULL);
  run_clear (&r);
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

/* ---------------------------------------------------------------- */
/* 12. Fields are text in every format; only note bodies are Markdown. */

/* Whether @what is in @text other than escaped with a backslash. */
static gboolean
live_in (const char *text,
         const char *what)
{
  for (const char *at = strstr (text, what); at != NULL; at = strstr (at + 1, what))
    if (at == text || at[-1] != '\\')
      return TRUE;

  return FALSE;
}

static void
test_report_escapes_fields (Fx            *f,
                            gconstpointer  data)
{
  g_autofree char *md = fx_path (f, "r.md");
  g_autofree char *html = fx_path (f, "r.html");
  g_autofree char *md_opt = g_strconcat ("--output=", md, NULL);
  g_autofree char *html_opt = g_strconcat ("--output=", html, NULL);
  g_autofree char *md_text = NULL;
  g_autofree char *html_text = NULL;
  Run r;

  cp_test_sql_exec (f->db, "UPDATE engagement SET client = '<img src=x onerror=alert(1)>', "
                           "title = 'Plan *one* <b>bold</b>' WHERE id = 1;"
                           "UPDATE session SET topic = '<script>alert(2)</script>';");

  r = run (f, "--report=1", md_opt, NULL);
  assert_done (&r);
  run_clear (&r);
  r = run (f, "--report=1", html_opt, NULL);
  assert_done (&r);
  run_clear (&r);

  md_text = read_text (md);
  html_text = read_text (html);
  g_assert_false (live_in (md_text, "<img"));
  g_assert_false (live_in (md_text, "<script"));
  g_assert_false (live_in (md_text, "*one*"));
  g_assert_nonnull (strstr (md_text, "\\<img src=x onerror=alert(1)\\>"));
  g_assert_null (strstr (html_text, "<img"));
  g_assert_null (strstr (html_text, "<script"));
  g_assert_null (strstr (html_text, "<b>bold"));
  g_assert_nonnull (strstr (html_text, "&lt;script&gt;alert(2)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html_text, "&lt;img src=x onerror=alert(1)&gt;"));
  g_assert_nonnull (strstr (html_text, "Plan *one*"));
}

/* ---------------------------------------------------------------- */
/* Cases that already pass, kept so that they stay so.               */

static void
test_folder_good_round_trip (Fx            *f,
                             gconstpointer  data)
{
  g_autofree char *folder = fx_folder (f);
  g_autofree char *count = NULL;
  Run r;

  fx_freeze (f);
  r = run (f, "--import", folder, NULL);
  assert_done (&r);
  g_assert_cmpstr (r.out, ==, "2\n");
  run_clear (&r);
  count = sql_text (f, "SELECT count (*) FROM note WHERE engagement_id = 2");
  g_assert_cmpstr (count, !=, "0");
  {
    g_autofree char *a = sql_text (f, "SELECT group_concat (body, '|') FROM (SELECT body FROM note WHERE engagement_id = 1 ORDER BY body)");
    g_autofree char *b = sql_text (f, "SELECT group_concat (body, '|') FROM (SELECT body FROM note WHERE engagement_id = 2 ORDER BY body)");
    g_assert_cmpstr (a, ==, b);
  }
  fx_assert_unchanged_except (f, (const char *[]) { "cp.db", NULL });
}

static void
test_folder_breakages (Fx            *f,
                       gconstpointer  data)
{
  static const Mutation mutations[] = {
    { "engagement.md", "format-version: 2", "format-version: 99", "newer" },
    { "engagement.md", "format: coachplan-engagement", "format: other", "format" },
    { "engagement.md", "approach: coached", "approach: magic", "magic" },
    { "engagement.md", "start: 2026-09-07", "start: 2026-09-31", "2026-09-31" },
    { "people.md", "# People", "Just a line", "line 1" },
    { "sessions.md", "| workshop |", "| party |", "party" },
    { "notes.md", "](<notes/", "](<notes/../", "notes" },
    { "csip.md", "- [x]", "- [?]", "csip.md" },
  };

  assert_mutations_refused (f, mutations, G_N_ELEMENTS (mutations));
}

static void
test_notes_bad_text (Fx            *f,
                     gconstpointer  data)
{
  static const struct { const char *bytes; gsize length; const char *says; } cases[] = {
    { "# Fine\n\xff\xfe broken\n", 15, "UTF-8" },
    { "# With\0NUL\n", 11, "NUL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fx_path (f, "bad.md");
      Run r;

      g_assert_true (g_file_set_contents (path, cases[i].bytes, cases[i].length, NULL));
      fx_freeze (f);
      r = run (f, "--import-notes=1", path, NULL);
      assert_refused (f, &r, "bad.md", cases[i].says, NULL);
      run_clear (&r);
    }
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
test_odd_titles_export (Fx            *f,
                        gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  const char *titles[] = { "../../escape", "a/b\\c:d*e?f\"g<h>i|j", ".hidden", "   ", "\xe2\x80\xae" "rtl" };
  Run r;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/t%u.md", f->dir, i);
      g_autofree char *escaped = g_strescape (titles[i], NULL);
      g_autofree char *text = g_strdup_printf ("---\ntitle: \"%s\"\n---\nbody %u\n", escaped, i);

      write_text (path, text);
      r = run (f, "--import-notes=1", path, NULL);
      assert_done (&r);
      run_clear (&r);
    }
  fx_freeze (f);

  r = run (f, "--export-notes=1", option, NULL);
  assert_done (&r);
  run_clear (&r);
  /* Everything written is inside the folder, and nothing hidden. */
  fx_assert_unchanged_except (f, (const char *[]) { "out", NULL });
  {
    g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (out, name, NULL);

        g_assert_true (name[0] != '.');
        g_assert_true (g_file_test (child, G_FILE_TEST_IS_REGULAR));
      }
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

static void
test_notes_accepted_exactly (Fx            *f,
                             gconstpointer  data)
{
  static const struct { const char *file; const char *body; const char *title; } cases[] = {
    { "---\r\ntitle: \"With CRLF\"\r\nvisibility: client\r\n---\r\nBody\r\n", "Body\r\n", "With CRLF" },
    { "", "", "" },
    { "---\nnot: front matter\nthis line is body\n---\ntext\n",
      "---\nnot: front matter\nthis line is body\n---\ntext\n", "not: front matter" },
    { "# Heading only\n", "# Heading only\n", "Heading only" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fx_path (f, "ok.md");
      g_autofree char *body = NULL;
      g_autofree char *title = NULL;
      Run r;

      write_text (path, cases[i].file);
      r = run (f, "--import-notes=1", path, NULL);
      assert_done (&r);
      run_clear (&r);

      body = sql_text (f, "SELECT body FROM note ORDER BY id DESC LIMIT 1");
      title = sql_text (f, "SELECT display_title FROM note ORDER BY id DESC LIMIT 1");
      g_assert_cmpstr (body, ==, cases[i].body);
      g_assert_cmpstr (title, ==, cases[i].title);
    }
}

static void
test_usage_and_missing (Fx            *f,
                        gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "r.txt");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  g_autofree char *pdf = fx_path (f, "r.pdf");
  g_autofree char *pdf_option = g_strconcat ("--output=", pdf, NULL);
  g_autofree char *file = fx_path (f, "a-file");
  g_autofree char *into_file = g_strconcat ("--output=", file, NULL);
  Run r;

  write_text (file, "a file, not a folder\n");
  fx_freeze (f);

  r = run (f, "--report=1", option, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_says (&r, "r.txt");
  run_clear (&r);

  r = run (f, "--report=99", pdf_option, NULL);
  assert_refused (f, &r, "99", NULL);
  run_clear (&r);

  r = run (f, "--report=one", pdf_option, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_says (&r, "one");
  run_clear (&r);

  r = run (f, "--export=1", into_file, NULL);
  assert_refused (f, &r, "a-file", "not a folder", NULL);
  run_clear (&r);

  r = run (f, "--export-notes=1", into_file, NULL);
  assert_refused (f, &r, "a-file", NULL);
  run_clear (&r);

  r = run (f, "--import", file, NULL);
  assert_refused (f, &r, "a-file", "not a folder", NULL);
  run_clear (&r);

  /* The database is no backup of itself. */
  {
    g_autofree char *self_restore = g_strconcat ("--restore=", f->db, NULL);

    r = run (f, self_restore, NULL);
    assert_refused (f, &r, "cp.db", "the database itself", NULL);
    run_clear (&r);
  }
  fx_assert_untouched (f);
}

static void
make_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *option = NULL;
  g_autofree char *output = NULL;

  template_dir = cp_test_make_dir ();
  template_db = g_build_filename (template_dir, "template.db", NULL);
  template_folder = g_build_filename (template_dir, "folder", NULL);

  {
    g_autoptr(CpStore) store = cp_store_open (template_db, &error);
    g_autoptr(CpEngagement) sample = NULL;

    g_assert_no_error (error);
    sample = cp_store_load_sample (store, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cp_engagement_get_id (sample), ==, 1);
  }

  option = g_strconcat ("--database=", template_db, NULL);
  output = g_strconcat ("--output=", template_folder, NULL);
  {
    const char *args[] = { option, "--export=1", output, NULL };
    Run r = run_argv (NULL, args);

    assert_done (&r);
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
  ADD ("export/keeps-foreign-files", test_export_keeps_foreign_files);
  ADD ("export/keeps-same-named-file", test_export_keeps_same_named_file);
  ADD ("export/refuses-foreign-folder", test_export_refuses_foreign_folder);
  ADD ("export/notes-link-writes-nothing", test_export_notes_link_writes_nothing);
  ADD ("export/notes-file-writes-nothing", test_export_notes_file_writes_nothing);
  ADD ("restore/same-second", test_restore_same_second);
  ADD ("restore/parallel", test_restore_parallel);
  ADD ("report/link", test_report_link);
  ADD ("open/wrong-version", test_open_wrong_version);
  ADD ("fifo/note", test_fifo_note);
  ADD ("fifo/in-folder", test_fifo_in_folder);
  ADD ("fifo/note-in-folder", test_fifo_note_in_folder);
  ADD ("fifo/database", test_fifo_database);
  ADD ("fifo/restore", test_fifo_restore);
  ADD ("notes/endless", test_endless_note);
  ADD ("notes/large", test_large_note);
  ADD ("report/deep-nesting", test_report_deep_nesting);
  ADD ("folder/mutations", test_folder_mutations);
  ADD ("folder/note-visibility", test_folder_note_visibility);
  ADD ("folder/unlisted-note", test_folder_unlisted_note);
  ADD ("folder/notes-link", test_folder_notes_link);
  ADD ("folder/notes-unreadable", test_folder_notes_unreadable);
  ADD ("notes/links", test_notes_links);
  ADD ("notes/front-matter", test_notes_front_matter);
  ADD ("export/reserved-names", test_export_reserved_names);
  ADD ("open/missing-table", test_open_missing_table);
  ADD ("open/broken-check", test_open_broken_check);
  ADD ("restore/damaged", test_restore_damaged);
  ADD ("restore/older-format", test_restore_older_format);
  ADD ("messages/report-unwritable", test_report_unwritable);
  ADD ("messages/report-read-only-folder", test_report_read_only_folder);
  ADD ("messages/backup-unwritable", test_backup_unwritable);
  ADD ("messages/database-path-too-long", test_database_path_too_long);
  ADD ("messages/list-read-only-folder", test_list_read_only_folder);
  ADD ("messages/list-wal-is-folder", test_list_wal_is_folder);
  ADD ("report/escapes-fields", test_report_escapes_fields);
  ADD ("passing/folder-round-trip", test_folder_good_round_trip);
  ADD ("passing/folder-breakages", test_folder_breakages);
  ADD ("passing/notes-bad-text", test_notes_bad_text);
  ADD ("passing/databases-refused", test_databases_refused);
  ADD ("passing/odd-titles-export", test_odd_titles_export);
  ADD ("passing/more-databases-refused", test_more_databases_refused);
  ADD ("passing/folder-as-database", test_folder_as_database);
  ADD ("passing/restores-refused", test_restores_refused);
  ADD ("passing/notes-accepted-exactly", test_notes_accepted_exactly);
  ADD ("passing/usage-and-missing", test_usage_and_missing);
#undef ADD

  status = g_test_run ();
  cp_test_remove_tree (template_dir);
  g_free (template_dir);
  g_free (template_db);
  g_free (template_folder);

  return status;
}
