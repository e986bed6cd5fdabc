/* cp-contract-dialog.c — the three-way contract, version by version: the
 * draft to edit and sign, the signed ones to read
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-contract-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-contract.h"
#include "cp-contract-dialog.h"
#include "cp-engagement.h"
#include "cp-ui-util.h"

struct _CpContractDialog
{
  AdwWindow      parent_instance;

  CpEngagement  *engagement;
  CpContract    *shown;
  gboolean       editable;
  gboolean       loading;

  GtkDropDown   *version_list;
  AdwActionRow  *status_row;
  GtkImage      *status_icon;
  GtkTextView   *goals_view;
  GtkTextView   *measures_view;
  GtkTextView   *roles_view;
  AdwEntryRow   *coach_row;
  AdwEntryRow   *client_lead_row;
  AdwEntryRow   *sponsor_row;
  GtkWidget     *sign_button;
  GtkWidget     *change_button;
};

G_DEFINE_FINAL_TYPE (CpContractDialog, cp_contract_dialog, ADW_TYPE_WINDOW)

/* The text views' buffers and the entry rows, in CpContractText order. */
static GObject *
field_widget (CpContractDialog *self,
              CpContractText    field)
{
  switch (field)
    {
    case CP_CONTRACT_GOALS:
      return G_OBJECT (gtk_text_view_get_buffer (self->goals_view));
    case CP_CONTRACT_MEASURES:
      return G_OBJECT (gtk_text_view_get_buffer (self->measures_view));
    case CP_CONTRACT_ROLES:
      return G_OBJECT (gtk_text_view_get_buffer (self->roles_view));
    case CP_CONTRACT_COACH:
      return G_OBJECT (self->coach_row);
    case CP_CONTRACT_CLIENT_LEAD:
      return G_OBJECT (self->client_lead_row);
    case CP_CONTRACT_SPONSOR:
      return G_OBJECT (self->sponsor_row);
    case CP_CONTRACT_N_TEXTS:
    default:
      g_assert_not_reached ();
    }
}

static void
field_changed_cb (GObject          *widget,
                  CpContractDialog *self)
{
  CpContractText field = GPOINTER_TO_UINT (g_object_get_data (widget, "field"));
  g_autofree char *text = NULL;

  if (self->loading || self->shown == NULL)
    return;

  if (GTK_IS_TEXT_BUFFER (widget))
    g_object_get (widget, "text", &text, NULL);
  else
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  cp_contract_set_text (self->shown, field, text);
}

static void
update_status (CpContractDialog *self)
{
  CpContract *c = self->shown;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean draft = c != NULL && !cp_contract_is_signed (c);

  if (c == NULL)
    return;

  if (draft)
    {
      /* Translators: %u is the contract's version. */
      title = g_strdup_printf (_("Version %u · Draft"), cp_contract_get_version (c));
      subtitle = g_strdup (_("Not signed yet. Signing needs the goals and all three names."));
      gtk_image_set_from_icon_name (self->status_icon, "document-edit-symbolic");
    }
  else
    {
      g_autofree char *date = cp_ui_format_date (cp_contract_get_signed_on (c));

      /* Translators: %u is the contract's version, %s the day it was signed. */
      title = g_strdup_printf (_("Version %u · Signed on %s"), cp_contract_get_version (c), date);
      /* Translators: the coach, the client lead and the sponsor who signed. */
      subtitle = g_strdup_printf (_("Agreed by %s, %s and %s"),
                                  cp_contract_get_text (c, CP_CONTRACT_COACH),
                                  cp_contract_get_text (c, CP_CONTRACT_CLIENT_LEAD),
                                  cp_contract_get_text (c, CP_CONTRACT_SPONSOR));
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (self->status_row, subtitle);

  for (CpContractText f = 0; f < CP_CONTRACT_N_TEXTS; f++)
    {
      GObject *w = field_widget (self, f);

      if (GTK_IS_TEXT_BUFFER (w))
        continue;
      gtk_editable_set_editable (GTK_EDITABLE (w), draft && self->editable);
    }
  gtk_text_view_set_editable (self->goals_view, draft && self->editable);
  gtk_text_view_set_editable (self->measures_view, draft && self->editable);
  gtk_text_view_set_editable (self->roles_view, draft && self->editable);

  gtk_widget_set_visible (self->sign_button, draft && self->editable);
  gtk_widget_set_visible (self->change_button, !draft && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.sign", draft && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.change", !draft && self->editable);
}

static void
show_contract (CpContractDialog *self,
               CpContract       *contract)
{
  g_set_object (&self->shown, contract);

  self->loading = TRUE;
  for (CpContractText f = 0; f < CP_CONTRACT_N_TEXTS; f++)
    {
      GObject *w = field_widget (self, f);
      const char *text = cp_contract_get_text (contract, f);

      if (GTK_IS_TEXT_BUFFER (w))
        gtk_text_buffer_set_text (GTK_TEXT_BUFFER (w), text, -1);
      else
        gtk_editable_set_text (GTK_EDITABLE (w), text);
    }
  self->loading = FALSE;

  update_status (self);
}

/* Fills the version list and shows its latest version. */
static void
load_versions (CpContractDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  GListModel *versions = cp_engagement_get_contracts (self->engagement, &error);
  guint n;

  if (versions == NULL)
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  n = g_list_model_get_n_items (versions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpContract) c = g_list_model_get_item (versions, i);
      /* Translators: %u is the contract's version. */
      g_autofree char *name = g_strdup_printf (_("Version %u"), cp_contract_get_version (c));

      gtk_string_list_append (names, name);
    }

  self->loading = TRUE;
  gtk_drop_down_set_model (self->version_list, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->version_list, n > 0 ? n - 1 : GTK_INVALID_LIST_POSITION);
  self->loading = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->version_list), n > 1);

  if (n == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("No Contract Yet"));
      gtk_widget_set_visible (self->sign_button, FALSE);
      gtk_widget_set_visible (self->change_button, FALSE);
      gtk_text_view_set_editable (self->goals_view, FALSE);
      gtk_text_view_set_editable (self->measures_view, FALSE);
      gtk_text_view_set_editable (self->roles_view, FALSE);
    }
  else
    {
      g_autoptr(CpContract) last = g_list_model_get_item (versions, n - 1);
      show_contract (self, last);
    }
}

static void
version_selected_cb (CpContractDialog *self)
{
  GListModel *versions = cp_engagement_get_contracts (self->engagement, NULL);
  guint selected = gtk_drop_down_get_selected (self->version_list);
  g_autoptr(CpContract) c = NULL;

  if (self->loading || versions == NULL || !(c = g_list_model_get_item (versions, selected)))
    return;

  show_contract (self, c);
}

static void
sign_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  CpContractDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "sign") != 0 || self->shown == NULL)
    return;

  if (!cp_contract_sign (self->shown, &error))
    cp_ui_toast_error (GTK_WIDGET (self), error);

  update_status (self);
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CpContractDialog *self = CP_CONTRACT_DIALOG (widget);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->shown == NULL)
    return;

  /* Translators: the coach, the client lead and the sponsor. */
  body = g_strdup_printf (_("Sign for %s, %s and %s? The version is then frozen; "
                            "a change later makes a new version."),
                          cp_contract_get_text (self->shown, CP_CONTRACT_COACH),
                          cp_contract_get_text (self->shown, CP_CONTRACT_CLIENT_LEAD),
                          cp_contract_get_text (self->shown, CP_CONTRACT_SPONSOR));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Sign the Contract?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "sign", _("_Sign"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "sign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "sign");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CpContractDialog *self = CP_CONTRACT_DIALOG (widget);
  g_autoptr(CpContract) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (!(draft = cp_engagement_get_draft_contract (self->engagement, &error)))
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  load_versions (self);
}

static void
cp_contract_dialog_dispose (GObject *object)
{
  CpContractDialog *self = (CpContractDialog *)object;

  g_clear_object (&self->shown);
  g_clear_object (&self->engagement);

  G_OBJECT_CLASS (cp_contract_dialog_parent_class)->dispose (object);
}

static void
cp_contract_dialog_class_init (CpContractDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_contract_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-contract-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpContractDialog, version_list);
  gtk_widget_class_bind_template_child (widget_class, CpContractDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, CpContractDialog, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CpContractDialog, goals_view);
  gtk_widget_class_bind_template_child (widget_class, CpContractDialog, measures_view);
  gtk_widget_class_bind_template_child (widget_class, CpContractDialog, roles_view);
  gtk_widget_class_bind_template_child (widget_class, CpContractDialog, coach_row);
  gtk_widget_class_bind_template_child (widget_class, CpContractDialog, client_lead_row);
  gtk_widget_class_bind_template_child (widget_class, CpContractDialog, sponsor_row);
  gtk_widget_class_bind_template_child (widget_class, CpContractDialog, sign_button);
  gtk_widget_class_bind_template_child (widget_class, CpContractDialog, change_button);
  gtk_widget_class_bind_template_callback (widget_class, version_selected_cb);

  gtk_widget_class_install_action (widget_class, "contract.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "contract.change", NULL, change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_contract_dialog_init (CpContractDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_ui_name_drop_down (self->version_list, _("Version"));

  for (CpContractText f = 0; f < CP_CONTRACT_N_TEXTS; f++)
    {
      GObject *w = field_widget (self, f);

      g_object_set_data (w, "field", GUINT_TO_POINTER (f));
      g_signal_connect_object (w, "changed", G_CALLBACK (field_changed_cb), self, 0);
    }
}

/**
 * cp_contract_dialog_new:
 *
 * Shows the latest version of @engagement's contract; when there is none
 * yet and @editable, a first draft from the engagement's goals.
 */
CpContractDialog *
cp_contract_dialog_new (GtkWindow    *parent,
                        CpEngagement *engagement,
                        gboolean      editable)
{
  CpContractDialog *self;
  GListModel *versions;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);

  self = g_object_new (CP_TYPE_CONTRACT_DIALOG, "transient-for", parent, NULL);
  self->engagement = g_object_ref (engagement);
  self->editable = editable;

  versions = cp_engagement_get_contracts (engagement, NULL);
  if (editable && versions != NULL && g_list_model_get_n_items (versions) == 0)
    {
      g_autoptr(CpContract) draft = NULL;
      g_autoptr(GError) error = NULL;

      if (!(draft = cp_engagement_get_draft_contract (engagement, &error)))
        g_warning ("%s", error->message);
    }

  load_versions (self);

  return self;
}

/**
 * cp_contract_dialog_get_shown:
 *
 * Returns: (transfer none) (nullable): the version on show
 */
CpContract *
cp_contract_dialog_get_shown (CpContractDialog *self)
{
  g_return_val_if_fail (CP_IS_CONTRACT_DIALOG (self), NULL);

  return self->shown;
}
