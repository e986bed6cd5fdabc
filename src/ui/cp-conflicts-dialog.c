/* cp-conflicts-dialog.c — the conflicts a sync found, each with both
 * values, for the person to choose between
 *
 * One group for each conflict: what it is and in which file, then the
 * value here and the value in the repository, one of them chosen —
 * yours to begin with. Sync syncs again with the choices; Cancel
 * leaves everything as it is.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-conflicts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-conflicts-dialog.h"
#include "cp-share.h"
#include "cp-sync-button.h"

struct _CpConflictsDialog
{
  AdwWindow          parent_instance;

  GtkWidget         *sync_target;   /* weak: the Sync button */
  GPtrArray         *keys;          /* char *: each conflict's key */
  GPtrArray         *mine;          /* GtkCheckButton: "keep mine", by conflict */

  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (CpConflictsDialog, cp_conflicts_dialog, ADW_TYPE_WINDOW)

/**
 * cp_conflicts_dialog_dup_choices:
 *
 * Returns: (transfer full) (element-type utf8 utf8): each conflict's
 *   choice by its key: "mine" or "theirs"
 */
GHashTable *
cp_conflicts_dialog_dup_choices (CpConflictsDialog *self)
{
  GHashTable *choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->keys->len; i++)
    g_hash_table_insert (choices, g_strdup (g_ptr_array_index (self->keys, i)),
                         gtk_check_button_get_active (g_ptr_array_index (self->mine, i))
                         ? (gpointer) "mine" : (gpointer) "theirs");

  return choices;
}

static void
sync_clicked_cb (CpConflictsDialog *self)
{
  g_autoptr(GHashTable) choices = cp_conflicts_dialog_dup_choices (self);

  if (self->sync_target != NULL)
    cp_sync_button_sync (CP_SYNC_BUTTON (self->sync_target), choices);
  gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
choice_row (const char     *title,
            const char     *value,
            GtkCheckButton *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *escaped = g_markup_escape_text (value && *value ? value : _("(empty)"), -1);

  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  return row;
}

static void
add_conflict (CpConflictsDialog     *self,
              const CpMergeConflict *conflict)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *mine_row, *theirs_row;
  GtkCheckButton *mine;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *file = g_markup_escape_text (conflict->file, -1);

  /* Translators: a record, then one of its fields, as "goal “Failed
   * changes” · Target".
   */
  title = conflict->field ? g_strdup_printf (_("%s · %s"), conflict->record, conflict->field)
                          : g_strdup (conflict->record);
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), file);

  mine_row = choice_row (_("Keep Yours"), conflict->mine ? conflict->mine : _("Removed here"), NULL);
  mine = GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (mine_row)));
  theirs_row = choice_row (_("Take Theirs"), conflict->theirs ? conflict->theirs : _("Removed there"),
                           mine);
  gtk_check_button_set_active (mine, TRUE);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), mine_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), theirs_row);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  g_ptr_array_add (self->keys, g_strdup (conflict->key));
  g_ptr_array_add (self->mine, mine);
}

static void
cp_conflicts_dialog_dispose (GObject *object)
{
  CpConflictsDialog *self = CP_CONFLICTS_DIALOG (object);

  g_clear_weak_pointer (&self->sync_target);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->mine, g_ptr_array_unref);

  G_OBJECT_CLASS (cp_conflicts_dialog_parent_class)->dispose (object);
}

static void
cp_conflicts_dialog_class_init (CpConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_conflicts_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coachplan/Coachplan/cp-conflicts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpConflictsDialog, page);
  gtk_widget_class_bind_template_callback (widget_class, sync_clicked_cb);
}

static void
cp_conflicts_dialog_init (CpConflictsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->mine = g_ptr_array_new ();
}

/**
 * cp_conflicts_dialog_new:
 * @sync_button: the Sync button that syncs again with the choices
 * @conflicts: (element-type CpMergeConflict): what clashed
 *
 * Returns: (transfer floating): the dialog, transient for the button's
 *   window
 */
CpConflictsDialog *
cp_conflicts_dialog_new (GtkWidget *sync_button,
                         GPtrArray *conflicts)
{
  GtkRoot *root = gtk_widget_get_root (sync_button);
  CpConflictsDialog *self = g_object_new (CP_TYPE_CONFLICTS_DIALOG,
                                          "transient-for", GTK_IS_WINDOW (root) ? root : NULL,
                                          NULL);

  g_set_weak_pointer (&self->sync_target, sync_button);
  for (guint i = 0; i < conflicts->len; i++)
    add_conflict (self, g_ptr_array_index (conflicts, i));

  return self;
}
