/* cp-maturity-chart.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CP_TYPE_MATURITY_CHART (cp_maturity_chart_get_type ())

G_DECLARE_FINAL_TYPE (CpMaturityChart, cp_maturity_chart, CP, MATURITY_CHART, GtkWidget)

GtkWidget *cp_maturity_chart_new       (void);
void       cp_maturity_chart_set_model (CpMaturityChart *self,
                                        GListModel      *maturity);

G_END_DECLS
