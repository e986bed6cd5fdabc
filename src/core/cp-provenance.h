/* cp-provenance.h — where a sign-off came from: the reviewer's own
 * Coachplan, or someone recording it for them
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cp-types.h"

G_BEGIN_DECLS

char *cp_sign_off_dup_provenance (CpEngagement *engagement,
                                  CpSignOff    *sign_off);

G_END_DECLS
