/* cp-store-row-private.h — how the store makes a row from a statement
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cp-store-row.h"

G_BEGIN_DECLS

CpRow *_cp_row_new (sqlite3_stmt *stmt,
                    guint         statement);

G_END_DECLS
