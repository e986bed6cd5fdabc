/* cp-store-folder-read.c — the Markdown blocks of an engagement folder's
 * files, and the rows of its lists read from them
 *
 * Each file is read as headings, "- Name: value" lists, task lists,
 * tables and fenced text; any other line is an error that names the file
 * and the line.
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
#include "cp-store-folder-private.h"
#include "cp-engagement-io.h"
#include "cp-markdown.h"
#include "cp-note-private.h"
#include "cp-notes-io.h"
#include "cp-notes-io-private.h"
#include "cp-store-private.h"

static char *
unescape (const char *text,
          gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] != '\\' || i + 1 == length)
        {
          g_string_append_c (out, text[i]);
          continue;
        }

      switch (text[++i])
        {
        case '\\': g_string_append_c (out, '\\'); break;
        case '|': g_string_append_c (out, '|'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        default:
          /* Not ours: kept as written. */
          g_string_append_c (out, '\\');
          g_string_append_c (out, text[i]);
        }
    }

  return g_string_free (out, FALSE);
}

static void
pair_free (Pair *pair)
{
  g_free (pair->key);
  g_free (pair->value);
  g_free (pair);
}

static void
item_free (Item *item)
{
  g_ptr_array_unref (item->cells);
  g_clear_pointer (&item->pairs, g_ptr_array_unref);
  g_free (item);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_free (block);
}

void
_cp_folder_doc_free (Doc *doc)
{
  g_free (doc->name);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

void
_cp_folder_record_free (Record *record)
{
  /* Values may be missing, so not a NULL-terminated array. */
  for (guint i = 0; i < record->n_values; i++)
    g_free (record->values[i]);
  g_free (record->values);
  g_free (record->lines);
  g_free (record);
}



void
_cp_folder_doc_error (const char  *name,
                      guint        line,
                      GError     **error,
                      const char  *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    /* Translators: a file of an engagement folder, a line of it, and what is wrong there. */
    g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, _("%s, line %u: %s"), name, line,
                 message);
  else
    g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, "%s: %s", name, message);
}

static Block *
new_block (Doc       *doc,
           BlockType  type,
           guint      line)
{
  Block *block = g_new0 (Block, 1);

  block->type = type;
  block->line = line;
  if (type == B_FIELDS)
    block->items = g_ptr_array_new_with_free_func ((GDestroyNotify) pair_free);
  else if (type == B_TASKS || type == B_TABLE)
    block->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_ptr_array_add (doc->blocks, block);

  return block;
}

/* "Key: value", "Key:" — the value unescaped. */
static Pair *
parse_pair (const char *text,
            gsize       length,
            guint       line)
{
  const char *colon = memchr (text, ':', length);
  gsize rest;
  Pair *pair;

  if (colon == NULL || colon == text)
    return NULL;

  rest = length - (colon + 1 - text);
  if (rest > 0 && colon[1] != ' ')
    return NULL;

  pair = g_new0 (Pair, 1);
  pair->key = g_strndup (text, colon - text);
  pair->value = rest > 0 ? unescape (colon + 2, rest - 1) : g_strdup ("");
  pair->line = line;

  return pair;
}

/* "| a | b |": the cells, each unescaped without the one space either
 * side of it. NULL when the row does not end with a bar.
 */
static GPtrArray *
parse_row (const char *text,
           gsize       length)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gsize start = 1;

  for (gsize i = 1; i < length; i++)
    {
      gsize from = start, to = i;

      if (text[i] == '\\')
        {
          i++;
          continue;
        }
      if (text[i] != '|')
        continue;

      if (to > from && text[from] == ' ')
        from++;
      if (to > from && text[to - 1] == ' ')
        to--;
      g_ptr_array_add (cells, unescape (text + from, to - from));
      start = i + 1;
    }

  if (start != length)
    return NULL;

  return g_steal_pointer (&cells);
}

static gboolean
is_rule_cell (const char *cell)
{
  const char *p = cell;

  if (*p == ':')
    p++;
  if (*p != '-')
    return FALSE;
  while (*p == '-')
    p++;
  if (*p == ':')
    p++;

  return *p == '\0';
}

/* Splits a part file into blocks: headings, field lists, task lists,
 * tables and fenced text. Any other line is an error.
 */
Doc *
_cp_folder_doc_parse (const char  *name,
                      const char  *text,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(Doc) doc = g_new0 (Doc, 1);
  Block *current = NULL;
  gsize pos = 0;
  guint line = 0;

  doc->name = g_strdup (name);
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  while (pos < length)
    {
      const char *nl = memchr (text + pos, '\n', length - pos);
      gsize next = nl ? (gsize) (nl - text) + 1 : length;
      gsize end = nl ? (gsize) (nl - text) : length;
      const char *l = text + pos;
      gsize n;

      line++;
      if (end > pos && text[end - 1] == '\r')
        end--;
      n = end - pos;

      if (n == 0)
        current = NULL;
      else if (l[0] == '#')
        {
          guint level = strspn (l, "#");
          Block *block;

          if (level > 6 || level >= n || l[level] != ' ')
            {
              _cp_folder_doc_error (name, line, error,
                                    _("a heading needs a space after its “#” signs"));
              return NULL;
            }
          block = new_block (doc, B_HEADING, line);
          block->level = level;
          block->text = g_strndup (l + level + 1, n - level - 1);
          current = NULL;
        }
      else if (n >= 3 && memcmp (l, "~~~", 3) == 0)
        {
          gsize fence = strspn (l, "~");
          gsize start = next, scan = next;
          guint opened = line;
          gboolean closed = FALSE;
          Block *block;

          if (fence > n)
            fence = n;
          while (scan < length)
            {
              const char *nl2 = memchr (text + scan, '\n', length - scan);
              gsize next2 = nl2 ? (gsize) (nl2 - text) + 1 : length;
              gsize end2 = nl2 ? (gsize) (nl2 - text) : length;

              line++;
              if (end2 > scan && text[end2 - 1] == '\r')
                end2--;
              if (end2 - scan == fence && strspn (text + scan, "~") >= fence)
                {
                  block = new_block (doc, B_TEXT, opened);
                  /* The text, without the line break the fence adds. */
                  block->text = g_strndup (text + start, scan > start ? scan - start - 1 : 0);
                  next = next2;
                  closed = TRUE;
                  break;
                }
              scan = next2;
            }
          if (!closed)
            {
              _cp_folder_doc_error (name, opened, error, _("this block of text is never closed"));
              return NULL;
            }
          current = NULL;
        }
      else if (l[0] == '|')
        {
          GPtrArray *cells = parse_row (l, n);
          Item *item;

          if (cells == NULL)
            {
              _cp_folder_doc_error (name, line, error, _("a table row must end with “|”"));
              return NULL;
            }
          if (current == NULL || current->type != B_TABLE)
            current = new_block (doc, B_TABLE, line);
          item = g_new0 (Item, 1);
          item->line = line;
          item->cells = cells;
          g_ptr_array_add (current->items, item);
        }
      else if (n >= 5 && (memcmp (l, "- [ ]", 5) == 0 || memcmp (l, "- [x]", 5) == 0 ||
                          memcmp (l, "- [X]", 5) == 0) && (n == 5 || l[5] == ' '))
        {
          Item *item = g_new0 (Item, 1);

          if (current == NULL || current->type != B_TASKS)
            current = new_block (doc, B_TASKS, line);
          item->line = line;
          item->done = l[3] != ' ';
          item->cells = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (item->cells, n > 6 ? unescape (l + 6, n - 6) : g_strdup (""));
          item->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) pair_free);
          g_ptr_array_add (current->items, item);
        }
      else if (n > 4 && memcmp (l, "  - ", 4) == 0 && current && current->type == B_TASKS)
        {
          Item *task = g_ptr_array_index (current->items, current->items->len - 1);
          Pair *pair = parse_pair (l + 4, n - 4, line);

          if (pair == NULL)
            {
              _cp_folder_doc_error (name, line, error, _("expected “Name: value” under the task"));
              return NULL;
            }
          g_ptr_array_add (task->pairs, pair);
        }
      else if (n > 2 && memcmp (l, "- ", 2) == 0)
        {
          Pair *pair = parse_pair (l + 2, n - 2, line);

          if (pair == NULL)
            {
              _cp_folder_doc_error (name, line, error, _("expected “- Name: value”"));
              return NULL;
            }
          if (current == NULL || current->type != B_FIELDS)
            current = new_block (doc, B_FIELDS, line);
          g_ptr_array_add (current->items, pair);
        }
      else
        {
          _cp_folder_doc_error (name, line, error,
                                _("this line is not part of an engagement folder: only headings, "
                       "“- Name: value” lines, tasks, tables and fenced text belong here"));
          return NULL;
        }

      pos = next;
    }

  doc->n_lines = line;

  return g_steal_pointer (&doc);
}

Block *
_cp_folder_doc_peek (Doc *doc)
{
  return doc->next < doc->blocks->len ? g_ptr_array_index (doc->blocks, doc->next) : NULL;
}

guint
_cp_folder_doc_line (Doc *doc)
{
  Block *block = _cp_folder_doc_peek (doc);

  return block ? block->line : doc->n_lines;
}

/* Whether the next block is a heading of @level starting with @prefix
 * (any heading of that level when @prefix is NULL).
 */
gboolean
_cp_folder_doc_at_heading (Doc        *doc,
                           guint       level,
                           const char *prefix)
{
  Block *block = _cp_folder_doc_peek (doc);

  return block && block->type == B_HEADING && block->level == level &&
         (prefix == NULL || g_str_has_prefix (block->text, prefix));
}

gboolean
_cp_folder_doc_expect_heading (Doc         *doc,
                               guint        level,
                               const char  *prefix,
                               const char  *example,
                               GError     **error)
{
  if (!_cp_folder_doc_at_heading (doc, level, prefix))
    {
      _cp_folder_doc_error (doc->name, _cp_folder_doc_line (doc), error,
                            _("expected the heading “%s”"), example);
      return FALSE;
    }

  doc->next++;

  return TRUE;
}

/* The next block when it has @type, else NULL. */
Block *
_cp_folder_doc_take (Doc       *doc,
                     BlockType  type)
{
  Block *block = _cp_folder_doc_peek (doc);

  if (block == NULL || block->type != type)
    return NULL;

  doc->next++;

  return block;
}

gboolean
_cp_folder_doc_expect_end (Doc     *doc,
                           GError **error)
{
  if (_cp_folder_doc_peek (doc) != NULL)
    {
      _cp_folder_doc_error (doc->name, _cp_folder_doc_line (doc), error,
                            _("nothing more was expected here"));
      return FALSE;
    }

  return TRUE;
}


Record *
_cp_folder_record_new (const List *list,
                       guint       line)
{
  Record *record = g_new0 (Record, 1);

  record->values = g_new0 (char *, list->n_columns);
  record->lines = g_new0 (guint, list->n_columns);
  record->n_values = list->n_columns;
  record->line = line;

  return record;
}

/* Sets a record's value from a "Name: value" pair. */
static gboolean
record_take_pair (Doc         *doc,
                  const List  *list,
                  Record      *record,
                  Pair        *pair,
                  GError     **error)
{
  int c = _cp_folder_find_column (list, pair->key);

  if (c < 0 || list->columns[c].kind == K_BLOCK || list->columns[c].kind == K_DONE)
    {
      _cp_folder_doc_error (doc->name, pair->line, error, _("“%s” is not a field here"), pair->key);
      return FALSE;
    }
  if (record->values[c] != NULL)
    {
      _cp_folder_doc_error (doc->name, pair->line, error, _("“%s” is given twice"), pair->key);
      return FALSE;
    }

  record->values[c] = g_strdup (pair->value);
  record->lines[c] = pair->line;

  return TRUE;
}

/* Reads the table or task list that may follow, as records. */
GPtrArray *
_cp_folder_read_records (Doc         *doc,
                         const List  *list,
                         Shape        shape,
                         GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  Block *block;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) _cp_folder_record_free);
  if (shape == SHAPE_TASKS)
    {
      guint text = _cp_folder_task_text_column (list);

      if (!(block = _cp_folder_doc_take (doc, B_TASKS)))
        return g_steal_pointer (&records);

      for (guint i = 0; i < block->items->len; i++)
        {
          Item *item = g_ptr_array_index (block->items, i);
          Record *record = _cp_folder_record_new (list, item->line);

          g_ptr_array_add (records, record);
          record->values[0] = g_strdup (item->done ? "x" : " ");
          record->values[text] = g_strdup (g_ptr_array_index (item->cells, 0));
          record->lines[0] = record->lines[text] = item->line;
          for (guint p = 0; p < item->pairs->len; p++)
            if (!record_take_pair (doc, list, record, g_ptr_array_index (item->pairs, p), error))
              return NULL;
        }

      return g_steal_pointer (&records);
    }

  if (!(block = _cp_folder_doc_take (doc, B_TABLE)))
    return g_steal_pointer (&records);

  {
    Item *header = g_ptr_array_index (block->items, 0);
    g_autofree int *map = g_new0 (int, header->cells->len);

    for (guint k = 0; k < header->cells->len; k++)
      {
        const char *title = g_ptr_array_index (header->cells, k);

        map[k] = _cp_folder_find_column (list, title);
        for (guint j = 0; j < k && map[k] >= 0; j++)
          if (map[j] == map[k])
            map[k] = -2;
        if (map[k] == -2)
          {
            _cp_folder_doc_error (doc->name, header->line, error,
                                  _("the column “%s” is given twice"), title);
            return NULL;
          }
        if (map[k] < 0)
          {
            g_autoptr(GString) expected = g_string_new (NULL);

            for (guint c = 0; c < list->n_columns; c++)
              g_string_append_printf (expected, "%s%s", c ? ", " : "", list->columns[c].title);
            _cp_folder_doc_error (doc->name, header->line, error,
                                  _("there is no column “%s”; the columns are: %s"),
                                  title, expected->str);
            return NULL;
          }
      }

    if (block->items->len < 2)
      {
        _cp_folder_doc_error (doc->name, header->line, error,
                              _("the table has no line of dashes under its header"));
        return NULL;
      }

    for (guint r = 1; r < block->items->len; r++)
      {
        Item *row = g_ptr_array_index (block->items, r);
        Record *record;

        if (row->cells->len != header->cells->len)
          {
            _cp_folder_doc_error (doc->name, row->line, error,
                                  _("this row has %u cells, the header %u"),
                                  row->cells->len, header->cells->len);
            return NULL;
          }

        if (r == 1)
          {
            for (guint k = 0; k < row->cells->len; k++)
              if (!is_rule_cell (g_ptr_array_index (row->cells, k)))
                {
                  _cp_folder_doc_error (doc->name, row->line, error,
                                        _("the table has no line of dashes under its header"));
                  return NULL;
                }
            continue;
          }

        record = _cp_folder_record_new (list, row->line);
        g_ptr_array_add (records, record);
        for (guint k = 0; k < row->cells->len; k++)
          {
            record->values[map[k]] = g_strdup (g_ptr_array_index (row->cells, k));
            record->lines[map[k]] = row->line;
          }
      }
  }

  return g_steal_pointer (&records);
}

/* Reads a "- Name: value" list and the text blocks after it, each under
 * a heading of @level + 1 named as its column.
 */
Record *
_cp_folder_read_fields (Doc         *doc,
                        const List  *list,
                        guint        level,
                        GError     **error)
{
  Block *block = _cp_folder_doc_take (doc, B_FIELDS);
  Record *record;

  if (block == NULL)
    {
      _cp_folder_doc_error (doc->name, _cp_folder_doc_line (doc), error,
                            _("expected a list of “- Name: value” lines"));
      return NULL;
    }

  record = _cp_folder_record_new (list, block->line);
  for (guint i = 0; i < block->items->len; i++)
    if (!record_take_pair (doc, list, record, g_ptr_array_index (block->items, i), error))
      {
        _cp_folder_record_free (record);
        return NULL;
      }

  while (_cp_folder_doc_at_heading (doc, level + 1, NULL))
    {
      Block *heading = _cp_folder_doc_peek (doc);
      int c = _cp_folder_find_column (list, heading->text);
      Block *text;

      if (c < 0 || list->columns[c].kind != K_BLOCK)
        break;
      doc->next++;
      if (!(text = _cp_folder_doc_take (doc, B_TEXT)))
        {
          _cp_folder_doc_error (doc->name, heading->line, error,
                                _("a block of text fenced with “~~~” should follow"));
          _cp_folder_record_free (record);
          return NULL;
        }
      if (record->values[c] != NULL)
        {
          _cp_folder_doc_error (doc->name, heading->line, error, _("“%s” is given twice"),
                                heading->text);
          _cp_folder_record_free (record);
          return NULL;
        }
      record->values[c] = g_strdup (text->text);
      record->lines[c] = text->line;
    }

  return record;
}
