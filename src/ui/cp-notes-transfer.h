/* cp-notes-transfer.h — importing and exporting notes from the window
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

void cp_notes_transfer_import (GtkWidget    *parent,
                               CpEngagement *engagement);
void cp_notes_transfer_export (GtkWidget    *parent,
                               CpEngagement *engagement);

G_END_DECLS
