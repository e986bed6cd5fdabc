/* cp-store-sessions.h — an engagement's coaching sessions, as the store
 * keeps them
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

/* One session, as plain values: the model is made from it. */
typedef struct
{
  gint64  id;
  char   *starts_at;
  guint   duration;
  char   *kind;
  gint64  phase_id;
  char   *topic;
  char   *area;    /* "", "csip", "process" or "review" */
} CpSessionRow;

void      _cp_session_row_clear           (CpSessionRow  *row);
GArray   *_cp_store_sessions_load         (CpStore       *self,
                                           gint64         engagement_id,
                                           GError       **error);
gboolean  _cp_store_sessions_add          (CpStore            *self,
                                           gint64              engagement_id,
                                           const CpSessionRow *fields,
                                           GArray             *attendees,
                                           CpSessionRow       *added,
                                           GError            **error);
gboolean  _cp_store_sessions_remove       (CpStore       *self,
                                           gint64         id,
                                           GError       **error);
struct _CpStoreUnit *
          _cp_store_sessions_save_unit    (const CpSessionRow *row);
GArray   *_cp_store_sessions_attendees    (CpStore       *self,
                                           gint64         session_id,
                                           GError       **error);
gboolean  _cp_store_sessions_set_attendee (CpStore       *self,
                                           gint64         session_id,
                                           gint64         stakeholder_id,
                                           gboolean       attends,
                                           GError       **error);

G_END_DECLS
