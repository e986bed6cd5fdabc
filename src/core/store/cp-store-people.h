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
  gint64  position;   /* where in the list */
} CpPersonRow;

/* One change of a stakeholder's stance: from @on, @stance. */
typedef struct
{
  char *on;
  char *stance;
  char *uuid;
} CpStanceRow;

/* What goes with a stakeholder removed, so that an undo brings all of it
 * back: their place, their id, their stance history, the sessions they
 * attended.
 */
typedef struct
{
  gint64  position;
  char   *uuid;
  GArray *stances;    /* CpStanceRow */
  GArray *sessions;   /* gint64 */
} CpPersonRemoved;

void      _cp_person_removed_free     (CpPersonRemoved *removed);
gboolean  _cp_store_people_restore    (CpStore            *self,
                                       gint64              engagement_id,
                                       const CpPersonRow  *row,
                                       const CpPersonRemoved *removed,
                                       CpPersonRow        *added,
                                       GError            **error);

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
                                       CpPersonRemoved **removed,
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpPersonRemoved, _cp_person_removed_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CpPersonRow, _cp_person_row_clear)

G_END_DECLS
