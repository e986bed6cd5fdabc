/* cp-actions-dialog.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_ACTIONS_DIALOG (cp_actions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CpActionsDialog, cp_actions_dialog, CP, ACTIONS_DIALOG, AdwWindow)

CpActionsDialog *cp_actions_dialog_new         (GtkWindow       *parent,
                                                CpStore         *store,
                                                gboolean         editable);
GListModel      *cp_actions_dialog_get_actions (CpActionsDialog *self);
GPtrArray       *cp_actions_dialog_get_sessions (CpActionsDialog *self);

G_END_DECLS
