/* cp-maturity.h — how mature one practice is, before and after
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_MATURITY (cp_maturity_get_type ())

G_DECLARE_FINAL_TYPE (CpMaturity, cp_maturity, CP, MATURITY, GObject)

/* No score yet. */
#define CP_MATURITY_UNSCORED (-1)

gint64      cp_maturity_get_id                (CpMaturity *self);
const char *cp_maturity_get_practice          (CpMaturity *self);
int         cp_maturity_get_baseline_level    (CpMaturity *self);
const char *cp_maturity_get_baseline_evidence (CpMaturity *self);
gboolean    cp_maturity_set_baseline          (CpMaturity *self,
                                               int         level,
                                               const char *evidence);
int         cp_maturity_get_review_level      (CpMaturity *self);
const char *cp_maturity_get_review_evidence   (CpMaturity *self);
gboolean    cp_maturity_set_review            (CpMaturity *self,
                                               int         level,
                                               const char *evidence);
const char *cp_maturity_level_name            (int         level);

G_END_DECLS
