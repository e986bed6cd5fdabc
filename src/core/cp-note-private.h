/* cp-note-private.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cp-note.h"

G_BEGIN_DECLS

#define CP_NOTE_COLUMNS \
  "id, engagement_id, session_id, phase_id, title, body, tags, visibility, created_at, updated_at"

CpNote *_cp_note_new_from_row (CpStore      *store,
                               sqlite3_stmt *stmt);
char   *_cp_tags_join         (const char * const *tags);
void    _cp_note_forget_session (CpNote     *self);

G_END_DECLS
