/* test-csip.c — templates, cycles, checklists, approach checks, sign-offs
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-approach.h"
#include "cp-assistant.h"
#include "cp-checklist-item.h"
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-phase.h"
#include "cp-sign-off.h"
#include "cp-store.h"
#include "cp-template.h"
#include "cp-test-store.h"

static CpEngagement *
engagement_with (Fixture    *f,
                 CpApproach  approach)
{
  g_autoptr(GError) error = NULL;
  CpEngagement *e = cp_store_create_engagement (f->store, "CSIP", approach, &error);

  g_assert_no_error (error);

  return e;
}

static CpPhase *
phase_at (CpCycle *cycle,
          guint    position)
{
  GListModel *phases = cp_cycle_get_phases (cycle, NULL);

  g_assert_nonnull (phases);

  return g_list_model_get_item (phases, position);
}

static CpChecklistItem *
item_at (CpPhase *phase,
         guint    position)
{
  GListModel *items = cp_phase_get_items (phase, NULL);

  g_assert_nonnull (items);

  return g_list_model_get_item (items, position);
}

/* The index of the item with @text in @phase, or -1. */
static int
find_text (CpPhase    *phase,
           const char *text)
{
  GListModel *items = cp_phase_get_items (phase, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CpChecklistItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (cp_checklist_item_get_text (item), text) == 0)
        return i;
    }

  return -1;
}

static void
test_templates (void)
{
  GListModel *all = cp_template_get_all ();
  CpTemplate *csi, *itil4, *seven;
  static const char *csi_phases[] = {
    "What is the vision?", "Where are we now?", "Where do we want to be?",
    "How do we get there?", "Did we get there?", "How do we keep the momentum going?",
  };
  static const char *seven_phases[] = {
    "Identify the strategy for improvement", "Define what you will measure",
    "Gather the data", "Process the data", "Analyse the information and data",
    "Present and use the information", "Implement improvement",
  };

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);

  csi = cp_template_lookup ("csi-approach");
  itil4 = cp_template_lookup ("itil4-model");
  seven = cp_template_lookup ("seven-step");
  g_assert_nonnull (csi);
  g_assert_nonnull (itil4);
  g_assert_nonnull (seven);
  g_assert_null (cp_template_lookup ("no-such-template"));
  g_assert_true (cp_template_get_default () == csi);

  g_assert_cmpuint (cp_template_get_n_phases (csi), ==, G_N_ELEMENTS (csi_phases));
  for (guint i = 0; i < G_N_ELEMENTS (csi_phases); i++)
    g_assert_cmpstr (cp_template_get_phase_name (csi, i), ==, csi_phases[i]);

  /* The ITIL 4 model: the same questions, with "Take action" before the
   * review.
   */
  g_assert_cmpuint (cp_template_get_n_phases (itil4), ==, 7);
  g_assert_cmpstr (cp_template_get_phase_name (itil4, 3), ==, "How do we get there?");
  g_assert_cmpstr (cp_template_get_phase_name (itil4, 4), ==, "Take action");
  g_assert_cmpstr (cp_template_get_phase_name (itil4, 5), ==, "Did we get there?");
  g_assert_cmpint (cp_template_get_phase_role (itil4, 4), ==, CP_PHASE_ROLE_ACTION);

  g_assert_cmpuint (cp_template_get_n_phases (seven), ==, G_N_ELEMENTS (seven_phases));
  for (guint i = 0; i < G_N_ELEMENTS (seven_phases); i++)
    g_assert_cmpstr (cp_template_get_phase_name (seven, i), ==, seven_phases[i]);

  for (guint t = 0; t < g_list_model_get_n_items (all); t++)
    {
      g_autoptr(CpTemplate) template = g_list_model_get_item (all, t);

      g_assert_cmpuint (strlen (cp_template_get_name (template)), >, 0);
      for (guint p = 0; p < cp_template_get_n_phases (template); p++)
        g_assert_cmpuint (g_strv_length ((GStrv) cp_template_get_phase_checks (template, p)),
                          >=, 2);
    }
}

static void
assert_template_refused (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(CpTemplate) template = cp_template_new_from_bytes (bytes, &error);

  g_assert_null (template);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
}

static void
test_template_refusals (void)
{
  assert_template_refused ("not a key file at all");
  assert_template_refused ("[Template]\nId=x\nName=No phases\n");
  assert_template_refused ("[Template]\nId=x\nName=Bad role\n\n[Phase 1]\nRole=party\nName=P\n");
  assert_template_refused ("[Template]\nId=x\nName=No name\n\n[Phase 1]\nRole=vision\n");
  assert_template_refused ("[Template]\nName=No id\n\n[Phase 1]\nRole=vision\nName=P\n");
}

static void
test_start_each_template (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *all = cp_template_get_all ();
  g_autoptr(CpEngagement) e = engagement_with (f, CP_APPROACH_COACHED);
  gint64 id = cp_engagement_get_id (e);
  guint expected_items[3];

  for (guint t = 0; t < g_list_model_get_n_items (all); t++)
    {
      g_autoptr(CpTemplate) template = g_list_model_get_item (all, t);
      g_autoptr(CpCycle) cycle = NULL;
      g_autoptr(GError) error = NULL;
      guint template_items = 0;

      cycle = cp_engagement_start_cycle (e, template, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (cp_cycle_get_number (cycle), ==, t + 1);
      g_assert_cmpstr (cp_cycle_get_template_id (cycle), ==, cp_template_get_id (template));
      g_assert_cmpint (cp_cycle_get_approach (cycle), ==, CP_APPROACH_COACHED);
      g_assert_true (cp_engagement_get_current_cycle (e) == cycle);

      g_assert_cmpuint (g_list_model_get_n_items (cp_cycle_get_phases (cycle, NULL)), ==,
                        cp_template_get_n_phases (template));
      for (guint p = 0; p < cp_template_get_n_phases (template); p++)
        template_items += g_strv_length ((GStrv) cp_template_get_phase_checks (template, p));

      /* Every template item, plus each of the approach's risk checks. */
      expected_items[t] = template_items + cp_approach_get_n_checks (CP_APPROACH_COACHED);
      g_assert_cmpuint (cp_cycle_get_n_items (cycle), ==, expected_items[t]);
      g_assert_cmpuint (cp_cycle_get_n_done (cycle), ==, 0);
      g_assert_cmpfloat (cp_cycle_get_progress (cycle), ==, 0.0);
    }

  g_clear_object (&e);
  reopen (f);

  e = cp_store_get_engagement (f->store, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_cycles (e, NULL)), ==, 3);
  for (guint t = 0; t < 3; t++)
    {
      g_autoptr(CpCycle) cycle = g_list_model_get_item (cp_engagement_get_cycles (e, NULL), t);
      g_assert_cmpuint (cp_cycle_get_n_items (cycle), ==, expected_items[t]);
    }
}

static void
test_template_change_leaves_cycles (Fixture       *f,
                                    gconstpointer  data)
{
  static const char v1[] =
    "[Template]\nId=mine\nName=Mine\n\n"
    "[Phase 1]\nRole=vision\nName=First\n\n[Phase 1 Check 1]\nText=Original item\n";
  static const char v2[] =
    "[Template]\nId=mine\nName=Mine, revised\n\n"
    "[Phase 1]\nRole=vision\nName=First, renamed\n\n[Phase 1 Check 1]\nText=Revised item\n";
  g_autoptr(GBytes) b1 = g_bytes_new_static (v1, sizeof v1 - 1);
  g_autoptr(GBytes) b2 = g_bytes_new_static (v2, sizeof v2 - 1);
  g_autoptr(CpTemplate) t1 = cp_template_new_from_bytes (b1, NULL);
  g_autoptr(CpTemplate) t2 = cp_template_new_from_bytes (b2, NULL);
  g_autoptr(CpEngagement) e = engagement_with (f, CP_APPROACH_UNDECIDED);
  g_autoptr(CpCycle) c1 = cp_engagement_start_cycle (e, t1, NULL);
  g_autoptr(CpCycle) c2 = NULL;
  g_autoptr(CpPhase) p1 = NULL;
  g_autoptr(CpPhase) p2 = NULL;
  g_autoptr(CpChecklistItem) item = NULL;
  gint64 id = cp_engagement_get_id (e);

  g_assert_nonnull (c1);

  /* The engagement's copy is its own to edit... */
  p1 = phase_at (c1, 0);
  item = item_at (p1, 0);
  cp_checklist_item_set_text (item, "Edited in the engagement");
  g_clear_object (&item);

  /* ...and a revised template only shapes new cycles. */
  c2 = cp_engagement_start_cycle (e, t2, NULL);
  p2 = phase_at (c2, 0);
  g_assert_cmpstr (cp_phase_get_name (p2), ==, "First, renamed");
  g_assert_cmpstr (cp_template_get_phase_checks (t1, 0)[0], ==, "Original item");

  g_clear_object (&p1);
  g_clear_object (&p2);
  g_clear_object (&c1);
  g_clear_object (&c2);
  g_clear_object (&e);
  reopen (f);

  e = cp_store_get_engagement (f->store, id, NULL);
  c1 = g_list_model_get_item (cp_engagement_get_cycles (e, NULL), 0);
  p1 = phase_at (c1, 0);
  g_assert_cmpstr (cp_phase_get_name (p1), ==, "First");
  g_assert_cmpstr (cp_cycle_get_template_name (c1), ==, "Mine");
  item = item_at (p1, 0);
  g_assert_cmpstr (cp_checklist_item_get_text (item), ==, "Edited in the engagement");
}

static void
test_approach_checks (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement_with (f, CP_APPROACH_UNDECIDED);
  g_autoptr(CpCycle) cycle = NULL;
  g_autoptr(CpPhase) review = NULL;
  g_autoptr(CpPhase) momentum = NULL;
  g_autoptr(CpChecklistItem) outside = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  CpApproachChange *change;
  const char *outside_text;
  CpPhaseRole role;
  guint before, added = 99;
  int at;

  cp_engagement_set_approach (e, CP_APPROACH_DO_IT_YOURSELF);
  cycle = cp_engagement_start_cycle (e, cp_template_lookup ("csi-approach"), &error);
  g_assert_no_error (error);

  /* Each risk check sits in the phase with its role. */
  outside_text = cp_approach_get_check (CP_APPROACH_DO_IT_YOURSELF, 1, &role);
  g_assert_cmpint (role, ==, CP_PHASE_ROLE_REVIEW);
  review = phase_at (cycle, 4);
  g_assert_cmpint (cp_phase_get_role (review), ==, CP_PHASE_ROLE_REVIEW);
  at = find_text (review, outside_text);
  g_assert_cmpint (at, >=, 0);
  outside = item_at (review, at);
  g_assert_cmpint (cp_checklist_item_get_source (outside), ==, CP_ITEM_SOURCE_APPROACH);
  g_assert_cmpint (cp_checklist_item_get_approach (outside), ==, CP_APPROACH_DO_IT_YOURSELF);
  g_assert_true (cp_checklist_item_set_done (outside, TRUE, "Sam", &error));

  /* The organisation matures into coaching: the new checks come in, the
   * old ones — ticked or not — stay.
   */
  before = cp_cycle_get_n_items (cycle);
  g_assert_true (cp_engagement_change_approach (e, CP_APPROACH_COACHED,
                                                "Staff want to lead, with support", TRUE,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_cycle_get_approach (cycle), ==, CP_APPROACH_COACHED);
  g_assert_cmpuint (cp_cycle_get_n_items (cycle), ==,
                    before + cp_approach_get_n_checks (CP_APPROACH_COACHED));
  g_assert_cmpint (find_text (review, outside_text), ==, at);
  g_assert_true (cp_checklist_item_get_done (outside));

  momentum = phase_at (cycle, 5);
  g_assert_cmpint (find_text (momentum,
                              cp_approach_get_check (CP_APPROACH_COACHED, 3, NULL)), >=, 0);

  /* Adding them again adds nothing. */
  g_assert_true (cp_engagement_add_approach_checks (e, cycle, CP_APPROACH_COACHED, &added, &error));
  g_assert_cmpuint (added, ==, 0);

  history = cp_engagement_dup_approach_history (e, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  change = g_ptr_array_index (history, 0);
  g_assert_cmpint (change->from, ==, CP_APPROACH_UNDECIDED);
  g_assert_cmpint (change->to, ==, CP_APPROACH_DO_IT_YOURSELF);
  change = g_ptr_array_index (history, 1);
  g_assert_cmpint (change->from, ==, CP_APPROACH_DO_IT_YOURSELF);
  g_assert_cmpint (change->to, ==, CP_APPROACH_COACHED);
  g_assert_cmpstr (change->reason, ==, "Staff want to lead, with support");
  g_assert_true (cp_date_is_valid (change->date));
}

static void
test_seven_step_roles (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement_with (f, CP_APPROACH_COACHED);
  g_autoptr(CpCycle) cycle = cp_engagement_start_cycle (e, cp_template_lookup ("seven-step"), NULL);
  CpPhase *plan;

  /* The seven steps have no planning phase: plan checks go to the
   * nearest one.
   */
  plan = cp_cycle_find_phase (cycle, CP_PHASE_ROLE_PLAN);
  g_assert_nonnull (plan);
  g_assert_cmpint (find_text (plan, cp_approach_get_check (CP_APPROACH_COACHED, 1, NULL)), >=, 0);
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement_with (f, CP_APPROACH_UNDECIDED);
  g_autoptr(CpCycle) cycle = cp_engagement_start_cycle (e, cp_template_lookup ("csi-approach"), NULL);
  g_autoptr(CpPhase) vision = phase_at (cycle, 0);
  g_autoptr(CpChecklistItem) a = item_at (vision, 0);
  g_autoptr(CpChecklistItem) b = item_at (vision, 1);
  g_autoptr(CpChecklistItem) mine = NULL;
  g_autoptr(GError) error = NULL;
  guint total = cp_cycle_get_n_items (cycle);
  gint64 id = cp_engagement_get_id (e);

  /* The undecided approach adds no checks: the vision phase has the
   * template's four.
   */
  g_assert_cmpuint (cp_phase_get_n_items (vision), ==, 4);
  g_assert_cmpfloat (cp_phase_get_progress (vision), ==, 0.0);

  g_assert_true (cp_checklist_item_set_done (a, TRUE, "Sam Okafor", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cp_phase_get_n_done (vision), ==, 1);
  g_assert_cmpfloat_with_epsilon (cp_phase_get_progress (vision), 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (cp_cycle_get_progress (cycle), 1.0 / total, 1e-9);
  g_assert_cmpstr (cp_checklist_item_get_done_by (a), ==, "Sam Okafor");
  g_assert_nonnull (cp_checklist_item_get_done_at (a));

  /* Ticking twice counts once; unticking forgets who and when. */
  g_assert_true (cp_checklist_item_set_done (a, TRUE, "Someone else", &error));
  g_assert_cmpuint (cp_phase_get_n_done (vision), ==, 1);
  g_assert_cmpstr (cp_checklist_item_get_done_by (a), ==, "Sam Okafor");
  g_assert_true (cp_checklist_item_set_done (b, TRUE, "Dana", &error));
  g_assert_true (cp_checklist_item_set_done (b, FALSE, "Dana", &error));
  g_assert_null (cp_checklist_item_get_done_by (b));
  g_assert_cmpuint (cp_phase_get_n_done (vision), ==, 1);

  /* An item of the user's own counts like the others. */
  mine = cp_phase_add_item (vision, "Meet the head of operations", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_phase_get_n_items (vision), ==, 5);
  g_assert_cmpfloat_with_epsilon (cp_phase_get_progress (vision), 0.2, 1e-9);
  cp_checklist_item_set_comment (a, "Agreed in the kick-off workshop");

  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&mine);
  g_clear_object (&vision);
  g_clear_object (&cycle);
  g_clear_object (&e);
  reopen (f);

  e = cp_store_get_engagement (f->store, id, NULL);
  cycle = g_object_ref (cp_engagement_get_current_cycle (e));
  vision = phase_at (cycle, 0);
  g_assert_cmpuint (cp_phase_get_n_items (vision), ==, 5);
  g_assert_cmpuint (cp_phase_get_n_done (vision), ==, 1);
  a = item_at (vision, 0);
  g_assert_true (cp_checklist_item_get_done (a));
  g_assert_cmpstr (cp_checklist_item_get_done_by (a), ==, "Sam Okafor");
  g_assert_cmpstr (cp_checklist_item_get_comment (a), ==, "Agreed in the kick-off workshop");
  mine = item_at (vision, 4);
  g_assert_cmpstr (cp_checklist_item_get_text (mine), ==, "Meet the head of operations");
  g_assert_cmpint (cp_checklist_item_get_source (mine), ==, CP_ITEM_SOURCE_USER);

  /* An empty phase is done only when its status says so. */
  g_assert_true (cp_phase_set_status (vision, CP_PHASE_STATUS_IN_PROGRESS, &error));
  g_assert_cmpint (cp_phase_get_status (vision), ==, CP_PHASE_STATUS_IN_PROGRESS);
}

static char *
texts (CpPhase *phase)
{
  GListModel *items = cp_phase_get_items (phase, NULL);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CpChecklistItem) item = g_list_model_get_item (items, i);
      g_string_append_printf (s, "%s%s", i ? "|" : "", cp_checklist_item_get_text (item));
    }

  return g_string_free (s, FALSE);
}

static void
test_edit_reorder_undo (Fixture       *f,
                        gconstpointer  data)
{
  static const char template_text[] =
    "[Template]\nId=abc\nName=ABC\n\n[Phase 1]\nRole=vision\nName=Letters\n\n"
    "[Phase 1 Check 1]\nText=A\n\n[Phase 1 Check 2]\nText=B\n\n"
    "[Phase 1 Check 3]\nText=C\n\n[Phase 1 Check 4]\nText=D\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (template_text, sizeof template_text - 1);
  g_autoptr(CpTemplate) template = cp_template_new_from_bytes (bytes, NULL);
  g_autoptr(CpEngagement) e = engagement_with (f, CP_APPROACH_UNDECIDED);
  g_autoptr(CpCycle) cycle = cp_engagement_start_cycle (e, template, NULL);
  g_autoptr(CpPhase) phase = phase_at (cycle, 0);
  g_autoptr(CpChecklistItem) b = item_at (phase, 1);
  g_autoptr(CpChecklistItem) d = item_at (phase, 3);
  g_autoptr(CpChecklistItem) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  guint position = 0;
  gint64 id = cp_engagement_get_id (e);

  g_assert_true (cp_phase_move_item (phase, d, 0, &error));
  g_assert_cmpstr ((order = texts (phase)), ==, "D|A|B|C");
  g_clear_pointer (&order, g_free);
  g_assert_true (cp_phase_move_item (phase, d, 2, &error));
  g_assert_cmpstr ((order = texts (phase)), ==, "A|B|D|C");
  g_clear_pointer (&order, g_free);

  /* Removing a ticked, commented item and undoing brings it all back. */
  g_assert_true (cp_checklist_item_set_done (b, TRUE, "Priya", &error));
  cp_checklist_item_set_comment (b, "Seen in the change board minutes");
  g_assert_true (cp_phase_remove_item (phase, b, &position, &error));
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (cp_phase_get_n_done (phase), ==, 0);
  g_assert_cmpstr ((order = texts (phase)), ==, "A|D|C");
  g_clear_pointer (&order, g_free);

  back = cp_phase_restore_item (phase, b, position, &error);
  g_assert_no_error (error);
  g_assert_cmpstr ((order = texts (phase)), ==, "A|B|D|C");
  g_clear_pointer (&order, g_free);
  g_assert_true (cp_checklist_item_get_done (back));
  g_assert_cmpstr (cp_checklist_item_get_done_by (back), ==, "Priya");
  g_assert_cmpstr (cp_checklist_item_get_done_at (back), ==, cp_checklist_item_get_done_at (b));
  g_assert_cmpuint (cp_phase_get_n_done (phase), ==, 1);

  /* Removing what is not there is refused. */
  g_assert_false (cp_phase_remove_item (phase, b, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_object (&b);
  g_clear_object (&d);
  g_clear_object (&back);
  g_clear_object (&phase);
  g_clear_object (&cycle);
  g_clear_object (&e);
  reopen (f);

  e = cp_store_get_engagement (f->store, id, NULL);
  phase = phase_at (cp_engagement_get_current_cycle (e), 0);
  g_assert_cmpstr ((order = texts (phase)), ==, "A|B|D|C");
  b = item_at (phase, 1);
  g_assert_cmpstr (cp_checklist_item_get_comment (b), ==, "Seen in the change board minutes");
}

static void
test_sign_off (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement_with (f, CP_APPROACH_COACHED);
  g_autoptr(CpCycle) cycle = cp_engagement_start_cycle (e, cp_template_lookup ("csi-approach"), NULL);
  g_autoptr(CpPhase) phase = phase_at (cycle, 2);
  g_autoptr(CpSignOff) first = NULL;
  g_autoptr(CpSignOff) second = NULL;
  g_autoptr(CpSignOff) refused = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *history;
  gint64 id = cp_engagement_get_id (e);

  g_assert_null (cp_phase_get_latest_sign_off (phase));

  first = cp_phase_sign_off (phase, "Dana Whitfield", "2026-10-01",
                             CP_DECISION_CHANGES_REQUESTED, "Targets need dates", &error);
  g_assert_no_error (error);
  second = cp_phase_sign_off (phase, "Dana Whitfield", "2026-10-15",
                              CP_DECISION_APPROVED, "", &error);
  g_assert_no_error (error);
  g_assert_true (cp_phase_get_latest_sign_off (phase) == second);

  refused = cp_phase_sign_off (phase, "   ", "2026-10-20", CP_DECISION_APPROVED, NULL, &error);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_null (refused);
  g_clear_error (&error);
  refused = cp_phase_sign_off (phase, "Dana", "20 October", CP_DECISION_APPROVED, NULL, &error);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&first);
  g_clear_object (&second);
  g_clear_object (&phase);
  g_clear_object (&cycle);
  g_clear_object (&e);
  reopen (f);

  e = cp_store_get_engagement (f->store, id, NULL);
  phase = phase_at (cp_engagement_get_current_cycle (e), 2);
  history = cp_phase_get_sign_offs (phase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  first = g_list_model_get_item (history, 0);
  g_assert_cmpstr (cp_sign_off_get_reviewer (first), ==, "Dana Whitfield");
  g_assert_cmpstr (cp_sign_off_get_date (first), ==, "2026-10-01");
  g_assert_cmpint (cp_sign_off_get_decision (first), ==, CP_DECISION_CHANGES_REQUESTED);
  g_assert_cmpstr (cp_sign_off_get_comments (first), ==, "Targets need dates");
  g_assert_cmpint (cp_sign_off_get_decision (cp_phase_get_latest_sign_off (phase)), ==,
                   CP_DECISION_APPROVED);

  /* The approach chosen at creation opens the history. */
  {
    g_autoptr(GPtrArray) changes = cp_engagement_dup_approach_history (e, &error);
    CpApproachChange *change;

    g_assert_no_error (error);
    g_assert_cmpuint (changes->len, ==, 1);
    change = g_ptr_array_index (changes, 0);
    g_assert_cmpint (change->from, ==, CP_APPROACH_UNDECIDED);
    g_assert_cmpint (change->to, ==, CP_APPROACH_COACHED);
  }
}

static CpApproach
recommend (const CpAssistantAnswers *answers)
{
  g_autoptr(CpRecommendation) r = cp_assistant_recommend (answers);

  /* A recommendation always comes with its reasons. */
  g_assert_cmpuint (r->reasons->len, >, 0);
  for (guint i = 0; i < r->reasons->len; i++)
    g_test_message ("%s: %s", cp_approach_to_string (r->approach),
                    (const char *) g_ptr_array_index (r->reasons, i));

  return r->approach;
}

static void
test_assistant (void)
{
  /* Few people, used to outsourcing, in a hurry, money to spend. */
  const CpAssistantAnswers outsource = {
    .experience = CP_LEVEL_LOW, .capability = CP_LEVEL_LOW, .capacity = CP_LEVEL_LOW,
    .commitment = CP_LEVEL_MEDIUM, .outsourcing = TRUE,
    .time_pressure = CP_LEVEL_HIGH, .budget = CP_LEVEL_HIGH,
  };
  /* Seasoned, skilled staff who have done it before, no hurry, little money. */
  const CpAssistantAnswers seasoned = {
    .experience = CP_LEVEL_HIGH, .capability = CP_LEVEL_HIGH, .capacity = CP_LEVEL_HIGH,
    .commitment = CP_LEVEL_HIGH, .outsourcing = FALSE,
    .time_pressure = CP_LEVEL_LOW, .budget = CP_LEVEL_LOW, .similar_projects = CP_LEVEL_HIGH,
  };
  /* People but not yet the skills, committed leaders, time pressure. */
  const CpAssistantAnswers capacity_not_capability = {
    .experience = CP_LEVEL_LOW, .capability = CP_LEVEL_MEDIUM, .capacity = CP_LEVEL_HIGH,
    .commitment = CP_LEVEL_HIGH, .outsourcing = FALSE,
    .time_pressure = CP_LEVEL_HIGH, .budget = CP_LEVEL_MEDIUM,
  };
  /* Middling everything: nothing argues strongly, so the lowest risk. */
  const CpAssistantAnswers middling = {
    .experience = CP_LEVEL_MEDIUM, .capability = CP_LEVEL_MEDIUM, .capacity = CP_LEVEL_MEDIUM,
    .commitment = CP_LEVEL_MEDIUM, .outsourcing = FALSE,
    .time_pressure = CP_LEVEL_MEDIUM, .budget = CP_LEVEL_MEDIUM,
  };
  /* No skills or experience, tight money: going alone is warned against. */
  const CpAssistantAnswers green_and_poor = {
    .experience = CP_LEVEL_LOW, .capability = CP_LEVEL_LOW, .capacity = CP_LEVEL_HIGH,
    .commitment = CP_LEVEL_MEDIUM, .outsourcing = FALSE,
    .time_pressure = CP_LEVEL_MEDIUM, .budget = CP_LEVEL_LOW,
  };
  g_autoptr(CpRecommendation) warned = NULL;

  g_assert_cmpint (recommend (&outsource), ==, CP_APPROACH_DONE_TO_YOU);
  g_assert_cmpint (recommend (&seasoned), ==, CP_APPROACH_DO_IT_YOURSELF);
  g_assert_cmpint (recommend (&capacity_not_capability), ==, CP_APPROACH_COACHED);
  g_assert_cmpint (recommend (&middling), ==, CP_APPROACH_COACHED);
  g_assert_cmpint (recommend (&green_and_poor), ==, CP_APPROACH_COACHED);

  warned = cp_assistant_recommend (&green_and_poor);
  g_assert_cmpuint (warned->cautions->len, >, 0);
  g_assert_cmpint (warned->scores[CP_APPROACH_DO_IT_YOURSELF], <,
                   warned->scores[CP_APPROACH_COACHED]);
}

/* The caution among @r's that holds @part, or NULL. */
static const char *
caution_with (CpRecommendation *r,
              const char       *part)
{
  for (guint i = 0; i < r->cautions->len; i++)
    if (strstr (g_ptr_array_index (r->cautions, i), part) != NULL)
      return g_ptr_array_index (r->cautions, i);

  return NULL;
}

static const char *
reason_with (CpRecommendation *r,
             const char       *part)
{
  for (guint i = 0; i < r->reasons->len; i++)
    if (strstr (g_ptr_array_index (r->reasons, i), part) != NULL)
      return g_ptr_array_index (r->reasons, i);

  return NULL;
}

/* Each of the domain's rules, one crafted questionnaire each: the
 * recommendation, and the warning it must carry.
 */
static void
test_assistant_domain (void)
{
  /* A tight budget is no reason to go it alone without having done it. */
  const CpAssistantAnswers saving = {
    .experience = CP_LEVEL_MEDIUM, .capability = CP_LEVEL_HIGH, .capacity = CP_LEVEL_HIGH,
    .commitment = CP_LEVEL_MEDIUM, .time_pressure = CP_LEVEL_MEDIUM, .budget = CP_LEVEL_LOW,
    .similar_projects = CP_LEVEL_LOW,
  };
  /* ...unless several similar projects have succeeded before. */
  const CpAssistantAnswers saving_done_before = {
    .experience = CP_LEVEL_MEDIUM, .capability = CP_LEVEL_HIGH, .capacity = CP_LEVEL_HIGH,
    .commitment = CP_LEVEL_MEDIUM, .time_pressure = CP_LEVEL_MEDIUM, .budget = CP_LEVEL_LOW,
    .similar_projects = CP_LEVEL_HIGH,
  };
  /* Few people and an outsourcing culture: done to you, said to be not
   * recommended.
   */
  const CpAssistantAnswers few_and_outsourcing = {
    .experience = CP_LEVEL_MEDIUM, .capability = CP_LEVEL_MEDIUM, .capacity = CP_LEVEL_LOW,
    .commitment = CP_LEVEL_MEDIUM, .outsourcing = TRUE, .time_pressure = CP_LEVEL_MEDIUM,
    .budget = CP_LEVEL_MEDIUM, .similar_projects = CP_LEVEL_MEDIUM,
  };
  /* Capacity without capability: coaching, with its cost to weigh. */
  const CpAssistantAnswers capacity_only = {
    .experience = CP_LEVEL_LOW, .capability = CP_LEVEL_LOW, .capacity = CP_LEVEL_HIGH,
    .commitment = CP_LEVEL_HIGH, .time_pressure = CP_LEVEL_HIGH, .budget = CP_LEVEL_MEDIUM,
    .similar_projects = CP_LEVEL_LOW,
  };
  /* Skilled, but never done it: doing it alone comes with its warning. */
  const CpAssistantAnswers skilled_first_time = {
    .experience = CP_LEVEL_HIGH, .capability = CP_LEVEL_HIGH, .capacity = CP_LEVEL_HIGH,
    .commitment = CP_LEVEL_HIGH, .time_pressure = CP_LEVEL_LOW, .budget = CP_LEVEL_MEDIUM,
    .similar_projects = CP_LEVEL_MEDIUM,
  };
  g_autoptr(CpRecommendation) r = NULL;

  r = cp_assistant_recommend (&saving);
  g_assert_cmpint (r->approach, ==, CP_APPROACH_COACHED);
  g_assert_nonnull (caution_with (r, "false economy"));
  g_assert_nonnull (reason_with (r, "lowest total cost"));
  g_clear_pointer (&r, cp_recommendation_free);

  r = cp_assistant_recommend (&saving_done_before);
  g_assert_cmpint (r->approach, ==, CP_APPROACH_DO_IT_YOURSELF);
  g_assert_null (caution_with (r, "false economy"));
  g_assert_nonnull (reason_with (r, "several similar projects"));
  g_assert_null (caution_with (r, "much higher chance of failure"));
  g_clear_pointer (&r, cp_recommendation_free);

  r = cp_assistant_recommend (&few_and_outsourcing);
  g_assert_cmpint (r->approach, ==, CP_APPROACH_DONE_TO_YOU);
  g_assert_nonnull (caution_with (r, "is not recommended"));
  g_assert_nonnull (reason_with (r, "outsourcing"));
  g_clear_pointer (&r, cp_recommendation_free);

  r = cp_assistant_recommend (&capacity_only);
  g_assert_cmpint (r->approach, ==, CP_APPROACH_COACHED);
  g_assert_nonnull (reason_with (r, "not yet the skills"));
  g_assert_nonnull (caution_with (r, "look expensive"));
  g_clear_pointer (&r, cp_recommendation_free);

  r = cp_assistant_recommend (&skilled_first_time);
  g_assert_cmpint (r->approach, ==, CP_APPROACH_DO_IT_YOURSELF);
  g_assert_nonnull (caution_with (r, "much higher chance of failure"));
  g_clear_pointer (&r, cp_recommendation_free);

  /* The texts say what the domain says. */
  g_assert_cmpstr (cp_approach_get_fit (CP_APPROACH_DONE_TO_YOU), ==,
                   "Chosen most often by the least mature organisations; not recommended.");
  {
    g_auto(GStrv) risks = cp_approach_dup_points (CP_APPROACH_DONE_TO_YOU, CP_APPROACH_RISKS);
    g_auto(GStrv) benefits = cp_approach_dup_points (CP_APPROACH_COACHED, CP_APPROACH_BENEFITS);

    g_assert_true (g_strv_contains ((const char * const *) risks, "The outside experts may solve the wrong problem"));
    g_assert_true (g_strv_contains ((const char * const *) risks, "Staff may not accept processes they had no hand in making"));
    g_assert_true (g_strv_contains ((const char * const *) risks, "A contractor may claim ITSM expertise it does not have"));
    g_assert_true (g_strv_contains ((const char * const *) benefits, "A more agile IT organisation, quicker to respond"));
  }
}

/* A cycle just started can be taken back; only the latest, and the one
 * before is current again with its sign-offs.
 */
static void
test_take_back_cycle (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = cp_store_create_engagement (f->store, "Two cycles", CP_APPROACH_COACHED, NULL);
  g_autoptr(CpCycle) first = cp_engagement_start_cycle (e, cp_template_get_default (), &error);
  g_autoptr(CpCycle) second = NULL;
  g_autoptr(CpPhase) vision = NULL;
  g_autoptr(CpSignOff) sign_off = NULL;

  g_assert_no_error (error);
  vision = g_list_model_get_item (cp_cycle_get_phases (first, NULL), 0);
  sign_off = cp_phase_sign_off (vision, "Dana", "2026-11-30", CP_DECISION_APPROVED, "", &error);
  g_assert_no_error (error);
  second = cp_engagement_start_cycle (e, cp_template_get_default (), &error);
  g_assert_no_error (error);
  g_assert_true (cp_engagement_get_current_cycle (e) == second);

  /* Not the first while the second is there. */
  g_assert_false (cp_engagement_remove_latest_cycle (e, first, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cp_engagement_remove_latest_cycle (e, second, &error));
  g_assert_no_error (error);
  g_assert_true (cp_engagement_get_current_cycle (e) == first);
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_cycles (e, NULL)), ==, 1);

  /* From the disk too: cycle 1 with its sign-off, and cycle 2 gone. */
  g_clear_object (&sign_off);
  g_clear_object (&vision);
  g_clear_object (&first);
  g_clear_object (&second);
  {
    gint64 id = cp_engagement_get_id (e);
    g_autoptr(CpEngagement) again = NULL;
    g_autoptr(CpCycle) cycle = NULL;
    g_autoptr(CpPhase) phase = NULL;

    g_clear_object (&e);
    reopen (f);
    again = cp_store_get_engagement (f->store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_cycles (again, NULL)), ==, 1);
    cycle = g_list_model_get_item (cp_engagement_get_cycles (again, NULL), 0);
    g_assert_cmpuint (cp_cycle_get_number (cycle), ==, 1);
    phase = g_list_model_get_item (cp_cycle_get_phases (cycle, NULL), 0);
    g_assert_nonnull (cp_phase_get_latest_sign_off (phase));
    g_clear_object (&phase);
    g_clear_object (&cycle);
    g_clear_object (&again);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/shipped", test_templates);
  g_test_add_func ("/template/refusals", test_template_refusals);
  g_test_add_func ("/assistant/recommendations", test_assistant);
  g_test_add_func ("/assistant/domain", test_assistant_domain);
  ADD_STORE_TEST ("/cycle/start-each-template", test_start_each_template);
  ADD_STORE_TEST ("/cycle/template-change-leaves-cycles", test_template_change_leaves_cycles);
  ADD_STORE_TEST ("/cycle/approach-checks", test_approach_checks);
  ADD_STORE_TEST ("/cycle/seven-step-roles", test_seven_step_roles);
  ADD_STORE_TEST ("/phase/progress", test_progress);
  ADD_STORE_TEST ("/phase/edit-reorder-undo", test_edit_reorder_undo);
  ADD_STORE_TEST ("/phase/sign-off", test_sign_off);
  ADD_STORE_TEST ("/cycle/take-back", test_take_back_cycle);

  return g_test_run ();
}
