/* cp-sign-off-private.h — what the core shares of a sign-off, beyond its public API
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-sign-off.h"
#include "cp-store-model.h"

G_BEGIN_DECLS

CpSignOff *_cp_sign_off_new_from_row (const CpRow *row);

G_END_DECLS
