/* cp-actions-dialog.c — what is coming up: the sessions of the next two
 * weeks and the open actions of every engagement, the soonest first
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-actions-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cp-action.h"
#include "cp-action-row.h"
#include "cp-actions-dialog.h"
#include "cp-calendar.h"
#include "cp-session.h"
#include "cp-store.h"
#include "cp-ui-util.h"
#include "cp-window.h"
#include "cp-window-calendar.h"

struct _CpActionsDialog
{
  AdwWindow   parent_instance;

  GListModel *actions;
  GPtrArray  *sessions;   /* CpCalendarRecord */
  gboolean    editable;

  GtkStack   *stack;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (CpActionsDialog, cp_actions_dialog, ADW_TYPE_WINDOW)

static void
cp_actions_dialog_dispose (GObject *object)
{
  CpActionsDialog *self = (CpActionsDialog *)object;

  g_clear_object (&self->actions);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);

  G_OBJECT_CLASS (cp_actions_dialog_parent_class)->dispose (object);
}

static void
cp_actions_dialog_class_init (CpActionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_actions_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-actions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpActionsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CpActionsDialog, list);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_actions_dialog_init (CpActionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A session opens in the main window, and the agenda makes way. */
static void
session_activated_cb (AdwActionRow    *row,
                      CpActionsDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  const char *link = g_object_get_data (G_OBJECT (row), "link");

  if (CP_IS_WINDOW (parent) && cp_window_open_link (CP_WINDOW (parent), link))
    gtk_window_close (GTK_WINDOW (self));
}

/* "Tuesday 1 December, 10:00 · 1 h 30 min" from YYYY-MM-DDTHH:MM. */
static char *
describe_when (const char *starts_at,
               guint       minutes)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *day = NULL;
  int y, mo, d, h, mi;

  if (sscanf (starts_at, "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi) != 5 ||
      !(when = g_date_time_new_local (y, mo, d, h, mi, 0)))
    return g_strdup (starts_at);

  if (minutes < 60)
    /* Translators: how long a session lasts, in minutes. */
    hours = g_strdup_printf (_("%u min"), minutes);
  else if (minutes % 60 == 0)
    /* Translators: how long a session lasts, in hours. */
    hours = g_strdup_printf (_("%u h"), minutes / 60);
  else
    /* Translators: how long a session lasts, in hours and minutes. */
    hours = g_strdup_printf (_("%u h %u min"), minutes / 60, minutes % 60);

  /* Translators: a session's day and time in the agenda, as strftime() takes it. */
  day = g_date_time_format (when, _("%A %-d %B, %H:%M"));
  /* Translators: when a session is, then how long it lasts. */
  return g_strdup_printf (_("%s · %s"), day, hours);
}

static GtkWidget *
session_row_new (CpActionsDialog        *self,
                 const CpCalendarRecord *session)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-calendar-symbolic");
  g_autofree char *when = describe_when (session->starts_at, session->duration);
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), when, session->engagement_title);
  CpSessionKind kind = CP_SESSION_KIND_ONE_ON_ONE;
  g_autofree char *link = NULL;

  cp_session_kind_from_string (session->kind, &kind);
  link = cp_calendar_link (session);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 session->topic != NULL && *session->topic != '\0'
                                 ? session->topic : cp_session_kind_get_name (kind));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Session"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "link", g_steal_pointer (&link), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (session_activated_cb), self, 0);

  return row;
}

/* When an action falls: the morning of its due day, or after everything. */
static char *
action_key (CpAction *action)
{
  const char *due = cp_action_get_due_on (action);

  return due != NULL ? g_strconcat (due, "T00:00", NULL) : g_strdup ("~");
}

/* Sessions and actions in one list, the soonest first. */
static void
fill (CpActionsDialog *self)
{
  guint n_actions = self->actions ? g_list_model_get_n_items (self->actions) : 0;
  guint n_sessions = self->sessions ? self->sessions->len : 0;
  guint a = 0, s = 0;

  while (a < n_actions || s < n_sessions)
    {
      g_autoptr(CpAction) action = a < n_actions ? g_list_model_get_item (self->actions, a) : NULL;
      const CpCalendarRecord *session = s < n_sessions ? g_ptr_array_index (self->sessions, s) : NULL;
      g_autofree char *key = action ? action_key (action) : NULL;

      if (session != NULL && (action == NULL || strcmp (session->starts_at, key) < 0))
        {
          gtk_list_box_append (self->list, session_row_new (self, session));
          s++;
        }
      else
        {
          gtk_list_box_append (self->list, cp_action_row_new (action, self->editable, TRUE));
          a++;
        }
    }

  gtk_stack_set_visible_child_name (self->stack, n_actions + n_sessions > 0 ? "list" : "empty");
}

/**
 * cp_actions_dialog_new:
 *
 * Returns: the agenda: the sessions of the 14 days from today and the
 *   open actions of every engagement
 */
CpActionsDialog *
cp_actions_dialog_new (GtkWindow *parent,
                       CpStore   *store,
                       gboolean   editable)
{
  CpActionsDialog *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 14);
  g_autofree char *from = g_date_time_format (now, "%Y-%m-%dT00:00");
  g_autofree char *to = g_date_time_format (later, "%Y-%m-%dT00:00");

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_ACTIONS_DIALOG, "transient-for", parent, NULL);
  self->editable = editable;
  if (!(self->actions = cp_store_list_open_actions (store, &error)))
    g_warning ("%s", error->message);
  g_clear_error (&error);
  if (!(self->sessions = cp_store_list_sessions_between (store, from, to, &error)))
    g_warning ("%s", error->message);
  fill (self);

  return self;
}

/**
 * cp_actions_dialog_get_actions:
 *
 * Returns: (transfer none) (nullable): the open actions on show
 */
GListModel *
cp_actions_dialog_get_actions (CpActionsDialog *self)
{
  g_return_val_if_fail (CP_IS_ACTIONS_DIALOG (self), NULL);

  return self->actions;
}

/**
 * cp_actions_dialog_get_sessions:
 *
 * Returns: (transfer none) (element-type CpCalendarRecord): the sessions
 *   on show
 */
GPtrArray *
cp_actions_dialog_get_sessions (CpActionsDialog *self)
{
  g_return_val_if_fail (CP_IS_ACTIONS_DIALOG (self), NULL);

  return self->sessions;
}
