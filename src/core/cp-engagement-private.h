/* cp-engagement-private.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-engagement.h"
#include "cp-store-model.h"
#include "cp-template.h"

G_BEGIN_DECLS

/* The free-text fields, in the order of their properties. */
enum {
  TEXT_TITLE,
  TEXT_CLIENT,
  TEXT_SPONSOR,
  TEXT_COACH,
  TEXT_SCOPE,
  N_TEXTS
};

struct _CpEngagement
{
  GObject     parent_instance;

  CpStore    *store;
  gint64      id;
  char       *text[N_TEXTS];
  char       *start_date;
  char       *end_date;
  char       *created;
  char       *updated;
  GListStore *stakeholders;
  GListStore *cycles;
  GListStore *notes;      /* newest first */
  GListStore *sessions;   /* latest first */
  GListStore *goals;
  GListStore *maturity;
  GListStore *workstreams;
  GListStore *actions;
  GListStore *opportunities;
  GListStore *contracts;   /* oldest version first */
  GListStore *exit_items;
  GListStore *mentorings;
  GListStore *audit_items;
  char       *approach_reason;  /* for the next recorded approach change */
  char       *uuid;             /* its stable id, read once: it never changes */
  CpApproach  saved_approach;
  CpApproach  approach;
  CpDriver    driver;
  CpStatus    status;

  guint       trashed : 1;
  guint       moved : 1;
};

/* Reads an engagement's row: id, title, client, sponsor, coach,
 * approach, driver, scope, status, start date, end date, created at,
 * updated at.
 */
CpEngagement *_cp_engagement_new_from_row (CpStore      *store,
                                           const CpRow  *row);
void          _cp_engagement_set_trashed  (CpEngagement *self,
                                           gboolean      trashed);
void          _cp_engagement_approach_saved (CpEngagement *self,
                                             CpApproach    approach,
                                             const char   *updated);
void          _cp_engagement_add_approach_change (CpEngagement *self,
                                                  CpStoreUnit  *unit,
                                                  CpApproach    from,
                                                  CpApproach    to,
                                                  const char   *reason);
CpStoreUnit  *_cp_cycle_unit_new           (gint64        engagement_id,
                                            CpApproach    approach,
                                            CpTemplate   *template);

G_END_DECLS
