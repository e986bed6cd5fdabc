/* cp-note.h — a Markdown note of an engagement
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_NOTE (cp_note_get_type ())

G_DECLARE_FINAL_TYPE (CpNote, cp_note, CP, NOTE, GObject)

gint64        cp_note_get_id            (CpNote             *self);
gint64        cp_note_get_engagement_id (CpNote             *self);
const char   *cp_note_get_title         (CpNote             *self);
void          cp_note_set_title         (CpNote             *self,
                                         const char         *title);
char         *cp_note_dup_display_title (CpNote             *self);
const char   *cp_note_get_body          (CpNote             *self);
void          cp_note_set_body          (CpNote             *self,
                                         const char         *body);
char        **cp_note_dup_tags          (CpNote             *self);
void          cp_note_set_tags          (CpNote             *self,
                                         const char * const *tags);
CpVisibility  cp_note_get_visibility    (CpNote             *self);
void          cp_note_set_visibility    (CpNote             *self,
                                         CpVisibility        visibility);
gint64        cp_note_get_session_id    (CpNote             *self);
void          cp_note_set_session_id    (CpNote             *self,
                                         gint64              session_id);
gint64        cp_note_get_phase_id      (CpNote             *self);
void          cp_note_set_phase_id      (CpNote             *self,
                                         gint64              phase_id);
const char   *cp_note_get_created       (CpNote             *self);
const char   *cp_note_get_updated       (CpNote             *self);

const char   *cp_note_get_author         (CpNote      *self);

G_END_DECLS
