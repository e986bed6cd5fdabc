/* cp-sync-button.h — a shared engagement's Sync button, with its state
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_SYNC_BUTTON (cp_sync_button_get_type ())

G_DECLARE_FINAL_TYPE (CpSyncButton, cp_sync_button, CP, SYNC_BUTTON, GtkButton)

void          cp_sync_button_set_engagement (CpSyncButton *self,
                                             CpEngagement *engagement);
void          cp_sync_button_refresh        (CpSyncButton *self);
void          cp_sync_button_sync           (CpSyncButton *self,
                                             GHashTable   *choices);
const char   *cp_sync_button_get_state_text (CpSyncButton *self);

G_END_DECLS
