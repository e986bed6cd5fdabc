/* cp-stakeholder.h — a person with a stake in an engagement
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_STAKEHOLDER (cp_stakeholder_get_type ())

G_DECLARE_FINAL_TYPE (CpStakeholder, cp_stakeholder, CP, STAKEHOLDER, GObject)

gint64      cp_stakeholder_get_id      (CpStakeholder *self);
const char *cp_stakeholder_get_name    (CpStakeholder *self);
void        cp_stakeholder_set_name    (CpStakeholder *self,
                                        const char    *name);
const char *cp_stakeholder_get_role    (CpStakeholder *self);
void        cp_stakeholder_set_role    (CpStakeholder *self,
                                        const char    *role);
const char *cp_stakeholder_get_contact (CpStakeholder *self);
void        cp_stakeholder_set_contact (CpStakeholder *self,
                                        const char    *contact);

G_END_DECLS
