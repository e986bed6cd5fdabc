/* cp-git.c — libgit2, set up once for the process
 *
 * Setting libgit2 up reads every certificate the system trusts, which
 * costs tens of milliseconds; pairing each use with its own set-up and
 * shut-down paid that each time. It is set up on first use and stays so.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <git2.h>

#include "cp-git.h"

/* Sets libgit2 up, the first time only; safe from any thread. */
void
cp_git_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      git_libgit2_init ();
      g_once_init_leave (&initialized, 1);
    }
}
