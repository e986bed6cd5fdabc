/* cp-sample.c — the sample engagement shipped in data/
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-sample"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "cp-store.h"
#include "cp-action.h"
#include "cp-checklist-item.h"
#include "cp-contract.h"
#include "cp-cycle.h"
#include "cp-exit-item.h"
#include "cp-goal.h"
#include "cp-audit-item.h"
#include "cp-maturity.h"
#include "cp-mentoring.h"
#include "cp-workstream.h"
#include "cp-engagement.h"
#include "cp-note.h"
#include "cp-opportunity.h"
#include "cp-phase.h"
#include "cp-session.h"
#include "cp-sign-off.h"
#include "cp-stakeholder-private.h"
#include "cp-template.h"
#include "cp-store-model.h"

#define SAMPLE_RESOURCE RESOURCE_PATH "/sample/engagement.ini"

static gboolean
invalid (GError **error)
{
  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                       _("The sample engagement has an invalid field"));
  return FALSE;
}

/* Where a stakeholder stands, how far they sway it, their role around
 * the service management office and what matters to them; and where
 * they stood before, "History=DAY:stance;…".
 */
static gboolean
fill_relationship (CpStakeholder  *stakeholder,
                   GKeyFile       *keyfile,
                   const char     *group,
                   GError        **error)
{
  g_autofree char *stance = g_key_file_get_string (keyfile, group, "Stance", NULL);
  g_autofree char *influence = g_key_file_get_string (keyfile, group, "Influence", NULL);
  g_autofree char *smo_role = g_key_file_get_string (keyfile, group, "SmoRole", NULL);
  g_autofree char *note = g_key_file_get_string (keyfile, group, "Note", NULL);
  g_auto(GStrv) history = g_key_file_get_string_list (keyfile, group, "History", NULL, NULL);
  CpStance s = CP_STANCE_UNSET;
  CpInfluence i = CP_INFLUENCE_UNSET;
  CpSmoRole r = CP_SMO_ROLE_NONE;

  if ((stance != NULL && !cp_stance_from_string (stance, &s)) ||
      (influence != NULL && !cp_influence_from_string (influence, &i)) ||
      (smo_role != NULL && !cp_smo_role_from_string (smo_role, &r)))
    return invalid (error);

  for (guint n = 0; history != NULL && history[n] != NULL; n++)
    {
      g_auto(GStrv) parts = g_strsplit (history[n], ":", 2);
      CpStance then;

      if (g_strv_length (parts) != 2 || !cp_stance_from_string (parts[1], &then) ||
          !_cp_stakeholder_add_past_stance (stakeholder, parts[0], then, error))
        return error == NULL || *error == NULL ? invalid (error) : FALSE;
    }

  /* Today's stance, the last of the story's, adds no change of its own. */
  cp_stakeholder_set_stance (stakeholder, s);
  cp_stakeholder_set_influence (stakeholder, i);
  cp_stakeholder_set_smo_role (stakeholder, r);
  if (note != NULL)
    cp_stakeholder_set_note (stakeholder, note);

  return TRUE;
}

static gboolean
fill (CpEngagement  *engagement,
      GKeyFile      *keyfile,
      GError       **error)
{
  g_autofree char *approach = g_key_file_get_string (keyfile, "Engagement", "Approach", NULL);
  g_autofree char *driver = g_key_file_get_string (keyfile, "Engagement", "Driver", NULL);
  g_autofree char *status = g_key_file_get_string (keyfile, "Engagement", "Status", NULL);
  g_autofree char *start = g_key_file_get_string (keyfile, "Engagement", "StartDate", NULL);
  g_autofree char *end = g_key_file_get_string (keyfile, "Engagement", "EndDate", NULL);
  g_autofree char *reason = NULL;
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);
  static const char * const texts[] = { "Client", "client", "Sponsor", "sponsor",
                                        "Coach", "coach", "Scope", "scope" };
  CpApproach a;
  CpDriver d;
  CpStatus s;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i += 2)
    {
      g_autofree char *value = g_key_file_get_string (keyfile, "Engagement", texts[i], NULL);
      g_object_set (engagement, texts[i + 1], value, NULL);
    }

  if (!cp_approach_from_string (approach, &a) || !cp_driver_from_string (driver, &d) ||
      !cp_status_from_string (status, &s) ||
      !cp_engagement_set_start_date (engagement, start) ||
      !cp_engagement_set_end_date (engagement, end))
    return invalid (error);

  reason = g_key_file_get_string (keyfile, "Engagement", "ApproachReason", NULL);
  if (!cp_engagement_change_approach (engagement, a, reason, FALSE, error))
    return FALSE;
  cp_engagement_set_driver (engagement, d);
  cp_engagement_set_status (engagement, s);

  for (guint i = 0; groups[i]; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *role = NULL;
      g_autofree char *contact = NULL;
      g_autoptr(CpStakeholder) stakeholder = NULL;

      if (!g_str_has_prefix (groups[i], "Stakeholder "))
        continue;

      name = g_key_file_get_string (keyfile, groups[i], "Name", NULL);
      role = g_key_file_get_string (keyfile, groups[i], "Role", NULL);
      contact = g_key_file_get_string (keyfile, groups[i], "Contact", NULL);

      stakeholder = cp_engagement_add_stakeholder (engagement, name, role, contact, error);
      if (stakeholder == NULL || !fill_relationship (stakeholder, keyfile, groups[i], error))
        return FALSE;
    }

  /* [Mentoring N]: Mentor, Mentee, Profile, Format, Practice. */
  for (guint i = 0; groups[i]; i++)
    {
      g_autofree char *mentor = NULL;
      g_autofree char *mentee = NULL;
      g_autofree char *profile = NULL;
      g_autofree char *format = NULL;
      g_autofree char *practice = NULL;
      g_autoptr(CpMentoring) mentoring = NULL;
      CpMentorProfile p;
      CpMentoringFormat f;

      if (!g_str_has_prefix (groups[i], "Mentoring "))
        continue;

      mentor = g_key_file_get_string (keyfile, groups[i], "Mentor", NULL);
      mentee = g_key_file_get_string (keyfile, groups[i], "Mentee", NULL);
      profile = g_key_file_get_string (keyfile, groups[i], "Profile", NULL);
      format = g_key_file_get_string (keyfile, groups[i], "Format", NULL);
      practice = g_key_file_get_string (keyfile, groups[i], "Practice", NULL);
      if (!cp_mentor_profile_from_string (profile, &p) || !cp_mentoring_format_from_string (format, &f))
        return invalid (error);
      if (!(mentoring = cp_engagement_add_mentoring (engagement, mentor, error)))
        return FALSE;
      cp_mentoring_set_mentee (mentoring, mentee);
      cp_mentoring_set_profile (mentoring, p);
      cp_mentoring_set_format (mentoring, f);
      cp_mentoring_set_practice (mentoring, practice);
    }

  return TRUE;
}

/* Starts the sample's cycle and brings it to where the file says. */
static gboolean
fill_cycle (CpEngagement  *engagement,
            GKeyFile      *keyfile,
            GError       **error)
{
  g_autofree char *template_id = g_key_file_get_string (keyfile, "Cycle", "Template", NULL);
  g_autofree char *who = g_key_file_get_string (keyfile, "Cycle", "TickedBy", NULL);
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);
  CpTemplate *template = cp_template_lookup (template_id);
  g_autoptr(CpCycle) cycle = NULL;
  GListModel *phases;

  if (template_id == NULL)
    return TRUE;

  if (template == NULL)
    return invalid (error);

  if (!(cycle = cp_engagement_start_cycle (engagement, template, error)) ||
      !(phases = cp_cycle_get_phases (cycle, error)))
    return FALSE;

  for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
    {
      g_autoptr(CpPhase) phase = g_list_model_get_item (phases, p);
      g_autofree char *status_key = g_strdup_printf ("Phase%uStatus", p + 1);
      g_autofree char *ticked_key = g_strdup_printf ("Phase%uTicked", p + 1);
      g_autofree char *status_name = g_key_file_get_string (keyfile, "Cycle", status_key, NULL);
      g_autofree int *ticked = NULL;
      GListModel *items = cp_phase_get_items (phase, error);
      gsize n_ticked = 0;
      CpPhaseStatus status;

      if (items == NULL)
        return FALSE;

      ticked = g_key_file_get_integer_list (keyfile, "Cycle", ticked_key, &n_ticked, NULL);
      for (gsize t = 0; t < n_ticked; t++)
        {
          g_autoptr(CpChecklistItem) item = NULL;

          if (ticked[t] < 1 || (guint) ticked[t] > g_list_model_get_n_items (items))
            return invalid (error);

          item = g_list_model_get_item (items, ticked[t] - 1);
          if (!cp_checklist_item_set_done (item, TRUE, who, error))
            return FALSE;
        }

      if (status_name != NULL)
        {
          if (!cp_phase_status_from_string (status_name, &status))
            return invalid (error);
          if (!cp_phase_set_status (phase, status, error))
            return FALSE;
        }
    }

  for (guint i = 0; groups[i]; i++)
    {
      g_autofree char *reviewer = NULL;
      g_autofree char *date = NULL;
      g_autofree char *decision_name = NULL;
      g_autofree char *comments = NULL;
      g_autoptr(CpPhase) phase = NULL;
      g_autoptr(CpSignOff) sign_off = NULL;
      CpDecision decision;
      int number;

      if (!g_str_has_prefix (groups[i], "Sign-off "))
        continue;

      number = g_key_file_get_integer (keyfile, groups[i], "Phase", NULL);
      decision_name = g_key_file_get_string (keyfile, groups[i], "Decision", NULL);
      if (number < 1 || (guint) number > g_list_model_get_n_items (phases) ||
          !cp_decision_from_string (decision_name, &decision))
        return invalid (error);

      phase = g_list_model_get_item (phases, number - 1);
      reviewer = g_key_file_get_string (keyfile, groups[i], "Reviewer", NULL);
      date = g_key_file_get_string (keyfile, groups[i], "Date", NULL);
      comments = g_key_file_get_string (keyfile, groups[i], "Comments", NULL);

      if (!(sign_off = cp_phase_sign_off (phase, reviewer, date, decision, comments, error)))
        return FALSE;
    }

  return TRUE;
}

/* Adds the sample's sessions and notes, after its cycle. */
static gboolean
fill_sessions_and_notes (CpEngagement  *engagement,
                         GKeyFile      *keyfile,
                         GError       **error)
{
  GListModel *people = cp_engagement_get_stakeholders (engagement, error);
  CpCycle *cycle = cp_engagement_get_current_cycle (engagement);
  GListModel *phases = cycle ? cp_cycle_get_phases (cycle, NULL) : NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);

  if (people == NULL)
    return FALSE;

  for (guint i = 1; ; i++)
    {
      g_autofree char *group = g_strdup_printf ("Session %u", i);
      g_autofree char *starts_at = NULL;
      g_autofree char *kind_name = NULL;
      g_autofree char *topic = NULL;
      g_auto(GStrv) attendees = NULL;
      CpSession *session;
      CpSessionKind kind;
      int phase;

      if (!g_key_file_has_group (keyfile, group))
        break;

      starts_at = g_key_file_get_string (keyfile, group, "StartsAt", NULL);
      kind_name = g_key_file_get_string (keyfile, group, "Kind", NULL);
      if (!cp_session_kind_from_string (kind_name, &kind))
        return invalid (error);
      if (!(session = cp_engagement_add_session (engagement, starts_at, kind, error)))
        return FALSE;
      g_ptr_array_add (sessions, session);

      cp_session_set_duration (session, MAX (g_key_file_get_integer (keyfile, group, "Duration", NULL), 15));
      topic = g_key_file_get_string (keyfile, group, "Topic", NULL);
      cp_session_set_topic (session, topic);
      {
        g_autofree char *area_name = g_key_file_get_string (keyfile, group, "Area", NULL);
        CpCoachingArea area = CP_COACHING_AREA_UNSET;

        if (area_name != NULL && !cp_coaching_area_from_string (area_name, &area))
          return invalid (error);
        cp_session_set_area (session, area);
      }

      phase = g_key_file_get_integer (keyfile, group, "Phase", NULL);
      if (phases != NULL && phase >= 1 && (guint) phase <= g_list_model_get_n_items (phases))
        {
          g_autoptr(CpPhase) p = g_list_model_get_item (phases, phase - 1);
          cp_session_set_phase_id (session, cp_phase_get_id (p));
        }

      attendees = g_key_file_get_string_list (keyfile, group, "Attendees", NULL, NULL);
      for (guint a = 0; attendees && attendees[a]; a++)
        for (guint s = 0; s < g_list_model_get_n_items (people); s++)
          {
            g_autoptr(CpStakeholder) person = g_list_model_get_item (people, s);

            if (g_str_equal (cp_stakeholder_get_name (person), attendees[a]) &&
                !cp_session_set_attendee (session, cp_stakeholder_get_id (person), TRUE, error))
              return FALSE;
          }
    }

  for (guint i = 1; ; i++)
    {
      g_autofree char *group = g_strdup_printf ("Note %u", i);
      g_autofree char *body = NULL;
      g_autofree char *title = NULL;
      g_autofree char *visibility_name = NULL;
      g_auto(GStrv) tags = NULL;
      g_autoptr(CpNote) note = NULL;
      CpVisibility visibility;
      int session;

      if (!g_key_file_has_group (keyfile, group))
        break;

      body = g_key_file_get_string (keyfile, group, "Body", NULL);
      title = g_key_file_get_string (keyfile, group, "Title", NULL);
      if (!(note = cp_engagement_add_note (engagement, title, body, error)))
        return FALSE;

      visibility_name = g_key_file_get_string (keyfile, group, "Visibility", NULL);
      if (!cp_visibility_from_string (visibility_name, &visibility))
        return invalid (error);
      cp_note_set_visibility (note, visibility);

      tags = g_key_file_get_string_list (keyfile, group, "Tags", NULL, NULL);
      cp_note_set_tags (note, (const char * const *) tags);

      session = g_key_file_get_integer (keyfile, group, "Session", NULL);
      if (session >= 1 && (guint) session <= sessions->len)
        cp_note_set_session_id (note, cp_session_get_id (g_ptr_array_index (sessions, session - 1)));
    }

  return TRUE;
}

static gboolean
point (GKeyFile    *keyfile,
       const char  *group,
       const char  *key,
       double      *value,
       char       **date)
{
  g_auto(GStrv) parts = g_key_file_get_string_list (keyfile, group, key, NULL, NULL);

  if (parts == NULL || g_strv_length (parts) < 2)
    return FALSE;

  *value = g_ascii_strtod (parts[0], NULL);
  *date = g_strdup (parts[1]);

  return TRUE;
}

/* Adds the sample's goals, maturity scores and workstreams. */
static gboolean
fill_measures (CpEngagement  *engagement,
               GKeyFile      *keyfile,
               GError       **error)
{
  g_autofree char *handover_on = g_key_file_get_string (keyfile, "Engagement", "HandoverOn", NULL);
  g_auto(GStrv) practices = g_key_file_get_keys (keyfile, "Maturity", NULL, NULL);
  g_auto(GStrv) streams = g_key_file_get_keys (keyfile, "Workstreams", NULL, NULL);
  g_autoptr(GArray) opportunity_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 1; ; i++)
    {
      g_autofree char *group = g_strdup_printf ("Goal %u", i);
      g_autofree char *name = NULL;
      g_autofree char *unit = NULL;
      g_autofree char *baseline_date = NULL;
      g_autofree char *target_date = NULL;
      g_auto(GStrv) readings = NULL;
      g_autoptr(CpGoal) goal = NULL;
      double baseline, target;

      if (!g_key_file_has_group (keyfile, group))
        break;

      name = g_key_file_get_string (keyfile, group, "Name", NULL);
      unit = g_key_file_get_string (keyfile, group, "Unit", NULL);
      if (!(goal = cp_engagement_add_goal (engagement, name, error)))
        return FALSE;
      cp_goal_set_unit (goal, unit);

      if (!point (keyfile, group, "Baseline", &baseline, &baseline_date) ||
          !point (keyfile, group, "Target", &target, &target_date) ||
          !cp_goal_set_baseline (goal, baseline, baseline_date) ||
          !cp_goal_set_target (goal, target, target_date))
        return invalid (error);

      readings = g_key_file_get_string_list (keyfile, group, "Readings", NULL, NULL);
      for (guint r = 0; readings && readings[r]; r++)
        {
          g_auto(GStrv) pair = g_strsplit (readings[r], "=", 2);

          if (g_strv_length (pair) != 2)
            return invalid (error);
          if (!cp_goal_add_reading (goal, pair[0], g_ascii_strtod (pair[1], NULL), error))
            return FALSE;
        }
    }

  /* The usual exit criteria, some already met. */
  {
    g_autofree int *met = NULL;
    gsize n_met = 0;
    GListModel *items;

    if (!cp_engagement_add_standard_exit_items (engagement, error) ||
        !(items = cp_engagement_get_exit_items (engagement, error)))
      return FALSE;
    met = g_key_file_get_integer_list (keyfile, "Exit", "Met", &n_met, NULL);
    for (gsize i = 0; i < n_met; i++)
      {
        g_autoptr(CpExitItem) item = g_list_model_get_item (items, met[i] - 1);

        if (item == NULL)
          return invalid (error);
        cp_exit_item_set_done (item, TRUE);
      }
  }

  /* The contract as agreed at the start, signed by all three. */
  {
    g_autoptr(CpContract) contract = cp_engagement_get_draft_contract (engagement, error);
    g_autofree char *lead = g_key_file_get_string (keyfile, "Contract", "ClientLead", NULL);

    if (contract == NULL)
      return FALSE;
    cp_contract_set_text (contract, CP_CONTRACT_CLIENT_LEAD, lead);
    if (!cp_contract_sign (contract, error))
      return FALSE;
  }

  for (guint i = 0; practices && practices[i]; i++)
    {
      g_auto(GStrv) levels = g_key_file_get_string_list (keyfile, "Maturity", practices[i], NULL, NULL);
      g_autoptr(CpMaturity) m = cp_engagement_add_practice (engagement, practices[i], error);

      if (m == NULL)
        return FALSE;
      if (levels && levels[0] && *levels[0])
        cp_maturity_set_baseline (m, atoi (levels[0]), NULL);
      if (levels && levels[0] && levels[1] && *levels[1])
        cp_maturity_set_review (m, atoi (levels[1]), NULL);
    }

  for (guint i = 1; ; i++)
    {
      g_autofree char *group = g_strdup_printf ("Opportunity %u", i);
      static const struct { const char *key; CpOpportunityText field; } texts[] = {
        { "Justification", CP_OPPORTUNITY_JUSTIFICATION },
        { "KPI", CP_OPPORTUNITY_KPI },
        { "Timescale", CP_OPPORTUNITY_TIMESCALE },
        { "RaisedBy", CP_OPPORTUNITY_RAISED_BY },
        { "ActionedBy", CP_OPPORTUNITY_ACTIONED_BY },
      };
      g_autofree char *description = NULL;
      g_autofree char *raised = NULL;
      g_autofree char *required = NULL;
      g_autofree char *size = NULL;
      g_autofree char *priority = NULL;
      g_autofree char *status = NULL;
      g_autoptr(CpOpportunity) o = NULL;
      CpSize size_value;
      CpPriority priority_value;
      CpOpportunityStatus status_value;
      gint64 id;

      if (!g_key_file_has_group (keyfile, group))
        break;

      description = g_key_file_get_string (keyfile, group, "Description", NULL);
      raised = g_key_file_get_string (keyfile, group, "Raised", NULL);
      required = g_key_file_get_string (keyfile, group, "RequiredBy", NULL);
      size = g_key_file_get_string (keyfile, group, "Size", NULL);
      priority = g_key_file_get_string (keyfile, group, "Priority", NULL);
      status = g_key_file_get_string (keyfile, group, "Status", NULL);
      if (!cp_size_from_string (size, &size_value) ||
          !cp_priority_from_string (priority, &priority_value) ||
          !cp_opportunity_status_from_string (status, &status_value))
        return invalid (error);

      if (!(o = cp_engagement_add_opportunity (engagement, description, error)))
        return FALSE;
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autofree char *value = g_key_file_get_string (keyfile, group, texts[t].key, NULL);
          cp_opportunity_set_text (o, texts[t].field, value);
        }
      if (!cp_opportunity_set_raised_on (o, raised) ||
          !cp_opportunity_set_required_by (o, required))
        return invalid (error);
      cp_opportunity_set_size (o, size_value);
      cp_opportunity_set_priority (o, priority_value);
      cp_opportunity_set_status (o, status_value);
      id = cp_opportunity_get_id (o);
      g_array_append_val (opportunity_ids, id);
    }

  for (guint i = 1; ; i++)
    {
      g_autofree char *group = g_strdup_printf ("Action %u", i);
      g_autofree char *text = NULL;
      g_autofree char *owner = NULL;
      g_autofree char *due = NULL;
      g_autoptr(CpAction) action = NULL;
      int opportunity;

      if (!g_key_file_has_group (keyfile, group))
        break;

      text = g_key_file_get_string (keyfile, group, "Text", NULL);
      owner = g_key_file_get_string (keyfile, group, "Owner", NULL);
      due = g_key_file_get_string (keyfile, group, "Due", NULL);
      if (!(action = cp_engagement_add_action (engagement, text, error)))
        return FALSE;
      cp_action_set_owner (action, owner);
      if (!cp_action_set_due_on (action, due))
        return invalid (error);
      opportunity = g_key_file_get_integer (keyfile, group, "Opportunity", NULL);
      if (opportunity > opportunity_ids->len)
        return invalid (error);
      if (opportunity > 0)
        cp_action_set_opportunity_id (action, g_array_index (opportunity_ids, gint64, opportunity - 1));
      if (g_key_file_get_boolean (keyfile, group, "Done", NULL) &&
          !cp_action_set_done (action, TRUE, error))
        return FALSE;
    }

  {
    g_auto(GStrv) audited = g_key_file_get_keys (keyfile, "Audit", NULL, NULL);

    for (guint i = 0; audited && audited[i]; i++)
      {
        g_autofree int *met = NULL;
        gsize n_met = 0;
        GListModel *items;

        met = g_key_file_get_integer_list (keyfile, "Audit", audited[i], &n_met, NULL);
        if (!cp_engagement_audit_practice (engagement, audited[i], error))
          return FALSE;
        items = cp_engagement_get_audit_items (engagement, NULL);
        for (guint j = 0; j < g_list_model_get_n_items (items); j++)
          {
            g_autoptr(CpAuditItem) item = g_list_model_get_item (items, j);

            for (gsize k = 0; k < n_met; k++)
              if (g_str_equal (cp_audit_item_get_practice (item), audited[i]) &&
                  cp_audit_item_get_level (item) == met[k])
                cp_audit_item_set_met (item, TRUE);
          }
      }
  }

  for (CpCharacteristic c = 0; c < CP_N_CHARACTERISTICS; c++)
    {
      g_auto(GStrv) fields = g_key_file_get_string_list (keyfile, "Readiness", cp_characteristic_to_string (c),
                                                         NULL, NULL);
      CpReadiness r = { -1, NULL, -1, NULL };

      if (fields == NULL)
        continue;
      if (g_strv_length (fields) < 2)
        return invalid (error);
      r.baseline_level = *fields[0] ? atoi (fields[0]) : -1;
      r.baseline_evidence = fields[1];
      r.review_level = fields[2] && *fields[2] ? atoi (fields[2]) : -1;
      r.review_evidence = fields[2] ? fields[3] : NULL;
      if (!cp_engagement_set_readiness (engagement, c, &r, error))
        return FALSE;
    }

  for (guint i = 0; streams && streams[i]; i++)
    {
      g_auto(GStrv) fields = g_key_file_get_string_list (keyfile, "Workstreams", streams[i], NULL, NULL);
      g_autoptr(CpWorkstream) w = cp_engagement_add_workstream (engagement, streams[i], error);
      CpStage stage;

      if (w == NULL)
        return FALSE;
      if (fields == NULL || !fields[0] || !cp_stage_from_string (fields[0], &stage))
        return invalid (error);
      if (fields[1])
        cp_workstream_set_owner (w, fields[1]);
      if (!cp_workstream_set_stage (w, stage, handover_on, error))
        return FALSE;

      /* [Role NAME]: the role staff must hold, who does, the path to it. */
      {
        g_autofree char *group = g_strconcat ("Role ", streams[i], NULL);
        g_autofree char *role = g_key_file_get_string (keyfile, group, "Role", NULL);
        g_autofree char *holder = g_key_file_get_string (keyfile, group, "Holder", NULL);
        g_autofree char *path = g_key_file_get_string (keyfile, group, "Certification", NULL);

        if (role != NULL)
          cp_workstream_set_role (w, role);
        if (holder != NULL)
          cp_workstream_set_holder (w, holder);
        if (path != NULL)
          cp_workstream_set_certification (w, path);
      }
    }

  return TRUE;
}

/* The day the sample's story is told from: its dates move with the day
 * it is added, so that its past is always past.
 */
#define SAMPLE_TODAY "2026-11-23"

static gboolean
shift_date_cb (const GMatchInfo *match,
               GString          *out,
               gpointer          data)
{
  gint64 days = *(gint64 *) data;
  g_autofree char *y = g_match_info_fetch (match, 1);
  g_autofree char *m = g_match_info_fetch (match, 2);
  g_autofree char *d = g_match_info_fetch (match, 3);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, atoi (d), atoi (m), atoi (y));
  if (!g_date_valid (&date))
    {
      g_autofree char *all = g_match_info_fetch (match, 0);

      g_string_append (out, all);
      return FALSE;
    }
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  g_string_append_printf (out, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));

  return FALSE;
}

/* The sample's text with every date moved by the days from its own
 * today to @today.
 */
static char *
shift_dates (const char *text,
             gsize       length,
             const char *today)
{
  g_autoptr(GRegex) iso = g_regex_new ("(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])", 0, 0, NULL);
  GDate from, to;
  gint64 days;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_parse (&from, SAMPLE_TODAY);
  g_date_set_parse (&to, today);
  if (!g_date_valid (&from) || !g_date_valid (&to))
    return g_strndup (text, length);
  days = g_date_days_between (&from, &to);

  return g_regex_replace_eval (iso, text, length, 0, 0, shift_date_cb, &days, NULL);
}

/* Dates what the models date "now" as the story has it. */
static gboolean
date_story (CpEngagement  *engagement,
            GKeyFile      *keyfile,
            GError       **error)
{
  g_autofree char *start = g_key_file_get_string (keyfile, "Engagement", "StartDate", NULL);
  g_autofree char *exit_on = g_key_file_get_string (keyfile, "Exit", "MetOn", NULL);
  g_autofree char *done_on = g_key_file_get_string (keyfile, "Engagement", "ActionsDoneOn", NULL);
  g_autoptr(GPtrArray) ticked = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 1; p <= 7; p++)
    {
      g_autofree char *key = g_strdup_printf ("Phase%uTickedAt", p);

      g_ptr_array_add (ticked, g_key_file_get_string (keyfile, "Cycle", key, NULL));
    }

  return _cp_store_date_sample (cp_engagement_get_store (engagement), cp_engagement_get_id (engagement),
                                start, (const char **) ticked->pdata, ticked->len, exit_on, done_on,
                                error);
}

/**
 * cp_store_load_sample:
 *
 * Adds the sample engagement, all of it or nothing.
 *
 * Returns: (transfer full) (nullable): the new engagement
 */
CpEngagement *
cp_store_load_sample (CpStore  *self,
                      GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return cp_store_load_sample_on (self, today, error);
}

/**
 * cp_store_load_sample_on:
 * @today: YYYY-MM-DD: the day the sample's story is told from
 *
 * Like cp_store_load_sample(), with its dates moved so that @today is
 * the day it is added; tests use the story's own day, 2026-11-23.
 *
 * Returns: (transfer full) (nullable): the new engagement
 */
CpEngagement *
cp_store_load_sample_on (CpStore     *self,
                         const char  *today,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(CpEngagement) engagement = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes != NULL)
    text = shift_dates (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), today);
  if (bytes == NULL ||
      !g_key_file_load_from_data (keyfile, text, -1, G_KEY_FILE_NONE, error) ||
      !(title = g_key_file_get_string (keyfile, "Engagement", "Title", error)))
    return NULL;

  /* Each step is a unit of work of its own, so the models always show
   * what is on disk; should one fail, the engagement goes again, all of
   * it, in one more.
   */
  engagement = cp_store_create_engagement (self, title, CP_APPROACH_UNDECIDED, error);
  if (engagement == NULL)
    return NULL;

  if (!fill (engagement, keyfile, error) || !cp_store_flush (self, error) ||
      !fill_cycle (engagement, keyfile, error) ||
      !fill_sessions_and_notes (engagement, keyfile, error) ||
      !fill_measures (engagement, keyfile, error) ||
      !cp_store_flush (self, error) ||
      !date_story (engagement, keyfile, error))
    {
      _cp_store_forget_dirty (self, engagement);
      if (!_cp_store_delete_engagement (self, cp_engagement_get_id (engagement), NULL))
        g_warning ("Could not remove the part of the sample engagement that was added");
      return NULL;
    }

  return g_steal_pointer (&engagement);
}
