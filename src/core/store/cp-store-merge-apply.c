/* cp-store-merge-apply.c — a merged engagement stored in place of the
 * one here, in one transaction
 *
 * The engagement keeps its row, its number here and whatever is only
 * kept here (whether it is in the bin); everything the repository
 * carries is stored anew from the merge, each record with its id. Notes
 * outside the audience never reach the repository, so the merge cannot
 * see them: they stay as they are, and keep their session, phase and
 * actions wherever those still exist.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-store-folder-import-private.h"
#include "cp-store-merge.h"
#include "cp-store-private.h"

static const char update_engagement[] =
  "UPDATE engagement SET title = ?3, client = ?4, sponsor = ?5, coach = ?6, approach = ?7, "
  "driver = ?8, status = ?9, start_date = ?10, end_date = ?11, created_at = ?12, updated_at = ?13, "
  "scope = ?14 WHERE id = ?1 AND uuid = ?15";

/* Everything the repository carries; phases, checklists, sign-offs,
 * readings, handovers and attendees go with what they are part of.
 */
static const char * const clear_engagement[] = {
  "DELETE FROM action_item WHERE engagement_id = ?1",
  "DELETE FROM opportunity WHERE engagement_id = ?1",
  "DELETE FROM session WHERE engagement_id = ?1",
  "DELETE FROM cycle WHERE engagement_id = ?1",
  "DELETE FROM approach_change WHERE engagement_id = ?1",
  "DELETE FROM stakeholder WHERE engagement_id = ?1",
  "DELETE FROM goal WHERE engagement_id = ?1",
  "DELETE FROM maturity WHERE engagement_id = ?1",
  "DELETE FROM workstream WHERE engagement_id = ?1",
  "DELETE FROM exit_item WHERE engagement_id = ?1",
  "DELETE FROM contract WHERE engagement_id = ?1",
  "DELETE FROM mentoring WHERE engagement_id = ?1",
  "DELETE FROM readiness WHERE engagement_id = ?1",
  "DELETE FROM audit_item WHERE engagement_id = ?1",
};

/* A note kept here only, and what it was linked to. */
typedef struct
{
  char *note;
  char *session;
  char *phase;
  char *action;    /* an action made from it, or NULL */
} Kept;

static void
kept_free (Kept *kept)
{
  g_free (kept->note);
  g_free (kept->session);
  g_free (kept->phase);
  g_free (kept->action);
  g_free (kept);
}

static gboolean
step (CpStore       *store,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _cp_store_set_error (store, error, rc, _("Could not store the merged engagement"));
      return FALSE;
    }

  return TRUE;
}

/* Notes outside @audience, with their links by id. */
static GPtrArray *
find_kept (CpStore      *store,
           gint64        engagement_id,
           CpAudience    audience,
           Snapshot     *result,
           GError      **error)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) kept_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _cp_store_prepare (store,
                                  "SELECT n.uuid, s.uuid, p.uuid, n.visibility, "
                                  "(SELECT a.uuid FROM action_item a WHERE a.note_id = n.id) "
                                  "FROM note n LEFT JOIN session s ON s.id = n.session_id "
                                  "LEFT JOIN phase p ON p.id = n.phase_id "
                                  "WHERE n.engagement_id = ?1 ORDER BY n.id",
                                  error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, engagement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpVisibility visibility;
      Kept *k;

      if (cp_visibility_from_string ((const char *) sqlite3_column_text (stmt, 3), &visibility) &&
          cp_audience_includes (audience, visibility))
        continue;
      /* Widened there since: the merge brings it. */
      if (g_hash_table_contains (result->by_uuid, sqlite3_column_text (stmt, 0)))
        continue;

      k = g_new0 (Kept, 1);
      k->note = _cp_column_dup (stmt, 0);
      k->session = _cp_column_dup (stmt, 1);
      k->phase = _cp_column_dup (stmt, 2);
      k->action = _cp_column_dup (stmt, 4);
      g_ptr_array_add (kept, k);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (store, error, rc, _("Could not read the notes"));
      return NULL;
    }

  return g_steal_pointer (&kept);
}

static gboolean
clear (CpStore     *store,
       gint64       engagement_id,
       GPtrArray   *kept,
       GError     **error)
{
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (clear_engagement); i++)
    {
      if (!(stmt = _cp_store_prepare (store, clear_engagement[i], error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, engagement_id);
      if (!step (store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < kept->len; i++)
    g_hash_table_add (keep, ((Kept *) g_ptr_array_index (kept, i))->note);

  if (!(stmt = _cp_store_prepare (store, "SELECT uuid FROM note WHERE engagement_id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, engagement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!g_hash_table_contains (keep, sqlite3_column_text (stmt, 0)))
      g_ptr_array_add (notes, _cp_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (store, error, rc, _("Could not read the notes"));
      return FALSE;
    }

  for (guint i = 0; i < notes->len; i++)
    {
      if (!(stmt = _cp_store_prepare (store, "DELETE FROM note WHERE uuid = ?1", error)))
        return FALSE;
      _cp_bind_text (stmt, 1, g_ptr_array_index (notes, i));
      if (!step (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
store_note (Import      *im,
            Doc         *doc,
            SnapRecord  *note,
            GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  CpNoteFields fields = { 0 };
  CpStoreUnit *unit;
  char **v = note->values;

  fields.title = v[0];
  fields.tags = v[1];
  if (!v[2] || !cp_visibility_from_string (v[2], &fields.visibility))
    fields.visibility = CP_VISIBILITY_COACH;
  fields.created = v[3];
  fields.updated = v[4];
  fields.body = v[5] ? v[5] : "";
  fields.body_length = strlen (fields.body);
  fields.author = v[8];
  fields.uuid = note->uuid;
  if ((v[6] && !_cp_import_lookup_ref (im, doc, K_SESSION, v[6], 0, &fields.session_id, error)) ||
      (v[7] && !_cp_import_lookup_ref (im, doc, K_PHASE, v[7], 0, &fields.phase_id, error)))
    return FALSE;

  unit = _cp_store_unit_new (_("Could not add the note"), NULL);
  _cp_note_add_to_unit (unit, im->engagement_id, &fields);

  return (rows = _cp_store_unit_run_here (im->store, unit, error)) != NULL &&
         _cp_import_remember_ref (im, doc, K_NOTE, note->uuid, 0,
                                  _cp_row_int64 (_cp_rows_get (rows, 0), 0), error);
}

/* Every record of the merge, rows before the rows that refer to them. */
static gboolean
store_records (Import    *im,
               Snapshot  *result,
               GError   **error)
{
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);

  for (Slot s = 0; s < N_SLOTS; s++)
    {
      const List *list = _cp_snapshot_list (s);
      Doc doc = { (char *) _cp_snapshot_file (s), NULL, 0, 0 };

      g_hash_table_remove_all (positions);
      for (guint i = 0; i < result->records[s]->len; i++)
        {
          SnapRecord *snap = g_ptr_array_index (result->records[s], i);
          gint64 *owner = snap->owner ? g_hash_table_lookup (owners, snap->owner) : NULL;
          char *group = snap->owner ? snap->owner : (char *) "";
          guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, group));
          Record record = { snap->values, NULL, list->n_columns, 0 };
          g_autofree guint *lines = g_new0 (guint, list->n_columns);
          gint64 id;

          record.lines = lines;
          g_hash_table_insert (positions, group, GUINT_TO_POINTER (position + 1));

          if (s == SLOT_NOTE)
            {
              if (!store_note (im, &doc, snap, error))
                return FALSE;
              continue;
            }

          if (!_cp_import_record (im, &doc, list, s == SLOT_ENGAGEMENT ? im->engagement_id
                                                   : owner ? *owner : im->engagement_id,
                                  position, &record, &id, error))
            return FALSE;
          g_hash_table_insert (owners, snap->uuid, _cp_folder_box_id (id));
          if (s == SLOT_PHASE &&
              !_cp_import_remember_ref (im, &doc, K_PHASE, snap->uuid, 0, id, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The notes kept here, linked again to what still exists. */
static gboolean
relink (CpStore     *store,
        gint64       engagement_id,
        GPtrArray   *kept,
        GError     **error)
{
  for (guint i = 0; i < kept->len; i++)
    {
      Kept *k = g_ptr_array_index (kept, i);
      sqlite3_stmt *stmt;

      if (!(stmt = _cp_store_prepare (store,
                                      "UPDATE note SET "
                                      "session_id = (SELECT id FROM session WHERE uuid = ?2 AND engagement_id = ?4), "
                                      "phase_id = (SELECT p.id FROM phase p JOIN cycle c ON c.id = p.cycle_id "
                                      "            WHERE p.uuid = ?3 AND c.engagement_id = ?4) "
                                      "WHERE uuid = ?1",
                                      error)))
        return FALSE;
      _cp_bind_text (stmt, 1, k->note);
      _cp_bind_text (stmt, 2, k->session);
      _cp_bind_text (stmt, 3, k->phase);
      sqlite3_bind_int64 (stmt, 4, engagement_id);
      if (!step (store, stmt, error))
        return FALSE;

      if (k->action == NULL)
        continue;
      if (!(stmt = _cp_store_prepare (store,
                                      "UPDATE action_item SET note_id = (SELECT id FROM note WHERE uuid = ?2) "
                                      "WHERE uuid = ?1 AND note_id IS NULL",
                                      error)))
        return FALSE;
      _cp_bind_text (stmt, 1, k->action);
      _cp_bind_text (stmt, 2, k->note);
      if (!step (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cp_store_apply_merge:
 * @engagement_id: the engagement here that was merged
 * @merge: a merge that holds no conflicts
 * @audience: whose notes the repository carries; the others stay as
 *   they are
 *
 * Stores the merge in place of the engagement, in one transaction: all
 * of it or nothing. An engagement object already loaded is left as it
 * was; cp_store_get_engagement() gives the merged one.
 */
gboolean
cp_store_apply_merge (CpStore     *store,
                      gint64       engagement_id,
                      CpMerge     *merge,
                      CpAudience   audience,
                      GError     **error)
{
  Snapshot *result = _cp_merge_get_result (merge);
  g_autoptr(GPtrArray) kept = NULL;
  Import im = { 0 };
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (cp_merge_get_conflicts (merge)->len == 0, FALSE);

  if (!cp_store_flush (store, error) || !_cp_store_begin (store, error))
    return FALSE;

  im.store = store;
  im.folder = "";
  im.engagement_id = engagement_id;
  im.by_uuid = TRUE;
  im.update = update_engagement;
  for (guint k = 0; k < N_KINDS; k++)
    im.ids[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ok = (kept = find_kept (store, engagement_id, audience, result, error)) != NULL &&
       clear (store, engagement_id, kept, error) &&
       store_records (&im, result, error) &&
       relink (store, engagement_id, kept, error);

  for (guint k = 0; k < N_KINDS; k++)
    g_hash_table_unref (im.ids[k]);

  if (!ok)
    {
      _cp_store_rollback (store);
      return FALSE;
    }

  if (!_cp_store_commit (store, error))
    return FALSE;

  /* Its objects show what was here: whoever shows it reads it again. */
  {
    CpEngagement *live = g_hash_table_lookup (store->engagements, &engagement_id);

    if (live != NULL)
      _cp_store_forget_engagement (store, live);
  }
  _cp_store_engagements_changed (store);

  return TRUE;
}
