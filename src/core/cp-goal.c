/* cp-goal.c — a goal of the engagement, measured by a KPI
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-goal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cp-store.h"
#include "cp-engagement.h"
#include "cp-goal-private.h"
#include "cp-store-model.h"

struct _CpGoal
{
  GObject  parent_instance;

  CpStore *store;
  gint64   id;
  char    *name;
  char    *unit;
  double   baseline_value;   /* NAN: not set */
  char    *baseline_date;
  double   target_value;
  char    *target_date;
  GArray  *readings;         /* CpReading, oldest first; loaded on first use */
};

G_DEFINE_FINAL_TYPE (CpGoal, cp_goal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_UNIT,
  PROP_TRACK,
  PROP_READINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bind_number (CpStoreUnit *unit,
             double       value)
{
  if (isnan (value))
    _cp_store_unit_bind_text (unit, NULL);
  else
    _cp_store_unit_bind_double (unit, value);
}

static double
column_number (const CpRow *row,
               guint        column)
{
  return _cp_row_is_null (row, column) ? NAN : _cp_row_double (row, column);
}

static CpStoreUnit *
cp_goal_save_unit (gpointer object)
{
  CpGoal *self = object;
  CpStoreUnit *unit = _cp_store_unit_for (CP_SQL_GOAL_SAVE);

  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, self->name);
  _cp_store_unit_bind_text (unit, self->unit);
  bind_number (unit, self->baseline_value);
  _cp_store_unit_bind_text (unit, self->baseline_date);
  bind_number (unit, self->target_value);
  _cp_store_unit_bind_text (unit, self->target_date);

  return unit;
}

static void
changed (CpGoal *self,
         guint   prop_id)
{
  if (prop_id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACK]);
  _cp_store_mark_dirty_unit (self->store, self, cp_goal_save_unit);
}

static void
reading_clear (gpointer data)
{
  g_free (((CpReading *) data)->date);
}

static void
cp_goal_finalize (GObject *object)
{
  CpGoal *self = (CpGoal *)object;

  g_free (self->name);
  g_free (self->unit);
  g_free (self->baseline_date);
  g_free (self->target_date);
  g_clear_pointer (&self->readings, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_goal_parent_class)->finalize (object);
}

static void
cp_goal_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CpGoal *self = CP_GOAL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_TRACK:
      g_value_set_int (value, cp_goal_get_track (self));
      break;
    case PROP_READINGS:
      g_value_set_uint (value, self->readings ? self->readings->len : 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_goal_class_init (CpGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_goal_finalize;
  object_class->get_property = cp_goal_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", ro);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, "", ro);
  properties[PROP_TRACK] = g_param_spec_int ("track", NULL, NULL, 0, CP_TRACK_MET, 0, ro);
  properties[PROP_READINGS] = g_param_spec_uint ("readings", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_goal_init (CpGoal *self)
{
  self->baseline_value = NAN;
  self->target_value = NAN;
}

gpointer
_cp_goal_new_from_row (CpStore      *store,
                       const CpRow  *row)
{
  CpGoal *self = g_object_new (CP_TYPE_GOAL, NULL);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  self->name = _cp_row_dup (row, 1);
  self->unit = _cp_row_dup (row, 2);
  self->baseline_value = column_number (row, 3);
  self->baseline_date = _cp_row_dup (row, 4);
  self->target_value = column_number (row, 5);
  self->target_date = _cp_row_dup (row, 6);

  return self;
}

gint64
cp_goal_get_id (CpGoal *self)
{
  g_return_val_if_fail (CP_IS_GOAL (self), 0);

  return self->id;
}

const char *
cp_goal_get_name (CpGoal *self)
{
  g_return_val_if_fail (CP_IS_GOAL (self), NULL);

  return self->name;
}

static void
set_text (CpGoal      *self,
          char       **field,
          guint        prop_id,
          const char  *value)
{
  g_return_if_fail (CP_IS_GOAL (self));

  if (_cp_replace_text (field, value))
    changed (self, prop_id);
}

void
cp_goal_set_name (CpGoal     *self,
                  const char *name)
{
  set_text (self, &self->name, PROP_NAME, name);
}

const char *
cp_goal_get_unit (CpGoal *self)
{
  g_return_val_if_fail (CP_IS_GOAL (self), NULL);

  return self->unit;
}

/**
 * cp_goal_set_unit:
 * @unit: what the measure counts: "%", "minutes", "failed changes"…
 */
void
cp_goal_set_unit (CpGoal     *self,
                  const char *unit)
{
  set_text (self, &self->unit, PROP_UNIT, unit);
}

double
cp_goal_get_baseline_value (CpGoal *self)
{
  g_return_val_if_fail (CP_IS_GOAL (self), NAN);

  return self->baseline_value;
}

const char *
cp_goal_get_baseline_date (CpGoal *self)
{
  g_return_val_if_fail (CP_IS_GOAL (self), NULL);

  return self->baseline_date;
}

static gboolean
set_point (CpGoal      *self,
           double      *value_field,
           char       **date_field,
           double       value,
           const char  *date)
{
  g_return_val_if_fail (CP_IS_GOAL (self), FALSE);

  if (date != NULL && *date == '\0')
    date = NULL;
  if ((date != NULL && !cp_date_is_valid (date)) || isinf (value))
    return FALSE;

  *value_field = value;
  g_free (*date_field);
  *date_field = g_strdup (date);
  changed (self, 0);

  return TRUE;
}

/**
 * cp_goal_set_baseline:
 * @value: the measure at the start, or NAN for none
 * @date: (nullable): when it was taken, YYYY-MM-DD
 *
 * Returns: %FALSE, changing nothing, for an invalid date
 */
gboolean
cp_goal_set_baseline (CpGoal     *self,
                      double      value,
                      const char *date)
{
  return set_point (self, &self->baseline_value, &self->baseline_date, value, date);
}

double
cp_goal_get_target_value (CpGoal *self)
{
  g_return_val_if_fail (CP_IS_GOAL (self), NAN);

  return self->target_value;
}

const char *
cp_goal_get_target_date (CpGoal *self)
{
  g_return_val_if_fail (CP_IS_GOAL (self), NULL);

  return self->target_date;
}

gboolean
cp_goal_set_target (CpGoal     *self,
                    double      value,
                    const char *date)
{
  return set_point (self, &self->target_value, &self->target_date, value, date);
}

/**
 * cp_goal_get_readings:
 *
 * Returns: (transfer none) (element-type CpReading) (nullable): the
 *   readings, oldest first
 */
const GArray *
cp_goal_get_readings (CpGoal  *self,
                      GError **error)
{
  g_autoptr(GArray) readings = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CP_IS_GOAL (self), NULL);

  if (self->readings != NULL)
    return self->readings;

  if (!(rows = _cp_store_query (self->store, CP_SQL_READINGS, self->id, error)))
    return NULL;

  readings = g_array_new (FALSE, FALSE, sizeof (CpReading));
  g_array_set_clear_func (readings, reading_clear);

  for (guint i = 0; i < rows->len; i++)
    {
      const CpRow *row = _cp_rows_get (rows, i);
      CpReading r = { _cp_row_int64 (row, 0), _cp_row_dup (row, 1), _cp_row_double (row, 2) };

      g_array_append_val (readings, r);
    }

  self->readings = g_steal_pointer (&readings);

  return self->readings;
}

/* Reads the list again after a change, so its order is the database's. */
static void
reload_readings (CpGoal *self)
{
  g_clear_pointer (&self->readings, g_array_unref);
  cp_goal_get_readings (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READINGS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACK]);
}

gboolean
cp_goal_add_reading (CpGoal      *self,
                     const char  *date,
                     double       value,
                     GError     **error)
{
  CpStoreUnit *unit;

  g_return_val_if_fail (CP_IS_GOAL (self), FALSE);

  if (!cp_date_is_valid (date) || isnan (value) || isinf (value))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("A reading needs a date and a number"));
      return FALSE;
    }

  unit = _cp_store_unit_for (CP_SQL_READING_ADD);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, date);
  _cp_store_unit_bind_double (unit, value);
  _cp_store_unit_bind_text (unit, cp_store_get_author (self->store) ? cp_store_get_author (self->store) : "");

  if (!_cp_store_write (self->store, unit, error))
    return FALSE;

  reload_readings (self);

  return TRUE;
}

gboolean
cp_goal_remove_reading (CpGoal  *self,
                        gint64   reading_id,
                        GError **error)
{
  CpStoreUnit *unit;

  g_return_val_if_fail (CP_IS_GOAL (self), FALSE);

  unit = _cp_store_unit_for (CP_SQL_READING_REMOVE);
  _cp_store_unit_bind_int64 (unit, reading_id);
  _cp_store_unit_bind_int64 (unit, self->id);

  if (!_cp_store_write (self->store, unit, error))
    return FALSE;

  reload_readings (self);

  return TRUE;
}

/**
 * cp_goal_get_latest:
 *
 * Returns: (nullable): the most recent reading
 */
const CpReading *
cp_goal_get_latest (CpGoal *self)
{
  const GArray *readings = cp_goal_get_readings (self, NULL);

  if (readings == NULL || readings->len == 0)
    return NULL;

  return &g_array_index (readings, CpReading, readings->len - 1);
}

/**
 * cp_goal_get_track:
 *
 * Returns: whether the latest reading is where the goal needs it to be
 */
CpTrack
cp_goal_get_track (CpGoal *self)
{
  const CpReading *latest;

  g_return_val_if_fail (CP_IS_GOAL (self), CP_TRACK_UNKNOWN);

  if ((latest = cp_goal_get_latest (self)) == NULL)
    return CP_TRACK_UNKNOWN;

  return cp_kpi_track (self->baseline_value, self->baseline_date,
                       self->target_value, self->target_date,
                       latest->value, latest->date);
}

/* How the readings move: the latest against the one before, and whether
 * that is towards the target.
 */
/**
 * cp_goal_dup_trend:
 *
 * Returns: (transfer full): how the readings move, as "+2 since
 *   2026-10-01, better", or "—" with fewer than two readings
 */
char *
cp_goal_dup_trend (CpGoal *goal)
{
  const GArray *readings = cp_goal_get_readings (goal, NULL);
  const CpReading *last, *before;
  double delta;
  gboolean better;

  if (readings == NULL || readings->len < 2)
    return g_strdup ("—");

  last = &g_array_index (readings, CpReading, readings->len - 1);
  before = &g_array_index (readings, CpReading, readings->len - 2);
  delta = last->value - before->value;
  better = (cp_goal_get_target_value (goal) >= cp_goal_get_baseline_value (goal)) == (delta >= 0);

  if (delta == 0)
    /* Translators: a goal's reading unchanged since the date of the one before. */
    return g_strdup_printf (_("unchanged since %s"), before->date);

  /* Translators: the change, since the date of the reading before, and
   * whether that is better or worse, as "+2 since 2026-10-01, better".
   */
  return g_strdup_printf (_("%+g since %s, %s"), delta, before->date, better ? _("better") : _("worse"));
}

