/* cp-markdown-view.c — a native preview of Markdown
 *
 * The text is parsed and flattened into runs off the main thread (see
 * cp-markdown.c); the view only lays the runs into its buffer with text
 * tags. A new text while one is being parsed replaces the one waiting,
 * so fast typing costs one parse per pause, not one per key.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-markdown-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cp-markdown.h"
#include "cp-markdown-view.h"

/* A parsed text, ready for the buffer: all its text, and the tags to
 * lay over it, as character offsets.
 */
typedef struct
{
  guint      start;
  guint      end;
  char      *tag;    /* a tag's name, or NULL for a link or a table */
  char      *url;
  GPtrArray *rows;   /* a table's rows, drawn as a grid at @start */
  char      *align;
} Range;

typedef struct
{
  GString       *text;
  GArray        *ranges;       /* Range */
  gboolean       cleared;      /* the old text is gone from the buffer */
  gsize          inserted;     /* bytes of the text in the buffer so far */
  guint          next;         /* the first range not yet applied */
  gboolean       rest;         /* there is more than the first screen */
  GtkTextBuffer *whole;        /* the whole text, made off-screen */
  gsize          built;        /* bytes of the text in it so far */
  guint          first_chars;  /* the first screen's characters */
  gsize          first_bytes;  /* and its bytes */
  gboolean       partial;      /* the start of a longer text, parsed alone */
} Rendering;

struct _CpMarkdownView
{
  GtkTextView   parent_instance;

  char         *waiting;      /* the next text to parse */
  GCancellable *cancellable;
  Rendering    *applying;     /* tags still being laid, a slice at a time */
  Rendering    *start_shown;  /* a partial text whose first screen shows */
  guint         apply_source;
  Rendering    *parsed;       /* the whole text, waiting for a frame */
  GdkFrameClock *clock;       /* whose next frame it waits for */
  guint         take_source;  /* takes it in, after that frame */
  guint         parsing : 1;  /* till the whole text is parsed and taken */
  guint         first_screen : 1;  /* the note's start is on show, styled */
};

G_DEFINE_FINAL_TYPE (CpMarkdownView, cp_markdown_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start (CpMarkdownView *self);

static GtkTextTag *
tag (GtkTextBuffer *buffer,
     const char    *name)
{
  return gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
}

static void
create_tags (GtkTextBuffer *buffer)
{
  static const double scales[] = { 0, 1.6, 1.4, 1.2, 1.1, 1.0, 1.0 };

  for (guint level = 1; level <= 6; level++)
    {
      g_autofree char *name = g_strdup_printf ("h%u", level);

      gtk_text_buffer_create_tag (buffer, name,
                                  "weight", PANGO_WEIGHT_BOLD,
                                  "scale", scales[level],
                                  "pixels-above-lines", level <= 2 ? 12 : 6,
                                  NULL);
    }

  gtk_text_buffer_create_tag (buffer, "emphasis", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "strong", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "code", "family", "monospace", NULL);
  gtk_text_buffer_create_tag (buffer, "code-block",
                              "family", "monospace",
                              "left-margin", 24,
                              "paragraph-background", "rgba(127,127,127,0.12)",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "link",
                              "underline", PANGO_UNDERLINE_SINGLE,
                              "foreground", "#1c71d8",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "image", "style", PANGO_STYLE_ITALIC,
                              "foreground", "#9a9996", NULL);
  gtk_text_buffer_create_tag (buffer, "rule", "foreground", "#9a9996",
                              "justification", GTK_JUSTIFY_CENTER, NULL);
  gtk_text_buffer_create_tag (buffer, "html", "family", "monospace",
                              "foreground", "#9a9996", NULL);
  gtk_text_buffer_create_tag (buffer, "marker", "weight", PANGO_WEIGHT_BOLD, NULL);
}

/* Indents lists and quotes by depth; created on demand. */
static GtkTextTag *
indent_tag (GtkTextBuffer *buffer,
            guint          quote_depth,
            guint          list_depth)
{
  g_autofree char *name = g_strdup_printf ("indent-%u-%u", quote_depth, list_depth);
  GtkTextTag *t = tag (buffer, name);

  if (t == NULL)
    t = gtk_text_buffer_create_tag (buffer, name,
                                    "left-margin", 12 + 24 * (quote_depth + list_depth),
                                    "style", quote_depth > 0 ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL,
                                    "foreground", quote_depth > 0 ? "#9a9996" : NULL,
                                    NULL);

  return t;
}

static void
range_clear (gpointer data)
{
  Range *range = data;

  g_free (range->tag);
  g_free (range->url);
  g_clear_pointer (&range->rows, g_ptr_array_unref);
  g_free (range->align);
}

static void
rendering_free (Rendering *r)
{
  if (r == NULL)
    return;

  g_string_free (r->text, TRUE);
  g_array_unref (r->ranges);
  g_clear_object (&r->whole);
  g_free (r);
}

static void
add_range (Rendering  *r,
           guint       start,
           guint       end,
           const char *tag,
           const char *url)
{
  Range range = { start, end, g_strdup (tag), g_strdup (url) };

  g_array_append_val (r->ranges, range);
}

/* Runs on the worker: flattens runs into one text and its tag ranges. */
static Rendering *
render (GPtrArray *runs)
{
  Rendering *r = g_new0 (Rendering, 1);
  guint offset = 0;

  r->text = g_string_new (NULL);
  r->ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  g_array_set_clear_func (r->ranges, range_clear);

  for (guint i = 0; i < runs->len; i++)
    {
      CpRun *run = g_ptr_array_index (runs, i);
      guint end;

      /* A table takes one character, the place of its grid. */
      if (run->style & CP_RUN_TABLE)
        {
          Range range = { offset, offset + 1, NULL, NULL, g_ptr_array_ref (run->rows), g_strdup (run->align) };

          g_array_append_val (r->ranges, range);
          g_string_append (r->text, "\uFFFC\n");
          offset += 2;
          continue;
        }

      end = offset + g_utf8_strlen (run->text, -1);
      g_string_append (r->text, run->text);

      if (run->heading)
        {
          g_autofree char *name = g_strdup_printf ("h%u", MIN (run->heading, 6));
          add_range (r, offset, end, name, NULL);
        }
      if (run->style & CP_RUN_EMPHASIS)
        add_range (r, offset, end, "emphasis", NULL);
      if (run->style & CP_RUN_STRONG)
        add_range (r, offset, end, "strong", NULL);
      if (run->style & CP_RUN_CODE)
        add_range (r, offset, end, "code", NULL);
      if (run->style & CP_RUN_CODE_BLOCK)
        add_range (r, offset, end, "code-block", NULL);
      if (run->style & CP_RUN_IMAGE)
        add_range (r, offset, end, "image", NULL);
      if (run->style & CP_RUN_RULE)
        add_range (r, offset, end, "rule", NULL);
      if (run->style & CP_RUN_HTML)
        add_range (r, offset, end, "html", NULL);
      if (run->style & CP_RUN_LIST_MARKER)
        add_range (r, offset, end, "marker", NULL);
      if (run->quote_depth || run->list_depth)
        {
          g_autofree char *name = g_strdup_printf ("indent-%u-%u", run->quote_depth, run->list_depth);
          add_range (r, offset, end, name, NULL);
        }
      if ((run->style & CP_RUN_LINK) && run->url != NULL)
        add_range (r, offset, end, NULL, run->url);

      offset = end;
    }

  return r;
}

static GtkTextTag *
lookup_tag (GtkTextBuffer *buffer,
            const char    *name)
{
  GtkTextTag *t = tag (buffer, name);
  guint quote_depth, list_depth;

  if (t == NULL && sscanf (name, "indent-%u-%u", &quote_depth, &list_depth) == 2)
    t = indent_tag (buffer, quote_depth, list_depth);

  return t;
}

/* The width of @label's longest word, and of its whole text on a line,
 * with its padding.
 */
static void
measure_cell (GtkWidget *label,
              int       *word,
              int       *whole)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, gtk_label_get_text (GTK_LABEL (label)));
  int natural, text_width;

  pango_layout_get_pixel_size (layout, &text_width, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, 1);
  pango_layout_get_pixel_size (layout, word, NULL);
  *word += MAX (natural - text_width, 0);
  *whole = natural;
}

/* The preview gives a child its least width, so a table sets its
 * columns' widths itself: each at least its longest word, and as wide as
 * its text as far as the view has room, the room shared by what each
 * lacks. Where even the words do not fit, the table keeps them whole and
 * scrolls sideways within the room.
 */
static void
fit_table (CpMarkdownView *self,
           GtkWidget      *scroller,
           int             view_width)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkWidget *grid = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))));
  int room = view_width - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view) - 24;
  int used = 0;
  int n = 0;
  g_autofree int *least = NULL;
  g_autofree int *most = NULL;
  int total_least = 0, lacking = 0;

  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      int column;

      gtk_grid_query_child (GTK_GRID (grid), cell, &column, NULL, NULL, NULL);
      n = MAX (n, column + 1);
    }
  least = g_new0 (int, n);
  most = g_new0 (int, n);

  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      int column, word, whole;

      gtk_grid_query_child (GTK_GRID (grid), cell, &column, NULL, NULL, NULL);
      measure_cell (cell, &word, &whole);
      least[column] = MAX (least[column], word);
      most[column] = MAX (most[column], whole);
    }
  for (int c = 0; c < n; c++)
    {
      total_least += least[c];
      lacking += most[c] - least[c];
    }

  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      int column, row, width;

      gtk_grid_query_child (GTK_GRID (grid), cell, &column, &row, NULL, NULL);
      if (row != 0)
        continue;
      if (room < total_least)
        width = least[column];
      else
        width = least[column] + (lacking > 0 ? MIN (most[column] - least[column],
                                                     (room - total_least) * (most[column] - least[column]) / lacking)
                                             : 0);
      gtk_widget_set_size_request (cell, MAX (width, 0), -1);
      used += MAX (width, 0);
    }

  /* The grid's rules, a pixel each side. */
  gtk_widget_set_size_request (scroller, MAX (MIN (used + 2, room), 0), -1);
}

static void
cp_markdown_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "preview-table-scroller"))
      fit_table (CP_MARKDOWN_VIEW (widget), child, width);

  GTK_WIDGET_CLASS (cp_markdown_view_parent_class)->size_allocate (widget, width, height, baseline);
}

/* A pipe table as a grid of cells, the header row bold, in a scroller
 * for when it is wider than the preview.
 */
static GtkWidget *
table_grid (GPtrArray  *rows,
            const char *align)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_widget_add_css_class (scroller, "preview-table-scroller");
  gtk_widget_add_css_class (grid, "preview-table");

  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = rows->pdata[r];

      for (guint c = 0; c < cells->len; c++)
        {
          GtkWidget *label = gtk_label_new (cells->pdata[c]);
          char a = align[c];

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), a == 'r' ? 1 : a == 'c' ? 0.5 : 0);
          gtk_label_set_justify (GTK_LABEL (label), a == 'r' ? GTK_JUSTIFY_RIGHT
                                                  : a == 'c' ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_LEFT);
          gtk_widget_set_focusable (label, FALSE);
          if (r == 0)
            gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (GTK_GRID (grid), label, c, r, 1, 1);
        }
    }

  return scroller;
}

/* Lays @range, from @from to @to, on @buffer, whose text starts at the
 * rendering's character @shift: a tag, a link, or a table's grid (only
 * in the view's own buffer).
 */
static void
apply_range (CpMarkdownView *self,
             GtkTextBuffer  *buffer,
             Range          *range,
             guint           from,
             guint           to,
             guint           shift)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, from - shift);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, to - shift);

  if (range->rows != NULL)
    {
      /* The table's place becomes its grid. */
      GtkTextChildAnchor *anchor;
      GtkWidget *grid;

      gtk_text_buffer_delete (buffer, &start, &end);
      anchor = gtk_text_buffer_create_child_anchor (buffer, &start);
      grid = table_grid (range->rows, range->align);
      gtk_text_view_add_child_at_anchor (GTK_TEXT_VIEW (self), grid, anchor);
      fit_table (self, grid, gtk_widget_get_width (GTK_WIDGET (self)));
    }
  else if (range->url != NULL)
    {
      /* Each link gets a tag of its own that carries its address. */
      GtkTextTag *link = gtk_text_buffer_create_tag (buffer, NULL, NULL);

      g_object_set_data_full (G_OBJECT (link), "url", g_strdup (range->url), g_free);
      gtk_text_buffer_apply_tag (buffer, tag (buffer, "link"), &start, &end);
      gtk_text_buffer_apply_tag (buffer, link, &start, &end);
    }
  else
    {
      GtkTextTag *t = lookup_tag (buffer, range->tag);

      if (t != NULL)
        gtk_text_buffer_apply_tag (buffer, t, &start, &end);
    }
}

#define TEXT_SLICE_BYTES (32 * 1024)
#define FIRST_SCREEN_BYTES (6 * 1024)
#define SWAP_MAX_BYTES (256 * 1024)
#define SYNC_PARSE_BYTES (16 * 1024)
/* The preview is laid out a slice at a time as text views lay out their
 * lines: after each frame is drawn and input handled, and beside the
 * editor's own layout of a long note, not after all of it.
 */
#define LAYOUT_PRIORITY (GDK_PRIORITY_REDRAW + 5)
#define CLEAR_SLICE_CHARS (16 * 1024)

static void
done_applying (CpMarkdownView *self)
{
  self->apply_source = 0;
  g_clear_pointer (&self->applying, rendering_free);

  if (!self->parsing)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Inserts the rendering's text from *@at up to @to bytes at the end of
 * @buffer, and moves *@at on.
 */
static void
insert_text (Rendering     *r,
             GtkTextBuffer *buffer,
             gsize         *at,
             gsize          to)
{
  const char *from = r->text->str + *at;
  const char *until = r->text->str + MIN (to, r->text->len);
  GtkTextIter end;

  /* Cut between characters, never inside one. */
  if (*until != '\0')
    until = g_utf8_find_prev_char (from, until + 1);

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, from, until - from);
  *at = until - r->text->str;
}

/* The whole of a text longer than its first screen, made again in a
 * buffer of its own, off-screen, where text and tags cost no layout, a
 * few milliseconds at a time; then it takes the place of the first
 * screen's buffer, which shows the same, and its tables are drawn.
 * (Adding the rest to the buffer on show, or moving it in, cost many
 * times more.)
 */
static gboolean
build_rest (CpMarkdownView *self,
            Rendering      *r,
            gint64          until)
{
  if (r->whole == NULL)
    r->whole = gtk_text_buffer_new (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self))));

  while (r->built < r->text->len)
    {
      insert_text (r, r->whole, &r->built, r->built + TEXT_SLICE_BYTES);
      if (g_get_monotonic_time () > until)
        return G_SOURCE_CONTINUE;
    }

  while (r->next < r->ranges->len)
    {
      Range *range = &g_array_index (r->ranges, Range, r->next++);

      if (range->rows == NULL)
        apply_range (self, r->whole, range, range->start, range->end, 0);
      if ((r->next & 63) == 0 && g_get_monotonic_time () > until)
        return G_SOURCE_CONTINUE;
    }

  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), r->whole);
  for (guint i = 0; i < r->ranges->len; i++)
    {
      Range *range = &g_array_index (r->ranges, Range, i);

      if (range->rows != NULL)
        apply_range (self, r->whole, range, range->start, range->end, 0);
    }

  done_applying (self);

  return G_SOURCE_REMOVE;
}

/* Shows the start of @r at once, in a fresh buffer with its tags, in
 * place of the old text, which goes with its buffer; the rest follows.
 */
static void
show_first_screen (CpMarkdownView *self,
                   Rendering      *r)
{
  GtkTextBuffer *old = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GtkTextBuffer) fresh = gtk_text_buffer_new (gtk_text_buffer_get_tag_table (old));
  const char *cut = r->text->str + MIN (r->text->len, FIRST_SCREEN_BYTES);
  const char *line_end;

  /* Up to a line's end, where one is near. */
  if (*cut != '\0' && (line_end = strchr (cut, '\n')) != NULL && line_end - cut < 1024)
    cut = line_end + 1;

  insert_text (r, fresh, &r->inserted, cut - r->text->str);
  r->first_bytes = r->inserted;
  r->first_chars = g_utf8_strlen (r->text->str, r->first_bytes);
  for (guint i = 0; i < r->ranges->len; i++)
    {
      Range *range = &g_array_index (r->ranges, Range, i);

      if (range->start < r->first_chars && range->rows == NULL)
        apply_range (self, fresh, range, range->start, MIN (range->end, r->first_chars), 0);
    }

  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), fresh);
  for (guint i = 0; i < r->ranges->len; i++)
    {
      Range *range = &g_array_index (r->ranges, Range, i);

      if (range->rows != NULL && range->start < r->first_chars)
        apply_range (self, fresh, range, range->start, range->end, 0);
    }
  self->first_screen = TRUE;

  r->rest = r->inserted < r->text->len;
}

/* Takes the old text out, fills the buffer, then lays the tags, a few
 * milliseconds at a time, so a long note never holds up typing or
 * scrolling: taking out a megabyte of laid-out text at once would.
 */
static gboolean
apply_slice_cb (gpointer data)
{
  CpMarkdownView *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  Rendering *r = self->applying;
  gint64 until = g_get_monotonic_time () + 4000;

  if (r->rest)
    return build_rest (self, r, until);

  while (!r->cleared)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, CLEAR_SLICE_CHARS);
      gtk_text_buffer_delete (buffer, &start, &end);
      r->cleared = gtk_text_buffer_get_char_count (buffer) == 0;

      if (g_get_monotonic_time () > until)
        return G_SOURCE_CONTINUE;
    }

  while (r->inserted < r->text->len)
    {
      insert_text (r, buffer, &r->inserted, r->inserted + TEXT_SLICE_BYTES);
      if (g_get_monotonic_time () > until)
        return G_SOURCE_CONTINUE;
    }

  while (r->next < r->ranges->len)
    {
      Range *range = &g_array_index (r->ranges, Range, r->next++);

      apply_range (self, buffer, range, range->start, range->end, 0);

      if ((r->next & 63) == 0 && g_get_monotonic_time () > until)
        return G_SOURCE_CONTINUE;
    }

  done_applying (self);

  return G_SOURCE_REMOVE;
}

static void
remove_link_tags (GtkTextTag *t,
                  gpointer    data)
{
  GPtrArray *links = data;

  if (g_object_get_data (G_OBJECT (t), "url") != NULL)
    g_ptr_array_add (links, t);
}

/* Whether the whole text @r starts as @shown, the start parsed alone,
 * does on screen: the same first screen's text and tags. It does unless
 * the rest changes the start, as a link defined further down or a list
 * loosened by a later item would.
 */
static gboolean
same_first_screen (Rendering *shown,
                   Rendering *r)
{
  guint j = 0;

  if (r->text->len < shown->first_bytes || memcmp (r->text->str, shown->text->str, shown->first_bytes) != 0)
    return FALSE;

  for (guint i = 0; i < r->ranges->len; i++)
    {
      Range *a = &g_array_index (r->ranges, Range, i);
      Range *b;

      if (a->start >= shown->first_chars)
        continue;
      if (a->rows != NULL || j >= shown->ranges->len)
        return FALSE;
      b = &g_array_index (shown->ranges, Range, j++);
      if (b->rows != NULL || a->start != b->start ||
          MIN (a->end, shown->first_chars) != MIN (b->end, shown->first_chars) ||
          g_strcmp0 (a->tag, b->tag) != 0 || g_strcmp0 (a->url, b->url) != 0)
        return FALSE;
    }

  return j == shown->ranges->len || g_array_index (shown->ranges, Range, j).start >= shown->first_chars;
}

static void
apply (CpMarkdownView *self,
       Rendering      *r)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  Rendering *shown = g_steal_pointer (&self->start_shown);

  g_clear_handle_id (&self->apply_source, g_source_remove);
  g_clear_pointer (&self->applying, rendering_free);
  self->applying = r;

  /* The start parsed alone is on screen as the whole text has it: it
   * stays on show while the whole is made off-screen.
   */
  if (shown != NULL && same_first_screen (shown, r))
    {
      r->first_chars = shown->first_chars;
      r->first_bytes = r->inserted = shown->first_bytes;
      rendering_free (shown);
      self->first_screen = TRUE;
      r->rest = r->inserted < r->text->len;
      if (!r->rest)
        {
          done_applying (self);
          return;
        }
      if (apply_slice_cb (self) == G_SOURCE_CONTINUE)
        self->apply_source = g_idle_add_full (LAYOUT_PRIORITY, apply_slice_cb, self, NULL);
      return;
    }
  g_clear_pointer (&shown, rendering_free);

  /* The old text's links go with it. */
  gtk_text_tag_table_foreach (table, remove_link_tags, links);
  for (guint i = 0; i < links->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (links, i));

  self->first_screen = FALSE;

  /* A text that is not very long, in place of one that is not either,
   * shows its first screen at once. Very long texts come and go a slice
   * at a time: dropping a buffer of a megabyte, laid out, at once would
   * hold up typing.
   */
  if (r->text->len <= SWAP_MAX_BYTES && gtk_text_buffer_get_char_count (buffer) <= SWAP_MAX_BYTES)
    {
      show_first_screen (self, r);
      /* The start of a longer text waits for the whole, parsed apart. */
      if (r->partial)
        {
          self->start_shown = g_steal_pointer (&self->applying);
          return;
        }
      if (!r->rest)
        {
          done_applying (self);
          return;
        }
    }

  if (apply_slice_cb (self) == G_SOURCE_CONTINUE)
    self->apply_source = g_idle_add_full (LAYOUT_PRIORITY, apply_slice_cb, self, NULL);
}

static void
parse_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(GPtrArray) runs = cp_markdown_to_runs (task_data, -1);

  g_task_return_pointer (task, render (runs), (GDestroyNotify) rendering_free);
}

/* Lays out the whole text's rendering @r, unless a newer text waits. */
static void
take_parsed (CpMarkdownView *self,
             Rendering      *r)
{
  self->parsing = FALSE;

  /* A newer text waits: this one is already stale, skip laying it out. */
  if (self->waiting != NULL)
    {
      rendering_free (r);
      start (self);
      return;
    }

  if (r != NULL)
    apply (self, r);

  if (!cp_markdown_view_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
stop_waiting_for_frame (CpMarkdownView *self)
{
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->clock);
  g_clear_handle_id (&self->take_source, g_source_remove);
}

static gboolean
take_parsed_cb (gpointer data)
{
  CpMarkdownView *self = data;

  self->take_source = 0;
  stop_waiting_for_frame (self);
  take_parsed (self, g_steal_pointer (&self->parsed));

  return G_SOURCE_REMOVE;
}

/* Once the frame is drawn, outside of it. */
static void
frame_painted_cb (GdkFrameClock  *clock,
                  CpMarkdownView *self)
{
  g_signal_handlers_disconnect_by_data (clock, self);
  if (self->take_source == 0)
    self->take_source = g_idle_add_full (LAYOUT_PRIORITY, take_parsed_cb, self, NULL);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CpMarkdownView *self = CP_MARKDOWN_VIEW (object);
  Rendering *r = g_task_propagate_pointer (G_TASK (result), NULL);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      rendering_free (r);
      return;
    }

  /* The start, parsed on its own, is on its way to the screen: the whole
   * text goes in after the frame that shows it, not before, where it
   * would hold that frame up.
   */
  if (self->first_screen && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->parsed = r;
      self->clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
      g_signal_connect (self->clock, "after-paint", G_CALLBACK (frame_painted_cb), self);
      gdk_frame_clock_request_phase (self->clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      return;
    }

  take_parsed (self, r);
}

/* Unmapped, the view draws no frame to wait for. */
static void
cp_markdown_view_unmap (GtkWidget *widget)
{
  CpMarkdownView *self = CP_MARKDOWN_VIEW (widget);

  GTK_WIDGET_CLASS (cp_markdown_view_parent_class)->unmap (widget);

  if (self->parsed != NULL)
    take_parsed_cb (self);
}

static void
start (CpMarkdownView *self)
{
  g_autoptr(GTask) task = NULL;

  gsize length = strlen (self->waiting);

  /* A short text is parsed here and now, in less time than a hop to a
   * worker and back, and shows in the next frame.
   */
  if (length <= SYNC_PARSE_BYTES)
    {
      g_autofree char *markdown = g_steal_pointer (&self->waiting);
      g_autoptr(GPtrArray) runs = cp_markdown_to_runs (markdown, -1);

      apply (self, render (runs));
      return;
    }

  /* A long one shows its start in the same frame, parsed here up to a
   * blank line past the first screen, while a worker parses the whole.
   */
  if (length <= SWAP_MAX_BYTES)
    {
      const char *gap = g_strstr_len (self->waiting + FIRST_SCREEN_BYTES,
                                      SYNC_PARSE_BYTES - FIRST_SCREEN_BYTES, "\n\n");

      if (gap != NULL)
        {
          g_autoptr(GPtrArray) runs = cp_markdown_to_runs (self->waiting, gap - self->waiting);
          Rendering *r = render (runs);

          r->partial = TRUE;
          apply (self, r);
        }
    }

  self->parsing = TRUE;
  task = g_task_new (self, self->cancellable, parsed_cb, NULL);
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, g_steal_pointer (&self->waiting), g_free);
  g_task_run_in_thread (task, parse_thread);
}

/* Links open only after the reader has seen where they lead. */
static void
open_link_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CpMarkdownView   *self)
{
  if (g_strcmp0 (response, "open") == 0)
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                  g_object_get_data (G_OBJECT (dialog), "url"), GDK_CURRENT_TIME);
}

static const char *
url_at (CpMarkdownView *self,
        double          x,
        double          y)
{
  GtkTextIter iter;
  int bx, by;
  g_autoptr(GSList) tags = NULL;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return NULL;

  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l; l = l->next)
    {
      const char *url = g_object_get_data (l->data, "url");

      if (url != NULL)
        return url;
    }

  return NULL;
}

static void
released_cb (CpMarkdownView *self,
             int             n_press,
             double          x,
             double          y,
             GtkGestureClick *gesture)
{
  const char *url = url_at (self, x, y);
  AdwMessageDialog *dialog;

  if (url == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Open Link?"), url));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Open Link"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "url", g_strdup (url), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_link_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
query_tooltip_cb (CpMarkdownView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  const char *url = keyboard ? NULL : url_at (self, x, y);

  if (url == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, url);
  return TRUE;
}

/* Links keep to the palette's blue that reads on either background. */
static void
dark_changed_cb (CpMarkdownView  *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  g_object_set (tag (buffer, "link"),
                "foreground", adw_style_manager_get_dark (style_manager) ? "#78aeed" : "#1c71d8",
                NULL);
}

static void
cp_markdown_view_dispose (GObject *object)
{
  CpMarkdownView *self = (CpMarkdownView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->waiting, g_free);
  g_clear_handle_id (&self->apply_source, g_source_remove);
  g_clear_pointer (&self->applying, rendering_free);
  stop_waiting_for_frame (self);
  g_clear_pointer (&self->parsed, rendering_free);
  g_clear_pointer (&self->start_shown, rendering_free);

  G_OBJECT_CLASS (cp_markdown_view_parent_class)->dispose (object);
}

static void
cp_markdown_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, cp_markdown_view_get_busy (CP_MARKDOWN_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_markdown_view_class_init (CpMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_markdown_view_dispose;
  object_class->get_property = cp_markdown_view_get_property;
  GTK_WIDGET_CLASS (klass)->size_allocate = cp_markdown_view_size_allocate;
  GTK_WIDGET_CLASS (klass)->unmap = cp_markdown_view_unmap;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_markdown_view_init (CpMarkdownView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->cancellable = g_cancellable_new ();

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), 18);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), 18);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), 12);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self), 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "markdown-preview");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview"), -1);
  create_tags (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  dark_changed_cb (self, NULL, adw_style_manager_get_default ());

  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

GtkWidget *
cp_markdown_view_new (void)
{
  return g_object_new (CP_TYPE_MARKDOWN_VIEW, NULL);
}

/**
 * cp_markdown_view_set_markdown:
 *
 * Shows @markdown, once parsed; the text before it stays until then.
 */
void
cp_markdown_view_set_markdown (CpMarkdownView *self,
                               const char     *markdown)
{
  g_return_if_fail (CP_IS_MARKDOWN_VIEW (self));

  gboolean was_busy = cp_markdown_view_get_busy (self);

  g_free (self->waiting);
  self->waiting = g_strdup (markdown ? markdown : "");
  /* Until the new text's start is in, the old text is what shows. */
  self->first_screen = FALSE;
  g_clear_pointer (&self->start_shown, rendering_free);

  if (!self->parsing)
    start (self);

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * cp_markdown_view_get_busy:
 *
 * Returns: whether a text is being parsed or laid out
 */
gboolean
cp_markdown_view_get_busy (CpMarkdownView *self)
{
  g_return_val_if_fail (CP_IS_MARKDOWN_VIEW (self), FALSE);

  return self->parsing || self->applying != NULL;
}

/**
 * cp_markdown_view_get_first_screen_shown:
 *
 * Returns: whether the start of the text being shown is in the view,
 *   styled, though the rest may still be on its way
 */
gboolean
cp_markdown_view_get_first_screen_shown (CpMarkdownView *self)
{
  g_return_val_if_fail (CP_IS_MARKDOWN_VIEW (self), FALSE);

  return self->first_screen || !cp_markdown_view_get_busy (self);
}
