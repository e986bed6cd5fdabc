/* fuzz-calendar.c — a calendar file as an import reads it: the checks of
 * its lines and nesting, libical's parse, recurrences expanded within a
 * year
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-calendar.h"

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  CpCalendarImport result = { 0 };

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  items = cp_calendar_parse ((const char *) data, size, "2026-01-01", "2026-12-31", &result, &error);
  g_assert ((items == NULL) == (error != NULL));

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const CpCalendarItem *item = g_ptr_array_index (items, i);

      g_assert (item->uid != NULL && g_utf8_validate (item->uid, -1, NULL));
      g_assert (item->topic != NULL && g_utf8_validate (item->topic, -1, NULL));
      if (item->is_task)
        g_assert (item->due_on != NULL && strlen (item->due_on) >= 10);
      else
        g_assert (item->starts_at != NULL && strlen (item->starts_at) == 16 && item->duration > 0);
    }
  /* At most the cap for each recurring event, and a year of any. */
  g_assert (items == NULL || items->len <= (size + 1) * CP_CALENDAR_MAX_OCCURRENCES);

  return 0;
}
