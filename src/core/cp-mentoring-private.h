/* cp-mentoring-private.h — what the core shares of a mentoring, beyond its public API
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-mentoring.h"
#include "cp-store-model.h"

G_BEGIN_DECLS

gpointer _cp_mentoring_new_from_row (CpStore     *store,
                                     const CpRow *row);

G_END_DECLS
