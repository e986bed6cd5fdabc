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
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-maturity-chart.h"
#include "cp-phase.h"
#include "cp-review-page.h"
#include "cp-sign-off-dialog.h"

struct _CpReviewPage
{
  AdwBin               parent_instance;

  CpEngagement        *engagement;
  CpPhase             *to_sign;
  gboolean             editable;

  AdwPreferencesGroup *phases_group;
  CpBarChart          *phases_chart;
  AdwPreferencesGroup *goals_group;
  CpBarChart          *goals_chart;
  CpMaturityChart     *maturity_chart;
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

  /* The first phase under way is the one to sign off next. */
  for (guint i = 0; phases && i < g_list_model_get_n_items (phases) && self->to_sign == NULL; i++)
    {
      g_autoptr(CpPhase) phase = g_list_model_get_item (phases, i);

      if (cp_phase_get_status (phase) == CP_PHASE_STATUS_IN_PROGRESS)
        self->to_sign = g_object_ref (phase);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.sign-off",
                                 self->editable && self->to_sign != NULL);
}

static void
fill_goals (CpReviewPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GArray *bars = self->engagement ? cp_bars_for_goals (self->engagement, today) : cp_bars_new ();

  gtk_widget_set_visible (GTK_WIDGET (self->goals_chart), bars->len > 0);
  cp_bar_chart_set_bars (self->goals_chart, bars);
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

  fill_phases (self);
  fill_goals (self);
  cp_maturity_chart_set_model (self->maturity_chart,
                               self->engagement ? cp_engagement_get_maturity (self->engagement, NULL)
                                                : NULL);
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
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (cp_review_page_refresh), self,
                           G_CONNECT_SWAPPED);
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
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, phases_group);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, phases_chart);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, goals_group);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, goals_chart);
  gtk_widget_class_bind_template_child (widget_class, CpReviewPage, maturity_chart);

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
