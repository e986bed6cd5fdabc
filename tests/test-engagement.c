/* test-engagement.c — engagements, stakeholders, the list model, the sample
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cp-approach.h"
#include "cp-cycle.h"
#include "cp-phase.h"
#include "cp-sign-off.h"
#include "cp-engagement.h"
#include "cp-engagement-list.h"
#include "cp-session.h"
#include "cp-stakeholder.h"
#include "cp-store.h"
#include "cp-test-store.h"

static CpEngagement *
create (Fixture    *f,
        const char *title)
{
  g_autoptr(GError) error = NULL;
  CpEngagement *engagement = cp_store_create_engagement (f->store, title,
                                                         CP_APPROACH_UNDECIDED, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engagement);

  return engagement;
}

static void
test_fields_persist (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CpEngagement) e = create (f, "Change enablement");
  g_autoptr(GError) error = NULL;
  /* Quotes and SQL in a value are only ever data. */
  const char *client = "O'Brien & Co'; DROP TABLE engagement; --";
  gint64 id = cp_engagement_get_id (e);

  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (cp_engagement_get_title (e), ==, "Change enablement");
  g_assert_cmpint (cp_engagement_get_approach (e), ==, CP_APPROACH_UNDECIDED);
  g_assert_cmpint (cp_engagement_get_status (e), ==, CP_STATUS_PLANNED);
  g_assert_nonnull (cp_engagement_get_created (e));

  cp_engagement_set_client (e, client);
  cp_engagement_set_sponsor (e, "Dana Whitfield");
  cp_engagement_set_coach (e, "Sam Okafor");
  cp_engagement_set_scope (e, "## Scope\n\n- change\n- incident\n");
  cp_engagement_set_approach (e, CP_APPROACH_DO_IT_YOURSELF);
  cp_engagement_set_driver (e, CP_DRIVER_STRATEGY);
  cp_engagement_set_status (e, CP_STATUS_ACTIVE);
  g_assert_true (cp_engagement_set_start_date (e, "2026-09-07"));
  g_assert_true (cp_engagement_set_end_date (e, "2027-06-30"));

  /* Impossible dates are refused and change nothing. */
  g_assert_false (cp_engagement_set_end_date (e, "2027-02-30"));
  g_assert_false (cp_engagement_set_end_date (e, "30/06/2027"));
  g_assert_false (cp_engagement_set_end_date (e, "2027-6-30"));
  g_assert_cmpstr (cp_engagement_get_end_date (e), ==, "2027-06-30");

  g_clear_object (&e);
  reopen (f);

  e = cp_store_get_engagement (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_engagement_get_title (e), ==, "Change enablement");
  g_assert_cmpstr (cp_engagement_get_client (e), ==, client);
  g_assert_cmpstr (cp_engagement_get_sponsor (e), ==, "Dana Whitfield");
  g_assert_cmpstr (cp_engagement_get_coach (e), ==, "Sam Okafor");
  g_assert_cmpstr (cp_engagement_get_scope (e), ==, "## Scope\n\n- change\n- incident\n");
  g_assert_cmpint (cp_engagement_get_approach (e), ==, CP_APPROACH_DO_IT_YOURSELF);
  g_assert_cmpint (cp_engagement_get_driver (e), ==, CP_DRIVER_STRATEGY);
  g_assert_cmpint (cp_engagement_get_status (e), ==, CP_STATUS_ACTIVE);
  g_assert_cmpstr (cp_engagement_get_start_date (e), ==, "2026-09-07");
  g_assert_cmpstr (cp_engagement_get_end_date (e), ==, "2027-06-30");

  /* Clearing a date stores no date. */
  g_assert_true (cp_engagement_set_end_date (e, ""));
  g_assert_null (cp_engagement_get_end_date (e));
  g_clear_object (&e);
  reopen (f);
  e = cp_store_get_engagement (f->store, id, &error);
  g_assert_null (cp_engagement_get_end_date (e));
}

static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CpEngagement) a = create (f, "One");
  g_autoptr(CpEngagement) b = cp_store_get_engagement (f->store, cp_engagement_get_id (a), NULL);
  g_autoptr(CpEngagement) missing = NULL;
  g_autoptr(GError) error = NULL;

  /* A page and a list row editing the same engagement share one object. */
  g_assert_true (a == b);

  missing = cp_store_get_engagement (f->store, 999999, &error);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CpEngagement) e = create (f, "Before");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *stored = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT title FROM engagement WHERE id = %"
                                          G_GINT64_FORMAT, cp_engagement_get_id (e));

  cp_engagement_set_title (e, "After");

  /* Edits wait for typing to pause... */
  stored = cp_test_sql_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "Before");
  g_clear_pointer (&stored, g_free);

  /* ...then reach the disk on their own, without a flush. */
  g_timeout_add (1000, quit_cb, loop);
  g_main_loop_run (loop);

  stored = cp_test_sql_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "After");
  g_clear_pointer (&stored, g_free);

  /* A longer delay, as the preferences may set, waits longer. */
  cp_store_set_save_delay (f->store, 5000);
  g_assert_cmpuint (cp_store_get_save_delay (f->store), ==, 5000);
  cp_engagement_set_title (e, "Later");
  g_timeout_add (1000, quit_cb, loop);
  g_main_loop_run (loop);
  stored = cp_test_sql_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "After");
  g_clear_pointer (&stored, g_free);

  /* A flush does not wait. */
  cp_store_flush (f->store, NULL);
  stored = cp_test_sql_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "Later");
}

static void
test_trash_restore_purge (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CpEngagement) keep = create (f, "Keep");
  g_autoptr(CpEngagement) gone = create (f, "Gone");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 gone_id = cp_engagement_get_id (gone);
  g_autoptr(CpStakeholder) s = NULL;
  g_autofree char *count = NULL;

  s = cp_engagement_add_stakeholder (gone, "Priya", "Change manager", "", &error);
  g_assert_no_error (error);

  g_assert_true (cp_store_trash_engagement (f->store, gone, &error));
  g_assert_no_error (error);
  g_assert_true (cp_engagement_get_trashed (gone));
  g_assert_cmpuint (cp_store_count_engagements (f->store), ==, 1);

  g_assert_true (cp_store_restore_engagement (f->store, gone, &error));
  g_assert_false (cp_engagement_get_trashed (gone));
  g_assert_cmpuint (cp_store_count_engagements (f->store), ==, 2);

  g_assert_true (cp_store_trash_engagement (f->store, gone, &error));
  g_assert_true (cp_store_purge_trash (f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&s);
  g_clear_object (&gone);

  ids = cp_store_find_engagements (f->store, NULL, CP_STATUS_ANY, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, cp_engagement_get_id (keep));

  /* Its stakeholders went with it. */
  count = cp_test_sql_text (f->path, "SELECT count(*) FROM stakeholder");
  g_assert_cmpstr (count, ==, "0");
  g_assert_null (cp_store_get_engagement (f->store, gone_id, NULL));
}

static void
test_trash_purged_on_next_open (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(CpEngagement) e = create (f, "Deleted, undo never came");
  g_autofree char *count = NULL;

  g_assert_true (cp_store_trash_engagement (f->store, e, NULL));
  g_clear_object (&e);
  reopen (f);

  count = cp_test_sql_text (f->path, "SELECT count(*) FROM engagement");
  g_assert_cmpstr (count, ==, "0");
}

static void
test_stakeholders (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CpEngagement) e = create (f, "People");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStakeholder) a = NULL;
  g_autoptr(CpStakeholder) b = NULL;
  g_autoptr(CpStakeholder) c = NULL;
  g_autoptr(CpStakeholder) first = NULL;
  GListModel *list;
  gint64 id = cp_engagement_get_id (e);

  list = cp_engagement_get_stakeholders (e, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  a = cp_engagement_add_stakeholder (e, "Dana", "Sponsor", "dana@example.org", &error);
  b = cp_engagement_add_stakeholder (e, "Priya", "Process owner", "", &error);
  c = cp_engagement_add_stakeholder (e, "Tom", "Champion", "ext. 4410", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  cp_stakeholder_set_role (b, "Change manager");
  g_assert_true (cp_engagement_remove_stakeholder (e, a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* Removing twice is an error, not a crash. */
  g_assert_false (cp_engagement_remove_stakeholder (e, a, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  g_clear_object (&e);
  reopen (f);

  e = cp_store_get_engagement (f->store, id, &error);
  list = cp_engagement_get_stakeholders (e, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (cp_stakeholder_get_name (first), ==, "Priya");
  g_assert_cmpstr (cp_stakeholder_get_role (first), ==, "Change manager");
}

/* People and relationships: stance, influence, SMO role and a note
 * persist; each change of stance is kept, one a day, and answers where
 * someone stood on a past day.
 */
static void
test_stances (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CpEngagement) e = create (f, "Relationships");
  g_autoptr(CpStakeholder) dana = NULL;
  g_autoptr(CpStakeholder) again = NULL;
  g_autoptr(GArray) stances = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *rows = NULL;
  gint64 id = cp_engagement_get_id (e);

  dana = cp_engagement_add_stakeholder (e, "Dana", "Head of operations", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_stakeholder_get_stance (dana), ==, CP_STANCE_UNSET);

  /* Nothing said yet: no history. */
  stances = cp_stakeholder_dup_stances (dana, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stances->len, ==, 0);
  g_clear_pointer (&stances, g_array_unref);

  cp_stakeholder_set_stance (dana, CP_STANCE_SCEPTIC);
  cp_stakeholder_set_influence (dana, CP_INFLUENCE_HIGH);
  cp_stakeholder_set_smo_role (dana, CP_SMO_ROLE_SERVICE_MANAGER);
  cp_stakeholder_set_note (dana, "Wants fewer *outages*, not more meetings.");
  g_assert_true (cp_store_flush (f->store, &error));
  /* A second change the same day corrects the first. */
  cp_stakeholder_set_stance (dana, CP_STANCE_NEUTRAL);
  g_assert_true (cp_store_flush (f->store, &error));
  rows = cp_test_sql_text (f->path, "SELECT group_concat (stance) FROM stance_change");
  g_assert_cmpstr (rows, ==, "neutral");
  g_clear_pointer (&rows, g_free);
  /* Other fields change no history. */
  cp_stakeholder_set_note (dana, "Wants fewer outages.");
  g_assert_true (cp_store_flush (f->store, &error));
  rows = cp_test_sql_text (f->path, "SELECT count(*) FROM stance_change");
  g_assert_cmpstr (rows, ==, "1");
  g_clear_pointer (&rows, g_free);

  /* An earlier change, as another machine or an older day left it. */
  cp_test_sql_exec (f->path, "INSERT INTO stance_change (stakeholder_id, changed_on, stance) "
                             "SELECT id, '2026-09-01', 'blocker' FROM stakeholder");
  stances = cp_stakeholder_dup_stances (dana, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stances->len, ==, 2);
  g_assert_cmpstr (g_array_index (stances, CpStanceChange, 0).on, ==, "2026-09-01");
  g_assert_cmpint (cp_stakeholder_get_stance_on (stances, "2026-08-31"), ==, CP_STANCE_UNSET);
  g_assert_cmpint (cp_stakeholder_get_stance_on (stances, "2026-09-01"), ==, CP_STANCE_BLOCKER);
  g_assert_cmpint (cp_stakeholder_get_stance_on (stances, "2026-10-20T10:00"), ==, CP_STANCE_BLOCKER);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    today = g_date_time_format (now, "%F");
  }
  g_assert_cmpint (cp_stakeholder_get_stance_on (stances, today), ==, CP_STANCE_NEUTRAL);

  /* Removed and brought back by an undo: all of them, as they were, with
   * their id, history and the sessions they attended.
   */
  {
    g_autoptr(CpStakeholder) priya = cp_engagement_add_stakeholder (e, "Priya", "Change manager", "", &error);
    g_autoptr(CpSession) session = cp_engagement_add_session (e, "2026-10-05T14:00",
                                                              CP_SESSION_KIND_ONE_ON_ONE, &error);
    g_autoptr(CpStakeholder) back = NULL;
    g_autoptr(GArray) attendees = NULL;
    g_autofree char *uuid = cp_test_sql_text (f->path, "SELECT uuid FROM stakeholder WHERE name = 'Dana'");
    g_autofree char *after = NULL;
    GListModel *people = cp_engagement_get_stakeholders (e, NULL);

    g_assert_no_error (error);
    g_assert_true (cp_session_set_attendee (session, cp_stakeholder_get_id (dana), TRUE, &error));
    g_assert_no_error (error);
    cp_stakeholder_set_influence (dana, CP_INFLUENCE_LOW);

    g_assert_true (cp_engagement_remove_stakeholder (e, dana, &error));
    g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
    back = cp_engagement_restore_stakeholder (e, dana, &error);
    g_assert_no_error (error);
    g_assert_nonnull (back);
    g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
    g_assert_true (g_list_model_get_item (people, 0) == (gpointer) back);
    g_object_unref (back);
    g_assert_cmpint (cp_stakeholder_get_influence (back), ==, CP_INFLUENCE_LOW);
    g_assert_cmpstr (cp_stakeholder_get_note (back), ==, "Wants fewer outages.");
    after = cp_test_sql_text (f->path, "SELECT uuid FROM stakeholder WHERE name = 'Dana'");
    g_assert_cmpstr (after, ==, uuid);
    g_clear_pointer (&stances, g_array_unref);
    stances = cp_stakeholder_dup_stances (back, &error);
    g_assert_cmpuint (stances->len, ==, 2);
    attendees = cp_session_dup_attendees (session, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (attendees->len, ==, 1);
    g_assert_cmpint (g_array_index (attendees, gint64, 0), ==, cp_stakeholder_get_id (back));
    /* Only once. */
    g_assert_null (cp_engagement_restore_stakeholder (e, dana, &error));
    g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_true (cp_engagement_remove_stakeholder (e, priya, &error));
  }

  g_clear_object (&dana);
  g_clear_object (&e);
  reopen (f);
  e = cp_store_get_engagement (f->store, id, &error);
  g_assert_no_error (error);
  again = g_list_model_get_item (cp_engagement_get_stakeholders (e, NULL), 0);
  g_assert_cmpint (cp_stakeholder_get_stance (again), ==, CP_STANCE_NEUTRAL);
  g_assert_cmpint (cp_stakeholder_get_influence (again), ==, CP_INFLUENCE_LOW);
  g_assert_cmpint (cp_stakeholder_get_smo_role (again), ==, CP_SMO_ROLE_SERVICE_MANAGER);
  g_assert_cmpstr (cp_stakeholder_get_note (again), ==, "Wants fewer outages.");
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

static CpEngagement *
item (GListModel *model,
      guint       position)
{
  return g_list_model_get_item (model, position);
}

static void
test_list_model (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CpEngagementList) list = cp_engagement_list_new (f->store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(CpEngagement) b = create (f, "Bravo");
  g_autoptr(CpEngagement) d = create (f, "delta");
  g_autoptr(CpEngagement) a = NULL;
  g_autoptr(CpEngagement) first = NULL;
  g_autoptr(GError) error = NULL;
  Change change = { 0 };

  g_assert_true (g_list_model_get_item_type (model) == CP_TYPE_ENGAGEMENT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_null (g_list_model_get_item (model, 2));

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);

  /* A new engagement lands in title order (case does not matter), and
   * the list says exactly where.
   */
  a = create (f, "alpha");
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  first = item (model, 0);
  g_assert_true (first == a);

  cp_engagement_set_client (d, "Northwind Health");
  cp_engagement_set_status (d, CP_STATUS_ACTIVE);
  cp_store_flush (f->store, &error);
  g_assert_no_error (error);

  cp_engagement_list_set_search (list, "northwind");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cp_engagement_list_set_search (list, "  ");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  /* Wildcards are matched literally. */
  cp_engagement_list_set_search (list, "%");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  cp_engagement_list_set_search (list, NULL);

  cp_engagement_list_set_status (list, CP_STATUS_ACTIVE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cp_engagement_list_set_status (list, CP_STATUS_CLOSED);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  cp_engagement_list_set_status (list, CP_STATUS_ANY);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  change.count = 0;
  g_assert_true (cp_store_trash_engagement (f->store, b, &error));
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  g_signal_handlers_disconnect_by_func (model, items_changed_cb, &change);
}

static void
test_list_large (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CpEngagementList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) last = NULL;
  sqlite3 *db = NULL;

  /* Ten thousand engagements written straight into the file. */
  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                 "WHERE i < 10000) INSERT INTO engagement (title, client) "
                                 "SELECT printf('Engagement %05d', i), 'Client ' || (i % 97) FROM n",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->store = cp_store_open (f->path, &error);
  g_assert_no_error (error);

  list = cp_engagement_list_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10000);

  /* Rows are read on demand: asking for the last one reads only it. */
  last = g_list_model_get_item (G_LIST_MODEL (list), 9999);
  g_assert_cmpstr (cp_engagement_get_title (last), ==, "Engagement 10000");

  cp_engagement_list_set_search (list, "Client 5");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, 10000);
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) sample = cp_store_load_sample_on (f->store, CP_TEST_SAMPLE_DAY, &error);
  GListModel *people;
  gint64 id;

  g_assert_no_error (error);
  g_assert_nonnull (sample);
  id = cp_engagement_get_id (sample);
  g_clear_object (&sample);
  reopen (f);

  sample = cp_store_get_engagement (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_engagement_get_title (sample), ==, "Service desk and change improvement");
  g_assert_cmpint (cp_engagement_get_approach (sample), ==, CP_APPROACH_COACHED);
  g_assert_cmpint (cp_engagement_get_driver (sample), ==, CP_DRIVER_OPERATIONAL);
  g_assert_cmpint (cp_engagement_get_status (sample), ==, CP_STATUS_ACTIVE);
  g_assert_cmpstr (cp_engagement_get_start_date (sample), ==, "2026-09-07");
  g_assert_true (g_str_has_prefix (cp_engagement_get_scope (sample), "## Why we are here\n"));

  people = cp_engagement_get_stakeholders (sample, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 4);

  /* Its first cycle is under way, with sign-offs. */
  {
    CpCycle *cycle = cp_engagement_get_current_cycle (sample);
    g_autoptr(CpPhase) vision = NULL;
    g_autoptr(CpPhase) baseline = NULL;
    g_autoptr(GPtrArray) history = cp_engagement_dup_approach_history (sample, &error);

    g_assert_nonnull (cycle);
    g_assert_cmpstr (cp_cycle_get_template_id (cycle), ==, "csi-approach");
    vision = g_list_model_get_item (cp_cycle_get_phases (cycle, NULL), 0);
    baseline = g_list_model_get_item (cp_cycle_get_phases (cycle, NULL), 1);
    g_assert_cmpuint (cp_phase_get_n_done (vision), ==, cp_phase_get_n_items (vision));
    g_assert_cmpint (cp_phase_get_status (vision), ==, CP_PHASE_STATUS_DONE);
    g_assert_cmpuint (g_list_model_get_n_items (cp_phase_get_sign_offs (baseline, NULL)), ==, 2);
    g_assert_cmpint (cp_sign_off_get_decision (cp_phase_get_latest_sign_off (baseline)), ==,
                     CP_DECISION_APPROVED);
    g_assert_cmpuint (cp_cycle_get_n_done (cycle), ==, 12);

    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpstr (((CpApproachChange *) g_ptr_array_index (history, 0))->reason, !=, "");
  }
}

static void
test_approach_texts (void)
{
  for (CpApproach a = CP_APPROACH_DONE_TO_YOU; a <= CP_APPROACH_COACHED; a++)
    {
      const char *nick = cp_approach_to_string (a);
      CpApproach back;

      g_assert_nonnull (nick);
      g_assert_true (cp_approach_from_string (nick, &back));
      g_assert_cmpint (back, ==, a);
      g_assert_cmpuint (strlen (cp_approach_get_name (a)), >, 0);
      g_assert_cmpuint (strlen (cp_approach_get_summary (a)), >, 0);
      g_assert_cmpuint (strlen (cp_approach_get_fit (a)), >, 0);

      for (CpApproachAspect aspect = CP_APPROACH_MOTIVES; aspect <= CP_APPROACH_RISKS; aspect++)
        {
          g_auto(GStrv) points = cp_approach_dup_points (a, aspect);
          g_assert_cmpuint (g_strv_length (points), >=, 2);
        }
    }

  g_assert_cmpstr (cp_approach_to_string (CP_APPROACH_DONE_TO_YOU), ==, "done-to-you");
  g_assert_cmpstr (cp_approach_to_string (CP_APPROACH_DO_IT_YOURSELF), ==, "do-it-yourself");
  g_assert_cmpstr (cp_approach_to_string (CP_APPROACH_COACHED), ==, "coached");

  {
    CpApproach unused;
    g_auto(GStrv) none = cp_approach_dup_points (CP_APPROACH_UNDECIDED, CP_APPROACH_RISKS);

    g_assert_false (cp_approach_from_string ("outsourced", &unused));
    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_STORE_TEST ("/engagement/fields-persist", test_fields_persist);
  ADD_STORE_TEST ("/engagement/identity", test_identity);
  ADD_STORE_TEST ("/engagement/autosave", test_autosave);
  ADD_STORE_TEST ("/engagement/trash-restore-purge", test_trash_restore_purge);
  ADD_STORE_TEST ("/engagement/trash-purged-on-next-open", test_trash_purged_on_next_open);
  ADD_STORE_TEST ("/engagement/stakeholders", test_stakeholders);
  ADD_STORE_TEST ("/engagement/stances", test_stances);
  ADD_STORE_TEST ("/engagement/list-model", test_list_model);
  ADD_STORE_TEST ("/engagement/list-large", test_list_large);
  ADD_STORE_TEST ("/engagement/sample", test_sample);
  g_test_add_func ("/approach/texts", test_approach_texts);

  return g_test_run ();
}
