/* cp-test-window.h — what the window tests share: running the real
 * application on a database with a scenario, letting the main loop turn,
 * and finding widgets and windows as a person would
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <string.h>

#include "cp-application.h"
#include "cp-window.h"
#include "cp-test-util.h"

typedef void (*Scenario) (CpWindow *window);

typedef struct
{
  Scenario  scenario;
  gboolean  ran;
} Run;

/* Lets the main loop draw and dispatch for a while. */
static G_GNUC_UNUSED void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

static gboolean
label_matches (GtkWidget  *widget,
               const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The first mapped descendant of @root of @type whose title (for rows) or
 * label (for labels) is @text.
 */
static G_GNUC_UNUSED GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (text == NULL)
            return child;
          if (type == GTK_TYPE_LABEL && label_matches (child, text))
            return child;
          if (ADW_IS_PREFERENCES_ROW (child) &&
              g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), text) == 0)
            return child;
        }

      if ((found = find (child, type, text)))
        return found;
    }

  return NULL;
}

static void
activate_cb (GApplication *app,
             Run          *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (CP_IS_WINDOW (window));

  /* Let the window map and draw before driving it. */
  spin (300);
  run->scenario (CP_WINDOW (window));
  run->ran = TRUE;

  /* The scenario may have replaced the window it was given. */
  while ((window = gtk_application_get_active_window (GTK_APPLICATION (app))) != NULL)
    {
      gtk_window_close (window);
      spin (50);
    }
}

static G_GNUC_UNUSED void
run_app (const char *database,
         Scenario    scenario)
{
  g_autoptr(CpApplication) app = cp_application_new (G_APPLICATION_NON_UNIQUE);
  g_autofree char *option = g_strconcat ("--database=", database, NULL);
  char *argv[] = { (char *) "coachplan", option, NULL };
  Run run = { scenario, FALSE };

  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_true (run.ran);
}

/* Runs the scenario @data on a database of its own, made for it and
 * removed after: for g_test_add_data_func().
 */
static G_GNUC_UNUSED void
run_fresh (gconstpointer data)
{
  g_autofree char *dir = cp_test_make_dir ();
  g_autofree char *database = g_build_filename (dir, "coach.db", NULL);

  run_app (database, (Scenario) data);
  cp_test_remove_tree (dir);
}

/* The first toplevel window of @type. */
static G_GNUC_UNUSED GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

/* The message dialog on show with @heading. */
static G_GNUC_UNUSED GtkWindow *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

typedef gboolean (*WidgetTest) (GtkWidget     *widget,
                                gconstpointer  data);

/* The first widget under @root, depth first, that passes @test. */
static G_GNUC_UNUSED GtkWidget *
find_where (GtkWidget     *root,
            WidgetTest     test,
            gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (test (child, data))
        return child;
      if ((found = find_where (child, test, data)) != NULL)
        return found;
    }

  return NULL;
}

static G_GNUC_UNUSED gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  part)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), part) != NULL;
}

/* The first mapped label under @root whose text holds @part. */
static G_GNUC_UNUSED GtkLabel *
find_label_containing (GtkWidget  *root,
                       const char *part)
{
  return GTK_LABEL (find_where (root, is_label_containing, part));
}

static G_GNUC_UNUSED gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The mapped button labelled @label under @root. */
static G_GNUC_UNUSED GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  return find_where (root, is_button_labelled, label);
}

static G_GNUC_UNUSED gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  name)
{
  return gtk_widget_has_css_class (widget, name);
}

/* The first widget under @root with the style class @name. */
static G_GNUC_UNUSED GtkWidget *
find_css_class (GtkWidget  *root,
                const char *name)
{
  return find_where (root, has_css_class, name);
}

/* Moves the real pointer over the middle of @widget through the X server,
 * as a person's mouse would, and clicks there when @click: the events come
 * back through GDK like any others. Needs xdotool and the X11 backend.
 */
static G_GNUC_UNUSED void
pointer_at (GtkWidget *widget,
            gboolean   click)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                 gtk_widget_get_height (widget) / 2.f);
  graphene_point_t at;
  double dx, dy;
  g_autofree char *xid = NULL;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &at));
  gtk_native_get_surface_transform (native, &dx, &dy);
  xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  x = g_strdup_printf ("%d", (int) (at.x + dx));
  y = g_strdup_printf ("%d", (int) (at.y + dy));

  {
    const char *argv[] = { "xdotool", "mousemove", "--sync", "--window", xid, x, y,
                           click ? "click" : NULL, "1", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  spin (250);
}

/* Opens the sample engagement and shows its page of @type, named @name in
 * the view stack.
 */
static G_GNUC_UNUSED GtkWidget *
open_sample_at (CpWindow   *window,
                GType       type,
                const char *name)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);

  /* As Alt+2 and the like do; the page is made as it is first shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  spin (300);
  page = find (GTK_WIDGET (window), type, NULL);
  g_assert_nonnull (page);

  return page;
}
