/* cp-engagement-row.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cp-types.h"

G_BEGIN_DECLS

GtkListItemFactory *cp_engagement_row_factory_new (void);
char               *cp_engagement_row_dup_title   (const char *title);
char               *cp_engagement_row_dup_subtitle (const char *client,
                                                    CpStatus    status);

G_END_DECLS
