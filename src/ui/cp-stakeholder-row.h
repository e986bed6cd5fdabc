/* cp-stakeholder-row.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_STAKEHOLDER_ROW (cp_stakeholder_row_get_type ())

G_DECLARE_FINAL_TYPE (CpStakeholderRow, cp_stakeholder_row, CP, STAKEHOLDER_ROW, AdwExpanderRow)

GtkWidget     *cp_stakeholder_row_new             (CpStakeholder    *stakeholder);
CpStakeholder *cp_stakeholder_row_get_stakeholder (CpStakeholderRow *self);
void           cp_stakeholder_row_edit            (CpStakeholderRow *self);

G_END_DECLS
