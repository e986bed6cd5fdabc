/* cp-cycle.c — one iteration of an engagement's CSIP
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-cycle"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "cp-enums.h"
#include "cp-cycle-private.h"
#include "cp-phase-private.h"
#include "cp-store-model.h"

struct _CpCycle
{
  GObject     parent_instance;

  CpStore    *store;
  gint64      id;
  guint       number;
  char       *template_id;
  char       *template_name;
  char       *started_on;
  GListStore *phases;   /* loaded on first use */
  CpApproach  approach;
};

G_DEFINE_FINAL_TYPE (CpCycle, cp_cycle, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_TEMPLATE_NAME,
  PROP_APPROACH,
  PROP_STARTED_ON,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_cycle_finalize (GObject *object)
{
  CpCycle *self = (CpCycle *)object;

  g_free (self->template_id);
  g_free (self->template_name);
  g_free (self->started_on);
  g_clear_object (&self->phases);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_cycle_parent_class)->finalize (object);
}

static void
cp_cycle_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CpCycle *self = CP_CYCLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_TEMPLATE_NAME:
      g_value_set_string (value, self->template_name);
      break;
    case PROP_APPROACH:
      g_value_set_enum (value, self->approach);
      break;
    case PROP_STARTED_ON:
      g_value_set_string (value, self->started_on);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, cp_cycle_get_progress (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_cycle_class_init (CpCycleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_cycle_finalize;
  object_class->get_property = cp_cycle_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_TEMPLATE_NAME] = g_param_spec_string ("template-name", NULL, NULL, NULL, ro);
  properties[PROP_APPROACH] = g_param_spec_enum ("approach", NULL, NULL, CP_TYPE_APPROACH,
                                                 CP_APPROACH_UNDECIDED, ro);
  properties[PROP_STARTED_ON] = g_param_spec_string ("started-on", NULL, NULL, NULL, ro);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0, 1, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_cycle_init (CpCycle *self)
{
}

CpCycle *
_cp_cycle_new_from_row (CpStore      *store,
                        const CpRow  *row)
{
  CpCycle *self = g_object_new (CP_TYPE_CYCLE, NULL);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  self->number = _cp_row_int (row, 1);
  self->template_id = _cp_row_dup (row, 2);
  self->template_name = _cp_row_dup (row, 3);
  cp_approach_from_string (_cp_row_text (row, 4), &self->approach);
  self->started_on = _cp_row_dup (row, 5);

  return self;
}

void
_cp_cycle_set_approach (CpCycle    *self,
                        CpApproach  approach)
{
  if (self->approach != approach)
    {
      self->approach = approach;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPROACH]);
    }
}

gint64
cp_cycle_get_id (CpCycle *self)
{
  g_return_val_if_fail (CP_IS_CYCLE (self), 0);

  return self->id;
}

guint
cp_cycle_get_number (CpCycle *self)
{
  g_return_val_if_fail (CP_IS_CYCLE (self), 0);

  return self->number;
}

const char *
cp_cycle_get_template_id (CpCycle *self)
{
  g_return_val_if_fail (CP_IS_CYCLE (self), NULL);

  return self->template_id;
}

/**
 * cp_cycle_get_template_name:
 *
 * Returns: the template's name as it was when the cycle started
 */
const char *
cp_cycle_get_template_name (CpCycle *self)
{
  g_return_val_if_fail (CP_IS_CYCLE (self), NULL);

  return self->template_name;
}

/**
 * cp_cycle_get_approach:
 *
 * Returns: the approach the cycle runs under
 */
CpApproach
cp_cycle_get_approach (CpCycle *self)
{
  g_return_val_if_fail (CP_IS_CYCLE (self), CP_APPROACH_UNDECIDED);

  return self->approach;
}

const char *
cp_cycle_get_started_on (CpCycle *self)
{
  g_return_val_if_fail (CP_IS_CYCLE (self), NULL);

  return self->started_on;
}

static void
phase_progress_cb (CpCycle *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/**
 * cp_cycle_get_phases:
 *
 * Returns: (transfer none) (nullable): the phases, a list of #CpPhase in
 *   order
 */
GListModel *
cp_cycle_get_phases (CpCycle  *self,
                     GError  **error)
{
  g_autoptr(GListStore) phases = NULL;

  g_return_val_if_fail (CP_IS_CYCLE (self), NULL);

  if (self->phases != NULL)
    return G_LIST_MODEL (self->phases);

  if (!(phases = _cp_store_load_list (self->store, CP_SQL_PHASES, self->id, CP_TYPE_PHASE,
                                      (CpRowFunc) _cp_phase_new_from_row, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (phases)); i++)
    {
      g_autoptr(CpPhase) phase = g_list_model_get_item (G_LIST_MODEL (phases), i);

      g_signal_connect_object (phase, "notify::progress", G_CALLBACK (phase_progress_cb),
                               self, G_CONNECT_SWAPPED);
    }

  self->phases = g_steal_pointer (&phases);

  return G_LIST_MODEL (self->phases);
}

static void
count (CpCycle *self,
       guint   *n_items,
       guint   *n_done)
{
  GListModel *phases = cp_cycle_get_phases (self, NULL);

  *n_items = *n_done = 0;

  for (guint i = 0; phases && i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(CpPhase) phase = g_list_model_get_item (phases, i);

      *n_items += cp_phase_get_n_items (phase);
      *n_done += cp_phase_get_n_done (phase);
    }
}

guint
cp_cycle_get_n_items (CpCycle *self)
{
  guint n_items, n_done;

  g_return_val_if_fail (CP_IS_CYCLE (self), 0);

  count (self, &n_items, &n_done);

  return n_items;
}

guint
cp_cycle_get_n_done (CpCycle *self)
{
  guint n_items, n_done;

  g_return_val_if_fail (CP_IS_CYCLE (self), 0);

  count (self, &n_items, &n_done);

  return n_done;
}

/**
 * cp_cycle_get_progress:
 *
 * Returns: the share of all the cycle's checklist items ticked, 0 to 1
 */
double
cp_cycle_get_progress (CpCycle *self)
{
  guint n_items, n_done;

  g_return_val_if_fail (CP_IS_CYCLE (self), 0);

  count (self, &n_items, &n_done);

  return n_items > 0 ? (double) n_done / n_items : 0.0;
}

/* How far a phase of @phase_role is from where an item about @role
 * belongs: ties go to the later phase, as a plan item fits a later step
 * better than an earlier one.
 */
int
_cp_phase_role_distance (CpPhaseRole phase_role,
                         CpPhaseRole role)
{
  int delta = (int) phase_role - (int) role;

  return abs (delta) * 2 - (delta > 0 ? 1 : 0);
}

/**
 * cp_cycle_find_phase:
 *
 * The phase an item about @role belongs in: the first phase with that
 * role, or else the phase whose role is nearest in the cycle's order (a
 * later one on a tie).
 *
 * Returns: (transfer none) (nullable): the phase
 */
CpPhase *
cp_cycle_find_phase (CpCycle     *self,
                     CpPhaseRole  role)
{
  GListModel *phases = cp_cycle_get_phases (self, NULL);
  CpPhase *best = NULL;
  int best_distance = G_MAXINT;

  for (guint i = 0; phases && i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(CpPhase) phase = g_list_model_get_item (phases, i);
      int distance = _cp_phase_role_distance (cp_phase_get_role (phase), role);

      if (distance < best_distance)
        {
          best = phase;
          best_distance = distance;
        }
    }

  return best;
}
