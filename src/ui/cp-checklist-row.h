/* cp-checklist-row.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_CHECKLIST_ROW (cp_checklist_row_get_type ())

G_DECLARE_FINAL_TYPE (CpChecklistRow, cp_checklist_row, CP, CHECKLIST_ROW, AdwActionRow)

GtkWidget       *cp_checklist_row_new      (CpPhase         *phase,
                                            CpChecklistItem *item,
                                            gboolean         editable);
CpChecklistItem *cp_checklist_row_get_item (CpChecklistRow  *self);

G_END_DECLS
