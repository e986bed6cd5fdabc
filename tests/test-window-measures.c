/* test-window-measures.c — the Measures, Register and Review pages of the
 * real window, driven through their actions, and what they save seen
 * again after a restart
 *
 * Runs under a virtual X server (build-aux/test starts one).
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cp-action.h"
#include "cp-action-row.h"
#include "cp-actions-dialog.h"
#include "cp-application.h"
#include "cp-bar-chart.h"
#include "cp-contract.h"
#include "cp-contract-dialog.h"
#include "cp-engagement.h"
#include "cp-measures-page.h"
#include "cp-opportunity.h"
#include "cp-opportunity-dialog.h"
#include "cp-phase.h"
#include "cp-register-page.h"
#include "cp-review-page.h"
#include "cp-sign-off-dialog.h"
#include "cp-store.h"
#include "cp-test-util.h"
#include "cp-test-window.h"
#include "cp-ui-util.h"
#include "cp-window.h"

static char *database;

static void
hand_over_a_workstream (CpWindow *window)
{
  CpEngagement *engagement;
  GtkWidget *measures;
  GtkWidget *reporting;
  GtkLabel *handover;
  GtkWidget *criterion;
  g_autofree char *before = NULL;

  measures = open_sample_at (window, CP_TYPE_MEASURES_PAGE, "measures");
  engagement = cp_window_get_current (window);

  /* The page answers the sponsor's questions at a glance. */
  g_assert_nonnull (find_label_containing (measures, "2 of 3 on track or met"));
  g_assert_nonnull (find_label_containing (measures, "Average 1.2 at the baseline, 2.0 at the review"));
  handover = find_label_containing (measures, "of the way to staff running it alone");
  g_assert_nonnull (handover);
  before = g_strdup (gtk_label_get_label (handover));
  g_assert_cmpfloat_with_epsilon (cp_engagement_get_handover (engagement), 1.0 / 3, 1e-9);

  /* Tab passes over the at-a-glance rows, which only say things, and
   * reaches the contract, which opens.
   */
  {
    const char *glance[] = { "Goals on track", "Maturity", "Open actions", "Handover" };
    GtkWidget *contract = find (measures, ADW_TYPE_ACTION_ROW, "Three-Way Contract");
    gboolean reached = FALSE;

    gtk_root_set_focus (GTK_ROOT (window), NULL);
    for (guint step = 0; step < 40 && !reached; step++)
      {
        GtkWidget *focus;

        g_assert_true (gtk_widget_child_focus (measures, GTK_DIR_TAB_FORWARD));
        focus = gtk_root_get_focus (GTK_ROOT (window));
        for (guint i = 0; i < G_N_ELEMENTS (glance); i++)
          {
            GtkWidget *row = find (measures, ADW_TYPE_ACTION_ROW, glance[i]);

            g_assert_nonnull (row);
            g_assert_false (focus == row || gtk_widget_is_ancestor (focus, row));
          }
        reached = focus == contract;
      }
    g_assert_true (reached);
  }

  /* Reporting passes from the coach to staff alone. */
  reporting = find (measures, ADW_TYPE_COMBO_ROW, "Monthly service reporting");
  g_assert_nonnull (reporting);
  adw_combo_row_set_selected (ADW_COMBO_ROW (reporting), CP_STAGE_STAFF_ALONE);
  spin (100);
  g_assert_cmpfloat_with_epsilon (cp_engagement_get_handover (engagement), 2.0 / 3, 1e-9);
  g_assert_cmpstr (gtk_label_get_label (handover), !=, before);

  /* The coached approach has an exit checklist; ticking counts. */
  g_assert_nonnull (find_label_containing (measures, "Not yet: 2 of 6 criteria met"));
  criterion = find (measures, ADW_TYPE_ACTION_ROW, "Staff run the improvement cycle without the coach");
  g_assert_nonnull (criterion);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (criterion, GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  spin (100);
  g_assert_nonnull (find_label_containing (measures, "Not yet: 3 of 6 criteria met"));

  /* Another approach has none. */
  cp_engagement_set_approach (engagement, CP_APPROACH_DO_IT_YOURSELF);
  spin (100);
  g_assert_null (find_label_containing (measures, "criteria met"));
  cp_engagement_set_approach (engagement, CP_APPROACH_COACHED);
  spin (100);
  g_assert_nonnull (find_label_containing (measures, "Not yet: 3 of 6 criteria met"));
}

static void
see_the_handover_persisted (CpWindow *window)
{
  g_assert_cmpfloat_with_epsilon (cp_engagement_get_handover (cp_window_get_current (window)),
                                  2.0 / 3, 1e-9);
}

static void
test_window_measures (void)
{
  g_autofree char *dir = cp_test_make_dir ();

  database = g_build_filename (dir, "measures.db", NULL);

  run_app (database, hand_over_a_workstream);
  run_app (database, see_the_handover_persisted);

  g_clear_pointer (&database, g_free);
  cp_test_remove_tree (dir);
}


static guint
count_done (CpEngagement *engagement)
{
  GListModel *actions = cp_engagement_get_actions (engagement, NULL);
  guint done = 0;

  g_assert_nonnull (actions);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(CpAction) action = g_list_model_get_item (actions, i);

      done += cp_action_get_done (action);
    }

  return done;
}

static void
tick_an_open_action (CpWindow *window)
{
  CpEngagement *engagement;
  CpActionsDialog *dialog;
  GListModel *open;
  g_autoptr(CpAction) first = NULL;
  GtkWidget *measures;
  GtkWidget *check;

  measures = open_sample_at (window, CP_TYPE_MEASURES_PAGE, "measures");
  engagement = cp_window_get_current (window);
  g_assert_cmpuint (count_done (engagement), ==, 1);
  g_assert_nonnull (find_label_containing (measures, "2 open"));

  /* An action belongs to a phase, chosen on its row. */
  {
    GtkWidget *row = find (measures, CP_TYPE_ACTION_ROW, NULL);
    CpAction *action = cp_action_row_get_action (CP_ACTION_ROW (row));
    GtkWidget *phase = find (row, ADW_TYPE_COMBO_ROW, "Phase");

    g_assert_nonnull (phase);
    g_assert_cmpint (cp_action_get_phase_id (action), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (phase))), >, 1);
    adw_combo_row_set_selected (ADW_COMBO_ROW (phase), 1);
    g_assert_cmpint (cp_action_get_phase_id (action), !=, 0);
  }

  /* The dialog lists the two open actions, soonest due first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-actions", NULL));
  spin (300);
  dialog = CP_ACTIONS_DIALOG (find_toplevel (CP_TYPE_ACTIONS_DIALOG));
  g_assert_nonnull (dialog);
  open = cp_actions_dialog_get_actions (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 2);
  first = g_list_model_get_item (open, 0);
  g_assert_cmpstr (cp_action_get_text (first), ==, "Send the baseline report to Dana");
  g_assert_cmpstr (cp_action_get_engagement_title (first), ==,
                   cp_engagement_get_title (engagement));

  /* Ticking it off in the dialog is seen on the Measures page too. */
  check = find (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  spin (100);
  g_assert_true (cp_action_get_done (first));
  g_assert_cmpuint (count_done (engagement), ==, 2);
  g_assert_nonnull (find_label_containing (measures, "1 open"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (100);
}

static void
see_the_action_done (CpWindow *window)
{
  CpActionsDialog *dialog;

  g_assert_cmpuint (count_done (cp_window_get_current (window)), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-actions", NULL));
  spin (300);
  dialog = CP_ACTIONS_DIALOG (find_toplevel (CP_TYPE_ACTIONS_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (cp_actions_dialog_get_actions (dialog)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (100);
}

static void
test_window_actions (void)
{
  g_autofree char *dir = cp_test_make_dir ();

  database = g_build_filename (dir, "actions.db", NULL);

  run_app (database, tick_an_open_action);
  run_app (database, see_the_action_done);

  g_clear_pointer (&database, g_free);
  cp_test_remove_tree (dir);
}

static guint
shown_number (CpRegisterPage *page,
              guint           position)
{
  g_autoptr(CpOpportunity) o = g_list_model_get_item (cp_register_page_get_shown (page), position);

  g_assert_nonnull (o);
  return cp_opportunity_get_number (o);
}

static void
work_the_register (CpWindow *window)
{
  CpRegisterPage *page;
  GListModel *shown;
  GtkWidget *search, *status, *view;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) priority = NULL;
  GtkWindow *dialog;
  AdwComboRow *status_row;
  AdwEntryRow *new_action;
  GListModel *linked;

  /* Wide enough for the table. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  page = CP_REGISTER_PAGE (open_sample_at (window, CP_TYPE_REGISTER_PAGE, "register"));
  shown = cp_register_page_get_shown (page);

  /* The open ones, in the register's order; the rejected one is hidden. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  g_assert_cmpuint (shown_number (page, 0), ==, 1);
  g_assert_nonnull (find (GTK_WIDGET (page), GTK_TYPE_LABEL, "Log every call at the first contact, with a category"));

  status = find (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 1);  /* All */
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);

  /* Words narrow it down. */
  search = find (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "cab business");
  spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpuint (shown_number (page, 0), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (search), "nothing like this");
  spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_nonnull (find (GTK_WIDGET (page), GTK_TYPE_LABEL, "No Matching Opportunities"));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  spin (400);

  /* Sorted by priority, highest first: the two high ones, then normal, then low. */
  view = find (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL);
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  priority = g_list_model_get_item (columns, 3);
  g_assert_cmpstr (gtk_column_view_column_get_title (priority), ==, "Priority");
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), priority, GTK_SORT_DESCENDING);
  spin (100);
  g_assert_cmpuint (shown_number (page, 0), ==, 1);
  g_assert_cmpuint (shown_number (page, 1), ==, 2);
  g_assert_cmpuint (shown_number (page, 2), ==, 3);
  g_assert_cmpuint (shown_number (page, 3), ==, 4);

  /* Opening number 3: mark it done and give it an action. */
  g_signal_emit_by_name (view, "activate", 2);
  spin (300);
  dialog = find_toplevel (CP_TYPE_OPPORTUNITY_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Opportunity 3");
  linked = cp_opportunity_dialog_get_actions (CP_OPPORTUNITY_DIALOG (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 0);

  new_action = ADW_ENTRY_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Add an action"));
  g_assert_nonnull (new_action);
  gtk_editable_set_text (GTK_EDITABLE (new_action), "Interview the ward managers");
  g_signal_emit_by_name (new_action, "apply");
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);

  status_row = ADW_COMBO_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Status"));
  g_assert_nonnull (status_row);
  adw_combo_row_set_selected (status_row, CP_OPPORTUNITY_DONE);
  spin (100);
  gtk_window_destroy (dialog);
  spin (200);

  /* Back to the open ones: number 3 has left them. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 0);
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
}

static void
see_the_register_persisted (CpWindow *window)
{
  CpEngagement *engagement = cp_window_get_current (window);
  GListModel *opportunities = cp_engagement_get_opportunities (engagement, NULL);
  GListModel *actions = cp_engagement_get_actions (engagement, NULL);
  g_autoptr(CpOpportunity) third = g_list_model_get_item (opportunities, 2);
  gboolean found = FALSE;

  g_assert_cmpint (cp_opportunity_get_status (third), ==, CP_OPPORTUNITY_DONE);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(CpAction) action = g_list_model_get_item (actions, i);

      if (g_strcmp0 (cp_action_get_text (action), "Interview the ward managers") == 0)
        {
          g_assert_cmpint (cp_action_get_opportunity_id (action), ==, cp_opportunity_get_id (third));
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_window_register (void)
{
  g_autofree char *dir = cp_test_make_dir ();

  database = g_build_filename (dir, "register.db", NULL);

  run_app (database, work_the_register);
  run_app (database, see_the_register_persisted);

  g_clear_pointer (&database, g_free);
  cp_test_remove_tree (dir);
}

static void
sign_a_new_version (CpWindow *window)
{
  CpEngagement *engagement;
  GtkWidget *measures;
  GtkWindow *dialog;
  GtkWindow *confirm;
  CpContract *shown;
  GtkWidget *goals;

  measures = open_sample_at (window, CP_TYPE_MEASURES_PAGE, "measures");
  engagement = cp_window_get_current (window);
  g_assert_nonnull (find_label_containing (measures, "Version 1, signed on"));

  /* The sample's contract is signed: it reads, it does not change. */
  g_assert_true (gtk_widget_activate_action (measures, "measures.contract", NULL));
  spin (300);
  dialog = find_toplevel (CP_TYPE_CONTRACT_DIALOG);
  g_assert_nonnull (dialog);
  shown = cp_contract_dialog_get_shown (CP_CONTRACT_DIALOG (dialog));
  g_assert_true (cp_contract_is_signed (shown));
  goals = find (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (goals)));

  /* A change starts version 2, which takes typing and is signed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "contract.change", NULL));
  spin (100);
  shown = cp_contract_dialog_get_shown (CP_CONTRACT_DIALOG (dialog));
  g_assert_cmpuint (cp_contract_get_version (shown), ==, 2);
  g_assert_false (cp_contract_is_signed (shown));
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (goals)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (goals)),
                            "- Failed changes a month: 3 changes by 2027-03-01\n", -1);
  g_assert_cmpstr (cp_contract_get_text (shown, CP_CONTRACT_GOALS), ==,
                   "- Failed changes a month: 3 changes by 2027-03-01\n");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "contract.sign", NULL));
  spin (300);
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "sign");
  spin (200);
  g_assert_true (cp_contract_is_signed (shown));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (goals)));

  gtk_window_destroy (dialog);
  spin (200);
  g_assert_nonnull (find_label_containing (measures, "Version 2, signed on"));
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_contracts (engagement, NULL)), ==, 2);
}

static void
see_both_versions (CpWindow *window)
{
  GListModel *versions = cp_engagement_get_contracts (cp_window_get_current (window), NULL);
  g_autoptr(CpContract) first = g_list_model_get_item (versions, 0);
  g_autoptr(CpContract) second = g_list_model_get_item (versions, 1);

  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  g_assert_true (cp_contract_is_signed (first));
  g_assert_cmpstr (cp_contract_get_text (first, CP_CONTRACT_GOALS), !=,
                   cp_contract_get_text (second, CP_CONTRACT_GOALS));
  g_assert_true (cp_contract_is_signed (second));
  g_assert_cmpstr (cp_contract_get_text (second, CP_CONTRACT_GOALS), ==,
                   "- Failed changes a month: 3 changes by 2027-03-01\n");
}

static void
test_window_contract (void)
{
  g_autofree char *dir = cp_test_make_dir ();

  database = g_build_filename (dir, "contract.db", NULL);

  run_app (database, sign_a_new_version);
  run_app (database, see_both_versions);

  g_clear_pointer (&database, g_free);
  cp_test_remove_tree (dir);
}

static void
review_as_the_sponsor (CpWindow *window)
{
  CpReviewPage *page = CP_REVIEW_PAGE (open_sample_at (window, CP_TYPE_REVIEW_PAGE, "review"));
  GtkWidget *phases = find (GTK_WIDGET (page), CP_TYPE_BAR_CHART, NULL);
  GtkWindow *dialog;

  /* Every phase of the cycle, then every goal, drawn. */
  g_assert_nonnull (phases);
  g_assert_cmpuint (cp_bar_chart_get_n_bars (CP_BAR_CHART (phases)), ==, 6);
  g_assert_nonnull (find (GTK_WIDGET (page), GTK_TYPE_LABEL, "Cycle 1, 43 % Done"));
  g_assert_nonnull (find (GTK_WIDGET (page), GTK_TYPE_LABEL, "Goals Against Target"));
  g_assert_true (gtk_widget_get_mapped (phases));

  /* Signing off is one click away, for the phase under way. */
  g_assert_cmpstr (cp_phase_get_name (cp_review_page_get_phase_to_sign (page)), ==,
                   "Where do we want to be?");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.sign-off", NULL));
  spin (300);
  dialog = find_toplevel (CP_TYPE_SIGN_OFF_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  spin (100);
}

static void
test_window_review (void)
{
  g_autofree char *dir = cp_test_make_dir ();

  database = g_build_filename (dir, "review.db", NULL);

  run_app (database, review_as_the_sponsor);

  g_clear_pointer (&database, g_free);
  cp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/measures", test_window_measures);
  g_test_add_func ("/window/actions", test_window_actions);
  g_test_add_func ("/window/register", test_window_register);
  g_test_add_func ("/window/contract", test_window_contract);
  g_test_add_func ("/window/review", test_window_review);

  return g_test_run ();
}
