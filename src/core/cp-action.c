/* cp-action.c — an action item: who does what by when
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-action"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-action-private.h"
#include "cp-action.h"
#include "cp-date.h"
#include "cp-store-model.h"

struct _CpAction
{
  GObject  parent_instance;

  CpStore *store;
  gint64   id;
  gint64   engagement_id;
  gint64   note_id;
  gint64   phase_id;
  gint64   opportunity_id;
  char    *engagement_title;
  char    *text;
  char    *owner;
  char    *due_on;
  char    *done_on;

  guint    done : 1;
};

G_DEFINE_FINAL_TYPE (CpAction, cp_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_OWNER,
  PROP_DUE_ON,
  PROP_DONE,
  PROP_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CpStoreUnit *
cp_action_save_unit (gpointer object)
{
  CpAction *self = object;
  CpStoreUnit *unit = _cp_store_unit_for (CP_SQL_ACTION_SAVE);

  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, self->text);
  _cp_store_unit_bind_text (unit, self->owner);
  _cp_store_unit_bind_text (unit, self->due_on);
  _cp_store_unit_bind_int64 (unit, self->note_id);
  _cp_store_unit_bind_int64 (unit, self->phase_id);
  _cp_store_unit_bind_int64 (unit, self->opportunity_id);

  return unit;
}

static void
changed (CpAction *self,
         guint     prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _cp_store_mark_dirty_unit (self->store, self, cp_action_save_unit);
}

static void
cp_action_finalize (GObject *object)
{
  CpAction *self = (CpAction *)object;

  g_free (self->engagement_title);
  g_free (self->text);
  g_free (self->owner);
  g_free (self->due_on);
  g_free (self->done_on);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_action_parent_class)->finalize (object);
}

static void
cp_action_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CpAction *self = CP_ACTION (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    case PROP_LINKS:
      g_value_set_int64 (value, self->note_id ^ self->phase_id ^ self->opportunity_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_action_class_init (CpActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_action_finalize;
  object_class->get_property = cp_action_get_property;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", ro);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, "", ro);
  properties[PROP_DUE_ON] = g_param_spec_string ("due-on", NULL, NULL, NULL, ro);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, ro);
  /* Changes when the note, phase or opportunity the action belongs to does. */
  properties[PROP_LINKS] = g_param_spec_int64 ("links", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_action_init (CpAction *self)
{
}

gpointer
_cp_action_new_from_row (CpStore      *store,
                         const CpRow  *row)
{
  CpAction *self = g_object_new (CP_TYPE_ACTION, NULL);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  self->engagement_id = _cp_row_int64 (row, 1);
  self->text = _cp_row_dup (row, 2);
  self->owner = _cp_row_dup (row, 3);
  self->due_on = _cp_row_dup (row, 4);
  self->done = _cp_row_int (row, 5) != 0;
  self->done_on = _cp_row_dup (row, 6);
  self->note_id = _cp_row_int64 (row, 7);
  self->phase_id = _cp_row_int64 (row, 8);
  self->opportunity_id = _cp_row_int64 (row, 9);

  return self;
}

gint64
cp_action_get_id (CpAction *self)
{
  g_return_val_if_fail (CP_IS_ACTION (self), 0);

  return self->id;
}

gint64
cp_action_get_engagement_id (CpAction *self)
{
  g_return_val_if_fail (CP_IS_ACTION (self), 0);

  return self->engagement_id;
}

/**
 * cp_action_get_engagement_title:
 *
 * Returns: the title of the action's engagement, as it was when the
 *   action was read
 */
const char *
cp_action_get_engagement_title (CpAction *self)
{
  g_return_val_if_fail (CP_IS_ACTION (self), NULL);

  return self->engagement_title;
}

static void
set_text (CpAction    *self,
          char       **field,
          guint        prop_id,
          const char  *value)
{
  g_return_if_fail (CP_IS_ACTION (self));

  if (_cp_replace_text (field, value))
    changed (self, prop_id);
}

const char *
cp_action_get_text (CpAction *self)
{
  g_return_val_if_fail (CP_IS_ACTION (self), NULL);

  return self->text;
}

void
cp_action_set_text (CpAction   *self,
                    const char *text)
{
  set_text (self, &self->text, PROP_TEXT, text);
}

const char *
cp_action_get_owner (CpAction *self)
{
  g_return_val_if_fail (CP_IS_ACTION (self), NULL);

  return self->owner;
}

void
cp_action_set_owner (CpAction   *self,
                     const char *owner)
{
  set_text (self, &self->owner, PROP_OWNER, owner);
}

const char *
cp_action_get_due_on (CpAction *self)
{
  g_return_val_if_fail (CP_IS_ACTION (self), NULL);

  return self->due_on;
}

/**
 * cp_action_set_due_on:
 * @date: (nullable): YYYY-MM-DD, or %NULL for no due date
 *
 * Returns: %FALSE, changing nothing, for an invalid date
 */
gboolean
cp_action_set_due_on (CpAction   *self,
                      const char *date)
{
  g_return_val_if_fail (CP_IS_ACTION (self), FALSE);

  if (date != NULL && *date == '\0')
    date = NULL;
  if (date != NULL && !cp_date_is_valid (date))
    return FALSE;

  if (g_strcmp0 (self->due_on, date) != 0)
    {
      g_free (self->due_on);
      self->due_on = g_strdup (date);
      changed (self, PROP_DUE_ON);
    }

  return TRUE;
}

gint64
cp_action_get_note_id (CpAction *self)
{
  g_return_val_if_fail (CP_IS_ACTION (self), 0);

  return self->note_id;
}

void
cp_action_set_note_id (CpAction *self,
                       gint64    note_id)
{
  g_return_if_fail (CP_IS_ACTION (self));

  if (self->note_id != note_id)
    {
      self->note_id = note_id;
      changed (self, PROP_LINKS);
    }
}

gint64
cp_action_get_phase_id (CpAction *self)
{
  g_return_val_if_fail (CP_IS_ACTION (self), 0);

  return self->phase_id;
}

void
cp_action_set_phase_id (CpAction *self,
                        gint64    phase_id)
{
  g_return_if_fail (CP_IS_ACTION (self));

  if (self->phase_id != phase_id)
    {
      self->phase_id = phase_id;
      changed (self, PROP_LINKS);
    }
}

gint64
cp_action_get_opportunity_id (CpAction *self)
{
  g_return_val_if_fail (CP_IS_ACTION (self), 0);

  return self->opportunity_id;
}

/**
 * cp_action_set_opportunity_id:
 * @opportunity_id: the register entry the action comes from, or 0
 */
void
cp_action_set_opportunity_id (CpAction *self,
                              gint64    opportunity_id)
{
  g_return_if_fail (CP_IS_ACTION (self));

  if (self->opportunity_id != opportunity_id)
    {
      self->opportunity_id = opportunity_id;
      changed (self, PROP_LINKS);
    }
}

gboolean
cp_action_get_done (CpAction *self)
{
  g_return_val_if_fail (CP_IS_ACTION (self), FALSE);

  return self->done;
}

/**
 * cp_action_get_done_on:
 *
 * Returns: (nullable): the day the action was done
 */
const char *
cp_action_get_done_on (CpAction *self)
{
  g_return_val_if_fail (CP_IS_ACTION (self), NULL);

  return self->done_on;
}

/**
 * cp_action_set_done:
 *
 * Marks the action done (today) or open again; written at once.
 */
gboolean
cp_action_set_done (CpAction  *self,
                    gboolean   done,
                    GError   **error)
{
  g_autofree char *done_on = NULL;

  g_return_val_if_fail (CP_IS_ACTION (self), FALSE);

  done = !!done;
  if (self->done == (guint) done)
    return TRUE;

  if (!_cp_store_set_flag (self->store, CP_SQL_ACTION_DONE, self->id, done, NULL, &done_on, error))
    return FALSE;

  self->done = done;
  g_free (self->done_on);
  self->done_on = g_steal_pointer (&done_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);

  return TRUE;
}

/**
 * cp_action_is_overdue:
 * @today: YYYY-MM-DD
 *
 * Returns: whether the action is open past its due date
 */
gboolean
cp_action_is_overdue (CpAction   *self,
                      const char *today)
{
  g_return_val_if_fail (CP_IS_ACTION (self), FALSE);

  /* ISO dates compare as strings. */
  return !self->done && self->due_on != NULL && today != NULL && strcmp (self->due_on, today) < 0;
}

/* The title of the engagement it belongs to, for lists across them. */
void
_cp_action_set_engagement_title (CpAction   *self,
                                 const char *title)
{
  g_free (self->engagement_title);
  self->engagement_title = g_strdup (title);
}

/* Soonest due first: no due date goes last; then by date, then in the
 * order written.
 */
int
_cp_action_compare_due (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  CpAction *x = (CpAction *) a;
  CpAction *y = (CpAction *) b;

  if ((x->due_on == NULL) != (y->due_on == NULL))
    return x->due_on == NULL ? 1 : -1;
  if (x->due_on != NULL && strcmp (x->due_on, y->due_on) != 0)
    return strcmp (x->due_on, y->due_on);

  return x->id < y->id ? -1 : x->id > y->id;
}
