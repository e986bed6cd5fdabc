/* cp-assistant-dialog.c — the approach questionnaire and its advice
 *
 * The recommendation is shown, with its reasons, as the answers change;
 * nothing changes in the engagement until the user applies it.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-assistant-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-approach.h"
#include "cp-approach-dialog.h"
#include "cp-assistant.h"
#include "cp-assistant-dialog.h"
#include "cp-engagement.h"

struct _CpAssistantDialog
{
  AdwWindow            parent_instance;

  CpEngagement        *engagement;
  GtkWidget           *origin;   /* weak */
  CpApproach           recommended;

  AdwComboRow         *experience_row;
  AdwComboRow         *capability_row;
  AdwComboRow         *capacity_row;
  AdwComboRow         *commitment_row;
  AdwComboRow         *time_row;
  AdwComboRow         *budget_row;
  AdwComboRow         *projects_row;
  GtkSwitch           *outsourcing_switch;
  AdwPreferencesGroup *result_group;
  GtkListBox          *reasons_list;
  GtkWidget           *use_button;
};

G_DEFINE_FINAL_TYPE (CpAssistantDialog, cp_assistant_dialog, ADW_TYPE_WINDOW)

static void
add_point (CpAssistantDialog *self,
           const char        *icon_name,
           const char        *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->reasons_list, row);
}

static void
update (CpAssistantDialog *self)
{
  const CpAssistantAnswers answers = {
    .experience = adw_combo_row_get_selected (self->experience_row),
    .capability = adw_combo_row_get_selected (self->capability_row),
    .capacity = adw_combo_row_get_selected (self->capacity_row),
    .commitment = adw_combo_row_get_selected (self->commitment_row),
    .outsourcing = gtk_switch_get_active (self->outsourcing_switch),
    .time_pressure = adw_combo_row_get_selected (self->time_row),
    .budget = adw_combo_row_get_selected (self->budget_row),
    .similar_projects = adw_combo_row_get_selected (self->projects_row),
  };
  g_autoptr(CpRecommendation) r = cp_assistant_recommend (&answers);
  g_autofree char *title = NULL;
  GtkWidget *child;

  self->recommended = r->approach;

  /* Translators: the recommended approach's name. */
  title = g_strdup_printf (_("Recommended: %s"), cp_approach_get_name (r->approach));
  adw_preferences_group_set_title (self->result_group, title);
  adw_preferences_group_set_description (self->result_group, cp_approach_get_summary (r->approach));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reasons_list))) != NULL)
    gtk_list_box_remove (self->reasons_list, child);

  for (guint i = 0; i < r->reasons->len; i++)
    add_point (self, "emblem-ok-symbolic", g_ptr_array_index (r->reasons, i));
  for (guint i = 0; i < r->cautions->len; i++)
    add_point (self, "dialog-warning-symbolic", g_ptr_array_index (r->cautions, i));

  gtk_widget_set_sensitive (self->use_button,
                            r->approach != cp_engagement_get_approach (self->engagement));
}

static void
use_clicked_cb (CpAssistantDialog *self)
{
  CpApproachDialog *dialog;

  dialog = cp_approach_dialog_new (self->origin ? self->origin : GTK_WIDGET (self),
                                   self->engagement, self->recommended,
                                   _("Recommended by the approach assistant"));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_close (GTK_WINDOW (self));
}

static void
cp_assistant_dialog_dispose (GObject *object)
{
  CpAssistantDialog *self = (CpAssistantDialog *)object;

  g_clear_object (&self->engagement);
  g_clear_weak_pointer (&self->origin);

  G_OBJECT_CLASS (cp_assistant_dialog_parent_class)->dispose (object);
}

static void
cp_assistant_dialog_class_init (CpAssistantDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_assistant_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/cp-assistant-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpAssistantDialog, experience_row);
  gtk_widget_class_bind_template_child (widget_class, CpAssistantDialog, capability_row);
  gtk_widget_class_bind_template_child (widget_class, CpAssistantDialog, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, CpAssistantDialog, commitment_row);
  gtk_widget_class_bind_template_child (widget_class, CpAssistantDialog, projects_row);
  gtk_widget_class_bind_template_child (widget_class, CpAssistantDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, CpAssistantDialog, budget_row);
  gtk_widget_class_bind_template_child (widget_class, CpAssistantDialog, outsourcing_switch);
  gtk_widget_class_bind_template_child (widget_class, CpAssistantDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, CpAssistantDialog, reasons_list);
  gtk_widget_class_bind_template_child (widget_class, CpAssistantDialog, use_button);
  gtk_widget_class_bind_template_callback (widget_class, use_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_assistant_dialog_init (CpAssistantDialog *self)
{
  AdwComboRow *rows[7];

  gtk_widget_init_template (GTK_WIDGET (self));

  rows[0] = self->experience_row;
  rows[1] = self->capability_row;
  rows[2] = self->capacity_row;
  rows[3] = self->commitment_row;
  rows[4] = self->time_row;
  rows[5] = self->budget_row;
  rows[6] = self->projects_row;

  /* Start from the middle of each scale. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      adw_combo_row_set_selected (rows[i], CP_LEVEL_MEDIUM);
      g_signal_connect_swapped (rows[i], "notify::selected", G_CALLBACK (update), self);
    }
  g_signal_connect_swapped (self->outsourcing_switch, "notify::active", G_CALLBACK (update), self);
}

/**
 * cp_assistant_dialog_new:
 * @parent: the widget asking; errors show in its window
 */
CpAssistantDialog *
cp_assistant_dialog_new (GtkWidget    *parent,
                         CpEngagement *engagement)
{
  CpAssistantDialog *self;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);

  self = g_object_new (CP_TYPE_ASSISTANT_DIALOG,
                       "transient-for", gtk_widget_get_root (parent),
                       NULL);
  self->engagement = g_object_ref (engagement);
  g_set_weak_pointer (&self->origin, parent);
  update (self);

  return self;
}

CpApproach
cp_assistant_dialog_get_recommended (CpAssistantDialog *self)
{
  g_return_val_if_fail (CP_IS_ASSISTANT_DIALOG (self), CP_APPROACH_UNDECIDED);

  return self->recommended;
}
