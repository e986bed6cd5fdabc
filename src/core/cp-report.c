/* cp-report.c — the sponsor's progress report, as Markdown: where the
 * programme stands, computed from the engagement as it is in the
 * database. Coach-only and client notes never appear in it.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-report"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cp-action.h"
#include "cp-approach.h"
#include "cp-bars.h"
#include "cp-audit-item.h"
#include "cp-mentoring.h"
#include "cp-stakeholder.h"
#include "cp-stakeholder-map.h"
#include "cp-checklist-item.h"
#include "cp-cycle.h"
#include "cp-contract.h"
#include "cp-engagement.h"
#include "cp-exit-item.h"
#include "cp-provenance.h"
#include "cp-summary.h"
#include "cp-goal.h"
#include "cp-kpi.h"
#include "cp-maturity.h"
#include "cp-note.h"
#include "cp-opportunity.h"
#include "cp-phase.h"
#include "cp-markdown.h"
#include "cp-report.h"
#include "cp-session.h"
#include "cp-store.h"
#include "cp-sign-off.h"
#include "cp-workstream.h"

/* How many register entries the report names. */
#define TOP_OPPORTUNITIES 5

/* The characters that make Markdown of inline text. */
#define MARKDOWN_SPECIAL "\\`*_[]<>!|~&#"

/* A field's value as Markdown that reads as the text itself, on one
 * line: only note bodies are Markdown, never a title, a name or a topic.
 */
static char *
md (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        {
          if (strchr (MARKDOWN_SPECIAL, *p) != NULL)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/* Text for a table cell: one line, no column breaks, no Markdown. */
static void
append_cell (GString    *out,
             const char *text)
{
  g_autofree char *escaped = md (text);

  g_string_append (out, "| ");
  g_string_append (out, escaped);
  g_string_append_c (out, ' ');
}

static void
append_row (GString    *out,
            const char *first,
            ...)
{
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    append_cell (out, cell);
  va_end (args);
  g_string_append (out, "|\n");
}

static void
append_rule (GString *out,
             guint    n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    g_string_append (out, "| --- ");
  g_string_append (out, "|\n");
}

static char *
number (double value)
{
  return g_strdup_printf ("%g", value);
}

static void
summary (GString      *out,
         CpEngagement *e)
{
  double handover = cp_engagement_get_handover (e);
  g_autofree char *percent = g_strdup_printf ("%.0f %%", handover * 100);
  g_autofree char *title = md (cp_engagement_get_title (e));
  g_autofree char *client = md (cp_engagement_get_client (e));
  g_autofree char *sponsor = md (cp_engagement_get_sponsor (e));
  g_autofree char *coach = md (cp_engagement_get_coach (e));

  g_string_append_printf (out, "# %s\n\n", title);
  /* Translators: the report's header lines. */
  g_string_append_printf (out, _("**Client:** %s  \n"), client);
  g_string_append_printf (out, _("**Sponsor:** %s  \n"), sponsor);
  g_string_append_printf (out, _("**Coach:** %s  \n"), coach);
  g_string_append_printf (out, _("**Approach:** %s  \n"),
                          cp_approach_get_name (cp_engagement_get_approach (e)));
  g_string_append_printf (out, _("**Driver:** %s  \n"), cp_driver_get_label (cp_engagement_get_driver (e)));
  if (cp_engagement_get_start_date (e) && cp_engagement_get_end_date (e))
    g_string_append_printf (out, _("**Runs:** %s to %s  \n"),
                            cp_engagement_get_start_date (e), cp_engagement_get_end_date (e));
  g_string_append_printf (out, _("**Handover:** %s of the way to staff running it alone\n\n"), percent);
}

/* Page one: where the programme stands, and what needs the sponsor. */
static gboolean
attention (GString       *out,
           CpEngagement  *e,
           const char    *today,
           GError       **error)
{
  g_autoptr(CpSummary) summary = cp_summary_new (e, today, error);
  g_autofree char *joined = NULL;
  g_autofree char *why = NULL;

  if (summary == NULL)
    return FALSE;

  g_ptr_array_add (summary->reasons, NULL);
  joined = g_strjoinv ("; ", (char **) summary->reasons->pdata);
  g_ptr_array_remove_index (summary->reasons, summary->reasons->len - 1);
  why = md (joined);

  g_string_append_printf (out, "## %s\n\n", _("Where the programme stands"));
  /* Translators: the overall standing, in bold, then why. */
  g_string_append_printf (out, _("**%s**: %s\n\n"), cp_standing_get_label (summary->standing), why);

  /* Scripts look for this heading as it is written. */
  g_string_append (out, "## Needs your attention\n\n");
  if (summary->needs->len == 0)
    g_string_append_printf (out, "%s\n\n", _("Nothing needs your attention."));
  for (guint i = 0; i < summary->needs->len; i++)
    {
      g_autofree char *text = md (((CpNeed *) g_ptr_array_index (summary->needs, i))->text);

      g_string_append_printf (out, "- %s\n", text);
    }
  if (summary->needs->len > 0)
    g_string_append_c (out, '\n');

  return TRUE;
}

static void
approach_risks (GString      *out,
                CpEngagement *e)
{
  GListModel *cycles = cp_engagement_get_cycles (e, NULL);
  gboolean any = FALSE;

  g_string_append_printf (out, "## %s\n\n", _("Approach risks"));

  for (guint c = 0; cycles && c < g_list_model_get_n_items (cycles); c++)
    {
      g_autoptr(CpCycle) cycle = g_list_model_get_item (cycles, c);
      GListModel *phases = cp_cycle_get_phases (cycle, NULL);

      for (guint p = 0; phases && p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(CpPhase) phase = g_list_model_get_item (phases, p);
          GListModel *items = cp_phase_get_items (phase, NULL);

          for (guint i = 0; items && i < g_list_model_get_n_items (items); i++)
            {
              g_autoptr(CpChecklistItem) item = g_list_model_get_item (items, i);
              g_autofree char *risk = NULL;
              g_autofree char *text = NULL;

              if (cp_checklist_item_get_source (item) != CP_ITEM_SOURCE_APPROACH ||
                  cp_checklist_item_get_done (item))
                continue;
              risk = cp_summary_dup_risk (item, cp_cycle_get_number (cycle), cp_phase_get_name (phase));
              text = md (risk);
              g_string_append_printf (out, "- %s\n", text);
              any = TRUE;
            }
        }
    }

  g_string_append (out, any ? "\n" : _("None: every check the approach calls for is done.\n\n"));
}

/* Starts a section of @n rows; says @empty instead when there are none.
 * Returns: whether rows follow
 */
static gboolean
begin_section (GString    *out,
               const char *title,
               guint       n,
               const char *empty)
{
  g_string_append_printf (out, "## %s\n\n", title);
  if (n == 0)
    g_string_append_printf (out, "%s\n\n", empty);

  return n > 0;
}

/* Every sign-off of a cycle's phases, oldest first: those that asked for
 * changes as well as those that approved.
 */
static void
sign_off_history (GString      *out,
                  CpEngagement *e,
                  GListModel   *phases)
{
  gboolean any = FALSE;

  for (guint p = 0; phases && p < g_list_model_get_n_items (phases); p++)
    {
      g_autoptr(CpPhase) phase = g_list_model_get_item (phases, p);
      GListModel *sign_offs = cp_phase_get_sign_offs (phase, NULL);

      for (guint i = 0; sign_offs && i < g_list_model_get_n_items (sign_offs); i++)
        {
          g_autoptr(CpSignOff) sign_off = g_list_model_get_item (sign_offs, i);
          g_autofree char *phase_name = md (cp_phase_get_name (phase));
          g_autofree char *reviewer = md (cp_sign_off_get_reviewer (sign_off));
          g_autofree char *comments = md (cp_sign_off_get_comments (sign_off));

          if (!any)
            g_string_append_printf (out, "%s\n\n", _("Sign-offs, oldest first:"));
          any = TRUE;
          /* Translators: a sign-off in the report: the date, the phase,
           * the decision and who gave it.
           */
          g_string_append_printf (out, _("- %s, %s: %s by %s"), cp_sign_off_get_date (sign_off), phase_name,
                                  cp_sign_off_get_decision (sign_off) == CP_DECISION_APPROVED
                                  ? _("approved") : _("changes requested"), reviewer);
          if (*comments != '\0')
            g_string_append_printf (out, " — %s", comments);
          g_string_append_c (out, '\n');
        }
    }
  if (any)
    g_string_append_c (out, '\n');
}

static void
cycles_section (GString      *out,
                CpEngagement *e)
{
  GListModel *cycles = cp_engagement_get_cycles (e, NULL);
  guint n = cycles ? g_list_model_get_n_items (cycles) : 0;

  begin_section (out, _("Improvement cycles"), n, _("No cycle has started yet."));

  for (guint c = 0; c < n; c++)
    {
      g_autoptr(CpCycle) cycle = g_list_model_get_item (cycles, c);
      GListModel *phases = cp_cycle_get_phases (cycle, NULL);
      g_autofree char *template_name = md (cp_cycle_get_template_name (cycle));

      /* Translators: a cycle's number, its template and how far it is. */
      g_string_append_printf (out, _("### Cycle %u: %s, %.0f %% done\n\n"), cp_cycle_get_number (cycle),
                              template_name, cp_cycle_get_progress (cycle) * 100);
      append_row (out, _("Phase"), _("Status"), _("Checklist"), _("Sign-off"), NULL);
      append_rule (out, 4);

      for (guint p = 0; phases && p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(CpPhase) phase = g_list_model_get_item (phases, p);
          CpSignOff *sign_off = cp_phase_get_latest_sign_off (phase);
          /* Translators: checklist items done, of all. */
          g_autofree char *done = g_strdup_printf (_("%u of %u"), cp_phase_get_n_done (phase),
                                                   cp_phase_get_n_items (phase));
          g_autofree char *signed_text = NULL;

          if (sign_off != NULL)
            {
              g_autofree char *provenance = cp_sign_off_dup_provenance (e, sign_off);

              /* Translators: the decision, who made it and when. */
              signed_text = g_strdup_printf (_("%s by %s on %s"),
                                             cp_sign_off_get_decision (sign_off) == CP_DECISION_APPROVED
                                             ? _("Approved") : _("Changes requested"),
                                             cp_sign_off_get_reviewer (sign_off),
                                             cp_sign_off_get_date (sign_off));
              /* The sponsor's own sign-off, or one recorded for them. */
              if (provenance != NULL)
                {
                  char *with = g_strdup_printf ("%s (%s)", signed_text, provenance);

                  g_free (signed_text);
                  signed_text = with;
                }
            }
          append_row (out, cp_phase_get_name (phase),
                      cp_phase_status_get_label (cp_phase_get_status (phase)),
                      done, signed_text ? signed_text : "—", NULL);
        }
      g_string_append_c (out, '\n');
      sign_off_history (out, e, phases);
    }
}

static void
goals_section (GString      *out,
               CpEngagement *e)
{
  GListModel *goals = cp_engagement_get_goals (e, NULL);
  guint n = goals ? g_list_model_get_n_items (goals) : 0;

  if (!begin_section (out, _("Goals and KPIs"), n, _("No goals are set yet.")))
    return;

  append_row (out, _("Goal"), _("Baseline"), _("Target"), _("Latest"), _("Trend"), _("Status"), NULL);
  append_rule (out, 6);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpGoal) goal = g_list_model_get_item (goals, i);
      const CpReading *latest = cp_goal_get_latest (goal);
      const char *unit = cp_goal_get_unit (goal);
      g_autofree char *baseline = number (cp_goal_get_baseline_value (goal));
      g_autofree char *target = number (cp_goal_get_target_value (goal));
      g_autofree char *reading = latest ? number (latest->value) : NULL;
      g_autofree char *base_cell = g_strdup_printf ("%s %s", baseline, unit);
      g_autofree char *target_cell = g_strdup_printf ("%s %s, %s", target, unit,
                                                      cp_goal_get_target_date (goal)
                                                      ? cp_goal_get_target_date (goal) : "—");
      g_autofree char *latest_cell = latest ? g_strdup_printf ("%s %s, %s", reading, unit, latest->date)
                                            : g_strdup ("—");

      g_autofree char *trend = cp_goal_dup_trend (goal);

      append_row (out, cp_goal_get_name (goal), base_cell, target_cell, latest_cell, trend,
                  cp_track_get_label (cp_goal_get_track (goal)), NULL);
    }
  g_string_append_c (out, '\n');
}

static void
contract_section (GString      *out,
                  CpEngagement *e)
{
  GListModel *versions = cp_engagement_get_contracts (e, NULL);
  guint n = versions ? g_list_model_get_n_items (versions) : 0;
  g_autoptr(CpContract) latest = NULL;

  if (!begin_section (out, _("Contract"), n, _("No contract is drafted yet.")))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpContract) version = g_list_model_get_item (versions, i);

      if (latest == NULL || cp_contract_get_version (version) > cp_contract_get_version (latest))
        g_set_object (&latest, version);
    }

  if (cp_contract_get_signed_on (latest) != NULL)
    /* Translators: the contract's latest version and when it was signed. */
    g_string_append_printf (out, _("Version %u, signed on %s.\n\n"), cp_contract_get_version (latest),
                            cp_contract_get_signed_on (latest));
  else
    g_string_append_printf (out, _("Version %u, not signed yet.\n\n"), cp_contract_get_version (latest));
}

static void
exit_section (GString      *out,
              CpEngagement *e)
{
  GListModel *items = cp_engagement_get_exit_items (e, NULL);
  g_autofree char *readiness = NULL;

  if (cp_engagement_get_approach (e) != CP_APPROACH_COACHED)
    return;

  readiness = cp_engagement_dup_exit_readiness (e, NULL);
  g_string_append_printf (out, "## %s\n\n", _("Exit readiness"));
  /* Translators: whether the coach can leave, in the report. */
  g_string_append_printf (out, _("**Can the coach leave?** %s\n\n"), readiness);
  for (guint i = 0; items && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CpExitItem) item = g_list_model_get_item (items, i);
      g_autofree char *text = md (cp_exit_item_get_text (item));

      if (cp_exit_item_get_done (item))
        /* Translators: an exit criterion met, and the day. */
        g_string_append_printf (out, _("- Met on %s: %s\n"), cp_exit_item_get_done_on (item), text);
      else
        /* Translators: an exit criterion not met yet. */
        g_string_append_printf (out, _("- Not met yet: %s\n"), text);
    }
  if (items && g_list_model_get_n_items (items) > 0)
    g_string_append_c (out, '\n');
}

static void
maturity_section (GString      *out,
                  CpEngagement *e)
{
  GListModel *scores = cp_engagement_get_maturity (e, NULL);
  guint n = scores ? g_list_model_get_n_items (scores) : 0;

  if (!begin_section (out, _("Maturity"), n, _("No practice is scored yet.")))
    return;

  append_row (out, _("Practice"), _("At the baseline"), _("At the review"), NULL);
  append_rule (out, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpMaturity) m = g_list_model_get_item (scores, i);
      int before = cp_maturity_get_baseline_level (m);
      int after = cp_maturity_get_review_level (m);
      g_autofree char *b = before >= 0 ? g_strdup_printf ("%d %s", before, cp_maturity_level_name (before))
                                       : g_strdup (cp_maturity_level_name (before));
      g_autofree char *a = after >= 0 ? g_strdup_printf ("%d %s", after, cp_maturity_level_name (after))
                                      : g_strdup (cp_maturity_level_name (after));

      append_row (out, cp_maturity_get_practice (m), b, a, NULL);
    }
  g_string_append_c (out, '\n');
}

/* Where each audited practice stands by its audit. */
static void
audit_section (GString      *out,
               CpEngagement *e)
{
  GListModel *items = cp_engagement_get_audit_items (e, NULL);
  g_autoptr(GPtrArray) done = g_ptr_array_new ();

  if (items == NULL || g_list_model_get_n_items (items) == 0)
    return;

  g_string_append_printf (out, "## %s\n\n", _("ITSM audit"));
  append_row (out, _("Practice"), _("Stands at level"), _("Criteria met"), NULL);
  append_rule (out, 3);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CpAuditItem) item = g_list_model_get_item (items, i);
      const char *practice = cp_audit_item_get_practice (item);
      g_autofree char *level = NULL;
      g_autofree char *met_text = NULL;
      guint met = 0, all = 0;

      if (g_ptr_array_find_with_equal_func (done, practice, g_str_equal, NULL))
        continue;
      g_ptr_array_add (done, (gpointer) practice);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(CpAuditItem) other = g_list_model_get_item (items, j);

          if (g_str_equal (cp_audit_item_get_practice (other), practice))
            {
              all++;
              met += cp_audit_item_get_met (other);
            }
        }
      level = g_strdup_printf ("%d", cp_engagement_get_audit_level (e, practice));
      /* Translators: how many of a practice's audit criteria are met, as "2 of 5". */
      met_text = g_strdup_printf (_("%u of %u"), met, all);
      append_row (out, practice, level, met_text, NULL);
    }
  g_string_append_c (out, '\n');
}

/* The four characteristics of a service provider, as values. */
static void
readiness_section (GString      *out,
                   CpEngagement *e)
{
  gboolean any = FALSE;

  for (CpCharacteristic c = 0; c < CP_N_CHARACTERISTICS; c++)
    {
      g_auto(CpReadiness) r = { 0 };
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (!cp_engagement_get_readiness (e, c, &r, NULL) || (r.baseline_level < 0 && r.review_level < 0))
        continue;
      if (!any)
        {
          g_string_append_printf (out, "## %s\n\n", _("Readiness as a service provider"));
          append_row (out, _("Characteristic"), _("At the baseline"), _("Evidence"), _("At the review"),
                      _("Evidence"), NULL);
          append_rule (out, 5);
          any = TRUE;
        }
      before = r.baseline_level >= 0 ? g_strdup_printf ("%d", r.baseline_level) : g_strdup (_("not scored"));
      after = r.review_level >= 0 ? g_strdup_printf ("%d", r.review_level) : g_strdup (_("not scored"));
      append_row (out, cp_characteristic_get_name (c), before, r.baseline_evidence, after, r.review_evidence, NULL);
    }
  if (any)
    g_string_append_c (out, '\n');
}

static void
handover_section (GString      *out,
                  CpEngagement *e)
{
  GListModel *streams = cp_engagement_get_workstreams (e, NULL);
  guint n = streams ? g_list_model_get_n_items (streams) : 0;

  if (!begin_section (out, _("Handover"), n, _("No workstreams are tracked yet.")))
    return;

  append_row (out, _("Process or workstream"), _("Who leads it"), _("Owner"), _("Role staff must hold"),
              _("Certification"), NULL);
  append_rule (out, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpWorkstream) w = g_list_model_get_item (streams, i);
      const char *role = cp_workstream_get_role (w);
      const char *holder = cp_workstream_get_holder (w);
      guint done, steps = cp_certification_count (cp_workstream_get_certification (w), &done);
      g_autofree char *held = NULL;
      g_autofree char *path = NULL;

      if (*role != '\0')
        /* Translators: in the report, a role and who holds it; "not held yet" when no one does. */
        held = *holder ? g_strdup_printf (_("%s, held by %s"), role, holder)
                       : g_strdup_printf (_("%s, not held yet"), role);
      if (steps > 0)
        /* Translators: how far a certification path has come, as "1 of 2 done". */
        path = g_strdup_printf (_("%u of %u done"), done, steps);
      append_row (out, cp_workstream_get_name (w), cp_stage_get_label (cp_workstream_get_stage (w)),
                  cp_workstream_get_owner (w), held ? held : "", path ? path : "", NULL);
    }
  g_string_append_c (out, '\n');
}

static void
actions_section (GString      *out,
                 CpEngagement *e,
                 const char   *today)
{
  GListModel *actions = cp_engagement_get_actions (e, NULL);
  gboolean any = FALSE;

  g_string_append_printf (out, "## %s\n\n", _("Open actions"));
  for (guint i = 0; actions && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(CpAction) a = g_list_model_get_item (actions, i);
      g_autofree char *owner = md (cp_action_get_owner (a));
      g_autofree char *text = md (cp_action_get_text (a));

      if (cp_action_get_done (a))
        continue;
      g_string_append_printf (out, "- %s%s", cp_action_is_overdue (a, today) ? _("**Overdue:** ") : "",
                              text);
      if (*owner)
        g_string_append_printf (out, " — %s", owner);
      if (cp_action_get_due_on (a))
        /* Translators: an action's due date in the report. */
        g_string_append_printf (out, _(", due %s"), cp_action_get_due_on (a));
      g_string_append_c (out, '\n');
      any = TRUE;
    }
  g_string_append (out, any ? "\n" : _("None.\n\n"));
}

static int
compare_opportunities (gconstpointer a,
                       gconstpointer b)
{
  CpOpportunity *x = *(CpOpportunity **) a;
  CpOpportunity *y = *(CpOpportunity **) b;

  if (cp_opportunity_get_priority (x) != cp_opportunity_get_priority (y))
    return (int) cp_opportunity_get_priority (y) - (int) cp_opportunity_get_priority (x);

  return (int) cp_opportunity_get_number (x) - (int) cp_opportunity_get_number (y);
}

static void
register_section (GString      *out,
                  CpEngagement *e)
{
  GListModel *all = cp_engagement_get_opportunities (e, NULL);
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; all && i < g_list_model_get_n_items (all); i++)
    {
      CpOpportunity *o = g_list_model_get_item (all, i);

      if (cp_opportunity_is_open (o))
        g_ptr_array_add (open, o);
      else
        g_object_unref (o);
    }
  g_ptr_array_sort (open, compare_opportunities);

  if (!begin_section (out, _("Top improvement opportunities"), open->len,
                      _("None open in the CSI register.")))
    return;

  append_row (out, _("No."), _("Opportunity"), _("Priority"), _("Status"), _("KPI"), NULL);
  append_rule (out, 5);
  for (guint i = 0; i < MIN (open->len, TOP_OPPORTUNITIES); i++)
    {
      CpOpportunity *o = g_ptr_array_index (open, i);
      g_autofree char *no = g_strdup_printf ("%u", cp_opportunity_get_number (o));

      append_row (out, no, cp_opportunity_get_text (o, CP_OPPORTUNITY_DESCRIPTION),
                  cp_priority_get_label (cp_opportunity_get_priority (o)),
                  cp_opportunity_status_get_label (cp_opportunity_get_status (o)),
                  cp_opportunity_get_text (o, CP_OPPORTUNITY_KPI), NULL);
    }
  g_string_append_c (out, '\n');
}

/* What the coaching is spent on: the sessions held, by area and by
 * mentoring format, in hours.
 */
static void
coaching_time (GString      *out,
               CpEngagement *e,
               const char   *now)
{
  guint by_area[CP_COACHING_AREA_REVIEW + 1];
  guint by_kind[CP_SESSION_KIND_REMOTE + 1];
  guint total = cp_engagement_get_coaching_minutes (e, now, by_area, by_kind);
  g_autofree char *all = cp_session_format_hours (total);

  if (total == 0)
    return;

  g_string_append_printf (out, "### %s\n\n", _("Where the coaching time goes"));
  /* Translators: the hours of coaching in all the sessions held. */
  g_string_append_printf (out, _("%s of coaching in the sessions held."), all);
  g_string_append (out, "\n\n");
  append_row (out, _("Area"), _("Hours"), NULL);
  append_rule (out, 2);
  /* The areas in order, those not said last. */
  for (guint i = CP_COACHING_AREA_CSIP; i <= CP_COACHING_AREA_REVIEW + 1; i++)
    {
      CpCoachingArea area = i % (CP_COACHING_AREA_REVIEW + 1);
      g_autofree char *h = cp_session_format_hours (by_area[area]);

      if (by_area[area] > 0)
        append_row (out, cp_coaching_area_get_name (area), h, NULL);
    }
  g_string_append_c (out, '\n');
  append_row (out, _("Format"), _("Hours"), NULL);
  append_rule (out, 2);
  for (CpSessionKind k = CP_SESSION_KIND_ONE_ON_ONE; k <= CP_SESSION_KIND_REMOTE; k++)
    {
      g_autofree char *h = cp_session_format_hours (by_kind[k]);

      if (by_kind[k] > 0)
        append_row (out, cp_session_kind_get_name (k), h, NULL);
    }
  g_string_append_c (out, '\n');
}

static void
sessions_section (GString      *out,
                  CpEngagement *e,
                  const char   *now)
{
  GListModel *sessions = cp_engagement_get_sessions (e, NULL);
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  /* Held: started before now; one later today is still to come. */
  for (guint i = 0; sessions && i < g_list_model_get_n_items (sessions); i++)
    {
      CpSession *s = g_list_model_get_item (sessions, i);

      if (strcmp (cp_session_get_starts_at (s), now) <= 0)
        g_ptr_array_add (held, s);
      else
        g_object_unref (s);
    }
  n = held->len;

  g_string_append_printf (out, "## %s\n\n", _("Sessions"));
  /* Translators: how many coaching sessions were held. */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u session held.", "%u sessions held.", n), n);
  if (n > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("The latest:"));
      g_string_append_c (out, '\n');
      g_string_append_c (out, '\n');
      for (guint i = 0; i < MIN (n, 3); i++)
        {
          CpSession *s = g_ptr_array_index (held, i);
          g_autofree char *day = g_strndup (cp_session_get_starts_at (s), 10);

          g_autofree char *topic = md (cp_session_get_topic (s));

          g_string_append_printf (out, "- %s: %s\n", day, topic);
        }
    }
  g_string_append_c (out, '\n');
  coaching_time (out, e, now);
}

/* Appends Markdown under one of the report's own headings: its top
 * heading comes to level @base and the rest follow without a jump (to six
 * at most), and a first heading that only repeats @title is left out.
 * Fenced code stays as it is.
 */
/* The level of @line's ATX heading, or 0. */
static guint
heading_level (const char  *line,
               const char **text)
{
  guint level = 0;

  while (line[level] == '#' && level < 7)
    level++;
  if (level >= 1 && level <= 6 && (line[level] == ' ' || line[level] == '\0'))
    {
      if (text != NULL)
        *text = line + level;
      return level;
    }

  return 0;
}

static void
append_nested (GString    *out,
               const char *body,
               const char *title,
               guint       base)
{
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
  gboolean in_fence = FALSE;
  gboolean first = TRUE;
  guint top = 7;

  /* The note's own top heading comes one level below the report's "###"
   * that names the note, and the rest follow without a jump.
   */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *text = NULL;
      guint level;

      if (g_str_has_prefix (lines[i], "```") || g_str_has_prefix (lines[i], "~~~"))
        in_fence = !in_fence;
      if (in_fence || (level = heading_level (lines[i], &text)) == 0)
        continue;
      {
        g_autofree char *heading = g_strstrip (g_strdup (text));

        /* One that only repeats the title is left out below. */
        if (!(first && g_strcmp0 (heading, title) == 0))
          top = MIN (top, level);
      }
      first = FALSE;
    }
  in_fence = FALSE;
  first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *text = line;
      guint level = 0;

      if (g_str_has_prefix (line, "```") || g_str_has_prefix (line, "~~~"))
        in_fence = !in_fence;

      while (!in_fence && *text == '#' && level < 7)
        text++, level++;

      if (level >= 1 && level <= 6 && (*text == ' ' || *text == '\0'))
        {
          g_autofree char *heading = g_strstrip (g_strdup (text));

          if (first && g_strcmp0 (heading, title) == 0)
            {
              /* Skip it, and the blank line after it. */
              if (lines[i + 1] != NULL && *lines[i + 1] == '\0')
                i++;
              first = FALSE;
              continue;
            }
          g_string_append_printf (out, "%.*s%s", (int) CLAMP ((int) level - (int) top + (int) base, (int) base, 6), "######",
                                  text);
        }
      else
        g_string_append (out, line);

      if (*line != '\0')
        first = FALSE;
      if (lines[i + 1] != NULL)
        g_string_append_c (out, '\n');
    }
}

static void
notes_section (GString      *out,
               CpEngagement *e)
{
  GListModel *notes = cp_engagement_get_notes (e, NULL);
  gboolean any = FALSE;

  g_string_append_printf (out, "## %s\n\n", _("Notes for the sponsor"));
  for (guint i = 0; notes && i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(CpNote) note = g_list_model_get_item (notes, i);
      g_autofree char *title = NULL;
      g_autofree char *heading = NULL;

      /* Only what was written for the sponsor's eyes. */
      if (cp_note_get_visibility (note) != CP_VISIBILITY_SPONSOR)
        continue;

      title = cp_note_dup_display_title (note);
      heading = md (title);
      g_string_append_printf (out, "### %s\n\n", heading);
      append_nested (out, cp_note_get_body (note), title, 4);
      if (!g_str_has_suffix (out->str, "\n"))
        g_string_append_c (out, '\n');
      g_string_append_c (out, '\n');
      any = TRUE;
    }

  if (!any)
    g_string_append_printf (out, "%s\n\n", _("None shared with the sponsor."));
}

/* Who mentors whom, how, in which practice. */
static void
mentoring_part (GString      *out,
                CpEngagement *e)
{
  GListModel *list = cp_engagement_get_mentorings (e, NULL);

  if (list == NULL || g_list_model_get_n_items (list) == 0)
    return;

  g_string_append_printf (out, "### %s\n\n", _("Mentoring"));
  append_row (out, _("Mentor"), _("Mentors whom"), _("Profile"), _("Format"), _("Practice or area"), NULL);
  append_rule (out, 5);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpMentoring) m = g_list_model_get_item (list, i);

      append_row (out, cp_mentoring_get_mentor (m), cp_mentoring_get_mentee (m),
                  cp_mentor_profile_get_name (cp_mentoring_get_profile (m)),
                  cp_mentoring_format_get_name (cp_mentoring_get_format (m)),
                  cp_mentoring_get_practice (m), NULL);
    }
  g_string_append_c (out, '\n');
}

/* The coach's view of the people, for the team's report only: the map
 * (drawn where the format can), then each person — their role, where
 * they stand and have stood, their influence and what matters to them.
 */
static gboolean
people_section (GString       *out,
                CpEngagement  *e,
                GArray        *charts,
                GError       **error)
{
  GListModel *people = cp_engagement_get_stakeholders (e, NULL);
  g_autoptr(GArray) map = cp_stakeholder_map_take (people);
  static const CpStance stances[] = {
    CP_STANCE_BLOCKER, CP_STANCE_SCEPTIC, CP_STANCE_NEUTRAL, CP_STANCE_SUPPORTER, CP_STANCE_CHAMPION,
  };
  static const CpInfluence influences[] = { CP_INFLUENCE_HIGH, CP_INFLUENCE_MEDIUM, CP_INFLUENCE_LOW };

  if (g_list_model_get_n_items (people) == 0)
    return TRUE;

  g_string_append_printf (out, "## %s\n\n", _("People and relationships"));
  g_string_append_printf (out, "### %s\n\n", _("Stakeholder map"));

  append_cell (out, _("Influence"));
  for (guint c = 0; c < G_N_ELEMENTS (stances); c++)
    append_cell (out, cp_stance_get_name (stances[c]));
  g_string_append (out, "|\n");
  append_rule (out, G_N_ELEMENTS (stances) + 1);
  for (guint r = 0; r < G_N_ELEMENTS (influences); r++)
    {
      append_cell (out, cp_influence_get_name (influences[r]));
      for (guint c = 0; c < G_N_ELEMENTS (stances); c++)
        {
          g_autofree char *names = cp_stakeholder_map_dup_names (map, influences[r], stances[c]);

          append_cell (out, names);
        }
      g_string_append (out, "|\n");
    }
  g_string_append_c (out, '\n');
  if (charts != NULL)
    {
      CpReportChart chart = { out->len, NULL, g_steal_pointer (&map) };

      g_array_append_val (charts, chart);
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CpStakeholder) person = g_list_model_get_item (people, i);
      g_autoptr(GArray) history = cp_stakeholder_dup_stances (person, error);
      g_autoptr(GString) about = g_string_new (NULL);
      g_autofree char *name = md (*cp_stakeholder_get_name (person) ? cp_stakeholder_get_name (person)
                                                                  : _("Unnamed stakeholder"));
      g_autofree char *role = md (cp_stakeholder_get_role (person));

      if (history == NULL)
        return FALSE;

      g_string_append_printf (out, "### %s\n\n", name);
      if (*role != '\0')
        g_string_append_printf (out, "%s", role);
      if (cp_stakeholder_get_smo_role (person) != CP_SMO_ROLE_NONE)
        g_string_append_printf (out, "%s%s", *role ? " · " : "", cp_smo_role_get_name (cp_stakeholder_get_smo_role (person)));
      if (*role != '\0' || cp_stakeholder_get_smo_role (person) != CP_SMO_ROLE_NONE)
        g_string_append (out, "\n\n");

      /* Translators: a stakeholder's stance and influence, as "Stance: Sceptic. Influence: High." */
      g_string_append_printf (out, _("Stance: %s. Influence: %s."), cp_stance_get_name (cp_stakeholder_get_stance (person)),
                              cp_influence_get_name (cp_stakeholder_get_influence (person)));
      for (guint h = 0; h < history->len; h++)
        {
          CpStanceChange *change = &g_array_index (history, CpStanceChange, h);

          g_string_append (about, h == 0 ? " " : ", ");
          /* Translators: in the team report, a change of stance, as "sceptic from 2026-10-15". */
          g_string_append_printf (about, _("%s from %s"), cp_stance_get_name (change->stance), change->on);
        }
      if (about->len > 0)
        /* Translators: followed by the changes of stance. */
        g_string_append_printf (out, " %s%s.", _("Stance history:"), about->str);
      g_string_append (out, "\n\n");
      if (*cp_stakeholder_get_note (person) != '\0')
        {
          append_nested (out, cp_stakeholder_get_note (person), NULL, 4);
          if (!g_str_has_suffix (out->str, "\n"))
            g_string_append_c (out, '\n');
          g_string_append_c (out, '\n');
        }
    }

  mentoring_part (out, e);

  return TRUE;
}

static void
chart_clear (gpointer data)
{
  CpReportChart *chart = data;

  g_clear_pointer (&chart->bars, g_array_unref);
  g_clear_pointer (&chart->people, g_array_unref);
}

static void
add_chart (GArray  *charts,
           GString *out,
           GArray  *bars)
{
  CpReportChart chart = { out->len, bars, NULL };

  if (charts != NULL && bars->len > 0)
    g_array_append_val (charts, chart);
  else
    g_array_unref (bars);
}

/**
 * cp_report_build:
 * @today: YYYY-MM-DD, for what is overdue and where goals should be
 * @audience: %CP_AUDIENCE_TEAM for the coaching team's report, which
 *   adds the coach's view of the people; any other for the sponsor's
 * @charts: (out) (optional) (element-type CpReportChart): where the
 *   phase and goal charts and the stakeholder map go, for formats that
 *   draw them
 *
 * Returns: (transfer full) (nullable): the progress report as Markdown
 */
char *
cp_report_build (CpEngagement  *engagement,
                 const char    *today,
                 CpAudience     audience,
                 GArray       **charts,
                 GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) placed = NULL;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  /* Read everything first, so a failure is reported, not half a report. */
  if (!cp_engagement_get_cycles (engagement, error) ||
      !cp_engagement_get_goals (engagement, error) ||
      !cp_engagement_get_maturity (engagement, error) ||
      !cp_engagement_get_workstreams (engagement, error) ||
      !cp_engagement_get_actions (engagement, error) ||
      !cp_engagement_get_opportunities (engagement, error) ||
      !cp_engagement_get_sessions (engagement, error) ||
      !cp_engagement_get_notes (engagement, error) ||
      !cp_engagement_get_contracts (engagement, error) ||
      !cp_engagement_get_exit_items (engagement, error) ||
      !cp_engagement_get_stakeholders (engagement, error) ||
      !cp_engagement_get_mentorings (engagement, error) ||
      !cp_engagement_get_audit_items (engagement, error))
    return NULL;

  if (charts != NULL)
    {
      placed = g_array_new (FALSE, TRUE, sizeof (CpReportChart));
      g_array_set_clear_func (placed, chart_clear);
    }

  summary (out, engagement);
  if (audience == CP_AUDIENCE_TEAM)
    g_string_append_printf (out, "*%s*\n\n",
                            _("For the coaching team: it holds the coach’s view of the people, "
                              "which the sponsor’s report leaves out."));
  /* Translators: when the report was made. */
  g_string_append_printf (out, _("*Report of %s.*\n\n"), today);
  if (!attention (out, engagement, today, error))
    return NULL;
  if (*cp_engagement_get_scope (engagement) != '\0')
    {
      g_string_append_printf (out, "## %s\n\n", _("Scope"));
      append_nested (out, cp_engagement_get_scope (engagement), NULL, 3);
      if (!g_str_has_suffix (out->str, "\n"))
        g_string_append_c (out, '\n');
      g_string_append_c (out, '\n');
    }
  if (audience == CP_AUDIENCE_TEAM && !people_section (out, engagement, placed, error))
    return NULL;
  cycles_section (out, engagement);
  add_chart (placed, out, cp_bars_for_phases (engagement));
  approach_risks (out, engagement);
  goals_section (out, engagement);
  add_chart (placed, out, cp_bars_for_goals (engagement, today));
  maturity_section (out, engagement);
  add_chart (placed, out, cp_bars_for_maturity (engagement));
  audit_section (out, engagement);
  readiness_section (out, engagement);
  handover_section (out, engagement);
  exit_section (out, engagement);
  contract_section (out, engagement);
  actions_section (out, engagement, today);
  register_section (out, engagement);
  {
    /* Sessions held by now: today's later ones are still to come. */
    g_autoptr(GDateTime) clock = g_date_time_new_now_local ();
    g_autofree char *time = g_date_time_format (clock, "%H:%M");
    g_autofree char *now = g_strdup_printf ("%sT%s", today, time);

    sessions_section (out, engagement, now);
  }
  notes_section (out, engagement);

  if (charts != NULL)
    *charts = g_steal_pointer (&placed);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cp_report_to_markdown:
 * @today: YYYY-MM-DD, for what is overdue
 *
 * Returns: (transfer full) (nullable): the progress report as Markdown
 */
char *
cp_report_to_markdown (CpEngagement  *engagement,
                       const char    *today,
                       GError       **error)
{
  return cp_report_build (engagement, today, CP_AUDIENCE_SPONSOR, NULL, error);
}
