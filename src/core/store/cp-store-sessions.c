/* cp-store-sessions.c — coaching sessions and who attended them: the
 * only code that reads and writes the session and session_attendee
 * tables
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store-private.h"
#include "cp-store-sessions.h"

#define SESSION_COLUMNS "id, starts_at, duration_minutes, kind, phase_id, topic, area"

void
_cp_session_row_clear (CpSessionRow *row)
{
  g_clear_pointer (&row->starts_at, g_free);
  g_clear_pointer (&row->kind, g_free);
  g_clear_pointer (&row->topic, g_free);
  g_clear_pointer (&row->area, g_free);
}

static void
read_row (sqlite3_stmt *stmt,
          gpointer      data)
{
  CpSessionRow *row = data;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->starts_at = _cp_column_dup (stmt, 1);
  row->duration = sqlite3_column_int (stmt, 2);
  row->kind = _cp_column_dup (stmt, 3);
  row->phase_id = sqlite3_column_int64 (stmt, 4);
  row->topic = _cp_column_dup (stmt, 5);
  row->area = _cp_column_dup (stmt, 6);
}

/**
 * _cp_store_sessions_load:
 *
 * Returns: (transfer full) (element-type CpSessionRow) (nullable): the
 *   engagement's sessions, latest first
 */
GArray *
_cp_store_sessions_load (CpStore  *self,
                         gint64    engagement_id,
                         GError  **error)
{
  return _cp_store_load_rows (self,
                              "SELECT " SESSION_COLUMNS " FROM session WHERE engagement_id = ?1 "
                              "ORDER BY starts_at DESC, id DESC",
                              engagement_id, sizeof (CpSessionRow), (GDestroyNotify) _cp_session_row_clear,
                              read_row, _("Could not read the sessions"), error);
}

/* Records whether a stakeholder attended, inside the caller's
 * transaction; only a stakeholder of the session's own engagement can.
 */
static gboolean
write_attendee (CpStore   *self,
                gint64     session_id,
                gint64     stakeholder_id,
                gboolean   attends,
                GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = _cp_store_prepare (self,
                            attends
                            ? "INSERT OR IGNORE INTO session_attendee (session_id, stakeholder_id) "
                              "SELECT ?1, s.id FROM stakeholder s JOIN session x ON x.id = ?1 "
                              "WHERE s.id = ?2 AND s.engagement_id = x.engagement_id"
                            : "DELETE FROM session_attendee WHERE session_id = ?1 AND stakeholder_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, stakeholder_id);

  return _cp_store_step_done (self, stmt, error);
}

/**
 * _cp_store_sessions_add:
 * @fields: the session as planned: its start, kind, duration (0 for the
 *   default hour), topic and phase (0 for none); its id is not read
 * @attendees: (element-type gint64) (nullable): who attends
 * @added: (out caller-allocates): the new session, as stored
 *
 * Adds the session and its attendees in one transaction.
 */
gboolean
_cp_store_sessions_add (CpStore             *self,
                        gint64               engagement_id,
                        const CpSessionRow  *fields,
                        GArray              *attendees,
                        CpSessionRow        *added,
                        GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!_cp_store_begin (self, error))
    return FALSE;

  if (!(stmt = _cp_store_prepare (self,
                                  "INSERT INTO session (engagement_id, starts_at, kind, duration_minutes, "
                                  "topic, phase_id, area) "
                                  "VALUES (?1, ?2, ?3, coalesce (nullif (?4, 0), 60), coalesce (?5, ''), "
                                  "(SELECT p.id FROM phase p JOIN cycle c ON c.id = p.cycle_id "
                                  " WHERE p.id = ?6 AND c.engagement_id = ?1), coalesce (?7, '')) "
                                  "RETURNING " SESSION_COLUMNS,
                                  error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, engagement_id);
  _cp_bind_text (stmt, 2, fields->starts_at);
  _cp_bind_text (stmt, 3, fields->kind);
  sqlite3_bind_int64 (stmt, 4, fields->duration);
  _cp_bind_text (stmt, 5, fields->topic);
  sqlite3_bind_int64 (stmt, 6, fields->phase_id);
  _cp_bind_text (stmt, 7, fields->area);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      read_row (stmt, added);
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (self, error, rc, _("Could not add the session"));
      _cp_session_row_clear (added);
      goto failed;
    }

  for (guint i = 0; attendees != NULL && i < attendees->len; i++)
    if (!write_attendee (self, added->id, g_array_index (attendees, gint64, i), TRUE, error))
      {
        _cp_session_row_clear (added);
        goto failed;
      }

  if (_cp_store_commit (self, error))
    return TRUE;

  _cp_session_row_clear (added);
  return FALSE;

failed:
  _cp_store_rollback (self);
  return FALSE;
}

gboolean
_cp_store_sessions_remove (CpStore  *self,
                           gint64    id,
                           GError  **error)
{
  return _cp_store_delete_row (self, "DELETE FROM session WHERE id = ?1", id, error);
}

/**
 * _cp_store_sessions_save_unit:
 *
 * Returns: (transfer full): a unit of work that writes the session's
 *   fields as given
 */
CpStoreUnit *
_cp_store_sessions_save_unit (const CpSessionRow *row)
{
  CpStoreUnit *unit = _cp_store_unit_new (NULL, NULL);

  _cp_store_unit_add (unit, "UPDATE session SET starts_at = ?2, duration_minutes = ?3, "
                            "kind = ?4, topic = ?5, phase_id = nullif (?6, 0), area = coalesce (?7, '') "
                            "WHERE id = ?1");
  _cp_store_unit_bind_int64 (unit, row->id);
  _cp_store_unit_bind_text (unit, row->starts_at);
  _cp_store_unit_bind_int64 (unit, row->duration);
  _cp_store_unit_bind_text (unit, row->kind);
  _cp_store_unit_bind_text (unit, row->topic);
  _cp_store_unit_bind_int64 (unit, row->phase_id);
  _cp_store_unit_bind_text (unit, row->area);

  return unit;
}

/**
 * _cp_store_sessions_attendees:
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids of
 *   the stakeholders who attended
 */
GArray *
_cp_store_sessions_attendees (CpStore  *self,
                              gint64    session_id,
                              GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _cp_store_prepare (self,
                                  "SELECT stakeholder_id FROM session_attendee "
                                  "WHERE session_id = ?1 ORDER BY stakeholder_id",
                                  error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, session_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (self, error, rc, _("Could not read the attendees"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Records whether a stakeholder attended, at once. */
gboolean
_cp_store_sessions_set_attendee (CpStore   *self,
                                 gint64     session_id,
                                 gint64     stakeholder_id,
                                 gboolean   attends,
                                 GError   **error)
{
  if (!_cp_store_begin (self, error))
    return FALSE;

  if (!write_attendee (self, session_id, stakeholder_id, attends, error))
    {
      _cp_store_rollback (self);
      return FALSE;
    }

  return _cp_store_commit (self, error);
}
