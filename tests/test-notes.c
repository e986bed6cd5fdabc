/* test-notes.c — notes: round trips, refusals, file names, search,
 * the preview's runs and autosave across a kill
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cp-engagement.h"
#include "cp-markdown.h"
#include "cp-note.h"
#include "cp-notes-io.h"
#include "cp-search.h"
#include "cp-session.h"
#include "cp-phase.h"
#include "cp-cycle.h"
#include "cp-stakeholder.h"
#include "cp-template.h"
#include "cp-store-private.h"
#include "cp-test-store.h"

static CpEngagement *
engagement (Fixture    *f,
            const char *title)
{
  g_autoptr(GError) error = NULL;
  CpEngagement *e = cp_store_create_engagement (f->store, title, CP_APPROACH_COACHED, &error);

  g_assert_no_error (error);

  return e;
}

static void
write_file (const char *path,
            const char *bytes,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, bytes, length, &error);
  g_assert_no_error (error);
}

/* Bodies that must come back byte for byte. */
static const struct
{
  const char *name;
  const char *bytes;
} corpus[] = {
  { "plain", "# Kick-off\n\nWe met the service desk team.\n" },
  { "crlf", "# Windows\r\n\r\nLines end in CR LF.\r\n" },
  { "tabs and trailing spaces", "Tabs\there\tand there  \ntrailing  \n\t\n" },
  { "no final newline", "The last line has no newline" },
  { "starts with a rule", "---\nA thematic break first.\n---\n" },
  { "looks like front matter", "---\nThis: is prose, not: yaml: at all\nMore text\n" },
  { "unclosed block", "---\ntitle: never closed\n\nbody" },
  { "unicode", "# Überprüfung ☕\n\nÇa marche — 日本語 — 🙂\n" },
  { "byte order mark", "\xEF\xBB\xBF# With a BOM\n" },
  { "empty", "" },
  { "only newlines", "\n\n\n" },
  { "html and code", "<div>raw</div>\n\n```c\nint x = 1;\n```\n" },
  { "nested lists", "1. one\n   - a\n   - b\n2. two\n\n> quote\n> > deeper\n" },
  { "dashes in text", "a --- b\n---\n" },
};

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement (f, "Round trip");
  g_autofree char *in = g_build_filename (f->dir, "in", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GListModel *notes;
  guint n = 0;

  g_assert_cmpint (g_mkdir (in, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u %s.md", i, corpus[i].name);
      char *path = g_build_filename (in, name, NULL);

      write_file (path, corpus[i].bytes, strlen (corpus[i].bytes));
      g_ptr_array_add (paths, path);
    }

  /* A folder imports its files. */
  {
    const char *folder[] = { in, NULL };

    g_assert_true (cp_notes_import (e, folder, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (corpus));
  }

  g_assert_true (cp_notes_export (e, out, CP_NOTES_EXPORT_DEFAULT, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (corpus));

  /* Each exported file, less its front matter, is the imported file. */
  notes = cp_engagement_get_notes (e, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(CpNote) note = g_list_model_get_item (notes, i);
      const char *body = cp_note_get_body (note);
      gboolean found = FALSE;

      for (guint c = 0; c < G_N_ELEMENTS (corpus) && !found; c++)
        found = g_str_equal (body, corpus[c].bytes);
      g_assert_true (found);
    }

  {
    g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
    const char *name;
    guint matched = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (out, name, NULL);
        g_autofree char *contents = NULL;
        gsize length, offset;

        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_assert_true (cp_front_matter_split (contents, length, NULL, &offset));

        for (guint c = 0; c < G_N_ELEMENTS (corpus); c++)
          if (length - offset == strlen (corpus[c].bytes) &&
              memcmp (contents + offset, corpus[c].bytes, length - offset) == 0)
            {
              matched++;
              break;
            }
      }
    g_assert_cmpuint (matched, ==, G_N_ELEMENTS (corpus));
  }

  cp_test_remove_tree (in);
  cp_test_remove_tree (out);
}

static void
test_export_options (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement (f, "Options");
  g_autoptr(CpNote) private_note = cp_engagement_add_note (e, NULL, "# For the coach\n", NULL);
  g_autoptr(CpNote) shared = cp_engagement_add_note (e, NULL, "# For the sponsor\n", NULL);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "cancelled", NULL);
  CpExportFile *file;

  cp_note_set_visibility (shared, CP_VISIBILITY_SPONSOR);

  /* Coach-only notes can be left out. */
  files = cp_notes_export_prepare (e, CP_NOTES_EXPORT_SKIP_COACH_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  file = g_ptr_array_index (files, 0);
  g_assert_cmpstr (file->name, ==, "For the sponsor.md");
  g_assert_nonnull (strstr (file->contents, "visibility: sponsor\n"));

  /* A cancelled export writes nothing more. */
  g_cancellable_cancel (cancellable);
  g_assert_false (cp_export_write_files (out, files, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  {
    g_autofree char *path = g_build_filename (out, "For the sponsor.md", NULL);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  cp_test_remove_tree (out);
}

static void
test_front_matter (Fixture       *f,
                   gconstpointer  data)
{
  static const char file[] =
    "---\n"
    "title: \"Sponsor review: \\\"go\\\"\"\n"
    "tags:\n"
    "  - cab\n"
    "  - 'change board'\n"
    "visibility: sponsor\n"
    "created: 2026-09-14T08:00:00Z\n"
    "unknown-key: kept out\n"
    "---\n"
    "---\nBody after a rule\n";
  g_autoptr(CpEngagement) e = engagement (f, "Front matter");
  g_autofree char *path = g_build_filename (f->dir, "review.md", NULL);
  g_autoptr(CpNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *title = NULL;
  const char *paths[] = { path, NULL };

  write_file (path, file, sizeof file - 1);
  g_assert_true (cp_notes_import (e, paths, NULL, &error));
  g_assert_no_error (error);

  note = g_list_model_get_item (cp_engagement_get_notes (e, NULL), 0);
  g_assert_cmpstr (cp_note_get_body (note), ==, "---\nBody after a rule\n");
  title = cp_note_dup_display_title (note);
  g_assert_cmpstr (title, ==, "Sponsor review: \"go\"");
  tags = cp_note_dup_tags (note);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[1], ==, "change board");
  g_assert_cmpint (cp_note_get_visibility (note), ==, CP_VISIBILITY_SPONSOR);
  g_assert_cmpstr (cp_note_get_created (note), ==, "2026-09-14T08:00:00Z");
}

static guint
count_notes (Fixture *f)
{
  g_autofree char *n = cp_test_sql_text (f->path, "SELECT count(*) FROM note");
  g_autofree char *fts = cp_test_sql_text (f->path, "SELECT count(*) FROM note_fts");

  g_assert_cmpstr (n, ==, fts);

  return atoi (n);
}

static void
assert_import_refused (Fixture      *f,
                       CpEngagement *e,
                       const char   *bad_name,
                       const char   *bytes,
                       gsize         length)
{
  g_autofree char *good = g_build_filename (f->dir, "good.md", NULL);
  g_autofree char *bad = g_build_filename (f->dir, bad_name, NULL);
  g_autoptr(GError) error = NULL;
  const char *paths[] = { good, bad, NULL };
  guint before = count_notes (f);

  write_file (good, "# Fine\n", 7);
  write_file (bad, bytes, length);

  /* All or nothing: the good file is not imported either. */
  g_assert_false (cp_notes_import (e, paths, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, bad_name));
  g_test_message ("refused: %s", error->message);
  g_assert_cmpuint (count_notes (f), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_notes (e, NULL)), ==, before);
}

static void
test_import_refusals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement (f, "Refusals");
  gsize big_length = CP_NOTE_MAX_BYTES + 1;
  g_autofree char *big = g_malloc (big_length);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.md", NULL);
  const char *paths[] = { missing, NULL };

  memset (big, 'a', big_length);

  assert_import_refused (f, e, "latin1.md", "caf\xe9\n", 5);
  assert_import_refused (f, e, "binary.md", "PK\x03\x04\0\0zip", 10);
  assert_import_refused (f, e, "huge.md", big, big_length);

  g_assert_false (cp_notes_import (e, paths, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (count_notes (f), ==, 0);
}

static void
assert_safe_name (const char *name)
{
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_true (g_str_has_suffix (name, ".md"));
  g_assert_cmpuint (strlen (name), <=, 255);
  g_assert_null (strchr (name, '/'));
  g_assert_null (strchr (name, '\\'));
  g_assert_false (name[0] == '.');
  g_assert_cmpstr (name, !=, ".md");
}

static void
test_file_names (void)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *long_title = g_string_new (NULL);
  const char *titles[] = {
    "Kick-off", "kick-off", "Kick-off", "a/b\\c", "..", ".", ".hidden", "   ", "",
    "Ünïcödé ☕ notes", "tab\there", "CON: <review> | \"quoted\" * ?", "end dots...",
  };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 300; i++)
    g_string_append (long_title, "é");

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_ptr_array_add (names, cp_note_file_name (titles[i], taken));
  g_ptr_array_add (names, cp_note_file_name (long_title->str, taken));
  g_ptr_array_add (names, cp_note_file_name (long_title->str, taken));

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      g_test_message ("%s", name);
      assert_safe_name (name);

      /* Unique, even where case does not count. */
      for (guint j = 0; j < i; j++)
        {
          g_autofree char *a = g_utf8_casefold (name, -1);
          g_autofree char *b = g_utf8_casefold (g_ptr_array_index (names, j), -1);
          g_assert_cmpstr (a, !=, b);
        }
    }

  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Kick-off.md");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "kick-off (2).md");
  g_assert_cmpstr (g_ptr_array_index (names, 3), ==, "a b c.md");
  g_assert_cmpstr (g_ptr_array_index (names, 9), ==, "Ünïcödé ☕ notes.md");

  g_string_free (long_title, TRUE);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CpEngagement) a = engagement (f, "Alpha");
  g_autoptr(CpEngagement) b = engagement (f, "Beta");
  g_autoptr(CpNote) n1 = cp_engagement_add_note (a, NULL, "# Change advisory board\n\nWe met.\n", NULL);
  g_autoptr(CpNote) n2 = cp_engagement_add_note (a, NULL, "# Weekly\n\nA change was late; change is hard.\n", NULL);
  g_autoptr(CpNote) n3 = cp_engagement_add_note (b, NULL, "# Other\n\nIncident review with \"quotes\".\n", NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  CpSearchHit *hit;

  hits = cp_store_search_notes (f->store, "change", 0, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);

  /* A word in the title counts for more than words in the body. */
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->note_id, ==, cp_note_get_id (n1));
  g_assert_cmpstr (hit->title, ==, "Change advisory board");
  g_assert_cmpstr (hit->engagement_title, ==, "Alpha");
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = cp_store_search_notes (f->store, "late", 0, 20, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_nonnull (strstr (hit->snippet, CP_SEARCH_MATCH_START "late" CP_SEARCH_MATCH_END));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The word being typed matches as a prefix; one engagement only. */
  hits = cp_store_search_notes (f->store, "incid", cp_engagement_get_id (b), 20, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cp_store_search_notes (f->store, "incid", cp_engagement_get_id (a), 20, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* FTS5 syntax typed by a user is just text. */
  hits = cp_store_search_notes (f->store, "\"quotes\" AND OR NEAR( *", 0, 20, &error);
  g_assert_no_error (error);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cp_store_search_notes (f->store, "   ", 0, 20, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Edits reach the index once saved. */
  cp_note_set_body (n3, "# Other\n\nNow about problem management.\n");
  cp_store_flush (f->store, &error);
  hits = cp_store_search_notes (f->store, "problem", 0, 20, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cp_store_search_notes (f->store, "incident", 0, 20, &error);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
searched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GPtrArray **hits = data;
  g_autoptr(GError) error = NULL;

  *hits = cp_store_search_notes_finish (CP_STORE (source), result, &error);
  g_assert_no_error (error);
}

/* Searching as one types: a common word across thousands of notes first
 * shows the notes whose titles match; the whole ranking follows off the
 * main thread, the same as ranking every match at once. A word in few
 * notes is ranked whole at once.
 */
static void
test_search_first (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement (f, "Many");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ranked_all = TRUE;

  for (guint i = 0; i < 3100; i++)
    {
      g_autofree char *body = i % 100 == 0
                              ? g_strdup_printf ("# Change review %u\n\nRare word zephyr.\n", i)
                              : g_strdup_printf ("# Weekly %u\n\nThe change log grew by %u lines.\n", i, i);
      g_autoptr(CpNote) note = cp_engagement_add_note (e, NULL, body, &error);

      g_assert_no_error (error);
    }

  /* Common: the titles that match come first, but not all is ranked. */
  first = cp_store_search_notes_first (f->store, "change", 0, 20, &ranked_all, &error);
  g_assert_no_error (error);
  g_assert_false (ranked_all);
  g_assert_cmpuint (first->len, ==, 20);
  /* 31 titles match: the first screen is all of them. */
  for (guint i = 0; i < 20; i++)
    g_assert_true (g_str_has_prefix (((CpSearchHit *) first->pdata[i])->title, "Change review"));

  /* The whole ranking, off the main thread, is the ranking of all. */
  cp_store_search_notes_async (f->store, "change", 0, 20, NULL, searched_cb, &ranked);
  while (ranked == NULL)
    g_main_context_iteration (NULL, TRUE);
  all = cp_store_search_notes (f->store, "change", 0, 20, &error);
  g_assert_cmpuint (ranked->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (((CpSearchHit *) ranked->pdata[i])->note_id, ==, ((CpSearchHit *) all->pdata[i])->note_id);

  /* Rare: ranked whole at once. */
  g_clear_pointer (&first, g_ptr_array_unref);
  g_clear_pointer (&all, g_ptr_array_unref);
  first = cp_store_search_notes_first (f->store, "zephyr", 0, 20, &ranked_all, &error);
  g_assert_true (ranked_all);
  all = cp_store_search_notes (f->store, "zephyr", 0, 20, &error);
  g_assert_cmpuint (first->len, ==, 20);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (((CpSearchHit *) first->pdata[i])->note_id, ==, ((CpSearchHit *) all->pdata[i])->note_id);
}

static void
test_display_title (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement (f, "Titles");
  g_autoptr(CpNote) note = cp_engagement_add_note (e, NULL, "Intro line\n\n## Real heading ##\n", NULL);
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autofree char *t3 = NULL;
  g_autofree char *t4 = NULL;

  t1 = cp_note_dup_display_title (note);
  g_assert_cmpstr (t1, ==, "Real heading");
  cp_note_set_body (note, "#hashtag is not a heading\n");
  t2 = cp_note_dup_display_title (note);
  g_assert_cmpstr (t2, ==, "#hashtag is not a heading");
  cp_note_set_title (note, "Set by hand");
  t3 = cp_note_dup_display_title (note);
  g_assert_cmpstr (t3, ==, "Set by hand");
  cp_note_set_title (note, "");
  cp_note_set_body (note, "");
  t4 = cp_note_dup_display_title (note);
  g_assert_cmpstr (t4, ==, "Untitled Note");
}

static CpRun *
run_with (GPtrArray  *runs,
          const char *text)
{
  for (guint i = 0; i < runs->len; i++)
    {
      CpRun *run = g_ptr_array_index (runs, i);

      if (strstr (run->text, text) != NULL)
        return run;
    }

  g_error ("no run holds “%s”", text);
  return NULL;
}

static void
test_markdown_runs (void)
{
  static const char md[] =
    "# Title\n\n"
    "Some *emphasis*, **strong** and `code` with a [link](https://example.org).\n\n"
    "![diagram of the CAB](cab.png)\n\n"
    "> Quoted\n> > Deeper\n\n"
    "1. First\n   - nested bullet\n2. Second\n\n"
    "- [ ] open task\n- [x] done task\n\n"
    "```\nblock of code\n```\n\n"
    "***\n\n"
    "Inline <b>html</b> too.\n\n"
    "<div>a block of html</div>\n";
  g_autoptr(GPtrArray) runs = cp_markdown_to_runs (md, -1);
  GString *all = g_string_new (NULL);
  CpRun *run;

  for (guint i = 0; i < runs->len; i++)
    g_string_append (all, ((CpRun *) g_ptr_array_index (runs, i))->text);
  g_test_message ("%s", all->str);

  g_assert_cmpuint (run_with (runs, "Title")->heading, ==, 1);
  g_assert_true (run_with (runs, "emphasis")->style & CP_RUN_EMPHASIS);
  g_assert_true (run_with (runs, "strong")->style & CP_RUN_STRONG);
  g_assert_true (run_with (runs, "code")->style & CP_RUN_CODE);
  run = run_with (runs, "link");
  g_assert_true (run->style & CP_RUN_LINK);
  g_assert_cmpstr (run->url, ==, "https://example.org");
  g_assert_true (run_with (runs, "diagram of the CAB")->style & CP_RUN_IMAGE);
  g_assert_cmpuint (run_with (runs, "Quoted")->quote_depth, ==, 1);
  g_assert_cmpuint (run_with (runs, "Deeper")->quote_depth, ==, 2);
  g_assert_true (run_with (runs, "1. ")->style & CP_RUN_LIST_MARKER);
  g_assert_true (run_with (runs, "2. ")->style & CP_RUN_LIST_MARKER);
  g_assert_cmpuint (run_with (runs, "nested bullet")->list_depth, ==, 2);
  g_assert_true (run_with (runs, "\u2022 ")->style & CP_RUN_LIST_MARKER);
  g_assert_true (run_with (runs, "block of code")->style & CP_RUN_CODE_BLOCK);

  /* Task lists show their boxes, not their brackets. */
  g_assert_true (run_with (runs, "\u2610 ")->style & CP_RUN_LIST_MARKER);
  g_assert_true (run_with (runs, "\u2611 ")->style & CP_RUN_LIST_MARKER);
  g_assert_nonnull (strstr (all->str, "\u2610 open task\n"));
  g_assert_nonnull (strstr (all->str, "\u2611 done task\n"));
  g_assert_null (strstr (all->str, "[ ]"));
  g_assert_null (strstr (all->str, "[x]"));
  g_assert_true (run_with (runs, "\u2015")->style & CP_RUN_RULE);
  g_assert_true (run_with (runs, "<b>")->style & CP_RUN_HTML);
  g_assert_true (run_with (runs, "<div>a block of html</div>")->style & CP_RUN_HTML);

  /* The image's file name is not shown, only its alt text. */
  g_assert_null (strstr (all->str, "cab.png"));
  g_assert_false (g_str_has_suffix (all->str, "\n"));

  g_string_free (all, TRUE);
}

/* A paragraph whose lines are a pipe table is one table run: its cells as
 * plain text, the header first, each column's alignment; other pipes are
 * text, and a table in code stays code.
 */
static void
test_markdown_tables (void)
{
  const char *md =
    "Before\n\n"
    "| Practice | Baseline | Target |\n"
    "| :--- | :---: | ---: |\n"
    "| Incident | 1.5 | **3** |\n"
    "| Change `CAB` | 2 \\| 3 |\n"
    "\n"
    "Not a table | just pipes\nand more\n\n"
    "Practice | Owner\n--- | ---\nIncident | Tom\n\n"
    "```\n| a | b |\n| - | - |\n```\n";
  g_autoptr(GPtrArray) runs = cp_markdown_to_runs (md, -1);
  GPtrArray *tables = g_ptr_array_new ();
  CpRun *table;
  GPtrArray *row;

  for (guint i = 0; i < runs->len; i++)
    if (((CpRun *) runs->pdata[i])->style & CP_RUN_TABLE)
      g_ptr_array_add (tables, runs->pdata[i]);
  g_assert_cmpuint (tables->len, ==, 2);

  table = tables->pdata[0];
  g_assert_cmpstr (table->align, ==, "lcr");
  g_assert_cmpuint (table->rows->len, ==, 3);
  row = table->rows->pdata[0];
  g_assert_cmpuint (row->len, ==, 3);
  g_assert_cmpstr (row->pdata[0], ==, "Practice");
  g_assert_cmpstr (row->pdata[2], ==, "Target");
  row = table->rows->pdata[1];
  g_assert_cmpstr (row->pdata[2], ==, "3");
  row = table->rows->pdata[2];
  g_assert_cmpstr (row->pdata[0], ==, "Change CAB");
  g_assert_cmpstr (row->pdata[1], ==, "2 | 3");
  g_assert_cmpstr (row->pdata[2], ==, "");
  g_assert_null (strstr (table->text, "---"));

  /* The pipes around the rows may be left out. */
  table = tables->pdata[1];
  g_assert_cmpstr (table->align, ==, "ll");
  g_assert_cmpuint (table->rows->len, ==, 2);
  g_assert_cmpstr (((GPtrArray *) table->rows->pdata[1])->pdata[1], ==, "Tom");

  g_assert_false (run_with (runs, "Not a table | just pipes")->style & CP_RUN_TABLE);
  g_assert_true (run_with (runs, "| a | b |")->style & CP_RUN_CODE_BLOCK);
  g_assert_cmpuint (run_with (runs, "Before")->style, ==, 0);

  g_ptr_array_unref (tables);
}

static void
test_markdown_large (void)
{
  GString *md = g_string_new (NULL);
  g_autoptr(GPtrArray) runs = NULL;
  gsize text_length = 0;

  /* A megabyte of notes, which must not take quadratic time. */
  while (md->len < 1024 * 1024)
    g_string_append (md, "Some words in a long paragraph, with *a little emphasis* now and then.\n");

  runs = cp_markdown_to_runs (md->str, md->len);
  for (guint i = 0; i < runs->len; i++)
    text_length += strlen (((CpRun *) g_ptr_array_index (runs, i))->text);
  g_assert_cmpuint (text_length, >, md->len / 2);

  g_string_free (md, TRUE);
}

/* The child types, waits for the autosave to pass, and is killed. */
static void
autosave_child (const char *path)
{
  g_autoptr(CpStore) store = cp_store_open (path, NULL);
  g_autoptr(CpEngagement) e = cp_store_get_engagement (store, 1, NULL);
  GListModel *notes = cp_engagement_get_notes (e, NULL);
  g_autoptr(CpNote) note = g_list_model_get_item (notes, 0);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  cp_note_set_body (note, "Typed just before the crash\n");

  /* No flush: only the debounced autosave can have written it. */
  g_timeout_add (1000, (GSourceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);

  kill (getpid (), SIGKILL);
}

static void
test_autosave_survives_kill (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;

  if (g_test_subprocess ())
    {
      autosave_child (g_getenv ("COACHPLAN_TEST_DB"));
      return;
    }

  dir = cp_test_make_dir ();
  path = g_build_filename (dir, "crash.db", NULL);

  {
    g_autoptr(CpStore) store = cp_store_open (path, NULL);
    g_autoptr(CpEngagement) e = cp_store_create_engagement (store, "Crash", CP_APPROACH_COACHED,
                                                            NULL);
    g_autoptr(CpNote) note = cp_engagement_add_note (e, NULL, "Before\n", NULL);

    g_assert_cmpint (cp_engagement_get_id (e), ==, 1);
    g_assert_nonnull (note);
  }

  g_setenv ("COACHPLAN_TEST_DB", path, TRUE);
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  body = cp_test_sql_text (path, "SELECT body FROM note");
  g_assert_cmpstr (body, ==, "Typed just before the crash\n");

  cp_test_remove_tree (dir);
}

static void
test_sessions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement (f, "Sessions");
  g_autoptr(CpEngagement) other = engagement (f, "Other");
  g_autoptr(CpStakeholder) priya = cp_engagement_add_stakeholder (e, "Priya", "Change manager", "", NULL);
  g_autoptr(CpStakeholder) stranger = cp_engagement_add_stakeholder (other, "Stranger", "", "", NULL);
  g_autoptr(CpSession) early = NULL;
  g_autoptr(CpSession) late = NULL;
  g_autoptr(CpSession) first = NULL;
  g_autoptr(CpNote) note = NULL;
  g_autoptr(GArray) attendees = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = cp_engagement_get_id (e);
  GListModel *sessions;

  g_assert_null (cp_engagement_add_session (e, "2026-13-01T10:00", CP_SESSION_KIND_REVIEW, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  early = cp_engagement_add_session (e, "2026-09-14T09:30", CP_SESSION_KIND_WORKSHOP, &error);
  late = cp_engagement_add_session (e, "2026-10-02T14:00", CP_SESSION_KIND_ONE_ON_ONE, &error);
  g_assert_no_error (error);

  /* Latest first. */
  sessions = cp_engagement_get_sessions (e, NULL);
  first = g_list_model_get_item (sessions, 0);
  g_assert_true (first == late);
  g_clear_object (&first);

  cp_session_set_duration (early, 180);
  cp_session_set_topic (early, "Change enablement workshop");
  g_assert_false (cp_session_set_starts_at (early, "tomorrow"));
  g_assert_true (cp_session_set_attendee (early, cp_stakeholder_get_id (priya), TRUE, &error));
  /* A stranger to the engagement cannot attend its session. */
  g_assert_true (cp_session_set_attendee (early, cp_stakeholder_get_id (stranger), TRUE, &error));

  note = cp_engagement_add_note (e, NULL, "# Workshop notes\n", &error);
  cp_note_set_session_id (note, cp_session_get_id (early));
  g_clear_object (&note);

  g_clear_object (&early);
  g_clear_object (&late);
  g_clear_object (&priya);
  g_clear_object (&stranger);
  g_clear_object (&e);
  g_clear_object (&other);
  reopen (f);

  e = cp_store_get_engagement (f->store, id, NULL);
  sessions = cp_engagement_get_sessions (e, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);
  early = g_list_model_get_item (sessions, 1);
  g_assert_cmpuint (cp_session_get_duration (early), ==, 180);
  g_assert_cmpint (cp_session_get_kind (early), ==, CP_SESSION_KIND_WORKSHOP);
  g_assert_cmpstr (cp_session_get_topic (early), ==, "Change enablement workshop");
  attendees = cp_session_dup_attendees (early, &error);
  g_assert_cmpuint (attendees->len, ==, 1);

  note = g_list_model_get_item (cp_engagement_get_notes (e, NULL), 0);
  g_assert_cmpint (cp_note_get_session_id (note), ==, cp_session_get_id (early));

  /* Removing the session keeps its notes. */
  g_assert_true (cp_engagement_remove_session (e, early, &error));
  g_assert_cmpint (cp_note_get_session_id (note), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_notes (e, NULL)), ==, 1);
}

/* A session planned whole is added whole, in one unit of work, or not at
 * all; a phase or an attendee of another engagement is not taken.
 */
static void
test_session_planned (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement (f, "Planned");
  g_autoptr(CpEngagement) other = engagement (f, "Other");
  g_autoptr(CpStakeholder) priya = cp_engagement_add_stakeholder (e, "Priya", "", "", NULL);
  g_autoptr(CpStakeholder) lee = cp_engagement_add_stakeholder (e, "Lee", "", "", NULL);
  g_autoptr(CpStakeholder) stranger = cp_engagement_add_stakeholder (other, "Stranger", "", "", NULL);
  g_autoptr(CpCycle) cycle = cp_engagement_start_cycle (e, cp_template_get_default (), NULL);
  g_autoptr(CpCycle) other_cycle = cp_engagement_start_cycle (other, cp_template_get_default (), NULL);
  g_autoptr(CpPhase) phase = g_list_model_get_item (cp_cycle_get_phases (cycle, NULL), 1);
  g_autoptr(CpPhase) other_phase = g_list_model_get_item (cp_cycle_get_phases (other_cycle, NULL), 1);
  g_autoptr(GArray) who = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) attendees = NULL;
  g_autoptr(CpSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { cp_stakeholder_get_id (priya), cp_stakeholder_get_id (stranger), cp_stakeholder_get_id (lee) };
  CpSessionPlan plan = {
    .starts_at = "2026-12-03T10:00",
    .kind = CP_SESSION_KIND_SPONSOR_MEETING,
    .duration = 90,
    .topic = "Quarterly review with the CIO",
    .phase_id = cp_phase_get_id (phase),
    .area = CP_COACHING_AREA_CSIP,
  };
  gint64 id = cp_engagement_get_id (e);
  gint64 phase_id = cp_phase_get_id (phase);

  g_assert_cmpint (phase_id, >, 0);
  g_array_append_vals (who, ids, G_N_ELEMENTS (ids));
  plan.attendees = who;

  /* Not at all: a bad time adds nothing. */
  plan.starts_at = "3 December";
  g_assert_null (cp_engagement_plan_session (e, &plan, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_sessions (e, NULL)), ==, 0);

  plan.starts_at = "2026-12-03T10:00";
  session = cp_engagement_plan_session (e, &plan, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_cmpuint (g_list_model_get_n_items (cp_engagement_get_sessions (e, NULL)), ==, 1);

  /* Another engagement's phase is no phase; the defaults fill the rest. */
  plan.phase_id = cp_phase_get_id (other_phase);
  plan.duration = 0;
  plan.topic = NULL;
  plan.attendees = NULL;
  plan.starts_at = "2026-12-04T09:00";
  g_clear_object (&session);
  session = cp_engagement_plan_session (e, &plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_session_get_phase_id (session), ==, 0);
  g_assert_cmpuint (cp_session_get_duration (session), ==, 60);
  g_assert_cmpstr (cp_session_get_topic (session), ==, "");

  g_clear_object (&session);
  g_clear_object (&phase);
  g_clear_object (&other_phase);
  g_clear_object (&cycle);
  g_clear_object (&other_cycle);
  g_clear_object (&priya);
  g_clear_object (&lee);
  g_clear_object (&stranger);
  g_clear_object (&e);
  g_clear_object (&other);
  reopen (f);

  /* Everything was kept, but the stranger. */
  e = cp_store_get_engagement (f->store, id, NULL);
  session = g_list_model_get_item (cp_engagement_get_sessions (e, NULL), 1);
  g_assert_cmpstr (cp_session_get_starts_at (session), ==, "2026-12-03T10:00");
  g_assert_cmpint (cp_session_get_kind (session), ==, CP_SESSION_KIND_SPONSOR_MEETING);
  g_assert_cmpuint (cp_session_get_duration (session), ==, 90);
  g_assert_cmpstr (cp_session_get_topic (session), ==, "Quarterly review with the CIO");
  g_assert_cmpint (cp_session_get_phase_id (session), ==, phase_id);
  g_assert_cmpint (cp_session_get_area (session), ==, CP_COACHING_AREA_CSIP);
  attendees = cp_session_dup_attendees (session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendees->len, ==, 2);
  g_assert_cmpint (g_array_index (attendees, gint64, 0), ==, ids[0]);
  g_assert_cmpint (g_array_index (attendees, gint64, 1), ==, ids[2]);
}

/* Where the coaching time goes: the sessions held by a moment, by their
 * area and their format, in minutes; an area changed is kept.
 */
static void
test_coaching_time (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement (f, "Time");
  CpSessionPlan workshop = { .starts_at = "2026-10-01T09:00", .kind = CP_SESSION_KIND_WORKSHOP,
                             .duration = 180, .area = CP_COACHING_AREA_CSIP };
  CpSessionPlan one = { .starts_at = "2026-10-08T10:00", .kind = CP_SESSION_KIND_ONE_ON_ONE,
                        .duration = 45, .area = CP_COACHING_AREA_PROCESS };
  CpSessionPlan unsaid = { .starts_at = "2026-10-15T10:00", .kind = CP_SESSION_KIND_ONE_ON_ONE,
                           .duration = 30 };
  CpSessionPlan later = { .starts_at = "2026-12-01T10:00", .kind = CP_SESSION_KIND_REVIEW,
                          .duration = 60, .area = CP_COACHING_AREA_REVIEW };
  g_autoptr(CpSession) s1 = cp_engagement_plan_session (e, &workshop, NULL);
  g_autoptr(CpSession) s2 = cp_engagement_plan_session (e, &one, NULL);
  g_autoptr(CpSession) s3 = cp_engagement_plan_session (e, &unsaid, NULL);
  g_autoptr(CpSession) s4 = cp_engagement_plan_session (e, &later, NULL);
  g_autoptr(GError) error = NULL;
  guint by_area[CP_COACHING_AREA_REVIEW + 1];
  guint by_kind[CP_SESSION_KIND_REMOTE + 1];
  gint64 id = cp_engagement_get_id (e);

  g_assert_nonnull (s4);
  g_assert_cmpuint (cp_engagement_get_coaching_minutes (e, "2026-11-01T00:00", by_area, by_kind), ==, 255);
  g_assert_cmpuint (by_area[CP_COACHING_AREA_CSIP], ==, 180);
  g_assert_cmpuint (by_area[CP_COACHING_AREA_PROCESS], ==, 45);
  g_assert_cmpuint (by_area[CP_COACHING_AREA_UNSET], ==, 30);
  g_assert_cmpuint (by_area[CP_COACHING_AREA_REVIEW], ==, 0);
  g_assert_cmpuint (by_kind[CP_SESSION_KIND_WORKSHOP], ==, 180);
  g_assert_cmpuint (by_kind[CP_SESSION_KIND_ONE_ON_ONE], ==, 75);
  g_assert_cmpuint (cp_engagement_get_coaching_minutes (e, "2027-01-01T00:00", NULL, NULL), ==, 315);

  cp_session_set_area (s3, CP_COACHING_AREA_REVIEW);
  g_assert_true (cp_store_flush (f->store, &error));
  g_clear_object (&s1);
  g_clear_object (&s2);
  g_clear_object (&s3);
  g_clear_object (&s4);
  g_clear_object (&e);
  reopen (f);

  e = cp_store_get_engagement (f->store, id, NULL);
  cp_engagement_get_coaching_minutes (e, "2026-11-01T00:00", by_area, NULL);
  g_assert_cmpuint (by_area[CP_COACHING_AREA_REVIEW], ==, 30);
  g_assert_cmpuint (by_area[CP_COACHING_AREA_UNSET], ==, 0);
}

static int
count_note_updates (unsigned  type,
                    void     *context,
                    void     *p,
                    void     *x)
{
  if (g_str_has_prefix (x, "UPDATE note"))
    (*(guint *) context)++;

  return 0;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* A debounced save of a large note is written by the store's writer, on
 * its own connection: the main thread's connection never writes it; and
 * a flush waits for what the writer was given.
 */
static void
test_autosave_off_main_thread (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement (f, "Writer");
  g_autoptr(CpNote) note = cp_engagement_add_note (e, NULL, "Short\n", NULL);
  g_autoptr(GString) big = g_string_new ("# Large\n");
  g_autofree char *stored = NULL;
  g_autofree char *length = NULL;
  guint main_updates = 0;
  gboolean timed_out = FALSE;
  guint timeout;

  while (big->len < 1024 * 1024)
    g_string_append (big, "A line of a long note, typed at length by its coach.\n");

  cp_store_set_save_delay (f->store, 10);
  sqlite3_trace_v2 (f->store->db, SQLITE_TRACE_STMT, count_note_updates, &main_updates);

  cp_note_set_body (note, big->str);
  timeout = g_timeout_add_seconds (20, set_flag, &timed_out);
  while (!timed_out && g_strcmp0 (cp_note_get_updated (note), "") != 0 &&
         (length = cp_test_sql_text (f->path, "SELECT length (body) FROM note")) != NULL &&
         atoi (length) != (int) big->len)
    {
      g_clear_pointer (&length, g_free);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (timed_out);
  g_source_remove (timeout);

  g_assert_nonnull (f->store->writer);
  g_assert_cmpuint (main_updates, ==, 0);

  /* What the writer was given is on disk once a flush returns. */
  cp_note_set_body (note, "Last words\n");
  /* Until the debounced save has handed the note to the writer. */
  while (f->store->save_source != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cp_store_flush (f->store, NULL));
  stored = cp_test_sql_text (f->path, "SELECT body FROM note");
  g_assert_cmpstr (stored, ==, "Last words\n");
  g_assert_cmpuint (main_updates, ==, 0);

  sqlite3_trace_v2 (f->store->db, 0, NULL, NULL);
}


static void
count_failures (CpStore      *store,
                const GError *error,
                gpointer      data)
{
  GPtrArray *errors = data;

  g_ptr_array_add (errors, g_error_copy (error));
}

static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until @errors holds @n, or for long at the most. */
static void
spin_until_failures (GPtrArray *errors,
                     guint      n)
{
  gboolean too_long = FALSE;
  guint timeout = g_timeout_add_seconds (30, set_flag, &too_long);

  while (errors->len < n && !too_long)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (too_long);
  g_source_remove (timeout);
}

/* A save the writer could not make is said once, and kept: the next
 * flush, once the cause is gone, saves it. A file replaced while open
 * takes nothing more, and the writer does not try again and again.
 */
static void
test_writer_failures (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CpEngagement) e = engagement (f, "Failing");
  g_autoptr(CpNote) note = cp_engagement_add_note (e, NULL, "Before\n", NULL);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *body = NULL;
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);

  cp_store_set_save_delay (f->store, 10);
  g_signal_connect (f->store, "save-failed", G_CALLBACK (count_failures), errors);

  cp_test_sql_exec (f->path, "CREATE TRIGGER refuse BEFORE UPDATE OF body ON note "
                             "BEGIN SELECT RAISE (ABORT, 'not now'); END");
  cp_note_set_body (note, "Typed while the disk says no\n");
  spin_until_failures (errors, 1);
  spin_for (100);
  g_assert_cmpuint (errors->len, ==, 1);
  g_test_message ("%s", ((GError *) errors->pdata[0])->message);
  g_assert_true (g_str_has_prefix (((GError *) errors->pdata[0])->message, "Could not save the note"));

  cp_test_sql_exec (f->path, "DROP TRIGGER refuse");
  g_assert_true (cp_store_flush (f->store, NULL));
  body = cp_test_sql_text (f->path, "SELECT body FROM note");
  g_assert_cmpstr (body, ==, "Typed while the disk says no\n");

  /* Replaced: said once, then let go. */
  g_assert_true (g_file_set_contents (other, "", 0, NULL));
  g_assert_cmpint (g_rename (other, f->path), ==, 0);
  cp_note_set_body (note, "Into a file no longer there\n");
  spin_until_failures (errors, 2);
  spin_for (100);
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_error ((GError *) errors->pdata[1], CP_STORE_ERROR, CP_STORE_ERROR_REPLACED);
  g_assert_false (_cp_store_is_dirty (f->store, note));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_STORE_TEST ("/notes/round-trip", test_round_trip);
  ADD_STORE_TEST ("/notes/front-matter", test_front_matter);
  ADD_STORE_TEST ("/notes/export-options", test_export_options);
  ADD_STORE_TEST ("/notes/import-refusals", test_import_refusals);
  g_test_add_func ("/notes/file-names", test_file_names);
  ADD_STORE_TEST ("/notes/search", test_search);
  ADD_STORE_TEST ("/notes/display-title", test_display_title);
  ADD_STORE_TEST ("/notes/sessions", test_sessions);
  ADD_STORE_TEST ("/notes/session-planned", test_session_planned);
  ADD_STORE_TEST ("/notes/search-first", test_search_first);
  ADD_STORE_TEST ("/notes/coaching-time", test_coaching_time);
  g_test_add_func ("/markdown/runs", test_markdown_runs);
  g_test_add_func ("/markdown/large", test_markdown_large);
  g_test_add_func ("/markdown/tables", test_markdown_tables);
  g_test_add_func ("/notes/autosave-survives-kill", test_autosave_survives_kill);
  ADD_STORE_TEST ("/notes/autosave-off-main-thread", test_autosave_off_main_thread);
  ADD_STORE_TEST ("/notes/writer-failures", test_writer_failures);

  return g_test_run ();
}
