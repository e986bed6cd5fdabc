/* cp-action.h — an action item: who does what by when
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_ACTION (cp_action_get_type ())

G_DECLARE_FINAL_TYPE (CpAction, cp_action, CP, ACTION, GObject)

gint64      cp_action_get_id               (CpAction    *self);
gint64      cp_action_get_engagement_id    (CpAction    *self);
const char *cp_action_get_engagement_title (CpAction    *self);
const char *cp_action_get_text             (CpAction    *self);
void        cp_action_set_text             (CpAction    *self,
                                            const char  *text);
const char *cp_action_get_owner            (CpAction    *self);
void        cp_action_set_owner            (CpAction    *self,
                                            const char  *owner);
const char *cp_action_get_due_on           (CpAction    *self);
gboolean    cp_action_set_due_on           (CpAction    *self,
                                            const char  *date);
gint64      cp_action_get_note_id          (CpAction    *self);
void        cp_action_set_note_id          (CpAction    *self,
                                            gint64       note_id);
gint64      cp_action_get_phase_id         (CpAction    *self);
void        cp_action_set_phase_id         (CpAction    *self,
                                            gint64       phase_id);
gint64      cp_action_get_opportunity_id   (CpAction    *self);
void        cp_action_set_opportunity_id   (CpAction    *self,
                                            gint64       opportunity_id);
gboolean    cp_action_get_done             (CpAction    *self);
const char *cp_action_get_done_on          (CpAction    *self);
gboolean    cp_action_set_done             (CpAction    *self,
                                            gboolean     done,
                                            GError     **error);
gboolean    cp_action_is_overdue           (CpAction    *self,
                                            const char  *today);

GListModel *cp_store_list_open_actions     (CpStore     *store,
                                            GError     **error);

G_END_DECLS
