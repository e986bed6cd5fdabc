/* cp-store-backup.c — copies of the whole database, made with SQLite's
 * online backup API while the store stays open
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cp-store-private.h"

static void
set_backup_error (GError     **error,
                  const char  *path,
                  const char  *reason)
{
  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
               _("Could not back up to “%s”: %s"), path, reason);
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
  g_autofree char *part = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) source = NULL;
  sqlite3_backup *backup;
  sqlite3 *copy = NULL;
  int rc;

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

  /* Written beside the target first, so a failure leaves any older
   * backup of the same name as it was.
   */
  part = g_strconcat (path, ".part", NULL);
  g_unlink (part);

  rc = sqlite3_open_v2 (part, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_backup_error (error, path, copy ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
      sqlite3_close (copy);
      g_unlink (part);
      return FALSE;
    }

  backup = sqlite3_backup_init (copy, "main", self->db, "main");
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
  if (rc != SQLITE_OK || g_chmod (part, 0600) != 0 || g_rename (part, path) != 0)
    {
      int saved = errno;

      set_backup_error (error, path, rc != SQLITE_OK ? sqlite3_errstr (rc) : g_strerror (saved));
      g_unlink (part);
      return FALSE;
    }

  return TRUE;
}

/**
 * cp_store_restore:
 * @backup_path: a backup made by cp_store_backup()
 * @kept_path: (out) (optional): where the database as it was is kept
 *
 * Replaces the whole database with @backup_path. The backup is checked
 * first — a file that is not ours, is damaged or comes from a newer
 * version is refused and nothing changes — and the database as it was is
 * kept as a backup beside it. Objects read from the store before are
 * stale afterwards; close the store and open it again.
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
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *kept = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY,
                           _("This database is read-only; nothing can be restored into it"));
      return FALSE;
    }

  /* Opening it read-only runs every check a database gets. */
  if (!(checked = cp_store_open_full (backup_path, CP_STORE_OPEN_READ_ONLY, &local)))
    {
      g_autofree char *display = g_filename_display_name (backup_path);

      /* Translators: the backup's file name, then why it was refused. */
      g_set_error (error, local->domain, local->code, _("Nothing was restored from “%s”: %s"),
                   display, local->message);
      return FALSE;
    }

  kept = g_strdup_printf ("%s.before-restore-%s", self->path, stamp);
  if (!cp_store_backup (self, kept, error))
    return FALSE;

  backup = sqlite3_backup_init (self->db, "main", checked->db, "main");
  if (backup == NULL)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                   _("Could not restore “%s”: %s"), backup_path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CP_STORE_ERROR, rc == SQLITE_BUSY || rc == SQLITE_LOCKED
                                          ? CP_STORE_ERROR_BUSY : CP_STORE_ERROR_FAILED,
                   _("Could not restore “%s”: %s"), backup_path, sqlite3_errstr (rc));
      return FALSE;
    }

  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);

  return TRUE;
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
