/* cp-action-row.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_ACTION_ROW (cp_action_row_get_type ())

G_DECLARE_FINAL_TYPE (CpActionRow, cp_action_row, CP, ACTION_ROW, AdwExpanderRow)

GtkWidget *cp_action_row_new        (CpAction    *action,
                                     gboolean     editable,
                                     gboolean     show_engagement);
CpAction  *cp_action_row_get_action (CpActionRow *self);
void       cp_action_row_set_links  (CpActionRow  *self,
                                     CpEngagement *engagement);

G_END_DECLS
