/* cp-types.c — the enumerations' stored words
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-enums.h"
#include "cp-types.h"

/* The database, the command line and exports all speak the enum nicks,
 * so there is one spelling of each value in the whole program.
 */
static const char *
to_nick (GType type,
         int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  g_type_class_unref (klass);

  /* Enum classes are static: the nick outlives the reference. */
  return ev ? ev->value_nick : NULL;
}

static gboolean
from_nick (GType       type,
           const char *str,
           int        *value)
{
  GEnumClass *klass;
  GEnumValue *ev;

  if (str == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  ev = g_enum_get_value_by_nick (klass, str);
  if (ev != NULL)
    *value = ev->value;
  g_type_class_unref (klass);

  return ev != NULL;
}

#define NICK_CONVERSIONS(Type, name, TYPE)                       \
  const char *                                                   \
  cp_##name##_to_string (Type value)                             \
  {                                                              \
    return to_nick (TYPE, value);                                \
  }                                                              \
  gboolean                                                       \
  cp_##name##_from_string (const char *str,                      \
                           Type       *value)                    \
  {                                                              \
    int v;                                                       \
    if (!from_nick (TYPE, str, &v))                              \
      return FALSE;                                              \
    *value = v;                                                  \
    return TRUE;                                                 \
  }

NICK_CONVERSIONS (CpApproach, approach, CP_TYPE_APPROACH)
NICK_CONVERSIONS (CpDriver, driver, CP_TYPE_DRIVER)
NICK_CONVERSIONS (CpStatus, status, CP_TYPE_STATUS)
NICK_CONVERSIONS (CpPhaseRole, phase_role, CP_TYPE_PHASE_ROLE)
NICK_CONVERSIONS (CpPhaseStatus, phase_status, CP_TYPE_PHASE_STATUS)
NICK_CONVERSIONS (CpItemSource, item_source, CP_TYPE_ITEM_SOURCE)
NICK_CONVERSIONS (CpDecision, decision, CP_TYPE_DECISION)
NICK_CONVERSIONS (CpVisibility, visibility, CP_TYPE_VISIBILITY)
NICK_CONVERSIONS (CpAudience, audience, CP_TYPE_AUDIENCE)
NICK_CONVERSIONS (CpSessionKind, session_kind, CP_TYPE_SESSION_KIND)
NICK_CONVERSIONS (CpCoachingArea, coaching_area, CP_TYPE_COACHING_AREA)
NICK_CONVERSIONS (CpStance, stance, CP_TYPE_STANCE)
NICK_CONVERSIONS (CpInfluence, influence, CP_TYPE_INFLUENCE)
NICK_CONVERSIONS (CpSmoRole, smo_role, CP_TYPE_SMO_ROLE)
NICK_CONVERSIONS (CpMentorProfile, mentor_profile, CP_TYPE_MENTOR_PROFILE)
NICK_CONVERSIONS (CpCharacteristic, characteristic, CP_TYPE_CHARACTERISTIC)
NICK_CONVERSIONS (CpMentoringFormat, mentoring_format, CP_TYPE_MENTORING_FORMAT)

/**
 * cp_audience_includes:
 *
 * Returns: whether a note of @visibility goes to @audience: the team
 *   reads every note, the client all but coach-only ones, the sponsor
 *   only those for the sponsor
 */
gboolean
cp_audience_includes (CpAudience   audience,
                      CpVisibility visibility)
{
  switch (audience)
    {
    case CP_AUDIENCE_TEAM:
      return TRUE;
    case CP_AUDIENCE_CLIENT:
      return visibility != CP_VISIBILITY_COACH;
    case CP_AUDIENCE_SPONSOR:
    default:
      return visibility == CP_VISIBILITY_SPONSOR;
    }
}
NICK_CONVERSIONS (CpStage, stage, CP_TYPE_STAGE)
NICK_CONVERSIONS (CpSize, size, CP_TYPE_SIZE)
NICK_CONVERSIONS (CpPriority, priority, CP_TYPE_PRIORITY)
NICK_CONVERSIONS (CpOpportunityStatus, opportunity_status, CP_TYPE_OPPORTUNITY_STATUS)

/**
 * cp_driver_get_label:
 *
 * Returns: the driver, translated, as the engagement page shows it
 */
const char *
cp_driver_get_label (CpDriver driver)
{
  switch (driver)
    {
    case CP_DRIVER_STRATEGY: return C_("driver", "Strategy");
    case CP_DRIVER_OPERATIONAL: return C_("driver", "Operational");
    case CP_DRIVER_UNDECIDED:
    default: return C_("driver", "Not decided");
    }
}
