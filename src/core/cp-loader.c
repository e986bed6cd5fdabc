/* cp-loader.c — a library loaded on first use
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cp-loader.h"

/* A library the build found but the system lacks is an installation
 * that cannot work, and says so.
 */
GModule *
cp_loader_open (const char *soname)
{
  GModule *module = g_module_open (soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL)
    g_error ("Coachplan needs %s: %s", soname, g_module_error ());
  g_module_make_resident (module);

  return module;
}

void
cp_loader_symbol (GModule    *module,
                  const char *soname,
                  const char *name,
                  gpointer   *symbol)
{
  if (!g_module_symbol (module, name, symbol))
    g_error ("%s has no %s: %s", soname, name, g_module_error ());
}
