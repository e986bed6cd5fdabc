/* cp-source.c — GtkSourceView, loaded on first use
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>

#define CP_SOURCE_FILLING_TABLE
#include "cp-source.h"

/* The table is filled once, and the library set up; a GtkSourceView
 * missing a function the build found is an installation that cannot
 * work, and says so.
 */
static CpSourceFunctions *
load_functions (void)
{
  CpSourceFunctions *functions = g_new0 (CpSourceFunctions, 1);
  GModule *module = g_module_open (GTKSOURCEVIEW_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL)
    g_error ("Coachplan needs %s: %s", GTKSOURCEVIEW_SONAME, g_module_error ());
  g_module_make_resident (module);

#define CP_SOURCE_LOAD(name)                                                \
  if (!g_module_symbol (module, #name, (gpointer *) &functions->name))     \
    g_error ("%s has no %s: %s", GTKSOURCEVIEW_SONAME, #name, g_module_error ());
  CP_SOURCE_FUNCTIONS (CP_SOURCE_LOAD)
#undef CP_SOURCE_LOAD

  functions->gtk_source_init ();

  return functions;
}

/**
 * cp_source_functions:
 *
 * Returns: the GtkSourceView functions, loaded the first time only
 */
const CpSourceFunctions *
cp_source_functions (void)
{
  static CpSourceFunctions *functions;

  if (g_once_init_enter (&functions))
    g_once_init_leave (&functions, load_functions ());

  return functions;
}
