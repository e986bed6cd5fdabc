/* cp-contract-dialog.h — the three-way contract, version by version
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_CONTRACT_DIALOG (cp_contract_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CpContractDialog, cp_contract_dialog, CP, CONTRACT_DIALOG, AdwWindow)

CpContractDialog *cp_contract_dialog_new         (GtkWindow        *parent,
                                                  CpEngagement     *engagement,
                                                  gboolean          editable);
CpContract       *cp_contract_dialog_get_shown   (CpContractDialog *self);

G_END_DECLS
