/* cp-notes-page.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-note-editor.h"
#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_NOTES_PAGE (cp_notes_page_get_type ())

G_DECLARE_FINAL_TYPE (CpNotesPage, cp_notes_page, CP, NOTES_PAGE, AdwBin)

void          cp_notes_page_set_engagement (CpNotesPage  *self,
                                            CpEngagement *engagement);
void          cp_notes_page_set_owner      (CpNotesPage  *self,
                                            const char   *owner);
void          cp_notes_page_set_editable   (CpNotesPage  *self,
                                            gboolean      editable);
gboolean      cp_notes_page_open_note      (CpNotesPage  *self,
                                            gint64        note_id);
void          cp_notes_page_focus_search   (CpNotesPage  *self);
CpNoteEditor *cp_notes_page_get_editor     (CpNotesPage  *self);
void          cp_notes_page_flush          (CpNotesPage  *self);

G_END_DECLS
