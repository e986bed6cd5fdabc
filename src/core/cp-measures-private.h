/* cp-measures-private.h — what the measures' models share in the core
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cp-action.h"
#include "cp-contract.h"
#include "cp-exit-item.h"
#include "cp-goal.h"
#include "cp-maturity.h"
#include "cp-opportunity.h"
#include "cp-workstream.h"

G_BEGIN_DECLS

#define CP_GOAL_COLUMNS \
  "id, name, unit, baseline_value, baseline_date, target_value, target_date"
#define CP_MATURITY_COLUMNS \
  "id, practice, baseline_level, baseline_evidence, review_level, review_evidence"
#define CP_WORKSTREAM_COLUMNS "id, name, owner, stage"
#define CP_ACTION_COLUMNS \
  "id, engagement_id, text, owner, due_on, done, done_on, note_id, phase_id, opportunity_id"
#define CP_CONTRACT_COLUMNS \
  "id, version, goals, measures, roles, coach, client_lead, sponsor, signed_on"
#define CP_EXIT_ITEM_COLUMNS "id, text, done_on"
#define CP_OPPORTUNITY_COLUMNS \
  "id, number, raised_on, size, timescale, description, priority, kpi, justification, " \
  "raised_by, actioned_by, required_by, status, phase_id"

gpointer _cp_goal_new_from_row       (CpStore      *store,
                                      sqlite3_stmt *stmt);
gpointer _cp_maturity_new_from_row   (CpStore      *store,
                                      sqlite3_stmt *stmt);
gpointer _cp_workstream_new_from_row (CpStore      *store,
                                      sqlite3_stmt *stmt);
gpointer _cp_action_new_from_row     (CpStore      *store,
                                      sqlite3_stmt *stmt);
gpointer _cp_contract_new_from_row   (CpStore      *store,
                                      sqlite3_stmt *stmt);
gint64   _cp_contract_get_id         (CpContract   *self);
gpointer _cp_exit_item_new_from_row  (CpStore      *store,
                                      sqlite3_stmt *stmt);
gpointer _cp_opportunity_new_from_row (CpStore      *store,
                                       sqlite3_stmt *stmt);

G_END_DECLS
