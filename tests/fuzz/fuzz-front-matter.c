/* fuzz-front-matter.c — a note file as import reads it: the checks, the
 * front matter, the title and the file name an export would give it
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cp-note.h"
#include "cp-notes-io.h"
#include "cp-notes-io-private.h"

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  const char *text = (const char *) data;
  g_autoptr(CpFrontMatter) front_matter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CpNoteFields fields = { 0 };
  gsize body = 0;

  fields.body = text;
  fields.body_length = size;

  /* What import refuses goes no further, as in the app. */
  if (!_cp_note_fields_validate (&fields, "fuzz.md", &error))
    return 0;

  cp_front_matter_split (text, size, &front_matter, &body);
  _cp_note_fields_from_file (&fields, front_matter, text + body, size - body, &title, &tags);
  name = cp_note_file_name (title ? title : "", taken);
  g_assert (g_str_has_suffix (name, ".md"));
  g_assert (strchr (name, '/') == NULL);

  return 0;
}
