/* cp-bar-chart.h — bars of how far along each thing is, in the window
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CP_TYPE_BAR_CHART (cp_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (CpBarChart, cp_bar_chart, CP, BAR_CHART, GtkWidget)

GtkWidget *cp_bar_chart_new        (void);
void       cp_bar_chart_set_bars   (CpBarChart *self,
                                    GArray     *bars);
guint      cp_bar_chart_get_n_bars (CpBarChart *self);

G_END_DECLS
