/* test-window-calendar.c — the agenda, reminders, coachplan: links and a
 * calendar file dropped on the window, in a real window under Xvfb
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cp-action.h"
#include "cp-action-row.h"
#include "cp-actions-dialog.h"
#include "cp-calendar.h"
#include "cp-engagement.h"
#include "cp-notes-page.h"
#include "cp-session.h"
#include "cp-session-dialog.h"
#include "cp-test-util.h"
#include "cp-test-window.h"
#include "cp-ui-util.h"
#include "cp-window.h"
#include "cp-window-calendar.h"

static char *
day_from_now (int         days,
              const char *format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, format);
}

static CpSession *
add_session (CpEngagement *engagement,
             int           days,
             const char   *topic)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = day_from_now (days, "%Y-%m-%dT10:00");
  CpSession *session = cp_engagement_add_session (engagement, at, CP_SESSION_KIND_REVIEW, &error);

  g_assert_no_error (error);
  cp_session_set_topic (session, topic);

  return session;
}

static void
add_action (CpEngagement *engagement,
            int           days,
            const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *due = day_from_now (days, "%Y-%m-%d");
  g_autoptr(CpAction) action = cp_engagement_add_action (engagement, text, &error);

  g_assert_no_error (error);
  g_assert_true (cp_action_set_due_on (action, due));
}

/* A notification server of our own on the test's session bus: what the
 * desktop's would show, kept.
 */
static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'>"
  "<arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "<arg type='a{sv}' direction='in'/><arg type='i' direction='in'/><arg type='u' direction='out'/>"
  "</method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "</interface></node>";

static GPtrArray *shown_notifications;

static void
notifications_call_cb (GDBusConnection       *connection,
                       const char            *sender,
                       const char            *path,
                       const char            *interface,
                       const char            *method,
                       GVariant              *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer               data)
{
  if (g_str_equal (method, "Notify"))
    {
      const char *summary, *body;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_variant_get_child (parameters, 4, "&s", &body);
      g_ptr_array_add (shown_notifications, g_strdup_printf ("%s\n%s", summary, body));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", shown_notifications->len));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "body", "actions", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
serve_notifications (void)
{
  static const GDBusInterfaceVTable vtable = { notifications_call_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) reply = NULL;

  g_assert_no_error (error);
  shown_notifications = g_ptr_array_new_with_free_func (g_free);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
was_shown (const char *text)
{
  for (guint i = 0; i < shown_notifications->len; i++)
    if (strstr (g_ptr_array_index (shown_notifications, i), text) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
contains_prefix (GStrv       ids,
                 const char *prefix)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_has_prefix (ids[i], prefix))
      return TRUE;

  return FALSE;
}

static void
upcoming (CpWindow *window)
{
  CpStore *store = cp_window_get_store (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = cp_store_create_engagement (store, "Agenda", CP_APPROACH_COACHED, &error);
  g_autoptr(CpSession) soon = NULL;
  g_autoptr(CpSession) later = NULL;
  CpActionsDialog *dialog;
  GtkWidget *list, *row;
  GPtrArray *sessions;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) again = NULL;
  g_auto(GStrv) morning = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) nine = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_assert_no_error (error);
  soon = add_session (engagement, 2, "Coming review");
  later = add_session (engagement, 20, "Too far ahead");
  add_action (engagement, -1, "Chase the survey");
  add_action (engagement, 5, "Draft the baseline");
  cp_store_flush (store, &error);
  g_assert_no_error (error);
  cp_window_show_engagement (window, engagement);
  spin (200);

  /* Ctrl+Shift+U: the next 14 days' sessions and the open actions, the
   * soonest first, the overdue one marked.
   */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-actions", NULL));
  spin (300);
  dialog = CP_ACTIONS_DIALOG (find_toplevel (CP_TYPE_ACTIONS_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Upcoming");
  sessions = cp_actions_dialog_get_sessions (dialog);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cp_actions_dialog_get_actions (dialog)), ==, 2);

  list = gtk_widget_get_parent (find (GTK_WIDGET (dialog), CP_TYPE_ACTION_ROW, NULL));
  g_assert_true (GTK_IS_LIST_BOX (list));
  row = gtk_widget_get_first_child (list);
  g_assert_true (CP_IS_ACTION_ROW (row));
  g_assert_cmpstr (cp_action_get_text (cp_action_row_get_action (CP_ACTION_ROW (row))), ==, "Chase the survey");
  g_assert_true (gtk_widget_has_css_class (row, "overdue"));
  row = gtk_widget_get_next_sibling (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Coming review");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Agenda"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "10:00"));
  {
    GtkWidget *next = gtk_widget_get_next_sibling (row);

    g_assert_true (CP_IS_ACTION_ROW (next));
    g_assert_false (gtk_widget_has_css_class (next, "overdue"));
    g_assert_null (gtk_widget_get_next_sibling (next));
  }

  /* A session opens in the main window, the agenda out of the way. */
  g_signal_emit_by_name (row, "activated");
  spin (300);
  g_assert_null (find_toplevel (CP_TYPE_ACTIONS_DIALOG));
  {
    GtkWindow *session_dialog = find_toplevel (CP_TYPE_SESSION_DIALOG);

    g_assert_nonnull (session_dialog);
    gtk_window_destroy (session_dialog);
    spin (100);
  }

  /* Reminders: 15 minutes before the session, once; the overdue action
   * each morning, once.
   */
  {
    g_autofree char *at = day_from_now (2, "%Y-%m-%dT09:50");
    int y, mo, d, h, mi;

    g_assert_cmpint (sscanf (at, "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi), ==, 5);
    before = g_date_time_new_local (y, mo, d, 9, 50, 0);
    nine = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                  g_date_time_get_day_of_month (now), 9, 0, 0);
  }
  first = cp_window_check_reminders (window, before);
  g_assert_true (contains_prefix (first, "session-"));
  again = cp_window_check_reminders (window, before);
  g_assert_false (contains_prefix (again, "session-"));
  morning = cp_window_check_reminders (window, nine);
  g_assert_cmpuint (g_strv_length (morning), ==, 1);
  g_assert_true (g_str_has_prefix (morning[0], "overdue-"));
  g_strfreev (again);
  again = cp_window_check_reminders (window, nine);
  g_assert_cmpuint (g_strv_length (again), ==, 0);

  /* As the desktop shows them. */
  spin (500);
  g_assert_true (was_shown ("Soon: Coming review\nAt 10:00 · Agenda"));
  g_assert_true (was_shown ("Overdue: Chase the survey\nIt was due yesterday · Agenda"));
  g_assert_cmpuint (shown_notifications->len, ==, 2);
}

/* coachplan: links open what they name, and say why not when it is gone. */
static void
links (CpWindow *window)
{
  CpStore *store = cp_window_get_store (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = cp_store_create_engagement (store, "Linked", CP_APPROACH_COACHED, &error);
  g_autoptr(CpSession) session = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *from = day_from_now (0, "%Y-%m-%dT00:00");
  g_autofree char *to = day_from_now (30, "%Y-%m-%dT00:00");
  g_autofree char *link = NULL;
  g_autofree char *gone = NULL;

  g_assert_no_error (error);
  session = add_session (engagement, 3, "Linked session");
  cp_store_flush (store, &error);
  listed = cp_store_list_sessions_between (store, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  link = cp_calendar_link (g_ptr_array_index (listed, 0));

  g_assert_true (cp_window_open_link (window, link));
  spin (300);
  g_assert_true (cp_window_get_current (window) == engagement);
  g_assert_nonnull (find_toplevel (CP_TYPE_SESSION_DIALOG));
  gtk_window_destroy (find_toplevel (CP_TYPE_SESSION_DIALOG));
  spin (100);

  gone = g_strdup_printf ("coachplan:engagement/%s/session/%s",
                          ((CpCalendarRecord *) g_ptr_array_index (listed, 0))->engagement_uuid,
                          "00000000-0000-4000-8000-000000000000");
  g_assert_false (cp_window_open_link (window, gone));
  g_assert_false (cp_window_open_link (window, "coachplan:nonsense"));
  spin (100);
}

/* A calendar file dropped on the Notes page: its events become sessions,
 * on show at once; a bad one changes nothing.
 */
static void
dropped_calendar (CpWindow *window)
{
  CpStore *store = cp_window_get_store (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = cp_store_create_engagement (store, "Dropped", CP_APPROACH_COACHED, &error);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "calendar", "outlook.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = cp_test_make_dir ();
  g_autofree char *bad_path = g_build_filename (dir, "bad.ics", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  CpEngagement *shown;

  g_assert_no_error (error);
  g_assert_true (cp_engagement_set_start_date (engagement, "2026-10-01"));
  g_assert_true (cp_engagement_set_end_date (engagement, "2027-03-31"));
  cp_store_flush (store, &error);
  cp_window_show_engagement (window, engagement);
  spin (200);

  /* Dropped on the Notes page, as a file manager would. */
  cp_window_show_page (window, engagement, "notes");
  spin (200);
  {
    GtkWidget *notes = find (GTK_WIDGET (window), CP_TYPE_NOTES_PAGE, NULL);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (notes);
    g_autoptr(GSList) list = g_slist_prepend (NULL, file);
    g_auto(GValue) value = G_VALUE_INIT;
    GtkDropTarget *target = NULL;
    gboolean taken = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &taken);
    g_assert_true (taken);
  }
  spin (200);
  shown = cp_window_get_current (window);
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_sessions (shown, NULL)), ==, 2);
  /* The same file again adds nothing. */
  g_assert_true (cp_window_import_calendar (window, file));
  spin (100);
  shown = cp_window_get_current (window);
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_sessions (shown, NULL)), ==, 2);
  g_assert_nonnull (find (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, NULL));

  g_assert_true (g_file_set_contents (bad_path, "BEGIN:VCALENDAR\n", -1, NULL));
  g_assert_false (cp_window_import_calendar (window, bad));
  spin (100);
  shown = cp_window_get_current (window);
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_sessions (shown, NULL)), ==, 2);
  cp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);
  serve_notifications ();

  g_test_add_data_func ("/window/upcoming", (gconstpointer) upcoming, run_fresh);
  g_test_add_data_func ("/window/links", (gconstpointer) links, run_fresh);
  g_test_add_data_func ("/window/dropped-calendar", (gconstpointer) dropped_calendar, run_fresh);

  return g_test_run ();
}
