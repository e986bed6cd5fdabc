/* cp-csip-private.h — what the CSIP models share inside the core
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-checklist-item.h"
#include "cp-enums.h"
#include "cp-cycle.h"
#include "cp-phase.h"
#include "cp-sign-off.h"
#include "cp-store-model.h"

G_BEGIN_DECLS

CpChecklistItem *_cp_checklist_item_new_from_row (CpStore         *store,
                                                  CpPhase         *phase,
                                                  const CpRow     *row);
void             _cp_checklist_item_forget_phase (CpChecklistItem *self);
CpPhase         *_cp_phase_new_from_row          (CpStore         *store,
                                                  const CpRow     *row);
void             _cp_phase_item_done_changed     (CpPhase         *self,
                                                  gboolean         done);
CpChecklistItem *_cp_phase_item_added            (CpPhase         *self,
                                                  const CpRow     *row,
                                                  guint            position);
gboolean         _cp_phase_add_check             (CpPhase         *self,
                                                  CpStoreUnit     *unit,
                                                  const char      *text,
                                                  CpApproach       approach);
CpCycle         *_cp_cycle_new_from_row          (CpStore         *store,
                                                  const CpRow     *row);
int              _cp_phase_role_distance         (CpPhaseRole      phase_role,
                                                  CpPhaseRole      role);
void             _cp_cycle_set_approach          (CpCycle         *self,
                                                  CpApproach       approach);
CpSignOff       *_cp_sign_off_new_from_row       (const CpRow     *row);

G_END_DECLS
