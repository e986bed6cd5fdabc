/* cp-audit-item.c — one criterion of an ITSM audit
 *
 * An audit asks, for each practice, whether the criteria of each
 * maturity level hold; the highest level whose criteria hold, with all
 * those below it, is where the practice stands, and can set its maturity
 * baseline (cp_engagement_set_baseline_from_audit()). Each criterion is
 * met or not, with a note of what was seen.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-audit-item"

#include "config.h"

#include "cp-audit-item-private.h"
#include "cp-store.h"

struct _CpAuditItem
{
  GObject   parent_instance;

  CpStore  *store;
  gint64    id;
  char     *practice;
  int       level;
  char     *criterion;
  gboolean  met;
  char     *note;
};

G_DEFINE_FINAL_TYPE (CpAuditItem, cp_audit_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MET,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CpStoreUnit *
cp_audit_item_save_unit (gpointer object)
{
  CpAuditItem *self = object;
  CpStoreUnit *unit = _cp_store_unit_for (CP_SQL_AUDIT_SAVE);

  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_int64 (unit, self->met);
  _cp_store_unit_bind_text (unit, self->note);

  return unit;
}

static void
cp_audit_item_finalize (GObject *object)
{
  CpAuditItem *self = (CpAuditItem *)object;

  g_free (self->practice);
  g_free (self->criterion);
  g_free (self->note);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_audit_item_parent_class)->finalize (object);
}

static void
cp_audit_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CpAuditItem *self = CP_AUDIT_ITEM (object);

  switch (prop_id)
    {
    case PROP_MET:
      g_value_set_boolean (value, self->met);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_audit_item_class_init (CpAuditItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_audit_item_finalize;
  object_class->get_property = cp_audit_item_get_property;

  properties[PROP_MET] = g_param_spec_boolean ("met", NULL, NULL, FALSE, ro);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_audit_item_init (CpAuditItem *self)
{
}

gpointer
_cp_audit_item_new_from_row (CpStore     *store,
                             const CpRow *row)
{
  CpAuditItem *self = g_object_new (CP_TYPE_AUDIT_ITEM, NULL);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  self->practice = _cp_row_dup (row, 1);
  self->level = _cp_row_int (row, 2);
  self->criterion = _cp_row_dup (row, 3);
  self->met = _cp_row_int (row, 4) != 0;
  self->note = _cp_row_dup (row, 5);

  return self;
}

gint64
cp_audit_item_get_id (CpAuditItem *self)
{
  g_return_val_if_fail (CP_IS_AUDIT_ITEM (self), 0);

  return self->id;
}

const char *
cp_audit_item_get_practice (CpAuditItem *self)
{
  g_return_val_if_fail (CP_IS_AUDIT_ITEM (self), NULL);

  return self->practice;
}

/**
 * cp_audit_item_get_level:
 *
 * Returns: the maturity level the criterion is part of, 1 to 5
 */
int
cp_audit_item_get_level (CpAuditItem *self)
{
  g_return_val_if_fail (CP_IS_AUDIT_ITEM (self), 0);

  return self->level;
}

const char *
cp_audit_item_get_criterion (CpAuditItem *self)
{
  g_return_val_if_fail (CP_IS_AUDIT_ITEM (self), NULL);

  return self->criterion;
}

gboolean
cp_audit_item_get_met (CpAuditItem *self)
{
  g_return_val_if_fail (CP_IS_AUDIT_ITEM (self), FALSE);

  return self->met;
}

void
cp_audit_item_set_met (CpAuditItem *self,
                       gboolean     met)
{
  g_return_if_fail (CP_IS_AUDIT_ITEM (self));

  if (self->met == !!met)
    return;
  self->met = !!met;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MET]);
  _cp_store_mark_dirty_unit (self->store, self, cp_audit_item_save_unit);
}

const char *
cp_audit_item_get_note (CpAuditItem *self)
{
  g_return_val_if_fail (CP_IS_AUDIT_ITEM (self), NULL);

  return self->note;
}

/**
 * cp_audit_item_set_note:
 * @note: what was seen
 */
void
cp_audit_item_set_note (CpAuditItem *self,
                        const char  *note)
{
  g_return_if_fail (CP_IS_AUDIT_ITEM (self));

  if (_cp_replace_text (&self->note, note))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
      _cp_store_mark_dirty_unit (self->store, self, cp_audit_item_save_unit);
    }
}
