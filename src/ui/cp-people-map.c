/* cp-people-map.c — the stakeholder map, on the Overview
 *
 * Draws the engagement's stakeholders by influence and stance with the
 * core's map (the PDF report draws the same), in the window's colours,
 * as tall as its names need at its width. Assistive technology reads it
 * as a picture whose description says the map in words.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-people-map"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "cp-people-map.h"
#include "cp-stakeholder-map.h"

struct _CpPeopleMap
{
  GtkWidget   parent_instance;

  GListModel *stakeholders;
  GPtrArray  *watched;   /* the stakeholders whose changes redraw it */
  GArray     *people;    /* as the map draws them, taken at each change */
};

G_DEFINE_FINAL_TYPE (CpPeopleMap, cp_people_map, GTK_TYPE_WIDGET)

static void
changed (CpPeopleMap *self)
{
  g_autofree char *description = NULL;

  g_clear_pointer (&self->people, g_array_unref);
  if (self->stakeholders != NULL)
    {
      self->people = cp_stakeholder_map_take (self->stakeholders);
      description = cp_stakeholder_map_describe (self->people);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
unwatch (CpPeopleMap *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
items_changed_cb (CpPeopleMap *self)
{
  unwatch (self);
  for (guint i = 0; i < g_list_model_get_n_items (self->stakeholders); i++)
    {
      GObject *person = g_list_model_get_item (self->stakeholders, i);

      g_signal_connect_swapped (person, "notify", G_CALLBACK (changed), self);
      g_ptr_array_add (self->watched, person);
    }
  changed (self);
}

static CpMapColor
color_from_rgba (const GdkRGBA *rgba,
                 double         alpha)
{
  return (CpMapColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}

static void
cp_people_map_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CpPeopleMap *self = CP_PEOPLE_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  /* Adwaita's red and green, lighter on a dark background. */
  GdkRGBA against = dark ? (GdkRGBA) { 1.0, 0.48, 0.39, 1.0 } : (GdkRGBA) { 0.88, 0.11, 0.14, 1.0 };
  GdkRGBA in_favour = dark ? (GdkRGBA) { 0.56, 0.94, 0.64, 1.0 } : (GdkRGBA) { 0.18, 0.76, 0.49, 1.0 };
  GdkRGBA ink;
  CpMapColors colors;
  cairo_t *cr;

  if (self->people == NULL || width <= 0 || height <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
  G_GNUC_END_IGNORE_DEPRECATIONS

  colors.ink = color_from_rgba (&ink, 1.0);
  colors.line = color_from_rgba (&ink, 0.3);
  colors.against = color_from_rgba (&against, 1.0);
  colors.in_favour = color_from_rgba (&in_favour, 1.0);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cp_stakeholder_map_draw (cr, gtk_widget_get_pango_context (widget), width, self->people, &colors);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
cp_people_map_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Narrow enough for a phone, readable at that width. */
#define MIN_WIDTH 300
#define NATURAL_WIDTH 600

static void
cp_people_map_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CpPeopleMap *self = CP_PEOPLE_MAP (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
      return;
    }

  *minimum = *natural = self->people == NULL ? 0 :
    (int) ceil (cp_stakeholder_map_height (gtk_widget_get_pango_context (widget),
                                           for_size > 0 ? for_size : NATURAL_WIDTH,
                                           self->people));
}

static void
cp_people_map_dispose (GObject *object)
{
  CpPeopleMap *self = CP_PEOPLE_MAP (object);

  cp_people_map_set_stakeholders (self, NULL);

  G_OBJECT_CLASS (cp_people_map_parent_class)->dispose (object);
}

static void
cp_people_map_finalize (GObject *object)
{
  CpPeopleMap *self = CP_PEOPLE_MAP (object);

  g_ptr_array_unref (self->watched);
  g_clear_pointer (&self->people, g_array_unref);

  G_OBJECT_CLASS (cp_people_map_parent_class)->finalize (object);
}

static void
cp_people_map_class_init (CpPeopleMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_people_map_dispose;
  object_class->finalize = cp_people_map_finalize;
  widget_class->snapshot = cp_people_map_snapshot;
  widget_class->measure = cp_people_map_measure;
  widget_class->get_request_mode = cp_people_map_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "stakeholder-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cp_people_map_init (CpPeopleMap *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stakeholder map"), -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cp_people_map_new (void)
{
  return g_object_new (CP_TYPE_PEOPLE_MAP, NULL);
}

/**
 * cp_people_map_set_stakeholders:
 * @stakeholders: (nullable): of CpStakeholder
 */
void
cp_people_map_set_stakeholders (CpPeopleMap *self,
                                GListModel  *stakeholders)
{
  g_return_if_fail (CP_IS_PEOPLE_MAP (self));
  g_return_if_fail (stakeholders == NULL || G_IS_LIST_MODEL (stakeholders));

  if (self->stakeholders == stakeholders)
    return;

  unwatch (self);
  if (self->stakeholders != NULL)
    g_signal_handlers_disconnect_by_data (self->stakeholders, self);
  g_set_object (&self->stakeholders, stakeholders);
  if (stakeholders != NULL)
    {
      g_signal_connect_swapped (stakeholders, "items-changed", G_CALLBACK (items_changed_cb), self);
      items_changed_cb (self);
    }
  else
    changed (self);
}

/**
 * cp_people_map_get_stakeholders:
 *
 * Returns: (transfer none) (nullable): what the map shows
 */
GListModel *
cp_people_map_get_stakeholders (CpPeopleMap *self)
{
  g_return_val_if_fail (CP_IS_PEOPLE_MAP (self), NULL);

  return self->stakeholders;
}
