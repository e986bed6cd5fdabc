/* cp-approach-dialog.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_APPROACH_DIALOG (cp_approach_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CpApproachDialog, cp_approach_dialog, CP, APPROACH_DIALOG, AdwMessageDialog)

CpApproachDialog *cp_approach_dialog_new (GtkWidget    *parent,
                                          CpEngagement *engagement,
                                          CpApproach    proposed,
                                          const char   *reason);

G_END_DECLS
