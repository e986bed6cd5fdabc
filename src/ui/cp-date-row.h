/* cp-date-row.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CP_TYPE_DATE_ROW (cp_date_row_get_type ())

G_DECLARE_FINAL_TYPE (CpDateRow, cp_date_row, CP, DATE_ROW, AdwActionRow)

const char *cp_date_row_get_date (CpDateRow  *self);
void        cp_date_row_set_date (CpDateRow  *self,
                                  const char *date);

G_END_DECLS
