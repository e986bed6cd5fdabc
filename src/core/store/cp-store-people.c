/* cp-store-people.c — an engagement's people: the only code that reads
 * and writes the stakeholder table
 *
 * Rows come out as plain values; a change goes in as one transaction, or
 * as a unit of work for the store's writer.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store-people.h"
#include "cp-store-private.h"

#define PERSON_COLUMNS "id, name, role, contact, stance, influence, smo_role, note, position"

void
_cp_person_row_clear (CpPersonRow *row)
{
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->role, g_free);
  g_clear_pointer (&row->contact, g_free);
  g_clear_pointer (&row->stance, g_free);
  g_clear_pointer (&row->influence, g_free);
  g_clear_pointer (&row->smo_role, g_free);
  g_clear_pointer (&row->note, g_free);
}

static void
read_row (sqlite3_stmt *stmt,
          gpointer      data)
{
  CpPersonRow *row = data;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->name = _cp_column_dup (stmt, 1);
  row->role = _cp_column_dup (stmt, 2);
  row->contact = _cp_column_dup (stmt, 3);
  row->stance = _cp_column_dup (stmt, 4);
  row->influence = _cp_column_dup (stmt, 5);
  row->smo_role = _cp_column_dup (stmt, 6);
  row->note = _cp_column_dup (stmt, 7);
  row->position = sqlite3_column_int64 (stmt, 8);
}

/**
 * _cp_store_people_load:
 *
 * Returns: (transfer full) (element-type CpPersonRow) (nullable): the
 *   engagement's people in their order
 */
GArray *
_cp_store_people_load (CpStore  *self,
                       gint64    engagement_id,
                       GError  **error)
{
  return _cp_store_load_rows (self,
                              "SELECT " PERSON_COLUMNS " FROM stakeholder "
                              "WHERE engagement_id = ?1 ORDER BY position, id",
                              engagement_id, sizeof (CpPersonRow), (GDestroyNotify) _cp_person_row_clear,
                              read_row, _("Could not read the stakeholders"), error);
}

/**
 * _cp_store_people_add:
 * @added: (out caller-allocates): the new person, as stored
 *
 * Adds a person at the end of the engagement's list, in one transaction.
 */
gboolean
_cp_store_people_add (CpStore      *self,
                      gint64        engagement_id,
                      const char   *name,
                      const char   *role,
                      const char   *contact,
                      CpPersonRow  *added,
                      GError      **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _cp_store_prepare (self,
                                  "INSERT INTO stakeholder (engagement_id, position, name, role, contact) "
                                  "VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM stakeholder "
                                  "WHERE engagement_id = ?1), ?2, ?3, ?4) "
                                  "RETURNING " PERSON_COLUMNS,
                                  error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, engagement_id);
  _cp_bind_text (stmt, 2, name ? name : "");
  _cp_bind_text (stmt, 3, role ? role : "");
  _cp_bind_text (stmt, 4, contact ? contact : "");

  return _cp_store_insert_row (self, stmt, read_row, added, (GDestroyNotify) _cp_person_row_clear,
                               _("Could not add the stakeholder"), error);
}

void
_cp_person_removed_free (CpPersonRemoved *removed)
{
  if (removed == NULL)
    return;

  g_free (removed->uuid);
  g_clear_pointer (&removed->stances, g_array_unref);
  g_clear_pointer (&removed->sessions, g_array_unref);
  g_free (removed);
}

static void
read_session_id (sqlite3_stmt *stmt,
                 gpointer      data)
{
  *(gint64 *) data = sqlite3_column_int64 (stmt, 0);
}

static void
read_stance_kept (sqlite3_stmt *stmt,
                  gpointer      data)
{
  CpStanceRow *row = data;

  row->on = _cp_column_dup (stmt, 0);
  row->stance = _cp_column_dup (stmt, 1);
  row->uuid = _cp_column_dup (stmt, 2);
}

/* Removes the stakeholder; what an undo needs to bring all of them back
 * goes to @removed.
 */
gboolean
_cp_store_people_remove (CpStore          *self,
                         gint64            id,
                         CpPersonRemoved **removed,
                         GError          **error)
{
  g_autoptr(CpPersonRemoved) kept = g_new0 (CpPersonRemoved, 1);
  sqlite3_stmt *stmt;

  if (!(stmt = _cp_store_prepare (self, "SELECT position, uuid FROM stakeholder WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      kept->position = sqlite3_column_int64 (stmt, 0);
      kept->uuid = _cp_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (!(kept->stances = _cp_store_load_rows (self, "SELECT changed_on, stance, uuid FROM stance_change "
                                                   "WHERE stakeholder_id = ?1 ORDER BY changed_on, id",
                                             id, sizeof (CpStanceRow), (GDestroyNotify) _cp_stance_row_clear,
                                             read_stance_kept, _("Could not read the stakeholder's changes of stance"),
                                             error)) ||
      !(kept->sessions = _cp_store_load_rows (self, "SELECT session_id FROM session_attendee "
                                                    "WHERE stakeholder_id = ?1 ORDER BY session_id",
                                              id, sizeof (gint64), NULL, read_session_id,
                                              _("Could not read the sessions the stakeholder attended"), error)) ||
      !_cp_store_delete_row (self, "DELETE FROM stakeholder WHERE id = ?1", id, error))
    return FALSE;

  if (removed != NULL)
    *removed = g_steal_pointer (&kept);

  return TRUE;
}

static gboolean
exec_bound (CpStore     *self,
            const char  *sql,
            GError     **error,
            gint64       id,
            const char  *a,
            const char  *b,
            const char  *c)
{
  sqlite3_stmt *stmt = _cp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _cp_bind_text (stmt, 2, a);
  _cp_bind_text (stmt, 3, b);
  _cp_bind_text (stmt, 4, c);

  return _cp_store_step_done (self, stmt, error);
}

/* Brings a removed stakeholder back as they were, in one unit of work:
 * their place, their id, their stance history and the sessions they
 * attended that are still there.
 */
gboolean
_cp_store_people_restore (CpStore               *self,
                          gint64                 engagement_id,
                          const CpPersonRow     *row,
                          const CpPersonRemoved *removed,
                          CpPersonRow           *added,
                          GError               **error)
{
  sqlite3_stmt *stmt;

  if (!_cp_store_begin (self, error))
    return FALSE;

  if (!(stmt = _cp_store_prepare (self,
                                  "INSERT INTO stakeholder (engagement_id, position, name, role, contact, stance, "
                                  "influence, smo_role, note, uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                  "(SELECT ?10 WHERE NOT EXISTS (SELECT 1 FROM stakeholder WHERE uuid = ?10))) "
                                  "RETURNING " PERSON_COLUMNS,
                                  error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, engagement_id);
  sqlite3_bind_int64 (stmt, 2, removed->position);
  _cp_bind_text (stmt, 3, row->name);
  _cp_bind_text (stmt, 4, row->role);
  _cp_bind_text (stmt, 5, row->contact);
  _cp_bind_text (stmt, 6, row->stance);
  _cp_bind_text (stmt, 7, row->influence);
  _cp_bind_text (stmt, 8, row->smo_role);
  _cp_bind_text (stmt, 9, row->note);
  _cp_bind_text (stmt, 10, removed->uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _cp_store_set_error (self, error, sqlite3_reset (stmt), _("Could not bring the stakeholder back"));
      goto failed;
    }
  read_row (stmt, added);
  sqlite3_reset (stmt);

  for (guint i = 0; i < removed->stances->len; i++)
    {
      CpStanceRow *stance = &g_array_index (removed->stances, CpStanceRow, i);

      if (!exec_bound (self, "INSERT INTO stance_change (stakeholder_id, changed_on, stance, uuid) "
                             "VALUES (?1, ?2, ?3, (SELECT ?4 WHERE NOT EXISTS "
                             "(SELECT 1 FROM stance_change WHERE uuid = ?4)))",
                       error, added->id, stance->on, stance->stance, stance->uuid))
        goto failed;
    }

  for (guint i = 0; i < removed->sessions->len; i++)
    {
      g_autofree char *session = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (removed->sessions, gint64, i));

      if (!exec_bound (self, "INSERT OR IGNORE INTO session_attendee (session_id, stakeholder_id) "
                             "SELECT CAST (?2 AS INTEGER), ?1 WHERE EXISTS "
                             "(SELECT 1 FROM session WHERE id = CAST (?2 AS INTEGER))",
                       error, added->id, session, NULL, NULL))
        goto failed;
    }

  if (_cp_store_commit (self, error))
    return TRUE;

failed:
  _cp_person_row_clear (added);
  _cp_store_rollback (self);
  return FALSE;
}

CpStoreUnit *
_cp_store_people_save_unit (const CpPersonRow *row,
                            gboolean           stance_changed)
{
  CpStoreUnit *unit = _cp_store_unit_new (NULL, NULL);

  _cp_store_unit_add (unit, "UPDATE stakeholder SET name = ?2, role = ?3, contact = ?4, stance = ?5, "
                            "influence = ?6, smo_role = ?7, note = ?8 WHERE id = ?1");
  _cp_store_unit_bind_int64 (unit, row->id);
  _cp_store_unit_bind_text (unit, row->name);
  _cp_store_unit_bind_text (unit, row->role);
  _cp_store_unit_bind_text (unit, row->contact);
  _cp_store_unit_bind_text (unit, row->stance);
  _cp_store_unit_bind_text (unit, row->influence);
  _cp_store_unit_bind_text (unit, row->smo_role);
  _cp_store_unit_bind_text (unit, row->note);

  /* A change of stance is kept, one a day: a second change the same day
   * corrects the first, and a change back to where they stood before
   * leaves no change.
   */
  if (stance_changed)
    {
      _cp_store_unit_add (unit, "DELETE FROM stance_change WHERE stakeholder_id = ?1 "
                                "AND changed_on = date ('now', 'localtime')");
      _cp_store_unit_bind_int64 (unit, row->id);
      _cp_store_unit_add (unit, "INSERT INTO stance_change (stakeholder_id, changed_on, stance) "
                                "SELECT ?1, date ('now', 'localtime'), ?2 WHERE ?2 <> '' AND ?2 IS NOT "
                                "(SELECT stance FROM stance_change WHERE stakeholder_id = ?1 "
                                " ORDER BY changed_on DESC, id DESC LIMIT 1)");
      _cp_store_unit_bind_int64 (unit, row->id);
      _cp_store_unit_bind_text (unit, row->stance);
    }

  return unit;
}

void
_cp_stance_row_clear (CpStanceRow *row)
{
  g_clear_pointer (&row->on, g_free);
  g_clear_pointer (&row->stance, g_free);
  g_clear_pointer (&row->uuid, g_free);
}

static void
read_stance (sqlite3_stmt *stmt,
             gpointer      data)
{
  CpStanceRow *row = data;

  row->on = _cp_column_dup (stmt, 0);
  row->stance = _cp_column_dup (stmt, 1);
}

/* A stakeholder's changes of stance, oldest first. */
GArray *
_cp_store_people_stances (CpStore  *self,
                          gint64    stakeholder_id,
                          GError  **error)
{
  return _cp_store_load_rows (self,
                              "SELECT changed_on, stance FROM stance_change "
                              "WHERE stakeholder_id = ?1 ORDER BY changed_on, id",
                              stakeholder_id, sizeof (CpStanceRow), (GDestroyNotify) _cp_stance_row_clear,
                              read_stance, _("Could not read the stakeholder's changes of stance"), error);
}

/* Records that the stakeholder stood at @stance from @on: a stance from
 * the past, as the sample's story has it. One unit of work.
 */
gboolean
_cp_store_people_add_stance (CpStore     *self,
                             gint64       stakeholder_id,
                             const char  *on,
                             const char  *stance,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  if (!_cp_store_begin (self, error))
    return FALSE;

  if (!(stmt = _cp_store_prepare (self, "INSERT INTO stance_change (stakeholder_id, changed_on, stance) "
                                        "VALUES (?1, ?2, ?3)", error)))
    {
      _cp_store_rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, stakeholder_id);
  _cp_bind_text (stmt, 2, on);
  _cp_bind_text (stmt, 3, stance);
  if (!_cp_store_step_done (self, stmt, error))
    {
      _cp_store_rollback (self);
      return FALSE;
    }

  return _cp_store_commit (self, error);
}
