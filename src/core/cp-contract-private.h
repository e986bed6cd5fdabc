/* cp-contract-private.h — what the core shares of a contract version, beyond its public API
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-contract.h"
#include "cp-store-model.h"

G_BEGIN_DECLS

gpointer _cp_contract_new_from_row (CpStore     *store,
                                   const CpRow *row);
gint64   _cp_contract_get_id       (CpContract  *self);

G_END_DECLS
