/* cp-markdown.h — Markdown to styled runs of text, for the preview
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The deepest nesting of quotes, and of lists, that runs report. */
#define CP_MARKDOWN_MAX_DEPTH 8

typedef enum
{
  CP_RUN_EMPHASIS    = 1 << 0,
  CP_RUN_STRONG      = 1 << 1,
  CP_RUN_CODE        = 1 << 2,   /* inline code */
  CP_RUN_CODE_BLOCK  = 1 << 3,
  CP_RUN_LINK        = 1 << 4,
  CP_RUN_IMAGE       = 1 << 5,   /* an image, shown as its alt text */
  CP_RUN_RULE        = 1 << 6,   /* a thematic break */
  CP_RUN_HTML        = 1 << 7,   /* raw HTML, shown as text */
  CP_RUN_LIST_MARKER = 1 << 8,   /* "•" or "3." before a list item */
  CP_RUN_TABLE       = 1 << 9,   /* a pipe table: see CpRun's rows */
} CpRunStyle;

/* One stretch of preview text with the same look. */
typedef struct
{
  char       *text;
  CpRunStyle  style;
  guint       heading;       /* 1 to 6, or 0 */
  guint       quote_depth;   /* block quotes around it */
  guint       list_depth;    /* lists around it */
  char       *url;           /* for links */
  GPtrArray  *rows;          /* for tables: rows of cells (char *), the
                              * header first; the text has them as lines */
  char       *align;         /* for tables: 'l', 'c' or 'r' a column */
} CpRun;

GPtrArray *cp_markdown_to_runs (const char *markdown,
                                gssize      length);

char      *cp_markdown_dup_title (const char *markdown);
GPtrArray *cp_markdown_split_row (const char *line);

G_END_DECLS
