/* test-folder.c — a whole engagement as a folder of Markdown files
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cp-action.h"
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-engagement-io.h"
#include "cp-goal.h"
#include "cp-note.h"
#include "cp-notes-io.h"
#include "cp-opportunity.h"
#include "cp-phase.h"
#include "cp-stakeholder.h"
#include "cp-template.h"
#include "cp-test-store.h"

/* Every table's row count: equal before and after a refused import
 * means the database did not change.
 */
#define ROW_COUNTS \
  "SELECT (SELECT count(*) FROM engagement) || ' ' || (SELECT count(*) FROM stakeholder) || ' ' ||" \
  " (SELECT count(*) FROM cycle) || ' ' || (SELECT count(*) FROM phase) || ' ' ||" \
  " (SELECT count(*) FROM checklist_item) || ' ' || (SELECT count(*) FROM sign_off) || ' ' ||" \
  " (SELECT count(*) FROM approach_change) || ' ' || (SELECT count(*) FROM session) || ' ' ||" \
  " (SELECT count(*) FROM session_attendee) || ' ' || (SELECT count(*) FROM note) || ' ' ||" \
  " (SELECT count(*) FROM note_fts) || ' ' || (SELECT count(*) FROM goal) || ' ' ||" \
  " (SELECT count(*) FROM goal_reading) || ' ' || (SELECT count(*) FROM maturity) || ' ' ||" \
  " (SELECT count(*) FROM workstream) || ' ' || (SELECT count(*) FROM workstream_change) || ' ' ||" \
  " (SELECT count(*) FROM action_item) || ' ' || (SELECT count(*) FROM opportunity) || ' ' ||" \
  " (SELECT count(*) FROM contract) || ' ' || (SELECT count(*) FROM exit_item)"

static char *
row_counts (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  cp_store_flush (f->store, &error);
  g_assert_no_error (error);

  return cp_test_sql_text (f->path, ROW_COUNTS);
}

/* Collects the files under @dir, relative to @root, in name order. */
static void
list_tree (const char *root,
           const char *dir,
           GPtrArray  *names)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_tree (root, path, names);
      else
        g_ptr_array_add (names, g_strdup (path + strlen (root) + 1));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* @text with every id (a UUID) written as the same placeholder. */
static char *
without_ids (const char *text)
{
  g_autoptr(GRegex) uuid = g_regex_new ("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                                        0, 0, NULL);

  return g_regex_replace_literal (uuid, text, -1, 0, "ID", 0, NULL);
}

/* The two folders hold the same files with the same bytes; with
 * @same_ids FALSE, ids may differ (a copy in the same database gets ids
 * of its own).
 */
static void
assert_same_tree_full (const char *a,
                       const char *b,
                       gboolean    same_ids)
{
  g_autoptr(GPtrArray) names_a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names_b = g_ptr_array_new_with_free_func (g_free);

  list_tree (a, a, names_a);
  list_tree (b, b, names_b);
  g_ptr_array_sort (names_a, compare_names);
  g_ptr_array_sort (names_b, compare_names);

  g_assert_cmpuint (names_a->len, ==, names_b->len);
  for (guint i = 0; i < names_a->len; i++)
    {
      g_autofree char *path_a = g_build_filename (a, g_ptr_array_index (names_a, i), NULL);
      g_autofree char *path_b = g_build_filename (b, g_ptr_array_index (names_b, i), NULL);
      g_autofree char *text_a = NULL;
      g_autofree char *text_b = NULL;
      gsize length_a, length_b;

      g_assert_cmpstr (g_ptr_array_index (names_a, i), ==, g_ptr_array_index (names_b, i));
      g_assert_true (g_file_get_contents (path_a, &text_a, &length_a, NULL));
      g_assert_true (g_file_get_contents (path_b, &text_b, &length_b, NULL));
      if (!same_ids)
        {
          g_autofree char *plain_a = without_ids (text_a);
          g_autofree char *plain_b = without_ids (text_b);

          if (g_strcmp0 (plain_a, plain_b) != 0)
            g_error ("%s differs:\n%s\n---\n%s", path_a, plain_a, plain_b);
        }
      else if (length_a != length_b || memcmp (text_a, text_b, length_a) != 0)
        g_error ("%s differs:\n%s\n---\n%s", path_a, text_a, text_b);
    }
}

/* The same, but for the ids of a copy made in the same database. */
static void
assert_same_tree (const char *a,
                  const char *b)
{
  assert_same_tree_full (a, b, FALSE);
}

static char *
read_text (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  return text;
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static gboolean
note_exists (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, "notes", name, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
sql (Fixture    *f,
     const char *statement)
{
  cp_test_sql_exec (f->path, statement);
}

/* The sample, with text that tests the format's edges everywhere. */
static CpEngagement *
tricky_sample (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) sample = cp_store_load_sample_on (f->store, CP_TEST_SAMPLE_DAY, &error);
  gint64 id;

  g_assert_no_error (error);
  id = cp_engagement_get_id (sample);
  g_clear_object (&sample);
  reopen (f);

  sql (f, "UPDATE stakeholder SET name = 'Pipe | and \\ back' || char(10) || 'slash', "
          "contact = '  padded  ' WHERE id = (SELECT min (id) FROM stakeholder)");
  sql (f, "UPDATE stakeholder SET stance = 'sceptic', influence = 'high', smo_role = 'service-manager', "
          "note = 'Cares about *uptime*' || char(10) || '| and pipes |' WHERE id = (SELECT max (id) FROM stakeholder)");
  sql (f, "INSERT INTO stance_change (stakeholder_id, changed_on, stance) SELECT max (id), '2026-09-01', 'neutral' "
          "FROM stakeholder");
  sql (f, "INSERT INTO stance_change (stakeholder_id, changed_on, stance) SELECT max (id), '2026-10-15', 'sceptic' "
          "FROM stakeholder");
  sql (f, "INSERT INTO contract (engagement_id, version, goals, roles) SELECT engagement_id, "
          "max (version) + 1, '~~~~~ fenced' || char(10) || '~~~' || char(10) || 'no newline', "
          "char(10) FROM contract");
  sql (f, "UPDATE opportunity SET description = 'Two' || char(10) || 'lines	and a tab' WHERE number = 1");
  sql (f, "UPDATE goal SET baseline_value = 0.1, target_value = 123456789.123 WHERE id = (SELECT min (id) FROM goal)");
  sql (f, "UPDATE engagement SET scope = '---' || char(10) || 'title: not front matter' || char(10) || "
          "'---' || char(10) || 'body' WHERE 1");
  sql (f, "UPDATE checklist_item SET comment = '- [x] looks like a task' WHERE id % 5 = 0");

  {
    g_autoptr(CpEngagement) engagement = cp_store_get_engagement (f->store, id, &error);
    g_autoptr(CpNote) a = NULL;
    g_autoptr(CpNote) b = NULL;
    g_autoptr(CpAction) action = NULL;
    GListModel *phases;

    g_assert_no_error (error);
    a = cp_engagement_add_note (engagement, "Same | title", "# Same\n\n~~~\ncode\n~~~\n", &error);
    g_assert_no_error (error);
    b = cp_engagement_add_note (engagement, "Same | title", "no heading, no newline", &error);
    g_assert_no_error (error);
    action = cp_engagement_add_action (engagement, "Follow up [the] *note*", &error);
    g_assert_no_error (error);
    cp_action_set_note_id (action, cp_note_get_id (b));
    cp_action_set_owner (action, "Priya | Tom");
    phases = cp_cycle_get_phases (cp_engagement_get_current_cycle (engagement), &error);
    g_assert_no_error (error);
    {
      g_autoptr(CpPhase) phase = g_list_model_get_item (phases, 2);

      cp_note_set_phase_id (a, cp_phase_get_id (phase));
      cp_action_set_phase_id (action, cp_phase_get_id (phase));
    }
    cp_store_flush (f->store, &error);
    g_assert_no_error (error);

    return g_steal_pointer (&engagement);
  }
}

static void
export_into (CpEngagement *engagement,
             const char   *folder)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_engagement_export (engagement, folder, NULL, &error));
  g_assert_no_error (error);
}

static void
test_round_trip_sample (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CpEngagement) engagement = tricky_sample (f);
  g_autoptr(CpEngagement) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = g_build_filename (f->dir, "first", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second", NULL);
  g_autofree char *people = NULL;
  g_autofree char *csip = NULL;
  g_autofree char *index = NULL;
  gint64 id;

  export_into (engagement, first);

  /* Readable Markdown: tables, task lists, the notes as files. */
  people = read_text (first, "people.md");
  g_assert_nonnull (strstr (people, "| # | Name | Role | Contact | Stance | Influence | SMO role | Note | Id |\n"
                                    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"));
  g_assert_nonnull (strstr (people, "| sceptic | high | service-manager | Cares about *uptime*\\n\\| and pipes \\| |"));
  g_assert_nonnull (strstr (people, "## Stance history\n"));
  g_assert_nonnull (strstr (people, "| 1 | Pipe \\| and \\\\ back\\nslash |"));
  csip = read_text (first, "csip.md");
  g_assert_nonnull (strstr (csip, "\n- [x] "));
  g_assert_nonnull (strstr (csip, "\n- [ ] "));
  g_assert_nonnull (strstr (csip, "## Cycle 1: "));
  index = read_text (first, "notes.md");
  g_assert_nonnull (strstr (index, "(<notes/Same title.md>)"));
  g_assert_nonnull (strstr (index, "(<notes/Same title (2).md>)"));
  g_assert_true (note_exists (first, "Same title (2).md"));

  id = cp_store_import_engagement (f->store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, cp_engagement_get_id (engagement));
  g_assert_cmpuint (cp_store_count_engagements (f->store), ==, 2);

  copy = cp_store_get_engagement (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_engagement_get_title (copy), ==, cp_engagement_get_title (engagement));
  g_assert_cmpstr (cp_engagement_get_scope (copy), ==, cp_engagement_get_scope (engagement));
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_notes (copy, NULL)), ==,
                    g_list_model_get_n_items (cp_engagement_get_notes (engagement, NULL)));

  export_into (copy, second);
  assert_same_tree (first, second);

  /* Searchable at once: the notes went through the full-text index. */
  {
    g_autofree char *found = cp_test_sql_text (f->path, "SELECT count(*) FROM note_fts "
                                                        "WHERE note_fts MATCH 'heading'");

    g_assert_cmpstr (found, ==, "2");
  }
}

/* Every record keeps its id on the way to another database, so that both
 * name it the same; a copy in the same database gets ids of its own.
 */
static void
test_ids_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CpEngagement) engagement = tricky_sample (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = g_build_filename (f->dir, "first", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second", NULL);
  g_autofree char *third = g_build_filename (f->dir, "third", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(CpStore) other = NULL;
  g_autoptr(CpEngagement) arrived = NULL;
  g_autoptr(CpEngagement) copy = NULL;
  gint64 id;

  export_into (engagement, first);
  original = read_text (first, "engagement.md");
  g_assert_nonnull (strstr (original, "\nid: "));

  other = cp_store_open (other_path, &error);
  g_assert_no_error (error);
  id = cp_store_import_engagement (other, first, &error);
  g_assert_no_error (error);
  arrived = cp_store_get_engagement (other, id, &error);
  g_assert_no_error (error);
  export_into (arrived, second);
  assert_same_tree_full (first, second, TRUE);

  /* The same records under another engagement's id: their ids are taken. */
  {
    g_autofree char *engagement_md = g_build_filename (first, "engagement.md", NULL);
    g_autoptr(GRegex) id_line = g_regex_new ("\nid: [^\n]*\n", 0, 0, NULL);
    g_autofree char *changed = g_regex_replace_literal (id_line, original, -1, 0,
                                                        "\nid: 11111111-2222-4333-8444-555555555555\n",
                                                        0, NULL);

    g_assert_true (g_file_set_contents (engagement_md, changed, -1, NULL));
    g_assert_cmpint (cp_store_import_engagement (other, first, &error), ==, 0);
    g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "its id is already used by another record"));
    g_clear_error (&error);
    g_assert_true (g_file_set_contents (engagement_md, original, -1, NULL));
  }

  /* Imported again where it came from: a copy, with ids of its own. */
  id = cp_store_import_engagement (f->store, first, &error);
  g_assert_no_error (error);
  copy = cp_store_get_engagement (f->store, id, &error);
  g_assert_no_error (error);
  export_into (copy, third);
  copied = read_text (third, "engagement.md");
  g_assert_cmpstr (copied, !=, original);
  assert_same_tree (first, third);
}

/* An engagement of every size: many rows of each kind, with values that
 * stress the escaping and the number format.
 */
static void
test_round_trip_large (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = cp_store_create_engagement (f->store, "Large | one", CP_APPROACH_COACHED, &error);
  g_autoptr(CpEngagement) copy = NULL;
  g_autofree char *first = g_build_filename (f->dir, "first", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second", NULL);
  g_autofree char *before = NULL;
  g_autofree char *counts = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const char *odd[] = { "|", "\\", "\n", "\t", "~~~", "- [ ] ", "# ", "é", "  ", "`", ":", "<>" };
  gint64 id;

  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u%s", i, odd[i % G_N_ELEMENTS (odd)]);
      g_autoptr(CpStakeholder) person = cp_engagement_add_stakeholder (engagement, name, "Role", "x", &error);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < 300; i++)
    {
      GString *body = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf ("Note %u %s", i % 50, odd[i % G_N_ELEMENTS (odd)]);
      g_autoptr(CpNote) note = NULL;

      for (guint k = 0; k < 20; k++)
        g_string_append_printf (body, "%s word%u ", odd[g_rand_int_range (rand, 0, G_N_ELEMENTS (odd))],
                                g_rand_int (rand));
      note = cp_engagement_add_note (engagement, i % 3 ? title : NULL, body->str, &error);
      g_assert_no_error (error);
      g_string_free (body, TRUE);
    }
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *text = g_strdup_printf ("Action %u %s", i, odd[i % G_N_ELEMENTS (odd)]);
      g_autoptr(CpAction) action = cp_engagement_add_action (engagement, text, &error);

      g_assert_no_error (error);
      if (i % 4 == 0)
        cp_action_set_done (action, TRUE, NULL);
    }
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *text = g_strdup_printf ("Opportunity %u%s", i, odd[i % G_N_ELEMENTS (odd)]);
      g_autoptr(CpOpportunity) opportunity = cp_engagement_add_opportunity (engagement, text, &error);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Goal %u", i);
      g_autoptr(CpGoal) goal = cp_engagement_add_goal (engagement, name, &error);

      g_assert_no_error (error);
      cp_goal_set_baseline (goal, g_rand_double_range (rand, -1e9, 1e9), "2026-01-01");
      cp_goal_set_target (goal, 1.0 / (i + 3), "2027-01-01");
      for (guint k = 0; k < 10; k++)
        {
          g_autofree char *day = g_strdup_printf ("2026-%02u-%02u", k + 1, i % 28 + 1);

          cp_goal_add_reading (goal, day, g_rand_double (rand) * 100, &error);
          g_assert_no_error (error);
        }
    }
  cp_engagement_add_standard_practices (engagement, &error);
  g_assert_no_error (error);
  cp_engagement_add_standard_exit_items (engagement, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      CpTemplate *template = cp_template_lookup ("csi-approach");
      g_autoptr(CpCycle) cycle = NULL;

      g_assert_nonnull (template);
      cycle = cp_engagement_start_cycle (engagement, template, &error);
      g_assert_no_error (error);
    }
  cp_store_flush (f->store, &error);
  g_assert_no_error (error);
  /* Sessions with attendees, and notes and actions tied to them. */
  sql (f, "WITH RECURSIVE series (value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM series WHERE value < 60) "
          "INSERT INTO session (engagement_id, starts_at, kind, topic, phase_id) "
          "SELECT 1, '2026-10-' || printf ('%02d', value % 28 + 1) || 'T10:00', 'workshop', 'Topic ' || value, "
          "(SELECT min (id) FROM phase) + value % 10 FROM series");
  sql (f, "INSERT INTO session_attendee SELECT s.id, p.id FROM session s, stakeholder p "
          "WHERE (s.id + p.id) % 7 = 0");
  sql (f, "UPDATE note SET session_id = (SELECT min (id) FROM session) + id % 60 WHERE id % 2 = 0");
  sql (f, "UPDATE action_item SET note_id = id, "
          "opportunity_id = (SELECT min (id) FROM opportunity) + id % 100 WHERE id % 3 = 0");
  sql (f, "UPDATE checklist_item SET done = 1, done_by = 'Coach ' || id, done_at = '2026-10-01T10:00:00Z' "
          "WHERE id % 3 = 0");
  sql (f, "UPDATE maturity SET baseline_level = id % 6, review_level = (id + 2) % 6, "
          "baseline_evidence = 'Seen' || char(10) || 'in | the tool'");
  sql (f, "INSERT INTO sign_off (phase_id, reviewer, signed_on, decision, comments) "
          "SELECT id, 'Dana', '2026-10-02', 'approved', 'OK \\ fine' FROM phase WHERE id % 4 = 0");
  sql (f, "WITH RECURSIVE series (value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM series WHERE value < 8) "
          "INSERT INTO workstream (engagement_id, position, name, owner, stage) "
          "SELECT 1, value, 'Stream ' || value, 'Owner', 'staff-with-coach' FROM series");
  sql (f, "INSERT INTO workstream_change (workstream_id, stage, changed_on) "
          "SELECT id, 'staff-alone', '2026-11-01' FROM workstream");
  sql (f, "INSERT INTO contract (engagement_id, version, goals, measures, roles, coach, client_lead, sponsor, "
          "signed_on) VALUES (1, 1, 'G', 'M' || char(10), '', 'C', 'L', 'S', '2026-10-01'), "
          "(1, 2, '', '', 'Roles ~~~', '', '', '', NULL)");
  g_clear_object (&engagement);
  reopen (f);
  engagement = cp_store_get_engagement (f->store, 1, &error);
  g_assert_no_error (error);

  export_into (engagement, first);
  before = row_counts (f);
  id = cp_store_import_engagement (f->store, first, &error);
  g_assert_no_error (error);
  copy = cp_store_get_engagement (f->store, id, &error);
  g_assert_no_error (error);
  export_into (copy, second);
  assert_same_tree (first, second);

  /* Every row came across: each count of the copy's rows doubles. */
  counts = row_counts (f);
  {
    g_auto(GStrv) a = g_strsplit (before, " ", -1);
    g_auto(GStrv) b = g_strsplit (counts, " ", -1);

    for (guint i = 0; a[i]; i++)
      g_assert_cmpint (g_ascii_strtoll (b[i], NULL, 10), ==, 2 * g_ascii_strtoll (a[i], NULL, 10));
  }
}

/* Exporting again writes the same bytes, and a renamed note leaves no
 * stale file.
 */
static void
test_re_export (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CpEngagement) engagement = tricky_sample (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = g_build_filename (f->dir, "first", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second", NULL);
  g_autoptr(CpNote) note = NULL;
  GListModel *notes;

  export_into (engagement, first);
  export_into (engagement, second);
  export_into (engagement, second);
  assert_same_tree_full (first, second, TRUE);

  notes = cp_engagement_get_notes (engagement, &error);
  g_assert_no_error (error);
  note = g_list_model_get_item (notes, 0);
  g_assert_cmpstr (cp_note_get_body (note), ==, "no heading, no newline");
  g_assert_true (note_exists (second, "Same title (2).md"));
  cp_note_set_title (note, "Renamed");
  export_into (engagement, second);
  g_assert_false (note_exists (second, "Same title (2).md"));
  g_assert_true (note_exists (second, "Renamed.md"));
}

typedef struct
{
  const char *file;
  const char *find;      /* NULL: replace the whole file */
  const char *replace;
  const char *message;   /* the error names this */
} Breakage;

static const Breakage breakages[] = {
  { "engagement.md", "format-version: 3", "format-version: 4", "engagement.md, line 3: written by a newer" },
  { "engagement.md", "format: coachplan-engagement", "format: other", "engagement.md, line 2:" },
  { "engagement.md", "---\nformat", "format", "engagement.md, line 1:" },
  { "engagement.md", "status: active", "status: paused", "engagement.md, line 11: “paused” is not one of" },
  { "register.md", "| 1 | 2026-", "| 1 | 2026-13-", "register.md, line 5: " },
  { "people.md", "| # | Name |", "| # | Nom |", "people.md, line 3: there is no column “Nom”" },
  { "people.md", " | ext. 4410 |", " |", "people.md, line 7: this row has 8 cells" },
  { "sessions.md", NULL, "# Sessions\n\n| # | Starts | Minutes | Kind | Topic | Phase | Attendees |\n"
                         "| --- | --- | --- | --- | --- | --- | --- |\n"
                         "| 1 | 2026-10-01T10:00 | 60 | workshop | T | 9.9 |  |\n",
    "sessions.md, line 5: there is no phase “9.9”" },
  { "sessions.md", NULL, "# Sessions\n\n| # | Starts | Minutes | Kind | Topic | Phase | Attendees |\n"
                         "| --- | --- | --- | --- | --- | --- | --- |\n"
                         "| 1 | 2026-10-01T10:00 | 60 | workshop | T |  | 1, 99 |\n",
    "sessions.md, line 5: there is no person “99”" },
  { "measures.md", "## Readings", "Some words.\n\n## Readings", "measures.md, line " },
  { "contract.md", "no newline\n~~~~~~\n", "no newline\n~~~~~\n", "contract.md, line 50: this block of text is never closed" },
  { "actions.md", NULL, "# Actions\n\n- [ ] \xff\xfe bad bytes\n", "actions.md: not UTF-8 text" },
  { "actions.md", NULL, "# Actions\n\n- [ ] Call\n  - Owner: A\n  - Owner: B\n  - Created: 2026-01-01T00:00:00Z\n",
    "actions.md, line 5: “Owner” is given twice" },
  { "actions.md", NULL, "# Actions\n\n- [ ] Call\n  - Created: 2026-01-01T00:00:00Z\n  - Note: gone.md\n",
    "actions.md, line 5: there is no note “gone.md”" },
  { "notes.md", "| Note | Session | Phase | Id |\n| --- | --- | --- | --- |\n",
    "| Note | Session | Phase | Id |\n| --- | --- | --- | --- |\n| missing.md |  |  |  |\n", "notes.md, line 5: " },
  { "engagement.md", "\nid: ", "\nid: not-an-id\n# ", "engagement.md, line 4: “not-an-id” is not an id" },
  { "csip.md", "#### Sign-offs", "#### Signatures", "csip.md, line " },
};

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  list_tree (from, from, names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *text = NULL;
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *parent = g_path_get_dirname (target);
      gsize length;

      g_autofree char *source = g_build_filename (from, name, NULL);

      g_assert_true (g_file_get_contents (source, &text, &length, NULL));
      g_mkdir_with_parents (parent, 0700);
      g_assert_true (g_file_set_contents (target, text, length, NULL));
    }
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CpEngagement) engagement = tricky_sample (f);
  g_autofree char *good = g_build_filename (f->dir, "good", NULL);
  g_autofree char *counts = NULL;

  export_into (engagement, good);
  counts = row_counts (f);

  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      const Breakage *b = &breakages[i];
      g_autofree char *folder = g_strdup_printf ("%s/broken-%u", f->dir, i);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      copy_tree (good, folder);
      if (b->find != NULL)
        {
          g_autofree char *text = read_text (folder, b->file);
          g_autoptr(GString) changed = g_string_new (text);

          g_assert_nonnull (strstr (text, b->find));
          g_string_replace (changed, b->find, b->replace, 1);
          write_text (folder, b->file, changed->str);
        }
      else
        write_text (folder, b->file, b->replace);

      if (cp_store_import_engagement (f->store, folder, &error) != 0 || error == NULL)
        g_error ("breakage %u was imported", i);
      g_test_message ("%s", error->message);
      if (strstr (error->message, b->message) == NULL)
        g_error ("breakage %u: “%s” does not name “%s”", i, error->message, b->message);

      after = row_counts (f);
      g_assert_cmpstr (after, ==, counts);
    }

  /* Not an engagement folder at all. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (cp_store_import_engagement (f->store, f->dir, &error), ==, 0);
    g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "engagement.md"));
  }

  /* The good folder still imports. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (cp_store_import_engagement (f->store, good, &error), >, 0);
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_STORE_TEST ("/folder/round-trip-sample", test_round_trip_sample);
  ADD_STORE_TEST ("/folder/round-trip-large", test_round_trip_large);
  ADD_STORE_TEST ("/folder/ids-round-trip", test_ids_round_trip);
  ADD_STORE_TEST ("/folder/re-export", test_re_export);
  ADD_STORE_TEST ("/folder/refused", test_refused);

  return g_test_run ();
}
