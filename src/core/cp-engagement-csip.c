/* cp-engagement-csip.c — an engagement's CSIP cycles and approach history
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-engagement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store.h"
#include "cp-enums.h"
#include "cp-approach.h"
#include "cp-checklist-item.h"
#include "cp-cycle-private.h"
#include "cp-engagement-private.h"
#include "cp-phase-private.h"
#include "cp-store-model.h"
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

/* Adds to @unit the record of a change of approach: into the history,
 * and the latest cycle runs under the new approach.
 */
void
_cp_engagement_add_approach_change (CpEngagement *self,
                                    CpStoreUnit  *unit,
                                    CpApproach    from,
                                    CpApproach    to,
                                    const char   *reason)
{
  _cp_store_unit_then (unit, CP_SQL_APPROACH_CHANGE_ADD);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, cp_approach_to_string (from));
  _cp_store_unit_bind_text (unit, cp_approach_to_string (to));
  _cp_store_unit_bind_text (unit, reason ? reason : "");
  _cp_store_unit_then (unit, CP_SQL_CURRENT_CYCLE_APPROACH);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, cp_approach_to_string (to));
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
    self->cycles = _cp_store_load_list (self->store, CP_SQL_CYCLES, self->id, CP_TYPE_CYCLE,
                                        (CpRowFunc) _cp_cycle_new_from_row, error);

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

/* Adds @approach's risk checks to the phases of @cycle where they
 * belong, leaving out any a phase already has; returns how many.
 */
static guint
add_checks (CpCycle     *cycle,
            CpStoreUnit *unit,
            CpApproach   approach)
{
  guint added = 0;

  for (guint i = 0; i < cp_approach_get_n_checks (approach); i++)
    {
      CpPhaseRole role;
      const char *text = cp_approach_get_check (approach, i, &role);
      CpPhase *phase = cp_cycle_find_phase (cycle, role);

      if (phase != NULL && _cp_phase_add_check (phase, unit, text, approach))
        added++;
    }

  return added;
}

/* Once the unit is committed, each phase of @cycle shows the items it
 * gained: the rows of the unit's statements from the @first on, each
 * ending with its phase's id.
 */
static void
checks_added (CpCycle   *cycle,
              GPtrArray *rows,
              guint      first)
{
  GListModel *phases = cp_cycle_get_phases (cycle, NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      const CpRow *row = _cp_rows_get (rows, r);

      if (_cp_row_statement (row) < first)
        continue;

      for (guint p = 0; phases != NULL && p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(CpPhase) phase = g_list_model_get_item (phases, p);
          g_autoptr(CpChecklistItem) item = NULL;

          if (cp_phase_get_id (phase) == _cp_row_int64 (row, _cp_row_n_columns (row) - 1))
            item = _cp_phase_item_added (phase, row, G_MAXUINT);
        }
    }
}

/* The unit of work that starts the engagement's next cycle on @template:
 * its phases, their checklists and the approach's risk checks.
 */
CpStoreUnit *
_cp_cycle_unit_new (gint64      engagement_id,
                    CpApproach  approach,
                    CpTemplate *template)
{
  CpStoreUnit *unit = _cp_store_unit_for (CP_SQL_CYCLE_ADD);
  g_autofree char *cycle_uuid = g_uuid_string_random ();

  _cp_store_unit_bind_int64 (unit, engagement_id);
  _cp_store_unit_bind_text (unit, cp_template_get_id (template));
  _cp_store_unit_bind_text (unit, cp_template_get_name (template));
  _cp_store_unit_bind_text (unit, cp_approach_to_string (approach));
  _cp_store_unit_bind_text (unit, cycle_uuid);

  for (guint p = 0; p < cp_template_get_n_phases (template); p++)
    {
      const char * const *checks = cp_template_get_phase_checks (template, p);
      CpPhaseRole role = cp_template_get_phase_role (template, p);
      g_autofree char *phase_uuid = g_uuid_string_random ();
      guint n = 0;

      _cp_store_unit_then (unit, CP_SQL_PHASE_ADD);
      _cp_store_unit_bind_text (unit, cycle_uuid);
      _cp_store_unit_bind_int64 (unit, p);
      _cp_store_unit_bind_text (unit, cp_phase_role_to_string (role));
      _cp_store_unit_bind_text (unit, cp_template_get_phase_name (template, p));
      _cp_store_unit_bind_text (unit, cp_template_get_phase_description (template, p));
      _cp_store_unit_bind_text (unit, phase_uuid);

      for (; checks[n] != NULL; n++)
        {
          _cp_store_unit_then (unit, CP_SQL_ITEM_ADD_TEMPLATE);
          _cp_store_unit_bind_text (unit, phase_uuid);
          _cp_store_unit_bind_int64 (unit, n);
          _cp_store_unit_bind_text (unit, checks[n]);
          _cp_store_unit_bind_text (unit, cp_item_source_to_string (CP_ITEM_SOURCE_TEMPLATE));
          _cp_store_unit_bind_text (unit, NULL);
        }

      /* The approach's risk checks that belong in this phase, after the
       * template's own: each goes where cp_cycle_find_phase() would put it.
       */
      for (guint i = 0; i < cp_approach_get_n_checks (approach); i++)
        {
          CpPhaseRole check_role;
          const char *text = cp_approach_get_check (approach, i, &check_role);
          guint best = 0;
          gboolean present = FALSE;

          for (guint q = 1; q < cp_template_get_n_phases (template); q++)
            if (_cp_phase_role_distance (cp_template_get_phase_role (template, q), check_role) <
                _cp_phase_role_distance (cp_template_get_phase_role (template, best), check_role))
              best = q;
          for (guint c = 0; checks[c] != NULL; c++)
            present = present || g_strcmp0 (checks[c], text) == 0;

          if (best != p || present)
            continue;

          _cp_store_unit_then (unit, CP_SQL_ITEM_ADD_TEMPLATE);
          _cp_store_unit_bind_text (unit, phase_uuid);
          _cp_store_unit_bind_int64 (unit, n++);
          _cp_store_unit_bind_text (unit, text);
          _cp_store_unit_bind_text (unit, cp_item_source_to_string (CP_ITEM_SOURCE_APPROACH));
          _cp_store_unit_bind_text (unit, cp_approach_to_string (approach));
        }
    }

  return unit;
}

/**
 * cp_engagement_start_cycle:
 *
 * Starts the next CSIP cycle: copies @template's phases and checklists
 * into the engagement, where they are its own from then on, and adds the
 * risk checks of the engagement's approach. All or nothing: one unit of
 * work, whose rows are named by the ids it gives them.
 *
 * Returns: (transfer full) (nullable): the new cycle
 */
CpCycle *
cp_engagement_start_cycle (CpEngagement  *self,
                           CpTemplate    *template,
                           GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  CpStoreUnit *unit;
  CpCycle *cycle;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);
  g_return_val_if_fail (CP_IS_TEMPLATE (template), NULL);

  /* Pending edits first: the cycle records the approach on disk. */
  if (!cp_store_flush (self->store, error) || !cp_engagement_get_cycles (self, error))
    return NULL;

  unit = _cp_cycle_unit_new (self->id, self->approach, template);

  if (!(rows = _cp_store_unit_commit (self->store, unit, error)))
    return NULL;

  cycle = _cp_cycle_new_from_row (self->store, _cp_rows_get (rows, 0));
  g_list_store_append (self->cycles, cycle);

  return cycle;
}

/**
 * cp_engagement_remove_latest_cycle:
 * @cycle: the engagement's latest cycle
 *
 * Takes back a cycle just started — with its phases, checklists and
 * sign-offs — so that the one before is the current cycle again. Only
 * the latest cycle can be taken back.
 */
gboolean
cp_engagement_remove_latest_cycle (CpEngagement  *self,
                                   CpCycle       *cycle,
                                   GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  CpStoreUnit *unit;
  guint position;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);
  g_return_val_if_fail (CP_IS_CYCLE (cycle), FALSE);

  if (!cp_engagement_get_cycles (self, error) ||
      !g_list_store_find (self->cycles, cycle, &position) ||
      position + 1 != g_list_model_get_n_items (G_LIST_MODEL (self->cycles)))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                             _("Only the latest cycle can be taken back"));
      return FALSE;
    }

  unit = _cp_store_unit_for (CP_SQL_CYCLE_REMOVE_LATEST);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_int64 (unit, cp_cycle_get_id (cycle));
  if (!(rows = _cp_store_unit_commit (self->store, unit, error)))
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("Only the latest cycle can be taken back"));
      return FALSE;
    }

  g_list_store_remove (self->cycles, position);

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
  g_autoptr(GPtrArray) rows = NULL;
  CpStoreUnit *unit;
  guint added;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);
  g_return_val_if_fail (CP_IS_CYCLE (cycle), FALSE);

  /* Checks typed a moment ago count as the phase's own. */
  if (!cp_cycle_get_phases (cycle, error) || !cp_store_flush (self->store, error))
    return FALSE;

  unit = _cp_store_unit_new (_("Could not add the approach’s checks"), NULL);
  added = add_checks (cycle, unit, approach);
  if (added == 0)
    _cp_store_unit_free (unit);
  else if (!(rows = _cp_store_unit_commit (self->store, unit, error)))
    return FALSE;
  else
    checks_added (cycle, rows, 0);

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
 * approach from now on. One unit of work: the engagement shows the
 * change once it is committed.
 */
gboolean
cp_engagement_change_approach (CpEngagement  *self,
                               CpApproach     approach,
                               const char    *reason,
                               gboolean       with_checks,
                               GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  CpStoreUnit *unit;
  CpCycle *current;
  guint first_check;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);
  g_return_val_if_fail (approach <= CP_APPROACH_COACHED, FALSE);

  if (reason != NULL && !g_utf8_validate (reason, -1, NULL))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("The reason is not valid UTF-8 text"));
      return FALSE;
    }

  /* Edits waiting first, the approach chosen meanwhile among them. */
  if (!cp_store_flush (self->store, error) || !cp_engagement_get_cycles (self, error))
    return FALSE;

  current = cp_engagement_get_current_cycle (self);
  if (current != NULL && !cp_cycle_get_phases (current, error))
    return FALSE;

  unit = _cp_store_unit_for (CP_SQL_APPROACH_SET);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, cp_approach_to_string (approach));
  if (approach != self->saved_approach)
    _cp_engagement_add_approach_change (self, unit, self->saved_approach, approach, reason);
  first_check = _cp_store_unit_get_n_statements (unit);
  if (with_checks && current != NULL)
    add_checks (current, unit, approach);

  if (!(rows = _cp_store_unit_commit (self->store, unit, error)))
    return FALSE;

  _cp_engagement_approach_saved (self, approach, _cp_row_text (_cp_rows_get (rows, 0), 0));
  if (current != NULL)
    {
      _cp_cycle_set_approach (current, approach);
      checks_added (current, rows, first_check);
    }

  return TRUE;
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
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  if (!(rows = _cp_store_query (self->store, CP_SQL_APPROACH_HISTORY, self->id, error)))
    return NULL;

  history = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_approach_change_free);
  for (guint i = 0; i < rows->len; i++)
    {
      const CpRow *row = _cp_rows_get (rows, i);
      CpApproachChange *change = g_new0 (CpApproachChange, 1);

      cp_approach_from_string (_cp_row_text (row, 0), &change->from);
      cp_approach_from_string (_cp_row_text (row, 1), &change->to);
      change->date = _cp_row_dup (row, 2);
      change->reason = _cp_row_dup (row, 3);
      g_ptr_array_add (history, change);
    }

  return g_steal_pointer (&history);
}
