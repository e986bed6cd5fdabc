/* cp-engagement-page.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_ENGAGEMENT_PAGE (cp_engagement_page_get_type ())

G_DECLARE_FINAL_TYPE (CpEngagementPage, cp_engagement_page, CP, ENGAGEMENT_PAGE, AdwBin)

GtkWidget    *cp_engagement_page_new            (void);
CpEngagement *cp_engagement_page_get_engagement (CpEngagementPage *self);
void          cp_engagement_page_set_engagement (CpEngagementPage *self,
                                                 CpEngagement     *engagement);
gboolean      cp_engagement_page_get_editable   (CpEngagementPage *self);
void          cp_engagement_page_set_editable   (CpEngagementPage *self,
                                                 gboolean          editable);
void          cp_engagement_page_focus_title    (CpEngagementPage *self);

G_END_DECLS
