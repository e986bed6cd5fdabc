/* cp-approach-dialog.c — asks why the approach changes, then changes it
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-approach-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-approach.h"
#include "cp-approach-dialog.h"
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-ui-util.h"

struct _CpApproachDialog
{
  AdwMessageDialog  parent_instance;

  CpEngagement     *engagement;
  GtkWidget        *origin;   /* where errors are shown; unowned, weak */

  AdwComboRow      *approach_row;
  GtkStringList    *approach_names;
  AdwEntryRow      *reason_row;
  GtkWidget        *checks_row;
  GtkSwitch        *checks_switch;
};

G_DEFINE_FINAL_TYPE (CpApproachDialog, cp_approach_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (CpApproachDialog *self)
{
  CpApproach approach = adw_combo_row_get_selected (self->approach_row);
  CpCycle *cycle = cp_engagement_get_current_cycle (self->engagement);

  /* Only a real change, to a real approach, can be recorded. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "change",
                                           approach != cp_engagement_get_approach (self->engagement));

  gtk_widget_set_visible (self->checks_row,
                          cycle != NULL && cp_approach_get_n_checks (approach) > 0);
}

static void
cp_approach_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  CpApproachDialog *self = CP_APPROACH_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  if (g_strcmp0 (response, "change") == 0)
    {
      changed = cp_engagement_change_approach (self->engagement,
                                               adw_combo_row_get_selected (self->approach_row),
                                               gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                                               gtk_widget_get_visible (self->checks_row) &&
                                               gtk_switch_get_active (self->checks_switch),
                                               &error);
      if (!changed && self->origin != NULL)
        cp_ui_toast_error (self->origin, error);
    }

  g_signal_emit (self, signals[DONE], 0, changed);
}

static void
cp_approach_dialog_dispose (GObject *object)
{
  CpApproachDialog *self = (CpApproachDialog *)object;

  g_clear_object (&self->engagement);
  g_clear_weak_pointer (&self->origin);

  G_OBJECT_CLASS (cp_approach_dialog_parent_class)->dispose (object);
}

static void
cp_approach_dialog_class_init (CpApproachDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = cp_approach_dialog_dispose;
  dialog_class->response = cp_approach_dialog_response;

  /**
   * CpApproachDialog::done:
   * @changed: whether the approach was changed
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/cp-approach-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpApproachDialog, approach_row);
  gtk_widget_class_bind_template_child (widget_class, CpApproachDialog, approach_names);
  gtk_widget_class_bind_template_child (widget_class, CpApproachDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CpApproachDialog, checks_row);
  gtk_widget_class_bind_template_child (widget_class, CpApproachDialog, checks_switch);
}

static void
cp_approach_dialog_init (CpApproachDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (CpApproach a = CP_APPROACH_UNDECIDED; a <= CP_APPROACH_COACHED; a++)
    gtk_string_list_append (self->approach_names, cp_approach_get_name (a));

  g_signal_connect_swapped (self->approach_row, "notify::selected", G_CALLBACK (update), self);
}

/**
 * cp_approach_dialog_new:
 * @parent: the widget asking; errors show in its window
 * @proposed: the approach to offer
 * @reason: (nullable): a reason to offer
 */
CpApproachDialog *
cp_approach_dialog_new (GtkWidget    *parent,
                        CpEngagement *engagement,
                        CpApproach    proposed,
                        const char   *reason)
{
  CpApproachDialog *self;
  g_autofree char *from = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);

  self = g_object_new (CP_TYPE_APPROACH_DIALOG,
                       "transient-for", gtk_widget_get_root (parent),
                       NULL);
  self->engagement = g_object_ref (engagement);
  g_set_weak_pointer (&self->origin, parent);

  if (cp_engagement_get_approach (engagement) == CP_APPROACH_UNDECIDED)
    {
      /* The first choice is no change: it asks why this one fits. */
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Choose the Approach?"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("The engagement has no approach yet. Say why this one fits; the "
                                     "choice and its reason are kept in the engagement’s history."));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "change", _("C_hoose"));
    }
  else
    {
      /* Translators: the engagement's approach now, then why changes are kept. */
      from = g_strdup_printf (_("The engagement follows “%s” now. Organisations often move from one "
                                "approach to another as they mature; the change and its reason are "
                                "kept in the engagement’s history."),
                              cp_approach_get_name (cp_engagement_get_approach (engagement)));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), from);
    }
  adw_combo_row_set_selected (self->approach_row, proposed);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason ? reason : "");
  update (self);

  return self;
}
