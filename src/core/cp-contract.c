/* cp-contract.c — the three-way contract: the goals, measures and roles
 * that coach, client lead and sponsor agree. Signing freezes a version;
 * a change after that is a new version.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-contract"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store.h"
#include "cp-contract-private.h"
#include "cp-contract.h"
#include "cp-store-model.h"

struct _CpContract
{
  GObject  parent_instance;

  CpStore *store;
  gint64   id;
  guint    version;
  char    *text[CP_CONTRACT_N_TEXTS];
  char    *signed_on;
};

G_DEFINE_FINAL_TYPE (CpContract, cp_contract, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SIGNED_ON,
  PROP_TEXT_FIRST,
  N_PROPS = PROP_TEXT_FIRST + CP_CONTRACT_N_TEXTS
};

static GParamSpec *properties[N_PROPS];

static const char * const text_names[CP_CONTRACT_N_TEXTS] = {
  "goals", "measures", "roles", "coach", "client-lead", "sponsor",
};

static CpStoreUnit *
cp_contract_save_unit (gpointer object)
{
  CpContract *self = object;
  CpStoreUnit *unit = _cp_store_unit_for (CP_SQL_CONTRACT_SAVE);

  _cp_store_unit_bind_int64 (unit, self->id);
  for (guint i = 0; i < CP_CONTRACT_N_TEXTS; i++)
    _cp_store_unit_bind_text (unit, self->text[i]);

  return unit;
}

static void
cp_contract_finalize (GObject *object)
{
  CpContract *self = (CpContract *)object;

  for (guint i = 0; i < CP_CONTRACT_N_TEXTS; i++)
    g_free (self->text[i]);
  g_free (self->signed_on);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_contract_parent_class)->finalize (object);
}

static void
cp_contract_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CpContract *self = CP_CONTRACT (object);

  if (prop_id == PROP_SIGNED_ON)
    g_value_set_string (value, self->signed_on);
  else if (prop_id >= PROP_TEXT_FIRST && prop_id < N_PROPS)
    g_value_set_string (value, self->text[prop_id - PROP_TEXT_FIRST]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cp_contract_class_init (CpContractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_contract_finalize;
  object_class->get_property = cp_contract_get_property;

  properties[PROP_SIGNED_ON] = g_param_spec_string ("signed-on", NULL, NULL, NULL, ro);
  for (guint i = 0; i < CP_CONTRACT_N_TEXTS; i++)
    properties[PROP_TEXT_FIRST + i] = g_param_spec_string (text_names[i], NULL, NULL, "", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_contract_init (CpContract *self)
{
}

gpointer
_cp_contract_new_from_row (CpStore      *store,
                           const CpRow  *row)
{
  CpContract *self = g_object_new (CP_TYPE_CONTRACT, NULL);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  self->version = _cp_row_int (row, 1);
  for (guint i = 0; i < CP_CONTRACT_N_TEXTS; i++)
    self->text[i] = _cp_row_dup (row, 2 + i);
  self->signed_on = _cp_row_dup (row, 2 + CP_CONTRACT_N_TEXTS);

  return self;
}

gint64
_cp_contract_get_id (CpContract *self)
{
  return self->id;
}

/**
 * cp_contract_get_version:
 *
 * Returns: the version, from 1
 */
guint
cp_contract_get_version (CpContract *self)
{
  g_return_val_if_fail (CP_IS_CONTRACT (self), 0);

  return self->version;
}

const char *
cp_contract_get_text (CpContract     *self,
                      CpContractText  field)
{
  g_return_val_if_fail (CP_IS_CONTRACT (self), NULL);
  g_return_val_if_fail (field < CP_CONTRACT_N_TEXTS, NULL);

  return self->text[field];
}

/**
 * cp_contract_set_text:
 *
 * Returns: %FALSE, changing nothing, once the version is signed
 */
gboolean
cp_contract_set_text (CpContract     *self,
                      CpContractText  field,
                      const char     *value)
{
  g_return_val_if_fail (CP_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (field < CP_CONTRACT_N_TEXTS, FALSE);

  if (value == NULL)
    value = "";
  g_return_val_if_fail (g_utf8_validate (value, -1, NULL), FALSE);

  if (self->signed_on != NULL)
    return FALSE;

  if (_cp_replace_text (&self->text[field], value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_FIRST + field]);
      _cp_store_mark_dirty_unit (self->store, self, cp_contract_save_unit);
    }

  return TRUE;
}

gboolean
cp_contract_is_signed (CpContract *self)
{
  g_return_val_if_fail (CP_IS_CONTRACT (self), FALSE);

  return self->signed_on != NULL;
}

/**
 * cp_contract_get_signed_on:
 *
 * Returns: (nullable): the day the three signed, or %NULL for a draft
 */
const char *
cp_contract_get_signed_on (CpContract *self)
{
  g_return_val_if_fail (CP_IS_CONTRACT (self), NULL);

  return self->signed_on;
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

/**
 * cp_contract_sign:
 *
 * Records that coach, client lead and sponsor agreed this version today;
 * from then on it does not change. Needs the goals and all three names.
 */
gboolean
cp_contract_sign (CpContract  *self,
                  GError     **error)
{
  g_autofree char *signed_on = NULL;

  g_return_val_if_fail (CP_IS_CONTRACT (self), FALSE);

  if (self->signed_on != NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("This version is signed already; change it to make a new one"));
      return FALSE;
    }

  if (is_blank (self->text[CP_CONTRACT_GOALS]))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("The contract needs the goals that were agreed"));
      return FALSE;
    }

  if (is_blank (self->text[CP_CONTRACT_COACH]) || is_blank (self->text[CP_CONTRACT_CLIENT_LEAD]) ||
      is_blank (self->text[CP_CONTRACT_SPONSOR]))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("The coach, the client lead and the sponsor all need to be named"));
      return FALSE;
    }

  /* The words typed last go into the version that is signed. */
  if (!cp_store_flush (self->store, error) ||
      !_cp_store_set_flag (self->store, CP_SQL_CONTRACT_SIGN, self->id, TRUE, NULL, &signed_on, error))
    return FALSE;

  if (signed_on == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("This version is signed already; change it to make a new one"));
      return FALSE;
    }

  self->signed_on = g_steal_pointer (&signed_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_ON]);

  return TRUE;
}
