/* cp-session-dialog.c — plans a coaching session, or shows and edits one
 *
 * A session being planned is added only by "Add Session", whole; Cancel
 * leaves nothing behind. A session that exists is edited as everywhere
 * else: edits apply as they are made, and "Done" only closes.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-session-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cp-cycle.h"
#include "cp-date-row.h"
#include "cp-engagement.h"
#include "cp-phase.h"
#include "cp-session.h"
#include "cp-session-dialog.h"
#include "cp-stakeholder.h"
#include "cp-ui-util.h"

struct _CpSessionDialog
{
  AdwMessageDialog  parent_instance;

  CpEngagement     *engagement;
  CpSession        *session;
  GtkWidget        *origin;      /* weak */
  GArray           *phase_ids;

  CpDateRow        *date_row;
  AdwEntryRow      *time_row;
  GtkSpinButton    *duration_spin;
  AdwComboRow      *kind_row;
  GtkStringList    *kind_names;
  AdwComboRow      *area_row;
  GtkStringList    *area_names;
  AdwEntryRow      *topic_row;
  AdwComboRow      *phase_row;
  AdwExpanderRow   *attendees_row;
  GPtrArray        *attendee_checks;
};

G_DEFINE_FINAL_TYPE (CpSessionDialog, cp_session_dialog, ADW_TYPE_MESSAGE_DIALOG)

/**
 * cp_session_dialog_dup_label:
 *
 * Returns: (transfer full): the session as a list shows it: when, and
 *   its kind
 */
char *
cp_session_dialog_dup_label (CpSession *session)
{
  const char *starts_at = cp_session_get_starts_at (session);
  g_autofree char *date = cp_ui_format_date (starts_at);

  /* Translators: a session's date, time of day and kind. */
  return g_strdup_printf (_("%s, %s · %s"), date ? date : "", starts_at ? starts_at + 11 : "",
                          cp_session_kind_get_name (cp_session_get_kind (session)));
}

/* Under each person: their role, and where they stood on the day. */
static void
update_attendee_stances (CpSessionDialog *self,
                         const char      *date)
{
  for (guint i = 0; i < self->attendee_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->attendee_checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);
      CpStakeholder *person = g_object_get_data (G_OBJECT (check), "stakeholder");
      GArray *stances = g_object_get_data (G_OBJECT (check), "stances");
      CpStance then = stances != NULL && date != NULL ? cp_stakeholder_get_stance_on (stances, date)
                                                      : CP_STANCE_UNSET;
      const char *role = cp_stakeholder_get_role (person);
      g_autofree char *subtitle = NULL;

      if (then == CP_STANCE_UNSET)
        subtitle = g_strdup (role);
      else if (*role == '\0')
        /* Translators: where an attendee stood on the session's day, as "Sceptic on the day". */
        subtitle = g_strdup_printf (_("%s on the day"), cp_stance_get_name (then));
      else
        /* Translators: an attendee's role, then where they stood on the session's day. */
        subtitle = g_strdup_printf (_("%s · %s on the day"), role, cp_stance_get_name (then));
      if (row != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
}

static void
update_when (CpSessionDialog *self)
{
  const char *date = cp_date_row_get_date (self->date_row);
  const char *time = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  g_autofree char *starts_at = NULL;

  if (date == NULL)
    return;

  starts_at = g_strdup_printf ("%sT%s", date, time);
  update_attendee_stances (self, date);

  /* A time half typed is not an error yet; it is simply not applied, and
   * a session being planned cannot be added with it.
   */
  if (self->session != NULL ? cp_session_set_starts_at (self->session, starts_at)
                            : cp_datetime_is_valid (starts_at))
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->time_row), "error");
  if (self->session == NULL)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add",
                                             cp_datetime_is_valid (starts_at));
}

static void
duration_changed_cb (CpSessionDialog *self)
{
  if (self->session != NULL)
    cp_session_set_duration (self->session, gtk_spin_button_get_value_as_int (self->duration_spin));
}

static void
kind_changed_cb (CpSessionDialog *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (self->session != NULL && kind != GTK_INVALID_LIST_POSITION)
    cp_session_set_kind (self->session, kind);
}

static void
area_changed_cb (CpSessionDialog *self)
{
  guint area = adw_combo_row_get_selected (self->area_row);

  if (self->session != NULL && area != GTK_INVALID_LIST_POSITION)
    cp_session_set_area (self->session, area);
}

static void
topic_changed_cb (CpSessionDialog *self)
{
  if (self->session != NULL)
    cp_session_set_topic (self->session, gtk_editable_get_text (GTK_EDITABLE (self->topic_row)));
}

static void
phase_changed_cb (CpSessionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->phase_row);

  if (self->session != NULL && selected < self->phase_ids->len)
    cp_session_set_phase_id (self->session, g_array_index (self->phase_ids, gint64, selected));
}

static void
attendee_toggled_cb (GtkCheckButton  *check,
                     CpSessionDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "stakeholder-id"));
  g_autoptr(GError) error = NULL;

  if (self->session != NULL &&
      !cp_session_set_attendee (self->session, id, gtk_check_button_get_active (check), &error) &&
      self->origin != NULL)
    cp_ui_toast_error (self->origin, error);
}

static void
cp_session_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  CpSessionDialog *self = CP_SESSION_DIALOG (dialog);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") == 0 &&
      !cp_engagement_remove_session (self->engagement, self->session, &error) &&
      self->origin != NULL)
    cp_ui_toast_error (self->origin, error);

  if (g_strcmp0 (response, "add") == 0)
    {
      g_autoptr(CpSession) added = NULL;
      g_autoptr(GArray) attendees = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *starts_at = g_strdup_printf ("%sT%s", cp_date_row_get_date (self->date_row),
                                                    gtk_editable_get_text (GTK_EDITABLE (self->time_row)));
      guint phase = adw_combo_row_get_selected (self->phase_row);
      CpSessionPlan plan = {
        .starts_at = starts_at,
        .kind = adw_combo_row_get_selected (self->kind_row),
        .area = adw_combo_row_get_selected (self->area_row),
        .duration = gtk_spin_button_get_value_as_int (self->duration_spin),
        .topic = gtk_editable_get_text (GTK_EDITABLE (self->topic_row)),
        .phase_id = phase < self->phase_ids->len ? g_array_index (self->phase_ids, gint64, phase) : 0,
        .attendees = attendees,
      };

      for (guint i = 0; i < self->attendee_checks->len; i++)
        {
          GtkCheckButton *check = g_ptr_array_index (self->attendee_checks, i);
          gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "stakeholder-id"));

          if (gtk_check_button_get_active (check))
            g_array_append_val (attendees, id);
        }

      added = cp_engagement_plan_session (self->engagement, &plan, &error);
      if (added == NULL && self->origin != NULL)
        cp_ui_toast_error (self->origin, error);
    }
}

static void
cp_session_dialog_dispose (GObject *object)
{
  CpSessionDialog *self = (CpSessionDialog *)object;

  g_clear_object (&self->engagement);
  g_clear_object (&self->session);
  g_clear_weak_pointer (&self->origin);
  g_clear_pointer (&self->phase_ids, g_array_unref);
  g_clear_pointer (&self->attendee_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (cp_session_dialog_parent_class)->dispose (object);
}

static void
cp_session_dialog_class_init (CpSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_session_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = cp_session_dialog_response;

  g_type_ensure (CP_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/cp-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpSessionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CpSessionDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, CpSessionDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, CpSessionDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CpSessionDialog, kind_names);
  gtk_widget_class_bind_template_child (widget_class, CpSessionDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, CpSessionDialog, area_names);
  gtk_widget_class_bind_template_child (widget_class, CpSessionDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, CpSessionDialog, phase_row);
  gtk_widget_class_bind_template_child (widget_class, CpSessionDialog, attendees_row);
}

static void
cp_session_dialog_init (CpSessionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->phase_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->attendee_checks = g_ptr_array_new ();

  for (CpSessionKind kind = CP_SESSION_KIND_ONE_ON_ONE; kind <= CP_SESSION_KIND_REMOTE; kind++)
    gtk_string_list_append (self->kind_names, cp_session_kind_get_name (kind));
  for (CpCoachingArea area = CP_COACHING_AREA_UNSET; area <= CP_COACHING_AREA_REVIEW; area++)
    gtk_string_list_append (self->area_names, cp_coaching_area_get_name (area));
}

/* Shows @plan: the session's own values, or a new one's defaults. */
static void
fill (CpSessionDialog     *self,
      const CpSessionPlan *plan)
{
  const char *starts_at = plan->starts_at;
  g_autofree char *date = g_strndup (starts_at, 10);
  g_autoptr(GtkStringList) phase_names = gtk_string_list_new (NULL);
  GArray *attendees = plan->attendees;
  GListModel *stakeholders = cp_engagement_get_stakeholders (self->engagement, NULL);
  CpCycle *cycle = cp_engagement_get_current_cycle (self->engagement);
  guint selected_phase = 0;
  gint64 none = 0;

  cp_date_row_set_date (self->date_row, date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), starts_at + 11);
  gtk_spin_button_set_value (self->duration_spin, plan->duration);
  adw_combo_row_set_selected (self->kind_row, plan->kind);
  adw_combo_row_set_selected (self->area_row, plan->area);
  gtk_editable_set_text (GTK_EDITABLE (self->topic_row), plan->topic ? plan->topic : "");

  gtk_string_list_append (phase_names, _("No phase"));
  g_array_append_val (self->phase_ids, none);
  if (cycle != NULL)
    {
      GListModel *phases = cp_cycle_get_phases (cycle, NULL);

      for (guint i = 0; phases && i < g_list_model_get_n_items (phases); i++)
        {
          g_autoptr(CpPhase) phase = g_list_model_get_item (phases, i);
          gint64 id = cp_phase_get_id (phase);

          gtk_string_list_append (phase_names, cp_phase_get_name (phase));
          g_array_append_val (self->phase_ids, id);
          if (id == plan->phase_id)
            selected_phase = i + 1;
        }
    }
  adw_combo_row_set_model (self->phase_row, G_LIST_MODEL (phase_names));
  adw_combo_row_set_selected (self->phase_row, selected_phase);

  for (guint i = 0; stakeholders && i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(CpStakeholder) person = g_list_model_get_item (stakeholders, i);
      gint64 id = cp_stakeholder_get_id (person);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean attends = FALSE;
      GArray *stances;

      for (guint a = 0; attendees && a < attendees->len; a++)
        attends |= g_array_index (attendees, gint64, a) == id;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cp_stakeholder_get_name (person));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cp_stakeholder_get_name (person), -1);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), attends);
      g_object_set_data (G_OBJECT (check), "stakeholder-id", GSIZE_TO_POINTER ((gsize) id));
      g_object_set_data_full (G_OBJECT (check), "stakeholder", g_object_ref (person), g_object_unref);
      stances = cp_stakeholder_dup_stances (person, NULL);
      if (stances != NULL)
        g_object_set_data_full (G_OBJECT (check), "stances", stances, (GDestroyNotify) g_array_unref);
      g_signal_connect (check, "toggled", G_CALLBACK (attendee_toggled_cb), self);
      g_ptr_array_add (self->attendee_checks, check);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->attendees_row, row);
    }
  update_attendee_stances (self, date);

  g_signal_connect_swapped (self->date_row, "notify::date", G_CALLBACK (update_when), self);
  g_signal_connect_swapped (self->time_row, "changed", G_CALLBACK (update_when), self);
  g_signal_connect_swapped (self->duration_spin, "value-changed",
                            G_CALLBACK (duration_changed_cb), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  g_signal_connect_swapped (self->area_row, "notify::selected", G_CALLBACK (area_changed_cb), self);
  g_signal_connect_swapped (self->topic_row, "changed", G_CALLBACK (topic_changed_cb), self);
  g_signal_connect_swapped (self->phase_row, "notify::selected", G_CALLBACK (phase_changed_cb), self);
}

static CpSessionDialog *
dialog_new (GtkWidget           *parent,
            CpEngagement        *engagement,
            CpSession           *session,
            const CpSessionPlan *plan)
{
  CpSessionDialog *self = g_object_new (CP_TYPE_SESSION_DIALOG,
                                        "transient-for", gtk_widget_get_root (parent),
                                        NULL);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  self->engagement = g_object_ref (engagement);
  g_set_object (&self->session, session);
  g_set_weak_pointer (&self->origin, parent);

  if (session != NULL)
    {
      adw_message_dialog_add_responses (dialog, "delete", _("_Delete Session"), "done", _("_Done"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "done", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "done");
      adw_message_dialog_set_close_response (dialog, "done");
    }
  else
    {
      adw_message_dialog_set_heading (dialog, _("New Coaching Session"));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add Session"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "add");
      adw_message_dialog_set_close_response (dialog, "cancel");
    }
  fill (self, plan);

  return self;
}

/**
 * cp_session_dialog_new:
 *
 * Shows @session, whose changes apply as they are made.
 */
CpSessionDialog *
cp_session_dialog_new (GtkWidget    *parent,
                       CpEngagement *engagement,
                       CpSession    *session)
{
  g_autoptr(GArray) attendees = NULL;
  CpSessionPlan plan = { 0 };

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);
  g_return_val_if_fail (CP_IS_SESSION (session), NULL);

  attendees = cp_session_dup_attendees (session, NULL);
  plan.starts_at = cp_session_get_starts_at (session);
  plan.kind = cp_session_get_kind (session);
  plan.duration = cp_session_get_duration (session);
  plan.topic = cp_session_get_topic (session);
  plan.phase_id = cp_session_get_phase_id (session);
  plan.area = cp_session_get_area (session);
  plan.attendees = attendees;

  return dialog_new (parent, engagement, session, &plan);
}

/**
 * cp_session_dialog_new_planned:
 * @starts_at: when the session most likely starts, YYYY-MM-DDTHH:MM
 *
 * Plans a new session of @engagement, an hour's one-on-one: it is added
 * by "Add Session", and Cancel leaves nothing.
 */
CpSessionDialog *
cp_session_dialog_new_planned (GtkWidget    *parent,
                               CpEngagement *engagement,
                               const char   *starts_at)
{
  CpSessionPlan plan = { .starts_at = starts_at, .kind = CP_SESSION_KIND_ONE_ON_ONE, .duration = 60 };

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);
  g_return_val_if_fail (cp_datetime_is_valid (starts_at), NULL);

  return dialog_new (parent, engagement, NULL, &plan);
}
