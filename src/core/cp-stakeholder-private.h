/* cp-stakeholder-private.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-stakeholder.h"
#include "cp-store-people.h"

G_BEGIN_DECLS

CpStakeholder *_cp_stakeholder_new (CpStore           *store,
                                    const CpPersonRow *row);
gboolean       _cp_stakeholder_add_past_stance (CpStakeholder  *self,
                                                const char     *on,
                                                CpStance        stance,
                                                GError        **error);

G_END_DECLS
