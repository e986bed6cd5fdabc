/* test-cli.c — the command line, run as a user would run it
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-phase.h"
#include "cp-sign-off.h"
#include "cp-store.h"
#include "cp-test-cli.h"
#include "cp-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  char *option;   /* --database=PATH */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cp_test_make_dir ();
  f->path = g_build_filename (f->dir, "cli.db", NULL);
  f->option = g_strconcat ("--database=", f->path, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->option);
}

static void
test_version (void)
{
  Run r = run ("--version", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
  run_clear (&r);
}

/* --author says who is recorded, keeps it for later runs, and refuses a
 * login name or a malformed address, keeping what was there.
 */
static void
test_author (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *keyfile = g_build_filename (f->dir, "glib-2.0", "settings", "keyfile", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *after = NULL;
  Run r;

  /* Settings kept in a file of the test's own, as a session keeps them. */
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("XDG_CONFIG_HOME", f->dir, TRUE);

  r = run ("--author=Dana Whitfield <dana@example.org>", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "What you do is recorded as Dana Whitfield <dana@example.org>\n");
  run_clear (&r);

  g_assert_true (g_file_get_contents (keyfile, &kept, NULL, NULL));
  g_assert_nonnull (strstr (kept, "user-name='Dana Whitfield'"));
  g_assert_nonnull (strstr (kept, "user-email='dana@example.org'"));

  r = run ("--author=root", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--author: Your name is needed"));
  run_clear (&r);

  r = run ("--author=Dana <dana>", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--author: An email address looks like"));
  run_clear (&r);

  g_assert_true (g_file_get_contents (keyfile, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, kept);

  /* With another command, it goes with it. */
  r = run (f->option, "--author=Sam Okafor", "--new=Pilot", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_unsetenv ("XDG_CONFIG_HOME");
}

/* --share sends an engagement to a repository as its author, --clone
 * adds it to another database with the same title.
 */
static void
test_share_and_clone (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *remote = g_build_filename (f->dir, "remote.git", NULL);
  g_autofree char *repository = g_strconcat ("--repository=", remote, NULL);
  g_autofree char *other = g_build_filename (f->dir, "sponsor.db", NULL);
  g_autofree char *other_option = g_strconcat ("--database=", other, NULL);
  g_autofree char *clone = g_strconcat ("--clone=", remote, NULL);
  g_autofree char *expected = NULL;
  Run r;

  r = run (f->option, "--new=Service desk pilot", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\n");
  run_clear (&r);

  /* Who shares it is asked for first. */
  r = run (f->option, "--share=1", repository, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "say who you are first"));
  run_clear (&r);
  g_assert_false (g_file_test (remote, G_FILE_TEST_EXISTS));

  r = run (f->option, "--author=Sam Okafor <sam@example.org>", "--share=1", repository,
           "--audience=everyone", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "unknown audience “everyone”"));
  run_clear (&r);

  r = run (f->option, "--audience=sponsor", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--audience with --share or --report"));
  run_clear (&r);

  r = run (f->option, "--author=Sam Okafor <sam@example.org>", "--share=1", repository,
           "--audience=sponsor", NULL);
  g_assert_cmpint (r.status, ==, 0);
  expected = g_strdup_printf ("Shared “Service desk pilot” with the sponsor in %s\n", remote);
  g_assert_cmpstr (r.out, ==, expected);
  run_clear (&r);

  r = run (other_option, clone, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\n");
  run_clear (&r);

  r = run (other_option, "--list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Service desk pilot"));
  run_clear (&r);

  /* A place with no shared engagement says so. */
  r = run (other_option, "--clone=/nonexistent/nowhere.git", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "nothing was added: Could not reach the repository"));
  run_clear (&r);
}

/* --sign-off records the review of a phase as the one at the keyboard,
 * today; a phase that is not there, or a decision that is no decision,
 * is refused with a reason.
 */
static void
test_sign_off (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Run r;

  {
    g_autoptr(CpStore) store = cp_store_open (f->path, &error);
    g_autoptr(CpEngagement) sample = NULL;

    g_assert_no_error (error);
    sample = cp_store_load_sample_on (store, CP_TEST_SAMPLE_DAY, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cp_engagement_get_id (sample), ==, 1);
  }

  r = run (f->option, "--sign-off=1", "--phase=1.1", "--decision=approved", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "say who you are first"));
  run_clear (&r);

  r = run (f->option, "--author=Dana Whitfield <dana@example.org>", "--sign-off=1", "--phase=1.1",
           "--decision=maybe", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "unknown decision “maybe”"));
  run_clear (&r);

  r = run (f->option, "--author=Dana Whitfield <dana@example.org>", "--sign-off=1", "--phase=9.1",
           "--decision=approved", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "has no phase 9.1"));
  run_clear (&r);

  r = run (f->option, "--author=Dana Whitfield <dana@example.org>", "--sign-off=1", "--phase=one",
           "--decision=approved", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "names no phase"));
  run_clear (&r);

  r = run (f->option, "--decision=approved", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "go with --sign-off"));
  run_clear (&r);

  r = run (f->option, "--author=Dana Whitfield <dana@example.org>", "--sign-off=1", "--phase=1.1",
           "--decision=changes-requested", "--comment=Name an owner for the change process", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Phase 1.1 “"));
  g_assert_nonnull (strstr (r.out, ": Changes requested, by Dana Whitfield\n"));
  run_clear (&r);

  {
    g_autoptr(CpStore) store = cp_store_open (f->path, &error);
    g_autoptr(CpEngagement) e = cp_store_get_engagement (store, 1, &error);
    g_autoptr(CpCycle) cycle = g_list_model_get_item (cp_engagement_get_cycles (e, NULL), 0);
    g_autoptr(CpPhase) phase = g_list_model_get_item (cp_cycle_get_phases (cycle, NULL), 0);
    CpSignOff *latest = cp_phase_get_latest_sign_off (phase);

    g_assert_nonnull (latest);
    g_assert_cmpstr (cp_sign_off_get_reviewer (latest), ==, "Dana Whitfield");
    g_assert_cmpint (cp_sign_off_get_decision (latest), ==, CP_DECISION_CHANGES_REQUESTED);
    g_assert_cmpstr (cp_sign_off_get_comments (latest), ==, "Name an owner for the change process");
  }
}

static void
test_new_and_list (Fixture       *f,
                   gconstpointer  data)
{
  Run r;

  r = run (f->option, "--list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  run_clear (&r);

  r = run (f->option, "--new=Change enablement at Northwind", "--approach=coached", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\n");
  run_clear (&r);

  r = run (f->option, "--new", "Another engagement", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "2\n");
  run_clear (&r);

  r = run (f->option, "--list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==,
                   "2\tAnother engagement\t\tundecided\tplanned\n"
                   "1\tChange enablement at Northwind\t\tcoached\tplanned\n");
  run_clear (&r);
}

static void
test_list_fields_stay_in_columns (Fixture       *f,
                                  gconstpointer  data)
{
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  Run r;

  r = run (f->option, "--new=Tabs\tand\nnewlines", "--approach=done-to-you", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = run (f->option, "--list", NULL);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);  /* one line and the empty tail */
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  g_assert_cmpstr (fields[1], ==, "Tabs and newlines");
  g_assert_cmpstr (fields[3], ==, "done-to-you");
  run_clear (&r);
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  Run r;

  r = run (f->option, "--new=X", "--approach=outsourced", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "outsourced"));
  g_assert_cmpstr (r.out, ==, "");
  run_clear (&r);

  r = run (f->option, "--approach=coached", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--new"));
  run_clear (&r);

  r = run (f->option, "--new=   ", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "empty"));
  run_clear (&r);

  /* None of these created the database. */
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_refused_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run r;

  g_assert_true (g_file_set_contents (f->path, "not a database at all\n", -1, NULL));
  before = cp_test_file_checksum (f->path);

  r = run (f->option, "--new=Nope", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "cli.db"));
  g_assert_cmpstr (r.out, ==, "");
  run_clear (&r);

  r = run (f->option, "--list", NULL);
  g_assert_cmpint (r.status, ==, 1);
  run_clear (&r);

  after = cp_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* A database from a newer Coachplan. */
  g_unlink (f->path);
  r = run (f->option, "--new=Today", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  cp_test_sql_exec (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 77");
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = cp_test_file_checksum (f->path);

  r = run (f->option, "--new=Tomorrow", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "newer version"));
  run_clear (&r);

  after = cp_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *good = g_build_filename (f->dir, "good.md", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.md", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *output = g_strconcat ("--output=", out, NULL);
  g_autofree char *exported = g_build_filename (out, "Workshop.md", NULL);
  g_autofree char *contents = NULL;
  Run r;

  g_assert_true (g_file_set_contents (good, "# Workshop\r\n\r\nNo final newline", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "caf\xe9", -1, NULL));

  r = run (f->option, "--new=Notes", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  /* A refused file: nothing is imported, and the file is named. */
  r = run (f->option, "--import-notes=1", good, bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "bad.md"));
  run_clear (&r);

  r = run (f->option, "--import-notes=1", good, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "Imported 1 note into “Notes”\n");
  run_clear (&r);

  r = run (f->option, "--export-notes=1", output, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Exported 1 note"));
  run_clear (&r);

  g_assert_true (g_file_get_contents (exported, &contents, NULL, NULL));
  g_assert_true (g_str_has_suffix (contents, "---\n# Workshop\r\n\r\nNo final newline"));

  /* Usage mistakes. */
  r = run (f->option, "--export-notes=1", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
  r = run (f->option, "--export-notes=seven", output, NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
  r = run (f->option, "--import-notes=99", good, NULL);
  g_assert_cmpint (r.status, ==, 1);
  run_clear (&r);
  r = run (f->option, good, NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  cp_test_remove_tree (out);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autofree char *md = g_build_filename (f->dir, "report.md", NULL);
  g_autofree char *html = g_build_filename (f->dir, "Report.HTML", NULL);
  g_autofree char *md_option = g_strconcat ("--output=", md, NULL);
  g_autofree char *html_option = g_strconcat ("--output=", html, NULL);
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  Run r;

  store = cp_store_open (f->path, NULL);
  engagement = cp_store_load_sample_on (store, CP_TEST_SAMPLE_DAY, NULL);
  g_assert_nonnull (engagement);
  id = g_strdup_printf ("--report=%" G_GINT64_FORMAT, cp_engagement_get_id (engagement));
  g_clear_object (&engagement);
  g_clear_object (&store);

  r = run (f->option, id, md_option, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, md));
  run_clear (&r);
  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "# Service desk and change improvement\n"));
  g_clear_pointer (&text, g_free);

  /* The extension picks the format, in any case. */
  r = run (f->option, id, html_option, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_assert_true (g_file_get_contents (html, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (text, "<table>"));

  /* Unknown formats, a missing file and a wrong number are refused. */
  r = run (f->option, id, "--output=report.docx", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "report.docx"));
  run_clear (&r);
  r = run (f->option, id, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--output"));
  run_clear (&r);
  r = run (f->option, "--report=999", md_option, NULL);
  g_assert_cmpint (r.status, ==, 1);
  run_clear (&r);

  /* The team's report adds the people; an unknown audience is refused. */
  g_clear_pointer (&text, g_free);
  r = run (f->option, id, md_option, "--audience=team", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\n## People and relationships\n"));
  r = run (f->option, id, md_option, "--audience=board", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "board"));
  run_clear (&r);
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *option = g_strconcat ("--backup=", copy, NULL);
  g_autofree char *into_folder = g_strconcat ("--backup=", f->dir, NULL);
  g_autofree char *copy_option = g_strconcat ("--database=", copy, NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *folder_part = g_strconcat (f->dir, ".part", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GStatBuf st;
  Run r;

  /* Nothing to back up yet, and nothing made. */
  r = run (f->option, option, NULL);
  g_assert_cmpint (r.status, ==, 1);
  run_clear (&r);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  r = run (f->option, "--new=Kept safe", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  before = cp_test_file_checksum (f->path);

  r = run (f->option, option, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, copy));
  run_clear (&r);

  /* The copy is private, whole, and opens with the same engagement. */
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (g_file_test (copy_wal, G_FILE_TEST_EXISTS));
  r = run (copy_option, "--list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\tKept safe\t"));
  run_clear (&r);

  /* A folder is no place for it; the database is left alone. */
  r = run (f->option, into_folder, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Could not back up"));
  run_clear (&r);
  g_assert_false (g_file_test (folder_part, G_FILE_TEST_EXISTS));
  after = cp_test_file_checksum (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* --export writes the folder, --import adds it as a new engagement, and
 * a broken folder is refused naming its file and line.
 */
static void
test_folder (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "Kick-off", NULL);
  g_autofree char *output = g_strconcat ("--output=", folder, NULL);
  g_autofree char *import = g_strconcat ("--import=", folder, NULL);
  g_autofree char *people = g_build_filename (folder, "people.md", NULL);
  g_autofree char *engagement_file = g_build_filename (folder, "engagement.md", NULL);
  g_autofree char *engagement = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run r;

  r = run (f->option, "--new=Folder | trip", "--approach=coached", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = run (f->option, "--export=1", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--output"));
  run_clear (&r);

  r = run (f->option, "--export=1", output, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_assert_true (g_file_get_contents (engagement_file, &engagement, NULL, NULL));
  g_assert_nonnull (strstr (engagement, "format-version: 3\nid: "));
  g_assert_nonnull (strstr (engagement, "\ntitle: \"Folder | trip\"\n"));
  g_assert_nonnull (strstr (engagement, "approach: coached\n"));

  r = run (f->option, import, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "2\n");
  run_clear (&r);

  r = run (f->option, "--list", NULL);
  g_assert_nonnull (strstr (r.out, "1\tFolder | trip\t"));
  g_assert_nonnull (strstr (r.out, "2\tFolder | trip\t"));
  run_clear (&r);

  g_assert_true (g_file_set_contents (people, "# People\n\nWho?\n", -1, NULL));
  before = cp_test_sql_text (f->path, "SELECT count(*) FROM engagement");
  r = run (f->option, import, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "nothing was imported: people.md, line 3:"));
  run_clear (&r);
  after = cp_test_sql_text (f->path, "SELECT count(*) FROM engagement");
  g_assert_cmpstr (after, ==, before);
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  g_autofree char *backup_option = g_strconcat ("--backup=", copy, NULL);
  g_autofree char *restore_option = g_strconcat ("--restore=", copy, NULL);
  g_autofree char *junk_option = g_strconcat ("--restore=", junk, NULL);
  g_autofree char *kept_option = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *kept;
  Run r;

  r = run (f->option, "--new=Before the backup", NULL);
  run_clear (&r);
  r = run (f->option, backup_option, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  r = run (f->option, "--new=After the backup", NULL);
  run_clear (&r);

  /* A file that is not a backup is refused; nothing changes. */
  g_assert_true (g_file_set_contents (junk, "not a database at all", -1, NULL));
  before = cp_test_file_checksum (f->path);
  r = run (f->option, junk_option, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  run_clear (&r);
  after = cp_test_file_checksum (f->path);
  g_assert_cmpstr (after, ==, before);

  /* The backup comes back exactly; what was there is kept beside it. */
  r = run (f->option, restore_option, NULL);
  g_assert_cmpint (r.status, ==, 0);
  kept = strstr (r.out, "kept as ");
  g_assert_nonnull (kept);
  kept_option = g_strdup_printf ("--database=%.*s", (int) strcspn (kept + 8, "\n"), kept + 8);
  run_clear (&r);

  r = run (f->option, "--list", NULL);
  g_assert_nonnull (strstr (r.out, "Before the backup"));
  g_assert_null (strstr (r.out, "After the backup"));
  run_clear (&r);

  r = run (kept_option, "--list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "After the backup"));
  run_clear (&r);
}

/* --new-sample adds the sample and prints its number; --summary says
 * where it stands and what needs the sponsor, its dates the day's own.
 */
static void
test_sample_and_summary (Fixture       *f,
                         gconstpointer  data)
{
  Run r = run (f->option, "--new-sample", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\n");
  run_clear (&r);

  r = run (f->option, "--summary=1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Service desk and change improvement\nOff track: 1 goal is off track; "
                                          "1 action is overdue; 2 approach risks are open\n"));
  g_assert_nonnull (strstr (r.out, "\nNeeds your attention\n- "));
  g_assert_nonnull (strstr (r.out, "- Risk: The coach ends up doing the work"));
  run_clear (&r);

  r = run (f->option, "--summary=7", NULL);
  g_assert_cmpint (r.status, !=, 0);
  run_clear (&r);
}

/* --export-calendar and --import-calendar: the sample's sessions out,
 * into an empty database, and out again the same; usage and bad files.
 */
static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *ics = g_build_filename (f->dir, "sample.ics", NULL);
  g_autofree char *again = g_build_filename (f->dir, "again.ics", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.ics", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *output = g_strconcat ("--output=", ics, NULL);
  g_autofree char *output_again = g_strconcat ("--output=", again, NULL);
  g_autofree char *other_option = g_strconcat ("--database=", other, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  Run r;

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  r = run (f->option, "--new-sample", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = run (f->option, "--export-calendar=1", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--output=FILE.ics"));
  run_clear (&r);
  r = run (f->option, "--export-calendar=9", output, NULL);
  g_assert_cmpint (r.status, ==, 1);
  run_clear (&r);

  r = run (f->option, "--export-calendar=all", output, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, ics));
  run_clear (&r);
  g_assert_true (g_file_get_contents (ics, &first, NULL, NULL));
  g_assert_nonnull (strstr (first, "BEGIN:VEVENT"));
  g_assert_nonnull (strstr (first, "BEGIN:VTODO"));

  r = run (other_option, "--import-calendar=all", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
  r = run (other_option, "--import-calendar=all", ics, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "added"));
  run_clear (&r);
  r = run (other_option, "--export-calendar=all", output_again, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_assert_true (g_file_get_contents (again, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);

  /* A bad file names its line and changes nothing. */
  g_assert_true (g_file_set_contents (bad, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nEND:VCALENDAR\n", -1, NULL));
  r = run (f->option, "--import-calendar=1", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Line 4: END:VCALENDAR where END:VEVENT was expected"));
  run_clear (&r);
  r = run (f->option, "--export-calendar=1", output_again, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_clear_pointer (&second, g_free);
  g_assert_true (g_file_get_contents (again, &second, NULL, NULL));
  g_assert_cmpuint (strlen (second), >, 0);
  g_unsetenv ("TZ");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add ("/cli/new-and-list", Fixture, NULL, fixture_set_up, test_new_and_list,
              fixture_tear_down);
  g_test_add ("/cli/list-fields-stay-in-columns", Fixture, NULL, fixture_set_up,
              test_list_fields_stay_in_columns, fixture_tear_down);
  g_test_add ("/cli/author", Fixture, NULL, fixture_set_up, test_author, fixture_tear_down);
  g_test_add ("/cli/share-and-clone", Fixture, NULL, fixture_set_up, test_share_and_clone,
              fixture_tear_down);
  g_test_add ("/cli/sign-off", Fixture, NULL, fixture_set_up, test_sign_off, fixture_tear_down);
  g_test_add ("/cli/usage-errors", Fixture, NULL, fixture_set_up, test_usage_errors,
              fixture_tear_down);
  g_test_add ("/cli/refused-database", Fixture, NULL, fixture_set_up, test_refused_database,
              fixture_tear_down);
  g_test_add ("/cli/notes", Fixture, NULL, fixture_set_up, test_notes, fixture_tear_down);
  g_test_add ("/cli/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/cli/calendar", Fixture, NULL, fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/cli/backup", Fixture, NULL, fixture_set_up, test_backup, fixture_tear_down);
  g_test_add ("/cli/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/cli/folder", Fixture, NULL, fixture_set_up, test_folder, fixture_tear_down);
  g_test_add ("/cli/sample-and-summary", Fixture, NULL, fixture_set_up, test_sample_and_summary,
              fixture_tear_down);

  return g_test_run ();
}
