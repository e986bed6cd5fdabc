/* cp-plan-page.c — the CSIP board: cycles, the approach, phases
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-approach.h"
#include "cp-approach-dialog.h"
#include "cp-assistant-dialog.h"
#include "cp-checklist-item.h"
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-phase.h"
#include "cp-phase-row.h"
#include "cp-plan-page.h"
#include "cp-template.h"
#include "cp-ui-util.h"

struct _CpPlanPage
{
  AdwBin           parent_instance;

  CpEngagement    *engagement;
  CpCycle         *cycle;
  GSignalGroup    *engagement_signals;
  GSignalGroup    *cycle_signals;
  GPtrArray       *history_rows;

  /* The last removed item, for its undo. */
  CpPhase         *removed_phase;
  CpChecklistItem *removed_item;
  guint            removed_position;

  /* Template widgets */
  GtkStack        *stack;
  GtkListBox      *template_list;
  GtkDropDown     *cycle_dropdown;
  GtkLabel        *progress_label;
  GtkMenuButton   *new_cycle_button;
  GSettings       *settings;
  GtkProgressBar  *cycle_progress;
  AdwActionRow    *approach_row;
  AdwExpanderRow  *history_row;
  GtkListBox      *phase_list;

  guint            editable : 1;
};

G_DEFINE_FINAL_TYPE (CpPlanPage, cp_plan_page, ADW_TYPE_BIN)

static void
update_progress (CpPlanPage *self)
{
  g_autofree char *label = NULL;
  guint n_items, n_done;

  if (self->cycle == NULL)
    return;

  n_items = cp_cycle_get_n_items (self->cycle);
  n_done = cp_cycle_get_n_done (self->cycle);

  /* Translators: checklist items ticked, of all, in a cycle; then the share. */
  label = g_strdup_printf (_("%u of %u items ticked · %.0f %%"), n_done, n_items,
                           100.0 * cp_cycle_get_progress (self->cycle));
  gtk_label_set_label (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->cycle_progress, cp_cycle_get_progress (self->cycle));
}

static void
update_approach (CpPlanPage *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *subtitle = NULL;
  CpApproach approach;

  if (self->engagement == NULL)
    return;

  approach = cp_engagement_get_approach (self->engagement);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->approach_row),
                                 cp_approach_get_name (approach));

  if (self->cycle != NULL)
    /* Translators: the cycle's number, then the approach's summary. */
    subtitle = g_strdup_printf (_("Cycle %u runs under this approach. %s"),
                                cp_cycle_get_number (self->cycle),
                                cp_approach_get_summary (approach));
  adw_action_row_set_subtitle (self->approach_row,
                               subtitle ? subtitle : cp_approach_get_summary (approach));

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  history = cp_engagement_dup_approach_history (self->engagement, NULL);
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      CpApproachChange *change = g_ptr_array_index (history, i);
      g_autofree char *date = cp_ui_format_date (change->date);
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a change of approach: from one to another. */
      title = g_strdup_printf (_("%s → %s"), cp_approach_get_name (change->from),
                               cp_approach_get_name (change->to));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (change->reason != NULL && *change->reason != '\0')
        {
          g_autofree char *subtitle_text = g_strdup_printf ("%s · %s", date, change->reason);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_text);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->history_row), self->history_rows->len > 0);
  if (self->history_rows->len > 0)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u change", "%u changes",
                                                          self->history_rows->len),
                                                self->history_rows->len);
      adw_expander_row_set_subtitle (self->history_row, count);
    }
}

static GtkWidget *
create_phase_row (gpointer item,
                  gpointer user_data)
{
  CpPlanPage *self = user_data;
  GListModel *phases = cp_cycle_get_phases (self->cycle, NULL);
  guint position = 0;

  g_list_store_find (G_LIST_STORE (phases), item, &position);

  return cp_phase_row_new (self->engagement, item, position + 1, self->editable);
}

static void
show_cycle (CpPlanPage *self,
            CpCycle    *cycle)
{
  g_autoptr(GError) error = NULL;
  GListModel *phases = NULL;

  g_set_object (&self->cycle, cycle);
  g_signal_group_set_target (self->cycle_signals, cycle);

  if (cycle != NULL && !(phases = cp_cycle_get_phases (cycle, &error)))
    cp_ui_toast_error (GTK_WIDGET (self), error);

  gtk_list_box_bind_model (self->phase_list, phases, create_phase_row, self, NULL);

  update_progress (self);
  update_approach (self);
}

static void
cycle_selected_cb (CpPlanPage *self)
{
  show_cycle (self, gtk_drop_down_get_selected_item (self->cycle_dropdown));
}

static void
cycles_changed_cb (CpPlanPage *self)
{
  GListModel *cycles = gtk_drop_down_get_model (self->cycle_dropdown);
  guint n = cycles ? g_list_model_get_n_items (cycles) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "board" : "empty");

  /* A new cycle is the one to work on. */
  if (n > 0)
    gtk_drop_down_set_selected (self->cycle_dropdown, n - 1);
}

static char *
cycle_label (CpCycle *cycle)
{
  if (cycle == NULL)
    return NULL;

  /* Translators: a cycle's number and the template it started from. */
  return g_strdup_printf (_("Cycle %u · %s"), cp_cycle_get_number (cycle),
                          cp_cycle_get_template_name (cycle));
}

/* Undo of a cycle just started: the one before is current again. */
static void
undo_cycle_cb (AdwToast *toast,
               gpointer  data)
{
  CpEngagement *engagement = g_object_get_data (G_OBJECT (toast), "engagement");
  CpCycle *cycle = g_object_get_data (G_OBJECT (toast), "cycle");
  GtkWidget *page = data;
  g_autoptr(GError) error = NULL;

  if (!cp_engagement_remove_latest_cycle (engagement, cycle, &error))
    cp_ui_toast_error (page, error);
}

static void
really_start_cycle (CpPlanPage *self,
                    CpTemplate *template)
{
  g_autoptr(CpCycle) cycle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  cycle = cp_engagement_start_cycle (self->engagement, template, &error);
  if (cycle == NULL)
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  /* Translators: the new cycle's number. */
  message = g_strdup_printf (_("Cycle %u started"), cp_cycle_get_number (cycle));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "engagement", g_object_ref (self->engagement), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "cycle", g_object_ref (cycle), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_cycle_cb), self, 0);
  cp_ui_show_toast (GTK_WIDGET (self), toast);
}

static void
new_cycle_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CpPlanPage       *self)
{
  if (g_strcmp0 (response, "start") == 0 && self->engagement != NULL)
    really_start_cycle (self, g_object_get_data (G_OBJECT (dialog), "template"));
}

/* A new cycle while one runs asks first, and says what happens to it. */
static void
start_cycle (CpPlanPage *self,
             const char *template_id)
{
  CpTemplate *template = cp_template_lookup (template_id);
  CpCycle *current;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (self->engagement == NULL || template == NULL)
    return;

  if ((current = cp_engagement_get_current_cycle (self->engagement)) == NULL)
    {
      really_start_cycle (self, template);
      return;
    }

  /* Translators: the number of the cycle about to start. */
  heading = g_strdup_printf (_("Start Cycle %u?"), cp_cycle_get_number (current) + 1);
  /* Translators: the current cycle's number, twice, then the new one's. */
  body = g_strdup_printf (_("Cycle %u stays as it is: its phases, checklists and sign-offs remain on the "
                            "Plan and Review pages, and in the report. From now on the work goes into "
                            "cycle %u. You can take it back at once with Undo."),
                          cp_cycle_get_number (current), cp_cycle_get_number (current) + 1);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "start", _("_Start Cycle"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "template", template);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_cycle_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_cycle_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  start_cycle (CP_PLAN_PAGE (widget), g_variant_get_string (param, NULL));
}

static void
template_activated_cb (CpPlanPage    *self,
                       GtkListBoxRow *row)
{
  start_cycle (self, g_object_get_data (G_OBJECT (row), "template-id"));
}

static void
assistant_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CpPlanPage *self = CP_PLAN_PAGE (widget);

  if (self->engagement != NULL)
    gtk_window_present (GTK_WINDOW (cp_assistant_dialog_new (widget, self->engagement)));
}

static void
change_approach_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CpPlanPage *self = CP_PLAN_PAGE (widget);

  if (self->engagement != NULL)
    gtk_window_present (GTK_WINDOW (cp_approach_dialog_new (widget, self->engagement,
                                                            cp_engagement_get_approach (self->engagement),
                                                            NULL)));
}

/* Finds the item with @id in the cycle on show, and its phase. */
static gboolean
find_item (CpPlanPage       *self,
           gint64            id,
           CpPhase         **phase_out,
           CpChecklistItem **item_out,
           guint            *phase_position)
{
  GListModel *phases;

  if (self->cycle == NULL || !(phases = cp_cycle_get_phases (self->cycle, NULL)))
    return FALSE;

  for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
    {
      g_autoptr(CpPhase) phase = g_list_model_get_item (phases, p);
      GListModel *items = cp_phase_get_items (phase, NULL);

      for (guint i = 0; items && i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CpChecklistItem) item = g_list_model_get_item (items, i);

          if (cp_checklist_item_get_id (item) == id)
            {
              *phase_out = g_steal_pointer (&phase);
              *item_out = g_steal_pointer (&item);
              if (phase_position)
                *phase_position = p;
              return TRUE;
            }
        }
    }

  return FALSE;
}

static void
move_item (CpPlanPage *self,
           gint64      id,
           int         delta,
           gboolean    absolute,
           guint       to)
{
  g_autoptr(CpPhase) phase = NULL;
  g_autoptr(CpChecklistItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  guint phase_position, from;

  if (!find_item (self, id, &phase, &item, &phase_position) ||
      !g_list_store_find (G_LIST_STORE (cp_phase_get_items (phase, NULL)), item, &from))
    return;

  if (!absolute)
    {
      if ((delta < 0 && from == 0) || (delta > 0 && from + 1 >= cp_phase_get_n_items (phase)))
        return;
      to = from + delta;
    }

  if (!cp_phase_move_item (phase, item, to, &error))
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  /* The rows were rebuilt; keep the focus on the item that moved. */
  if ((row = gtk_list_box_get_row_at_index (self->phase_list, phase_position)) != NULL)
    cp_phase_row_focus_item (CP_PHASE_ROW (row), item);
}

static void
move_up_item_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  move_item (CP_PLAN_PAGE (widget), g_variant_get_int64 (param), -1, FALSE, 0);
}

static void
move_down_item_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  move_item (CP_PLAN_PAGE (widget), g_variant_get_int64 (param), +1, FALSE, 0);
}

static void
move_item_to_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  gint64 id;
  guint to;

  g_variant_get (param, "(xu)", &id, &to);
  move_item (CP_PLAN_PAGE (widget), id, 0, TRUE, to);
}

static void
set_text_cb (const char *text,
             gpointer    user_data)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  /* An item cannot be emptied by editing; removing it is the way. */
  if (*stripped != '\0')
    cp_checklist_item_set_text (user_data, stripped);
}

static void
set_comment_cb (const char *text,
                gpointer    user_data)
{
  cp_checklist_item_set_comment (user_data, text);
}

/* Asks for an item's new text or comment. */
static void
prompt_item (CpPlanPage *self,
             GVariant   *param,
             gboolean    comment)
{
  g_autoptr(CpPhase) phase = NULL;
  CpChecklistItem *item = NULL;

  if (!find_item (self, g_variant_get_int64 (param), &phase, &item, NULL))
    return;

  if (comment)
    cp_ui_prompt_text (GTK_WIDGET (self), _("Comment"), _("Comment"),
                       cp_checklist_item_get_comment (item), _("_Save"),
                       set_comment_cb, item, g_object_unref);
  else
    cp_ui_prompt_text (GTK_WIDGET (self), _("Edit Item"), _("Item"),
                       cp_checklist_item_get_text (item), _("_Save"),
                       set_text_cb, item, g_object_unref);
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  prompt_item (CP_PLAN_PAGE (widget), param, FALSE);
}

static void
comment_item_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  prompt_item (CP_PLAN_PAGE (widget), param, TRUE);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CpPlanPage *self = CP_PLAN_PAGE (widget);
  g_autoptr(CpPhase) phase = NULL;
  g_autoptr(CpChecklistItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  guint position;

  if (!find_item (self, g_variant_get_int64 (param), &phase, &item, NULL))
    return;

  if (!cp_phase_remove_item (phase, item, &position, &error))
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  g_set_object (&self->removed_phase, phase);
  g_set_object (&self->removed_item, item);
  self->removed_position = position;
  gtk_widget_action_set_enabled (widget, "plan.undo-remove-item", TRUE);

  /* Translators: a checklist item that was removed. */
  message = g_strdup_printf (_("“%s” removed"), cp_checklist_item_get_text (item));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "plan.undo-remove-item");
  cp_ui_show_toast (widget, toast);
}

static void
undo_remove_item_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  CpPlanPage *self = CP_PLAN_PAGE (widget);
  g_autoptr(CpChecklistItem) restored = NULL;
  g_autoptr(GError) error = NULL;

  if (self->removed_item == NULL)
    return;

  restored = cp_phase_restore_item (self->removed_phase, self->removed_item,
                                    self->removed_position, &error);
  if (restored == NULL)
    cp_ui_toast_error (widget, error);

  g_clear_object (&self->removed_phase);
  g_clear_object (&self->removed_item);
  gtk_widget_action_set_enabled (widget, "plan.undo-remove-item", FALSE);
}

static void
update_actions (CpPlanPage *self)
{
  static const char *writing[] = {
    "plan.start-cycle", "plan.assistant", "plan.change-approach", "plan.move-up-item",
    "plan.move-down-item", "plan.move-item-to", "plan.edit-item", "plan.comment-item",
    "plan.remove-item",
  };
  gboolean enabled = self->editable && self->engagement != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (writing); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writing[i], enabled);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.undo-remove-item",
                                 enabled && self->removed_item != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_list), enabled);
}

/* The templates to start a cycle from, the preferred one first. */
static void
fill_templates (CpPlanPage *self)
{
  GListModel *all = cp_template_get_all ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *preferred = self->settings ? g_settings_get_string (self->settings, "default-template")
                                              : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->template_list))) != NULL)
    gtk_list_box_remove (self->template_list, child);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(CpTemplate) template = g_list_model_get_item (all, i);
        g_autoptr(GMenuItem) menu_item = NULL;
        GtkWidget *row;
        GtkWidget *arrow;

        if ((g_strcmp0 (cp_template_get_id (template), preferred) == 0) != (pass == 0))
          continue;

        row = adw_action_row_new ();
        arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cp_template_get_name (template));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cp_template_get_description (template));
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        g_object_set_data_full (G_OBJECT (row), "template-id",
                                g_strdup (cp_template_get_id (template)), g_free);
        gtk_list_box_append (self->template_list, row);

        menu_item = g_menu_item_new (cp_template_get_name (template), NULL);
        g_menu_item_set_action_and_target (menu_item, "plan.start-cycle", "s",
                                           cp_template_get_id (template));
        g_menu_append_item (menu, menu_item);
      }

  gtk_menu_button_set_menu_model (self->new_cycle_button, G_MENU_MODEL (menu));
}

static void
cp_plan_page_dispose (GObject *object)
{
  CpPlanPage *self = (CpPlanPage *)object;

  if (self->phase_list != NULL)
    gtk_list_box_bind_model (self->phase_list, NULL, NULL, NULL, NULL);

  g_clear_object (&self->engagement_signals);
  g_clear_object (&self->cycle_signals);
  g_clear_object (&self->engagement);
  g_clear_object (&self->cycle);
  g_clear_object (&self->removed_phase);
  g_clear_object (&self->removed_item);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cp_plan_page_parent_class)->dispose (object);
}

static void
cp_plan_page_class_init (CpPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_plan_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, template_list);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, cycle_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, new_cycle_button);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, cycle_progress);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, approach_row);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, history_row);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, phase_list);
  gtk_widget_class_bind_template_callback (widget_class, template_activated_cb);

  gtk_widget_class_install_action (widget_class, "plan.start-cycle", "s", start_cycle_action);
  gtk_widget_class_install_action (widget_class, "plan.assistant", NULL, assistant_action);
  gtk_widget_class_install_action (widget_class, "plan.change-approach", NULL,
                                   change_approach_action);
  gtk_widget_class_install_action (widget_class, "plan.move-up-item", "x", move_up_item_action);
  gtk_widget_class_install_action (widget_class, "plan.move-down-item", "x",
                                   move_down_item_action);
  gtk_widget_class_install_action (widget_class, "plan.move-item-to", "(xu)",
                                   move_item_to_action);
  gtk_widget_class_install_action (widget_class, "plan.edit-item", "x", edit_item_action);
  gtk_widget_class_install_action (widget_class, "plan.comment-item", "x", comment_item_action);
  gtk_widget_class_install_action (widget_class, "plan.remove-item", "x", remove_item_action);
  gtk_widget_class_install_action (widget_class, "plan.undo-remove-item", NULL,
                                   undo_remove_item_action);
}

static void
cp_plan_page_init (CpPlanPage *self)
{
  g_autoptr(GtkExpression) label = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  cp_ui_name_drop_down (self->cycle_dropdown, _("Improvement cycle"));

  self->editable = TRUE;
  self->history_rows = g_ptr_array_new ();

  label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                       G_CALLBACK (cycle_label), NULL, NULL);
  gtk_drop_down_set_expression (self->cycle_dropdown, label);
  cp_ui_drop_down_shorten (self->cycle_dropdown, label);
  g_signal_connect_swapped (self->cycle_dropdown, "notify::selected-item",
                            G_CALLBACK (cycle_selected_cb), self);

  self->engagement_signals = g_signal_group_new (CP_TYPE_ENGAGEMENT);
  g_signal_group_connect_swapped (self->engagement_signals, "notify::approach",
                                  G_CALLBACK (update_approach), self);

  self->cycle_signals = g_signal_group_new (CP_TYPE_CYCLE);
  g_signal_group_connect_swapped (self->cycle_signals, "notify::progress",
                                  G_CALLBACK (update_progress), self);

  if ((self->settings = cp_ui_settings_new ()) != NULL)
    g_signal_connect_object (self->settings, "changed::default-template",
                             G_CALLBACK (fill_templates), self, G_CONNECT_SWAPPED);
  fill_templates (self);
  update_actions (self);
}

/**
 * cp_plan_page_get_engagement:
 *
 * Returns: (transfer none) (nullable): the engagement on show
 */
CpEngagement *
cp_plan_page_get_engagement (CpPlanPage *self)
{
  g_return_val_if_fail (CP_IS_PLAN_PAGE (self), NULL);

  return self->engagement;
}

void
cp_plan_page_set_engagement (CpPlanPage   *self,
                             CpEngagement *engagement)
{
  g_autoptr(GError) error = NULL;
  GListModel *cycles = NULL;
  GListModel *old;

  g_return_if_fail (CP_IS_PLAN_PAGE (self));
  g_return_if_fail (!engagement || CP_IS_ENGAGEMENT (engagement));

  if (!g_set_object (&self->engagement, engagement))
    return;

  g_signal_group_set_target (self->engagement_signals, engagement);
  g_clear_object (&self->removed_phase);
  g_clear_object (&self->removed_item);

  old = gtk_drop_down_get_model (self->cycle_dropdown);
  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, cycles_changed_cb, self);

  if (engagement != NULL && !(cycles = cp_engagement_get_cycles (engagement, &error)))
    g_warning ("%s", error->message);

  show_cycle (self, NULL);
  gtk_drop_down_set_model (self->cycle_dropdown, cycles);
  if (cycles != NULL)
    g_signal_connect_object (cycles, "items-changed", G_CALLBACK (cycles_changed_cb), self,
                             G_CONNECT_SWAPPED);

  cycles_changed_cb (self);
  update_approach (self);
  update_actions (self);
}

/**
 * cp_plan_page_get_cycle:
 *
 * Returns: (transfer none) (nullable): the cycle on show
 */
CpCycle *
cp_plan_page_get_cycle (CpPlanPage *self)
{
  g_return_val_if_fail (CP_IS_PLAN_PAGE (self), NULL);

  return self->cycle;
}

void
cp_plan_page_set_editable (CpPlanPage *self,
                           gboolean    editable)
{
  g_return_if_fail (CP_IS_PLAN_PAGE (self));

  self->editable = !!editable;
  update_actions (self);

  /* Rows take their editability when they are made. */
  show_cycle (self, self->cycle);
}
