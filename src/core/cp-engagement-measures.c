/* cp-engagement-measures.c — an engagement's goals, maturity scores,
 * workstreams and actions
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-engagement"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <math.h>

#include "cp-store.h"
#include "cp-action-private.h"
#include "cp-contract-private.h"
#include "cp-engagement-private.h"
#include "cp-exit-item-private.h"
#include "cp-goal-private.h"
#include "cp-maturity-private.h"
#include "cp-opportunity-private.h"
#include "cp-store-model.h"
#include "cp-workstream-private.h"
#include "cp-mentoring-private.h"
#include "cp-audit-item-private.h"

/* Each kind of measure: how the store reads, adds and removes it, how
 * to make it from a row, and its list.
 */
typedef struct
{
  CpSql       select;
  CpSql       add;
  CpSql       remove;
  GType     (*get_type) (void);
  CpRowFunc   new_from_row;
  gsize       list_offset;
} Kind;

static const Kind goals = {
  CP_SQL_GOALS, CP_SQL_GOAL_ADD, CP_SQL_GOAL_REMOVE,
  cp_goal_get_type, _cp_goal_new_from_row, G_STRUCT_OFFSET (CpEngagement, goals),
};

static const Kind maturity = {
  CP_SQL_MATURITY, CP_SQL_MATURITY_ADD, CP_SQL_MATURITY_REMOVE,
  cp_maturity_get_type, _cp_maturity_new_from_row, G_STRUCT_OFFSET (CpEngagement, maturity),
};

static const Kind workstreams = {
  CP_SQL_WORKSTREAMS, CP_SQL_WORKSTREAM_ADD, CP_SQL_WORKSTREAM_REMOVE,
  cp_workstream_get_type, _cp_workstream_new_from_row, G_STRUCT_OFFSET (CpEngagement, workstreams),
};

static const Kind actions = {
  CP_SQL_ACTIONS, CP_SQL_ACTION_ADD, CP_SQL_ACTION_REMOVE,
  cp_action_get_type, _cp_action_new_from_row, G_STRUCT_OFFSET (CpEngagement, actions),
};

static const Kind opportunities = {
  CP_SQL_OPPORTUNITIES, CP_SQL_OPPORTUNITY_ADD, CP_SQL_OPPORTUNITY_REMOVE,
  cp_opportunity_get_type, _cp_opportunity_new_from_row, G_STRUCT_OFFSET (CpEngagement, opportunities),
};

static const Kind contracts = {
  CP_SQL_CONTRACTS, CP_SQL_CONTRACT_ADD, CP_SQL_N,
  cp_contract_get_type, _cp_contract_new_from_row, G_STRUCT_OFFSET (CpEngagement, contracts),
};

static const Kind mentorings = {
  CP_SQL_MENTORINGS, CP_SQL_MENTORING_ADD, CP_SQL_MENTORING_REMOVE,
  cp_mentoring_get_type, _cp_mentoring_new_from_row, G_STRUCT_OFFSET (CpEngagement, mentorings),
};

static const Kind audit_items = {
  CP_SQL_AUDIT_ITEMS, CP_SQL_AUDIT_ADD, CP_SQL_AUDIT_REMOVE,
  cp_audit_item_get_type, _cp_audit_item_new_from_row, G_STRUCT_OFFSET (CpEngagement, audit_items),
};

static const Kind exit_items = {
  CP_SQL_EXIT_ITEMS, CP_SQL_EXIT_ITEM_ADD, CP_SQL_EXIT_ITEM_REMOVE,
  cp_exit_item_get_type, _cp_exit_item_new_from_row, G_STRUCT_OFFSET (CpEngagement, exit_items),
};

static GListStore **
list_of (CpEngagement *self,
         const Kind   *kind)
{
  return G_STRUCT_MEMBER_P (self, kind->list_offset);
}

static GListModel *
get_list (CpEngagement  *self,
          const Kind    *kind,
          GError       **error)
{
  GListStore **list = list_of (self, kind);

  if (*list == NULL)
    *list = _cp_store_load_list (self->store, kind->select, self->id, kind->get_type (),
                                 kind->new_from_row, error);

  return G_LIST_MODEL (*list);
}

/* Adds one of @kind for each of @names in one unit of work; the list
 * gains them once it is committed.
 */
static gboolean
add_all (CpEngagement        *self,
         const Kind          *kind,
         const char * const  *names,
         guint                n_names,
         GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  CpStoreUnit *unit;

  if (!get_list (self, kind, error))
    return FALSE;

  unit = _cp_store_unit_for (kind->add);
  for (guint i = 0; i < n_names; i++)
    {
      if (i > 0)
        _cp_store_unit_then (unit, kind->add);
      _cp_store_unit_bind_int64 (unit, self->id);
      _cp_store_unit_bind_text (unit, names[i]);
    }

  if (!(rows = _cp_store_unit_commit (self->store, unit, error)))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GObject) item = kind->new_from_row (self->store, _cp_rows_get (rows, i));
      g_list_store_append (*list_of (self, kind), item);
    }

  return TRUE;
}

static gpointer
add (CpEngagement  *self,
     const Kind    *kind,
     const char    *name,
     GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  const char *names[] = { stripped };
  GListStore *list;

  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("A name is needed"));
      return NULL;
    }

  if (!add_all (self, kind, names, 1, error))
    return NULL;

  list = *list_of (self, kind);

  return g_list_model_get_item (G_LIST_MODEL (list), g_list_model_get_n_items (G_LIST_MODEL (list)) - 1);
}

/**
 * cp_engagement_get_goals:
 *
 * Returns: (transfer none) (nullable): the goals, a list of #CpGoal
 */
GListModel *
cp_engagement_get_goals (CpEngagement  *self,
                         GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return get_list (self, &goals, error);
}

/**
 * cp_engagement_add_goal:
 *
 * Returns: (transfer full) (nullable): a new goal, with no baseline or
 *   target yet
 */
CpGoal *
cp_engagement_add_goal (CpEngagement  *self,
                        const char    *name,
                        GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return add (self, &goals, name, error);
}

/**
 * cp_engagement_get_maturity:
 *
 * Returns: (transfer none) (nullable): the practices scored, a list of
 *   #CpMaturity
 */
GListModel *
cp_engagement_get_maturity (CpEngagement  *self,
                            GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return get_list (self, &maturity, error);
}

/**
 * cp_engagement_add_practice:
 *
 * Returns: (transfer full) (nullable): the practice, not yet scored
 */
CpMaturity *
cp_engagement_add_practice (CpEngagement  *self,
                            const char    *practice,
                            GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return add (self, &maturity, practice, error);
}

/**
 * cp_engagement_add_standard_practices:
 *
 * Adds the usual ITSM practices the engagement does not score yet.
 */
/* Adds each of @names (translatable, untranslated) not there yet, in one
 * transaction.
 */
static gboolean
add_missing (CpEngagement        *self,
             const Kind          *kind,
             const char * const  *names,
             guint                n_names,
             const char        *(*name_of) (gpointer item),
             GError             **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  GListModel *list;

  if (!(list = get_list (self, kind, error)))
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      const char *name = _(names[i]);
      gboolean present = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (list) && !present; j++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, j);
          present = g_utf8_collate (name_of (item), name) == 0;
        }

      if (!present)
        g_ptr_array_add (missing, (gpointer) name);
    }

  if (missing->len == 0)
    return TRUE;

  return add_all (self, kind, (const char * const *) missing->pdata, missing->len, error);
}

static const char *
practice_of (gpointer item)
{
  return cp_maturity_get_practice (item);
}

gboolean
cp_engagement_add_standard_practices (CpEngagement  *self,
                                      GError       **error)
{
  static const char * const standard[] = {
    N_("Change"), N_("Incident"), N_("Problem"), N_("Configuration"), N_("Release"),
    N_("Service level"),
  };

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);

  return add_missing (self, &maturity, standard, G_N_ELEMENTS (standard), practice_of, error);
}

/**
 * cp_engagement_get_workstreams:
 *
 * Returns: (transfer none) (nullable): the processes and workstreams, a
 *   list of #CpWorkstream
 */
GListModel *
cp_engagement_get_workstreams (CpEngagement  *self,
                               GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return get_list (self, &workstreams, error);
}

/**
 * cp_engagement_add_workstream:
 *
 * Returns: (transfer full) (nullable): the workstream, the coach leading
 */
CpWorkstream *
cp_engagement_add_workstream (CpEngagement  *self,
                              const char    *name,
                              GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return add (self, &workstreams, name, error);
}

/**
 * cp_engagement_remove_measure:
 * @measure: a #CpGoal, #CpMaturity, #CpWorkstream, #CpAction,
 *   #CpOpportunity, #CpExitItem or #CpMentoring of the engagement
 */
gboolean
cp_engagement_remove_measure (CpEngagement  *self,
                              GObject       *measure,
                              GError       **error)
{
  const Kind *kinds[] = { &goals, &maturity, &workstreams, &actions, &opportunities, &exit_items,
                          &mentorings, &audit_items };

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (measure), FALSE);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListStore *list = *list_of (self, kinds[k]);
      CpStoreUnit *unit;
      guint position;
      gint64 id;

      if (list == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (measure, kinds[k]->get_type ()) ||
          !g_list_store_find (list, measure, &position))
        continue;

      id = CP_IS_GOAL (measure) ? cp_goal_get_id (CP_GOAL (measure))
         : CP_IS_MATURITY (measure) ? cp_maturity_get_id (CP_MATURITY (measure))
         : CP_IS_ACTION (measure) ? cp_action_get_id (CP_ACTION (measure))
         : CP_IS_OPPORTUNITY (measure) ? cp_opportunity_get_id (CP_OPPORTUNITY (measure))
         : CP_IS_EXIT_ITEM (measure) ? cp_exit_item_get_id (CP_EXIT_ITEM (measure))
         : CP_IS_MENTORING (measure) ? cp_mentoring_get_id (CP_MENTORING (measure))
         : CP_IS_AUDIT_ITEM (measure) ? cp_audit_item_get_id (CP_AUDIT_ITEM (measure))
         : cp_workstream_get_id (CP_WORKSTREAM (measure));

      unit = _cp_store_unit_for (kinds[k]->remove);
      _cp_store_unit_bind_int64 (unit, id);
      if (!_cp_store_write (self->store, unit, error))
        return FALSE;

      _cp_store_forget_dirty (self->store, measure);
      g_list_store_remove (list, position);

      /* The database let go of the actions that came from it; so do they. */
      if (CP_IS_OPPORTUNITY (measure) && self->actions != NULL)
        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->actions)); i++)
          {
            g_autoptr(CpAction) action = g_list_model_get_item (G_LIST_MODEL (self->actions), i);

            if (cp_action_get_opportunity_id (action) == id)
              cp_action_set_opportunity_id (action, 0);
          }

      return TRUE;
    }

  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                       _("That is not one of this engagement’s measures"));
  return FALSE;
}

/**
 * cp_engagement_get_actions:
 *
 * Returns: (transfer none) (nullable): the actions, a list of #CpAction:
 *   the open ones first, soonest due first, then those done, latest first
 */
GListModel *
cp_engagement_get_actions (CpEngagement  *self,
                           GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return get_list (self, &actions, error);
}

/**
 * cp_engagement_add_action:
 *
 * Returns: (transfer full) (nullable): a new open action, with no owner
 *   or due date yet
 */
CpAction *
cp_engagement_add_action (CpEngagement  *self,
                          const char    *text,
                          GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return add (self, &actions, text, error);
}

/**
 * cp_engagement_get_exit_items:
 *
 * Returns: (transfer none) (nullable): what must be true before the coach
 *   leaves, a list of #CpExitItem
 */
GListModel *
cp_engagement_get_exit_items (CpEngagement  *self,
                              GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return get_list (self, &exit_items, error);
}

CpExitItem *
cp_engagement_add_exit_item (CpEngagement  *self,
                             const char    *text,
                             GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return add (self, &exit_items, text, error);
}

static const char *
exit_text_of (gpointer item)
{
  return cp_exit_item_get_text (item);
}

/**
 * cp_engagement_add_standard_exit_items:
 *
 * Adds the usual exit criteria of a coached engagement that are not
 * there yet.
 */
gboolean
cp_engagement_add_standard_exit_items (CpEngagement  *self,
                                       GError       **error)
{
  static const char * const standard[] = {
    N_("Every process has a named owner who runs it"),
    N_("Staff run the improvement cycle without the coach"),
    N_("Staff report the measures to the sponsor themselves"),
    N_("What the coach knows is written down where staff keep it"),
    N_("The next improvement cycle is planned by staff"),
    N_("The sponsor agrees that the coach can leave"),
  };

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);

  return add_missing (self, &exit_items, standard, G_N_ELEMENTS (standard), exit_text_of, error);
}

/**
 * cp_readiness_clear:
 *
 * Frees what @readiness holds.
 */
void
cp_readiness_clear (CpReadiness *readiness)
{
  g_clear_pointer (&readiness->baseline_evidence, g_free);
  g_clear_pointer (&readiness->review_evidence, g_free);
}

/**
 * cp_engagement_get_readiness:
 * @readiness: (out caller-allocates): the scores, -1 for none; free with
 *   cp_readiness_clear()
 *
 * Reads how far the organisation shows @characteristic as a service
 * provider, at the baseline and at the review.
 */
gboolean
cp_engagement_get_readiness (CpEngagement      *self,
                             CpCharacteristic   characteristic,
                             CpReadiness       *readiness,
                             GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);
  g_return_val_if_fail (characteristic < CP_N_CHARACTERISTICS, FALSE);

  *readiness = (CpReadiness) { -1, g_strdup (""), -1, g_strdup ("") };
  if (!cp_store_flush (self->store, error) ||
      !(rows = _cp_store_query (self->store, CP_SQL_READINESS, self->id, error)))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const CpRow *row = _cp_rows_get (rows, i);

      if (g_strcmp0 (_cp_row_text (row, 0), cp_characteristic_to_string (characteristic)) != 0)
        continue;
      readiness->baseline_level = _cp_row_is_null (row, 1) ? -1 : _cp_row_int (row, 1);
      g_free (readiness->baseline_evidence);
      readiness->baseline_evidence = _cp_row_dup (row, 2);
      readiness->review_level = _cp_row_is_null (row, 3) ? -1 : _cp_row_int (row, 3);
      g_free (readiness->review_evidence);
      readiness->review_evidence = _cp_row_dup (row, 4);
    }

  return TRUE;
}

/* The characteristic's record's id: the engagement's, its last part
 * made from the characteristic, the same on every machine.
 */
static char *
readiness_uuid (CpEngagement     *self,
                CpCharacteristic  characteristic)
{
  g_autofree char *uuid = cp_engagement_dup_uuid (self, NULL);

  if (uuid == NULL || strlen (uuid) != 36)
    return NULL;

  return g_strdup_printf ("%.24s%012x", uuid, 0x7ead1e55u + characteristic);
}

/**
 * cp_engagement_set_readiness:
 * @readiness: the scores, 0 to 5 or -1 for none, and their evidence
 *
 * Saves the scores of @characteristic at once, one unit of work.
 */
gboolean
cp_engagement_set_readiness (CpEngagement      *self,
                             CpCharacteristic   characteristic,
                             const CpReadiness *readiness,
                             GError           **error)
{
  g_autofree char *uuid = NULL;
  CpStoreUnit *unit;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);
  g_return_val_if_fail (characteristic < CP_N_CHARACTERISTICS, FALSE);
  g_return_val_if_fail (readiness != NULL, FALSE);

  if (readiness->baseline_level < -1 || readiness->baseline_level > 5 ||
      readiness->review_level < -1 || readiness->review_level > 5)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("A readiness score is from 0 to 5"));
      return FALSE;
    }

  uuid = readiness_uuid (self, characteristic);
  unit = _cp_store_unit_for (CP_SQL_READINESS_SET);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, cp_characteristic_to_string (characteristic));
  _cp_store_unit_bind_int64 (unit, readiness->baseline_level);
  _cp_store_unit_bind_text (unit, readiness->baseline_evidence ? readiness->baseline_evidence : "");
  _cp_store_unit_bind_int64 (unit, readiness->review_level);
  _cp_store_unit_bind_text (unit, readiness->review_evidence ? readiness->review_evidence : "");
  _cp_store_unit_bind_text (unit, uuid);

  return _cp_store_write (self->store, unit, error);
}

/* A score as words say it: "3", or "not scored". */
static char *
score_text (int level)
{
  return level < 0 ? g_strdup (_("not scored")) : g_strdup_printf ("%d", level);
}

/**
 * cp_readiness_dup_summary:
 *
 * Returns: (transfer full): the scores as values, never colour alone,
 *   as "Before 1 → after 2"
 */
char *
cp_readiness_dup_summary (const CpReadiness *readiness)
{
  g_autofree char *before = score_text (readiness->baseline_level);
  g_autofree char *after = score_text (readiness->review_level);

  /* Translators: a readiness score at the baseline and at the review. */
  return g_strdup_printf (_("Before %s → after %s"), before, after);
}

/**
 * cp_characteristic_get_name:
 *
 * Returns: the characteristic's translated name
 */
const char *
cp_characteristic_get_name (CpCharacteristic characteristic)
{
  switch (characteristic)
    {
    case CP_CHARACTERISTIC_UNDERSTANDING:
      return _("Understands the customer’s need, without ambiguity");
    case CP_CHARACTERISTIC_SOURCING:
      return _("Decides in-, out- or multi-sourcing by a model");
    case CP_CHARACTERISTIC_PROCESSES:
      return _("Runs repeatable processes, consistently");
    case CP_CHARACTERISTIC_INNOVATION:
    default:
      return _("Innovates in a structured way");
    }
}

/* The criteria of each maturity level, in our words: what an audit asks
 * of every practice.
 */
static const char * const audit_criteria[] = {
  N_("The practice is carried out, if only informally"),
  N_("It is written down and done the same way each time"),
  N_("Its owner and roles are named, and staff are trained in it"),
  N_("It is measured against agreed targets, and the results are reviewed"),
  N_("It is improved on purpose, from what its measures show"),
};

/**
 * cp_engagement_get_audit_items:
 *
 * Returns: (transfer none) (nullable): the ITSM audit's criteria, a list
 *   of #CpAuditItem, practice by practice, level by level
 */
GListModel *
cp_engagement_get_audit_items (CpEngagement  *self,
                               GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return get_list (self, &audit_items, error);
}

/**
 * cp_engagement_audit_practice:
 * @practice: as "Change enablement"
 *
 * Adds the audit of @practice, a criterion for each maturity level from
 * 1 to 5, none met yet; one unit of work. A practice audited already is
 * refused.
 */
gboolean
cp_engagement_audit_practice (CpEngagement  *self,
                              const char    *practice,
                              GError       **error)
{
  g_autofree char *name = g_strstrip (g_strdup (practice ? practice : ""));
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *list;
  CpStoreUnit *unit;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);

  if (*name == '\0')
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, _("Name the practice to audit"));
      return FALSE;
    }
  if (!(list = get_list (self, &audit_items, error)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpAuditItem) item = g_list_model_get_item (list, i);

      if (g_utf8_collate (cp_audit_item_get_practice (item), name) == 0)
        {
          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, _("“%s” is audited already"), name);
          return FALSE;
        }
    }

  unit = _cp_store_unit_for (CP_SQL_AUDIT_ADD);
  for (guint level = 1; level <= G_N_ELEMENTS (audit_criteria); level++)
    {
      if (level > 1)
        _cp_store_unit_then (unit, CP_SQL_AUDIT_ADD);
      _cp_store_unit_bind_int64 (unit, self->id);
      _cp_store_unit_bind_text (unit, name);
      _cp_store_unit_bind_int64 (unit, level);
      _cp_store_unit_bind_text (unit, _(audit_criteria[level - 1]));
    }
  if (!(rows = _cp_store_unit_commit (self->store, unit, error)))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GObject) item = _cp_audit_item_new_from_row (self->store, _cp_rows_get (rows, i));
      g_list_store_append (*list_of (self, &audit_items), item);
    }

  return TRUE;
}

/**
 * cp_engagement_get_audit_level:
 *
 * Returns: where @practice stands by its audit: the highest level whose
 *   criteria are met with all those below it, 0 for none; -1 when it is
 *   not audited
 */
int
cp_engagement_get_audit_level (CpEngagement *self,
                               const char   *practice)
{
  GListModel *list;
  gboolean met[6] = { TRUE, FALSE, FALSE, FALSE, FALSE, FALSE };
  gboolean audited = FALSE;
  int level = 0;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), -1);

  if (!(list = get_list (self, &audit_items, NULL)))
    return -1;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpAuditItem) item = g_list_model_get_item (list, i);
      int l = cp_audit_item_get_level (item);

      if (g_utf8_collate (cp_audit_item_get_practice (item), practice) != 0 || l < 1 || l > 5)
        continue;
      audited = TRUE;
      met[l] = cp_audit_item_get_met (item);
    }
  if (!audited)
    return -1;

  while (level < 5 && met[level + 1])
    level++;

  return level;
}

/**
 * cp_engagement_set_baseline_from_audit:
 *
 * Sets each audited practice's maturity baseline to where its audit puts
 * it, adding the practice to the maturity scores when it is not there.
 */
gboolean
cp_engagement_set_baseline_from_audit (CpEngagement  *self,
                                       GError       **error)
{
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_free);
  GListModel *items, *scores;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);

  if (!(items = get_list (self, &audit_items, error)) || !(scores = get_list (self, &maturity, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CpAuditItem) item = g_list_model_get_item (items, i);
      const char *practice = cp_audit_item_get_practice (item);

      if (!g_ptr_array_find_with_equal_func (practices, practice, g_str_equal, NULL))
        g_ptr_array_add (practices, g_strdup (practice));
    }

  for (guint p = 0; p < practices->len; p++)
    {
      const char *practice = g_ptr_array_index (practices, p);
      g_autoptr(CpMaturity) score = NULL;
      int level = cp_engagement_get_audit_level (self, practice);
      guint met = 0;
      g_autofree char *evidence = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (scores) && score == NULL; i++)
        {
          g_autoptr(CpMaturity) m = g_list_model_get_item (scores, i);

          if (g_utf8_collate (cp_maturity_get_practice (m), practice) == 0)
            score = g_steal_pointer (&m);
        }
      if (score == NULL && !(score = cp_engagement_add_practice (self, practice, error)))
        return FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CpAuditItem) item = g_list_model_get_item (items, i);

          if (g_utf8_collate (cp_audit_item_get_practice (item), practice) == 0 && cp_audit_item_get_met (item))
            met++;
        }
      /* Translators: a maturity baseline's evidence, as "ITSM audit: 2 of 5 criteria met". */
      evidence = g_strdup_printf (_("ITSM audit: %u of %u criteria met"), met, (guint) G_N_ELEMENTS (audit_criteria));
      cp_maturity_set_baseline (score, level, evidence);
    }

  return cp_store_flush (self->store, error);
}

/**
 * cp_engagement_get_mentorings:
 *
 * Returns: (transfer none) (nullable): who mentors whom, a list of
 *   #CpMentoring
 */
GListModel *
cp_engagement_get_mentorings (CpEngagement  *self,
                              GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return get_list (self, &mentorings, error);
}

/**
 * cp_engagement_add_mentoring:
 * @mentor: who mentors
 *
 * Returns: (transfer full) (nullable): the mentoring, the rest to say
 */
CpMentoring *
cp_engagement_add_mentoring (CpEngagement  *self,
                             const char    *mentor,
                             GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return add (self, &mentorings, mentor, error);
}

/**
 * cp_engagement_add_exit_items_for_roles:
 *
 * Adds, for each workstream whose role no one on the client's staff
 * holds yet, the exit criterion that someone does, unless it is there.
 * One unit of work.
 */
gboolean
cp_engagement_add_exit_items_for_roles (CpEngagement  *self,
                                        GError       **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GListModel *streams;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);

  if (!(streams = get_list (self, &workstreams, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (streams); i++)
    {
      g_autoptr(CpWorkstream) stream = g_list_model_get_item (streams, i);
      g_autofree char *role = g_strstrip (g_strdup (cp_workstream_get_role (stream)));
      g_autofree char *holder = g_strstrip (g_strdup (cp_workstream_get_holder (stream)));

      if (*role == '\0' || *holder != '\0')
        continue;
      /* Translators: an exit criterion, as "Someone on the client’s staff holds the role of incident manager (Incident management)". */
      g_ptr_array_add (texts, g_strdup_printf (_("Someone on the client’s staff holds the role of %s (%s)"),
                                               role, cp_workstream_get_name (stream)));
    }

  return add_missing (self, &exit_items, (const char * const *) texts->pdata, texts->len, exit_text_of, error);
}

/**
 * cp_engagement_is_ready_for_exit:
 *
 * Returns: whether staff run every workstream alone and every exit
 *   criterion (there is at least one) is ticked
 */
gboolean
cp_engagement_is_ready_for_exit (CpEngagement *self)
{
  GListModel *items;
  guint n;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);

  if (!(items = get_list (self, &exit_items, NULL)) || (n = g_list_model_get_n_items (items)) == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpExitItem) item = g_list_model_get_item (items, i);

      if (!cp_exit_item_get_done (item))
        return FALSE;
    }

  return cp_engagement_get_handover (self) >= 1.0;
}

/**
 * cp_engagement_get_contracts:
 *
 * Returns: (transfer none) (nullable): every version of the three-way
 *   contract, a list of #CpContract, the first version first
 */
GListModel *
cp_engagement_get_contracts (CpEngagement  *self,
                             GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return get_list (self, &contracts, error);
}

static void
append_goal (GString    *goal_lines,
             GString    *measure_lines,
             CpGoal     *goal)
{
  const char *unit = cp_goal_get_unit (goal);
  const char *space = *unit && *unit != '%' ? " " : "";
  const char *date = cp_goal_get_target_date (goal);

  if (date != NULL)
    /* Translators: a goal in the contract: its name, the target and its
     * unit, and the date it should be met by. */
    g_string_append_printf (goal_lines, _("- %s: %g%s%s by %s\n"), cp_goal_get_name (goal),
                            cp_goal_get_target_value (goal), space, unit, date);
  else
    g_string_append_printf (goal_lines, "- %s\n", cp_goal_get_name (goal));

  if (cp_goal_get_baseline_date (goal) != NULL)
    /* Translators: a measure in the contract: the goal, its baseline and
     * unit, and the day the baseline was taken. */
    g_string_append_printf (measure_lines, _("- %s, from a baseline of %g%s%s on %s\n"),
                            cp_goal_get_name (goal), cp_goal_get_baseline_value (goal),
                            space, unit, cp_goal_get_baseline_date (goal));
}

/* The first draft starts from what the engagement already holds. */
static void
first_draft (CpEngagement  *self,
             char         **goals_text,
             char         **measures_text,
             char         **roles_text)
{
  g_autoptr(GString) goal_lines = g_string_new (NULL);
  g_autoptr(GString) measure_lines = g_string_new (NULL);
  GListModel *list = get_list (self, &goals, NULL);

  for (guint i = 0; list && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpGoal) goal = g_list_model_get_item (list, i);
      append_goal (goal_lines, measure_lines, goal);
    }

  *goals_text = g_string_free (g_steal_pointer (&goal_lines), FALSE);
  *measures_text = g_string_free (g_steal_pointer (&measure_lines), FALSE);
  *roles_text = g_strdup (_("- The coach coaches and advises; staff do the work and own the processes.\n"
                            "- The client lead leads the programme day to day.\n"
                            "- The sponsor sets the direction, removes obstacles and reviews progress.\n"));
}

/**
 * cp_engagement_get_draft_contract:
 *
 * The version of the contract open for change: the latest if it is not
 * signed yet, else a new version that starts as a copy of it. The first
 * version starts from the engagement's goals, coach and sponsor.
 *
 * Returns: (transfer full) (nullable): the draft
 */
CpContract *
cp_engagement_get_draft_contract (CpEngagement  *self,
                                  GError       **error)
{
  g_autoptr(CpContract) last = NULL;
  g_autoptr(CpContract) draft = NULL;
  g_autofree char *goal_text = NULL;
  g_autofree char *measure_text = NULL;
  g_autofree char *role_text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *list;
  CpStoreUnit *unit;
  guint n;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  if (!(list = get_list (self, &contracts, error)))
    return NULL;

  n = g_list_model_get_n_items (list);
  if (n > 0)
    {
      last = g_list_model_get_item (list, n - 1);
      if (!cp_contract_is_signed (last))
        return g_steal_pointer (&last);
    }
  else
    first_draft (self, &goal_text, &measure_text, &role_text);

  unit = _cp_store_unit_for (CP_SQL_CONTRACT_ADD);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_int64 (unit, last ? cp_contract_get_version (last) + 1 : 1);
  if (last != NULL)
    for (CpContractText t = CP_CONTRACT_GOALS; t < CP_CONTRACT_N_TEXTS; t++)
      _cp_store_unit_bind_text (unit, cp_contract_get_text (last, t));
  else
    {
      _cp_store_unit_bind_text (unit, goal_text);
      _cp_store_unit_bind_text (unit, measure_text);
      _cp_store_unit_bind_text (unit, role_text);
      _cp_store_unit_bind_text (unit, self->text[TEXT_COACH]);
      _cp_store_unit_bind_text (unit, "");
      _cp_store_unit_bind_text (unit, self->text[TEXT_SPONSOR]);
    }

  if (!(rows = _cp_store_unit_commit (self->store, unit, error)))
    return NULL;

  draft = _cp_contract_new_from_row (self->store, _cp_rows_get (rows, 0));
  g_list_store_append (self->contracts, draft);

  return g_steal_pointer (&draft);
}

/**
 * cp_engagement_get_opportunities:
 *
 * Returns: (transfer none) (nullable): the CSI register, a list of
 *   #CpOpportunity in the order of their numbers
 */
GListModel *
cp_engagement_get_opportunities (CpEngagement  *self,
                                 GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return get_list (self, &opportunities, error);
}

/**
 * cp_engagement_add_opportunity:
 * @description: what could be improved
 *
 * Returns: (transfer full) (nullable): a new opportunity in the register,
 *   with the next number, raised today
 */
CpOpportunity *
cp_engagement_add_opportunity (CpEngagement  *self,
                               const char    *description,
                               GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  return add (self, &opportunities, description, error);
}

/**
 * cp_engagement_get_handover:
 *
 * One figure for "can they run it without the coach": each workstream
 * counts 0 while the coach leads, ½ while staff lead with the coach's
 * support and 1 once staff run it alone; the figure is their average.
 *
 * Returns: the handover, 0 to 1, or NAN with no workstreams
 */
double
cp_engagement_get_handover (CpEngagement *self)
{
  GListModel *list;
  double sum = 0;
  guint n;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NAN);

  list = get_list (self, &workstreams, NULL);
  if (list == NULL || (n = g_list_model_get_n_items (list)) == 0)
    return NAN;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpWorkstream) w = g_list_model_get_item (list, i);
      sum += cp_stage_get_share (cp_workstream_get_stage (w));
    }

  return sum / n;
}

/**
 * cp_store_list_open_actions:
 *
 * Every open action of every engagement, the most pressing first: by due
 * date, those without one last. The actions are the engagements' own
 * objects, so ticking one here shows wherever the engagement is open.
 *
 * Returns: (transfer full) (nullable): a list of #CpAction
 */
GListModel *
cp_store_list_open_actions (CpStore  *store,
                            GError  **error)
{
  g_autoptr(GListStore) open = g_list_store_new (CP_TYPE_ACTION);
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  /* Edits typed a moment ago count too. */
  if (!cp_store_flush (store, error) ||
      !(ids = _cp_store_query (store, CP_SQL_OPEN_ACTION_ENGAGEMENTS, 0, error)))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CpEngagement) engagement = NULL;
      GListModel *list;

      if (!(engagement = cp_store_get_engagement (store, _cp_row_int64 (_cp_rows_get (ids, i), 0),
                                                     error)) ||
          !(list = cp_engagement_get_actions (engagement, error)))
        return NULL;

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(CpAction) action = g_list_model_get_item (list, j);

          if (cp_action_get_done (action))
            continue;
          _cp_action_set_engagement_title (action, cp_engagement_get_title (engagement));
          g_list_store_insert_sorted (open, action, _cp_action_compare_due, NULL);
        }
    }

  return G_LIST_MODEL (g_steal_pointer (&open));
}

/**
 * cp_engagement_dup_exit_readiness:
 * @ready: (out) (optional): whether the coach can leave
 *
 * Returns: (transfer full): whether the coach can leave, and why not yet,
 *   in words
 */
char *
cp_engagement_dup_exit_readiness (CpEngagement *self,
                                  gboolean     *ready)
{
  GListModel *items = cp_engagement_get_exit_items (self, NULL);
  guint n = items ? g_list_model_get_n_items (items) : 0, done = 0;
  gboolean can_leave = cp_engagement_is_ready_for_exit (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpExitItem) item = g_list_model_get_item (items, i);

      done += cp_exit_item_get_done (item);
    }

  if (ready != NULL)
    *ready = can_leave;
  if (n == 0)
    return g_strdup (_("Not yet: no criteria agreed"));
  if (can_leave)
    return g_strdup (_("Yes: every criterion is met and staff run every workstream alone"));
  if (done < n)
    /* Translators: criteria of the exit checklist met, of all of them. */
    return g_strdup_printf (_("Not yet: %u of %u criteria met"), done, n);

  return g_strdup (_("Not yet: staff do not run every workstream alone"));
}
