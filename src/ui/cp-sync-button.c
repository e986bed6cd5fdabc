/* cp-sync-button.c — a shared engagement's Sync button, with its state
 *
 * Shown only for a shared engagement, it says where the engagement
 * stands — up to date, changes to send, offline, conflicts — and syncs
 * it when pressed. While a sync runs the window takes no edits, as the
 * sync may store a merge in place of what is on screen; after a merge
 * the window shows the engagement as stored. Conflicts open a dialog
 * that shows both values of each and lets the person choose.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-sync-button"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-conflicts-dialog.h"
#include "cp-engagement.h"
#include "cp-identity-dialog.h"
#include "cp-share.h"
#include "cp-sync-button.h"
#include "cp-ui-util.h"
#include "cp-window.h"

/* Local changes show as "changes to send" within this long. */
#define REFRESH_SECONDS 5

struct _CpSyncButton
{
  GtkButton      parent_instance;

  CpEngagement  *engagement;
  CpShareState   state;
  gboolean       syncing;
  guint          refresh_id;
  GHashTable    *choices;   /* for the sync asked for, until it starts */

  GtkStack      *stack;
  GtkImage      *icon;
  GtkLabel      *label;
  GtkSpinner    *spinner;
};

G_DEFINE_FINAL_TYPE (CpSyncButton, cp_sync_button, GTK_TYPE_BUTTON)

static const struct
{
  const char *icon;
  const char *label;
  const char *tooltip;
} states[] = {
  [CP_SHARE_UP_TO_DATE] = { "emblem-ok-symbolic", N_("Up to Date"),
                            N_("Everyone has your changes; sync to take theirs") },
  [CP_SHARE_CHANGES_TO_SEND] = { "emblem-synchronizing-symbolic", N_("Sync"),
                                 N_("You have changes to send") },
  [CP_SHARE_OFFLINE] = { "network-offline-symbolic", N_("Offline"),
                         N_("The repository could not be reached; your changes are kept here and "
                            "sent at the next sync") },
  [CP_SHARE_CONFLICTS] = { "dialog-warning-symbolic", N_("Conflicts"),
                           N_("Changes here and there clash; sync to choose between them") },
};

static void
show_state (CpSyncButton *self)
{
  g_autofree char *accessible = NULL;

  gtk_image_set_from_icon_name (self->icon, states[self->state].icon);
  gtk_label_set_label (self->label, _(states[self->state].label));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _(states[self->state].tooltip));
  /* Translators: the Sync button as a screen reader says it, with where
   * the engagement stands.
   */
  accessible = g_strdup_printf (_("Sync: %s"), _(states[self->state].label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  if (self->state == CP_SHARE_CONFLICTS || self->state == CP_SHARE_OFFLINE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");
}

/**
 * cp_sync_button_refresh:
 *
 * Reads again where the engagement stands; shows itself only for a
 * shared engagement.
 */
void
cp_sync_button_refresh (CpSyncButton *self)
{
  gboolean shared;

  g_return_if_fail (CP_IS_SYNC_BUTTON (self));

  if (self->syncing)
    return;

  shared = self->engagement != NULL && cp_share_is_shared (self->engagement, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), shared);
  if (!shared)
    return;

  self->state = cp_share_get_state (self->engagement);
  show_state (self);
}

static gboolean
refresh_cb (gpointer data)
{
  CpSyncButton *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && GTK_IS_WINDOW (root) &&
      gtk_window_is_active (GTK_WINDOW (root)))
    cp_sync_button_refresh (self);

  return G_SOURCE_CONTINUE;
}

const char *
cp_sync_button_get_state_text (CpSyncButton *self)
{
  g_return_val_if_fail (CP_IS_SYNC_BUTTON (self), NULL);

  return self->syncing ? _("Syncing…") : _(states[self->state].label);
}

void
cp_sync_button_set_engagement (CpSyncButton *self,
                               CpEngagement *engagement)
{
  g_return_if_fail (CP_IS_SYNC_BUTTON (self));

  if (!g_set_object (&self->engagement, engagement))
    return;

  cp_sync_button_refresh (self);
}

static void
set_syncing (CpSyncButton *self,
             gboolean      syncing)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->syncing = syncing;
  gtk_stack_set_visible_child_name (self->stack, syncing ? "syncing" : "state");
  gtk_spinner_set_spinning (self->spinner, syncing);
  gtk_widget_set_sensitive (GTK_WIDGET (self), !syncing);
  if (CP_IS_WINDOW (root))
    cp_window_set_syncing (CP_WINDOW (root), syncing);
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(CpSyncButton) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSyncResult) synced = cp_share_sync_finish (result, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  set_syncing (self, FALSE);

  if (synced != NULL && synced->merged && CP_IS_WINDOW (root))
    cp_window_reload_current (CP_WINDOW (root));

  if (synced == NULL)
    cp_ui_toast_error (GTK_WIDGET (self), error);
  else if (synced->state == CP_SHARE_CONFLICTS)
    {
      CpConflictsDialog *dialog = cp_conflicts_dialog_new (GTK_WIDGET (self), synced->conflicts);

      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      AdwToast *toast = adw_toast_new (synced->merged ? _("Synced; changes from others are in")
                                                      : _("Synced"));

      cp_ui_toast_set_topic (toast, "sync");
      cp_ui_show_toast (GTK_WIDGET (self), toast);
    }

  cp_sync_button_refresh (self);
}

static void
sync_as (const char *name,
         gpointer    data)
{
  CpSyncButton *self = data;
  g_autoptr(GHashTable) choices = g_steal_pointer (&self->choices);
  g_autofree char *email = NULL;

  if (name == NULL || self->engagement == NULL)
    {
      cp_ui_show_toast (GTK_WIDGET (self),
                        adw_toast_new (_("Nothing was synced: say who you are first, in Preferences")));
      return;
    }

  cp_ui_dup_identity (NULL, &email);
  set_syncing (self, TRUE);
  cp_share_sync_async (self->engagement, name, email, choices, CP_MERGE_ASK, synced_cb,
                       g_object_ref (self));
}

/**
 * cp_sync_button_sync:
 * @choices: (nullable): conflicts settled, by key: "mine" or "theirs"
 *
 * Syncs the engagement, as the person says who they are.
 */
void
cp_sync_button_sync (CpSyncButton *self,
                     GHashTable   *choices)
{
  g_return_if_fail (CP_IS_SYNC_BUTTON (self));

  if (self->syncing || self->engagement == NULL)
    return;

  g_clear_pointer (&self->choices, g_hash_table_unref);
  self->choices = choices ? g_hash_table_ref (choices) : NULL;
  cp_identity_dialog_ask (GTK_WIDGET (self), sync_as, g_object_ref (self), g_object_unref);
}

static void
cp_sync_button_clicked (GtkButton *button)
{
  cp_sync_button_sync (CP_SYNC_BUTTON (button), NULL);
}

static void
cp_sync_button_dispose (GObject *object)
{
  CpSyncButton *self = CP_SYNC_BUTTON (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->engagement);
  g_clear_pointer (&self->choices, g_hash_table_unref);

  G_OBJECT_CLASS (cp_sync_button_parent_class)->dispose (object);
}

static void
cp_sync_button_class_init (CpSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkButtonClass *button_class = GTK_BUTTON_CLASS (klass);

  object_class->dispose = cp_sync_button_dispose;
  button_class->clicked = cp_sync_button_clicked;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coachplan/Coachplan/cp-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CpSyncButton, stack);
  gtk_widget_class_bind_template_child (widget_class, CpSyncButton, icon);
  gtk_widget_class_bind_template_child (widget_class, CpSyncButton, label);
  gtk_widget_class_bind_template_child (widget_class, CpSyncButton, spinner);
}

static void
cp_sync_button_init (CpSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
}
