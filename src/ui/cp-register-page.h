/* cp-register-page.h — the CSI register of an engagement
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_REGISTER_PAGE (cp_register_page_get_type ())

G_DECLARE_FINAL_TYPE (CpRegisterPage, cp_register_page, CP, REGISTER_PAGE, AdwBin)

void        cp_register_page_set_engagement (CpRegisterPage *self,
                                             CpEngagement   *engagement);
void        cp_register_page_set_editable   (CpRegisterPage *self,
                                             gboolean        editable);
GListModel *cp_register_page_get_shown      (CpRegisterPage *self);
void        cp_register_page_refresh        (CpRegisterPage *self);

G_END_DECLS
