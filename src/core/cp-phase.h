/* cp-phase.h — one phase of a CSIP cycle, with its review checklist
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_PHASE (cp_phase_get_type ())

G_DECLARE_FINAL_TYPE (CpPhase, cp_phase, CP, PHASE, GObject)

gint64           cp_phase_get_id               (CpPhase          *self);
CpPhaseRole      cp_phase_get_role             (CpPhase          *self);
const char      *cp_phase_get_name             (CpPhase          *self);
const char      *cp_phase_get_description      (CpPhase          *self);
CpPhaseStatus    cp_phase_get_status           (CpPhase          *self);
gboolean         cp_phase_set_status           (CpPhase          *self,
                                                CpPhaseStatus     status,
                                                GError          **error);
guint            cp_phase_get_n_items          (CpPhase          *self);
guint            cp_phase_get_n_done           (CpPhase          *self);
double           cp_phase_get_progress         (CpPhase          *self);
GListModel      *cp_phase_get_items            (CpPhase          *self,
                                                GError          **error);
CpChecklistItem *cp_phase_add_item             (CpPhase          *self,
                                                const char       *text,
                                                GError          **error);
gboolean         cp_phase_remove_item          (CpPhase          *self,
                                                CpChecklistItem  *item,
                                                guint            *position,
                                                GError          **error);
CpChecklistItem *cp_phase_restore_item         (CpPhase          *self,
                                                CpChecklistItem  *removed,
                                                guint             position,
                                                GError          **error);
gboolean         cp_phase_move_item            (CpPhase          *self,
                                                CpChecklistItem  *item,
                                                guint             position,
                                                GError          **error);
GListModel      *cp_phase_get_sign_offs        (CpPhase          *self,
                                                GError          **error);
CpSignOff       *cp_phase_get_latest_sign_off  (CpPhase          *self);
CpSignOff       *cp_phase_sign_off             (CpPhase          *self,
                                                const char       *reviewer,
                                                const char       *date,
                                                CpDecision        decision,
                                                const char       *comments,
                                                GError          **error);

const char *cp_phase_status_get_label (CpPhaseStatus status);

G_END_DECLS
