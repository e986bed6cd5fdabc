/* cp-measures-page.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_MEASURES_PAGE (cp_measures_page_get_type ())

G_DECLARE_FINAL_TYPE (CpMeasuresPage, cp_measures_page, CP, MEASURES_PAGE, AdwBin)

void cp_measures_page_set_engagement (CpMeasuresPage *self,
                                      CpEngagement   *engagement);
void cp_measures_page_set_editable   (CpMeasuresPage *self,
                                      gboolean        editable);

G_END_DECLS
