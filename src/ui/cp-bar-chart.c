/* cp-bar-chart.c — bars of how far along each thing is, in the window;
 * the drawing is the core's, shared with the PDF report
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-bar-chart"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "cp-bar-chart.h"
#include "cp-bars.h"

#define MIN_WIDTH 240

struct _CpBarChart
{
  GtkWidget  parent_instance;

  GArray    *bars;
};

G_DEFINE_FINAL_TYPE (CpBarChart, cp_bar_chart, GTK_TYPE_WIDGET)

static void
cp_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  CpBarChart *self = CP_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MIN_WIDTH;
  else
    {
      /* Every label whole: as tall as the width asked for needs. */
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);

      *minimum = *natural = (int) ceil (cp_bars_measure (self->bars, layout,
                                                         for_size > 0 ? for_size : MIN_WIDTH));
    }
}

static GtkSizeRequestMode
cp_bar_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cp_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CpBarChart *self = CP_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  CpBarColors colors = {
    { 0, 0, 0 },
    { 0.21, 0.52, 0.89 },
    { 0.90, 0.38, 0.0 },
  };
  GdkRGBA fg;
  cairo_t *cr;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  colors.fg[0] = fg.red, colors.fg[1] = fg.green, colors.fg[2] = fg.blue;
  colors.high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  if (dark)
    {
      colors.accent[0] = 0.47, colors.accent[1] = 0.68, colors.accent[2] = 0.93;
      colors.warning[0] = 1.0, colors.warning[1] = 0.64, colors.warning[2] = 0.28;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cp_bars_draw (self->bars, cr, layout, width, &colors);
  cairo_destroy (cr);
}

static void
cp_bar_chart_finalize (GObject *object)
{
  CpBarChart *self = (CpBarChart *)object;

  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (cp_bar_chart_parent_class)->finalize (object);
}

static void
cp_bar_chart_class_init (CpBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cp_bar_chart_finalize;
  widget_class->measure = cp_bar_chart_measure;
  widget_class->get_request_mode = cp_bar_chart_get_request_mode;
  widget_class->snapshot = cp_bar_chart_snapshot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cp_bar_chart_init (CpBarChart *self)
{
  self->bars = cp_bars_new ();
}

GtkWidget *
cp_bar_chart_new (void)
{
  return g_object_new (CP_TYPE_BAR_CHART, NULL);
}

/**
 * cp_bar_chart_set_bars:
 * @bars: (transfer full): from cp_bars_new()
 */
void
cp_bar_chart_set_bars (CpBarChart *self,
                       GArray     *bars)
{
  g_return_if_fail (CP_IS_BAR_CHART (self));
  g_return_if_fail (bars != NULL);

  g_clear_pointer (&self->bars, g_array_unref);
  self->bars = bars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
cp_bar_chart_get_n_bars (CpBarChart *self)
{
  g_return_val_if_fail (CP_IS_BAR_CHART (self), 0);

  return self->bars->len;
}
