/* cp-action-row.c — one action item: tick it, or open it to edit
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-action-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-action.h"
#include "cp-action-row.h"
#include "cp-date-row.h"
#include "cp-engagement.h"
#include "cp-ui-util.h"

struct _CpActionRow
{
  AdwExpanderRow  parent_instance;

  CpAction       *action;

  GtkCheckButton *done_check;
  GtkWidget      *remove_button;
  AdwEntryRow    *text_row;
  AdwEntryRow    *owner_row;
  CpDateRow      *due_row;
  AdwComboRow    *phase_row;
  AdwComboRow    *note_row;
  GArray         *phase_ids;
  GArray         *note_ids;

  guint           show_engagement : 1;
  guint           syncing : 1;
};

G_DEFINE_FINAL_TYPE (CpActionRow, cp_action_row, ADW_TYPE_EXPANDER_ROW)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (CpActionRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *due = cp_ui_format_date (cp_action_get_due_on (self->action));
  const char *owner = cp_action_get_owner (self->action);
  gboolean overdue = cp_action_is_overdue (self->action, today);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;
  g_autofree char *subtitle = NULL;

  if (overdue)
    g_strv_builder_add (parts, _("Overdue"));
  if (self->show_engagement)
    g_strv_builder_add (parts, cp_action_get_engagement_title (self->action));
  if (*owner != '\0')
    g_strv_builder_add (parts, owner);
  if (due != NULL)
    {
      /* Translators: an action's due date. */
      g_autofree char *due_text = g_strdup_printf (_("due %s"), due);
      g_strv_builder_add (parts, due_text);
    }

  joined = g_strv_builder_end (parts);
  subtitle = g_strjoinv (" · ", joined);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), cp_action_get_text (self->action));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");

  if (cp_action_get_done (self->action))
    gtk_widget_add_css_class (GTK_WIDGET (self), "done");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "done");

  self->syncing = TRUE;
  gtk_check_button_set_active (self->done_check, cp_action_get_done (self->action));
  self->syncing = FALSE;
}

static void
done_toggled_cb (CpActionRow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    return;

  if (!cp_action_set_done (self->action, gtk_check_button_get_active (self->done_check), &error))
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      update (self);
    }
}

static void
remove_clicked_cb (CpActionRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0, self->action);
}

static void
text_changed_cb (CpActionRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));

  /* An action is never emptied by editing; removing it is the way. */
  if (*text != '\0')
    cp_action_set_text (self->action, text);
}

static void
owner_changed_cb (CpActionRow *self)
{
  cp_action_set_owner (self->action, gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
}

static void
due_changed_cb (CpActionRow *self)
{
  cp_action_set_due_on (self->action, cp_date_row_get_date (self->due_row));
}

static void
cp_action_row_dispose (GObject *object)
{
  CpActionRow *self = CP_ACTION_ROW (object);

  g_clear_object (&self->action);
  g_clear_pointer (&self->phase_ids, g_array_unref);
  g_clear_pointer (&self->note_ids, g_array_unref);

  G_OBJECT_CLASS (cp_action_row_parent_class)->dispose (object);
}

static void
cp_action_row_class_init (CpActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_action_row_dispose;

  /**
   * CpActionRow::remove:
   * @action: the action to remove
   *
   * The user asked to remove the action.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_ACTION);

  g_type_ensure (CP_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CpActionRow, done_check);
  gtk_widget_class_bind_template_child (widget_class, CpActionRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CpActionRow, text_row);
  gtk_widget_class_bind_template_child (widget_class, CpActionRow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CpActionRow, due_row);
  gtk_widget_class_bind_template_child (widget_class, CpActionRow, phase_row);
  gtk_widget_class_bind_template_child (widget_class, CpActionRow, note_row);
  gtk_widget_class_bind_template_callback (widget_class, done_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
cp_action_row_init (CpActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->phase_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->note_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * cp_action_row_new:
 * @editable: whether the action may be changed
 * @show_engagement: whether to name the action's engagement
 */
GtkWidget *
cp_action_row_new (CpAction *action,
                   gboolean  editable,
                   gboolean  show_engagement)
{
  CpActionRow *self;

  g_return_val_if_fail (CP_IS_ACTION (action), NULL);

  self = g_object_new (CP_TYPE_ACTION_ROW, NULL);
  self->action = g_object_ref (action);
  self->show_engagement = !!show_engagement;

  gtk_editable_set_text (GTK_EDITABLE (self->text_row), cp_action_get_text (action));
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), cp_action_get_owner (action));
  cp_date_row_set_date (self->due_row, cp_action_get_due_on (action));

  gtk_widget_set_sensitive (GTK_WIDGET (self->done_check), editable);
  gtk_widget_set_visible (self->remove_button, editable && !show_engagement);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->due_row), editable);

  g_signal_connect_swapped (self->text_row, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->owner_row, "changed", G_CALLBACK (owner_changed_cb), self);
  g_signal_connect_swapped (self->due_row, "notify::date", G_CALLBACK (due_changed_cb), self);
  g_signal_connect_object (action, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

/**
 * cp_action_row_get_action:
 *
 * Returns: (transfer none): the action shown
 */
CpAction *
cp_action_row_get_action (CpActionRow *self)
{
  g_return_val_if_fail (CP_IS_ACTION_ROW (self), NULL);

  return self->action;
}

static void
links_changed_cb (CpActionRow *self)
{
  guint phase = adw_combo_row_get_selected (self->phase_row);
  guint note = adw_combo_row_get_selected (self->note_row);

  if (self->syncing || self->action == NULL)
    return;

  if (phase < self->phase_ids->len)
    cp_action_set_phase_id (self->action, g_array_index (self->phase_ids, gint64, phase));
  if (note < self->note_ids->len)
    cp_action_set_note_id (self->action, g_array_index (self->note_ids, gint64, note));
}

/**
 * cp_action_row_set_links:
 * @engagement: the action's engagement
 *
 * Offers the phases and notes of @engagement for the action to belong to.
 */
void
cp_action_row_set_links (CpActionRow  *self,
                         CpEngagement *engagement)
{
  g_autoptr(GListModel) phases = NULL;
  g_autoptr(GListModel) notes = NULL;
  guint phase, note;

  g_return_if_fail (CP_IS_ACTION_ROW (self));

  if (engagement == NULL)
    return;

  phases = cp_ui_phase_choices (engagement, self->phase_ids, cp_action_get_phase_id (self->action), &phase);
  notes = cp_ui_note_choices (engagement, self->note_ids, cp_action_get_note_id (self->action), &note);

  self->syncing = TRUE;
  adw_combo_row_set_model (self->phase_row, phases);
  adw_combo_row_set_selected (self->phase_row, phase);
  adw_combo_row_set_model (self->note_row, notes);
  adw_combo_row_set_selected (self->note_row, note);
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->phase_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->note_row), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->phase_row), gtk_widget_get_sensitive (GTK_WIDGET (self->due_row)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_row), gtk_widget_get_sensitive (GTK_WIDGET (self->due_row)));
  g_signal_connect_object (self->phase_row, "notify::selected", G_CALLBACK (links_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_row, "notify::selected", G_CALLBACK (links_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
