/* test-window-review.c — the sponsor's review in the real window: New
 * Cycle asks first and can be undone, and cycle 1 stays reachable on the
 * Review page; the first approach of an engagement is a choice
 *
 * Runs under a virtual X server (build-aux/test starts one).
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cp-assistant-dialog.h"
#include "cp-engagement.h"
#include "cp-engagement-page.h"
#include "cp-mentoring.h"
#include "cp-markdown-view.h"
#include "cp-maturity.h"
#include "cp-measures-page.h"
#include "cp-note.h"
#include "cp-note-editor.h"
#include "cp-notes-page.h"
#include "cp-opportunity-dialog.h"
#include "cp-people-map.h"
#include "cp-plan-page.h"
#include "cp-register-page.h"
#include "cp-review-page.h"
#include "cp-session.h"
#include "cp-session-dialog.h"
#include "cp-stakeholder.h"
#include "cp-stakeholder-map.h"
#include "cp-stakeholder-row.h"
#include "cp-test-util.h"
#include "cp-workstream.h"
#include "cp-test-window.h"
#include "cp-ui-util.h"

static void
show_page (CpWindow   *window,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  spin (200);
}

static guint
n_cycles (CpWindow *window)
{
  return g_list_model_get_n_items (cp_engagement_get_cycles (cp_window_get_current (window), NULL));
}

static void
new_cycle (CpWindow *window)
{
  GtkWidget *plan;
  GtkWindow *ask;
  GtkWidget *review;
  GtkWidget *undo;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  g_assert_cmpuint (n_cycles (window), ==, 1);

  show_page (window, "plan");
  plan = find (GTK_WIDGET (window), CP_TYPE_PLAN_PAGE, NULL);
  g_assert_nonnull (plan);

  /* Alt+2 and the like take the keyboard into the page shown. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (focus == plan || gtk_widget_is_ancestor (focus, plan));
  }

  /* A cycle runs: New Cycle asks first, and says what happens to it. */
  g_assert_true (gtk_widget_activate_action (plan, "plan.start-cycle", "s", "csi-approach"));
  spin (100);
  ask = find_dialog ("Start Cycle 2?");
  g_assert_nonnull (ask);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (ask)), "Cycle 1 stays as it is"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "cancel");
  spin (100);
  g_assert_cmpuint (n_cycles (window), ==, 1);

  g_assert_true (gtk_widget_activate_action (plan, "plan.start-cycle", "s", "csi-approach"));
  spin (100);
  ask = find_dialog ("Start Cycle 2?");
  g_assert_nonnull (ask);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "start");
  spin (200);
  g_assert_cmpuint (n_cycles (window), ==, 2);

  /* Cycle 1 is still a click away on the Review page, its sign-offs too. */
  show_page (window, "review");
  review = find (GTK_WIDGET (window), CP_TYPE_REVIEW_PAGE, NULL);
  g_assert_nonnull (review);
  g_assert_nonnull (find (review, ADW_TYPE_EXPANDER_ROW, "Cycle 2 · CSI approach"));
  g_assert_nonnull (find (review, ADW_TYPE_EXPANDER_ROW, "Cycle 1 · CSI approach"));

  /* Undo takes cycle 2 back. */
  undo = find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  spin (300);
  g_assert_cmpuint (n_cycles (window), ==, 1);
  show_page (window, "plan");
  show_page (window, "review");
  g_assert_null (find (review, ADW_TYPE_EXPANDER_ROW, "Cycle 2 · CSI approach"));
  g_assert_nonnull (find (review, ADW_TYPE_EXPANDER_ROW, "Cycle 1 · CSI approach"));
}

/* The first approach chosen for a new engagement is a choice, not a
 * change: the dialog says so, and the Overview shows it on the right.
 */
static void
first_approach (CpWindow *window)
{
  GtkWidget *row;
  GtkWindow *ask;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-engagement", NULL));
  spin (200);
  row = find (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, "Approach");
  g_assert_nonnull (row);
  g_assert_cmpint (cp_engagement_get_approach (cp_window_get_current (window)), ==, CP_APPROACH_UNDECIDED);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), CP_APPROACH_COACHED);
  spin (200);
  ask = find_dialog ("Choose the Approach?");
  g_assert_nonnull (ask);
  g_assert_null (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (ask)), "move from one approach"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "change");
  spin (200);
  g_assert_cmpint (cp_engagement_get_approach (cp_window_get_current (window)), ==, CP_APPROACH_COACHED);
  g_assert_false (adw_combo_row_get_use_subtitle (ADW_COMBO_ROW (row)));
  g_assert_nonnull (find (row, GTK_TYPE_LABEL, "Do it yourself with expert coaching"));
}

/* On restart the last engagement opens on the page it was left on; with
 * none, the page tabs wait for one.
 */
static void
leave_on_measures (CpWindow *window)
{
  g_assert_null (cp_window_get_current (window));
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (
                    ADW_VIEW_SWITCHER_TITLE (find (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE, NULL))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  show_page (window, "measures");
}

static void
back_on_measures (CpWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));

  g_assert_nonnull (cp_window_get_current (window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "measures");
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (
                   ADW_VIEW_SWITCHER_TITLE (find (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE, NULL))));
}

/* Narrow, the plan's progress is read whole and the window stays narrow. */
static void
plan_narrow (CpWindow *window)
{
  GtkLabel *progress;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  show_page (window, "plan");
  spin (300);
  progress = find_label_containing (GTK_WIDGET (window), "items ticked");
  g_assert_nonnull (progress);
  g_assert_cmpstr (gtk_label_get_label (progress), ==, "12 of 28 items ticked · 43 %");
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (progress)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
}

/* A toast replaces the one before it about the same thing, shown or
 * waiting, and the same words twice show once; others queue.
 */
static void
dismissed_cb (AdwToast *toast,
              gboolean *dismissed)
{
  *dismissed = TRUE;
}

static AdwToast *
watched_toast (const char *title,
               const char *topic,
               gboolean   *dismissed)
{
  AdwToast *toast = adw_toast_new (title);

  if (topic != NULL)
    cp_ui_toast_set_topic (toast, topic);
  g_signal_connect (toast, "dismissed", G_CALLBACK (dismissed_cb), dismissed);

  return toast;
}

static gboolean
has_css_name (GtkWidget     *widget,
              gconstpointer  name)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_widget_get_css_name (widget), name) == 0;
}

static GtkWidget *
find_css_name (GtkWidget  *root,
               const char *name)
{
  return find_where (root, has_css_name, name);
}

static void
toasts_replace (CpWindow *window)
{
  /* Static: the toasts still on show are dismissed when the window closes. */
  static gboolean saved, saved_again, other, other_again;
  GtkWidget *export;
  GtkAdjustment *scroll;
  graphene_rect_t button, toast;

  /* At the foot of the Review page, the toast leaves Export Report… in sight. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  show_page (window, "review");
  export = find (GTK_WIDGET (window), GTK_TYPE_LABEL, "_Export Report…");
  g_assert_nonnull (export);
  export = gtk_widget_get_parent (export);
  scroll = gtk_scrolled_window_get_vadjustment (
             GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (export, GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  spin (200);

  cp_window_add_toast (window, watched_toast ("Report saved as a.pdf", "win.export-report", &saved));
  cp_window_add_toast (window, watched_toast ("Engagement restored", NULL, &other));
  spin (400);
  g_assert_false (saved);
  g_assert_false (other);
  g_assert_true (gtk_widget_compute_bounds (export, GTK_WIDGET (window), &button));
  g_assert_nonnull (find_css_name (GTK_WIDGET (window), "toast"));
  g_assert_true (gtk_widget_compute_bounds (find_css_name (GTK_WIDGET (window), "toast"),
                                            GTK_WIDGET (window), &toast));
  g_assert_cmpfloat (button.origin.y + button.size.height, <, toast.origin.y);

  cp_window_add_toast (window, watched_toast ("Report saved as b.pdf", "win.export-report", &saved_again));
  spin (100);
  g_assert_true (saved);
  g_assert_false (other);

  cp_window_add_toast (window, watched_toast ("Engagement restored", NULL, &other_again));
  spin (100);
  g_assert_true (other);
  g_assert_false (saved_again);
  g_assert_false (other_again);
}

/* The note editor's drop-down whose first choice is @none. */
static gboolean
offers_first (GtkWidget     *widget,
              gconstpointer  none)
{
  GListModel *model = GTK_IS_DROP_DOWN (widget) ? gtk_drop_down_get_model (GTK_DROP_DOWN (widget)) : NULL;

  return GTK_IS_STRING_LIST (model) &&
         g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), none) == 0;
}

static GtkDropDown *
find_choices (GtkWidget  *root,
              const char *none)
{
  return GTK_DROP_DOWN (find_where (root, offers_first, none));
}

/* New Note marks the new note in the list; a session is planned in a
 * dialog that Cancel leaves without a trace, and one added shows at once
 * in the open note's Session drop-down.
 */
static void
sessions_and_notes (CpWindow *window)
{
  GListModel *sessions;
  GtkWidget *notes;
  GtkWidget *editor;
  GtkListBoxRow *selected;
  GtkDropDown *session_choices;
  GtkWindow *dialog;
  guint n_sessions;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  show_page (window, "notes");
  notes = find (GTK_WIDGET (window), CP_TYPE_NOTES_PAGE, NULL);
  editor = find (notes, CP_TYPE_NOTE_EDITOR, NULL);
  sessions = cp_engagement_get_sessions (cp_window_get_current (window), NULL);
  n_sessions = g_list_model_get_n_items (sessions);
  g_assert_cmpuint (n_sessions, >, 0);

  /* The list marks the new note, not the one before. */
  g_assert_true (gtk_widget_activate_action (notes, "notes.new-note", NULL));
  spin (200);
  g_assert_nonnull (cp_note_editor_get_note (CP_NOTE_EDITOR (editor)));
  selected = gtk_list_box_get_selected_row (GTK_LIST_BOX (gtk_widget_get_ancestor (
                                              GTK_WIDGET (find_label_containing (notes, "Untitled")), GTK_TYPE_LIST_BOX)));
  g_assert_nonnull (selected);
  g_assert_true (g_object_get_data (G_OBJECT (selected), "note") == cp_note_editor_get_note (CP_NOTE_EDITOR (editor)));
  session_choices = find_choices (editor, "No session");
  g_assert_nonnull (session_choices);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (session_choices)), ==, n_sessions + 1);

  /* Cancel plans nothing. */
  g_assert_true (gtk_widget_activate_action (notes, "notes.new-session", NULL));
  spin (200);
  dialog = find_dialog ("New Coaching Session");
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n_sessions);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Cancel"), "clicked");
  spin (200);
  g_assert_null (find_dialog ("New Coaching Session"));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n_sessions);

  /* Add Session adds it whole, and the open note can link it at once. */
  g_assert_true (gtk_widget_activate_action (notes, "notes.new-session", NULL));
  spin (200);
  dialog = find_dialog ("New Coaching Session");
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Topic")),
                         "Walk through the change calendar");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Coaching area")),
                              CP_COACHING_AREA_REVIEW);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Add Session"), "clicked");
  spin (200);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n_sessions + 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (session_choices)), ==, n_sessions + 2);
  {
    gboolean topic_kept = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
      {
        g_autoptr(CpSession) session = g_list_model_get_item (sessions, i);

        if (g_strcmp0 (cp_session_get_topic (session), "Walk through the change calendar") == 0)
          {
            topic_kept = TRUE;
            g_assert_cmpint (cp_session_get_area (session), ==, CP_COACHING_AREA_REVIEW);
          }
      }
    g_assert_true (topic_kept);
  }

  /* Measures says where the coaching time went, held sessions only. */
  show_page (window, "measures");
  {
    GtkWidget *measures = find (GTK_WIDGET (window), CP_TYPE_MEASURES_PAGE, NULL);
    GtkWidget *row = find (measures, ADW_TYPE_ACTION_ROW, "Establishing the CSIP");

    g_assert_nonnull (row);
    g_assert_nonnull (find (row, GTK_TYPE_LABEL, "3.0 h"));
    g_assert_nonnull (find (measures, ADW_TYPE_ACTION_ROW, "Workshop or mass mentoring"));
    g_assert_null (find (measures, ADW_TYPE_ACTION_ROW, "Reviewing a process"));
  }
}

/* Notes at 411 px: a note opens within the window, and going back leaves
 * it as narrow; wide, a long session label neither hides the list nor
 * squeezes the tags.
 */
static CpNote *
note_titled (CpEngagement *engagement,
             const char   *title)
{
  GListModel *notes = cp_engagement_get_notes (engagement, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(CpNote) note = g_list_model_get_item (notes, i);

      if (g_strcmp0 (cp_note_get_title (note), title) == 0)
        return note;
    }

  return NULL;
}

/* The mapped entry under @root holding @text. */
static gboolean
holds_text (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0;
}

static GtkWidget *
find_entry (GtkWidget  *root,
            const char *text)
{
  return find_where (root, holds_text, text);
}

static void
notes_narrow_and_wide (CpWindow *window)
{
  CpEngagement *engagement;
  GListModel *sessions;
  CpNote *note;
  GtkWidget *notes;
  GtkWidget *list;
  GtkWidget *tags;
  gint64 workshop = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  engagement = cp_window_get_current (window);
  note = note_titled (engagement, "CAB with Priya");
  g_assert_nonnull (note);

  /* The longest label: the workshop's. */
  sessions = cp_engagement_get_sessions (engagement, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(CpSession) session = g_list_model_get_item (sessions, i);

      if (cp_session_get_kind (session) == CP_SESSION_KIND_WORKSHOP)
        workshop = cp_session_get_id (session);
    }
  g_assert_cmpint (workshop, >, 0);
  cp_note_set_session_id (note, workshop);

  gtk_window_set_default_size (GTK_WINDOW (window), 411, 700);
  show_page (window, "notes");
  spin (300);
  notes = find (GTK_WIDGET (window), CP_TYPE_NOTES_PAGE, NULL);
  g_assert_true (cp_notes_page_open_note (CP_NOTES_PAGE (notes), cp_note_get_id (note)));
  spin (400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 411);
  adw_leaflet_navigate (ADW_LEAFLET (find (notes, ADW_TYPE_LEAFLET, NULL)), ADW_NAVIGATION_DIRECTION_BACK);
  spin (400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 411);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  spin (400);
  g_assert_true (cp_notes_page_open_note (CP_NOTES_PAGE (notes), cp_note_get_id (note)));
  spin (400);
  list = find (notes, GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_cmpint (gtk_widget_get_width (list), >=, 200);
  tags = find_entry (notes, "change, cab");
  g_assert_nonnull (tags);
  g_assert_cmpint (gtk_widget_get_width (tags), >=, 200);
}

/* Labels under @root that Pango had to shorten. */
static guint
count_ellipsized (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))))
        n++;
      n += count_ellipsized (child);
    }

  return n;
}

/* The register at 1280 px: a table with every column whole; at 360 px, a
 * row for each opportunity with its key fields, whole, and a search field
 * that reads as one.
 */
static void
register_adapts (CpWindow *window)
{
  GtkWidget *page;
  GtkWidget *table;
  GtkWidget *rows;
  GtkWidget *search;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  show_page (window, "register");
  page = find (GTK_WIDGET (window), CP_TYPE_REGISTER_PAGE, NULL);
  table = find (page, GTK_TYPE_COLUMN_VIEW, NULL);
  rows = find_css_class (page, "register-rows");
  search = find (page, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (table);
  g_assert_nonnull (rows);

  g_assert_true (gtk_widget_get_mapped (table));
  g_assert_false (gtk_widget_get_mapped (rows));
  g_assert_nonnull (find_label_containing (table, "Log every call at the first contact, with a category"));
  g_assert_nonnull (find_label_containing (table, "Changes reviewed by the CAB before they are made"));
  g_assert_nonnull (find_label_containing (table, "In progress"));
  g_assert_cmpuint (count_ellipsized (table), ==, 0);
  {
    GtkWidget *status = GTK_WIDGET (find_label_containing (table, "In progress"));
    int natural;

    gtk_widget_measure (status, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    g_assert_cmpint (gtk_widget_get_width (status), >=, natural);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  spin (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_false (gtk_widget_get_mapped (table));
  g_assert_true (gtk_widget_get_mapped (rows));
  g_assert_nonnull (find_label_containing (rows, "Log every call at the first contact, with a category"));
  g_assert_nonnull (find_label_containing (rows, "High priority · Small · In progress · Tom Becker"));
  g_assert_nonnull (find_label_containing (rows, "KPI: Calls logged at first contact"));
  g_assert_cmpuint (count_ellipsized (rows), ==, 0);
  g_assert_cmpint (gtk_widget_get_width (search), >=, 150);

  /* A row opens its opportunity, as the table's does. */
  g_signal_emit_by_name (rows, "activate", 0);
  spin (300);
  g_assert_nonnull (find_toplevel (CP_TYPE_OPPORTUNITY_DIALOG));
  g_assert_cmpstr (gtk_window_get_title (find_toplevel (CP_TYPE_OPPORTUNITY_DIALOG)), ==, "Opportunity 1");
  gtk_window_destroy (find_toplevel (CP_TYPE_OPPORTUNITY_DIALOG));
}

/* A pipe table in a note shows in the preview as a ruled grid, within
 * the preview's width, not as pipes.
 */
static void
preview_table (CpWindow *window)
{
  GtkWidget *notes;
  CpNoteEditor *editor;
  CpMarkdownView *preview;
  GtkWidget *grid;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  show_page (window, "notes");
  notes = find (GTK_WIDGET (window), CP_TYPE_NOTES_PAGE, NULL);
  g_assert_true (gtk_widget_activate_action (notes, "notes.new-note", NULL));
  spin (200);
  editor = CP_NOTE_EDITOR (find (notes, CP_TYPE_NOTE_EDITOR, NULL));
  preview = cp_note_editor_get_preview (editor);
  gtk_text_buffer_set_text (cp_note_editor_get_buffer (editor),
                            "# Maturity\n\n"
                            "| Practice | Baseline | Owner |\n"
                            "| :--- | :---: | --- |\n"
                            "| Incident management | 1.5 | Lena Hoffmann, with support from the coach |\n", -1);
  spin (1200);
  while (cp_markdown_view_get_busy (preview))
    g_main_context_iteration (NULL, TRUE);
  spin (200);

  grid = find_css_class (GTK_WIDGET (preview), "preview-table");
  g_assert_nonnull (grid);
  g_assert_true (gtk_widget_get_mapped (grid));
  g_assert_nonnull (find (grid, GTK_TYPE_LABEL, "Incident management"));
  g_assert_nonnull (find (grid, GTK_TYPE_LABEL, "Lena Hoffmann, with support from the coach"));
  g_assert_cmpint (gtk_widget_get_width (gtk_widget_get_ancestor (grid, GTK_TYPE_SCROLLED_WINDOW)), <=,
                   gtk_widget_get_width (GTK_WIDGET (preview)));

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (preview)), &start, &end);
  shown = gtk_text_iter_get_text (&start, &end);
  g_assert_null (strstr (shown, "| ---"));
  g_assert_null (strstr (shown, "| Practice"));

  /* A long note's start is in the preview at once, styled; the whole
   * follows from a worker.
   */
  {
    g_autoptr(GString) long_note = g_string_new ("# A long note\n\n");
    GtkTextBuffer *buffer;

    while (long_note->len < 100 * 1024)
      g_string_append (long_note, "A paragraph with **strong** words, and more words after them.\n\n");
    g_string_append (long_note, "The very end.\n");
    cp_markdown_view_set_markdown (preview, long_note->str);
    g_assert_true (cp_markdown_view_get_busy (preview));
    g_assert_true (cp_markdown_view_get_first_screen_shown (preview));
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (preview));
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    g_clear_pointer (&shown, g_free);
    shown = gtk_text_iter_get_text (&start, &end);
    g_assert_true (g_str_has_prefix (shown, "A long note"));
    g_assert_null (strstr (shown, "**"));
    g_assert_null (strstr (shown, "The very end."));

    while (cp_markdown_view_get_busy (preview))
      g_main_context_iteration (NULL, TRUE);
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (preview));
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    g_clear_pointer (&shown, g_free);
    shown = gtk_text_iter_get_text (&start, &end);
    g_assert_true (g_str_has_prefix (shown, "A long note"));
    g_assert_true (g_str_has_suffix (shown, "The very end."));
    g_assert_null (strstr (shown, "**"));
  }

  /* The rest of a long note can change its start, as a link defined at
   * the end does: the start shown first gives way to the whole's.
   */
  {
    g_autoptr(GString) long_note = g_string_new ("See [the plan][plan] first.\n\n");
    GtkTextBuffer *buffer;
    GtkTextIter at;
    g_autoptr(GSList) tags = NULL;
    const char *url = NULL;

    while (long_note->len < 60 * 1024)
      g_string_append (long_note, "A paragraph of the long note, and more words after them.\n\n");
    g_string_append (long_note, "[plan]: https://example.org/plan\n");
    cp_markdown_view_set_markdown (preview, long_note->str);
    g_assert_true (cp_markdown_view_get_first_screen_shown (preview));
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (preview));
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    g_clear_pointer (&shown, g_free);
    shown = gtk_text_iter_get_text (&start, &end);
    g_assert_true (g_str_has_prefix (shown, "See [the plan][plan] first."));

    while (cp_markdown_view_get_busy (preview))
      g_main_context_iteration (NULL, TRUE);
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (preview));
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    g_clear_pointer (&shown, g_free);
    shown = gtk_text_iter_get_text (&start, &end);
    g_assert_true (g_str_has_prefix (shown, "See the plan first."));
    gtk_text_buffer_get_iter_at_offset (buffer, &at, strlen ("See t"));
    tags = gtk_text_iter_get_tags (&at);
    for (GSList *l = tags; l != NULL; l = l->next)
      if (g_object_get_data (l->data, "url") != NULL)
        url = g_object_get_data (l->data, "url");
    g_assert_cmpstr (url, ==, "https://example.org/plan");
  }
}

static char *
describe_map (CpPeopleMap *map)
{
  g_autoptr(GArray) people = cp_stakeholder_map_take (cp_people_map_get_stakeholders (map));

  return cp_stakeholder_map_describe (people);
}

static gboolean
is_stakeholder_row_of (GtkWidget     *widget,
                       gconstpointer  name)
{
  return CP_IS_STAKEHOLDER_ROW (widget) &&
         g_strcmp0 (cp_stakeholder_get_name (cp_stakeholder_row_get_stakeholder (CP_STAKEHOLDER_ROW (widget))),
                    name) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* People and relationships on the Overview: each stakeholder's stance,
 * influence and role under their name, their stance history, and the
 * map, which follows a change of stance.
 */
static void
relationships (CpWindow *window)
{
  GtkWidget *lena_row;
  CpStakeholder *lena;
  CpPeopleMap *map;
  AdwComboRow *stance;
  GtkWidget *history;
  g_autofree char *described = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  show_page (window, "overview");

  lena_row = find_where (GTK_WIDGET (window), is_stakeholder_row_of, "Lena Hoffmann");
  g_assert_nonnull (lena_row);
  lena = cp_stakeholder_row_get_stakeholder (CP_STAKEHOLDER_ROW (lena_row));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (lena_row)), ==,
                   "Head of infrastructure operations · Sceptic");
  history = find_where (lena_row, is_row_titled, "Stance history");
  g_assert_nonnull (history);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (history)), "Blocker from "));

  map = CP_PEOPLE_MAP (find (GTK_WIDGET (window), CP_TYPE_PEOPLE_MAP, NULL));
  g_assert_nonnull (map);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (map)), >, 100);
  described = describe_map (map);
  g_assert_nonnull (strstr (described, "Influence High, Champion: Dana Whitfield"));
  g_assert_nonnull (strstr (described, "Influence High, Sceptic: Lena Hoffmann"));
  g_assert_nonnull (strstr (described, "Influence Medium, Supporter: Priya Raman, Tom Becker"));

  /* The coach sees Lena come round, and says so. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (lena_row), TRUE);
  stance = ADW_COMBO_ROW (find_where (lena_row, is_row_titled, "Stance toward the programme"));
  g_assert_nonnull (stance);
  g_assert_cmpuint (adw_combo_row_get_selected (stance), ==, CP_STANCE_SCEPTIC);
  adw_combo_row_set_selected (stance, CP_STANCE_SUPPORTER);
  spin (200);
  g_assert_cmpint (cp_stakeholder_get_stance (lena), ==, CP_STANCE_SUPPORTER);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (lena_row)), ==,
                   "Head of infrastructure operations · Supporter");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (history)), "then Supporter from "));
  g_clear_pointer (&described, g_free);
  described = describe_map (map);
  g_assert_nonnull (strstr (described, "Influence High, Supporter: Lena Hoffmann"));

  /* A session shows who attended with where they stood that day: the
   * kick-off workshop, before Tom came round.
   */
  {
    CpEngagement *engagement = cp_window_get_current (window);
    GListModel *sessions = cp_engagement_get_sessions (engagement, NULL);
    g_autoptr(CpSession) kickoff = g_list_model_get_item (sessions, g_list_model_get_n_items (sessions) - 1);
    CpSessionDialog *dialog = cp_session_dialog_new (GTK_WIDGET (window), engagement, kickoff);
    GtkWidget *tom;

    g_assert_cmpstr (cp_session_get_topic (kickoff), ==, "Why we are here: drivers and scope");
    gtk_window_present (GTK_WINDOW (dialog));
    spin (100);
    tom = find_where (GTK_WIDGET (dialog), is_row_titled, "Tom Becker");
    g_assert_nonnull (tom);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (tom)), ==,
                     "Service desk lead, champion for incident management · Neutral on the day");
    gtk_window_destroy (GTK_WINDOW (dialog));
    spin (50);
  }

  /* The sample's mentoring, and a new one added in its dialog. */
  {
    GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (map), CP_TYPE_ENGAGEMENT_PAGE);
    GtkWindow *dialog;
    GListModel *mentorings = cp_engagement_get_mentorings (cp_window_get_current (window), NULL);

    g_assert_nonnull (find_where (page, is_row_titled, "Sam Okafor mentors Priya Raman"));
    g_assert_cmpuint (g_list_model_get_n_items (mentorings), ==, 3);
    g_assert_true (gtk_widget_activate_action (page, "page.add-mentoring", NULL));
    spin (200);
    dialog = find_dialog ("New Mentoring");
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (find_where (GTK_WIDGET (dialog), is_row_titled, "Mentors whom")),
                           "Lena Hoffmann");
    adw_combo_row_set_selected (ADW_COMBO_ROW (find_where (GTK_WIDGET (dialog), is_row_titled, "Format")),
                                CP_MENTORING_FORMAT_ONE_ON_ONE);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
    spin (200);
    g_assert_cmpuint (g_list_model_get_n_items (mentorings), ==, 4);
    g_assert_nonnull (find_where (page, is_row_titled, "Sam Okafor mentors Lena Hoffmann"));
  }

  /* Removed by mistake and brought back with Undo: all of her. */
  {
    GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (map), CP_TYPE_ENGAGEMENT_PAGE);
    gint64 engagement_id = cp_engagement_get_id (cp_window_get_current (window));
    gint64 id = cp_stakeholder_get_id (lena);

    g_assert_true (gtk_widget_activate_action (page, "page.remove-stakeholder", "x", id));
    spin (100);
    g_assert_null (find_where (GTK_WIDGET (window), is_stakeholder_row_of, "Lena Hoffmann"));
    g_assert_true (gtk_widget_activate_action (page, "page.undo-remove-stakeholder", "(xx)", engagement_id, id));
    spin (100);
    lena_row = find_where (GTK_WIDGET (window), is_stakeholder_row_of, "Lena Hoffmann");
    g_assert_nonnull (lena_row);
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (lena_row)), ==,
                     "Head of infrastructure operations · Supporter");
    g_clear_pointer (&described, g_free);
    described = describe_map (map);
    g_assert_nonnull (strstr (described, "Influence High, Supporter: Lena Hoffmann"));
  }
}

static gboolean
is_button_tooltipped (GtkWidget     *widget,
                      gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* Roles staff must hold when the coach leaves: shown on each workstream
 * with who holds them and the certification path's progress, edited in a
 * dialog, and drawn into the exit checklist while no one holds them.
 */
static void
roles (CpWindow *window)
{
  GtkWidget *measures;
  GtkWidget *incident;
  GtkWindow *dialog;
  AdwEntryRow *holder;
  CpWorkstream *stream;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  show_page (window, "measures");
  measures = find (GTK_WIDGET (window), CP_TYPE_MEASURES_PAGE, NULL);
  incident = find_where (measures, is_row_titled, "Incident management");
  g_assert_nonnull (incident);
  stream = g_object_get_data (G_OBJECT (incident), "workstream");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (incident)),
                            "Incident manager, not held yet · 1 of 2 certifications"));

  g_assert_true (gtk_widget_activate_action (measures, "measures.add-exit-items-for-roles", NULL));
  spin (100);
  g_assert_nonnull (find_label_containing (measures, "holds the role of Incident manager (Incident management)"));

  g_signal_emit_by_name (find_where (incident, is_button_tooltipped, "Role and Certification Path"), "clicked");
  spin (200);
  dialog = find_dialog ("Incident management");
  g_assert_nonnull (dialog);
  holder = ADW_ENTRY_ROW (find_where (GTK_WIDGET (dialog), is_row_titled, "Held by"));
  g_assert_nonnull (holder);
  gtk_editable_set_text (GTK_EDITABLE (holder), "Tom Becker");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  spin (100);
  g_assert_cmpstr (cp_workstream_get_holder (stream), ==, "Tom Becker");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (incident)),
                            "Incident manager, held by Tom Becker"));

  /* An ITSM audit: a practice audited, its criteria ticked, where it
   * stands said, and its maturity baseline set from it.
   */
  {
    AdwEntryRow *audit_row = ADW_ENTRY_ROW (find_where (measures, is_row_titled, "Audit a practice"));
    GtkWidget *incident_audit;
    GtkWidget *first;
    GListModel *scores = cp_engagement_get_maturity (cp_window_get_current (window), NULL);

    g_assert_nonnull (find_where (measures, is_row_titled, "Incident"));
    gtk_editable_set_text (GTK_EDITABLE (audit_row), "Problem");
    g_signal_emit_by_name (audit_row, "apply");
    spin (100);
    {
      GListModel *items = cp_engagement_get_audit_items (cp_window_get_current (window), NULL);

      g_assert_cmpuint (g_list_model_get_n_items (items), ==, 10);
    }
    /* The first criterion is the sample's audit of Incident, at level 2. */
    first = find_where (measures, is_row_titled, "The practice is carried out, if only informally");
    g_assert_nonnull (first);
    incident_audit = gtk_widget_get_ancestor (first, ADW_TYPE_EXPANDER_ROW);
    g_assert_nonnull (incident_audit);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (incident_audit)), ==, "Incident");
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (incident_audit)), ==, "Stands at level 2 of 5");
    g_assert_true (gtk_widget_activate_action (measures, "measures.baseline-from-audit", NULL));
    spin (100);
    for (guint i = 0; i < g_list_model_get_n_items (scores); i++)
      {
        g_autoptr(CpMaturity) m = g_list_model_get_item (scores, i);

        if (g_str_equal (cp_maturity_get_practice (m), "Incident"))
          g_assert_cmpstr (cp_maturity_get_baseline_evidence (m), ==, "ITSM audit: 2 of 5 criteria met");
      }
  }

  /* Readiness as a service provider: scored on Measures, read as values
   * on Review.
   */
  {
    GtkWidget *processes = find_where (measures, is_row_titled, "Runs repeatable processes, consistently");
    AdwComboRow *after;
    GtkWidget *review;
    g_auto(CpReadiness) scores = { 0 };

    g_assert_nonnull (processes);
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (processes)), ==, "Before 1 → after 2");
    after = ADW_COMBO_ROW (find_where (processes, is_row_titled, "At the review"));
    adw_combo_row_set_selected (after, 4);
    spin (100);
    g_assert_true (cp_engagement_get_readiness (cp_window_get_current (window), CP_CHARACTERISTIC_PROCESSES,
                                                &scores, NULL));
    g_assert_cmpint (scores.review_level, ==, 3);
    g_assert_cmpstr (scores.review_evidence, ==, "One change process, run by the CAB each week");

    show_page (window, "review");
    review = find (GTK_WIDGET (window), CP_TYPE_REVIEW_PAGE, NULL);
    processes = find_where (review, is_row_titled, "Runs repeatable processes, consistently");
    g_assert_nonnull (processes);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (processes)), ==, "Before 1 → after 3");
    processes = find_where (review, is_row_titled, "Incident");
    g_assert_nonnull (processes);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (processes)), ==, "Stands at level 2 of 5");
  }
}

/* The approach assistant follows the domain: saving money is no reason to
 * go it alone without having done it before, and it says so.
 */
static void
assistant_advice (CpWindow *window)
{
  GtkWindow *dialog;
  GtkWidget *plan;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  show_page (window, "plan");
  plan = find (GTK_WIDGET (window), CP_TYPE_PLAN_PAGE, NULL);
  g_assert_true (gtk_widget_activate_action (plan, "plan.assistant", NULL));
  spin (300);
  dialog = find_toplevel (CP_TYPE_ASSISTANT_DIALOG);
  g_assert_nonnull (dialog);

  adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Capability")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Budget")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                   "Similar projects done well")), 0);
  spin (100);
  g_assert_nonnull (find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Recommended: Do it yourself with expert coaching"));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), "false economy"));

  /* Several similar projects behind it: doing it alone can save the fees. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                   "Similar projects done well")), 2);
  spin (100);
  g_assert_nonnull (find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Recommended: Do it yourself"));
  g_assert_null (find_label_containing (GTK_WIDGET (dialog), "false economy"));
  gtk_window_destroy (dialog);
}

/* Every page of the sample engagement fits a window 360 px wide. */
static void
every_page_narrow (CpWindow *window)
{
  const char *pages[] = { "overview", "plan", "measures", "register", "review", "notes" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  spin (300);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      show_page (window, pages[i]);
      spin (300);
      if (gtk_widget_get_width (GTK_WIDGET (window)) > 360)
        g_error ("the %s page makes the window %d px wide", pages[i], gtk_widget_get_width (GTK_WIDGET (window)));
    }
}

static void
test_restart (void)
{
  g_autofree char *dir = cp_test_make_dir ();
  g_autofree char *database = g_build_filename (dir, "coach.db", NULL);

  run_app (database, leave_on_measures);
  run_app (database, back_on_measures);
  cp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/window/new-cycle", (gconstpointer) new_cycle, run_fresh);
  g_test_add_data_func ("/window/first-approach", (gconstpointer) first_approach, run_fresh);
  g_test_add_func ("/window/restart", test_restart);
  g_test_add_data_func ("/window/plan-narrow", (gconstpointer) plan_narrow, run_fresh);
  g_test_add_data_func ("/window/toasts", (gconstpointer) toasts_replace, run_fresh);
  g_test_add_data_func ("/window/sessions-and-notes", (gconstpointer) sessions_and_notes, run_fresh);
  g_test_add_data_func ("/window/notes-narrow-and-wide", (gconstpointer) notes_narrow_and_wide, run_fresh);
  g_test_add_data_func ("/window/register-adapts", (gconstpointer) register_adapts, run_fresh);
  g_test_add_data_func ("/window/preview-table", (gconstpointer) preview_table, run_fresh);
  g_test_add_data_func ("/window/assistant-advice", (gconstpointer) assistant_advice, run_fresh);
  g_test_add_data_func ("/window/relationships", (gconstpointer) relationships, run_fresh);
  g_test_add_data_func ("/window/roles", (gconstpointer) roles, run_fresh);
  g_test_add_data_func ("/window/every-page-narrow", (gconstpointer) every_page_narrow, run_fresh);

  return g_test_run ();
}
