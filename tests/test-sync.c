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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync/coach-and-sponsor", Fixture, NULL, fixture_set_up, test_coach_and_sponsor,
              fixture_tear_down);

  return g_test_run ();
}
