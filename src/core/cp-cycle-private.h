/* cp-cycle-private.h — what the core shares of a cycle, beyond its public API
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-cycle.h"
#include "cp-store-model.h"

G_BEGIN_DECLS

CpCycle *_cp_cycle_new_from_row  (CpStore     *store,
                                  const CpRow *row);
void     _cp_cycle_set_approach  (CpCycle     *self,
                                  CpApproach   approach);
int      _cp_phase_role_distance (CpPhaseRole  phase_role,
                                  CpPhaseRole  role);

G_END_DECLS
