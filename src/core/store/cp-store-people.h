/* cp-store-people.h — an engagement's people, as the store keeps them
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

/* One person, as plain values: the model is made from it. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *role;
  char   *contact;
  char   *stance;     /* '' when not said */
  char   *influence;
  char   *smo_role;
  char   *note;
} CpPersonRow;

/* One change of a stakeholder's stance: from @on, @stance. */
typedef struct
{
  char *on;
  char *stance;
} CpStanceRow;

void      _cp_person_row_clear        (CpPersonRow  *row);
GArray   *_cp_store_people_load       (CpStore      *self,
                                       gint64        engagement_id,
                                       GError      **error);
gboolean  _cp_store_people_add        (CpStore      *self,
                                       gint64        engagement_id,
                                       const char   *name,
                                       const char   *role,
                                       const char   *contact,
                                       CpPersonRow  *added,
                                       GError      **error);
gboolean  _cp_store_people_remove     (CpStore      *self,
                                       gint64        id,
                                       GError      **error);
struct _CpStoreUnit *
          _cp_store_people_save_unit  (const CpPersonRow *row,
                                       gboolean           stance_changed);
void      _cp_stance_row_clear        (CpStanceRow  *row);
gboolean  _cp_store_people_add_stance (CpStore      *self,
                                       gint64        stakeholder_id,
                                       const char   *on,
                                       const char   *stance,
                                       GError      **error);
GArray   *_cp_store_people_stances    (CpStore      *self,
                                       gint64        stakeholder_id,
                                       GError      **error);

G_END_DECLS
