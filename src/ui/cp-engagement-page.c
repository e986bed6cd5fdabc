/* cp-engagement-page.c — shows and edits one engagement
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-engagement-page"

#include "config.h"

#include <glib/gi18n.h>
#include "cp-source.h"
#include <string.h>

#include "cp-approach.h"
#include "cp-approach-dialog.h"
#include "cp-date-row.h"
#include "cp-engagement.h"
#include "cp-engagement-page.h"
#include "cp-stakeholder.h"
#include "cp-stakeholder-row.h"
#include "cp-people-map.h"
#include "cp-mentoring.h"
#include "cp-store.h"
#include "cp-ui-util.h"

struct _CpEngagementPage
{
  AdwBin               parent_instance;

  CpEngagement        *engagement;
  GBindingGroup       *bindings;
  GSignalGroup        *signals;

  /* Template widgets */
  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *programme_group;
  AdwPreferencesGroup *approach_group;
  AdwPreferencesGroup *scope_group;
  AdwPreferencesGroup *stakeholders_group;
  AdwEntryRow         *title_row;
  AdwEntryRow         *client_row;
  AdwEntryRow         *sponsor_row;
  AdwEntryRow         *coach_row;
  AdwComboRow         *status_row;
  AdwComboRow         *approach_row;
  GtkStringList       *approach_names;
  int                  shown_approach;  /* whose points the rows show, or -1 */
  AdwComboRow         *driver_row;
  CpDateRow           *start_row;
  CpDateRow           *end_row;
  AdwActionRow        *fit_row;
  AdwExpanderRow      *motives_row;
  AdwExpanderRow      *benefits_row;
  AdwExpanderRow      *risks_row;
  GtkSourceView       *scope_view;
  GtkListBox          *stakeholder_list;
  CpPeopleMap         *people_map;
  GtkListBox          *mentoring_list;
  CpStakeholder       *removed;     /* the last removed, for its undo */
  GtkWidget           *add_stakeholder_button;

  GPtrArray           *point_rows;

  guint                editable : 1;
};

G_DEFINE_FINAL_TYPE (CpEngagementPage, cp_engagement_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ENGAGEMENT,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
show_points (CpEngagementPage *self,
             AdwExpanderRow   *expander,
             CpApproach        approach,
             CpApproachAspect  aspect)
{
  g_auto(GStrv) points = cp_approach_dup_points (approach, aspect);

  for (guint i = 0; points[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), points[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (expander, row);
      g_ptr_array_add (self->point_rows, row);
    }
}

static void
update_approach (CpEngagementPage *self)
{
  CpApproach approach = CP_APPROACH_UNDECIDED;

  if (self->engagement != NULL)
    approach = cp_engagement_get_approach (self->engagement);

  /* Most engagements in a row share their approach: its words stay,
   * laid out already.
   */
  if ((int) approach == self->shown_approach)
    return;
  self->shown_approach = approach;

  /* Rows are removed through their expander, which owns them. */
  for (guint i = 0; i < self->point_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->point_rows, i);
      GtkWidget *expander = gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW);

      adw_expander_row_remove (ADW_EXPANDER_ROW (expander), row);
    }
  g_ptr_array_set_size (self->point_rows, 0);

  adw_preferences_group_set_title (self->approach_group, cp_approach_get_name (approach));
  adw_preferences_group_set_description (self->approach_group, cp_approach_get_summary (approach));
  adw_action_row_set_subtitle (self->fit_row, cp_approach_get_fit (approach));

  show_points (self, self->motives_row, approach, CP_APPROACH_MOTIVES);
  show_points (self, self->benefits_row, approach, CP_APPROACH_BENEFITS);
  show_points (self, self->risks_row, approach, CP_APPROACH_RISKS);

  gtk_widget_set_visible (GTK_WIDGET (self->motives_row), approach != CP_APPROACH_UNDECIDED);
  gtk_widget_set_visible (GTK_WIDGET (self->benefits_row), approach != CP_APPROACH_UNDECIDED);
  gtk_widget_set_visible (GTK_WIDGET (self->risks_row), approach != CP_APPROACH_UNDECIDED);
}

static void
update_dates (CpEngagementPage *self)
{
  const char *start = NULL;
  const char *end = NULL;
  gboolean backwards;

  if (self->engagement != NULL)
    {
      start = cp_engagement_get_start_date (self->engagement);
      end = cp_engagement_get_end_date (self->engagement);
    }

  /* ISO dates compare correctly as strings. */
  backwards = start != NULL && end != NULL && strcmp (end, start) < 0;

  if (backwards)
    gtk_widget_add_css_class (GTK_WIDGET (self->end_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->end_row), "error");

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->end_row),
                               backwards ? _("Ends before it starts") : NULL);
}

static void
approach_dialog_done_cb (CpEngagementPage *self,
                         gboolean          changed)
{
  /* Cancelled: show the approach the engagement still has. */
  if (!changed && self->engagement != NULL)
    adw_combo_row_set_selected (self->approach_row,
                                cp_engagement_get_approach (self->engagement));
}

static void
approach_selected_cb (CpEngagementPage *self)
{
  CpApproach chosen = adw_combo_row_get_selected (self->approach_row);
  CpApproachDialog *dialog;

  if (self->engagement == NULL || chosen == GTK_INVALID_LIST_POSITION ||
      chosen == cp_engagement_get_approach (self->engagement))
    return;

  dialog = cp_approach_dialog_new (GTK_WIDGET (self), self->engagement, chosen, NULL);
  g_signal_connect_object (dialog, "done", G_CALLBACK (approach_dialog_done_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_stakeholder_row (gpointer item,
                        gpointer user_data)
{
  CpEngagementPage *self = user_data;
  GtkWidget *row = cp_stakeholder_row_new (item);

  gtk_widget_set_sensitive (row, self->editable);

  return row;
}

static GtkWidget *create_mentoring_row (gpointer item,
                                        gpointer user_data);

static void
update_stakeholders (CpEngagementPage *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = NULL;

  if (self->engagement != NULL)
    {
      model = cp_engagement_get_stakeholders (self->engagement, &error);
      if (model == NULL)
        g_warning ("%s", error->message);
    }

  gtk_list_box_bind_model (self->stakeholder_list, model, create_stakeholder_row, self, NULL);
  cp_people_map_set_stakeholders (self->people_map, model);

  model = NULL;
  if (self->engagement != NULL && !(model = cp_engagement_get_mentorings (self->engagement, &error)))
    g_warning ("%s", error->message);
  gtk_list_box_bind_model (self->mentoring_list, model, create_mentoring_row, self, NULL);
}

static void
update_editable (CpEngagementPage *self)
{
  GtkWidget *groups[] = {
    GTK_WIDGET (self->details_group),
    GTK_WIDGET (self->programme_group),
    GTK_WIDGET (self->stakeholder_list),
    GTK_WIDGET (self->mentoring_list),
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_sensitive (groups[i], self->editable);

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->scope_view), self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-stakeholder", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-mentoring", self->editable);
}

/* Mentoring */

static void
update_mentoring_row (AdwActionRow *row)
{
  CpMentoring *m = g_object_get_data (G_OBJECT (row), "mentoring");
  const char *mentee = cp_mentoring_get_mentee (m);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a mentoring, as "Sam Okafor mentors Priya Raman". */
  title = g_strdup_printf (_("%s mentors %s"), cp_mentoring_get_mentor (m), *mentee ? mentee : _("someone not named"));
  subtitle = g_strdup_printf ("%s · %s%s%s", cp_mentor_profile_get_name (cp_mentoring_get_profile (m)),
                              cp_mentoring_format_get_name (cp_mentoring_get_format (m)),
                              *cp_mentoring_get_practice (m) ? " · " : "", cp_mentoring_get_practice (m));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
}

typedef struct
{
  CpEngagementPage *page;
  CpMentoring      *mentoring;   /* NULL: a new one */
  AdwEntryRow      *mentor;
  AdwEntryRow      *mentee;
  AdwComboRow      *profile;
  AdwComboRow      *format;
  AdwEntryRow      *practice;
} MentoringEdit;

static void
mentoring_edit_free (MentoringEdit *edit)
{
  g_clear_object (&edit->page);
  g_clear_object (&edit->mentoring);
  g_free (edit);
}

static void
mentoring_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       MentoringEdit    *edit)
{
  g_autoptr(CpMentoring) added = NULL;
  g_autoptr(GError) error = NULL;
  CpMentoring *m = edit->mentoring;
  const char *mentor = gtk_editable_get_text (GTK_EDITABLE (edit->mentor));

  if (!g_str_equal (response, "apply") || edit->page->engagement == NULL)
    return;

  if (m == NULL)
    {
      if (!(added = cp_engagement_add_mentoring (edit->page->engagement, mentor, &error)))
        {
          cp_ui_toast_error (GTK_WIDGET (edit->page), error);
          return;
        }
      m = added;
    }
  cp_mentoring_set_mentor (m, mentor);
  cp_mentoring_set_mentee (m, gtk_editable_get_text (GTK_EDITABLE (edit->mentee)));
  cp_mentoring_set_profile (m, adw_combo_row_get_selected (edit->profile));
  cp_mentoring_set_format (m, adw_combo_row_get_selected (edit->format));
  cp_mentoring_set_practice (m, gtk_editable_get_text (GTK_EDITABLE (edit->practice)));
}

/* Asks who mentors whom, how and in which practice: for @mentoring, or
 * for a new one when it is %NULL.
 */
static void
edit_mentoring (CpEngagementPage *self,
                CpMentoring      *mentoring)
{
  const char *profiles[] = {
    cp_mentor_profile_get_name (CP_MENTOR_PROFILE_UNSET), cp_mentor_profile_get_name (CP_MENTOR_PROFILE_EXPERT),
    cp_mentor_profile_get_name (CP_MENTOR_PROFILE_SYSTEMS_THINKER), NULL,
  };
  const char *formats[] = {
    cp_mentoring_format_get_name (CP_MENTORING_FORMAT_UNSET),
    cp_mentoring_format_get_name (CP_MENTORING_FORMAT_ONE_ON_ONE),
    cp_mentoring_format_get_name (CP_MENTORING_FORMAT_MASS),
    cp_mentoring_format_get_name (CP_MENTORING_FORMAT_BLENDED), NULL,
  };
  MentoringEdit *edit = g_new0 (MentoringEdit, 1);
  AdwMessageDialog *dialog = cp_ui_form_new (GTK_WIDGET (self), mentoring ? _("Mentoring") : _("New Mentoring"),
                                             _("The coach, or someone on the staff acting as mentor, and whom "
                                               "they mentor: a person or a group."),
                                             mentoring ? _("_Save") : _("_Add"));

  edit->page = g_object_ref (self);
  edit->mentoring = mentoring ? g_object_ref (mentoring) : NULL;
  edit->mentor = cp_ui_form_add_entry (dialog, _("Mentor"), mentoring ? cp_mentoring_get_mentor (mentoring)
                                                                      : cp_engagement_get_coach (self->engagement));
  edit->mentee = cp_ui_form_add_entry (dialog, _("Mentors whom"), mentoring ? cp_mentoring_get_mentee (mentoring) : "");
  edit->profile = cp_ui_form_add_choice (dialog, _("Mentor’s profile"), profiles,
                                         mentoring ? cp_mentoring_get_profile (mentoring) : 0);
  edit->format = cp_ui_form_add_choice (dialog, _("Format"), formats,
                                        mentoring ? cp_mentoring_get_format (mentoring) : 0);
  edit->practice = cp_ui_form_add_entry (dialog, _("Practice or area"),
                                         mentoring ? cp_mentoring_get_practice (mentoring) : "");
  g_signal_connect_data (dialog, "response", G_CALLBACK (mentoring_response_cb), edit,
                         (GClosureNotify) mentoring_edit_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_mentoring_cb (GtkButton        *button,
                   CpEngagementPage *self)
{
  edit_mentoring (self, g_object_get_data (G_OBJECT (button), "mentoring"));
}

static void
remove_mentoring_cb (GtkButton        *button,
                     CpEngagementPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->engagement != NULL &&
      !cp_engagement_remove_measure (self->engagement, g_object_get_data (G_OBJECT (button), "mentoring"), &error))
    cp_ui_toast_error (GTK_WIDGET (self), error);
}

static GtkWidget *
suffix_button (AdwActionRow *row,
               const char   *icon,
               const char   *label,
               gpointer      mentoring)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "mentoring", g_object_ref (mentoring), g_object_unref);
  adw_action_row_add_suffix (row, button);

  return button;
}

static GtkWidget *
create_mentoring_row (gpointer item,
                      gpointer user_data)
{
  CpEngagementPage *self = user_data;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "mentoring", g_object_ref (item), g_object_unref);
  update_mentoring_row (ADW_ACTION_ROW (row));
  g_signal_connect_object (item, "notify", G_CALLBACK (update_mentoring_row), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (suffix_button (ADW_ACTION_ROW (row), "document-edit-symbolic", _("Edit Mentoring"), item),
                           "clicked", G_CALLBACK (edit_mentoring_cb), self, 0);
  g_signal_connect_object (suffix_button (ADW_ACTION_ROW (row), "user-trash-symbolic", _("Remove Mentoring"), item),
                           "clicked", G_CALLBACK (remove_mentoring_cb), self, 0);

  return row;
}

static void
add_mentoring_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CpEngagementPage *self = CP_ENGAGEMENT_PAGE (widget);

  if (self->engagement != NULL)
    edit_mentoring (self, NULL);
}

static void
add_stakeholder_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CpEngagementPage *self = CP_ENGAGEMENT_PAGE (widget);
  g_autoptr(CpStakeholder) stakeholder = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  GtkListBoxRow *row;

  if (self->engagement == NULL)
    return;

  stakeholder = cp_engagement_add_stakeholder (self->engagement, "", "", "", &error);
  if (stakeholder == NULL)
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  model = cp_engagement_get_stakeholders (self->engagement, NULL);
  row = gtk_list_box_get_row_at_index (self->stakeholder_list,
                                       g_list_model_get_n_items (model) - 1);
  if (row != NULL)
    cp_stakeholder_row_edit (CP_STAKEHOLDER_ROW (row));
}

static void
undo_remove_stakeholder_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  CpEngagementPage *self = CP_ENGAGEMENT_PAGE (widget);
  g_autoptr(CpStakeholder) stakeholder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  gint64 engagement_id, stakeholder_id;

  g_variant_get (param, "(xx)", &engagement_id, &stakeholder_id);

  /* Only the last one removed can come back. */
  if (self->removed == NULL || cp_stakeholder_get_id (self->removed) != stakeholder_id)
    return;

  engagement = self->engagement ? g_object_ref (self->engagement) : NULL;
  if (engagement == NULL || cp_engagement_get_id (engagement) != engagement_id)
    engagement = cp_store_get_engagement (cp_engagement_get_store (self->engagement),
                                          engagement_id, &error);
  if (engagement != NULL)
    stakeholder = cp_engagement_restore_stakeholder (engagement, self->removed, &error);
  if (stakeholder == NULL)
    cp_ui_toast_error (GTK_WIDGET (self), error);
  else
    g_clear_object (&self->removed);
}

static void
remove_stakeholder_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  CpEngagementPage *self = CP_ENGAGEMENT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id = g_variant_get_int64 (param);
  GListModel *model;
  AdwToast *toast;

  if (self->engagement == NULL ||
      !(model = cp_engagement_get_stakeholders (self->engagement, &error)))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CpStakeholder) stakeholder = g_list_model_get_item (model, i);
      const char *name = cp_stakeholder_get_name (stakeholder);

      if (cp_stakeholder_get_id (stakeholder) != id)
        continue;

      if (!cp_engagement_remove_stakeholder (self->engagement, stakeholder, &error))
        {
          cp_ui_toast_error (GTK_WIDGET (self), error);
          return;
        }

      message = *name ? g_strdup_printf (_("“%s” removed"), name)
                      : g_strdup (_("Stakeholder removed"));
      toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_detailed_action_name (toast, "page.undo-remove-stakeholder");
      g_set_object (&self->removed, stakeholder);
      adw_toast_set_action_target_value (toast,
                                         g_variant_new ("(xx)",
                                                        cp_engagement_get_id (self->engagement),
                                                        cp_stakeholder_get_id (stakeholder)));
      cp_ui_show_toast (GTK_WIDGET (self), toast);
      return;
    }
}

static void
cp_engagement_page_dispose (GObject *object)
{
  CpEngagementPage *self = (CpEngagementPage *)object;

  if (self->stakeholder_list != NULL)
    gtk_list_box_bind_model (self->stakeholder_list, NULL, NULL, NULL, NULL);
  if (self->mentoring_list != NULL)
    gtk_list_box_bind_model (self->mentoring_list, NULL, NULL, NULL, NULL);

  g_clear_object (&self->bindings);
  g_clear_object (&self->signals);
  g_clear_object (&self->engagement);
  g_clear_object (&self->removed);
  g_clear_pointer (&self->point_rows, g_ptr_array_unref);


  G_OBJECT_CLASS (cp_engagement_page_parent_class)->dispose (object);
}

static void
cp_engagement_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CpEngagementPage *self = CP_ENGAGEMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_ENGAGEMENT:
      g_value_set_object (value, self->engagement);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_engagement_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CpEngagementPage *self = CP_ENGAGEMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_ENGAGEMENT:
      cp_engagement_page_set_engagement (self, g_value_get_object (value));
      break;
    case PROP_EDITABLE:
      cp_engagement_page_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_engagement_page_class_init (CpEngagementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_engagement_page_dispose;
  object_class->get_property = cp_engagement_page_get_property;
  object_class->set_property = cp_engagement_page_set_property;

  properties[PROP_ENGAGEMENT] =
    g_param_spec_object ("engagement", NULL, NULL, CP_TYPE_ENGAGEMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CP_TYPE_DATE_ROW);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (CP_TYPE_PEOPLE_MAP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/cp-engagement-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, programme_group);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, approach_group);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, scope_group);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, stakeholders_group);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, client_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, sponsor_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, coach_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, approach_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, approach_names);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, driver_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, fit_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, motives_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, benefits_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, risks_row);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, scope_view);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, stakeholder_list);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, people_map);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, mentoring_list);
  gtk_widget_class_bind_template_child (widget_class, CpEngagementPage, add_stakeholder_button);

  gtk_widget_class_install_action (widget_class, "page.add-mentoring", NULL, add_mentoring_action);
  gtk_widget_class_install_action (widget_class, "page.add-stakeholder", NULL,
                                   add_stakeholder_action);
  gtk_widget_class_install_action (widget_class, "page.remove-stakeholder", "x",
                                   remove_stakeholder_action);
  gtk_widget_class_install_action (widget_class, "page.undo-remove-stakeholder", "(xx)",
                                   undo_remove_stakeholder_action);
}

static void
dark_changed_cb (CpEngagementPage *self,
                 GParamSpec       *pspec,
                 AdwStyleManager  *style_manager)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->scope_view));

  gtk_source_buffer_set_style_scheme (cp_source_buffer (buffer),
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
cp_engagement_page_init (CpEngagementPage *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->editable = TRUE;
  self->point_rows = g_ptr_array_new ();
  self->shown_approach = -1;

  for (CpApproach a = CP_APPROACH_UNDECIDED; a <= CP_APPROACH_COACHED; a++)
    gtk_string_list_append (self->approach_names, cp_approach_get_name (a));

  /* The choice on the right, as Status and Driver show theirs, wrapping
   * rather than cut off; the list shows each name whole.
   */
  {
    g_autoptr(GtkListItemFactory) shown = cp_ui_label_factory_new (CP_UI_LABEL_WRAPPED, NULL);
    g_autoptr(GtkListItemFactory) listed = cp_ui_label_factory_new (CP_UI_LABEL_WHOLE, NULL);

    adw_combo_row_set_factory (self->approach_row, shown);
    adw_combo_row_set_list_factory (self->approach_row, listed);
  }

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->scope_view));
  cp_ui_highlight_markdown (cp_source_buffer (buffer));
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  dark_changed_cb (self, NULL, style_manager);

  gtk_list_box_set_placeholder (self->stakeholder_list,
                                g_object_new (GTK_TYPE_LABEL,
                                              "label", _("No stakeholders yet"),
                                              "margin-top", 18,
                                              "margin-bottom", 18,
                                              "css-classes", (const char *[]) { "dim-label", NULL },
                                              NULL));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "title", self->title_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "client", self->client_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "sponsor", self->sponsor_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "coach", self->coach_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "scope", buffer, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "start-date", self->start_row, "date",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "end-date", self->end_row, "date",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind_full (self->bindings, "status", self->status_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             cp_ui_enum_to_choice, cp_ui_choice_to_enum, NULL, NULL);
  /* One way only: a change of approach goes through its dialog. */
  g_binding_group_bind_full (self->bindings, "approach", self->approach_row, "selected",
                             G_BINDING_SYNC_CREATE, cp_ui_enum_to_choice, NULL, NULL, NULL);
  g_signal_connect_swapped (self->approach_row, "notify::selected",
                            G_CALLBACK (approach_selected_cb), self);
  g_binding_group_bind_full (self->bindings, "driver", self->driver_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             cp_ui_enum_to_choice, cp_ui_choice_to_enum, NULL, NULL);

  self->signals = g_signal_group_new (CP_TYPE_ENGAGEMENT);
  g_signal_group_connect_object (self->signals, "notify::approach",
                                 G_CALLBACK (update_approach), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->signals, "notify::start-date",
                                 G_CALLBACK (update_dates), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->signals, "notify::end-date",
                                 G_CALLBACK (update_dates), self, G_CONNECT_SWAPPED);

  update_approach (self);
  update_editable (self);
}

GtkWidget *
cp_engagement_page_new (void)
{
  return g_object_new (CP_TYPE_ENGAGEMENT_PAGE, NULL);
}

/**
 * cp_engagement_page_get_engagement:
 *
 * Returns: (transfer none) (nullable): the engagement on show
 */
CpEngagement *
cp_engagement_page_get_engagement (CpEngagementPage *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT_PAGE (self), NULL);

  return self->engagement;
}

void
cp_engagement_page_set_engagement (CpEngagementPage *self,
                                   CpEngagement     *engagement)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (CP_IS_ENGAGEMENT_PAGE (self));
  g_return_if_fail (!engagement || CP_IS_ENGAGEMENT (engagement));

  if (!g_set_object (&self->engagement, engagement))
    return;

  g_binding_group_set_source (self->bindings, engagement);
  g_signal_group_set_target (self->signals, engagement);

  /* Undo in the scope editor must not reach into another engagement. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->scope_view));
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);

  update_approach (self);
  update_dates (self);
  update_stakeholders (self);

  /* Each engagement opens at its top. libadwaita 1.2 has no call for
   * this, but its preferences page is a scrolled window inside.
   */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->preferences_page));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      gtk_adjustment_set_value (
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child)), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGAGEMENT]);
}

gboolean
cp_engagement_page_get_editable (CpEngagementPage *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT_PAGE (self), FALSE);

  return self->editable;
}

void
cp_engagement_page_set_editable (CpEngagementPage *self,
                                 gboolean          editable)
{
  g_return_if_fail (CP_IS_ENGAGEMENT_PAGE (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  update_editable (self);
  update_stakeholders (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/* Puts the cursor in the title with the text selected, ready to be
 * typed over, as for a newly created engagement.
 */
void
cp_engagement_page_focus_title (CpEngagementPage *self)
{
  g_return_if_fail (CP_IS_ENGAGEMENT_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}
