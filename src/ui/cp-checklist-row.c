/* cp-checklist-row.c — one review checklist item, ticked in place
 *
 * The row ticks its item itself; the commands that change the list
 * (edit, comment, move, remove) go to the plan page's "plan." actions
 * with the item's id, so they work from the menu, the keyboard and drag
 * and drop alike.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-checklist-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cp-approach.h"
#include "cp-checklist-item.h"
#include "cp-checklist-row.h"
#include "cp-identity-dialog.h"
#include "cp-phase.h"
#include "cp-ui-util.h"

struct _CpChecklistRow
{
  AdwActionRow     parent_instance;

  CpPhase         *phase;
  CpChecklistItem *item;

  GtkCheckButton  *check;
  GtkWidget       *menu_button;
  GMenuModel      *item_menu;

  guint            syncing : 1;
};

G_DEFINE_FINAL_TYPE (CpChecklistRow, cp_checklist_row, ADW_TYPE_ACTION_ROW)

static void
update (CpChecklistRow *self)
{
  const char *comment = cp_checklist_item_get_comment (self->item);
  g_autofree char *when = cp_ui_format_date (cp_checklist_item_get_done_at (self->item));
  GString *subtitle = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 cp_checklist_item_get_text (self->item));

  /* Say where a risk check comes from, so it can be weighed. */
  if (cp_checklist_item_get_source (self->item) == CP_ITEM_SOURCE_APPROACH)
    /* Translators: a checklist item that guards against an approach's risks. */
    g_string_append_printf (subtitle, _("Risk check for “%s”"),
                            cp_approach_get_name (cp_checklist_item_get_approach (self->item)));

  if (cp_checklist_item_get_done (self->item))
    {
      const char *who = cp_checklist_item_get_done_by (self->item);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");

      if (who != NULL && when != NULL)
        /* Translators: who ticked a checklist item, and on which date. */
        g_string_append_printf (subtitle, _("Ticked by %s on %s"), who, when);
      else
        g_string_append (subtitle, _("Ticked"));
    }

  if (comment != NULL && *comment != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", comment);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  g_string_free (subtitle, TRUE);

  self->syncing = TRUE;
  gtk_check_button_set_active (self->check, cp_checklist_item_get_done (self->item));
  self->syncing = FALSE;
}

/* Ticks or unticks, recording @who did it. */
static void
record_tick (const char *who,
             gpointer    data)
{
  CpChecklistRow *self = data;
  g_autoptr(GError) error = NULL;
  gboolean done = gtk_check_button_get_active (self->check);

  if (self->item == NULL || cp_checklist_item_get_done (self->item) == done)
    return;

  if (!cp_checklist_item_set_done (self->item, done, who, &error))
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      update (self);
      return;
    }

  /* The first tick starts the phase. */
  if (done && cp_phase_get_status (self->phase) == CP_PHASE_STATUS_NOT_STARTED &&
      !cp_phase_set_status (self->phase, CP_PHASE_STATUS_IN_PROGRESS, &error))
    cp_ui_toast_error (GTK_WIDGET (self), error);
}

static void
toggled_cb (CpChecklistRow *self)
{
  if (self->syncing)
    return;

  /* The first time, the user is asked who they are. */
  cp_identity_dialog_ask (GTK_WIDGET (self), record_tick, g_object_ref (self), g_object_unref);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CpChecklistRow *self = CP_CHECKLIST_ROW (widget);
  g_autofree char *plan_action = NULL;

  /* "row.move-up" becomes "plan.move-item-up", and so on. */
  plan_action = g_strconcat ("plan.", action_name + strlen ("row."), "-item", NULL);
  gtk_widget_activate_action (widget, plan_action, "x", cp_checklist_item_get_id (self->item));
}

static GdkContentProvider *
drag_prepare_cb (CpChecklistRow *self,
                 double          x,
                 double          y,
                 GtkDragSource  *source)
{
  return gdk_content_provider_new_typed (CP_TYPE_CHECKLIST_ROW, self);
}

static void
drag_begin_cb (CpChecklistRow *self,
               GdkDrag        *drag,
               GtkDragSource  *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop_cb (CpChecklistRow *self,
         const GValue   *value,
         double          x,
         double          y,
         GtkDropTarget  *target)
{
  CpChecklistRow *dragged = g_value_get_object (value);
  GListModel *items;
  guint to;

  if (dragged == NULL || dragged == self || dragged->phase != self->phase)
    return FALSE;

  items = cp_phase_get_items (self->phase, NULL);
  if (items == NULL || !g_list_store_find (G_LIST_STORE (items), self->item, &to))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "plan.move-item-to", "(xu)",
                              cp_checklist_item_get_id (dragged->item), to);

  return TRUE;
}

static void
cp_checklist_row_dispose (GObject *object)
{
  CpChecklistRow *self = (CpChecklistRow *)object;

  g_clear_object (&self->item);
  g_clear_object (&self->phase);

  G_OBJECT_CLASS (cp_checklist_row_parent_class)->dispose (object);
}

static void
cp_checklist_row_class_init (CpChecklistRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *forwarded[] = { "row.edit", "row.comment", "row.move-up", "row.move-down",
                                     "row.remove" };

  object_class->dispose = cp_checklist_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-checklist-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CpChecklistRow, check);
  gtk_widget_class_bind_template_child (widget_class, CpChecklistRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CpChecklistRow, item_menu);
  gtk_widget_class_bind_template_callback (widget_class, toggled_cb);

  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    gtk_widget_class_install_action (widget_class, forwarded[i], NULL, forward_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "row.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "row.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "row.edit", NULL);
}

static void
cp_checklist_row_init (CpChecklistRow *self)
{
  GtkDragSource *source;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* A plan shows dozens of rows; each makes its menu when opened. */
  cp_ui_menu_button_set_menu_later (GTK_MENU_BUTTON (self->menu_button), self->item_menu);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_swapped (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect_swapped (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (CP_TYPE_CHECKLIST_ROW, GDK_ACTION_MOVE);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
cp_checklist_row_new (CpPhase         *phase,
                      CpChecklistItem *item,
                      gboolean         editable)
{
  CpChecklistRow *self;

  g_return_val_if_fail (CP_IS_PHASE (phase), NULL);
  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (item), NULL);

  self = g_object_new (CP_TYPE_CHECKLIST_ROW, NULL);
  self->phase = g_object_ref (phase);
  self->item = g_object_ref (item);

  g_signal_connect_object (item, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->check), editable);
  gtk_widget_set_visible (self->menu_button, editable);

  return GTK_WIDGET (self);
}

/**
 * cp_checklist_row_get_item:
 *
 * Returns: (transfer none): the item shown
 */
CpChecklistItem *
cp_checklist_row_get_item (CpChecklistRow *self)
{
  g_return_val_if_fail (CP_IS_CHECKLIST_ROW (self), NULL);

  return self->item;
}
