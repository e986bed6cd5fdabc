/* cp-bar-chart.h — how far along each thing is, as bars drawn with cairo
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CP_TYPE_BAR_CHART (cp_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (CpBarChart, cp_bar_chart, CP, BAR_CHART, GtkWidget)

GtkWidget *cp_bar_chart_new     (void);
void       cp_bar_chart_clear   (CpBarChart *self);
void       cp_bar_chart_add     (CpBarChart *self,
                                 const char *label,
                                 double      value,
                                 double      marker,
                                 const char *text,
                                 gboolean    warn);
guint      cp_bar_chart_get_n_bars (CpBarChart *self);

G_END_DECLS
