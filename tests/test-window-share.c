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

#include "cp-engagement.h"
#include "cp-history-window.h"
#include "cp-note.h"
#include "cp-note-editor.h"
#include "cp-notes-page.h"
#include "cp-share.h"
#include "cp-share-dialog.h"
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
