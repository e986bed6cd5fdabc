/* test-sync.c — shared engagements brought in step through git
 *
 * Each person has a database of their own: the coach shares the sample
 * engagement, a second coach and the sponsor open it, everyone changes
 * it and syncs. Changes arrive everywhere, conflicts are named and
 * change nothing until settled, nothing the sponsor may not read enters
 * the sponsor's repository, an unreachable repository loses nothing, a
 * sync killed part way leaves the database as before or fully merged,
 * and many rounds of random edits and syncs end with every database
 * holding the same engagement.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cp-checklist-item.h"
#include "cp-cycle.h"
#include "cp-engagement-io.h"
#include "cp-goal.h"
#include "cp-notes-io.h"
#include "cp-phase.h"
#include "cp-provenance.h"
#include "cp-report.h"
#include "cp-share.h"
#include "cp-sign-off.h"
#include "cp-stakeholder.h"
#include "cp-test-cli.h"
#include "cp-test-share.h"

/* One person's Coachplan. */
typedef struct
{
  const char   *name;
  const char   *email;
  char         *path;
  CpStore      *store;
  gint64        id;
  CpEngagement *e;
  gboolean      borrowed;   /* the fixture's store */
} Seat;

static void
seat_clear (Seat *s)
{
  g_clear_object (&s->e);
  if (s->borrowed)
    s->store = NULL;
  if (s->store != NULL)
    {
      cp_store_flush (s->store, NULL);
      g_assert_finalize_object (s->store);
      s->store = NULL;
    }
  g_clear_pointer (&s->path, g_free);
}

static void
seat_open (Seat       *s,
           Fixture    *f,
           const char *file,
           const char *name,
           const char *email)
{
  g_autoptr(GError) error = NULL;

  s->name = name;
  s->email = email;
  s->path = g_build_filename (f->dir, file, NULL);
  s->store = cp_store_open (s->path, &error);
  g_assert_no_error (error);
}

/* The engagement as the database holds it now. */
static void
seat_reload (Seat *s)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&s->e);
  s->e = cp_store_get_engagement (s->store, s->id, &error);
  g_assert_no_error (error);
}

static void
seat_clone (Seat       *s,
            const char *remote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = cp_share_clone (s->store, remote, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  s->id = g_array_index (ids, gint64, 0);
  seat_reload (s);
}

static CpSyncResult *
seat_sync (Seat          *s,
           CpMergePrefer  prefer)
{
  g_autoptr(GError) error = NULL;
  CpSyncResult *result;

  g_assert_true (cp_store_flush (s->store, &error));
  result = cp_share_sync (s->e, s->name, s->email, NULL, prefer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  if (result->merged)
    seat_reload (s);

  return result;
}

static void
seat_sync_clean (Seat *s)
{
  g_autoptr(CpSyncResult) result = seat_sync (s, CP_MERGE_ASK);

  g_assert_cmpint (result->state, ==, CP_SHARE_UP_TO_DATE);
}

static GPtrArray *
seat_files (Seat       *s,
            CpAudience  audience)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *files = cp_engagement_export_prepare_for (s->e, audience, &error);

  g_assert_no_error (error);

  return files;
}

/* Every file of the folder, as one text to compare and search. */
static char *
seat_text (Seat       *s,
           CpAudience  audience)
{
  g_autoptr(GPtrArray) files = seat_files (s, audience);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < files->len; i++)
    {
      CpExportFile *file = g_ptr_array_index (files, i);

      g_string_append_printf (text, "== %s\n", file->name);
      g_string_append_len (text, file->contents, file->length);
    }

  return g_string_free (text, FALSE);
}

static GObject *
item (GListModel *model,
      guint       i)
{
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, i);

  return g_list_model_get_item (model, i);
}

static CpPhase *
phase (CpEngagement *e,
       guint         cycle,
       guint         number)
{
  g_autoptr(CpCycle) c = CP_CYCLE (item (cp_engagement_get_cycles (e, NULL), cycle));

  return CP_PHASE (item (cp_cycle_get_phases (c, NULL), number));
}

static CpGoal *
goal (CpEngagement *e,
      guint         i)
{
  return CP_GOAL (item (cp_engagement_get_goals (e, NULL), i));
}

static void
add_note (CpEngagement *e,
          const char   *body,
          CpVisibility  visibility)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNote) note = cp_engagement_add_note (e, NULL, body, &error);

  g_assert_no_error (error);
  cp_note_set_visibility (note, visibility);
}

static char *
bare_repository (Fixture    *f,
                 const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* The coach shares the sample engagement; @audience reads it. */
static void
coach_shares (Fixture    *f,
              Seat       *coach,
              const char *remote,
              CpAudience  audience)
{
  g_autoptr(GError) error = NULL;

  coach->name = "Sam Okafor";
  coach->email = "sam@example.org";
  coach->path = g_strdup (f->path);
  coach->store = f->store;
  coach->borrowed = TRUE;
  coach->e = coach_engagement (f->store);
  coach->id = cp_engagement_get_id (coach->e);
  g_assert_true (cp_share_engagement (coach->e, remote, audience, coach->name, coach->email, &error));
  g_assert_no_error (error);
}

/* The coach ticks items and edits a goal while the sponsor signs phase
 * 1.1 off and writes a note; both sync twice, and both databases then
 * export the same folder. What the sponsor may not read never enters
 * the repository, even after a shared note is narrowed and edited.
 */
static void
test_coach_and_sponsor (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *remote = bare_repository (f, "sponsor.git");
  Seat coach = { 0 }, sponsor = { 0 };

  coach_shares (f, &coach, remote, CP_AUDIENCE_SPONSOR);
  seat_open (&sponsor, f, "sponsor.db", "Dana Whitfield", "dana@example.org");
  seat_clone (&sponsor, remote);

  {
    g_autoptr(CpPhase) vision = phase (coach.e, 0, 0);
    g_autoptr(CpChecklistItem) first = CP_CHECKLIST_ITEM (item (cp_phase_get_items (vision, NULL), 0));
    g_autoptr(CpChecklistItem) second = CP_CHECKLIST_ITEM (item (cp_phase_get_items (vision, NULL), 1));
    g_autoptr(CpGoal) target = goal (coach.e, 0);

    g_assert_true (cp_checklist_item_set_done (first, !cp_checklist_item_get_done (first), coach.name,
                                               &error));
    g_assert_true (cp_checklist_item_set_done (second, !cp_checklist_item_get_done (second), coach.name,
                                               &error));
    g_assert_no_error (error);
    g_assert_true (cp_goal_set_target (target, 88, "2027-05-31"));
  }
  /* The sponsor signs phase 1.1 off in their own Coachplan; the coach
   * records the sponsor's review of 1.2, given in a meeting.
   */
  cp_store_set_author (sponsor.store, sponsor.name);
  cp_store_set_author (coach.store, coach.name);
  {
    g_autoptr(CpPhase) baseline = phase (coach.e, 0, 1);
    g_autoptr(CpSignOff) sign_off = cp_phase_sign_off (baseline, "Dana Whitfield", "2026-11-29",
                                                       CP_DECISION_APPROVED, "Said in the meeting", &error);

    g_assert_no_error (error);
  }
  {
    g_autoptr(CpPhase) vision = phase (sponsor.e, 0, 0);
    g_autoptr(CpSignOff) sign_off = cp_phase_sign_off (vision, sponsor.name, "2026-11-30",
                                                       CP_DECISION_APPROVED, "Clear vision", &error);

    g_assert_no_error (error);
    add_note (sponsor.e, "# From the sponsor\n\nBudget for the second cycle is agreed.\n",
              CP_VISIBILITY_SPONSOR);
  }

  for (guint round = 0; round < 2; round++)
    {
      seat_sync_clean (&coach);
      seat_sync_clean (&sponsor);
    }

  {
    g_autoptr(GPtrArray) from_coach = seat_files (&coach, CP_AUDIENCE_SPONSOR);
    g_autoptr(GPtrArray) from_sponsor = seat_files (&sponsor, CP_AUDIENCE_TEAM);
    g_autofree char *coach_text = seat_text (&coach, CP_AUDIENCE_TEAM);
    g_autofree char *sponsor_text = seat_text (&sponsor, CP_AUDIENCE_TEAM);
    g_autoptr(CpPhase) vision = phase (coach.e, 0, 0);
    g_autoptr(CpSignOff) sign_off = CP_SIGN_OFF (item (cp_phase_get_sign_offs (vision, NULL), 0));

    g_assert_cmpuint (from_coach->len, ==, from_sponsor->len);
    for (guint i = 0; i < from_coach->len; i++)
      {
        CpExportFile *a = g_ptr_array_index (from_coach, i);
        CpExportFile *b = g_ptr_array_index (from_sponsor, i);

        g_assert_cmpstr (a->name, ==, b->name);
        g_assert_cmpstr (a->contents, ==, b->contents);
      }

    /* Each side has the other's changes, and the coach's own notes. */
    g_assert_cmpstr (cp_sign_off_get_reviewer (sign_off), ==, "Dana Whitfield");

    /* Every Coachplan tells the sponsor's own sign-off from one the
     * coach recorded, and so does the report.
     */
    for (guint side = 0; side < 2; side++)
      {
        Seat *seat = side ? &sponsor : &coach;
        g_autoptr(CpPhase) own_phase = phase (seat->e, 0, 0);
        g_autoptr(CpPhase) recorded_phase = phase (seat->e, 0, 1);
        g_autofree char *own = cp_sign_off_dup_provenance (seat->e, cp_phase_get_latest_sign_off (own_phase));
        g_autofree char *recorded = cp_sign_off_dup_provenance (seat->e,
                                                                cp_phase_get_latest_sign_off (recorded_phase));
        g_autofree char *report = cp_report_to_markdown (seat->e, "2026-11-30", &error);

        g_assert_no_error (error);
        g_assert_true (g_regex_match_simple ("^Signed off by Dana Whitfield in their own Coachplan on "
                                             "[0-9]+ [A-Za-z]+ [0-9]{4} \\(commit [0-9a-f]{7}\\)$",
                                             own, 0, 0));
        g_assert_cmpstr (recorded, ==, "Recorded by Sam Okafor");
        g_assert_nonnull (strstr (report, own));
        g_assert_nonnull (strstr (report, "Recorded by Sam Okafor"));
      }
    g_assert_nonnull (strstr (coach_text, "Budget for the second cycle is agreed."));
    g_assert_nonnull (strstr (sponsor_text, "| 88 | 2027-05-31 |"));
    g_assert_nonnull (strstr (coach_text, COACH_WORDS));
    g_assert_nonnull (strstr (coach_text, CLIENT_WORDS));
    g_assert_null (strstr (sponsor_text, COACH_WORDS));
    g_assert_null (strstr (sponsor_text, CLIENT_WORDS));
  }

  /* The shared note narrowed to coach-only, then edited: its new words
   * reach no object of the repository, and it leaves the sponsor's
   * database.
   */
  {
    GListModel *notes = cp_engagement_get_notes (coach.e, &error);

    for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
      {
        g_autoptr(CpNote) note = g_list_model_get_item (notes, i);

        if (strstr (cp_note_get_body (note), SPONSOR_WORDS) != NULL)
          {
            cp_note_set_visibility (note, CP_VISIBILITY_COACH);
            cp_note_set_body (note, "# For the sponsor\n\n" SPONSOR_WORDS " ibex-narrowed-later\n");
          }
      }
  }
  seat_sync_clean (&coach);
  seat_sync_clean (&sponsor);
  {
    g_autofree char *sponsor_text = seat_text (&sponsor, CP_AUDIENCE_TEAM);
    g_autofree char *coach_text = seat_text (&coach, CP_AUDIENCE_TEAM);
    Scan scan = scan_repository (remote);

    g_assert_cmpuint (scan.coach, ==, 0);
    g_assert_cmpuint (scan.client, ==, 0);
    g_assert_null (strstr (sponsor_text, SPONSOR_WORDS));
    g_assert_nonnull (strstr (coach_text, "ibex-narrowed-later"));
  }
  g_assert_cmpuint (scan_repository_for (remote, "ibex-narrowed-later").found, ==, 0);

  seat_clear (&coach);
  seat_clear (&sponsor);
}

/* A second coach opens the team's repository. */
static void
team_of_two (Fixture    *f,
             Seat       *coach,
             Seat       *second,
             const char *remote)
{
  coach_shares (f, coach, remote, CP_AUDIENCE_TEAM);
  seat_open (second, f, "second.db", "Priya Raman", "priya@example.org");
  seat_clone (second, remote);
}

static char *
id_option (Seat *s)
{
  return g_strdup_printf ("--sync=%" G_GINT64_FORMAT, s->id);
}

/* The same goal target changed on both sides: --sync exits 1, names the
 * conflict with both values and changes nothing; --prefer settles it.
 */
static void
test_conflict_on_the_command_line (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *remote = bare_repository (f, "team.git");
  g_autofree char *database = g_strdup_printf ("--database=%s", f->path);
  g_autofree char *sync = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *goal_name = NULL;
  Seat coach = { 0 }, second = { 0 };
  Run r;

  team_of_two (f, &coach, &second, remote);
  sync = id_option (&coach);
  {
    g_autoptr(CpGoal) theirs = goal (second.e, 0);
    g_autoptr(CpGoal) mine = goal (coach.e, 0);

    goal_name = g_strdup (cp_goal_get_name (mine));
    g_assert_true (cp_goal_set_target (theirs, 70, "2027-03-31"));
    seat_sync_clean (&second);
    g_assert_true (cp_goal_set_target (mine, 80, "2027-03-31"));
    g_assert_true (cp_store_flush (coach.store, NULL));
  }
  before = seat_text (&coach, CP_AUDIENCE_TEAM);

  r = run (database, "--author=Sam Okafor <sam@example.org>", sync, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "measures.md"));
  g_assert_nonnull (strstr (r.err, goal_name));
  g_assert_nonnull (strstr (r.err, "Target: here “80”, there “70”"));
  g_assert_nonnull (strstr (r.err, "nothing here changed"));
  run_clear (&r);
  seat_reload (&coach);
  after = seat_text (&coach, CP_AUDIENCE_TEAM);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (cp_share_get_state (coach.e), ==, CP_SHARE_CONFLICTS);

  r = run (database, "--author=Sam Okafor <sam@example.org>", sync, "--prefer=theirs", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  seat_reload (&coach);
  g_clear_pointer (&after, g_free);
  after = seat_text (&coach, CP_AUDIENCE_TEAM);
  g_assert_nonnull (strstr (after, "| 70 | 2027-03-31 |"));
  g_assert_cmpint (cp_share_get_state (coach.e), ==, CP_SHARE_UP_TO_DATE);

  /* A preference that is no side is refused before anything happens. */
  r = run (database, "--author=Sam Okafor <sam@example.org>", sync, "--prefer=both", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  seat_clear (&coach);
  seat_clear (&second);
}

/* An unreachable repository: a clear message, everything kept here,
 * and the next sync sends it.
 */
static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *remote = bare_repository (f, "team.git");
  g_autofree char *moved = bare_repository (f, "team-moved.git");
  g_autoptr(CpSyncResult) result = NULL;
  g_autoptr(CpStakeholder) person = NULL;
  g_autofree char *text = NULL;
  Seat coach = { 0 }, second = { 0 };

  team_of_two (f, &coach, &second, remote);
  person = cp_engagement_add_stakeholder (coach.e, "Olga Offline", "Change manager", "", &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_flush (coach.store, &error));
  g_assert_cmpint (cp_share_get_state (coach.e), ==, CP_SHARE_CHANGES_TO_SEND);

  g_assert_cmpint (g_rename (remote, moved), ==, 0);
  result = cp_share_sync (coach.e, coach.name, coach.email, NULL, CP_MERGE_ASK, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "next sync sends it"));
  g_clear_error (&error);
  g_assert_cmpint (cp_share_get_state (coach.e), ==, CP_SHARE_OFFLINE);
  text = seat_text (&coach, CP_AUDIENCE_TEAM);
  g_assert_nonnull (strstr (text, "Olga Offline"));

  g_assert_cmpint (g_rename (moved, remote), ==, 0);
  seat_sync_clean (&coach);
  g_assert_cmpint (cp_share_get_state (coach.e), ==, CP_SHARE_UP_TO_DATE);
  seat_sync_clean (&second);
  g_clear_pointer (&text, g_free);
  text = seat_text (&second, CP_AUDIENCE_TEAM);
  g_assert_nonnull (strstr (text, "Olga Offline"));

  seat_clear (&coach);
  seat_clear (&second);
}

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* One sync over a real network transport: git's own daemon on the
 * loopback address.
 */
static void
test_git_daemon (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *git = g_find_program_in_path ("git");
  g_autofree char *served = g_build_filename (f->dir, "served", NULL);
  g_autofree char *bare = g_build_filename (served, "team.git", NULL);
  g_autofree char *port_option = NULL;
  g_autofree char *base_option = g_strdup_printf ("--base-path=%s", served);
  g_autofree char *url = NULL;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(CpStakeholder) person = NULL;
  g_autofree char *text = NULL;
  git_repository *repo = NULL;
  Seat coach = { 0 }, second = { 0 };
  guint16 port = free_port ();
  GPid daemon;
  int status;

  /* The daemon is a test fixture: Coachplan itself runs no git program. */
  g_assert_nonnull (git);
  g_assert_cmpint (g_mkdir_with_parents (served, 0700), ==, 0);
  git_libgit2_init ();
  g_assert_cmpint (git_repository_init (&repo, bare, TRUE), ==, 0);
  g_assert_cmpint (git_repository_set_head (repo, "refs/heads/main"), ==, 0);
  git_repository_free (repo);
  git_libgit2_shutdown ();

  port_option = g_strdup_printf ("--port=%u", port);
  {
    const char *argv[] = { git, "daemon", "--reuseaddr", "--listen=127.0.0.1", port_option, base_option,
                           "--export-all", "--enable=receive-pack", "--informative-errors", served, NULL };

    g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                  G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                  NULL, NULL, &daemon, &error));
    g_assert_no_error (error);
  }

  /* Listening soon. */
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, "127.0.0.1", port,
                                                                                 NULL, NULL);
      if (connection != NULL)
        break;
      g_usleep (50 * 1000);
    }

  url = g_strdup_printf ("git://127.0.0.1:%u/team.git", port);
  team_of_two (f, &coach, &second, url);
  person = cp_engagement_add_stakeholder (second.e, "Noor Network", "Service desk lead", "", &error);
  g_assert_no_error (error);
  seat_sync_clean (&second);
  seat_sync_clean (&coach);
  text = seat_text (&coach, CP_AUDIENCE_TEAM);
  g_assert_nonnull (strstr (text, "Noor Network"));

  kill (daemon, SIGTERM);
  g_assert_cmpint (waitpid (daemon, &status, 0), ==, daemon);
  g_spawn_close_pid (daemon);

  g_clear_object (&person);
  seat_clear (&coach);
  seat_clear (&second);
}

/* A sync killed at any moment leaves the database as it was or fully
 * merged, and the repository usable: the next sync succeeds.
 */
static void
test_killed_during_sync (Fixture       *f,
                         gconstpointer  data)
{
  static const guint delays[] = { 5, 20, 40, 70, 100, 140, 190, 250, 320, 400, 500, 650, 800, 1000 };
  g_autoptr(GError) error = NULL;
  g_autofree char *remote = bare_repository (f, "team.git");
  g_autofree char *database = g_strdup_printf ("--database=%s", f->path);
  g_autofree char *sync = NULL;
  g_autofree char *before = NULL;
  g_autofree char *merged = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CpStakeholder) here = NULL;
  const char *binary = g_getenv ("COACHPLAN_BINARY");
  Seat coach = { 0 }, second = { 0 };

  team_of_two (f, &coach, &second, remote);
  sync = id_option (&coach);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Team member %u", i);
      g_autoptr(CpStakeholder) person = cp_engagement_add_stakeholder (second.e, name, "Analyst", "", &error);

      g_assert_no_error (error);
    }
  {
    g_autoptr(CpGoal) renamed = goal (second.e, 0);

    cp_goal_set_name (renamed, "Renamed by the second coach");
  }
  seat_sync_clean (&second);

  here = cp_engagement_add_stakeholder (coach.e, "Added by the coach", "Sponsor's deputy", "", &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_flush (coach.store, &error));
  before = seat_text (&coach, CP_AUDIENCE_TEAM);

  for (guint i = 0; i < G_N_ELEMENTS (delays); i++)
    {
      const char *argv[] = { binary, database, "--author=Sam Okafor <sam@example.org>", sync, NULL };
      GPid pid;
      int status;

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                    G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      g_usleep (delays[i] * 1000);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      seat_reload (&coach);
      g_ptr_array_add (seen, seat_text (&coach, CP_AUDIENCE_TEAM));
      /* Finished before the kill: later kills would find nothing to do. */
      if (WIFEXITED (status))
        break;
    }

  seat_reload (&coach);
  seat_sync_clean (&coach);
  merged = seat_text (&coach, CP_AUDIENCE_TEAM);
  g_assert_nonnull (strstr (merged, "Added by the coach"));
  g_assert_nonnull (strstr (merged, "Team member 29"));
  g_assert_nonnull (strstr (merged, "Renamed by the second coach"));
  for (guint i = 0; i < seen->len; i++)
    {
      const char *text = g_ptr_array_index (seen, i);

      g_assert_true (g_str_equal (text, before) || g_str_equal (text, merged));
    }

  seat_sync_clean (&second);
  {
    g_autofree char *theirs = seat_text (&second, CP_AUDIENCE_TEAM);

    g_assert_cmpstr (theirs, ==, merged);
  }

  seat_clear (&coach);
  seat_clear (&second);
}

/* Many rounds of random edits and syncs in random order, by a coach, a
 * second coach (audience team) and the sponsor (audience sponsor): in
 * the end every team member holds the same folder, the sponsor the
 * sponsor's part of it, and no addition was lost.
 */
static void
random_edit (Seat     *s,
             gboolean  sponsor,
             guint     round,
             guint     edit,
             GPtrArray *added,
             GPtrArray *private_words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tag = g_strdup_printf ("r%ue%u%s", round, edit, s->name);
  guint what = g_test_rand_int_range (0, sponsor ? 2 : 6);

  g_strdelimit (tag, " ", '-');
  if (sponsor)
    {
      if (what == 0)
        {
          g_autoptr(CpPhase) p = phase (s->e, 0, g_test_rand_int_range (0, 3));
          g_autoptr(CpSignOff) sign_off = cp_phase_sign_off (p, s->name, "2026-11-30",
                                                             g_test_rand_bit () ? CP_DECISION_APPROVED
                                                                                : CP_DECISION_CHANGES_REQUESTED,
                                                             tag, &error);
          g_assert_no_error (error);
          g_ptr_array_add (added, g_steal_pointer (&tag));
        }
      else
        {
          g_autofree char *body = g_strdup_printf ("# Sponsor note\n\n%s\n", tag);

          add_note (s->e, body, CP_VISIBILITY_SPONSOR);
          g_ptr_array_add (added, g_steal_pointer (&tag));
        }
      return;
    }

  switch (what)
    {
    case 0:
      {
        g_autoptr(CpGoal) g = goal (s->e, g_test_rand_int_range (0, 3));

        g_assert_true (cp_goal_set_target (g, g_test_rand_int_range (1, 100), "2027-06-30"));
        break;
      }
    case 1:
      {
        g_autoptr(CpGoal) g = goal (s->e, g_test_rand_int_range (0, 3));

        cp_goal_set_name (g, tag);
        break;
      }
    case 2:
      {
        g_autoptr(CpStakeholder) person = cp_engagement_add_stakeholder (s->e, tag, "Analyst", "", &error);

        g_assert_no_error (error);
        g_ptr_array_add (added, g_steal_pointer (&tag));
        break;
      }
    case 3:
      {
        g_autoptr(CpPhase) p = phase (s->e, 0, 0);
        g_autoptr(CpChecklistItem) box = CP_CHECKLIST_ITEM (item (cp_phase_get_items (p, NULL),
                                                                  g_test_rand_int_range (0, 3)));

        g_assert_true (cp_checklist_item_set_done (box, !cp_checklist_item_get_done (box), s->name,
                                                   &error));
        g_assert_no_error (error);
        break;
      }
    case 4:
      {
        static const CpVisibility visibilities[] = { CP_VISIBILITY_COACH, CP_VISIBILITY_CLIENT,
                                                     CP_VISIBILITY_SPONSOR };
        CpVisibility visibility = visibilities[g_test_rand_int_range (0, 3)];
        g_autofree char *body = g_strdup_printf ("# Note\n\n%s\n", tag);

        add_note (s->e, body, visibility);
        g_ptr_array_add (visibility == CP_VISIBILITY_SPONSOR ? added : private_words, g_strdup (tag));
        if (visibility != CP_VISIBILITY_SPONSOR)
          g_ptr_array_add (added, g_steal_pointer (&tag));
        break;
      }
    default:
      {
        g_autofree char *scope = g_test_rand_bit ()
                                 ? g_strdup_printf ("%s\n\n%s\n", cp_engagement_get_scope (s->e), tag)
                                 : g_strdup_printf ("%s\n\n%s", tag, cp_engagement_get_scope (s->e));

        cp_engagement_set_scope (s->e, scope);
        break;
      }
    }
}

static void
test_convergence (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *team = bare_repository (f, "team.git");
  g_autofree char *sponsor_repo = bare_repository (f, "sponsor.git");
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) private_words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *for_sponsor = NULL;
  g_autofree char *c = NULL;
  Seat seats[3] = { { 0 } };
  guint rounds = 200;

  team_of_two (f, &seats[0], &seats[1], team);
  g_assert_true (cp_share_engagement (seats[0].e, sponsor_repo, CP_AUDIENCE_SPONSOR, seats[0].name,
                                      seats[0].email, &error));
  g_assert_no_error (error);
  seat_open (&seats[2], f, "sponsor.db", "Dana Whitfield", "dana@example.org");
  seat_clone (&seats[2], sponsor_repo);

  for (guint round = 0; round < rounds; round++)
    {
      Seat *editor = &seats[g_test_rand_int_range (0, 3)];
      Seat *syncer = &seats[g_test_rand_int_range (0, 3)];
      guint edits = g_test_rand_int_range (1, 3);
      g_autoptr(CpSyncResult) result = NULL;

      for (guint i = 0; i < edits; i++)
        random_edit (editor, editor == &seats[2], round, i, added, private_words);
      result = seat_sync (syncer, g_test_rand_bit () ? CP_MERGE_MINE : CP_MERGE_THEIRS);
      g_assert_cmpint (result->state, ==, CP_SHARE_UP_TO_DATE);
    }

  /* A last round in order, twice, brings everyone level, settling what
   * still clashes; a third finds nothing left to settle.
   */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (seats); i++)
      {
        g_autoptr(CpSyncResult) result = seat_sync (&seats[i], pass < 2 ? CP_MERGE_MINE : CP_MERGE_ASK);

        g_assert_cmpint (result->state, ==, CP_SHARE_UP_TO_DATE);
      }

  a = seat_text (&seats[0], CP_AUDIENCE_TEAM);
  b = seat_text (&seats[1], CP_AUDIENCE_TEAM);
  g_assert_cmpstr (a, ==, b);
  for_sponsor = seat_text (&seats[0], CP_AUDIENCE_SPONSOR);
  c = seat_text (&seats[2], CP_AUDIENCE_TEAM);
  g_assert_cmpstr (for_sponsor, ==, c);

  for (guint i = 0; i < added->len; i++)
    g_assert_nonnull (strstr (a, g_ptr_array_index (added, i)));
  for (guint i = 0; i < private_words->len; i++)
    {
      g_assert_null (strstr (c, g_ptr_array_index (private_words, i)));
      g_assert_cmpuint (scan_repository_for (sponsor_repo, g_ptr_array_index (private_words, i)).found, ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (seats); i++)
    g_assert_cmpint (cp_share_get_state (seats[i].e), ==, CP_SHARE_UP_TO_DATE);

  for (guint i = 0; i < G_N_ELEMENTS (seats); i++)
    seat_clear (&seats[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync/coach-and-sponsor", Fixture, NULL, fixture_set_up, test_coach_and_sponsor,
              fixture_tear_down);
  g_test_add ("/sync/conflict-on-the-command-line", Fixture, NULL, fixture_set_up,
              test_conflict_on_the_command_line, fixture_tear_down);
  g_test_add ("/sync/offline", Fixture, NULL, fixture_set_up, test_offline, fixture_tear_down);
  g_test_add ("/sync/git-daemon", Fixture, NULL, fixture_set_up, test_git_daemon, fixture_tear_down);
  g_test_add ("/sync/killed-during-sync", Fixture, NULL, fixture_set_up, test_killed_during_sync,
              fixture_tear_down);
  g_test_add ("/sync/convergence", Fixture, NULL, fixture_set_up, test_convergence, fixture_tear_down);

  return g_test_run ();
}
