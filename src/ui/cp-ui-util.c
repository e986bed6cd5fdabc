/* cp-ui-util.c — small helpers the widgets share
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-ui"

#include "config.h"

#include <glib/gi18n.h>
#include "cp-source.h"
#include <stdio.h>

#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-note.h"
#include "cp-phase.h"
#include "cp-search.h"
#include "cp-identity.h"
#include "cp-ui-util.h"

/**
 * cp_ui_toast_set_topic:
 * @topic: what the toast is about, such as "export"
 *
 * A toast replaces the one before it about the same thing, shown or
 * waiting, rather than queue behind it. Without a topic, a toast is about
 * its own words: the same message twice shows once.
 */
void
cp_ui_toast_set_topic (AdwToast   *toast,
                       const char *topic)
{
  g_object_set_data_full (G_OBJECT (toast), "cp-topic", g_strdup (topic), g_free);
}

static void
toast_dismissed_cb (AdwToast        *toast,
                    AdwToastOverlay *overlay)
{
  GHashTable *topics = g_object_get_data (G_OBJECT (overlay), "cp-topics");
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, topics);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == toast)
      g_hash_table_iter_remove (&iter);
}

/**
 * cp_ui_add_toast:
 * @toast: (transfer full): what to say
 *
 * Shows @toast in @overlay, in place of an earlier one about the same
 * thing (see cp_ui_toast_set_topic()).
 */
void
cp_ui_add_toast (AdwToastOverlay *overlay,
                 AdwToast        *toast)
{
  GHashTable *topics = g_object_get_data (G_OBJECT (overlay), "cp-topics");
  const char *topic = g_object_get_data (G_OBJECT (toast), "cp-topic");
  AdwToast *earlier;

  if (topics == NULL)
    {
      topics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (overlay), "cp-topics", topics,
                              (GDestroyNotify) g_hash_table_unref);
    }
  if (topic == NULL)
    topic = adw_toast_get_title (toast);

  if ((earlier = g_hash_table_lookup (topics, topic)) != NULL && earlier != toast)
    adw_toast_dismiss (earlier);
  g_hash_table_insert (topics, g_strdup (topic), toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

/* Shows @toast in the window's toast overlay; takes ownership of it. */
void
cp_ui_show_toast (GtkWidget *widget,
                  AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    cp_ui_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_warning ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

void
cp_ui_toast_error (GtkWidget    *widget,
                   const GError *error)
{
  cp_ui_show_toast (widget, adw_toast_new (error->message));
}

/**
 * cp_ui_settings_new:
 *
 * The settings schema is installed with the app; a build run from the
 * source tree without it still works, keeping nothing.
 *
 * Returns: (transfer full) (nullable): the app's settings, or %NULL when
 *   the schema is not installed
 */
GSettings *
cp_ui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema ? g_settings_new (APP_ID) : NULL;
}

static GtkSourceLanguage *
markdown (void)
{
  return gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (),
                                                   "markdown");
}

static gboolean
set_markdown_cb (gpointer data)
{
  g_autoptr(GtkSourceBuffer) buffer = g_weak_ref_get (data);

  if (buffer == NULL)
    return G_SOURCE_REMOVE;

  g_object_set_data (G_OBJECT (buffer), "cp-markdown-ready", GINT_TO_POINTER (TRUE));
  if (!g_object_get_data (G_OBJECT (buffer), "cp-plain-text"))
    gtk_source_buffer_set_language (buffer, markdown ());

  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/**
 * cp_ui_highlight_markdown:
 *
 * Highlights @buffer as Markdown once the window is up: loading the
 * language the first time takes longer than a frame, and start-up should
 * not wait for it.
 */
void
cp_ui_highlight_markdown (GtkSourceBuffer *buffer)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, buffer);
  g_idle_add_full (G_PRIORITY_LOW, set_markdown_cb, ref, weak_ref_free);
}

/**
 * cp_ui_set_highlighting:
 * @highlight: whether to highlight @buffer as Markdown
 *
 * Turns a buffer's Markdown highlighting off, as for a very long text
 * (GtkSourceView's highlighting of a megabyte would hold up typing for
 * longer than a frame), or on again once cp_ui_highlight_markdown() has
 * set it up.
 */
void
cp_ui_set_highlighting (GtkSourceBuffer *buffer,
                        gboolean         highlight)
{
  g_object_set_data (G_OBJECT (buffer), "cp-plain-text", GINT_TO_POINTER (!highlight));

  if (!highlight)
    gtk_source_buffer_set_language (buffer, NULL);
  else if (g_object_get_data (G_OBJECT (buffer), "cp-markdown-ready") &&
           gtk_source_buffer_get_language (buffer) == NULL)
    gtk_source_buffer_set_language (buffer, markdown ());
}

/**
 * cp_ui_icon_button_new:
 * @label: what the button does, shown as its tooltip and read out by
 *   screen readers
 *
 * Returns: (transfer floating): a flat button showing only an icon
 */
GtkWidget *
cp_ui_icon_button_new (const char *icon_name,
                       const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return button;
}

/**
 * cp_ui_dup_identity:
 * @name: (out) (optional): the user's name, or %NULL when not given yet
 * @email: (out) (optional): their address, or ""
 *
 * Who records what is done here, as the user gave it in Preferences or
 * when first asked.
 *
 * Returns: whether a name is known
 */
gboolean
cp_ui_dup_identity (char **name,
                    char **email)
{
  g_autoptr(GSettings) settings = cp_ui_settings_new ();
  g_autofree char *n = settings ? g_settings_get_string (settings, "user-name") : NULL;
  g_autofree char *e = settings ? g_settings_get_string (settings, "user-email") : NULL;
  gboolean known = cp_identity_check (n, NULL, NULL);

  if (name != NULL)
    *name = known ? g_steal_pointer (&n) : NULL;
  if (email != NULL)
    *email = known && e != NULL ? g_steal_pointer (&e) : g_strdup ("");

  return known;
}

/**
 * cp_ui_set_identity:
 * @email: (nullable): an address, or %NULL or "" for none
 *
 * Keeps who the user is, once it reads as a person's name and address.
 */
gboolean
cp_ui_set_identity (const char  *name,
                    const char  *email,
                    GError     **error)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *n = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *e = g_strstrip (g_strdup (email ? email : ""));

  if (!cp_identity_check (n, e, error))
    return FALSE;

  if ((settings = cp_ui_settings_new ()) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Settings cannot be kept: Coachplan is not installed"));
      return FALSE;
    }

  g_settings_set_string (settings, "user-name", n);
  g_settings_set_string (settings, "user-email", e);

  return TRUE;
}

/**
 * cp_ui_format_date:
 * @iso: (nullable): a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SSZ)
 *
 * Returns: (transfer full) (nullable): the date as people read it here
 */
char *
cp_ui_format_date (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;

  if (!(when = g_date_time_new_local (y, m, d, 12, 0, 0)))
    return NULL;

  /* Translators: how a date is shown; see strftime(3). */
  return g_date_time_format (when, _("%-d %B %Y"));
}

typedef struct
{
  AdwEntryRow    *entry;
  CpUiTextFunc    func;
  gpointer        user_data;
  GDestroyNotify  destroy;
} Prompt;

static void
prompt_free (gpointer data)
{
  Prompt *prompt = data;

  if (prompt->destroy != NULL)
    prompt->destroy (prompt->user_data);
  g_free (prompt);
}

static void
prompt_closure_notify (gpointer  data,
                       GClosure *closure)
{
  prompt_free (data);
}

static void
prompt_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Prompt           *prompt)
{
  if (g_strcmp0 (response, "apply") == 0)
    prompt->func (gtk_editable_get_text (GTK_EDITABLE (prompt->entry)), prompt->user_data);
}

static void
prompt_activate_cb (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "apply");
  gtk_window_close (GTK_WINDOW (dialog));
}

/**
 * cp_ui_prompt_text:
 *
 * Asks for one line of text in a dialog; calls @func with it when the
 * user applies, not at all when they cancel.
 */
void
cp_ui_prompt_text (GtkWidget      *parent,
                   const char     *heading,
                   const char     *label,
                   const char     *initial,
                   const char     *apply_label,
                   CpUiTextFunc    func,
                   gpointer        user_data,
                   GDestroyNotify  destroy)
{
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  Prompt *prompt = g_new0 (Prompt, 1);

  prompt->entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  prompt->func = func;
  prompt->user_data = user_data;
  prompt->destroy = destroy;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (prompt->entry), label);
  gtk_editable_set_text (GTK_EDITABLE (prompt->entry), initial ? initial : "");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (prompt->entry));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                                       heading, NULL));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", apply_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_data (dialog, "response", G_CALLBACK (prompt_response_cb), prompt,
                         prompt_closure_notify, 0);
  g_signal_connect_swapped (prompt->entry, "entry-activated", G_CALLBACK (prompt_activate_cb),
                            dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (prompt->entry));
}

/**
 * cp_ui_snippet_markup:
 *
 * Returns: (transfer full): a search snippet as Pango markup, its
 *   matches in bold, on one line
 */
char *
cp_ui_snippet_markup (const char *snippet)
{
  g_autofree char *escaped = g_markup_escape_text (snippet ? snippet : "", -1);
  GString *markup = g_string_new (NULL);

  for (const char *p = escaped; *p; p++)
    {
      if (*p == CP_SEARCH_MATCH_START[0])
        g_string_append (markup, "<b>");
      else if (*p == CP_SEARCH_MATCH_END[0])
        g_string_append (markup, "</b>");
      else
        g_string_append_c (markup, *p == '\n' ? ' ' : *p);
    }

  return g_string_free (markup, FALSE);
}

/**
 * cp_ui_fill_search_hits:
 * @hits: (element-type CpSearchHit)
 * @with_engagement: whether to name each note's engagement
 *
 * Replaces @list's rows with one per hit, its snippet below its title.
 * Each row carries "engagement-id" and "note-id" data.
 */
void
cp_ui_fill_search_hits (GtkListBox *list,
                        GPtrArray  *hits,
                        gboolean    with_engagement)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      CpSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = cp_ui_snippet_markup (hit->snippet);
      GtkWidget *row = adw_action_row_new ();

      if (with_engagement)
        title = g_markup_printf_escaped ("%s <span alpha=\"60%%\">· %s</span>",
                                         hit->title, hit->engagement_title);
      else
        title = g_markup_escape_text (hit->title, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "engagement-id",
                         GSIZE_TO_POINTER ((gsize) hit->engagement_id));
      g_object_set_data (G_OBJECT (row), "note-id", GSIZE_TO_POINTER ((gsize) hit->note_id));
      gtk_list_box_append (list, row);
    }
}

/* Starts a list of choices with "None", for id 0. */
static GtkStringList *
choices_new (GArray *ids)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (strings, _("None"));
  g_array_append_val (ids, none);

  return strings;
}

static void
choices_add (GtkStringList *strings,
             GArray        *ids,
             const char    *name,
             gint64         id,
             gint64         current,
             guint         *selected)
{
  if (id == current)
    *selected = ids->len;
  gtk_string_list_append (strings, name);
  g_array_append_val (ids, id);
}

/**
 * cp_ui_phase_choices:
 * @ids: (element-type gint64): filled with each choice's phase id, 0 first
 * @current: the phase chosen now, or 0
 * @selected: (out): the position of @current
 *
 * Returns: (transfer full): "None", then every phase of every cycle, as
 *   "Cycle 1: Plan", for a combo row
 */
GListModel *
cp_ui_phase_choices (CpEngagement *engagement,
                     GArray       *ids,
                     gint64        current,
                     guint        *selected)
{
  GtkStringList *strings = choices_new (ids);
  GListModel *cycles = cp_engagement_get_cycles (engagement, NULL);

  *selected = 0;
  for (guint c = 0; cycles && c < g_list_model_get_n_items (cycles); c++)
    {
      g_autoptr(CpCycle) cycle = g_list_model_get_item (cycles, c);
      GListModel *phases = cp_cycle_get_phases (cycle, NULL);

      for (guint p = 0; phases && p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(CpPhase) phase = g_list_model_get_item (phases, p);
          /* Translators: a cycle's number, then one of its phases. */
          g_autofree char *name = g_strdup_printf (_("Cycle %u: %s"), cp_cycle_get_number (cycle),
                                                   cp_phase_get_name (phase));

          choices_add (strings, ids, name, cp_phase_get_id (phase), current, selected);
        }
    }

  return G_LIST_MODEL (strings);
}

/**
 * cp_ui_note_choices:
 * @ids: (element-type gint64): filled with each choice's note id, 0 first
 * @current: the note chosen now, or 0
 * @selected: (out): the position of @current
 *
 * Returns: (transfer full): "None", then the engagement's notes by title
 */
GListModel *
cp_ui_note_choices (CpEngagement *engagement,
                    GArray       *ids,
                    gint64        current,
                    guint        *selected)
{
  GtkStringList *strings = choices_new (ids);
  GListModel *notes = cp_engagement_get_notes (engagement, NULL);

  *selected = 0;
  for (guint i = 0; notes && i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(CpNote) note = g_list_model_get_item (notes, i);
      g_autofree char *title = cp_note_dup_display_title (note);

      choices_add (strings, ids, title, cp_note_get_id (note), current, selected);
    }

  return G_LIST_MODEL (strings);
}

/**
 * cp_ui_name_drop_down:
 * @name: what the drop-down chooses, translated
 *
 * Names a drop-down and the toggle button inside it, which assistive
 * technology otherwise reads by its class name.
 */
void
cp_ui_name_drop_down (GtkDropDown *drop_down,
                      const char  *name)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_queue_push_tail (queue, drop_down);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *widget = g_queue_pop_head (queue);

      if (GTK_IS_TOGGLE_BUTTON (widget))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          return;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }
}

/**
 * cp_ui_form_new:
 * @parent: a widget of the window the form belongs to
 * @heading: what the form is about
 * @body: (nullable): a sentence on what to fill in
 * @apply_label: the button that keeps what was filled in, as "_Save"
 *
 * A dialog with a list of rows to fill in (cp_ui_form_add_entry(),
 * cp_ui_form_add_choice()) and Cancel and @apply_label; its "response"
 * is "apply" when the user keeps what they filled in.
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
AdwMessageDialog *
cp_ui_form_new (GtkWidget  *parent,
                const char *heading,
                const char *body,
                const char *apply_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                                                         heading, body));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);
  g_object_set_data (G_OBJECT (dialog), "cp-form-list", list);
  g_object_set_data (G_OBJECT (dialog), "cp-form-box", box);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", apply_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

/* Adds @row to the form's list. */
static void
form_append (AdwMessageDialog *form,
             GtkWidget        *row,
             const char       *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (GTK_LIST_BOX (g_object_get_data (G_OBJECT (form), "cp-form-list")), row);
}

/**
 * cp_ui_form_add_entry:
 *
 * Returns: (transfer none): a row of the form to type @title into,
 *   holding @text
 */
AdwEntryRow *
cp_ui_form_add_entry (AdwMessageDialog *form,
                      const char       *title,
                      const char       *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  form_append (form, row, title);

  return ADW_ENTRY_ROW (row);
}

/**
 * cp_ui_form_add_choice:
 * @choices: (array zero-terminated=1): the choices, translated
 *
 * Returns: (transfer none): a row of the form to choose @title from
 *   @choices, @selected chosen
 */
AdwComboRow *
cp_ui_form_add_choice (AdwMessageDialog   *form,
                       const char         *title,
                       const char * const *choices,
                       guint               selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  form_append (form, row, title);

  return ADW_COMBO_ROW (row);
}

/**
 * cp_ui_form_add_text:
 *
 * Returns: (transfer none): a framed view under the form's list to write
 *   text of many lines into, with @title above it
 */
GtkTextView *
cp_ui_form_add_text (AdwMessageDialog *form,
                     const char       *title,
                     const char       *text)
{
  GtkWidget *box = g_object_get_data (G_OBJECT (form), "cp-form-box");
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);

  return GTK_TEXT_VIEW (view);
}

/**
 * cp_ui_dup_text:
 *
 * Returns: (transfer full): all of @view's text
 */
char *
cp_ui_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * cp_ui_enum_to_choice:
 *
 * A #GBindingTransformFunc: an enum's value as the position of a choice,
 * for a combo row that lists the enum's values in their numeric order.
 */
gboolean
cp_ui_enum_to_choice (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      data)
{
  g_value_set_uint (to, g_value_get_enum (from));
  return TRUE;
}

/**
 * cp_ui_choice_to_enum:
 *
 * A #GBindingTransformFunc: the other way of cp_ui_enum_to_choice(); no
 * choice changes nothing.
 */
gboolean
cp_ui_choice_to_enum (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      data)
{
  guint selected = g_value_get_uint (from);

  if (selected == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_enum (to, selected);
  return TRUE;
}

/**
 * cp_ui_bind_choice:
 * @object: has @property, an enum whose values count from 0 in the
 *   order of @row's choices
 *
 * Keeps @row's choice and @object's @property the same, both ways.
 */
void
cp_ui_bind_choice (gpointer     object,
                   const char  *property,
                   AdwComboRow *row)
{
  g_object_bind_property_full (object, property, row, "selected",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               cp_ui_enum_to_choice, cp_ui_choice_to_enum, NULL, NULL);
}

static void
menu_popup_cb (GtkMenuButton *button,
               gpointer       data)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (data));
}

/**
 * cp_ui_menu_button_set_menu_later:
 * @model: the menu @button opens
 *
 * Gives @button its menu when it first opens it: a menu button makes
 * its popover with its model, and a window need not make its menus
 * before its first frame.
 */
void
cp_ui_menu_button_set_menu_later (GtkMenuButton *button,
                                  GMenuModel    *model)
{
  gtk_menu_button_set_create_popup_func (button, menu_popup_cb, g_object_ref (model),
                                         g_object_unref);
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  CpUiLabelFit fit = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "cp-fit"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (fit == CP_UI_LABEL_WRAPPED)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
    }
  else if (fit == CP_UI_LABEL_SHORTENED)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkExpression *expression = g_object_get_data (G_OBJECT (factory), "cp-expression");
  GObject *object = gtk_list_item_get_item (item);
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text = NULL;

  if (expression == NULL && GTK_IS_STRING_OBJECT (object))
    text = gtk_string_object_get_string (GTK_STRING_OBJECT (object));
  else if (expression != NULL && gtk_expression_evaluate (expression, object, &value))
    text = g_value_get_string (&value);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/**
 * cp_ui_label_factory_new:
 * @fit: how the label fits its place
 * @expression: (nullable) (transfer none): the string shown for an item;
 *   %NULL for the items of a #GtkStringList
 *
 * A factory of one label per item, for drop-downs and combo rows whose
 * choices must wrap or shorten rather than widen the window.
 *
 * Returns: (transfer full): the factory
 */
GtkListItemFactory *
cp_ui_label_factory_new (CpUiLabelFit   fit,
                         GtkExpression *expression)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "cp-fit", GINT_TO_POINTER (fit));
  if (expression != NULL)
    g_object_set_data_full (G_OBJECT (factory), "cp-expression", gtk_expression_ref (expression),
                            (GDestroyNotify) gtk_expression_unref);
  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), NULL);

  return factory;
}

/**
 * cp_ui_drop_down_shorten:
 * @expression: (nullable): the string shown for an item, or %NULL for
 *   the items of a #GtkStringList
 *
 * The choice on the drop-down's button gives way, ellipsized, rather than
 * widen the window; its list shows each choice whole.
 */
void
cp_ui_drop_down_shorten (GtkDropDown   *drop_down,
                         GtkExpression *expression)
{
  g_autoptr(GtkListItemFactory) shown = cp_ui_label_factory_new (CP_UI_LABEL_SHORTENED, expression);
  g_autoptr(GtkListItemFactory) listed = cp_ui_label_factory_new (CP_UI_LABEL_WHOLE, expression);

  gtk_drop_down_set_factory (drop_down, shown);
  gtk_drop_down_set_list_factory (drop_down, listed);
}

static GtkWidget *
line_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  return label;
}

/**
 * cp_ui_two_lines_new:
 *
 * A light row's content, for lists that make many rows: a title, and a
 * dim caption below it; two labels in a box, not a preferences row.
 *
 * Returns: (transfer floating): the box
 */
GtkWidget *
cp_ui_two_lines_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = line_label ();

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), line_label ());
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);

  return box;
}

/* Shows @title and @caption (hidden when empty) in cp_ui_two_lines_new()'s box. */
void
cp_ui_two_lines_set (GtkWidget  *box,
                     const char *title,
                     const char *caption)
{
  GtkWidget *first = gtk_widget_get_first_child (box);
  GtkWidget *second = gtk_widget_get_next_sibling (first);

  gtk_label_set_label (GTK_LABEL (first), title);
  gtk_label_set_label (GTK_LABEL (second), caption);
  gtk_widget_set_visible (second, caption != NULL && *caption != '\0');
}

/**
 * cp_ui_path_with_suffix:
 * @file: (nullable): a file chosen
 * @suffix: such as ".ics"
 *
 * Returns: (nullable): its path, with @suffix when it ends otherwise;
 *   %NULL for no file, or one not on this computer
 */
char *
cp_ui_path_with_suffix (GFile      *file,
                        const char *suffix)
{
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path == NULL || g_str_has_suffix (path, suffix))
    return g_steal_pointer (&path);

  return g_strconcat (path, suffix, NULL);
}

/**
 * cp_ui_calendar_chooser:
 * @name: (nullable): the file name offered, when saving
 *
 * Returns: (transfer full): a modal chooser of .ics files, not yet shown
 */
GtkFileChooserNative *
cp_ui_calendar_chooser (GtkWindow            *parent,
                        const char           *title,
                        GtkFileChooserAction  action,
                        const char           *accept,
                        const char           *name)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Calendar (.ics)"));
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (name != NULL)
    {
      g_autofree char *safe = g_strdup (name);

      g_strdelimit (safe, G_DIR_SEPARATOR_S, '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), safe);
    }

  return chooser;
}
