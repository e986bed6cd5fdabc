/* cp-actions-dialog.c — the open actions of every engagement
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-actions-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-action.h"
#include "cp-action-row.h"
#include "cp-actions-dialog.h"
#include "cp-store.h"

struct _CpActionsDialog
{
  AdwWindow   parent_instance;

  GListModel *actions;
  gboolean    editable;

  GtkStack   *stack;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (CpActionsDialog, cp_actions_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CpActionsDialog *self = user_data;

  return cp_action_row_new (item, self->editable, TRUE);
}

static void
cp_actions_dialog_dispose (GObject *object)
{
  CpActionsDialog *self = (CpActionsDialog *)object;

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (cp_actions_dialog_parent_class)->dispose (object);
}

static void
cp_actions_dialog_class_init (CpActionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_actions_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-actions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpActionsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CpActionsDialog, list);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_actions_dialog_init (CpActionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CpActionsDialog *
cp_actions_dialog_new (GtkWindow *parent,
                       CpStore   *store,
                       gboolean   editable)
{
  CpActionsDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_ACTIONS_DIALOG, "transient-for", parent, NULL);
  self->editable = editable;
  self->actions = cp_store_list_open_actions (store, &error);
  if (self->actions == NULL)
    g_warning ("%s", error->message);

  gtk_list_box_bind_model (self->list, self->actions, create_row, self, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->actions && g_list_model_get_n_items (self->actions)
                                    ? "list" : "empty");

  return self;
}

/**
 * cp_actions_dialog_get_actions:
 *
 * Returns: (transfer none) (nullable): the open actions on show
 */
GListModel *
cp_actions_dialog_get_actions (CpActionsDialog *self)
{
  g_return_val_if_fail (CP_IS_ACTIONS_DIALOG (self), NULL);

  return self->actions;
}
