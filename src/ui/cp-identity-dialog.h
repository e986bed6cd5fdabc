/* cp-identity-dialog.h — asks who the user is, the first time it matters
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CP_TYPE_IDENTITY_DIALOG (cp_identity_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CpIdentityDialog, cp_identity_dialog, CP, IDENTITY_DIALOG, AdwMessageDialog)

/* Told who records what is about to be done: a name, or %NULL when the
 * user would rather not say now.
 */
typedef void (*CpIdentityFunc) (const char *name,
                                gpointer    user_data);

void cp_identity_dialog_ask   (GtkWidget      *widget,
                               CpIdentityFunc  func,
                               gpointer        user_data,
                               GDestroyNotify  destroy);
void cp_identity_dialog_reset (void);

G_END_DECLS
