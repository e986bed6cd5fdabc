/* cp-test-hostile.h — what the hostile-input tests share: a case's
 * folder and database, running the built coachplan in it, and checking
 * what it said and what it changed
 *
 * Each case checks the exit status, that the message names the file and
 * the reason, that a refused command left the database byte for byte as
 * it was, and that nothing outside the command's target was written.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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

static G_GNUC_UNUSED void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static G_GNUC_UNUSED char *
fx_path (Fx         *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static G_GNUC_UNUSED void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  g_assert_cmpint (g_chmod (to, 0600), ==, 0);
}

static G_GNUC_UNUSED void
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
static G_GNUC_UNUSED void
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

static G_GNUC_UNUSED GHashTable *
snapshot (const char *root)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  snapshot_into (map, root, NULL);

  return map;
}

/* Records the state the command must not change: call it after the
 * case has laid out its files.
 */
static G_GNUC_UNUSED void
fx_freeze (Fx *f)
{
  g_clear_pointer (&f->before, g_hash_table_unref);
  g_clear_pointer (&f->db_sum, g_free);
  f->before = snapshot (f->dir);
  f->db_sum = cp_test_file_checksum (f->db);
}

static G_GNUC_UNUSED gboolean
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
static G_GNUC_UNUSED void
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

static G_GNUC_UNUSED void
fx_assert_untouched (Fx *f)
{
  fx_assert_unchanged_except (f, NULL);
}

static G_GNUC_UNUSED void
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
static G_GNUC_UNUSED gboolean
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

static G_GNUC_UNUSED void
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
static G_GNUC_UNUSED Run
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

static G_GNUC_UNUSED Run
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

static G_GNUC_UNUSED void
assert_says (const Run  *r,
             const char *what)
{
  if (strstr (r->err, what) == NULL)
    g_error ("the message does not say “%s”: %s", what, r->err);
}

/* The command was refused with a message holding each of the words
 * given, and changed nothing at all.
 */
static G_GNUC_UNUSED void
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

static G_GNUC_UNUSED void
assert_done (const Run *r)
{
  if (r->status != 0)
    g_error ("expected success, got %d: %s", r->status, r->err);
}

static G_GNUC_UNUSED void
fx_set_up (Fx            *f,
           gconstpointer  data)
{
  f->dir = cp_test_make_dir ();
  f->db = fx_path (f, "cp.db");
  f->dbopt = g_strconcat ("--database=", f->db, NULL);
  copy_file (template_db, f->db);
  fx_freeze (f);
}

static G_GNUC_UNUSED void
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

static G_GNUC_UNUSED void
write_text (const char *path,
            const char *text)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static G_GNUC_UNUSED char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  return text;
}

/* Replaces the first @from in the file with @to. */
static G_GNUC_UNUSED void
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

static G_GNUC_UNUSED char *
fx_folder (Fx *f)
{
  char *folder = fx_path (f, "folder");

  copy_tree (template_folder, folder);

  return folder;
}

static G_GNUC_UNUSED char *
sql_text (Fx         *f,
          const char *sql)
{
  return cp_test_sql_text (f->db, sql);
}

static G_GNUC_UNUSED void
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
    sample = cp_store_load_sample_on (store, CP_TEST_SAMPLE_DAY, &error);
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

/* Removes what make_template() made. */
static G_GNUC_UNUSED void
remove_template (void)
{
  cp_test_remove_tree (template_dir);
  g_clear_pointer (&template_dir, g_free);
  g_clear_pointer (&template_db, g_free);
  g_clear_pointer (&template_folder, g_free);
}
