/* fuzz-store.h — the folder and the database a fuzz target works in
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdlib.h>

#include "cp-store.h"
#include "cp-test-util.h"

int LLVMFuzzerInitialize    (int    *argc,
                             char ***argv);
int LLVMFuzzerTestOneInput  (const unsigned char *data,
                             size_t               size);

/* A folder of its own, and a database in it made once; both go at exit. */
static char *root;
static CpStore *store;

static void
fuzz_store_clean_up (void)
{
  g_clear_object (&store);
  if (root != NULL)
    cp_test_remove_tree (root);
  g_clear_pointer (&root, g_free);
}

static inline void
fuzz_store_init (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  root = g_dir_make_tmp ("coachplan-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (root, "fuzz.db", NULL);
  store = cp_store_open (path, &error);
  g_assert_no_error (error);
  atexit (fuzz_store_clean_up);
}
