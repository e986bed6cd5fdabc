/* cp-store-folder-snapshot.c — an engagement folder read in memory as a
 * snapshot for merging: every record by its id, each reference as the
 * id of what it refers to
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-engagement-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-store-folder-import-private.h"
#include "cp-store-private.h"

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}


static const char *
snapshot_uuid (Import *im,
               gint64  id)
{
  SnapRecord *record = id > 0 && id <= im->snapshot->by_id->len
                       ? g_ptr_array_index (im->snapshot->by_id, id - 1) : NULL;

  return record ? record->uuid : NULL;
}


static char *
collect_attendees (Import      *im,
                   Doc         *doc,
                   const char  *value,
                   guint        line,
                   GError     **error)
{
  g_auto(GStrv) numbers = g_strsplit (value, ",", -1);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();

  for (guint i = 0; numbers[i]; i++)
    {
      gint64 person;

      g_strstrip (numbers[i]);
      if (!_cp_import_lookup_ref (im, doc, K_PERSON, numbers[i], line, &person, error))
        return NULL;
      g_ptr_array_add (uuids, (gpointer) snapshot_uuid (im, person));
    }
  g_ptr_array_sort (uuids, compare_texts);
  g_ptr_array_add (uuids, NULL);

  return g_strjoinv (",", (char **) uuids->pdata);
}


/* Checks one record and adds it to the snapshot, each reference as the
 * id of what it refers to; its place in the snapshot is returned in @id.
 */
gboolean
_cp_import_collect_record (Import      *im,
                Doc         *doc,
                const List  *list,
                gint64       owner,
                Record      *record,
                gint64      *id,
                GError     **error)
{
  g_auto(GStrv) values = g_new0 (char *, list->n_columns + 1);
  const char *uuid = NULL;

  for (guint c = 0; c < list->n_columns; c++)
    {
      const Column *column = &list->columns[c];
      const char *value = record->values[c];
      guint line = record->lines[c] ? record->lines[c] : record->line;
      Value v = { SQLITE_NULL };

      if (column->kind == K_NUMBER)
        continue;
      if (column->kind == K_ATTENDEES)
        {
          if (value != NULL && *value != '\0' &&
              !(values[c] = collect_attendees (im, doc, value, line, error)))
            return FALSE;
          continue;
        }
      if (!_cp_import_check_value (im, doc, column, value, line, &v, error))
        return FALSE;
      if (column->kind == K_UUID)
        uuid = value;
      if (v.type == SQLITE_NULL)
        continue;
      if (IS_REF (column->kind))
        values[c] = g_strdup (snapshot_uuid (im, v.number));
      else if (column->kind == K_DONE)
        values[c] = v.number ? g_strdup ("x") : NULL;
      else if (value != NULL && *value != '\0')
        values[c] = g_strdup (value);
    }

  if (uuid == NULL || _cp_snapshot_get (im->snapshot, uuid) != NULL)
    {
      _cp_folder_doc_error (doc->name, record->line, error,
                            uuid ? _("its id is already used by another record in this folder")
                                 : _("it has no id; export it again with this Coachplan"));
      return FALSE;
    }

  _cp_snapshot_add (im->snapshot, _cp_snapshot_slot_of (list), uuid,
                    owner ? snapshot_uuid (im, owner) : NULL, g_steal_pointer (&values));
  *id = im->snapshot->by_id->len;

  return TRUE;
}


/* A note in the snapshot: its fields as the index and its file give
 * them, the session and the phase as their ids.
 */
gboolean
_cp_import_collect_note (Import              *im,
              Doc                 *doc,
              Record              *record,
              const CpNoteFields  *fields,
              GError             **error)
{
  g_autofree char *name = _cp_folder_note_file_from_cell (record->values[0]);
  char **values = g_new0 (char *, _cp_folder_note_fields_list.n_columns + 1);
  SnapRecord *note;

  if (fields->uuid == NULL || _cp_snapshot_get (im->snapshot, fields->uuid) != NULL)
    {
      g_strfreev (values);
      _cp_folder_doc_error (doc->name, record->line, error,
                            fields->uuid ? _("its id is already used by another record in this folder")
                                         : _("it has no id; export it again with this Coachplan"));
      return FALSE;
    }

  values[0] = g_strdup (fields->title);
  values[1] = g_strdup (fields->tags && *fields->tags ? fields->tags : NULL);
  values[2] = g_strdup (cp_visibility_to_string (fields->visibility));
  values[3] = g_strdup (fields->created);
  values[4] = g_strdup (fields->updated);
  values[5] = g_strndup (fields->body, fields->body_length);
  values[6] = g_strdup (snapshot_uuid (im, fields->session_id));
  values[7] = g_strdup (snapshot_uuid (im, fields->phase_id));
  values[8] = g_strdup (fields->author);
  values[9] = g_strdup (fields->uuid);
  note = _cp_snapshot_add (im->snapshot, SLOT_NOTE, fields->uuid, snapshot_uuid (im, im->engagement_id),
                           values);

  return _cp_import_remember_ref (im, doc, K_NOTE, name, record->line, im->snapshot->by_id->len, error) &&
         note != NULL;
}


/**
 * _cp_folder_read_snapshot:
 * @files: (element-type utf8 GBytes): the folder's files by name, as
 *   "engagement.md" or "notes/NAME.md"
 *
 * Reads an engagement folder in memory as a snapshot for merging,
 * checking it as an import would.
 *
 * Returns: (transfer full) (nullable): the snapshot
 */
Snapshot *
_cp_folder_read_snapshot (GHashTable  *files,
                          GError     **error)
{
  g_autoptr(Snapshot) snapshot = _cp_snapshot_new ();
  Import im = { 0 };
  gboolean ok;

  im.folder = "";
  im.files = files;
  im.snapshot = snapshot;
  for (guint k = 0; k < N_KINDS; k++)
    im.ids[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ok = _cp_import_parts (&im, error);

  for (guint k = 0; k < N_KINDS; k++)
    g_hash_table_unref (im.ids[k]);

  return ok ? g_steal_pointer (&snapshot) : NULL;
}
