/* cp-sign-off.h — a sponsor's recorded review of a phase
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_SIGN_OFF (cp_sign_off_get_type ())

G_DECLARE_FINAL_TYPE (CpSignOff, cp_sign_off, CP, SIGN_OFF, GObject)

gint64      cp_sign_off_get_id          (CpSignOff *self);
const char *cp_sign_off_get_reviewer    (CpSignOff *self);
const char *cp_sign_off_get_recorded_by (CpSignOff *self);
const char *cp_sign_off_get_uuid        (CpSignOff *self);
const char *cp_sign_off_get_date        (CpSignOff *self);
CpDecision  cp_sign_off_get_decision    (CpSignOff *self);
const char *cp_sign_off_get_comments    (CpSignOff *self);
const char *cp_sign_off_get_recorded_at (CpSignOff *self);

G_END_DECLS
