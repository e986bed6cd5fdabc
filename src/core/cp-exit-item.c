/* cp-exit-item.c — one thing that must be true before the coach leaves a
 * coached engagement, ticked with the day it became true
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-exit-item"

#include "config.h"

#include "cp-exit-item-private.h"
#include "cp-exit-item.h"
#include "cp-store-model.h"

struct _CpExitItem
{
  GObject  parent_instance;

  CpStore *store;
  gint64   id;
  char    *text;
  char    *done_on;
};

G_DEFINE_FINAL_TYPE (CpExitItem, cp_exit_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CpStoreUnit *
cp_exit_item_save_unit (gpointer object)
{
  CpExitItem *self = object;
  CpStoreUnit *unit = _cp_store_unit_for (CP_SQL_EXIT_ITEM_SAVE);

  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, self->done_on);

  return unit;
}

static void
cp_exit_item_finalize (GObject *object)
{
  CpExitItem *self = (CpExitItem *)object;

  g_free (self->text);
  g_free (self->done_on);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_exit_item_parent_class)->finalize (object);
}

static void
cp_exit_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CpExitItem *self = CP_EXIT_ITEM (object);

  if (prop_id == PROP_DONE)
    g_value_set_boolean (value, self->done_on != NULL);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cp_exit_item_class_init (CpExitItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cp_exit_item_finalize;
  object_class->get_property = cp_exit_item_get_property;

  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_exit_item_init (CpExitItem *self)
{
}

gpointer
_cp_exit_item_new_from_row (CpStore      *store,
                            const CpRow  *row)
{
  CpExitItem *self = g_object_new (CP_TYPE_EXIT_ITEM, NULL);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  self->text = _cp_row_dup (row, 1);
  self->done_on = _cp_row_dup (row, 2);

  return self;
}

gint64
cp_exit_item_get_id (CpExitItem *self)
{
  g_return_val_if_fail (CP_IS_EXIT_ITEM (self), 0);

  return self->id;
}

const char *
cp_exit_item_get_text (CpExitItem *self)
{
  g_return_val_if_fail (CP_IS_EXIT_ITEM (self), NULL);

  return self->text;
}

gboolean
cp_exit_item_get_done (CpExitItem *self)
{
  g_return_val_if_fail (CP_IS_EXIT_ITEM (self), FALSE);

  return self->done_on != NULL;
}

/**
 * cp_exit_item_get_done_on:
 *
 * Returns: (nullable): the day it was ticked, or %NULL while it is not
 */
const char *
cp_exit_item_get_done_on (CpExitItem *self)
{
  g_return_val_if_fail (CP_IS_EXIT_ITEM (self), NULL);

  return self->done_on;
}

/**
 * cp_exit_item_set_done:
 *
 * Ticks the item as of today, or takes the tick away.
 */
void
cp_exit_item_set_done (CpExitItem *self,
                       gboolean    done)
{
  g_return_if_fail (CP_IS_EXIT_ITEM (self));

  if (!!done == (self->done_on != NULL))
    return;

  g_clear_pointer (&self->done_on, g_free);
  if (done)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      self->done_on = g_date_time_format (now, "%Y-%m-%d");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
  _cp_store_mark_dirty_unit (self->store, self, cp_exit_item_save_unit);
}
