/* test-calendar.c — sessions and actions to iCalendar and back
 *
 * Real libical on real files: Coachplan's own export read back, and
 * files as Evolution and Outlook write them (tests/data/calendar), with
 * their time zones, recurrences, exceptions, all-day events and folded
 * lines; daylight-saving changes in Berlin and New York; and files a
 * hostile sender would make.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "cp-action.h"
#include "cp-calendar.h"
#include "cp-calendar-file.h"
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-phase.h"
#include "cp-session.h"
#include "cp-stakeholder.h"
#include "cp-template.h"
#include "cp-test-store.h"

static void
set_zone (const char *zone)
{
  g_setenv ("TZ", zone, TRUE);
  tzset ();
}

static CpEngagement *
engagement_with_dates (Fixture    *f,
                       const char *title,
                       const char *from,
                       const char *to)
{
  g_autoptr(GError) error = NULL;
  CpEngagement *e = cp_store_create_engagement (f->store, title, CP_APPROACH_COACHED, &error);

  g_assert_no_error (error);
  g_assert_true (cp_engagement_set_start_date (e, from));
  g_assert_true (cp_engagement_set_end_date (e, to));
  cp_store_flush (f->store, &error);
  g_assert_no_error (error);

  return e;
}

/* Two sessions (one with a phase and people), an action with a due date
 * and one without.
 */
static CpEngagement *
planned (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CpEngagement *e = engagement_with_dates (f, "Service desk", "2026-09-01", "2027-06-30");
  g_autoptr(CpCycle) cycle = cp_engagement_start_cycle (e, cp_template_get_default (), &error);
  g_autoptr(CpPhase) phase = NULL;
  g_autoptr(CpStakeholder) dana = NULL;
  g_autoptr(CpStakeholder) lee = NULL;
  g_autoptr(CpStakeholder) nobody = NULL;
  g_autoptr(GArray) attendees = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CpSession) workshop = NULL;
  g_autoptr(CpSession) call = NULL;
  g_autoptr(CpAction) action = NULL;
  g_autoptr(CpAction) undated = NULL;
  CpSessionPlan plan = { 0 };
  gint64 id;

  g_assert_no_error (error);
  phase = g_list_model_get_item (cp_cycle_get_phases (cycle, NULL), 1);
  dana = cp_engagement_add_stakeholder (e, "Dana Whitfield", "Sponsor", "Dana <dana@client.example>", &error);
  g_assert_no_error (error);
  lee = cp_engagement_add_stakeholder (e, "Lee Park", "Service owner", "lee.park@client.example, +49 30 1234", &error);
  g_assert_no_error (error);
  nobody = cp_engagement_add_stakeholder (e, "Pat", "Analyst", "ext. 42", &error);
  g_assert_no_error (error);
  id = cp_stakeholder_get_id (lee);
  g_array_append_val (attendees, id);
  id = cp_stakeholder_get_id (dana);
  g_array_append_val (attendees, id);
  id = cp_stakeholder_get_id (nobody);
  g_array_append_val (attendees, id);

  plan.starts_at = "2026-10-05T09:30";
  plan.kind = CP_SESSION_KIND_WORKSHOP;
  plan.duration = 180;
  plan.topic = "Where we stand: a baseline of the service desk";
  plan.phase_id = cp_phase_get_id (phase);
  plan.area = CP_COACHING_AREA_CSIP;
  plan.attendees = attendees;
  workshop = cp_engagement_plan_session (e, &plan, &error);
  g_assert_no_error (error);

  call = cp_engagement_add_session (e, "2026-10-12T16:00", CP_SESSION_KIND_REMOTE, &error);
  g_assert_no_error (error);

  action = cp_engagement_add_action (e, "Send the baseline survey", &error);
  g_assert_no_error (error);
  cp_action_set_owner (action, "Lee Park");
  g_assert_true (cp_action_set_due_on (action, "2026-10-09"));
  undated = cp_engagement_add_action (e, "Think about the metrics", &error);
  g_assert_no_error (error);
  cp_store_flush (f->store, &error);
  g_assert_no_error (error);

  return e;
}

static char *
export (CpStore *store,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  char *text = cp_store_export_calendar (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);

  return text;
}

static guint
count (const char *text,
       const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;

  return n;
}

/* The text of @text's component whose lines hold @needle, unfolded. */
static char *
unfolded (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "\r\n ", "", 0);
  g_string_replace (out, "\r\n", "\n", 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static CpEngagement *
reread (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  CpEngagement *e = cp_store_get_engagement (f->store, id, &error);

  g_assert_no_error (error);
  return e;
}

/* The @i-th session, earliest first (the list has the latest first). */
static CpSession *
session_at (CpEngagement *e,
            guint         i)
{
  GListModel *sessions = cp_engagement_get_sessions (e, NULL);

  return g_list_model_get_item (sessions, g_list_model_get_n_items (sessions) - 1 - i);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CpEngagement) e = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *plain = NULL;
  set_zone ("Europe/Berlin");
  e = planned (f);
  first = export (f->store, cp_engagement_get_id (e));
  plain = unfolded (first);

  g_assert_true (g_str_has_prefix (first, "BEGIN:VCALENDAR\r\n"));
  g_assert_cmpuint (count (first, "BEGIN:VEVENT"), ==, 2);
  /* The action with a due date, not the one without. */
  g_assert_cmpuint (count (first, "BEGIN:VTODO"), ==, 1);
  g_assert_cmpuint (count (first, "BEGIN:VTIMEZONE"), ==, 1);
  g_assert_nonnull (strstr (plain, "X-LIC-LOCATION:Europe/Berlin"));
  g_assert_nonnull (strstr (plain, "Europe/Berlin:20261005T093000\n"));
  g_assert_nonnull (strstr (plain, "DURATION:PT3H\n"));
  g_assert_nonnull (strstr (plain, "SUMMARY:Where we stand: a baseline of the service desk — Service desk\n"));
  g_assert_nonnull (strstr (plain, "SUMMARY:Service desk\n"));
  g_assert_nonnull (strstr (plain, "DESCRIPTION:Phase: "));
  g_assert_nonnull (strstr (plain, "X-COACHPLAN-PHASE:1.2\n"));
  /* Attendees with an address, by address; Pat has none. */
  g_assert_nonnull (strstr (plain, "ATTENDEE;CN=Dana Whitfield;ROLE=REQ-PARTICIPANT:mailto:dana@client.example\n"
                                   "ATTENDEE;CN=Lee Park;ROLE=REQ-PARTICIPANT:mailto:lee.park@client.example\n"));
  g_assert_null (strstr (plain, "Pat"));
  g_assert_nonnull (strstr (plain, "DUE;VALUE=DATE:20261009\n"));
  g_assert_nonnull (strstr (plain, "STATUS:NEEDS-ACTION\n"));
  g_assert_cmpuint (count (plain, "SEQUENCE:0\n"), ==, 3);

  /* The UID and the link come from the records' stable ids. */
  g_assert_cmpuint (count (plain, "@coachplan\n"), ==, 3);
  g_assert_cmpuint (count (plain, "URL:coachplan:engagement/"), ==, 3);
  g_assert_cmpuint (count (plain, "/session/"), ==, 4);
  g_assert_cmpuint (count (plain, "/action/"), ==, 2);

  /* The same data gives the same bytes. */
  again = export (f->store, cp_engagement_get_id (e));
  g_assert_cmpstr (first, ==, again);
}

static void
test_sequence_and_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CpEngagement) e = NULL;
  g_autoptr(CpSession) call = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *same = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *still = NULL;

  set_zone ("Europe/Berlin");
  e = planned (f);
  first = export (f->store, cp_engagement_get_id (e));
  g_assert_null (strstr (first, "SEQUENCE:1"));

  call = session_at (e, 1);
  cp_session_set_topic (call, "Check-in");
  cp_store_flush (f->store, &error);
  g_assert_no_error (error);
  changed = export (f->store, cp_engagement_get_id (e));
  g_assert_cmpuint (count (changed, "SEQUENCE:1\r\n"), ==, 1);
  g_assert_cmpuint (count (changed, "SEQUENCE:0\r\n"), ==, 2);
  g_assert_nonnull (strstr (changed, "SUMMARY:Check-in — Service desk"));
  same = export (f->store, cp_engagement_get_id (e));
  g_assert_cmpstr (changed, ==, same);

  /* Deleted after it was exported: sent once more, cancelled. */
  g_assert_true (cp_engagement_remove_session (e, call, &error));
  g_assert_no_error (error);
  cp_store_flush (f->store, &error);
  cancelled = export (f->store, cp_engagement_get_id (e));
  g_assert_cmpuint (count (cancelled, "BEGIN:VEVENT"), ==, 2);
  g_assert_cmpuint (count (cancelled, "STATUS:CANCELLED\r\n"), ==, 1);
  g_assert_cmpuint (count (cancelled, "SEQUENCE:2\r\n"), ==, 1);
  g_assert_nonnull (strstr (cancelled, "SUMMARY:Check-in — Service desk"));
  still = export (f->store, cp_engagement_get_id (e));
  g_assert_cmpstr (cancelled, ==, still);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CpEngagement) e = NULL;
  g_autoptr(CpEngagement) other = NULL;
  g_autoptr(CpSession) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(CpStore) empty = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  CpCalendarImport done;

  set_zone ("Europe/Berlin");
  e = planned (f);
  other = engagement_with_dates (f, "Change enablement", "2026-09-01", "2026-12-31");
  g_object_unref (cp_engagement_add_session (other, "2026-11-02T08:15", CP_SESSION_KIND_ONE_ON_ONE, &error));
  g_assert_no_error (error);
  gone = cp_engagement_add_session (other, "2026-11-03T08:15", CP_SESSION_KIND_REVIEW, &error);
  g_assert_no_error (error);
  cp_store_flush (f->store, &error);
  g_free (export (f->store, 0));
  g_assert_true (cp_engagement_remove_session (other, gone, &error));
  cp_store_flush (f->store, &error);
  g_assert_no_error (error);

  first = export (f->store, 0);
  g_assert_cmpuint (count (first, "BEGIN:VEVENT"), ==, 4);
  g_assert_cmpuint (count (first, "STATUS:CANCELLED"), ==, 1);

  empty = cp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_import_calendar (empty, 0, first, strlen (first), &done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done.added, ==, 4);
  g_assert_cmpuint (done.skipped, ==, 1);
  g_assert_cmpuint (done.people_added, ==, 2);

  second = export (empty, 0);
  g_assert_cmpstr (first, ==, second);

  cp_store_flush (empty, NULL);
  g_clear_object (&empty);
  cp_test_remove_tree (dir);
}

static void
test_changed_in_calendar (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CpEngagement) e = NULL;
  g_autoptr(CpEngagement) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(CpSession) moved = NULL;
  GListModel *sessions;
  CpCalendarImport done;
  gint64 id;

  set_zone ("Europe/Berlin");
  e = planned (f);
  id = cp_engagement_get_id (e);
  first = export (f->store, id);

  /* The workshop moved by a day and renamed in a calendar, which raised
   * its SEQUENCE; its line folded elsewhere.
   */
  edited = g_string_new (first);
  g_assert_cmpuint (g_string_replace (edited, "20261005T093000", "20261006T110000", 0), ==, 1);
  g_string_replace (edited, "\r\n ", "", 0);
  g_assert_cmpuint (g_string_replace (edited, "SUMMARY:Where we stand: a baseline of the service desk — Service desk",
                                      "SUMMARY:Baseline workshop — Service desk", 0), ==, 1);
  g_string_replace (edited, "DURATION:PT3H\r\nSUMMARY:Baseline", "DURATION:PT2H\r\nSUMMARY:Baseline", 0);
  g_assert_cmpuint (g_string_replace (edited, "X-COACHPLAN-PHASE:1.2\r\nSEQUENCE:0", "X-COACHPLAN-PHASE:1.2\r\nSEQUENCE:4", 0), ==, 1);

  g_assert_true (cp_store_import_calendar (f->store, id, edited->str, edited->len, &done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done.added, ==, 0);
  g_assert_cmpuint (done.updated, ==, 1);
  g_assert_cmpuint (done.unchanged, ==, 2);
  g_assert_cmpuint (done.people_added, ==, 0);

  g_clear_object (&e);
  again = cp_store_get_engagement (f->store, id, &error);
  g_assert_no_error (error);
  sessions = cp_engagement_get_sessions (again, &error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);
  moved = session_at (again, 0);
  g_assert_cmpstr (cp_session_get_starts_at (moved), ==, "2026-10-06T11:00");
  g_assert_cmpstr (cp_session_get_topic (moved), ==, "Baseline workshop");
  g_assert_cmpuint (cp_session_get_duration (moved), ==, 120);
  g_assert_cmpint (cp_session_get_kind (moved), ==, CP_SESSION_KIND_WORKSHOP);

  /* The calendar's SEQUENCE stands: the next export does not go back. */
  after = export (f->store, id);
  g_assert_cmpuint (count (after, "SEQUENCE:4\r\n"), ==, 1);
}

/* A read-only database exports too, the same bytes as before. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CpEngagement) e = NULL;
  g_autoptr(CpStore) read_only = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  CpCalendarImport done;
  gint64 id;

  set_zone ("Europe/Berlin");
  e = planned (f);
  id = cp_engagement_get_id (e);
  first = export (f->store, id);
  g_clear_object (&e);
  cp_store_flush (f->store, NULL);
  g_clear_object (&f->store);

  read_only = cp_store_open_full (f->path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  second = export (read_only, id);
  g_assert_cmpstr (first, ==, second);
  g_assert_false (cp_store_import_calendar (read_only, id, first, strlen (first), &done, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_object (&read_only);
  f->store = cp_store_open (f->path, NULL);
}

/* One engagement's export imported into another: its sessions are the
 * other's own, under UIDs of their own, and importing again adds nothing.
 */
static void
test_into_another (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CpEngagement) e = NULL;
  g_autoptr(CpEngagement) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *both = NULL;
  CpCalendarImport done;
  gint64 other_id;

  set_zone ("Europe/Berlin");
  e = planned (f);
  first = export (f->store, cp_engagement_get_id (e));
  other = engagement_with_dates (f, "Copy", "2026-09-01", "2027-06-30");
  other_id = cp_engagement_get_id (other);
  g_clear_object (&other);

  cp_store_import_calendar (f->store, other_id, first, strlen (first), &done, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (done.added, ==, 3);
  g_assert_true (cp_store_import_calendar (f->store, other_id, first, strlen (first), &done, &error));
  g_assert_cmpuint (done.added, ==, 0);
  g_assert_cmpuint (done.unchanged, ==, 3);

  /* Every UID once. */
  both = export (f->store, 0);
  {
    g_autofree char *plain = unfolded (both);
    g_auto(GStrv) lines = g_strsplit (plain, "\n", -1);
    g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
    guint n = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "UID:"))
        {
          g_assert_false (g_hash_table_contains (uids, lines[i]));
          g_hash_table_add (uids, lines[i]);
          n++;
        }
    g_assert_cmpuint (n, ==, 6);
  }
}

/* A calendar's old copy of an event never undoes what was changed here
 * since it was exported; the next export sends the change.
 */
static void
test_stale_copy (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CpEngagement) e = NULL;
  g_autoptr(CpSession) call = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *after = NULL;
  CpCalendarImport done;
  gint64 id;

  set_zone ("Europe/Berlin");
  e = planned (f);
  id = cp_engagement_get_id (e);
  old = export (f->store, id);

  call = session_at (e, 1);
  cp_session_set_topic (call, "Moved and renamed here");
  g_assert_true (cp_session_set_starts_at (call, "2026-10-13T08:00"));
  cp_store_flush (f->store, &error);
  g_assert_no_error (error);
  g_clear_object (&call);
  g_clear_object (&e);

  g_assert_true (cp_store_import_calendar (f->store, id, old, strlen (old), &done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done.updated, ==, 0);
  g_assert_cmpuint (done.added, ==, 0);
  g_assert_cmpuint (done.unchanged, ==, 3);

  e = reread (f, id);
  call = session_at (e, 1);
  g_assert_cmpstr (cp_session_get_topic (call), ==, "Moved and renamed here");
  g_assert_cmpstr (cp_session_get_starts_at (call), ==, "2026-10-13T08:00");
  after = export (f->store, id);
  g_assert_cmpuint (count (after, "SEQUENCE:1\r\n"), ==, 1);
}

static char *
fixture_text (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "calendar", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);

  return text;
}


static void
test_evolution (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CpEngagement) e = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CpCalendarImport done;
  gsize length;
  gint64 id;
  static const struct { const char *at; guint minutes; const char *topic; } want[] = {
    { "2026-11-02T10:00", 60, "Weekly service desk stand-up with the process owners and the team leads of the first line" },
    { "2026-11-09T10:00", 60, NULL },
    /* 16 November is an EXDATE; 23 November moved to the 24th. */
    { "2026-11-24T14:00", 60, "Stand-up moved to Tuesday" },
    { "2026-11-30T10:00", 60, NULL },
    { "2026-12-07T10:00", 60, NULL },
    /* All day, two days. */
    { "2026-12-10T09:00", 960, "Two-day CSI workshop" },
  };

  set_zone ("Europe/Berlin");
  e = engagement_with_dates (f, "Evolution", "2026-10-01", "2027-03-31");
  id = cp_engagement_get_id (e);
  g_clear_object (&e);
  text = fixture_text ("evolution.ics", &length);

  g_assert_true (cp_store_import_calendar (f->store, id, text, length, &done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done.added, ==, G_N_ELEMENTS (want));
  g_assert_cmpuint (done.people_added, ==, 1);

  e = reread (f, id);
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_sessions (e, NULL)), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autoptr(CpSession) s = session_at (e, i);

      g_assert_cmpstr (cp_session_get_starts_at (s), ==, want[i].at);
      g_assert_cmpuint (cp_session_get_duration (s), ==, want[i].minutes);
      if (want[i].topic != NULL)
        g_assert_cmpstr (cp_session_get_topic (s), ==, want[i].topic);
    }
  {
    g_autoptr(CpStakeholder) maria = g_list_model_get_item (cp_engagement_get_stakeholders (e, NULL), 0);
    g_autoptr(CpSession) first = session_at (e, 0);
    g_autoptr(GArray) who = cp_session_dup_attendees (first, NULL);

    g_assert_cmpstr (cp_stakeholder_get_name (maria), ==, "Maria Keller");
    g_assert_cmpstr (cp_stakeholder_get_contact (maria), ==, "maria.keller@client.example");
    g_assert_cmpuint (who->len, ==, 1);
  }

  /* The same file again changes nothing and adds nothing. */
  g_clear_object (&e);
  g_assert_true (cp_store_import_calendar (f->store, id, text, length, &done, &error));
  g_assert_cmpuint (done.added, ==, 0);
  g_assert_cmpuint (done.updated, ==, 0);
  g_assert_cmpuint (done.unchanged, ==, G_N_ELEMENTS (want));
  g_assert_cmpuint (done.people_added, ==, 0);
}

static void
test_outlook (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CpEngagement) e = NULL;
  g_autoptr(CpSession) call = NULL;
  g_autoptr(CpSession) cab = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CpCalendarImport done;
  gsize length;
  gint64 id;

  set_zone ("Europe/Berlin");
  e = engagement_with_dates (f, "Outlook", "2026-10-01", "2027-03-31");
  g_object_unref (cp_engagement_add_stakeholder (e, "Maria Keller", "Process owner",
                                                 "maria.keller@client.example", &error));
  cp_store_flush (f->store, &error);
  g_assert_no_error (error);
  id = cp_engagement_get_id (e);
  g_clear_object (&e);
  text = fixture_text ("outlook.ics", &length);

  g_assert_true (cp_store_import_calendar (f->store, id, text, length, &done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done.added, ==, 2);
  /* Maria is known by her address, whatever its case; Sam is new. */
  g_assert_cmpuint (done.people_added, ==, 1);

  e = reread (f, id);
  /* 9:00 in New York on 4 November (standard time again since the 1st)
   * is 15:00 in Berlin.
   */
  call = session_at (e, 0);
  g_assert_cmpstr (cp_session_get_starts_at (call), ==, "2026-11-04T15:00");
  g_assert_cmpstr (cp_session_get_topic (call), ==, "Call with the sponsor in New York");
  cab = session_at (e, 1);
  g_assert_cmpstr (cp_session_get_starts_at (cab), ==, "2026-12-03T14:00");
  g_assert_cmpuint (cp_session_get_duration (cab), ==, 90);
  g_assert_cmpstr (cp_session_get_topic (cab), ==, "CAB retrospective");
  {
    g_autoptr(GArray) who = cp_session_dup_attendees (cab, NULL);

    g_assert_cmpuint (who->len, ==, 2);
  }
}

/* A weekly event at 10:00 in @event_zone, read in @local_zone, across
 * both daylight-saving changes of March 2026 (8th in America, 29th in
 * Europe).
 */
static void
check_daylight_saving (Fixture            *f,
                       const char         *local_zone,
                       const char         *event_zone,
                       const char * const *want)
{
  g_autoptr(CpEngagement) e = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CpCalendarImport done;
  gint64 id;

  set_zone (local_zone);
  e = engagement_with_dates (f, local_zone, "2026-03-01", "2026-04-30");
  id = cp_engagement_get_id (e);
  g_clear_object (&e);
  text = g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
                          "BEGIN:VEVENT\r\nUID:weekly-%s\r\nDTSTAMP:20260201T000000Z\r\n"
                          "DTSTART;TZID=%s:20260301T100000\r\nDURATION:PT1H\r\n"
                          "RRULE:FREQ=WEEKLY;COUNT=5\r\nSUMMARY:Weekly\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                          event_zone, event_zone);

  g_assert_true (cp_store_import_calendar (f->store, id, text, strlen (text), &done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done.added, ==, 5);

  e = reread (f, id);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(CpSession) s = session_at (e, i);

      g_assert_cmpstr (cp_session_get_starts_at (s), ==, want[i]);
    }
}

static void
test_daylight_saving (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const in_berlin[] = {
    "2026-03-01T16:00", "2026-03-08T15:00", "2026-03-15T15:00", "2026-03-22T15:00", "2026-03-29T16:00",
  };
  static const char * const in_new_york[] = {
    "2026-03-01T04:00", "2026-03-08T05:00", "2026-03-15T05:00", "2026-03-22T05:00", "2026-03-29T04:00",
  };
  g_autoptr(CpEngagement) e = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;

  check_daylight_saving (f, "Europe/Berlin", "America/New_York", in_berlin);
  check_daylight_saving (f, "America/New_York", "Europe/Berlin", in_new_york);

  /* Written in this computer's zone, with its rules. */
  set_zone ("America/New_York");
  e = engagement_with_dates (f, "Written", "2026-03-01", "2026-04-30");
  g_object_unref (cp_engagement_add_session (e, "2026-03-08T10:00", CP_SESSION_KIND_REMOTE, &error));
  g_assert_no_error (error);
  cp_store_flush (f->store, &error);
  text = export (f->store, cp_engagement_get_id (e));
  plain = unfolded (text);
  g_assert_nonnull (strstr (plain, "America/New_York:20260308T100000\n"));
  g_assert_nonnull (strstr (plain, "X-LIC-LOCATION:America/New_York\n"));

  /* Two whole days across the new year: 09:00, sixteen hours. */
  {
    g_autoptr(CpEngagement) year = engagement_with_dates (f, "New year", "2026-12-01", "2027-01-31");
    g_autoptr(CpSession) days = NULL;
    const char *two_days = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
                           "BEGIN:VEVENT\r\nUID:new-year\r\nDTSTAMP:20261201T000000Z\r\n"
                           "DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270102\r\n"
                           "SUMMARY:Retreat\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    CpCalendarImport done;
    gint64 year_id = cp_engagement_get_id (year);

    g_clear_object (&year);
    g_assert_true (cp_store_import_calendar (f->store, year_id, two_days, strlen (two_days), &done, &error));
    g_assert_no_error (error);
    year = reread (f, year_id);
    days = session_at (year, 0);
    g_assert_cmpstr (cp_session_get_starts_at (days), ==, "2026-12-31T09:00");
    g_assert_cmpuint (cp_session_get_duration (days), ==, 16 * 60);
  }
}

static guint
n_sessions (Fixture *f,
            gint64   id)
{
  g_autoptr(CpEngagement) e = reread (f, id);

  return g_list_model_get_n_items (cp_engagement_get_sessions (e, NULL));
}

/* Refused naming @line, changing nothing. */
static void
refused (Fixture    *f,
         gint64      id,
         const char *text,
         gsize       length,
         const char *says)
{
  g_autoptr(GError) error = NULL;
  CpCalendarImport done;
  guint before = n_sessions (f, id);

  g_assert_false (cp_store_import_calendar (f->store, id, text, length, &done, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
  g_assert_cmpuint (n_sessions (f, id), ==, before);
}

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CpEngagement) e = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *evolution = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *many = NULL;
  g_autoptr(GString) broken = NULL;
  CpCalendarImport done;
  gsize length;
  gint64 id;
  const gsize fifty_mb = 50 * 1024 * 1024;

  set_zone ("Europe/Berlin");
  e = engagement_with_dates (f, "Hostile", "2026-01-01", "2030-12-31");
  id = cp_engagement_get_id (e);
  g_clear_object (&e);
  evolution = fixture_text ("evolution.ics", &length);

  /* Invalid UTF-8 on line 47, where the override's summary is. */
  broken = g_string_new (evolution);
  g_string_replace (broken, "Stand-up moved", "Stand-up \xff\xfe moved", 1);
  refused (f, id, broken->str, broken->len, "Line 47: the text is not valid UTF-8");

  /* No END:VCALENDAR. */
  g_string_assign (broken, evolution);
  g_string_replace (broken, "END:VCALENDAR\n", "", 1);
  refused (f, id, broken->str, broken->len, "without END:VCALENDAR for the BEGIN:VCALENDAR on line 1");

  /* An END that does not match. */
  g_string_assign (broken, evolution);
  g_string_replace (broken, "END:VEVENT\nBEGIN:VEVENT\nUID:20261102T080000Z-4711-1000-1-1@evolution.example\nRECURRENCE-ID",
                    "END:VTODO\nBEGIN:VEVENT\nUID:20261102T080000Z-4711-1000-1-1@evolution.example\nRECURRENCE-ID", 1);
  refused (f, id, broken->str, broken->len, "Line 38: END:VTODO where END:VEVENT was expected");

  /* A line that is not iCalendar, and no start. */
  g_string_assign (broken, evolution);
  g_string_replace (broken, "SUMMARY:Two-day", "this is not a property\nSUMMARY:Two-day", 1);
  refused (f, id, broken->str, broken->len, "Line 55: “this is not a property” is not an iCalendar line");
  g_string_assign (broken, evolution);
  g_string_replace (broken, "DTSTART;VALUE=DATE:20261210\n", "", 1);
  refused (f, id, broken->str, broken->len, "Line 50: the event has no valid start");
  refused (f, id, "", 0, "empty");
  refused (f, id, "Hello\n", 6, "Line 1: “Hello” is not an iCalendar line");
  refused (f, id, "\r\nSUMMARY:Hello\r\n", 17, "Line 2: a calendar begins with BEGIN:VCALENDAR");

  /* 50 MB: refused by its size, without reading it as a calendar. */
  huge = g_malloc (fifty_mb + 1);
  memset (huge, 'A', fifty_mb);
  huge[fifty_mb] = '\0';
  refused (f, id, huge, fifty_mb, "a calendar to import can be at most 16.8");

  /* Thousands of recurrences: the first 500, and the import says so. */
  many = g_strdup ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
                   "BEGIN:VEVENT\r\nUID:every-day\r\nDTSTAMP:20260101T000000Z\r\n"
                   "DTSTART:20260101T090000Z\r\nDURATION:PT15M\r\n"
                   "RRULE:FREQ=DAILY;COUNT=100000\r\nSUMMARY:Daily\r\nEND:VEVENT\r\n"
                   "BEGIN:VEVENT\r\nUID:every-second\r\nDTSTAMP:20260101T000000Z\r\n"
                   "DTSTART:20260101T090000Z\r\nDURATION:PT15M\r\n"
                   "RRULE:FREQ=SECONDLY\r\nSUMMARY:Every second\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  g_assert_true (cp_store_import_calendar (f->store, id, many, strlen (many), &done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done.added, ==, 2 * CP_CALENDAR_MAX_OCCURRENCES);
  g_assert_cmpuint (done.capped, ==, 2);

  /* With every engagement, events from elsewhere need one named. */
  {
    g_autoptr(GError) all_error = NULL;

    g_assert_false (cp_store_import_calendar (f->store, 0, evolution, length, &done, &all_error));
    g_assert_nonnull (strstr (all_error->message, "Line 22: the event “Weekly service desk"));
  }
}

static gboolean
give_up_cb (gpointer data)
{
  g_error ("the calendar file was not written after the change");
  return G_SOURCE_REMOVE;
}

/* A subscribed calendar: written whole at once, then again after each
 * change, atomically, and not again when nothing changed.
 */
static void
test_subscribed_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CpEngagement) e = NULL;
  g_autoptr(CpCalendarFile) file = NULL;
  g_autoptr(CpSession) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "coachplan.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GDir) dir = NULL;
  guint give_up;
  GStatBuf before, after;
  guint n_files = 0;

  set_zone ("Europe/Berlin");
  e = planned (f);
  file = cp_calendar_file_new (f->store, path);
  cp_calendar_file_set_delay (file, 10);
  g_assert_true (cp_calendar_file_write_now (file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpuint (count (text, "BEGIN:VEVENT"), ==, 2);

  added = cp_engagement_add_session (e, "2026-11-16T10:00", CP_SESSION_KIND_REVIEW, &error);
  g_assert_no_error (error);
  cp_session_set_topic (added, "Quarterly review");
  give_up = g_timeout_add_seconds (10, give_up_cb, NULL);
  while (count (text, "Quarterly review") == 0)
    {
      g_main_context_iteration (NULL, TRUE);
      g_clear_pointer (&text, g_free);
      g_file_get_contents (path, &text, NULL, NULL);
      text = text ? text : g_strdup ("");
    }
  g_source_remove (give_up);
  g_assert_cmpuint (count (text, "BEGIN:VEVENT"), ==, 3);

  /* Nothing left beside it: it was renamed into place. */
  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 4);  /* the database, its -wal and -shm, and the calendar */

  /* Unchanged, it is not written again. */
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_usleep (20000);
  g_assert_true (cp_calendar_file_write_now (file, &error));
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD_STORE_TEST ("/calendar/export", test_export);
  ADD_STORE_TEST ("/calendar/sequence-and-cancel", test_sequence_and_cancel);
  ADD_STORE_TEST ("/calendar/round-trip", test_round_trip);
  ADD_STORE_TEST ("/calendar/changed-in-calendar", test_changed_in_calendar);
  ADD_STORE_TEST ("/calendar/evolution", test_evolution);
  ADD_STORE_TEST ("/calendar/outlook", test_outlook);
  ADD_STORE_TEST ("/calendar/daylight-saving", test_daylight_saving);
  ADD_STORE_TEST ("/calendar/hostile", test_hostile);
  ADD_STORE_TEST ("/calendar/subscribed-file", test_subscribed_file);
  ADD_STORE_TEST ("/calendar/read-only", test_read_only);
  ADD_STORE_TEST ("/calendar/into-another", test_into_another);
  ADD_STORE_TEST ("/calendar/stale-copy", test_stale_copy);

  return g_test_run ();
}
