/* cp-store-folder-export.c — an engagement written as a folder of Markdown
 *
 * Reads the database in a stable order and writes nothing that changes
 * when the data does not; see doc/engagement-folder.md.
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
#include <sys/stat.h>

#include "cp-engagement.h"
#include "cp-store-folder-private.h"
#include "cp-engagement-io.h"
#include "cp-file.h"
#include "cp-markdown.h"
#include "cp-note-private.h"
#include "cp-notes-io.h"
#include "cp-notes-io-private.h"
#include "cp-store-private.h"

/* A value on one line: backslash, bar and line breaks escaped, so that
 * it fits a table cell, a task or a field and reads back exactly.
 */
static void
append_escaped (GString    *out,
                const char *value)
{
  for (const char *p = value; *p; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '|': g_string_append (out, "\\|"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_c (out, *p);
        }
    }
}

/* The shortest decimal that reads back as the same number. */
static char *
format_real (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}

typedef struct
{
  CpStore    *store;
  gint64      engagement_id;
  GHashTable *refs[N_KINDS];   /* gint64 *id -> char *, per kind of reference */
  GPtrArray  *files;           /* CpExportFile */
  GHashTable *foreign;         /* names in notes/ that are not ours, folded; or NULL */
  CpAudience  audience;        /* whose notes go in */
} Export;


static const char *
export_ref (Export *ex,
            Kind    kind,
            gint64  id)
{
  const char *ref = g_hash_table_lookup (ex->refs[kind], &id);

  return ref ? ref : "";
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = g_ascii_strtoll (*(const char * const *) a, NULL, 10);
  gint64 y = g_ascii_strtoll (*(const char * const *) b, NULL, 10);

  return (x > y) - (x < y);
}

/* Column @i of the current row of @stmt, as the file writes it. */
static char *
export_value (Export       *ex,
              sqlite3_stmt *stmt,
              int           i,
              const Column *column)
{
  gboolean null = sqlite3_column_type (stmt, i) == SQLITE_NULL;

  if (column->kind == K_DONE)
    return g_strdup (sqlite3_column_int (stmt, i) ? "x" : " ");
  if (null)
    return g_strdup ("");
  if (column->kind == K_REAL)
    return format_real (sqlite3_column_double (stmt, i));
  if (IS_REF (column->kind))
    return g_strdup (export_ref (ex, column->kind, sqlite3_column_int64 (stmt, i)));

  if (column->kind == K_ATTENDEES)
    {
      g_auto(GStrv) ids = g_strsplit ((const char *) sqlite3_column_text (stmt, i), ",", -1);
      g_autoptr(GPtrArray) numbers = g_ptr_array_new ();

      for (guint k = 0; ids[k]; k++)
        {
          const char *number = export_ref (ex, K_PERSON, g_ascii_strtoll (ids[k], NULL, 10));

          if (*number != '\0')
            g_ptr_array_add (numbers, (gpointer) number);
        }
      g_ptr_array_sort (numbers, compare_numbers);
      g_ptr_array_add (numbers, NULL);

      return g_strjoinv (", ", (char **) numbers->pdata);
    }

  return g_strndup ((const char *) sqlite3_column_text (stmt, i), sqlite3_column_bytes (stmt, i));
}

typedef gboolean (*RowFunc) (Export    *ex,
                             gint64     id,
                             char     **values,
                             guint      index,
                             gpointer   data,
                             GError   **error);

/* Calls @func for each row of @list that @owner has, with its values as
 * the file writes them, and remembers how others refer to each row.
 */
static gboolean
export_rows (Export      *ex,
             const List  *list,
             gint64       owner,
             RowFunc      func,
             gpointer     data,
             GError     **error)
{
  sqlite3_stmt *stmt;
  guint index = 0;
  int rc;

  if (!(stmt = _cp_store_prepare (ex->store, list->select, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, owner);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(GStrv) values = g_new0 (char *, list->n_columns + 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int i = 1;

      for (guint c = 0; c < list->n_columns; c++)
        {
          const Column *column = &list->columns[c];

          if (column->kind == K_NUMBER)
            values[c] = g_strdup_printf ("%u", index + 1);
          else if (column->kind == K_UUID)
            values[c] = export_value (ex, stmt, sqlite3_column_count (stmt) - 1, column);
          else
            values[c] = export_value (ex, stmt, i++, column);

          if (list->ref_kind != N_KINDS && (column->kind == K_NUMBER || column->ref))
            g_hash_table_insert (ex->refs[list->ref_kind], _cp_folder_box_id (id),
                                 g_strdup (values[c]));
        }

      if (func && !func (ex, id, values, index, data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      index++;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (ex->store, error, rc, _("Could not read the engagement"));
      return FALSE;
    }

  return TRUE;
}

static void
start_block (GString *out)
{
  if (out->len > 0)
    g_string_append_c (out, '\n');
}

static void
append_heading (GString    *out,
                guint       level,
                const char *text)
{
  start_block (out);
  for (guint i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_printf (out, " %s\n", text);
}

static void
append_table_row (GString     *out,
                  const char **cells,
                  guint        n_cells,
                  gboolean     escape)
{
  for (guint c = 0; c < n_cells; c++)
    {
      g_string_append (out, "| ");
      if (escape)
        append_escaped (out, cells[c]);
      else
        g_string_append (out, cells[c]);
      g_string_append_c (out, ' ');
    }
  g_string_append (out, "|\n");
}

static gboolean
write_table_row (Export    *ex,
                 gint64     id,
                 char     **values,
                 guint      index,
                 gpointer   data,
                 GError   **error)
{
  append_table_row (data, (const char **) values, g_strv_length (values), TRUE);
  return TRUE;
}


static gboolean
write_task (Export    *ex,
            gint64     id,
            char     **values,
            guint      index,
            gpointer   data,
            GError   **error)
{
  const List *list = ((gpointer *) data)[0];
  GString *out = ((gpointer *) data)[1];
  guint text = _cp_folder_task_text_column (list);

  g_string_append_printf (out, "- [%s] ", values[0]);
  append_escaped (out, values[text]);
  g_string_append_c (out, '\n');

  for (guint c = 1; c < list->n_columns; c++)
    {
      if (c == text || *values[c] == '\0')
        continue;
      g_string_append_printf (out, "  - %s: ", list->columns[c].title);
      append_escaped (out, values[c]);
      g_string_append_c (out, '\n');
    }

  return TRUE;
}

static gboolean
write_list (Export      *ex,
            GString     *out,
            const List  *list,
            Shape        shape,
            gint64       owner,
            GError     **error)
{
  gpointer task_data[2] = { (gpointer) list, out };
  gsize before;

  start_block (out);
  before = out->len;

  if (shape == SHAPE_TASKS)
    {
      g_assert (list->columns[0].kind == K_DONE);
      if (!export_rows (ex, list, owner, write_task, task_data, error))
        return FALSE;
      /* No tasks: no block, and no blank line for it. */
      if (out->len == before && before > 0)
        g_string_truncate (out, before - 1);
      return TRUE;
    }

  {
    g_autofree const char **titles = g_new0 (const char *, list->n_columns);
    g_autofree const char **rules = g_new0 (const char *, list->n_columns);

    for (guint c = 0; c < list->n_columns; c++)
      {
        titles[c] = list->columns[c].title;
        rules[c] = "---";
      }
    append_table_row (out, titles, list->n_columns, FALSE);
    append_table_row (out, rules, list->n_columns, FALSE);
  }

  return export_rows (ex, list, owner, write_table_row, out, error);
}

static void
append_text_block (GString    *out,
                   const char *text)
{
  guint longest = 0, run = 0;

  /* A fence longer than any run of tildes in the text. */
  for (const char *p = text; *p; p++)
    {
      run = *p == '~' ? run + 1 : 0;
      longest = MAX (longest, run);
    }

  start_block (out);
  for (guint i = 0; i < MAX (3, longest + 1); i++)
    g_string_append_c (out, '~');
  g_string_append (out, " markdown\n");
  g_string_append (out, text);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < MAX (3, longest + 1); i++)
    g_string_append_c (out, '~');
  g_string_append_c (out, '\n');
}

/* One row as "- Title: value" lines, then its blocks of text, each under
 * a heading of @level + 1.
 */
static void
append_fields (GString     *out,
               const List  *list,
               char       **values,
               guint        level)
{
  start_block (out);
  for (guint c = 0; c < list->n_columns; c++)
    {
      if (list->columns[c].kind == K_BLOCK)
        continue;
      g_string_append_printf (out, "- %s:", list->columns[c].title);
      if (*values[c] != '\0')
        {
          g_string_append_c (out, ' ');
          append_escaped (out, values[c]);
        }
      g_string_append_c (out, '\n');
    }

  for (guint c = 0; c < list->n_columns; c++)
    {
      if (list->columns[c].kind != K_BLOCK || *values[c] == '\0')
        continue;
      append_heading (out, level + 1, list->columns[c].title);
      append_text_block (out, values[c]);
    }
}

static void
add_file (Export     *ex,
          const char *name,
          GString    *contents)
{
  CpExportFile *file = g_new0 (CpExportFile, 1);

  file->name = g_strdup (name);
  file->length = contents->len;
  file->contents = g_string_free (contents, FALSE);
  g_ptr_array_add (ex->files, file);
}

static gboolean
export_simple (Export        *ex,
               const Simple  *simple,
               GError       **error)
{
  GString *out = g_string_new (NULL);

  append_heading (out, 1, simple->title);
  for (guint i = 0; i < simple->n_parts; i++)
    {
      const Part *part = &simple->parts[i];

      if (part->heading)
        append_heading (out, 2, part->heading);
      if (!write_list (ex, out, part->list, part->shape, ex->engagement_id, error))
        {
          g_string_free (out, TRUE);
          return FALSE;
        }
    }

  add_file (ex, simple->name, out);

  return TRUE;
}

static gboolean
write_engagement (Export    *ex,
                  gint64     id,
                  char     **values,
                  guint      index,
                  gpointer   data,
                  GError   **error)
{
  const List *list = &_cp_folder_engagement_list;
  GString *out = g_string_new ("---\n");

  g_string_append_printf (out, "format: %s\nformat-version: %d\n", FORMAT_NAME,
                          CP_ENGAGEMENT_FORMAT_VERSION);
  for (guint c = 0; c < list->n_columns; c++)
    {
      const Column *column = &list->columns[c];

      if (column->kind == K_BLOCK)
        continue;

      g_string_append_printf (out, "%s:", column->title);
      if (column->kind == K_TEXT)
        {
          g_string_append_c (out, ' ');
          _cp_append_quoted (out, values[c]);
        }
      else if (*values[c] != '\0')
        g_string_append_printf (out, " %s", values[c]);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "---\n");
  /* The scope, as stored. */
  g_string_append (out, values[list->n_columns - 1]);

  add_file (ex, ENGAGEMENT_FILE, out);

  return TRUE;
}

typedef struct
{
  GString *out;
  gint64   cycle_number;
} CsipState;

static gboolean
write_phase (Export    *ex,
             gint64     id,
             char     **values,
             guint      index,
             gpointer   data,
             GError   **error)
{
  CsipState *state = data;
  g_autofree char *heading = g_strdup_printf ("Phase %u: %s", index + 1, values[0]);

  g_hash_table_insert (ex->refs[K_PHASE], _cp_folder_box_id (id),
                       g_strdup_printf ("%" G_GINT64_FORMAT ".%u", state->cycle_number, index + 1));

  append_heading (state->out, 3, heading);
  append_fields (state->out, &_cp_folder_phase_list, values, 3);
  append_heading (state->out, 4, "Review checklist");
  if (!write_list (ex, state->out, &_cp_folder_checklist_list, SHAPE_TASKS, id, error))
    return FALSE;
  append_heading (state->out, 4, "Sign-offs");

  return write_list (ex, state->out, &_cp_folder_sign_off_list, SHAPE_TABLE, id, error);
}

static gboolean
write_cycle (Export    *ex,
             gint64     id,
             char     **values,
             guint      index,
             gpointer   data,
             GError   **error)
{
  CsipState *state = data;
  g_autofree char *heading = g_strdup_printf ("Cycle %s: %s", values[0], values[2]);

  state->cycle_number = g_ascii_strtoll (values[0], NULL, 10);
  append_heading (state->out, 2, heading);
  append_fields (state->out, &_cp_folder_cycle_list, values, 2);

  return export_rows (ex, &_cp_folder_phase_list, id, write_phase, state, error);
}

static gboolean
write_contract (Export    *ex,
                gint64     id,
                char     **values,
                guint      index,
                gpointer   data,
                GError   **error)
{
  g_autofree char *heading = g_strdup_printf ("Version %s", values[0]);

  append_heading (data, 2, heading);
  append_fields (data, &_cp_folder_contract_list, values, 2);

  return TRUE;
}

static gboolean
export_notes (Export      *ex,
              const char  *engagement_title,
              GError     **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *index = g_string_new (NULL);
  const List *list = &_cp_folder_note_list;
  GHashTableIter iter;
  gpointer foreign;

  /* A file of someone else's in notes/ keeps its name: a note that
   * would take it takes the next one.
   */
  if (ex->foreign != NULL)
    {
      g_hash_table_iter_init (&iter, ex->foreign);
      while (g_hash_table_iter_next (&iter, &foreign, NULL))
        g_hash_table_add (taken, g_strdup (foreign));
    }
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _cp_store_prepare (ex->store, list->select, error)))
    {
      g_string_free (index, TRUE);
      return FALSE;
    }

  append_heading (index, 1, _cp_folder_notes_file.title);
  start_block (index);
  {
    const Column *columns = _cp_folder_note_list.columns;
    const char *titles[] = { columns[0].title, columns[1].title, columns[2].title, columns[3].title };
    const char *rules[] = { "---", "---", "---", "---" };

    append_table_row (index, titles, 4, FALSE);
    append_table_row (index, rules, 4, FALSE);
  }

  /* Oldest first, so equal titles number in the order they were written. */
  sqlite3_bind_int64 (stmt, 1, ex->engagement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CpRow) row = _cp_row_new (stmt, 0);
      g_autoptr(CpNote) note = _cp_note_new_from_row (ex->store, row);
      g_autofree char *title = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *label = NULL;
      g_autofree char *link = NULL;
      const char *cells[4];
      CpExportFile *file;

      /* A note for others than the audience is not written at all; what
       * refers to it refers to nothing.
       */
      if (!cp_audience_includes (ex->audience, cp_note_get_visibility (note)))
        continue;

      title = cp_note_dup_display_title (note);
      g_free (name);
      name = cp_note_file_name (title, taken);
      g_free (path);
      path = g_build_filename (NOTES_FOLDER, name, NULL);
      g_free (label);
      label = g_strdelimit (g_strdup (name), "[]", '_');
      g_free (link);
      link = g_strdup_printf ("[%s](<%s/%s>)", label, NOTES_FOLDER, name);
      file = g_new0 (CpExportFile, 1);
      file->name = g_steal_pointer (&path);
      file->contents = _cp_note_export_markdown (ex->store, note, engagement_title, &file->length);
      g_ptr_array_add (ex->files, file);

      g_hash_table_insert (ex->refs[K_NOTE], _cp_folder_box_id (cp_note_get_id (note)),
                           g_strdup (name));
      cells[0] = link;
      cells[1] = export_ref (ex, K_SESSION, cp_note_get_session_id (note));
      cells[2] = export_ref (ex, K_PHASE, cp_note_get_phase_id (note));
      cells[3] = (const char *) sqlite3_column_text (stmt, sqlite3_column_count (stmt) - 1);
      if (cells[3] == NULL)
        cells[3] = "";
      append_table_row (index, cells, 4, TRUE);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (ex->store, error, rc, _("Could not read the notes"));
      g_string_free (index, TRUE);
      return FALSE;
    }

  add_file (ex, _cp_folder_notes_file.name, index);

  return TRUE;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  const CpExportFile *x = *(const CpExportFile * const *) a;
  const CpExportFile *y = *(const CpExportFile * const *) b;

  return strcmp (x->name, y->name);
}

/**
 * cp_engagement_export_prepare:
 *
 * Renders the whole engagement as the files of its folder, on the thread
 * that owns the store, so that writing them can happen anywhere.
 *
 * Returns: (transfer full) (element-type CpExportFile) (nullable): the
 *   files, by name; names in notes/ carry the folder
 */
static GPtrArray *
prepare (CpEngagement  *engagement,
         GHashTable    *foreign,
         CpAudience     audience,
         GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_export_file_free);
  Export ex = { 0 };
  gboolean ok;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);

  ex.foreign = foreign;
  ex.audience = audience;
  ex.store = cp_engagement_get_store (engagement);
  ex.engagement_id = cp_engagement_get_id (engagement);
  ex.files = files;
  for (guint k = 0; k < N_KINDS; k++)
    ex.refs[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  /* Export what is on screen, typing included; rows before the rows
   * that refer to them.
   */
  ok = cp_store_flush (ex.store, error) &&
       export_rows (&ex, &_cp_folder_engagement_list, ex.engagement_id, write_engagement, NULL,
                    error) &&
       export_simple (&ex, &_cp_folder_people_file, error);

  if (ok)
    {
      GString *csip = g_string_new (NULL);
      CsipState state = { csip, 0 };

      append_heading (csip, 1, "Improvement plan");
      append_heading (csip, 2, "Approach changes");
      ok = write_list (&ex, csip, &_cp_folder_approach_change_list, SHAPE_TABLE, ex.engagement_id,
                       error) &&
           export_rows (&ex, &_cp_folder_cycle_list, ex.engagement_id, write_cycle, &state, error);
      if (ok)
        add_file (&ex, CSIP_FILE, csip);
      else
        g_string_free (csip, TRUE);
    }

  ok = ok &&
       export_simple (&ex, &_cp_folder_sessions_file, error) &&
       export_notes (&ex, cp_engagement_get_title (engagement), error) &&
       export_simple (&ex, &_cp_folder_register_file, error) &&
       export_simple (&ex, &_cp_folder_actions_file, error) &&
       export_simple (&ex, &_cp_folder_measures_file, error);

  if (ok)
    {
      GString *contract = g_string_new (NULL);

      append_heading (contract, 1, "Contract");
      ok = export_rows (&ex, &_cp_folder_contract_list, ex.engagement_id, write_contract, contract,
                        error);
      if (ok)
        add_file (&ex, CONTRACT_FILE, contract);
      else
        g_string_free (contract, TRUE);
    }

  for (guint k = 0; k < N_KINDS; k++)
    g_hash_table_unref (ex.refs[k]);

  if (!ok)
    return NULL;

  g_ptr_array_sort (files, compare_files);

  return g_steal_pointer (&files);
}

GPtrArray *
cp_engagement_export_prepare (CpEngagement  *engagement,
                              GError       **error)
{
  return prepare (engagement, NULL, CP_AUDIENCE_TEAM, error);
}

/**
 * cp_engagement_export_prepare_for:
 * @audience: whose notes go in; the rest of the engagement goes to all
 *
 * Like cp_engagement_export_prepare(), for a shared repository: a note
 * outside @audience is left out altogether.
 *
 * Returns: (transfer full) (element-type CpExportFile) (nullable): the
 *   files, by name
 */
GPtrArray *
cp_engagement_export_prepare_for (CpEngagement  *engagement,
                                  CpAudience     audience,
                                  GError       **error)
{
  return prepare (engagement, NULL, audience, error);
}

/* What an export finds in its folder before it writes a byte. */
typedef struct
{
  GHashTable *ours;      /* note files an earlier export listed in notes.md */
  GHashTable *foreign;   /* every other name in notes/, folded */
} Target;

static void
target_clear (Target *t)
{
  g_clear_pointer (&t->ours, g_hash_table_unref);
  g_clear_pointer (&t->foreign, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

static const char * const part_names[] = {
  "people.md", CSIP_FILE, "sessions.md", "notes.md", "register.md", "actions.md",
  "measures.md", CONTRACT_FILE,
};

static gboolean
refuse_folder (GError      **error,
               const char   *folder,
               const char   *why)
{
  g_autofree char *display = g_filename_display_name (folder);

  /* Translators: the folder, then why nothing was written there. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("Nothing was exported into “%s”: %s"), display, why);

  return FALSE;
}

/* Whether engagement.md in @folder is one Coachplan wrote. */
static gboolean
is_ours (const char  *path,
         GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  gsize length, body;
  guint bad_line;

  if (!(text = cp_file_read (path, PART_MAX_BYTES, CP_FILE_READ_NO_FOLLOW, &length, error)))
    return FALSE;

  fields = _cp_front_matter_read (text, length, &body, &bad_line);
  for (guint i = 0; fields && i < fields->len; i++)
    {
      CpFrontMatterField *field = g_ptr_array_index (fields, i);

      if (g_str_equal (field->key, "format") && g_strcmp0 (field->value, FORMAT_NAME) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The note files notes.md lists: those a Coachplan export wrote there. */
static GHashTable *
read_manifest (const char  *folder,
               GError     **error)
{
  g_autofree char *path = g_build_filename (folder, _cp_folder_notes_file.name, NULL);
  g_autoptr(GHashTable) ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(Doc) doc = NULL;
  g_autofree char *text = NULL;
  gboolean missing;
  gsize length;

  if (!cp_file_check_regular (path, FALSE, &missing, error))
    return NULL;
  if (missing)
    return g_steal_pointer (&ours);

  if (!(text = cp_file_read (path, PART_MAX_BYTES, CP_FILE_READ_NO_FOLLOW, &length, error)))
    return NULL;

  if (!(doc = _cp_folder_doc_parse (_cp_folder_notes_file.name, text, length, &local)) ||
      (doc->blocks->len > 0 &&
       (!_cp_folder_doc_expect_heading (doc, 1, NULL, "# Notes", &local) ||
        !(records = _cp_folder_read_records (doc, &_cp_folder_note_list, SHAPE_TABLE, &local)))))
    {
      /* Translators: why notes.md could not be read. */
      g_autofree char *why = g_strdup_printf (_("its list of the notes Coachplan wrote cannot be read "
                                                "(%s), so Coachplan cannot tell its files in %s/ "
                                                "from yours"),
                                              local->message, NOTES_FOLDER);
      refuse_folder (error, folder, why);
      return NULL;
    }

  for (guint i = 0; records && i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);

      if (record->values[0] != NULL)
        g_hash_table_add (ours, _cp_folder_note_file_from_cell (record->values[0]));
    }

  return g_steal_pointer (&ours);
}

/* Looks at the folder before anything is written. Refused: a folder
 * holding files of an engagement Coachplan did not write, and a notes/
 * that is a link. Files of the user's in notes/ are noted, to be left
 * alone.
 */
static gboolean
inspect_target (const char  *folder,
                Target      *t,
                GError     **error)
{
  g_autofree char *engagement = g_build_filename (folder, ENGAGEMENT_FILE, NULL);
  g_autofree char *notes = g_build_filename (folder, NOTES_FOLDER, NULL);
  g_autoptr(GError) local = NULL;
  g_autoptr(GDir) dir = NULL;
  gboolean missing;
  const char *name;
  GStatBuf st;

  t->ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t->foreign = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (g_stat (folder, &st) != 0)
    return TRUE;
  if (!S_ISDIR (st.st_mode))
    {
      g_autofree char *why = g_strdup_printf (_("it is %s, not a folder"),
                                              cp_file_describe_mode (st.st_mode));
      return refuse_folder (error, folder, why);
    }

  if (!cp_file_check_regular (engagement, FALSE, &missing, &local))
    return refuse_folder (error, folder, local->message);

  if (!missing && !is_ours (engagement, &local))
    {
      g_autofree char *why = local ? g_strdup (local->message)
                                   : g_strdup_printf (_("it holds an %s that Coachplan did not write; "
                                                        "export into an empty folder or an earlier export"),
                                                      ENGAGEMENT_FILE);
      return refuse_folder (error, folder, why);
    }

  if (missing)
    for (guint i = 0; i < G_N_ELEMENTS (part_names); i++)
      {
        g_autofree char *part = g_build_filename (folder, part_names[i], NULL);

        if (g_lstat (part, &st) == 0)
          {
            g_autofree char *why = g_strdup_printf (_("it holds a %s that Coachplan did not write; "
                                                      "export into an empty folder or an earlier export"),
                                                    part_names[i]);
            return refuse_folder (error, folder, why);
          }
      }

  if (g_lstat (notes, &st) != 0)
    return TRUE;
  if (S_ISLNK (st.st_mode) || !S_ISDIR (st.st_mode))
    {
      g_autofree char *why = S_ISLNK (st.st_mode)
        ? g_strdup_printf (_("its “%s” is %s; an export writes only inside its folder"),
                           NOTES_FOLDER, cp_file_describe_mode (st.st_mode))
        : g_strdup_printf (_("its “%s” is %s, not a folder"), NOTES_FOLDER,
                           cp_file_describe_mode (st.st_mode));
      return refuse_folder (error, folder, why);
    }

  if (!missing)
    {
      g_hash_table_unref (t->ours);
      if (!(t->ours = read_manifest (folder, error)))
        return FALSE;
    }

  if (!(dir = g_dir_open (notes, 0, &local)))
    return refuse_folder (error, folder, local->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_hash_table_contains (t->ours, name))
      g_hash_table_add (t->foreign, g_utf8_casefold (name, -1));

  return TRUE;
}

/* Removes the note files an earlier export wrote, as its notes.md lists
 * them, that this one did not write: a renamed or removed note leaves no
 * stale file behind. Nothing else in notes/ is ever touched.
 */
static gboolean
remove_stale_notes (const char  *folder,
                    GHashTable  *ours,
                    GPtrArray   *files,
                    GError     **error)
{
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer name;

  for (guint i = 0; i < files->len; i++)
    {
      CpExportFile *file = g_ptr_array_index (files, i);

      if (g_str_has_prefix (file->name, NOTES_FOLDER "/"))
        g_hash_table_add (written, file->name + strlen (NOTES_FOLDER "/"));
    }

  g_hash_table_iter_init (&iter, ours);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (g_hash_table_contains (written, name) || strchr (name, '/') != NULL ||
          ((char *) name)[0] == '.' || !g_str_has_suffix (name, ".md"))
        continue;

      path = g_build_filename (folder, NOTES_FOLDER, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && g_unlink (path) != 0)
        {
          int errsv = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not remove the old note “%s”: %s"), display, g_strerror (errsv));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cp_engagement_export:
 * @folder: where to write; created if missing
 *
 * Writes the whole engagement as a folder of Markdown files. Exporting
 * again into the same folder changes only the files whose data changed,
 * and removes only note files an earlier export wrote there; a folder
 * that holds another engagement's files, or whose notes/ is a link, is
 * refused before anything is written.
 */
gboolean
cp_engagement_export (CpEngagement  *engagement,
                      const char    *folder,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_auto(Target) target = { 0 };
  g_autoptr(GPtrArray) files = NULL;

  return inspect_target (folder, &target, error) &&
         (files = prepare (engagement, target.foreign, CP_AUDIENCE_TEAM, error)) != NULL &&
         cp_export_write_files (folder, files, cancellable, NULL, NULL, error) &&
         remove_stale_notes (folder, target.ours, files, error);
}

typedef struct
{
  char      *folder;
  GPtrArray *files;
  Target     target;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->folder);
  g_ptr_array_unref (job->files);
  target_clear (&job->target);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportJob *job = data;
  GError *error = NULL;

  if (cp_export_write_files (job->folder, job->files, cancellable, NULL, NULL, &error) &&
      remove_stale_notes (job->folder, job->target.ours, job->files, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cp_engagement_export_async:
 *
 * Reads the engagement now, on the store's thread, and writes the folder
 * on a worker thread.
 */
void
cp_engagement_export_async (CpEngagement        *engagement,
                            const char          *folder,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (engagement, cancellable, callback, user_data);
  g_auto(Target) target = { 0 };
  GError *error = NULL;
  ExportJob *job;
  GPtrArray *files;

  g_task_set_source_tag (task, cp_engagement_export_async);

  if (!inspect_target (folder, &target, &error) ||
      !(files = prepare (engagement, target.foreign, CP_AUDIENCE_TEAM, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->folder = g_strdup (folder);
  job->files = files;
  job->target = target;
  target = (Target) { 0 };
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cp_engagement_export_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
