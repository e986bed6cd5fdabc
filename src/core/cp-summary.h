/* cp-summary.h — where the programme stands, and what needs the sponsor
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cp-types.h"

G_BEGIN_DECLS

typedef enum
{
  CP_STANDING_ON_TRACK,
  CP_STANDING_AT_RISK,
  CP_STANDING_OFF_TRACK,
} CpStanding;

/* What a "needs your attention" line is about. */
typedef enum
{
  CP_NEED_SIGN_OFF,      /* a phase finished, awaiting sign-off */
  CP_NEED_CHANGES,       /* a sign-off asked for changes, still open */
  CP_NEED_GOAL,          /* a goal off track */
  CP_NEED_ACTION,        /* an action overdue */
  CP_NEED_RISK,          /* an approach risk without its safeguard */
  CP_NEED_CONTRACT,      /* the latest contract version unsigned */
  CP_NEED_EXIT,          /* an exit criterion unmet near the end */
} CpNeedKind;

typedef struct
{
  CpNeedKind  kind;
  char       *text;
} CpNeed;

typedef struct
{
  CpStanding  standing;
  GPtrArray  *reasons;   /* char *: why the standing is what it is */
  GPtrArray  *needs;     /* CpNeed, in the order of CpNeedKind */
} CpSummary;

CpSummary  *cp_summary_new           (CpEngagement  *engagement,
                                      const char    *today,
                                      GError       **error);
void        cp_summary_free          (CpSummary     *summary);
char       *cp_summary_to_text       (CpSummary     *summary);
const char *cp_standing_get_label    (CpStanding     standing);
char       *cp_summary_dup_risk      (CpChecklistItem *item,
                                      guint            cycle,
                                      const char      *phase);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpSummary, cp_summary_free)

G_END_DECLS
