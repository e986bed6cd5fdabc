/* cp-opportunity.c — an improvement opportunity in the CSI register
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-opportunity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-enums.h"
#include "cp-opportunity-private.h"
#include "cp-opportunity.h"
#include "cp-store-model.h"

struct _CpOpportunity
{
  GObject              parent_instance;

  CpStore             *store;
  gint64               id;
  gint64               phase_id;
  guint                number;
  char                *raised_on;
  char                *required_by;
  char                *text[CP_OPPORTUNITY_N_TEXTS];
  CpSize               size;
  CpPriority           priority;
  CpOpportunityStatus  status;
};

G_DEFINE_FINAL_TYPE (CpOpportunity, cp_opportunity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_RAISED_ON,
  PROP_REQUIRED_BY,
  PROP_SIZE,
  PROP_PRIORITY,
  PROP_STATUS,
  PROP_PHASE_ID,
  PROP_TEXT_FIRST,
  N_PROPS = PROP_TEXT_FIRST + CP_OPPORTUNITY_N_TEXTS
};

static GParamSpec *properties[N_PROPS];

/* The text fields' properties and columns, in CpOpportunityText order. */
static const char * const text_names[CP_OPPORTUNITY_N_TEXTS] = {
  "description", "timescale", "kpi", "justification", "raised-by", "actioned-by",
};

/**
 * cp_size_get_label:
 *
 * Returns: the size as people read it, translated
 */
const char *
cp_size_get_label (CpSize size)
{
  static const char * const labels[] = { N_("Small"), N_("Medium"), N_("Large") };

  g_return_val_if_fail (size < G_N_ELEMENTS (labels), "");

  return _(labels[size]);
}

const char *
cp_priority_get_label (CpPriority priority)
{
  /* Translators: priorities of an improvement opportunity. */
  static const char * const labels[] = { N_("Low"), N_("Normal"), N_("High") };

  g_return_val_if_fail (priority < G_N_ELEMENTS (labels), "");

  return _(labels[priority]);
}

const char *
cp_opportunity_status_get_label (CpOpportunityStatus status)
{
  static const char * const labels[] = {
    N_("Raised"), N_("Approved"), N_("In progress"), N_("Done"), N_("Rejected"),
  };

  g_return_val_if_fail (status < G_N_ELEMENTS (labels), "");

  return _(labels[status]);
}

static CpStoreUnit *
cp_opportunity_save_unit (gpointer object)
{
  CpOpportunity *self = object;
  CpStoreUnit *unit = _cp_store_unit_for (CP_SQL_OPPORTUNITY_SAVE);

  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, self->raised_on);
  _cp_store_unit_bind_text (unit, cp_size_to_string (self->size));
  _cp_store_unit_bind_text (unit, self->text[CP_OPPORTUNITY_TIMESCALE]);
  _cp_store_unit_bind_text (unit, self->text[CP_OPPORTUNITY_DESCRIPTION]);
  _cp_store_unit_bind_text (unit, cp_priority_to_string (self->priority));
  _cp_store_unit_bind_text (unit, self->text[CP_OPPORTUNITY_KPI]);
  _cp_store_unit_bind_text (unit, self->text[CP_OPPORTUNITY_JUSTIFICATION]);
  _cp_store_unit_bind_text (unit, self->text[CP_OPPORTUNITY_RAISED_BY]);
  _cp_store_unit_bind_text (unit, self->text[CP_OPPORTUNITY_ACTIONED_BY]);
  _cp_store_unit_bind_text (unit, self->required_by);
  _cp_store_unit_bind_text (unit, cp_opportunity_status_to_string (self->status));
  _cp_store_unit_bind_int64 (unit, self->phase_id);

  return unit;
}

static void
changed (CpOpportunity *self,
         guint          prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _cp_store_mark_dirty_unit (self->store, self, cp_opportunity_save_unit);
}

static void
cp_opportunity_finalize (GObject *object)
{
  CpOpportunity *self = (CpOpportunity *)object;

  for (guint i = 0; i < CP_OPPORTUNITY_N_TEXTS; i++)
    g_free (self->text[i]);
  g_free (self->raised_on);
  g_free (self->required_by);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_opportunity_parent_class)->finalize (object);
}

static void
cp_opportunity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CpOpportunity *self = CP_OPPORTUNITY (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_RAISED_ON:
      g_value_set_string (value, self->raised_on);
      break;
    case PROP_REQUIRED_BY:
      g_value_set_string (value, self->required_by);
      break;
    case PROP_SIZE:
      g_value_set_enum (value, self->size);
      break;
    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_PHASE_ID:
      g_value_set_int64 (value, self->phase_id);
      break;
    default:
      if (prop_id >= PROP_TEXT_FIRST && prop_id < N_PROPS)
        g_value_set_string (value, self->text[prop_id - PROP_TEXT_FIRST]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_opportunity_class_init (CpOpportunityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_opportunity_finalize;
  object_class->get_property = cp_opportunity_get_property;

  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_RAISED_ON] = g_param_spec_string ("raised-on", NULL, NULL, NULL, ro);
  properties[PROP_REQUIRED_BY] = g_param_spec_string ("required-by", NULL, NULL, NULL, ro);
  properties[PROP_SIZE] = g_param_spec_enum ("size", NULL, NULL, CP_TYPE_SIZE,
                                             CP_SIZE_MEDIUM, ro);
  properties[PROP_PRIORITY] = g_param_spec_enum ("priority", NULL, NULL, CP_TYPE_PRIORITY,
                                                 CP_PRIORITY_MEDIUM, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, CP_TYPE_OPPORTUNITY_STATUS,
                                               CP_OPPORTUNITY_RAISED, ro);
  properties[PROP_PHASE_ID] = g_param_spec_int64 ("phase-id", NULL, NULL,
                                                  0, G_MAXINT64, 0, ro);
  for (guint i = 0; i < CP_OPPORTUNITY_N_TEXTS; i++)
    properties[PROP_TEXT_FIRST + i] = g_param_spec_string (text_names[i], NULL, NULL, "", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_opportunity_init (CpOpportunity *self)
{
}

gpointer
_cp_opportunity_new_from_row (CpStore      *store,
                              const CpRow  *row)
{
  CpOpportunity *self = g_object_new (CP_TYPE_OPPORTUNITY, NULL);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  self->number = _cp_row_int (row, 1);
  self->raised_on = _cp_row_dup (row, 2);
  cp_size_from_string (_cp_row_text (row, 3), &self->size);
  self->text[CP_OPPORTUNITY_TIMESCALE] = _cp_row_dup (row, 4);
  self->text[CP_OPPORTUNITY_DESCRIPTION] = _cp_row_dup (row, 5);
  cp_priority_from_string (_cp_row_text (row, 6), &self->priority);
  self->text[CP_OPPORTUNITY_KPI] = _cp_row_dup (row, 7);
  self->text[CP_OPPORTUNITY_JUSTIFICATION] = _cp_row_dup (row, 8);
  self->text[CP_OPPORTUNITY_RAISED_BY] = _cp_row_dup (row, 9);
  self->text[CP_OPPORTUNITY_ACTIONED_BY] = _cp_row_dup (row, 10);
  self->required_by = _cp_row_dup (row, 11);
  cp_opportunity_status_from_string (_cp_row_text (row, 12),
                                     &self->status);
  self->phase_id = _cp_row_int64 (row, 13);

  return self;
}

gint64
cp_opportunity_get_id (CpOpportunity *self)
{
  g_return_val_if_fail (CP_IS_OPPORTUNITY (self), 0);

  return self->id;
}

/**
 * cp_opportunity_get_number:
 *
 * Returns: the opportunity's number in its engagement's register, from 1
 */
guint
cp_opportunity_get_number (CpOpportunity *self)
{
  g_return_val_if_fail (CP_IS_OPPORTUNITY (self), 0);

  return self->number;
}

/* Sets a date field; %NULL or "" clears it where @nullable. */
static gboolean
set_date (CpOpportunity  *self,
          char          **field,
          guint           prop_id,
          const char     *date,
          gboolean        nullable)
{
  g_return_val_if_fail (CP_IS_OPPORTUNITY (self), FALSE);

  if (date != NULL && *date == '\0')
    date = NULL;
  if (date == NULL ? !nullable : !cp_date_is_valid (date))
    return FALSE;

  if (g_strcmp0 (*field, date) != 0)
    {
      g_free (*field);
      *field = g_strdup (date);
      changed (self, prop_id);
    }

  return TRUE;
}

const char *
cp_opportunity_get_raised_on (CpOpportunity *self)
{
  g_return_val_if_fail (CP_IS_OPPORTUNITY (self), NULL);

  return self->raised_on;
}

/**
 * cp_opportunity_set_raised_on:
 * @date: YYYY-MM-DD
 *
 * Returns: %FALSE, changing nothing, for a missing or invalid date
 */
gboolean
cp_opportunity_set_raised_on (CpOpportunity *self,
                              const char    *date)
{
  return set_date (self, &self->raised_on, PROP_RAISED_ON, date, FALSE);
}

const char *
cp_opportunity_get_required_by (CpOpportunity *self)
{
  g_return_val_if_fail (CP_IS_OPPORTUNITY (self), NULL);

  return self->required_by;
}

/**
 * cp_opportunity_set_required_by:
 * @date: (nullable): YYYY-MM-DD, or %NULL for no date
 *
 * Returns: %FALSE, changing nothing, for an invalid date
 */
gboolean
cp_opportunity_set_required_by (CpOpportunity *self,
                                const char    *date)
{
  return set_date (self, &self->required_by, PROP_REQUIRED_BY, date, TRUE);
}

const char *
cp_opportunity_get_text (CpOpportunity     *self,
                         CpOpportunityText  field)
{
  g_return_val_if_fail (CP_IS_OPPORTUNITY (self), NULL);
  g_return_val_if_fail (field < CP_OPPORTUNITY_N_TEXTS, NULL);

  return self->text[field];
}

void
cp_opportunity_set_text (CpOpportunity     *self,
                         CpOpportunityText  field,
                         const char        *value)
{
  g_return_if_fail (CP_IS_OPPORTUNITY (self));
  g_return_if_fail (field < CP_OPPORTUNITY_N_TEXTS);

  if (_cp_replace_text (&self->text[field], value))
    changed (self, PROP_TEXT_FIRST + field);
}

CpSize
cp_opportunity_get_size (CpOpportunity *self)
{
  g_return_val_if_fail (CP_IS_OPPORTUNITY (self), CP_SIZE_MEDIUM);

  return self->size;
}

void
cp_opportunity_set_size (CpOpportunity *self,
                         CpSize         size)
{
  g_return_if_fail (CP_IS_OPPORTUNITY (self));
  g_return_if_fail (size <= CP_SIZE_LARGE);

  if (self->size != size)
    {
      self->size = size;
      changed (self, PROP_SIZE);
    }
}

CpPriority
cp_opportunity_get_priority (CpOpportunity *self)
{
  g_return_val_if_fail (CP_IS_OPPORTUNITY (self), CP_PRIORITY_MEDIUM);

  return self->priority;
}

void
cp_opportunity_set_priority (CpOpportunity *self,
                             CpPriority     priority)
{
  g_return_if_fail (CP_IS_OPPORTUNITY (self));
  g_return_if_fail (priority <= CP_PRIORITY_HIGH);

  if (self->priority != priority)
    {
      self->priority = priority;
      changed (self, PROP_PRIORITY);
    }
}

CpOpportunityStatus
cp_opportunity_get_status (CpOpportunity *self)
{
  g_return_val_if_fail (CP_IS_OPPORTUNITY (self), CP_OPPORTUNITY_RAISED);

  return self->status;
}

void
cp_opportunity_set_status (CpOpportunity       *self,
                           CpOpportunityStatus  status)
{
  g_return_if_fail (CP_IS_OPPORTUNITY (self));
  g_return_if_fail (status <= CP_OPPORTUNITY_REJECTED);

  if (self->status != status)
    {
      self->status = status;
      changed (self, PROP_STATUS);
    }
}

gint64
cp_opportunity_get_phase_id (CpOpportunity *self)
{
  g_return_val_if_fail (CP_IS_OPPORTUNITY (self), 0);

  return self->phase_id;
}

void
cp_opportunity_set_phase_id (CpOpportunity *self,
                             gint64         phase_id)
{
  g_return_if_fail (CP_IS_OPPORTUNITY (self));

  if (self->phase_id != phase_id)
    {
      self->phase_id = phase_id;
      changed (self, PROP_PHASE_ID);
    }
}

/**
 * cp_opportunity_is_open:
 *
 * Returns: whether the opportunity still waits to be done or turned down
 */
gboolean
cp_opportunity_is_open (CpOpportunity *self)
{
  g_return_val_if_fail (CP_IS_OPPORTUNITY (self), FALSE);

  return self->status != CP_OPPORTUNITY_DONE && self->status != CP_OPPORTUNITY_REJECTED;
}

/**
 * cp_opportunity_matches:
 * @search: (nullable): words as someone types them
 *
 * Returns: whether every word of @search is in one of the text fields,
 *   ignoring case, or is the opportunity's number
 */
gboolean
cp_opportunity_matches (CpOpportunity *self,
                        const char    *search)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GString) haystack = g_string_new (NULL);
  g_autofree char *folded = NULL;

  g_return_val_if_fail (CP_IS_OPPORTUNITY (self), FALSE);

  if (search == NULL || !g_utf8_validate (search, -1, NULL))
    return TRUE;

  for (guint i = 0; i < CP_OPPORTUNITY_N_TEXTS; i++)
    g_string_append_printf (haystack, "%s\n", self->text[i]);
  folded = g_utf8_casefold (haystack->str, -1);
  number = g_strdup_printf ("%u", self->number);

  words = g_strsplit_set (search, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = NULL;
      const char *w = words[i][0] == '#' ? words[i] + 1 : words[i];

      if (*w == '\0' || g_strcmp0 (w, number) == 0)
        continue;

      word = g_utf8_casefold (w, -1);
      if (strstr (folded, word) == NULL)
        return FALSE;
    }

  return TRUE;
}
