/* cp-calendar-file.h — one .ics file of every engagement's sessions and
 * actions, kept up to date for a calendar program to subscribe to
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_CALENDAR_FILE (cp_calendar_file_get_type ())

G_DECLARE_FINAL_TYPE (CpCalendarFile, cp_calendar_file, CP, CALENDAR_FILE, GObject)

CpCalendarFile *cp_calendar_file_new        (CpStore         *store,
                                             const char      *path);
const char     *cp_calendar_file_get_path   (CpCalendarFile  *self);
gboolean        cp_calendar_file_write_now  (CpCalendarFile  *self,
                                             GError         **error);
void            cp_calendar_file_set_delay  (CpCalendarFile  *self,
                                             guint            milliseconds);

G_END_DECLS
