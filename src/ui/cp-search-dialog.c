/* cp-search-dialog.c — finds notes across every engagement
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-search-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-search.h"
#include "cp-search-dialog.h"
#include "cp-store.h"
#include "cp-ui-util.h"

#define MAX_HITS 50

struct _CpSearchDialog
{
  AdwWindow       parent_instance;

  CpStore        *store;
  guint           n_hits;
  GCancellable   *ranking;   /* every match being ranked, off the main thread */

  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  AdwStatusPage  *status;
  GtkListBox     *results_list;
};

G_DEFINE_FINAL_TYPE (CpSearchDialog, cp_search_dialog, ADW_TYPE_WINDOW)

enum {
  OPEN_NOTE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_hits (CpSearchDialog *self,
           GPtrArray      *hits,
           const GError   *error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  cp_ui_fill_search_hits (self->results_list, hits, TRUE);
  self->n_hits = hits ? hits->len : 0;

  if (self->n_hits == 0)
    {
      adw_status_page_set_title (self->status, *text ? _("No Notes Found") : _("Search All Notes"));
      adw_status_page_set_description (self->status,
                                       error ? error->message
                                       : *text ? _("Try other words")
                                       : _("Find any note of any engagement by a word in it"));
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
ranked_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CpSearchDialog) self = user_data;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = cp_store_search_notes_finish (CP_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The best of every match, in place of the best on hand. */
  g_clear_object (&self->ranking);
  show_hits (self, hits, error);
}

/* The best matches on hand show at once, as one types; where there were
 * too many to rank within a frame, the best of all of them follow.
 */
static void
search_changed_cb (CpSearchDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ranked_all = TRUE;

  g_cancellable_cancel (self->ranking);
  g_clear_object (&self->ranking);

  hits = cp_store_search_notes_first (self->store, text, 0, MAX_HITS, &ranked_all, &error);
  show_hits (self, hits, error);

  if (hits != NULL && !ranked_all)
    {
      self->ranking = g_cancellable_new ();
      cp_store_search_notes_async (self->store, text, 0, MAX_HITS, self->ranking, ranked_cb,
                                   g_object_ref (self));
    }
}

/**
 * cp_search_dialog_get_ranking:
 *
 * Returns: whether every match is still being ranked, after the best on
 *   hand were shown
 */
gboolean
cp_search_dialog_get_ranking (CpSearchDialog *self)
{
  g_return_val_if_fail (CP_IS_SEARCH_DIALOG (self), FALSE);

  return self->ranking != NULL;
}

static void
row_activated_cb (CpSearchDialog *self,
                  GtkListBoxRow  *row)
{
  gint64 engagement_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "engagement-id"));
  gint64 note_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "note-id"));

  g_signal_emit (self, signals[OPEN_NOTE], 0, engagement_id, note_id);
  gtk_window_close (GTK_WINDOW (self));
}

/* Enter opens the best match. */
static void
search_activate_cb (CpSearchDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL)
    row_activated_cb (self, first);
}

static void
cp_search_dialog_dispose (GObject *object)
{
  CpSearchDialog *self = CP_SEARCH_DIALOG (object);

  g_cancellable_cancel (self->ranking);
  g_clear_object (&self->ranking);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_search_dialog_parent_class)->dispose (object);
}

static void
cp_search_dialog_class_init (CpSearchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_search_dialog_dispose;

  /**
   * CpSearchDialog::open-note:
   *
   * The user chose a note to open.
   */
  signals[OPEN_NOTE] = g_signal_new ("open-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                     G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/cp-search-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpSearchDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CpSearchDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CpSearchDialog, status);
  gtk_widget_class_bind_template_child (widget_class, CpSearchDialog, results_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_search_dialog_init (CpSearchDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CpSearchDialog *
cp_search_dialog_new (GtkWindow *parent,
                      CpStore   *store)
{
  CpSearchDialog *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_SEARCH_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  return self;
}

/* Searches for @text at once, as if typed. */
void
cp_search_dialog_set_text (CpSearchDialog *self,
                           const char     *text)
{
  g_return_if_fail (CP_IS_SEARCH_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

guint
cp_search_dialog_get_n_hits (CpSearchDialog *self)
{
  g_return_val_if_fail (CP_IS_SEARCH_DIALOG (self), 0);

  return self->n_hits;
}
