/* cp-engagement-list.h — the engagements of a store as a GListModel
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_ENGAGEMENT_LIST (cp_engagement_list_get_type ())

G_DECLARE_FINAL_TYPE (CpEngagementList, cp_engagement_list, CP, ENGAGEMENT_LIST, GObject)

CpEngagementList *cp_engagement_list_new          (CpStore          *store);
CpStore          *cp_engagement_list_get_store    (CpEngagementList *self);
const char       *cp_engagement_list_get_search   (CpEngagementList *self);
void              cp_engagement_list_set_search   (CpEngagementList *self,
                                                   const char       *search);
CpStatus          cp_engagement_list_get_status   (CpEngagementList *self);
void              cp_engagement_list_set_status   (CpEngagementList *self,
                                                   CpStatus          status);
gboolean          cp_engagement_list_find         (CpEngagementList *self,
                                                   gint64            id,
                                                   guint            *position);
gboolean          cp_engagement_list_refresh      (CpEngagementList *self,
                                                   GError          **error);

G_END_DECLS
