/* test-share.c — engagements shared through a git repository
 *
 * A coach shares an engagement with its sponsor through a bare
 * repository; the sponsor clones it into a database of their own. What
 * the sponsor may not read never enters the repository, in any object.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <git2.h>
#include <string.h>
#include <unistd.h>

#include "cp-engagement.h"
#include "cp-engagement-io.h"
#include "cp-note.h"
#include "cp-notes-io.h"
#include "cp-share.h"
#include "cp-test-share.h"

static void
assert_same_files (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      CpExportFile *x = g_ptr_array_index (a, i);
      CpExportFile *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->contents, ==, y->contents);
    }
}

static void
test_share_with_sponsor (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) coach = coach_engagement (f->store);
  g_autofree char *remote = g_build_filename (f->dir, "shared", "remote.git", NULL);
  g_autofree char *sponsor_path = g_build_filename (f->dir, "sponsor.db", NULL);
  g_autofree char *coach_uuid = cp_engagement_dup_uuid (coach, NULL);
  g_autoptr(CpStore) sponsor_store = NULL;
  g_autoptr(CpEngagement) sponsor = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GPtrArray) received = NULL;
  g_autofree char *sponsor_uuid = NULL;
  CpAudience audience;
  gboolean owner = FALSE;
  Scan scan;

  /* The coach shares with the sponsor; the repository is made. */
  g_assert_true (cp_share_engagement (coach, remote, CP_AUDIENCE_SPONSOR, "Sam Okafor",
                                      "sam@example.org", &error));
  g_assert_no_error (error);
  g_assert_true (cp_share_get_sharing (coach, &audience, &owner));
  g_assert_cmpint (audience, ==, CP_AUDIENCE_SPONSOR);
  g_assert_true (owner);

  /* What the sponsor may not read is in no object of the repository. */
  scan = scan_repository (remote);
  g_assert_cmpuint (scan.blobs, >, 5);
  g_assert_cmpuint (scan.coach, ==, 0);
  g_assert_cmpuint (scan.client, ==, 0);
  g_assert_cmpuint (scan.sponsor, ==, 1);

  /* Shared once with each audience is enough. */
  g_assert_false (cp_share_engagement (coach, remote, CP_AUDIENCE_SPONSOR, "Sam Okafor",
                                       "sam@example.org", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* Another audience needs a repository of its own: the sponsor's would
   * show the team's notes. Nothing of it is kept here, and nothing
   * entered the repository.
   */
  g_assert_false (cp_share_engagement (coach, remote, CP_AUDIENCE_TEAM, "Sam Okafor", "sam@example.org",
                                       &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "repository of its own"));
  g_clear_error (&error);
  g_assert_cmpuint (scan_repository (remote).coach, ==, 0);
  {
    g_autoptr(GArray) audiences = cp_share_dup_audiences (coach);

    g_assert_cmpuint (audiences->len, ==, 1);
  }

  /* The sponsor clones it into a database of their own: the same
   * engagement, with the same ids, and only the sponsor's notes.
   */
  sponsor_store = cp_store_open (sponsor_path, &error);
  g_assert_no_error (error);
  ids = cp_share_clone (sponsor_store, remote, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  sponsor = cp_store_get_engagement (sponsor_store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  sponsor_uuid = cp_engagement_dup_uuid (sponsor, NULL);
  g_assert_cmpstr (sponsor_uuid, ==, coach_uuid);
  g_assert_cmpstr (cp_engagement_get_title (sponsor), ==, cp_engagement_get_title (coach));
  g_assert_true (cp_share_get_sharing (sponsor, &audience, &owner));
  g_assert_cmpint (audience, ==, CP_AUDIENCE_SPONSOR);
  g_assert_false (owner);

  sent = cp_engagement_export_prepare_for (coach, CP_AUDIENCE_SPONSOR, &error);
  g_assert_no_error (error);
  received = cp_engagement_export_prepare (sponsor, &error);
  g_assert_no_error (error);
  assert_same_files (sent, received);

  /* Cloned again, it is not added twice. */
  g_clear_pointer (&ids, g_array_unref);
  ids = cp_share_clone (sponsor_store, remote, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpuint (cp_store_count_engagements (sponsor_store), ==, 1);
}

/* The commit is authored by who shared it. */
static void
test_author (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) coach = coach_engagement (f->store);
  g_autofree char *remote = g_build_filename (f->dir, "remote.git", NULL);
  git_repository *repo = NULL;
  git_commit *commit = NULL;
  git_oid head;

  g_assert_true (cp_share_engagement (coach, remote, CP_AUDIENCE_TEAM, "Dana Whitfield",
                                      "dana@example.org", &error));
  g_assert_no_error (error);

  git_libgit2_init ();
  g_assert_cmpint (git_repository_open_bare (&repo, remote), ==, 0);
  g_assert_cmpint (git_reference_name_to_id (&head, repo, "refs/heads/main"), ==, 0);
  g_assert_cmpint (git_commit_lookup (&commit, repo, &head), ==, 0);
  g_assert_cmpstr (git_commit_author (commit)->name, ==, "Dana Whitfield");
  g_assert_cmpstr (git_commit_author (commit)->email, ==, "dana@example.org");
  git_commit_free (commit);
  git_repository_free (repo);
  git_libgit2_shutdown ();

  /* The team reads every note. */
  {
    Scan scan = scan_repository (remote);

    g_assert_cmpuint (scan.coach, ==, 1);
    g_assert_cmpuint (scan.client, ==, 1);
    g_assert_cmpuint (scan.sponsor, ==, 1);
  }
}

/* The history lists each change of the engagement's folder, newest
 * first, with who made it; another engagement of the same repository
 * has its own.
 */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) coach = coach_engagement (f->store);
  g_autoptr(CpEngagement) other = cp_store_create_engagement (f->store, "Second client",
                                                              CP_APPROACH_COACHED, NULL);
  g_autofree char *remote = g_build_filename (f->dir, "remote.git", NULL);
  g_autoptr(GPtrArray) history = NULL;
  CpShareChange *change;

  /* Not shared: no history, and no error. */
  history = cp_share_dup_history (coach, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
  g_clear_pointer (&history, g_ptr_array_unref);

  g_assert_true (cp_share_engagement (coach, remote, CP_AUDIENCE_SPONSOR, "Sam Okafor",
                                      "sam@example.org", &error));
  g_assert_no_error (error);
  /* An author is recorded with an address. */
  g_assert_false (cp_share_engagement (other, remote, CP_AUDIENCE_TEAM, "Lee Chen", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "give your email address too"));
  g_clear_error (&error);
  g_assert_true (cp_share_engagement (other, remote, CP_AUDIENCE_TEAM, "Lee Chen", "lee@example.org",
                                      &error));
  g_assert_no_error (error);

  history = cp_share_dup_history (coach, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  change = g_ptr_array_index (history, 0);
  g_assert_cmpstr (change->author, ==, "Sam Okafor");
  g_assert_cmpstr (change->email, ==, "sam@example.org");
  g_assert_cmpuint (strlen (change->commit), ==, 7);
  g_assert_nonnull (change->when);
  g_assert_cmpstr (change->summary, ==, "Share “Service desk and change improvement” with the sponsor");
  g_clear_pointer (&history, g_ptr_array_unref);

  history = cp_share_dup_history (other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  change = g_ptr_array_index (history, 0);
  g_assert_cmpstr (change->author, ==, "Lee Chen");
}

/* A folder that is neither a repository nor empty is refused, and
 * nothing is left behind.
 */
static void
test_refused_location (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) coach = coach_engagement (f->store);
  g_autofree char *folder = g_build_filename (f->dir, "papers", NULL);
  g_autofree char *file = g_build_filename (folder, "letter.txt", NULL);
  g_autofree char *clone = cp_share_dup_clone_path (coach, CP_AUDIENCE_TEAM, NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.git", NULL);
  g_autofree char *url = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "mine", -1, NULL));

  g_assert_false (cp_share_engagement (coach, folder, CP_AUDIENCE_TEAM, "Sam Okafor", "sam@example.org",
                                       &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "neither a git repository nor an empty folder"));
  g_clear_error (&error);
  g_assert_false (g_file_test (clone, G_FILE_TEST_EXISTS));
  g_assert_false (cp_share_is_shared (coach, NULL));

  /* An unreachable remote says so; nothing is kept. */
  url = g_strconcat ("file://", missing, NULL);
  g_assert_false (cp_share_engagement (coach, url, CP_AUDIENCE_TEAM, "Sam Okafor", "sam@example.org",
                                       &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Could not reach the repository"));
  g_clear_error (&error);
  g_assert_false (g_file_test (clone, G_FILE_TEST_EXISTS));
}

/* A repository whose files are links reaches nothing outside it: the
 * opening is refused, and nothing is added or kept.
 */
static void
test_hostile_repository (Fixture       *f,
                         gconstpointer  data)
{
  const char *uuid = "11111111-2222-4333-8444-555555555555";
  g_autoptr(GError) error = NULL;
  g_autofree char *work = g_build_filename (f->dir, "evil", NULL);
  g_autofree char *folder = g_build_filename (work, uuid, NULL);
  g_autofree char *outside = g_build_filename (f->dir, "outside.md", NULL);
  g_autofree char *link = g_build_filename (folder, "engagement.md", NULL);
  g_autofree char *index = g_build_filename (work, CP_SHARE_INDEX, NULL);
  g_autofree char *shared = cp_share_dup_folder (f->store);
  g_autofree char *kept = g_build_filename (shared, uuid, NULL);
  g_autofree char *index_text = g_strdup_printf ("| Engagement | Audience |\n| --- | --- |\n| %s | team |\n", uuid);
  g_autoptr(GArray) ids = NULL;
  git_repository *repo = NULL;
  git_index *git_index = NULL;
  git_signature *who = NULL;
  git_tree *tree = NULL;
  git_oid tree_id, commit_id;
  char *all[] = { (char *) "*" };
  git_strarray pathspec = { all, 1 };

  g_assert_true (g_file_set_contents (outside, "---\nformat: coachplan-engagement\n---\n", -1, NULL));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (symlink (outside, link), ==, 0);
  g_assert_true (g_file_set_contents (index, index_text, -1, NULL));

  git_libgit2_init ();
  g_assert_cmpint (git_repository_init (&repo, work, FALSE), ==, 0);
  g_assert_cmpint (git_repository_index (&git_index, repo), ==, 0);
  g_assert_cmpint (git_index_add_all (git_index, &pathspec, GIT_INDEX_ADD_DEFAULT, NULL, NULL), ==, 0);
  g_assert_cmpint (git_index_write_tree (&tree_id, git_index), ==, 0);
  g_assert_cmpint (git_tree_lookup (&tree, repo, &tree_id), ==, 0);
  g_assert_cmpint (git_signature_now (&who, "Mallory", "mallory@example.org"), ==, 0);
  g_assert_cmpint (git_commit_create (&commit_id, repo, "refs/heads/main", who, who, NULL, "Links",
                                      tree, 0, NULL), ==, 0);
  g_assert_cmpint (git_repository_set_head (repo, "refs/heads/main"), ==, 0);
  git_tree_free (tree);
  git_signature_free (who);
  git_index_free (git_index);
  git_repository_free (repo);
  git_libgit2_shutdown ();

  ids = cp_share_clone (f->store, work, &error);
  g_assert_null (ids);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  g_assert_cmpuint (cp_store_count_engagements (f->store), ==, 0);
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/share/sponsor", Fixture, NULL, fixture_set_up, test_share_with_sponsor,
              fixture_tear_down);
  g_test_add ("/share/history", Fixture, NULL, fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/share/hostile-repository", Fixture, NULL, fixture_set_up, test_hostile_repository,
              fixture_tear_down);
  g_test_add ("/share/author", Fixture, NULL, fixture_set_up, test_author, fixture_tear_down);
  g_test_add ("/share/refused-location", Fixture, NULL, fixture_set_up, test_refused_location,
              fixture_tear_down);

  return g_test_run ();
}
