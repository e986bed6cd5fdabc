/* cp-contract.h — the three-way contract of coach, client lead and sponsor
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

/* What the three agree (Markdown), then who they are. */
typedef enum
{
  CP_CONTRACT_GOALS,
  CP_CONTRACT_MEASURES,
  CP_CONTRACT_ROLES,
  CP_CONTRACT_COACH,
  CP_CONTRACT_CLIENT_LEAD,
  CP_CONTRACT_SPONSOR,
  CP_CONTRACT_N_TEXTS
} CpContractText;

#define CP_TYPE_CONTRACT (cp_contract_get_type ())

G_DECLARE_FINAL_TYPE (CpContract, cp_contract, CP, CONTRACT, GObject)

guint       cp_contract_get_version   (CpContract      *self);
const char *cp_contract_get_text      (CpContract      *self,
                                       CpContractText   field);
gboolean    cp_contract_set_text      (CpContract      *self,
                                       CpContractText   field,
                                       const char      *value);
gboolean    cp_contract_is_signed     (CpContract      *self);
const char *cp_contract_get_signed_on (CpContract      *self);
gboolean    cp_contract_sign          (CpContract      *self,
                                       GError         **error);

G_END_DECLS
