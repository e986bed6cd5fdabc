/* cp-store-open.c — opening a database file: what is refused and why,
 * the checks a file gets before anything is written to it, and the
 * upgrade to the format in use
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cp-file.h"
#include "cp-store-private.h"

/* "CPln" — marks a file as ours so that another program's SQLite file
 * is never migrated into a Coachplan database by mistake.
 */
#define CP_APPLICATION_ID 0x43506c6e

/* Databases up to this size are fully checked when opened; past it the
 * check would slow every start, and SQLite still reports damage it meets.
 */
#define QUICK_CHECK_MAX_BYTES (32 * 1024 * 1024)

char *
cp_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "coachplan", "coachplan.db", NULL);
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *value,
           int         *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *rc_out = rc;

  return rc == SQLITE_OK;
}

/* Creates a missing database file with owner-only permissions; SQLite
 * gives its -wal and -shm files the same mode.
 */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the database “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);

  return TRUE;
}

/* Opens a connection. A read-only one to a WAL database needs to create
 * the -shm file beside it; where it may not (a read-only folder), the
 * file is opened as immutable instead, which reads it without any lock.
 */
static int
open_connection (const char  *path,
                 gboolean     read_only,
                 sqlite3    **db)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, db, read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK || !read_only)
    return rc;

  rc = sqlite3_exec (*db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  if ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN)
    return SQLITE_OK;

  g_clear_pointer (db, sqlite3_close_v2);
  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

  return sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

/* SQLite's quick check, which also finds rows that break a CHECK rule;
 * what it found first is kept in @problem.
 */
static int
quick_check (sqlite3  *db,
             char    **problem)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          rc = g_strcmp0 (result, "ok") == 0 ? SQLITE_OK : SQLITE_CORRUPT;
          if (rc != SQLITE_OK)
            *problem = g_strdup (result);
        }
    }
  sqlite3_finalize (stmt);

  return rc;
}

/* A fingerprint of the file's schema as SQLite keeps it: every table,
 * index and trigger with the SQL that made it.
 */
static char *
schema_fingerprint (sqlite3 *db,
                    int      version)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < 3; i++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, i);

        g_checksum_update (sum, (const guchar *) (text ? text : ""), -1);
        g_checksum_update (sum, (const guchar *) "\n", 1);
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return NULL;

  return g_strdup_printf ("%d %s", version, g_checksum_get_string (sum));
}

static char *
checked_schemas_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "coachplan", "checked-schemas", NULL);
}

/* Whether a schema with this very fingerprint passed the check before:
 * checking builds the expected schema from every migration, which takes
 * longer than the rest of opening. A schema changed in any way has
 * another fingerprint and is checked again.
 */
static gboolean
schema_checked_before (const char *fingerprint)
{
  g_autofree char *path = checked_schemas_path ();
  g_autofree char *known = NULL;
  g_auto(GStrv) lines = NULL;

  if (fingerprint == NULL || !g_file_get_contents (path, &known, NULL, NULL))
    return FALSE;

  lines = g_strsplit (known, "\n", -1);
  return g_strv_contains ((const char * const *) lines, fingerprint);
}

static void
remember_schema_checked (const char *fingerprint)
{
  g_autofree char *path = checked_schemas_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *known = NULL;
  g_autofree char *updated = NULL;

  if (fingerprint == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    return;

  g_file_get_contents (path, &known, NULL, NULL);
  updated = g_strconcat (known ? known : "", fingerprint, "\n", NULL);
  /* A cache: if it cannot be written, the next start checks again. */
  g_file_set_contents_full (path, updated, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

/* A connection closed when it goes out of scope. */
typedef sqlite3 CpSqliteConnection;

static void
close_connection (CpSqliteConnection *db)
{
  sqlite3_close_v2 (db);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpSqliteConnection, close_connection)

/* Looks at an existing file and decides whether we may open it: through
 * a connection that may write when we may (so that closing it leaves no
 * -wal or -shm file behind), read-only otherwise. Nothing here writes: a
 * refused file stays byte for byte as it was. The connection it looked
 * through is the one the store keeps, in @db_out.
 */
static gboolean
inspect (const char  *path,
         gboolean     writable,
         int         *version_out,
         sqlite3    **db_out,
         GError     **error)
{
  g_autoptr(CpSqliteConnection) db = NULL;
  int rc;
  int version = 0;
  int app_id = 0;
  int n_tables = 0;
  int page_count = 0;
  int page_size = 0;
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *problem = NULL;

  rc = open_connection (path, !writable, &db);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      if (query_int (db, "PRAGMA user_version", &version, &rc) &&
          query_int (db, "PRAGMA application_id", &app_id, &rc) &&
          query_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables, &rc) &&
          query_int (db, "PRAGMA page_count", &page_count, &rc) &&
          query_int (db, "PRAGMA page_size", &page_size, &rc))
        {
          if ((gint64) page_count * page_size <= QUICK_CHECK_MAX_BYTES)
            rc = quick_check (db, &problem);
        }
    }

  /* The tables are as the version says: checked now, before anything
   * is written, so that a file another tool changed is refused whole.
   */
  if (rc == SQLITE_OK && app_id == CP_APPLICATION_ID &&
      version >= 0 && version <= CP_STORE_SCHEMA_VERSION)
    {
      g_autofree char *fingerprint = schema_fingerprint (db, version);

      if (!schema_checked_before (fingerprint))
        {
          if (!_cp_store_check_schema (db, version, &problem))
            rc = SQLITE_SCHEMA;
          else
            remember_schema_checked (fingerprint);
        }
    }

  switch (rc & 0xff)
    {
    case SQLITE_OK:
      break;
    case SQLITE_NOTADB:
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Coachplan database. It was left unchanged."), display);
      return FALSE;
    case SQLITE_CORRUPT:
      if (problem != NULL)
        /* Translators: the database, then what SQLite's check found, in its words. */
        g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
                     _("The database “%s” is damaged (%s). It was left unchanged; restore it from a backup."),
                     display, problem);
      else
        g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
                     _("The database “%s” is damaged. It was left unchanged; restore it from a backup."),
                     display);
      return FALSE;
    case SQLITE_SCHEMA:
      /* Translators: the database, then what is wrong with it, as "its table “note” is missing". */
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: %s (it says it is format %d). "
                     "It was left unchanged; restore it from a backup."),
                   display, problem, version);
      return FALSE;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY,
                   _("The database “%s” is locked by another program. Close it and try again."),
                   display);
      return FALSE;
    default:
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                   _("Could not open the database “%s”: %s"), display, sqlite3_errstr (rc));
      return FALSE;
    }

  if (app_id != 0 && app_id != CP_APPLICATION_ID)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FOREIGN,
                   _("“%s” belongs to another application. It was left unchanged."), display);
      return FALSE;
    }

  if (app_id == 0 && n_tables > 0)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FOREIGN,
                   _("“%s” is an SQLite database of another application. It was left unchanged."),
                   display);
      return FALSE;
    }

  if (version > CP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NEWER_VERSION,
                   _("The database “%s” was written by a newer version of Coachplan "
                     "(format %d; this version reads up to %d). Update Coachplan to open it; "
                     "the file was left unchanged."),
                   display, version, CP_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (version < 0)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
                   _("The database “%s” says it is format %d, which no Coachplan writes. "
                     "It was left unchanged; restore it from a backup."),
                   display, version);
      return FALSE;
    }

  *version_out = version;
  *db_out = g_steal_pointer (&db);

  return TRUE;
}

static gboolean
upgrade (CpStore  *self,
         GError  **error)
{
  char *errmsg = NULL;
  g_autofree char *pragma = NULL;
  int version = 0;
  int rc;

  if (!_cp_store_begin (self, error))
    return FALSE;

  /* Read the version again under the write lock: another instance may
   * have migrated the file since we inspected it.
   */
  if (!query_int (self->db, "PRAGMA user_version", &version, &rc))
    {
      _cp_store_set_error (self, error, rc, _("Could not read the database version"));
      _cp_store_rollback (self);
      return FALSE;
    }

  if (version < CP_STORE_SCHEMA_VERSION)
    {
      if (!_cp_store_migrate (self->db, version, CP_STORE_SCHEMA_VERSION, &errmsg))
        {
          g_autofree char *display = g_filename_display_name (self->path);

          /* SQLite's message, freed as SQLite allocated it. */
          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
                       _("The database “%s” says it is format %d, but its tables are not as "
                         "that format has them (%s), so it cannot be upgraded to format %d. "
                         "It was left unchanged; restore it from a backup."),
                       display, version, errmsg ? errmsg : "", CP_STORE_SCHEMA_VERSION);
          sqlite3_free (errmsg);
          _cp_store_rollback (self);
          return FALSE;
        }

      pragma = g_strdup_printf ("PRAGMA application_id = %d", CP_APPLICATION_ID);
      if (!_cp_store_exec (self, pragma, error))
        {
          _cp_store_rollback (self);
          return FALSE;
        }
    }

  return _cp_store_commit (self, error);
}

/* The longest path SQLite opens on this system. */
#define SQLITE_MAX_PATH 511

/* A database path must name a regular file (or nothing yet) that SQLite
 * can open: a named pipe would hang it, a device never end.
 */
static gboolean
check_path (const char  *path,
            gboolean    *missing,
            GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *full = g_canonicalize_filename (path, NULL);
  g_autoptr(GError) local = NULL;

  if (strlen (full) + strlen ("-journal") > SQLITE_MAX_PATH)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                   _("The path of the database “%s” is too long: SQLite opens paths of up to "
                     "%d bytes, and this one has %d. Move the file to a shorter path."),
                   display, SQLITE_MAX_PATH - (int) strlen ("-journal"), (int) strlen (full));
      return FALSE;
    }

  if (!cp_file_check_regular (path, TRUE, missing, &local))
    {
      /* Translators: the path, then what it is instead of a database. */
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_DATABASE,
                   _("“%s” cannot be a database: %s"), display, local->message);
      return FALSE;
    }

  return TRUE;
}

/* Why a database may be read but not written, in words; NULL when it
 * may be written. SQLite writes beside the file too: its -wal and -shm.
 */
static char *
why_read_only (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *suffixes[] = { "-wal", "-shm" };

  if (g_access (path, W_OK) != 0)
    return g_strdup (_("the file may not be written"));

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *beside = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *name = g_path_get_basename (beside);
      GStatBuf st;

      if (g_lstat (beside, &st) == 0 && !S_ISREG (st.st_mode))
        /* Translators: SQLite's file beside the database, then what it is instead. */
        return g_strdup_printf (_("“%s” is %s, where SQLite keeps its journal; move it away"),
                                name, cp_file_describe_mode (st.st_mode));
      if (g_lstat (beside, &st) != 0 && g_access (dir, W_OK) != 0)
        return g_strdup (_("its folder may not be written, and SQLite writes its journal there"));
    }

  return NULL;
}

/**
 * cp_store_open:
 * @path: (nullable): the database file, or %NULL for the default one
 *
 * Opens the database, creating it (owner-only) when missing and
 * upgrading its schema. A file we must not touch — not SQLite, damaged,
 * another application's, or from a newer Coachplan — is refused with a
 * #CpStoreError and left unchanged. A file we may not write opens
 * read-only.
 */
CpStore *
cp_store_open (const char  *path,
               GError     **error)
{
  return cp_store_open_full (path, CP_STORE_OPEN_DEFAULT, error);
}

/**
 * cp_store_open_full:
 * @flags: %CP_STORE_OPEN_READ_ONLY to open even a writable file read-only
 *
 * Like cp_store_open().
 */
CpStore *
cp_store_open_full (const char        *path,
                    CpStoreOpenFlags   flags,
                    GError           **error)
{
  g_autoptr(CpStore) self = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(CpSqliteConnection) db = NULL;
  gboolean missing = FALSE;
  int version = 0;

  if (path == NULL)
    path = default_path = cp_store_dup_default_path ();

  display = g_filename_display_name (path);

  if (!check_path (path, &missing, error))
    return NULL;

  if (missing)
    {
      if (flags & CP_STORE_OPEN_READ_ONLY)
        {
          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                       _("There is no database “%s”"), display);
          return NULL;
        }
      if (!create_private_file (path, error))
        return NULL;
    }

  reason = why_read_only (path);
  if (!inspect (path, reason == NULL, &version, &db, error))
    return NULL;

  self = g_object_new (CP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & CP_STORE_OPEN_READ_ONLY) != 0 || reason != NULL;
  self->read_only_reason = g_steal_pointer (&reason);

  if (self->read_only && version < CP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is format %d and needs an upgrade to format %d to open, "
                     "but it is read-only. It was left unchanged."),
                   display, version, CP_STORE_SCHEMA_VERSION);
      return NULL;
    }

  /* A file opened read-only by choice is still read through a connection
   * that may write, told to write nothing, so that closing it leaves no
   * -wal or -shm file behind.
   */
  self->db = g_steal_pointer (&db);
  if (self->read_only && self->read_only_reason == NULL &&
      !_cp_store_exec (self, "PRAGMA query_only = 1", error))
    return NULL;

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  if (!_cp_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!self->read_only)
    {
      /* Upgraded before the journal mode changes, so that a refused
       * upgrade leaves the file exactly as it was.
       */
      if ((version < CP_STORE_SCHEMA_VERSION && !upgrade (self, error)) ||
          !_cp_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
          !_cp_store_exec (self, "PRAGMA synchronous = FULL", error))
        return NULL;

      /* Engagements trashed in an earlier run whose undo never came. */
      if (!cp_store_purge_trash (self, error))
        return NULL;
    }

  /* Which file this is, to notice if it is deleted or replaced. */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      {
        self->file_dev = st.st_dev;
        self->file_ino = st.st_ino;
      }
  }

  return g_steal_pointer (&self);
}

int
cp_store_get_schema_version (CpStore *self)
{
  int version = -1;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), -1);

  query_int (self->db, "PRAGMA user_version", &version, &rc);

  return version;
}
