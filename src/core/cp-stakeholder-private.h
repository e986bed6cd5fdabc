/* cp-stakeholder-private.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cp-stakeholder.h"

G_BEGIN_DECLS

#define CP_STAKEHOLDER_COLUMNS "id, name, role, contact"

CpStakeholder *_cp_stakeholder_new_from_row (CpStore       *store,
                                             sqlite3_stmt  *stmt);

G_END_DECLS
