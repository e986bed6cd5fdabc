/* cp-maturity.c — how mature one practice is, before and after
 *
 * A practice is scored 0 to 5 at the baseline ("Where are we now?") and
 * again at the review ("Did we get there?"), each score with its
 * evidence.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-maturity"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-maturity-private.h"
#include "cp-maturity.h"
#include "cp-store-model.h"

struct _CpMaturity
{
  GObject  parent_instance;

  CpStore *store;
  gint64   id;
  char    *practice;
  int      levels[2];      /* baseline, review */
  char    *evidence[2];
};

G_DEFINE_FINAL_TYPE (CpMaturity, cp_maturity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCORES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CpStoreUnit *
cp_maturity_save_unit (gpointer object)
{
  CpMaturity *self = object;
  CpStoreUnit *unit = _cp_store_unit_for (CP_SQL_MATURITY_SAVE);

  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_int64 (unit, self->levels[0]);
  _cp_store_unit_bind_text (unit, self->evidence[0]);
  _cp_store_unit_bind_int64 (unit, self->levels[1]);
  _cp_store_unit_bind_text (unit, self->evidence[1]);

  return unit;
}

static void
cp_maturity_finalize (GObject *object)
{
  CpMaturity *self = (CpMaturity *)object;

  g_free (self->practice);
  g_free (self->evidence[0]);
  g_free (self->evidence[1]);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_maturity_parent_class)->finalize (object);
}

static void
cp_maturity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CpMaturity *self = CP_MATURITY (object);

  switch (prop_id)
    {
    case PROP_SCORES:
      g_value_set_int (value, self->levels[0] * 10 + self->levels[1]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_maturity_class_init (CpMaturityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cp_maturity_finalize;
  object_class->get_property = cp_maturity_get_property;

  /* Changes whenever a score or its evidence does, for views to follow. */
  properties[PROP_SCORES] = g_param_spec_int ("scores", NULL, NULL, G_MININT, G_MAXINT, 0,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_maturity_init (CpMaturity *self)
{
}

static int
column_level (const CpRow *row,
              guint        column)
{
  return _cp_row_is_null (row, column) ? CP_MATURITY_UNSCORED : _cp_row_int (row, column);
}

gpointer
_cp_maturity_new_from_row (CpStore      *store,
                           const CpRow  *row)
{
  CpMaturity *self = g_object_new (CP_TYPE_MATURITY, NULL);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  self->practice = _cp_row_dup (row, 1);
  self->levels[0] = column_level (row, 2);
  self->evidence[0] = _cp_row_dup (row, 3);
  self->levels[1] = column_level (row, 4);
  self->evidence[1] = _cp_row_dup (row, 5);

  return self;
}

/**
 * cp_maturity_level_name:
 *
 * Returns: the translated name of a maturity level, 0 to 5
 */
const char *
cp_maturity_level_name (int level)
{
  static const char * const names[] = {
    N_("Chaos"), N_("Initial"), N_("Repeatable"), N_("Defined"), N_("Managed"), N_("Optimising"),
  };

  if (level < 0 || level > 5)
    return _("Not scored");

  return _(names[level]);
}

gint64
cp_maturity_get_id (CpMaturity *self)
{
  g_return_val_if_fail (CP_IS_MATURITY (self), 0);

  return self->id;
}

const char *
cp_maturity_get_practice (CpMaturity *self)
{
  g_return_val_if_fail (CP_IS_MATURITY (self), NULL);

  return self->practice;
}

static gboolean
set_score (CpMaturity *self,
           guint       which,
           int         level,
           const char *evidence)
{
  g_return_val_if_fail (CP_IS_MATURITY (self), FALSE);

  if (level < CP_MATURITY_UNSCORED || level > 5 ||
      (evidence != NULL && !g_utf8_validate (evidence, -1, NULL)))
    return FALSE;

  self->levels[which] = level;
  g_free (self->evidence[which]);
  self->evidence[which] = g_strdup (evidence ? evidence : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORES]);
  _cp_store_mark_dirty_unit (self->store, self, cp_maturity_save_unit);

  return TRUE;
}

int
cp_maturity_get_baseline_level (CpMaturity *self)
{
  g_return_val_if_fail (CP_IS_MATURITY (self), CP_MATURITY_UNSCORED);

  return self->levels[0];
}

const char *
cp_maturity_get_baseline_evidence (CpMaturity *self)
{
  g_return_val_if_fail (CP_IS_MATURITY (self), NULL);

  return self->evidence[0];
}

/**
 * cp_maturity_set_baseline:
 * @level: 0 to 5, or %CP_MATURITY_UNSCORED
 * @evidence: (nullable): what the score rests on
 *
 * Returns: %FALSE, changing nothing, for a level out of range
 */
gboolean
cp_maturity_set_baseline (CpMaturity *self,
                          int         level,
                          const char *evidence)
{
  return set_score (self, 0, level, evidence);
}

int
cp_maturity_get_review_level (CpMaturity *self)
{
  g_return_val_if_fail (CP_IS_MATURITY (self), CP_MATURITY_UNSCORED);

  return self->levels[1];
}

const char *
cp_maturity_get_review_evidence (CpMaturity *self)
{
  g_return_val_if_fail (CP_IS_MATURITY (self), NULL);

  return self->evidence[1];
}

gboolean
cp_maturity_set_review (CpMaturity *self,
                        int         level,
                        const char *evidence)
{
  return set_score (self, 1, level, evidence);
}
