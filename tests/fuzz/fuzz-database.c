/* fuzz-database.c — a database file, as opening and restoring read it
 *
 * The input is a whole database file; the corpus holds small valid ones
 * for the fuzzer to mutate. It is opened as the app opens a database —
 * refused with a message, or opened and read: every engagement listed
 * and its report built — and restored as a backup into a database made
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
#include "cp-test-util.h"

int LLVMFuzzerInitialize    (int    *argc,
                             char ***argv);
int LLVMFuzzerTestOneInput  (const unsigned char *data,
                             size_t               size);

static char *root;
static char *input;
static CpStore *target;

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

static void
clean_up (void)
{
  g_clear_object (&target);
  if (root != NULL)
    cp_test_remove_tree (root);
  g_clear_pointer (&root, g_free);
  g_clear_pointer (&input, g_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  root = g_dir_make_tmp ("coachplan-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (root, "target.db", NULL);
  input = g_build_filename (root, "input.db", NULL);
  target = cp_store_open (path, &error);
  g_assert_no_error (error);
  atexit (clean_up);

  return 0;
}

static void
read_all (CpStore *store)
{
  g_autoptr(GArray) ids = cp_store_find_engagements (store, NULL, CP_STATUS_ANY, NULL);

  for (guint i = 0; ids != NULL && i < MIN (ids->len, 4); i++)
    {
      g_autoptr(CpEngagement) engagement = cp_store_get_engagement (store, g_array_index (ids, gint64, i), NULL);
      g_autofree char *markdown = NULL;

      if (engagement != NULL)
        markdown = cp_report_build (engagement, "2026-06-01", NULL, NULL);
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

  if (target == NULL)
    LLVMFuzzerInitialize (NULL, NULL);

  remove_database (input);
  g_assert (g_file_set_contents (input, (const char *) data, size, NULL));

  /* Opened as the app opens it: refused with a reason, or read. */
  {
    g_autoptr(CpStore) store = cp_store_open (input, &error);

    g_assert ((store == NULL) == (error != NULL));
    if (store != NULL)
      read_all (store);
    else
      g_assert (error->message[0] != '\0');
    g_clear_error (&error);
  }

  /* Restored as a backup: the database holds it afterwards, or is as it
   * was. The file is written again, as opening may have upgraded it.
   */
  remove_database (input);
  g_assert (g_file_set_contents (input, (const char *) data, size, NULL));
  cp_store_flush (target, NULL);
  before = cp_test_sql_text (cp_store_get_path (target), "SELECT count(*) FROM engagement");
  if (cp_store_restore (target, input, &kept, &error))
    {
      g_autoptr(GError) reopen_error = NULL;
      g_autofree char *path = g_strdup (cp_store_get_path (target));

      g_unlink (kept);
      g_clear_object (&target);
      target = cp_store_open (path, &reopen_error);
      g_assert_no_error (reopen_error);
      read_all (target);
    }
  else
    {
      g_assert (error != NULL && error->message[0] != '\0');
      after = cp_test_sql_text (cp_store_get_path (target), "SELECT count(*) FROM engagement");
      g_assert (g_strcmp0 (before, after) == 0);
    }

  return 0;
}
