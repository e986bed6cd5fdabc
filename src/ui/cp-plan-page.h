/* cp-plan-page.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_PLAN_PAGE (cp_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (CpPlanPage, cp_plan_page, CP, PLAN_PAGE, AdwBin)

CpEngagement *cp_plan_page_get_engagement (CpPlanPage   *self);
void          cp_plan_page_set_engagement (CpPlanPage   *self,
                                           CpEngagement *engagement);
CpCycle      *cp_plan_page_get_cycle      (CpPlanPage   *self);
void          cp_plan_page_set_editable   (CpPlanPage   *self,
                                           gboolean      editable);

G_END_DECLS
