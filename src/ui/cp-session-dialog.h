/* cp-session-dialog.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_SESSION_DIALOG (cp_session_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CpSessionDialog, cp_session_dialog, CP, SESSION_DIALOG, AdwMessageDialog)

CpSessionDialog *cp_session_dialog_new       (GtkWidget     *parent,
                                              CpEngagement  *engagement,
                                              CpSession     *session);
CpSessionDialog *cp_session_dialog_new_planned (GtkWidget   *parent,
                                              CpEngagement  *engagement,
                                              const char    *starts_at);
char            *cp_session_dialog_dup_label (CpSession     *session);

G_END_DECLS
