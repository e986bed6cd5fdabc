/* cp-loader.h — a library loaded on first use, through a table of the
 * functions Coachplan calls
 *
 * A header lists the functions as LIST (F), declares the table's type
 * with CP_LOADER_FIELD and has each name stand for its table entry; its
 * .c defines the getter with CP_LOADER_DEFINE.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

GModule *cp_loader_open   (const char  *soname);
void     cp_loader_symbol (GModule     *module,
                           const char  *soname,
                           const char  *name,
                           gpointer    *symbol);

#define CP_LOADER_FIELD(name) __typeof__ (name) *name;

#define CP_LOADER_SYMBOL(name) \
  cp_loader_symbol (module, soname, #name, (gpointer *) &functions->name);

/* Defines `const Type *getter (void)`, which loads @soname and fills
 * the table the first time, from any thread.
 */
#define CP_LOADER_DEFINE(Type, getter, library, LIST)                        \
  static Type *                                                             \
  getter##_load (void)                                                      \
  {                                                                         \
    const char *soname = library;                                           \
    GModule *module = cp_loader_open (soname);                              \
    Type *functions = g_new0 (Type, 1);                                     \
                                                                            \
    LIST (CP_LOADER_SYMBOL)                                                 \
    return functions;                                                       \
  }                                                                         \
                                                                            \
  const Type *                                                              \
  getter (void)                                                             \
  {                                                                         \
    static Type *functions;                                                 \
                                                                            \
    if (g_once_init_enter (&functions))                                     \
      g_once_init_leave (&functions, getter##_load ());                     \
    return functions;                                                       \
  }

G_END_DECLS
