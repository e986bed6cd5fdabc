/* cp-workstream.c — a process or workstream, and who leads it
 *
 * The coach's aim is to leave: each workstream moves from the coach
 * leading, to staff leading with the coach's support, to staff alone.
 * Every move is kept with its date. A workstream also names the role
 * staff must hold when the coach has gone, who holds it, and the
 * certification path to it, a Markdown task list whose ticks are its
 * progress.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-workstream"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store.h"
#include "cp-engagement.h"
#include "cp-enums.h"
#include "cp-store-model.h"
#include "cp-workstream-private.h"
#include "cp-workstream.h"

struct _CpWorkstream
{
  GObject  parent_instance;

  CpStore *store;
  gint64   id;
  char    *name;
  char    *owner;
  CpStage  stage;
  char    *role;
  char    *holder;
  char    *certification;
};

G_DEFINE_FINAL_TYPE (CpWorkstream, cp_workstream, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_OWNER,
  PROP_STAGE,
  PROP_ROLE,
  PROP_HOLDER,
  PROP_CERTIFICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CpStoreUnit *
cp_workstream_save_unit (gpointer object)
{
  CpWorkstream *self = object;
  CpStoreUnit *unit = _cp_store_unit_for (CP_SQL_WORKSTREAM_SAVE);

  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, self->name);
  _cp_store_unit_bind_text (unit, self->owner);
  _cp_store_unit_bind_text (unit, self->role);
  _cp_store_unit_bind_text (unit, self->holder);
  _cp_store_unit_bind_text (unit, self->certification);

  return unit;
}

static void
cp_workstream_finalize (GObject *object)
{
  CpWorkstream *self = (CpWorkstream *)object;

  g_free (self->name);
  g_free (self->owner);
  g_free (self->role);
  g_free (self->holder);
  g_free (self->certification);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_workstream_parent_class)->finalize (object);
}

static void
cp_workstream_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CpWorkstream *self = CP_WORKSTREAM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_HOLDER:
      g_value_set_string (value, self->holder);
      break;
    case PROP_CERTIFICATION:
      g_value_set_string (value, self->certification);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_workstream_class_init (CpWorkstreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_workstream_finalize;
  object_class->get_property = cp_workstream_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", ro);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, "", ro);
  properties[PROP_STAGE] = g_param_spec_enum ("stage", NULL, NULL, CP_TYPE_STAGE,
                                              CP_STAGE_COACH_LEADS, ro);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, "", ro);
  properties[PROP_HOLDER] = g_param_spec_string ("holder", NULL, NULL, "", ro);
  properties[PROP_CERTIFICATION] = g_param_spec_string ("certification", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_workstream_init (CpWorkstream *self)
{
}

gpointer
_cp_workstream_new_from_row (CpStore      *store,
                             const CpRow  *row)
{
  CpWorkstream *self = g_object_new (CP_TYPE_WORKSTREAM, NULL);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  self->name = _cp_row_dup (row, 1);
  self->owner = _cp_row_dup (row, 2);
  cp_stage_from_string (_cp_row_text (row, 3), &self->stage);
  self->role = _cp_row_dup (row, 4);
  self->holder = _cp_row_dup (row, 5);
  self->certification = _cp_row_dup (row, 6);

  return self;
}

/**
 * cp_stage_get_share:
 *
 * Returns: how far a stage is along the way to staff alone, 0 to 1
 */
double
cp_stage_get_share (CpStage stage)
{
  return (double) stage / CP_STAGE_STAFF_ALONE;
}

gint64
cp_workstream_get_id (CpWorkstream *self)
{
  g_return_val_if_fail (CP_IS_WORKSTREAM (self), 0);

  return self->id;
}

static void
set_text (CpWorkstream  *self,
          char         **field,
          guint          prop_id,
          const char    *value)
{
  g_return_if_fail (CP_IS_WORKSTREAM (self));

  if (_cp_replace_text (field, value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
      _cp_store_mark_dirty_unit (self->store, self, cp_workstream_save_unit);
    }
}

const char *
cp_workstream_get_name (CpWorkstream *self)
{
  g_return_val_if_fail (CP_IS_WORKSTREAM (self), NULL);

  return self->name;
}

void
cp_workstream_set_name (CpWorkstream *self,
                        const char   *name)
{
  set_text (self, &self->name, PROP_NAME, name);
}

const char *
cp_workstream_get_owner (CpWorkstream *self)
{
  g_return_val_if_fail (CP_IS_WORKSTREAM (self), NULL);

  return self->owner;
}

/**
 * cp_workstream_set_owner:
 * @owner: the process owner on the client's side
 */
void
cp_workstream_set_owner (CpWorkstream *self,
                         const char   *owner)
{
  set_text (self, &self->owner, PROP_OWNER, owner);
}

const char *
cp_workstream_get_role (CpWorkstream *self)
{
  g_return_val_if_fail (CP_IS_WORKSTREAM (self), NULL);

  return self->role;
}

/**
 * cp_workstream_set_role:
 * @role: the role staff must hold when the coach leaves, as "Change manager"
 */
void
cp_workstream_set_role (CpWorkstream *self,
                        const char   *role)
{
  set_text (self, &self->role, PROP_ROLE, role);
}

const char *
cp_workstream_get_holder (CpWorkstream *self)
{
  g_return_val_if_fail (CP_IS_WORKSTREAM (self), NULL);

  return self->holder;
}

/**
 * cp_workstream_set_holder:
 * @holder: who on the client's staff holds the role; "" for no one yet
 */
void
cp_workstream_set_holder (CpWorkstream *self,
                          const char   *holder)
{
  set_text (self, &self->holder, PROP_HOLDER, holder);
}

const char *
cp_workstream_get_certification (CpWorkstream *self)
{
  g_return_val_if_fail (CP_IS_WORKSTREAM (self), NULL);

  return self->certification;
}

/**
 * cp_workstream_set_certification:
 * @certification: the certification path to the role, a Markdown list,
 *   a step a line; "- [x] …" for a step done
 */
void
cp_workstream_set_certification (CpWorkstream *self,
                                 const char   *certification)
{
  set_text (self, &self->certification, PROP_CERTIFICATION, certification);
}

/**
 * cp_certification_count:
 * @path: a certification path: each line that starts with "-", "*" or
 *   "+" is a step, done when a "[x]" follows
 * @done: (out): the steps done
 *
 * Returns: the steps of @path
 */
guint
cp_certification_count (const char *path,
                        guint      *done)
{
  g_auto(GStrv) lines = g_strsplit (path ? path : "", "\n", -1);
  guint steps = 0;

  *done = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == ' ' || *line == '\t')
        line++;
      if (*line != '-' && *line != '*' && *line != '+')
        continue;
      line++;
      while (*line == ' ')
        line++;
      if (*line == '\0')
        continue;
      steps++;
      if (g_str_has_prefix (line, "[x]") || g_str_has_prefix (line, "[X]"))
        (*done)++;
    }

  return steps;
}

CpStage
cp_workstream_get_stage (CpWorkstream *self)
{
  g_return_val_if_fail (CP_IS_WORKSTREAM (self), CP_STAGE_COACH_LEADS);

  return self->stage;
}

/**
 * cp_workstream_set_stage:
 * @date: (nullable): when the lead changed, YYYY-MM-DD; %NULL for today
 *
 * Records a handover, at once and in the workstream's history.
 */
gboolean
cp_workstream_set_stage (CpWorkstream  *self,
                         CpStage        stage,
                         const char    *date,
                         GError       **error)
{
  CpStoreUnit *unit;

  g_return_val_if_fail (CP_IS_WORKSTREAM (self), FALSE);
  g_return_val_if_fail (stage <= CP_STAGE_STAFF_ALONE, FALSE);

  if (date != NULL && !cp_date_is_valid (date))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("A handover needs a valid date"));
      return FALSE;
    }

  if (stage == self->stage)
    return TRUE;

  unit = _cp_store_unit_for (CP_SQL_WORKSTREAM_STAGE);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, cp_stage_to_string (stage));
  _cp_store_unit_then (unit, CP_SQL_HANDOVER_ADD);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, cp_stage_to_string (stage));
  _cp_store_unit_bind_text (unit, date);

  if (!_cp_store_write (self->store, unit, error))
    return FALSE;

  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);

  return TRUE;
}

static void
handover_clear (gpointer data)
{
  g_free (((CpHandover *) data)->date);
}

/**
 * cp_workstream_dup_history:
 *
 * Returns: (transfer full) (element-type CpHandover) (nullable): the
 *   handovers, oldest first
 */
GArray *
cp_workstream_dup_history (CpWorkstream  *self,
                           GError       **error)
{
  g_autoptr(GArray) history = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CP_IS_WORKSTREAM (self), NULL);

  if (!(rows = _cp_store_query (self->store, CP_SQL_HANDOVERS, self->id, error)))
    return NULL;

  history = g_array_new (FALSE, FALSE, sizeof (CpHandover));
  g_array_set_clear_func (history, handover_clear);

  for (guint i = 0; i < rows->len; i++)
    {
      const CpRow *row = _cp_rows_get (rows, i);
      CpHandover h = { 0 };

      cp_stage_from_string (_cp_row_text (row, 0), &h.stage);
      h.date = _cp_row_dup (row, 1);
      g_array_append_val (history, h);
    }

  return g_steal_pointer (&history);
}

/**
 * cp_stage_get_label:
 *
 * Returns: the translated label
 */
const char *
cp_stage_get_label (CpStage stage)
{
  switch (stage)
    {
    case CP_STAGE_STAFF_WITH_COACH:
      return _("Staff with coach");
    case CP_STAGE_STAFF_ALONE:
      return _("Staff alone");
    case CP_STAGE_COACH_LEADS:
    default:
      return _("Coach leads");
    }
}
