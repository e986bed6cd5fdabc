/* cp-notes-transfer.c — importing and exporting notes from the window
 *
 * Export renders the notes on the main thread (they belong to the store)
 * and writes the files on a worker, with a progress dialog that can
 * cancel between files.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-notes-transfer"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-engagement.h"
#include "cp-notes-io.h"
#include "cp-notes-transfer.h"
#include "cp-ui-util.h"

typedef struct
{
  GtkWidget        *parent;       /* weak */
  AdwMessageDialog *dialog;
  GtkProgressBar   *bar;
  GCancellable     *cancellable;
  GPtrArray        *files;
  char             *folder;
  guint             done;
} Export;

static void
export_free (Export *e)
{
  g_clear_weak_pointer (&e->parent);
  g_clear_object (&e->cancellable);
  g_clear_pointer (&e->files, g_ptr_array_unref);
  g_free (e->folder);
  g_free (e);
}

static gboolean
show_progress (gpointer data)
{
  Export *e = data;

  if (e->dialog != NULL && e->files->len > 0)
    gtk_progress_bar_set_fraction (e->bar, (double) g_atomic_int_get (&e->done) / e->files->len);

  return G_SOURCE_REMOVE;
}

/* Called on the worker after each file. */
static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Export *e = user_data;

  g_atomic_int_set (&e->done, done);
  g_main_context_invoke (NULL, show_progress, e);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Export *e = task_data;
  GError *error = NULL;

  if (cp_export_write_files (e->folder, e->files, cancellable, progress_cb, e, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Export *e = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (e->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (e->dialog));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    message = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
              ? g_strdup (_("Export cancelled; the files written so far are complete"))
              : g_strdup (error->message);
  else
    message = g_strdup_printf (ngettext ("Exported %u note", "Exported %u notes", e->files->len),
                               e->files->len);

  if (e->parent != NULL)
    cp_ui_show_toast (e->parent, adw_toast_new (message));
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Export           *e)
{
  g_cancellable_cancel (e->cancellable);
  e->dialog = NULL;
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  CpEngagement    *engagement)
{
  GtkWidget *parent = g_object_get_data (G_OBJECT (chooser), "parent");
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  const char *skip;
  Export *e;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  skip = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "skip-coach-only");

  e = g_new0 (Export, 1);
  g_set_weak_pointer (&e->parent, parent);
  e->folder = g_file_get_path (folder);
  e->cancellable = g_cancellable_new ();
  e->files = cp_notes_export_prepare (engagement,
                                      g_strcmp0 (skip, "true") == 0
                                      ? CP_NOTES_EXPORT_SKIP_COACH_ONLY : CP_NOTES_EXPORT_DEFAULT,
                                      &error);
  if (e->files == NULL || e->folder == NULL)
    {
      if (error != NULL)
        cp_ui_toast_error (parent, error);
      export_free (e);
      goto out;
    }

  e->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  e->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                                          _("Exporting Notes"), e->folder));
  adw_message_dialog_set_extra_child (e->dialog, GTK_WIDGET (e->bar));
  adw_message_dialog_add_response (e->dialog, "cancel", _("_Cancel"));
  g_signal_connect (e->dialog, "response", G_CALLBACK (progress_response_cb), e);
  gtk_window_present (GTK_WINDOW (e->dialog));

  task = g_task_new (NULL, e->cancellable, written_cb, NULL);
  g_task_set_task_data (task, e, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, write_thread);

out:
  g_object_unref (chooser);
}

/**
 * cp_notes_transfer_export:
 * @parent: the widget asking; messages show in its window
 *
 * Asks for a folder, then writes the engagement's notes into it.
 */
void
cp_notes_transfer_export (GtkWidget    *parent,
                          CpEngagement *engagement)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Notes"),
                                         GTK_WINDOW (gtk_widget_get_root (parent)),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "skip-coach-only",
                               _("Leave out coach-only notes"), NULL, NULL);
  g_object_set_data (G_OBJECT (chooser), "parent", parent);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chosen_cb), engagement, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  CpEngagement    *engagement)
{
  GtkWidget *parent = g_object_get_data (G_OBJECT (chooser), "parent");
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint imported = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);

      if (cp_notes_import (engagement, (const char * const *) paths->pdata, &imported, &error))
        message = g_strdup_printf (ngettext ("Imported %u note", "Imported %u notes", imported),
                                   imported);
      else
        /* Translators: an import refused as a whole, and why. */
        message = g_strdup_printf (_("Nothing was imported: %s"), error->message);

      cp_ui_show_toast (parent, adw_toast_new (message));
    }

  g_object_unref (chooser);
}

/**
 * cp_notes_transfer_import:
 * @parent: the widget asking; messages show in its window
 *
 * Asks for Markdown files, then imports them all, or none.
 */
void
cp_notes_transfer_import (GtkWidget    *parent,
                          CpEngagement *engagement)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Notes"),
                                         GTK_WINDOW (gtk_widget_get_root (parent)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Markdown files"));
  gtk_file_filter_add_pattern (filter, "*.md");
  gtk_file_filter_add_pattern (filter, "*.markdown");
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "parent", parent);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chosen_cb), engagement, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
