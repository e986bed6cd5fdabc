/* cp-bar-chart.c — how far along each thing is, as bars drawn with cairo:
 * a label, a track from 0 to 1 filled to the value, perhaps a marker for
 * where it should be by now, and a short text at the end
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-bar-chart"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "cp-bar-chart.h"

#define ROW_HEIGHT 30
#define LABEL_WIDTH 200
#define TEXT_WIDTH 110
#define BAR_HEIGHT 10

typedef struct
{
  char     *label;
  char     *text;
  double    value;
  double    marker;   /* NAN for none */
  gboolean  warn;
} Bar;

struct _CpBarChart
{
  GtkWidget  parent_instance;

  GArray    *bars;
};

G_DEFINE_FINAL_TYPE (CpBarChart, cp_bar_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->text);
}

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
    *minimum = *natural = LABEL_WIDTH + TEXT_WIDTH + 80;
  else
    *minimum = *natural = self->bars->len * ROW_HEIGHT;
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *rgba,
           double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           int          width)
{
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_move_to (cr, x, y + (ROW_HEIGHT - height) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
cp_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CpBarChart *self = CP_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double track = MAX (width - LABEL_WIDTH - TEXT_WIDTH - 12, 40);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1 }, warning = { 0.90, 0.38, 0.0, 1 };
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cairo_t *cr;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  if (dark)
    {
      accent = (GdkRGBA) { 0.47, 0.68, 0.93, 1 };
      warning = (GdkRGBA) { 1.0, 0.64, 0.28, 1 };
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      double y = i * ROW_HEIGHT;
      double bar_y = y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;

      set_color (cr, &fg, 1);
      show_text (cr, layout, bar->label, 0, y, LABEL_WIDTH - 12);

      set_color (cr, &fg, 0.12);
      cairo_rectangle (cr, LABEL_WIDTH, bar_y, track, BAR_HEIGHT);
      cairo_fill (cr);

      set_color (cr, bar->warn ? &warning : &accent, 1);
      cairo_rectangle (cr, LABEL_WIDTH, bar_y, track * CLAMP (bar->value, 0, 1), BAR_HEIGHT);
      cairo_fill (cr);

      if (!isnan (bar->marker))
        {
          set_color (cr, &fg, 0.8);
          cairo_rectangle (cr, LABEL_WIDTH + track * CLAMP (bar->marker, 0, 1) - 1, bar_y - 4,
                           2, BAR_HEIGHT + 8);
          cairo_fill (cr);
        }

      set_color (cr, &fg, 0.7);
      show_text (cr, layout, bar->text, LABEL_WIDTH + track + 12, y, TEXT_WIDTH);
    }

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
  widget_class->snapshot = cp_bar_chart_snapshot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cp_bar_chart_init (CpBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
}

GtkWidget *
cp_bar_chart_new (void)
{
  return g_object_new (CP_TYPE_BAR_CHART, NULL);
}

void
cp_bar_chart_clear (CpBarChart *self)
{
  g_return_if_fail (CP_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * cp_bar_chart_add:
 * @value: how far along, 0 to 1
 * @marker: where it should be by now, 0 to 1, or NAN for no marker
 * @text: shown after the bar, such as "75 %"
 * @warn: draw the bar in the warning colour
 */
void
cp_bar_chart_add (CpBarChart *self,
                  const char *label,
                  double      value,
                  double      marker,
                  const char *text,
                  gboolean    warn)
{
  Bar bar = { g_strdup (label), g_strdup (text), value, marker, warn };

  g_return_if_fail (CP_IS_BAR_CHART (self));

  g_array_append_val (self->bars, bar);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
cp_bar_chart_get_n_bars (CpBarChart *self)
{
  g_return_val_if_fail (CP_IS_BAR_CHART (self), 0);

  return self->bars->len;
}
