/* fuzz-folder.c — an engagement folder as import reads it
 *
 * The input is the folder's files one after the other, each after a line
 * "%%%% NAME" (engagement.md, people.md, notes/Kick-off.md…); they are
 * written into a folder and imported into a database made once. What is
 * imported is removed again, so the database stays small.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-engagement-io.h"
#include "cp-store.h"
#include "fuzz-store.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_store_init ();

  return 0;
}

/* A file's name as the input gives it: one of the folder's, or a note. */
static gboolean
allowed_name (const char *name)
{
  static const char *parts[] = {
    "engagement.md", "people.md", "csip.md", "sessions.md", "notes.md", "register.md",
    "actions.md", "measures.md", "contract.md", NULL,
  };

  if (g_strv_contains (parts, name))
    return TRUE;

  return g_str_has_prefix (name, "notes/") && strchr (name + 6, '/') == NULL &&
         name[6] != '\0' && name[6] != '.';
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *folder = g_build_filename (root, "folder", NULL);
  g_autofree char *notes = g_build_filename (folder, "notes", NULL);
  const char *text = (const char *) data;
  const char *end = text + size;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (store == NULL)
    LLVMFuzzerInitialize (NULL, NULL);

  cp_test_remove_tree (folder);
  g_mkdir_with_parents (notes, 0700);

  /* "%%%% name\n" then the file, up to the next such line. */
  while (text < end && end - text > 5 && memcmp (text, "%%%% ", 5) == 0)
    {
      const char *nl = memchr (text, '\n', end - text);
      const char *next;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (nl == NULL)
        break;
      name = g_strndup (text + 5, nl - text - 5);
      text = nl + 1;
      next = text;
      while (next < end && !(next + 5 <= end && memcmp (next, "%%%% ", 5) == 0 &&
                             (next == text || next[-1] == '\n')))
        next++;

      if (allowed_name (name))
        {
          path = g_build_filename (folder, name, NULL);
          g_file_set_contents (path, text, next - text, NULL);
        }
      text = next;
    }

  id = cp_store_import_engagement (store, folder, &error);
  g_assert ((id > 0) == (error == NULL));

  if (id > 0)
    {
      g_autoptr(CpEngagement) engagement = cp_store_get_engagement (store, id, NULL);
      g_autoptr(GPtrArray) files = NULL;

      /* What was imported exports again. */
      g_assert (engagement != NULL);
      files = cp_engagement_export_prepare (engagement, &error);
      g_assert_no_error (error);
      cp_store_trash_engagement (store, engagement, NULL);
      cp_store_purge_trash (store, NULL);
    }

  return 0;
}
