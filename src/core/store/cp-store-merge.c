/* cp-store-merge.c — three versions of an engagement folder merged
 * record by record and field by field
 *
 * Each version is read as a snapshot: every record by its stable id,
 * each reference as the id of what it refers to. A record added on
 * either side is kept; one removed on one side and unchanged on the
 * other is removed. A field changed on one side takes that change; one
 * changed alike on both sides takes it once. Long text (the scope, a
 * note's body, the contract's blocks) is merged as text, line by line;
 * lists of people and of tags as sets; "updated" times take the later
 * one. Anything else changed differently on both sides, and a record
 * changed on one side and removed on the other, is a conflict: it is
 * settled by the person's choice or preference, or reported.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-git.h"
#include "cp-notes-io.h"
#include "cp-store-folder-private.h"
#include "cp-store-merge.h"

struct _CpMerge
{
  Snapshot   *base;      /* empty when the two sides share no history */
  Snapshot   *mine;
  Snapshot   *theirs;
  Snapshot   *result;
  GHashTable *choices;   /* key -> "mine" or "theirs" */
  CpMergePrefer prefer;
  GPtrArray  *conflicts; /* CpMergeConflict, unsettled */
};

void
cp_merge_conflict_free (CpMergeConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->key);
  g_free (conflict->file);
  g_free (conflict->record);
  g_free (conflict->field);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict);
}

void
cp_merge_free (CpMerge *merge)
{
  if (merge == NULL)
    return;

  g_clear_pointer (&merge->base, _cp_snapshot_free);
  g_clear_pointer (&merge->mine, _cp_snapshot_free);
  g_clear_pointer (&merge->theirs, _cp_snapshot_free);
  g_clear_pointer (&merge->result, _cp_snapshot_free);
  g_clear_pointer (&merge->choices, g_hash_table_unref);
  g_clear_pointer (&merge->conflicts, g_ptr_array_unref);
  g_free (merge);
}

static const char *
slot_noun (Slot slot)
{
  switch (slot)
    {
    case SLOT_ENGAGEMENT: return _("the engagement");
    case SLOT_PERSON: return _("person");
    case SLOT_STANCE_CHANGE: return _("change of stance");
    case SLOT_MENTORING: return _("mentoring");
    case SLOT_APPROACH_CHANGE: return _("approach change");
    case SLOT_CYCLE: return _("cycle");
    case SLOT_PHASE: return _("phase");
    case SLOT_CHECKLIST: return _("checklist item");
    case SLOT_SIGN_OFF: return _("sign-off");
    case SLOT_SESSION: return _("session");
    case SLOT_NOTE: return _("note");
    case SLOT_OPPORTUNITY: return _("register entry");
    case SLOT_ACTION: return _("action");
    case SLOT_GOAL: return _("goal");
    case SLOT_READING: return _("reading");
    case SLOT_MATURITY: return _("maturity of");
    case SLOT_READINESS: return _("readiness in");
    case SLOT_AUDIT: return _("audit criterion");
    case SLOT_WORKSTREAM: return _("workstream");
    case SLOT_HANDOVER: return _("handover");
    case SLOT_EXIT: return _("exit criterion");
    case SLOT_CONTRACT: return _("contract version");
    case N_SLOTS:
    default:
      g_assert_not_reached ();
    }
}

/* What a record is, in a few words: its kind and its first value that
 * reads as a name.
 */
static char *
describe (const SnapRecord *record)
{
  const List *list = _cp_snapshot_list (record->slot);

  if (record->slot == SLOT_ENGAGEMENT)
    return g_strdup (slot_noun (record->slot));

  for (guint c = 0; c < list->n_columns; c++)
    {
      Kind kind = list->columns[c].kind;
      const char *value = record->values[c];

      if (value == NULL || *value == '\0' ||
          !(kind == K_TEXT || kind == K_NTEXT || kind == K_INT || kind == K_DATE ||
            kind == K_MINUTE || kind == K_BLOCK))
        continue;

      {
        g_autofree char *line = g_strndup (value, strcspn (value, "\n"));

        if (g_utf8_strlen (line, -1) > 60)
          {
            char *cut = g_utf8_offset_to_pointer (line, 59);

            strcpy (cut, "…");
          }
        return g_strdup_printf ("%s “%s”", slot_noun (record->slot), line);
      }
    }

  return g_strdup_printf ("%s %s", slot_noun (record->slot), record->uuid);
}

static gboolean
same (const char *a,
      const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

static gboolean
records_equal (const SnapRecord *a,
               const SnapRecord *b)
{
  const List *list = _cp_snapshot_list (a->slot);

  if (a->slot != b->slot || !same (a->owner, b->owner))
    return FALSE;
  for (guint c = 0; c < list->n_columns; c++)
    if (!same (a->values[c], b->values[c]))
      return FALSE;

  return TRUE;
}

/* A record of @snapshot in @slot, or NULL. */
static SnapRecord *
find (Snapshot   *snapshot,
      Slot        slot,
      const char *uuid)
{
  SnapRecord *record = g_hash_table_lookup (snapshot->by_uuid, uuid);

  return record && record->slot == slot ? record : NULL;
}

/* A value as the person reads it: a reference as what it refers to. */
static char *
display_value (CpMerge      *merge,
               const Column *column,
               const char   *value)
{
  if (value != NULL && IS_REF (column->kind))
    {
      SnapRecord *target = g_hash_table_lookup (merge->mine->by_uuid, value);

      if (target == NULL)
        target = g_hash_table_lookup (merge->theirs->by_uuid, value);
      if (target != NULL)
        return describe (target);
    }

  return g_strdup (value ? value : "");
}

/* Settles a conflict: TRUE for mine. One nobody settled is reported,
 * and mine stands in for it.
 */
static gboolean
settle (CpMerge          *merge,
        const SnapRecord *record,
        const Column     *column,
        char             *mine,
        char             *theirs)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", record->uuid, column ? column->title : "");
  const char *choice = merge->choices ? g_hash_table_lookup (merge->choices, key) : NULL;
  CpMergeConflict *conflict;

  if (g_strcmp0 (choice, "mine") == 0 || (choice == NULL && merge->prefer == CP_MERGE_MINE))
    {
      g_free (mine);
      g_free (theirs);
      return TRUE;
    }
  if (g_strcmp0 (choice, "theirs") == 0 || (choice == NULL && merge->prefer == CP_MERGE_THEIRS))
    {
      g_free (mine);
      g_free (theirs);
      return FALSE;
    }

  conflict = g_new0 (CpMergeConflict, 1);
  conflict->key = g_steal_pointer (&key);
  conflict->file = g_strdup (_cp_snapshot_file (record->slot));
  conflict->record = describe (record);
  conflict->field = column ? g_strdup (column->title) : NULL;
  conflict->mine = mine;
  conflict->theirs = theirs;
  g_ptr_array_add (merge->conflicts, conflict);

  return TRUE;
}

/* Line by line, as git merges text; NULL where both sides changed the
 * same lines.
 */
static char *
merge_text (const char *base,
            const char *mine,
            const char *theirs)
{
  git_merge_file_input ancestor = GIT_MERGE_FILE_INPUT_INIT;
  git_merge_file_input ours = GIT_MERGE_FILE_INPUT_INIT;
  git_merge_file_input others = GIT_MERGE_FILE_INPUT_INIT;
  git_merge_file_result result = { 0 };
  char *merged = NULL;

  ancestor.ptr = base ? base : "";
  ancestor.size = strlen (ancestor.ptr);
  ours.ptr = mine ? mine : "";
  ours.size = strlen (ours.ptr);
  others.ptr = theirs ? theirs : "";
  others.size = strlen (others.ptr);

  cp_git_init ();
  if (git_merge_file (&result, &ancestor, &ours, &others, NULL) == 0 && result.automergeable)
    merged = g_strndup (result.ptr, result.len);
  git_merge_file_result_free (&result);

  return merged;
}

static gboolean
in_set (char       **set,
        const char  *item)
{
  return set != NULL && g_strv_contains ((const char * const *) set, item);
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Comma-separated sets: what either side added stays, what either
 * side removed goes. Never a conflict.
 */
static char *
merge_set (const char *base,
           const char *mine,
           const char *theirs,
           const char *separator)
{
  g_auto(GStrv) b = base ? g_strsplit (base, ",", -1) : NULL;
  g_auto(GStrv) m = mine ? g_strsplit (mine, ",", -1) : NULL;
  g_auto(GStrv) t = theirs ? g_strsplit (theirs, ",", -1) : NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  char **sides[] = { m, t };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; sides[s] && sides[s][i]; i++)
      {
        const char *item = g_strstrip (sides[s][i]);
        gboolean kept = in_set (m, item) && in_set (t, item);

        if (*item == '\0' || in_set ((char **) out->pdata, item))
          continue;
        if (kept || !in_set (b, item))
          {
            g_ptr_array_add (out, (gpointer) item);
            g_ptr_array_add (out, NULL);
            g_ptr_array_remove_index (out, out->len - 1);
          }
      }

  if (out->len == 0)
    return NULL;
  g_ptr_array_sort (out, compare_texts);
  g_ptr_array_add (out, NULL);

  return g_strjoinv (separator, (char **) out->pdata);
}

/* One field of a record both sides have. */
static char *
merge_field (CpMerge          *merge,
             const SnapRecord *record,
             const Column     *column,
             const char       *base,
             const char       *mine,
             const char       *theirs)
{
  if (same (mine, theirs) || same (base, theirs))
    return g_strdup (mine);
  if (same (base, mine))
    return g_strdup (theirs);

  /* Changed differently on both sides. */
  if (column->kind == K_ATTENDEES)
    return merge_set (base, mine, theirs, ",");
  if (record->slot == SLOT_NOTE && g_str_equal (column->title, "Tags"))
    return merge_set (base, mine, theirs, ",");
  if (column->kind == K_STAMP && g_ascii_strcasecmp (column->title, "updated") == 0)
    return g_strdup (g_strcmp0 (mine, theirs) > 0 ? mine : theirs);
  if (column->kind == K_BLOCK)
    {
      char *merged = merge_text (base, mine, theirs);

      if (merged != NULL)
        return merged;
    }

  return g_strdup (settle (merge, record, column, display_value (merge, column, mine),
                           display_value (merge, column, theirs))
                   ? mine : theirs);
}

/* A record both sides have, field by field. */
static char **
merge_values (CpMerge          *merge,
              const SnapRecord *base,
              const SnapRecord *mine,
              const SnapRecord *theirs)
{
  const List *list = _cp_snapshot_list (mine->slot);
  char **values = g_new0 (char *, list->n_columns + 1);

  for (guint c = 0; c < list->n_columns; c++)
    values[c] = merge_field (merge, mine, &list->columns[c], base ? base->values[c] : NULL,
                             mine->values[c], theirs->values[c]);

  return values;
}

static char **
copy_values (const SnapRecord *record)
{
  const List *list = _cp_snapshot_list (record->slot);
  char **values = g_new0 (char *, list->n_columns + 1);

  for (guint c = 0; c < list->n_columns; c++)
    values[c] = g_strdup (record->values[c]);

  return values;
}

/* Whether @side keeps the records it shares with @base in their order. */
static gboolean
kept_order (GPtrArray *base,
            Snapshot  *base_snapshot,
            GPtrArray *side,
            Snapshot  *side_snapshot)
{
  guint i = 0, j = 0;

  for (;;)
    {
      while (i < base->len &&
             !g_hash_table_contains (side_snapshot->by_uuid,
                                     ((SnapRecord *) g_ptr_array_index (base, i))->uuid))
        i++;
      while (j < side->len &&
             !g_hash_table_contains (base_snapshot->by_uuid,
                                     ((SnapRecord *) g_ptr_array_index (side, j))->uuid))
        j++;
      if (i == base->len || j == side->len)
        return i == base->len && j == side->len;
      if (g_ptr_array_index (base, i) == NULL ||
          strcmp (((SnapRecord *) g_ptr_array_index (base, i))->uuid,
                  ((SnapRecord *) g_ptr_array_index (side, j))->uuid) != 0)
        return FALSE;
      i++;
      j++;
    }
}

static int
index_of (GPtrArray  *uuids,
          const char *uuid)
{
  for (guint i = 0; i < uuids->len; i++)
    if (strcmp (g_ptr_array_index (uuids, i), uuid) == 0)
      return i;

  return -1;
}

/* The order of a slot's records: that of the side that reordered them
 * (mine if both did), with what the other side added after what came
 * before it there.
 */
static GPtrArray *
merged_order (CpMerge *merge,
              Slot     slot)
{
  GPtrArray *b = merge->base->records[slot];
  GPtrArray *m = merge->mine->records[slot];
  GPtrArray *t = merge->theirs->records[slot];
  gboolean mine_moved = !kept_order (b, merge->base, m, merge->mine);
  GPtrArray *skeleton = mine_moved ? m : t;
  GPtrArray *other = mine_moved ? t : m;
  Snapshot *other_snapshot = mine_moved ? merge->theirs : merge->mine;
  GPtrArray *order = g_ptr_array_new ();

  for (guint i = 0; i < skeleton->len; i++)
    g_ptr_array_add (order, ((SnapRecord *) g_ptr_array_index (skeleton, i))->uuid);

  for (guint i = 0; i < other->len; i++)
    {
      const char *uuid = ((SnapRecord *) g_ptr_array_index (other, i))->uuid;
      guint at = 0;

      if (index_of (order, uuid) >= 0)
        continue;

      for (guint k = i; k-- > 0;)
        {
          int found = index_of (order, ((SnapRecord *) g_ptr_array_index (other, k))->uuid);

          if (found >= 0)
            {
              at = found + 1;
              break;
            }
        }
      /* After the skeleton's own additions there. */
      while (at < order->len &&
             !g_hash_table_contains (merge->base->by_uuid, g_ptr_array_index (order, at)) &&
             !g_hash_table_contains (other_snapshot->by_uuid, g_ptr_array_index (order, at)))
        at++;
      g_ptr_array_insert (order, at, (gpointer) uuid);
    }

  return order;
}

/* Whether a record of the result still has what it is part of and
 * what it must refer to; a reference to a record gone is dropped.
 */
static gboolean
still_whole (CpMerge *merge,
             Slot     slot,
             char    *owner,
             char   **values)
{
  const List *list = _cp_snapshot_list (slot);

  if (owner != NULL && !g_hash_table_contains (merge->result->by_uuid, owner))
    return FALSE;

  for (guint c = 0; c < list->n_columns; c++)
    {
      if (values[c] == NULL)
        continue;
      if (list->columns[c].kind == K_ATTENDEES)
        {
          g_auto(GStrv) people = g_strsplit (values[c], ",", -1);
          g_autoptr(GPtrArray) here = g_ptr_array_new ();

          for (guint i = 0; people[i]; i++)
            if (g_hash_table_contains (merge->result->by_uuid, people[i]))
              g_ptr_array_add (here, people[i]);
          g_ptr_array_add (here, NULL);
          g_free (values[c]);
          values[c] = here->len > 1 ? g_strjoinv (",", (char **) here->pdata) : NULL;
        }
      else if (IS_REF (list->columns[c].kind) &&
               !g_hash_table_contains (merge->result->by_uuid, values[c]))
        {
          if (list->columns[c].required)
            return FALSE;
          g_clear_pointer (&values[c], g_free);
        }
    }

  return TRUE;
}

static void
merge_slot (CpMerge *merge,
            Slot     slot)
{
  g_autoptr(GPtrArray) order = merged_order (merge, slot);

  for (guint i = 0; i < order->len; i++)
    {
      const char *uuid = g_ptr_array_index (order, i);
      SnapRecord *b = find (merge->base, slot, uuid);
      SnapRecord *m = find (merge->mine, slot, uuid);
      SnapRecord *t = find (merge->theirs, slot, uuid);
      const SnapRecord *kept = NULL;
      char **values = NULL;
      char *owner;

      if (m != NULL && t != NULL)
        {
          values = merge_values (merge, b, m, t);
          owner = (char *) (same (m->owner, b ? b->owner : NULL) ? t->owner : m->owner);
        }
      else
        {
          const SnapRecord *present = m ? m : t;

          /* Added on one side; or removed on one side, unchanged on the
           * other; or changed on one side and removed on the other.
           */
          if (b == NULL)
            kept = present;
          else if (!records_equal (b, present) &&
                   settle (merge, present, NULL,
                           m ? g_strdup (_("changed")) : NULL,
                           t ? g_strdup (_("changed")) : NULL) == (m != NULL))
            kept = present;
          if (kept == NULL)
            continue;
          values = copy_values (kept);
          owner = kept->owner;
        }

      if (!still_whole (merge, slot, owner, values))
        {
          g_strfreev (values);
          continue;
        }
      _cp_snapshot_add (merge->result, slot, uuid, owner, values);
    }
}

/* Numbers that must be one of a kind (cycles, register entries, contract
 * versions) and were taken on both sides: what came from here moves on
 * to the next free number.
 */
static void
renumber (CpMerge    *merge,
          Slot        slot,
          const char *title)
{
  GPtrArray *records = merge->result->records[slot];
  int c = _cp_folder_find_column (_cp_snapshot_list (slot), title);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 highest = 0;

  g_assert (c >= 0);
  for (guint i = 0; i < records->len; i++)
    {
      SnapRecord *record = g_ptr_array_index (records, i);

      highest = MAX (highest, g_ascii_strtoll (record->values[c] ? record->values[c] : "0", NULL, 10));
      if (find (merge->theirs, slot, record->uuid) && record->values[c])
        g_hash_table_add (taken, record->values[c]);
    }

  for (guint i = 0; i < records->len; i++)
    {
      SnapRecord *record = g_ptr_array_index (records, i);

      if (find (merge->theirs, slot, record->uuid) || record->values[c] == NULL)
        continue;
      if (g_hash_table_contains (taken, record->values[c]))
        {
          g_free (record->values[c]);
          record->values[c] = g_strdup_printf ("%" G_GINT64_FORMAT, ++highest);
        }
      g_hash_table_add (taken, record->values[c]);
    }
}

static Snapshot *
read_side (GHashTable  *files,
           const char  *side,
           GError     **error)
{
  g_autoptr(GError) local = NULL;
  Snapshot *snapshot;

  if (files == NULL)
    return _cp_snapshot_new ();

  if (!(snapshot = _cp_folder_read_snapshot (files, &local)))
    /* Translators: %s is "here" or "in the repository"; then the reason. */
    g_set_error (error, local->domain, local->code, _("The engagement %s cannot be read: %s"),
                 side, local->message);

  return snapshot;
}

/**
 * cp_merge_new:
 * @base: (nullable) (element-type utf8 GBytes): the folder as last
 *   synced, by file name; NULL when the sides share no history
 * @mine: (element-type utf8 GBytes): the folder as it is here
 * @theirs: (element-type utf8 GBytes): the folder as it is there
 * @choices: (nullable) (element-type utf8 utf8): conflicts settled by
 *   the person, by key: "mine" or "theirs"
 * @prefer: how conflicts without a choice are settled
 *
 * Merges the three versions of an engagement folder. The result may
 * still hold conflicts (cp_merge_get_conflicts()); it can be stored only
 * once it holds none.
 *
 * Returns: (transfer full) (nullable): the merge, or NULL when a version
 *   cannot be read
 */
CpMerge *
cp_merge_new (GHashTable     *base,
              GHashTable     *mine,
              GHashTable     *theirs,
              GHashTable     *choices,
              CpMergePrefer   prefer,
              GError        **error)
{
  g_autoptr(CpMerge) merge = g_new0 (CpMerge, 1);

  g_return_val_if_fail (mine != NULL && theirs != NULL, NULL);

  merge->prefer = prefer;
  merge->choices = choices ? g_hash_table_ref (choices) : NULL;
  merge->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_merge_conflict_free);
  merge->result = _cp_snapshot_new ();

  if (!(merge->mine = read_side (mine, _("here"), error)) ||
      !(merge->theirs = read_side (theirs, _("in the repository"), error)) ||
      !(merge->base = read_side (base, _("as last synced"), error)))
    return NULL;

  if (merge->mine->records[SLOT_ENGAGEMENT]->len != 1 ||
      merge->theirs->records[SLOT_ENGAGEMENT]->len != 1 ||
      g_strcmp0 (((SnapRecord *) g_ptr_array_index (merge->mine->records[SLOT_ENGAGEMENT], 0))->uuid,
                 ((SnapRecord *) g_ptr_array_index (merge->theirs->records[SLOT_ENGAGEMENT], 0))->uuid) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The repository holds another engagement under this one’s id"));
      return NULL;
    }

  for (Slot s = 0; s < N_SLOTS; s++)
    merge_slot (merge, s);
  renumber (merge, SLOT_CYCLE, "Number");
  renumber (merge, SLOT_OPPORTUNITY, "No");
  renumber (merge, SLOT_CONTRACT, "Version");

  return g_steal_pointer (&merge);
}

/**
 * cp_merge_get_conflicts:
 *
 * Returns: (transfer none) (element-type CpMergeConflict): the conflicts
 *   nobody settled
 */
GPtrArray *
cp_merge_get_conflicts (CpMerge *merge)
{
  return merge->conflicts;
}

/* Whether storing the result would change anything here. */
gboolean
cp_merge_changes_mine (CpMerge *merge)
{
  for (Slot s = 0; s < N_SLOTS; s++)
    {
      GPtrArray *a = merge->result->records[s];
      GPtrArray *b = merge->mine->records[s];

      if (a->len != b->len)
        return TRUE;
      for (guint i = 0; i < a->len; i++)
        if (!records_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) ||
            strcmp (((SnapRecord *) g_ptr_array_index (a, i))->uuid,
                    ((SnapRecord *) g_ptr_array_index (b, i))->uuid) != 0)
          return TRUE;
    }

  return FALSE;
}

Snapshot *
_cp_merge_get_result (CpMerge *merge)
{
  return merge->result;
}

/**
 * cp_merge_files_table:
 * @files: (element-type CpExportFile): an engagement's folder, as an
 *   export renders it
 *
 * Returns: (transfer full) (element-type utf8 GBytes): the same files by
 *   name, for cp_merge_new()
 */
GHashTable *
cp_merge_files_table (GPtrArray *files)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);

  for (guint i = 0; i < files->len; i++)
    {
      CpExportFile *file = g_ptr_array_index (files, i);

      g_hash_table_insert (table, g_strdup (file->name), g_bytes_new (file->contents, file->length));
    }

  return table;
}
