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

#include <gmodule.h>

#define CP_GIT_FILLING_TABLE
#include "cp-git.h"

/* The table is filled once, from any thread; a libgit2 missing a
 * function the build found is an installation that cannot work, and
 * says so.
 */
static CpGitFunctions *
load_functions (void)
{
  CpGitFunctions *functions = g_new0 (CpGitFunctions, 1);
  GModule *module = g_module_open (LIBGIT2_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL)
    g_error ("Coachplan needs %s: %s", LIBGIT2_SONAME, g_module_error ());
  g_module_make_resident (module);

#define CP_GIT_LOAD(name)                                                   \
  if (!g_module_symbol (module, #name, (gpointer *) &functions->name))     \
    g_error ("%s has no %s: %s", LIBGIT2_SONAME, #name, g_module_error ());
  CP_GIT_FUNCTIONS (CP_GIT_LOAD)
#undef CP_GIT_LOAD

  return functions;
}

/**
 * cp_git_functions:
 *
 * Returns: the libgit2 functions, loaded the first time only
 */
const CpGitFunctions *
cp_git_functions (void)
{
  static CpGitFunctions *functions;

  if (g_once_init_enter (&functions))
    g_once_init_leave (&functions, load_functions ());

  return functions;
}

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
