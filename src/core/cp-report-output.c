/* cp-report-output.c — the progress report as HTML, and written to a
 * file: Markdown, HTML, or PDF (cp-report-pdf.c), on a worker thread
 * when asked, the database read first on the caller's
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-report"

#include "config.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cp-engagement.h"
#include "cp-file.h"
#include "cp-markdown.h"
#include "cp-report.h"
#include "cp-store.h"

/* Calm, printable, and self-contained: no file or network is fetched. */
static const char report_css[] =
  "body{font-family:Cantarell,'Noto Sans',sans-serif;color:#241f31;max-width:48em;"
  "margin:2em auto;padding:0 1em;line-height:1.5}"
  "h1{font-size:1.8em;margin-bottom:.2em}h2{border-bottom:1px solid #deddda;padding-bottom:.2em;"
  "margin-top:1.6em}"
  "table{border-collapse:collapse;width:100%;margin:.5em 0}"
  "th,td{border:1px solid #deddda;padding:.3em .5em;text-align:left;vertical-align:top}"
  "th{background:#f6f5f4}"
  "@media print{body{margin:0;max-width:none}}";

static gboolean
is_table_line (const char *line)
{
  return line != NULL && line[0] == '|';
}

/* One row of a pipe table as HTML cells. */
static void
table_row_to_html (GString    *html,
                   const char *line,
                   const char *tag)
{
  g_autoptr(GPtrArray) cells = cp_markdown_split_row (line);

  g_string_append (html, "<tr>");
  for (guint i = 0; i < cells->len; i++)
    {
      g_autofree char *text = g_markup_escape_text (g_ptr_array_index (cells, i), -1);
      g_string_append_printf (html, "<%s>%s</%s>", tag, text, tag);
    }
  g_string_append (html, "</tr>\n");
}

static void
flush_markdown (GString *html,
                GString *chunk)
{
  char *rendered;

  if (chunk->len == 0)
    return;

  /* Raw HTML in the Markdown is left out, not passed through. */
  rendered = cmark_markdown_to_html (chunk->str, chunk->len, CMARK_OPT_DEFAULT);
  g_string_append (html, rendered);
  free (rendered);
  g_string_truncate (chunk, 0);
}

/* The language the report is written in, as HTML names it: "de" for a
 * German locale, "en" where none is set.
 */
static char *
report_language (void)
{
  const char *name = g_get_language_names ()[0];
  gsize length = strcspn (name, "_.@");

  if (length < 2 || length > 3 || g_ascii_strncasecmp (name, "C", length) == 0 ||
      g_ascii_strncasecmp (name, "POSIX", length) == 0)
    return g_strdup ("en");

  return g_ascii_strdown (name, length);
}

/**
 * cp_report_markdown_to_html:
 * @title: the document's title
 *
 * cmark knows no tables, so pipe tables (a row, then a "| --- |" rule,
 * outside fenced code) become HTML tables here and the rest goes through
 * cmark.
 *
 * Returns: (transfer full): one self-contained HTML document
 */
char *
cp_report_markdown_to_html (const char *markdown,
                            const char *title)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(GString) chunk = g_string_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  gboolean in_fence = FALSE;

  g_autofree char *lang = report_language ();

  g_string_append_printf (html, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"/>"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                          "<title>%s</title><style>%s</style></head>\n<body>\n",
                          lang, escaped, report_css);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "```") || g_str_has_prefix (lines[i], "~~~"))
        in_fence = !in_fence;

      if (!in_fence && is_table_line (lines[i]) && g_str_has_prefix (lines[i + 1] ? lines[i + 1] : "", "| ---"))
        {
          flush_markdown (html, chunk);
          g_string_append (html, "<table>\n<thead>\n");
          table_row_to_html (html, lines[i], "th");
          g_string_append (html, "</thead>\n<tbody>\n");
          for (i += 2; is_table_line (lines[i]); i++)
            table_row_to_html (html, lines[i], "td");
          g_string_append (html, "</tbody>\n</table>\n");
          if (lines[i] == NULL)
            break;
        }

      g_string_append (chunk, lines[i]);
      g_string_append_c (chunk, '\n');
    }

  flush_markdown (html, chunk);
  g_string_append (html, "</body></html>\n");

  return g_string_free (g_steal_pointer (&html), FALSE);
}

static gboolean
is_html_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm");
}

static gboolean
is_pdf_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".pdf");
}

static gboolean
is_markdown_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown");
}

/**
 * cp_report_path_is_supported:
 *
 * Returns: whether @path ends in .md, .html or .pdf, the formats a
 *   report is written in
 */
gboolean
cp_report_path_is_supported (const char *path)
{
  return is_html_path (path) || is_markdown_path (path) || is_pdf_path (path);
}

/* A report read from the database, to be written to a file. */
typedef struct
{
  char   *markdown;
  GArray *charts;
  char   *title;
  char   *path;
} Built;

static void
built_free (Built *built)
{
  g_free (built->markdown);
  g_clear_pointer (&built->charts, g_array_unref);
  g_free (built->title);
  g_free (built->path);
  g_free (built);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Built, built_free)

/* Reads everything the report needs; this part uses the database. */
static Built *
build_for (CpEngagement  *engagement,
           const char    *today,
           CpAudience     audience,
           const char    *path,
           GError       **error)
{
  g_autoptr(Built) built = g_new0 (Built, 1);

  if (!is_html_path (path) && !is_markdown_path (path) && !is_pdf_path (path))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("“%s” must end in .md, .html or .pdf"), path);
      return NULL;
    }

  built->markdown = cp_report_build (engagement, today, audience,
                                     is_pdf_path (path) ? &built->charts : NULL, error);
  if (built->markdown == NULL)
    return NULL;
  built->title = g_strdup (cp_engagement_get_title (engagement));
  built->path = g_strdup (path);

  return g_steal_pointer (&built);
}

/* Lays the report out and writes it; this part may run on any thread. */
static gboolean
write_built (Built   *built,
             GError **error)
{
  g_autofree char *html = NULL;

  if (is_pdf_path (built->path))
    return cp_report_markdown_to_pdf (built->markdown, built->charts, built->title, built->path,
                                      NULL, error);

  if (is_html_path (built->path))
    html = cp_report_markdown_to_html (built->markdown, built->title);

  if (html == NULL)
    return cp_file_write (built->path, built->markdown, strlen (built->markdown), error);

  return cp_file_write (built->path, html, strlen (html), error);
}

/**
 * cp_report_write:
 * @path: the file to write; its extension (.md, .html or .pdf) picks the
 *   format
 *
 * Returns: whether the report was written
 */
gboolean
cp_report_write (CpEngagement  *engagement,
                 const char    *today,
                 CpAudience     audience,
                 const char    *path,
                 GError       **error)
{
  g_autoptr(Built) built = NULL;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return (built = build_for (engagement, today, audience, path, error)) && write_built (built, error);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_built (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cp_report_write_async:
 *
 * Like cp_report_write(), but lays out and writes the file on a worker
 * thread; reading the database happens now, on the caller's.
 */
void
cp_report_write_async (CpEngagement        *engagement,
                       const char          *today,
                       CpAudience           audience,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;
  Built *built;

  g_return_if_fail (CP_IS_ENGAGEMENT (engagement));
  g_return_if_fail (path != NULL);

  g_task_set_source_tag (task, cp_report_write_async);
  if (!(built = build_for (engagement, today, audience, path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, built, (GDestroyNotify) built_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
cp_report_write_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
