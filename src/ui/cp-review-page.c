/* cp-review-page.c — the sponsor's calm, read-only view of progress:
 * the current cycle's phases, goals against target and maturity, drawn as
 * charts, with the phase to sign off next a click away
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-bar-chart.h"
#include "cp-bars.h"
#include "cp-checklist-item.h"
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-goal.h"
#include "cp-audit-item.h"
#include "cp-maturity-chart.h"
#include "cp-phase.h"
#include "cp-review-page.h"
#include "cp-sign-off.h"
#include "cp-sign-off-dialog.h"
#include "cp-summary.h"

struct _CpReviewPage
{
  AdwBin               parent_instance;

  CpEngagement        *engagement;
  CpPhase             *to_sign;
  gboolean             editable;

  GtkStack            *stack;
  AdwActionRow        *standing_row;
  GtkImage            *standing_icon;
  GtkListBox          *attention_list;
  GtkLabel            *sign_off_label;
  AdwPreferencesGroup *phases_group;
  AdwPreferencesGroup *cycles_group;
  GtkListBox          *cycles_list;
  CpBarChart          *phases_chart;
  AdwPreferencesGroup *goals_group;
  CpBarChart          *goals_chart;
  GtkListBox          *goals_list;
  CpMaturityChart     *maturity_chart;
  GtkListBox          *readiness_list;
  GtkWidget           *audit_group;
  GtkListBox          *audit_list;
};

G_DEFINE_FINAL_TYPE (CpReviewPage, cp_review_page, ADW_TYPE_BIN)

static void
fill_phases (CpReviewPage *self)
{
  CpCycle *cycle = self->engagement ? cp_engagement_get_current_cycle (self->engagement) : NULL;
  GListModel *phases = cycle ? cp_cycle_get_phases (cycle, NULL) : NULL;
  g_autofree char *title = NULL;

  g_clear_object (&self->to_sign);

  if (cycle == NULL)
    {
      adw_preferences_group_set_title (self->phases_group, _("Phases"));
      adw_preferences_group_set_description (self->phases_group, _("No cycle has started yet."));
    }
  else
    {
      /* Translators: a cycle's number and how far it is. */
      title = g_strdup_printf (_("Cycle %u, %.0f %% Done"), cp_cycle_get_number (cycle),
                               cp_cycle_get_progress (cycle) * 100);
      adw_preferences_group_set_title (self->phases_group, title);
      adw_preferences_group_set_description (self->phases_group, NULL);
    }

  cp_bar_chart_set_bars (self->phases_chart, self->engagement ? cp_bars_for_phases (self->engagement)
                                                               : cp_bars_new ());

  /* The phase to sign off next: the first done and not yet approved,
   * else the first under way. One approved and not reopened is not
   * offered again.
   */
  for (guint pass = 0; pass < 2 && self->to_sign == NULL; pass++)
    for (guint i = 0; phases && i < g_list_model_get_n_items (phases) && self->to_sign == NULL; i++)
      {
        g_autoptr(CpPhase) phase = g_list_model_get_item (phases, i);
        CpSignOff *latest = cp_phase_get_latest_sign_off (phase);
        gboolean approved = latest && cp_sign_off_get_decision (latest) == CP_DECISION_APPROVED;

        if (!approved && cp_phase_get_status (phase) == (pass == 0 ? CP_PHASE_STATUS_DONE
                                                                   : CP_PHASE_STATUS_IN_PROGRESS))
          self->to_sign = g_object_ref (phase);
      }

  if (self->to_sign != NULL)
    {
      /* Translators: the button that signs off the phase it names. */
      g_autofree char *label = g_strdup_printf (_("_Sign Off “%s”…"), cp_phase_get_name (self->to_sign));

      gtk_label_set_text_with_mnemonic (self->sign_off_label, label);
    }
  else
    gtk_label_set_text_with_mnemonic (self->sign_off_label, _("_Sign Off Phase…"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.sign-off",
                                 self->editable && self->to_sign != NULL);
}

static void
fill_goals (CpReviewPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GArray *bars = self->engagement ? cp_bars_for_goals (self->engagement, today) : cp_bars_new ();

  GListModel *goals = self->engagement ? cp_engagement_get_goals (self->engagement, NULL) : NULL;
  GtkWidget *child;

  gtk_widget_set_visible (GTK_WIDGET (self->goals_chart), bars->len > 0);
  cp_bar_chart_set_bars (self->goals_chart, bars);

  /* Each goal's numbers, and how its readings move. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list))) != NULL)
    gtk_list_box_remove (self->goals_list, child);
  for (guint i = 0; goals && i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(CpGoal) goal = g_list_model_get_item (goals, i);
      const CpReading *latest = cp_goal_get_latest (goal);
      const char *unit = cp_goal_get_unit (goal);
      g_autofree char *trend = cp_goal_dup_trend (goal);
      g_autofree char *latest_text = latest ? g_strdup_printf ("%g %s (%s)", latest->value, unit, latest->date)
                                            : g_strdup (_("no reading yet"));
      g_autofree char *subtitle = NULL;
      g_autofree char *name = g_markup_escape_text (cp_goal_get_name (goal), -1);
      g_autofree char *escaped = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a goal's baseline, latest reading, target with its
       * date, and trend.
       */
      subtitle = g_strdup_printf (_("Baseline %g %s · latest %s · target %g %s by %s · trend: %s"),
                                  cp_goal_get_baseline_value (goal), unit, latest_text,
                                  cp_goal_get_target_value (goal), unit,
                                  cp_goal_get_target_date (goal) ? cp_goal_get_target_date (goal) : "—",
                                  trend);
      escaped = g_markup_escape_text (subtitle, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->goals_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->goals_list), goals && g_list_model_get_n_items (goals) > 0);
}

static const char *
need_icon (CpNeedKind kind)
{
  switch (kind)
    {
    case CP_NEED_SIGN_OFF: return "document-edit-symbolic";
    case CP_NEED_CHANGES: return "mail-replied-symbolic";
    case CP_NEED_GOAL: return "go-down-symbolic";
    case CP_NEED_ACTION: return "alarm-symbolic";
    case CP_NEED_RISK: return "dialog-warning-symbolic";
    case CP_NEED_CONTRACT: return "text-x-generic-symbolic";
    case CP_NEED_EXIT: return "system-log-out-symbolic";
    default: return "dialog-information-symbolic";
    }
}

static GtkWidget *
need_row (const char *text,
          const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

/* Where the programme stands and what needs the sponsor, as the report
 * says it.
 */
static void
fill_summary (CpReviewPage *self)
{
  static const char * const icons[] = { "emblem-ok-symbolic", "dialog-warning-symbolic", "dialog-error-symbolic" };
  static const char * const styles[] = { "success", "warning", "error" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(CpSummary) summary = self->engagement ? cp_summary_new (self->engagement, today, NULL) : NULL;
  g_autofree char *why = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attention_list))) != NULL)
    gtk_list_box_remove (self->attention_list, child);

  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->standing_row), ADW_TYPE_PREFERENCES_GROUP),
                          summary != NULL);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->attention_list), ADW_TYPE_PREFERENCES_GROUP),
                          summary != NULL);
  if (summary == NULL)
    return;

  g_ptr_array_add (summary->reasons, NULL);
  why = g_strjoinv ("; ", (char **) summary->reasons->pdata);
  g_ptr_array_remove_index (summary->reasons, summary->reasons->len - 1);
  {
    g_autofree char *escaped = g_markup_escape_text (why, -1);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->standing_row),
                                   cp_standing_get_label (summary->standing));
    adw_action_row_set_subtitle (self->standing_row, escaped);
  }
  gtk_image_set_from_icon_name (self->standing_icon, icons[summary->standing]);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->standing_icon), styles[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->standing_icon), styles[summary->standing]);

  for (guint i = 0; i < summary->needs->len; i++)
    {
      CpNeed *need = g_ptr_array_index (summary->needs, i);

      gtk_list_box_append (self->attention_list, need_row (need->text, need_icon (need->kind)));
    }
  if (summary->needs->len == 0)
    gtk_list_box_append (self->attention_list, need_row (_("Nothing needs your attention."),
                                                         "emblem-ok-symbolic"));
}

/* A phase's status and where its sign-off stands. */
static char *
describe_phase (CpPhase *phase)
{
  CpSignOff *latest = cp_phase_get_latest_sign_off (phase);
  const char *status = cp_phase_status_get_label (cp_phase_get_status (phase));
  g_autofree char *state = NULL;

  if (latest != NULL)
    state = g_strdup_printf (cp_sign_off_get_decision (latest) == CP_DECISION_APPROVED
                             /* Translators: a sign-off: the reviewer, then the date. */
                             ? _("Approved by %s on %s") : _("Changes requested by %s on %s"),
                             cp_sign_off_get_reviewer (latest), cp_sign_off_get_date (latest));
  else if (cp_phase_get_status (phase) == CP_PHASE_STATUS_DONE)
    state = g_strdup (_("Awaiting your sign-off"));
  else
    state = g_strdup (_("Not signed off yet"));

  /* When work on it was last ticked off. */
  {
    GListModel *items = cp_phase_get_items (phase, NULL);
    g_autofree char *last = NULL;

    for (guint i = 0; items && i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(CpChecklistItem) item = g_list_model_get_item (items, i);
        const char *at = cp_checklist_item_get_done_at (item);

        if (at != NULL && g_strcmp0 (at, last) > 0)
          {
            g_free (last);
            last = g_strdup (at);
          }
      }
    if (last != NULL)
      {
        g_autofree char *day = g_strndup (last, 10);

        /* Translators: a phase's status, where its sign-off stands, and
         * the day its checklist was last ticked.
         */
        return g_strdup_printf (_("%s · %s · last ticked %s"), status, state, day);
      }
  }

  /* Translators: a phase's status, then where its sign-off stands. */
  return g_strdup_printf (_("%s · %s"), status, state);
}

/* Every cycle, newest first, its phases one click away; the newest open. */
/* Where each audited practice stands, as a value; no audit, no group. */
static void
fill_audit (CpReviewPage *self)
{
  GListModel *items = self->engagement ? cp_engagement_get_audit_items (self->engagement, NULL) : NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->audit_list))) != NULL)
    gtk_list_box_remove (self->audit_list, child);

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CpAuditItem) item = g_list_model_get_item (items, i);
      const char *practice = cp_audit_item_get_practice (item);
      g_autofree char *stands = NULL;
      GtkWidget *row;

      if (!g_hash_table_add (shown, (gpointer) practice))
        continue;
      /* Translators: where an audited practice stands, as "Stands at level 2 of 5". */
      stands = g_strdup_printf (_("Stands at level %d of 5"), cp_engagement_get_audit_level (self->engagement, practice));
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), practice);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), stands);
      gtk_list_box_append (self->audit_list, row);
    }
  gtk_widget_set_visible (self->audit_group, g_hash_table_size (shown) > 0);
}

/* Each characteristic's scores, as values the sponsor reads. */
static void
fill_readiness (CpReviewPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->readiness_list))) != NULL)
    gtk_list_box_remove (self->readiness_list, child);

  for (CpCharacteristic c = 0; self->engagement != NULL && c < CP_N_CHARACTERISTICS; c++)
    {
      g_auto(CpReadiness) r = { 0 };
      g_autofree char *summary = NULL;
      GtkWidget *row;

      if (!cp_engagement_get_readiness (self->engagement, c, &r, NULL))
        continue;
      summary = cp_readiness_dup_summary (&r);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cp_characteristic_get_name (c));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      gtk_list_box_append (self->readiness_list, row);
    }
}

static void
fill_cycles (CpReviewPage *self)
{
  GListModel *cycles = self->engagement ? cp_engagement_get_cycles (self->engagement, NULL) : NULL;
  guint n = cycles ? g_list_model_get_n_items (cycles) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cycles_list))) != NULL)
    gtk_list_box_remove (self->cycles_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->cycles_group), n > 0);

  for (guint c = n; c-- > 0;)
    {
      g_autoptr(CpCycle) cycle = g_list_model_get_item (cycles, c);
      GListModel *phases = cp_cycle_get_phases (cycle, NULL);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;

      /* Translators: a cycle's number and the template it started from. */
      title = g_strdup_printf (_("Cycle %u · %s"), cp_cycle_get_number (cycle),
                               cp_cycle_get_template_name (cycle));
      escaped = g_markup_escape_text (title, -1);
      /* Translators: how far a cycle is, and when it started. */
      subtitle = g_strdup_printf (_("%.0f %% done · started %s"), cp_cycle_get_progress (cycle) * 100,
                                  cp_cycle_get_started_on (cycle));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), c + 1 == n);

      for (guint p = 0; phases && p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(CpPhase) phase = g_list_model_get_item (phases, p);
          GtkWidget *phase_row = adw_action_row_new ();
          g_autofree char *name = g_markup_escape_text (cp_phase_get_name (phase), -1);
          g_autofree char *state = describe_phase (phase);
          g_autofree char *state_escaped = g_markup_escape_text (state, -1);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (phase_row), name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (phase_row), state_escaped);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (phase_row), 0);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), phase_row);
        }

      gtk_list_box_append (self->cycles_list, row);
    }
}

/**
 * cp_review_page_refresh:
 *
 * Reads the engagement again; the page does so each time it is shown.
 */
void
cp_review_page_refresh (CpReviewPage *self)
{
  g_return_if_fail (CP_IS_REVIEW_PAGE (self));

  {
    GListModel *cycles = self->engagement ? cp_engagement_get_cycles (self->engagement, NULL) : NULL;
    GListModel *goals = self->engagement ? cp_engagement_get_goals (self->engagement, NULL) : NULL;
    gboolean empty = (cycles == NULL || g_list_model_get_n_items (cycles) == 0) &&
                     (goals == NULL || g_list_model_get_n_items (goals) == 0);

    /* An engagement with no cycle and no goal has nothing to show yet. */
    gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "review");
  }
  fill_summary (self);
  fill_phases (self);
  fill_cycles (self);
  fill_goals (self);
  cp_maturity_chart_set_model (self->maturity_chart,
                               self->engagement ? cp_engagement_get_maturity (self->engagement, NULL)
                                                : NULL);
  fill_readiness (self);
  fill_audit (self);
}

static void
sign_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CpReviewPage *self = CP_REVIEW_PAGE (widget);
  CpSignOffDialog *dialog;

  if (self->to_sign == NULL || self->engagement == NULL)
    return;

  dialog = cp_sign_off_dialog_new (widget, self->engagement, self->to_sign);
  /* After the dialog has recorded it: the next phase comes up. */
  g_signal_connect_object (dialog, "response", G_CALLBACK (cp_review_page_refresh), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cp_review_page_dispose (GObject *object)
{
  CpReviewPage *self = (CpReviewPage *)object;

  g_clear_object (&self->to_sign);
  g_clear_object (&self->engagement);

  G_OBJECT_CLASS (cp_review_page_parent_class)->dispose (object);
}

static void
cp_review_page_class_init (CpReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_review_page_dispose;

  g_type_ensure (CP_TYPE_BAR_CHART);
  g_type_ensure (CP_TYPE_MATURITY_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, standing_row);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, standing_icon);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, attention_list);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, sign_off_label);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, phases_group);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, cycles_group);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, cycles_list);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, phases_chart);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, goals_group);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, goals_chart);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, goals_list);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, maturity_chart);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, readiness_list);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, audit_group);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, audit_list);

  gtk_widget_class_install_action (widget_class, "review.sign-off", NULL, sign_off_action);
}

static void
cp_review_page_init (CpReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;

  g_signal_connect (self, "map", G_CALLBACK (cp_review_page_refresh), NULL);
}

void
cp_review_page_set_engagement (CpReviewPage *self,
                               CpEngagement *engagement)
{
  g_return_if_fail (CP_IS_REVIEW_PAGE (self));

  if (g_set_object (&self->engagement, engagement))
    cp_review_page_refresh (self);
}

void
cp_review_page_set_editable (CpReviewPage *self,
                             gboolean      editable)
{
  g_return_if_fail (CP_IS_REVIEW_PAGE (self));

  self->editable = !!editable;
  fill_phases (self);
}

/**
 * cp_review_page_get_phase_to_sign:
 *
 * Returns: (transfer none) (nullable): the phase "Sign Off Phase…" is for
 */
CpPhase *
cp_review_page_get_phase_to_sign (CpReviewPage *self)
{
  g_return_val_if_fail (CP_IS_REVIEW_PAGE (self), NULL);

  return self->to_sign;
}
