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

/* Where a stakeholder stood from a day on. */
typedef struct
{
  char     *on;      /* YYYY-MM-DD */
  CpStance  stance;
} CpStanceChange;

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
const char *cp_stakeholder_get_note    (CpStakeholder *self);
void        cp_stakeholder_set_note    (CpStakeholder *self,
                                        const char    *note);
CpStance    cp_stakeholder_get_stance  (CpStakeholder *self);
void        cp_stakeholder_set_stance  (CpStakeholder *self,
                                        CpStance       stance);
CpInfluence cp_stakeholder_get_influence (CpStakeholder *self);
void        cp_stakeholder_set_influence (CpStakeholder *self,
                                          CpInfluence    influence);
CpSmoRole   cp_stakeholder_get_smo_role  (CpStakeholder *self);
void        cp_stakeholder_set_smo_role  (CpStakeholder *self,
                                          CpSmoRole      role);
GArray     *cp_stakeholder_dup_stances   (CpStakeholder  *self,
                                          GError        **error);
CpStance    cp_stakeholder_get_stance_on (GArray         *stances,
                                          const char     *date);

const char *cp_stance_get_name    (CpStance    stance);
const char *cp_influence_get_name (CpInfluence influence);
const char *cp_smo_role_get_name  (CpSmoRole   role);

G_END_DECLS
