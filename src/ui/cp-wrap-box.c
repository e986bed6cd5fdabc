/* cp-wrap-box.c — children side by side, wrapping onto a new line when
 * the width runs out
 *
 * A line takes children at their natural widths while they fit; a child
 * wider than the whole box gets a line of its own, as wide as the box.
 * The room left on a line goes to its children that expand, shared
 * evenly. Keyboard focus follows the children's order, as in a box; a
 * narrow window wraps the line instead of being forced wider.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cp-wrap-box.h"

#define SPACING 6

struct _CpWrapBox
{
  GtkWidget parent_instance;
};

static void cp_wrap_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpWrapBox, cp_wrap_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, cp_wrap_box_buildable_init))

static GtkBuildableIface *parent_buildable;

static int
natural_width (GtkWidget *child)
{
  int natural;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);

  return natural;
}

/* Lays the children out in @width: calls @place for each with its line's
 * top, its own x and width; returns the height of all the lines.
 */
typedef void (*PlaceFunc) (GtkWidget *child,
                           int        x,
                           int        y,
                           int        width,
                           int        height);

static int
layout (CpWrapBox *self,
        int        width,
        PlaceFunc  place)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self));
  int y = 0;

  while (first != NULL)
    {
      GtkWidget *end = first;
      int used = 0;
      int n_expand = 0;
      int height = 0;
      int extra;
      int x = 0;

      /* Which children share this line. */
      for (GtkWidget *child = first; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int w;

          if (!gtk_widget_should_layout (child))
            {
              end = gtk_widget_get_next_sibling (child);
              continue;
            }
          w = natural_width (child);
          if (used > 0 && used + SPACING + w > width)
            break;
          used += (used > 0 ? SPACING : 0) + w;
          n_expand += gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
          end = gtk_widget_get_next_sibling (child);
        }

      extra = MAX (width - used, 0);
      for (GtkWidget *child = first; child != end; child = gtk_widget_get_next_sibling (child))
        {
          int w, h;

          if (!gtk_widget_should_layout (child))
            continue;
          w = MIN (natural_width (child), width);
          if (n_expand > 0 && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
            w += extra / n_expand;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
          height = MAX (height, h);
        }

      for (GtkWidget *child = first; child != end; child = gtk_widget_get_next_sibling (child))
        {
          int w;

          if (!gtk_widget_should_layout (child))
            continue;
          w = MIN (natural_width (child), width);
          if (n_expand > 0 && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
            w += extra / n_expand;
          if (place != NULL)
            place (child, x, y, w, height);
          x += w + SPACING;
        }

      y += height;
      first = end;
      if (first != NULL && height > 0)
        y += SPACING;
    }

  return y;
}

static void
cp_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  CpWrapBox *self = CP_WRAP_BOX (widget);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int line = 0;

      /* At least the widest child's least; at best all on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          line += (line > 0 ? SPACING : 0) + child_nat;
        }
      *natural = MAX (line, *minimum);
    }
  else
    {
      int width = for_size;

      if (width < 0)
        gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      *minimum = *natural = layout (self, width, NULL);
    }
}

static void
place_child (GtkWidget *child,
             int        x,
             int        y,
             int        width,
             int        height)
{
  GtkWidget *parent = gtk_widget_get_parent (child);

  if (gtk_widget_get_direction (parent) == GTK_TEXT_DIR_RTL)
    x = gtk_widget_get_width (parent) - x - width;
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
cp_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  layout (CP_WRAP_BOX (widget), width, place_child);
}

static GtkSizeRequestMode
cp_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cp_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cp_wrap_box_parent_class)->dispose (object);
}

static void
cp_wrap_box_class_init (CpWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_wrap_box_dispose;
  widget_class->measure = cp_wrap_box_measure;
  widget_class->size_allocate = cp_wrap_box_size_allocate;
  widget_class->get_request_mode = cp_wrap_box_get_request_mode;
}

static void
cp_wrap_box_init (CpWrapBox *self)
{
}

static void
cp_wrap_box_buildable_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  if (GTK_IS_WIDGET (child))
    cp_wrap_box_append (CP_WRAP_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
cp_wrap_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = cp_wrap_box_buildable_add_child;
}

GtkWidget *
cp_wrap_box_new (void)
{
  return g_object_new (CP_TYPE_WRAP_BOX, NULL);
}

/* Adds @child at the end, after the others. */
void
cp_wrap_box_append (CpWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (CP_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
