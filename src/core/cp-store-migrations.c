/* cp-store-migrations.c — the ordered schema steps
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-store"

#include "config.h"

#include "cp-store-private.h"

/* Step N takes a database from user_version N-1 to N. Steps are only ever
 * appended: a released step is never edited, so every database walks the
 * same path whatever version it starts from.
 */
static const char * const migrations[] = {
  /* 1: engagements and their stakeholders. */
  "CREATE TABLE engagement ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  client TEXT NOT NULL DEFAULT '',"
  "  sponsor TEXT NOT NULL DEFAULT '',"
  "  coach TEXT NOT NULL DEFAULT '',"
  "  approach TEXT NOT NULL DEFAULT 'undecided'"
  "    CHECK (approach IN ('undecided', 'done-to-you', 'do-it-yourself', 'coached')),"
  "  driver TEXT NOT NULL DEFAULT 'undecided'"
  "    CHECK (driver IN ('undecided', 'strategy', 'operational')),"
  "  scope TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'planned'"
  "    CHECK (status IN ('planned', 'active', 'closed')),"
  "  start_date TEXT CHECK (start_date IS NULL OR date(start_date) IS start_date),"
  "  end_date TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  trashed_at TEXT"
  ");"
  "CREATE INDEX engagement_by_title ON engagement (title COLLATE NOCASE, id)"
  "  WHERE trashed_at IS NULL;"
  "CREATE TABLE stakeholder ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  role TEXT NOT NULL DEFAULT '',"
  "  contact TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX stakeholder_by_engagement ON stakeholder (engagement_id, position);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CP_STORE_SCHEMA_VERSION);

/* Applies the steps after @from_version up to @to_version. The caller
 * holds the write transaction, so a failing step leaves nothing behind.
 */
gboolean
_cp_store_migrate (sqlite3  *db,
                   int       from_version,
                   int       to_version,
                   char    **errmsg)
{
  g_autofree char *pragma = NULL;

  g_assert (from_version >= 0);
  g_assert (to_version <= CP_STORE_SCHEMA_VERSION);

  for (int v = from_version; v < to_version; v++)
    {
      if (sqlite3_exec (db, migrations[v], NULL, NULL, errmsg) != SQLITE_OK)
        return FALSE;
    }

  /* PRAGMA takes no bound parameters; the value is our own integer. */
  pragma = g_strdup_printf ("PRAGMA user_version = %d", to_version);

  return sqlite3_exec (db, pragma, NULL, NULL, errmsg) == SQLITE_OK;
}
