/* cp-cycle.h — one iteration of an engagement's CSIP
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_CYCLE (cp_cycle_get_type ())

G_DECLARE_FINAL_TYPE (CpCycle, cp_cycle, CP, CYCLE, GObject)

gint64      cp_cycle_get_id            (CpCycle  *self);
guint       cp_cycle_get_number        (CpCycle  *self);
const char *cp_cycle_get_template_id   (CpCycle  *self);
const char *cp_cycle_get_template_name (CpCycle  *self);
CpApproach  cp_cycle_get_approach      (CpCycle  *self);
const char *cp_cycle_get_started_on    (CpCycle  *self);
GListModel *cp_cycle_get_phases        (CpCycle  *self,
                                        GError  **error);
guint       cp_cycle_get_n_items       (CpCycle  *self);
guint       cp_cycle_get_n_done        (CpCycle  *self);
double      cp_cycle_get_progress      (CpCycle  *self);
CpPhase    *cp_cycle_find_phase        (CpCycle  *self,
                                        CpPhaseRole role);

G_END_DECLS
