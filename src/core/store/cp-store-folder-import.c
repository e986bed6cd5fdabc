/* cp-store-folder-import.c — an engagement folder added as a new engagement
 *
 * Adds the engagement in one transaction: all of it or, if any line is
 * wrong, nothing — and the message names the file and the line.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-engagement-io"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-store-folder-import-private.h"
#include "cp-engagement-io.h"
#include "cp-file.h"
#include "cp-markdown.h"
#include "cp-note-private.h"
#include "cp-notes-io.h"
#include "cp-notes-io-private.h"
#include "cp-session.h"
#include "cp-store-private.h"


static gboolean
insert_attendees (Import      *im,
                  Doc         *doc,
                  gint64       session,
                  const char  *value,
                  guint        line,
                  GError     **error)
{
  g_auto(GStrv) numbers = NULL;

  if (value == NULL || *value == '\0')
    return TRUE;

  numbers = g_strsplit (value, ",", -1);
  for (guint i = 0; numbers[i]; i++)
    {
      sqlite3_stmt *stmt;
      gint64 person;
      int rc;

      g_strstrip (numbers[i]);
      if (!_cp_import_lookup_ref (im, doc, K_PERSON, numbers[i], line, &person, error) ||
          !(stmt = _cp_store_prepare (im->store,
                                      "INSERT OR IGNORE INTO session_attendee "
                                      "(session_id, stakeholder_id) "
                                      "VALUES (?1, ?2)",
                                      error)))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, session);
      sqlite3_bind_int64 (stmt, 2, person);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _cp_store_set_error (im->store, error, rc, _("Could not import the engagement"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean store_record (Import *im, Doc *doc, const List *list, gint64 owner,
                              guint position, Record *record, gint64 *id, GError **error);

/* Inserts one record of @list; its id is returned in @id. */
gboolean
_cp_import_record (Import      *im,
               Doc         *doc,
               const List  *list,
               gint64       owner,
               guint        position,
               Record      *record,
               gint64      *id,
               GError     **error)
{
  /* A number others refer to is used once; said before the database
   * says it in its own words.
   */
  for (guint c = 0; c < list->n_columns && !im->by_uuid; c++)
    {
      const Column *column = &list->columns[c];

      if (list->ref_kind != N_KINDS && column->ref && record->values[c] != NULL &&
          g_hash_table_contains (im->ids[list->ref_kind], record->values[c]))
        {
          _cp_folder_doc_error (doc->name, record->lines[c] ? record->lines[c] : record->line, error,
                                _("“%s” %s is used twice"), column->title, record->values[c]);
          return FALSE;
        }
    }

  if (im->snapshot != NULL)
    {
      if (!_cp_import_collect_record (im, doc, list, owner, record, id, error))
        return FALSE;
    }
  else if (!store_record (im, doc, list, owner, position, record, id, error))
    return FALSE;

  for (guint c = 0; c < list->n_columns; c++)
    {
      const Column *column = &list->columns[c];

      /* Stored from a snapshot, rows are referred to by their ids. */
      if (im->by_uuid && list->ref_kind != N_KINDS && column->kind == K_UUID &&
          !_cp_import_remember_ref (im, doc, list->ref_kind, record->values[c], record->line, *id,
                                    error))
        return FALSE;
      if (!im->by_uuid && list->ref_kind != N_KINDS && (column->kind == K_NUMBER || column->ref) &&
          !_cp_import_remember_ref (im, doc, list->ref_kind, record->values[c], record->line, *id, error))
        return FALSE;
      if (column->kind == K_ATTENDEES && im->snapshot == NULL &&
          !insert_attendees (im, doc, *id, record->values[c], record->lines[c], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
store_record (Import      *im,
              Doc         *doc,
              const List  *list,
              gint64       owner,
              guint        position,
              Record      *record,
              gint64      *id,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int param = 3;
  int rc;

  if (!(stmt = _cp_store_prepare (im->store, im->update && list == &_cp_folder_engagement_list
                                              ? im->update : list->insert, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, owner);
  sqlite3_bind_int (stmt, 2, position);
  for (guint c = 0; c < list->n_columns; c++)
    {
      const Column *column = &list->columns[c];

      if (column->kind == K_NUMBER || column->kind == K_ATTENDEES)
        continue;
      if (!_cp_import_bind_value (im, doc, stmt,
                       column->kind == K_UUID ? sqlite3_bind_parameter_count (stmt) : param++,
                       column, record->values[c],
                       record->lines[c] ? record->lines[c] : record->line, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autoptr(GError) local = NULL;

      /* A rule of the database the checks above do not know: its own
       * words name the column.
       */
      if ((rc & 0xff) == SQLITE_CONSTRAINT && g_str_has_suffix (sqlite3_errmsg (im->store->db), ".uuid"))
        _cp_folder_doc_error (doc->name, record->line, error,
                              _("its id is already used by another record in this database"));
      else if ((rc & 0xff) == SQLITE_CONSTRAINT)
        _cp_folder_doc_error (doc->name, record->line, error, _("this row breaks a rule: %s"),
                              sqlite3_errmsg (im->store->db));
      else
        {
          _cp_store_set_error (im->store, &local, rc, _("could not be stored"));
          _cp_folder_doc_error (doc->name, record->line, error, "%s", local->message);
        }
      return FALSE;
    }

  *id = im->update && list == &_cp_folder_engagement_list ? owner : _cp_store_last_insert_id (im->store);

  return TRUE;
}

static gboolean
insert_records (Import      *im,
                Doc         *doc,
                const List  *list,
                gint64       owner,
                GPtrArray   *records,
                GError     **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      gint64 id;

      if (!_cp_import_record (im, doc, list, owner, i, g_ptr_array_index (records, i), &id, error))
        return FALSE;
    }

  return TRUE;
}

/* A file of the folder in memory; a missing one reads as empty. */
static char *
part_from_memory (Import      *im,
                  const char  *name,
                  gsize       *length,
                  gboolean    *missing)
{
  GBytes *bytes = g_hash_table_lookup (im->files, name);
  char *text;

  *missing = bytes == NULL;
  *length = bytes ? g_bytes_get_size (bytes) : 0;
  text = g_malloc (*length + 1);
  if (bytes != NULL)
    memcpy (text, g_bytes_get_data (bytes, NULL), *length);
  text[*length] = '\0';

  return text;
}

/* A link, a pipe or anything but a plain file is refused before it is
 * read.
 */
static char *
part_from_folder (Import       *im,
                  const char   *name,
                  gsize        *length,
                  gboolean     *missing,
                  GError      **error)
{
  g_autofree char *path = g_build_filename (im->folder, name, NULL);
  g_autoptr(GError) local = NULL;
  char *text = NULL;

  if (!cp_file_check_regular (path, FALSE, missing, &local) ||
      (!*missing && !(text = cp_file_read (path, PART_MAX_BYTES, CP_FILE_READ_NO_FOLLOW, length,
                                           &local))))
    {
      _cp_folder_doc_error (name, 0, error, "%s", local->message);
      return NULL;
    }

  if (*missing)
    {
      *length = 0;
      return g_strdup ("");
    }

  return text;
}

/* Reads a file of the folder whole, checked as text. A missing file
 * reads as empty, and @missing says so.
 */
static char *
read_part (Import       *im,
           const char   *name,
           gsize        *length,
           gboolean     *missing,
           GError      **error)
{
  char *text = im->files ? part_from_memory (im, name, length, missing)
                         : part_from_folder (im, name, length, missing, error);

  if (text != NULL && (memchr (text, '\0', *length) != NULL || !g_utf8_validate (text, *length, NULL)))
    {
      _cp_folder_doc_error (name, 0, error, _("not UTF-8 text"));
      g_free (text);
      return NULL;
    }

  return text;
}

static Doc *
read_doc (Import      *im,
          const char  *name,
          GError     **error)
{
  g_autofree char *text = NULL;
  gboolean missing;
  gsize length;

  if (!(text = read_part (im, name, &length, &missing, error)))
    return NULL;

  return _cp_folder_doc_parse (name, text, length, error);
}

static gboolean
import_simple (Import        *im,
               const Simple  *simple,
               GError       **error)
{
  g_autoptr(Doc) doc = read_doc (im, simple->name, error);

  if (doc == NULL)
    return FALSE;
  if (doc->blocks->len == 0)
    return TRUE;

  if (!_cp_folder_doc_expect_heading (doc, 1, NULL, simple->title, error))
    return FALSE;

  for (guint i = 0; i < simple->n_parts; i++)
    {
      const Part *part = &simple->parts[i];
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *example = g_strdup_printf ("## %s", part->heading ? part->heading : "");

      if (part->heading && !_cp_folder_doc_expect_heading (doc, 2, part->heading, example, error))
        return FALSE;
      if (!(records = _cp_folder_read_records (doc, part->list, part->shape, error)) ||
          !insert_records (im, doc, part->list, im->engagement_id, records, error))
        return FALSE;
    }

  return _cp_folder_doc_expect_end (doc, error);
}

static gboolean
import_engagement (Import      *im,
                   GError     **error)
{
  const List *list = &_cp_folder_engagement_list;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(Record) record = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean has_format = FALSE;
  gboolean has_version = FALSE;
  gboolean missing;
  gsize length, body;
  guint bad_line;

  if (!(text = read_part (im, ENGAGEMENT_FILE, &length, &missing, error)))
    return FALSE;

  if (missing)
    {
      g_autofree char *display = g_filename_display_name (im->folder);

      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("“%s” is not an engagement folder: it has no %s"), display, ENGAGEMENT_FILE);
      return FALSE;
    }

  if (!(fields = _cp_front_matter_read (text, length, &body, &bad_line)))
    {
      _cp_folder_doc_error (ENGAGEMENT_FILE, MAX (bad_line, 1), error,
                            bad_line ? _("this line of the front matter is not “key: value”")
                          : _("the file must start with front matter between “---” lines"));
      return FALSE;
    }

  record = _cp_folder_record_new (list, 1);
  for (guint i = 0; i < fields->len; i++)
    {
      CpFrontMatterField *field = g_ptr_array_index (fields, i);
      const char *value = field->value ? field->value : "";
      int c;

      if (field->list != NULL && field->list[0] != NULL)
        {
          _cp_folder_doc_error (ENGAGEMENT_FILE, field->line, error, _("“%s” takes one value"),
                                field->key);
          return FALSE;
        }

      if (!g_hash_table_add (seen, field->key))
        {
          _cp_folder_doc_error (ENGAGEMENT_FILE, field->line, error, _("“%s” is given twice"),
                                field->key);
          return FALSE;
        }

      if (g_str_equal (field->key, "format"))
        {
          if (!g_str_equal (value, FORMAT_NAME))
            {
              _cp_folder_doc_error (ENGAGEMENT_FILE, field->line, error,
                                    _("this is not a Coachplan engagement (format “%s”)"), value);
              return FALSE;
            }
          has_format = TRUE;
          continue;
        }

      if (g_str_equal (field->key, "format-version"))
        {
          gint64 version;

          if (!g_ascii_string_to_signed (value, 10, 1, G_MAXINT32, &version, NULL))
            {
              _cp_folder_doc_error (ENGAGEMENT_FILE, field->line, error,
                                    _("“%s” is not a format version"), value);
              return FALSE;
            }
          if (version > CP_ENGAGEMENT_FORMAT_VERSION)
            {
              g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NEWER_VERSION,
                           _("%s, line %u: written by a newer Coachplan (format version %d; "
                             "this one reads up to %d)"),
                           ENGAGEMENT_FILE, field->line, (int) version, CP_ENGAGEMENT_FORMAT_VERSION);
              return FALSE;
            }
          has_version = TRUE;
          continue;
        }

      c = _cp_folder_find_column (list, field->key);
      if (c < 0 || list->columns[c].kind == K_BLOCK)
        {
          _cp_folder_doc_error (ENGAGEMENT_FILE, field->line, error, _("“%s” is not a field here"),
                                field->key);
          return FALSE;
        }
      g_free (record->values[c]);
      record->values[c] = g_strdup (value);
      record->lines[c] = field->line;
    }

  if (!has_format)
    {
      _cp_folder_doc_error (ENGAGEMENT_FILE, 1, error, _("the front matter has no “format: %s”"),
                            FORMAT_NAME);
      return FALSE;
    }

  if (!has_version)
    {
      _cp_folder_doc_error (ENGAGEMENT_FILE, 1, error,
                            _("the front matter has no “format-version”, so it cannot be read safely"));
      return FALSE;
    }

  /* The scope, as written. */
  record->values[list->n_columns - 1] = g_strndup (text + body, length - body);

  /* An engagement whose id is here already comes in as a copy, every
   * record with an id of its own; otherwise every record keeps its id.
   */
  {
    int c = _cp_folder_find_column (list, "id");
    const char *id = record->values[c];
    sqlite3_stmt *stmt;

    if (id != NULL && *id != '\0' && im->snapshot == NULL)
      {
        if (!(stmt = _cp_store_prepare (im->store, "SELECT 1 FROM engagement WHERE uuid = ?1", error)))
          return FALSE;
        _cp_bind_text (stmt, 1, id);
        im->fresh_ids = sqlite3_step (stmt) == SQLITE_ROW;
        sqlite3_reset (stmt);
      }
  }

  {
    Doc doc = { (char *) ENGAGEMENT_FILE, NULL, 0, 0 };

    return _cp_import_record (im, &doc, list, 0, 0, record, &im->engagement_id, error);
  }
}

static gboolean
import_csip (Import   *im,
             GError  **error)
{
  g_autoptr(Doc) doc = read_doc (im, CSIP_FILE, error);
  g_autoptr(GPtrArray) changes = NULL;

  if (doc == NULL)
    return FALSE;
  if (doc->blocks->len == 0)
    return TRUE;

  if (!_cp_folder_doc_expect_heading (doc, 1, NULL, "# Improvement plan", error) ||
      !_cp_folder_doc_expect_heading (doc, 2, "Approach changes", "## Approach changes", error) ||
      !(changes = _cp_folder_read_records (doc, &_cp_folder_approach_change_list, SHAPE_TABLE,
                                           error)) ||
      !insert_records (im, doc, &_cp_folder_approach_change_list, im->engagement_id, changes, error))
    return FALSE;

  while (_cp_folder_doc_at_heading (doc, 2, "Cycle"))
    {
      g_autoptr(Record) cycle = NULL;
      gint64 cycle_id;
      guint n_phases = 0;

      doc->next++;
      if (!(cycle = _cp_folder_read_fields (doc, &_cp_folder_cycle_list, 2, error)) ||
          !_cp_import_record (im, doc, &_cp_folder_cycle_list, im->engagement_id, 0, cycle, &cycle_id,
                          error))
        return FALSE;

      while (_cp_folder_doc_at_heading (doc, 3, "Phase"))
        {
          g_autoptr(Record) phase = NULL;
          g_autoptr(GPtrArray) items = NULL;
          g_autoptr(GPtrArray) sign_offs = NULL;
          g_autofree char *ref = NULL;
          gint64 phase_id;

          doc->next++;
          if (!(phase = _cp_folder_read_fields (doc, &_cp_folder_phase_list, 3, error)) ||
              !_cp_import_record (im, doc, &_cp_folder_phase_list, cycle_id, n_phases, phase, &phase_id,
                              error))
            return FALSE;

          ref = g_strdup_printf ("%s.%u", cycle->values[0], ++n_phases);
          if (!_cp_import_remember_ref (im, doc, K_PHASE, ref, phase->line, phase_id, error) ||
              !_cp_folder_doc_expect_heading (doc, 4, "Review checklist", "#### Review checklist",
                                              error) ||
              !(items = _cp_folder_read_records (doc, &_cp_folder_checklist_list, SHAPE_TASKS,
                                                 error)) ||
              !insert_records (im, doc, &_cp_folder_checklist_list, phase_id, items, error) ||
              !_cp_folder_doc_expect_heading (doc, 4, "Sign-offs", "#### Sign-offs", error) ||
              !(sign_offs = _cp_folder_read_records (doc, &_cp_folder_sign_off_list, SHAPE_TABLE,
                                                     error)) ||
              !insert_records (im, doc, &_cp_folder_sign_off_list, phase_id, sign_offs, error))
            return FALSE;
        }
    }

  return _cp_folder_doc_expect_end (doc, error);
}

static gboolean
import_contract (Import   *im,
                 GError  **error)
{
  g_autoptr(Doc) doc = read_doc (im, CONTRACT_FILE, error);

  if (doc == NULL)
    return FALSE;
  if (doc->blocks->len == 0)
    return TRUE;

  if (!_cp_folder_doc_expect_heading (doc, 1, NULL, "# Contract", error))
    return FALSE;

  while (_cp_folder_doc_at_heading (doc, 2, "Version"))
    {
      g_autoptr(Record) version = NULL;
      gint64 id;

      doc->next++;
      if (!(version = _cp_folder_read_fields (doc, &_cp_folder_contract_list, 2, error)) ||
          !_cp_import_record (im, doc, &_cp_folder_contract_list, im->engagement_id, 0, version, &id,
                          error))
        return FALSE;
    }

  return _cp_folder_doc_expect_end (doc, error);
}

static gboolean
note_id_taken (Import     *im,
               const char *uuid)
{
  sqlite3_stmt *stmt = _cp_store_prepare (im->store, "SELECT 1 FROM note WHERE uuid = ?1", NULL);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  _cp_bind_text (stmt, 1, uuid);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return taken;
}

/* The .md files in notes/, by name. The folder must be a real one: a
 * link could lead anywhere.
 */
static GHashTable *
notes_folder_files (Import   *im,
                    GError  **error)
{
  g_autofree char *path = g_build_filename (im->folder, NOTES_FOLDER, NULL);
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local = NULL;
  const char *name;
  GStatBuf st;

  if (im->files != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, im->files);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (g_str_has_prefix (key, NOTES_FOLDER "/") && g_str_has_suffix (key, ".md"))
          g_hash_table_add (files, g_strdup ((char *) key + strlen (NOTES_FOLDER "/")));
      return g_steal_pointer (&files);
    }

  if (g_lstat (path, &st) != 0)
    {
      int errsv = errno;

      if (errsv == ENOENT)
        return g_steal_pointer (&files);
      cp_file_set_io_error (&local, errsv, FALSE, path);
      _cp_folder_doc_error (NOTES_FOLDER, 0, error, "%s", local->message);
      return NULL;
    }

  if (!S_ISDIR (st.st_mode))
    {
      _cp_folder_doc_error (NOTES_FOLDER, 0, error, _("this is %s, not a folder; links are not followed"),
                            cp_file_describe_mode (st.st_mode));
      return NULL;
    }

  if (!(dir = g_dir_open (path, 0, &local)))
    {
      _cp_folder_doc_error (NOTES_FOLDER, 0, error, "%s", local->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".md"))
      g_hash_table_add (files, g_strdup (name));

  return g_steal_pointer (&files);
}

static gboolean
import_notes (Import   *im,
              GError  **error)
{
  g_autoptr(Doc) doc = read_doc (im, _cp_folder_notes_file.name, error);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer file;

  if (doc == NULL || !(files = notes_folder_files (im, error)))
    return FALSE;

  if (doc->blocks->len == 0)
    records = g_ptr_array_new ();
  else if (!_cp_folder_doc_expect_heading (doc, 1, NULL, "# Notes", error) ||
           !(records = _cp_folder_read_records (doc, &_cp_folder_note_list, SHAPE_TABLE, error)) ||
           !_cp_folder_doc_expect_end (doc, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);
      g_autofree char *name = _cp_folder_note_file_from_cell (record->values[0] ? record->values[0] : "");
      g_autofree char *part = g_build_filename (NOTES_FOLDER, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *title = NULL;
      g_autofree char *tags = NULL;
      g_autoptr(CpFrontMatter) front_matter = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      CpStoreUnit *unit;
      CpNoteFields fields = { 0 };
      gboolean missing;
      gsize length, body = 0;

      if (*name == '\0' || strchr (name, '/') != NULL || strchr (name, '\\') != NULL ||
          name[0] == '.' || !g_str_has_suffix (name, ".md"))
        {
          _cp_folder_doc_error (doc->name, record->line, error,
                                _("“%s” is not the name of a note file in %s/"),
                                name, NOTES_FOLDER);
          return FALSE;
        }

      if (!(text = read_part (im, part, &length, &missing, error)))
        return FALSE;
      if (missing)
        {
          _cp_folder_doc_error (doc->name, record->line, error, _("the note file %s is missing"),
                                part);
          return FALSE;
        }

      if (!_cp_front_matter_parse_checked (text, length, part, &front_matter, &body, error))
        return FALSE;
      g_hash_table_add (listed, g_strdup (name));
      _cp_note_fields_from_file (&fields, front_matter, text + body, length - body, &title, &tags);
      if (record->values[3] != NULL && *record->values[3] != '\0' && !im->fresh_ids)
        {
          if (!_cp_folder_uuid_is_valid (record->values[3]))
            {
              _cp_folder_doc_error (doc->name, record->line, error, _("“%s” is not an id (a UUID)"),
                                    record->values[3]);
              return FALSE;
            }
          fields.uuid = record->values[3];
        }
      if (!_cp_note_fields_validate (&fields, part, error))
        return FALSE;

      if ((record->values[1] && *record->values[1] &&
           !_cp_import_lookup_ref (im, doc, K_SESSION, record->values[1], record->line, &fields.session_id,
                        error)) ||
          (record->values[2] && *record->values[2] &&
           !_cp_import_lookup_ref (im, doc, K_PHASE, record->values[2], record->line, &fields.phase_id, error)))
        return FALSE;

      if (im->snapshot != NULL)
        {
          if (!_cp_import_collect_note (im, doc, record, &fields, error))
            return FALSE;
          continue;
        }

      if (fields.uuid != NULL && note_id_taken (im, fields.uuid))
        {
          _cp_folder_doc_error (doc->name, record->line, error,
                                _("its id is already used by another record in this database"));
          return FALSE;
        }

      unit = _cp_store_unit_new (_("Could not add the note"), NULL);
      _cp_note_add_to_unit (unit, im->engagement_id, &fields);
      if (!(rows = _cp_store_unit_run_here (im->store, unit, error)) ||
          !_cp_import_remember_ref (im, doc, K_NOTE, name, record->line,
                         _cp_row_int64 (_cp_rows_get (rows, 0), 0), error))
        return FALSE;
    }

  /* A note file the index does not list would be lost without a word. */
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &file, NULL))
    if (!g_hash_table_contains (listed, file))
      {
        _cp_folder_doc_error (_cp_folder_notes_file.name, 0, error,
                              _("the note file %s/%s is not listed here; add it to the index "
                                "or move it out of the folder"),
                              NOTES_FOLDER, (const char *) file);
        return FALSE;
      }

  return TRUE;
}

/* Rows before the rows that refer to them. */
gboolean
_cp_import_parts (Import  *im,
              GError **error)
{
  return import_engagement (im, error) &&
         import_simple (im, &_cp_folder_people_file, error) &&
         import_csip (im, error) &&
         import_simple (im, &_cp_folder_sessions_file, error) &&
         import_notes (im, error) &&
         import_simple (im, &_cp_folder_register_file, error) &&
         import_simple (im, &_cp_folder_actions_file, error) &&
         import_simple (im, &_cp_folder_measures_file, error) &&
         import_contract (im, error);
}

/**
 * cp_store_import_engagement:
 * @folder: a folder an export wrote, or one written by hand in the same
 *   format
 *
 * Adds the engagement the folder holds as a new one: all of it or, when
 * any file is wrong, nothing; the error names the file and the line.
 *
 * Returns: the new engagement's id, or 0 on error
 */
gint64
cp_store_import_engagement (CpStore     *store,
                            const char  *folder,
                            GError     **error)
{
  Import im = { 0 };
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (store), 0);
  g_return_val_if_fail (folder != NULL, 0);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   g_file_test (folder, G_FILE_TEST_EXISTS)
                   ? _("“%s” is not an engagement folder: it is not a folder")
                   : _("There is no folder “%s”"),
                   display);
      return 0;
    }

  if (!cp_store_flush (store, error) || !_cp_store_begin (store, error))
    return 0;

  im.store = store;
  im.folder = folder;
  for (guint k = 0; k < N_KINDS; k++)
    im.ids[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ok = _cp_import_parts (&im, error);

  for (guint k = 0; k < N_KINDS; k++)
    g_hash_table_unref (im.ids[k]);

  if (!ok)
    {
      _cp_store_rollback (store);
      return 0;
    }

  if (!_cp_store_commit (store, error))
    return 0;

  _cp_store_engagements_changed (store);

  return im.engagement_id;
}

