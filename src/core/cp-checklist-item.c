/* cp-checklist-item.c — one item of a phase's review checklist
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-checklist-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-checklist-item-private.h"
#include "cp-enums.h"
#include "cp-store-model.h"

struct _CpChecklistItem
{
  GObject       parent_instance;

  CpStore      *store;
  gint64        id;
  char         *text;
  char         *comment;
  char         *done_by;
  char         *done_at;
  CpItemSource  source;
  CpApproach    approach;

  guint         done : 1;
};

G_DEFINE_FINAL_TYPE (CpChecklistItem, cp_checklist_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_COMMENT,
  PROP_DONE,
  PROP_DONE_BY,
  PROP_DONE_AT,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CpStoreUnit *
cp_checklist_item_save_unit (gpointer object)
{
  CpChecklistItem *self = object;
  CpStoreUnit *unit = _cp_store_unit_for (CP_SQL_ITEM_SAVE);

  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, self->text);
  _cp_store_unit_bind_text (unit, self->comment);

  return unit;
}

static void
set_string (CpChecklistItem  *self,
            char            **field,
            guint             prop_id,
            const char       *value)
{
  g_return_if_fail (CP_IS_CHECKLIST_ITEM (self));

  if (value == NULL)
    value = "";
  g_return_if_fail (g_utf8_validate (value, -1, NULL));

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _cp_store_mark_dirty_unit (self->store, self, cp_checklist_item_save_unit);
}

static void
cp_checklist_item_finalize (GObject *object)
{
  CpChecklistItem *self = (CpChecklistItem *)object;

  g_free (self->text);
  g_free (self->comment);
  g_free (self->done_by);
  g_free (self->done_at);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_checklist_item_parent_class)->finalize (object);
}

static void
cp_checklist_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CpChecklistItem *self = CP_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    case PROP_DONE_BY:
      g_value_set_string (value, self->done_by);
      break;
    case PROP_DONE_AT:
      g_value_set_string (value, self->done_at);
      break;
    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_checklist_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CpChecklistItem *self = CP_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      cp_checklist_item_set_text (self, g_value_get_string (value));
      break;
    case PROP_COMMENT:
      cp_checklist_item_set_comment (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_checklist_item_class_init (CpChecklistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_checklist_item_finalize;
  object_class->get_property = cp_checklist_item_get_property;
  object_class->set_property = cp_checklist_item_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", rw);
  properties[PROP_COMMENT] = g_param_spec_string ("comment", NULL, NULL, "", rw);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, ro);
  properties[PROP_DONE_BY] = g_param_spec_string ("done-by", NULL, NULL, NULL, ro);
  properties[PROP_DONE_AT] = g_param_spec_string ("done-at", NULL, NULL, NULL, ro);
  properties[PROP_SOURCE] = g_param_spec_enum ("source", NULL, NULL, CP_TYPE_ITEM_SOURCE,
                                               CP_ITEM_SOURCE_USER, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_checklist_item_init (CpChecklistItem *self)
{
}

CpChecklistItem *
_cp_checklist_item_new_from_row (CpStore     *store,
                                 const CpRow *row)
{
  CpChecklistItem *self = g_object_new (CP_TYPE_CHECKLIST_ITEM, NULL);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  self->text = _cp_row_dup (row, 1);
  cp_item_source_from_string (_cp_row_text (row, 2), &self->source);
  if (!cp_approach_from_string (_cp_row_text (row, 3), &self->approach))
    self->approach = CP_APPROACH_UNDECIDED;
  self->done = _cp_row_int (row, 4) != 0;
  self->done_by = _cp_row_dup (row, 5);
  self->done_at = _cp_row_dup (row, 6);
  self->comment = _cp_row_dup (row, 7);

  return self;
}

gint64
cp_checklist_item_get_id (CpChecklistItem *self)
{
  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (self), 0);

  return self->id;
}

const char *
cp_checklist_item_get_text (CpChecklistItem *self)
{
  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (self), NULL);

  return self->text;
}

void
cp_checklist_item_set_text (CpChecklistItem *self,
                            const char      *text)
{
  set_string (self, &self->text, PROP_TEXT, text);
}

const char *
cp_checklist_item_get_comment (CpChecklistItem *self)
{
  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (self), NULL);

  return self->comment;
}

void
cp_checklist_item_set_comment (CpChecklistItem *self,
                               const char      *comment)
{
  set_string (self, &self->comment, PROP_COMMENT, comment);
}

gboolean
cp_checklist_item_get_done (CpChecklistItem *self)
{
  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (self), FALSE);

  return self->done;
}

/**
 * cp_checklist_item_set_done:
 * @who: (nullable): who ticked it
 *
 * Ticks or unticks the item, recording who did it and when; written at
 * once, not debounced, since a tick is a decision rather than typing.
 */
gboolean
cp_checklist_item_set_done (CpChecklistItem  *self,
                            gboolean          done,
                            const char       *who,
                            GError          **error)
{
  g_autofree char *done_at = NULL;

  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (self), FALSE);

  done = !!done;
  if (self->done == (guint) done)
    return TRUE;

  if (!_cp_store_set_flag (self->store, CP_SQL_ITEM_DONE, self->id, done, who, &done_at, error))
    return FALSE;

  self->done = done;
  g_free (self->done_by);
  self->done_by = done ? g_strdup (who) : NULL;
  g_free (self->done_at);
  self->done_at = g_steal_pointer (&done_at);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_BY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_AT]);

  return TRUE;
}

const char *
cp_checklist_item_get_done_by (CpChecklistItem *self)
{
  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (self), NULL);

  return self->done_by;
}

/**
 * cp_checklist_item_get_done_at:
 *
 * Returns: (nullable): when the item was ticked, as UTC ISO 8601
 */
const char *
cp_checklist_item_get_done_at (CpChecklistItem *self)
{
  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (self), NULL);

  return self->done_at;
}

CpItemSource
cp_checklist_item_get_source (CpChecklistItem *self)
{
  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (self), CP_ITEM_SOURCE_USER);

  return self->source;
}

/**
 * cp_checklist_item_get_approach:
 *
 * Returns: for an approach's risk check, that approach
 */
CpApproach
cp_checklist_item_get_approach (CpChecklistItem *self)
{
  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (self), CP_APPROACH_UNDECIDED);

  return self->approach;
}
