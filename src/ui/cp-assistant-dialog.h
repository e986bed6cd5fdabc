/* cp-assistant-dialog.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_ASSISTANT_DIALOG (cp_assistant_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CpAssistantDialog, cp_assistant_dialog, CP, ASSISTANT_DIALOG, AdwWindow)

CpAssistantDialog *cp_assistant_dialog_new            (GtkWidget         *parent,
                                                       CpEngagement      *engagement);
CpApproach         cp_assistant_dialog_get_recommended (CpAssistantDialog *self);

G_END_DECLS
