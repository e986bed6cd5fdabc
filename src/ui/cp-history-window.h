/* cp-history-window.h — a shared engagement's changes: who, when, what
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_HISTORY_WINDOW (cp_history_window_get_type ())

G_DECLARE_FINAL_TYPE (CpHistoryWindow, cp_history_window, CP, HISTORY_WINDOW, AdwWindow)

CpHistoryWindow *cp_history_window_new          (GtkWindow       *parent,
                                                 CpEngagement    *engagement);
guint            cp_history_window_get_n_changes (CpHistoryWindow *self);

G_END_DECLS
