/* cp-store.c — the SQLite file every engagement lives in
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

#include "cp-store-private.h"


/* How long typing may go on before edits reach the disk. */
#define SAVE_DELAY_MS 300


G_DEFINE_FINAL_TYPE (CpStore, cp_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  ENGAGEMENTS_CHANGED,
  SAVE_FAILED,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (cp-store-error-quark, cp_store_error)

/* Sets @error to "@failed: why", @failed being a whole translated
 * sentence such as "Could not save the engagement".
 */
void
_cp_store_set_error (CpStore     *self,
                     GError     **error,
                     int          rc,
                     const char  *failed)
{
  _cp_store_set_db_error (self ? self->db : NULL, error, rc, failed);
}

/* The same, for any connection: the writer's too. */
void
_cp_store_set_db_error (sqlite3     *db,
                        GError     **error,
                        int          rc,
                        const char  *failed)
{
  CpStoreError code;
  const char *why;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      code = CP_STORE_ERROR_NOT_DATABASE;
      why = _("the file is not a database");
      break;
    case SQLITE_CORRUPT:
      code = CP_STORE_ERROR_CORRUPT;
      why = _("the database file is damaged");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      code = CP_STORE_ERROR_READ_ONLY;
      why = _("the database cannot be written");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = CP_STORE_ERROR_BUSY;
      why = _("another program is using the database");
      break;
    case SQLITE_FULL:
      code = CP_STORE_ERROR_FULL;
      why = _("the disk is full");
      break;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      code = CP_STORE_ERROR_INVALID;
      why = _("a value is not allowed");
      break;
    default:
      code = CP_STORE_ERROR_FAILED;
      why = NULL;
      break;
    }

  /* A write the file system refused for want of room, or a size limit. */
  if ((rc & 0xff) == SQLITE_IOERR && db != NULL)
    {
      int errsv = sqlite3_system_errno (db);

      if (errsv == ENOSPC || errsv == EFBIG || errsv == EDQUOT)
        {
          code = CP_STORE_ERROR_FULL;
          why = _("the disk is full");
        }
    }

  if (why == NULL)
    why = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  /* Translators: a failure and its reason, such as "Could not save the
   * engagement: the disk is full".
   */
  g_set_error (error, CP_STORE_ERROR, code, _("%s: %s"), failed, why);
}

static void
statement_free (gpointer data)
{
  sqlite3_finalize (data);
}

sqlite3_stmt *
_cp_store_prepare (CpStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Statements are keyed by the address of their (static) text, so each
   * query is compiled once per connection.
   */
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cp_store_set_error (self, error, rc, _("Could not read the database"));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

/**
 * _cp_store_load_list:
 * @which: a query with one parameter, @id
 *
 * Returns: (transfer full) (nullable): a list of the objects @row_func
 *   makes from each row
 */
GListStore *
_cp_store_load_list (CpStore    *self,
                     CpSql       which,
                     gint64      id,
                     GType       item_type,
                     CpRowFunc   row_func,
                     GError    **error)
{
  g_autoptr(GPtrArray) rows = _cp_store_query (self, which, id, error);
  g_autoptr(GListStore) list = NULL;

  if (rows == NULL)
    return NULL;

  list = g_list_store_new (item_type);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GObject) item = row_func (self, _cp_rows_get (rows, i));
      g_list_store_append (list, item);
    }

  return g_steal_pointer (&list);
}

/**
 * _cp_store_load_rows:
 * @sql: a query with one parameter, @id
 * @row_size: the size of one row's struct
 * @clear: (nullable): frees what a row holds
 * @read: fills a row from the current row of the query
 * @failed: the sentence for an error, such as "Could not read the sessions"
 *
 * Returns: (transfer full) (nullable): the rows as plain values, in the
 *   query's order
 */
GArray *
_cp_store_load_rows (CpStore        *self,
                     const char     *sql,
                     gint64          id,
                     guint           row_size,
                     GDestroyNotify  clear,
                     CpReadRowFunc   read,
                     const char     *failed,
                     GError        **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, row_size);
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (rows, clear);

  if (!(stmt = _cp_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_array_set_size (rows, rows->len + 1);
      read (stmt, rows->data + (gsize) (rows->len - 1) * row_size);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (self, error, rc, failed);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/**
 * _cp_store_insert_row:
 * @stmt: a prepared INSERT … RETURNING, its values bound
 * @row: (out caller-allocates): the new row, as stored
 * @clear: frees what @row holds, should the insert fail
 *
 * Runs the insert in a transaction of its own and reads back the row.
 */
gboolean
_cp_store_insert_row (CpStore        *self,
                      sqlite3_stmt   *stmt,
                      CpReadRowFunc   read,
                      gpointer        row,
                      GDestroyNotify  clear,
                      const char     *failed,
                      GError        **error)
{
  int rc;

  if (!_cp_store_begin (self, error))
    {
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      read (stmt, row);
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (self, error, rc, failed);
      clear (row);
      _cp_store_rollback (self);
      return FALSE;
    }

  if (!_cp_store_commit (self, error))
    {
      clear (row);
      return FALSE;
    }

  return TRUE;
}

/**
 * _cp_store_delete_row:
 * @sql: a DELETE with one parameter, @id
 *
 * Deletes in a transaction of its own.
 */
gboolean
_cp_store_delete_row (CpStore     *self,
                      const char  *sql,
                      gint64       id,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  if (!_cp_store_begin (self, error))
    return FALSE;

  if (!(stmt = _cp_store_prepare (self, sql, error)))
    {
      _cp_store_rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_cp_store_step_done (self, stmt, error))
    {
      _cp_store_rollback (self);
      return FALSE;
    }

  return _cp_store_commit (self, error);
}

gboolean
_cp_store_step_done (CpStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  sqlite3_reset (stmt);
  _cp_store_set_error (self, error, rc, _("Could not save the changes"));

  return FALSE;
}

/**
 * _cp_store_set_flag:
 * @which: an UPDATE of the row ?1, setting the flag ?2 (and perhaps using
 *   the text ?3), RETURNING one text column
 * @returned: (out): that column, as the database wrote it
 *
 * Writes a decision such as a tick at once, in its own transaction.
 */
gboolean
_cp_store_set_flag (CpStore     *self,
                    CpSql        which,
                    gint64       id,
                    gboolean     flag,
                    const char  *text,
                    char       **returned,
                    GError     **error)
{
  CpStoreUnit *unit = _cp_store_unit_for (which);
  g_autoptr(GPtrArray) rows = NULL;

  _cp_store_unit_bind_int64 (unit, id);
  _cp_store_unit_bind_int64 (unit, !!flag);
  if (text != NULL)
    _cp_store_unit_bind_text (unit, text);

  if (!(rows = _cp_store_unit_commit (self, unit, error)))
    return FALSE;

  *returned = rows->len > 0 ? _cp_row_dup (_cp_rows_get (rows, 0), 0) : NULL;

  return TRUE;
}

gboolean
_cp_store_exec (CpStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _cp_store_set_error (self, error, rc, _("Could not save the changes"));
      return FALSE;
    }

  return TRUE;
}

/* Writing to a database file that was deleted or replaced while open
 * would lose every change when the app closes: SQLite would go on writing
 * to a file no longer in any folder. So each write first checks that the
 * path still names the file that was opened.
 */
gboolean
_cp_store_check_file (CpStore  *self,
                      GError  **error)
{
  g_autofree char *display = NULL;
  GStatBuf st;

  if (self->file_ino == 0 ||
      (g_stat (self->path, &st) == 0 && st.st_dev == self->file_dev && st.st_ino == self->file_ino))
    return TRUE;

  display = g_filename_display_name (self->path);
  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_REPLACED,
               _("The database “%s” was deleted or replaced by another program while open; "
                 "nothing more is saved to it. Close Coachplan and open it again."),
               display);

  return FALSE;
}

/* Starts the one transaction a change runs in. Transactions do not nest:
 * a change is one unit of work, and the models change only once its
 * COMMIT has succeeded, so there is never an inner commit that does
 * nothing or an inner rollback that leaves a model changed.
 */
gboolean
_cp_store_begin (CpStore  *self,
                 GError  **error)
{
  if (self->read_only)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      if (self->read_only_reason != NULL)
        /* Translators: the database, then why it cannot be written. */
        g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY,
                     _("The database “%s” is read-only: %s"), display, self->read_only_reason);
      else
        g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY,
                     _("The database “%s” is read-only"), display);
      return FALSE;
    }

  if (self->in_transaction)
    {
      g_critical ("A change began inside another; changes do not nest");
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("Could not save the changes: another change is under way"));
      return FALSE;
    }

  if (!_cp_store_check_file (self, error))
    return FALSE;

  /* What the writer was given is written first, in order. */
  _cp_store_wait_writer (self);

  if (!_cp_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  self->changes_at_begin = sqlite3_total_changes64 (self->db);

  return TRUE;
}

/* Tests: the statement that starts after @n - 1 others fails, as if the
 * disk had failed there; 0 turns this off.
 */
static int
trace_statement (unsigned  type,
                 void     *context,
                 void     *p,
                 void     *x)
{
  CpStore *self = context;
  const char *sql = x;

  /* The statements of a trigger are part of the statement that fired it. */
  if (self->fail_at == 0 || g_str_has_prefix (sql, "--"))
    return 0;

  if (++self->n_statements == self->fail_at)
    sqlite3_interrupt (self->db);

  return 0;
}

void
_cp_store_fail_statement (CpStore *self,
                          guint    n)
{
  self->fail_at = n;
  self->n_statements = 0;
  sqlite3_trace_v2 (self->db, n > 0 ? SQLITE_TRACE_STMT : 0, n > 0 ? trace_statement : NULL, self);
}

gboolean
_cp_store_commit (CpStore  *self,
                  GError  **error)
{
  g_assert (self->in_transaction);

  self->in_transaction = FALSE;
  if (!_cp_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->changed_pending = FALSE;
      return FALSE;
    }

  if (self->changed_pending)
    {
      self->changed_pending = FALSE;
      g_signal_emit (self, signals[ENGAGEMENTS_CHANGED], 0);
    }
  if (sqlite3_total_changes64 (self->db) != self->changes_at_begin)
    _cp_store_saved (self);

  return TRUE;
}

/* Something was written: in the store's main context, after the commit. */
void
_cp_store_saved (CpStore *self)
{
  g_signal_emit (self, signals[SAVED], 0);
}

void
_cp_store_rollback (CpStore *self)
{
  g_assert (self->in_transaction);

  self->in_transaction = FALSE;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->changed_pending = FALSE;
}

gint64
_cp_store_last_insert_id (CpStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

/* Listeners hear of a change once it is committed, so what they read
 * back is what is on disk.
 */
void
_cp_store_engagements_changed (CpStore *self)
{
  if (self->in_transaction)
    self->changed_pending = TRUE;
  else
    g_signal_emit (self, signals[ENGAGEMENTS_CHANGED], 0);
}

static gboolean flush (CpStore   *self,
                       gboolean   may_defer,
                       GError   **error);

static gboolean
save_timeout_cb (gpointer data)
{
  CpStore *self = data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;

  if (!flush (self, TRUE, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);

  return G_SOURCE_REMOVE;
}

/**
 * _cp_store_mark_dirty_unit:
 * @unit: makes a unit of work that saves @object as it is then
 *
 * @object has edits to save: a debounced save hands the unit to the
 * store's writer; a flush runs it at once.
 */
void
_cp_store_mark_dirty_unit (CpStore         *self,
                           gpointer         object,
                           CpStoreUnitFunc  unit)
{
  CpStoreDirty dirty = { object, unit };

  g_return_if_fail (CP_IS_STORE (self));
  g_return_if_fail (G_IS_OBJECT (object));

  _cp_store_keep_dirty (self, &dirty);

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (self->save_delay, save_timeout_cb, self);
}

/**
 * _cp_store_keep_dirty:
 *
 * Keeps @dirty's object among those with edits to save, without setting
 * a save going: the next change or flush saves it.
 */
void
_cp_store_keep_dirty (CpStore      *self,
                      CpStoreDirty *dirty)
{
  for (guint i = 0; i < self->dirty->len; i++)
    if (g_array_index (self->dirty, CpStoreDirty, i).object == dirty->object)
      return;

  g_object_ref (dirty->object);
  g_array_append_val (self->dirty, *dirty);
}

gboolean
_cp_store_is_dirty (CpStore  *self,
                    gpointer  object)
{
  for (guint i = 0; i < self->dirty->len; i++)
    if (g_array_index (self->dirty, CpStoreDirty, i).object == object)
      return TRUE;

  return FALSE;
}

void
_cp_store_forget_dirty (CpStore  *self,
                        gpointer  object)
{
  for (guint i = 0; i < self->dirty->len; i++)
    {
      if (g_array_index (self->dirty, CpStoreDirty, i).object == object)
        {
          g_array_remove_index (self->dirty, i);
          g_object_unref (object);
          return;
        }
    }
}

/* Swaps the list out before unreferencing: a last unref may run code
 * that marks something dirty again.
 */
static void
forget_dirty (CpStore *self)
{
  g_autoptr(GArray) dirty = g_steal_pointer (&self->dirty);

  self->dirty = g_array_new (FALSE, FALSE, sizeof (CpStoreDirty));
  for (guint i = 0; i < dirty->len; i++)
    g_object_unref (g_array_index (dirty, CpStoreDirty, i).object);
}

/* Each object's save goes to the writer as a unit of work. */
static void
defer_to_writer (CpStore *self)
{
  g_autoptr(GArray) dirty = g_steal_pointer (&self->dirty);

  self->dirty = g_array_new (FALSE, FALSE, sizeof (CpStoreDirty));
  for (guint i = 0; i < dirty->len; i++)
    {
      CpStoreDirty *d = &g_array_index (dirty, CpStoreDirty, i);

      _cp_store_run_unit (self, d->unit (d->object), d->object, d);
      g_object_unref (d->object);
    }
}

static gboolean
flush (CpStore   *self,
       gboolean   may_defer,
       GError   **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) units = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (may_defer && !self->read_only && !self->in_transaction)
    defer_to_writer (self);
  else if (!self->in_transaction)
    _cp_store_wait_writer (self);

  if (self->dirty->len == 0)
    return TRUE;

  if (!_cp_store_begin (self, &local))
    {
      /* A file that was replaced never takes these edits: let them go,
       * having said so, rather than try again for ever.
       */
      if (g_error_matches (local, CP_STORE_ERROR, CP_STORE_ERROR_REPLACED))
        forget_dirty (self);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  /* One transaction for every save; the objects hear that they are
   * saved only once it is committed.
   */
  units = g_ptr_array_new_with_free_func ((GDestroyNotify) _cp_store_unit_free);
  for (guint i = 0; i < self->dirty->len; i++)
    {
      CpStoreDirty *d = &g_array_index (self->dirty, CpStoreDirty, i);
      CpStoreUnit *unit = d->unit (d->object);

      g_ptr_array_add (units, unit);
      if (!_cp_store_run_unit_now (self, unit, d->object, error))
        {
          _cp_store_rollback (self);
          return FALSE;
        }
    }

  if (!_cp_store_commit (self, error))
    return FALSE;

  forget_dirty (self);
  for (guint i = 0; i < units->len; i++)
    _cp_store_unit_report (g_ptr_array_index (units, i));

  return TRUE;
}

/**
 * cp_store_flush:
 *
 * Writes every pending edit now: first whatever the writer was given,
 * then the rest, all in one transaction. On failure the edits stay
 * pending and in memory, so a later flush can still save them. Once it
 * returns %TRUE, everything edited before is on disk.
 */
gboolean
cp_store_flush (CpStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  return flush (self, FALSE, error);
}

static void
cp_store_dispose (GObject *object)
{
  CpStore *self = (CpStore *)object;

  if (self->db != NULL && self->dirty->len > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!cp_store_flush (self, &error))
        g_warning ("Edits could not be saved on close: %s", error->message);
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  _cp_store_stop_writer (self);

  for (guint i = 0; i < self->dirty->len; i++)
    g_object_unref (g_array_index (self->dirty, CpStoreDirty, i).object);
  g_array_set_size (self->dirty, 0);

  G_OBJECT_CLASS (cp_store_parent_class)->dispose (object);
}

static void
cp_store_finalize (GObject *object)
{
  CpStore *self = (CpStore *)object;

  /* Live engagements hold a reference on the store, so none is left. */
  g_assert (g_hash_table_size (self->engagements) == 0);

  g_clear_pointer (&self->engagements, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->dirty, g_array_unref);
  g_mutex_clear (&self->writer_lock);
  g_cond_clear (&self->writer_idle);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (cp_store_parent_class)->finalize (object);
}

static void
cp_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CpStore *self = CP_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_store_class_init (CpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_store_dispose;
  object_class->finalize = cp_store_finalize;
  object_class->get_property = cp_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CpStore::engagements-changed:
   *
   * An engagement was created, trashed, restored, or changed in a way
   * that may move it in a list (its title, client or status).
   */
  signals[ENGAGEMENTS_CHANGED] =
    g_signal_new ("engagements-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CpStore::save-failed:
   * @error: what went wrong
   *
   * A debounced save failed; the edits are still pending in memory.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * CpStore::saved:
   *
   * Changes were written to the database: emitted after each unit of
   * work or transaction that changed a row, once it is committed.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cp_store_init (CpStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, statement_free);
  self->engagements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->dirty = g_array_new (FALSE, FALSE, sizeof (CpStoreDirty));
  self->save_delay = SAVE_DELAY_MS;
}

/**
 * cp_store_set_save_delay:
 * @delay_ms: how long after the last change a change is saved
 *
 * Changes made after this wait @delay_ms for more before they are
 * written; cp_store_flush() writes at once whatever waits.
 */
void
cp_store_set_save_delay (CpStore *self,
                         guint    delay_ms)
{
  g_return_if_fail (CP_IS_STORE (self));

  self->save_delay = CLAMP (delay_ms, 10, 60000);
}

guint
cp_store_get_save_delay (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), 0);

  return self->save_delay;
}

/**
 * cp_store_set_author:
 * @name: (nullable): who records what is done from now on
 *
 * The person using this database, as they said who they are: each
 * sign-off and reading records their name.
 */
void
cp_store_set_author (CpStore    *self,
                     const char *name)
{
  g_return_if_fail (CP_IS_STORE (self));

  g_free (self->author);
  self->author = g_strdup (name);
}

/**
 * cp_store_get_author:
 *
 * Returns: (nullable): who records what is done, as cp_store_set_author()
 *   said
 */
const char *
cp_store_get_author (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return self->author;
}

const char *
cp_store_get_path (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return self->path;
}

gboolean
cp_store_get_read_only (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * cp_store_get_read_only_reason:
 *
 * Returns: (nullable): why the database cannot be written, in words,
 *   when it was not opened read-only by choice
 */
const char *
cp_store_get_read_only_reason (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return self->read_only_reason;
}
