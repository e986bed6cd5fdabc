/* cp-phase-row.c — one CSIP phase: status, sign-off and its checklist
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-phase-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-checklist-item.h"
#include "cp-checklist-row.h"
#include "cp-engagement.h"
#include "cp-provenance.h"
#include "cp-phase.h"
#include "cp-phase-row.h"
#include "cp-sign-off.h"
#include "cp-sign-off-dialog.h"
#include "cp-ui-util.h"

struct _CpPhaseRow
{
  AdwExpanderRow  parent_instance;

  CpEngagement   *engagement;
  CpPhase        *phase;

  GtkLevelBar    *level;
  AdwComboRow    *status_row;
  AdwActionRow   *sign_off_row;
  GtkWidget      *sign_off_button;
  GtkListBox     *items_list;
  GtkListBox     *sign_off_list;
  GtkWidget      *history_wrapper;
  AdwEntryRow    *add_row;

  guint           editable : 1;
  guint           syncing : 1;
  guint           items_bound : 1;
};

G_DEFINE_FINAL_TYPE (CpPhaseRow, cp_phase_row, ADW_TYPE_EXPANDER_ROW)

static char *
describe_sign_off (CpSignOff *sign_off)
{
  g_autofree char *date = NULL;

  if (sign_off == NULL)
    return g_strdup (_("Not signed off yet"));

  date = cp_ui_format_date (cp_sign_off_get_date (sign_off));

  if (cp_sign_off_get_decision (sign_off) == CP_DECISION_APPROVED)
    /* Translators: a sign-off: reviewer, then date. */
    return g_strdup_printf (_("Approved by %s on %s"), cp_sign_off_get_reviewer (sign_off), date);

  /* Translators: a sign-off: reviewer, then date. */
  return g_strdup_printf (_("Changes requested by %s on %s"),
                          cp_sign_off_get_reviewer (sign_off), date);
}

static void
update (CpPhaseRow *self)
{
  CpSignOff *latest = cp_phase_get_latest_sign_off (self->phase);
  g_autofree char *sign_off = describe_sign_off (latest);
  g_autofree char *subtitle = NULL;
  guint n_items = cp_phase_get_n_items (self->phase);

  /* Translators: checklist items ticked of all, the phase status, its sign-off. */
  subtitle = g_strdup_printf (_("%u of %u ticked · %s · %s"), cp_phase_get_n_done (self->phase),
                              n_items, cp_phase_status_get_label (cp_phase_get_status (self->phase)),
                              latest ? sign_off : _("not signed off"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  {
    /* Who gave it: the reviewer in their own Coachplan, or someone for
     * them; then the reviewer's comments.
     */
    g_autofree char *provenance = latest ? cp_sign_off_dup_provenance (self->engagement, latest) : NULL;
    g_autoptr(GString) line = g_string_new (sign_off);

    if (provenance != NULL)
      g_string_append_printf (line, " · %s", provenance);
    if (latest != NULL && *cp_sign_off_get_comments (latest) != '\0')
      g_string_append_printf (line, " · %s", cp_sign_off_get_comments (latest));
    adw_action_row_set_subtitle (self->sign_off_row, line->str);
  }

  gtk_level_bar_set_value (self->level, cp_phase_get_progress (self->phase));

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->status_row, cp_phase_get_status (self->phase));
  self->syncing = FALSE;
}

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  CpPhaseRow *self = user_data;

  return cp_checklist_row_new (self->phase, item, self->editable);
}

/* The sign-off history, newest first; the newest is also the sign-off
 * row's subtitle, so the list shows the earlier ones.
 */
static void
update_history (CpPhaseRow *self)
{
  GListModel *sign_offs = cp_phase_get_sign_offs (self->phase, NULL);
  guint n = sign_offs ? g_list_model_get_n_items (sign_offs) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sign_off_list))) != NULL)
    gtk_list_box_remove (self->sign_off_list, child);

  for (guint i = n > 0 ? n - 1 : 0; i-- > 0;)
    {
      g_autoptr(CpSignOff) sign_off = g_list_model_get_item (sign_offs, i);
      g_autofree char *title = describe_sign_off (sign_off);
      const char *comments = cp_sign_off_get_comments (sign_off);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), comments);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->sign_off_list, row);
    }

  gtk_widget_set_visible (self->history_wrapper, n > 1);
}

static void
set_status (CpPhaseRow    *self,
            CpPhaseStatus  status)
{
  g_autoptr(GError) error = NULL;

  if (!cp_phase_set_status (self->phase, status, &error))
    cp_ui_toast_error (GTK_WIDGET (self), error);

  update (self);
}

static void
confirm_done_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 CpPhaseRow       *self)
{
  if (g_strcmp0 (response, "done") == 0)
    set_status (self, CP_PHASE_STATUS_DONE);
  else
    update (self);
}

static void
status_selected_cb (CpPhaseRow *self)
{
  CpPhaseStatus status = adw_combo_row_get_selected (self->status_row);
  guint open = cp_phase_get_n_items (self->phase) - cp_phase_get_n_done (self->phase);
  AdwMessageDialog *dialog;

  if (self->syncing || status == cp_phase_get_status (self->phase))
    return;

  if (status != CP_PHASE_STATUS_DONE || open == 0)
    {
      set_status (self, status);
      return;
    }

  /* Done with open items is allowed, but on purpose. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Mark the Phase Done?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  ngettext (
                                               "%u checklist item of “%s” is still open.",
                                               "%u checklist items of “%s” are still open.",
                                               open),
                                  open, cp_phase_get_name (self->phase));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "done", _("_Mark Done"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "done", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_off_clicked_cb (CpPhaseRow *self)
{
  CpSignOffDialog *dialog = cp_sign_off_dialog_new (GTK_WIDGET (self), self->engagement, self->phase);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_apply_cb (CpPhaseRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  g_autoptr(CpChecklistItem) item = NULL;
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    return;

  item = cp_phase_add_item (self->phase, text, &error);
  if (item == NULL)
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  /* Ready for the next item. */
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
cp_phase_row_dispose (GObject *object)
{
  CpPhaseRow *self = (CpPhaseRow *)object;

  if (self->items_list != NULL)
    gtk_list_box_bind_model (self->items_list, NULL, NULL, NULL, NULL);

  g_clear_object (&self->engagement);
  g_clear_object (&self->phase);

  G_OBJECT_CLASS (cp_phase_row_parent_class)->dispose (object);
}

static void
cp_phase_row_class_init (CpPhaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_phase_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-phase-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPhaseRow, level);
  gtk_widget_class_bind_template_child (widget_class, CpPhaseRow, status_row);
  gtk_widget_class_bind_template_child (widget_class, CpPhaseRow, sign_off_row);
  gtk_widget_class_bind_template_child (widget_class, CpPhaseRow, sign_off_button);
  gtk_widget_class_bind_template_child (widget_class, CpPhaseRow, items_list);
  gtk_widget_class_bind_template_child (widget_class, CpPhaseRow, sign_off_list);
  gtk_widget_class_bind_template_child (widget_class, CpPhaseRow, history_wrapper);
  gtk_widget_class_bind_template_child (widget_class, CpPhaseRow, add_row);
  gtk_widget_class_bind_template_callback (widget_class, sign_off_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_apply_cb);
}

static void
cp_phase_row_init (CpPhaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->status_row, "notify::selected",
                            G_CALLBACK (status_selected_cb), self);
}

static void
bind_items (CpPhaseRow *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *items;

  if (self->items_bound || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;

  self->items_bound = TRUE;
  items = cp_phase_get_items (self->phase, &error);
  if (items == NULL)
    g_warning ("%s", error->message);
  gtk_list_box_bind_model (self->items_list, items, create_item_row, self, NULL);
}

GtkWidget *
cp_phase_row_new (CpEngagement *engagement,
                  CpPhase      *phase,
                  guint         number,
                  gboolean      editable)
{
  CpPhaseRow *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);
  g_return_val_if_fail (CP_IS_PHASE (phase), NULL);

  self = g_object_new (CP_TYPE_PHASE_ROW, NULL);
  self->engagement = g_object_ref (engagement);
  self->phase = g_object_ref (phase);
  self->editable = !!editable;

  /* Translators: a phase's number in its cycle, then its name. */
  title = g_strdup_printf (_("%u. %s"), number, cp_phase_get_name (phase));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  /* A phase's items are made into rows the first time it opens: a plan
   * shows quickly however many items its phases hold.
   */
  g_signal_connect (self, "notify::expanded", G_CALLBACK (bind_items), NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), editable);
  gtk_widget_set_visible (self->sign_off_button, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->add_row), editable);

  g_signal_connect_object (phase, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (phase, "notify::latest-sign-off", G_CALLBACK (update_history), self,
                           G_CONNECT_SWAPPED);
  update (self);
  update_history (self);

  return GTK_WIDGET (self);
}

/**
 * cp_phase_row_get_phase:
 *
 * Returns: (transfer none): the phase shown
 */
CpPhase *
cp_phase_row_get_phase (CpPhaseRow *self)
{
  g_return_val_if_fail (CP_IS_PHASE_ROW (self), NULL);

  return self->phase;
}

/* Opens the phase and puts the focus on @item's row, as after moving it. */
void
cp_phase_row_focus_item (CpPhaseRow      *self,
                         CpChecklistItem *item)
{
  GListModel *items = cp_phase_get_items (self->phase, NULL);
  guint position;
  GtkListBoxRow *row;

  g_return_if_fail (CP_IS_PHASE_ROW (self));

  if (items == NULL || !g_list_store_find (G_LIST_STORE (items), item, &position))
    return;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  if ((row = gtk_list_box_get_row_at_index (self->items_list, position)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}
