/* cp-markdown-view.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CP_TYPE_MARKDOWN_VIEW (cp_markdown_view_get_type ())

G_DECLARE_FINAL_TYPE (CpMarkdownView, cp_markdown_view, CP, MARKDOWN_VIEW, GtkTextView)

GtkWidget *cp_markdown_view_new          (void);
void       cp_markdown_view_set_markdown (CpMarkdownView *self,
                                          const char     *markdown);
gboolean   cp_markdown_view_get_busy     (CpMarkdownView *self);
gboolean   cp_markdown_view_get_first_screen_shown (CpMarkdownView *self);

G_END_DECLS
