/* cp-opportunity-dialog.c — every field of one improvement opportunity,
 * with the actions that carry it out
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-opportunity-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-action.h"
#include "cp-action-row.h"
#include "cp-date-row.h"
#include "cp-engagement.h"
#include "cp-opportunity.h"
#include "cp-opportunity-dialog.h"
#include "cp-ui-util.h"

struct _CpOpportunityDialog
{
  AdwWindow           parent_instance;

  CpEngagement       *engagement;
  CpOpportunity      *opportunity;
  GtkFilterListModel *actions;
  GArray             *phase_ids;   /* gint64, the phase row's choices */
  gboolean            editable;

  AdwEntryRow        *description_row;
  AdwEntryRow        *justification_row;
  AdwEntryRow        *kpi_row;
  AdwEntryRow        *timescale_row;
  AdwEntryRow        *raised_by_row;
  AdwEntryRow        *actioned_by_row;
  AdwComboRow        *status_row;
  AdwComboRow        *priority_row;
  AdwComboRow        *size_row;
  CpDateRow          *raised_on_row;
  CpDateRow          *required_by_row;
  AdwComboRow        *phase_row;
  GtkListBox         *actions_list;
  GtkWidget          *new_action_list;
  AdwEntryRow        *new_action_row;
  GtkWidget          *remove_button;
};

G_DEFINE_FINAL_TYPE (CpOpportunityDialog, cp_opportunity_dialog, ADW_TYPE_WINDOW)

static AdwEntryRow **
text_row (CpOpportunityDialog *self,
          CpOpportunityText    field)
{
  switch (field)
    {
    case CP_OPPORTUNITY_DESCRIPTION:
      return &self->description_row;
    case CP_OPPORTUNITY_JUSTIFICATION:
      return &self->justification_row;
    case CP_OPPORTUNITY_KPI:
      return &self->kpi_row;
    case CP_OPPORTUNITY_TIMESCALE:
      return &self->timescale_row;
    case CP_OPPORTUNITY_RAISED_BY:
      return &self->raised_by_row;
    case CP_OPPORTUNITY_ACTIONED_BY:
      return &self->actioned_by_row;
    case CP_OPPORTUNITY_N_TEXTS:
    default:
      g_assert_not_reached ();
    }
}

static void
text_changed_cb (AdwEntryRow         *row,
                 CpOpportunityDialog *self)
{
  CpOpportunityText field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  /* The register needs words for each entry; an emptied description
   * keeps the last words it had.
   */
  if (field == CP_OPPORTUNITY_DESCRIPTION && *text == '\0')
    return;

  cp_opportunity_set_text (self->opportunity, field, text);
}

static void
combo_changed_cb (CpOpportunityDialog *self)
{
  guint phase = adw_combo_row_get_selected (self->phase_row);

  cp_opportunity_set_status (self->opportunity, adw_combo_row_get_selected (self->status_row));
  cp_opportunity_set_priority (self->opportunity, adw_combo_row_get_selected (self->priority_row));
  cp_opportunity_set_size (self->opportunity, adw_combo_row_get_selected (self->size_row));
  if (phase < self->phase_ids->len)
    cp_opportunity_set_phase_id (self->opportunity, g_array_index (self->phase_ids, gint64, phase));
}

static void
dates_changed_cb (CpOpportunityDialog *self)
{
  const char *raised_on = cp_date_row_get_date (self->raised_on_row);

  /* The day it was raised cannot be taken away, only moved. */
  if (!cp_opportunity_set_raised_on (self->opportunity, raised_on))
    cp_date_row_set_date (self->raised_on_row, cp_opportunity_get_raised_on (self->opportunity));
  cp_opportunity_set_required_by (self->opportunity, cp_date_row_get_date (self->required_by_row));
}

static gboolean
is_ours (gpointer item,
         gpointer user_data)
{
  CpOpportunityDialog *self = user_data;

  return cp_action_get_opportunity_id (item) == cp_opportunity_get_id (self->opportunity);
}

static void
add_action_cb (CpOpportunityDialog *self)
{
  g_autoptr(CpAction) action = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_action_row));

  if (*text == '\0')
    return;

  if (!(action = cp_engagement_add_action (self->engagement, text, &error)))
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  cp_action_set_opportunity_id (action, cp_opportunity_get_id (self->opportunity));
  cp_action_set_phase_id (action, cp_opportunity_get_phase_id (self->opportunity));
  gtk_editable_set_text (GTK_EDITABLE (self->new_action_row), "");
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->actions), GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
remove_action_cb (CpOpportunityDialog *self,
                  CpAction            *action)
{
  g_autoptr(GError) error = NULL;

  if (!cp_engagement_remove_measure (self->engagement, G_OBJECT (action), &error))
    cp_ui_toast_error (GTK_WIDGET (self), error);
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  CpOpportunityDialog *self = user_data;
  GtkWidget *row = cp_action_row_new (item, self->editable, FALSE);

  cp_action_row_set_links (CP_ACTION_ROW (row), self->engagement);
  g_signal_connect_object (row, "remove", G_CALLBACK (remove_action_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static void
remove_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    CpOpportunityDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  if (!cp_engagement_remove_measure (self->engagement, G_OBJECT (self->opportunity), &error))
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CpOpportunityDialog *self = CP_OPPORTUNITY_DIALOG (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %u is the opportunity's number in the register. */
  heading = g_strdup_printf (_("Remove Opportunity %u?"), cp_opportunity_get_number (self->opportunity));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("It leaves the register. Its actions stay, "
                                                         "no longer tied to it.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cp_opportunity_dialog_dispose (GObject *object)
{
  CpOpportunityDialog *self = (CpOpportunityDialog *)object;

  if (self->actions_list != NULL)
    gtk_list_box_bind_model (self->actions_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->actions);
  g_clear_object (&self->opportunity);
  g_clear_object (&self->engagement);
  g_clear_pointer (&self->phase_ids, g_array_unref);

  G_OBJECT_CLASS (cp_opportunity_dialog_parent_class)->dispose (object);
}

static void
cp_opportunity_dialog_class_init (CpOpportunityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_opportunity_dialog_dispose;

  g_type_ensure (CP_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-opportunity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, justification_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, kpi_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, timescale_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, raised_by_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, actioned_by_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, priority_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, raised_on_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, required_by_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, phase_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, actions_list);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, new_action_list);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, new_action_row);
  gtk_widget_class_bind_template_child (widget_class, CpOpportunityDialog, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, add_action_cb);

  gtk_widget_class_install_action (widget_class, "opportunity.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_opportunity_dialog_init (CpOpportunityDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->phase_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

typedef const char *(*LabelFunc) (guint value);

static const char *
status_label (guint value)
{
  return cp_opportunity_status_get_label (value);
}

static const char *
priority_label (guint value)
{
  return cp_priority_get_label (value);
}

static const char *
size_label (guint value)
{
  return cp_size_get_label (value);
}

static void
fill_combo (AdwComboRow  *row,
            LabelFunc     label,
            guint         n_values,
            guint         selected)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (strings, label (i));
  adw_combo_row_set_model (row, G_LIST_MODEL (strings));
  adw_combo_row_set_selected (row, selected);
}

static void
fill_phases (CpOpportunityDialog *self)
{
  g_autoptr(GListModel) choices = NULL;
  guint selected;

  choices = cp_ui_phase_choices (self->engagement, self->phase_ids,
                                 cp_opportunity_get_phase_id (self->opportunity), &selected);
  adw_combo_row_set_model (self->phase_row, choices);
  adw_combo_row_set_selected (self->phase_row, selected);
}

CpOpportunityDialog *
cp_opportunity_dialog_new (GtkWindow     *parent,
                           CpEngagement  *engagement,
                           CpOpportunity *opportunity,
                           gboolean       editable)
{
  CpOpportunityDialog *self;
  g_autofree char *title = NULL;
  AdwComboRow *combos[3];
  GListModel *actions;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);
  g_return_val_if_fail (CP_IS_OPPORTUNITY (opportunity), NULL);

  /* Translators: %u is the opportunity's number in the register. */
  title = g_strdup_printf (_("Opportunity %u"), cp_opportunity_get_number (opportunity));
  self = g_object_new (CP_TYPE_OPPORTUNITY_DIALOG, "transient-for", parent, "title", title, NULL);
  self->engagement = g_object_ref (engagement);
  self->opportunity = g_object_ref (opportunity);
  self->editable = editable;

  for (CpOpportunityText field = 0; field < CP_OPPORTUNITY_N_TEXTS; field++)
    {
      AdwEntryRow *row = *text_row (self, field);

      gtk_editable_set_text (GTK_EDITABLE (row), cp_opportunity_get_text (opportunity, field));
      gtk_editable_set_editable (GTK_EDITABLE (row), editable);
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field));
      g_signal_connect_object (row, "changed", G_CALLBACK (text_changed_cb), self, 0);
    }

  fill_combo (self->status_row, status_label,
              CP_OPPORTUNITY_REJECTED + 1, cp_opportunity_get_status (opportunity));
  fill_combo (self->priority_row, priority_label,
              CP_PRIORITY_HIGH + 1, cp_opportunity_get_priority (opportunity));
  fill_combo (self->size_row, size_label,
              CP_SIZE_LARGE + 1, cp_opportunity_get_size (opportunity));
  fill_phases (self);
  cp_date_row_set_date (self->raised_on_row, cp_opportunity_get_raised_on (opportunity));
  cp_date_row_set_date (self->required_by_row, cp_opportunity_get_required_by (opportunity));

  combos[0] = self->status_row;
  combos[1] = self->priority_row;
  combos[2] = self->size_row;
  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (combos[i]), editable);
      g_signal_connect_object (combos[i], "notify::selected", G_CALLBACK (combo_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->phase_row), editable);
  g_signal_connect_object (self->phase_row, "notify::selected", G_CALLBACK (combo_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->raised_on_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->required_by_row), editable);
  g_signal_connect_object (self->raised_on_row, "notify::date", G_CALLBACK (dates_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->required_by_row, "notify::date", G_CALLBACK (dates_changed_cb), self,
                           G_CONNECT_SWAPPED);

  actions = cp_engagement_get_actions (engagement, NULL);
  self->actions = gtk_filter_list_model_new (actions ? g_object_ref (actions) : NULL,
                                             GTK_FILTER (gtk_custom_filter_new (is_ours, self, NULL)));
  gtk_list_box_bind_model (self->actions_list, G_LIST_MODEL (self->actions),
                           create_action_row, self, NULL);
  gtk_widget_set_visible (self->new_action_list, editable && actions != NULL);
  gtk_widget_set_visible (self->remove_button, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "opportunity.remove", editable);

  return self;
}

/**
 * cp_opportunity_dialog_get_actions:
 *
 * Returns: (transfer none): the actions that carry the opportunity out
 */
GListModel *
cp_opportunity_dialog_get_actions (CpOpportunityDialog *self)
{
  g_return_val_if_fail (CP_IS_OPPORTUNITY_DIALOG (self), NULL);

  return G_LIST_MODEL (self->actions);
}
