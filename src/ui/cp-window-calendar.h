/* cp-window-calendar.h — the main window's calendar
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-calendar-file.h"
#include "cp-window.h"

G_BEGIN_DECLS

gboolean        cp_window_open_link                (CpWindow       *self,
                                                    const char     *uri);
gboolean        cp_window_import_calendar          (CpWindow       *self,
                                                    GFile          *file);
GStrv           cp_window_check_reminders          (CpWindow       *self,
                                                    GDateTime      *now);
void            cp_window_calendar_setup           (CpWindow       *self,
                                                    GSettings      *settings);
CpCalendarFile *cp_window_get_calendar_file        (CpWindow       *self);
void            cp_window_calendar_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
