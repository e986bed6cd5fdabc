/* cp-session.c — a coaching session of an engagement
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-enums.h"
#include "cp-session-private.h"
#include "cp-store-model.h"

struct _CpSession
{
  GObject        parent_instance;

  CpStore       *store;
  gint64         id;
  gint64         phase_id;
  char          *starts_at;   /* YYYY-MM-DDTHH:MM, local time */
  char          *topic;
  guint          duration;
  CpSessionKind  kind;
  CpCoachingArea area;
};

G_DEFINE_FINAL_TYPE (CpSession, cp_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STARTS_AT,
  PROP_DURATION,
  PROP_KIND,
  PROP_TOPIC,
  PROP_PHASE_ID,
  PROP_AREA,
  PROP_ATTENDEES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The area as the database keeps it: empty when not said. */
static const char *
area_to_row (CpCoachingArea area)
{
  return area == CP_COACHING_AREA_UNSET ? "" : cp_coaching_area_to_string (area);
}

static CpStoreUnit *
cp_session_save_unit (gpointer object)
{
  CpSession *self = object;
  CpSessionRow row = {
    self->id, self->starts_at, self->duration, (char *) cp_session_kind_to_string (self->kind),
    self->phase_id, self->topic, (char *) area_to_row (self->area),
  };

  return _cp_store_sessions_save_unit (&row);
}

static void
changed (CpSession *self,
         guint      prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _cp_store_mark_dirty_unit (self->store, self, cp_session_save_unit);
}

static void
cp_session_finalize (GObject *object)
{
  CpSession *self = (CpSession *)object;

  g_free (self->starts_at);
  g_free (self->topic);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_session_parent_class)->finalize (object);
}

static void
cp_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CpSession *self = CP_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_STARTS_AT:
      g_value_set_string (value, self->starts_at);
      break;
    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;
    case PROP_PHASE_ID:
      g_value_set_int64 (value, self->phase_id);
      break;
    case PROP_AREA:
      g_value_set_enum (value, self->area);
      break;
    case PROP_ATTENDEES:
      {
        g_autoptr(GArray) attendees = cp_session_dup_attendees (self, NULL);

        g_value_set_boolean (value, attendees != NULL && attendees->len > 0);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CpSession *self = CP_SESSION (object);

  switch (prop_id)
    {
    case PROP_STARTS_AT:
      cp_session_set_starts_at (self, g_value_get_string (value));
      break;
    case PROP_DURATION:
      cp_session_set_duration (self, g_value_get_uint (value));
      break;
    case PROP_KIND:
      cp_session_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_TOPIC:
      cp_session_set_topic (self, g_value_get_string (value));
      break;
    case PROP_PHASE_ID:
      cp_session_set_phase_id (self, g_value_get_int64 (value));
      break;
    case PROP_AREA:
      cp_session_set_area (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_session_class_init (CpSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_session_finalize;
  object_class->get_property = cp_session_get_property;
  object_class->set_property = cp_session_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTS_AT] = g_param_spec_string ("starts-at", NULL, NULL, NULL, rw);
  properties[PROP_DURATION] = g_param_spec_uint ("duration", NULL, NULL, 1, 24 * 60, 60, rw);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, CP_TYPE_SESSION_KIND,
                                             CP_SESSION_KIND_ONE_ON_ONE, rw);
  properties[PROP_TOPIC] = g_param_spec_string ("topic", NULL, NULL, "", rw);
  properties[PROP_PHASE_ID] = g_param_spec_int64 ("phase-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_AREA] = g_param_spec_enum ("area", NULL, NULL, CP_TYPE_COACHING_AREA,
                                             CP_COACHING_AREA_UNSET, rw);
  /* Whether anyone attends; notified whenever the attendees change. */
  properties[PROP_ATTENDEES] = g_param_spec_boolean ("attendees", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_session_init (CpSession *self)
{
}

/* A session as the store read it. */
CpSession *
_cp_session_new (CpStore            *store,
                 const CpSessionRow *row)
{
  CpSession *self = g_object_new (CP_TYPE_SESSION, NULL);

  self->store = g_object_ref (store);
  self->id = row->id;
  self->starts_at = g_strdup (row->starts_at);
  self->duration = row->duration;
  cp_session_kind_from_string (row->kind, &self->kind);
  self->phase_id = row->phase_id;
  self->topic = g_strdup (row->topic ? row->topic : "");
  if (row->area == NULL || !cp_coaching_area_from_string (row->area, &self->area))
    self->area = CP_COACHING_AREA_UNSET;

  return self;
}

gint64
cp_session_get_id (CpSession *self)
{
  g_return_val_if_fail (CP_IS_SESSION (self), 0);

  return self->id;
}

const char *
cp_session_get_starts_at (CpSession *self)
{
  g_return_val_if_fail (CP_IS_SESSION (self), NULL);

  return self->starts_at;
}

/**
 * cp_session_set_starts_at:
 * @starts_at: YYYY-MM-DDTHH:MM, local time
 *
 * Returns: %FALSE, changing nothing, when @starts_at is not a valid time
 */
gboolean
cp_session_set_starts_at (CpSession  *self,
                          const char *starts_at)
{
  g_return_val_if_fail (CP_IS_SESSION (self), FALSE);

  if (!cp_datetime_is_valid (starts_at))
    return FALSE;

  if (g_strcmp0 (self->starts_at, starts_at) != 0)
    {
      g_free (self->starts_at);
      self->starts_at = g_strdup (starts_at);
      changed (self, PROP_STARTS_AT);
    }

  return TRUE;
}

guint
cp_session_get_duration (CpSession *self)
{
  g_return_val_if_fail (CP_IS_SESSION (self), 0);

  return self->duration;
}

void
cp_session_set_duration (CpSession *self,
                         guint      minutes)
{
  g_return_if_fail (CP_IS_SESSION (self));
  g_return_if_fail (minutes > 0 && minutes <= 24 * 60);

  if (self->duration != minutes)
    {
      self->duration = minutes;
      changed (self, PROP_DURATION);
    }
}

CpSessionKind
cp_session_get_kind (CpSession *self)
{
  g_return_val_if_fail (CP_IS_SESSION (self), CP_SESSION_KIND_ONE_ON_ONE);

  return self->kind;
}

void
cp_session_set_kind (CpSession     *self,
                     CpSessionKind  kind)
{
  g_return_if_fail (CP_IS_SESSION (self));
  g_return_if_fail (kind <= CP_SESSION_KIND_REMOTE);

  if (self->kind != kind)
    {
      self->kind = kind;
      changed (self, PROP_KIND);
    }
}

const char *
cp_session_get_topic (CpSession *self)
{
  g_return_val_if_fail (CP_IS_SESSION (self), NULL);

  return self->topic;
}

void
cp_session_set_topic (CpSession  *self,
                      const char *topic)
{
  g_return_if_fail (CP_IS_SESSION (self));

  if (topic == NULL)
    topic = "";
  g_return_if_fail (g_utf8_validate (topic, -1, NULL));

  if (g_strcmp0 (self->topic, topic) != 0)
    {
      g_free (self->topic);
      self->topic = g_strdup (topic);
      changed (self, PROP_TOPIC);
    }
}

/**
 * cp_session_get_area:
 *
 * Returns: the area the session's coaching serves
 */
CpCoachingArea
cp_session_get_area (CpSession *self)
{
  g_return_val_if_fail (CP_IS_SESSION (self), CP_COACHING_AREA_UNSET);

  return self->area;
}

void
cp_session_set_area (CpSession      *self,
                     CpCoachingArea  area)
{
  g_return_if_fail (CP_IS_SESSION (self));
  g_return_if_fail (area <= CP_COACHING_AREA_REVIEW);

  if (self->area != area)
    {
      self->area = area;
      changed (self, PROP_AREA);
    }
}

gint64
cp_session_get_phase_id (CpSession *self)
{
  g_return_val_if_fail (CP_IS_SESSION (self), 0);

  return self->phase_id;
}

void
cp_session_set_phase_id (CpSession *self,
                         gint64     phase_id)
{
  g_return_if_fail (CP_IS_SESSION (self));

  if (self->phase_id != phase_id)
    {
      self->phase_id = phase_id;
      changed (self, PROP_PHASE_ID);
    }
}

/**
 * cp_session_dup_attendees:
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids of
 *   the stakeholders who attended
 */
GArray *
cp_session_dup_attendees (CpSession  *self,
                          GError    **error)
{
  g_return_val_if_fail (CP_IS_SESSION (self), NULL);

  return _cp_store_sessions_attendees (self->store, self->id, error);
}

/**
 * cp_session_set_attendee:
 * @stakeholder_id: a stakeholder of the session's engagement
 *
 * Records whether the stakeholder attended; written at once.
 */
gboolean
cp_session_set_attendee (CpSession  *self,
                         gint64      stakeholder_id,
                         gboolean    attends,
                         GError    **error)
{
  g_return_val_if_fail (CP_IS_SESSION (self), FALSE);

  if (!_cp_store_sessions_set_attendee (self->store, self->id, stakeholder_id, attends, error))
    return FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEES]);

  return TRUE;
}

/**
 * cp_session_kind_get_name:
 *
 * Returns: the kind's translated name
 */
const char *
cp_session_kind_get_name (CpSessionKind kind)
{
  switch (kind)
    {
    case CP_SESSION_KIND_WORKSHOP:
      return _("Workshop or mass mentoring");
    case CP_SESSION_KIND_REVIEW:
      return _("Review");
    case CP_SESSION_KIND_SPONSOR_MEETING:
      return _("Sponsor meeting");
    case CP_SESSION_KIND_REMOTE:
      return _("Blended or remote");
    case CP_SESSION_KIND_ONE_ON_ONE:
    default:
      return _("One-on-one");
    }
}

/**
 * cp_coaching_area_get_name:
 *
 * Returns: the area's translated name
 */
const char *
cp_coaching_area_get_name (CpCoachingArea area)
{
  switch (area)
    {
    case CP_COACHING_AREA_CSIP:
      return _("Establishing the CSIP");
    case CP_COACHING_AREA_PROCESS:
      return _("Implementing a process");
    case CP_COACHING_AREA_REVIEW:
      return _("Reviewing a process");
    case CP_COACHING_AREA_UNSET:
    default:
      return _("Area not said");
    }
}

/**
 * cp_session_format_hours:
 *
 * Returns: (transfer full): @minutes as hours to a tenth, as in "2.5 h"
 */
char *
cp_session_format_hours (guint minutes)
{
  /* Translators: hours of coaching, to a tenth, as in "2.5 h". */
  return g_strdup_printf (_("%.1f h"), minutes / 60.0);
}
