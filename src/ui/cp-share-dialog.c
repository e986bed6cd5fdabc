/* cp-share-dialog.c — shares an engagement, or opens a shared one
 *
 * Sharing asks where (a folder, a bare repository or an address) and for
 * whom; opening asks only where. Both say in a toast what was done, or
 * why nothing was.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-share-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-engagement.h"
#include "cp-identity-dialog.h"
#include "cp-share.h"
#include "cp-share-dialog.h"
#include "cp-store.h"
#include "cp-ui-util.h"

struct _CpShareDialog
{
  AdwMessageDialog  parent_instance;

  CpWindow         *window;       /* unowned, weak */
  CpEngagement     *engagement;   /* the one to share, or NULL to open */

  AdwEntryRow      *location_row;
  AdwComboRow      *audience_row;
};

G_DEFINE_FINAL_TYPE (CpShareDialog, cp_share_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
location_changed_cb (CpShareDialog *self)
{
  g_autofree char *location = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->location_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "go", *location != '\0');
}

typedef struct
{
  CpWindow     *window;
  CpEngagement *engagement;
  char         *location;
  CpAudience    audience;
} Share;

static void
share_free (gpointer data)
{
  Share *share = data;

  g_clear_object (&share->window);
  g_clear_object (&share->engagement);
  g_free (share->location);
  g_free (share);
}

static void
shared_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(CpWindow) window = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!cp_share_engagement_finish (result, &error))
    /* Translators: why an engagement was not shared. */
    message = g_strdup_printf (_("Nothing was shared: %s"), error->message);
  else
    /* Translators: the engagement shared. */
    message = g_strdup_printf (_("Shared “%s”"), cp_engagement_get_title (CP_ENGAGEMENT (source)));

  cp_window_add_toast (window, adw_toast_new (message));
}

/* With who shares it known: shares it, the network's part on a thread,
 * and says how it went.
 */
static void
share_as (const char *name,
          gpointer    data)
{
  Share *share = data;
  g_autofree char *email = NULL;

  if (name == NULL)
    {
      cp_window_add_toast (share->window,
                           adw_toast_new (_("Nothing was shared: say who you are first, in Preferences")));
      return;
    }

  cp_ui_dup_identity (NULL, &email);
  cp_share_engagement_async (share->engagement, share->location, share->audience, name, email,
                             shared_cb, g_object_ref (share->window));
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(CpWindow) window = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autofree char *message = NULL;

  if (!(ids = cp_share_clone_finish (result, &error)) ||
      !(engagement = cp_store_get_engagement (CP_STORE (source), g_array_index (ids, gint64, 0), &error)))
    {
      /* Translators: why no shared engagement was opened. */
      message = g_strdup_printf (_("Nothing was opened: %s"), error->message);
      cp_window_add_toast (window, adw_toast_new (message));
      return;
    }

  cp_window_show_engagement (window, engagement);
  /* Translators: the shared engagement opened. */
  message = g_strdup_printf (_("Opened “%s”"), cp_engagement_get_title (engagement));
  cp_window_add_toast (window, adw_toast_new (message));
}

static void
cp_share_dialog_response (AdwMessageDialog *dialog,
                          const char       *response)
{
  CpShareDialog *self = CP_SHARE_DIALOG (dialog);
  g_autofree char *location = NULL;

  if (g_strcmp0 (response, "go") != 0 || self->window == NULL)
    return;

  location = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->location_row))));

  if (self->engagement == NULL)
    {
      cp_share_clone_async (cp_window_get_store (self->window), location, opened_cb,
                            g_object_ref (self->window));
      return;
    }

  {
    Share *share = g_new0 (Share, 1);

    share->window = g_object_ref (self->window);
    share->engagement = g_object_ref (self->engagement);
    share->location = g_steal_pointer (&location);
    share->audience = adw_combo_row_get_selected (self->audience_row);

    /* Each change shared is authored by someone. */
    cp_identity_dialog_ask (GTK_WIDGET (self->window), share_as, share, share_free);
  }
}

static void
cp_share_dialog_dispose (GObject *object)
{
  CpShareDialog *self = CP_SHARE_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->engagement);

  G_OBJECT_CLASS (cp_share_dialog_parent_class)->dispose (object);
}

static void
cp_share_dialog_class_init (CpShareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = cp_share_dialog_dispose;
  dialog_class->response = cp_share_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coachplan/Coachplan/cp-share-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpShareDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, CpShareDialog, audience_row);
}

static void
cp_share_dialog_init (CpShareDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->location_row, "changed", G_CALLBACK (location_changed_cb), self);
  location_changed_cb (self);
}

static CpShareDialog *
new_dialog (CpWindow *window)
{
  CpShareDialog *self = g_object_new (CP_TYPE_SHARE_DIALOG, "transient-for", window, NULL);

  g_set_weak_pointer (&self->window, window);

  return self;
}

/**
 * cp_share_dialog_new_share:
 *
 * Returns: (transfer floating): a dialog that shares @engagement through
 *   the repository it is given, with the audience chosen
 */
CpShareDialog *
cp_share_dialog_new_share (CpWindow     *window,
                           CpEngagement *engagement)
{
  CpShareDialog *self = new_dialog (window);
  g_autofree char *heading = NULL;

  self->engagement = g_object_ref (engagement);
  /* Translators: the heading of the dialog; the engagement's title. */
  heading = g_strdup_printf (_("Share “%s”"), cp_engagement_get_title (engagement));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("The engagement goes into a git repository: a folder here, a bare "
                                 "repository, or an ssh://, https:// or git:// address. Notes the "
                                 "audience may not read never go in."));
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "go", _("_Share"));

  return self;
}

/**
 * cp_share_dialog_new_open:
 *
 * Returns: (transfer floating): a dialog that adds the engagements shared
 *   in the repository it is given, and shows the first
 */
CpShareDialog *
cp_share_dialog_new_open (CpWindow *window)
{
  CpShareDialog *self = new_dialog (window);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Open Shared Engagement"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("Give the repository someone shared the engagement in: a folder, "
                                 "a bare repository, or an ssh://, https:// or git:// address."));
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "go", _("_Open"));
  gtk_widget_set_visible (GTK_WIDGET (self->audience_row), FALSE);

  return self;
}
