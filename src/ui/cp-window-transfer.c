/* cp-window-transfer.c — the main window's exports, imports, sharing
 * and searches: the progress report, the engagement as a folder, a
 * folder as a new engagement, sharing, shared engagements and their
 * history, the search over all notes and the open actions
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-actions-dialog.h"
#include "cp-engagement.h"
#include "cp-engagement-io.h"
#include "cp-history-window.h"
#include "cp-report.h"
#include "cp-share-dialog.h"
#include "cp-store.h"
#include "cp-ui-util.h"
#include "cp-window.h"
#include "cp-window-transfer.h"

typedef gboolean (*FinishFunc) (GAsyncResult  *result,
                                GError       **error);

/* A report or folder being written, and who to tell when it is. */
typedef struct
{
  GWeakRef    window;
  AdwToast   *working;
  char       *path;
  const char *action;   /* disabled while it runs */
  FinishFunc  finish;
  char       *done;     /* what to say when it is written */
} Export;

static void
export_free (Export *export)
{
  g_weak_ref_clear (&export->window);
  g_clear_object (&export->working);
  g_free (export->path);
  g_free (export->done);
  g_free (export);
}

static void
open_saved_cb (AdwToast *toast,
               gpointer  data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");
  g_autoptr(GError) error = NULL;

  /* The desktop's own choice of application, through the portal where
   * there is one.
   */
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("Could not open %s: %s", uri, error->message);
}

/**
 * cp_window_toast_saved:
 * @path: (nullable): the file saved, opened by the toast's button
 * @topic: what the toast is about; a later one on it replaces it
 *
 * Says @message, with what was saved a click away.
 */
void
cp_window_toast_saved (CpWindow   *self,
                       const char *message,
                       const char *path,
                       const char *topic)
{
  AdwToast *toast = adw_toast_new (message);

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (open_saved_cb), NULL);
    }
  cp_ui_toast_set_topic (toast, topic);
  cp_window_add_toast (self, toast);
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(CpWindow) self = g_weak_ref_get (&export->window);
  g_autoptr(GError) error = NULL;
  gboolean written = export->finish (result, &error);

  adw_toast_dismiss (export->working);

  if (self != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), export->action,
                                     cp_window_get_current (self) != NULL);
      cp_window_toast_saved (self, written ? export->done : error->message,
                             written ? export->path : NULL, export->action);
    }

  export_free (export);
}

/* Says that an export runs, off the main thread, until it is done. */
static Export *
export_start (CpWindow   *self,
              char       *path,
              const char *working,
              const char *action,
              FinishFunc  finish,
              char       *done)
{
  Export *export = g_new0 (Export, 1);

  g_weak_ref_init (&export->window, self);
  export->path = path;
  export->action = action;
  export->finish = finish;
  export->done = done;
  export->working = adw_toast_new (working);
  adw_toast_set_timeout (export->working, 0);
  cp_ui_toast_set_topic (export->working, action);
  cp_window_add_toast (self, g_object_ref (export->working));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, FALSE);

  return export;
}

static void
report_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  CpWindow        *self)
{
  CpEngagement *engagement = g_object_get_data (G_OBJECT (chooser), "engagement");
  CpAudience audience = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "audience"));
  const char *action = audience == CP_AUDIENCE_TEAM ? "win.export-team-report" : "win.export-report";
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *done = NULL;
  Export *export;

  if (response != GTK_RESPONSE_ACCEPT ||
      !(file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) ||
      !(path = g_file_get_path (file)))
    return;

  /* A name typed without an extension gets the PDF one. */
  if (strrchr (path, '.') == NULL || strchr (strrchr (path, '.'), G_DIR_SEPARATOR) != NULL)
    {
      char *with = g_strconcat (path, ".pdf", NULL);
      g_free (path);
      path = with;
    }

  base = g_path_get_basename (path);
  /* Translators: %s is the file the report was saved to. */
  done = g_strdup_printf (_("Report saved as %s"), base);
  export = export_start (self, g_steal_pointer (&path), _("Exporting the report…"), action,
                         cp_report_write_finish, g_steal_pointer (&done));
  cp_report_write_async (engagement, today, audience, export->path, NULL, export_written_cb, export);
}

/**
 * cp_window_export_report:
 * @audience: %CP_AUDIENCE_TEAM for the coaching team's report, which adds
 *   the people; the sponsor's report otherwise
 *
 * Asks where to save the current engagement's report, then writes it
 * off the main thread.
 */
void
cp_window_export_report (CpWindow   *self,
                         CpAudience  audience)
{
  g_autoptr(GtkFileFilter) html = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (cp_window_get_current (self) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (audience == CP_AUDIENCE_TEAM ? _("Export Team Report") : _("Export Report"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (html, _("Web page (.html)"));
  gtk_file_filter_add_suffix (html, "html");
  gtk_file_filter_set_name (markdown, _("Markdown (.md)"));
  gtk_file_filter_add_suffix (markdown, "md");
  gtk_file_filter_set_name (pdf, _("PDF document (.pdf)"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), html);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), markdown);

  /* Translators: the file name offered for a report; %s is the engagement. */
  name = g_strdup_printf (audience == CP_AUDIENCE_TEAM ? _("%s — team report.pdf") : _("%s — progress report.pdf"),
                          cp_engagement_get_title (cp_window_get_current (self)));
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_object_set_data_full (G_OBJECT (chooser), "engagement", g_object_ref (cp_window_get_current (self)),
                          g_object_unref);
  g_object_set_data (G_OBJECT (chooser), "audience", GINT_TO_POINTER (audience));
  g_signal_connect_object (chooser, "response", G_CALLBACK (report_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
folder_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  CpWindow        *self)
{
  CpEngagement *engagement = g_object_get_data (G_OBJECT (chooser), "engagement");
  g_autoptr(GFile) file = NULL;
  g_autofree char *base = NULL;
  g_autofree char *done = NULL;
  char *path = NULL;
  Export *export;

  if (response != GTK_RESPONSE_ACCEPT ||
      !(file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) ||
      !(path = g_file_get_path (file)))
    return;

  base = g_path_get_basename (path);
  /* Translators: %s is the folder the engagement was written to. */
  done = g_strdup_printf (_("Engagement exported to the folder %s"), base);
  export = export_start (self, path, _("Exporting the engagement…"), "win.export-folder",
                         cp_engagement_export_finish, g_steal_pointer (&done));
  cp_engagement_export_async (engagement, export->path, NULL, export_written_cb, export);
}

/**
 * cp_window_export_folder:
 *
 * Asks for a folder, then writes the current engagement into it off the
 * main thread.
 */
void
cp_window_export_folder (CpWindow *self)
{  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (cp_window_get_current (self) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Engagement as a Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_strdup (cp_engagement_get_title (cp_window_get_current (self)));
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), *name ? name : _("Engagement"));

  g_object_set_data_full (G_OBJECT (chooser), "engagement", g_object_ref (cp_window_get_current (self)),
                          g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (folder_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * cp_window_import_folder:
 * @path: an engagement folder
 *
 * Adds the engagement in @path as a new one and shows it, or says in a
 * toast why nothing was added.
 *
 * Returns: (transfer none) (nullable): the new engagement
 */
CpEngagement *
cp_window_import_folder (CpWindow   *self,
                         const char *path)
{
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  g_return_val_if_fail (CP_IS_WINDOW (self), NULL);

  if (cp_window_get_store (self) == NULL)
    return NULL;

  if (!(id = cp_store_import_engagement (cp_window_get_store (self), path, &error)) ||
      !(engagement = cp_store_get_engagement (cp_window_get_store (self), id, &error)))
    {
      /* Translators: why an engagement folder was not imported. */
      message = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      cp_window_add_toast (self, adw_toast_new (message));
      return NULL;
    }

  cp_window_show_engagement (self, engagement);
  /* Translators: the imported engagement's title. */
  message = g_strdup_printf (_("Imported “%s”"), cp_engagement_get_title (engagement));
  cp_window_add_toast (self, adw_toast_new (message));

  return cp_window_get_current (self);
}

static void
import_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  CpWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) &&
      (path = g_file_get_path (file)))
    cp_window_import_folder (self, path);
}

/**
 * cp_window_choose_import_folder:
 *
 * Asks for an engagement folder, then imports it.
 */
void
cp_window_choose_import_folder (CpWindow *self)
{  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Engagement Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  cp_window_export_report (CP_WINDOW (widget), g_str_equal (action_name, "win.export-team-report")
                                                 ? CP_AUDIENCE_TEAM : CP_AUDIENCE_SPONSOR);
}

static void
export_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  cp_window_export_folder (CP_WINDOW (widget));
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  cp_window_choose_import_folder (CP_WINDOW (widget));
}

static void
share_engagement_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  CpEngagement *current = cp_window_get_current (self);

  if (current != NULL)
    gtk_window_present (GTK_WINDOW (cp_share_dialog_new_share (self, current)));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CpEngagement *current = cp_window_get_current (CP_WINDOW (widget));

  if (current != NULL)
    gtk_window_present (GTK_WINDOW (cp_history_window_new (GTK_WINDOW (widget), current)));
}

static void
open_shared_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  gtk_window_present (GTK_WINDOW (cp_share_dialog_new_open (CP_WINDOW (widget))));
}

static void
open_note_cb (CpWindow       *self,
              gint64          engagement_id,
              gint64          note_id,
              CpSearchDialog *dialog)
{
  cp_window_open_note (self, engagement_id, note_id);
}

/**
 * cp_window_search_all:
 * @text: (nullable): words to search for at once
 *
 * Opens the search over every engagement's notes.
 *
 * Returns: (transfer none): the search dialog
 */
CpSearchDialog *
cp_window_search_all (CpWindow   *self,
                      const char *text)
{
  CpSearchDialog *dialog;

  g_return_val_if_fail (CP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (cp_window_get_store (self) != NULL, NULL);

  dialog = cp_search_dialog_new (GTK_WINDOW (self), cp_window_get_store (self));
  g_signal_connect_object (dialog, "open-note", G_CALLBACK (open_note_cb), self,
                           G_CONNECT_SWAPPED);
  if (text != NULL)
    cp_search_dialog_set_text (dialog, text);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
open_actions_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CpStore *store = cp_window_get_store (CP_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (cp_actions_dialog_new (GTK_WINDOW (widget), store,
                                                         !cp_store_get_read_only (store))));
}

/* The window's actions for all of the above. */
void
cp_window_transfer_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-team-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-folder", NULL, export_folder_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.share-engagement", NULL, share_engagement_action);
  gtk_widget_class_install_action (widget_class, "win.open-shared", NULL, open_shared_action);
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.open-actions", NULL, open_actions_action);
}
