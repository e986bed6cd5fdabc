/* cp-phase.c — one phase of a CSIP cycle, with its review checklist
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-phase"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store.h"
#include "cp-date.h"
#include "cp-enums.h"
#include "cp-checklist-item-private.h"
#include "cp-phase-private.h"
#include "cp-sign-off-private.h"
#include "cp-store-model.h"

struct _CpPhase
{
  GObject        parent_instance;

  CpStore       *store;
  gint64         id;
  char          *name;
  char          *description;
  GListStore    *items;      /* loaded on first use */
  GListStore    *sign_offs;  /* loaded on first use, oldest first */
  CpPhaseRole    role;
  CpPhaseStatus  status;
  guint          n_items;
  guint          n_done;
};

G_DEFINE_FINAL_TYPE (CpPhase, cp_phase, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROLE,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_N_ITEMS,
  PROP_N_DONE,
  PROP_PROGRESS,
  PROP_LATEST_SIGN_OFF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
counts_changed (CpPhase *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* An item of this phase was ticked or unticked. */
static void
item_done_cb (CpPhase         *self,
              GParamSpec      *pspec,
              CpChecklistItem *item)
{
  if (cp_checklist_item_get_done (item))
    self->n_done++;
  else if (self->n_done > 0)
    self->n_done--;

  counts_changed (self);
}

/* Makes an item of this phase from its row; the phase counts its ticks. */
static CpChecklistItem *
item_new (CpPhase     *self,
          const CpRow *row)
{
  CpChecklistItem *item = _cp_checklist_item_new_from_row (self->store, row);

  g_signal_connect_object (item, "notify::done", G_CALLBACK (item_done_cb), self,
                           G_CONNECT_SWAPPED);

  return item;
}

static void
cp_phase_finalize (GObject *object)
{
  CpPhase *self = (CpPhase *)object;

  g_free (self->name);
  g_free (self->description);
  g_clear_object (&self->items);
  g_clear_object (&self->sign_offs);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_phase_parent_class)->finalize (object);
}

static void
cp_phase_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CpPhase *self = CP_PHASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, cp_phase_get_progress (self));
      break;
    case PROP_LATEST_SIGN_OFF:
      g_value_set_object (value, cp_phase_get_latest_sign_off (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_phase_class_init (CpPhaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_phase_finalize;
  object_class->get_property = cp_phase_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, CP_TYPE_PHASE_ROLE,
                                             CP_PHASE_ROLE_VISION, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, CP_TYPE_PHASE_STATUS,
                                               CP_PHASE_STATUS_NOT_STARTED, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0, 1, 0, ro);
  properties[PROP_LATEST_SIGN_OFF] = g_param_spec_object ("latest-sign-off", NULL, NULL,
                                                          CP_TYPE_SIGN_OFF, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_phase_init (CpPhase *self)
{
}

CpPhase *
_cp_phase_new_from_row (CpStore      *store,
                        const CpRow  *row)
{
  CpPhase *self = g_object_new (CP_TYPE_PHASE, NULL);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  cp_phase_role_from_string (_cp_row_text (row, 1), &self->role);
  self->name = _cp_row_dup (row, 2);
  self->description = _cp_row_dup (row, 3);
  cp_phase_status_from_string (_cp_row_text (row, 4), &self->status);
  self->n_items = _cp_row_int (row, 5);
  self->n_done = _cp_row_int (row, 6);

  return self;
}

gint64
cp_phase_get_id (CpPhase *self)
{
  g_return_val_if_fail (CP_IS_PHASE (self), 0);

  return self->id;
}

CpPhaseRole
cp_phase_get_role (CpPhase *self)
{
  g_return_val_if_fail (CP_IS_PHASE (self), CP_PHASE_ROLE_VISION);

  return self->role;
}

const char *
cp_phase_get_name (CpPhase *self)
{
  g_return_val_if_fail (CP_IS_PHASE (self), NULL);

  return self->name;
}

const char *
cp_phase_get_description (CpPhase *self)
{
  g_return_val_if_fail (CP_IS_PHASE (self), NULL);

  return self->description;
}

CpPhaseStatus
cp_phase_get_status (CpPhase *self)
{
  g_return_val_if_fail (CP_IS_PHASE (self), CP_PHASE_STATUS_NOT_STARTED);

  return self->status;
}

gboolean
cp_phase_set_status (CpPhase        *self,
                     CpPhaseStatus   status,
                     GError        **error)
{
  CpStoreUnit *unit;

  g_return_val_if_fail (CP_IS_PHASE (self), FALSE);
  g_return_val_if_fail (status <= CP_PHASE_STATUS_DONE, FALSE);

  if (self->status == status)
    return TRUE;

  unit = _cp_store_unit_for (CP_SQL_PHASE_STATUS);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, cp_phase_status_to_string (status));
  if (!_cp_store_write (self->store, unit, error))
    return FALSE;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);

  return TRUE;
}

guint
cp_phase_get_n_items (CpPhase *self)
{
  g_return_val_if_fail (CP_IS_PHASE (self), 0);

  return self->n_items;
}

guint
cp_phase_get_n_done (CpPhase *self)
{
  g_return_val_if_fail (CP_IS_PHASE (self), 0);

  return self->n_done;
}

/**
 * cp_phase_get_progress:
 *
 * Returns: the share of the checklist ticked, from 0 to 1; a phase with
 *   no checklist counts as done only when its status says so
 */
double
cp_phase_get_progress (CpPhase *self)
{
  g_return_val_if_fail (CP_IS_PHASE (self), 0);

  if (self->n_items == 0)
    return self->status == CP_PHASE_STATUS_DONE ? 1.0 : 0.0;

  return (double) self->n_done / self->n_items;
}

/**
 * cp_phase_get_items:
 *
 * Returns: (transfer none) (nullable): the checklist, a list of
 *   #CpChecklistItem in order, kept current by this phase's calls
 */
GListModel *
cp_phase_get_items (CpPhase  *self,
                    GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CP_IS_PHASE (self), NULL);

  if (self->items != NULL)
    return G_LIST_MODEL (self->items);

  if (!(rows = _cp_store_query (self->store, CP_SQL_ITEMS, self->id, error)))
    return NULL;

  self->items = g_list_store_new (CP_TYPE_CHECKLIST_ITEM);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(CpChecklistItem) item = item_new (self, _cp_rows_get (rows, i));
      g_list_store_append (self->items, item);
    }

  return G_LIST_MODEL (self->items);
}

/**
 * _cp_phase_item_added:
 * @row: an item's row, as a committed unit of work returned it
 * @position: where it is in the checklist
 *
 * Once a unit that added an item is committed, the phase shows it.
 *
 * Returns: (transfer full): the item
 */
CpChecklistItem *
_cp_phase_item_added (CpPhase     *self,
                      const CpRow *row,
                      guint        position)
{
  CpChecklistItem *item = item_new (self, row);

  if (self->items != NULL)
    g_list_store_insert (self->items, MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->items))),
                         item);

  self->n_items++;
  if (cp_checklist_item_get_done (item))
    self->n_done++;
  counts_changed (self);

  return item;
}

static gboolean
has_text (CpPhase    *self,
          const char *text)
{
  GListModel *items = cp_phase_get_items (self, NULL);

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CpChecklistItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (cp_checklist_item_get_text (item), text) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * _cp_phase_add_check:
 * @unit: the unit of work to add it to
 *
 * Adds to @unit one of @approach's risk checks for this phase, unless
 * the phase has it already. It returns its item's row, for
 * _cp_phase_item_added() once the unit is committed.
 *
 * Returns: whether it was added to @unit
 */
gboolean
_cp_phase_add_check (CpPhase     *self,
                     CpStoreUnit *unit,
                     const char  *text,
                     CpApproach   approach)
{
  if (has_text (self, text))
    return FALSE;

  _cp_store_unit_then (unit, CP_SQL_ITEM_APPEND);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, text);
  _cp_store_unit_bind_text (unit, cp_item_source_to_string (CP_ITEM_SOURCE_APPROACH));
  _cp_store_unit_bind_text (unit, cp_approach_to_string (approach));

  return TRUE;
}

static CpChecklistItem *
insert_item (CpPhase         *self,
             guint            position,
             const char      *text,
             CpItemSource     source,
             CpApproach       approach,
             CpChecklistItem *like,
             GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  gboolean done = like && cp_checklist_item_get_done (like);
  CpStoreUnit *unit;

  g_return_val_if_fail (CP_IS_PHASE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("The item is not valid UTF-8 text"));
      return NULL;
    }

  position = MIN (position, self->n_items);

  unit = _cp_store_unit_for (CP_SQL_ITEM_OPEN_GAP);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_int64 (unit, position);
  _cp_store_unit_then (unit, CP_SQL_ITEM_INSERT);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_int64 (unit, position);
  _cp_store_unit_bind_text (unit, text);
  _cp_store_unit_bind_text (unit, cp_item_source_to_string (source));
  _cp_store_unit_bind_text (unit, approach != CP_APPROACH_UNDECIDED ? cp_approach_to_string (approach)
                                                                    : NULL);
  _cp_store_unit_bind_int64 (unit, done);
  _cp_store_unit_bind_text (unit, done ? cp_checklist_item_get_done_by (like) : NULL);
  _cp_store_unit_bind_text (unit, done ? cp_checklist_item_get_done_at (like) : NULL);
  _cp_store_unit_bind_text (unit, like && cp_checklist_item_get_comment (like)
                                  ? cp_checklist_item_get_comment (like) : "");

  if (!(rows = _cp_store_unit_commit (self->store, unit, error)))
    return NULL;

  return _cp_phase_item_added (self, _cp_rows_get (rows, 0), position);
}

/**
 * cp_phase_add_item:
 *
 * Appends an item of the user's own to the checklist.
 *
 * Returns: (transfer full) (nullable): the new item
 */
CpChecklistItem *
cp_phase_add_item (CpPhase     *self,
                   const char  *text,
                   GError     **error)
{
  return insert_item (self, G_MAXUINT, text, CP_ITEM_SOURCE_USER, CP_APPROACH_UNDECIDED,
                      NULL, error);
}

static gboolean
find_item (CpPhase          *self,
           CpChecklistItem  *item,
           guint            *position,
           GError          **error)
{
  if (cp_phase_get_items (self, error) == NULL)
    return FALSE;

  if (!g_list_store_find (self->items, item, position))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("The item is not on this checklist"));
      return FALSE;
    }

  return TRUE;
}

/**
 * cp_phase_remove_item:
 * @position: (out) (optional): where the item was, for
 *   cp_phase_restore_item()
 */
gboolean
cp_phase_remove_item (CpPhase          *self,
                      CpChecklistItem  *item,
                      guint            *position,
                      GError          **error)
{
  CpStoreUnit *unit;
  guint pos;

  g_return_val_if_fail (CP_IS_PHASE (self), FALSE);
  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (item), FALSE);

  if (!find_item (self, item, &pos, error))
    return FALSE;

  unit = _cp_store_unit_for (CP_SQL_ITEM_REMOVE);
  _cp_store_unit_bind_int64 (unit, cp_checklist_item_get_id (item));
  _cp_store_unit_then (unit, CP_SQL_ITEM_CLOSE_GAP);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_int64 (unit, pos);
  if (!_cp_store_write (self->store, unit, error))
    return FALSE;

  /* Its text and comment are final as they are; they live on in the
   * object for an undo.
   */
  _cp_store_forget_dirty (self->store, item);
  g_signal_handlers_disconnect_by_func (item, item_done_cb, self);

  self->n_items--;
  if (cp_checklist_item_get_done (item))
    self->n_done--;
  g_list_store_remove (self->items, pos);
  counts_changed (self);

  if (position != NULL)
    *position = pos;

  return TRUE;
}

/**
 * cp_phase_restore_item:
 * @removed: an item cp_phase_remove_item() took out
 * @position: where it was
 *
 * Puts a removed item back as it was: text, tick, who and when, comment.
 *
 * Returns: (transfer full) (nullable): the item, now on the checklist again
 */
CpChecklistItem *
cp_phase_restore_item (CpPhase          *self,
                       CpChecklistItem  *removed,
                       guint             position,
                       GError          **error)
{
  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (removed), NULL);

  if (cp_phase_get_items (self, error) == NULL)
    return NULL;

  return insert_item (self, position, cp_checklist_item_get_text (removed),
                      cp_checklist_item_get_source (removed),
                      cp_checklist_item_get_approach (removed),
                      removed, error);
}

/**
 * cp_phase_move_item:
 * @position: the item's new place, counted in the list without it
 */
gboolean
cp_phase_move_item (CpPhase          *self,
                    CpChecklistItem  *item,
                    guint             position,
                    GError          **error)
{
  g_autoptr(CpChecklistItem) held = NULL;
  CpStoreUnit *unit;
  guint from;

  g_return_val_if_fail (CP_IS_PHASE (self), FALSE);
  g_return_val_if_fail (CP_IS_CHECKLIST_ITEM (item), FALSE);

  if (!find_item (self, item, &from, error))
    return FALSE;

  position = MIN (position, self->n_items - 1);
  if (position == from)
    return TRUE;

  unit = _cp_store_unit_for (CP_SQL_ITEM_MOVE);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_int64 (unit, cp_checklist_item_get_id (item));
  _cp_store_unit_bind_int64 (unit, from);
  _cp_store_unit_bind_int64 (unit, position);
  if (!_cp_store_write (self->store, unit, error))
    return FALSE;

  held = g_object_ref (item);
  g_list_store_remove (self->items, from);
  g_list_store_insert (self->items, position, held);

  return TRUE;
}

/**
 * cp_phase_get_sign_offs:
 *
 * Returns: (transfer none) (nullable): the phase's sign-offs, a list of
 *   #CpSignOff, oldest first
 */
GListModel *
cp_phase_get_sign_offs (CpPhase  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CP_IS_PHASE (self), NULL);

  if (self->sign_offs != NULL)
    return G_LIST_MODEL (self->sign_offs);

  if (!(rows = _cp_store_query (self->store, CP_SQL_SIGN_OFFS, self->id, error)))
    return NULL;

  self->sign_offs = g_list_store_new (CP_TYPE_SIGN_OFF);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(CpSignOff) sign_off = _cp_sign_off_new_from_row (_cp_rows_get (rows, i));
      g_list_store_append (self->sign_offs, sign_off);
    }

  return G_LIST_MODEL (self->sign_offs);
}

/**
 * cp_phase_get_latest_sign_off:
 *
 * Returns: (transfer none) (nullable): the most recent sign-off
 */
CpSignOff *
cp_phase_get_latest_sign_off (CpPhase *self)
{
  GListModel *list;
  guint n;
  g_autoptr(CpSignOff) latest = NULL;

  g_return_val_if_fail (CP_IS_PHASE (self), NULL);

  list = cp_phase_get_sign_offs (self, NULL);
  if (list == NULL || (n = g_list_model_get_n_items (list)) == 0)
    return NULL;

  /* The list holds a reference, so the borrowed pointer stays valid. */
  latest = g_list_model_get_item (list, n - 1);

  return latest;
}

/**
 * cp_phase_sign_off:
 * @date: the review's date, YYYY-MM-DD
 *
 * Records the sponsor's review of the phase. Earlier sign-offs stay in
 * the history.
 *
 * Returns: (transfer full) (nullable): the new sign-off
 */
CpSignOff *
cp_phase_sign_off (CpPhase     *self,
                   const char  *reviewer,
                   const char  *date,
                   CpDecision   decision,
                   const char  *comments,
                   GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  CpSignOff *sign_off = NULL;
  CpStoreUnit *unit;

  g_return_val_if_fail (CP_IS_PHASE (self), NULL);
  g_return_val_if_fail (decision <= CP_DECISION_CHANGES_REQUESTED, NULL);

  stripped = g_strstrip (g_strdup (reviewer ? reviewer : ""));
  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("A sign-off needs the reviewer’s name"));
      return NULL;
    }

  if (!cp_date_is_valid (date))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("A sign-off needs the date of the review"));
      return NULL;
    }

  if (comments != NULL && !g_utf8_validate (comments, -1, NULL))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("The comments are not valid UTF-8 text"));
      return NULL;
    }

  if (cp_phase_get_sign_offs (self, error) == NULL)
    return NULL;

  unit = _cp_store_unit_for (CP_SQL_SIGN_OFF_ADD);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, stripped);
  _cp_store_unit_bind_text (unit, date);
  _cp_store_unit_bind_text (unit, cp_decision_to_string (decision));
  _cp_store_unit_bind_text (unit, comments ? comments : "");
  _cp_store_unit_bind_text (unit, cp_store_get_author (self->store) ? cp_store_get_author (self->store) : "");
  if (!(rows = _cp_store_unit_commit (self->store, unit, error)))
    return NULL;

  sign_off = _cp_sign_off_new_from_row (_cp_rows_get (rows, 0));
  g_list_store_append (self->sign_offs, sign_off);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATEST_SIGN_OFF]);

  return sign_off;
}

/**
 * cp_phase_status_get_label:
 *
 * Returns: the translated label
 */
const char *
cp_phase_status_get_label (CpPhaseStatus status)
{
  switch (status)
    {
    case CP_PHASE_STATUS_IN_PROGRESS:
      return C_("phase status", "In progress");
    case CP_PHASE_STATUS_DONE:
      return C_("phase status", "Done");
    case CP_PHASE_STATUS_NOT_STARTED:
    default:
      return C_("phase status", "Not started");
    }
}
