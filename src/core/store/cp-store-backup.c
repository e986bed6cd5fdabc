/* cp-store-backup.c — copies of the whole database, made with SQLite's
 * online backup API while the store stays open
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cp-file.h"
#include "cp-store-private.h"

static void
set_backup_error (GError     **error,
                  const char  *path,
                  const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
               _("Could not back up to “%s”: %s"), display, reason);
}

/* Copies the database @source reads to @path, whole: written beside it
 * first, so that a failure leaves any older file of that name as it was,
 * then renamed over it (which replaces a link, never writes through it).
 */
static gboolean
copy_to_file (sqlite3     *source,
              const char  *path,
              GError     **error)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  sqlite3_backup *backup;
  sqlite3 *copy = NULL;
  int fd;
  int rc;

  /* Made here, not by SQLite, so that a refusal says why in words. */
  g_unlink (part);
  fd = g_open (part, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int errsv = errno;

      set_backup_error (error, path, g_strerror (errsv));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (part, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_backup_error (error, path, copy ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
      sqlite3_close (copy);
      g_unlink (part);
      return FALSE;
    }

  backup = sqlite3_backup_init (copy, "main", source, "main");
  if (backup == NULL)
    {
      set_backup_error (error, path, sqlite3_errmsg (copy));
      sqlite3_close (copy);
      g_unlink (part);
      return FALSE;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_backup_error (error, path, sqlite3_errstr (rc));
      sqlite3_close (copy);
      g_unlink (part);
      return FALSE;
    }

  /* One file, nothing left in a journal beside it. */
  rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (copy);
  if (rc != SQLITE_OK || g_rename (part, path) != 0)
    {
      int saved = errno;

      set_backup_error (error, path, rc != SQLITE_OK ? sqlite3_errstr (rc) : g_strerror (saved));
      g_unlink (part);
      return FALSE;
    }

  return TRUE;
}

/**
 * cp_store_backup:
 * @path: the file to write; an existing one is replaced, whole, only when
 *   the copy is complete
 *
 * Copies the whole database, with what was typed a moment ago, to @path.
 * The copy is private to the user (0600).
 *
 * Returns: whether the copy was made
 */
gboolean
cp_store_backup (CpStore     *self,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) source = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  target = g_file_new_for_path (path);
  source = g_file_new_for_path (self->path);
  if (g_file_equal (target, source))
    {
      set_backup_error (error, path, _("that is the database itself"));
      return FALSE;
    }

  if (!self->read_only && !cp_store_flush (self, error))
    return FALSE;

  return copy_to_file (self->db, path, error);
}

/* Runs a check pragma; "ok" (or no row at all) is a pass. */
static gboolean
check_pragma (sqlite3     *db,
              const char  *sql,
              char       **problem)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE ||
      (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 &&
       sqlite3_column_count (stmt) == 1))
    {
      sqlite3_finalize (stmt);
      return TRUE;
    }

  if (rc == SQLITE_ROW && sqlite3_column_count (stmt) > 1)
    /* foreign_key_check: the table whose row refers to nothing. */
    *problem = g_strdup_printf (_("a row of its table “%s” refers to a row that is not there"),
                                sqlite3_column_text (stmt, 0));
  else
    *problem = g_strdup (rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0)
                                          : sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return FALSE;
}

static void remove_database_files (const char *path);

/* Makes a private copy of an older backup beside the database and
 * upgrades it, so that what is restored is of the format in use.
 */
static CpStore *
open_upgraded_copy (CpStore     *self,
                    const char  *backup_path,
                    char       **copy_path,
                    GError     **error)
{
  g_autofree char *tmpl = g_strconcat (self->path, ".restoring-XXXXXX", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  CpStore *copy;
  gsize length;
  int fd;

  if (!g_file_get_contents (backup_path, &contents, &length, &local) ||
      (fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      set_backup_error (error, tmpl, local ? local->message : g_strerror (errno));
      return NULL;
    }
  close (fd);

  if (!g_file_set_contents_full (tmpl, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, error) ||
      !(copy = cp_store_open (tmpl, error)))
    {
      remove_database_files (tmpl);
      return NULL;
    }

  *copy_path = g_steal_pointer (&tmpl);

  return copy;
}

/* Checks a backup before anything is restored from it: every check a
 * database gets when opened, then the whole integrity check and the
 * foreign keys. A backup of an older format is upgraded in a copy.
 */
static CpStore *
open_backup (CpStore     *self,
             const char  *backup_path,
             char       **upgraded_copy,
             GError     **error)
{
  g_autoptr(CpStore) checked = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *problem = NULL;
  GStatBuf st;

  if (!cp_file_check_regular (backup_path, TRUE, NULL, error))
    return NULL;

  if (g_stat (backup_path, &st) == 0 && st.st_size == 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_DATABASE,
                           _("the file is empty, not a backup"));
      return NULL;
    }

  checked = cp_store_open_full (backup_path, CP_STORE_OPEN_READ_ONLY, &local);
  if (checked == NULL && g_error_matches (local, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY))
    {
      g_clear_error (&local);
      checked = open_upgraded_copy (self, backup_path, upgraded_copy, &local);
    }
  if (checked == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  if (!check_pragma (checked->db, "PRAGMA integrity_check(1)", &problem) ||
      !check_pragma (checked->db, "PRAGMA foreign_key_check", &problem) ||
      !_cp_store_check_schema (checked->db, CP_STORE_SCHEMA_VERSION, &problem))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
                   _("the backup is damaged: %s"), problem);
      return NULL;
    }

  return g_steal_pointer (&checked);
}

/* Removes a database file and SQLite's files beside it. */
static void
remove_database_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

/* A name for the kept copy that no other file has: made with O_EXCL, so
 * two restores in the same second never keep their copies in one file.
 */
static char *
reserve_kept_name (CpStore  *self,
                   GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.before-restore-%s", self->path, stamp)
                                     : g_strdup_printf ("%s.before-restore-%s-%u", self->path, stamp, n);
      int fd = g_open (name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&name);
        }
      if (errno != EEXIST)
        {
          int errsv = errno;

          set_backup_error (error, name, g_strerror (errsv));
          return NULL;
        }
    }

  set_backup_error (error, self->path, _("too many copies were kept this second"));

  return NULL;
}

/**
 * cp_store_restore:
 * @backup_path: a backup made by cp_store_backup()
 * @kept_path: (out) (optional): where the database as it was is kept
 *
 * Replaces the whole database with @backup_path. The backup is checked
 * first — a file that is not ours, is damaged or comes from a newer
 * version is refused and nothing changes; one from an older version is
 * upgraded in a copy on the way in.
 *
 * What a restore keeps: the database exactly as it was the moment before
 * the restore, with every change any program had saved to it, as a file
 * named "NAME.before-restore-STAMP" beside it (with "-2", "-3"… when that
 * name is taken; no kept copy ever replaces another). The copy is made
 * while the restore holds the database's write lock, so no change saved
 * by another program can fall between the copy and the restore: it is
 * either in the kept copy or waits and lands on the restored database.
 *
 * Objects read from the store before are stale afterwards; close the
 * store and open it again.
 *
 * Returns: whether the database now holds the backup
 */
gboolean
cp_store_restore (CpStore     *self,
                  const char  *backup_path,
                  char       **kept_path,
                  GError     **error)
{
  g_autoptr(CpStore) checked = NULL;
  g_autofree char *upgraded_copy = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3_backup *backup = NULL;
  sqlite3 *reader = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  display = g_filename_display_name (backup_path);

  if (self->read_only)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY,
                           _("This database is read-only; nothing can be restored into it"));
      return FALSE;
    }

  /* The database itself is no backup of itself. */
  {
    GStatBuf a, b;

    if (g_stat (backup_path, &a) == 0 && g_stat (self->path, &b) == 0 &&
        a.st_dev == b.st_dev && a.st_ino == b.st_ino)
      {
        g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                     _("Nothing was restored from “%s”: that is the database itself"), display);
        return FALSE;
      }
  }

  if (!(checked = open_backup (self, backup_path, &upgraded_copy, &local)))
    {
      /* Translators: the backup's file name, then why it was refused. */
      g_set_error (error, local->domain, local->code, _("Nothing was restored from “%s”: %s"),
                   display, local->message);
      return FALSE;
    }

  if (!cp_store_flush (self, error) || !(kept = reserve_kept_name (self, error)))
    goto out;

  /* The first step takes the database's write lock and copies nothing;
   * the lock is held until the last.
   */
  backup = sqlite3_backup_init (self->db, "main", checked->db, "main");
  if (backup == NULL)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                   _("Could not restore “%s”: %s"), display, sqlite3_errmsg (self->db));
      goto out;
    }
  rc = sqlite3_backup_step (backup, 0);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      g_set_error (error, CP_STORE_ERROR, (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED
                                          ? CP_STORE_ERROR_BUSY : CP_STORE_ERROR_FAILED,
                   _("Could not restore “%s”: %s"), display, sqlite3_errstr (rc));
      goto out;
    }

  /* The database as it is, read through a connection of its own: with
   * the lock held, nothing can be saved to it in between.
   */
  rc = sqlite3_open_v2 (self->path, &reader, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      set_backup_error (error, kept, reader ? sqlite3_errmsg (reader) : sqlite3_errstr (rc));
      goto out;
    }
  if (!copy_to_file (reader, kept, error))
    goto out;

  rc = sqlite3_backup_step (backup, -1);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CP_STORE_ERROR, (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED
                                          ? CP_STORE_ERROR_BUSY : CP_STORE_ERROR_FAILED,
                   _("Could not restore “%s”: %s"), display, sqlite3_errstr (rc));
      goto out;
    }
  ok = TRUE;

out:
  /* Unfinished, this rolls the database back to as it was. */
  if (backup != NULL)
    sqlite3_backup_finish (backup);
  sqlite3_close_v2 (reader);
  g_clear_object (&checked);
  if (upgraded_copy != NULL)
    remove_database_files (upgraded_copy);
  if (!ok && kept != NULL)
    g_unlink (kept);

  if (ok && kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);

  return ok;
}

/* Backups made by rotation are named by the moment they were made, so
 * that their names sort as their ages do.
 */
#define ROTATED_PREFIX "coachplan-"
#define ROTATED_SUFFIX ".db"

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Returns: (transfer full): the rotated backups in @folder, oldest first */
static GPtrArray *
list_rotated (const char  *folder,
              GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, ROTATED_PREFIX) && g_str_has_suffix (name, ROTATED_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);

  return g_steal_pointer (&names);
}

static gboolean
rotate (CpStore     *self,
        const char  *folder,
        guint        keep,
        GDateTime   *now,
        gboolean     force,
        gboolean    *made,
        GError     **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *day = g_date_time_format (now, ROTATED_PREFIX "%Y%m%d");
  g_autofree char *name = g_date_time_format (now, ROTATED_PREFIX "%Y%m%d-%H%M%S" ROTATED_SUFFIX);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  gboolean due = TRUE;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (keep >= 1, FALSE);

  if (made != NULL)
    *made = FALSE;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      set_backup_error (error, folder, g_strerror (saved));
      return FALSE;
    }

  if (!(names = list_rotated (folder, error)))
    return FALSE;

  for (guint i = 0; i < names->len && due && !force; i++)
    due = !g_str_has_prefix (g_ptr_array_index (names, i), day);

  if (due)
    {
      if (!cp_store_backup (self, path, error))
        return FALSE;
      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      if (made != NULL)
        *made = TRUE;
    }

  while (names->len > keep)
    {
      g_autofree char *oldest = g_build_filename (folder, g_ptr_array_index (names, 0), NULL);

      g_unlink (oldest);
      g_ptr_array_remove_index (names, 0);
    }

  return TRUE;
}

/**
 * cp_store_rotate_backups:
 * @folder: where the rotated backups live; made if missing
 * @keep: how many to keep, at least 1
 * @now: the moment it is
 * @made: (out) (optional): whether a backup was made
 *
 * Makes a backup in @folder unless one was made on @now's day already,
 * then removes the oldest so that @keep remain.
 *
 * Returns: %FALSE if a backup was due and could not be made
 */
gboolean
cp_store_rotate_backups (CpStore     *self,
                         const char  *folder,
                         guint        keep,
                         GDateTime   *now,
                         gboolean    *made,
                         GError     **error)
{
  return rotate (self, folder, keep, now, FALSE, made, error);
}

/**
 * cp_store_back_up_now:
 *
 * Like cp_store_rotate_backups(), but makes a backup even when one was
 * made today.
 */
gboolean
cp_store_back_up_now (CpStore     *self,
                      const char  *folder,
                      guint        keep,
                      GDateTime   *now,
                      GError     **error)
{
  return rotate (self, folder, keep, now, TRUE, NULL, error);
}

/**
 * cp_store_dup_backup_folder:
 *
 * Returns: (transfer full): where the rotated backups of the database
 *   live: "backups" beside it
 */
char *
cp_store_dup_backup_folder (CpStore *self)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  dir = g_path_get_dirname (cp_store_get_path (self));

  return g_build_filename (dir, "backups", NULL);
}

/**
 * cp_store_list_backups:
 * @folder: a folder of rotated backups
 *
 * Returns: (transfer full) (element-type filename): the backups' paths,
 *   newest first; empty when the folder does not exist
 */
GPtrArray *
cp_store_list_backups (const char *folder)
{
  g_autoptr(GPtrArray) names = list_rotated (folder, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = names ? names->len : 0; i-- > 0;)
    g_ptr_array_add (paths, g_build_filename (folder, g_ptr_array_index (names, i), NULL));

  return paths;
}

/**
 * cp_backup_get_time:
 * @path: a backup's path
 *
 * Returns: (transfer full) (nullable): when the backup was made, in local
 *   time, as its name says
 */
GDateTime *
cp_backup_get_time (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  int y, mo, d, h, mi, sec;
  char tail[8] = { 0 };
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  if (sscanf (name, ROTATED_PREFIX "%4d%2d%2d-%2d%2d%2d%7s", &y, &mo, &d, &h, &mi, &sec, tail) != 7 ||
      strcmp (tail, ROTATED_SUFFIX) != 0)
    return NULL;

  return g_date_time_new (zone, y, mo, d, h, mi, sec);
}
