/* cp-approach.h — what each implementation approach means
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cp-types.h"

G_BEGIN_DECLS

typedef enum
{
  CP_APPROACH_MOTIVES,
  CP_APPROACH_BENEFITS,
  CP_APPROACH_RISKS,
} CpApproachAspect;

const char  *cp_approach_get_name    (CpApproach        approach);
const char  *cp_approach_get_summary (CpApproach        approach);
const char  *cp_approach_get_fit     (CpApproach        approach);
char       **cp_approach_dup_points  (CpApproach        approach,
                                      CpApproachAspect  aspect);
guint        cp_approach_get_n_checks (CpApproach       approach);
const char  *cp_approach_get_check   (CpApproach        approach,
                                      guint             index,
                                      CpPhaseRole      *role);

char       *cp_approach_dup_risk_of_check (const char *check);

G_END_DECLS
