/* cp-engagement-private.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cp-engagement.h"

G_BEGIN_DECLS

/* The columns _cp_engagement_new_from_row() reads, in its order. */
#define CP_ENGAGEMENT_COLUMNS \
  "id, title, client, sponsor, coach, approach, driver, scope, status, " \
  "start_date, end_date, created_at, updated_at"

CpEngagement *_cp_engagement_new_from_row (CpStore      *store,
                                           sqlite3_stmt *stmt);
void          _cp_engagement_set_trashed  (CpEngagement *self,
                                           gboolean      trashed);

G_END_DECLS
