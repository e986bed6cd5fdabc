/* cp-store-private.h — the store's own, shared by its files
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>
#include <sys/types.h>

#include "cp-store.h"
#include "cp-store-model.h"
#include "cp-store-row-private.h"

G_BEGIN_DECLS

/* An object with changes to save, and how. */
typedef struct
{
  gpointer        object;
  CpStoreUnitFunc unit;   /* makes the unit of work that saves it */
} CpStoreDirty;

struct _CpStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* const char *sql -> sqlite3_stmt * */
  GHashTable *engagements;  /* gint64 *id -> CpEngagement *, not referenced */
  GArray     *dirty;        /* CpStoreDirty, each object referenced */
  guint       save_source;
  guint       save_delay;   /* ms from a change to its save */
  dev_t       file_dev;     /* the file opened, to notice it replaced */
  ino_t       file_ino;
  char       *read_only_reason;  /* why, in words, when it is not asked for */
  char       *author;       /* who records what is done, or NULL */

  /* The writer: units of work run in order on a thread of their own. */
  GThread      *writer;
  GAsyncQueue  *units;       /* CpStoreUnit, to run */
  GAsyncQueue  *done_units;  /* CpStoreUnit, run, to report in the main context */
  GMutex        writer_lock;
  GCond         writer_idle;
  guint         n_pending;   /* units given to the writer and not yet reported */
  GSource      *report_source;  /* ready when the writer has results */
  guint       fail_at;      /* tests: the statement to fail, counted from 1; 0 none */
  guint       n_statements; /* statements run since fail_at was set */

  guint       read_only : 1;
  guint       in_transaction : 1;
  guint       changed_pending : 1;
  sqlite3_int64 changes_at_begin;
};

/* Puts a model back as it was before a change made inside a transaction,
 * should the transaction fail.
 */
typedef struct
{
  GFunc          undo;
  gpointer       object;    /* referenced */
  gpointer       data;
  GDestroyNotify destroy;
} CpStoreUndo;
/* Fills a row of plain values from the current row of a query. */
typedef void (*CpReadRowFunc) (sqlite3_stmt *stmt,
                               gpointer      row);

GArray       *_cp_store_load_rows        (CpStore         *self,
                                          const char      *sql,
                                          gint64           id,
                                          guint            row_size,
                                          GDestroyNotify   clear,
                                          CpReadRowFunc    read,
                                          const char      *failed,
                                          GError         **error);
gboolean      _cp_store_insert_row       (CpStore         *self,
                                          sqlite3_stmt    *stmt,
                                          CpReadRowFunc    read,
                                          gpointer         row,
                                          GDestroyNotify   clear,
                                          const char      *failed,
                                          GError         **error);
gboolean      _cp_store_delete_row       (CpStore         *self,
                                          const char      *sql,
                                          gint64           id,
                                          GError         **error);
sqlite3_stmt *_cp_store_prepare          (CpStore         *self,
                                          const char      *sql,
                                          GError         **error);
gboolean      _cp_store_step_done        (CpStore         *self,
                                          sqlite3_stmt    *stmt,
                                          GError         **error);
gboolean      _cp_store_exec             (CpStore         *self,
                                          const char      *sql,
                                          GError         **error);
gint64        _cp_store_last_insert_id   (CpStore         *self);
void          _cp_store_keep_dirty       (CpStore         *self,
                                          CpStoreDirty    *dirty);
gboolean      _cp_store_migrate          (sqlite3         *db,
                                          int              from_version,
                                          int              to_version,
                                          char           **errmsg);

sqlite3      *_cp_store_expected_schema  (int              version);
gboolean      _cp_store_check_schema     (sqlite3         *db,
                                          int              version,
                                          char           **problem);
void          _cp_store_unit_add         (CpStoreUnit     *unit,
                                          const char      *sql);
GPtrArray    *_cp_store_select           (CpStore         *self,
                                          const char      *sql,
                                          gint64           id,
                                          const char      *failed,
                                          GError         **error);
void          _cp_store_wait_writer      (CpStore         *self);
void          _cp_store_stop_writer      (CpStore         *self);
void          _cp_store_report_units     (CpStore         *self);
gboolean      _cp_store_check_file       (CpStore         *self,
                                          GError         **error);
void          _cp_store_set_db_error     (sqlite3         *db,
                                          GError         **error,
                                          int              rc,
                                          const char      *failed);

void          _cp_store_run_unit         (CpStore         *self,
                                          CpStoreUnit     *unit,
                                          gpointer         object,
                                          CpStoreDirty    *retry);

gboolean      _cp_store_begin            (CpStore         *self,
                                          GError         **error);
gboolean      _cp_store_commit           (CpStore         *self,
                                          GError         **error);
void          _cp_store_rollback         (CpStore         *self);
/* Runs @unit in the transaction under way, for the store's own bulk
 * work such as importing a folder; returns its rows.
 */
GPtrArray    *_cp_store_unit_run_here    (CpStore         *self,
                                          CpStoreUnit     *unit,
                                          GError         **error);

gboolean      _cp_store_run_unit_now     (CpStore         *self,
                                          CpStoreUnit     *unit,
                                          gpointer         object,
                                          GError         **error);
void          _cp_store_unit_report      (CpStoreUnit     *unit);
void          _cp_store_saved            (CpStore         *self);

/* Tests: makes the @n-th statement from now fail, as a failing disk would. */
void          _cp_store_fail_statement   (CpStore         *self,
                                          guint            n);
const CpSqlText *_cp_store_sql           (CpSql            which);
void          _cp_store_set_error        (CpStore         *self,
                                          GError         **error,
                                          int              rc,
                                          const char      *failed);

/* Binds a possibly NULL UTF-8 string; NULL becomes SQL NULL. */
static inline void
_cp_bind_text (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static inline char *
_cp_column_dup (sqlite3_stmt *stmt,
                int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}

G_END_DECLS
