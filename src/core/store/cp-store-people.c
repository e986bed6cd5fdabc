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

#define PERSON_COLUMNS "id, name, role, contact, stance, influence, smo_role, note"

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

gboolean
_cp_store_people_remove (CpStore  *self,
                         gint64    id,
                         GError  **error)
{
  return _cp_store_delete_row (self, "DELETE FROM stakeholder WHERE id = ?1", id, error);
}

/**
 * _cp_store_people_save_unit:
 *
 * Returns: (transfer full): a unit of work that writes the person's
 *   fields as given
 */
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
