/* cp-kpi.c — is a measure on track?
 *
 * A goal runs from its baseline to its target along a straight line in
 * time. A reading is on track when it is at least where that line says it
 * should be by its date, give or take CP_KPI_TOLERANCE of the whole way;
 * "ahead" depends on whether the target lies above or below the baseline
 * (fewer failed changes, more calls answered in time).
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-kpi"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <stdio.h>

#include "cp-kpi.h"

static gboolean
julian (const char *date,
        double     *day)
{
  GDate d;
  int y, m, dd;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &dd) != 3 || !g_date_valid_dmy (dd, m, y))
    return FALSE;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, dd, m, y);
  *day = g_date_get_julian (&d);

  return TRUE;
}

/**
 * cp_kpi_expected:
 * @on: the date to ask about
 *
 * Returns: where the measure should be on @on, or NAN when the goal has
 *   no complete baseline and target
 */
double
cp_kpi_expected (double      baseline,
                 const char *baseline_date,
                 double      target,
                 const char *target_date,
                 const char *on)
{
  double start, end, day, share;

  if (isnan (baseline) || isnan (target) ||
      !julian (baseline_date, &start) || !julian (target_date, &end) || !julian (on, &day))
    return NAN;

  if (end <= start)
    return day >= end ? target : baseline;

  share = CLAMP ((day - start) / (end - start), 0.0, 1.0);

  return baseline + (target - baseline) * share;
}

CpTrack
cp_kpi_track (double      baseline,
              const char *baseline_date,
              double      target,
              const char *target_date,
              double      value,
              const char *value_date)
{
  double expected = cp_kpi_expected (baseline, baseline_date, target, target_date, value_date);
  double direction, way;

  if (isnan (expected) || isnan (value))
    return CP_TRACK_UNKNOWN;

  direction = target >= baseline ? 1.0 : -1.0;
  way = fabs (target - baseline);

  if ((value - target) * direction >= 0)
    return CP_TRACK_MET;

  if ((value - expected) * direction >= -CP_KPI_TOLERANCE * way)
    return CP_TRACK_ON_TRACK;

  return CP_TRACK_OFF_TRACK;
}

/**
 * cp_track_get_label:
 *
 * Returns: the translated label
 */
const char *
cp_track_get_label (CpTrack track)
{
  switch (track)
    {
    case CP_TRACK_ON_TRACK:
      return _("On track");
    case CP_TRACK_OFF_TRACK:
      return _("Off track");
    case CP_TRACK_MET:
      return _("Target met");
    case CP_TRACK_UNKNOWN:
    default:
      return _("No reading yet");
    }
}
