/* fuzz-markdown.c — a note's body as the preview renders it
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cp-markdown.h"
#include "cp-note.h"

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GPtrArray) runs = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  /* Notes are UTF-8 without NUL bytes: import and the editor see to it. */
  if (!g_utf8_validate ((const char *) data, size, NULL) || memchr (data, '\0', size) != NULL)
    return 0;

  runs = cp_markdown_to_runs ((const char *) data, size);
  g_assert (runs != NULL);
  for (guint i = 0; i < runs->len; i++)
    {
      CpRun *run = g_ptr_array_index (runs, i);

      g_assert (run->text != NULL && g_utf8_validate (run->text, -1, NULL));
      g_assert (run->heading <= 6);
    }

  text = g_strndup ((const char *) data, size);
  title = cp_markdown_dup_title (text);
  g_assert (title == NULL || g_utf8_validate (title, -1, NULL));

  return 0;
}
