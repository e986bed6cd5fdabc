/* cp-search-dialog.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_SEARCH_DIALOG (cp_search_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CpSearchDialog, cp_search_dialog, CP, SEARCH_DIALOG, AdwWindow)

CpSearchDialog *cp_search_dialog_new        (GtkWindow      *parent,
                                             CpStore        *store);
void            cp_search_dialog_set_text   (CpSearchDialog *self,
                                             const char     *text);
guint           cp_search_dialog_get_n_hits (CpSearchDialog *self);
gboolean        cp_search_dialog_get_ranking (CpSearchDialog *self);

G_END_DECLS
