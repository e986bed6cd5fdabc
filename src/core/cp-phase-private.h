/* cp-phase-private.h — what the core shares of a phase, beyond its public API
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-phase.h"
#include "cp-store-model.h"

G_BEGIN_DECLS

CpPhase         *_cp_phase_new_from_row (CpStore     *store,
                                         const CpRow *row);
CpChecklistItem *_cp_phase_item_added   (CpPhase     *self,
                                         const CpRow *row,
                                         guint        position);
gboolean         _cp_phase_add_check    (CpPhase     *self,
                                         CpStoreUnit *unit,
                                         const char  *text,
                                         CpApproach   approach);

G_END_DECLS
