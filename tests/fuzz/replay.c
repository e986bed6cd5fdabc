/* replay.c — runs a fuzz target over files, without the fuzzer
 *
 * Every input in the committed corpus and every crash the fuzzer ever
 * found (regressions/) goes through the target in the ordinary test run,
 * so a fixed crash stays fixed.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);
int LLVMFuzzerInitialize   (int    *argc,
                            char ***argv) __attribute__ ((weak));

static guint
replay (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (name[0] != '.')
            n += replay (child);
        }
      return n;
    }

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return 0;

  LLVMFuzzerTestOneInput ((const unsigned char *) contents, length);

  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  if (LLVMFuzzerInitialize)
    LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    n += replay (argv[i]);

  printf ("%u inputs replayed\n", n);

  /* No inputs means nothing was tested. */
  return n > 0 ? 0 : 1;
}
