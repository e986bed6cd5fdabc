/* cp-git.c — libgit2, loaded and set up on first use
 *
 * Loading libgit2 maps it and the libraries it needs for TLS, SSH and
 * Kerberos; setting it up reads every certificate the system trusts.
 * Both cost milliseconds a start that never touches a repository should
 * not pay, and pairing each use with its own set-up and shut-down paid
 * them each time. So libgit2 is loaded and set up on first use and
 * stays so.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define CP_GIT_FILLING_TABLE
#include "cp-git.h"
#include "cp-loader.h"

CP_LOADER_DEFINE (CpGitFunctions, cp_git_functions, LIBGIT2_SONAME, CP_GIT_FUNCTIONS)

/* Sets libgit2 up, the first time only; safe from any thread. */
void
cp_git_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      CP_GIT (git_libgit2_init) ();
      g_once_init_leave (&initialized, 1);
    }
}
