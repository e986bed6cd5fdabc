/* cp-store-row.c — one row as the store read it, in plain values
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cp-store-row-private.h"

struct _CpRow
{
  guint          statement;   /* which statement of its unit returned it */
  guint          n_columns;
  sqlite3_value *values[];    /* copies, each its own */
};

/* Copies the current row of @stmt, which is the @statement-th of its unit. */
CpRow *
_cp_row_new (sqlite3_stmt *stmt,
             guint         statement)
{
  guint n = sqlite3_column_count (stmt);
  CpRow *row = g_malloc0 (sizeof (CpRow) + n * sizeof (sqlite3_value *));

  row->statement = statement;
  row->n_columns = n;
  for (guint i = 0; i < n; i++)
    if ((row->values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i))) == NULL)
      g_error ("Out of memory copying a row");

  return row;
}

void
_cp_row_free (CpRow *row)
{
  if (row == NULL)
    return;

  for (guint i = 0; i < row->n_columns; i++)
    sqlite3_value_free (row->values[i]);
  g_free (row);
}

guint
_cp_row_statement (const CpRow *row)
{
  return row->statement;
}

guint
_cp_row_n_columns (const CpRow *row)
{
  return row->n_columns;
}

static sqlite3_value *
value (const CpRow *row,
       guint        column)
{
  g_assert (column < row->n_columns);

  return row->values[column];
}

gboolean
_cp_row_is_null (const CpRow *row,
                 guint        column)
{
  return sqlite3_value_type (value (row, column)) == SQLITE_NULL;
}

gint64
_cp_row_int64 (const CpRow *row,
               guint        column)
{
  return sqlite3_value_int64 (value (row, column));
}

int
_cp_row_int (const CpRow *row,
             guint        column)
{
  return sqlite3_value_int (value (row, column));
}

double
_cp_row_double (const CpRow *row,
                guint        column)
{
  return sqlite3_value_double (value (row, column));
}

/* The column as text, or %NULL when it is NULL. */
const char *
_cp_row_text (const CpRow *row,
              guint        column)
{
  return (const char *) sqlite3_value_text (value (row, column));
}

char *
_cp_row_dup (const CpRow *row,
             guint        column)
{
  return g_strdup (_cp_row_text (row, column));
}

/* The column as text read by its length, whatever bytes it holds; ""
 * when it is NULL.
 */
char *
_cp_row_dup_bytes (const CpRow *row,
                   guint        column)
{
  const char *text = (const char *) sqlite3_value_text (value (row, column));

  return g_strndup (text ? text : "", sqlite3_value_bytes (value (row, column)));
}
