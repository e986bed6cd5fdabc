/* cp-mentoring.h — who mentors whom
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_MENTORING (cp_mentoring_get_type ())

G_DECLARE_FINAL_TYPE (CpMentoring, cp_mentoring, CP, MENTORING, GObject)

gint64            cp_mentoring_get_id       (CpMentoring       *self);
const char       *cp_mentoring_get_mentor   (CpMentoring       *self);
void              cp_mentoring_set_mentor   (CpMentoring       *self,
                                             const char        *mentor);
const char       *cp_mentoring_get_mentee   (CpMentoring       *self);
void              cp_mentoring_set_mentee   (CpMentoring       *self,
                                             const char        *mentee);
const char       *cp_mentoring_get_practice (CpMentoring       *self);
void              cp_mentoring_set_practice (CpMentoring       *self,
                                             const char        *practice);
CpMentorProfile   cp_mentoring_get_profile  (CpMentoring       *self);
void              cp_mentoring_set_profile  (CpMentoring       *self,
                                             CpMentorProfile    profile);
CpMentoringFormat cp_mentoring_get_format   (CpMentoring       *self);
void              cp_mentoring_set_format   (CpMentoring       *self,
                                             CpMentoringFormat  format);

const char *cp_mentor_profile_get_name   (CpMentorProfile   profile);
const char *cp_mentoring_format_get_name (CpMentoringFormat format);

G_END_DECLS
