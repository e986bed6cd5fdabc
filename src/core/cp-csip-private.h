/* cp-csip-private.h — what the CSIP models share inside the core
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cp-checklist-item.h"
#include "cp-enums.h"
#include "cp-cycle.h"
#include "cp-phase.h"
#include "cp-sign-off.h"

G_BEGIN_DECLS

#define CP_CHECKLIST_ITEM_COLUMNS \
  "id, text, source, approach, done, done_by, done_at, comment"
#define CP_PHASE_COLUMNS \
  "id, role, name, description, status, " \
  "(SELECT count(*) FROM checklist_item i WHERE i.phase_id = phase.id), " \
  "(SELECT count(*) FROM checklist_item i WHERE i.phase_id = phase.id AND i.done)"
#define CP_CYCLE_COLUMNS "id, number, template, template_name, approach, started_on"
#define CP_SIGN_OFF_COLUMNS "id, reviewer, signed_on, decision, comments, recorded_at"

CpChecklistItem *_cp_checklist_item_new_from_row (CpStore         *store,
                                                  CpPhase         *phase,
                                                  sqlite3_stmt    *stmt);
void             _cp_checklist_item_forget_phase (CpChecklistItem *self);
CpPhase         *_cp_phase_new_from_row          (CpStore         *store,
                                                  sqlite3_stmt    *stmt);
void             _cp_phase_item_done_changed     (CpPhase         *self,
                                                  gboolean         done);
gboolean         _cp_phase_insert_item           (CpPhase         *self,
                                                  const char      *text,
                                                  CpItemSource     source,
                                                  CpApproach       approach,
                                                  GError         **error);
CpCycle         *_cp_cycle_new_from_row          (CpStore         *store,
                                                  sqlite3_stmt    *stmt);
void             _cp_cycle_set_approach          (CpCycle         *self,
                                                  CpApproach       approach);
CpSignOff       *_cp_sign_off_new_from_row       (sqlite3_stmt    *stmt);

G_END_DECLS
