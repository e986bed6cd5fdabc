/* cp-session-private.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cp-session.h"

G_BEGIN_DECLS

#define CP_SESSION_COLUMNS "id, starts_at, duration_minutes, kind, phase_id, topic"

CpSession *_cp_session_new_from_row (CpStore      *store,
                                     sqlite3_stmt *stmt);

G_END_DECLS
