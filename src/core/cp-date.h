/* cp-date.h — dates and times as Coachplan writes them
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cp_date_is_valid     (const char *date);
gboolean cp_datetime_is_valid (const char *starts_at);

G_END_DECLS
