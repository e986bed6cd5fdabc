/* cp-test-store.h — a fresh database for each core test
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-store.h"
#include "cp-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  CpStore *store;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cp_test_make_dir ();
  f->path = g_build_filename (f->dir, "coachplan.db", NULL);
  f->store = cp_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* Closes the store — no object may still hold it — and opens the file
 * again, so what a test reads next comes from the disk.
 */
static inline void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  cp_store_flush (f->store, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (f->store);
  f->store = cp_store_open (f->path, &error);
  g_assert_no_error (error);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    {
      cp_store_flush (f->store, NULL);
      g_assert_finalize_object (f->store);
    }
  cp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

#define ADD_STORE_TEST(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
