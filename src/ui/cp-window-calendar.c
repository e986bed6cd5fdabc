/* cp-window-calendar.c — the main window's calendar: an engagement's
 * sessions and actions to an .ics file and back, the subscribed calendar
 * file the preferences name, and coachplan: links
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-calendar.h"
#include "cp-calendar-file.h"
#include "cp-engagement.h"
#include "cp-file.h"
#include "cp-session.h"
#include "cp-session-dialog.h"
#include "cp-store.h"
#include "cp-ui-util.h"
#include "cp-window.h"
#include "cp-window-calendar.h"
#include "cp-window-transfer.h"

#define CALENDAR_FILE_KEY "cp-calendar-file"

/* The session's engagement on its Notes page, and the session. */
static gboolean
open_session (CpWindow     *self,
              CpEngagement *engagement,
              gint64        session_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *sessions = cp_engagement_get_sessions (engagement, &error);

  if (sessions == NULL)
    {
      cp_window_add_toast (self, adw_toast_new (error->message));
      return FALSE;
    }

  cp_window_show_page (self, engagement, "notes");
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(CpSession) session = g_list_model_get_item (sessions, i);

      if (cp_session_get_id (session) == session_id)
        {
          gtk_window_present (GTK_WINDOW (cp_session_dialog_new (GTK_WIDGET (cp_window_get_notes_page (self)),
                                                                 engagement, session)));
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cp_window_open_link:
 * @uri: coachplan:engagement/E, or …/session/S, …/note/N, …/action/A
 *
 * Shows what the link names: the session in its dialog, the note in
 * the editor, the action on Measures, or the engagement; says why not
 * when it is not here.
 *
 * Returns: whether it was found
 */
gboolean
cp_window_open_link (CpWindow   *self,
                     const char *uri)
{
  CpStore *store = cp_window_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  gint64 engagement_id, record_id;
  CpLinkKind kind;

  g_return_val_if_fail (CP_IS_WINDOW (self), FALSE);

  if (store == NULL ||
      !cp_store_resolve_link (store, uri, &engagement_id, &kind, &record_id, &error) ||
      !(engagement = cp_store_get_engagement (store, engagement_id, &error)))
    {
      if (error != NULL)
        cp_window_add_toast (self, adw_toast_new (error->message));
      return FALSE;
    }

  switch (kind)
    {
    case CP_LINK_SESSION:
      return open_session (self, engagement, record_id);
    case CP_LINK_NOTE:
      return cp_window_open_note (self, engagement_id, record_id);
    case CP_LINK_ACTION:
      cp_window_show_page (self, engagement, "measures");
      return TRUE;
    case CP_LINK_ENGAGEMENT:
    default:
      cp_window_show_engagement (self, engagement);
      return TRUE;
    }
}

static void
calendar_chosen_cb (GtkNativeDialog *chooser,
                    int              response,
                    CpWindow        *self)
{
  CpEngagement *engagement = g_object_get_data (G_OBJECT (chooser), "engagement");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *base = NULL;
  g_autofree char *done = NULL;

  if (response != GTK_RESPONSE_ACCEPT ||
      !(file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) ||
      !(path = cp_ui_path_with_suffix (file, ".ics")))
    return;

  if (!(text = cp_store_export_calendar (cp_window_get_store (self), cp_engagement_get_id (engagement), &error)) ||
      !cp_file_write (path, text, strlen (text), &error))
    {
      cp_window_toast_saved (self, error->message, NULL, "win.export-calendar");
      return;
    }

  base = g_path_get_basename (path);
  /* Translators: %s is the file the calendar was saved to. */
  done = g_strdup_printf (_("Calendar saved as %s"), base);
  cp_window_toast_saved (self, done, path, "win.export-calendar");
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  CpEngagement *engagement = cp_window_get_current (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (engagement == NULL)
    return;

  name = g_strconcat (cp_engagement_get_title (engagement), ".ics", NULL);
  chooser = cp_ui_calendar_chooser (GTK_WINDOW (self), _("Export to Calendar"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                    _("_Export"), name);
  g_object_set_data_full (G_OBJECT (chooser), "engagement", g_object_ref (engagement), g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (calendar_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * cp_window_import_calendar:
 * @file: an .ics file
 *
 * Imports the file's events as sessions of the engagement on show, and
 * says what it did, or why nothing was changed.
 *
 * Returns: whether it was imported
 */
gboolean
cp_window_import_calendar (CpWindow *self,
                           GFile    *file)
{
  CpEngagement *engagement = cp_window_get_current (self);
  CpStore *store = cp_window_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  CpCalendarImport done = { 0 };
  gsize length = 0;

  g_return_val_if_fail (CP_IS_WINDOW (self), FALSE);

  if (engagement == NULL || store == NULL)
    return FALSE;

  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Only calendar files on this computer can be imported"));

  if (error != NULL ||
      !(text = cp_file_read (path, CP_CALENDAR_MAX_BYTES + 1, 0, &length, &error)) ||
      !cp_store_import_calendar (store, cp_engagement_get_id (engagement), text, length, &done, &error))
    {
      g_autofree char *base = path ? g_path_get_basename (path) : g_file_get_basename (file);

      /* Translators: a calendar file that could not be imported, then why. */
      message = g_strdup_printf (_("Nothing was imported from “%s”: %s"), base, error->message);
      cp_window_toast_saved (self, message, NULL, "win.import-calendar");
      return FALSE;
    }

  cp_window_reload_current (self);
  if (done.added + done.updated == 0)
    message = g_strdup (_("The calendar held nothing new"));
  else
    /* Translators: what a calendar import did; both are counts of sessions. */
    message = g_strdup_printf (_("Calendar imported: %u new, %u changed"), done.added, done.updated);
  cp_window_toast_saved (self, message, NULL, "win.import-calendar");

  return TRUE;
}

static void
import_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  CpWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    cp_window_import_calendar (self, file);
}

static void
import_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (cp_window_get_current (self) == NULL)
    return;

  chooser = cp_ui_calendar_chooser (GTK_WINDOW (self), _("Import Calendar"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                    _("_Import"), NULL);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
calendar_file_failed_cb (CpCalendarFile *file,
                         GError         *error,
                         CpWindow       *self)
{
  /* Translators: the subscribed calendar file could not be written; then why. */
  g_autofree char *message = g_strdup_printf (_("The calendar file was not updated: %s"), error->message);

  cp_window_toast_saved (self, message, NULL, CALENDAR_FILE_KEY);
}

static gboolean
write_calendar_file_cb (gpointer data)
{
  CpWindow *self = data;
  CpCalendarFile *file = g_object_get_data (G_OBJECT (self), CALENDAR_FILE_KEY);
  g_autoptr(GError) error = NULL;

  if (file != NULL && !cp_calendar_file_write_now (file, &error))
    calendar_file_failed_cb (file, error, self);

  return G_SOURCE_REMOVE;
}

/* Follows the preference: a file to keep up to date, or none. */
static void
calendar_file_changed_cb (GSettings  *settings,
                          const char *key,
                          CpWindow   *self)
{
  g_autofree char *path = g_settings_get_string (settings, "calendar-file");
  CpStore *store = cp_window_get_store (self);
  CpCalendarFile *file = NULL;

  if (store != NULL && !cp_store_get_read_only (store) && path != NULL && *path != '\0')
    {
      file = cp_calendar_file_new (store, path);
      g_signal_connect_object (file, "write-failed", G_CALLBACK (calendar_file_failed_cb), self, 0);
    }
  g_object_set_data_full (G_OBJECT (self), CALENDAR_FILE_KEY, file, g_object_unref);

  /* Written whole when turned on, and at start once the window shows. */
  if (file != NULL)
    g_idle_add_full (G_PRIORITY_LOW, write_calendar_file_cb, g_object_ref (self), g_object_unref);
}

/* Reminders ------------------------------------------------------------ */

#define REMINDERS_KEY "cp-reminders"
#define REMIND_MINUTES 15
/* Actions that became overdue are told of from this hour. */
#define MORNING_HOUR 8

typedef struct
{
  GHashTable *told;          /* notification ids sent */
  char       *overdue_day;   /* the day overdue actions were told of */
  guint       source;
} Reminders;

static void
reminders_free (Reminders *reminders)
{
  g_clear_handle_id (&reminders->source, g_source_remove);
  g_hash_table_unref (reminders->told);
  g_free (reminders->overdue_day);
  g_free (reminders);
}

static void
notify (CpWindow   *self,
        Reminders  *reminders,
        const char *id,
        const char *title,
        const char *body,
        const char *link,
        GPtrArray  *sent)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) notification = NULL;

  if (g_hash_table_contains (reminders->told, id))
    return;
  g_hash_table_add (reminders->told, g_strdup (id));
  g_ptr_array_add (sent, g_strdup (id));

  if (app == NULL)
    return;
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.open-link", "s", link);
  g_application_send_notification (app, id, notification);
}

/**
 * cp_window_check_reminders:
 * @now: the time to check at
 *
 * Sends a notification for each session that starts within 15 minutes
 * of @now, and, from 8 in the morning, one for each action that became
 * overdue today (due yesterday); each once. Clicking one opens the
 * session or the action.
 *
 * Returns: (transfer full): the ids of the notifications sent
 */
GStrv
cp_window_check_reminders (CpWindow  *self,
                           GDateTime *now)
{
  CpStore *store = cp_window_get_store (self);
  Reminders *reminders = g_object_get_data (G_OBJECT (self), REMINDERS_KEY);
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, REMIND_MINUTES);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *from = g_date_time_format (now, "%Y-%m-%dT%H:%M");
  g_autofree char *to = NULL;
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || reminders == NULL)
    return g_new0 (char *, 1);

  /* Up to the 15th minute from now, that minute included. */
  {
    g_autoptr(GDateTime) end = g_date_time_add_minutes (soon, 1);

    to = g_date_time_format (end, "%Y-%m-%dT%H:%M");
  }
  if ((sessions = cp_store_list_sessions_between (store, from, to, &error)))
    for (guint i = 0; i < sessions->len; i++)
      {
        const CpCalendarRecord *session = g_ptr_array_index (sessions, i);
        g_autofree char *id = g_strdup_printf ("session-%s-%s", session->record_uuid, session->starts_at);
        g_autofree char *link = cp_calendar_link (session);
        /* Translators: a notification's title: a session about to start, then its topic. */
        g_autofree char *title = g_strdup_printf (_("Soon: %s"), *session->topic ? session->topic
                                                                                 : session->engagement_title);
        /* Translators: a notification's text: when a session starts, then its engagement. */
        g_autofree char *body = g_strdup_printf (_("At %s · %s"), session->starts_at + 11, session->engagement_title);

        notify (self, reminders, id, title, body, link, sent);
      }

  if (g_date_time_get_hour (now) >= MORNING_HOUR && g_strcmp0 (reminders->overdue_day, today) != 0)
    {
      g_autofree char *due = g_date_time_format (yesterday, "%Y-%m-%d");
      g_autoptr(GPtrArray) actions = cp_store_list_actions_due (store, due, NULL);

      g_free (reminders->overdue_day);
      reminders->overdue_day = g_strdup (today);
      for (guint i = 0; actions != NULL && i < actions->len; i++)
        {
          const CpCalendarRecord *action = g_ptr_array_index (actions, i);
          g_autofree char *id = g_strdup_printf ("overdue-%s-%s", action->record_uuid, today);
          g_autofree char *link = cp_calendar_link (action);
          /* Translators: a notification's title: an action now overdue, then its text. */
          g_autofree char *title = g_strdup_printf (_("Overdue: %s"), action->topic);
          /* Translators: a notification's text; then the action's engagement. */
          g_autofree char *body = g_strdup_printf (_("It was due yesterday · %s"), action->engagement_title);

          notify (self, reminders, id, title, body, link, sent);
        }
    }

  g_ptr_array_add (sent, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&sent), FALSE);
}

static gboolean
check_reminders_cb (gpointer data)
{
  CpWindow *self = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_strfreev (cp_window_check_reminders (self, now));

  return G_SOURCE_CONTINUE;
}

/* Reminders while the window is open, checked each minute. */
static void
reminders_setup (CpWindow *self)
{
  Reminders *reminders = g_new0 (Reminders, 1);

  reminders->told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_object_set_data_full (G_OBJECT (self), REMINDERS_KEY, reminders, (GDestroyNotify) reminders_free);
  reminders->source = g_timeout_add_seconds_full (G_PRIORITY_LOW, 60, check_reminders_cb, self, NULL);
}

/**
 * cp_window_calendar_setup:
 * @settings: (nullable): the window's settings
 *
 * While the window is open: reminds of sessions and overdue actions,
 * and keeps the calendar file @settings name up to date.
 */
void
cp_window_calendar_setup (CpWindow  *self,
                          GSettings *settings)
{
  reminders_setup (self);
  if (settings == NULL)
    return;

  g_signal_connect_object (settings, "changed::calendar-file", G_CALLBACK (calendar_file_changed_cb), self, 0);
  calendar_file_changed_cb (settings, "calendar-file", self);
}

/**
 * cp_window_get_calendar_file:
 *
 * Returns: (transfer none) (nullable): the calendar file kept up to date
 */
CpCalendarFile *
cp_window_get_calendar_file (CpWindow *self)
{
  return g_object_get_data (G_OBJECT (self), CALENDAR_FILE_KEY);
}

void
cp_window_calendar_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.import-calendar", NULL, import_calendar_action);
}
