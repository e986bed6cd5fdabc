/* cp-goal.h — a goal of the engagement, measured by a KPI
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cp-kpi.h"
#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_GOAL (cp_goal_get_type ())

G_DECLARE_FINAL_TYPE (CpGoal, cp_goal, CP, GOAL, GObject)


/* One reading of the measure. */
typedef struct
{
  gint64  id;
  char   *date;    /* YYYY-MM-DD */
  double  value;
} CpReading;

gint64      cp_goal_get_id             (CpGoal      *self);
const char *cp_goal_get_name           (CpGoal      *self);
void        cp_goal_set_name           (CpGoal      *self,
                                        const char  *name);
const char *cp_goal_get_unit           (CpGoal      *self);
void        cp_goal_set_unit           (CpGoal      *self,
                                        const char  *unit);
double      cp_goal_get_baseline_value (CpGoal      *self);
const char *cp_goal_get_baseline_date  (CpGoal      *self);
gboolean    cp_goal_set_baseline       (CpGoal      *self,
                                        double       value,
                                        const char  *date);
double      cp_goal_get_target_value   (CpGoal      *self);
const char *cp_goal_get_target_date    (CpGoal      *self);
gboolean    cp_goal_set_target         (CpGoal      *self,
                                        double       value,
                                        const char  *date);
const GArray *cp_goal_get_readings     (CpGoal      *self,
                                        GError     **error);
gboolean    cp_goal_add_reading        (CpGoal      *self,
                                        const char  *date,
                                        double       value,
                                        GError     **error);
gboolean    cp_goal_remove_reading     (CpGoal      *self,
                                        gint64       reading_id,
                                        GError     **error);
const CpReading *cp_goal_get_latest    (CpGoal      *self);
CpTrack     cp_goal_get_track          (CpGoal      *self);
char       *cp_goal_dup_trend          (CpGoal      *goal);

G_END_DECLS
