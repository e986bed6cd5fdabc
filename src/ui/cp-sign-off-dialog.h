/* cp-sign-off-dialog.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_SIGN_OFF_DIALOG (cp_sign_off_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CpSignOffDialog, cp_sign_off_dialog, CP, SIGN_OFF_DIALOG, AdwMessageDialog)

CpSignOffDialog *cp_sign_off_dialog_new (GtkWidget    *parent,
                                         CpEngagement *engagement,
                                         CpPhase      *phase);

G_END_DECLS
