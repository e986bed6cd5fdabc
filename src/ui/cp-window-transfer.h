/* cp-window-transfer.h — the main window's exports and imports
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-window.h"

G_BEGIN_DECLS

void cp_window_export_report        (CpWindow   *self,
                                     CpAudience  audience);
void cp_window_export_folder        (CpWindow *self);
void cp_window_choose_import_folder (CpWindow *self);
void cp_window_transfer_install_actions (GtkWidgetClass *widget_class);
void cp_window_toast_saved          (CpWindow   *self,
                                     const char *message,
                                     const char *path,
                                     const char *topic);

G_END_DECLS
