/* cp-notes-page.c — an engagement's sessions and notes, and the editor
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-notes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-engagement.h"
#include "cp-note.h"
#include "cp-note-editor.h"
#include "cp-notes-page.h"
#include "cp-notes-transfer.h"
#include "cp-search.h"
#include "cp-session.h"
#include "cp-session-dialog.h"
#include "cp-store.h"
#include "cp-ui-util.h"
#include "cp-window.h"
#include "cp-window-calendar.h"

struct _CpNotesPage
{
  AdwBin         parent_instance;

  CpEngagement  *engagement;
  CpNote        *removed;      /* for the undo of a deletion */

  AdwLeaflet    *leaflet;
  GtkSearchEntry *search_entry;
  GtkStack      *list_stack;
  GtkListBox    *sessions_list;
  GtkListBox    *notes_list;
  GtkListBox    *results_list;
  GtkStack      *editor_stack;
  CpNoteEditor  *editor;

  char          *owner;     /* only this author's notes can be changed; NULL: any */
  guint          editable : 1;
};

G_DEFINE_FINAL_TYPE (CpNotesPage, cp_notes_page, ADW_TYPE_BIN)

static const char *
visibility_name (CpVisibility visibility)
{
  switch (visibility)
    {
    case CP_VISIBILITY_CLIENT:
      return C_("visibility", "Client");
    case CP_VISIBILITY_SPONSOR:
      return C_("visibility", "Sponsor");
    case CP_VISIBILITY_COACH:
    default:
      return C_("visibility", "Coach only");
    }
}

/* The lists' rows are light: two labels in a list box row, as many of
 * them are made each time another engagement is shown.
 */
static GtkWidget *
two_line_row (gpointer    item,
              const char *key)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), cp_ui_two_lines_new ());
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), key, g_object_ref (item), g_object_unref);

  return row;
}

static void
update_note_row (GtkListBoxRow *row)
{
  CpNote *note = g_object_get_data (G_OBJECT (row), "note");
  g_autofree char *title = cp_note_dup_display_title (note);
  g_autofree char *date = cp_ui_format_date (cp_note_get_created (note));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", date ? date : "",
                                               visibility_name (cp_note_get_visibility (note)));

  cp_ui_two_lines_set (gtk_list_box_row_get_child (row), title, subtitle);
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  GtkWidget *row = two_line_row (item, "note");

  g_signal_connect_object (item, "notify::display-title", G_CALLBACK (update_note_row), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::visibility", G_CALLBACK (update_note_row), row,
                           G_CONNECT_SWAPPED);
  update_note_row (GTK_LIST_BOX_ROW (row));

  return row;
}

static void
update_session_row (GtkListBoxRow *row)
{
  CpSession *session = g_object_get_data (G_OBJECT (row), "session");
  g_autofree char *label = cp_session_dialog_dup_label (session);

  cp_ui_two_lines_set (gtk_list_box_row_get_child (row), label, cp_session_get_topic (session));
}

static GtkWidget *
create_session_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *row = two_line_row (item, "session");

  g_signal_connect_object (item, "notify", G_CALLBACK (update_session_row), row,
                           G_CONNECT_SWAPPED);
  update_session_row (GTK_LIST_BOX_ROW (row));

  return row;
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);

  return label;
}

/* Whether @note may be changed here: in the sponsor's view, only the
 * sponsor's own.
 */
static gboolean
may_change (CpNotesPage *self,
            CpNote      *note)
{
  return self->editable && note != NULL &&
         (self->owner == NULL || g_strcmp0 (cp_note_get_author (note), self->owner) == 0);
}

static void
show_note (CpNotesPage *self,
           CpNote      *note)
{
  GtkListBoxRow *row = NULL;

  cp_note_editor_set_note (self->editor, self->engagement, note);
  gtk_stack_set_visible_child_name (self->editor_stack, note ? "editor" : "empty");

  /* The list marks the note on show, however it was opened: a new note,
   * a search hit, a link.
   */
  for (guint i = 0; note != NULL && (row = gtk_list_box_get_row_at_index (self->notes_list, i)); i++)
    if (g_object_get_data (G_OBJECT (row), "note") == note)
      break;
  if (row != NULL)
    gtk_list_box_select_row (self->notes_list, row);
  else
    gtk_list_box_unselect_all (self->notes_list);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.delete-note", may_change (self, note));
  gtk_widget_set_sensitive (GTK_WIDGET (self->editor), note == NULL || may_change (self, note));

  if (note != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
note_activated_cb (CpNotesPage   *self,
                   GtkListBoxRow *row)
{
  show_note (self, g_object_get_data (G_OBJECT (row), "note"));
}

static void
session_activated_cb (CpNotesPage   *self,
                      GtkListBoxRow *row)
{
  CpSession *session = g_object_get_data (G_OBJECT (row), "session");

  if (self->editable && self->owner == NULL)
    gtk_window_present (GTK_WINDOW (cp_session_dialog_new (GTK_WIDGET (self), self->engagement,
                                                           session)));
}

/**
 * cp_notes_page_open_note:
 *
 * Returns: whether the engagement on show has a note @note_id, now open
 */
gboolean
cp_notes_page_open_note (CpNotesPage *self,
                         gint64       note_id)
{
  GListModel *notes;

  g_return_val_if_fail (CP_IS_NOTES_PAGE (self), FALSE);

  if (self->engagement == NULL || !(notes = cp_engagement_get_notes (self->engagement, NULL)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(CpNote) note = g_list_model_get_item (notes, i);

      if (cp_note_get_id (note) == note_id)
        {
          show_note (self, note);
          return TRUE;
        }
    }

  return FALSE;
}

static void
result_activated_cb (CpNotesPage   *self,
                     GtkListBoxRow *row)
{
  cp_notes_page_open_note (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "note-id")));
}

static void
search_changed_cb (CpNotesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  if (self->engagement == NULL || *text == '\0')
    {
      cp_ui_fill_search_hits (self->results_list, NULL, FALSE);
      gtk_stack_set_visible_child_name (self->list_stack, "lists");
      return;
    }

  hits = cp_store_search_notes (cp_engagement_get_store (self->engagement), text,
                                cp_engagement_get_id (self->engagement), 50, &error);
  if (hits == NULL)
    cp_ui_toast_error (GTK_WIDGET (self), error);

  cp_ui_fill_search_hits (self->results_list, hits, FALSE);
  gtk_stack_set_visible_child_name (self->list_stack, "results");
}

static void
stop_search_cb (CpNotesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
editor_back_cb (CpNotesPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
folded_cb (CpNotesPage *self)
{
  cp_note_editor_set_show_back (self->editor, adw_leaflet_get_folded (self->leaflet));
}

static void
new_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CpNotesPage *self = CP_NOTES_PAGE (widget);
  g_autoptr(CpNote) note = NULL;
  g_autoptr(GError) error = NULL;

  if (self->engagement == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  note = cp_engagement_add_note (self->engagement, NULL, "", &error);
  if (note == NULL)
    {
      cp_ui_toast_error (widget, error);
      return;
    }
  /* The sponsor writes for the sponsor's eyes: what they write is shared. */
  if (self->owner != NULL)
    cp_note_set_visibility (note, CP_VISIBILITY_SPONSOR);

  show_note (self, note);
  cp_note_editor_focus_text (self->editor);
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CpNotesPage *self = CP_NOTES_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_hour = NULL;
  g_autofree char *starts_at = NULL;

  if (self->engagement == NULL)
    return;

  /* A session being planned most likely starts at the next full hour. */
  next_hour = g_date_time_add_minutes (now, 60 - g_date_time_get_minute (now));
  starts_at = g_date_time_format (next_hour, "%Y-%m-%dT%H:00");

  gtk_window_present (GTK_WINDOW (cp_session_dialog_new_planned (widget, self->engagement, starts_at)));
}

static void
delete_note_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CpNotesPage *self = CP_NOTES_PAGE (widget);
  CpNote *note = cp_note_editor_get_note (self->editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (note == NULL)
    return;

  cp_note_editor_flush (self->editor);
  g_set_object (&self->removed, note);

  if (!cp_engagement_remove_note (self->engagement, note, &error))
    {
      g_clear_object (&self->removed);
      cp_ui_toast_error (widget, error);
      return;
    }

  show_note (self, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  title = cp_note_dup_display_title (self->removed);
  /* Translators: a note that was deleted. */
  message = g_strdup_printf (_("“%s” deleted"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "notes.undo-delete-note");
  cp_ui_show_toast (widget, toast);
  gtk_widget_action_set_enabled (widget, "notes.undo-delete-note", TRUE);
}

static void
undo_delete_note_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  CpNotesPage *self = CP_NOTES_PAGE (widget);
  g_autoptr(CpNote) note = NULL;
  g_autoptr(GError) error = NULL;

  if (self->removed == NULL || self->engagement == NULL)
    return;

  note = cp_engagement_restore_note (self->engagement, self->removed, &error);
  g_clear_object (&self->removed);
  gtk_widget_action_set_enabled (widget, "notes.undo-delete-note", FALSE);

  if (note == NULL)
    cp_ui_toast_error (widget, error);
  else
    show_note (self, note);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CpNotesPage *self = CP_NOTES_PAGE (widget);

  if (self->engagement != NULL)
    cp_notes_transfer_import (widget, self->engagement);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CpNotesPage *self = CP_NOTES_PAGE (widget);

  cp_note_editor_flush (self->editor);
  if (self->engagement != NULL)
    cp_notes_transfer_export (widget, self->engagement);
}

static void
update_actions (CpNotesPage *self)
{
  gboolean enabled = self->editable && self->engagement != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.new-note", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.import", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.export", self->engagement != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.new-session", enabled && self->owner == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.delete-note",
                                 enabled && may_change (self, cp_note_editor_get_note (self->editor)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.undo-delete-note",
                                 enabled && self->removed != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->editor),
                            cp_note_editor_get_note (self->editor) == NULL
                            ? self->editable : may_change (self, cp_note_editor_get_note (self->editor)));
}

static void
cp_notes_page_dispose (GObject *object)
{
  CpNotesPage *self = (CpNotesPage *)object;

  g_clear_pointer (&self->owner, g_free);
  if (self->notes_list != NULL)
    {
      gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->sessions_list, NULL, NULL, NULL, NULL);
    }

  g_clear_object (&self->engagement);
  g_clear_object (&self->removed);

  G_OBJECT_CLASS (cp_notes_page_parent_class)->dispose (object);
}

/* Calendar files dropped on the page become sessions of its engagement. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CpNotesPage   *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GSList) files = NULL;
  gboolean taken = FALSE;

  if (!self->editable || self->engagement == NULL || !CP_IS_WINDOW (root))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);
      g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

      if (lower != NULL && g_str_has_suffix (lower, ".ics"))
        taken = cp_window_import_calendar (CP_WINDOW (root), l->data) || taken;
    }

  return taken;
}

static void
cp_notes_page_class_init (CpNotesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_notes_page_dispose;

  g_type_ensure (CP_TYPE_NOTE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-notes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpNotesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CpNotesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CpNotesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CpNotesPage, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, CpNotesPage, notes_list);
  gtk_widget_class_bind_template_child (widget_class, CpNotesPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, CpNotesPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, CpNotesPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, note_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_back_cb);

  gtk_widget_class_install_action (widget_class, "notes.new-note", NULL, new_note_action);
  gtk_widget_class_install_action (widget_class, "notes.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "notes.delete-note", NULL, delete_note_action);
  gtk_widget_class_install_action (widget_class, "notes.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "notes.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "notes.undo-delete-note", NULL,
                                   undo_delete_note_action);
}

static void
cp_notes_page_init (CpNotesPage *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->editable = TRUE;

  gtk_list_box_set_placeholder (self->sessions_list, placeholder (_("No sessions yet")));
  gtk_list_box_set_placeholder (self->notes_list, placeholder (_("No notes yet")));
  gtk_list_box_set_placeholder (self->results_list, placeholder (_("No notes match")));

  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self);
  folded_cb (self);
  update_actions (self);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
cp_notes_page_set_engagement (CpNotesPage  *self,
                              CpEngagement *engagement)
{
  g_autoptr(GError) error = NULL;
  GListModel *notes = NULL;
  GListModel *sessions = NULL;

  g_return_if_fail (CP_IS_NOTES_PAGE (self));

  if (self->engagement == engagement)
    return;

  show_note (self, NULL);
  g_set_object (&self->engagement, engagement);
  g_clear_object (&self->removed);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (engagement != NULL &&
      (!(notes = cp_engagement_get_notes (engagement, &error)) ||
       !(sessions = cp_engagement_get_sessions (engagement, &error))))
    g_warning ("%s", error->message);

  gtk_list_box_bind_model (self->notes_list, notes, create_note_row, self, NULL);
  gtk_list_box_bind_model (self->sessions_list, sessions, create_session_row, self, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  update_actions (self);
}

void
cp_notes_page_set_editable (CpNotesPage *self,
                            gboolean     editable)
{
  g_return_if_fail (CP_IS_NOTES_PAGE (self));

  self->editable = !!editable;
  update_actions (self);
}

/**
 * cp_notes_page_set_owner:
 * @owner: (nullable): whose notes alone can be changed; %NULL for all
 *
 * In the sponsor's view the sponsor changes their own notes only, and
 * what they write is for the sponsor's eyes.
 */
void
cp_notes_page_set_owner (CpNotesPage *self,
                         const char  *owner)
{
  g_return_if_fail (CP_IS_NOTES_PAGE (self));

  g_free (self->owner);
  self->owner = g_strdup (owner);
  update_actions (self);
}

void
cp_notes_page_focus_search (CpNotesPage *self)
{
  g_return_if_fail (CP_IS_NOTES_PAGE (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * cp_notes_page_get_editor:
 *
 * Returns: (transfer none): the note editor
 */
CpNoteEditor *
cp_notes_page_get_editor (CpNotesPage *self)
{
  g_return_val_if_fail (CP_IS_NOTES_PAGE (self), NULL);

  return self->editor;
}

/* Hands typing still waiting for a pause to its note. */
void
cp_notes_page_flush (CpNotesPage *self)
{
  g_return_if_fail (CP_IS_NOTES_PAGE (self));

  cp_note_editor_flush (self->editor);
}
