/* cp-window.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-application.h"
#include "cp-notes-page.h"
#include "cp-search-dialog.h"
#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_WINDOW (cp_window_get_type ())

G_DECLARE_FINAL_TYPE (CpWindow, cp_window, CP, WINDOW, AdwApplicationWindow)

CpWindow     *cp_window_new             (CpApplication *application,
                                         CpStore       *store,
                                         const GError  *open_error);
CpEngagement *cp_window_get_current     (CpWindow      *self);
GListModel   *cp_window_get_engagements (CpWindow      *self);
CpStore      *cp_window_get_store       (CpWindow      *self);
CpNotesPage  *cp_window_get_notes_page  (CpWindow      *self);
CpSearchDialog *cp_window_search_all    (CpWindow      *self,
                                         const char    *text);
void          cp_window_show_engagement (CpWindow      *self,
                                         CpEngagement  *engagement);
gboolean      cp_window_open_note       (CpWindow      *self,
                                         gint64         engagement_id,
                                         gint64         note_id);
void          cp_window_show_page       (CpWindow      *self,
                                         CpEngagement  *engagement,
                                         const char    *page);
void          cp_window_add_toast       (CpWindow      *self,
                                         AdwToast      *toast);
CpEngagement *cp_window_import_folder   (CpWindow      *self,
                                         const char    *path);

void          cp_window_reload_current  (CpWindow     *self);
void          cp_window_set_syncing     (CpWindow     *self,
                                         gboolean      syncing);

G_END_DECLS
