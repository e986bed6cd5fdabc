/* cp-session-private.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-session.h"
#include "cp-store-sessions.h"

G_BEGIN_DECLS

CpSession *_cp_session_new (CpStore            *store,
                            const CpSessionRow *row);

G_END_DECLS
