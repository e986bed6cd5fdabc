/* test-window-pointer.c — the window driven by a real pointer, moved and
 * clicked through the X server as a person's mouse would: passing over
 * the sidebar opens nothing, a click opens an engagement, and an approach
 * picked with the mouse in a new engagement is that engagement's choice
 *
 * Runs under a virtual X server (build-aux/test starts one) with xdotool.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cp-engagement.h"
#include "cp-test-util.h"
#include "cp-test-window.h"

/* The sidebar's list of engagements. */
static gboolean
is_sidebar_list (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

static GtkWidget *
find_sidebar_list (GtkWidget *root)
{
  return find_where (root, is_sidebar_list, NULL);
}

/* The sidebar's rows on show, top to bottom. */
static GPtrArray *
sidebar_rows (CpWindow *window)
{
  GtkWidget *list = find_sidebar_list (GTK_WIDGET (window));
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row) && gtk_widget_get_height (row) > 0)
      g_ptr_array_add (rows, row);

  return rows;
}

static void
approach_by_mouse (CpWindow *window)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CpEngagement) fresh = NULL;
  GtkWidget *row;
  GtkWidget *popover;
  GtkWidget *choice;
  GtkWindow *ask;
  GtkWidget *leaflet;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-engagement", NULL));
  spin (300);
  fresh = g_object_ref (cp_window_get_current (window));
  g_assert_cmpint (cp_engagement_get_approach (fresh), ==, CP_APPROACH_UNDECIDED);

  /* Passing over the other engagements opens none of them. */
  rows = sidebar_rows (window);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      pointer_at (g_ptr_array_index (rows, i), FALSE);
      g_assert_true (cp_window_get_current (window) == fresh);
    }

  /* The approach, picked with the mouse from the drop-down. */
  row = find (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, "Approach");
  g_assert_nonnull (row);
  pointer_at (row, TRUE);
  popover = find (row, GTK_TYPE_POPOVER, NULL);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  choice = find (popover, GTK_TYPE_LABEL, "Do it yourself with expert coaching");
  g_assert_nonnull (choice);
  pointer_at (choice, TRUE);
  spin (200);

  /* The same engagement asks why this approach fits it. */
  g_assert_true (cp_window_get_current (window) == fresh);
  ask = find_dialog ("Choose the Approach?");
  g_assert_nonnull (ask);
  pointer_at (find_button (GTK_WIDGET (ask), "C_hoose"), TRUE);
  spin (200);
  g_assert_null (find_dialog ("Choose the Approach?"));
  g_assert_true (cp_window_get_current (window) == fresh);
  g_assert_cmpint (cp_engagement_get_approach (fresh), ==, CP_APPROACH_COACHED);

  /* A click on another engagement opens it. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = sidebar_rows (window);
  for (guint i = 0; i < rows->len; i++)
    {
      pointer_at (g_ptr_array_index (rows, i), TRUE);
      if (cp_window_get_current (window) != fresh)
        break;
    }
  g_assert_nonnull (cp_window_get_current (window));
  g_assert_false (cp_window_get_current (window) == fresh);
  g_assert_cmpstr (cp_engagement_get_title (cp_window_get_current (window)), ==,
                   "Service desk and change improvement");

  /* Narrow, where the sidebar is all there is, a click goes on to the
   * engagement.
   */
  leaflet = find (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  spin (500);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
  spin (500);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = sidebar_rows (window);
  g_assert_cmpuint (rows->len, ==, 2);
  pointer_at (g_ptr_array_index (rows, 0), TRUE);
  spin (500);
  g_assert_true (cp_window_get_current (window) == fresh);
  g_assert_false (gtk_widget_get_mapped (find_sidebar_list (GTK_WIDGET (window))));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/pointer/approach", (gconstpointer) approach_by_mouse, run_fresh);

  return g_test_run ();
}
