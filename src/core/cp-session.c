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
#include "cp-store-private.h"

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
  PROP_ATTENDEES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CpStoreUnit *
cp_session_save_unit (gpointer object)
{
  CpSession *self = object;
  CpStoreUnit *unit = _cp_store_unit_new (NULL, NULL);

  _cp_store_unit_add (unit, "UPDATE session SET starts_at = ?2, duration_minutes = ?3, "
                                  "kind = ?4, topic = ?5, phase_id = nullif (?6, 0) WHERE id = ?1");

  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, self->starts_at);
  _cp_store_unit_bind_int64 (unit, self->duration);
  _cp_store_unit_bind_text (unit, cp_session_kind_to_string (self->kind));
  _cp_store_unit_bind_text (unit, self->topic);
  _cp_store_unit_bind_int64 (unit, self->phase_id);

  return unit;
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
  /* Whether anyone attends; notified whenever the attendees change. */
  properties[PROP_ATTENDEES] = g_param_spec_boolean ("attendees", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_session_init (CpSession *self)
{
}

CpSession *
_cp_session_new_from_row (CpStore      *store,
                          sqlite3_stmt *stmt)
{
  CpSession *self = g_object_new (CP_TYPE_SESSION, NULL);

  self->store = g_object_ref (store);
  self->id = sqlite3_column_int64 (stmt, 0);
  self->starts_at = _cp_column_dup (stmt, 1);
  self->duration = sqlite3_column_int (stmt, 2);
  cp_session_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &self->kind);
  self->phase_id = sqlite3_column_int64 (stmt, 4);
  self->topic = _cp_column_dup (stmt, 5);

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
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CP_IS_SESSION (self), NULL);

  if (!(stmt = _cp_store_prepare (self->store,
                                  "SELECT stakeholder_id FROM session_attendee "
                                  "WHERE session_id = ?1 ORDER BY stakeholder_id",
                                  error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (self->store, error, rc, _("Could not read the attendees"));
      return NULL;
    }

  return g_steal_pointer (&ids);
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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CP_IS_SESSION (self), FALSE);

  if (!_cp_store_begin (self->store, error))
    return FALSE;

  /* Only a stakeholder of the same engagement can attend. */
  stmt = _cp_store_prepare (self->store,
                            attends
                            ? "INSERT OR IGNORE INTO session_attendee (session_id, stakeholder_id) "
                              "SELECT ?1, s.id FROM stakeholder s JOIN session x ON x.id = ?1 "
                              "WHERE s.id = ?2 AND s.engagement_id = x.engagement_id"
                            : "DELETE FROM session_attendee WHERE session_id = ?1 AND stakeholder_id = ?2",
                            error);
  if (stmt == NULL)
    {
      _cp_store_rollback (self->store);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_int64 (stmt, 2, stakeholder_id);
  if (!_cp_store_step_done (self->store, stmt, error))
    {
      _cp_store_rollback (self->store);
      return FALSE;
    }

  if (!_cp_store_commit (self->store, error))
    return FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEES]);

  return TRUE;
}
