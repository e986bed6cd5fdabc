/* cp-phase-row.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_PHASE_ROW (cp_phase_row_get_type ())

G_DECLARE_FINAL_TYPE (CpPhaseRow, cp_phase_row, CP, PHASE_ROW, AdwExpanderRow)

GtkWidget *cp_phase_row_new        (CpEngagement    *engagement,
                                    CpPhase         *phase,
                                    guint            number,
                                    gboolean         editable);
CpPhase   *cp_phase_row_get_phase  (CpPhaseRow      *self);
void       cp_phase_row_focus_item (CpPhaseRow      *self,
                                    CpChecklistItem *item);

G_END_DECLS
