/* cp-store-row.h — one row as the store read it, in plain values
 *
 * The models never see SQL: the store runs a query or a unit of work
 * and hands out the rows it returned. A row keeps each column's value
 * with SQLite's own conversions, so a model reads an integer, a number
 * or a text by column, in the order the store's function documents.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CpRow CpRow;

void         _cp_row_free        (CpRow       *row);
guint        _cp_row_statement   (const CpRow *row);
guint        _cp_row_n_columns   (const CpRow *row);
gboolean     _cp_row_is_null     (const CpRow *row,
                                  guint        column);
gint64       _cp_row_int64       (const CpRow *row,
                                  guint        column);
int          _cp_row_int         (const CpRow *row,
                                  guint        column);
double       _cp_row_double      (const CpRow *row,
                                  guint        column);
const char  *_cp_row_text        (const CpRow *row,
                                  guint        column);
char        *_cp_row_dup         (const CpRow *row,
                                  guint        column);
char        *_cp_row_dup_bytes   (const CpRow *row,
                                  guint        column);

/* The rows of a result, a GPtrArray of CpRow. */
static inline const CpRow *
_cp_rows_get (GPtrArray *rows,
              guint      i)
{
  return g_ptr_array_index (rows, i);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpRow, _cp_row_free)

G_END_DECLS
