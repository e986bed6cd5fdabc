/* cp-date.c — dates and times as Coachplan writes them: a calendar date
 * YYYY-MM-DD, and a local date and time YYYY-MM-DDTHH:MM
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cp-date.h"

/**
 * cp_date_is_valid:
 * @date: (nullable): a date
 *
 * Returns: whether @date is a calendar date written YYYY-MM-DD
 */
gboolean
cp_date_is_valid (const char *date)
{
  int y, m, d;
  char tail;

  if (date == NULL || strlen (date) != 10 ||
      sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      date[4] != '-' || date[7] != '-')
    return FALSE;

  return g_date_valid_dmy (d, m, y);
}

/**
 * cp_datetime_is_valid:
 *
 * Returns: whether @starts_at is a local date and time, YYYY-MM-DDTHH:MM
 */
gboolean
cp_datetime_is_valid (const char *starts_at)
{
  g_autofree char *date = NULL;
  int hour, minute;
  char tail;

  if (starts_at == NULL || strlen (starts_at) != 16 || starts_at[10] != 'T' ||
      sscanf (starts_at + 11, "%2d:%2d%c", &hour, &minute, &tail) != 2 ||
      starts_at[13] != ':' || hour > 23 || minute > 59 || hour < 0 || minute < 0)
    return FALSE;

  date = g_strndup (starts_at, 10);

  return cp_date_is_valid (date);
}
