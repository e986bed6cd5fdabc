/* cp-identity-dialog.c — asks who the user is, the first time it matters
 *
 * The first time something is recorded with a name — a tick, a sign-off —
 * and the user has not said who they are, this asks, offering what git's
 * configuration or the system know (never the login name). "Not Now"
 * records the act without a name and does not ask again while the app
 * runs; Preferences can say it later.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-identity-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-identity.h"
#include "cp-identity-dialog.h"
#include "cp-ui-util.h"

struct _CpIdentityDialog
{
  AdwMessageDialog  parent_instance;

  CpIdentityFunc    func;
  gpointer          user_data;
  GDestroyNotify    destroy;

  AdwEntryRow      *name_row;
  AdwEntryRow      *email_row;
  GtkLabel         *problem_label;
};

G_DEFINE_FINAL_TYPE (CpIdentityDialog, cp_identity_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Once declined, not asked again while the app runs. */
static gboolean declined;

static void
tell (CpIdentityDialog *self,
      const char       *name)
{
  CpIdentityFunc func = g_steal_pointer (&self->func);

  if (func != NULL)
    func (name, self->user_data);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);
}

static void
update (CpIdentityDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = cp_identity_check (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->email_row)),
                                   &error);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", ok);

  /* Said once there is something to say it about. */
  gtk_label_set_label (self->problem_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label),
                          error != NULL &&
                          *gtk_editable_get_text (GTK_EDITABLE (self->name_row)) != '\0');
}

static void
cp_identity_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  CpIdentityDialog *self = CP_IDENTITY_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "save") == 0 &&
      cp_ui_set_identity (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->email_row)), &error))
    cp_ui_dup_identity (&name, NULL);
  else
    {
      if (error != NULL)
        cp_ui_toast_error (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))), error);
      declined = TRUE;
    }

  tell (self, name);
}

static void
cp_identity_dialog_dispose (GObject *object)
{
  CpIdentityDialog *self = CP_IDENTITY_DIALOG (object);

  /* Closed without an answer: the act goes on without a name. */
  tell (self, NULL);

  G_OBJECT_CLASS (cp_identity_dialog_parent_class)->dispose (object);
}

static void
cp_identity_dialog_class_init (CpIdentityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = cp_identity_dialog_dispose;
  dialog_class->response = cp_identity_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coachplan/Coachplan/cp-identity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpIdentityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CpIdentityDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, CpIdentityDialog, problem_label);
}

static void
cp_identity_dialog_init (CpIdentityDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  cp_identity_guess (&name, &email);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email ? email : "");

  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->email_row, "changed", G_CALLBACK (update), self);
  update (self);
}

/**
 * cp_identity_dialog_ask:
 * @widget: a widget of the window the act happens in
 * @func: told the name to record, or %NULL
 *
 * Calls @func at once with the user's name when it is known, or after
 * asking for it the first time; with %NULL when the user declines.
 */
void
cp_identity_dialog_ask (GtkWidget      *widget,
                        CpIdentityFunc  func,
                        gpointer        user_data,
                        GDestroyNotify  destroy)
{
  g_autofree char *name = NULL;
  CpIdentityDialog *self;

  if (cp_ui_dup_identity (&name, NULL) || declined)
    {
      func (name, user_data);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  self = g_object_new (CP_TYPE_IDENTITY_DIALOG,
                       "transient-for", gtk_widget_get_root (widget),
                       NULL);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  gtk_window_present (GTK_WINDOW (self));
}

/* Tests: asks again, as at the next start. */
void
cp_identity_dialog_reset (void)
{
  declined = FALSE;
}
