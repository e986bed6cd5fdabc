/* cp-provenance.c — where a sign-off came from: the reviewer's own
 * Coachplan, or someone recording it for them
 *
 * Each sign-off keeps who entered it. For a shared engagement the
 * repository says more: the commit that first carried the sign-off, and
 * who made it. When that is the reviewer, they signed off in their own
 * Coachplan; when it is someone else, that person recorded it for them.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-provenance"

#include "config.h"

#include <string.h>

#include "cp-engagement.h"
#include "cp-provenance.h"
#include "cp-share.h"
#include "cp-share-private.h"
#include "cp-sign-off.h"

/* The first commit whose engagement folder carries @needle in csip.md:
 * its author's name, its short id and its time.
 */
static gboolean
first_carrier (const char  *clone,
               const char  *uuid,
               const char  *needle,
               char       **author,
               char       **commit,
               GDateTime  **when)
{
  g_autoptr(GitScope) scope = _cp_share_git_enter ();
  g_autoptr(git_repository) repo = NULL;
  g_autofree char *path = g_strconcat (uuid, "/csip.md", NULL);
  git_revwalk *walk = NULL;
  gboolean found = FALSE;
  git_oid id;

  if (git_repository_open_ext (&repo, clone, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) != 0 ||
      git_revwalk_new (&walk, repo) != 0)
    return FALSE;

  if (git_revwalk_sorting (walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE) == 0 &&
      git_revwalk_push_ref (walk, BRANCH) == 0)
    while (!found && git_revwalk_next (&id, walk) == 0)
      {
        g_autoptr(git_commit) c = NULL;
        g_autoptr(git_tree) tree = NULL;
        g_autoptr(git_blob) blob = NULL;
        git_tree_entry *entry = NULL;
        char hex[GIT_OID_HEXSZ + 1];

        if (git_commit_lookup (&c, repo, &id) != 0 || git_commit_tree (&tree, c) != 0 ||
            git_tree_entry_bypath (&entry, tree, path) != 0)
          continue;
        if (git_blob_lookup (&blob, repo, git_tree_entry_id (entry)) == 0 &&
            g_strstr_len (git_blob_rawcontent (blob), git_blob_rawsize (blob), needle) != NULL)
          {
            git_oid_tostr (hex, sizeof hex, &id);
            *author = g_strdup (git_commit_author (c)->name);
            *commit = g_strndup (hex, 7);
            *when = g_date_time_new_from_unix_utc (git_commit_author (c)->when.time);
            found = TRUE;
          }
        git_tree_entry_free (entry);
      }

  git_revwalk_free (walk);

  return found;
}

/**
 * cp_sign_off_dup_provenance:
 *
 * Says where the sign-off came from: "Signed off by Dana Whitfield in
 * their own Coachplan on 30 November 2026 (commit 1a2b3c4)", or
 * "Recorded by Sam Okafor".
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when
 *   nothing is known of it (a sign-off recorded before Coachplan kept
 *   who entered it)
 */
char *
cp_sign_off_dup_provenance (CpEngagement *engagement,
                            CpSignOff    *sign_off)
{
  const char *reviewer = cp_sign_off_get_reviewer (sign_off);
  const char *recorded_by = cp_sign_off_get_recorded_by (sign_off);
  g_autoptr(GArray) audiences = cp_share_dup_audiences (engagement);
  g_autofree char *uuid = cp_engagement_dup_uuid (engagement, NULL);

  for (guint i = 0; uuid != NULL && cp_sign_off_get_uuid (sign_off) != NULL && i < audiences->len; i++)
    {
      g_autofree char *clone = cp_share_dup_clone_path (engagement,
                                                        g_array_index (audiences, CpAudience, i), NULL);
      g_autofree char *author = NULL;
      g_autofree char *commit = NULL;
      g_autoptr(GDateTime) when = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *day = NULL;

      if (clone == NULL ||
          !first_carrier (clone, uuid, cp_sign_off_get_uuid (sign_off), &author, &commit, &when))
        continue;

      if (g_utf8_collate (author, reviewer) != 0)
        /* Translators: who entered a sign-off for its reviewer. */
        return g_strdup_printf (_("Recorded by %s"), author);

      local = g_date_time_to_local (when);
      day = g_date_time_format (local, "%-d %B %Y");
      /* Translators: the reviewer, the day and the commit that carried
       * the sign-off first.
       */
      return g_strdup_printf (_("Signed off by %s in their own Coachplan on %s (commit %s)"),
                              reviewer, day, commit);
    }

  if (recorded_by == NULL || *recorded_by == '\0')
    return NULL;
  if (g_utf8_collate (recorded_by, reviewer) != 0)
    return g_strdup_printf (_("Recorded by %s"), recorded_by);

  /* Translators: the reviewer entered the sign-off themselves. */
  return g_strdup_printf (_("Signed off by %s in their own Coachplan"), reviewer);
}
