/* cp-sign-off-dialog.c — records a sponsor's review of a phase
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-sign-off-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-date-row.h"
#include "cp-engagement.h"
#include "cp-phase.h"
#include "cp-share.h"
#include "cp-sign-off.h"
#include "cp-sign-off-dialog.h"
#include "cp-ui-util.h"

struct _CpSignOffDialog
{
  AdwMessageDialog  parent_instance;

  CpPhase          *phase;
  GtkWidget        *origin;   /* weak */

  AdwEntryRow      *reviewer_row;
  CpDateRow        *date_row;
  AdwComboRow      *decision_row;
  AdwEntryRow      *comments_row;
};

G_DEFINE_FINAL_TYPE (CpSignOffDialog, cp_sign_off_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
update (CpSignOffDialog *self)
{
  g_autofree char *reviewer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reviewer_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record",
                                           *reviewer != '\0' &&
                                           cp_date_row_get_date (self->date_row) != NULL);
}

static void
cp_sign_off_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  CpSignOffDialog *self = CP_SIGN_OFF_DIALOG (dialog);
  g_autoptr(CpSignOff) sign_off = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "record") != 0)
    return;

  sign_off = cp_phase_sign_off (self->phase,
                                gtk_editable_get_text (GTK_EDITABLE (self->reviewer_row)),
                                cp_date_row_get_date (self->date_row),
                                adw_combo_row_get_selected (self->decision_row),
                                gtk_editable_get_text (GTK_EDITABLE (self->comments_row)),
                                &error);
  if (sign_off == NULL && self->origin != NULL)
    cp_ui_toast_error (self->origin, error);
}

static void
cp_sign_off_dialog_dispose (GObject *object)
{
  CpSignOffDialog *self = (CpSignOffDialog *)object;

  g_clear_object (&self->phase);
  g_clear_weak_pointer (&self->origin);

  G_OBJECT_CLASS (cp_sign_off_dialog_parent_class)->dispose (object);
}

static void
cp_sign_off_dialog_class_init (CpSignOffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_sign_off_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = cp_sign_off_dialog_response;

  g_type_ensure (CP_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/cp-sign-off-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpSignOffDialog, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, CpSignOffDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CpSignOffDialog, decision_row);
  gtk_widget_class_bind_template_child (widget_class, CpSignOffDialog, comments_row);
}

static void
cp_sign_off_dialog_init (CpSignOffDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));

  cp_date_row_set_date (self->date_row, today);
  g_signal_connect_swapped (self->reviewer_row, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->date_row, "notify::date", G_CALLBACK (update), self);
}

/* The reviewer to offer: the sponsor, as the engagement names them — or,
 * for the sponsor in their own Coachplan, as they say who they are, so
 * that every Coachplan knows they signed it themselves.
 */
static char *
dup_reviewer (CpEngagement *engagement)
{
  CpAudience audience;
  gboolean owner = TRUE;
  char *name = NULL;

  if (cp_share_get_sharing (engagement, &audience, &owner) && !owner &&
      audience == CP_AUDIENCE_SPONSOR && cp_ui_dup_identity (&name, NULL))
    return name;

  return g_strdup (cp_engagement_get_sponsor (engagement));
}

/**
 * cp_sign_off_dialog_new:
 * @parent: the widget asking; errors show in its window
 * @engagement: whose phase it is; its sponsor is offered as the reviewer
 */
CpSignOffDialog *
cp_sign_off_dialog_new (GtkWidget    *parent,
                        CpEngagement *engagement,
                        CpPhase      *phase)
{
  CpSignOffDialog *self;
  g_autofree char *heading = NULL;
  g_autofree char *reviewer = dup_reviewer (engagement);

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (CP_IS_PHASE (phase), NULL);

  /* Translators: the heading of the sign-off dialog, with the phase's name. */
  heading = g_strdup_printf (_("Sign Off “%s”"), cp_phase_get_name (phase));
  self = g_object_new (CP_TYPE_SIGN_OFF_DIALOG,
                       "transient-for", gtk_widget_get_root (parent),
                       "heading", heading,
                       NULL);
  self->phase = g_object_ref (phase);
  g_set_weak_pointer (&self->origin, parent);

  gtk_editable_set_text (GTK_EDITABLE (self->reviewer_row), reviewer ? reviewer : "");
  update (self);

  return self;
}
