/* cp-stakeholder.c — a person with a stake in an engagement
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-stakeholder"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-enums.h"
#include "cp-stakeholder-private.h"
#include "cp-store-model.h"

enum {
  FIELD_NAME,
  FIELD_ROLE,
  FIELD_CONTACT,
  FIELD_NOTE,
  N_FIELDS
};

struct _CpStakeholder
{
  GObject      parent_instance;

  CpStore     *store;
  gint64       id;
  char        *field[N_FIELDS];
  CpStance     stance;
  CpInfluence  influence;
  CpSmoRole    smo_role;
  gboolean     stance_changed;  /* since the last save: its history grows */
  CpPersonRemoved *removed;     /* once removed: what an undo brings back */
  gint64       position;
};

G_DEFINE_FINAL_TYPE (CpStakeholder, cp_stakeholder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_CONTACT,
  PROP_NOTE,
  PROP_STANCE,
  PROP_INFLUENCE,
  PROP_SMO_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
unset_as_empty (const char *nick)
{
  return g_strcmp0 (nick, "unset") == 0 || g_strcmp0 (nick, "none") == 0 ? "" : nick;
}

/* The stakeholder as plain values, borrowed from it. */
void
_cp_stakeholder_get_row (CpStakeholder *self,
                         CpPersonRow   *row)
{
  *row = (CpPersonRow) {
    self->id, self->field[FIELD_NAME], self->field[FIELD_ROLE], self->field[FIELD_CONTACT],
    (char *) unset_as_empty (cp_stance_to_string (self->stance)),
    (char *) unset_as_empty (cp_influence_to_string (self->influence)),
    (char *) unset_as_empty (cp_smo_role_to_string (self->smo_role)),
    self->field[FIELD_NOTE],
  };
}

static CpStoreUnit *
cp_stakeholder_save_unit (gpointer object)
{
  CpStakeholder *self = object;
  CpPersonRow row;
  gboolean changed = self->stance_changed;

  _cp_stakeholder_get_row (self, &row);

  self->stance_changed = FALSE;

  return _cp_store_people_save_unit (&row, changed);
}

static void
mark_dirty (CpStakeholder *self,
            guint          prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _cp_store_mark_dirty_unit (self->store, self, cp_stakeholder_save_unit);
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
  mark_dirty (self, PROP_NAME + index);
}

static void
cp_stakeholder_finalize (GObject *object)
{
  CpStakeholder *self = (CpStakeholder *)object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->field[i]);
  g_clear_pointer (&self->removed, _cp_person_removed_free);
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
    case PROP_NOTE:
      g_value_set_string (value, self->field[prop_id - PROP_NAME]);
      break;
    case PROP_STANCE:
      g_value_set_enum (value, self->stance);
      break;
    case PROP_INFLUENCE:
      g_value_set_enum (value, self->influence);
      break;
    case PROP_SMO_ROLE:
      g_value_set_enum (value, self->smo_role);
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
    case PROP_NOTE:
      set_field (self, prop_id - PROP_NAME, g_value_get_string (value));
      break;
    case PROP_STANCE:
      cp_stakeholder_set_stance (self, g_value_get_enum (value));
      break;
    case PROP_INFLUENCE:
      cp_stakeholder_set_influence (self, g_value_get_enum (value));
      break;
    case PROP_SMO_ROLE:
      cp_stakeholder_set_smo_role (self, g_value_get_enum (value));
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
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw);
  properties[PROP_STANCE] = g_param_spec_enum ("stance", NULL, NULL, CP_TYPE_STANCE, CP_STANCE_UNSET, rw);
  properties[PROP_INFLUENCE] = g_param_spec_enum ("influence", NULL, NULL, CP_TYPE_INFLUENCE,
                                                  CP_INFLUENCE_UNSET, rw);
  properties[PROP_SMO_ROLE] = g_param_spec_enum ("smo-role", NULL, NULL, CP_TYPE_SMO_ROLE,
                                                 CP_SMO_ROLE_NONE, rw);

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
  self->field[FIELD_NOTE] = g_strdup (row->note ? row->note : "");
  self->position = row->position;
  if (row->stance == NULL || !cp_stance_from_string (row->stance, &self->stance))
    self->stance = CP_STANCE_UNSET;
  if (row->influence == NULL || !cp_influence_from_string (row->influence, &self->influence))
    self->influence = CP_INFLUENCE_UNSET;
  if (row->smo_role == NULL || !cp_smo_role_from_string (row->smo_role, &self->smo_role))
    self->smo_role = CP_SMO_ROLE_NONE;

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
FIELD_ACCESSORS (note, FIELD_NOTE)

#undef FIELD_ACCESSORS

CpStance
cp_stakeholder_get_stance (CpStakeholder *self)
{
  g_return_val_if_fail (CP_IS_STAKEHOLDER (self), CP_STANCE_UNSET);

  return self->stance;
}

/**
 * cp_stakeholder_set_stance:
 *
 * Sets where the stakeholder stands now; the change is kept in their
 * history, dated today, when it is saved.
 */
void
cp_stakeholder_set_stance (CpStakeholder *self,
                           CpStance       stance)
{
  g_return_if_fail (CP_IS_STAKEHOLDER (self));
  g_return_if_fail (stance <= CP_STANCE_BLOCKER);

  if (self->stance == stance)
    return;

  self->stance = stance;
  self->stance_changed = TRUE;
  mark_dirty (self, PROP_STANCE);
}

CpInfluence
cp_stakeholder_get_influence (CpStakeholder *self)
{
  g_return_val_if_fail (CP_IS_STAKEHOLDER (self), CP_INFLUENCE_UNSET);

  return self->influence;
}

void
cp_stakeholder_set_influence (CpStakeholder *self,
                              CpInfluence    influence)
{
  g_return_if_fail (CP_IS_STAKEHOLDER (self));
  g_return_if_fail (influence <= CP_INFLUENCE_LOW);

  if (self->influence == influence)
    return;

  self->influence = influence;
  mark_dirty (self, PROP_INFLUENCE);
}

CpSmoRole
cp_stakeholder_get_smo_role (CpStakeholder *self)
{
  g_return_val_if_fail (CP_IS_STAKEHOLDER (self), CP_SMO_ROLE_NONE);

  return self->smo_role;
}

void
cp_stakeholder_set_smo_role (CpStakeholder *self,
                             CpSmoRole      role)
{
  g_return_if_fail (CP_IS_STAKEHOLDER (self));
  g_return_if_fail (role <= CP_SMO_ROLE_IT_LEADER);

  if (self->smo_role == role)
    return;

  self->smo_role = role;
  mark_dirty (self, PROP_SMO_ROLE);
}

static void
stance_change_clear (CpStanceChange *change)
{
  g_clear_pointer (&change->on, g_free);
}

/**
 * cp_stakeholder_dup_stances:
 *
 * The stakeholder's changes of stance as saved, oldest first: where they
 * stood from each day on. Unsaved changes are saved first.
 *
 * Returns: (transfer full) (element-type CpStanceChange) (nullable): the
 *   changes, or %NULL with @error set
 */
GArray *
cp_stakeholder_dup_stances (CpStakeholder  *self,
                            GError        **error)
{
  g_autoptr(GArray) rows = NULL;
  GArray *changes;

  g_return_val_if_fail (CP_IS_STAKEHOLDER (self), NULL);

  if (!cp_store_flush (self->store, error) ||
      !(rows = _cp_store_people_stances (self->store, self->id, error)))
    return NULL;

  changes = g_array_sized_new (FALSE, TRUE, sizeof (CpStanceChange), rows->len);
  g_array_set_clear_func (changes, (GDestroyNotify) stance_change_clear);
  for (guint i = 0; i < rows->len; i++)
    {
      CpStanceRow *row = &g_array_index (rows, CpStanceRow, i);
      CpStanceChange change = { g_strdup (row->on), CP_STANCE_UNSET };

      cp_stance_from_string (row->stance, &change.stance);
      g_array_append_val (changes, change);
    }

  return changes;
}

/**
 * cp_stakeholder_get_stance_on:
 * @stances: (element-type CpStanceChange): from cp_stakeholder_dup_stances()
 * @date: a day, YYYY-MM-DD
 *
 * Returns: where the stakeholder stood on @date, as their history has it;
 *   %CP_STANCE_UNSET before its first change
 */
CpStance
cp_stakeholder_get_stance_on (GArray     *stances,
                              const char *date)
{
  CpStance stance = CP_STANCE_UNSET;

  g_return_val_if_fail (stances != NULL, CP_STANCE_UNSET);
  g_return_val_if_fail (date != NULL, CP_STANCE_UNSET);

  for (guint i = 0; i < stances->len; i++)
    {
      CpStanceChange *change = &g_array_index (stances, CpStanceChange, i);

      if (strncmp (change->on, date, 10) > 0)
        break;
      stance = change->stance;
    }

  return stance;
}

/**
 * cp_stance_get_name:
 *
 * Returns: the stance's translated name
 */
const char *
cp_stance_get_name (CpStance stance)
{
  switch (stance)
    {
    case CP_STANCE_CHAMPION:
      return C_("stance", "Champion");
    case CP_STANCE_SUPPORTER:
      return C_("stance", "Supporter");
    case CP_STANCE_NEUTRAL:
      return C_("stance", "Neutral");
    case CP_STANCE_SCEPTIC:
      return C_("stance", "Sceptic");
    case CP_STANCE_BLOCKER:
      return C_("stance", "Blocker");
    case CP_STANCE_UNSET:
    default:
      return C_("stance", "Not known");
    }
}

/**
 * cp_influence_get_name:
 *
 * Returns: the influence's translated name
 */
const char *
cp_influence_get_name (CpInfluence influence)
{
  switch (influence)
    {
    case CP_INFLUENCE_HIGH:
      return C_("influence", "High");
    case CP_INFLUENCE_MEDIUM:
      return C_("influence", "Medium");
    case CP_INFLUENCE_LOW:
      return C_("influence", "Low");
    case CP_INFLUENCE_UNSET:
    default:
      return C_("influence", "Not known");
    }
}

/**
 * cp_smo_role_get_name:
 *
 * Returns: the role's translated name
 */
const char *
cp_smo_role_get_name (CpSmoRole role)
{
  switch (role)
    {
    case CP_SMO_ROLE_CHAMPION:
      return _("Servant leader or champion");
    case CP_SMO_ROLE_SERVICE_MANAGER:
      return _("Service manager");
    case CP_SMO_ROLE_IT_LEADER:
      return _("Digital and IT leader");
    case CP_SMO_ROLE_NONE:
    default:
      return _("Their own role");
    }
}

/* Where the stakeholder stood from a past day on, as a story has it. */
gboolean
_cp_stakeholder_add_past_stance (CpStakeholder  *self,
                                 const char     *on,
                                 CpStance        stance,
                                 GError        **error)
{
  g_return_val_if_fail (CP_IS_STAKEHOLDER (self), FALSE);
  g_return_val_if_fail (stance != CP_STANCE_UNSET, FALSE);

  return cp_store_flush (self->store, error) &&
         _cp_store_people_add_stance (self->store, self->id, on, cp_stance_to_string (stance), error);
}

/* Keeps what an undo of the stakeholder's removal brings back. */
void
_cp_stakeholder_keep_removed (CpStakeholder   *self,
                              CpPersonRemoved *removed)
{
  g_clear_pointer (&self->removed, _cp_person_removed_free);
  self->removed = removed;
}

CpPersonRemoved *
_cp_stakeholder_get_removed (CpStakeholder *self)
{
  return self->removed;
}

gint64
_cp_stakeholder_get_position (CpStakeholder *self)
{
  return self->position;
}
