/* cp-window.c — the main window: engagements beside the open one
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-engagement.h"
#include "cp-engagement-list.h"
#include "cp-engagement-page.h"
#include "cp-engagement-row.h"
#include "cp-measures-page.h"
#include "cp-register-page.h"
#include "cp-review-page.h"
#include "cp-notes-page.h"
#include "cp-plan-page.h"
#include "cp-search-dialog.h"
#include "cp-share.h"
#include "cp-store.h"
#include "cp-sync-button.h"
#include "cp-ui-util.h"
#include "cp-window.h"
#include "cp-window-calendar.h"
#include "cp-window-transfer.h"

struct _CpWindow
{
  AdwApplicationWindow  parent_instance;

  CpStore              *store;
  GSettings            *settings;
  CpEngagementList     *engagements;
  GtkSliceListModel    *shown;      /* the sidebar's rows so far */
  GtkSingleSelection   *selection;
  CpEngagement         *current;
  GBindingGroup        *current_bindings;
  char                 *open_error;
  GList                *trashed;   /* CpEngagement, newest first */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *status_filter;
  GtkStack             *sidebar_stack;
  GtkListView          *list_view;
  AdwViewSwitcherTitle *content_title;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  /* Pages other than the overview are made when first shown. */
  AdwBin               *plan_bin;
  AdwBin               *notes_bin;
  AdwBin               *measures_bin;
  AdwBin               *register_bin;
  AdwBin               *review_bin;
  CpPlanPage           *plan_page;
  CpNotesPage          *notes_page;
  CpMeasuresPage       *measures_page;
  CpRegisterPage       *register_page;
  CpReviewPage         *review_page;
  GtkWidget            *delete_button;
  GtkMenuButton        *main_menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *engagement_menu;
  CpSyncButton         *sync_button;
  gboolean              sponsor_view;   /* the current engagement, as its sponsor sees it */
  GtkRevealer          *read_only_banner;
  GtkLabel             *read_only_label;
  GtkStack             *content_stack;
  AdwBin               *overview_bin;
  CpEngagementPage     *engagement_page;   /* made when first shown */
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (CpWindow, cp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_OPEN_ERROR,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
get_settings (CpWindow *self)
{
  return self->settings;
}

/* Sign-offs and readings record who the user says they are. */
static void
identity_changed_cb (CpWindow *self)
{
  g_autofree char *name = NULL;

  cp_ui_dup_identity (&name, NULL);
  cp_store_set_author (self->store, name);
}

static void
toast (CpWindow   *self,
       const char *message)
{
  cp_ui_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_actions (CpWindow *self)
{
  gboolean writable = self->store != NULL && !cp_store_get_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-engagement", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-sample", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-engagement",
                                 writable && self->current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", self->current != NULL);
  /* The coach's view of the people is the coach's: not the sponsor's to export. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-team-report",
                                 self->current != NULL && !self->sponsor_view);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-folder", self->current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-calendar", self->current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-calendar",
                                 writable && self->current != NULL && !self->sponsor_view);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.share-engagement",
                                 writable && self->current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-shared", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history", self->current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete",
                                 writable && self->trashed != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search-all", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-actions", self->store != NULL);

  gtk_widget_set_visible (self->delete_button, writable && self->current != NULL);
}

/* The bottom switcher stands in for the header's when the window is
 * narrow, and only while there is an engagement to switch views of.
 */
static void
update_switcher_bar (CpWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    self->current != NULL &&
                                    adw_view_switcher_title_get_title_visible (self->content_title));
}

/* Shows page @name of @stack and hides the others. The pages start
 * hidden, and a hidden page's widgets are neither styled nor measured:
 * the pages a start does not show cost it nothing.
 */
static void
show_only_page (GtkStack   *stack,
                const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, name);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (stack, page);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != page)
      gtk_widget_set_visible (child, FALSE);
}

static void
update_content (CpWindow *self)
{
  guint n_items;
  gboolean none;

  if (self->store == NULL)
    {
      show_only_page (self->content_stack, "error");
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->engagements));
  /* Unfiltered, the list holds every engagement. */
  if (cp_engagement_list_get_search (self->engagements) == NULL &&
      cp_engagement_list_get_status (self->engagements) == CP_STATUS_ANY)
    none = n_items == 0;
  else
    none = cp_store_count_engagements (self->store) == 0;
  show_only_page (self->sidebar_stack, n_items > 0 ? "list" : "no-results");

  if (self->current != NULL)
    show_only_page (self->content_stack, "engagement");
  else if (none)
    {
      show_only_page (self->content_stack, "empty");
      /* In a narrow window the sidebar would show only an empty list;
       * the page offering to start is the useful one.
       */
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
  else
    show_only_page (self->content_stack, "unselected");

  /* An empty database has nothing to search or filter. */
  if (none &&
      cp_engagement_list_get_search (self->engagements) == NULL &&
      cp_engagement_list_get_status (self->engagements) == CP_STATUS_ANY)
    show_only_page (self->sidebar_stack, "list");
}

typedef void (*SetEditableFunc)   (gpointer      page,
                                   gboolean      editable);
typedef void (*SetEngagementFunc) (gpointer      page,
                                   CpEngagement *engagement);

/* The pages made when first shown: a window opens without building the
 * five pages not on show.
 */
static const struct
{
  const char        *name;
  GType            (*get_type) (void);
  gsize              bin;
  gsize              page;
  SetEditableFunc    set_editable;
  SetEngagementFunc  set_engagement;
} lazy_pages[] = {
  { "overview", cp_engagement_page_get_type, G_STRUCT_OFFSET (CpWindow, overview_bin),
    G_STRUCT_OFFSET (CpWindow, engagement_page), (SetEditableFunc) cp_engagement_page_set_editable,
    (SetEngagementFunc) cp_engagement_page_set_engagement },
  { "plan", cp_plan_page_get_type, G_STRUCT_OFFSET (CpWindow, plan_bin),
    G_STRUCT_OFFSET (CpWindow, plan_page), (SetEditableFunc) cp_plan_page_set_editable,
    (SetEngagementFunc) cp_plan_page_set_engagement },
  { "notes", cp_notes_page_get_type, G_STRUCT_OFFSET (CpWindow, notes_bin),
    G_STRUCT_OFFSET (CpWindow, notes_page), (SetEditableFunc) cp_notes_page_set_editable,
    (SetEngagementFunc) cp_notes_page_set_engagement },
  { "measures", cp_measures_page_get_type, G_STRUCT_OFFSET (CpWindow, measures_bin),
    G_STRUCT_OFFSET (CpWindow, measures_page), (SetEditableFunc) cp_measures_page_set_editable,
    (SetEngagementFunc) cp_measures_page_set_engagement },
  { "register", cp_register_page_get_type, G_STRUCT_OFFSET (CpWindow, register_bin),
    G_STRUCT_OFFSET (CpWindow, register_page), (SetEditableFunc) cp_register_page_set_editable,
    (SetEngagementFunc) cp_register_page_set_engagement },
  { "review", cp_review_page_get_type, G_STRUCT_OFFSET (CpWindow, review_bin),
    G_STRUCT_OFFSET (CpWindow, review_page), (SetEditableFunc) cp_review_page_set_editable,
    (SetEngagementFunc) cp_review_page_set_engagement },
};

/* In the sponsor's view only the Review page (sign-offs) and the Notes
 * page (the sponsor's own notes) take changes.
 */
static void
set_page_editable (CpWindow *self,
                   guint     i)
{
  gpointer page = G_STRUCT_MEMBER (gpointer, self, lazy_pages[i].page);
  gboolean writable = self->store != NULL && !cp_store_get_read_only (self->store);
  gboolean sponsors = g_str_equal (lazy_pages[i].name, "review") || g_str_equal (lazy_pages[i].name, "notes");

  if (page == NULL)
    return;
  lazy_pages[i].set_editable (page, writable && (!self->sponsor_view || sponsors));
  if (g_str_equal (lazy_pages[i].name, "notes"))
    {
      g_autofree char *me = NULL;

      cp_ui_dup_identity (&me, NULL);
      cp_notes_page_set_owner (page, self->sponsor_view ? (me ? me : "") : NULL);
    }
}

/* A sponsor who opened a shared engagement sees it as its sponsor: the
 * Review page first, and a banner that says what is theirs to change.
 */
static void
update_sponsor_view (CpWindow *self)
{
  gboolean writable = self->store != NULL && !cp_store_get_read_only (self->store);
  gboolean owner = TRUE;
  CpAudience audience;
  gboolean was = self->sponsor_view;

  self->sponsor_view = self->current != NULL &&
                       cp_share_get_sharing (self->current, &audience, &owner) &&
                       !owner && audience == CP_AUDIENCE_SPONSOR;

  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    set_page_editable (self, i);

  if (writable)
    {
      gtk_label_set_text (self->read_only_label,
                          _("You see this engagement as its sponsor. Sign-offs and your own notes are "
                            "yours to change; the rest is kept by the coach."));
      gtk_revealer_set_reveal_child (self->read_only_banner, self->sponsor_view);
    }
  if (self->sponsor_view && !was)
    adw_view_stack_set_visible_child_name (self->view_stack, "review");
}

/* Returns the page of lazy_pages[@i], made now if it was not yet. */
static gpointer
ensure_page (CpWindow *self,
             guint     i)
{
  gpointer *page = G_STRUCT_MEMBER_P (self, lazy_pages[i].page);

  if (*page == NULL)
    {
      *page = g_object_new (lazy_pages[i].get_type (), NULL);
      set_page_editable (self, i);
      adw_bin_set_child (G_STRUCT_MEMBER (AdwBin *, self, lazy_pages[i].bin), *page);
    }

  return *page;
}

/* Only the page on show follows the current engagement; the others
 * catch up when they are shown. Selecting an engagement builds one page,
 * not six.
 */
static void
sync_visible_page (CpWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  /* Shown again at the next start. */
  if (self->current != NULL && name != NULL && get_settings (self) != NULL)
    g_settings_set_string (get_settings (self), "last-page", name);

  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    if (g_strcmp0 (name, lazy_pages[i].name) == 0)
      {
        lazy_pages[i].set_engagement (ensure_page (self, i), self->current);
        return;
      }
}

/* The lazy page kept at @offset of the window, made now if need be. */
static gpointer
get_page (CpWindow *self,
          gsize     offset)
{
  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    if (lazy_pages[i].page == offset)
      return ensure_page (self, i);

  g_assert_not_reached ();
}

static CpNotesPage *
get_notes_page (CpWindow *self)
{
  return get_page (self, G_STRUCT_OFFSET (CpWindow, notes_page));
}

static void
set_current (CpWindow     *self,
             CpEngagement *engagement)
{
  GSettings *settings;

  if (self->current == engagement)
    return;

  g_set_object (&self->current, engagement);
  update_sponsor_view (self);
  sync_visible_page (self);
  cp_sync_button_set_engagement (self->sync_button, engagement);
  g_binding_group_set_source (self->current_bindings, engagement);
  if (engagement == NULL)
    adw_view_switcher_title_set_title (self->content_title, "");
  /* The switchers' buttons are made with the first engagement shown,
   * not before the window's first frame.
   */
  if (engagement != NULL && adw_view_switcher_title_get_stack (self->content_title) == NULL)
    {
      adw_view_switcher_title_set_stack (self->content_title, self->view_stack);
      adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
    }
  adw_view_switcher_title_set_view_switcher_enabled (self->content_title, engagement != NULL);
  update_switcher_bar (self);
  /* Side by side, the engagement is what a narrower window keeps on show. */
  if (engagement != NULL && !adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);

  settings = get_settings (self);
  if (settings != NULL && engagement != NULL)
    g_settings_set_int64 (settings, "last-engagement", cp_engagement_get_id (engagement));

  update_actions (self);
  update_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/* Selects @engagement in the sidebar (if the filter shows it) and opens it. */
static void
select_engagement (CpWindow     *self,
                   CpEngagement *engagement)
{
  guint position;

  if (engagement != NULL &&
      cp_engagement_list_find (self->engagements, cp_engagement_get_id (engagement), &position))
    {
      /* The sidebar shows every engagement before selecting one far down. */
      if (position >= gtk_slice_list_model_get_size (self->shown))
        gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
      gtk_single_selection_set_selected (self->selection, position);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  set_current (self, engagement);
}

static void
selection_changed_cb (CpWindow *self)
{
  g_autoptr(CpEngagement) engagement = NULL;

  engagement = gtk_single_selection_get_selected_item (self->selection);
  if (engagement != NULL)
    g_object_ref (engagement);

  /* A list refresh may drop the selection of an engagement that is only
   * moving; keep it open and selected rather than lose the user's place.
   */
  if (engagement == NULL && self->current != NULL && !cp_engagement_get_trashed (self->current))
    {
      guint position;

      if (cp_engagement_list_find (self->engagements,
                                   cp_engagement_get_id (self->current), &position))
        gtk_single_selection_set_selected (self->selection, position);
      return;
    }

  set_current (self, engagement);
}

static void
items_changed_cb (CpWindow *self)
{
  update_content (self);
}

static void
list_activate_cb (CpWindow *self,
                  guint     position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A click selects the engagement under the pointer (the list's own
 * doing) and, when the sidebar is all there is, goes on to it. The list
 * is not single-click-activate: in that mode GTK selects whatever row the
 * pointer merely passes over, and when a popover elsewhere closes it
 * selects the row under the pointer's old place in the popover.
 */
static void
list_clicked_cb (CpWindow *self)
{
  if (gtk_single_selection_get_selected_item (self->selection) != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
search_changed_cb (CpWindow       *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->engagements != NULL)
    cp_engagement_list_set_search (self->engagements, *text ? text : NULL);
}

static void
stop_search_cb (CpWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
status_filter_changed_cb (CpWindow *self)
{
  static const CpStatus statuses[] = {
    CP_STATUS_ANY, CP_STATUS_PLANNED, CP_STATUS_ACTIVE, CP_STATUS_CLOSED,
  };
  guint selected = gtk_drop_down_get_selected (self->status_filter);

  if (self->engagements != NULL && selected < G_N_ELEMENTS (statuses))
    cp_engagement_list_set_status (self->engagements, statuses[selected]);
}

/* Shows an engagement just added (created or loaded), or why it could
 * not be. The filters make way for it, so that it is visible.
 */
static gboolean
show_added (CpWindow     *self,
            CpEngagement *engagement,
            const GError *error)
{
  if (engagement == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_filter, 0);

  /* The button that was pressed may be about to go; move focus first, so
   * it does not land in the title, where typing would replace it.
   */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  select_engagement (self, engagement);
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  return TRUE;
}

static void
new_engagement_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;

  engagement = cp_store_create_engagement (self->store, _("New Engagement"),
                                           CP_APPROACH_UNDECIDED, &error);

  /* A new engagement wants its title first. */
  if (show_added (self, engagement, error))
    cp_engagement_page_focus_title (get_page (self, G_STRUCT_OFFSET (CpWindow, engagement_page)));
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;

  engagement = cp_store_load_sample (self->store, &error);
  show_added (self, engagement, error);
}

static void
purge_trash (CpWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->trashed == NULL)
    return;

  if (!cp_store_purge_trash (self->store, &error))
    g_warning ("Deleted engagements could not be purged: %s", error->message);

  g_list_free_full (g_steal_pointer (&self->trashed), g_object_unref);
  update_actions (self);
}

static void
delete_toast_dismissed_cb (CpWindow *self,
                           AdwToast *dismissed)
{
  /* Only the newest deletion's toast can still be undone; once it has
   * gone, everything trashed in this window is final.
   */
  if (self->trashed != NULL &&
      g_object_get_data (G_OBJECT (dismissed), "engagement") == self->trashed->data)
    purge_trash (self);
}

/**
 * cp_window_add_toast:
 * @toast: (transfer full): what to say
 */
void
cp_window_add_toast (CpWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (CP_IS_WINDOW (self));

  cp_ui_add_toast (self->toast_overlay, toast);
}

static void
delete_engagement_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *undo_toast;

  if (self->current == NULL)
    return;

  engagement = g_object_ref (self->current);

  if (!cp_store_trash_engagement (self->store, engagement, &error))
    {
      toast (self, error->message);
      return;
    }

  self->trashed = g_list_prepend (self->trashed, g_object_ref (engagement));
  select_engagement (self, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  title = g_strdup_printf (_("“%s” deleted"), cp_engagement_get_title (engagement));
  undo_toast = adw_toast_new (title);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_action_name (undo_toast, "win.undo-delete");
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (undo_toast), "engagement",
                          g_object_ref (engagement), g_object_unref);
  g_signal_connect_object (undo_toast, "dismissed",
                           G_CALLBACK (delete_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  cp_ui_add_toast (self->toast_overlay, undo_toast);

  update_actions (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;

  if (self->trashed == NULL)
    return;

  engagement = self->trashed->data;
  self->trashed = g_list_delete_link (self->trashed, self->trashed);

  if (!cp_store_restore_engagement (self->store, engagement, &error))
    {
      toast (self, error->message);
      return;
    }

  select_engagement (self, engagement);
  update_actions (self);
}

/* Ctrl+F searches what is on show: an engagement's notes on its Notes
 * page, the engagements everywhere else.
 */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);

  if (self->current != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "notes") == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "engagement") == 0)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      cp_notes_page_focus_search (get_notes_page (self));
      return;
    }

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * cp_window_show_engagement:
 *
 * Selects @engagement in the sidebar, its filters making way, and shows it.
 */
void
cp_window_show_engagement (CpWindow     *self,
                           CpEngagement *engagement)
{
  g_return_if_fail (CP_IS_WINDOW (self));
  g_return_if_fail (CP_IS_ENGAGEMENT (engagement));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_filter, 0);
  select_engagement (self, engagement);
}

/**
 * cp_window_reload_current:
 *
 * Shows the current engagement as the database holds it now, after a
 * sync stored a merge in its place.
 */
void
cp_window_reload_current (CpWindow *self)
{
  g_autoptr(CpEngagement) stored = NULL;

  g_return_if_fail (CP_IS_WINDOW (self));

  if (self->current == NULL ||
      !(stored = cp_store_get_engagement (self->store, cp_engagement_get_id (self->current), NULL)))
    return;

  select_engagement (self, stored);
}

/**
 * cp_window_set_syncing:
 *
 * While a sync may store a merge in place of what is on screen, the
 * engagement takes no edits.
 */
void
cp_window_set_syncing (CpWindow *self,
                       gboolean  syncing)
{
  g_return_if_fail (CP_IS_WINDOW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), !syncing);
  gtk_widget_set_sensitive (self->delete_button, !syncing);
}

/**
 * cp_window_show_page:
 * @page: "overview", "plan", "measures", "register", "review" or "notes"
 *
 * Shows the engagement on that page.
 */
void
cp_window_show_page (CpWindow     *self,
                     CpEngagement *engagement,
                     const char   *page)
{
  g_return_if_fail (CP_IS_WINDOW (self));

  cp_window_show_engagement (self, engagement);
  adw_view_stack_set_visible_child_name (self->view_stack, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * cp_window_open_note:
 *
 * Shows the note in the editor, its engagement selected.
 *
 * Returns: whether the note was found
 */
gboolean
cp_window_open_note (CpWindow *self,
                     gint64    engagement_id,
                     gint64    note_id)
{
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CP_IS_WINDOW (self), FALSE);

  engagement = cp_store_get_engagement (self->store, engagement_id, &error);
  if (engagement == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }

  cp_window_show_page (self, engagement, "notes");

  return cp_notes_page_open_note (get_notes_page (self), note_id);
}

static void
search_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);

  /* Everything typed so far is searchable. */
  if (self->notes_page != NULL)
    cp_notes_page_flush (self->notes_page);
  cp_store_flush (self->store, NULL);
  cp_window_search_all (self, NULL);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  adw_leaflet_navigate (CP_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
save_failed_cb (CpWindow     *self,
                const GError *error,
                CpStore      *store)
{
  g_autofree char *message = g_strdup_printf (_("Not saved yet: %s"), error->message);

  toast (self, message);
}

static void
restore_state (CpWindow *self)
{
  GSettings *settings = get_settings (self);
  g_autoptr(CpEngagement) last = NULL;
  gint64 last_id;

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_id = g_settings_get_int64 (settings, "last-engagement");
  if (self->store != NULL && last_id > 0)
    last = cp_store_get_engagement (self->store, last_id, NULL);

  if (last != NULL)
    {
      g_autofree char *page = g_settings_get_string (settings, "last-page");

      select_engagement (self, last);
      adw_view_stack_set_visible_child_name (self->view_stack, page);
    }
}

static gboolean
cp_window_close_request (GtkWindow *window)
{
  CpWindow *self = CP_WINDOW (window);
  GSettings *settings = get_settings (self);
  g_autoptr(GError) error = NULL;

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  if (self->notes_page != NULL)
    cp_notes_page_flush (self->notes_page);

  if (self->store != NULL && !cp_store_get_read_only (self->store) &&
      !cp_store_flush (self->store, &error))
    {
      /* Keep the window, and with it the unsaved edits, on screen. */
      g_autofree char *message = g_strdup_printf (_("Your last changes could not be saved: %s"),
                                                  error->message);
      toast (self, message);
      return TRUE;
    }

  purge_trash (self);

  return GTK_WINDOW_CLASS (cp_window_parent_class)->close_request (window);
}

static void
autosave_delay_changed_cb (CpWindow *self)
{
  cp_store_set_save_delay (self->store, g_settings_get_int (get_settings (self), "autosave-delay"));
}

/* Rows added to the sidebar at a time after the first frame. */
#define MORE_ROWS 40
/* The least height of a sidebar row, two lines of text. */
#define ROW_HEIGHT 44

/* Adds the next rows to the sidebar, until it shows every engagement. */
static gboolean
show_more_rows_cb (gpointer data)
{
  CpWindow *self = data;
  guint size;

  if (self->shown == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;

  size = gtk_slice_list_model_get_size (self->shown);
  if (size >= g_list_model_get_n_items (G_LIST_MODEL (self->engagements)))
    {
      gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->shown, size + MORE_ROWS);

  return G_SOURCE_CONTINUE;
}

/* As many rows as the window that opens can show, no more. */
static guint
first_rows (CpWindow *self)
{
  GSettings *settings = get_settings (self);
  int height = 0;

  if (settings != NULL && !g_settings_get_boolean (settings, "window-maximized"))
    height = g_settings_get_int (settings, "window-height");
  if (height <= 0)
    return MORE_ROWS;

  return height / ROW_HEIGHT + 1;
}

static void
first_frame_cb (GdkFrameClock *clock,
                CpWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  g_idle_add_full (G_PRIORITY_LOW, show_more_rows_cb, g_object_ref (self), g_object_unref);
}

static void
first_map_cb (CpWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, first_map_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_frame_cb), self, 0);
}

static void
cp_window_constructed (GObject *object)
{
  CpWindow *self = (CpWindow *)object;

  G_OBJECT_CLASS (cp_window_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      gtk_widget_set_visible (self->sidebar, FALSE);
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      adw_status_page_set_description (self->error_page, self->open_error);
      update_content (self);
      update_actions (self);
      return;
    }

  self->engagements = cp_engagement_list_new (self->store);
  /* The sidebar starts with the rows a window can show, and the rest
   * follow a few at a time once it is on screen: GtkListView keeps up to
   * 200 rows, and laying out all of them would hold up the first frame.
   */
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->engagements)), 0,
                                         first_rows (self));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  g_signal_connect (self, "map", G_CALLBACK (first_map_cb), NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engagements, "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_title, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (update_content), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (sync_visible_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "save-failed",
                           G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);

  gtk_revealer_set_reveal_child (self->read_only_banner, cp_store_get_read_only (self->store));
  if (cp_store_get_read_only_reason (self->store) != NULL)
    {
      /* Translators: why the database cannot be written, as "its folder may not be written". */
      g_autofree char *text = g_strdup_printf (_("This database is read-only: %s. You can look, but changes cannot be saved."),
                                               cp_store_get_read_only_reason (self->store));
      gtk_label_set_text (self->read_only_label, text);
    }

  if (get_settings (self) != NULL)
    {
      g_signal_connect_object (get_settings (self), "changed::autosave-delay",
                               G_CALLBACK (autosave_delay_changed_cb), self, G_CONNECT_SWAPPED);
      autosave_delay_changed_cb (self);
      g_signal_connect_object (get_settings (self), "changed::user-name",
                               G_CALLBACK (identity_changed_cb), self, G_CONNECT_SWAPPED);
    }
  identity_changed_cb (self);
  cp_window_calendar_setup (self, get_settings (self));

  /* No engagement yet: the page tabs wait for one. */
  adw_view_switcher_title_set_view_switcher_enabled (self->content_title, FALSE);
  restore_state (self);
  update_content (self);
  update_actions (self);
}

static void
cp_window_dispose (GObject *object)
{
  CpWindow *self = (CpWindow *)object;

  purge_trash (self);

  g_clear_object (&self->current_bindings);
  g_clear_object (&self->current);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->engagements);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cp_window_parent_class)->dispose (object);
}

static void
cp_window_finalize (GObject *object)
{
  CpWindow *self = (CpWindow *)object;

  g_clear_pointer (&self->open_error, g_free);

  G_OBJECT_CLASS (cp_window_parent_class)->finalize (object);
}

static void
cp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CpWindow *self = CP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_OPEN_ERROR:
      g_value_set_string (value, self->open_error);
      break;
    case PROP_CURRENT:
      g_value_set_object (value, self->current);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CpWindow *self = CP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_OPEN_ERROR:
      self->open_error = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The header shows the engagement's title as the sidebar does. */
static gboolean
row_title_transform (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  g_value_take_string (to, cp_engagement_row_dup_title (g_value_get_string (from)));
  return TRUE;
}


/* The shortcuts window is built when first asked for, not with every
 * window as GtkApplication would build gtk/help-overlay.ui.
 */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/cp-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static const char * const pages[] = {
  "overview", "plan", "measures", "register", "review", "notes",
};

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);

  if (self->current == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  /* Focus goes into the page shown, not back to the window's first
   * button.
   */
  {
    GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

    if (page != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, page)))
      gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
  }
}

static void
cp_window_class_init (CpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cp_window_constructed;
  object_class->dispose = cp_window_dispose;
  object_class->finalize = cp_window_finalize;
  object_class->get_property = cp_window_get_property;
  object_class->set_property = cp_window_set_property;

  window_class->close_request = cp_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_ERROR] =
    g_param_spec_string ("open-error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL, CP_TYPE_ENGAGEMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CP_TYPE_SYNC_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, plan_bin);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, notes_bin);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, measures_bin);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, register_bin);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, review_bin);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, engagement_menu);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, overview_bin);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.new-engagement", NULL,
                                   new_engagement_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  cp_window_transfer_install_actions (widget_class);
  cp_window_calendar_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.delete-engagement", NULL,
                                   delete_engagement_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.search-all", NULL, search_all_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-engagement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-actions", NULL);
  /* As before the agenda had the sessions too. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-actions", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "win.delete-engagement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);

  /* Alt+1 to Alt+6: the pages, in the order the switcher shows them. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.show-page",
                                         "s", pages[i]);
}

static void
cp_window_init (CpWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = cp_engagement_row_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  cp_ui_name_drop_down (self->status_filter, _("Status filter"));
  cp_ui_menu_button_set_menu_later (self->main_menu_button, self->primary_menu);
  cp_ui_menu_button_set_menu_later (GTK_MENU_BUTTON (self->delete_button), self->engagement_menu);

  gtk_list_view_set_factory (self->list_view, factory);

  self->current_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->current_bindings, "title", self->content_title, "title",
                             G_BINDING_SYNC_CREATE, row_title_transform, NULL, NULL, NULL);
}

/**
 * cp_window_new:
 * @store: (nullable): the open database, or %NULL when it was refused
 * @open_error: (nullable): why @store is %NULL
 */
CpWindow *
cp_window_new (CpApplication *application,
               CpStore       *store,
               const GError  *open_error)
{
  g_return_val_if_fail (CP_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store != NULL || open_error != NULL, NULL);

  return g_object_new (CP_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "settings", cp_application_get_settings (application),
                       "open-error", open_error ? open_error->message : NULL,
                       NULL);
}

/**
 * cp_window_get_current:
 *
 * Returns: (transfer none) (nullable): the engagement on show
 */
CpEngagement *
cp_window_get_current (CpWindow *self)
{
  g_return_val_if_fail (CP_IS_WINDOW (self), NULL);

  return self->current;
}

/**
 * cp_window_get_notes_page:
 *
 * Returns: (transfer none): the Notes page
 */
CpNotesPage *
cp_window_get_notes_page (CpWindow *self)
{
  g_return_val_if_fail (CP_IS_WINDOW (self), NULL);

  return get_notes_page (self);
}

/**
 * cp_window_get_store:
 *
 * Returns: (transfer none) (nullable): the database the window shows, if
 *   it could be opened
 */
CpStore *
cp_window_get_store (CpWindow *self)
{
  g_return_val_if_fail (CP_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * cp_window_get_engagements:
 *
 * Returns: (transfer none) (nullable): the sidebar's list
 */
GListModel *
cp_window_get_engagements (CpWindow *self)
{
  g_return_val_if_fail (CP_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->engagements);
}
