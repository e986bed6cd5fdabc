/* bench-generate.c — makes the large database the benchmarks use
 *
 * Everything goes through the core API, as the app would write it: 10,000
 * engagements, each with a CSIP cycle whose phases hold 50 checklist
 * items, sessions and actions, and 100,000 notes of about 500 bytes. One
 * transaction around it all keeps it to a minute or so.
 *
 * Usage: bench-generate PATH
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "cp-action.h"
#include "cp-checklist-item.h"
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-note.h"
#include "cp-phase.h"
#include "cp-session.h"
#include "cp-store-private.h"
#include "cp-template.h"

static void
check (gboolean    ok,
       GError     *error)
{
  if (!ok)
    g_error ("bench-generate: %s", error ? error->message : "failed");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  gint64 start = g_get_monotonic_time ();
  guint notes = 0;

  if (argc != 2)
    {
      g_printerr ("usage: bench-generate PATH\n");
      return 2;
    }

  g_unlink (argv[1]);
  store = cp_store_open (argv[1], &error);
  check (store != NULL, error);
  /* Each change is a unit of work of its own, as in the app; a database
   * made only to be measured need not wait for the disk after each.
   */
  check (_cp_store_exec (store, "PRAGMA synchronous = OFF", &error), error);

  for (guint e = 0; e < BENCH_ENGAGEMENTS; e++)
    {
      g_autofree char *title = g_strdup_printf ("%s %s programme %u",
                                                bench_words[e % G_N_ELEMENTS (bench_words)],
                                                bench_words[(e / 7) % G_N_ELEMENTS (bench_words)], e + 1);
      g_autoptr(CpEngagement) engagement = cp_store_create_engagement (store, title, CP_APPROACH_COACHED,
                                                                       &error);
      g_autoptr(CpCycle) cycle = NULL;
      GListModel *phases;
      guint items = 0;

      check (engagement != NULL, error);
      cp_engagement_set_client (engagement, "Client organisation");
      cp_engagement_set_sponsor (engagement, "Sponsor");
      cp_engagement_set_coach (engagement, "Coach");
      cycle = cp_engagement_start_cycle (engagement, cp_template_get_default (), &error);
      check (cycle != NULL, error);

      /* The template's items, then more until there are 50. */
      phases = cp_cycle_get_phases (cycle, &error);
      check (phases != NULL, error);
      for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(CpPhase) phase = g_list_model_get_item (phases, p);

          items += cp_phase_get_n_items (phase);
        }
      for (guint i = items; i < BENCH_ITEMS; i++)
        {
          g_autoptr(CpPhase) phase = g_list_model_get_item (phases, i % g_list_model_get_n_items (phases));
          g_autofree char *text = g_strdup_printf ("Check %u of the %s", i + 1,
                                                   bench_words[i % G_N_ELEMENTS (bench_words)]);
          g_autoptr(CpChecklistItem) item = cp_phase_add_item (phase, text, &error);

          check (item != NULL, error);
        }

      for (guint s = 0; s < 3; s++)
        {
          g_autofree char *when = g_strdup_printf ("2026-%02u-%02uT%02u:00", s + 9, e % 28 + 1, 9 + s);
          g_autoptr(CpSession) session = cp_engagement_add_session (engagement, when,
                                                                    CP_SESSION_KIND_WORKSHOP, &error);
          g_autoptr(CpAction) action = NULL;
          g_autofree char *text = g_strdup_printf ("Follow up the %s",
                                                   bench_words[(e + s) % G_N_ELEMENTS (bench_words)]);

          check (session != NULL, error);
          action = cp_engagement_add_action (engagement, text, &error);
          check (action != NULL, error);
        }

      for (guint n = 0; n < BENCH_NOTES / BENCH_ENGAGEMENTS; n++)
        {
          g_autofree char *body = bench_note_text (rand, BENCH_NOTE_BYTES, ++notes);
          g_autoptr(CpNote) note = cp_engagement_add_note (engagement, NULL, body, &error);

          check (note != NULL, error);
        }

      check (cp_store_flush (store, &error), error);
      if ((e + 1) % 1000 == 0)
        g_printerr ("bench-generate: %u engagements, %u notes, %.0f s\n", e + 1, notes,
                    bench_ms_since (start) / 1000);
    }

  g_printerr ("bench-generate: %s made in %.0f s\n", argv[1], bench_ms_since (start) / 1000);

  return 0;
}
