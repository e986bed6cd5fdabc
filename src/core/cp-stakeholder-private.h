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
void           _cp_stakeholder_keep_removed (CpStakeholder   *self,
                                             CpPersonRemoved *removed);
CpPersonRemoved *_cp_stakeholder_get_removed (CpStakeholder  *self);
gint64         _cp_stakeholder_get_position (CpStakeholder   *self);
void           _cp_stakeholder_get_row      (CpStakeholder   *self,
                                             CpPersonRow     *row);
gboolean       _cp_stakeholder_add_past_stance (CpStakeholder  *self,
                                                const char     *on,
                                                CpStance        stance,
                                                GError        **error);

G_END_DECLS
