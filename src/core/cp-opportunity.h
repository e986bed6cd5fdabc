/* cp-opportunity.h — an improvement opportunity in the CSI register
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

/* The free-text fields of an opportunity. */
typedef enum
{
  CP_OPPORTUNITY_DESCRIPTION,
  CP_OPPORTUNITY_TIMESCALE,
  CP_OPPORTUNITY_KPI,
  CP_OPPORTUNITY_JUSTIFICATION,
  CP_OPPORTUNITY_RAISED_BY,
  CP_OPPORTUNITY_ACTIONED_BY,
  CP_OPPORTUNITY_N_TEXTS
} CpOpportunityText;

const char *cp_size_get_label               (CpSize               size);
const char *cp_priority_get_label           (CpPriority           priority);
const char *cp_opportunity_status_get_label (CpOpportunityStatus  status);

#define CP_TYPE_OPPORTUNITY (cp_opportunity_get_type ())

G_DECLARE_FINAL_TYPE (CpOpportunity, cp_opportunity, CP, OPPORTUNITY, GObject)

gint64              cp_opportunity_get_id          (CpOpportunity       *self);
guint               cp_opportunity_get_number      (CpOpportunity       *self);
const char         *cp_opportunity_get_raised_on   (CpOpportunity       *self);
gboolean            cp_opportunity_set_raised_on   (CpOpportunity       *self,
                                                    const char          *date);
const char         *cp_opportunity_get_text        (CpOpportunity       *self,
                                                    CpOpportunityText    field);
void                cp_opportunity_set_text        (CpOpportunity       *self,
                                                    CpOpportunityText    field,
                                                    const char          *value);
CpSize              cp_opportunity_get_size        (CpOpportunity       *self);
void                cp_opportunity_set_size        (CpOpportunity       *self,
                                                    CpSize               size);
CpPriority          cp_opportunity_get_priority    (CpOpportunity       *self);
void                cp_opportunity_set_priority    (CpOpportunity       *self,
                                                    CpPriority           priority);
CpOpportunityStatus cp_opportunity_get_status      (CpOpportunity       *self);
void                cp_opportunity_set_status      (CpOpportunity       *self,
                                                    CpOpportunityStatus  status);
const char         *cp_opportunity_get_required_by (CpOpportunity       *self);
gboolean            cp_opportunity_set_required_by (CpOpportunity       *self,
                                                    const char          *date);
gint64              cp_opportunity_get_phase_id    (CpOpportunity       *self);
void                cp_opportunity_set_phase_id    (CpOpportunity       *self,
                                                    gint64               phase_id);
gboolean            cp_opportunity_is_open         (CpOpportunity       *self);
gboolean            cp_opportunity_matches         (CpOpportunity       *self,
                                                    const char          *search);

G_END_DECLS
