/* cp-workstream.h — a process or workstream, and who leads it
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_WORKSTREAM (cp_workstream_get_type ())

G_DECLARE_FINAL_TYPE (CpWorkstream, cp_workstream, CP, WORKSTREAM, GObject)

/* One handover: the stage reached, and when. */
typedef struct
{
  CpStage  stage;
  char    *date;
} CpHandover;

gint64      cp_workstream_get_id      (CpWorkstream  *self);
const char *cp_workstream_get_name    (CpWorkstream  *self);
void        cp_workstream_set_name    (CpWorkstream  *self,
                                       const char    *name);
const char *cp_workstream_get_owner   (CpWorkstream  *self);
void        cp_workstream_set_owner   (CpWorkstream  *self,
                                       const char    *owner);
const char *cp_workstream_get_role    (CpWorkstream  *self);
void        cp_workstream_set_role    (CpWorkstream  *self,
                                       const char    *role);
const char *cp_workstream_get_holder  (CpWorkstream  *self);
void        cp_workstream_set_holder  (CpWorkstream  *self,
                                       const char    *holder);
const char *cp_workstream_get_certification (CpWorkstream *self);
void        cp_workstream_set_certification (CpWorkstream *self,
                                             const char   *certification);
guint       cp_certification_count    (const char    *path,
                                       guint         *done);
CpStage     cp_workstream_get_stage   (CpWorkstream  *self);
gboolean    cp_workstream_set_stage   (CpWorkstream  *self,
                                       CpStage        stage,
                                       const char    *date,
                                       GError       **error);
GArray     *cp_workstream_dup_history (CpWorkstream  *self,
                                       GError       **error);
double      cp_stage_get_share        (CpStage        stage);

const char *cp_stage_get_label (CpStage stage);

G_END_DECLS
