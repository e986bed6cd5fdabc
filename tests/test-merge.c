/* test-merge.c — an engagement folder merged record by record
 *
 * Two databases start from one export of the sample engagement, each
 * changes it, and the merge of the three folders is stored in the first:
 * changes to different records and fields all arrive, changes that
 * clash are conflicts that name the file, the record, the field and
 * both values, and notes the repository does not carry stay untouched.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-engagement.h"
#include "cp-engagement-io.h"
#include "cp-goal.h"
#include "cp-note.h"
#include "cp-notes-io.h"
#include "cp-session.h"
#include "cp-stakeholder.h"
#include "cp-store-merge.h"
#include "cp-test-store.h"

typedef struct
{
  Fixture       here;
  CpStore      *there_store;
  CpEngagement *mine;
  CpEngagement *theirs;
  GHashTable   *base;
} Pair;

static GHashTable *
files_of (CpEngagement *engagement,
          CpAudience    audience)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = cp_engagement_export_prepare_for (engagement, audience, &error);

  g_assert_no_error (error);

  return cp_merge_files_table (files);
}

/* The text of one file of the engagement's folder. */
static char *
file_text (CpEngagement *engagement,
           const char   *name)
{
  g_autoptr(GHashTable) files = files_of (engagement, CP_AUDIENCE_TEAM);
  GBytes *bytes = g_hash_table_lookup (files, name);

  g_assert_nonnull (bytes);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
pair_set_up (Pair          *p,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *there = NULL;
  gint64 id;

  fixture_set_up (&p->here, NULL);
  p->mine = cp_store_load_sample_on (p->here.store, CP_TEST_SAMPLE_DAY, &error);
  g_assert_no_error (error);

  files = cp_engagement_export_prepare (p->mine, &error);
  g_assert_no_error (error);
  p->base = cp_merge_files_table (files);

  folder = g_build_filename (p->here.dir, "folder", NULL);
  g_assert_true (cp_export_write_files (folder, files, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  there = g_build_filename (p->here.dir, "there.db", NULL);
  p->there_store = cp_store_open (there, &error);
  g_assert_no_error (error);
  id = cp_store_import_engagement (p->there_store, folder, &error);
  g_assert_no_error (error);
  p->theirs = cp_store_get_engagement (p->there_store, id, &error);
  g_assert_no_error (error);
}

static void
pair_tear_down (Pair          *p,
                gconstpointer  data)
{
  g_clear_object (&p->mine);
  g_clear_object (&p->theirs);
  g_hash_table_unref (p->base);
  cp_store_flush (p->there_store, NULL);
  g_assert_finalize_object (p->there_store);
  fixture_tear_down (&p->here, NULL);
}

static CpMerge *
merge (Pair          *p,
       GHashTable    *choices,
       CpMergePrefer  prefer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) mine = files_of (p->mine, CP_AUDIENCE_TEAM);
  g_autoptr(GHashTable) theirs = files_of (p->theirs, CP_AUDIENCE_TEAM);
  CpMerge *m = cp_merge_new (p->base, mine, theirs, choices, prefer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);

  return m;
}

/* Stores the merge here and reads the engagement again. */
static void
apply (Pair    *p,
       CpMerge *m)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cp_engagement_get_id (p->mine);

  g_assert_cmpuint (cp_merge_get_conflicts (m)->len, ==, 0);
  g_assert_true (cp_store_apply_merge (p->here.store, id, m, CP_AUDIENCE_TEAM, &error));
  g_assert_no_error (error);
  g_clear_object (&p->mine);
  p->mine = cp_store_get_engagement (p->here.store, id, &error);
  g_assert_no_error (error);
}

static CpGoal *
goal (CpEngagement *engagement,
      guint         i)
{
  g_autoptr(GError) error = NULL;
  GListModel *goals = cp_engagement_get_goals (engagement, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (goals), >, i);

  return g_list_model_get_item (goals, i);
}

static void
flush_both (Pair *p)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_store_flush (p->here.store, &error));
  g_assert_true (cp_store_flush (p->there_store, &error));
  g_assert_no_error (error);
}

static void
test_unchanged (Pair          *p,
                gconstpointer  data)
{
  g_autoptr(CpMerge) m = merge (p, NULL, CP_MERGE_ASK);

  g_assert_cmpuint (cp_merge_get_conflicts (m)->len, ==, 0);
  g_assert_false (cp_merge_changes_mine (m));
}

/* Different fields, different records, additions and a removal: all of
 * them arrive, and the scope changed at both ends is merged as text.
 */
static void
test_both_sides (Pair          *p,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpGoal) mine_goal = goal (p->mine, 0);
  g_autoptr(CpGoal) their_goal = goal (p->theirs, 0);
  g_autoptr(CpGoal) gone = goal (p->theirs, 1);
  g_autofree char *gone_name = g_strdup (cp_goal_get_name (gone));
  g_autofree char *scope = g_strdup (cp_engagement_get_scope (p->mine));
  g_autofree char *mine_scope = g_strconcat (scope, "\n\nAdded here at the end.\n", NULL);
  g_autofree char *their_scope = g_strconcat ("Added there at the start.\n\n", scope, NULL);
  g_autoptr(CpMerge) m = NULL;
  g_autofree char *measures = NULL;
  g_autofree char *people = NULL;
  g_autofree char *engagement = NULL;
  g_autoptr(CpStakeholder) here = NULL;
  g_autoptr(CpStakeholder) there = NULL;

  g_assert_true (cp_goal_set_target (mine_goal, 42, "2027-03-31"));
  cp_goal_set_name (their_goal, "Changes approved at the first CAB");
  g_assert_true (cp_engagement_remove_measure (p->theirs, G_OBJECT (gone), &error));
  here = cp_engagement_add_stakeholder (p->mine, "Ayla Here", "Service owner", "", &error);
  there = cp_engagement_add_stakeholder (p->theirs, "Tomas There", "Problem manager", "", &error);
  g_assert_no_error (error);
  cp_engagement_set_scope (p->mine, mine_scope);
  cp_engagement_set_scope (p->theirs, their_scope);
  flush_both (p);

  m = merge (p, NULL, CP_MERGE_ASK);
  g_assert_true (cp_merge_changes_mine (m));
  apply (p, m);

  measures = file_text (p->mine, "measures.md");
  g_assert_nonnull (strstr (measures, "| Changes approved at the first CAB |"));
  g_assert_nonnull (strstr (measures, "| 42 | 2027-03-31 |"));
  g_assert_null (strstr (measures, gone_name));
  people = file_text (p->mine, "people.md");
  g_assert_nonnull (strstr (people, "Ayla Here"));
  g_assert_nonnull (strstr (people, "Tomas There"));
  engagement = file_text (p->mine, "engagement.md");
  g_assert_nonnull (strstr (engagement, "Added here at the end."));
  g_assert_nonnull (strstr (engagement, "Added there at the start."));
}

/* The same target changed on both sides: a conflict that names it, and
 * the database here untouched until it is settled.
 */
static void
test_conflict (Pair          *p,
               gconstpointer  data)
{
  g_autoptr(CpGoal) mine_goal = goal (p->mine, 0);
  g_autoptr(CpGoal) their_goal = goal (p->theirs, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CpMerge) asked = NULL;
  g_autoptr(CpMerge) chosen = NULL;
  g_autoptr(CpMerge) theirs = NULL;
  g_autoptr(GHashTable) choices = g_hash_table_new (g_str_hash, g_str_equal);
  CpMergeConflict *conflict;

  g_assert_true (cp_goal_set_target (mine_goal, 80, "2027-03-31"));
  g_assert_true (cp_goal_set_target (their_goal, 70, "2027-03-31"));
  flush_both (p);
  before = file_text (p->mine, "measures.md");

  asked = merge (p, NULL, CP_MERGE_ASK);
  g_assert_cmpuint (cp_merge_get_conflicts (asked)->len, ==, 1);
  conflict = g_ptr_array_index (cp_merge_get_conflicts (asked), 0);
  g_assert_cmpstr (conflict->file, ==, "measures.md");
  g_assert_cmpstr (conflict->field, ==, "Target");
  g_assert_cmpstr (conflict->mine, ==, "80");
  g_assert_cmpstr (conflict->theirs, ==, "70");
  g_assert_nonnull (strstr (conflict->record, cp_goal_get_name (mine_goal)));
  after = file_text (p->mine, "measures.md");
  g_assert_cmpstr (before, ==, after);

  /* Settled by a choice for this conflict. */
  g_hash_table_insert (choices, conflict->key, (gpointer) "theirs");
  chosen = merge (p, choices, CP_MERGE_ASK);
  g_assert_cmpuint (cp_merge_get_conflicts (chosen)->len, ==, 0);

  /* Settled by preference. */
  theirs = merge (p, NULL, CP_MERGE_THEIRS);
  apply (p, theirs);
  g_clear_pointer (&after, g_free);
  after = file_text (p->mine, "measures.md");
  g_assert_nonnull (strstr (after, "| 70 | 2027-03-31 |"));
  g_assert_null (strstr (after, "| 80 | 2027-03-31 |"));
}

/* A record changed here and removed there is a conflict of the record. */
static void
test_edit_against_removal (Pair          *p,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpGoal) mine_goal = goal (p->mine, 1);
  g_autoptr(CpGoal) their_goal = goal (p->theirs, 1);
  g_autoptr(CpMerge) asked = NULL;
  g_autoptr(CpMerge) mine = NULL;
  g_autofree char *measures = NULL;
  CpMergeConflict *conflict;

  cp_goal_set_name (mine_goal, "Kept and renamed here");
  g_assert_true (cp_engagement_remove_measure (p->theirs, G_OBJECT (their_goal), &error));
  g_assert_no_error (error);
  flush_both (p);

  asked = merge (p, NULL, CP_MERGE_ASK);
  g_assert_cmpuint (cp_merge_get_conflicts (asked)->len, ==, 1);
  conflict = g_ptr_array_index (cp_merge_get_conflicts (asked), 0);
  g_assert_null (conflict->field);
  g_assert_nonnull (conflict->mine);
  g_assert_null (conflict->theirs);

  mine = merge (p, NULL, CP_MERGE_MINE);
  apply (p, mine);
  measures = file_text (p->mine, "measures.md");
  g_assert_nonnull (strstr (measures, "Kept and renamed here"));
}

/* A coach-only note never reaches a sponsor's repository: storing a
 * merge keeps it, linked to its session as before.
 */
static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* @text with its lines sorted. */
static char *
sorted_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  qsort (lines, g_strv_length (lines), sizeof (char *), compare_lines);

  return g_strjoinv ("\n", lines);
}

static void
test_private_notes_stay (Pair          *p,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) mine = files_of (p->mine, CP_AUDIENCE_SPONSOR);
  g_autoptr(GHashTable) base = files_of (p->mine, CP_AUDIENCE_SPONSOR);
  g_autoptr(GHashTable) theirs = files_of (p->theirs, CP_AUDIENCE_SPONSOR);
  g_autoptr(CpGoal) their_goal = goal (p->theirs, 0);
  g_autoptr(CpMerge) m = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autofree char *notes_before = file_text (p->mine, "notes.md");
  g_autofree char *notes_after = NULL;
  gint64 id = cp_engagement_get_id (p->mine);

  cp_goal_set_name (their_goal, "Renamed by the sponsor");
  flush_both (p);
  g_hash_table_unref (theirs);
  theirs = files_of (p->theirs, CP_AUDIENCE_SPONSOR);

  m = cp_merge_new (base, mine, theirs, NULL, CP_MERGE_ASK, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_merge_get_conflicts (m)->len, ==, 0);
  g_assert_true (cp_store_apply_merge (p->here.store, id, m, CP_AUDIENCE_SPONSOR, &error));
  g_assert_no_error (error);
  g_clear_object (&p->mine);
  p->mine = cp_store_get_engagement (p->here.store, id, &error);
  g_assert_no_error (error);

  /* Every note, coach-only ones included, as it was: the index names
   * the same files with the same sessions and phases (notes written in
   * the same second may come in another order).
   */
  notes_after = file_text (p->mine, "notes.md");
  {
    g_autofree char *before = sorted_lines (notes_before);
    g_autofree char *after = sorted_lines (notes_after);

    g_assert_cmpstr (before, ==, after);
  }
  {
    g_autofree char *measures = file_text (p->mine, "measures.md");

    g_assert_nonnull (strstr (measures, "Renamed by the sponsor"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/merge/unchanged", Pair, NULL, pair_set_up, test_unchanged, pair_tear_down);
  g_test_add ("/merge/both-sides", Pair, NULL, pair_set_up, test_both_sides, pair_tear_down);
  g_test_add ("/merge/conflict", Pair, NULL, pair_set_up, test_conflict, pair_tear_down);
  g_test_add ("/merge/edit-against-removal", Pair, NULL, pair_set_up, test_edit_against_removal,
              pair_tear_down);
  g_test_add ("/merge/private-notes-stay", Pair, NULL, pair_set_up, test_private_notes_stay,
              pair_tear_down);

  return g_test_run ();
}
