/* cp-assistant.h — recommends an implementation approach from answers
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
  CP_LEVEL_LOW,
  CP_LEVEL_MEDIUM,
  CP_LEVEL_HIGH,
} CpLevel;

/* The questionnaire's answers about the client organisation. */
typedef struct
{
  CpLevel  experience;    /* prior ITSM experience */
  CpLevel  capability;    /* skills and experience to deliver in time */
  CpLevel  capacity;      /* people free to do the work */
  CpLevel  commitment;    /* leadership commitment */
  gboolean outsourcing;   /* a culture of outsourcing work */
  CpLevel  time_pressure;
  CpLevel  budget;
  CpLevel  similar_projects;  /* similar projects done well before: none, one or two, several */
} CpAssistantAnswers;

typedef struct
{
  CpApproach  approach;
  int         scores[CP_APPROACH_COACHED + 1];
  GPtrArray  *reasons;    /* translated sentences for the approach */
  GPtrArray  *cautions;   /* translated sentences of what to watch */
} CpRecommendation;

CpRecommendation *cp_assistant_recommend   (const CpAssistantAnswers *answers);
void              cp_recommendation_free   (CpRecommendation         *recommendation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpRecommendation, cp_recommendation_free)

G_END_DECLS
