/* cp-report-pdf.c — the progress report as a paginated PDF, laid out with
 * Pango on cairo's PDF surface: Markdown through the same styled runs as
 * the preview, pipe tables as ruled tables
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cp-bars.h"
#include "cp-stakeholder-map.h"
#include "cp-file.h"
#include "cp-markdown.h"
#include "cp-report.h"
#include "cp-store.h"

/* A4 in points, with 2 cm margins. */
#define PAGE_WIDTH  595.0
#define PAGE_HEIGHT 842.0
#define MARGIN       56.7
#define CELL_PAD      4.0

typedef struct
{
  cairo_surface_t      *surface;
  int                   outline[7];   /* the last entry of each heading level */
  cairo_t              *cr;
  PangoFontDescription *font;
  double                y;
  double                line_height;   /* of body text */
  gboolean              in_list;       /* the last block was a list item */
  guint                 page;
  const char           *title;
} Pen;

static double
text_width (void)
{
  return PAGE_WIDTH - 2 * MARGIN;
}

static void show_footer (Pen        *pen,
                         const char *title);

static void
new_page (Pen *pen)
{
  show_footer (pen, pen->title);
  cairo_show_page (pen->cr);
  pen->y = MARGIN;
  pen->page++;
}

/* Makes room for @height on this page, or starts the next. */
static void
need (Pen    *pen,
      double  height)
{
  if (pen->y + height > PAGE_HEIGHT - MARGIN && pen->y > MARGIN)
    new_page (pen);
}

static PangoLayout *
new_layout (Pen    *pen,
            double  width)
{
  PangoLayout *layout = pango_cairo_create_layout (pen->cr);

  pango_layout_set_font_description (layout, pen->font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  return layout;
}

/* Draws a layout line by line, breaking pages between lines. */
static void
show_flowing (Pen         *pen,
              PangoLayout *layout,
              double       x)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int baseline = pango_layout_iter_get_baseline (iter);
      double top, height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      height = (double) logical.height / PANGO_SCALE;

      /* A heading's line, taller than text, keeps three lines of what
       * follows with it.
       */
      need (pen, height > pen->line_height * 1.3 ? height + 3 * pen->line_height : height);
      /* Where the line starts within the layout: a hanging first line
       * starts left of the others.
       */
      cairo_move_to (pen->cr, x + (double) logical.x / PANGO_SCALE,
                     pen->y + (double) baseline / PANGO_SCALE - top);
      pango_cairo_show_layout_line (pen->cr, line);
      pen->y += height;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static const char *
heading_size (guint level)
{
  switch (level)
    {
    case 1: return "xx-large";
    case 2: return "x-large";
    case 3: return "large";
    default: return "medium";
    }
}

/* Runs @from to @to of the preview's styled runs, as Pango markup, and
 * where each run starts in the layout's text. Quotes step in at the
 * start of their lines; lists are indented by the caller.
 */
static char *
runs_to_markup (GPtrArray *runs,
                guint      from,
                guint      to,
                gsize     *starts)
{
  GString *markup = g_string_new (NULL);
  gboolean line_start = TRUE;
  gsize plain = 0;

  for (guint i = from; i < to; i++)
    {
      const CpRun *run = g_ptr_array_index (runs, i);
      g_autofree char *text = g_markup_escape_text (run->text, -1);
      g_autoptr(GString) open = g_string_new (NULL);
      g_autoptr(GString) close = g_string_new (NULL);

      if (run->heading > 0)
        {
          g_string_append_printf (open, "<span size=\"%s\" weight=\"bold\">", heading_size (run->heading));
          g_string_prepend (close, "</span>");
        }
      if (run->style & CP_RUN_STRONG)
        g_string_append (open, "<b>"), g_string_prepend (close, "</b>");
      if (run->style & CP_RUN_EMPHASIS || run->quote_depth > 0)
        g_string_append (open, "<i>"), g_string_prepend (close, "</i>");
      if (run->style & (CP_RUN_CODE | CP_RUN_CODE_BLOCK))
        g_string_append (open, "<tt>"), g_string_prepend (close, "</tt>");
      if (run->style & CP_RUN_LINK)
        g_string_append (open, "<span foreground=\"#1c71d8\" underline=\"single\">"),
        g_string_prepend (close, "</span>");
      if (run->quote_depth > 0)
        g_string_append (open, "<span foreground=\"#5e5c64\">"), g_string_prepend (close, "</span>");

      if (line_start && run->quote_depth > 0)
        for (guint d = 0; d < run->quote_depth; d++)
          {
            g_string_append (markup, "    ");
            plain += 4;
          }

      starts[i - from] = plain;
      g_string_append_printf (markup, "%s%s%s", open->str, text, close->str);
      plain += strlen (run->text);
      line_start = g_str_has_suffix (run->text, "\n");
    }
  starts[to - from] = plain;

  return g_string_free (markup, FALSE);
}

/* The PDF's outline: each heading under the last one above its level. */
static void
add_outline (Pen         *pen,
             const CpRun *heading)
{
  g_autofree char *name = g_strstrip (g_strdup (heading->text));
  g_autofree char *where = g_strdup_printf ("page=%u pos=[%.1f %.1f]", pen->page, MARGIN, pen->y);
  guint level = CLAMP (heading->heading, 1, 6);
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint l = level - 1; l >= 1 && parent == CAIRO_PDF_OUTLINE_ROOT; l--)
    if (pen->outline[l] != 0)
      parent = pen->outline[l];

  pen->outline[level] = cairo_pdf_surface_add_outline (pen->surface, parent, name, where,
                                                       CAIRO_PDF_OUTLINE_FLAG_OPEN);
  for (guint l = level + 1; l < G_N_ELEMENTS (pen->outline); l++)
    pen->outline[l] = 0;
}

/* A link on the page, over the lines of its text: only for the web and
 * mail, never for files.
 */
static void
add_link (Pen         *pen,
          PangoLayout *layout,
          double       x,
          double       y,
          const char  *url,
          gsize        start,
          gsize        end)
{
  g_autoptr(GString) escaped = g_string_new (NULL);
  PangoRectangle first, last;

  if (url == NULL || !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://") ||
                       g_str_has_prefix (url, "mailto:")))
    return;

  for (const char *c = url; *c; c++)
    {
      if (*c == '\'' || *c == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *c);
    }

  pango_layout_index_to_pos (layout, (int) start, &first);
  pango_layout_index_to_pos (layout, (int) MAX (end, start + 1) - 1, &last);
  {
    double top = y + (double) first.y / PANGO_SCALE;
    double bottom = y + (double) (last.y + last.height) / PANGO_SCALE;
    double left = first.y == last.y ? x + (double) first.x / PANGO_SCALE : x;
    double right = first.y == last.y ? x + (double) (last.x + last.width) / PANGO_SCALE
                                     : x + text_width ();
    g_autofree char *attributes = g_strdup_printf ("uri='%s' rect=[%.1f %.1f %.1f %.1f]", escaped->str,
                                                   left, top, right - left, bottom - top);

    cairo_tag_begin (pen->cr, CAIRO_TAG_LINK, attributes);
    cairo_tag_end (pen->cr, CAIRO_TAG_LINK);
  }
}

/* One paragraph, heading or list item: runs @from to @to. A list item
 * hangs its marker to the left of its text; a heading goes into the
 * outline and keeps the lines after it company.
 */
static void
show_block (Pen       *pen,
            GPtrArray *runs,
            guint      from,
            guint      to)
{
  const CpRun *head = g_ptr_array_index (runs, from);
  g_autofree gsize *starts = g_new0 (gsize, to - from + 1);
  g_autofree char *markup = runs_to_markup (runs, from, to, starts);
  g_autoptr(PangoLayout) layout = NULL;
  double x = MARGIN, width = text_width (), y;
  guint page, gaps = 0;
  gsize length = strlen (markup);

  /* Blank lines after it are space, not text. */
  while (length > 0 && markup[length - 1] == '\n')
    length--, gaps++;
  markup[length] = '\0';
  if (length == 0)
    {
      pen->y += gaps > 1 ? (gaps - 1) * pen->line_height : 0;
      return;
    }

  /* A list, or what came before a heading, ends with some room. */
  if ((head->heading > 0 || (pen->in_list && head->list_depth == 0)) && pen->y > MARGIN)
    pen->y += pen->line_height * 0.6;
  pen->in_list = head->list_depth > 0;

  if (head->list_depth > 0)
    {
      double step = 18;
      double marker = 0;

      if (head->style & CP_RUN_LIST_MARKER)
        {
          g_autoptr(PangoLayout) m = new_layout (pen, -1);
          int w;

          pango_layout_set_width (m, -1);
          pango_layout_set_text (m, head->text, -1);
          pango_layout_get_pixel_size (m, &w, NULL);
          marker = w;
        }
      x += (head->list_depth - 1) * step + step + marker;
      width -= x - MARGIN;
      layout = new_layout (pen, width);
      pango_layout_set_indent (layout, (int) (-marker * PANGO_SCALE));
    }
  else
    layout = new_layout (pen, width);
  pango_layout_set_markup (layout, markup, -1);

  if (head->heading > 0)
    {
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      need (pen, height + 3 * pen->line_height);
      add_outline (pen, head);
    }

  page = pen->page;
  y = pen->y;
  /* The hanging marker is drawn to the left of the text's edge. */
  show_flowing (pen, layout, x);

  if (pen->page == page)
    for (guint i = from; i < to; i++)
      {
        const CpRun *run = g_ptr_array_index (runs, i);

        if (run->style & CP_RUN_LINK)
          add_link (pen, layout, x, y, run->url, starts[i - from], starts[i - from + 1]);
      }

  pen->y += gaps > 1 ? (gaps - 1) * pen->line_height : 0;
}

static void
show_markdown (Pen        *pen,
               const char *markdown)
{
  g_autoptr(GPtrArray) runs = cp_markdown_to_runs (markdown, -1);
  guint from = 0;

  if (runs->len == 0)
    return;

  for (guint i = 0; i < runs->len; i++)
    {
      const CpRun *run = g_ptr_array_index (runs, i);

      if (g_str_has_suffix (run->text, "\n") || i + 1 == runs->len)
        {
          show_block (pen, runs, from, i + 1);
          from = i + 1;
        }
    }
  pen->y += 10;
}

/* A cell's text as markup: a date or a number never breaks across lines,
 * nor does a word, unless it is wider than its column.
 */
static char *
cell_markup (const char *text,
             gboolean    header)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *markup = g_string_new (header ? "<b>" : "");

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (words[i], -1);
      gboolean digits = strpbrk (words[i], "0123456789") != NULL;

      if (i > 0)
        g_string_append_c (markup, ' ');
      if (digits)
        g_string_append_printf (markup, "<span allow_breaks=\"false\">%s</span>", escaped);
      else
        g_string_append (markup, escaped);
    }
  if (header)
    g_string_append (markup, "</b>");

  return g_string_free (markup, FALSE);
}

static PangoLayout *
cell_layout (Pen        *pen,
             const char *text,
             double      width,
             gboolean    header)
{
  PangoLayout *layout = new_layout (pen, width);
  g_autofree char *markup = cell_markup (text, header);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

/* The height a row takes at @widths. */
static double
row_height (Pen          *pen,
            GPtrArray    *cells,
            const double *widths,
            guint         n_columns,
            gboolean      header)
{
  double height = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (pen, c < cells->len ? (char *) cells->pdata[c] : "",
                                                   widths[c] - 2 * CELL_PAD, header);
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      height = MAX (height, h + 2 * CELL_PAD);
    }

  return height;
}

static void
show_row (Pen          *pen,
          GPtrArray    *cells,
          const double *widths,
          guint         n_columns,
          gboolean      header)
{
  double height = row_height (pen, cells, widths, n_columns, header);
  double x = MARGIN;

  if (header)
    {
      cairo_set_source_rgb (pen->cr, 0.965, 0.961, 0.957);
      cairo_rectangle (pen->cr, MARGIN, pen->y, text_width (), height);
      cairo_fill (pen->cr);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (pen, c < cells->len ? (char *) cells->pdata[c] : "",
                                                   widths[c] - 2 * CELL_PAD, header);

      cairo_set_source_rgb (pen->cr, 0.14, 0.12, 0.19);
      cairo_move_to (pen->cr, x + CELL_PAD, pen->y + CELL_PAD);
      pango_cairo_show_layout (pen->cr, layout);

      cairo_set_source_rgb (pen->cr, 0.87, 0.87, 0.85);
      cairo_set_line_width (pen->cr, 0.6);
      cairo_rectangle (pen->cr, x, pen->y, widths[c], height);
      cairo_stroke (pen->cr);
      x += widths[c];
    }

  pen->y += height;
}

/* The width a cell's text takes on one line, and that of its widest
 * word: less, and the word would break.
 */
static void
measure_cell (Pen        *pen,
              const char *text,
              gboolean    header,
              double     *natural,
              double     *minimum)
{
  g_autoptr(PangoLayout) layout = cell_layout (pen, text, -1, header);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  *natural = MAX (*natural, width + 2 * CELL_PAD + 1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) word = cell_layout (pen, words[i], -1, header);

      pango_layout_set_width (word, -1);
      pango_layout_get_pixel_size (word, &width, NULL);
      *minimum = MAX (*minimum, width + 2 * CELL_PAD + 1);
    }
}

/* Columns at least as wide as their widest word, and as wide as their
 * text as far as the page allows: the room left goes to the columns that
 * wrap, in proportion to what they lack. The header repeats on each page
 * the table runs onto.
 */
static void
show_table (Pen        *pen,
            const char *heading,
            GPtrArray  *header,
            GPtrArray  *rows)
{
  guint n = MAX (header->len, 1);
  g_autofree double *natural = g_new0 (double, n);
  g_autofree double *minimum = g_new0 (double, n);
  g_autofree double *widths = g_new0 (double, n);
  double room = text_width (), lacking = 0;

  for (guint c = 0; c < n; c++)
    {
      if (c < header->len)
        measure_cell (pen, header->pdata[c], TRUE, &natural[c], &minimum[c]);
      for (guint r = 0; r < rows->len; r++)
        {
          GPtrArray *cells = rows->pdata[r];

          if (c < cells->len)
            measure_cell (pen, cells->pdata[c], FALSE, &natural[c], &minimum[c]);
        }
      widths[c] = minimum[c];
      room -= minimum[c];
      lacking += natural[c] - minimum[c];
    }

  /* Too narrow even for the widest words: each column its share. */
  if (room < 0)
    for (guint c = 0; c < n; c++)
      widths[c] = text_width () * minimum[c] / (text_width () - room);
  else
    for (guint c = 0; c < n; c++)
      widths[c] += lacking > 0 ? MIN (natural[c] - minimum[c], room * (natural[c] - minimum[c]) / lacking) : 0;

  /* Whatever is left over widens the last column, so the table is full width. */
  {
    double used = 0;

    for (guint c = 0; c < n; c++)
      used += widths[c];
    widths[n - 1] += text_width () - used;
  }

  /* Neither the heading above the table nor its header stands alone at
   * the foot of a page.
   */
  need (pen, (heading != NULL ? 48 : 0) + row_height (pen, header, widths, n, TRUE) +
             (rows->len > 0 ? row_height (pen, rows->pdata[0], widths, n, FALSE) : 0));
  if (heading != NULL)
    show_markdown (pen, heading);
  show_row (pen, header, widths, n, TRUE);
  for (guint r = 0; r < rows->len; r++)
    {
      double height = row_height (pen, rows->pdata[r], widths, n, FALSE);

      if (pen->y + height > PAGE_HEIGHT - MARGIN && pen->y > MARGIN)
        {
          new_page (pen);
          show_row (pen, header, widths, n, TRUE);
        }
      show_row (pen, rows->pdata[r], widths, n, FALSE);
    }
  pen->y += 12;
  cairo_set_source_rgb (pen->cr, 0.14, 0.12, 0.19);
}

/* Takes the headings that end @chunk off it, to keep them with what
 * follows; NULL when it does not end in one.
 */
static char *
split_trailing_heading (GString *chunk)
{
  gssize end = chunk->len;
  gssize start;

  while (end > 0 && chunk->str[end - 1] == '\n')
    end--;
  start = end;
  while (start > 0 && chunk->str[start - 1] != '\n')
    start--;
  if (end == 0 || chunk->str[start] != '#')
    return NULL;

  {
    char *heading = g_strndup (chunk->str + start, end - start);

    g_string_truncate (chunk, start);
    return heading;
  }
}

/* Lays out Markdown: pipe tables as ruled tables, the rest as text. */
static void
show_document (Pen        *pen,
               const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  g_autoptr(GString) chunk = g_string_new (NULL);
  gboolean in_fence = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "```") || g_str_has_prefix (lines[i], "~~~"))
        in_fence = !in_fence;

      if (!in_fence && lines[i][0] == '|' && lines[i + 1] && g_str_has_prefix (lines[i + 1], "| ---"))
        {
          g_autoptr(GPtrArray) header = cp_markdown_split_row (lines[i]);
          g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

          g_autofree char *heading = split_trailing_heading (chunk);

          show_markdown (pen, chunk->str);
          g_string_truncate (chunk, 0);

          for (i += 2; lines[i] != NULL && lines[i][0] == '|'; i++)
            g_ptr_array_add (rows, cp_markdown_split_row (lines[i]));
          show_table (pen, heading, header, rows);
          if (lines[i] == NULL)
            break;
        }

      g_string_append (chunk, lines[i]);
      g_string_append_c (chunk, '\n');
    }

  show_markdown (pen, chunk->str);
}

static void
show_chart (Pen    *pen,
            GArray *bars)
{
  static const CpBarColors colors = {
    { 0.14, 0.12, 0.19 }, { 0.21, 0.52, 0.89 }, { 0.90, 0.38, 0.0 },
  };
  g_autoptr(PangoLayout) layout = new_layout (pen, text_width ());
  double height = cp_bars_measure (bars, layout, text_width ());

  need (pen, height);
  cairo_save (pen->cr);
  cairo_translate (pen->cr, MARGIN, pen->y);
  cp_bars_draw (bars, pen->cr, layout, text_width (), &colors);
  cairo_restore (pen->cr);
  pen->y += height + 12;
}

/* The stakeholder map, in print colours, the width of the text. */
static void
show_map (Pen    *pen,
          GArray *people)
{
  static const CpMapColors colors = {
    { 0.14, 0.12, 0.19, 1.0 }, { 0.14, 0.12, 0.19, 0.35 },
    { 0.88, 0.11, 0.14, 1.0 }, { 0.18, 0.76, 0.49, 1.0 },
  };
  g_autoptr(PangoLayout) layout = new_layout (pen, text_width ());
  PangoContext *context = pango_layout_get_context (layout);
  double height;

  pango_context_set_font_description (context, pen->font);
  height = cp_stakeholder_map_height (context, text_width (), people);

  need (pen, height);
  cairo_save (pen->cr);
  cairo_translate (pen->cr, MARGIN, pen->y);
  cp_stakeholder_map_draw (pen->cr, context, text_width (), people, &colors);
  cairo_restore (pen->cr);
  pen->y += height + 12;
}

static void
show_footer (Pen        *pen,
             const char *title)
{
  g_autoptr(PangoLayout) layout = new_layout (pen, text_width ());
  /* Translators: the footer of each page of the report. */
  g_autofree char *text = g_strdup_printf (_("%s · page %u"), title, pen->page);
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_set_source_rgb (pen->cr, 0.47, 0.46, 0.48);
  cairo_move_to (pen->cr, MARGIN, PAGE_HEIGHT - MARGIN / 2 - height);
  pango_cairo_show_layout (pen->cr, layout);
  cairo_set_source_rgb (pen->cr, 0.14, 0.12, 0.19);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * cp_report_markdown_to_pdf:
 * @markdown: the report, as cp_report_build() writes it
 * @charts: (nullable) (element-type CpReportChart): charts to draw where
 *   the Markdown reaches their offsets, in order
 * @n_pages: (out) (optional): how many pages were written
 *
 * Writes the report to @path as an A4 PDF.
 *
 * Returns: whether the file was written
 */
gboolean
cp_report_markdown_to_pdf (const char  *markdown,
                           GArray      *charts,
                           const char  *title,
                           const char  *path,
                           guint       *n_pages,
                           GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { NULL, { 0 }, NULL, NULL, MARGIN, 0, FALSE, 1, title };
  gsize done = 0;

  /* Laid out in memory, then written the way every file is written. */
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  pen.surface = surface;
  pen.cr = cairo_create (surface);
  pen.font = pango_font_description_from_string ("Cantarell, Noto Sans, Sans 10");
  cairo_set_source_rgb (pen.cr, 0.14, 0.12, 0.19);
  {
    g_autoptr(PangoLayout) line = new_layout (&pen, text_width ());
    int height;

    pango_layout_set_text (line, "Xg", -1);
    pango_layout_get_pixel_size (line, NULL, &height);
    pen.line_height = height;
  }

  for (guint c = 0; charts != NULL && c < charts->len; c++)
    {
      const CpReportChart *chart = &g_array_index (charts, CpReportChart, c);
      g_autofree char *part = g_strndup (markdown + done, chart->offset - done);

      show_document (&pen, part);
      if (chart->people != NULL)
        show_map (&pen, chart->people);
      else
        show_chart (&pen, chart->bars);
      done = chart->offset;
    }
  show_document (&pen, markdown + done);

  show_footer (&pen, title);
  cairo_show_page (pen.cr);
  pango_font_description_free (pen.font);
  cairo_destroy (pen.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                   _("Could not lay out “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }

  if (!cp_file_write (path, (const char *) bytes->data, bytes->len, error))
    return FALSE;

  if (n_pages != NULL)
    *n_pages = pen.page;

  return TRUE;
}
