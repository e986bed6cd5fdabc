/* cp-test-util.h — small helpers shared by the tests
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* A fresh folder under the test's temporary directory; removed by the
 * caller with cp_test_remove_tree().
 */
static inline char *
cp_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("coachplan-test-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static inline void
cp_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        cp_test_remove_tree (path);
      else
        g_unlink (path);
    }

  g_rmdir (dir);
}

/* The SHA-256 of a file's bytes, to prove a refused file was not touched. */
static inline char *
cp_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}
