/* cp-note-private.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-note.h"
#include "cp-store-row.h"

G_BEGIN_DECLS

CpNote *_cp_note_new_from_row (CpStore      *store,
                               const CpRow  *row);
char   *_cp_tags_join         (const char * const *tags);
void    _cp_note_forget_session (CpNote     *self);

G_END_DECLS
