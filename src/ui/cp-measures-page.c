/* cp-measures-page.c — goals and KPIs, maturity and handover
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-measures-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cp-action.h"
#include "cp-action-row.h"
#include "cp-contract.h"
#include "cp-contract-dialog.h"
#include "cp-date-row.h"
#include "cp-engagement.h"
#include "cp-exit-item.h"
#include "cp-goal.h"
#include "cp-maturity.h"
#include "cp-maturity-chart.h"
#include "cp-measures-page.h"
#include "cp-measures-page-private.h"
#include "cp-session.h"
#include "cp-ui-util.h"
#include "cp-workstream.h"
#include "cp-wrap-box.h"

G_DEFINE_FINAL_TYPE (CpMeasuresPage, cp_measures_page, ADW_TYPE_BIN)

/* Reads a number as people type it here: "12.5" or "12,5". */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdelimit (g_strdup (text), ",", '.'));
  char *end = NULL;

  if (*copy == '\0')
    {
      *value = NAN;
      return TRUE;
    }

  *value = g_ascii_strtod (copy, &end);

  return end != NULL && *end == '\0' && isfinite (*value);
}

static char *
format_number (double value)
{
  return isnan (value) ? g_strdup ("") : g_strdup_printf ("%g", value);
}

/* The exit checklist belongs to the coached approach: whether the coach
 * can leave, and why not yet.
 */
static void
update_exit (CpMeasuresPage *self)
{
  g_autofree char *text = NULL;
  gboolean ready;

  gtk_widget_set_visible (GTK_WIDGET (self->exit_group),
                          self->engagement != NULL &&
                          cp_engagement_get_approach (self->engagement) == CP_APPROACH_COACHED);
  if (self->engagement == NULL || !cp_engagement_get_exit_items (self->engagement, NULL))
    return;

  text = cp_engagement_dup_exit_readiness (self->engagement, &ready);

  adw_action_row_set_subtitle (self->exit_row, text);
  gtk_image_set_from_icon_name (self->exit_icon, ready ? "emblem-ok-symbolic" : "content-loading-symbolic");
}

static void
exit_toggled_cb (GtkCheckButton *check,
                 CpExitItem     *item)
{
  cp_exit_item_set_done (item, gtk_check_button_get_active (check));
}

static void
update_exit_row (AdwActionRow *row)
{
  CpExitItem *item = g_object_get_data (G_OBJECT (row), "item");
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
  g_autofree char *date = cp_ui_format_date (cp_exit_item_get_done_on (item));
  g_autofree char *subtitle = NULL;

  if (date != NULL)
    /* Translators: %s is the day an exit criterion was ticked. */
    subtitle = g_strdup_printf (_("Met on %s"), date);
  adw_action_row_set_subtitle (row, subtitle ? subtitle : "");
  gtk_check_button_set_active (check, cp_exit_item_get_done (item));
}

static void
remove_exit_item_cb (GtkWidget      *button,
                     CpMeasuresPage *self)
{
  CpExitItem *item = g_object_get_data (G_OBJECT (button), "item");
  g_autoptr(GError) error = NULL;

  if (self->engagement != NULL &&
      !cp_engagement_remove_measure (self->engagement, G_OBJECT (item), &error))
    cp_ui_toast_error (GTK_WIDGET (self), error);

  update_exit (self);
}

static GtkWidget *
create_exit_row (gpointer item,
                 gpointer user_data)
{
  CpMeasuresPage *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *remove;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cp_exit_item_get_text (item));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (check, self->editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cp_exit_item_get_text (item), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "check", check);
  update_exit_row (ADW_ACTION_ROW (row));

  if (self->editable)
    {
      remove = cp_ui_icon_button_new ("user-trash-symbolic", _("Remove Criterion"));
      g_object_set_data_full (G_OBJECT (remove), "item", g_object_ref (item), g_object_unref);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_exit_item_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }

  g_signal_connect_object (check, "toggled", G_CALLBACK (exit_toggled_cb), item, 0);
  g_signal_connect_object (item, "notify::done", G_CALLBACK (update_exit_row), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::done", G_CALLBACK (update_exit), self,
                           G_CONNECT_SWAPPED);

  return row;
}

static void
add_exit_items_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CpMeasuresPage *self = CP_MEASURES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->engagement != NULL &&
      !(g_str_equal (action_name, "measures.add-exit-items-for-roles")
          ? cp_engagement_add_exit_items_for_roles (self->engagement, &error)
          : cp_engagement_add_standard_exit_items (self->engagement, &error)))
    cp_ui_toast_error (widget, error);

  update_exit (self);
}

/* Where the contract stands, in a line. */
static void
update_contract_row (CpMeasuresPage *self)
{
  GListModel *versions = self->engagement ? cp_engagement_get_contracts (self->engagement, NULL) : NULL;
  guint n = versions ? g_list_model_get_n_items (versions) : 0;
  g_autoptr(CpContract) last = n ? g_list_model_get_item (versions, n - 1) : NULL;
  g_autofree char *text = NULL;

  if (last == NULL)
    text = g_strdup (_("Not drawn up yet"));
  else if (!cp_contract_is_signed (last))
    /* Translators: %u is the contract's version. */
    text = g_strdup_printf (_("Version %u, a draft not signed yet"), cp_contract_get_version (last));
  else
    {
      g_autofree char *date = cp_ui_format_date (cp_contract_get_signed_on (last));
      /* Translators: %u is the contract's version, %s the day it was signed. */
      text = g_strdup_printf (_("Version %u, signed on %s"), cp_contract_get_version (last), date);
    }

  adw_action_row_set_subtitle (self->contract_row, text);
}

static void
contract_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CpMeasuresPage *self = CP_MEASURES_PAGE (widget);
  CpContractDialog *dialog;

  if (self->engagement == NULL)
    return;

  dialog = cp_contract_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->engagement,
                                   self->editable);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (update_contract_row), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_time_row (CpMeasuresPage *self,
              const char     *name,
              const char     *what,
              guint           minutes)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *hours = cp_session_format_hours (minutes);
  GtkWidget *label = gtk_label_new (hours);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  /* They only say things: Tab passes them by. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (self->coaching_list, row);
}

/* Where the coaching time goes, by area and by format, in hours. */
static void
update_coaching (CpMeasuresPage *self)
{
  guint by_area[CP_COACHING_AREA_REVIEW + 1];
  guint by_kind[CP_SESSION_KIND_REMOTE + 1];
  g_autoptr(GDateTime) clock = g_date_time_new_now_local ();
  g_autofree char *now = g_date_time_format (clock, "%Y-%m-%dT%H:%M");
  GtkWidget *child;
  guint total;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->coaching_list))) != NULL)
    gtk_list_box_remove (self->coaching_list, child);
  if (self->engagement == NULL)
    return;

  total = cp_engagement_get_coaching_minutes (self->engagement, now, by_area, by_kind);
  if (total == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No sessions held yet"));
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->coaching_list, row);
      return;
    }

  /* The areas in order, those not said last; then the formats. */
  for (guint i = CP_COACHING_AREA_CSIP; i <= CP_COACHING_AREA_REVIEW + 1; i++)
    {
      CpCoachingArea area = i % (CP_COACHING_AREA_REVIEW + 1);

      if (by_area[area] > 0)
        add_time_row (self, cp_coaching_area_get_name (area), _("Coaching area"), by_area[area]);
    }
  for (CpSessionKind k = CP_SESSION_KIND_ONE_ON_ONE; k <= CP_SESSION_KIND_REMOTE; k++)
    if (by_kind[k] > 0)
      add_time_row (self, cp_session_kind_get_name (k), _("Mentoring format"), by_kind[k]);
}

/* The at-a-glance rows, from the engagement as it stands. */
void
_cp_measures_page_update_summary (CpMeasuresPage *self)
{
  GListModel *goals, *maturity;
  guint n_goals = 0, good = 0, off = 0, scored_before = 0, scored_after = 0;
  double sum_before = 0, sum_after = 0, handover;
  g_autofree char *track = NULL;
  g_autofree char *mature = NULL;
  g_autofree char *hand = NULL;

  if (self->engagement == NULL)
    return;

  goals = cp_engagement_get_goals (self->engagement, NULL);
  for (guint i = 0; goals && i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(CpGoal) goal = g_list_model_get_item (goals, i);
      CpTrack t = cp_goal_get_track (goal);

      n_goals++;
      good += t == CP_TRACK_ON_TRACK || t == CP_TRACK_MET;
      off += t == CP_TRACK_OFF_TRACK;
    }

  /* Translators: goals on track or met, of all goals, then those off track. */
  track = g_strdup_printf (_("%u of %u on track or met · %u off track"), good, n_goals, off);
  adw_action_row_set_subtitle (self->track_row, n_goals ? track : _("No goals yet"));

  maturity = cp_engagement_get_maturity (self->engagement, NULL);
  for (guint i = 0; maturity && i < g_list_model_get_n_items (maturity); i++)
    {
      g_autoptr(CpMaturity) m = g_list_model_get_item (maturity, i);

      if (cp_maturity_get_baseline_level (m) >= 0)
        sum_before += cp_maturity_get_baseline_level (m), scored_before++;
      if (cp_maturity_get_review_level (m) >= 0)
        sum_after += cp_maturity_get_review_level (m), scored_after++;
    }

  if (scored_before == 0)
    mature = g_strdup (_("Not scored yet"));
  else if (scored_after == 0)
    /* Translators: the average maturity score at the baseline. */
    mature = g_strdup_printf (_("Average %.1f at the baseline; not yet re-scored"),
                              sum_before / scored_before);
  else
    /* Translators: average maturity at the baseline, then at the review. */
    mature = g_strdup_printf (_("Average %.1f at the baseline, %.1f at the review"),
                              sum_before / scored_before, sum_after / scored_after);
  adw_action_row_set_subtitle (self->maturity_row, mature);

  {
    GListModel *actions = cp_engagement_get_actions (self->engagement, NULL);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *open_text = NULL;
    guint open = 0, overdue = 0;

    for (guint i = 0; actions && i < g_list_model_get_n_items (actions); i++)
      {
        g_autoptr(CpAction) action = g_list_model_get_item (actions, i);

        open += !cp_action_get_done (action);
        overdue += cp_action_is_overdue (action, today);
      }

    /* Translators: open actions, then how many of them are overdue. */
    open_text = g_strdup_printf (_("%u open · %u overdue"), open, overdue);
    adw_action_row_set_subtitle (self->actions_row, open_text);
    if (overdue > 0)
      gtk_widget_add_css_class (GTK_WIDGET (self->actions_row), "overdue");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->actions_row), "overdue");
  }

  handover = cp_engagement_get_handover (self->engagement);
  if (isnan (handover))
    hand = g_strdup (_("No workstreams yet"));
  else
    /* Translators: the handover figure, as a percentage. */
    hand = g_strdup_printf (_("%.0f %% of the way to staff running it alone"), handover * 100);
  adw_action_row_set_subtitle (self->handover_row, hand);
  gtk_level_bar_set_value (self->handover_level, isnan (handover) ? 0 : handover);

  update_exit (self);
}

/* Goals */

static void
update_goal_row (AdwExpanderRow *row)
{
  CpGoal *goal = g_object_get_data (G_OBJECT (row), "goal");
  GtkWidget *status = g_object_get_data (G_OBJECT (row), "status");
  const CpReading *latest = cp_goal_get_latest (goal);
  g_autofree char *target = format_number (cp_goal_get_target_value (goal));
  g_autofree char *target_date = cp_ui_format_date (cp_goal_get_target_date (goal));
  g_autofree char *subtitle = NULL;
  CpTrack track = cp_goal_get_track (goal);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cp_goal_get_name (goal));

  if (latest != NULL)
    {
      g_autofree char *value = format_number (latest->value);
      g_autofree char *date = cp_ui_format_date (latest->date);

      /* Translators: the latest reading, its unit and date; then the target. */
      subtitle = g_strdup_printf (_("%s %s on %s · target %s by %s"), value,
                                  cp_goal_get_unit (goal), date, *target ? target : "–",
                                  target_date ? target_date : "–");
    }
  else
    /* Translators: a goal's target and its date. */
    subtitle = g_strdup_printf (_("Target %s %s by %s"), *target ? target : "–",
                                cp_goal_get_unit (goal), target_date ? target_date : "–");
  adw_expander_row_set_subtitle (row, subtitle);

  gtk_label_set_label (GTK_LABEL (status), cp_track_get_label (track));
  gtk_widget_remove_css_class (status, "success");
  gtk_widget_remove_css_class (status, "warning");
  gtk_widget_remove_css_class (status, "dim-label");
  gtk_widget_add_css_class (status, track == CP_TRACK_OFF_TRACK ? "warning"
                                  : track == CP_TRACK_UNKNOWN ? "dim-label" : "success");
}

static void
goal_point_changed_cb (GtkWidget *editor,
                       GParamSpec *pspec,
                       AdwExpanderRow *row)
{
  CpGoal *goal = g_object_get_data (G_OBJECT (row), "goal");
  GtkWidget *value_rows[2] = { g_object_get_data (G_OBJECT (row), "baseline-value"),
                               g_object_get_data (G_OBJECT (row), "target-value") };
  CpDateRow *date_rows[2] = { g_object_get_data (G_OBJECT (row), "baseline-date"),
                              g_object_get_data (G_OBJECT (row), "target-date") };

  for (guint i = 0; i < 2; i++)
    {
      double value;
      gboolean ok = parse_number (gtk_editable_get_text (GTK_EDITABLE (value_rows[i])), &value);

      if (ok)
        gtk_widget_remove_css_class (value_rows[i], "error");
      else
        {
          gtk_widget_add_css_class (value_rows[i], "error");
          continue;
        }

      if (i == 0)
        cp_goal_set_baseline (goal, value, cp_date_row_get_date (date_rows[i]));
      else
        cp_goal_set_target (goal, value, cp_date_row_get_date (date_rows[i]));
    }
}

static void
goal_text_changed_cb (GtkEditable *editable,
                      CpGoal      *goal)
{
  if (g_object_get_data (G_OBJECT (editable), "unit"))
    cp_goal_set_unit (goal, gtk_editable_get_text (editable));
  else
    cp_goal_set_name (goal, gtk_editable_get_text (editable));
}

static void
update_readings (AdwExpanderRow *row);

static void
remove_reading_cb (GtkButton      *button,
                   AdwExpanderRow *row)
{
  CpGoal *goal = g_object_get_data (G_OBJECT (row), "goal");
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "reading-id"));

  if (!cp_goal_remove_reading (goal, id, &error))
    cp_ui_toast_error (GTK_WIDGET (row), error);
}

static void
add_reading_cb (AdwEntryRow    *entry,
                AdwExpanderRow *row)
{
  CpGoal *goal = g_object_get_data (G_OBJECT (row), "goal");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  double value;

  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (entry)), &value) || isnan (value))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (!cp_goal_add_reading (goal, today, value, &error))
    cp_ui_toast_error (GTK_WIDGET (row), error);
  else
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
update_readings (AdwExpanderRow *row)
{
  CpGoal *goal = g_object_get_data (G_OBJECT (row), "goal");
  GPtrArray *rows = g_object_get_data (G_OBJECT (row), "reading-rows");
  gboolean editable = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "editable"));
  const GArray *readings = cp_goal_get_readings (goal, NULL);

  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_remove (row, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);

  /* Newest first, under the fields. */
  for (guint i = readings ? readings->len : 0; i-- > 0;)
    {
      const CpReading *r = &g_array_index (readings, CpReading, i);
      g_autofree char *value = format_number (r->value);
      g_autofree char *title = g_strdup_printf ("%s %s", value, cp_goal_get_unit (goal));
      g_autofree char *date = cp_ui_format_date (r->date);
      GtkWidget *reading = adw_action_row_new ();
      GtkWidget *remove = cp_ui_icon_button_new ("user-trash-symbolic", _("Remove Reading"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reading), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (reading), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (reading), date);
      gtk_widget_set_visible (remove, editable);
      g_object_set_data (G_OBJECT (remove), "reading-id", GSIZE_TO_POINTER ((gsize) r->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_reading_cb), row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (reading), remove);
      adw_expander_row_add_row (row, reading);
      g_ptr_array_add (rows, reading);
    }
}

/* A row of @parent to type @title in, holding @text. */
GtkWidget *
_cp_measures_page_entry_row (AdwExpanderRow *parent,
                             const char     *title,
                             const char     *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_expander_row_add_row (parent, row);

  return row;
}

static GtkWidget *
date_row (AdwExpanderRow *parent,
          const char     *title,
          const char     *date)
{
  GtkWidget *row = g_object_new (CP_TYPE_DATE_ROW, "title", title, NULL);

  cp_date_row_set_date (CP_DATE_ROW (row), date);
  adw_expander_row_add_row (parent, row);

  return row;
}

static GtkWidget *
create_goal_row (gpointer item,
                 gpointer user_data)
{
  CpMeasuresPage *self = user_data;
  CpGoal *goal = item;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *w;
  g_autofree char *baseline = format_number (cp_goal_get_baseline_value (goal));
  g_autofree char *target = format_number (cp_goal_get_target_value (goal));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "goal", g_object_ref (goal), g_object_unref);
  g_object_set_data (G_OBJECT (row), "status", status);
  g_object_set_data (G_OBJECT (row), "editable", GINT_TO_POINTER (self->editable));
  g_object_set_data_full (G_OBJECT (row), "reading-rows", g_ptr_array_new (),
                          (GDestroyNotify) g_ptr_array_unref);
  gtk_widget_add_css_class (status, "caption-heading");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), status);

  w = _cp_measures_page_entry_row (ADW_EXPANDER_ROW (row), _("Name"), cp_goal_get_name (goal));
  g_signal_connect_object (w, "changed", G_CALLBACK (goal_text_changed_cb), goal, 0);
  w = _cp_measures_page_entry_row (ADW_EXPANDER_ROW (row), _("Unit"), cp_goal_get_unit (goal));
  g_object_set_data (G_OBJECT (w), "unit", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (w, "changed", G_CALLBACK (goal_text_changed_cb), goal, 0);

  g_object_set_data (G_OBJECT (row), "baseline-value",
                     _cp_measures_page_entry_row (ADW_EXPANDER_ROW (row), _("Baseline value"), baseline));
  g_object_set_data (G_OBJECT (row), "baseline-date",
                     date_row (ADW_EXPANDER_ROW (row), _("Baseline taken on"),
                               cp_goal_get_baseline_date (goal)));
  g_object_set_data (G_OBJECT (row), "target-value",
                     _cp_measures_page_entry_row (ADW_EXPANDER_ROW (row), _("Target value"), target));
  g_object_set_data (G_OBJECT (row), "target-date",
                     date_row (ADW_EXPANDER_ROW (row), _("Target date"),
                               cp_goal_get_target_date (goal)));
  g_signal_connect_object (g_object_get_data (G_OBJECT (row), "baseline-value"), "notify::text",
                           G_CALLBACK (goal_point_changed_cb), row, 0);
  g_signal_connect_object (g_object_get_data (G_OBJECT (row), "target-value"), "notify::text",
                           G_CALLBACK (goal_point_changed_cb), row, 0);
  g_signal_connect_object (g_object_get_data (G_OBJECT (row), "baseline-date"), "notify::date",
                           G_CALLBACK (goal_point_changed_cb), row, 0);
  g_signal_connect_object (g_object_get_data (G_OBJECT (row), "target-date"), "notify::date",
                           G_CALLBACK (goal_point_changed_cb), row, 0);

  w = _cp_measures_page_entry_row (ADW_EXPANDER_ROW (row), _("Add a reading, taken today"), NULL);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (w), TRUE);
  gtk_widget_set_visible (w, self->editable);
  g_signal_connect_object (w, "apply", G_CALLBACK (add_reading_cb), row, 0);
  g_signal_connect_object (w, "entry-activated", G_CALLBACK (add_reading_cb), row, 0);

  g_signal_connect_object (goal, "notify::track", G_CALLBACK (update_goal_row), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (goal, "notify::name", G_CALLBACK (update_goal_row), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (goal, "notify::readings", G_CALLBACK (update_readings), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (goal, "notify::track", G_CALLBACK (_cp_measures_page_update_summary), self,
                           G_CONNECT_SWAPPED);

  update_goal_row (ADW_EXPANDER_ROW (row));
  update_readings (ADW_EXPANDER_ROW (row));

  return row;
}

/* Workstreams */

static void
update_workstream_row (AdwComboRow *row)
{
  CpWorkstream *w = g_object_get_data (G_OBJECT (row), "workstream");
  g_autoptr(GArray) history = cp_workstream_dup_history (w, NULL);
  const char *owner = cp_workstream_get_owner (w);
  g_autofree char *since = NULL;
  g_autofree char *subtitle = NULL;

  if (history != NULL && history->len > 0)
    since = cp_ui_format_date (g_array_index (history, CpHandover, history->len - 1).date);

  if (since != NULL)
    /* Translators: a workstream's owner, and the date of its last handover. */
    subtitle = g_strdup_printf (_("%s · since %s"), *owner ? owner : _("No owner named"), since);
  else
    subtitle = g_strdup (*owner ? owner : _("No owner named"));

  /* The role staff must hold, who does, and how far along its path. */
  if (*cp_workstream_get_role (w) != '\0')
    {
      const char *holder = cp_workstream_get_holder (w);
      guint done, steps = cp_certification_count (cp_workstream_get_certification (w), &done);
      g_autofree char *role = *holder != '\0'
        /* Translators: the role a workstream needs held, and who holds it. */
        ? g_strdup_printf (_("%s, held by %s"), cp_workstream_get_role (w), holder)
        /* Translators: the role a workstream needs held, and no one holds it yet. */
        : g_strdup_printf (_("%s, not held yet"), cp_workstream_get_role (w));
      g_autofree char *with = NULL;

      if (steps > 0)
        /* Translators: the role, then how far its certification path has come, as "2 of 3 certifications". */
        with = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%s · %u of %u certification",
                                             "%s\n%s · %u of %u certifications", steps),
                                subtitle, role, done, steps);
      else
        with = g_strdup_printf ("%s\n%s", subtitle, role);
      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cp_workstream_get_name (w));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_selected (row, cp_workstream_get_stage (w));
}

static void
stage_changed_cb (AdwComboRow    *row,
                  GParamSpec     *pspec,
                  CpMeasuresPage *self)
{
  CpWorkstream *w = g_object_get_data (G_OBJECT (row), "workstream");
  guint stage = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (stage == GTK_INVALID_LIST_POSITION || stage == cp_workstream_get_stage (w))
    return;

  if (!cp_workstream_set_stage (w, stage, NULL, &error))
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      adw_combo_row_set_selected (row, cp_workstream_get_stage (w));
    }
}

typedef struct
{
  CpWorkstream *workstream;
  AdwEntryRow  *role;
  AdwEntryRow  *holder;
  GtkTextView  *path;
} RoleEdit;

static void
role_edit_free (RoleEdit *edit)
{
  g_clear_object (&edit->workstream);
  g_free (edit);
}

static void
role_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  RoleEdit         *edit)
{
  g_autofree char *path = NULL;

  if (!g_str_equal (response, "apply"))
    return;

  path = cp_ui_dup_text (edit->path);
  cp_workstream_set_role (edit->workstream, gtk_editable_get_text (GTK_EDITABLE (edit->role)));
  cp_workstream_set_holder (edit->workstream, gtk_editable_get_text (GTK_EDITABLE (edit->holder)));
  cp_workstream_set_certification (edit->workstream, path);
}

/* Asks for the role the workstream needs held when the coach leaves,
 * who holds it, and the certification path to it.
 */
static void
edit_role (GtkWidget    *button,
           CpWorkstream *workstream)
{
  RoleEdit *edit = g_new0 (RoleEdit, 1);
  AdwMessageDialog *dialog = cp_ui_form_new (button, cp_workstream_get_name (workstream),
                                             _("The role someone on the client’s staff must hold when the coach "
                                               "leaves, and the certifications on the way to it."),
                                             _("_Save"));

  edit->workstream = g_object_ref (workstream);
  edit->role = cp_ui_form_add_entry (dialog, _("Role staff must hold when the coach leaves"),
                                     cp_workstream_get_role (workstream));
  edit->holder = cp_ui_form_add_entry (dialog, _("Held by"), cp_workstream_get_holder (workstream));
  edit->path = cp_ui_form_add_text (dialog, _("Certification path: a step a line, “- [x]” for a step done"),
                                    cp_workstream_get_certification (workstream));
  g_signal_connect_data (dialog, "response", G_CALLBACK (role_response_cb), edit,
                         (GClosureNotify) role_edit_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_workstream_row (gpointer item,
                       gpointer user_data)
{
  CpMeasuresPage *self = user_data;
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  for (CpStage s = CP_STAGE_COACH_LEADS; s <= CP_STAGE_STAFF_ALONE; s++)
    gtk_string_list_append (stages, cp_stage_get_label (s));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (stages));
  g_object_set_data_full (G_OBJECT (row), "workstream", g_object_ref (item), g_object_unref);
  gtk_widget_set_sensitive (row, self->editable);
  update_workstream_row (ADW_COMBO_ROW (row));

  {
    GtkWidget *role = gtk_button_new_from_icon_name ("system-users-symbolic");

    gtk_widget_set_valign (role, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (role, "flat");
    gtk_widget_set_tooltip_text (role, _("Role and Certification Path"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Role and Certification Path"), -1);
    g_signal_connect (role, "clicked", G_CALLBACK (edit_role), item);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), role);
  }

  g_signal_connect_object (row, "notify::selected", G_CALLBACK (stage_changed_cb), self, 0);
  g_signal_connect_object (item, "notify", G_CALLBACK (update_workstream_row), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::stage", G_CALLBACK (_cp_measures_page_update_summary), self,
                           G_CONNECT_SWAPPED);

  return row;
}

/* Adding */

typedef gpointer (*AddFunc) (CpEngagement  *engagement,
                             const char    *name,
                             GError       **error);

static void
add_from_entry (CpMeasuresPage *self,
                AdwEntryRow    *entry,
                AddFunc         add)
{
  g_autoptr(GObject) added = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->engagement == NULL || *text == '\0')
    return;

  if (!(added = add (self->engagement, text, &error)))
    cp_ui_toast_error (GTK_WIDGET (self), error);
  else
    gtk_editable_set_text (GTK_EDITABLE (entry), "");

  _cp_measures_page_update_summary (self);
}

static void
add_goal_cb (CpMeasuresPage *self)
{
  add_from_entry (self, self->new_goal_row, (AddFunc) cp_engagement_add_goal);
}

static void
add_exit_item_cb (CpMeasuresPage *self)
{
  add_from_entry (self, self->new_exit_row, (AddFunc) cp_engagement_add_exit_item);
}

static void
add_practice_cb (CpMeasuresPage *self)
{
  add_from_entry (self, self->new_practice_row, (AddFunc) cp_engagement_add_practice);
}

static void
add_workstream_cb (CpMeasuresPage *self)
{
  add_from_entry (self, self->new_workstream_row, (AddFunc) cp_engagement_add_workstream);
}

static void
add_action_cb (CpMeasuresPage *self)
{
  add_from_entry (self, self->new_action_row, (AddFunc) cp_engagement_add_action);
}

static void
remove_action_cb (CpMeasuresPage *self,
                  CpAction       *action)
{
  g_autoptr(GError) error = NULL;

  if (self->engagement != NULL &&
      !cp_engagement_remove_measure (self->engagement, G_OBJECT (action), &error))
    cp_ui_toast_error (GTK_WIDGET (self), error);

  _cp_measures_page_update_summary (self);
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  CpMeasuresPage *self = user_data;
  GtkWidget *row = cp_action_row_new (item, self->editable, FALSE);

  cp_action_row_set_links (CP_ACTION_ROW (row), self->engagement);
  g_signal_connect_object (row, "remove", G_CALLBACK (remove_action_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify", G_CALLBACK (_cp_measures_page_update_summary), self, G_CONNECT_SWAPPED);

  return row;
}

static void
add_practices_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CpMeasuresPage *self = CP_MEASURES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->engagement != NULL &&
      !cp_engagement_add_standard_practices (self->engagement, &error))
    cp_ui_toast_error (widget, error);

  _cp_measures_page_update_summary (self);
}

static void
cp_measures_page_dispose (GObject *object)
{
  CpMeasuresPage *self = (CpMeasuresPage *)object;

  if (self->goals_list != NULL)
    {
      gtk_list_box_bind_model (self->actions_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->goals_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->maturity_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->workstreams_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->exit_list, NULL, NULL, NULL, NULL);
    }

  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);

  g_clear_object (&self->engagement);

  G_OBJECT_CLASS (cp_measures_page_parent_class)->dispose (object);
}

static void
cp_measures_page_class_init (CpMeasuresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_measures_page_dispose;

  g_type_ensure (CP_TYPE_MATURITY_CHART);
  g_type_ensure (CP_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-measures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, track_row);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, maturity_row);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, handover_row);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, actions_row);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, contract_row);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, exit_group);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, exit_row);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, exit_icon);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, exit_list);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, new_exit_row);
  gtk_widget_class_bind_template_callback (widget_class, add_exit_item_cb);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, actions_list);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, new_action_row);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, handover_level);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, coaching_list);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, goals_list);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, new_goal_row);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, chart);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, maturity_list);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, new_practice_row);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, workstreams_list);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, readiness_list);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, audit_list);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, new_audit_row);
  gtk_widget_class_bind_template_callback_full (widget_class, "add_audit_cb",
                                                G_CALLBACK (_cp_measures_page_add_audit));
  gtk_widget_class_install_action (widget_class, "measures.baseline-from-audit", NULL,
                                   _cp_measures_page_baseline_from_audit);
  gtk_widget_class_bind_template_child (widget_class, CpMeasuresPage, new_workstream_row);
  gtk_widget_class_bind_template_callback (widget_class, add_goal_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_practice_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_workstream_cb);

  gtk_widget_class_install_action (widget_class, "measures.add-practices", NULL,
                                   add_practices_action);
  gtk_widget_class_install_action (widget_class, "measures.contract", NULL, contract_action);
  gtk_widget_class_install_action (widget_class, "measures.add-exit-items", NULL,
                                   add_exit_items_action);
  gtk_widget_class_install_action (widget_class, "measures.add-exit-items-for-roles", NULL,
                                   add_exit_items_action);
}

static void
cp_measures_page_init (CpMeasuresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editable = TRUE;
  /* Sessions change on the Notes page: the time is counted again on show. */
  g_signal_connect (self, "map", G_CALLBACK (update_coaching), NULL);
}

void
cp_measures_page_set_engagement (CpMeasuresPage *self,
                                 CpEngagement   *engagement)
{
  g_autoptr(GError) error = NULL;
  GListModel *goals = NULL, *maturity = NULL, *workstreams = NULL, *actions = NULL;
  GListModel *exit_items = NULL;

  g_return_if_fail (CP_IS_MEASURES_PAGE (self));

  if (self->engagement == engagement)
    return;

  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);
  g_set_object (&self->engagement, engagement);
  if (engagement != NULL)
    g_signal_connect_swapped (engagement, "notify::approach", G_CALLBACK (update_exit), self);

  if (engagement != NULL &&
      (!(goals = cp_engagement_get_goals (engagement, &error)) ||
       !(maturity = cp_engagement_get_maturity (engagement, &error)) ||
       !(workstreams = cp_engagement_get_workstreams (engagement, &error)) ||
       !(actions = cp_engagement_get_actions (engagement, &error)) ||
       !(exit_items = cp_engagement_get_exit_items (engagement, &error))))
    g_warning ("%s", error->message);

  gtk_list_box_bind_model (self->exit_list, exit_items, create_exit_row, self, NULL);

  gtk_list_box_bind_model (self->actions_list, actions, create_action_row, self, NULL);
  gtk_list_box_bind_model (self->goals_list, goals, create_goal_row, self, NULL);
  gtk_list_box_bind_model (self->maturity_list, maturity, _cp_measures_page_create_maturity_row, self, NULL);
  gtk_list_box_bind_model (self->workstreams_list, workstreams, create_workstream_row, self, NULL);
  cp_maturity_chart_set_model (self->chart, maturity);
  _cp_measures_page_fill_readiness (self);
  _cp_measures_page_fill_audit (self);

  _cp_measures_page_update_summary (self);
  update_contract_row (self);
  update_coaching (self);
}

void
cp_measures_page_set_editable (CpMeasuresPage *self,
                               gboolean        editable)
{
  g_autoptr(CpEngagement) engagement = NULL;

  g_return_if_fail (CP_IS_MEASURES_PAGE (self));

  self->editable = !!editable;
  gtk_widget_set_visible (GTK_WIDGET (self->new_goal_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->new_action_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->new_practice_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->new_workstream_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->new_exit_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->new_audit_row), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.baseline-from-audit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.add-exit-items", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.add-exit-items-for-roles", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.add-practices", editable);

  /* Rows take their editability when they are made. */
  engagement = self->engagement ? g_object_ref (self->engagement) : NULL;
  cp_measures_page_set_engagement (self, NULL);
  cp_measures_page_set_engagement (self, engagement);
}
