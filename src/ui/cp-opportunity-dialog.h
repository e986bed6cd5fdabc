/* cp-opportunity-dialog.h — every field of one improvement opportunity
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_OPPORTUNITY_DIALOG (cp_opportunity_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CpOpportunityDialog, cp_opportunity_dialog, CP, OPPORTUNITY_DIALOG, AdwWindow)

CpOpportunityDialog *cp_opportunity_dialog_new         (GtkWindow           *parent,
                                                        CpEngagement        *engagement,
                                                        CpOpportunity       *opportunity,
                                                        gboolean             editable);
GListModel          *cp_opportunity_dialog_get_actions (CpOpportunityDialog *self);

G_END_DECLS
