/* test-summary.c — where the programme stands, and what needs the sponsor
 *
 * One crafted engagement for each rule, and one on track with nothing to
 * attend to.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-action.h"
#include "cp-contract.h"
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-exit-item.h"
#include "cp-goal.h"
#include "cp-phase.h"
#include "cp-sign-off.h"
#include "cp-summary.h"
#include "cp-template.h"
#include "cp-test-store.h"

#define TODAY "2026-11-30"

static CpEngagement *
fresh (Fixture    *f,
       CpApproach  approach)
{
  g_autoptr(GError) error = NULL;
  CpEngagement *e = cp_store_create_engagement (f->store, "Crafted", approach, &error);

  g_assert_no_error (error);

  return e;
}

static CpPhase *
first_phase (CpEngagement *e)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCycle) cycle = cp_engagement_start_cycle (e, cp_template_get_default (), &error);

  g_assert_no_error (error);

  return g_list_model_get_item (cp_cycle_get_phases (cycle, NULL), 0);
}

static CpSummary *
summarise (CpEngagement *e)
{
  g_autoptr(GError) error = NULL;
  CpSummary *summary = cp_summary_new (e, TODAY, &error);

  g_assert_no_error (error);

  return summary;
}

/* The only need of @summary, of @kind; its text. */
static const char *
only_need (CpSummary  *summary,
           CpNeedKind  kind)
{
  CpNeed *need;

  g_assert_cmpuint (summary->needs->len, ==, 1);
  need = g_ptr_array_index (summary->needs, 0);
  g_assert_cmpint (need->kind, ==, kind);

  return need->text;
}

static void
test_on_track (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CpEngagement) e = fresh (f, CP_APPROACH_DO_IT_YOURSELF);
  g_autoptr(CpPhase) phase = first_phase (e);
  g_autoptr(CpSummary) summary = summarise (e);
  g_autofree char *text = cp_summary_to_text (summary);

  g_assert_cmpint (summary->standing, ==, CP_STANDING_ON_TRACK);
  g_assert_cmpuint (summary->needs->len, ==, 0);
  g_assert_nonnull (strstr (text, "Nothing needs your attention."));
  g_assert_true (g_str_has_prefix (text, "On track: "));
}

/* A phase done and not signed off asks for the sponsor, without
 * putting the programme at risk; signing it off settles it.
 */
static void
test_awaiting_sign_off (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = fresh (f, CP_APPROACH_DO_IT_YOURSELF);
  g_autoptr(CpPhase) phase = first_phase (e);
  g_autoptr(CpSummary) before = NULL;
  g_autoptr(CpSummary) after = NULL;
  g_autoptr(CpSignOff) sign_off = NULL;

  g_assert_true (cp_phase_set_status (phase, CP_PHASE_STATUS_DONE, NULL));
  before = summarise (e);
  g_assert_cmpint (before->standing, ==, CP_STANDING_ON_TRACK);
  g_assert_nonnull (strstr (only_need (before, CP_NEED_SIGN_OFF), "awaits your sign-off"));
  g_assert_nonnull (strstr (only_need (before, CP_NEED_SIGN_OFF), cp_phase_get_name (phase)));

  sign_off = cp_phase_sign_off (phase, "Dana", TODAY, CP_DECISION_APPROVED, "", &error);
  g_assert_no_error (error);
  after = summarise (e);
  g_assert_cmpuint (after->needs->len, ==, 0);
}

/* Changes asked for, and still the latest word: off track. */
static void
test_changes_requested (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = fresh (f, CP_APPROACH_DO_IT_YOURSELF);
  g_autoptr(CpPhase) phase = first_phase (e);
  g_autoptr(CpSignOff) sign_off = NULL;
  g_autoptr(CpSummary) summary = NULL;

  g_assert_true (cp_phase_set_status (phase, CP_PHASE_STATUS_DONE, NULL));
  sign_off = cp_phase_sign_off (phase, "Dana", "2026-11-02", CP_DECISION_CHANGES_REQUESTED,
                                "Add last quarter's figures", &error);
  g_assert_no_error (error);
  summary = summarise (e);
  g_assert_cmpint (summary->standing, ==, CP_STANDING_OFF_TRACK);
  g_assert_nonnull (strstr (only_need (summary, CP_NEED_CHANGES), "Add last quarter's figures"));
  g_assert_nonnull (strstr (only_need (summary, CP_NEED_CHANGES), "2026-11-02"));
}

/* A goal off track, with its numbers: off track. */
static void
test_goal_off_track (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = fresh (f, CP_APPROACH_DO_IT_YOURSELF);
  g_autoptr(CpGoal) goal = cp_engagement_add_goal (e, "Calls answered in time", &error);
  g_autoptr(CpSummary) summary = NULL;
  const char *text;

  g_assert_no_error (error);
  cp_goal_set_unit (goal, "%");
  g_assert_true (cp_goal_set_baseline (goal, 40, "2026-01-01"));
  g_assert_true (cp_goal_set_target (goal, 90, "2026-12-31"));
  g_assert_true (cp_goal_add_reading (goal, "2026-11-01", 42, &error));
  g_assert_no_error (error);

  summary = summarise (e);
  g_assert_cmpint (summary->standing, ==, CP_STANDING_OFF_TRACK);
  text = only_need (summary, CP_NEED_GOAL);
  g_assert_nonnull (strstr (text, "Calls answered in time"));
  g_assert_nonnull (strstr (text, "42 % on 2026-11-01"));
  g_assert_nonnull (strstr (text, "90 % by 2026-12-31"));
  g_assert_nonnull (strstr (text, "baseline 40 %"));
}

/* An overdue action: at risk. One due later is no matter. */
static void
test_overdue_action (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = fresh (f, CP_APPROACH_DO_IT_YOURSELF);
  g_autoptr(CpAction) late = cp_engagement_add_action (e, "Send the baseline", &error);
  g_autoptr(CpAction) later = cp_engagement_add_action (e, "Plan the review", &error);
  g_autoptr(CpSummary) summary = NULL;

  g_assert_no_error (error);
  g_assert_true (cp_action_set_due_on (late, "2026-11-20"));
  g_assert_true (cp_action_set_due_on (later, "2026-12-20"));
  summary = summarise (e);
  g_assert_cmpint (summary->standing, ==, CP_STANDING_AT_RISK);
  g_assert_nonnull (strstr (only_need (summary, CP_NEED_ACTION), "Send the baseline"));
  g_assert_nonnull (strstr (only_need (summary, CP_NEED_ACTION), "2026-11-20"));
}

/* An approach's check not done in a phase that has begun is a risk,
 * said as the risk with its safeguard.
 */
static void
test_approach_risk (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = fresh (f, CP_APPROACH_DONE_TO_YOU);
  g_autoptr(CpPhase) vision = first_phase (e);
  g_autoptr(CpSummary) quiet = NULL;
  g_autoptr(CpSummary) summary = NULL;
  const char *text;

  /* Not begun: no risk yet. */
  quiet = summarise (e);
  g_assert_cmpuint (quiet->needs->len, ==, 0);

  g_assert_true (cp_phase_set_status (vision, CP_PHASE_STATUS_IN_PROGRESS, NULL));
  summary = summarise (e);
  g_assert_cmpint (summary->standing, ==, CP_STANDING_AT_RISK);
  text = only_need (summary, CP_NEED_RISK);
  g_assert_true (g_str_has_prefix (text, "Risk: The organisation stops feeling involved. "));
  g_assert_nonnull (strstr (text, "Safeguard not yet in place: Both IT and the business are engaged"));
  g_assert_nonnull (strstr (text, "cycle 1"));
  g_assert_no_error (error);
}

/* The latest contract version unsigned: at risk. */
static void
test_unsigned_contract (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = fresh (f, CP_APPROACH_DO_IT_YOURSELF);
  g_autoptr(CpContract) draft = cp_engagement_get_draft_contract (e, &error);
  g_autoptr(CpSummary) summary = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  summary = summarise (e);
  g_assert_cmpint (summary->standing, ==, CP_STANDING_AT_RISK);
  g_assert_nonnull (strstr (only_need (summary, CP_NEED_CONTRACT), "Version 1"));
}

/* Exit criteria unmet: at risk near the end, off track after it, no
 * matter long before.
 */
static void
test_exit_criteria (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = fresh (f, CP_APPROACH_COACHED);
  g_autoptr(CpExitItem) item = cp_engagement_add_exit_item (e, "Staff run the CAB alone", &error);
  g_autoptr(CpSummary) far = NULL;
  g_autoptr(CpSummary) near = NULL;
  g_autoptr(CpSummary) ended = NULL;

  g_assert_no_error (error);
  g_assert_true (cp_engagement_set_end_date (e, "2027-06-30"));
  far = summarise (e);
  g_assert_cmpuint (far->needs->len, ==, 0);

  g_assert_true (cp_engagement_set_end_date (e, "2026-12-20"));
  near = summarise (e);
  g_assert_cmpint (near->standing, ==, CP_STANDING_AT_RISK);
  g_assert_nonnull (strstr (only_need (near, CP_NEED_EXIT), "Staff run the CAB alone"));

  g_assert_true (cp_engagement_set_end_date (e, "2026-11-01"));
  ended = summarise (e);
  g_assert_cmpint (ended->standing, ==, CP_STANDING_OFF_TRACK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_STORE_TEST ("/summary/on-track", test_on_track);
  ADD_STORE_TEST ("/summary/awaiting-sign-off", test_awaiting_sign_off);
  ADD_STORE_TEST ("/summary/changes-requested", test_changes_requested);
  ADD_STORE_TEST ("/summary/goal-off-track", test_goal_off_track);
  ADD_STORE_TEST ("/summary/overdue-action", test_overdue_action);
  ADD_STORE_TEST ("/summary/approach-risk", test_approach_risk);
  ADD_STORE_TEST ("/summary/unsigned-contract", test_unsigned_contract);
  ADD_STORE_TEST ("/summary/exit-criteria", test_exit_criteria);

  return g_test_run ();
}
