/* test-hostile-files.c — exports, note files, engagement folders and reports fed bad and unusual input, as a hostile user would
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cp-test-hostile.h"

/* ---------------------------------------------------------------- */
/* 1. An export never removes a file Coachplan did not write.        */

static void
test_export_keeps_foreign_files (Fx            *f,
                                 gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *notes = fx_path (f, "out/notes");
  g_autofree char *diary = fx_path (f, "out/notes/diary.md");
  g_autofree char *hidden = fx_path (f, "out/notes/.hidden.md");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  g_autofree char *old_name = NULL;
  g_autofree char *old_path = NULL;
  g_autofree char *text = NULL;
  Run r;

  g_assert_cmpint (g_mkdir_with_parents (notes, 0755), ==, 0);
  write_text (diary, "mine\n");
  write_text (hidden, "also mine\n");

  r = run (f, "--export=1", option, NULL);
  assert_done (&r);
  run_clear (&r);
  g_assert_cmpstr ((text = read_text (diary)), ==, "mine\n");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr ((text = read_text (hidden)), ==, "also mine\n");
  g_clear_pointer (&text, g_free);

  /* A renamed note's old file goes, because Coachplan wrote it; the
   * user's files stay.
   */
  old_name = sql_text (f, "SELECT display_title FROM note ORDER BY id LIMIT 1");
  old_path = g_strdup_printf ("%s/%s.md", notes, old_name);
  g_assert_true (g_file_test (old_path, G_FILE_TEST_IS_REGULAR));
  cp_test_sql_exec (f->db, "UPDATE note SET title = 'Renamed note', display_title = 'Renamed note' "
                           "WHERE id = (SELECT min (id) FROM note)");
  r = run (f, "--export=1", option, NULL);
  assert_done (&r);
  run_clear (&r);
  g_assert_false (g_file_test (old_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (notes, G_FILE_TEST_IS_DIR));
  g_assert_cmpstr ((text = read_text (diary)), ==, "mine\n");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr ((text = read_text (hidden)), ==, "also mine\n");
}

/* A file of the user's where a note would go is not overwritten. */
static void
test_export_keeps_same_named_file (Fx            *f,
                                   gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *notes = fx_path (f, "out/notes");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  g_autofree char *name = sql_text (f, "SELECT display_title FROM note ORDER BY id LIMIT 1");
  g_autofree char *mine = g_strdup_printf ("%s/%s.md", notes, name);
  g_autofree char *text = NULL;
  Run r;

  g_assert_cmpint (g_mkdir_with_parents (notes, 0755), ==, 0);
  write_text (mine, "my own words\n");

  r = run (f, "--export=1", option, NULL);
  assert_done (&r);
  run_clear (&r);
  g_assert_cmpstr ((text = read_text (mine)), ==, "my own words\n");
}

/* An export into out/, laid out by the caller, is refused with @first,
 * @second in its message, and writes nothing at all.
 */
static void
assert_export_refused (Fx         *f,
                       const char *first,
                       const char *second)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  Run r;

  fx_freeze (f);
  r = run (f, "--export=1", option, NULL);
  assert_refused (f, &r, first, second, NULL);
  run_clear (&r);
}

/* A folder holding someone else's engagement.md is not written into. */
static void
test_export_refuses_foreign_folder (Fx            *f,
                                    gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *mine = fx_path (f, "out/engagement.md");

  g_assert_cmpint (g_mkdir_with_parents (out, 0755), ==, 0);
  write_text (mine, "# My engagement, not a Coachplan one\n");
  assert_export_refused (f, "engagement.md", "did not write");
}

/* An export whose notes/ is a link writes nothing at all. */
static void
test_export_notes_link_writes_nothing (Fx            *f,
                                       gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *elsewhere = fx_path (f, "elsewhere");
  g_autofree char *link = fx_path (f, "out/notes");

  g_assert_cmpint (g_mkdir_with_parents (out, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (elsewhere, 0755), ==, 0);
  g_assert_cmpint (symlink (elsewhere, link), ==, 0);
  assert_export_refused (f, "notes", "symbolic link");
}

/* An export whose notes/ is a file of the user's writes nothing. */
static void
test_export_notes_file_writes_nothing (Fx            *f,
                                       gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *notes = fx_path (f, "out/notes");

  g_assert_cmpint (g_mkdir_with_parents (out, 0755), ==, 0);
  write_text (notes, "my notes, in one file\n");
  assert_export_refused (f, "notes", "a file, not a folder");
}

/* ---------------------------------------------------------------- */
/* 3. Reports never write through a link.                            */

static void
test_report_link (Fx            *f,
                  gconstpointer  data)
{
  const char *extensions[] = { "pdf", "md", "html" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *victim = fx_path (f, "victim.txt");
      g_autofree char *name = g_strconcat ("r.", extensions[i], NULL);
      g_autofree char *link = fx_path (f, name);
      g_autofree char *option = g_strconcat ("--output=", link, NULL);
      g_autofree char *text = NULL;
      GStatBuf st;
      Run r;

      write_text (victim, "victim\n");
      g_unlink (link);
      g_assert_cmpint (symlink ("victim.txt", link), ==, 0);

      r = run (f, "--report=1", option, NULL);
      assert_done (&r);
      run_clear (&r);
      g_assert_cmpstr ((text = read_text (victim)), ==, "victim\n");
      g_assert_cmpint (g_lstat (link, &st), ==, 0);
      g_assert_true (S_ISREG (st.st_mode));
    }
}

/* ---------------------------------------------------------------- */
/* 5. Named pipes and devices are refused before they are read.      */

static void
test_fifo_note (Fx            *f,
                gconstpointer  data)
{
  g_autofree char *fifo = fx_path (f, "f.md");
  g_autofree char *folder = fx_path (f, "d");
  g_autofree char *inner = fx_path (f, "d/g.md");
  Run r;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (mkfifo (inner, 0600), ==, 0);
  fx_freeze (f);

  r = run (f, "--import-notes=1", fifo, NULL);
  assert_refused (f, &r, "f.md", "named pipe", NULL);
  run_clear (&r);

  r = run (f, "--import-notes=1", folder, NULL);
  assert_refused (f, &r, "g.md", "named pipe", NULL);
  run_clear (&r);
}

static void
test_fifo_in_folder (Fx            *f,
                     gconstpointer  data)
{
  const char *parts[] = { "people.md", "notes.md", "engagement.md" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *folder = fx_folder (f);
      g_autofree char *part = g_build_filename (folder, parts[i], NULL);
      Run r;

      g_unlink (part);
      g_assert_cmpint (mkfifo (part, 0600), ==, 0);
      fx_freeze (f);

      r = run (f, "--import", folder, NULL);
      assert_refused (f, &r, parts[i], "named pipe", NULL);
      run_clear (&r);
      cp_test_remove_tree (folder);
    }
}

static void
test_fifo_note_in_folder (Fx            *f,
                          gconstpointer  data)
{
  g_autofree char *folder = fx_folder (f);
  g_autofree char *notes = g_build_filename (folder, "notes", NULL);
  g_autoptr(GDir) dir = g_dir_open (notes, 0, NULL);
  const char *name = g_dir_read_name (dir);
  g_autofree char *note = g_build_filename (notes, name, NULL);
  Run r;

  g_unlink (note);
  g_assert_cmpint (mkfifo (note, 0600), ==, 0);
  fx_freeze (f);

  r = run (f, "--import", folder, NULL);
  assert_refused (f, &r, name, "named pipe", NULL);
  run_clear (&r);
}

/* ---------------------------------------------------------------- */
/* 6. Endless input is cut off at the limit while it is read.        */

static void
test_endless_note (Fx            *f,
                   gconstpointer  data)
{
  Run r = run (f, "--import-notes=1", "/dev/zero", NULL);

  assert_refused (f, &r, "/dev/zero", "not a regular file", NULL);
  run_clear (&r);
}

static void
test_large_note (Fx            *f,
                 gconstpointer  data)
{
  g_autofree char *big = fx_path (f, "big.md");
  FILE *file = fopen (big, "w");

  g_assert_nonnull (file);
  g_assert_cmpint (ftruncate (fileno (file), 9 * 1024 * 1024), ==, 0);
  fclose (file);
  fx_freeze (f);

  {
    Run r = run (f, "--import-notes=1", big, NULL);
    assert_refused (f, &r, "big.md", "8 MB", NULL);
    run_clear (&r);
  }
}

/* Calendar files: a device, a pipe, 50 MB, text that is not a calendar,
 * a link to a device — each refused, the database as it was.
 */
static void
test_hostile_calendars (Fx            *f,
                        gconstpointer  data)
{
  g_autofree char *fifo = fx_path (f, "pipe.ics");
  g_autofree char *big = fx_path (f, "big.ics");
  g_autofree char *notes = fx_path (f, "notes.ics");
  g_autofree char *link = fx_path (f, "link.ics");
  FILE *file;
  Run r;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  file = fopen (big, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (ftruncate (fileno (file), 50 * 1024 * 1024), ==, 0);
  fclose (file);
  g_assert_true (g_file_set_contents (notes, "# Not a calendar\n\nJust notes.\n", -1, NULL));
  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  fx_freeze (f);

  r = run (f, "--import-calendar=1", "/dev/zero", NULL);
  assert_refused (f, &r, "/dev/zero", "not a regular file", NULL);
  run_clear (&r);
  r = run (f, "--import-calendar=1", fifo, NULL);
  assert_refused (f, &r, "pipe.ics", "named pipe", NULL);
  run_clear (&r);
  r = run (f, "--import-calendar=1", big, NULL);
  assert_refused (f, &r, "big.ics", NULL);
  run_clear (&r);
  r = run (f, "--import-calendar=1", notes, NULL);
  assert_refused (f, &r, "notes.ics", "Line 1", NULL);
  run_clear (&r);
  r = run (f, "--import-calendar=1", link, NULL);
  assert_refused (f, &r, "link.ics", "not a regular file", NULL);
  run_clear (&r);
}

/* ---------------------------------------------------------------- */
/* 7. Deep nesting lays out in linear time and keeps its text.       */

static void
test_report_deep_nesting (Fx            *f,
                          gconstpointer  data)
{
  const guint depths[] = { 100000, 200000 };

  for (guint i = 0; i < G_N_ELEMENTS (depths); i++)
    {
      g_autofree char *note = fx_path (f, "deep.md");
      g_autofree char *pdf = fx_path (f, "deep.pdf");
      g_autofree char *option = g_strconcat ("--output=", pdf, NULL);
      g_autofree char *quotes = g_strnfill (depths[i], '>');
      g_autofree char *marker = g_strdup_printf ("deepmarker%u", depths[i]);
      g_autofree char *text = g_strdup_printf ("---\ntitle: Deep %u\nvisibility: sponsor\n---\n%s %s\n",
                                               depths[i], quotes, marker);
      g_autofree char *out = NULL;
      g_autofree char *cmd = NULL;
      Run r;

      write_text (note, text);
      r = run (f, "--import-notes=1", note, NULL);
      assert_done (&r);
      run_clear (&r);

      r = run (f, "--report=1", option, NULL);
      assert_done (&r);
      run_clear (&r);

      cmd = g_strdup_printf ("pdftotext '%s' -", pdf);
      g_assert_true (g_spawn_command_line_sync (cmd, &out, NULL, NULL, NULL));
      if (strstr (out, marker) == NULL)
        g_error ("the PDF lost the text nested %u deep", depths[i]);
    }
}

/* ---------------------------------------------------------------- */
/* 8. Folder import refuses bad values, naming the file and line.    */

typedef struct
{
  const char *file;
  const char *from;
  const char *to;
  const char *says;     /* besides the file's name */
} Mutation;

/* Each mutation of a fresh copy of the sample's folder is refused,
 * naming the file and what is wrong — never in the database's generic
 * words.
 */
static void
assert_mutations_refused (Fx             *f,
                          const Mutation *mutations,
                          guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folder = fx_folder (f);
      g_autofree char *part = g_build_filename (folder, mutations[i].file, NULL);
      Run r;

      g_test_message ("%s: “%s” for “%s”", mutations[i].file, mutations[i].to, mutations[i].from);
      edit_file (part, mutations[i].from, mutations[i].to);
      fx_freeze (f);

      r = run (f, "--import", folder, NULL);
      assert_refused (f, &r, mutations[i].file, mutations[i].says, NULL);
      g_assert_null (strstr (r.err, "a value is not allowed"));
      run_clear (&r);
      cp_test_remove_tree (folder);
    }
}

static void
test_folder_mutations (Fx            *f,
                       gconstpointer  data)
{
  static const Mutation mutations[] = {
    { "sessions.md", "| 2026-09-14T09:30 |", "| not a time |", "line 5" },
    { "sessions.md", "| 2026-09-14T09:30 |", "| 2026-13-01T25:61 |", "2026-13-01T25:61" },
    { "sessions.md", "| 2026-09-14T09:30 |", "| 2026-02-30T10:00 |", "2026-02-30T10:00" },
    { "sessions.md", "| 2026-09-14T09:30 | 180 |", "| 2026-09-14T09:30 | -5 |", "Minutes" },
    { "engagement.md", "client:", "title: \"Second title\"\nclient:", "title" },
    { "engagement.md", "format-version: 3\n", "", "format-version" },
    { "register.md", "| 2 | 2026-09-28 |", "| 1 | 2026-09-28 |", "“No” 1 is used twice" },
  };

  assert_mutations_refused (f, mutations, G_N_ELEMENTS (mutations));
}

static char *
first_note_file (const char *folder)
{
  g_autofree char *notes = g_build_filename (folder, "notes", NULL);
  g_autoptr(GDir) dir = g_dir_open (notes, 0, NULL);
  const char *name;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >, 0);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  return g_strdup (names->pdata[0]);
}

static void
test_folder_note_visibility (Fx            *f,
                             gconstpointer  data)
{
  const char *bad[] = { "public", "Sponsor" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *folder = fx_folder (f);
      g_autofree char *name = first_note_file (folder);
      g_autofree char *path = g_build_filename (folder, "notes", name, NULL);
      g_autofree char *text = read_text (path);
      g_autofree char *line = g_strconcat ("visibility: ", bad[i], "\n", NULL);
      const char *at = strstr (text, "visibility: ");
      const char *end = strchr (at, '\n') + 1;
      g_autofree char *edited = g_strdup_printf ("%.*s%s%s", (int) (at - text), text, line, end);
      Run r;

      write_text (path, edited);
      fx_freeze (f);

      r = run (f, "--import", folder, NULL);
      assert_refused (f, &r, name, "visibility", bad[i], NULL);
      run_clear (&r);
      cp_test_remove_tree (folder);
    }
}

static void
test_folder_unlisted_note (Fx            *f,
                           gconstpointer  data)
{
  g_autofree char *folder = fx_folder (f);
  g_autofree char *extra = g_build_filename (folder, "notes", "extra.md", NULL);
  Run r;

  write_text (extra, "# Not in the index\n");
  fx_freeze (f);

  r = run (f, "--import", folder, NULL);
  assert_refused (f, &r, "extra.md", "notes.md", NULL);
  run_clear (&r);
}

static void
test_folder_notes_link (Fx            *f,
                        gconstpointer  data)
{
  g_autofree char *folder = fx_folder (f);
  g_autofree char *notes = g_build_filename (folder, "notes", NULL);
  g_autofree char *outside = fx_path (f, "outside");
  Run r;

  g_assert_cmpint (g_rename (notes, outside), ==, 0);
  g_assert_cmpint (symlink (outside, notes), ==, 0);
  fx_freeze (f);

  r = run (f, "--import", folder, NULL);
  assert_refused (f, &r, "notes", "symbolic link", NULL);
  run_clear (&r);
}

static void
test_folder_notes_unreadable (Fx            *f,
                              gconstpointer  data)
{
  g_autofree char *folder = fx_folder (f);
  g_autofree char *notes = g_build_filename (folder, "notes", NULL);
  Run r;

  if (!fx_become_nobody (f))
    return;
  g_assert_cmpint (g_chmod (notes, 0), ==, 0);
  fx_freeze (f);

  r = run (f, "--import", folder, NULL);
  assert_refused (f, &r, "notes", "Permission denied", NULL);
  g_assert_null (strstr (r.err, "missing"));
  run_clear (&r);
}

/* ---------------------------------------------------------------- */
/* 9. Note import: links, and front matter that says two things.     */

static void
test_notes_links (Fx            *f,
                  gconstpointer  data)
{
  g_autofree char *folder = fx_path (f, "d");
  g_autofree char *good = fx_path (f, "d/a.md");
  g_autofree char *link = fx_path (f, "d/p.md");
  g_autofree char *loop = fx_path (f, "d/loop");
  Run r;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  write_text (good, "# Fine\n");
  g_assert_cmpint (symlink ("/etc/passwd", link), ==, 0);
  fx_freeze (f);

  r = run (f, "--import-notes=1", folder, NULL);
  assert_refused (f, &r, "p.md", "symbolic link", NULL);
  run_clear (&r);

  g_unlink (link);
  g_assert_cmpint (symlink ("..", loop), ==, 0);
  fx_freeze (f);
  r = run (f, "--import-notes=1", folder, NULL);
  assert_refused (f, &r, "loop", "symbolic link", NULL);
  run_clear (&r);
}

static void
test_notes_front_matter (Fx            *f,
                         gconstpointer  data)
{
  static const struct { const char *front; const char *says; } cases[] = {
    { "title: One\ntitle: Two\n", "title" },
    { "visibility: public\n", "visibility" },
    { "created: yesterday\n", "created" },
    { "updated: 2026-02-30T10:00:00Z\n", "updated" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fx_path (f, "fm.md");
      g_autofree char *text = g_strdup_printf ("---\n%s---\n# Body\n", cases[i].front);
      Run r;

      write_text (path, text);
      fx_freeze (f);

      r = run (f, "--import-notes=1", path, NULL);
      assert_refused (f, &r, "fm.md", cases[i].says, "line", NULL);
      run_clear (&r);
    }
}

static void
test_export_reserved_names (Fx            *f,
                            gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  const char *titles[] = { "CON", "nul", "Com1", "lpt9.txt", "AUX" };
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;
  Run r;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/t%u.md", f->dir, i);
      g_autofree char *text = g_strdup_printf ("---\ntitle: \"%s\"\n---\nbody\n", titles[i]);

      write_text (path, text);
      r = run (f, "--import-notes=1", path, NULL);
      assert_done (&r);
      run_clear (&r);
    }

  r = run (f, "--export-notes=1", option, NULL);
  assert_done (&r);
  run_clear (&r);

  dir = g_dir_open (out, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stem = g_ascii_strdown (name, strcspn (name, "."));

      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        {
          g_autofree char *reserved = g_ascii_strdown (titles[i], strcspn (titles[i], "."));
          if (g_str_equal (stem, reserved))
            g_error ("“%s” is a name Windows reserves", name);
        }
      n++;
    }
  g_assert_cmpuint (n, >=, G_N_ELEMENTS (titles));
}

/* ---------------------------------------------------------------- */
/* 11. Messages name the file and the reason in words.               */

static void
test_report_unwritable (Fx            *f,
                        gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (300, 'a');
  g_autofree char *too_long = g_strdup_printf ("%s/%s.pdf", f->dir, long_name);
  g_autofree char *missing = fx_path (f, "no/such/folder/r.pdf");
  const char *outputs[] = { "/proc/r.pdf", too_long, missing, "/proc/r.md" };
  const char *says[] = { "/proc/r.pdf", "File name too long", "No such file or directory", "/proc/r.md" };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *option = g_strconcat ("--output=", outputs[i], NULL);
      Run r = run (f, "--report=1", option, NULL);

      assert_refused (f, &r, says[i], NULL);
      g_assert_null (strstr (r.err, "output stream"));
      run_clear (&r);
    }
}

static void
test_report_read_only_folder (Fx            *f,
                              gconstpointer  data)
{
  g_autofree char *folder = fx_path (f, "ro");
  g_autofree char *pdf = fx_path (f, "ro/r.pdf");
  g_autofree char *option = g_strconcat ("--output=", pdf, NULL);
  Run r;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  if (!fx_become_nobody (f))
    return;
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  fx_freeze (f);

  r = run (f, "--report=1", option, NULL);
  assert_refused (f, &r, "r.pdf", "Permission denied", NULL);
  run_clear (&r);
}

/* ---------------------------------------------------------------- */
/* 12. Fields are text in every format; only note bodies are Markdown. */

/* Whether @what is in @text other than escaped with a backslash. */
static gboolean
live_in (const char *text,
         const char *what)
{
  for (const char *at = strstr (text, what); at != NULL; at = strstr (at + 1, what))
    if (at == text || at[-1] != '\\')
      return TRUE;

  return FALSE;
}

static void
test_report_escapes_fields (Fx            *f,
                            gconstpointer  data)
{
  g_autofree char *md = fx_path (f, "r.md");
  g_autofree char *html = fx_path (f, "r.html");
  g_autofree char *md_opt = g_strconcat ("--output=", md, NULL);
  g_autofree char *html_opt = g_strconcat ("--output=", html, NULL);
  g_autofree char *md_text = NULL;
  g_autofree char *html_text = NULL;
  Run r;

  cp_test_sql_exec (f->db, "UPDATE engagement SET client = '<img src=x onerror=alert(1)>', "
                           "title = 'Plan *one* <b>bold</b>' WHERE id = 1;"
                           "UPDATE session SET topic = '<script>alert(2)</script>';");

  r = run (f, "--report=1", md_opt, NULL);
  assert_done (&r);
  run_clear (&r);
  r = run (f, "--report=1", html_opt, NULL);
  assert_done (&r);
  run_clear (&r);

  md_text = read_text (md);
  html_text = read_text (html);
  g_assert_false (live_in (md_text, "<img"));
  g_assert_false (live_in (md_text, "<script"));
  g_assert_false (live_in (md_text, "*one*"));
  g_assert_nonnull (strstr (md_text, "\\<img src=x onerror=alert(1)\\>"));
  g_assert_null (strstr (html_text, "<img"));
  g_assert_null (strstr (html_text, "<script"));
  g_assert_null (strstr (html_text, "<b>bold"));
  g_assert_nonnull (strstr (html_text, "&lt;script&gt;alert(2)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html_text, "&lt;img src=x onerror=alert(1)&gt;"));
  g_assert_nonnull (strstr (html_text, "Plan *one*"));
}

/* ---------------------------------------------------------------- */
/* Cases that already pass, kept so that they stay so.               */

static void
test_folder_good_round_trip (Fx            *f,
                             gconstpointer  data)
{
  g_autofree char *folder = fx_folder (f);
  g_autofree char *count = NULL;
  Run r;

  fx_freeze (f);
  r = run (f, "--import", folder, NULL);
  assert_done (&r);
  g_assert_cmpstr (r.out, ==, "2\n");
  run_clear (&r);
  count = sql_text (f, "SELECT count (*) FROM note WHERE engagement_id = 2");
  g_assert_cmpstr (count, !=, "0");
  {
    g_autofree char *a = sql_text (f, "SELECT group_concat (body, '|') FROM (SELECT body FROM note WHERE engagement_id = 1 ORDER BY body)");
    g_autofree char *b = sql_text (f, "SELECT group_concat (body, '|') FROM (SELECT body FROM note WHERE engagement_id = 2 ORDER BY body)");
    g_assert_cmpstr (a, ==, b);
  }
  fx_assert_unchanged_except (f, (const char *[]) { "cp.db", NULL });
}

static void
test_folder_breakages (Fx            *f,
                       gconstpointer  data)
{
  static const Mutation mutations[] = {
    { "engagement.md", "format-version: 3", "format-version: 99", "newer" },
    { "engagement.md", "format: coachplan-engagement", "format: other", "format" },
    { "engagement.md", "approach: coached", "approach: magic", "magic" },
    { "engagement.md", "start: 2026-09-07", "start: 2026-09-31", "2026-09-31" },
    { "people.md", "# People", "Just a line", "line 1" },
    { "sessions.md", "| workshop |", "| party |", "party" },
    { "notes.md", "](<notes/", "](<notes/../", "notes" },
    { "csip.md", "- [x]", "- [?]", "csip.md" },
  };

  assert_mutations_refused (f, mutations, G_N_ELEMENTS (mutations));
}

static void
test_notes_bad_text (Fx            *f,
                     gconstpointer  data)
{
  static const struct { const char *bytes; gsize length; const char *says; } cases[] = {
    { "# Fine\n\xff\xfe broken\n", 15, "UTF-8" },
    { "# With\0NUL\n", 11, "NUL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fx_path (f, "bad.md");
      Run r;

      g_assert_true (g_file_set_contents (path, cases[i].bytes, cases[i].length, NULL));
      fx_freeze (f);
      r = run (f, "--import-notes=1", path, NULL);
      assert_refused (f, &r, "bad.md", cases[i].says, NULL);
      run_clear (&r);
    }
}

static void
test_odd_titles_export (Fx            *f,
                        gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "out");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  const char *titles[] = { "../../escape", "a/b\\c:d*e?f\"g<h>i|j", ".hidden", "   ", "\xe2\x80\xae" "rtl" };
  Run r;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/t%u.md", f->dir, i);
      g_autofree char *escaped = g_strescape (titles[i], NULL);
      g_autofree char *text = g_strdup_printf ("---\ntitle: \"%s\"\n---\nbody %u\n", escaped, i);

      write_text (path, text);
      r = run (f, "--import-notes=1", path, NULL);
      assert_done (&r);
      run_clear (&r);
    }
  fx_freeze (f);

  r = run (f, "--export-notes=1", option, NULL);
  assert_done (&r);
  run_clear (&r);
  /* Everything written is inside the folder, and nothing hidden. */
  fx_assert_unchanged_except (f, (const char *[]) { "out", NULL });
  {
    g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (out, name, NULL);

        g_assert_true (name[0] != '.');
        g_assert_true (g_file_test (child, G_FILE_TEST_IS_REGULAR));
      }
  }
}


static void
test_notes_accepted_exactly (Fx            *f,
                             gconstpointer  data)
{
  static const struct { const char *file; const char *body; const char *title; } cases[] = {
    { "---\r\ntitle: \"With CRLF\"\r\nvisibility: client\r\n---\r\nBody\r\n", "Body\r\n", "With CRLF" },
    { "", "", "" },
    { "---\nnot: front matter\nthis line is body\n---\ntext\n",
      "---\nnot: front matter\nthis line is body\n---\ntext\n", "not: front matter" },
    { "# Heading only\n", "# Heading only\n", "Heading only" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fx_path (f, "ok.md");
      g_autofree char *body = NULL;
      g_autofree char *title = NULL;
      Run r;

      write_text (path, cases[i].file);
      r = run (f, "--import-notes=1", path, NULL);
      assert_done (&r);
      run_clear (&r);

      body = sql_text (f, "SELECT body FROM note ORDER BY id DESC LIMIT 1");
      title = sql_text (f, "SELECT display_title FROM note ORDER BY id DESC LIMIT 1");
      g_assert_cmpstr (body, ==, cases[i].body);
      g_assert_cmpstr (title, ==, cases[i].title);
    }
}

static void
test_usage_and_missing (Fx            *f,
                        gconstpointer  data)
{
  g_autofree char *out = fx_path (f, "r.txt");
  g_autofree char *option = g_strconcat ("--output=", out, NULL);
  g_autofree char *pdf = fx_path (f, "r.pdf");
  g_autofree char *pdf_option = g_strconcat ("--output=", pdf, NULL);
  g_autofree char *file = fx_path (f, "a-file");
  g_autofree char *into_file = g_strconcat ("--output=", file, NULL);
  Run r;

  write_text (file, "a file, not a folder\n");
  fx_freeze (f);

  r = run (f, "--report=1", option, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_says (&r, "r.txt");
  run_clear (&r);

  r = run (f, "--report=99", pdf_option, NULL);
  assert_refused (f, &r, "99", NULL);
  run_clear (&r);

  r = run (f, "--report=one", pdf_option, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_says (&r, "one");
  run_clear (&r);

  r = run (f, "--export=1", into_file, NULL);
  assert_refused (f, &r, "a-file", "not a folder", NULL);
  run_clear (&r);

  r = run (f, "--export-notes=1", into_file, NULL);
  assert_refused (f, &r, "a-file", NULL);
  run_clear (&r);

  r = run (f, "--import", file, NULL);
  assert_refused (f, &r, "a-file", "not a folder", NULL);
  run_clear (&r);

  /* The database is no backup of itself. */
  {
    g_autofree char *self_restore = g_strconcat ("--restore=", f->db, NULL);

    r = run (f, self_restore, NULL);
    assert_refused (f, &r, "cp.db", "the database itself", NULL);
    run_clear (&r);
  }
  fx_assert_untouched (f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  make_template ();

#define ADD(path, func) g_test_add ("/hostile/" path, Fx, NULL, fx_set_up, func, fx_tear_down)
  ADD ("export/keeps-foreign-files", test_export_keeps_foreign_files);
  ADD ("export/keeps-same-named-file", test_export_keeps_same_named_file);
  ADD ("export/refuses-foreign-folder", test_export_refuses_foreign_folder);
  ADD ("export/notes-link-writes-nothing", test_export_notes_link_writes_nothing);
  ADD ("export/notes-file-writes-nothing", test_export_notes_file_writes_nothing);
  ADD ("report/link", test_report_link);
  ADD ("fifo/note", test_fifo_note);
  ADD ("fifo/in-folder", test_fifo_in_folder);
  ADD ("fifo/note-in-folder", test_fifo_note_in_folder);
  ADD ("notes/endless", test_endless_note);
  ADD ("calendar/refused", test_hostile_calendars);
  ADD ("notes/large", test_large_note);
  ADD ("report/deep-nesting", test_report_deep_nesting);
  ADD ("folder/mutations", test_folder_mutations);
  ADD ("folder/note-visibility", test_folder_note_visibility);
  ADD ("folder/unlisted-note", test_folder_unlisted_note);
  ADD ("folder/notes-link", test_folder_notes_link);
  ADD ("folder/notes-unreadable", test_folder_notes_unreadable);
  ADD ("notes/links", test_notes_links);
  ADD ("notes/front-matter", test_notes_front_matter);
  ADD ("export/reserved-names", test_export_reserved_names);
  ADD ("messages/report-unwritable", test_report_unwritable);
  ADD ("messages/report-read-only-folder", test_report_read_only_folder);
  ADD ("report/escapes-fields", test_report_escapes_fields);
  ADD ("passing/folder-round-trip", test_folder_good_round_trip);
  ADD ("passing/folder-breakages", test_folder_breakages);
  ADD ("passing/notes-bad-text", test_notes_bad_text);
  ADD ("passing/odd-titles-export", test_odd_titles_export);
  ADD ("passing/notes-accepted-exactly", test_notes_accepted_exactly);
  ADD ("passing/usage-and-missing", test_usage_and_missing);
#undef ADD

  status = g_test_run ();
  remove_template ();

  return status;
}
