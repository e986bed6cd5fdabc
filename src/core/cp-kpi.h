/* cp-kpi.h — is a measure on track?
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CP_TRACK_UNKNOWN,    /* no target, or no reading yet */
  CP_TRACK_ON_TRACK,
  CP_TRACK_OFF_TRACK,
  CP_TRACK_MET,        /* the target is reached */
} CpTrack;

/* How far behind the straight line from baseline to target a reading may
 * fall, as a share of the whole way, and still count as on track.
 */
#define CP_KPI_TOLERANCE 0.1

double  cp_kpi_expected (double      baseline,
                         const char *baseline_date,
                         double      target,
                         const char *target_date,
                         const char *on);
CpTrack cp_kpi_track    (double      baseline,
                         const char *baseline_date,
                         double      target,
                         const char *target_date,
                         double      value,
                         const char *value_date);

const char *cp_track_get_label (CpTrack track);

G_END_DECLS
