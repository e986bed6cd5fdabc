/* fuzz-report.c — the sponsor's report over random engagement data
 *
 * The input's lines fill an engagement through the core: its title,
 * client, sponsor and coach, then by turns a sponsor's note, a session's
 * topic, an action and a goal with a reading taken from the line's
 * length. The report is then built as Markdown and laid out as HTML and
 * as a PDF. The engagement is removed again, so the database stays small.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cp-action.h"
#include "cp-engagement.h"
#include "cp-goal.h"
#include "cp-note.h"
#include "cp-report.h"
#include "cp-session.h"
#include "cp-store.h"
#include "fuzz-store.h"

static char *pdf;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_store_init ();
  pdf = g_build_filename (root, "report.pdf", NULL);

  return 0;
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GArray) charts = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (store == NULL)
    LLVMFuzzerInitialize (NULL, NULL);

  /* The core keeps text as UTF-8, as every way into it checks. */
  text = g_utf8_make_valid ((const char *) data, size);
  lines = g_strsplit (text, "\n", 64);
  n = g_strv_length (lines);

  engagement = cp_store_create_engagement (store, n > 0 ? lines[0] : "", CP_APPROACH_COACHED, &error);
  g_assert_no_error (error);
  if (n > 1)
    cp_engagement_set_client (engagement, lines[1]);
  if (n > 2)
    cp_engagement_set_sponsor (engagement, lines[2]);
  if (n > 3)
    cp_engagement_set_coach (engagement, lines[3]);

  for (guint i = 4; i < n; i++)
    {
      const char *line = lines[i];

      switch (i % 4)
        {
        case 0:
          {
            g_autoptr(CpNote) note = cp_engagement_add_note (engagement, NULL, line, NULL);

            if (note != NULL)
              cp_note_set_visibility (note, CP_VISIBILITY_SPONSOR);
          }
          break;
        case 1:
          {
            g_autoptr(CpSession) session = cp_engagement_add_session (engagement, "2026-05-04T10:00",
                                                                      CP_SESSION_KIND_WORKSHOP, NULL);

            if (session != NULL)
              cp_session_set_topic (session, line);
          }
          break;
        case 2:
          {
            g_autoptr(CpAction) action = cp_engagement_add_action (engagement, line, NULL);

            if (action != NULL)
              cp_action_set_owner (action, line);
          }
          break;
        default:
          {
            g_autoptr(CpGoal) goal = cp_engagement_add_goal (engagement, line, NULL);

            if (goal != NULL)
              {
                cp_goal_set_baseline (goal, 0, "2026-01-01");
                cp_goal_set_target (goal, (double) (i % 7) * 10, "2026-12-31");
                cp_goal_add_reading (goal, "2026-05-04", (double) strlen (line) - 10, NULL);
              }
          }
          break;
        }
    }

  markdown = cp_report_build (engagement, "2026-06-01", CP_AUDIENCE_TEAM, &charts, &error);
  g_assert_no_error (error);
  html = cp_report_markdown_to_html (markdown, cp_engagement_get_title (engagement));
  g_assert (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert (cp_report_markdown_to_pdf (markdown, charts, cp_engagement_get_title (engagement), pdf,
                                       NULL, &error));
  g_assert_no_error (error);

  cp_store_trash_engagement (store, engagement, NULL);
  cp_store_purge_trash (store, NULL);

  return 0;
}
