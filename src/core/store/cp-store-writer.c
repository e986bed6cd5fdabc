/* cp-store-writer.c — units of work, written on a thread of their own
 *
 * Saving a large note writes its whole body and indexes it again for
 * full-text search, which takes longer than a frame. The window should
 * not wait for that: such a save becomes a unit of work — statements with
 * their values, taken from the model when the save is due — and the
 * store's writer runs it in one transaction, on its own thread and its
 * own connection, in the order the units came. The model hears the
 * result in the store's main context, once the unit is committed; a unit
 * that fails leaves its object to be saved again, and says why.
 *
 * cp_store_flush() waits for the writer before it writes anything
 * itself, so whatever it reports as saved is on disk, in order.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store-private.h"
#include "cp-store-row.h"
#include "cp-store-sql.h"

typedef struct
{
  const char *sql;      /* static: the writer keeps it prepared */
  GArray     *values;   /* GValue, bound as ?1, ?2… */
} Statement;

struct _CpStoreUnit
{
  GPtrArray        *statements;
  char             *failed;
  CpStoreSavedFunc  saved;
  gpointer          object;     /* referenced */
  CpStoreDirty      retry;      /* how to save the object again */
  CpRow            *returned;   /* the first row of the last statement */
  GPtrArray        *rows;       /* CpRow, when the caller keeps them */
  GError           *error;
  gboolean          quit;       /* tells the writer to stop */
};

static void
statement_free (gpointer data)
{
  Statement *statement = data;

  g_array_unref (statement->values);
  g_free (statement);
}

/**
 * _cp_store_unit_new:
 * @failed: (nullable): what to say should the unit fail, such as "Could
 *   not save the note"; by default "Could not save the changes"
 * @saved: (nullable): told in the main context once the unit is committed
 */
CpStoreUnit *
_cp_store_unit_new (const char       *failed,
                    CpStoreSavedFunc  saved)
{
  CpStoreUnit *unit = g_new0 (CpStoreUnit, 1);

  unit->statements = g_ptr_array_new_with_free_func (statement_free);
  unit->failed = g_strdup (failed ? failed : _("Could not save the changes"));
  unit->saved = saved;

  return unit;
}

void
_cp_store_unit_free (CpStoreUnit *unit)
{
  if (unit == NULL)
    return;

  g_ptr_array_unref (unit->statements);
  g_free (unit->failed);
  g_clear_pointer (&unit->returned, _cp_row_free);
  g_clear_pointer (&unit->rows, g_ptr_array_unref);
  g_clear_error (&unit->error);
  g_clear_object (&unit->object);
  g_free (unit);
}

/* The aggregates' tables of statements, each filled where it knows one. */
static const CpSqlText * const sql_tables[] = {
  _cp_store_measures_sql,
  _cp_store_register_sql,
  _cp_store_contract_sql,
  _cp_store_csip_sql,
  _cp_store_notes_sql,
  _cp_store_engagements_sql,
};

/**
 * _cp_store_sql:
 *
 * Returns: the text of a named statement and what to say should it fail
 */
const CpSqlText *
_cp_store_sql (CpSql which)
{
  g_assert (which < CP_SQL_N);

  for (guint i = 0; i < G_N_ELEMENTS (sql_tables); i++)
    if (sql_tables[i][which].sql != NULL)
      return &sql_tables[i][which];

  g_error ("No statement %d", which);
}

/**
 * _cp_store_unit_for:
 *
 * Returns: (transfer full): a unit that starts with the named statement,
 *   and says what that statement says should it fail
 */
CpStoreUnit *
_cp_store_unit_for (CpSql which)
{
  CpStoreUnit *unit = _cp_store_unit_new (_(_cp_store_sql (which)->failed), NULL);

  _cp_store_unit_add (unit, _cp_store_sql (which)->sql);

  return unit;
}

/* How many statements the unit holds so far. */
guint
_cp_store_unit_get_n_statements (CpStoreUnit *unit)
{
  return unit->statements->len;
}

/* Adds the named statement to the unit; its values are bound next. */
void
_cp_store_unit_then (CpStoreUnit *unit,
                     CpSql        which)
{
  _cp_store_unit_add (unit, _cp_store_sql (which)->sql);
}

/* Starts the next statement of the unit; values are bound in order. */
void
_cp_store_unit_add (CpStoreUnit *unit,
                    const char  *sql)
{
  Statement *statement = g_new0 (Statement, 1);

  statement->sql = sql;
  statement->values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (statement->values, (GDestroyNotify) g_value_unset);
  g_ptr_array_add (unit->statements, statement);
}

static GValue *
next_value (CpStoreUnit *unit,
            GType        type)
{
  Statement *statement = g_ptr_array_index (unit->statements, unit->statements->len - 1);
  GValue *value;

  g_array_set_size (statement->values, statement->values->len + 1);
  value = &g_array_index (statement->values, GValue, statement->values->len - 1);
  g_value_init (value, type);

  return value;
}

void
_cp_store_unit_bind_int64 (CpStoreUnit *unit,
                           gint64       value)
{
  g_value_set_int64 (next_value (unit, G_TYPE_INT64), value);
}

void
_cp_store_unit_bind_double (CpStoreUnit *unit,
                            double       value)
{
  g_value_set_double (next_value (unit, G_TYPE_DOUBLE), value);
}

/* Binds a copy of @length bytes of @value as text. */
void
_cp_store_unit_bind_text_len (CpStoreUnit *unit,
                              const char  *value,
                              gsize        length)
{
  g_value_take_boxed (next_value (unit, G_TYPE_BYTES), g_bytes_new (value, length));
}

/* Binds a copy of @value; NULL is SQL NULL. */
void
_cp_store_unit_bind_text (CpStoreUnit *unit,
                          const char  *value)
{
  g_value_set_string (next_value (unit, G_TYPE_STRING), value);
}

/* Runs the unit's statements on @db, inside a transaction the caller
 * holds; @prepare gives each statement prepared on that connection.
 */
static int
run_statements (sqlite3      *db,
                CpStoreUnit  *unit,
                sqlite3_stmt *(*prepare) (gpointer context, const char *sql, int *rc),
                gpointer      context)
{
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < unit->statements->len; i++)
    {
      Statement *statement = g_ptr_array_index (unit->statements, i);
      sqlite3_stmt *stmt = prepare (context, statement->sql, &rc);

      if (stmt == NULL)
        break;

      for (guint v = 0; v < statement->values->len; v++)
        {
          const GValue *value = &g_array_index (statement->values, GValue, v);

          if (G_VALUE_HOLDS_INT64 (value))
            sqlite3_bind_int64 (stmt, v + 1, g_value_get_int64 (value));
          else if (G_VALUE_HOLDS_DOUBLE (value))
            sqlite3_bind_double (stmt, v + 1, g_value_get_double (value));
          else if (G_VALUE_HOLDS (value, G_TYPE_BYTES))
            {
              gsize length;
              gconstpointer data = g_bytes_get_data (g_value_get_boxed (value), &length);

              sqlite3_bind_text (stmt, v + 1, data ? data : "", length, SQLITE_TRANSIENT);
            }
          else
            _cp_bind_text (stmt, v + 1, g_value_get_string (value));
        }

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (unit->rows != NULL)
            g_ptr_array_add (unit->rows, _cp_row_new (stmt, i));
          if (i + 1 == unit->statements->len && unit->returned == NULL)
            unit->returned = _cp_row_new (stmt, i);
        }
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&unit->returned, _cp_row_free);
      if (unit->rows != NULL)
        g_ptr_array_set_size (unit->rows, 0);
    }

  return rc;
}

/* The writer's connection, and its statements, kept prepared. */
typedef struct
{
  sqlite3    *db;
  GHashTable *prepared;   /* const char *sql -> sqlite3_stmt * */
} Writer;

static sqlite3_stmt *
writer_prepare (gpointer    context,
                const char *sql,
                int        *rc)
{
  Writer *writer = context;
  sqlite3_stmt *stmt = g_hash_table_lookup (writer->prepared, sql);

  if (stmt != NULL)
    return stmt;

  *rc = sqlite3_prepare_v3 (writer->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return NULL;
  g_hash_table_insert (writer->prepared, (gpointer) sql, stmt);

  return stmt;
}

/* On the writer's thread: runs the unit in one transaction of its own. */
static void
run (CpStore     *store,
     Writer      *writer,
     CpStoreUnit *unit)
{
  int rc;

  if (!_cp_store_check_file (store, &unit->error))
    return;

  rc = sqlite3_exec (writer->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = run_statements (writer->db, unit, writer_prepare, writer);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (writer->db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _cp_store_set_db_error (writer->db, &unit->error, rc, unit->failed);
      sqlite3_exec (writer->db, "ROLLBACK", NULL, NULL, NULL);
    }
}

/* The store's own connection keeps its statements in the store. */
static sqlite3_stmt *
store_prepare (gpointer    context,
               const char *sql,
               int        *rc)
{
  sqlite3_stmt *stmt = _cp_store_prepare (context, sql, NULL);

  if (stmt == NULL)
    *rc = sqlite3_errcode (((CpStore *) context)->db);

  return stmt;
}

/**
 * _cp_store_run_unit_now:
 * @unit: what to write
 * @object: the object the unit saves
 *
 * Runs the unit on the main thread, inside the transaction under way.
 * @object hears that it is saved only from _cp_store_unit_report(),
 * once the caller's commit has succeeded.
 */
gboolean
_cp_store_run_unit_now (CpStore      *self,
                        CpStoreUnit  *unit,
                        gpointer      object,
                        GError      **error)
{
  int rc;

  g_assert (self->in_transaction);

  g_set_object (&unit->object, object);
  rc = run_statements (self->db, unit, store_prepare, self);
  if (rc != SQLITE_OK)
    _cp_store_set_error (self, error, rc, unit->failed);

  return rc == SQLITE_OK;
}

/* After the commit of a unit run by _cp_store_run_unit_now(): its object
 * hears that it is saved.
 */
void
_cp_store_unit_report (CpStoreUnit *unit)
{
  if (unit->saved != NULL && unit->object != NULL)
    unit->saved (unit->object, unit->returned);
}

/**
 * _cp_store_unit_commit:
 * @unit: (transfer full): what to write
 *
 * Runs the unit at once on the main thread, in a transaction of its own
 * (after what the writer was given), and commits it. A caller changes
 * its models from the rows only once this has succeeded; on failure the
 * database is as it was, and so are the models.
 *
 * Returns: (transfer full) (nullable): every row the unit's statements
 *   returned, a #CpRow each, in order; %NULL on failure
 */
GPtrArray *
_cp_store_unit_commit (CpStore      *self,
                       CpStoreUnit  *unit,
                       GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (!_cp_store_begin (self, error))
    {
      _cp_store_unit_free (unit);
      return NULL;
    }

  if (!(rows = _cp_store_unit_run_here (self, unit, error)))
    {
      _cp_store_rollback (self);
      return NULL;
    }

  if (!_cp_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&rows);
}

GPtrArray *
_cp_store_unit_run_here (CpStore      *self,
                         CpStoreUnit  *unit,
                         GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _cp_row_free);
  int rc;

  g_assert (self->in_transaction);

  unit->rows = g_ptr_array_ref (rows);
  rc = run_statements (self->db, unit, store_prepare, self);
  if (rc != SQLITE_OK)
    _cp_store_set_error (self, error, rc, unit->failed);
  _cp_store_unit_free (unit);

  return rc == SQLITE_OK ? g_steal_pointer (&rows) : NULL;
}

/**
 * _cp_store_write:
 * @unit: (transfer full): what to write
 *
 * Like _cp_store_unit_commit(), for a unit whose rows are not needed.
 */
gboolean
_cp_store_write (CpStore      *self,
                 CpStoreUnit  *unit,
                 GError      **error)
{
  g_autoptr(GPtrArray) rows = _cp_store_unit_commit (self, unit, error);

  return rows != NULL;
}

static GPtrArray *select_rows (CpStore     *self,
                               const char  *sql,
                               gint64       id,
                               const char  *text,
                               const char  *failed,
                               GError     **error);

/**
 * _cp_store_query_text:
 * @text: the query's one parameter
 *
 * Like _cp_store_query(), for a query of a text such as a stable id.
 */
GPtrArray *
_cp_store_query_text (CpStore     *self,
                      CpSql        which,
                      const char  *text,
                      GError     **error)
{
  g_return_val_if_fail (text != NULL, NULL);

  return select_rows (self, _cp_store_sql (which)->sql, 0, text, _(_cp_store_sql (which)->failed),
                      error);
}

GPtrArray *
_cp_store_select (CpStore     *self,
                  const char  *sql,
                  gint64       id,
                  const char  *failed,
                  GError     **error)
{
  return select_rows (self, sql, id, NULL, failed, error);
}

/**
 * _cp_store_query:
 * @which: a query with at most one parameter, @id
 *
 * Reads on the main thread, outside any unit of work.
 *
 * Returns: (transfer full) (nullable): the rows, a #CpRow each
 */
GPtrArray *
_cp_store_query (CpStore  *self,
                 CpSql     which,
                 gint64    id,
                 GError  **error)
{
  return _cp_store_select (self, _cp_store_sql (which)->sql, id, _(_cp_store_sql (which)->failed),
                           error);
}

static GPtrArray *
select_rows (CpStore     *self,
             const char  *sql,
             gint64       id,
             const char  *text,
             const char  *failed,
             GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _cp_row_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _cp_store_prepare (self, sql, error)))
    return NULL;

  if (text != NULL)
    _cp_bind_text (stmt, 1, text);
  else if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, _cp_row_new (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (self, error, rc, failed);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* A source in the store's main context that the writer makes ready when
 * it has results to report.
 */
static gboolean
report_dispatch (GSource     *source,
                 GSourceFunc  callback,
                 gpointer     data)
{
  g_source_set_ready_time (source, -1);
  _cp_store_report_units (data);

  return G_SOURCE_CONTINUE;
}

static gboolean
report_callback (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs report_funcs = { NULL, NULL, report_dispatch, NULL, NULL, NULL };

static gpointer
writer_thread (gpointer data)
{
  CpStore *store = data;
  Writer writer = { NULL, g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize) };
  int rc;

  rc = sqlite3_open_v2 (store->path, &writer.db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (writer.db, TRUE);
      sqlite3_busy_timeout (writer.db, 5000);
      rc = sqlite3_exec (writer.db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL",
                         NULL, NULL, NULL);
    }

  for (;;)
    {
      CpStoreUnit *unit = g_async_queue_pop (store->units);

      if (unit->quit)
        {
          _cp_store_unit_free (unit);
          break;
        }

      /* A file replaced since the store opened it is said as such, even
       * when the writer's own connection could not open what is there now.
       */
      if (rc != SQLITE_OK && _cp_store_check_file (store, &unit->error))
        _cp_store_set_db_error (writer.db, &unit->error, rc, unit->failed);
      else if (rc == SQLITE_OK)
        run (store, &writer, unit);

      g_mutex_lock (&store->writer_lock);
      g_async_queue_push (store->done_units, unit);
      g_cond_broadcast (&store->writer_idle);
      g_mutex_unlock (&store->writer_lock);
      g_source_set_ready_time (store->report_source, 0);
    }

  g_hash_table_unref (writer.prepared);
  sqlite3_close_v2 (writer.db);

  return NULL;
}

/**
 * _cp_store_run_unit:
 * @unit: (transfer full): what to write
 * @object: the object the unit saves
 * @retry: (nullable): how to save @object again, should the unit fail
 *
 * Gives the unit to the writer, which runs it after every unit given
 * before it. Its object hears the result in the store's main context.
 */
void
_cp_store_run_unit (CpStore      *self,
                    CpStoreUnit  *unit,
                    gpointer      object,
                    CpStoreDirty *retry)
{
  unit->object = g_object_ref (object);
  if (retry != NULL)
    unit->retry = *retry;

  if (self->writer == NULL)
    {
      self->units = g_async_queue_new ();
      self->done_units = g_async_queue_new ();
      self->report_source = g_source_new (&report_funcs, sizeof (GSource));
      g_source_set_callback (self->report_source, report_callback, self, NULL);
      g_source_set_ready_time (self->report_source, -1);
      g_source_set_name (self->report_source, "coachplan-writer-report");
      g_source_attach (self->report_source, g_main_context_get_thread_default ());
      self->writer = g_thread_new ("coachplan-writer", writer_thread, self);
    }

  g_mutex_lock (&self->writer_lock);
  self->n_pending++;
  g_mutex_unlock (&self->writer_lock);

  g_async_queue_push (self->units, unit);
}

/**
 * _cp_store_report_units:
 *
 * In the store's main context: tells each object the writer has saved
 * that it is saved; one whose save failed is saved again later, and the
 * store says why it failed.
 */
void
_cp_store_report_units (CpStore *self)
{
  CpStoreUnit *unit;
  gboolean saved = FALSE;

  if (self->done_units == NULL)
    return;

  while ((unit = g_async_queue_try_pop (self->done_units)) != NULL)
    {
      saved = saved || unit->error == NULL;
      if (unit->error != NULL)
        {
          /* Saved again at the next change or flush, not at once: a disk
           * that is full stays full for a while. A file that was replaced
           * never takes the edit; it goes, having been said.
           */
          if (unit->retry.object != NULL &&
              !g_error_matches (unit->error, CP_STORE_ERROR, CP_STORE_ERROR_REPLACED))
            _cp_store_keep_dirty (self, &unit->retry);
          g_signal_emit_by_name (self, "save-failed", unit->error);
        }
      else if (unit->saved != NULL)
        unit->saved (unit->object, unit->returned);

      _cp_store_unit_free (unit);

      g_mutex_lock (&self->writer_lock);
      self->n_pending--;
      g_mutex_unlock (&self->writer_lock);
    }

  if (saved)
    _cp_store_saved (self);
}

/**
 * _cp_store_wait_writer:
 *
 * Returns once every unit given to the writer is written and reported.
 */
void
_cp_store_wait_writer (CpStore *self)
{
  if (self->writer == NULL)
    return;

  for (;;)
    {
      gboolean idle;

      /* Results are reported here, in the caller's context. */
      _cp_store_report_units (self);

      g_mutex_lock (&self->writer_lock);
      idle = self->n_pending == 0;
      if (!idle && g_async_queue_length (self->done_units) <= 0)
        g_cond_wait (&self->writer_idle, &self->writer_lock);
      g_mutex_unlock (&self->writer_lock);

      if (idle)
        return;
    }
}

/**
 * _cp_store_stop_writer:
 *
 * Waits for the writer to finish what it was given, then ends it.
 */
void
_cp_store_stop_writer (CpStore *self)
{
  CpStoreUnit *quit;

  if (self->writer == NULL)
    return;

  _cp_store_wait_writer (self);

  quit = _cp_store_unit_new (NULL, NULL);
  quit->quit = TRUE;
  g_async_queue_push (self->units, quit);
  g_thread_join (g_steal_pointer (&self->writer));

  g_source_destroy (self->report_source);
  g_clear_pointer (&self->report_source, g_source_unref);
  g_clear_pointer (&self->units, g_async_queue_unref);
  g_clear_pointer (&self->done_units, g_async_queue_unref);
}
