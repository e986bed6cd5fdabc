/* cp-notes-io.c — notes to and from Markdown files
 *
 * A note file is an optional front matter block, then the body exactly
 * as stored. The front matter is a small, strict subset of YAML:
 *
 *     ---
 *     title: "Kick-off workshop"
 *     tags: ["change", "cab"]
 *     visibility: coach
 *     ---
 *
 * Only a block whose every line is blank, a comment, "key: value" or a
 * "- item" of a list counts as front matter; anything else that starts
 * with "---" is body text (a thematic break, say) and is kept as it is.
 * Export always writes a block, so a body starting with "---" survives
 * the trip.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-notes-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cp-store.h"
#include "cp-engagement-private.h"
#include "cp-file.h"
#include "cp-markdown.h"
#include "cp-note-private.h"
#include "cp-notes-io.h"
#include "cp-notes-io-private.h"
#include "cp-store-model.h"

/* Bytes of a file name before ".md"; well under the common 255-byte
 * limit, with room for a " (NN)" to tell equal titles apart.
 */
#define NAME_MAX_BYTES 200

void
cp_front_matter_free (CpFrontMatter *fm)
{
  if (fm == NULL)
    return;

  g_free (fm->title);
  g_strfreev (fm->tags);
  g_free (fm->created);
  g_free (fm->updated);
  g_free (fm->author);
  g_free (fm);
}

/* Reads one line starting at @pos; returns its end (before the newline)
 * and sets @next past the newline.
 */
static gsize
line_end (const char *text,
          gsize       length,
          gsize       pos,
          gsize      *next)
{
  const char *nl = memchr (text + pos, '\n', length - pos);
  gsize end = nl ? (gsize) (nl - text) : length;

  *next = nl ? end + 1 : length;
  if (end > pos && text[end - 1] == '\r')
    end--;

  return end;
}

static gboolean
is_key_char (char c,
             gboolean first)
{
  return g_ascii_isalpha (c) || c == '_' || (!first && (g_ascii_isdigit (c) || c == '-'));
}

/* Parses a scalar: "double quoted" with escapes, 'single quoted', or
 * plain. Returns NULL when it is not well formed.
 */
static char *
parse_scalar (const char *s)
{
  GString *out;

  while (*s == ' ' || *s == '\t')
    s++;

  if (*s == '"')
    {
      out = g_string_new (NULL);
      for (s++; *s && *s != '"'; s++)
        {
          if (*s != '\\')
            {
              g_string_append_c (out, *s);
              continue;
            }
          switch (*++s)
            {
            case 'n': g_string_append_c (out, '\n'); break;
            case 'r': g_string_append_c (out, '\r'); break;
            case 't': g_string_append_c (out, '\t'); break;
            case '"': g_string_append_c (out, '"'); break;
            case '\\': g_string_append_c (out, '\\'); break;
            case '/': g_string_append_c (out, '/'); break;
            default:
              g_string_free (out, TRUE);
              return NULL;
            }
        }
      if (*s != '"')
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      return g_string_free (out, FALSE);
    }

  if (*s == '\'')
    {
      out = g_string_new (NULL);
      for (s++; *s; s++)
        {
          if (*s == '\'' && s[1] == '\'')
            {
              g_string_append_c (out, '\'');
              s++;
            }
          else if (*s == '\'')
            break;
          else
            g_string_append_c (out, *s);
        }
      if (*s != '\'')
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      return g_string_free (out, FALSE);
    }

  return g_strstrip (g_strdup (s));
}

/* Parses "[a, "b", c]" into its items. */
static char **
parse_flow_list (const char *s)
{
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();
  g_autofree char *inner = NULL;
  g_auto(GStrv) parts = NULL;
  gsize len;

  s += strspn (s, " \t");
  len = strlen (s);
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
    len--;

  if (len < 2 || s[0] != '[' || s[len - 1] != ']')
    return NULL;

  inner = g_strndup (s + 1, len - 2);
  if (*g_strstrip (inner) == '\0')
    return g_strv_builder_end (items);

  /* Commas inside quotes are rare in tags, which cannot hold them. */
  parts = g_strsplit (inner, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *item = parse_scalar (parts[i]);

      if (item == NULL)
        return NULL;
      g_strv_builder_add (items, item);
    }

  return g_strv_builder_end (items);
}

static gboolean
valid_timestamp (const char *s)
{
  g_autoptr(GDateTime) dt = s ? g_date_time_new_from_iso8601 (s, NULL) : NULL;

  return dt != NULL && strlen (s) == 20 && s[19] == 'Z';
}

/* Applies one key to @fm; unknown keys are allowed and ignored. */
static void
take_value (CpFrontMatter *fm,
            const char    *key,
            char          *value,
            char         **list)
{
  if (g_str_equal (key, "title") && value != NULL)
    {
      g_free (fm->title);
      fm->title = g_strdup (value);
      fm->has_title = TRUE;
    }
  else if (g_str_equal (key, "tags"))
    {
      g_strfreev (fm->tags);
      if (list != NULL)
        fm->tags = g_strdupv (list);
      else if (value != NULL && *value != '\0')
        fm->tags = g_strsplit (value, ",", -1);
      else
        fm->tags = NULL;
    }
  else if (g_str_equal (key, "visibility") && value != NULL)
    fm->has_visibility = cp_visibility_from_string (value, &fm->visibility);
  else if (g_str_equal (key, "created") && valid_timestamp (value))
    {
      g_free (fm->created);
      fm->created = g_strdup (value);
    }
  else if (g_str_equal (key, "updated") && valid_timestamp (value))
    {
      g_free (fm->updated);
      fm->updated = g_strdup (value);
    }
  else if (g_str_equal (key, "author") && value != NULL && *value != '\0')
    {
      g_free (fm->author);
      fm->author = g_strdup (value);
    }
}

void
_cp_front_matter_field_free (CpFrontMatterField *field)
{
  if (field == NULL)
    return;

  g_free (field->key);
  g_free (field->value);
  g_strfreev (field->list);
  g_free (field);
}

static void
add_field (GPtrArray  *fields,
           char       *key,
           char       *value,
           char      **list,
           guint       line)
{
  CpFrontMatterField *field = g_new0 (CpFrontMatterField, 1);

  field->key = key;
  field->value = value;
  field->list = list;
  field->line = line;
  g_ptr_array_add (fields, field);
}

/**
 * _cp_front_matter_read:
 * @body_offset: (out): where the body starts
 * @bad_line: (out): the first line that is not front matter, counted
 *   from 1, when @text starts with "---" but the block is malformed or
 *   never closed; else 0
 *
 * Returns: (transfer full) (element-type CpFrontMatterField) (nullable):
 *   the keys of the block in file order, or %NULL when @text has no
 *   well-formed block
 */
GPtrArray *
_cp_front_matter_read (const char *text,
                       gsize       length,
                       gsize      *body_offset,
                       guint      *bad_line)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) _cp_front_matter_field_free);
  g_autofree char *list_key = NULL;
  g_autoptr(GStrvBuilder) list = NULL;
  guint list_line = 0;
  guint line_no = 1;
  gsize pos, next, end;

  *body_offset = 0;
  *bad_line = 0;

  end = line_end (text, length, 0, &next);
  if (end != 3 || memcmp (text, "---", 3) != 0 || next == length)
    return NULL;

  for (pos = next; pos < length; pos = next)
    {
      g_autofree char *line = NULL;
      const char *colon;

      line_no++;
      end = line_end (text, length, pos, &next);
      line = g_strndup (text + pos, end - pos);

      if (g_str_equal (line, "---") || g_str_equal (line, "..."))
        {
          if (list_key != NULL)
            add_field (fields, g_steal_pointer (&list_key), NULL,
                       g_strv_builder_end (list), list_line);
          *body_offset = next;
          return g_steal_pointer (&fields);
        }

      if (line[strspn (line, " \t")] == '\0' || line[strspn (line, " \t")] == '#')
        continue;

      /* An item of the list under the last key. */
      if (list_key != NULL && (g_str_has_prefix (line, "  - ") || g_str_has_prefix (line, "- ")))
        {
          g_autofree char *item = parse_scalar (strchr (line, '-') + 1);

          if (item == NULL)
            break;
          g_strv_builder_add (list, item);
          continue;
        }

      if (list_key != NULL)
        {
          add_field (fields, g_steal_pointer (&list_key), NULL, g_strv_builder_end (list), list_line);
          g_clear_pointer (&list, g_strv_builder_unref);
        }

      /* key: value */
      if (!is_key_char (line[0], TRUE) || !(colon = strchr (line, ':')))
        break;
      for (const char *c = line + 1; c < colon; c++)
        if (!is_key_char (*c, FALSE))
          goto malformed;
      if (colon[1] != '\0' && colon[1] != ' ' && colon[1] != '\t')
        break;

      {
        g_autofree char *key = g_strndup (line, colon - line);
        const char *rest = colon + 1 + strspn (colon + 1, " \t");

        if (*rest == '\0')
          {
            /* A block list may follow. */
            list_key = g_steal_pointer (&key);
            list = g_strv_builder_new ();
            list_line = line_no;
          }
        else if (*rest == '[')
          {
            char **items = parse_flow_list (rest);

            if (items == NULL)
              break;
            add_field (fields, g_steal_pointer (&key), NULL, items, line_no);
          }
        else
          {
            char *value = parse_scalar (rest);

            if (value == NULL)
              break;
            add_field (fields, g_steal_pointer (&key), value, NULL, line_no);
          }
      }
    }

malformed:
  /* A malformed line, or no closing line: not front matter. */
  *bad_line = line_no;
  return NULL;
}

static CpFrontMatter *
front_matter_from_fields (GPtrArray *fields)
{
  CpFrontMatter *fm = g_new0 (CpFrontMatter, 1);

  for (guint i = 0; i < fields->len; i++)
    {
      CpFrontMatterField *field = g_ptr_array_index (fields, i);

      take_value (fm, field->key, field->value, field->list);
    }

  return fm;
}

/**
 * cp_front_matter_split:
 * @front_matter: (out) (optional): the parsed block, when there is one
 * @body_offset: (out): where the body starts
 *
 * Returns: whether @text starts with a front matter block
 */
gboolean
cp_front_matter_split (const char     *text,
                       gsize           length,
                       CpFrontMatter **front_matter,
                       gsize          *body_offset)
{
  g_autoptr(GPtrArray) fields = NULL;
  guint bad_line;

  if (front_matter)
    *front_matter = NULL;

  if (!(fields = _cp_front_matter_read (text, length, body_offset, &bad_line)))
    return FALSE;

  if (front_matter)
    *front_matter = front_matter_from_fields (fields);

  return TRUE;
}

/**
 * _cp_front_matter_parse_checked:
 * @file: the file's name, for messages
 * @front_matter: (out): the block, or %NULL when @text has none
 * @body_offset: (out): where the body starts
 *
 * Like cp_front_matter_split(), but a block that says one thing twice or
 * gives a value Coachplan cannot keep is refused, naming the line, rather
 * than quietly read some other way.
 */
gboolean
_cp_front_matter_parse_checked (const char     *text,
                                gsize           length,
                                const char     *file,
                                CpFrontMatter **front_matter,
                                gsize          *body_offset,
                                GError        **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint bad_line;

  *front_matter = NULL;
  if (!(fields = _cp_front_matter_read (text, length, body_offset, &bad_line)))
    return TRUE;

  for (guint i = 0; i < fields->len; i++)
    {
      CpFrontMatterField *field = g_ptr_array_index (fields, i);
      const char *key = field->key;
      const char *value = field->value ? field->value : "";
      g_autofree char *why = NULL;
      CpVisibility visibility;

      if (!g_hash_table_add (seen, field->key))
        why = g_strdup_printf (_("“%s” is given twice"), key);
      else if (g_str_equal (key, "visibility") && !cp_visibility_from_string (value, &visibility))
        why = g_strdup_printf (_("the visibility “%s” is not coach, client or sponsor"), value);
      else if ((g_str_equal (key, "created") || g_str_equal (key, "updated")) &&
               !valid_timestamp (value))
        /* Translators: "created" or "updated", then the value given. */
        why = g_strdup_printf (_("%s “%s” is not a time written YYYY-MM-DDTHH:MM:SSZ"), key, value);
      else if (g_str_equal (key, "title") && field->value == NULL)
        why = g_strdup_printf (_("“%s” takes one value"), key);

      if (why != NULL)
        {
          /* Translators: a file, a line of it, and what is wrong there. */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s, line %u: %s"), file,
                       field->line, why);
          return FALSE;
        }
    }

  if (front_matter)
    *front_matter = front_matter_from_fields (fields);

  return TRUE;
}

/* Appends @value as a double-quoted front matter scalar. */
void
_cp_append_quoted (GString    *out,
                   const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value ? value : ""; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          /* Other control characters have no place in a title. */
          g_string_append_c (out, (guchar) *p < 0x20 ? ' ' : *p);
        }
    }
  g_string_append_c (out, '"');
}

/**
 * cp_note_to_markdown:
 * @session: (nullable): the session's date and time
 * @phase: (nullable): the phase's name
 *
 * Returns: (transfer full): the note as a Markdown file: front matter,
 *   then the body as stored
 */
char *
cp_note_to_markdown (CpNote     *note,
                     const char *engagement_title,
                     const char *session,
                     const char *phase,
                     gsize      *length)
{
  g_autofree char *title = cp_note_dup_display_title (note);
  g_auto(GStrv) tags = cp_note_dup_tags (note);
  GString *out = g_string_new ("---\n");

  g_string_append (out, "title: ");
  _cp_append_quoted (out, title);
  g_string_append (out, "\nengagement: ");
  _cp_append_quoted (out, engagement_title);
  g_string_append (out, "\nsession: ");
  _cp_append_quoted (out, session);
  g_string_append (out, "\nphase: ");
  _cp_append_quoted (out, phase);
  g_string_append (out, "\ntags: [");
  for (guint i = 0; tags[i]; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      _cp_append_quoted (out, tags[i]);
    }
  g_string_append (out, "]\n");
  /* Who wrote it, when Coachplan knows. */
  if (*cp_note_get_author (note) != '\0')
    {
      g_string_append (out, "author: ");
      _cp_append_quoted (out, cp_note_get_author (note));
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "visibility: %s\ncreated: %s\nupdated: %s\n---\n",
                          cp_visibility_to_string (cp_note_get_visibility (note)),
                          cp_note_get_created (note), cp_note_get_updated (note));
  g_string_append (out, cp_note_get_body (note));

  if (length)
    *length = out->len;

  return g_string_free (out, FALSE);
}

static gboolean
is_reserved_name (const char *name)
{
  static const char * const reserved[] = { "con", "prn", "aux", "nul", NULL };
  g_autofree char *stem = g_ascii_strdown (name, strcspn (name, "."));

  g_strchomp (stem);
  if (g_strv_contains (reserved, stem))
    return TRUE;

  /* COM1 to COM9 and LPT1 to LPT9. */
  return strlen (stem) == 4 && (g_str_has_prefix (stem, "com") || g_str_has_prefix (stem, "lpt")) &&
         stem[3] >= '1' && stem[3] <= '9';
}

/**
 * cp_note_file_name:
 * @taken: (element-type utf8 utf8): names already used in the folder,
 *   folded to lower case; the new name is added
 *
 * Returns: (transfer full): a readable file name for a note titled
 *   @title, ending in ".md", safe on every common file system and unique
 *   among @taken even where case does not count
 */
char *
cp_note_file_name (const char *title,
                   GHashTable *taken)
{
  GString *base = g_string_new (NULL);
  g_autofree char *folded = NULL;
  char *name;

  for (const char *p = title ? title : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;

      /* Separators, reserved and invisible characters become spaces. */
      if (c < 0x20 || c == 0x7f || strchr ("/\\:*?\"<>|", (int) (c < 0x80 ? c : 'a')) != NULL ||
          g_unichar_type (c) == G_UNICODE_FORMAT || g_unichar_type (c) == G_UNICODE_CONTROL)
        c = ' ';

      if (c == ' ' && (base->len == 0 || base->str[base->len - 1] == ' '))
        continue;

      if (base->len + 6 > NAME_MAX_BYTES)
        break;
      g_string_append_unichar (base, c);
    }

  /* No hidden files, no "." or "..", no trailing dots or spaces. */
  while (base->len > 0 && (base->str[0] == '.' || base->str[0] == ' '))
    g_string_erase (base, 0, 1);
  while (base->len > 0 && (base->str[base->len - 1] == '.' || base->str[base->len - 1] == ' '))
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_assign (base, _("note"));

  /* Names Windows keeps for devices, whatever follows a dot, would make
   * the folder unreadable there: "CON" becomes "CON_".
   */
  if (is_reserved_name (base->str))
    g_string_insert_c (base, strcspn (base->str, "."), '_');

  name = g_strconcat (base->str, ".md", NULL);
  for (guint n = 2; taken && g_hash_table_contains (taken, (folded = g_utf8_casefold (name, -1))); n++)
    {
      g_free (name);
      g_clear_pointer (&folded, g_free);
      name = g_strdup_printf ("%s (%u).md", base->str, n);
    }

  if (taken)
    g_hash_table_add (taken, g_steal_pointer (&folded));

  g_string_free (base, TRUE);

  return name;
}

static char *
query_text (CpStore *store,
            CpSql    which,
            gint64   id)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (id == 0 || !(rows = _cp_store_query (store, which, id, NULL)) || rows->len == 0)
    return NULL;

  return _cp_row_dup (_cp_rows_get (rows, 0), 0);
}

/* The note as a file of a notes export, its session and phase named. */
char *
_cp_note_export_markdown (CpStore    *store,
                          CpNote     *note,
                          const char *engagement_title,
                          gsize      *length)
{
  g_autofree char *session = NULL;
  g_autofree char *phase = NULL;

  session = query_text (store, CP_SQL_SESSION_LABEL, cp_note_get_session_id (note));
  phase = query_text (store, CP_SQL_PHASE_NAME, cp_note_get_phase_id (note));

  return cp_note_to_markdown (note, engagement_title, session, phase, length);
}

void
cp_export_file_free (CpExportFile *file)
{
  if (file == NULL)
    return;

  g_free (file->name);
  g_free (file->contents);
  g_free (file);
}

/**
 * cp_notes_export_prepare:
 *
 * Renders every note to export into memory, on the thread that owns the
 * store, so that writing the files can happen anywhere.
 *
 * Returns: (transfer full) (element-type CpExportFile) (nullable): the
 *   files, oldest note first
 */
GPtrArray *
cp_notes_export_prepare (CpEngagement        *engagement,
                         CpNotesExportFlags   flags,
                         GError             **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_export_file_free);
  CpStore *store;
  GListModel *notes;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);

  store = cp_engagement_get_store (engagement);

  /* Export what is on screen, typing included. */
  if (!cp_store_flush (store, error) || !(notes = cp_engagement_get_notes (engagement, error)))
    return NULL;

  /* Oldest first, so equal titles number in the order they were written. */
  for (guint i = g_list_model_get_n_items (notes); i-- > 0;)
    {
      g_autoptr(CpNote) note = g_list_model_get_item (notes, i);
      g_autofree char *title = NULL;
      CpExportFile *file;

      if ((flags & CP_NOTES_EXPORT_SKIP_COACH_ONLY) &&
          cp_note_get_visibility (note) == CP_VISIBILITY_COACH)
        continue;

      file = g_new0 (CpExportFile, 1);
      file->contents = _cp_note_export_markdown (store, note, cp_engagement_get_title (engagement),
                                                 &file->length);
      title = cp_note_dup_display_title (note);
      file->name = cp_note_file_name (title, taken);
      g_ptr_array_add (files, file);
    }

  return g_steal_pointer (&files);
}

static gboolean
make_folder (const char  *folder,
             GError     **error)
{
  int errsv;
  g_autofree char *display = NULL;

  if (g_mkdir_with_parents (folder, 0755) == 0)
    return TRUE;

  errsv = errno;
  display = g_filename_display_name (folder);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not create the folder “%s”: %s"), display, g_strerror (errsv));

  return FALSE;
}

/* Makes the folders @name holds below @folder, refusing to go through a
 * symbolic link: an export never writes outside the folder chosen.
 */
static gboolean
make_subfolder (const char  *folder,
                const char  *name,
                GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);
  g_autofree char *path = g_strdup (folder);

  for (guint i = 0; parts[i] && parts[i + 1]; i++)
    {
      char *next = g_build_filename (path, parts[i], NULL);
      GStatBuf st;

      g_free (path);
      path = next;

      if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                       _("“%s” is a symbolic link; an export writes only inside its folder"),
                       display);
          return FALSE;
        }

      if (!make_folder (path, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cp_export_write_files:
 * @folder: where to write; created if missing
 * @progress: (nullable): told after each file
 *
 * Writes the files, making the subfolders their names hold; each one
 * whole or not at all. A cancelled export
 * stops between files. Safe to call from any thread.
 */
gboolean
cp_export_write_files (const char      *folder,
                       GPtrArray       *files,
                       GCancellable    *cancellable,
                       CpProgressFunc   progress,
                       gpointer         user_data,
                       GError         **error)
{
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (files != NULL, FALSE);

  if (!make_folder (folder, error))
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      CpExportFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_build_filename (folder, file->name, NULL);

      if (strchr (file->name, '/') != NULL && !make_subfolder (folder, file->name, error))
        return FALSE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !cp_file_write (path, file->contents, file->length, error))
        return FALSE;

      if (progress)
        progress (i + 1, files->len, user_data);
    }

  return TRUE;
}

/**
 * cp_notes_export:
 * @folder: where to write; created if missing
 * @progress: (nullable): told after each note
 * @n_written: (out) (optional): how many files were written
 *
 * Writes one Markdown file per note.
 */
gboolean
cp_notes_export (CpEngagement        *engagement,
                 const char          *folder,
                 CpNotesExportFlags   flags,
                 GCancellable        *cancellable,
                 CpProgressFunc       progress,
                 gpointer             user_data,
                 guint               *n_written,
                 GError             **error)
{
  g_autoptr(GPtrArray) files = cp_notes_export_prepare (engagement, flags, error);

  if (files == NULL ||
      !cp_export_write_files (folder, files, cancellable, progress, user_data, error))
    return FALSE;

  if (n_written)
    *n_written = files->len;

  return TRUE;
}

gboolean
_cp_note_fields_validate (const CpNoteFields  *fields,
                          const char          *file_name,
                          GError             **error)
{
  const char *what = file_name ? file_name : _("The note");

  if (fields->body_length > CP_NOTE_MAX_BYTES)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("%s is larger than %d MB, too large for a note"), what,
                   CP_NOTE_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }

  if (fields->body && memchr (fields->body, '\0', fields->body_length) != NULL)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("%s holds NUL bytes; it is not a text file"), what);
      return FALSE;
    }

  if ((fields->body && !g_utf8_validate (fields->body, fields->body_length, NULL)) ||
      (fields->title && !g_utf8_validate (fields->title, -1, NULL)))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("%s is not valid UTF-8 text"), what);
      return FALSE;
    }

  return TRUE;
}

/**
 * _cp_note_fields_from_file:
 * @front_matter: (nullable): the file's front matter
 * @title: (out): the title to store, or %NULL; free it after use
 * @tags: (out): the tags to store, or %NULL; free it after use
 *
 * Fills @fields for a note read from a file. A title the body's heading
 * already gives is not stored, so the note keeps following its heading.
 */
void
_cp_note_fields_from_file (CpNoteFields  *fields,
                           CpFrontMatter *front_matter,
                           const char    *body,
                           gsize          body_length,
                           char         **title,
                           char         **tags)
{
  g_autofree char *derived = NULL;

  *title = NULL;
  *tags = NULL;
  fields->body = body;
  fields->body_length = body_length;
  fields->visibility = front_matter && front_matter->has_visibility ? front_matter->visibility
                                                                    : CP_VISIBILITY_COACH;
  if (front_matter == NULL)
    return;

  fields->author = front_matter->author;
  *tags = _cp_tags_join ((const char * const *) front_matter->tags);
  fields->tags = *tags;
  fields->created = front_matter->created;
  fields->updated = front_matter->updated ? front_matter->updated : front_matter->created;

  derived = g_strndup (body, body_length);
  *title = cp_markdown_dup_title (derived);
  if (front_matter->has_title && g_strcmp0 (*title, front_matter->title) != 0)
    {
      g_free (*title);
      *title = g_strdup (front_matter->title);
    }
  else
    g_clear_pointer (title, g_free);
  fields->title = *title;
}

typedef struct
{
  char          *path;
  char          *contents;
  gsize          length;
  CpFrontMatter *front_matter;
  gsize          body_offset;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_free (p->path);
  g_free (p->contents);
  cp_front_matter_free (p->front_matter);
  g_free (p);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Collects the .md files of @path: the file itself, or those in the
 * folder and its subfolders, in name order. Inside a folder a symbolic
 * link is refused, never followed: it could lead anywhere, or round in
 * a loop. @inside says which files were found in a folder.
 */
static gboolean
collect (const char  *path,
         gboolean     in_folder,
         GPtrArray   *files,
         GHashTable  *inside,
         GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;
  GStatBuf st;

  if ((in_folder ? g_lstat (path, &st) : g_stat (path, &st)) != 0)
    {
      cp_file_set_io_error (error, errno, FALSE, path);
      return FALSE;
    }

  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is a symbolic link; links inside a folder are not followed"), display);
      return FALSE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_ptr_array_add (files, g_strdup (path));
      if (in_folder)
        g_hash_table_add (inside, g_strdup (path));
      return TRUE;
    }

  if (!(dir = g_dir_open (path, 0, error)))
    return FALSE;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *child_name = g_ptr_array_index (names, i);
      g_autofree char *child = g_build_filename (path, child_name, NULL);

      if (g_lstat (child, &st) != 0)
        {
          cp_file_set_io_error (error, errno, FALSE, child);
          return FALSE;
        }
      if (S_ISLNK (st.st_mode) || S_ISDIR (st.st_mode) ||
          g_str_has_suffix (child_name, ".md") || g_str_has_suffix (child_name, ".markdown"))
        {
          if (!collect (child, TRUE, files, inside, error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * cp_notes_import:
 * @paths: Markdown files, or folders of them
 * @n_imported: (out) (optional): how many notes were added
 *
 * Adds each file as a note, all of them or — if any file is refused —
 * none. The body is kept byte for byte.
 */
gboolean
cp_notes_import (CpEngagement        *engagement,
                 const char * const  *paths,
                 guint               *n_imported,
                 GError             **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_free);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) inside = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) local = NULL;
  CpStoreUnit *unit;
  CpStore *store;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), FALSE);

  store = cp_engagement_get_store (engagement);

  for (guint i = 0; paths && paths[i] && local == NULL; i++)
    collect (paths[i], FALSE, files, inside, &local);

  /* Read and check every file before writing anything. */
  for (guint i = 0; i < files->len && local == NULL; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *display = g_filename_display_name (path);
      Pending *p = g_new0 (Pending, 1);
      CpNoteFields fields = { 0 };

      p->path = g_strdup (path);
      g_ptr_array_add (pending, p);

      if (!(p->contents = cp_file_read (path, CP_NOTE_MAX_BYTES,
                                        g_hash_table_contains (inside, path)
                                        ? CP_FILE_READ_NO_FOLLOW : CP_FILE_READ_DEFAULT,
                                        &p->length, &local)))
        break;

      fields.body = p->contents;
      fields.body_length = p->length;
      if (!_cp_note_fields_validate (&fields, display, error))
        return FALSE;
      if (!_cp_front_matter_parse_checked (p->contents, p->length, display, &p->front_matter,
                                           &p->body_offset, &local))
        break;
    }

  /* A file refused is bad input, whatever the reason. */
  if (local != NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, local->message);
      return FALSE;
    }

  if (!cp_engagement_get_notes (engagement, error))
    return FALSE;

  /* Every file, or none: one unit of work. */
  unit = _cp_store_unit_new (_("Could not import the notes"), NULL);
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = g_ptr_array_index (pending, i);
      g_autofree char *tags = NULL;
      g_autofree char *title = NULL;
      CpNoteFields fields = { 0 };

      _cp_note_fields_from_file (&fields, p->front_matter, p->contents + p->body_offset,
                                 p->length - p->body_offset, &title, &tags);
      /* Notes of one's own, brought in from files. */
      if (fields.author == NULL)
        fields.author = cp_store_get_author (store);
      _cp_note_add_to_unit (unit, cp_engagement_get_id (engagement), &fields);
    }

  if (!(rows = _cp_store_unit_commit (store, unit, error)))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (added, _cp_note_new_from_row (store, _cp_rows_get (rows, i)));
  _cp_engagement_notes_added (engagement, added);

  if (n_imported)
    *n_imported = added->len;

  return TRUE;
}
