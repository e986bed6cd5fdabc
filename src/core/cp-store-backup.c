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
