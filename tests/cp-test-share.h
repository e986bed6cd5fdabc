/* cp-test-share.h — what the sharing tests share: the sample engagement
 * with a note for each audience, and a scan of every object of a
 * repository for words that must not be there
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <git2.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-note.h"
#include "cp-test-store.h"

/* Words found in one note only, to look for in every object. */
#define COACH_WORDS "zanzibar-coach-only-heron"
#define CLIENT_WORDS "quokka-client-lantern"
#define SPONSOR_WORDS "narwhal-sponsor-orchard"

/* The sample engagement, with a note for each audience. */
static inline CpEngagement *
coach_engagement (CpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = cp_store_load_sample_on (store, CP_TEST_SAMPLE_DAY, &error);
  const struct { const char *body; CpVisibility visibility; } notes[] = {
    { "# Private\n\n" COACH_WORDS "\n", CP_VISIBILITY_COACH },
    { "# For the client\n\n" CLIENT_WORDS "\n", CP_VISIBILITY_CLIENT },
    { "# For the sponsor\n\n" SPONSOR_WORDS "\n", CP_VISIBILITY_SPONSOR },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autoptr(CpNote) note = cp_engagement_add_note (e, NULL, notes[i].body, &error);

      g_assert_no_error (error);
      cp_note_set_visibility (note, notes[i].visibility);
    }
  g_assert_true (cp_store_flush (store, &error));

  return g_steal_pointer (&e);
}

typedef struct
{
  git_odb  *odb;
  guint     blobs;
  guint     coach, client, sponsor;
  const char *words;   /* others to look for, or NULL */
  guint     found;
} Scan;

static inline int
scan_object (const git_oid *id,
             void          *payload)
{
  Scan *scan = payload;
  git_odb_object *object = NULL;

  g_assert_cmpint (git_odb_read (&object, scan->odb, id), ==, 0);
  if (git_odb_object_type (object) == GIT_OBJECT_BLOB)
    {
      g_autofree char *data = g_strndup (git_odb_object_data (object), git_odb_object_size (object));

      scan->blobs++;
      scan->coach += strstr (data, COACH_WORDS) != NULL;
      scan->client += strstr (data, CLIENT_WORDS) != NULL;
      scan->sponsor += strstr (data, SPONSOR_WORDS) != NULL;
      scan->found += scan->words != NULL && strstr (data, scan->words) != NULL;
    }
  git_odb_object_free (object);

  return 0;
}

/* Every object of the repository, in any commit of any ref, loose or
 * packed.
 */
static inline Scan
scan_repository_for (const char *path,
                     const char *words)
{
  git_repository *repo = NULL;
  Scan scan = { 0 };

  scan.words = words;
  git_libgit2_init ();
  g_assert_cmpint (git_repository_open_bare (&repo, path), ==, 0);
  g_assert_cmpint (git_repository_odb (&scan.odb, repo), ==, 0);
  g_assert_cmpint (git_odb_foreach (scan.odb, scan_object, &scan), ==, 0);
  git_odb_free (scan.odb);
  git_repository_free (repo);
  git_libgit2_shutdown ();

  return scan;
}


static inline Scan
scan_repository (const char *path)
{
  return scan_repository_for (path, NULL);
}
