/* cp-mentoring.c — who mentors whom
 *
 * A coached engagement leaves mentors behind: the coach mentors some of
 * the client's staff, and staff mentor others. Each mentoring names the
 * mentor and who they mentor, the mentor's profile (a subject-matter
 * expert, deep in one field, or a systems thinker, with methods across
 * industries), the format (one-on-one, mass mentoring in workshops and
 * labs, or blended: remote training with a local mentor) and the
 * practice or area it serves.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-mentoring"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-enums.h"
#include "cp-mentoring-private.h"
#include "cp-store.h"

struct _CpMentoring
{
  GObject           parent_instance;

  CpStore          *store;
  gint64            id;
  char             *mentor;
  char             *mentee;
  char             *practice;
  CpMentorProfile   profile;
  CpMentoringFormat format;
};

G_DEFINE_FINAL_TYPE (CpMentoring, cp_mentoring, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MENTOR,
  PROP_MENTEE,
  PROP_PRACTICE,
  PROP_PROFILE,
  PROP_FORMAT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
nick_or_empty (const char *nick)
{
  return g_strcmp0 (nick, "unset") == 0 ? "" : nick;
}

static CpStoreUnit *
cp_mentoring_save_unit (gpointer object)
{
  CpMentoring *self = object;
  CpStoreUnit *unit = _cp_store_unit_for (CP_SQL_MENTORING_SAVE);

  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, self->mentor);
  _cp_store_unit_bind_text (unit, self->mentee);
  _cp_store_unit_bind_text (unit, nick_or_empty (cp_mentor_profile_to_string (self->profile)));
  _cp_store_unit_bind_text (unit, nick_or_empty (cp_mentoring_format_to_string (self->format)));
  _cp_store_unit_bind_text (unit, self->practice);

  return unit;
}

static void
changed (CpMentoring *self,
         guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _cp_store_mark_dirty_unit (self->store, self, cp_mentoring_save_unit);
}

static void
cp_mentoring_finalize (GObject *object)
{
  CpMentoring *self = (CpMentoring *)object;

  g_free (self->mentor);
  g_free (self->mentee);
  g_free (self->practice);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_mentoring_parent_class)->finalize (object);
}

static void
cp_mentoring_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CpMentoring *self = CP_MENTORING (object);

  switch (prop_id)
    {
    case PROP_MENTOR:
      g_value_set_string (value, self->mentor);
      break;
    case PROP_MENTEE:
      g_value_set_string (value, self->mentee);
      break;
    case PROP_PRACTICE:
      g_value_set_string (value, self->practice);
      break;
    case PROP_PROFILE:
      g_value_set_enum (value, self->profile);
      break;
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_mentoring_class_init (CpMentoringClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_mentoring_finalize;
  object_class->get_property = cp_mentoring_get_property;

  properties[PROP_MENTOR] = g_param_spec_string ("mentor", NULL, NULL, "", ro);
  properties[PROP_MENTEE] = g_param_spec_string ("mentee", NULL, NULL, "", ro);
  properties[PROP_PRACTICE] = g_param_spec_string ("practice", NULL, NULL, "", ro);
  properties[PROP_PROFILE] = g_param_spec_enum ("profile", NULL, NULL, CP_TYPE_MENTOR_PROFILE,
                                                CP_MENTOR_PROFILE_UNSET, ro);
  properties[PROP_FORMAT] = g_param_spec_enum ("format", NULL, NULL, CP_TYPE_MENTORING_FORMAT,
                                               CP_MENTORING_FORMAT_UNSET, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_mentoring_init (CpMentoring *self)
{
}

gpointer
_cp_mentoring_new_from_row (CpStore     *store,
                            const CpRow *row)
{
  CpMentoring *self = g_object_new (CP_TYPE_MENTORING, NULL);
  const char *profile = _cp_row_text (row, 3);
  const char *format = _cp_row_text (row, 4);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  self->mentor = _cp_row_dup (row, 1);
  self->mentee = _cp_row_dup (row, 2);
  if (profile == NULL || !cp_mentor_profile_from_string (profile, &self->profile))
    self->profile = CP_MENTOR_PROFILE_UNSET;
  if (format == NULL || !cp_mentoring_format_from_string (format, &self->format))
    self->format = CP_MENTORING_FORMAT_UNSET;
  self->practice = _cp_row_dup (row, 5);

  return self;
}

gint64
cp_mentoring_get_id (CpMentoring *self)
{
  g_return_val_if_fail (CP_IS_MENTORING (self), 0);

  return self->id;
}

static void
set_text (CpMentoring  *self,
          char        **field,
          guint         prop_id,
          const char   *value)
{
  g_return_if_fail (CP_IS_MENTORING (self));

  if (_cp_replace_text (field, value))
    changed (self, prop_id);
}

const char *
cp_mentoring_get_mentor (CpMentoring *self)
{
  g_return_val_if_fail (CP_IS_MENTORING (self), NULL);

  return self->mentor;
}

/**
 * cp_mentoring_set_mentor:
 * @mentor: the coach, or someone on the client's staff acting as mentor
 */
void
cp_mentoring_set_mentor (CpMentoring *self,
                         const char  *mentor)
{
  set_text (self, &self->mentor, PROP_MENTOR, mentor);
}

const char *
cp_mentoring_get_mentee (CpMentoring *self)
{
  g_return_val_if_fail (CP_IS_MENTORING (self), NULL);

  return self->mentee;
}

/**
 * cp_mentoring_set_mentee:
 * @mentee: who is mentored: a person, or a group such as "service desk analysts"
 */
void
cp_mentoring_set_mentee (CpMentoring *self,
                         const char  *mentee)
{
  set_text (self, &self->mentee, PROP_MENTEE, mentee);
}

const char *
cp_mentoring_get_practice (CpMentoring *self)
{
  g_return_val_if_fail (CP_IS_MENTORING (self), NULL);

  return self->practice;
}

/**
 * cp_mentoring_set_practice:
 * @practice: the practice or area the mentoring serves
 */
void
cp_mentoring_set_practice (CpMentoring *self,
                           const char  *practice)
{
  set_text (self, &self->practice, PROP_PRACTICE, practice);
}

CpMentorProfile
cp_mentoring_get_profile (CpMentoring *self)
{
  g_return_val_if_fail (CP_IS_MENTORING (self), CP_MENTOR_PROFILE_UNSET);

  return self->profile;
}

void
cp_mentoring_set_profile (CpMentoring     *self,
                          CpMentorProfile  profile)
{
  g_return_if_fail (CP_IS_MENTORING (self));
  g_return_if_fail (profile <= CP_MENTOR_PROFILE_SYSTEMS_THINKER);

  if (self->profile == profile)
    return;
  self->profile = profile;
  changed (self, PROP_PROFILE);
}

CpMentoringFormat
cp_mentoring_get_format (CpMentoring *self)
{
  g_return_val_if_fail (CP_IS_MENTORING (self), CP_MENTORING_FORMAT_UNSET);

  return self->format;
}

void
cp_mentoring_set_format (CpMentoring       *self,
                         CpMentoringFormat  format)
{
  g_return_if_fail (CP_IS_MENTORING (self));
  g_return_if_fail (format <= CP_MENTORING_FORMAT_BLENDED);

  if (self->format == format)
    return;
  self->format = format;
  changed (self, PROP_FORMAT);
}

/**
 * cp_mentor_profile_get_name:
 *
 * Returns: the profile's translated name
 */
const char *
cp_mentor_profile_get_name (CpMentorProfile profile)
{
  switch (profile)
    {
    case CP_MENTOR_PROFILE_EXPERT:
      return _("Subject-matter expert");
    case CP_MENTOR_PROFILE_SYSTEMS_THINKER:
      return _("Systems thinker");
    case CP_MENTOR_PROFILE_UNSET:
    default:
      return _("Profile not said");
    }
}

/**
 * cp_mentoring_format_get_name:
 *
 * Returns: the format's translated name
 */
const char *
cp_mentoring_format_get_name (CpMentoringFormat format)
{
  switch (format)
    {
    case CP_MENTORING_FORMAT_ONE_ON_ONE:
      return _("One-on-one");
    case CP_MENTORING_FORMAT_MASS:
      return _("Mass mentoring (workshops and labs)");
    case CP_MENTORING_FORMAT_BLENDED:
      return _("Blended (remote, with a local mentor)");
    case CP_MENTORING_FORMAT_UNSET:
    default:
      return _("Format not said");
    }
}
