/* fuzz-database.c — a database file, as opening and restoring read it
 *
 * The input is a whole database file; the corpus holds small valid ones
 * for the fuzzer to mutate. It is opened as the app opens a database —
 * refused with a message, or opened and read: every engagement listed
 * and its report built — and restored as a backup into the database made
 * once, which a refusal must leave as it was.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-report.h"
#include "cp-store.h"
#include "fuzz-store.h"

static char *input;

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_store_init ();
  input = g_build_filename (root, "input.db", NULL);

  return 0;
}

static void
read_all (CpStore *opened)
{
  g_autoptr(GArray) ids = cp_store_find_engagements (opened, NULL, CP_STATUS_ANY, NULL);

  for (guint i = 0; ids != NULL && i < MIN (ids->len, 4); i++)
    {
      g_autoptr(CpEngagement) engagement = cp_store_get_engagement (opened, g_array_index (ids, gint64, i), NULL);
      g_autofree char *markdown = NULL;

      if (engagement != NULL)
        markdown = cp_report_build (engagement, "2026-06-01", CP_AUDIENCE_TEAM, NULL, NULL);
    }
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (store == NULL)
    LLVMFuzzerInitialize (NULL, NULL);

  remove_database (input);
  g_assert (g_file_set_contents (input, (const char *) data, size, NULL));

  /* Opened as the app opens it: refused with a reason, or read. */
  {
    g_autoptr(CpStore) opened = cp_store_open (input, &error);

    g_assert ((opened == NULL) == (error != NULL));
    if (opened != NULL)
      read_all (opened);
    else
      g_assert (error->message[0] != '\0');
    g_clear_error (&error);
  }

  /* Restored as a backup: the database holds it afterwards, or is as it
   * was. The file is written again, as opening may have upgraded it.
   */
  remove_database (input);
  g_assert (g_file_set_contents (input, (const char *) data, size, NULL));
  cp_store_flush (store, NULL);
  before = cp_test_sql_text (cp_store_get_path (store), "SELECT count(*) FROM engagement");
  if (cp_store_restore (store, input, &kept, &error))
    {
      g_autoptr(GError) reopen_error = NULL;
      g_autofree char *path = g_strdup (cp_store_get_path (store));

      g_unlink (kept);
      g_clear_object (&store);
      store = cp_store_open (path, &reopen_error);
      g_assert_no_error (reopen_error);
      read_all (store);
    }
  else
    {
      g_assert (error != NULL && error->message[0] != '\0');
      after = cp_test_sql_text (cp_store_get_path (store), "SELECT count(*) FROM engagement");
      g_assert (g_strcmp0 (before, after) == 0);
    }

  return 0;
}
