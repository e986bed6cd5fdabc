/* test-report.c — the sponsor's progress report
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-goal.h"
#include "cp-note.h"
#include "cp-report.h"
#include "cp-test-store.h"

#define SECRET "zebra-umbrella-coach-only"
#define CLIENT_ONLY "walrus-client-staff-only"

static CpEngagement *
sample_with_private_notes (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNote) coach = NULL;
  g_autoptr(CpNote) client = NULL;
  CpEngagement *engagement = cp_store_load_sample_on (f->store, CP_TEST_SAMPLE_DAY, &error);

  g_assert_no_error (error);
  coach = cp_engagement_add_note (engagement, "Private", "Thoughts: " SECRET "\n", &error);
  g_assert_no_error (error);
  client = cp_engagement_add_note (engagement, "For staff", "Team only: " CLIENT_ONLY "\n", &error);
  g_assert_no_error (error);
  cp_note_set_visibility (coach, CP_VISIBILITY_COACH);
  cp_note_set_visibility (client, CP_VISIBILITY_CLIENT);

  return engagement;
}

static void
test_markdown (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = sample_with_private_notes (f);
  g_autofree char *report = cp_report_to_markdown (engagement, "2026-11-23", &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);

  /* What the sponsor asks about, from the sample. */
  g_assert_true (g_str_has_prefix (report, "# Service desk and change improvement\n"));
  g_assert_nonnull (strstr (report, "| Where are we now? | Done | 4 of 4 | Approved by Dana Whitfield on 2026-11-02 |"));
  g_assert_nonnull (strstr (report, "| Service desk calls answered within 15 minutes | 62 % | 90 %, 2027-06-01 | 64 %, 2026-11-01 | +1 since 2026-10-01, better | Off track |"));
  g_assert_nonnull (strstr (report, "**Driver:** Operational  \n"));
  g_assert_nonnull (strstr (report, "\n## Scope\n\n### Why we are here\n"));

  /* Every sign-off, the one that asked for changes too. */
  g_assert_nonnull (strstr (report, "- 2026-10-19, Where are we now?: changes requested by Dana Whitfield — "
                                    "Add the failed-change rate"));

  /* Whether the coach can leave, and the contract's state. */
  g_assert_nonnull (strstr (report, "## Exit readiness\n\n**Can the coach leave?** Not yet: "));
  g_assert_nonnull (strstr (report, "## Contract\n\nVersion 1, "));
  g_assert_nonnull (strstr (report, "| Change | 1 Initial | 3 Defined |"));
  g_assert_nonnull (strstr (report, "**Handover:** 33 %"));
  g_assert_nonnull (strstr (report, "- **Overdue:** Send the baseline report to Dana"));
  g_assert_null (strstr (report, "Agree the service desk response target"));  /* done */
  g_assert_nonnull (strstr (report, "| 1 | Log every call at the first contact, with a category | High |"));
  g_assert_null (strstr (report, "Buy a new service desk tool"));  /* rejected */
  g_assert_nonnull (strstr (report, "2 sessions held."));
  /* What the coaching is spent on, by area and by format. */
  g_assert_nonnull (strstr (report, "### Where the coaching time goes\n\n4.0 h of coaching in the sessions held."));
  g_assert_nonnull (strstr (report, "| Establishing the CSIP | 3.0 h |"));
  g_assert_nonnull (strstr (report, "| Implementing a process | 1.0 h |"));
  g_assert_nonnull (strstr (report, "| Workshop or mass mentoring | 3.0 h |"));

  /* The sponsor's note, nested under the report's headings. */
  g_assert_nonnull (strstr (report, "### Kick-off workshop\n\nDana opened"));
  g_assert_nonnull (strstr (report, "\n#### Decisions\n"));
  g_assert_null (strstr (report, "\n##### Decisions\n"));

  /* Never a coach-only note, nor one kept for client staff. */
  g_assert_null (strstr (report, SECRET));
  g_assert_null (strstr (report, CLIENT_ONLY));
  g_assert_null (strstr (report, "CAB with Priya"));
}

static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = sample_with_private_notes (f);
  g_autofree char *markdown = cp_report_to_markdown (engagement, "2026-11-23", &error);
  g_autofree char *html = NULL;
  g_autofree char *path = g_build_filename (f->dir, "report.html", NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *lint_err = NULL;
  const char *argv[] = { xmllint, "--noout", path, NULL };
  int status = -1;

  g_assert_no_error (error);
  html = cp_report_markdown_to_html (markdown, "Q4 <review> & \"more\"");

  /* One file, styled inline, its tables real tables. */
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\">"));
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "<style>"));
  g_assert_null (strstr (html, "<link"));
  g_assert_nonnull (strstr (html, "<title>Q4 &lt;review&gt; &amp; &quot;more&quot;</title>"));
  g_assert_nonnull (strstr (html, "<th>Phase</th><th>Status</th><th>Checklist</th><th>Sign-off</th>"));
  g_assert_nonnull (strstr (html, "<td>Where are we now?</td><td>Done</td>"));
  g_assert_null (strstr (html, "| Phase |"));
  g_assert_nonnull (strstr (html, "<h4>Decisions</h4>"));
  g_assert_null (strstr (html, SECRET));

  /* A bar inside a cell, and raw HTML, stay text. */
  g_clear_pointer (&html, g_free);
  html = cp_report_markdown_to_html ("| A | B |\n| --- | --- |\n| x \\| y | <b>z</b> |\n\n"
                                     "<script>alert(1)</script>\n", "t");
  g_assert_nonnull (strstr (html, "<td>x | y</td><td>&lt;b&gt;z&lt;/b&gt;</td>"));
  g_assert_null (strstr (html, "<script>"));

  /* Well-formed, as xmllint reads it. */
  g_clear_pointer (&html, g_free);
  html = cp_report_markdown_to_html (markdown, "Report");
  g_assert_true (g_file_set_contents (path, html, -1, NULL));
  g_assert_nonnull (xmllint);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &lint_err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lint_err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = sample_with_private_notes (f);
  g_autofree char *md = g_build_filename (f->dir, "r.MD", NULL);
  g_autofree char *doc = g_build_filename (f->dir, "r.docx", NULL);
  g_autofree char *text = NULL;

  g_assert_true (cp_report_write (engagement, "2026-11-23", CP_AUDIENCE_SPONSOR, md, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "# "));

  /* An unknown format writes nothing and says why. */
  g_assert_false (cp_report_write (engagement, "2026-11-23", CP_AUDIENCE_SPONSOR, doc, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "r.docx"));
  g_assert_false (g_file_test (doc, G_FILE_TEST_EXISTS));
}

/* Runs a program with @argv and returns what it printed. */
static char *
run_argv (const char **argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = -1;

  g_assert_nonnull (program);
  argv[0] = program;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* Runs a program on @path and returns what it printed. */
static char *
run_tool (const char *tool,
          const char *path,
          const char *last)
{
  const char *argv[] = { tool, path, last, NULL };

  return run_argv (argv);
}

/* The text of one page of a PDF. */
static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, path, "-", NULL };

  return run_argv (argv);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = sample_with_private_notes (f);
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  const char *pages;

  g_assert_true (cp_report_write (engagement, "2026-11-23", CP_AUDIENCE_SPONSOR, path, &error));
  g_assert_no_error (error);

  /* A real PDF, of pages, titled. */
  info = run_tool ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "Title:           Service desk and change improvement"));
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpint (atoi (pages + strlen ("Pages:")), >=, 2);

  /* Phases, goals and the sponsor's note are in it; private notes are not.
   * Table cells wrap, so lines are read as one text.
   */
  text = run_tool ("pdftotext", path, "-");
  g_strdelimit (text, "\n", ' ');
  g_assert_nonnull (strstr (text, "Where do we want to be?"));
  g_assert_nonnull (strstr (text, "Failed changes a month"));
  g_assert_nonnull (strstr (text, "Kick-off workshop"));
  g_assert_nonnull (strstr (text, "page 2"));
  g_assert_null (strstr (text, SECRET));
  g_assert_null (strstr (text, CLIENT_ONLY));

  /* Page one says where the programme stands and what needs the
   * sponsor.
   */
  {
    g_autofree char *first = page_text (path, 1);

    g_assert_nonnull (strstr (first, "Where the programme stands"));
    g_assert_nonnull (strstr (first, "Off track"));
    g_assert_nonnull (strstr (first, "Needs your attention"));
    g_assert_nonnull (strstr (first, "is off track"));
  }
}

/* The team's report adds the coach's view of the people — the map, each
 * person's stance, history, influence and what matters to them — which
 * the sponsor's leaves out; the PDF draws the map.
 */
static void
test_team (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = sample_with_private_notes (f);
  g_autofree char *team = cp_report_build (engagement, "2026-11-23", CP_AUDIENCE_TEAM, NULL, &error);
  g_autofree char *sponsor = cp_report_to_markdown (engagement, "2026-11-23", &error);
  g_autofree char *path = g_build_filename (f->dir, "team.pdf", NULL);
  g_autofree char *text = NULL;
  guint names = 0;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (team, "\n## People and relationships\n\n### Stakeholder map\n\n"
                                  "| Influence | Blocker | Sceptic | Neutral | Supporter | Champion |\n"));
  g_assert_nonnull (strstr (team, "| High |  | Lena Hoffmann |  |  | Dana Whitfield |\n"));
  g_assert_nonnull (strstr (team, "| Medium |  |  |  | Priya Raman, Tom Becker |  |\n"));
  g_assert_nonnull (strstr (team, "\n### Lena Hoffmann\n\nHead of infrastructure operations\n\n"
                                  "Stance: Sceptic. Influence: High. Stance history: Blocker from "));
  g_assert_nonnull (strstr (team, "open to a catalogue of standard changes."));
  g_assert_nonnull (strstr (team, "For the coaching team"));
  g_assert_nonnull (strstr (team, "\n### Mentoring\n\n| Mentor | Mentors whom | Profile | Format | Practice or area |\n"));
  g_assert_nonnull (strstr (team, "| Tom Becker | Service desk analysts | Subject-matter expert | Mass mentoring (workshops and labs) | Incident management |\n"));

  /* Both reports show the roles staff must hold and their paths. */
  g_assert_nonnull (strstr (sponsor, "| Incident management | Staff with coach | Tom Becker | Incident manager, not held yet | 1 of 2 done |"));
  g_assert_nonnull (strstr (sponsor, "| Change manager, held by Priya Raman | 1 of 2 done |"));

  g_assert_nonnull (strstr (sponsor, "\n## ITSM audit\n\n| Practice | Stands at level | Criteria met |\n| --- | --- | --- |\n| Incident | 2 | 2 of 5 |\n"));
  /* Readiness as a service provider, as values. */
  g_assert_nonnull (strstr (sponsor, "\n## Readiness as a service provider\n"));
  g_assert_nonnull (strstr (sponsor, "| Runs repeatable processes, consistently | 1 | Each team changes systems its own way | 2 | One change process, run by the CAB each week |"));

  /* Not the sponsor's to read. */
  g_assert_null (strstr (sponsor, "People and relationships"));
  g_assert_null (strstr (sponsor, "Sceptic"));
  g_assert_null (strstr (sponsor, "standard changes"));

  g_assert_true (cp_report_write (engagement, "2026-11-23", CP_AUDIENCE_TEAM, path, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", path, "-");
  /* Named in the table, on the drawn map and in their own part. */
  for (const char *at = text; (at = strstr (at, "Lena")) != NULL; at++)
    names++;
  g_assert_cmpuint (names, >=, 3);
}

/* A long table repeats its header on the pages it runs onto; no date
 * breaks across lines.
 */
static void
test_pdf_typesetting (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = sample_with_private_notes (f);
  g_autofree char *path = g_build_filename (f->dir, "long.pdf", NULL);
  g_autofree char *all = NULL;
  g_autoptr(GRegex) split_date = g_regex_new ("[0-9]{4}-([0-9]{2}-?)?\n", 0, 0, NULL);
  guint with_header = 0;

  for (guint i = 0; i < 45; i++)
    {
      g_autofree char *name = g_strdup_printf ("Measure number %u of the long table", i + 1);
      g_autoptr(CpGoal) goal = cp_engagement_add_goal (engagement, name, &error);

      g_assert_no_error (error);
      g_assert_true (cp_goal_set_baseline (goal, i, "2026-09-01"));
      g_assert_true (cp_goal_set_target (goal, i + 10, "2027-03-01"));
    }
  g_assert_true (cp_store_flush (f->store, &error));
  g_assert_true (cp_report_write (engagement, "2026-11-23", CP_AUDIENCE_SPONSOR, path, &error));
  g_assert_no_error (error);

  all = run_tool ("pdftotext", path, "-");
  g_assert_false (g_regex_match (split_date, all, 0, NULL));

  {
    g_autofree char *info = run_tool ("pdfinfo", path, NULL);
    guint pages = atoi (strstr (info, "Pages:") + strlen ("Pages:"));

    g_assert_cmpuint (pages, >=, 2);
    for (guint page = 1; page <= pages; page++)
      {
        g_autofree char *text = page_text (path, page);

        with_header += strstr (text, "Trend") != NULL;
      }
  }
  g_assert_cmpuint (with_header, >=, 2);

  /* An outline of the sections, and the sponsor's note's link works. */
  {
    g_autofree char *bytes = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
    g_assert_nonnull (memmem (bytes, length, "/Outlines", strlen ("/Outlines")));
    g_assert_nonnull (memmem (bytes, length, "/URI (https://example.org/csi-register)",
                           strlen ("/URI (https://example.org/csi-register)")));
  }
}

/* The summary opens the report, its heading as scripts look for it. */
static void
test_attention_first (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = sample_with_private_notes (f);
  g_autofree char *markdown = cp_report_to_markdown (engagement, "2026-11-23", &error);
  const char *needs, *cycles;

  g_assert_no_error (error);
  needs = strstr (markdown, "\n## Needs your attention\n\n- ");
  cycles = strstr (markdown, "\n## Improvement cycles\n");
  g_assert_nonnull (needs);
  g_assert_nonnull (cycles);
  g_assert_true (needs < cycles);
  g_assert_nonnull (strstr (markdown, "**Off track**: 1 goal is off track"));
  g_assert_nonnull (strstr (markdown, "- Risk: The coach ends up doing the work, and staff learn little. "
                                      "Safeguard not yet in place: Staff lead the work, with the coach "
                                      "supporting (cycle 1, “How do we get there?”)"));
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_report_write_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_write_async (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CpEngagement) engagement = sample_with_private_notes (f);
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *info = NULL;
  gboolean done = FALSE;

  /* The database is read at once; the layout happens on a worker. */
  cp_report_write_async (engagement, "2026-11-23", CP_AUDIENCE_SPONSOR, path, NULL, written_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  info = run_tool ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "Pages:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_STORE_TEST ("/report/markdown", test_markdown);
  ADD_STORE_TEST ("/report/html", test_html);
  ADD_STORE_TEST ("/report/write", test_write);
  ADD_STORE_TEST ("/report/pdf", test_pdf);
  ADD_STORE_TEST ("/report/attention-first", test_attention_first);
  ADD_STORE_TEST ("/report/pdf-typesetting", test_pdf_typesetting);
  ADD_STORE_TEST ("/report/write-async", test_write_async);
  ADD_STORE_TEST ("/report/team", test_team);

  return g_test_run ();
}
