/* cp-checklist-item-private.h — what the core shares of a checklist item, beyond its public API
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-checklist-item.h"
#include "cp-store-model.h"

G_BEGIN_DECLS

CpChecklistItem *_cp_checklist_item_new_from_row (CpStore     *store,
                                                  const CpRow *row);

G_END_DECLS
