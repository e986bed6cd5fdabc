/* cp-engagement-csip.c — an engagement's CSIP cycles and approach history
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-engagement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-approach.h"
#include "cp-csip-private.h"
#include "cp-engagement-private.h"
#include "cp-store-private.h"
#include "cp-template.h"

void
cp_approach_change_free (CpApproachChange *change)
{
  if (change == NULL)
    return;

  g_free (change->date);
  g_free (change->reason);
  g_free (change);
}

/* Called from the engagement's save, inside its transaction, when the
 * approach differs from the one on disk: the change goes into the history
 * and the latest cycle now runs under the new approach.
 */
gboolean
_cp_engagement_record_approach (CpEngagement  *self,
                                CpStore       *store,
                                GError       **error)
{
  sqlite3_stmt *stmt;
  CpCycle *current;

  if (!(stmt = _cp_store_prepare (store,
                                  "INSERT INTO approach_change (engagement_id, from_approach, "
                                  "to_approach, reason) VALUES (?1, ?2, ?3, ?4)",
                                  error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->id);
  _cp_bind_text (stmt, 2, cp_approach_to_string (self->saved_approach));
  _cp_bind_text (stmt, 3, cp_approach_to_string (self->approach));
  _cp_bind_text (stmt, 4, self->approach_reason ? self->approach_reason : "");
  if (!_cp_store_step_done (store, stmt, error))
    return FALSE;

  if (!(stmt = _cp_store_prepare (store,
                                  "UPDATE cycle SET approach = ?2 WHERE id = "
                                  "(SELECT id FROM cycle WHERE engagement_id = ?1 "
                                  "ORDER BY number DESC LIMIT 1)",
                                  error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->id);
  _cp_bind_text (stmt, 2, cp_approach_to_string (self->approach));
  if (!_cp_store_step_done (store, stmt, error))
    return FALSE;

  if (self->cycles != NULL && (current = cp_engagement_get_current_cycle (self)) != NULL)
    _cp_cycle_set_approach (current, self->approach);

  self->saved_approach = self->approach;
  g_clear_pointer (&self->approach_reason, g_free);

  return TRUE;
}

/**
 * cp_engagement_get_cycles:
 *
 * Returns: (transfer none) (nullable): the CSIP cycles, a list of
 *   #CpCycle, first to latest
 */
GListModel *
cp_engagement_get_cycles (CpEngagement  *self,
                          GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  if (self->cycles == NULL)
    self->cycles =
      _cp_store_load_list (self->store,
                           "SELECT " CP_CYCLE_COLUMNS " FROM cycle "
                           "WHERE engagement_id = ?1 ORDER BY number",
                           self->id, CP_TYPE_CYCLE,
                           (CpRowFunc) _cp_cycle_new_from_row,
                           _("Could not read the cycles"), error);

  return self->cycles ? G_LIST_MODEL (self->cycles) : NULL;
}

/**
 * cp_engagement_get_current_cycle:
 *
 * Returns: (transfer none) (nullable): the latest cycle
 */
CpCycle *
cp_engagement_get_current_cycle (CpEngagement *self)
{
  GListModel *cycles;
  g_autoptr(CpCycle) last = NULL;
  guint n;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  cycles = cp_engagement_get_cycles (self, NULL);
  if (cycles == NULL || (n = g_list_model_get_n_items (cycles)) == 0)
    return NULL;

  /* The list keeps it alive. */
  last = g_list_model_get_item (cycles, n - 1);

  return last;
}

static gint64
insert_returning_id (CpStore       *store,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  if (!_cp_store_step_done (store, stmt, error))
    return 0;

  return _cp_store_last_insert_id (store);
}

/* Copies @template into a new cycle's rows; the caller holds the
 * transaction.
 */
static gint64
copy_template (CpEngagement  *self,
               CpTemplate    *template,
               GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 cycle_id;

  if (!(stmt = _cp_store_prepare (self->store,
                                  "INSERT INTO cycle (engagement_id, number, template, "
                                  "template_name, approach) VALUES (?1, "
                                  "(SELECT coalesce(max(number), 0) + 1 FROM cycle "
                                  "WHERE engagement_id = ?1), ?2, ?3, ?4)",
                                  error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, self->id);
  _cp_bind_text (stmt, 2, cp_template_get_id (template));
  _cp_bind_text (stmt, 3, cp_template_get_name (template));
  _cp_bind_text (stmt, 4, cp_approach_to_string (self->approach));
  if (!(cycle_id = insert_returning_id (self->store, stmt, error)))
    return 0;

  for (guint p = 0; p < cp_template_get_n_phases (template); p++)
    {
      const char * const *checks = cp_template_get_phase_checks (template, p);
      gint64 phase_id;

      if (!(stmt = _cp_store_prepare (self->store,
                                      "INSERT INTO phase (cycle_id, position, role, name, "
                                      "description) VALUES (?1, ?2, ?3, ?4, ?5)",
                                      error)))
        return 0;

      sqlite3_bind_int64 (stmt, 1, cycle_id);
      sqlite3_bind_int (stmt, 2, p);
      _cp_bind_text (stmt, 3, cp_phase_role_to_string (cp_template_get_phase_role (template, p)));
      _cp_bind_text (stmt, 4, cp_template_get_phase_name (template, p));
      _cp_bind_text (stmt, 5, cp_template_get_phase_description (template, p));
      if (!(phase_id = insert_returning_id (self->store, stmt, error)))
        return 0;

      for (guint c = 0; checks[c] != NULL; c++)
        {
          if (!(stmt = _cp_store_prepare (self->store,
                                          "INSERT INTO checklist_item (phase_id, position, text, "
                                          "source) VALUES (?1, ?2, ?3, 'template')",
                                          error)))
            return 0;

          sqlite3_bind_int64 (stmt, 1, phase_id);
          sqlite3_bind_int (stmt, 2, c);
          _cp_bind_text (stmt, 3, checks[c]);
          if (!_cp_store_step_done (self->store, stmt, error))
            return 0;
        }
    }

  return cycle_id;
}

static CpCycle *
load_cycle (CpEngagement  *self,
            gint64         id,
            GError       **error)
{
  CpCycle *cycle = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _cp_store_prepare (self->store,
                                  "SELECT " CP_CYCLE_COLUMNS " FROM cycle WHERE id = ?1",
                                  error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    cycle = _cp_cycle_new_from_row (self->store, stmt);
  else
    _cp_store_set_error (self->store, error, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc,
                         _("Could not read the new cycle"));
  sqlite3_reset (stmt);

  return cycle;
}

/**
 * cp_engagement_start_cycle:
 *
 * Starts the next CSIP cycle: copies @template's phases and checklists
 * into the engagement, where they are its own from then on, and adds the
 * risk checks of the engagement's approach. All or nothing.
 *
 * Returns: (transfer full) (nullable): the new cycle
 */
CpCycle *
cp_engagement_start_cycle (CpEngagement  *self,
                           CpTemplate    *template,
                           GError       **error)
{
  g_autoptr(CpCycle) cycle = NULL;
  gint64 id;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);
  g_return_val_if_fail (CP_IS_TEMPLATE (template), NULL);

  /* Pending edits first: the cycle records the approach on disk. */
  if (!cp_store_flush (self->store, error) ||
      !cp_engagement_get_cycles (self, error) ||
      !_cp_store_begin (self->store, error))
    return NULL;

  if (!(id = copy_template (self, template, error)) ||
      !(cycle = load_cycle (self, id, error)) ||
      !cp_engagement_add_approach_checks (self, cycle, self->approach, NULL, error))
    {
      _cp_store_rollback (self->store);
      return NULL;
    }

  if (!_cp_store_commit (self->store, error))
    return NULL;

  g_list_store_append (self->cycles, cycle);

  return g_steal_pointer (&cycle);
}

static gboolean
phase_has_text (CpStore      *store,
                CpPhase      *phase,
                const char   *text,
                gboolean     *found,
                GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _cp_store_prepare (store,
                                  "SELECT 1 FROM checklist_item WHERE phase_id = ?1 AND text = ?2",
                                  error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cp_phase_get_id (phase));
  _cp_bind_text (stmt, 2, text);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cp_store_set_error (store, error, rc, _("Could not read the checklist"));
      return FALSE;
    }

  *found = rc == SQLITE_ROW;

  return TRUE;
}

/**
 * cp_engagement_add_approach_checks:
 * @n_added: (out) (optional): how many items were added
 *
 * Adds @approach's risk checks to @cycle, each in the phase where it
 * matters, leaving out any the phase already has. Nothing is ever taken
 * away, ticked or not.
 */
gboolean
cp_engagement_add_approach_checks (CpEngagement  *self,
                                   CpCycle       *cycle,
                                   CpApproach     approach,
                                   guint         *n_added,
                                   GError       **error)
{
  guint added = 0;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);
  g_return_val_if_fail (CP_IS_CYCLE (cycle), FALSE);

  if (!cp_cycle_get_phases (cycle, error) || !_cp_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; i < cp_approach_get_n_checks (approach); i++)
    {
      CpPhaseRole role;
      const char *text = cp_approach_get_check (approach, i, &role);
      CpPhase *phase = cp_cycle_find_phase (cycle, role);
      gboolean found = FALSE;

      if (phase == NULL)
        continue;

      if (!phase_has_text (self->store, phase, text, &found, error) ||
          (!found && !_cp_phase_insert_item (phase, text, CP_ITEM_SOURCE_APPROACH,
                                             approach, error)))
        {
          _cp_store_rollback (self->store);
          return FALSE;
        }

      if (!found)
        added++;
    }

  if (!_cp_store_commit (self->store, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added;

  return TRUE;
}

/**
 * cp_engagement_change_approach:
 * @reason: (nullable): why the organisation changes approach
 * @add_checks: whether to add the new approach's risk checks to the
 *   current cycle
 *
 * Changes the approach at once, recording the change, with its reason,
 * in the engagement's history; the current cycle runs under the new
 * approach from now on.
 */
gboolean
cp_engagement_change_approach (CpEngagement  *self,
                               CpApproach     approach,
                               const char    *reason,
                               gboolean       add_checks,
                               GError       **error)
{
  CpCycle *current;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);
  g_return_val_if_fail (approach <= CP_APPROACH_COACHED, FALSE);

  if (reason != NULL && !g_utf8_validate (reason, -1, NULL))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("The reason is not valid UTF-8 text"));
      return FALSE;
    }

  if (!_cp_store_begin (self->store, error))
    return FALSE;

  /* Should anything below fail, the engagement is as it was. */
  _cp_engagement_keep_state (self, TRUE);
  g_free (self->approach_reason);
  self->approach_reason = g_strdup (reason);
  cp_engagement_set_approach (self, approach);

  current = cp_engagement_get_current_cycle (self);

  if (!cp_store_flush (self->store, error) ||
      (add_checks && current != NULL &&
       !cp_engagement_add_approach_checks (self, current, approach, NULL, error)))
    {
      _cp_store_rollback (self->store);
      return FALSE;
    }

  return _cp_store_commit (self->store, error);
}

/**
 * cp_engagement_dup_approach_history:
 *
 * Returns: (transfer full) (element-type CpApproachChange) (nullable): the
 *   changes of approach, oldest first
 */
GPtrArray *
cp_engagement_dup_approach_history (CpEngagement  *self,
                                    GError       **error)
{
  g_autoptr(GPtrArray) history = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  if (!(stmt = _cp_store_prepare (self->store,
                                  "SELECT from_approach, to_approach, changed_on, reason "
                                  "FROM approach_change WHERE engagement_id = ?1 ORDER BY id",
                                  error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, self->id);
  history = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_approach_change_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpApproachChange *change = g_new0 (CpApproachChange, 1);

      cp_approach_from_string ((const char *) sqlite3_column_text (stmt, 0), &change->from);
      cp_approach_from_string ((const char *) sqlite3_column_text (stmt, 1), &change->to);
      change->date = _cp_column_dup (stmt, 2);
      change->reason = _cp_column_dup (stmt, 3);
      g_ptr_array_add (history, change);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (self->store, error, rc, _("Could not read the approach history"));
      return NULL;
    }

  return g_steal_pointer (&history);
}
