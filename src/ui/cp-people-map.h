/* cp-people-map.h — the stakeholder map, on the Overview
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CP_TYPE_PEOPLE_MAP (cp_people_map_get_type ())

G_DECLARE_FINAL_TYPE (CpPeopleMap, cp_people_map, CP, PEOPLE_MAP, GtkWidget)

GtkWidget  *cp_people_map_new              (void);
void        cp_people_map_set_stakeholders (CpPeopleMap *self,
                                            GListModel  *stakeholders);
GListModel *cp_people_map_get_stakeholders (CpPeopleMap *self);

G_END_DECLS
