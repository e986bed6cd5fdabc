/* test-window.c — the real application window, driven through its actions
 *
 * Runs under a virtual X server (build-aux/test starts one).
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include "cp-source.h"
#include <string.h>

#include "cp-application.h"
#include "cp-checklist-item.h"
#include "cp-checklist-row.h"
#include "cp-cycle.h"
#include "cp-markdown-view.h"
#include "cp-measures-page.h"
#include "cp-actions-dialog.h"
#include "cp-action-row.h"
#include "cp-contract.h"
#include "cp-contract-dialog.h"
#include "cp-opportunity.h"
#include "cp-opportunity-dialog.h"
#include "cp-register-page.h"
#include "cp-review-page.h"
#include "cp-bar-chart.h"
#include "cp-sign-off-dialog.h"
#include "cp-action.h"
#include "cp-note.h"
#include "cp-identity-dialog.h"
#include "cp-note-editor.h"
#include "cp-ui-util.h"
#include "cp-notes-page.h"
#include "cp-phase.h"
#include "cp-phase-row.h"
#include "cp-search-dialog.h"
#include "cp-plan-page.h"
#include "cp-preferences-window.h"
#include "cp-engagement-io.h"
#include "cp-engagement.h"
#include "cp-store.h"
#include "cp-test-util.h"
#include "cp-test-window.h"
#include "cp-window.h"

static char *database;

static gboolean
is_menu_button_named (GtkWidget     *widget,
                      gconstpointer  tooltip)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* Opens the menu of the menu button with @tooltip, checks that it offers
 * @item (as written, with its mnemonic), and closes it again.
 */
static void
assert_menu_offers (CpWindow   *window,
                    const char *tooltip,
                    const char *item)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (find_where (GTK_WIDGET (window), is_menu_button_named, tooltip));
  GtkPopover *popover;

  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  spin (100);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (popover), item));
  gtk_menu_button_popdown (button);
  spin (50);
}

static void
create_engagement (CpWindow *window)
{
  GListModel *engagements = cp_window_get_engagements (window);
  GtkWidget *title_row;
  CpEngagement *current;
  AdwViewSwitcherTitle *switcher_title;
  GtkWindow *shortcuts;

  /* An empty database offers to start. */
  g_assert_cmpuint (g_list_model_get_n_items (engagements), ==, 0);
  g_assert_nonnull (find (GTK_WIDGET (window), GTK_TYPE_LABEL, "No Engagements"));

  /* The page switchers wait for an engagement; the menus and the
   * shortcuts window are made when first opened, and work.
   */
  switcher_title = ADW_VIEW_SWITCHER_TITLE (find (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE, NULL));
  g_assert_null (adw_view_switcher_title_get_stack (switcher_title));
  assert_menu_offers (window, "Main Menu", "_New Engagement");
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  spin (200);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  gtk_window_destroy (shortcuts);
  spin (50);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-engagement", NULL));
  spin (200);

  current = cp_window_get_current (window);
  g_assert_nonnull (current);
  g_assert_cmpuint (g_list_model_get_n_items (engagements), ==, 1);

  /* Type a title into the page, as the user would. */
  title_row = find (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Pilot at Contoso");
  g_assert_cmpstr (cp_engagement_get_title (current), ==, "Pilot at Contoso");

  /* The sidebar row follows at once, and the header shows it too. */
  spin (500);
  g_assert_nonnull (find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Pilot at Contoso"));

  g_assert_nonnull (adw_view_switcher_title_get_stack (switcher_title));
  g_assert_nonnull (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (
    find (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL))));
  assert_menu_offers (window, "Engagement Menu", "Export _Report");
  assert_menu_offers (window, "Engagement Menu", "Export _Team Report");

  /* The coach may export the team's report: it asks where. */
  {
    GtkWindow *chooser;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-team-report", NULL));
    spin (200);
    chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
    g_assert_nonnull (chooser);
    g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Export Team Report");
    gtk_window_destroy (chooser);
    spin (50);
  }
}

static void
see_it_persisted (CpWindow *window)
{
  GListModel *engagements = cp_window_get_engagements (window);
  g_autoptr(CpEngagement) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (engagements), ==, 1);
  first = g_list_model_get_item (engagements, 0);
  g_assert_cmpstr (cp_engagement_get_title (first), ==, "Pilot at Contoso");
  g_assert_nonnull (find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Pilot at Contoso"));

  /* The last engagement shown opens again. */
  g_assert_true (cp_window_get_current (window) == first);
}

static void
delete_and_undo (CpWindow *window)
{
  GListModel *engagements = cp_window_get_engagements (window);

  g_assert_nonnull (cp_window_get_current (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-engagement", NULL));
  spin (200);
  g_assert_cmpuint (g_list_model_get_n_items (engagements), ==, 0);
  g_assert_null (cp_window_get_current (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL));
  spin (200);
  g_assert_cmpuint (g_list_model_get_n_items (engagements), ==, 1);
  g_assert_nonnull (cp_window_get_current (window));
  g_assert_cmpstr (cp_engagement_get_title (cp_window_get_current (window)), ==,
                   "Pilot at Contoso");
}

static void
open_sample (CpWindow *window)
{
  GListModel *engagements = cp_window_get_engagements (window);
  CpEngagement *current;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (engagements), ==, 2);
  current = cp_window_get_current (window);
  g_assert_nonnull (current);
  g_assert_cmpint (cp_engagement_get_approach (current), ==, CP_APPROACH_COACHED);

  /* The page explains the chosen approach. */
  g_assert_nonnull (find (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW, "Risks"));
  g_assert_nonnull (find (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Client Organisation"));

  /* Alt+6 shows the Notes page, Alt+1 the overview again. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (cp_window_get_notes_page (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "notes"));
  spin (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (cp_window_get_notes_page (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
  spin (200);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (cp_window_get_notes_page (window))));
}

/* Opens every phase of the plan, as a click on each would. */
static void
expand_phases (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (CP_IS_PHASE_ROW (child))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child), TRUE);
      else
        expand_phases (child);
    }
}

static CpChecklistRow *
find_open_item (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CpChecklistRow *found;

      if (CP_IS_CHECKLIST_ROW (child) &&
          !cp_checklist_item_get_done (cp_checklist_row_get_item (CP_CHECKLIST_ROW (child))))
        return CP_CHECKLIST_ROW (child);

      if ((found = find_open_item (child)))
        return found;
    }

  return NULL;
}

static guint ticked_before;
static char *ticked_text;


static void
tick_an_item (CpWindow *window)
{
  GtkWidget *plan;
  CpCycle *cycle;
  CpChecklistRow *row;
  GtkLabel *progress;
  g_autofree char *before = NULL;

  plan = open_sample_at (window, CP_TYPE_PLAN_PAGE, "plan");

  cycle = cp_plan_page_get_cycle (CP_PLAN_PAGE (plan));
  g_assert_nonnull (cycle);
  ticked_before = cp_cycle_get_n_done (cycle);

  progress = find_label_containing (plan, "items ticked");
  g_assert_nonnull (progress);
  before = g_strdup (gtk_label_get_label (progress));

  /* Tick the first open item the way a click on its box does. */
  expand_phases (plan);
  spin (100);
  row = find_open_item (plan);
  g_assert_nonnull (row);
  ticked_text = g_strdup (cp_checklist_item_get_text (cp_checklist_row_get_item (row)));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  spin (200);

  /* The first tick asks who ticks it; it never offers the login name. */
  {
    GtkWindow *ask = find_toplevel (CP_TYPE_IDENTITY_DIALOG);
    GtkWidget *name_row, *email_row;

    g_assert_nonnull (ask);
    g_assert_false (cp_checklist_item_get_done (cp_checklist_row_get_item (row)));
    name_row = find (GTK_WIDGET (ask), ADW_TYPE_ENTRY_ROW, "Your _Name");
    email_row = find (GTK_WIDGET (ask), ADW_TYPE_ENTRY_ROW, "_Email");
    g_assert_nonnull (name_row);
    g_assert_nonnull (email_row);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), !=, g_get_user_name ());

    /* A login name cannot be saved. */
    gtk_editable_set_text (GTK_EDITABLE (name_row), "root");
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (ask), "save"));

    gtk_editable_set_text (GTK_EDITABLE (name_row), "Sam Okafor");
    gtk_editable_set_text (GTK_EDITABLE (email_row), "sam@example.org");
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (ask), "save"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "save");
    spin (200);
  }

  g_assert_true (cp_checklist_item_get_done (cp_checklist_row_get_item (row)));
  g_assert_cmpstr (cp_checklist_item_get_done_by (cp_checklist_row_get_item (row)), ==, "Sam Okafor");
  g_assert_cmpuint (cp_cycle_get_n_done (cycle), ==, ticked_before + 1);
  g_assert_cmpstr (gtk_label_get_label (progress), !=, before);

  /* Alt+Up's action moves the item up its checklist. */
  {
    g_autoptr(CpChecklistItem) item = g_object_ref (cp_checklist_row_get_item (row));
    CpPhase *phase = NULL;
    GListModel *phases = cp_cycle_get_phases (cycle, NULL);
    guint before_position = 0, after_position = 0;

    for (guint i = 0; i < g_list_model_get_n_items (phases) && phase == NULL; i++)
      {
        g_autoptr(CpPhase) candidate = g_list_model_get_item (phases, i);

        if (g_list_store_find (G_LIST_STORE (cp_phase_get_items (candidate, NULL)), item,
                               &before_position))
          phase = candidate;
      }
    g_assert_nonnull (phase);
    g_assert_cmpuint (before_position, >, 0);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.move-up", NULL));
    spin (100);
    g_assert_true (g_list_store_find (G_LIST_STORE (cp_phase_get_items (phase, NULL)), item,
                                      &after_position));
    g_assert_cmpuint (after_position, ==, before_position - 1);
  }
}

static void
see_the_tick_persisted (CpWindow *window)
{
  CpEngagement *current = cp_window_get_current (window);
  CpCycle *cycle;

  g_assert_nonnull (current);
  g_assert_cmpstr (cp_engagement_get_title (current), ==, "Service desk and change improvement");
  cycle = cp_engagement_get_current_cycle (current);
  g_assert_cmpuint (cp_cycle_get_n_done (cycle), ==, ticked_before + 1);

  /* Who ticked is remembered, and is not asked again. */
  {
    g_autofree char *name = NULL;
    g_autofree char *email = NULL;

    g_assert_true (cp_ui_dup_identity (&name, &email));
    g_assert_cmpstr (name, ==, "Sam Okafor");
    g_assert_cmpstr (email, ==, "sam@example.org");
  }
}

static void
test_window_checklist (void)
{
  g_autofree char *dir = cp_test_make_dir ();

  database = g_build_filename (dir, "plan.db", NULL);

  run_app (database, tick_an_item);
  run_app (database, see_the_tick_persisted);

  g_clear_pointer (&ticked_text, g_free);
  g_clear_pointer (&database, g_free);
  cp_test_remove_tree (dir);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
write_a_note (CpWindow *window)
{
  CpNotesPage *notes = cp_window_get_notes_page (window);
  CpNoteEditor *editor = cp_notes_page_get_editor (notes);
  GtkTextBuffer *buffer = cp_note_editor_get_buffer (editor);
  CpMarkdownView *preview = cp_note_editor_get_preview (editor);
  CpEngagement *engagement;
  GListModel *list;
  CpNote *note = NULL;
  GtkTextIter end;
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *sql = NULL;
  CpSearchDialog *search;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  engagement = cp_window_get_current (window);
  list = cp_engagement_get_notes (engagement, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  for (guint i = 0; i < g_list_model_get_n_items (list) && note == NULL; i++)
    {
      g_autoptr(CpNote) candidate = g_list_model_get_item (list, i);
      g_autofree char *title = cp_note_dup_display_title (candidate);

      if (g_str_equal (title, "Kick-off workshop"))
        note = candidate;
    }
  g_assert_nonnull (note);
  g_assert_true (cp_window_open_note (window, cp_engagement_get_id (engagement), cp_note_get_id (note)));
  spin (300);

  /* The preview shows the note's text, without its Markdown marks. */
  shown = buffer_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (preview)));
  g_assert_nonnull (strstr (shown, "Dana opened by naming the three outages"));
  g_assert_null (strstr (shown, "**"));
  g_clear_pointer (&shown, g_free);

  /* Type, as a person would, and wait less than a second. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nThe zebra crossing came up as an *example*.\n", -1);
  spin (900);

  sql = g_strdup_printf ("SELECT body FROM note WHERE id = %" G_GINT64_FORMAT, cp_note_get_id (note));
  stored = cp_test_sql_text (database, sql);
  g_assert_nonnull (strstr (stored, "The zebra crossing came up as an *example*."));

  g_assert_false (cp_markdown_view_get_busy (preview));
  shown = buffer_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (preview)));
  g_assert_nonnull (strstr (shown, "The zebra crossing came up as an example."));

  /* Every engagement's notes can be searched, and the typing is found. */
  search = cp_window_search_all (window, "zebra");
  g_assert_cmpuint (cp_search_dialog_get_n_hits (search), ==, 1);
  gtk_window_destroy (GTK_WINDOW (search));

  /* The note is highlighted as Markdown; a very long one is edited as
   * plain text, so that typing in it keeps within a frame, and the next
   * short one is highlighted again.
   */
  g_assert_nonnull (gtk_source_buffer_get_language (cp_source_buffer (buffer)));
  {
    g_autoptr(GString) text = g_string_new ("# A very long note\n\n");
    g_autoptr(CpNote) long_note = NULL;

    while (text->len < 600 * 1024)
      g_string_append (text, "A paragraph of the long note, with **strong** words in it.\n\n");
    long_note = cp_engagement_add_note (engagement, NULL, text->str, NULL);
    g_assert_nonnull (long_note);

    g_assert_true (cp_window_open_note (window, cp_engagement_get_id (engagement),
                                        cp_note_get_id (long_note)));
    spin (300);
    g_assert_null (gtk_source_buffer_get_language (cp_source_buffer (buffer)));
    while (cp_markdown_view_get_busy (preview))
      g_main_context_iteration (NULL, TRUE);
    shown = buffer_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (preview)));
    g_assert_true (g_str_has_prefix (shown, "A very long note"));
    g_assert_null (strstr (shown, "**"));
    g_clear_pointer (&shown, g_free);
  }
  g_assert_true (cp_window_open_note (window, cp_engagement_get_id (engagement), cp_note_get_id (note)));
  spin (100);
  g_assert_nonnull (gtk_source_buffer_get_language (cp_source_buffer (buffer)));
}

static void
see_the_note_persisted (CpWindow *window)
{
  CpEngagement *current = cp_window_get_current (window);
  GListModel *list = cp_engagement_get_notes (current, NULL);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpNote) note = g_list_model_get_item (list, i);
      found |= strstr (cp_note_get_body (note), "zebra crossing") != NULL;
    }

  g_assert_true (found);
}

static void
test_window_notes (void)
{
  g_autofree char *dir = cp_test_make_dir ();

  database = g_build_filename (dir, "notes.db", NULL);

  run_app (database, write_a_note);
  run_app (database, see_the_note_persisted);

  g_clear_pointer (&database, g_free);
  cp_test_remove_tree (dir);
}

static void
test_window_lifecycle (void)
{
  g_autofree char *dir = cp_test_make_dir ();

  database = g_build_filename (dir, "window.db", NULL);

  run_app (database, create_engagement);
  run_app (database, see_it_persisted);
  run_app (database, delete_and_undo);
  run_app (database, see_it_persisted);
  run_app (database, open_sample);

  g_clear_pointer (&database, g_free);
  cp_test_remove_tree (dir);
}

static void
shows_refusal (CpWindow *window)
{
  g_assert_null (cp_window_get_engagements (window));
  g_assert_nonnull (find (GTK_WIDGET (window), GTK_TYPE_LABEL,
                          "The Database Could Not Be Opened"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-engagement", NULL) &&
                  cp_window_get_current (window) != NULL);
}

static void
test_window_refused_database (void)
{
  g_autofree char *dir = cp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "Just some text.\n", -1, NULL));
  before = cp_test_file_checksum (path);

  run_app (path, shows_refusal);

  after = cp_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  cp_test_remove_tree (dir);
}

static void
read_only_window (CpWindow *window)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  CpWindow *ro;
  GListModel *engagements;

  store = cp_store_open_full (database, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  ro = cp_window_new (CP_APPLICATION (app), store, NULL);
  gtk_window_present (GTK_WINDOW (ro));
  spin (300);

  /* The window says so, and offers nothing that would write. */
  g_assert_nonnull (find (GTK_WIDGET (ro), GTK_TYPE_LABEL,
                          "This database is read-only. You can look, but changes cannot be saved."));
  engagements = cp_window_get_engagements (ro);
  g_assert_cmpuint (g_list_model_get_n_items (engagements), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (ro), "win.new-engagement", NULL);
  gtk_widget_activate_action (GTK_WIDGET (ro), "win.open-sample", NULL);
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (engagements), ==, 1);

  gtk_window_destroy (GTK_WINDOW (ro));
  spin (100);

  /* Read-only not by choice: the window says why. */
  {
    g_autofree char *dir = g_path_get_dirname (database);
    g_autofree char *copy = g_build_filename (dir, "ro.db", NULL);
    g_autofree char *wal = g_strconcat (copy, "-wal", NULL);

    g_assert_true (cp_store_backup (store, copy, &error));
    g_clear_object (&store);
    g_assert_cmpint (g_mkdir (wal, 0700), ==, 0);
    store = cp_store_open (copy, &error);
    g_assert_no_error (error);
    ro = cp_window_new (CP_APPLICATION (app), store, NULL);
    gtk_window_present (GTK_WINDOW (ro));
    spin (300);
    g_assert_nonnull (find (GTK_WIDGET (ro), GTK_TYPE_LABEL,
                            "This database is read-only: “ro.db-wal” is a folder, where SQLite keeps "
                            "its journal; move it away. You can look, but changes cannot be saved."));
    gtk_window_destroy (GTK_WINDOW (ro));
    spin (100);
    g_rmdir (wal);
  }
}

static void
test_window_read_only (void)
{
  g_autofree char *dir = cp_test_make_dir ();
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;

  database = g_build_filename (dir, "main.db", NULL);
  store = cp_store_open (database, NULL);
  engagement = cp_store_create_engagement (store, "Look, do not touch", CP_APPROACH_COACHED, NULL);
  g_assert_nonnull (engagement);
  g_clear_object (&engagement);
  g_clear_object (&store);

  run_app (database, read_only_window);

  g_clear_pointer (&database, g_free);
  cp_test_remove_tree (dir);
}

static void
preferences_and_restore (CpWindow *window)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CpStore *store = cp_window_get_store (window);
  g_autofree char *folder = cp_store_dup_backup_folder (store);
  g_autoptr(GPtrArray) backups = NULL;
  GtkWidget *preferences;
  GtkWidget *dialog;
  GtkWidget *paned;
  GtkWindow *reopened;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (cp_window_get_engagements (window)), ==, 1);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  spin (300);
  preferences = GTK_WIDGET (find_toplevel (CP_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  g_assert_nonnull (find (preferences, ADW_TYPE_ACTION_ROW, "Database File"));

  /* Settings reach what they set, at once. */
  g_settings_set_int (settings, "autosave-delay", 1200);
  g_assert_cmpuint (cp_store_get_save_delay (store), ==, 1200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "notes"));
  spin (200);
  paned = find (GTK_WIDGET (window), GTK_TYPE_PANED, NULL);
  g_assert_nonnull (paned);
  g_settings_set_boolean (settings, "preview-below", TRUE);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==, GTK_ORIENTATION_VERTICAL);
  g_settings_set_boolean (settings, "preview-below", FALSE);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==, GTK_ORIENTATION_HORIZONTAL);
  g_settings_reset (settings, "autosave-delay");

  /* The daily backup comes a little after the window opens... */
  for (guint i = 0; i < 100 && backups == NULL; i++)
    {
      g_autoptr(GPtrArray) made = cp_store_list_backups (folder);

      if (made->len > 0)
        backups = g_steal_pointer (&made);
      else
        spin (100);
    }
  g_assert_nonnull (backups);
  g_assert_cmpuint (backups->len, ==, 1);
  g_clear_pointer (&backups, g_ptr_array_unref);
  spin (1100);

  /* ...and Back Up Now makes another, listed first with a Restore button. */
  g_assert_true (gtk_widget_activate_action (preferences, "prefs.back-up-now", NULL));
  spin (200);
  backups = cp_store_list_backups (folder);
  g_assert_cmpuint (backups->len, ==, 2);
  {
    g_autoptr(GDateTime) made = cp_backup_get_time (g_ptr_array_index (backups, 0));
    g_autofree char *title = g_date_time_format (made, "%A %-d %B %Y, %H:%M");

    g_assert_nonnull (find (preferences, ADW_TYPE_ACTION_ROW, title));
  }

  /* Work done after the backup... */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-engagement", NULL));
  spin (200);
  g_assert_cmpuint (g_list_model_get_n_items (cp_window_get_engagements (window)), ==, 2);

  /* ...is undone by restoring it, once confirmed. */
  g_assert_true (gtk_widget_activate_action (preferences, "prefs.restore", "s",
                                             g_ptr_array_index (backups, 0)));
  spin (200);
  dialog = GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  spin (500);

  /* A new window shows the restored database; the old one is gone. */
  reopened = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CP_IS_WINDOW (reopened));
  g_assert_true ((gpointer) reopened != (gpointer) window);
  g_assert_cmpuint (g_list_model_get_n_items (cp_window_get_engagements (CP_WINDOW (reopened))), ==, 1);
  g_assert_null (find_toplevel (CP_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (reopened), "Backup restored"));
}

static void
test_window_preferences (void)
{
  g_autofree char *dir = cp_test_make_dir ();
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean kept = FALSE;

  database = g_build_filename (dir, "preferences.db", NULL);

  run_app (database, preferences_and_restore);

  /* The database as it was before the restore is kept beside it. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    kept |= g_str_has_prefix (name, "preferences.db.before-restore-");
  g_assert_true (kept);

  g_clear_pointer (&database, g_free);
  cp_test_remove_tree (dir);
}

static void
export_and_import_folder (CpWindow *window)
{
  g_autofree char *dir = cp_test_make_dir ();
  g_autofree char *folder = g_build_filename (dir, "sample", NULL);
  g_autoptr(GError) error = NULL;
  CpEngagement *sample;
  CpEngagement *imported;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);
  sample = cp_window_get_current (window);
  g_assert_nonnull (sample);
  g_assert_true (cp_engagement_export (sample, folder, NULL, &error));
  g_assert_no_error (error);

  /* A broken folder: a toast says why, and nothing is added. */
  g_assert_null (cp_window_import_folder (window, dir));
  spin (200);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "Nothing was imported"));
  g_assert_cmpuint (g_list_model_get_n_items (cp_window_get_engagements (window)), ==, 1);

  /* Imported and selected. */
  imported = cp_window_import_folder (window, folder);
  g_assert_nonnull (imported);
  g_assert_true (cp_window_get_current (window) == imported);
  g_assert_true (imported != sample);
  g_assert_cmpstr (cp_engagement_get_title (imported), ==, cp_engagement_get_title (sample));
  g_assert_cmpuint (g_list_model_get_n_items (cp_window_get_engagements (window)), ==, 2);
  spin (200);

  cp_test_remove_tree (dir);
}

static void
test_window_folder (void)
{
  g_autofree char *dir = cp_test_make_dir ();

  database = g_build_filename (dir, "folder.db", NULL);

  run_app (database, export_and_import_folder);

  g_clear_pointer (&database, g_free);
  cp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/lifecycle", test_window_lifecycle);
  g_test_add_func ("/window/refused-database", test_window_refused_database);
  g_test_add_func ("/window/read-only", test_window_read_only);
  g_test_add_func ("/window/checklist", test_window_checklist);
  g_test_add_func ("/window/notes", test_window_notes);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/folder", test_window_folder);

  return g_test_run ();
}
