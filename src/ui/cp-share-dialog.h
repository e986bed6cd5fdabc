/* cp-share-dialog.h — shares an engagement, or opens a shared one
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-window.h"

G_BEGIN_DECLS

#define CP_TYPE_SHARE_DIALOG (cp_share_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CpShareDialog, cp_share_dialog, CP, SHARE_DIALOG, AdwMessageDialog)

CpShareDialog *cp_share_dialog_new_share (CpWindow     *window,
                                          CpEngagement *engagement);
CpShareDialog *cp_share_dialog_new_open  (CpWindow     *window);

G_END_DECLS
