/* cp-audit-item-private.h — what the core shares of an audit criterion, beyond its public API
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-audit-item.h"
#include "cp-store-model.h"

G_BEGIN_DECLS

gpointer _cp_audit_item_new_from_row (CpStore     *store,
                                      const CpRow *row);

G_END_DECLS
