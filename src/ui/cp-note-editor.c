/* cp-note-editor.c — edits one note beside its live preview
 *
 * Typing reaches the note a moment after it pauses (APPLY_DELAY_MS), and
 * the store writes it a moment later again, so a crash loses well under a
 * second of typing; switching notes or closing writes at once.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-note-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include "cp-source.h"

#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-markdown.h"
#include "cp-markdown-view.h"
#include "cp-note.h"
#include "cp-note-editor.h"
#include "cp-phase.h"
#include "cp-session.h"
#include "cp-session-dialog.h"
#include "cp-share.h"
#include "cp-store.h"
#include "cp-ui-util.h"
#include "cp-wrap-box.h"

#define APPLY_DELAY_MS 200

/* A note this long is edited as plain text: highlighting a megabyte of
 * Markdown would hold up typing for longer than a frame.
 */
#define PLAIN_TEXT_BYTES (512 * 1024)
/* A long note's text shows first and is highlighted a frame later. */
#define LATER_HIGHLIGHT_BYTES (32 * 1024)

struct _CpNoteEditor
{
  AdwBin          parent_instance;

  CpEngagement   *engagement;
  CpNote         *note;
  GArray         *session_ids;   /* gint64, by dropdown position */
  GArray         *phase_ids;
  GSignalGroup   *sessions_signals;  /* the engagement's sessions */
  guint           apply_source;
  GSettings      *settings;
  GtkCssProvider *font_css;

  GtkWidget      *back_button;
  GtkEntry       *title_entry;
  GtkEntry       *tags_entry;
  GtkDropDown    *session_dropdown;
  GtkDropDown    *phase_dropdown;
  GtkDropDown    *visibility_dropdown;
  GtkToggleButton *edit_button;
  GtkToggleButton *split_button;
  GtkToggleButton *preview_button;
  GtkPaned       *paned;
  GtkWidget      *editor_scroller;
  GtkWidget      *preview_scroller;
  GtkSourceView  *source_view;
  CpMarkdownView *preview;
  GtkLabel       *word_count;
  GtkLabel       *saved_label;

  guint           loading : 1;
};

G_DEFINE_FINAL_TYPE (CpNoteEditor, cp_note_editor, ADW_TYPE_BIN)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkTextBuffer *
buffer (CpNoteEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
}

static char *
dup_text (CpNoteEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer (self), &start, &end);

  return gtk_text_buffer_get_text (buffer (self), &start, &end, TRUE);
}

static guint
count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint n = 0;

  /* Plain ASCII, most of any note, is looked at byte by byte: counting
   * a megabyte stays well within a frame.
   */
  for (const char *p = text; *p;)
    {
      gboolean space;

      if ((guchar) *p < 0x80)
        space = g_ascii_isspace (*p++);
      else
        {
          space = g_unichar_isspace (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

static void
update_saved (CpNoteEditor *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  g_autofree char *label = NULL;

  if (self->note == NULL || cp_note_get_updated (self->note) == NULL)
    return;

  utc = g_date_time_new_from_iso8601 (cp_note_get_updated (self->note), NULL);
  if (utc == NULL)
    return;

  local = g_date_time_to_local (utc);
  time = g_date_time_format (local, "%X");
  /* Translators: when the note was last written to disk. */
  label = g_strdup_printf (_("Saved at %s"), time);
  gtk_label_set_label (self->saved_label, label);
}

/* Hands the typed text to the note, and to the preview. */
static void
apply (CpNoteEditor *self)
{
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  guint n;

  g_clear_handle_id (&self->apply_source, g_source_remove);

  if (self->note == NULL)
    return;

  text = dup_text (self);
  cp_note_set_body (self->note, text);
  cp_markdown_view_set_markdown (self->preview, text);

  n = count_words (text);
  words = g_strdup_printf (ngettext ("%u word", "%u words", n), n);
  gtk_label_set_label (self->word_count, words);
}

static gboolean
apply_timeout_cb (gpointer data)
{
  CpNoteEditor *self = data;

  self->apply_source = 0;
  apply (self);

  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (CpNoteEditor *self)
{
  if (self->loading || self->note == NULL)
    return;

  gtk_label_set_label (self->saved_label, "");
  g_clear_handle_id (&self->apply_source, g_source_remove);
  self->apply_source = g_timeout_add (APPLY_DELAY_MS, apply_timeout_cb, self);
}

static void
title_changed_cb (CpNoteEditor *self)
{
  if (!self->loading && self->note != NULL)
    cp_note_set_title (self->note, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
}

static void
tags_changed_cb (CpNoteEditor *self)
{
  g_auto(GStrv) tags = NULL;

  if (self->loading || self->note == NULL)
    return;

  tags = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)), ",", -1);
  cp_note_set_tags (self->note, (const char * const *) tags);
}

static void
narrow_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CpNoteEditor     *self)
{
  CpVisibility chosen = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "visibility"));

  if (self->note == NULL)
    return;

  if (g_strcmp0 (response, "narrow") == 0)
    {
      cp_note_set_visibility (self->note, chosen);
      return;
    }

  /* Kept as it was: the choice goes back. */
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->visibility_dropdown, cp_note_get_visibility (self->note));
  self->loading = FALSE;
}

/* A shared note made private leaves the repository from now on; what
 * was sent stays in its history. That is said before it happens.
 */
static void
ask_before_narrowing (CpNoteEditor *self,
                      CpVisibility  chosen,
                      CpAudience    audience)
{
  AdwMessageDialog *dialog;
  g_autofree char *title = cp_note_dup_display_title (self->note);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Stop Sharing This Note?"), NULL));
  /* Translators: the note's title, then who the engagement is shared with
   * (team, client or sponsor).
   */
  adw_message_dialog_format_body (dialog,
                                  _("“%s” is in the repository the engagement is shared through, for "
                                    "the %s. From now on its changes are not shared; the versions "
                                    "sent so far stay in the repository’s history."),
                                  title, cp_audience_to_string (audience));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "narrow", _("_Stop Sharing"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "narrow", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "visibility", GUINT_TO_POINTER (chosen));
  g_signal_connect_object (dialog, "response", G_CALLBACK (narrow_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
visibility_changed_cb (CpNoteEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->visibility_dropdown);
  CpAudience audience;

  if (self->loading || self->note == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (self->engagement != NULL && cp_share_is_shared (self->engagement, &audience) &&
      cp_audience_includes (audience, cp_note_get_visibility (self->note)) &&
      !cp_audience_includes (audience, selected))
    {
      ask_before_narrowing (self, selected, audience);
      return;
    }

  cp_note_set_visibility (self->note, selected);
}

static void
session_changed_cb (CpNoteEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->session_dropdown);

  if (!self->loading && self->note != NULL && selected < self->session_ids->len)
    cp_note_set_session_id (self->note, g_array_index (self->session_ids, gint64, selected));
}

static void
phase_changed_cb (CpNoteEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->phase_dropdown);

  if (!self->loading && self->note != NULL && selected < self->phase_ids->len)
    cp_note_set_phase_id (self->note, g_array_index (self->phase_ids, gint64, selected));
}

static void
update_title_placeholder (CpNoteEditor *self)
{
  g_autofree char *heading = NULL;

  if (self->note != NULL)
    heading = cp_markdown_dup_title (cp_note_get_body (self->note));

  gtk_entry_set_placeholder_text (self->title_entry, heading ? heading : _("Title"));
}

static void
layout_toggled_cb (CpNoteEditor *self)
{
  gboolean edit = !gtk_toggle_button_get_active (self->preview_button);
  gboolean preview = !gtk_toggle_button_get_active (self->edit_button);

  gtk_widget_set_visible (self->editor_scroller, edit);
  gtk_widget_set_visible (self->preview_scroller, preview);
}

static void
back_clicked_cb (CpNoteEditor *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

/* Fills a dropdown with "none" and the given choices, selecting @current. */
static void
fill_choices (GtkDropDown *dropdown,
              GArray      *ids,
              const char  *none,
              GPtrArray   *labels,
              GArray      *choice_ids,
              gint64       current)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;
  gint64 zero = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (names, none);
  g_array_append_val (ids, zero);

  for (guint i = 0; i < labels->len; i++)
    {
      gint64 id = g_array_index (choice_ids, gint64, i);

      gtk_string_list_append (names, g_ptr_array_index (labels, i));
      g_array_append_val (ids, id);
      if (id == current)
        selected = i + 1;
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
}

static void update_choices (CpNoteEditor *self);

/* A session added, removed or moved shows in the drop-down at once. */
static void
sessions_changed_cb (CpNoteEditor *self)
{
  update_choices (self);
}

static void
update_choices (CpNoteEditor *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *sessions;
  CpCycle *cycle;
  gboolean was_loading = self->loading;

  if (self->engagement == NULL || self->note == NULL)
    return;

  self->loading = TRUE;

  sessions = cp_engagement_get_sessions (self->engagement, NULL);
  for (guint i = 0; sessions && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(CpSession) session = g_list_model_get_item (sessions, i);
      gint64 id = cp_session_get_id (session);

      g_ptr_array_add (labels, cp_session_dialog_dup_label (session));
      g_array_append_val (ids, id);
      g_signal_handlers_disconnect_by_func (session, sessions_changed_cb, self);
      g_signal_connect_object (session, "notify::starts-at", G_CALLBACK (sessions_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::kind", G_CALLBACK (sessions_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  fill_choices (self->session_dropdown, self->session_ids, _("No session"), labels, ids,
                cp_note_get_session_id (self->note));

  g_ptr_array_set_size (labels, 0);
  g_array_set_size (ids, 0);
  cycle = cp_engagement_get_current_cycle (self->engagement);
  if (cycle != NULL)
    {
      GListModel *phases = cp_cycle_get_phases (cycle, NULL);

      for (guint i = 0; phases && i < g_list_model_get_n_items (phases); i++)
        {
          g_autoptr(CpPhase) phase = g_list_model_get_item (phases, i);
          gint64 id = cp_phase_get_id (phase);

          g_ptr_array_add (labels, g_strdup (cp_phase_get_name (phase)));
          g_array_append_val (ids, id);
        }
    }
  fill_choices (self->phase_dropdown, self->phase_ids, _("No phase"), labels, ids,
                cp_note_get_phase_id (self->note));

  self->loading = was_loading;
}

/* The editor font setting, as CSS for the text view. */
static void
font_changed_cb (CpNoteEditor *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "editor-font");
  PangoFontDescription *desc = pango_font_description_from_string (font);
  const char *family = pango_font_description_get_family (desc);
  g_autoptr(GString) css = g_string_new ("textview {");

  if (family != NULL && *family != '\0')
    {
      g_string_append (css, " font-family: \"");
      for (const char *p = family; *p; p++)
        if (*p != '"' && *p != '\\' && *p != '\n')
          g_string_append_c (css, *p);
      g_string_append (css, "\";");
    }
  if (pango_font_description_get_size (desc) > 0)
    g_string_append_printf (css, " font-size: %g%s;",
                            (double) pango_font_description_get_size (desc) / PANGO_SCALE,
                            pango_font_description_get_size_is_absolute (desc) ? "px" : "pt");
  g_string_append_printf (css, " font-weight: %d; font-style: %s; }",
                          (int) pango_font_description_get_weight (desc),
                          pango_font_description_get_style (desc) == PANGO_STYLE_ITALIC ? "italic"
                                                                                        : "normal");
  pango_font_description_free (desc);

  gtk_css_provider_load_from_data (self->font_css, css->str, css->len);
}

static gboolean
orientation_from_below (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  g_value_set_enum (value, g_variant_get_boolean (variant) ? GTK_ORIENTATION_VERTICAL
                                                          : GTK_ORIENTATION_HORIZONTAL);
  return TRUE;
}

static void
cp_note_editor_dispose (GObject *object)
{
  CpNoteEditor *self = (CpNoteEditor *)object;

  cp_note_editor_flush (self);

  g_clear_object (&self->note);
  g_clear_object (&self->engagement);
  g_clear_pointer (&self->session_ids, g_array_unref);
  g_clear_pointer (&self->phase_ids, g_array_unref);
  g_clear_object (&self->sessions_signals);
  g_clear_object (&self->settings);
  g_clear_object (&self->font_css);

  G_OBJECT_CLASS (cp_note_editor_parent_class)->dispose (object);
}

static void
cp_note_editor_class_init (CpNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_note_editor_dispose;

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CP_TYPE_MARKDOWN_VIEW);
  g_type_ensure (CP_TYPE_WRAP_BOX);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, tags_entry);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, session_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, phase_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, visibility_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, split_button);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, preview_button);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, paned);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, source_view);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, word_count);
  gtk_widget_class_bind_template_child (widget_class, CpNoteEditor, saved_label);
  gtk_widget_class_bind_template_callback (widget_class, layout_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
dark_changed_cb (CpNoteEditor    *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (cp_source_buffer (buffer (self)),
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
cp_note_editor_init (CpNoteEditor *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  cp_ui_name_drop_down (self->session_dropdown, _("Session"));
  cp_ui_name_drop_down (self->phase_dropdown, _("Phase"));
  cp_ui_name_drop_down (self->visibility_dropdown, _("Visibility"));
  cp_ui_drop_down_shorten (self->session_dropdown, NULL);
  cp_ui_drop_down_shorten (self->phase_dropdown, NULL);
  cp_ui_drop_down_shorten (self->visibility_dropdown, NULL);

  self->session_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sessions_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->sessions_signals, "items-changed",
                                  G_CALLBACK (sessions_changed_cb), self);
  self->phase_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  cp_ui_highlight_markdown (cp_source_buffer (buffer (self)));
  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  dark_changed_cb (self, NULL, style_manager);

  /* The font and layout the preferences choose. */
  self->font_css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->source_view)),
                                  GTK_STYLE_PROVIDER (self->font_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  if ((self->settings = cp_ui_settings_new ()) != NULL)
    {
      g_signal_connect_object (self->settings, "changed::editor-font", G_CALLBACK (font_changed_cb),
                               self, G_CONNECT_SWAPPED);
      font_changed_cb (self);
      g_settings_bind_with_mapping (self->settings, "preview-below", self->paned, "orientation",
                                    G_SETTINGS_BIND_GET, orientation_from_below, NULL, NULL, NULL);
    }

  g_signal_connect_swapped (buffer (self), "changed", G_CALLBACK (buffer_changed_cb), self);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect_swapped (self->tags_entry, "changed", G_CALLBACK (tags_changed_cb), self);
  g_signal_connect_swapped (self->visibility_dropdown, "notify::selected",
                            G_CALLBACK (visibility_changed_cb), self);
  g_signal_connect_swapped (self->session_dropdown, "notify::selected",
                            G_CALLBACK (session_changed_cb), self);
  g_signal_connect_swapped (self->phase_dropdown, "notify::selected",
                            G_CALLBACK (phase_changed_cb), self);
}

/**
 * cp_note_editor_flush:
 *
 * Hands what was typed to the note now, without waiting for a pause.
 */
void
cp_note_editor_flush (CpNoteEditor *self)
{
  g_return_if_fail (CP_IS_NOTE_EDITOR (self));

  if (self->apply_source != 0)
    apply (self);
}

/**
 * cp_note_editor_get_note:
 *
 * Returns: (transfer none) (nullable): the note being edited
 */
CpNote *
cp_note_editor_get_note (CpNoteEditor *self)
{
  g_return_val_if_fail (CP_IS_NOTE_EDITOR (self), NULL);

  return self->note;
}

static void
highlight_now_cb (GdkFrameClock *clock,
                  CpNoteEditor  *self)
{
  g_signal_handlers_disconnect_by_func (clock, highlight_now_cb, self);
  if (self->note != NULL && strlen (cp_note_get_body (self->note)) < PLAIN_TEXT_BYTES)
    cp_ui_set_highlighting (cp_source_buffer (buffer (self)), TRUE);
}

/* Highlights the note once its text has been drawn, plain. */
static void
highlight_after_frame (CpNoteEditor *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      cp_ui_set_highlighting (cp_source_buffer (buffer (self)), TRUE);
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, highlight_now_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (highlight_now_cb), self, 0);
}

void
cp_note_editor_set_note (CpNoteEditor *self,
                         CpEngagement *engagement,
                         CpNote       *note)
{
  g_auto(GStrv) tags = NULL;
  g_autofree char *tags_text = NULL;
  GtkSourceBuffer *source_buffer;
  gsize length;

  g_return_if_fail (CP_IS_NOTE_EDITOR (self));

  cp_note_editor_flush (self);

  if (self->note != NULL)
    g_signal_handlers_disconnect_by_data (self->note, self);

  g_set_object (&self->engagement, engagement);
  g_set_object (&self->note, note);
  g_signal_group_set_target (self->sessions_signals,
                             engagement != NULL && note != NULL
                             ? cp_engagement_get_sessions (engagement, NULL) : NULL);

  if (note == NULL)
    return;

  self->loading = TRUE;

  /* A fresh buffer history: undo must not reach into another note. */
  source_buffer = cp_source_buffer (buffer (self));
  length = strlen (cp_note_get_body (note));
  cp_ui_set_highlighting (source_buffer, length < LATER_HIGHLIGHT_BYTES);
  if (length >= LATER_HIGHLIGHT_BYTES && length < PLAIN_TEXT_BYTES)
    highlight_after_frame (self);
  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (source_buffer));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (source_buffer), cp_note_get_body (note), -1);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (source_buffer));

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), cp_note_get_title (note));
  tags = cp_note_dup_tags (note);
  tags_text = g_strjoinv (", ", tags);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), tags_text);
  gtk_drop_down_set_selected (self->visibility_dropdown, cp_note_get_visibility (note));
  update_choices (self);

  self->loading = FALSE;

  g_signal_connect_object (note, "notify::updated", G_CALLBACK (update_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (note, "notify::body", G_CALLBACK (update_title_placeholder), self,
                           G_CONNECT_SWAPPED);

  update_title_placeholder (self);
  update_saved (self);

  /* Show the preview and the count at once, not after a pause; the
   * body is unchanged, so nothing is marked for saving.
   */
  apply (self);
}

void
cp_note_editor_set_show_back (CpNoteEditor *self,
                              gboolean      show)
{
  g_return_if_fail (CP_IS_NOTE_EDITOR (self));

  gtk_widget_set_visible (self->back_button, show);
}

/* Puts the cursor in the text, at its end. */
void
cp_note_editor_focus_text (CpNoteEditor *self)
{
  GtkTextIter end;

  g_return_if_fail (CP_IS_NOTE_EDITOR (self));

  gtk_text_buffer_get_end_iter (buffer (self), &end);
  gtk_text_buffer_place_cursor (buffer (self), &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

/**
 * cp_note_editor_get_preview:
 *
 * Returns: (transfer none): the preview
 */
CpMarkdownView *
cp_note_editor_get_preview (CpNoteEditor *self)
{
  g_return_val_if_fail (CP_IS_NOTE_EDITOR (self), NULL);

  return self->preview;
}

/**
 * cp_note_editor_get_buffer:
 *
 * Returns: (transfer none): the text being edited
 */
GtkTextBuffer *
cp_note_editor_get_buffer (CpNoteEditor *self)
{
  g_return_val_if_fail (CP_IS_NOTE_EDITOR (self), NULL);

  return buffer (self);
}
