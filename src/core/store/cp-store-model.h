/* cp-store-model.h — what the core's models share with the store
 *
 * The models see no SQL and no SQLite: they read rows of plain values,
 * build units of work from named statements, and hear when their saves
 * are done.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"
#include "cp-store-row.h"
#include "cp-store-sql.h"

G_BEGIN_DECLS

/* A unit of work: statements run in one transaction by the store's
 * writer, on a thread and a connection of its own.
 */
typedef struct _CpStoreUnit CpStoreUnit;

/* Called in the store's main context once the unit is committed, with
 * the first row its last statement returned, or %NULL.
 */
typedef void (*CpStoreSavedFunc) (gpointer     object,
                                  const CpRow *returned);

/* Makes a unit that saves one dirty object's state as it is now. */
typedef CpStoreUnit *(*CpStoreUnitFunc) (gpointer object);

/* Makes one object from the current row of a statement. */
typedef gpointer (*CpRowFunc) (CpStore      *store,
                               const CpRow  *row);

GListStore   *_cp_store_load_list        (CpStore         *self,
                                          CpSql            which,
                                          gint64           id,
                                          GType            item_type,
                                          CpRowFunc        row_func,
                                          GError         **error);
CpStoreUnit  *_cp_store_unit_for         (CpSql            which);
guint         _cp_store_unit_get_n_statements (CpStoreUnit *unit);
void          _cp_store_unit_then        (CpStoreUnit     *unit,
                                          CpSql            which);
gboolean      _cp_store_write            (CpStore         *self,
                                          CpStoreUnit     *unit,
                                          GError         **error);
GPtrArray    *_cp_store_query            (CpStore         *self,
                                          CpSql            which,
                                          gint64           id,
                                          GError         **error);
GPtrArray    *_cp_store_query_text       (CpStore         *self,
                                          CpSql            which,
                                          const char      *text,
                                          GError         **error);
gboolean      _cp_store_set_flag         (CpStore         *self,
                                          CpSql            which,
                                          gint64           id,
                                          gboolean         flag,
                                          const char      *text,
                                          char           **returned,
                                          GError         **error);
gboolean      _cp_store_is_dirty         (CpStore         *self,
                                          gpointer         object);
void          _cp_store_mark_dirty_unit  (CpStore         *self,
                                          gpointer         object,
                                          CpStoreUnitFunc  unit);
void          _cp_store_forget_dirty     (CpStore         *self,
                                          gpointer         object);
gboolean      _cp_store_date_sample       (CpStore        *self,
                                           gint64          engagement_id,
                                           const char     *start,
                                           const char    **ticked_at,
                                           guint           n_phases,
                                           const char     *exit_on,
                                           const char     *actions_done_on,
                                           GError        **error);
gboolean      _cp_store_delete_engagement (CpStore        *self,
                                           gint64          id,
                                           GError        **error);
void          _cp_store_engagements_changed (CpStore      *self);
void          _cp_store_forget_engagement (CpStore        *self,
                                           CpEngagement   *engagement);

CpStoreUnit  *_cp_store_unit_new         (const char      *failed,
                                          CpStoreSavedFunc saved);
void          _cp_store_unit_bind_int64  (CpStoreUnit     *unit,
                                          gint64           value);
void          _cp_store_unit_bind_double (CpStoreUnit     *unit,
                                          double           value);
void          _cp_store_unit_bind_text   (CpStoreUnit     *unit,
                                          const char      *value);
void          _cp_store_unit_bind_text_len (CpStoreUnit   *unit,
                                            const char    *value,
                                            gsize          length);
void          _cp_store_unit_free        (CpStoreUnit     *unit);
GPtrArray    *_cp_store_unit_commit      (CpStore         *self,
                                          CpStoreUnit     *unit,
                                          GError         **error);

/* Replaces a text field of a model object; %NULL means "". Returns
 * whether it changed, so the caller notifies and saves only then.
 */
static inline gboolean
_cp_replace_text (char       **field,
                  const char  *value)
{
  if (value == NULL)
    value = "";
  g_return_val_if_fail (g_utf8_validate (value, -1, NULL), FALSE);

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

G_END_DECLS
