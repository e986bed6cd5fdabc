/* cp-store-engagements.c — finding, creating and deleting engagements
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-engagement-private.h"
#include "cp-store-private.h"

/* What _cp_engagement_new_from_row() reads, in its order. */
#define ENGAGEMENT_COLUMNS \
  "id, title, client, sponsor, coach, approach, driver, scope, status, start_date, end_date, " \
  "created_at, updated_at"

const CpSqlText _cp_store_engagements_sql[CP_SQL_N] = {
  [CP_SQL_ENGAGEMENT_SAVE] = {
    "UPDATE engagement SET title = ?2, client = ?3, sponsor = ?4, coach = ?5, scope = ?6, "
    "approach = ?7, driver = ?8, status = ?9, start_date = ?10, end_date = ?11, "
    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
    "WHERE id = ?1 RETURNING updated_at, approach",
    N_("Could not save the engagement") },
  [CP_SQL_ENGAGEMENT_ADD] = {
    "INSERT INTO engagement (title, approach, uuid) VALUES (?1, ?2, ?3) RETURNING " ENGAGEMENT_COLUMNS,
    N_("Could not add the engagement") },
  [CP_SQL_ENGAGEMENT_FIRST_APPROACH] = {
    "INSERT INTO approach_change (engagement_id, from_approach, to_approach) "
    "VALUES ((SELECT id FROM engagement WHERE uuid = ?1), 'undecided', ?2)",
    N_("Could not add the engagement") },
  [CP_SQL_ENGAGEMENT_UUID] = {
    "SELECT uuid FROM engagement WHERE id = ?1",
    N_("Could not read the engagement") },
  [CP_SQL_ENGAGEMENT_BY_UUID] = {
    "SELECT id FROM engagement WHERE uuid = ?1 AND trashed_at IS NULL",
    N_("Could not read the engagement") },
  [CP_SQL_ENGAGEMENT_DELETE] = {
    "DELETE FROM engagement WHERE id = ?1",
    N_("Could not remove the engagement") },
};

/**
 * _cp_store_delete_engagement:
 *
 * Deletes an engagement and everything it holds at once, without going
 * through the trash: for one that was never finished, such as a sample
 * whose loading failed part way.
 */
gboolean
_cp_store_delete_engagement (CpStore  *self,
                             gint64    id,
                             GError  **error)
{
  CpStoreUnit *unit = _cp_store_unit_for (CP_SQL_ENGAGEMENT_DELETE);

  _cp_store_unit_bind_int64 (unit, id);
  if (!_cp_store_write (self, unit, error))
    return FALSE;

  _cp_store_engagements_changed (self);

  return TRUE;
}

/* Called by an engagement as it finalizes, while it still holds its
 * reference on the store, and when a merge stored it anew: the next
 * cp_store_get_engagement() reads it again.
 */
void
_cp_store_forget_engagement (CpStore      *self,
                             CpEngagement *engagement)
{
  gint64 id = cp_engagement_get_id (engagement);

  if (g_hash_table_lookup (self->engagements, &id) == engagement)
    g_hash_table_remove (self->engagements, &id);
}

/* Every engagement has at most one live object, so a page editing it and
 * a list row showing it always agree.
 */
static CpEngagement *
remember (CpStore      *self,
          CpEngagement *engagement)
{
  gint64 *key = g_new (gint64, 1);

  *key = cp_engagement_get_id (engagement);
  g_hash_table_insert (self->engagements, key, engagement);

  return engagement;
}

static const char select_engagement_sql[] =
  "SELECT " ENGAGEMENT_COLUMNS " FROM engagement WHERE id = ?1 AND trashed_at IS NULL";

CpEngagement *
cp_store_get_engagement (CpStore  *self,
                         gint64    id,
                         GError  **error)
{
  CpEngagement *engagement;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  engagement = g_hash_table_lookup (self->engagements, &id);
  if (engagement != NULL)
    return g_object_ref (engagement);

  if (!(stmt = _cp_store_prepare (self, select_engagement_sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      g_autoptr(CpRow) row = _cp_row_new (stmt, 0);

      engagement = remember (self, _cp_engagement_new_from_row (self, row));
    }
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                   _("There is no engagement number %s"), number);
    }
  else
    _cp_store_set_error (self, error, rc, _("Could not read the engagement"));

  sqlite3_reset (stmt);

  return engagement;
}

CpEngagement *
cp_store_create_engagement (CpStore     *self,
                            const char  *title,
                            CpApproach   approach,
                            GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GPtrArray) rows = NULL;
  CpEngagement *engagement;
  CpStoreUnit *unit;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if (!g_utf8_validate (title, -1, NULL))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("The title is not valid UTF-8 text"));
      return NULL;
    }

  /* One unit: the engagement and, for a chosen approach, the start of its
   * approach history; the model is made from the row it returns.
   */
  unit = _cp_store_unit_for (CP_SQL_ENGAGEMENT_ADD);
  _cp_store_unit_bind_text (unit, title);
  _cp_store_unit_bind_text (unit, cp_approach_to_string (approach));
  _cp_store_unit_bind_text (unit, uuid);
  if (approach != CP_APPROACH_UNDECIDED)
    {
      _cp_store_unit_then (unit, CP_SQL_ENGAGEMENT_FIRST_APPROACH);
      _cp_store_unit_bind_text (unit, uuid);
      _cp_store_unit_bind_text (unit, cp_approach_to_string (approach));
    }

  if (!(rows = _cp_store_unit_commit (self, unit, error)))
    return NULL;

  /* Known before the lists hear of it, so they find this very object. */
  engagement = remember (self, _cp_engagement_new_from_row (self, _cp_rows_get (rows, 0)));
  _cp_store_engagements_changed (self);

  return engagement;
}

static gboolean
set_trashed (CpStore       *self,
             CpEngagement  *engagement,
             gboolean       trashed,
             GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), FALSE);

  /* Pending edits go to disk first, so an undo brings back the latest. */
  if (!cp_store_flush (self, error) || !_cp_store_begin (self, error))
    return FALSE;

  if (!(stmt = _cp_store_prepare (self,
                                  "UPDATE engagement SET trashed_at = CASE WHEN ?2 "
                                  "THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END "
                                  "WHERE id = ?1",
                                  error)))
    {
      _cp_store_rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, cp_engagement_get_id (engagement));
  sqlite3_bind_int (stmt, 2, trashed);

  if (!_cp_store_step_done (self, stmt, error))
    {
      _cp_store_rollback (self);
      return FALSE;
    }

  if (!_cp_store_commit (self, error))
    return FALSE;

  _cp_engagement_set_trashed (engagement, trashed);
  _cp_store_engagements_changed (self);

  return TRUE;
}

/**
 * cp_store_trash_engagement:
 *
 * Hides an engagement from every list. It stays on disk, with all it
 * holds, until cp_store_purge_trash() runs, so the deletion can be undone
 * with cp_store_restore_engagement().
 */
gboolean
cp_store_trash_engagement (CpStore       *self,
                           CpEngagement  *engagement,
                           GError       **error)
{
  return set_trashed (self, engagement, TRUE, error);
}

gboolean
cp_store_restore_engagement (CpStore       *self,
                             CpEngagement  *engagement,
                             GError       **error)
{
  return set_trashed (self, engagement, FALSE, error);
}

gboolean
cp_store_purge_trash (CpStore  *self,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  if (!_cp_store_begin (self, error))
    return FALSE;

  if (!(stmt = _cp_store_prepare (self,
                                  "DELETE FROM engagement WHERE trashed_at IS NOT NULL",
                                  error)) ||
      !_cp_store_step_done (self, stmt, error))
    {
      _cp_store_rollback (self);
      return FALSE;
    }

  return _cp_store_commit (self, error);
}

/* Escapes LIKE's wildcards so a search for "50%" means just that. */
static char *
like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/**
 * cp_store_find_engagements:
 * @search: (nullable): words to look for in the title, client, sponsor or coach
 * @status: a status, or %CP_STATUS_ANY
 *
 * Returns: (transfer full): the ids (#gint64) of the matching engagements,
 *   in title order
 */
GArray *
cp_store_find_engagements (CpStore     *self,
                           const char  *search,
                           CpStatus     status,
                           GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  if (!(stmt = _cp_store_prepare (self,
                                  "SELECT id FROM engagement "
                                  "WHERE trashed_at IS NULL "
                                  "AND (?1 IS NULL OR status = ?1) "
                                  "AND (?2 IS NULL OR title LIKE ?2 ESCAPE '\\' "
                                  "  OR client LIKE ?2 ESCAPE '\\' "
                                  "  OR sponsor LIKE ?2 ESCAPE '\\' "
                                  "  OR coach LIKE ?2 ESCAPE '\\') "
                                  "ORDER BY title COLLATE NOCASE, id",
                                  error)))
    return NULL;

  if (status != CP_STATUS_ANY)
    _cp_bind_text (stmt, 1, cp_status_to_string (status));

  if (search != NULL && *search != '\0')
    {
      g_autofree char *stripped = g_strstrip (g_strdup (search));

      if (*stripped != '\0')
        _cp_bind_text (stmt, 2, (pattern = like_pattern (stripped)));
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (self, error, rc, _("Could not list the engagements"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

guint
cp_store_count_engagements (CpStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (CP_IS_STORE (self), 0);

  stmt = _cp_store_prepare (self,
                            "SELECT count(*) FROM engagement WHERE trashed_at IS NULL",
                            NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}

/* Dates the sample engagement's record of when things were done, which
 * the models set to "now": the cycle and the approach change from the
 * engagement's start, each phase's ticks at @ticked_at[phase] (phases in
 * order; NULL leaves them), exit criteria met on @exit_on and actions
 * done on @actions_done_on.
 */
gboolean
_cp_store_date_sample (CpStore      *self,
                       gint64        engagement_id,
                       const char   *start,
                       const char  **ticked_at,
                       guint         n_phases,
                       const char   *exit_on,
                       const char   *actions_done_on,
                       GError      **error)
{
  CpStoreUnit *unit = _cp_store_unit_new (_("Could not add the sample engagement"), NULL);

  _cp_store_unit_add (unit, "UPDATE cycle SET started_on = ?2 WHERE engagement_id = ?1");
  _cp_store_unit_bind_int64 (unit, engagement_id);
  _cp_store_unit_bind_text (unit, start);
  _cp_store_unit_add (unit, "UPDATE approach_change SET changed_on = ?2 WHERE engagement_id = ?1");
  _cp_store_unit_bind_int64 (unit, engagement_id);
  _cp_store_unit_bind_text (unit, start);
  _cp_store_unit_add (unit, "UPDATE exit_item SET done_on = ?2 WHERE engagement_id = ?1 AND done_on IS NOT NULL");
  _cp_store_unit_bind_int64 (unit, engagement_id);
  _cp_store_unit_bind_text (unit, exit_on);
  _cp_store_unit_add (unit, "UPDATE action_item SET done_on = ?2 WHERE engagement_id = ?1 AND done = 1");
  _cp_store_unit_bind_int64 (unit, engagement_id);
  _cp_store_unit_bind_text (unit, actions_done_on);

  for (guint p = 0; p < n_phases; p++)
    {
      if (ticked_at[p] == NULL)
        continue;
      _cp_store_unit_add (unit,
                          "UPDATE checklist_item SET done_at = ?3 WHERE done = 1 AND phase_id = "
                          "(SELECT p.id FROM phase p JOIN cycle c ON c.id = p.cycle_id "
                          " WHERE c.engagement_id = ?1 AND c.number = 1 AND p.position = ?2)");
      _cp_store_unit_bind_int64 (unit, engagement_id);
      _cp_store_unit_bind_int64 (unit, p);
      _cp_store_unit_bind_text (unit, ticked_at[p]);
    }

  return _cp_store_write (self, unit, error);
}
