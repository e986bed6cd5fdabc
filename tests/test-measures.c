/* test-measures.c — goals and KPIs, maturity scores, handover
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <math.h>

#include "cp-action.h"
#include "cp-contract.h"
#include "cp-audit-item.h"
#include "cp-exit-item.h"
#include "cp-mentoring.h"
#include "cp-engagement.h"
#include "cp-goal.h"
#include "cp-kpi.h"
#include "cp-maturity.h"
#include "cp-opportunity.h"
#include "cp-test-store.h"
#include "cp-workstream.h"

static void
test_kpi_arithmetic (void)
{
  /* Failed changes a month: from 40 on 1 January down to 10 on 1 July. */
  const char *b = "2026-01-01", *t = "2026-07-01";

  g_assert_cmpfloat_with_epsilon (cp_kpi_expected (40, b, 10, t, "2026-01-01"), 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (cp_kpi_expected (40, b, 10, t, "2026-07-01"), 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (cp_kpi_expected (40, b, 10, t, "2027-01-01"), 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (cp_kpi_expected (40, b, 10, t, "2025-06-01"), 40, 1e-9);
  /* 1 April is 90 of 181 days along the way. */
  g_assert_cmpfloat_with_epsilon (cp_kpi_expected (40, b, 10, t, "2026-04-01"),
                                  40 - 30.0 * 90 / 181, 1e-9);

  /* Expected about 25 by 1 April; 10 % of the 30 to go is the slack. */
  g_assert_cmpint (cp_kpi_track (40, b, 10, t, 24, "2026-04-01"), ==, CP_TRACK_ON_TRACK);
  g_assert_cmpint (cp_kpi_track (40, b, 10, t, 27, "2026-04-01"), ==, CP_TRACK_ON_TRACK);
  g_assert_cmpint (cp_kpi_track (40, b, 10, t, 29, "2026-04-01"), ==, CP_TRACK_OFF_TRACK);
  g_assert_cmpint (cp_kpi_track (40, b, 10, t, 9, "2026-04-01"), ==, CP_TRACK_MET);

  /* Going up: calls answered within target, 70 % to 90 %. */
  g_assert_cmpint (cp_kpi_track (70, b, 90, t, 80, "2026-04-01"), ==, CP_TRACK_ON_TRACK);
  g_assert_cmpint (cp_kpi_track (70, b, 90, t, 72, "2026-04-01"), ==, CP_TRACK_OFF_TRACK);
  g_assert_cmpint (cp_kpi_track (70, b, 90, t, 91, "2026-02-01"), ==, CP_TRACK_MET);

  /* Without a target or dates nothing can be said. */
  g_assert_cmpint (cp_kpi_track (70, b, NAN, t, 80, "2026-04-01"), ==, CP_TRACK_UNKNOWN);
  g_assert_cmpint (cp_kpi_track (70, NULL, 90, t, 80, "2026-04-01"), ==, CP_TRACK_UNKNOWN);
  g_assert_cmpint (cp_kpi_track (70, b, 90, t, NAN, "2026-04-01"), ==, CP_TRACK_UNKNOWN);
}

static void
test_goals (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = cp_store_create_engagement (f->store, "Measured", CP_APPROACH_COACHED,
                                                          NULL);
  g_autoptr(CpGoal) goal = NULL;
  const GArray *readings;
  gint64 id = cp_engagement_get_id (e);

  g_assert_null (cp_engagement_add_goal (e, "  ", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  goal = cp_engagement_add_goal (e, "Failed changes a month", &error);
  g_assert_no_error (error);
  cp_goal_set_unit (goal, "changes");
  g_assert_true (cp_goal_set_baseline (goal, 40, "2026-01-01"));
  g_assert_true (cp_goal_set_target (goal, 10, "2026-07-01"));
  g_assert_false (cp_goal_set_target (goal, 10, "July"));
  g_assert_cmpint (cp_goal_get_track (goal), ==, CP_TRACK_UNKNOWN);

  /* Readings come in any order and are kept in date order. */
  g_assert_true (cp_goal_add_reading (goal, "2026-04-01", 29, &error));
  g_assert_true (cp_goal_add_reading (goal, "2026-03-01", 33, &error));
  g_assert_false (cp_goal_add_reading (goal, "someday", 1, &error));
  g_clear_error (&error);
  g_assert_cmpint (cp_goal_get_track (goal), ==, CP_TRACK_OFF_TRACK);
  g_assert_true (cp_goal_add_reading (goal, "2026-05-01", 20, &error));
  g_assert_cmpint (cp_goal_get_track (goal), ==, CP_TRACK_ON_TRACK);

  g_clear_object (&goal);
  g_clear_object (&e);
  reopen (f);

  e = cp_store_get_engagement (f->store, id, NULL);
  goal = g_list_model_get_item (cp_engagement_get_goals (e, NULL), 0);
  g_assert_cmpstr (cp_goal_get_name (goal), ==, "Failed changes a month");
  g_assert_cmpstr (cp_goal_get_unit (goal), ==, "changes");
  g_assert_cmpfloat (cp_goal_get_baseline_value (goal), ==, 40);
  g_assert_cmpstr (cp_goal_get_target_date (goal), ==, "2026-07-01");
  readings = cp_goal_get_readings (goal, &error);
  g_assert_cmpuint (readings->len, ==, 3);
  g_assert_cmpstr (g_array_index (readings, CpReading, 0).date, ==, "2026-03-01");
  g_assert_cmpfloat (cp_goal_get_latest (goal)->value, ==, 20);
  g_assert_cmpint (cp_goal_get_track (goal), ==, CP_TRACK_ON_TRACK);

  g_assert_true (cp_goal_remove_reading (goal, cp_goal_get_latest (goal)->id, &error));
  g_assert_cmpint (cp_goal_get_track (goal), ==, CP_TRACK_OFF_TRACK);

  g_assert_true (cp_engagement_remove_measure (e, G_OBJECT (goal), &error));
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_goals (e, NULL)), ==, 0);
}

static void
test_maturity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = cp_store_create_engagement (f->store, "Maturity", CP_APPROACH_COACHED,
                                                          NULL);
  g_autoptr(CpMaturity) change = NULL;
  g_autoptr(CpMaturity) knowledge = NULL;
  GListModel *list;
  gint64 id = cp_engagement_get_id (e);

  g_assert_true (cp_engagement_add_standard_practices (e, &error));
  g_assert_true (cp_engagement_add_standard_practices (e, &error));
  list = cp_engagement_get_maturity (e, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);

  knowledge = cp_engagement_add_practice (e, "Knowledge management", &error);
  g_assert_no_error (error);
  /* A practice is scored once per engagement. */
  g_assert_null (cp_engagement_add_practice (e, "Knowledge management", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  change = g_list_model_get_item (list, 0);
  g_assert_cmpstr (cp_maturity_get_practice (change), ==, "Change");
  g_assert_cmpint (cp_maturity_get_baseline_level (change), ==, CP_MATURITY_UNSCORED);
  g_assert_true (cp_maturity_set_baseline (change, 1, "No CAB; changes by e-mail"));
  g_assert_true (cp_maturity_set_review (change, 3, "Weekly CAB with minutes"));
  g_assert_false (cp_maturity_set_review (change, 6, NULL));
  g_assert_cmpstr (cp_maturity_level_name (3), ==, "Defined");

  g_clear_object (&change);
  g_clear_object (&knowledge);
  g_clear_object (&e);
  reopen (f);

  e = cp_store_get_engagement (f->store, id, NULL);
  list = cp_engagement_get_maturity (e, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 7);
  change = g_list_model_get_item (list, 0);
  g_assert_cmpint (cp_maturity_get_baseline_level (change), ==, 1);
  g_assert_cmpint (cp_maturity_get_review_level (change), ==, 3);
  g_assert_cmpstr (cp_maturity_get_review_evidence (change), ==, "Weekly CAB with minutes");
}

static void
test_handover (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = cp_store_create_engagement (f->store, "Handover", CP_APPROACH_COACHED,
                                                          NULL);
  g_autoptr(CpWorkstream) change = NULL;
  g_autoptr(CpWorkstream) incident = NULL;
  g_autoptr(CpWorkstream) reporting = NULL;
  g_autoptr(GArray) history = NULL;
  gint64 id = cp_engagement_get_id (e);

  g_assert_true (isnan (cp_engagement_get_handover (e)));

  change = cp_engagement_add_workstream (e, "Change enablement", &error);
  incident = cp_engagement_add_workstream (e, "Incident management", &error);
  reporting = cp_engagement_add_workstream (e, "Monthly reporting", &error);
  g_assert_no_error (error);
  cp_workstream_set_owner (change, "Priya Raman");

  /* Everyone starts with the coach leading. */
  g_assert_cmpfloat (cp_engagement_get_handover (e), ==, 0.0);

  g_assert_true (cp_workstream_set_stage (change, CP_STAGE_STAFF_WITH_COACH, "2026-10-01", &error));
  g_assert_true (cp_workstream_set_stage (change, CP_STAGE_STAFF_ALONE, "2026-12-01", &error));
  g_assert_true (cp_workstream_set_stage (incident, CP_STAGE_STAFF_WITH_COACH, NULL, &error));
  g_assert_false (cp_workstream_set_stage (reporting, CP_STAGE_STAFF_ALONE, "soon", &error));
  g_clear_error (&error);

  /* (1 + ½ + 0) / 3 */
  g_assert_cmpfloat_with_epsilon (cp_engagement_get_handover (e), 0.5, 1e-9);

  g_clear_object (&change);
  g_clear_object (&incident);
  g_clear_object (&reporting);
  g_clear_object (&e);
  reopen (f);

  e = cp_store_get_engagement (f->store, id, NULL);
  g_assert_cmpfloat_with_epsilon (cp_engagement_get_handover (e), 0.5, 1e-9);
  change = g_list_model_get_item (cp_engagement_get_workstreams (e, NULL), 0);
  g_assert_cmpstr (cp_workstream_get_owner (change), ==, "Priya Raman");
  history = cp_workstream_dup_history (change, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (g_array_index (history, CpHandover, 0).stage, ==, CP_STAGE_STAFF_WITH_COACH);
  g_assert_cmpstr (g_array_index (history, CpHandover, 1).date, ==, "2026-12-01");
}

/* Roles and certification paths: the role a workstream needs held when
 * the coach leaves, who holds it, the path's progress; exit criteria
 * drawn from the roles no one holds, once.
 */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = cp_store_create_engagement (f->store, "Roles", CP_APPROACH_COACHED, NULL);
  g_autoptr(CpWorkstream) change = cp_engagement_add_workstream (e, "Change enablement", &error);
  g_autoptr(CpWorkstream) incident = cp_engagement_add_workstream (e, "Incident management", &error);
  g_autoptr(CpWorkstream) again = NULL;
  GListModel *exit_items;
  guint done;
  gint64 id = cp_engagement_get_id (e);

  g_assert_no_error (error);
  cp_workstream_set_role (change, "Change manager");
  cp_workstream_set_holder (change, "Priya Raman");
  cp_workstream_set_certification (change, "- [x] ITIL 4 Foundation\n"
                                           "  * [ ] ITIL 4 Specialist: Create, Deliver and Support\n"
                                           "\nNotes, not a step\n- \n+ [X] Change practice course\n");
  cp_workstream_set_role (incident, "Incident manager");

  g_assert_cmpuint (cp_certification_count (cp_workstream_get_certification (change), &done), ==, 3);
  g_assert_cmpuint (done, ==, 2);
  g_assert_cmpuint (cp_certification_count ("", &done), ==, 0);
  g_assert_cmpuint (done, ==, 0);

  /* Only the incident manager's role is not held yet. */
  g_assert_true (cp_engagement_add_exit_items_for_roles (e, &error));
  g_assert_no_error (error);
  exit_items = cp_engagement_get_exit_items (e, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (exit_items), ==, 1);
  {
    g_autoptr(CpExitItem) item = g_list_model_get_item (exit_items, 0);

    g_assert_cmpstr (cp_exit_item_get_text (item), ==,
                     "Someone on the client’s staff holds the role of Incident manager (Incident management)");
  }
  g_assert_true (cp_engagement_add_exit_items_for_roles (e, &error));
  g_assert_cmpuint (g_list_model_get_n_items (exit_items), ==, 1);

  g_clear_object (&change);
  g_clear_object (&incident);
  g_clear_object (&e);
  reopen (f);
  e = cp_store_get_engagement (f->store, id, NULL);
  again = g_list_model_get_item (cp_engagement_get_workstreams (e, NULL), 0);
  g_assert_cmpstr (cp_workstream_get_role (again), ==, "Change manager");
  g_assert_cmpstr (cp_workstream_get_holder (again), ==, "Priya Raman");
  g_assert_nonnull (strstr (cp_workstream_get_certification (again), "Change practice course"));
}

/* Who mentors whom: kept, changed, removed. */
static void
test_mentoring (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = cp_store_create_engagement (f->store, "Mentors", CP_APPROACH_COACHED, NULL);
  g_autoptr(CpMentoring) sam = cp_engagement_add_mentoring (e, "Sam Okafor", &error);
  g_autoptr(CpMentoring) tom = cp_engagement_add_mentoring (e, "Tom Becker", &error);
  g_autoptr(CpMentoring) again = NULL;
  GListModel *list;
  gint64 id = cp_engagement_get_id (e);

  g_assert_no_error (error);
  cp_mentoring_set_mentee (sam, "Priya Raman");
  cp_mentoring_set_profile (sam, CP_MENTOR_PROFILE_SYSTEMS_THINKER);
  cp_mentoring_set_format (sam, CP_MENTORING_FORMAT_ONE_ON_ONE);
  cp_mentoring_set_practice (sam, "Change enablement");
  cp_mentoring_set_format (tom, CP_MENTORING_FORMAT_MASS);
  g_assert_true (cp_engagement_remove_measure (e, G_OBJECT (tom), &error));
  g_assert_no_error (error);

  g_clear_object (&sam);
  g_clear_object (&tom);
  g_clear_object (&e);
  reopen (f);
  e = cp_store_get_engagement (f->store, id, NULL);
  list = cp_engagement_get_mentorings (e, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  again = g_list_model_get_item (list, 0);
  g_assert_cmpstr (cp_mentoring_get_mentor (again), ==, "Sam Okafor");
  g_assert_cmpstr (cp_mentoring_get_mentee (again), ==, "Priya Raman");
  g_assert_cmpint (cp_mentoring_get_profile (again), ==, CP_MENTOR_PROFILE_SYSTEMS_THINKER);
  g_assert_cmpint (cp_mentoring_get_format (again), ==, CP_MENTORING_FORMAT_ONE_ON_ONE);
  g_assert_cmpstr (cp_mentoring_get_practice (again), ==, "Change enablement");
}

/* Readiness as a service provider: four characteristics, each scored
 * 0 to 5 with evidence twice; one record each, its id made from the
 * engagement's so that every machine names it the same.
 */
static void
test_readiness (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = cp_store_create_engagement (f->store, "Ready", CP_APPROACH_COACHED, NULL);
  g_auto(CpReadiness) read = { 0 };
  CpReadiness scores = { 2, (char *) "Needs guessed", -1, NULL };
  CpReadiness bad = { 6, NULL, -1, NULL };
  g_autofree char *euuid = cp_engagement_dup_uuid (e, NULL);
  g_autofree char *ruuid = NULL;
  g_autofree char *count = NULL;

  g_assert_true (cp_engagement_get_readiness (e, CP_CHARACTERISTIC_UNDERSTANDING, &read, &error));
  g_assert_cmpint (read.baseline_level, ==, -1);
  g_assert_cmpstr (read.baseline_evidence, ==, "");
  cp_readiness_clear (&read);

  g_assert_true (cp_engagement_set_readiness (e, CP_CHARACTERISTIC_UNDERSTANDING, &scores, &error));
  scores.review_level = 3;
  scores.review_evidence = (char *) "Wards asked each quarter";
  g_assert_true (cp_engagement_set_readiness (e, CP_CHARACTERISTIC_UNDERSTANDING, &scores, &error));
  g_assert_no_error (error);
  g_assert_false (cp_engagement_set_readiness (e, CP_CHARACTERISTIC_SOURCING, &bad, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cp_engagement_get_readiness (e, CP_CHARACTERISTIC_UNDERSTANDING, &read, &error));
  g_assert_cmpint (read.baseline_level, ==, 2);
  g_assert_cmpint (read.review_level, ==, 3);
  g_assert_cmpstr (read.review_evidence, ==, "Wards asked each quarter");
  {
    g_autofree char *summary = cp_readiness_dup_summary (&read);

    g_assert_cmpstr (summary, ==, "Before 2 → after 3");
  }

  count = cp_test_sql_text (f->path, "SELECT count(*) FROM readiness");
  g_assert_cmpstr (count, ==, "1");
  ruuid = cp_test_sql_text (f->path, "SELECT uuid FROM readiness");
  g_assert_true (strncmp (ruuid, euuid, 24) == 0);
  g_assert_cmpstr (ruuid, !=, euuid);
}

/* An ITSM audit: a practice stands at the highest level whose criteria,
 * with all those below it, are met; its result sets the maturity
 * baseline, adding the practice when the scores lack it.
 */
static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = cp_store_create_engagement (f->store, "Audit", CP_APPROACH_COACHED, NULL);
  g_autoptr(CpMaturity) change = cp_engagement_add_practice (e, "Change", &error);
  GListModel *items, *scores;

  g_assert_no_error (error);
  g_assert_cmpint (cp_engagement_get_audit_level (e, "Change"), ==, -1);
  g_assert_true (cp_engagement_audit_practice (e, "Change", &error));
  g_assert_true (cp_engagement_audit_practice (e, "  Problem ", &error));
  g_assert_no_error (error);
  g_assert_false (cp_engagement_audit_practice (e, "Change", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cp_engagement_audit_practice (e, "   ", &error));
  g_clear_error (&error);

  items = cp_engagement_get_audit_items (e, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 10);
  g_assert_cmpint (cp_engagement_get_audit_level (e, "Change"), ==, 0);

  /* Levels 1, 2 and 4 met: it stands at 2, the gap at 3 stops it. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CpAuditItem) item = g_list_model_get_item (items, i);
      int level = cp_audit_item_get_level (item);

      if (g_str_equal (cp_audit_item_get_practice (item), "Change") && (level == 1 || level == 2 || level == 4))
        cp_audit_item_set_met (item, TRUE);
    }
  g_assert_cmpint (cp_engagement_get_audit_level (e, "Change"), ==, 2);

  g_assert_true (cp_engagement_set_baseline_from_audit (e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_maturity_get_baseline_level (change), ==, 2);
  g_assert_cmpstr (cp_maturity_get_baseline_evidence (change), ==, "ITSM audit: 3 of 5 criteria met");
  scores = cp_engagement_get_maturity (e, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (scores), ==, 2);
  {
    g_autoptr(CpMaturity) problem = g_list_model_get_item (scores, 1);

    g_assert_cmpstr (cp_maturity_get_practice (problem), ==, "Problem");
    g_assert_cmpint (cp_maturity_get_baseline_level (problem), ==, 0);
  }
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) a = cp_store_create_engagement (f->store, "Alpha", CP_APPROACH_COACHED, NULL);
  g_autoptr(CpEngagement) b = cp_store_create_engagement (f->store, "Beta", CP_APPROACH_COACHED, NULL);
  g_autoptr(CpEngagement) gone = cp_store_create_engagement (f->store, "Gone", CP_APPROACH_COACHED, NULL);
  g_autoptr(CpAction) report = NULL;
  g_autoptr(CpAction) cab = NULL;
  g_autoptr(CpAction) someday = NULL;
  g_autoptr(CpAction) hidden = NULL;
  g_autoptr(CpAction) first = NULL;
  g_autoptr(GListModel) open = NULL;
  gint64 id = cp_engagement_get_id (a);

  report = cp_engagement_add_action (a, "Send the baseline report to Dana", &error);
  cab = cp_engagement_add_action (b, "Book the first CAB", &error);
  someday = cp_engagement_add_action (a, "Read the supplier contracts", &error);
  hidden = cp_engagement_add_action (gone, "Nobody will see this", &error);
  g_assert_no_error (error);

  cp_action_set_owner (report, "Sam Okafor");
  g_assert_true (cp_action_set_due_on (report, "2026-11-20"));
  g_assert_true (cp_action_set_due_on (cab, "2026-11-10"));
  g_assert_false (cp_action_set_due_on (cab, "next week"));
  g_assert_true (cp_action_set_due_on (hidden, "2026-11-01"));

  g_assert_true (cp_action_is_overdue (report, "2026-11-23"));
  g_assert_false (cp_action_is_overdue (report, "2026-11-20"));
  g_assert_false (cp_action_is_overdue (someday, "2026-11-23"));

  g_assert_true (cp_store_trash_engagement (f->store, gone, &error));

  /* Across engagements, soonest due first; no due date last. */
  open = cp_store_list_open_actions (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 3);
  first = g_list_model_get_item (open, 0);
  g_assert_cmpstr (cp_action_get_text (first), ==, "Book the first CAB");
  g_assert_cmpstr (cp_action_get_engagement_title (first), ==, "Beta");
  g_clear_object (&first);
  g_clear_object (&open);

  g_assert_true (cp_action_set_done (cab, TRUE, &error));
  g_assert_nonnull (cp_action_get_done_on (cab));
  g_assert_false (cp_action_is_overdue (cab, "2027-01-01"));
  open = cp_store_list_open_actions (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 2);
  g_clear_object (&open);

  g_clear_object (&report);
  g_clear_object (&cab);
  g_clear_object (&someday);
  g_clear_object (&hidden);
  g_clear_object (&first);
  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&gone);
  reopen (f);

  a = cp_store_get_engagement (f->store, id, NULL);
  report = g_list_model_get_item (cp_engagement_get_actions (a, NULL), 0);
  g_assert_cmpstr (cp_action_get_text (report), ==, "Send the baseline report to Dana");
  g_assert_cmpstr (cp_action_get_owner (report), ==, "Sam Okafor");
  g_assert_cmpstr (cp_action_get_due_on (report), ==, "2026-11-20");
  g_assert_true (cp_engagement_remove_measure (a, G_OBJECT (report), &error));
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_actions (a, NULL)), ==, 1);
}

static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = cp_store_create_engagement (f->store, "Alpha",
                                                                   CP_APPROACH_COACHED, NULL);
  g_autoptr(CpOpportunity) triage = NULL;
  g_autoptr(CpOpportunity) cab = NULL;
  g_autoptr(CpOpportunity) third = NULL;
  g_autoptr(CpAction) action = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gint64 id = cp_engagement_get_id (engagement);
  GListModel *register_;

  triage = cp_engagement_add_opportunity (engagement, "Triage calls at the first contact", &error);
  g_assert_no_error (error);
  cab = cp_engagement_add_opportunity (engagement, "  Weekly CAB with the business  ", &error);
  g_assert_no_error (error);
  g_assert_null (cp_engagement_add_opportunity (engagement, "   ", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Numbered in turn, raised today, open until done or turned down. */
  g_assert_cmpuint (cp_opportunity_get_number (triage), ==, 1);
  g_assert_cmpuint (cp_opportunity_get_number (cab), ==, 2);
  g_assert_cmpstr (cp_opportunity_get_text (cab, CP_OPPORTUNITY_DESCRIPTION), ==,
                   "Weekly CAB with the business");
  g_assert_cmpstr (cp_opportunity_get_raised_on (triage), ==, today);
  g_assert_cmpint (cp_opportunity_get_status (triage), ==, CP_OPPORTUNITY_RAISED);
  g_assert_true (cp_opportunity_is_open (triage));

  cp_opportunity_set_text (triage, CP_OPPORTUNITY_KPI, "First-contact resolution");
  cp_opportunity_set_text (triage, CP_OPPORTUNITY_JUSTIFICATION, "Half of all calls are passed on");
  cp_opportunity_set_text (triage, CP_OPPORTUNITY_RAISED_BY, "Priya Raman");
  cp_opportunity_set_text (triage, CP_OPPORTUNITY_ACTIONED_BY, "Service desk lead");
  cp_opportunity_set_text (triage, CP_OPPORTUNITY_TIMESCALE, "Three months");
  cp_opportunity_set_size (triage, CP_SIZE_LARGE);
  cp_opportunity_set_priority (triage, CP_PRIORITY_HIGH);
  cp_opportunity_set_status (triage, CP_OPPORTUNITY_IN_PROGRESS);
  g_assert_true (cp_opportunity_set_raised_on (triage, "2026-09-14"));
  g_assert_false (cp_opportunity_set_raised_on (triage, NULL));
  g_assert_false (cp_opportunity_set_raised_on (triage, "2026-02-30"));
  g_assert_true (cp_opportunity_set_required_by (triage, "2026-12-15"));
  g_assert_false (cp_opportunity_set_required_by (triage, "soon"));
  g_assert_true (cp_opportunity_set_required_by (cab, NULL));
  cp_opportunity_set_status (cab, CP_OPPORTUNITY_REJECTED);
  g_assert_false (cp_opportunity_is_open (cab));

  /* Search reads every text field, any case, and the number. */
  g_assert_true (cp_opportunity_matches (triage, "first CONTACT"));
  g_assert_true (cp_opportunity_matches (triage, "priya"));
  g_assert_true (cp_opportunity_matches (triage, "#1"));
  g_assert_false (cp_opportunity_matches (triage, "#2"));
  g_assert_false (cp_opportunity_matches (triage, "first cab"));
  g_assert_true (cp_opportunity_matches (cab, ""));

  /* An action comes from the triage opportunity. */
  action = cp_engagement_add_action (engagement, "Write the triage script", &error);
  g_assert_no_error (error);
  cp_action_set_opportunity_id (action, cp_opportunity_get_id (triage));

  g_clear_object (&triage);
  g_clear_object (&cab);
  g_clear_object (&action);
  g_clear_object (&engagement);
  reopen (f);

  engagement = cp_store_get_engagement (f->store, id, NULL);
  register_ = cp_engagement_get_opportunities (engagement, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (register_), ==, 2);
  triage = g_list_model_get_item (register_, 0);
  g_assert_cmpstr (cp_opportunity_get_text (triage, CP_OPPORTUNITY_KPI), ==, "First-contact resolution");
  g_assert_cmpstr (cp_opportunity_get_text (triage, CP_OPPORTUNITY_ACTIONED_BY), ==, "Service desk lead");
  g_assert_cmpstr (cp_opportunity_get_text (triage, CP_OPPORTUNITY_TIMESCALE), ==, "Three months");
  g_assert_cmpint (cp_opportunity_get_size (triage), ==, CP_SIZE_LARGE);
  g_assert_cmpint (cp_opportunity_get_priority (triage), ==, CP_PRIORITY_HIGH);
  g_assert_cmpint (cp_opportunity_get_status (triage), ==, CP_OPPORTUNITY_IN_PROGRESS);
  g_assert_cmpstr (cp_opportunity_get_raised_on (triage), ==, "2026-09-14");
  g_assert_cmpstr (cp_opportunity_get_required_by (triage), ==, "2026-12-15");
  cab = g_list_model_get_item (register_, 1);
  g_assert_null (cp_opportunity_get_required_by (cab));
  g_assert_cmpint (cp_opportunity_get_status (cab), ==, CP_OPPORTUNITY_REJECTED);
  action = g_list_model_get_item (cp_engagement_get_actions (engagement, NULL), 0);
  g_assert_cmpint (cp_action_get_opportunity_id (action), ==, cp_opportunity_get_id (triage));

  /* Taking an opportunity out lets go of its actions, which still save. */
  g_assert_true (cp_engagement_remove_measure (engagement, G_OBJECT (triage), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_action_get_opportunity_id (action), ==, 0);
  cp_action_set_owner (action, "Tom Becker");
  g_assert_true (cp_store_flush (f->store, &error));
  g_assert_no_error (error);

  /* The next number follows the highest, not the count. */
  third = cp_engagement_add_opportunity (engagement, "Known-error database", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_opportunity_get_number (third), ==, 3);
}

static void
test_contract (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = cp_store_create_engagement (f->store, "Alpha",
                                                                   CP_APPROACH_COACHED, NULL);
  g_autoptr(CpGoal) goal = NULL;
  g_autoptr(CpContract) first = NULL;
  g_autoptr(CpContract) again = NULL;
  g_autoptr(CpContract) second = NULL;
  char *sql_error = NULL;
  gint64 id = cp_engagement_get_id (engagement);
  GListModel *versions;

  cp_engagement_set_coach (engagement, "Sam Okafor");
  cp_engagement_set_sponsor (engagement, "Dana Whitfield");
  goal = cp_engagement_add_goal (engagement, "First-contact resolution", &error);
  g_assert_no_error (error);
  cp_goal_set_unit (goal, "%");
  g_assert_true (cp_goal_set_baseline (goal, 48, "2026-09-01"));
  g_assert_true (cp_goal_set_target (goal, 70, "2027-03-01"));

  /* The first draft starts from the goals, coach and sponsor. */
  first = cp_engagement_get_draft_contract (engagement, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_contract_get_version (first), ==, 1);
  g_assert_false (cp_contract_is_signed (first));
  g_assert_cmpstr (cp_contract_get_text (first, CP_CONTRACT_GOALS), ==,
                   "- First-contact resolution: 70% by 2027-03-01\n");
  g_assert_cmpstr (cp_contract_get_text (first, CP_CONTRACT_MEASURES), ==,
                   "- First-contact resolution, from a baseline of 48% on 2026-09-01\n");
  g_assert_cmpstr (cp_contract_get_text (first, CP_CONTRACT_COACH), ==, "Sam Okafor");
  g_assert_cmpstr (cp_contract_get_text (first, CP_CONTRACT_SPONSOR), ==, "Dana Whitfield");

  /* Asking again gives the same draft. */
  again = cp_engagement_get_draft_contract (engagement, &error);
  g_assert_true (again == first);
  g_clear_object (&again);

  /* Signing needs all three. */
  g_assert_false (cp_contract_sign (first, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cp_contract_is_signed (first));

  g_assert_true (cp_contract_set_text (first, CP_CONTRACT_CLIENT_LEAD, "Priya Raman"));
  g_assert_true (cp_contract_sign (first, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cp_contract_get_signed_on (first));

  /* Signed is frozen, here and in the database. */
  g_assert_false (cp_contract_set_text (first, CP_CONTRACT_GOALS, "Something else"));
  g_assert_false (cp_contract_sign (first, &error));
  g_clear_error (&error);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    sqlite3_busy_timeout (db, 5000);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE contract SET goals = 'x'", NULL, NULL, &sql_error),
                     ==, SQLITE_CONSTRAINT);
    g_assert_cmpstr (sql_error, ==, "a signed contract does not change");
    sqlite3_free (sql_error);
    sqlite3_close (db);
  }

  /* A change makes version 2, a copy of version 1 until edited. */
  second = cp_engagement_get_draft_contract (engagement, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_contract_get_version (second), ==, 2);
  g_assert_cmpstr (cp_contract_get_text (second, CP_CONTRACT_CLIENT_LEAD), ==, "Priya Raman");
  g_assert_true (cp_contract_set_text (second, CP_CONTRACT_GOALS,
                                       "- First-contact resolution: 75% by 2027-03-01\n"));

  g_clear_object (&first);
  g_clear_object (&second);
  g_clear_object (&goal);
  g_clear_object (&engagement);
  reopen (f);

  engagement = cp_store_get_engagement (f->store, id, NULL);
  versions = cp_engagement_get_contracts (engagement, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  first = g_list_model_get_item (versions, 0);
  second = g_list_model_get_item (versions, 1);
  g_assert_true (cp_contract_is_signed (first));
  g_assert_cmpstr (cp_contract_get_text (first, CP_CONTRACT_GOALS), ==,
                   "- First-contact resolution: 70% by 2027-03-01\n");
  g_assert_false (cp_contract_is_signed (second));
  g_assert_cmpstr (cp_contract_get_text (second, CP_CONTRACT_GOALS), ==,
                   "- First-contact resolution: 75% by 2027-03-01\n");
}

static void
test_exit_checklist (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = cp_store_create_engagement (f->store, "Alpha",
                                                                   CP_APPROACH_COACHED, NULL);
  g_autoptr(CpWorkstream) stream = NULL;
  g_autoptr(CpExitItem) extra = NULL;
  gint64 id = cp_engagement_get_id (engagement);
  GListModel *items;
  guint n;

  /* No criteria, not ready. */
  g_assert_false (cp_engagement_is_ready_for_exit (engagement));

  g_assert_true (cp_engagement_add_standard_exit_items (engagement, &error));
  g_assert_no_error (error);
  items = cp_engagement_get_exit_items (engagement, &error);
  n = g_list_model_get_n_items (items);
  g_assert_cmpuint (n, ==, 6);

  /* The usual ones are only added once; an own one joins them. */
  g_assert_true (cp_engagement_add_standard_exit_items (engagement, &error));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n);
  extra = cp_engagement_add_exit_item (engagement, "The CAB chair has run three CABs alone", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CpExitItem) item = g_list_model_get_item (items, i);
      cp_exit_item_set_done (item, TRUE);
      g_assert_nonnull (cp_exit_item_get_done_on (item));
    }

  /* Every criterion ticked, but the coach still leads a workstream. */
  stream = cp_engagement_add_workstream (engagement, "Change enablement", &error);
  g_assert_no_error (error);
  g_assert_false (cp_engagement_is_ready_for_exit (engagement));
  g_assert_true (cp_workstream_set_stage (stream, CP_STAGE_STAFF_ALONE, "2026-11-20", &error));
  g_assert_true (cp_engagement_is_ready_for_exit (engagement));

  cp_exit_item_set_done (extra, FALSE);
  g_assert_null (cp_exit_item_get_done_on (extra));
  g_assert_false (cp_engagement_is_ready_for_exit (engagement));

  g_clear_object (&extra);
  g_clear_object (&stream);
  g_clear_object (&engagement);
  reopen (f);

  engagement = cp_store_get_engagement (f->store, id, NULL);
  items = cp_engagement_get_exit_items (engagement, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 7);
  extra = g_list_model_get_item (items, 6);
  g_assert_cmpstr (cp_exit_item_get_text (extra), ==, "The CAB chair has run three CABs alone");
  g_assert_false (cp_exit_item_get_done (extra));
  cp_exit_item_set_done (extra, TRUE);
  g_assert_true (cp_engagement_is_ready_for_exit (engagement));
  g_assert_true (cp_engagement_remove_measure (engagement, G_OBJECT (extra), &error));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/measures/kpi-arithmetic", test_kpi_arithmetic);
  ADD_STORE_TEST ("/measures/goals", test_goals);
  ADD_STORE_TEST ("/measures/maturity", test_maturity);
  ADD_STORE_TEST ("/measures/handover", test_handover);
  ADD_STORE_TEST ("/measures/roles", test_roles);
  ADD_STORE_TEST ("/measures/mentoring", test_mentoring);
  ADD_STORE_TEST ("/measures/readiness", test_readiness);
  ADD_STORE_TEST ("/measures/audit", test_audit);
  ADD_STORE_TEST ("/measures/actions", test_actions);
  ADD_STORE_TEST ("/measures/register", test_register);
  ADD_STORE_TEST ("/measures/contract", test_contract);
  ADD_STORE_TEST ("/measures/exit-checklist", test_exit_checklist);

  return g_test_run ();
}
