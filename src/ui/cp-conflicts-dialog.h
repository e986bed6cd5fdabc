/* cp-conflicts-dialog.h — the conflicts a sync found, each with both
 * values, for the person to choose between
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CP_TYPE_CONFLICTS_DIALOG (cp_conflicts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CpConflictsDialog, cp_conflicts_dialog, CP, CONFLICTS_DIALOG, AdwWindow)

CpConflictsDialog *cp_conflicts_dialog_new         (GtkWidget         *sync_button,
                                                    GPtrArray         *conflicts);
GHashTable        *cp_conflicts_dialog_dup_choices (CpConflictsDialog *self);

G_END_DECLS
