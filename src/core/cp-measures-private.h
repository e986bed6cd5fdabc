/* cp-measures-private.h — what the measures' models share in the core
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-action.h"
#include "cp-contract.h"
#include "cp-exit-item.h"
#include "cp-goal.h"
#include "cp-maturity.h"
#include "cp-opportunity.h"
#include "cp-store-row.h"
#include "cp-workstream.h"

G_BEGIN_DECLS

gpointer _cp_goal_new_from_row       (CpStore      *store,
                                      const CpRow  *row);
gpointer _cp_maturity_new_from_row   (CpStore      *store,
                                      const CpRow  *row);
gpointer _cp_workstream_new_from_row (CpStore      *store,
                                      const CpRow  *row);
gpointer _cp_action_new_from_row     (CpStore      *store,
                                      const CpRow  *row);
gpointer _cp_contract_new_from_row   (CpStore      *store,
                                      const CpRow  *row);
gint64   _cp_contract_get_id         (CpContract   *self);
gpointer _cp_exit_item_new_from_row  (CpStore      *store,
                                      const CpRow  *row);
gpointer _cp_opportunity_new_from_row (CpStore      *store,
                                       const CpRow  *row);

G_END_DECLS
