/* cp-markdown.c — Markdown to styled runs of text, for the preview
 *
 * cmark parses; this walks the syntax tree once and flattens it into
 * runs: text plus how it looks. The preview widget only maps runs to text
 * tags, so everything here is testable without a display.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-markdown"

#include "config.h"

#include <cmark.h>
#include <string.h>

#include "cp-markdown.h"

typedef struct
{
  gboolean ordered;
  int      next_number;
  gboolean tight;
} List;

typedef struct
{
  GPtrArray *runs;
  GArray    *lists;      /* List, innermost last */
  GPtrArray *links;      /* char *url, innermost last */
  GString   *text;       /* the last run's text, while it may grow */
  guint      emphasis;
  guint      strong;
  guint      image;
  guint      heading;
  guint      quote_depth;
  guint      skip;       /* bytes of text still to leave out: a task's box */
  const char *markdown;  /* the source, for a table's lines */
  gsize       length;
  cmark_node *table;     /* a paragraph shown as a table: its inside is left out */
  int         at_line;   /* a line already found in the source, and where */
  const char *at;
} Walker;

static void
run_free (gpointer data)
{
  CpRun *run = data;

  g_free (run->text);
  g_free (run->url);
  g_clear_pointer (&run->rows, g_ptr_array_unref);
  g_free (run->align);
  g_free (run);
}

static CpRunStyle
current_style (Walker *w)
{
  CpRunStyle style = 0;

  if (w->emphasis)
    style |= CP_RUN_EMPHASIS;
  if (w->strong)
    style |= CP_RUN_STRONG;
  if (w->image)
    style |= CP_RUN_IMAGE;
  if (w->links->len > 0)
    style |= CP_RUN_LINK;

  return style;
}

/* Gives the last run its finished text. */
static void
flush (Walker *w)
{
  CpRun *last = w->runs->len ? g_ptr_array_index (w->runs, w->runs->len - 1) : NULL;

  if (last != NULL && last->text == NULL)
    last->text = g_strndup (w->text->str, w->text->len);
}

static void
emit (Walker     *w,
      const char *text,
      gssize      length,
      CpRunStyle  extra)
{
  CpRun *last = w->runs->len ? g_ptr_array_index (w->runs, w->runs->len - 1) : NULL;
  CpRunStyle style = current_style (w) | extra;
  const char *url = w->links->len ? g_ptr_array_index (w->links, w->links->len - 1) : NULL;
  /* Nesting past the deepest drawn is drawn flat: the text keeps its
   * room, and laying it out its linear time, however deep it goes.
   */
  guint quote_depth = MIN (w->quote_depth, CP_MARKDOWN_MAX_DEPTH);
  guint list_depth = MIN (w->lists->len, CP_MARKDOWN_MAX_DEPTH);

  if (text == NULL || length == 0 || *text == '\0')
    return;

  /* Runs that look alike join, which keeps the buffer's tags few. */
  if (last != NULL && last->text == NULL && last->style == style &&
      last->heading == w->heading && last->quote_depth == quote_depth &&
      last->list_depth == list_depth && g_strcmp0 (last->url, url) == 0)
    {
      g_string_append_len (w->text, text, length);
      return;
    }

  flush (w);
  g_string_truncate (w->text, 0);
  g_string_append_len (w->text, text, length);

  last = g_new0 (CpRun, 1);
  last->style = style;
  last->heading = w->heading;
  last->quote_depth = quote_depth;
  last->list_depth = list_depth;
  last->url = g_strdup (url);
  g_ptr_array_add (w->runs, last);
}

/* Ends a block: one newline inside tight lists, a blank line elsewhere. */
static void
end_block (Walker *w)
{
  gboolean tight = w->lists->len > 0 && g_array_index (w->lists, List, w->lists->len - 1).tight;

  emit (w, tight ? "\n" : "\n\n", -1, 0);
}

/**
 * cp_markdown_split_row:
 * @line: a row of a pipe table
 *
 * Returns: (transfer full) (element-type utf8): its cells as text, the
 *   backslash escapes taken away
 */
GPtrArray *
cp_markdown_split_row (const char *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean open = FALSE;

  /* The pipes around a row are optional. */
  while (*line == ' ' || *line == '\t')
    line++;
  if (*line != '|')
    open = TRUE;

  for (const char *p = line; *p; p++)
    {
      if (p[0] == '\\' && p[1] != '\0' && g_ascii_ispunct (p[1]))
        g_string_append_c (cell, *++p);
      else if (*p == '|')
        {
          if (open)
            g_ptr_array_add (cells, g_strdup (g_strstrip (cell->str)));
          g_string_truncate (cell, 0);
          open = TRUE;
        }
      else
        g_string_append_c (cell, *p);
    }
  if (open && *g_strstrip (cell->str) != '\0')
    g_ptr_array_add (cells, g_strdup (cell->str));

  return cells;
}

/* A table's delimiter row, such as "| --- | :-: | --: |": each column's
 * alignment, or NULL when @line is none.
 */
static char *
delimiter_row (const char *line)
{
  g_autoptr(GPtrArray) cells = cp_markdown_split_row (line);
  g_autoptr(GString) align = g_string_new (NULL);

  if (cells->len == 0 || strchr (line, '|') == NULL)
    return NULL;

  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = cells->pdata[i];
      gsize n = strlen (cell);
      gboolean left = n > 0 && cell[0] == ':';
      gboolean right = n > 1 && cell[n - 1] == ':';

      if (strspn (cell + left, "-") != n - left - right || n - left - right == 0)
        return NULL;
      g_string_append_c (align, left && right ? 'c' : right ? 'r' : 'l');
    }

  return g_string_free (g_steal_pointer (&align), FALSE);
}

/* A cell's Markdown as the plain text it shows. */
static char *
cell_plain (const char *markdown)
{
  cmark_node *doc = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  cmark_iter *iter = cmark_iter_new (doc);
  GString *text = g_string_new (NULL);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;
      if (cmark_node_get_type (node) == CMARK_NODE_TEXT || cmark_node_get_type (node) == CMARK_NODE_CODE)
        g_string_append (text, cmark_node_get_literal (node));
      else if (cmark_node_get_type (node) == CMARK_NODE_SOFTBREAK)
        g_string_append_c (text, ' ');
    }

  cmark_iter_free (iter);
  cmark_node_free (doc);

  return g_string_free (text, FALSE);
}

/* Line @number (from 1) of the source: on the paragraph's first line
 * from @column (from 1) on, past its list or quote markers; on the next
 * ones past as much of the same indent as they have, as they may be
 * lazy continuations. NULL when that leaves no UTF-8 text.
 */
static char *
source_line (Walker   *w,
             int       number,
             int       column,
             gboolean  first)
{
  const char *p = w->markdown;
  const char *end = w->markdown + w->length;
  const char *eol;
  int n = 1;

  /* Tables come in the source's order: go on from the last line found. */
  if (w->at != NULL && w->at_line <= number)
    p = w->at, n = w->at_line;
  for (; n < number && p < end; n++)
    {
      const char *next = memchr (p, '\n', end - p);

      p = next != NULL ? next + 1 : end;
    }
  w->at = p;
  w->at_line = n;
  eol = memchr (p, '\n', end - p);
  if (eol == NULL)
    eol = end;
  if (eol > p && eol[-1] == '\r')
    eol--;

  for (int skip = 0; skip < column - 1 && p < eol && (first || *p == ' ' || *p == '\t'); skip++)
    p++;
  if (!g_utf8_validate (p, eol - p, NULL))
    return NULL;

  return g_strndup (p, eol - p);
}

/* A paragraph whose lines are a pipe table (a header row, a delimiter
 * row, then rows) becomes one table run, its cells as plain text; any
 * other paragraph is left as it is. cmark 0.30 has no tables of its own.
 */
static gboolean
table_run (Walker     *w,
           cmark_node *para)
{
  int first = cmark_node_get_start_line (para);
  int last = cmark_node_get_end_line (para);
  int column = cmark_node_get_start_column (para);
  g_autofree char *header = NULL;
  g_autofree char *second = NULL;
  g_autofree char *align = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) text = NULL;
  cmark_node *child = cmark_node_first_child (para);
  CpRun *run;

  if (child == NULL || cmark_node_get_type (child) != CMARK_NODE_TEXT ||
      strchr (cmark_node_get_literal (child), '|') == NULL || last <= first)
    return FALSE;

  header = source_line (w, first, column, TRUE);
  second = source_line (w, first + 1, column, FALSE);
  if (header == NULL || second == NULL || strchr (header, '|') == NULL ||
      (align = delimiter_row (second)) == NULL)
    return FALSE;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  text = g_string_new (NULL);
  for (int n = first; n <= last; n++)
    {
      g_autofree char *line = n == first ? g_steal_pointer (&header) : source_line (w, n, column, FALSE);
      g_autoptr(GPtrArray) cells = NULL;
      GPtrArray *row;

      if (n == first + 1)
        continue;
      cells = cp_markdown_split_row (line != NULL ? line : "");
      row = g_ptr_array_new_with_free_func (g_free);
      for (guint c = 0; c < strlen (align); c++)
        {
          char *cell = cell_plain (c < cells->len ? cells->pdata[c] : "");

          g_string_append_printf (text, "%s%s", c > 0 ? "\t" : "", cell);
          g_ptr_array_add (row, cell);
        }
      g_string_append_c (text, '\n');
      g_ptr_array_add (rows, row);
    }

  flush (w);
  run = g_new0 (CpRun, 1);
  run->text = g_string_free (g_steal_pointer (&text), FALSE);
  run->style = CP_RUN_TABLE;
  run->quote_depth = MIN (w->quote_depth, CP_MARKDOWN_MAX_DEPTH);
  run->list_depth = MIN (w->lists->len, CP_MARKDOWN_MAX_DEPTH);
  run->rows = g_steal_pointer (&rows);
  run->align = g_steal_pointer (&align);
  g_ptr_array_add (w->runs, run);
  w->table = para;

  return TRUE;
}

static void
enter (Walker     *w,
       cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
      /* A task's "[ ] " or "[x] " shows as its box, the marker. */
      while (w->skip > 0 && literal != NULL && *literal != '\0')
        literal++, w->skip--;
      emit (w, literal, -1, 0);
      break;
    case CMARK_NODE_SOFTBREAK:
      emit (w, " ", -1, 0);
      break;
    case CMARK_NODE_LINEBREAK:
      emit (w, "\n", -1, 0);
      break;
    case CMARK_NODE_CODE:
      emit (w, literal, -1, CP_RUN_CODE);
      break;
    case CMARK_NODE_HTML_INLINE:
      emit (w, literal, -1, CP_RUN_HTML);
      break;
    case CMARK_NODE_HTML_BLOCK:
      emit (w, literal, -1, CP_RUN_HTML);
      emit (w, "\n", -1, 0);
      break;
    case CMARK_NODE_CODE_BLOCK:
      emit (w, literal, -1, CP_RUN_CODE_BLOCK);
      emit (w, "\n", -1, 0);
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      emit (w, "\u2015\u2015\u2015\u2015\u2015\u2015", -1, CP_RUN_RULE);
      emit (w, "\n\n", -1, 0);
      break;
    case CMARK_NODE_EMPH:
      w->emphasis++;
      break;
    case CMARK_NODE_STRONG:
      w->strong++;
      break;
    case CMARK_NODE_IMAGE:
      w->image++;
      break;
    case CMARK_NODE_LINK:
      g_ptr_array_add (w->links, g_strdup (cmark_node_get_url (node)));
      break;
    case CMARK_NODE_HEADING:
      w->heading = cmark_node_get_heading_level (node);
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      w->quote_depth++;
      break;
    case CMARK_NODE_LIST:
      {
        List list = {
          cmark_node_get_list_type (node) == CMARK_ORDERED_LIST,
          cmark_node_get_list_start (node),
          cmark_node_get_list_tight (node),
        };
        g_array_append_val (w->lists, list);
      }
      break;
    case CMARK_NODE_ITEM:
      {
        List *list = &g_array_index (w->lists, List, w->lists->len - 1);
        g_autofree char *marker = list->ordered ? g_strdup_printf ("%d. ", list->next_number++)
                                                : g_strdup ("\u2022 ");
        cmark_node *para = cmark_node_first_child (node);

        /* A task list item, as Coachplan's own folders write them: a box,
         * ticked or not, in place of the bullet.
         */
        if (!list->ordered && para != NULL && cmark_node_get_type (para) == CMARK_NODE_PARAGRAPH)
          {
            g_autoptr(GString) start = g_string_new (NULL);

            for (cmark_node *t = cmark_node_first_child (para);
                 t != NULL && start->len < 4 && cmark_node_get_type (t) == CMARK_NODE_TEXT;
                 t = cmark_node_next (t))
              g_string_append (start, cmark_node_get_literal (t));

            if (g_str_has_prefix (start->str, "[ ] ") ||
                g_str_has_prefix (start->str, "[x] ") || g_str_has_prefix (start->str, "[X] "))
              {
                g_free (marker);
                marker = g_strdup (start->str[1] == ' ' ? "\u2610 " : "\u2611 ");
                w->skip = 4;
              }
          }
        emit (w, marker, -1, CP_RUN_LIST_MARKER);
      }
      break;
    case CMARK_NODE_PARAGRAPH:
      table_run (w, node);
      break;
    case CMARK_NODE_DOCUMENT:
    case CMARK_NODE_CUSTOM_BLOCK:
    case CMARK_NODE_CUSTOM_INLINE:
    case CMARK_NODE_NONE:
    default:
      break;
    }
}

static void
leave (Walker     *w,
       cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_EMPH:
      w->emphasis--;
      break;
    case CMARK_NODE_STRONG:
      w->strong--;
      break;
    case CMARK_NODE_IMAGE:
      w->image--;
      break;
    case CMARK_NODE_LINK:
      g_ptr_array_remove_index (w->links, w->links->len - 1);
      break;
    case CMARK_NODE_HEADING:
      w->heading = 0;
      emit (w, "\n\n", -1, 0);
      break;
    case CMARK_NODE_PARAGRAPH:
      w->table = NULL;
      end_block (w);
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      w->quote_depth--;
      break;
    case CMARK_NODE_LIST:
      g_array_set_size (w->lists, w->lists->len - 1);
      if (w->lists->len == 0)
        emit (w, "\n", -1, 0);
      break;
    default:
      break;
    }
}

/**
 * cp_markdown_to_runs:
 * @length: bytes of @markdown, or -1 when it ends with a NUL
 *
 * Returns: (transfer full) (element-type CpRun): the preview's runs, in
 *   order
 */
GPtrArray *
cp_markdown_to_runs (const char *markdown,
                     gssize      length)
{
  Walker w = { 0 };
  cmark_node *doc;
  cmark_iter *iter;
  cmark_event_type event;

  w.runs = g_ptr_array_new_with_free_func (run_free);
  w.lists = g_array_new (FALSE, FALSE, sizeof (List));
  w.links = g_ptr_array_new_with_free_func (g_free);
  w.text = g_string_new (NULL);

  if (markdown == NULL)
    markdown = "";
  if (length < 0)
    length = strlen (markdown);
  w.markdown = markdown;
  w.length = length;

  doc = cmark_parse_document (markdown, length, CMARK_OPT_DEFAULT);
  iter = cmark_iter_new (doc);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      /* A table's inside is in its run already. */
      if (w.table != NULL && node != w.table)
        continue;
      if (event == CMARK_EVENT_ENTER)
        enter (&w, node);
      else if (event == CMARK_EVENT_EXIT)
        leave (&w, node);
    }

  cmark_iter_free (iter);
  cmark_node_free (doc);
  flush (&w);
  g_string_free (w.text, TRUE);

  /* No blank lines after the last block. */
  while (w.runs->len > 0)
    {
      CpRun *last = g_ptr_array_index (w.runs, w.runs->len - 1);
      gsize len = strlen (last->text);

      while (len > 0 && last->text[len - 1] == '\n')
        last->text[--len] = '\0';
      if (len > 0)
        break;
      g_ptr_array_remove_index (w.runs, w.runs->len - 1);
    }

  g_array_unref (w.lists);
  g_ptr_array_unref (w.links);

  return w.runs;
}



/**
 * cp_markdown_dup_title:
 *
 * Looks at the first 200 lines only, and copies none but the one it
 * returns, so a note of any size gives its title at once.
 *
 * Returns: (transfer full) (nullable): the text of the first heading of
 *   @markdown, or of its first line of text when it has none
 */
char *
cp_markdown_dup_title (const char *markdown)
{
  char *fallback = NULL;
  const char *p = markdown;

  if (markdown == NULL)
    return NULL;

  for (guint n = 0; n < 200 && p != NULL; n++)
    {
      const char *nl = strchr (p, '\n');
      const char *end = nl ? nl : p + strlen (p);
      g_autofree char *copy = NULL;
      char *line;

      /* A title is short: no more of a line than this is looked at. */
      if (end - p > 4096)
        for (end = p + 4096; end > p && ((guchar) *end & 0xc0) == 0x80;)
          end--;
      copy = g_strndup (p, end - p);
      line = g_strstrip (copy);

      p = nl ? nl + 1 : NULL;

      if (g_str_has_prefix (line, "#"))
        {
          char *text = line + strspn (line, "#");

          /* "#hashtag" is not a heading; "# Heading" is. */
          if (*text == ' ' || *text == '\t' || *text == '\0')
            {
              text = g_strstrip (text);
              while (*text && text[strlen (text) - 1] == '#')
                text[strlen (text) - 1] = '\0';
              g_strchomp (text);
              if (*text != '\0')
                {
                  g_free (fallback);
                  return g_strdup (text);
                }
            }
        }

      if (fallback == NULL && *line != '\0' && !g_str_equal (line, "---"))
        fallback = g_utf8_substring (line, 0, MIN (g_utf8_strlen (line, -1), 80));
    }

  return fallback;
}
