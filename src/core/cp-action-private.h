/* cp-action-private.h — what the core shares of an action, beyond its public API
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-action.h"
#include "cp-store-model.h"

G_BEGIN_DECLS

gpointer _cp_action_new_from_row (CpStore     *store,
                                 const CpRow *row);
void     _cp_action_set_engagement_title (CpAction      *self,
                                          const char    *title);
int      _cp_action_compare_due          (gconstpointer  a,
                                          gconstpointer  b,
                                          gpointer       user_data);

G_END_DECLS
