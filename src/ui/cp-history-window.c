/* cp-history-window.c — a shared engagement's changes: who, when, what
 *
 * Read from the engagement's clone of its shared repository, newest
 * first; an engagement that is not shared says how to get a history.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-history-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-engagement.h"
#include "cp-history-window.h"
#include "cp-share.h"

struct _CpHistoryWindow
{
  AdwWindow      parent_instance;

  guint          n_changes;

  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (CpHistoryWindow, cp_history_window, ADW_TYPE_WINDOW)

static void
cp_history_window_class_init (CpHistoryWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coachplan/Coachplan/cp-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CpHistoryWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CpHistoryWindow, list);
}

static void
cp_history_window_init (CpHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
change_row (CpShareChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) local = g_date_time_to_local (change->when);
  g_autofree char *when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
  g_autofree char *title = g_markup_escape_text (change->summary, -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;

  /* Translators: who made a change, when, and the commit that holds it. */
  subtitle = g_strdup_printf (_("%s · %s · commit %s"), change->author, when, change->commit);
  escaped = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);

  return row;
}

/**
 * cp_history_window_new:
 *
 * Returns: (transfer floating): the history of @engagement, transient for
 *   @parent
 */
CpHistoryWindow *
cp_history_window_new (GtkWindow    *parent,
                       CpEngagement *engagement)
{
  CpHistoryWindow *self = g_object_new (CP_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = cp_share_dup_history (engagement, &error);
  g_autofree char *title = NULL;

  /* Translators: the history window's title; the engagement's title. */
  title = g_strdup_printf (_("History of “%s”"), cp_engagement_get_title (engagement));
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (changes == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The History Cannot Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      return self;
    }

  for (guint i = 0; i < changes->len; i++)
    gtk_list_box_append (self->list, change_row (g_ptr_array_index (changes, i)));
  self->n_changes = changes->len;
  gtk_stack_set_visible_child_name (self->stack, changes->len > 0 ? "changes" : "empty");

  return self;
}

guint
cp_history_window_get_n_changes (CpHistoryWindow *self)
{
  g_return_val_if_fail (CP_IS_HISTORY_WINDOW (self), 0);

  return self->n_changes;
}
