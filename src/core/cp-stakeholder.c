/* cp-stakeholder.c — a person with a stake in an engagement
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-stakeholder"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-stakeholder-private.h"
#include "cp-store-model.h"

enum {
  FIELD_NAME,
  FIELD_ROLE,
  FIELD_CONTACT,
  N_FIELDS
};

struct _CpStakeholder
{
  GObject  parent_instance;

  CpStore *store;
  gint64   id;
  char    *field[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (CpStakeholder, cp_stakeholder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_CONTACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CpStoreUnit *
cp_stakeholder_save_unit (gpointer object)
{
  CpStakeholder *self = object;

  return _cp_store_people_save_unit (self->id, self->field[FIELD_NAME], self->field[FIELD_ROLE],
                                     self->field[FIELD_CONTACT]);
}

static void
set_field (CpStakeholder *self,
           guint          index,
           const char    *value)
{
  g_return_if_fail (CP_IS_STAKEHOLDER (self));
  g_return_if_fail (index < N_FIELDS);

  if (value == NULL)
    value = "";

  g_return_if_fail (g_utf8_validate (value, -1, NULL));

  if (g_strcmp0 (self->field[index], value) == 0)
    return;

  g_free (self->field[index]);
  self->field[index] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME + index]);
  _cp_store_mark_dirty_unit (self->store, self, cp_stakeholder_save_unit);
}

static void
cp_stakeholder_finalize (GObject *object)
{
  CpStakeholder *self = (CpStakeholder *)object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->field[i]);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_stakeholder_parent_class)->finalize (object);
}

static void
cp_stakeholder_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CpStakeholder *self = CP_STAKEHOLDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
    case PROP_ROLE:
    case PROP_CONTACT:
      g_value_set_string (value, self->field[prop_id - PROP_NAME]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_stakeholder_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CpStakeholder *self = CP_STAKEHOLDER (object);

  switch (prop_id)
    {
    case PROP_NAME:
    case PROP_ROLE:
    case PROP_CONTACT:
      set_field (self, prop_id - PROP_NAME, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_stakeholder_class_init (CpStakeholderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_stakeholder_finalize;
  object_class->get_property = cp_stakeholder_get_property;
  object_class->set_property = cp_stakeholder_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, "", rw);
  properties[PROP_CONTACT] = g_param_spec_string ("contact", NULL, NULL, "", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_stakeholder_init (CpStakeholder *self)
{
}

/* A stakeholder as the store read it. */
CpStakeholder *
_cp_stakeholder_new (CpStore           *store,
                     const CpPersonRow *row)
{
  CpStakeholder *self = g_object_new (CP_TYPE_STAKEHOLDER, NULL);

  self->store = g_object_ref (store);
  self->id = row->id;
  self->field[FIELD_NAME] = g_strdup (row->name ? row->name : "");
  self->field[FIELD_ROLE] = g_strdup (row->role ? row->role : "");
  self->field[FIELD_CONTACT] = g_strdup (row->contact ? row->contact : "");

  return self;
}

gint64
cp_stakeholder_get_id (CpStakeholder *self)
{
  g_return_val_if_fail (CP_IS_STAKEHOLDER (self), 0);

  return self->id;
}

#define FIELD_ACCESSORS(name, INDEX)                                  \
  const char *                                                        \
  cp_stakeholder_get_##name (CpStakeholder *self)                     \
  {                                                                   \
    g_return_val_if_fail (CP_IS_STAKEHOLDER (self), NULL);            \
    return self->field[INDEX];                                        \
  }                                                                   \
  void                                                                \
  cp_stakeholder_set_##name (CpStakeholder *self,                     \
                             const char    *value)                    \
  {                                                                   \
    set_field (self, INDEX, value);                                   \
  }

FIELD_ACCESSORS (name, FIELD_NAME)
FIELD_ACCESSORS (role, FIELD_ROLE)
FIELD_ACCESSORS (contact, FIELD_CONTACT)

#undef FIELD_ACCESSORS
