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

#include "cp-markdown.h"
#include "cp-markdown-view.h"

struct _CpMarkdownView
{
  GtkTextView   parent_instance;

  char         *waiting;      /* the next text to parse */
  GCancellable *cancellable;
  guint         busy : 1;
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
apply (CpMarkdownView *self,
       GPtrArray      *runs)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);

  for (guint i = 0; i < runs->len; i++)
    {
      CpRun *run = g_ptr_array_index (runs, i);
      GtkTextTag *tags[8] = { NULL };
      guint n = 0;
      GtkTextIter start;
      int offset;

      gtk_text_buffer_get_end_iter (buffer, &end);
      offset = gtk_text_iter_get_offset (&end);
      gtk_text_buffer_insert (buffer, &end, run->text, -1);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);

      if (run->heading)
        {
          g_autofree char *name = g_strdup_printf ("h%u", MIN (run->heading, 6));
          tags[n++] = tag (buffer, name);
        }
      if (run->style & CP_RUN_EMPHASIS)
        tags[n++] = tag (buffer, "emphasis");
      if (run->style & CP_RUN_STRONG)
        tags[n++] = tag (buffer, "strong");
      if (run->style & CP_RUN_CODE)
        tags[n++] = tag (buffer, "code");
      if (run->style & CP_RUN_CODE_BLOCK)
        tags[n++] = tag (buffer, "code-block");
      if (run->style & CP_RUN_IMAGE)
        tags[n++] = tag (buffer, "image");
      if (run->style & CP_RUN_RULE)
        tags[n++] = tag (buffer, "rule");
      if (run->style & CP_RUN_HTML)
        tags[n++] = tag (buffer, "html");
      if (run->style & CP_RUN_LIST_MARKER)
        tags[n++] = tag (buffer, "marker");
      if (run->quote_depth || run->list_depth)
        tags[n++] = indent_tag (buffer, run->quote_depth, run->list_depth);

      gtk_text_buffer_get_end_iter (buffer, &end);
      for (guint t = 0; t < n; t++)
        gtk_text_buffer_apply_tag (buffer, tags[t], &start, &end);

      /* Each link gets a tag of its own that carries its address. */
      if ((run->style & CP_RUN_LINK) && run->url != NULL)
        {
          GtkTextTag *link = gtk_text_buffer_create_tag (buffer, NULL, NULL);

          g_object_set_data_full (G_OBJECT (link), "url", g_strdup (run->url), g_free);
          gtk_text_buffer_apply_tag (buffer, tag (buffer, "link"), &start, &end);
          gtk_text_buffer_apply_tag (buffer, link, &start, &end);
        }
    }
}

static void
parse_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_task_return_pointer (task, cp_markdown_to_runs (task_data, -1),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CpMarkdownView *self = CP_MARKDOWN_VIEW (object);
  g_autoptr(GPtrArray) runs = g_task_propagate_pointer (G_TASK (result), NULL);

  if (runs != NULL && !g_cancellable_is_cancelled (self->cancellable))
    apply (self, runs);

  self->busy = FALSE;

  if (self->waiting != NULL)
    start (self);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
start (CpMarkdownView *self)
{
  g_autoptr(GTask) task = NULL;

  self->busy = TRUE;
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
      g_value_set_boolean (value, CP_MARKDOWN_VIEW (object)->busy);
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

  g_free (self->waiting);
  self->waiting = g_strdup (markdown ? markdown : "");

  if (!self->busy)
    {
      start (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

/**
 * cp_markdown_view_get_busy:
 *
 * Returns: whether a text is being parsed
 */
gboolean
cp_markdown_view_get_busy (CpMarkdownView *self)
{
  g_return_val_if_fail (CP_IS_MARKDOWN_VIEW (self), FALSE);

  return self->busy;
}
