/* test-window-share.c — sharing an engagement in the real window: the
 * coach shares the sample with its sponsor, reads its history and makes a
 * shared note private; the sponsor opens it in a database of their own
 *
 * Runs under a virtual X server (build-aux/test starts one).
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cp-conflicts-dialog.h"
#include "cp-engagement.h"
#include "cp-goal.h"
#include "cp-history-window.h"
#include "cp-note.h"
#include "cp-note-editor.h"
#include "cp-notes-page.h"
#include "cp-share.h"
#include "cp-review-page.h"
#include "cp-share-dialog.h"
#include "cp-sign-off-dialog.h"
#include "cp-store.h"
#include "cp-sync-button.h"
#include "cp-test-util.h"
#include "cp-test-window.h"
#include "cp-ui-util.h"

static char *database;
static char *shared_repository;


/* The coach shares the sample with its sponsor through a repository. */
static void
share_the_sample (CpWindow *window)
{
  GtkWindow *dialog;
  GtkWidget *location, *audience;
  CpAudience shared_with;

  g_assert_true (cp_ui_set_identity ("Sam Okafor", "sam@example.org", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  spin (300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.share-engagement", NULL));
  spin (100);
  dialog = find_toplevel (CP_TYPE_SHARE_DIALOG);
  g_assert_nonnull (dialog);
  location = find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Repository");
  audience = find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Audience");
  g_assert_nonnull (location);
  g_assert_nonnull (audience);

  /* Nowhere to share to yet: Share waits for a place. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "go"));
  gtk_editable_set_text (GTK_EDITABLE (location), shared_repository);
  adw_combo_row_set_selected (ADW_COMBO_ROW (audience), CP_AUDIENCE_SPONSOR);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "go"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "go");

  /* The network's part runs on a thread; the window goes on meanwhile. */
  for (guint i = 0; i < 200 && !cp_share_is_shared (cp_window_get_current (window), NULL); i++)
    spin (50);
  g_assert_true (cp_share_is_shared (cp_window_get_current (window), &shared_with));
  g_assert_cmpint (shared_with, ==, CP_AUDIENCE_SPONSOR);
  g_assert_true (g_file_test (shared_repository, G_FILE_TEST_IS_DIR));

  /* The history says who shared it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL));
  spin (100);
  {
    GtkWindow *history = find_toplevel (CP_TYPE_HISTORY_WINDOW);
    GtkWidget *row;

    g_assert_nonnull (history);
    g_assert_cmpuint (cp_history_window_get_n_changes (CP_HISTORY_WINDOW (history)), ==, 1);
    row = find (GTK_WIDGET (history), ADW_TYPE_ACTION_ROW,
                "Share “Service desk and change improvement” with the sponsor");
    g_assert_nonnull (row);
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Sam Okafor · "));
    gtk_window_destroy (history);
  }

  /* Making a shared note coach-only asks first, and says that what was
   * sent stays in the history.
   */
  {
    CpEngagement *current = cp_window_get_current (window);
    GListModel *notes = cp_engagement_get_notes (current, NULL);
    CpNoteEditor *editor = cp_notes_page_get_editor (cp_window_get_notes_page (window));
    g_autoptr(CpNote) shared = NULL;
    GtkWidget *dropdown = NULL;
    GtkWindow *ask;

    for (guint i = 0; i < g_list_model_get_n_items (notes) && shared == NULL; i++)
      {
        g_autoptr(CpNote) note = g_list_model_get_item (notes, i);

        if (cp_note_get_visibility (note) == CP_VISIBILITY_SPONSOR)
          shared = g_object_ref (note);
      }
    g_assert_nonnull (shared);
    g_assert_true (cp_window_open_note (window, cp_engagement_get_id (current), cp_note_get_id (shared)));
    spin (200);

    {
      /* The visibility is the drop-down whose accessible name says so. */
      GtkWidget *stack[64];
      guint n = 0;

      stack[n++] = GTK_WIDGET (editor);
      while (n > 0 && dropdown == NULL)
        {
          GtkWidget *w = stack[--n];

          if (GTK_IS_DROP_DOWN (w) &&
              g_strcmp0 (gtk_widget_get_tooltip_text (w), "Who may read the note") == 0)
            dropdown = w;
          for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && n < G_N_ELEMENTS (stack);
               c = gtk_widget_get_next_sibling (c))
            stack[n++] = c;
        }
    }
    g_assert_nonnull (dropdown);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), CP_VISIBILITY_COACH);
    spin (100);
    ask = find_dialog ("Stop Sharing This Note?");
    g_assert_nonnull (ask);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (ask)), "stay in the repository’s history"));

    /* Kept shared: nothing changes, and the choice goes back. */
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "cancel");
    spin (100);
    g_assert_cmpint (cp_note_get_visibility (shared), ==, CP_VISIBILITY_SPONSOR);
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, CP_VISIBILITY_SPONSOR);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), CP_VISIBILITY_COACH);
    spin (100);
    ask = find_dialog ("Stop Sharing This Note?");
    g_assert_nonnull (ask);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "narrow");
    spin (100);
    g_assert_cmpint (cp_note_get_visibility (shared), ==, CP_VISIBILITY_COACH);
  }
}

/* The sponsor opens it in a database of their own. */
static void
open_the_shared (CpWindow *window)
{
  GtkWindow *dialog;
  GtkWidget *location, *audience;
  CpEngagement *current;

  g_assert_true (cp_ui_set_identity ("Dana Whitfield", "dana@example.org", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-shared", NULL));
  spin (100);
  dialog = find_toplevel (CP_TYPE_SHARE_DIALOG);
  g_assert_nonnull (dialog);
  location = find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Repository");
  audience = find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Audience");
  g_assert_false (gtk_widget_get_visible (audience));
  gtk_editable_set_text (GTK_EDITABLE (location), shared_repository);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "go");
  for (guint i = 0; i < 200 && cp_window_get_current (window) == NULL; i++)
    spin (50);

  current = cp_window_get_current (window);
  g_assert_nonnull (current);
  g_assert_cmpstr (cp_engagement_get_title (current), ==, "Service desk and change improvement");
  g_assert_true (cp_share_is_shared (current, NULL));

  /* The sponsor sees it as its sponsor: the Review page first, and a
   * banner that says what is theirs to change.
   */
  spin (200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (find (GTK_WIDGET (window),
                                                                               ADW_TYPE_VIEW_STACK, NULL))),
                   ==, "review");
  g_assert_nonnull (find (GTK_WIDGET (window), GTK_TYPE_LABEL,
                          "You see this engagement as its sponsor. Sign-offs and your own notes are "
                          "yours to change; the rest is kept by the coach."));
  /* The coach's view of the people is not the sponsor's to export. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-team-report", NULL);
  spin (200);
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  /* The sponsor signs off as themselves, so that every Coachplan knows
   * they did.
   */
  {
    GtkWidget *review = find (GTK_WIDGET (window), CP_TYPE_REVIEW_PAGE, NULL);
    GtkWindow *sign;

    g_assert_nonnull (review);
    g_assert_true (gtk_widget_activate_action (review, "review.sign-off", NULL));
    spin (100);
    sign = find_toplevel (CP_TYPE_SIGN_OFF_DIALOG);
    g_assert_nonnull (sign);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (GTK_WIDGET (sign), ADW_TYPE_ENTRY_ROW,
                                                                "Reviewer"))), ==, "Dana Whitfield");

    /* Where the programme stands comes first; Sign Off names its phase,
     * and once it is signed, the next.
     */
    g_assert_nonnull (find (review, ADW_TYPE_ACTION_ROW, "Off track"));
    g_assert_nonnull (find (review, GTK_TYPE_LABEL, "_Sign Off “Where do we want to be?”…"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (sign), "record");
    spin (200);

    g_assert_nonnull (find (review, GTK_TYPE_LABEL, "_Sign Off “How do we get there?”…"));

    /* The phase shows its sign-off; the one done before it too. */
    {
      GtkWidget *phase_row = find (review, ADW_TYPE_ACTION_ROW, "Where do we want to be?");
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *expected = g_strdup_printf ("In progress · Approved by Dana Whitfield on %s", today);

      g_assert_nonnull (phase_row);
      g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (phase_row)), expected));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (phase_row)), " · last ticked "));
    }
  }

  /* The coach's note reads, but does not change; the sponsor's own
   * note does, and is for the sponsor's eyes.
   */
  {
    GListModel *notes = cp_engagement_get_notes (current, NULL);
    CpNotesPage *page = cp_window_get_notes_page (window);
    CpNoteEditor *editor = cp_notes_page_get_editor (page);
    g_autoptr(CpNote) coachs = g_list_model_get_item (notes, 0);
    CpNote *own;

    g_assert_cmpstr (cp_note_get_author (coachs), ==, "Sam Okafor");
    g_assert_true (cp_window_open_note (window, cp_engagement_get_id (current), cp_note_get_id (coachs)));
    spin (200);
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (editor)));
    {
      guint before = g_list_model_get_n_items (notes);

      gtk_widget_activate_action (GTK_WIDGET (page), "notes.delete-note", NULL);
      spin (100);
      g_assert_cmpuint (g_list_model_get_n_items (notes), ==, before);
    }

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "notes.new-note", NULL));
    spin (200);
    own = cp_note_editor_get_note (editor);
    g_assert_nonnull (own);
    g_assert_cmpstr (cp_note_get_author (own), ==, "Dana Whitfield");
    g_assert_cmpint (cp_note_get_visibility (own), ==, CP_VISIBILITY_SPONSOR);
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (editor)));
  }
}

static double
first_target (CpEngagement *engagement)
{
  g_autoptr(CpGoal) goal = g_list_model_get_item (cp_engagement_get_goals (engagement, NULL), 0);

  return cp_goal_get_target_value (goal);
}

/* The dialog's suggested button. */
static GtkWidget *
find_suggested (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "suggested-action"))
        return child;
      if ((found = find_suggested (child)) != NULL)
        return found;
    }

  return NULL;
}

static void
wait_for_sync (CpSyncButton *button)
{
  for (guint i = 0; i < 200 && g_strcmp0 (cp_sync_button_get_state_text (button), "Syncing…") == 0; i++)
    spin (50);
  spin (100);
}

/* The sponsor syncs with the Sync button: the coach's change comes in;
 * the same target changed on both sides opens the conflicts, with both
 * values; taking theirs syncs again.
 */
static void
sync_in_the_window (CpWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) coach_store = cp_store_open (database, &error);
  g_autoptr(CpEngagement) coach = NULL;
  g_autoptr(CpSyncResult) sent = NULL;
  CpEngagement *before = cp_window_get_current (window);
  CpSyncButton *button = CP_SYNC_BUTTON (find (GTK_WIDGET (window), CP_TYPE_SYNC_BUTTON, NULL));
  GtkWindow *dialog;
  GtkWidget *theirs, *sync;

  g_assert_no_error (error);
  g_assert_true (cp_ui_set_identity ("Dana Whitfield", "dana@example.org", NULL));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  /* The note the sponsor wrote is still to send. */
  g_assert_cmpstr (cp_sync_button_get_state_text (button), ==, "Sync");

  /* The coach, in their own Coachplan, changes the first goal's target. */
  coach = cp_store_get_engagement (coach_store, cp_engagement_get_id (before), &error);
  g_assert_no_error (error);
  {
    g_autoptr(CpGoal) goal = g_list_model_get_item (cp_engagement_get_goals (coach, NULL), 0);

    g_assert_true (cp_goal_set_target (goal, 91, "2027-06-30"));
    g_assert_true (cp_store_flush (coach_store, NULL));
  }
  sent = cp_share_sync (coach, "Sam Okafor", "sam@example.org", NULL, CP_MERGE_ASK, &error);
  g_assert_no_error (error);

  /* So does the sponsor, here, differently. */
  {
    g_autoptr(CpGoal) goal = g_list_model_get_item (cp_engagement_get_goals (before, NULL), 0);

    g_assert_true (cp_goal_set_target (goal, 55, "2027-06-30"));
    g_assert_true (cp_store_flush (cp_window_get_store (window), NULL));
  }
  cp_sync_button_refresh (button);
  g_assert_cmpstr (cp_sync_button_get_state_text (button), ==, "Sync");

  g_signal_emit_by_name (button, "clicked");
  wait_for_sync (button);
  dialog = find_toplevel (CP_TYPE_CONFLICTS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (cp_sync_button_get_state_text (button), ==, "Conflicts");
  g_assert_cmpfloat (first_target (cp_window_get_current (window)), ==, 55);
  theirs = find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Take Theirs");
  g_assert_nonnull (theirs);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (theirs)), ==, "91");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                                      "Keep Yours"))), ==, "55");

  gtk_widget_activate (theirs);
  sync = find_suggested (GTK_WIDGET (dialog));
  g_assert_nonnull (sync);
  g_signal_emit_by_name (sync, "clicked");
  spin (100);
  wait_for_sync (button);

  /* The window shows the engagement as merged. */
  g_assert_true (cp_window_get_current (window) != before);
  g_assert_cmpfloat (first_target (cp_window_get_current (window)), ==, 91);
  g_assert_cmpstr (cp_sync_button_get_state_text (button), ==, "Up to Date");
}

static void
test_window_share (void)
{
  g_autofree char *dir = cp_test_make_dir ();
  g_autofree char *sponsor = g_build_filename (dir, "sponsor.db", NULL);

  database = g_build_filename (dir, "coach.db", NULL);
  shared_repository = g_build_filename (dir, "shared.git", NULL);

  run_app (database, share_the_sample);
  run_app (sponsor, open_the_shared);
  run_app (sponsor, sync_in_the_window);

  g_clear_pointer (&shared_repository, g_free);
  g_clear_pointer (&database, g_free);
  cp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/share", test_window_share);

  return g_test_run ();
}
