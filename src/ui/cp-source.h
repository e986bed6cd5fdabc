/* cp-source.h — GtkSourceView, loaded on first use
 *
 * A window that opens on no engagement shows no text editor, and
 * GtkSourceView brings libxml2 and ICU with it: mapping them cost the
 * start a few milliseconds. Every GtkSourceView function the window
 * calls goes through a table filled when the first one is called (a
 * template with a GtkSourceView ensures its type first, which does).
 * Include this header, never <gtksourceview/gtksource.h> alone, and cast
 * with cp_source_buffer(), not GTK_SOURCE_BUFFER(), which would call the
 * library directly.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

/* The GtkSourceView functions the window calls. */
#define CP_SOURCE_FUNCTIONS(F) \
  F (gtk_source_init) \
  F (gtk_source_buffer_get_type) \
  F (gtk_source_view_get_type) \
  F (gtk_source_buffer_get_language) \
  F (gtk_source_buffer_set_language) \
  F (gtk_source_buffer_set_style_scheme) \
  F (gtk_source_language_manager_get_default) \
  F (gtk_source_language_manager_get_language) \
  F (gtk_source_style_scheme_manager_get_default) \
  F (gtk_source_style_scheme_manager_get_scheme)

typedef struct
{
#define CP_SOURCE_FIELD(name) __typeof__ (name) *name;
  CP_SOURCE_FUNCTIONS (CP_SOURCE_FIELD)
#undef CP_SOURCE_FIELD
} CpSourceFunctions;

const CpSourceFunctions *cp_source_functions (void);

#define CP_SOURCE(name) (cp_source_functions ()->name)

/* cp-source.c fills the table by the functions' own names. */
#ifndef CP_SOURCE_FILLING_TABLE
#define gtk_source_init CP_SOURCE (gtk_source_init)
#define gtk_source_buffer_get_type CP_SOURCE (gtk_source_buffer_get_type)
#define gtk_source_view_get_type CP_SOURCE (gtk_source_view_get_type)
#define gtk_source_buffer_get_language CP_SOURCE (gtk_source_buffer_get_language)
#define gtk_source_buffer_set_language CP_SOURCE (gtk_source_buffer_set_language)
#define gtk_source_buffer_set_style_scheme CP_SOURCE (gtk_source_buffer_set_style_scheme)
#define gtk_source_language_manager_get_default CP_SOURCE (gtk_source_language_manager_get_default)
#define gtk_source_language_manager_get_language CP_SOURCE (gtk_source_language_manager_get_language)
#define gtk_source_style_scheme_manager_get_default CP_SOURCE (gtk_source_style_scheme_manager_get_default)
#define gtk_source_style_scheme_manager_get_scheme CP_SOURCE (gtk_source_style_scheme_manager_get_scheme)

static inline GtkSourceBuffer *
cp_source_buffer (gpointer buffer)
{
  return G_TYPE_CHECK_INSTANCE_CAST (buffer, gtk_source_buffer_get_type (), GtkSourceBuffer);
}
#endif

G_END_DECLS
