/* cp-note-editor.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-markdown-view.h"
#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_NOTE_EDITOR (cp_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (CpNoteEditor, cp_note_editor, CP, NOTE_EDITOR, AdwBin)

CpNote         *cp_note_editor_get_note      (CpNoteEditor *self);
void            cp_note_editor_set_note      (CpNoteEditor *self,
                                              CpEngagement *engagement,
                                              CpNote       *note);
void            cp_note_editor_flush         (CpNoteEditor *self);
void            cp_note_editor_set_show_back (CpNoteEditor *self,
                                              gboolean      show);
void            cp_note_editor_focus_text    (CpNoteEditor *self);
CpMarkdownView *cp_note_editor_get_preview   (CpNoteEditor *self);
GtkTextBuffer  *cp_note_editor_get_buffer    (CpNoteEditor *self);

G_END_DECLS
