/* cp-maturity-chart.c — maturity before and after, drawn with cairo
 *
 * One row a practice: a grey bar for the baseline score and, beneath
 * it, a coloured bar for the score at the review, on a 0–5 scale.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-maturity-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cp-maturity.h"
#include "cp-maturity-chart.h"

#define ROW_HEIGHT 34
#define LABEL_WIDTH 150
#define BAR_HEIGHT 10

struct _CpMaturityChart
{
  GtkWidget   parent_instance;

  GListModel *model;
};

G_DEFINE_FINAL_TYPE (CpMaturityChart, cp_maturity_chart, GTK_TYPE_WIDGET)

static void
changed_cb (CpMaturityChart *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
watch (CpMaturityChart *self,
       guint            position,
       guint            removed,
       guint            added,
       GListModel      *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CpMaturity) m = g_list_model_get_item (model, i);
      g_signal_connect_object (m, "notify::scores", G_CALLBACK (changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  changed_cb (self);
}

static void
cp_maturity_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CpMaturityChart *self = CP_MATURITY_CHART (widget);
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = LABEL_WIDTH + 120;
  else
    *minimum = *natural = (n + 1) * ROW_HEIGHT;
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *rgba,
           double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static void
cp_maturity_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CpMaturityChart *self = CP_MATURITY_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double bars = MAX (width - LABEL_WIDTH - 12, 40);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1 };
  cairo_t *cr;
  guint n;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    accent = (GdkRGBA) { 0.47, 0.68, 0.93, 1 };

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  n = self->model ? g_list_model_get_n_items (self->model) : 0;

  /* The scale, 0 to 5, with a faint line at each level. */
  for (int level = 0; level <= 5; level++)
    {
      double x = LABEL_WIDTH + bars * level / 5.0;
      g_autofree char *text = g_strdup_printf ("%d", level);

      set_color (cr, &fg, 0.15);
      cairo_rectangle (cr, x, 0, 1, n * ROW_HEIGHT);
      cairo_fill (cr);

      set_color (cr, &fg, 0.8);
      pango_layout_set_text (layout, text, -1);
      cairo_move_to (cr, x - 3, n * ROW_HEIGHT + 4);
      pango_cairo_show_layout (cr, layout);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpMaturity) m = g_list_model_get_item (self->model, i);
      int before = cp_maturity_get_baseline_level (m);
      int after = cp_maturity_get_review_level (m);
      double y = i * ROW_HEIGHT;
      int text_height;

      pango_layout_set_text (layout, cp_maturity_get_practice (m), -1);
      pango_layout_set_width (layout, (LABEL_WIDTH - 12) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, NULL, &text_height);
      set_color (cr, &fg, 1);
      cairo_move_to (cr, 0, y + (ROW_HEIGHT - text_height) / 2.0);
      pango_cairo_show_layout (cr, layout);
      pango_layout_set_width (layout, -1);

      /* Each bar says what it is and its level in words, not by its
       * colour alone.
       */
      for (guint which = 0; which < 2; which++)
        {
          int level = which == 0 ? before : after;
          double top = which == 0 ? y + 5 : y + 7 + BAR_HEIGHT;
          double length = level >= 0 ? MAX (bars * level / 5.0, 3) : 0;
          g_autofree char *text = NULL;
          int text_h;

          if (level >= 0)
            {
              if (which == 0)
                set_color (cr, &fg, adw_style_manager_get_high_contrast (adw_style_manager_get_default ())
                                    ? 1 : 0.55);
              else
                set_color (cr, &accent, 1);
              cairo_rectangle (cr, LABEL_WIDTH, top, length, BAR_HEIGHT);
              cairo_fill (cr);
            }

          text = level >= 0
                 /* Translators: a maturity bar's label: baseline or review, and the level. */
                 ? g_strdup_printf (which == 0 ? _("baseline %d") : _("review %d"), level)
                 : g_strdup (which == 0 ? _("baseline not scored") : _("review not scored"));
          pango_layout_set_attributes (layout, NULL);
          pango_layout_set_text (layout, text, -1);
          pango_layout_get_pixel_size (layout, NULL, &text_h);
          set_color (cr, &fg, 0.8);
          cairo_save (cr);
          cairo_translate (cr, LABEL_WIDTH + length + 6, top + BAR_HEIGHT / 2.0 - text_h * 0.35);
          cairo_scale (cr, 0.7, 0.7);
          cairo_move_to (cr, 0, 0);
          pango_cairo_show_layout (cr, layout);
          cairo_restore (cr);
        }
    }

  cairo_destroy (cr);
}

static void
cp_maturity_chart_dispose (GObject *object)
{
  CpMaturityChart *self = (CpMaturityChart *)object;

  cp_maturity_chart_set_model (self, NULL);

  G_OBJECT_CLASS (cp_maturity_chart_parent_class)->dispose (object);
}

static void
cp_maturity_chart_class_init (CpMaturityChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_maturity_chart_dispose;
  widget_class->measure = cp_maturity_chart_measure;
  widget_class->snapshot = cp_maturity_chart_snapshot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cp_maturity_chart_init (CpMaturityChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Maturity at the baseline and at the review, 0 to 5"), -1);
}

GtkWidget *
cp_maturity_chart_new (void)
{
  return g_object_new (CP_TYPE_MATURITY_CHART, NULL);
}

/**
 * cp_maturity_chart_set_model:
 * @maturity: (nullable): a list of #CpMaturity
 */
void
cp_maturity_chart_set_model (CpMaturityChart *self,
                             GListModel      *maturity)
{
  g_return_if_fail (CP_IS_MATURITY_CHART (self));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  g_set_object (&self->model, maturity);

  if (maturity != NULL)
    {
      g_signal_connect_object (maturity, "items-changed", G_CALLBACK (watch), self,
                               G_CONNECT_SWAPPED);
      watch (self, 0, 0, g_list_model_get_n_items (maturity), maturity);
    }
  else
    changed_cb (self);
}
