/* cp-session.h — a coaching session of an engagement
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cp-types.h"

#include "cp-date.h"

G_BEGIN_DECLS

#define CP_TYPE_SESSION (cp_session_get_type ())

G_DECLARE_FINAL_TYPE (CpSession, cp_session, CP, SESSION, GObject)

gint64         cp_session_get_id            (CpSession     *self);
const char    *cp_session_get_starts_at     (CpSession     *self);
gboolean       cp_session_set_starts_at     (CpSession     *self,
                                             const char    *starts_at);
guint          cp_session_get_duration      (CpSession     *self);
void           cp_session_set_duration      (CpSession     *self,
                                             guint          minutes);
CpSessionKind  cp_session_get_kind          (CpSession     *self);
void           cp_session_set_kind          (CpSession     *self,
                                             CpSessionKind  kind);
const char    *cp_session_get_topic         (CpSession     *self);
void           cp_session_set_topic         (CpSession     *self,
                                             const char    *topic);
CpCoachingArea cp_session_get_area          (CpSession     *self);
void           cp_session_set_area          (CpSession     *self,
                                             CpCoachingArea area);
gint64         cp_session_get_phase_id      (CpSession     *self);
void           cp_session_set_phase_id      (CpSession     *self,
                                             gint64         phase_id);
GArray        *cp_session_dup_attendees     (CpSession     *self,
                                             GError       **error);
gboolean       cp_session_set_attendee      (CpSession     *self,
                                             gint64         stakeholder_id,
                                             gboolean       attends,
                                             GError       **error);


const char    *cp_session_kind_get_name     (CpSessionKind  kind);
const char    *cp_coaching_area_get_name    (CpCoachingArea area);
char          *cp_session_format_hours      (guint          minutes);

G_END_DECLS
