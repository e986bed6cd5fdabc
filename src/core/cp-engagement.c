/* cp-engagement.c — one coaching engagement with a client organisation
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-engagement"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cp-cycle-private.h"
#include "cp-cycle.h"
#include "cp-engagement-private.h"
#include "cp-enums.h"
#include "cp-stakeholder-private.h"
#include "cp-store-model.h"

G_DEFINE_FINAL_TYPE (CpEngagement, cp_engagement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_CLIENT,
  PROP_SPONSOR,
  PROP_COACH,
  PROP_SCOPE,
  PROP_APPROACH,
  PROP_DRIVER,
  PROP_STATUS,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_TRASHED,
  N_PROPS
};

#define TEXT_PROP(index) (PROP_TITLE + (index))

static GParamSpec *properties[N_PROPS];

/* Once its save is committed: when it was saved, and the approach it was
 * saved with, which the history and the latest cycle now hold too.
 */
static void
cp_engagement_saved (gpointer     object,
                     const CpRow *returned)
{
  CpEngagement *self = object;
  CpApproach approach;

  if (returned == NULL)
    return;

  g_free (self->updated);
  self->updated = _cp_row_dup (returned, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);

  if (cp_approach_from_string (_cp_row_text (returned, 1), &approach) &&
      approach != self->saved_approach)
    {
      CpCycle *current = self->cycles ? cp_engagement_get_current_cycle (self) : NULL;

      self->saved_approach = approach;
      g_clear_pointer (&self->approach_reason, g_free);
      if (current != NULL)
        _cp_cycle_set_approach (current, approach);
    }

  /* Lists re-sort and re-filter once the edit is on disk, not at every
   * keystroke; their rows show the live object meanwhile.
   */
  if (self->moved)
    {
      self->moved = FALSE;
      _cp_store_engagements_changed (self->store);
    }
}

/* The engagement as it is now, as a unit of work: a new approach goes
 * into the history first.
 */
static CpStoreUnit *
cp_engagement_save_unit (gpointer object)
{
  CpEngagement *self = object;
  CpStoreUnit *unit = _cp_store_unit_new (_("Could not save the engagement"), cp_engagement_saved);

  /* A trashed engagement keeps the words it had. */
  if (self->trashed)
    return unit;

  if (self->approach != self->saved_approach)
    _cp_engagement_add_approach_change (self, unit, self->saved_approach, self->approach,
                                        self->approach_reason);

  _cp_store_unit_then (unit, CP_SQL_ENGAGEMENT_SAVE);
  _cp_store_unit_bind_int64 (unit, self->id);
  for (guint i = 0; i < N_TEXTS; i++)
    _cp_store_unit_bind_text (unit, self->text[i]);
  _cp_store_unit_bind_text (unit, cp_approach_to_string (self->approach));
  _cp_store_unit_bind_text (unit, cp_driver_to_string (self->driver));
  _cp_store_unit_bind_text (unit, cp_status_to_string (self->status));
  _cp_store_unit_bind_text (unit, self->start_date);
  _cp_store_unit_bind_text (unit, self->end_date);

  return unit;
}

static void
changed (CpEngagement *self,
         guint         prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _cp_store_mark_dirty_unit (self->store, self, cp_engagement_save_unit);

  /* These may move the engagement in or out of a filtered list. */
  if (prop_id == PROP_TITLE || prop_id == PROP_CLIENT || prop_id == PROP_SPONSOR ||
      prop_id == PROP_COACH || prop_id == PROP_STATUS)
    self->moved = TRUE;
}

static void
set_text (CpEngagement *self,
          guint         index,
          const char   *value)
{
  g_return_if_fail (CP_IS_ENGAGEMENT (self));
  g_return_if_fail (index < N_TEXTS);

  if (value == NULL)
    value = "";

  g_return_if_fail (g_utf8_validate (value, -1, NULL));

  if (g_strcmp0 (self->text[index], value) == 0)
    return;

  g_free (self->text[index]);
  self->text[index] = g_strdup (value);
  changed (self, TEXT_PROP (index));
}

static gboolean
set_date (CpEngagement  *self,
          char         **field,
          guint          prop_id,
          const char    *date)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);

  if (date != NULL && *date == '\0')
    date = NULL;

  if (date != NULL && !cp_date_is_valid (date))
    return FALSE;

  if (g_strcmp0 (*field, date) != 0)
    {
      g_free (*field);
      *field = g_strdup (date);
      changed (self, prop_id);
    }

  return TRUE;
}

static void
cp_engagement_finalize (GObject *object)
{
  CpEngagement *self = (CpEngagement *)object;

  _cp_store_forget_engagement (self->store, self);

  for (guint i = 0; i < N_TEXTS; i++)
    g_free (self->text[i]);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->created);
  g_free (self->updated);
  g_free (self->uuid);
  g_clear_object (&self->stakeholders);
  g_clear_object (&self->cycles);
  g_clear_object (&self->notes);
  g_clear_object (&self->sessions);
  g_clear_object (&self->goals);
  g_clear_object (&self->maturity);
  g_clear_object (&self->workstreams);
  g_clear_object (&self->actions);
  g_clear_object (&self->opportunities);
  g_clear_object (&self->contracts);
  g_clear_object (&self->exit_items);
  g_clear_object (&self->mentorings);
  g_clear_object (&self->audit_items);
  g_free (self->approach_reason);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_engagement_parent_class)->finalize (object);
}

static void
cp_engagement_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CpEngagement *self = CP_ENGAGEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
    case PROP_CLIENT:
    case PROP_SPONSOR:
    case PROP_COACH:
    case PROP_SCOPE:
      g_value_set_string (value, self->text[prop_id - PROP_TITLE]);
      break;
    case PROP_APPROACH:
      g_value_set_enum (value, self->approach);
      break;
    case PROP_DRIVER:
      g_value_set_enum (value, self->driver);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;
    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_string (value, self->updated);
      break;
    case PROP_TRASHED:
      g_value_set_boolean (value, self->trashed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_engagement_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CpEngagement *self = CP_ENGAGEMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
    case PROP_CLIENT:
    case PROP_SPONSOR:
    case PROP_COACH:
    case PROP_SCOPE:
      set_text (self, prop_id - PROP_TITLE, g_value_get_string (value));
      break;
    case PROP_APPROACH:
      cp_engagement_set_approach (self, g_value_get_enum (value));
      break;
    case PROP_DRIVER:
      cp_engagement_set_driver (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      cp_engagement_set_status (self, g_value_get_enum (value));
      break;
    case PROP_START_DATE:
      cp_engagement_set_start_date (self, g_value_get_string (value));
      break;
    case PROP_END_DATE:
      cp_engagement_set_end_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_engagement_class_init (CpEngagementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  static const char * const text_names[N_TEXTS] = {
    "title", "client", "sponsor", "coach", "scope",
  };

  object_class->finalize = cp_engagement_finalize;
  object_class->get_property = cp_engagement_get_property;
  object_class->set_property = cp_engagement_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  for (guint i = 0; i < N_TEXTS; i++)
    properties[TEXT_PROP (i)] = g_param_spec_string (text_names[i], NULL, NULL, "", rw);
  properties[PROP_APPROACH] =
    g_param_spec_enum ("approach", NULL, NULL, CP_TYPE_APPROACH, CP_APPROACH_UNDECIDED, rw);
  properties[PROP_DRIVER] =
    g_param_spec_enum ("driver", NULL, NULL, CP_TYPE_DRIVER, CP_DRIVER_UNDECIDED, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CP_TYPE_STATUS, CP_STATUS_PLANNED, rw);
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, NULL, rw);
  properties[PROP_END_DATE] = g_param_spec_string ("end-date", NULL, NULL, NULL, rw);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, NULL, ro);
  properties[PROP_TRASHED] = g_param_spec_boolean ("trashed", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_engagement_init (CpEngagement *self)
{
}

CpEngagement *
_cp_engagement_new_from_row (CpStore      *store,
                             const CpRow  *row)
{
  CpEngagement *self = g_object_new (CP_TYPE_ENGAGEMENT, NULL);
  g_autofree char *approach = NULL;
  g_autofree char *driver = NULL;
  g_autofree char *status = NULL;

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  for (guint i = 0; i < TEXT_SCOPE; i++)
    self->text[i] = _cp_row_dup (row, 1 + i);
  self->text[TEXT_SCOPE] = _cp_row_dup (row, 7);

  /* The schema's CHECK constraints keep these valid; unknown words would
   * mean a newer writer, which the store refuses earlier.
   */
  cp_approach_from_string (_cp_row_text (row, 5), &self->approach);
  cp_driver_from_string (_cp_row_text (row, 6), &self->driver);
  cp_status_from_string (_cp_row_text (row, 8), &self->status);
  self->saved_approach = self->approach;

  self->start_date = _cp_row_dup (row, 9);
  self->end_date = _cp_row_dup (row, 10);
  self->created = _cp_row_dup (row, 11);
  self->updated = _cp_row_dup (row, 12);

  return self;
}

void
_cp_engagement_set_trashed (CpEngagement *self,
                            gboolean      trashed)
{
  if (self->trashed == !!trashed)
    return;

  self->trashed = !!trashed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRASHED]);
}

gint64
cp_engagement_get_id (CpEngagement *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), 0);

  return self->id;
}

/**
 * cp_engagement_get_store:
 *
 * Returns: (transfer none): the store the engagement lives in
 */
CpStore *
cp_engagement_get_store (CpEngagement *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return self->store;
}

#define TEXT_ACCESSORS(name, INDEX)                                   \
  const char *                                                        \
  cp_engagement_get_##name (CpEngagement *self)                       \
  {                                                                   \
    g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);             \
    return self->text[INDEX];                                         \
  }                                                                   \
  void                                                                \
  cp_engagement_set_##name (CpEngagement *self,                       \
                            const char   *value)                      \
  {                                                                   \
    set_text (self, INDEX, value);                                    \
  }

TEXT_ACCESSORS (title, TEXT_TITLE)
TEXT_ACCESSORS (client, TEXT_CLIENT)
TEXT_ACCESSORS (sponsor, TEXT_SPONSOR)
TEXT_ACCESSORS (coach, TEXT_COACH)
TEXT_ACCESSORS (scope, TEXT_SCOPE)

#undef TEXT_ACCESSORS

/* Once a unit of work that changed the approach is committed: the
 * engagement shows it, as saved.
 */
void
_cp_engagement_approach_saved (CpEngagement *self,
                               CpApproach    approach,
                               const char   *updated)
{
  self->saved_approach = approach;
  g_clear_pointer (&self->approach_reason, g_free);
  if (updated != NULL)
    {
      g_free (self->updated);
      self->updated = g_strdup (updated);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
    }

  if (self->approach != approach)
    {
      self->approach = approach;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPROACH]);
    }
}

/**
 * cp_engagement_dup_uuid:
 *
 * Returns: (transfer full) (nullable): the engagement's stable id, the
 *   same in every database and folder it is copied to
 */
char *
cp_engagement_dup_uuid (CpEngagement  *self,
                        GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  if (self->uuid != NULL)
    return g_strdup (self->uuid);

  if (!(rows = _cp_store_query (self->store, CP_SQL_ENGAGEMENT_UUID, self->id, error)))
    return NULL;

  self->uuid = rows->len > 0 ? _cp_row_dup (_cp_rows_get (rows, 0), 0) : NULL;

  return g_strdup (self->uuid);
}

/**
 * cp_store_find_engagement_by_uuid:
 *
 * Returns: the number of the engagement with the stable id @uuid, or 0
 */
gint64
cp_store_find_engagement_by_uuid (CpStore    *store,
                                  const char *uuid)
{
  g_autoptr(GPtrArray) rows = _cp_store_query_text (store, CP_SQL_ENGAGEMENT_BY_UUID, uuid, NULL);

  return rows != NULL && rows->len > 0 ? _cp_row_int64 (_cp_rows_get (rows, 0), 0) : 0;
}

CpApproach
cp_engagement_get_approach (CpEngagement *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), CP_APPROACH_UNDECIDED);

  return self->approach;
}

void
cp_engagement_set_approach (CpEngagement *self,
                            CpApproach    approach)
{
  g_return_if_fail (CP_IS_ENGAGEMENT (self));
  g_return_if_fail (approach <= CP_APPROACH_COACHED);

  if (self->approach != approach)
    {
      self->approach = approach;
      changed (self, PROP_APPROACH);
    }
}

CpDriver
cp_engagement_get_driver (CpEngagement *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), CP_DRIVER_UNDECIDED);

  return self->driver;
}

void
cp_engagement_set_driver (CpEngagement *self,
                          CpDriver      driver)
{
  g_return_if_fail (CP_IS_ENGAGEMENT (self));
  g_return_if_fail (driver <= CP_DRIVER_OPERATIONAL);

  if (self->driver != driver)
    {
      self->driver = driver;
      changed (self, PROP_DRIVER);
    }
}

CpStatus
cp_engagement_get_status (CpEngagement *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), CP_STATUS_PLANNED);

  return self->status;
}

void
cp_engagement_set_status (CpEngagement *self,
                          CpStatus      status)
{
  g_return_if_fail (CP_IS_ENGAGEMENT (self));
  g_return_if_fail (status <= CP_STATUS_CLOSED);

  if (self->status != status)
    {
      self->status = status;
      changed (self, PROP_STATUS);
    }
}

const char *
cp_engagement_get_start_date (CpEngagement *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return self->start_date;
}

/**
 * cp_engagement_set_start_date:
 * @date: (nullable): YYYY-MM-DD, or %NULL or "" for none
 *
 * Returns: %FALSE, changing nothing, when @date is not a calendar date
 */
gboolean
cp_engagement_set_start_date (CpEngagement *self,
                              const char   *date)
{
  return set_date (self, &self->start_date, PROP_START_DATE, date);
}

const char *
cp_engagement_get_end_date (CpEngagement *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return self->end_date;
}

gboolean
cp_engagement_set_end_date (CpEngagement *self,
                            const char   *date)
{
  return set_date (self, &self->end_date, PROP_END_DATE, date);
}

const char *
cp_engagement_get_created (CpEngagement *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return self->created;
}

const char *
cp_engagement_get_updated (CpEngagement *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return self->updated;
}

gboolean
cp_engagement_get_trashed (CpEngagement *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);

  return self->trashed;
}

/**
 * cp_engagement_get_stakeholders:
 *
 * Loads the stakeholders on first use; later calls return the same list,
 * which cp_engagement_add_stakeholder() and
 * cp_engagement_remove_stakeholder() keep current.
 *
 * Returns: (transfer none) (nullable): a list of #CpStakeholder, or
 *   %NULL with @error set
 */
GListModel *
cp_engagement_get_stakeholders (CpEngagement  *self,
                                GError       **error)
{
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  if (self->stakeholders != NULL)
    return G_LIST_MODEL (self->stakeholders);

  if (!(rows = _cp_store_people_load (self->store, self->id, error)))
    return NULL;

  self->stakeholders = g_list_store_new (CP_TYPE_STAKEHOLDER);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(CpStakeholder) person = _cp_stakeholder_new (self->store,
                                                             &g_array_index (rows, CpPersonRow, i));
      g_list_store_append (self->stakeholders, person);
    }

  return G_LIST_MODEL (self->stakeholders);
}

/**
 * cp_engagement_add_stakeholder:
 *
 * Returns: (transfer full) (nullable): the new stakeholder, at the end of
 *   the list
 */
CpStakeholder *
cp_engagement_add_stakeholder (CpEngagement  *self,
                               const char    *name,
                               const char    *role,
                               const char    *contact,
                               GError       **error)
{
  CpPersonRow added = { 0 };
  CpStakeholder *stakeholder;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  if (!cp_engagement_get_stakeholders (self, error) ||
      !_cp_store_people_add (self->store, self->id, name, role, contact, &added, error))
    return NULL;

  /* The model changes once the row is committed. */
  stakeholder = _cp_stakeholder_new (self->store, &added);
  _cp_person_row_clear (&added);
  g_list_store_append (self->stakeholders, stakeholder);

  return stakeholder;
}

gboolean
cp_engagement_remove_stakeholder (CpEngagement   *self,
                                  CpStakeholder  *stakeholder,
                                  GError        **error)
{
  guint position;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);
  g_return_val_if_fail (CP_IS_STAKEHOLDER (stakeholder), FALSE);

  if (self->stakeholders == NULL ||
      !g_list_store_find (self->stakeholders, stakeholder, &position))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("That person is not a stakeholder of this engagement"));
      return FALSE;
    }

  {
    CpPersonRemoved *removed = NULL;

    /* Its unsaved changes first, so that an undo brings back the latest. */
    if (!cp_store_flush (self->store, error) ||
        !_cp_store_people_remove (self->store, cp_stakeholder_get_id (stakeholder), &removed, error))
      return FALSE;
    _cp_stakeholder_keep_removed (stakeholder, removed);
  }

  _cp_store_forget_dirty (self->store, stakeholder);
  g_list_store_remove (self->stakeholders, position);

  return TRUE;
}

/**
 * cp_engagement_restore_stakeholder:
 * @removed: a stakeholder cp_engagement_remove_stakeholder() removed
 *
 * Brings @removed back as they were: their place in the list, their id,
 * stance, history, note and the sessions they attended that are still
 * there. One unit of work.
 *
 * Returns: (transfer full) (nullable): the stakeholder, back
 */
CpStakeholder *
cp_engagement_restore_stakeholder (CpEngagement   *self,
                                   CpStakeholder  *removed,
                                   GError        **error)
{
  g_auto(CpPersonRow) added = { 0 };
  CpStakeholder *stakeholder;
  CpPersonRow row;
  GListModel *list;
  guint position = 0;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);
  g_return_val_if_fail (CP_IS_STAKEHOLDER (removed), NULL);

  if (_cp_stakeholder_get_removed (removed) == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("That stakeholder was not removed"));
      return NULL;
    }

  if (!(list = cp_engagement_get_stakeholders (self, error)))
    return NULL;

  _cp_stakeholder_get_row (removed, &row);
  if (!_cp_store_people_restore (self->store, self->id, &row, _cp_stakeholder_get_removed (removed),
                                 &added, error))
    return NULL;
  _cp_stakeholder_keep_removed (removed, NULL);

  stakeholder = _cp_stakeholder_new (self->store, &added);
  /* Back in its place, among those listed by position. */
  while (position < g_list_model_get_n_items (list))
    {
      g_autoptr(CpStakeholder) other = g_list_model_get_item (list, position);

      if (_cp_stakeholder_get_position (other) > _cp_stakeholder_get_position (stakeholder))
        break;
      position++;
    }
  g_list_store_insert (self->stakeholders, position, stakeholder);

  return stakeholder;
}
