/* cp-summary.c — where the programme stands, and what needs the sponsor
 *
 * Computed once, here, so that the Review page, the reports and the
 * command line say the same. The rules:
 *
 * - Needs your attention: phases done and not signed off; sign-offs that
 *   asked for changes and are still the latest word on their phase;
 *   goals off track, with their numbers; overdue actions; approach risks
 *   whose safeguard is not in place in a phase that has begun; the
 *   latest contract version unsigned; exit criteria unmet within sixty
 *   days of the end.
 * - Off track: a goal off track, changes asked for and still open, or
 *   the end date passed with exit criteria unmet.
 * - At risk: otherwise, anything but a phase awaiting sign-off.
 * - On track: nothing of the above.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-action.h"
#include "cp-approach.h"
#include "cp-checklist-item.h"
#include "cp-contract.h"
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-exit-item.h"
#include "cp-goal.h"
#include "cp-kpi.h"
#include "cp-phase.h"
#include "cp-sign-off.h"
#include "cp-summary.h"

/* How near the end, in days, unmet exit criteria need attention. */
#define EXIT_WARNING_DAYS 60

static void
need_free (CpNeed *need)
{
  g_free (need->text);
  g_free (need);
}

void
cp_summary_free (CpSummary *summary)
{
  if (summary == NULL)
    return;

  g_ptr_array_unref (summary->reasons);
  g_ptr_array_unref (summary->needs);
  g_free (summary);
}

static void
add_need (CpSummary  *summary,
          CpNeedKind  kind,
          char       *text)
{
  CpNeed *need = g_new0 (CpNeed, 1);

  need->kind = kind;
  need->text = text;
  g_ptr_array_add (summary->needs, need);
}

static guint
count (CpSummary  *summary,
       CpNeedKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < summary->needs->len; i++)
    n += ((CpNeed *) g_ptr_array_index (summary->needs, i))->kind == kind;

  return n;
}

/* A number as briefly as it reads exactly. */
static char *
number (double value)
{
  return g_strdup_printf ("%g", value);
}

/**
 * cp_summary_dup_risk:
 * @item: an approach's checklist item, its safeguard
 *
 * Returns: (transfer full): the risk it guards against, with the
 *   safeguard, the cycle and the phase: "Risk: …. Safeguard not yet in
 *   place: … (cycle 1, “…”)"
 */
char *
cp_summary_dup_risk (CpChecklistItem *item,
                     guint            cycle,
                     const char      *phase)
{
  g_autofree char *risk = cp_approach_dup_risk_of_check (cp_checklist_item_get_text (item));

  /* Translators: a risk, the safeguard not yet in place, the cycle and
   * the phase.
   */
  return g_strdup_printf (_("Risk: %s. Safeguard not yet in place: %s (cycle %u, “%s”)"),
                          risk ? risk : _("the approach’s check is not done"),
                          cp_checklist_item_get_text (item), cycle, phase);
}

static void
phases_and_risks (CpSummary    *summary,
                  CpEngagement *e)
{
  GListModel *cycles = cp_engagement_get_cycles (e, NULL);
  g_autoptr(GPtrArray) risks = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; cycles && c < g_list_model_get_n_items (cycles); c++)
    {
      g_autoptr(CpCycle) cycle = g_list_model_get_item (cycles, c);
      GListModel *phases = cp_cycle_get_phases (cycle, NULL);
      guint number_of_cycle = cp_cycle_get_number (cycle);

      for (guint p = 0; phases && p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(CpPhase) phase = g_list_model_get_item (phases, p);
          CpSignOff *latest = cp_phase_get_latest_sign_off (phase);
          CpPhaseStatus status = cp_phase_get_status (phase);
          GListModel *items = cp_phase_get_items (phase, NULL);

          if (latest != NULL && cp_sign_off_get_decision (latest) == CP_DECISION_CHANGES_REQUESTED)
            add_need (summary, CP_NEED_CHANGES,
                      /* Translators: the phase, its cycle, when changes were asked
                       * for, and the reviewer's comments.
                       */
                      g_strdup_printf (_("Changes asked for in “%s” (cycle %u) on %s are still open: %s"),
                                       cp_phase_get_name (phase), number_of_cycle,
                                       cp_sign_off_get_date (latest),
                                       *cp_sign_off_get_comments (latest) ? cp_sign_off_get_comments (latest)
                                                                          : _("no comments")));
          else if (latest == NULL && status == CP_PHASE_STATUS_DONE)
            add_need (summary, CP_NEED_SIGN_OFF,
                      /* Translators: the phase and its cycle. */
                      g_strdup_printf (_("“%s” (cycle %u) is done and awaits your sign-off"),
                                       cp_phase_get_name (phase), number_of_cycle));

          /* A safeguard matters once its phase has begun. */
          for (guint i = 0; status != CP_PHASE_STATUS_NOT_STARTED && items &&
                            i < g_list_model_get_n_items (items); i++)
            {
              g_autoptr(CpChecklistItem) item = g_list_model_get_item (items, i);

              if (cp_checklist_item_get_source (item) != CP_ITEM_SOURCE_APPROACH ||
                  cp_checklist_item_get_done (item))
                continue;
              g_ptr_array_add (risks, cp_summary_dup_risk (item, number_of_cycle, cp_phase_get_name (phase)));
            }
        }
    }

  for (guint i = 0; i < risks->len; i++)
    add_need (summary, CP_NEED_RISK, g_strdup (g_ptr_array_index (risks, i)));
}

static void
goals (CpSummary    *summary,
       CpEngagement *e)
{
  GListModel *list = cp_engagement_get_goals (e, NULL);

  for (guint i = 0; list && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpGoal) goal = g_list_model_get_item (list, i);
      const CpReading *latest = cp_goal_get_latest (goal);
      g_autofree char *now = NULL;
      g_autofree char *target = NULL;
      g_autofree char *baseline = NULL;

      if (cp_goal_get_track (goal) != CP_TRACK_OFF_TRACK || latest == NULL)
        continue;

      now = number (latest->value);
      target = number (cp_goal_get_target_value (goal));
      baseline = number (cp_goal_get_baseline_value (goal));
      add_need (summary, CP_NEED_GOAL,
                /* Translators: a goal; its latest reading, unit and date; its
                 * target, unit and date; its baseline and unit.
                 */
                g_strdup_printf (_("“%s” is off track: %s %s on %s, aiming for %s %s by %s (baseline %s %s)"),
                                 cp_goal_get_name (goal), now, cp_goal_get_unit (goal), latest->date,
                                 target, cp_goal_get_unit (goal),
                                 cp_goal_get_target_date (goal) ? cp_goal_get_target_date (goal) : "—",
                                 baseline, cp_goal_get_unit (goal)));
    }
}

static void
actions (CpSummary    *summary,
         CpEngagement *e,
         const char   *today)
{
  GListModel *list = cp_engagement_get_actions (e, NULL);

  for (guint i = 0; list && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpAction) action = g_list_model_get_item (list, i);
      const char *due = cp_action_get_due_on (action);

      if (cp_action_get_done (action) || due == NULL || *due == '\0' || g_strcmp0 (due, today) >= 0)
        continue;
      add_need (summary, CP_NEED_ACTION,
                /* Translators: an action, who owns it, and when it was due. */
                g_strdup_printf (_("“%s” (%s) was due on %s"), cp_action_get_text (action),
                                 *cp_action_get_owner (action) ? cp_action_get_owner (action) : _("no owner"),
                                 due));
    }
}

static void
contract (CpSummary    *summary,
          CpEngagement *e)
{
  GListModel *list = cp_engagement_get_contracts (e, NULL);
  g_autoptr(CpContract) latest = NULL;
  guint n = list ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpContract) version = g_list_model_get_item (list, i);

      if (latest == NULL || cp_contract_get_version (version) > cp_contract_get_version (latest))
        g_set_object (&latest, version);
    }

  if (latest != NULL && cp_contract_get_signed_on (latest) == NULL)
    add_need (summary, CP_NEED_CONTRACT,
              /* Translators: the contract's version. */
              g_strdup_printf (_("Version %u of the contract is not signed yet"),
                               cp_contract_get_version (latest)));
}

/* Days from @today to @date, both YYYY-MM-DD. */
static gint64
days_until (const char *today,
            const char *date)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *a = g_strconcat (today, "T00:00:00Z", NULL);
  g_autofree char *b = g_strconcat (date, "T00:00:00Z", NULL);

  from = g_date_time_new_from_iso8601 (a, NULL);
  to = g_date_time_new_from_iso8601 (b, NULL);
  if (from == NULL || to == NULL)
    return G_MAXINT64;

  return g_date_time_difference (to, from) / G_TIME_SPAN_DAY;
}

/* Returns whether the end has passed with criteria unmet. */
static gboolean
exit_criteria (CpSummary    *summary,
               CpEngagement *e,
               const char   *today)
{
  const char *end = cp_engagement_get_end_date (e);
  GListModel *list = cp_engagement_get_exit_items (e, NULL);
  gint64 days;
  gboolean unmet = FALSE;

  if (end == NULL || *end == '\0' || (days = days_until (today, end)) > EXIT_WARNING_DAYS)
    return FALSE;

  for (guint i = 0; list && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpExitItem) item = g_list_model_get_item (list, i);

      if (cp_exit_item_get_done (item))
        continue;
      unmet = TRUE;
      add_need (summary, CP_NEED_EXIT,
                /* Translators: an exit criterion, then the engagement's end date. */
                g_strdup_printf (_("Exit criterion not met yet: %s (the engagement ends on %s)"),
                                 cp_exit_item_get_text (item), end));
    }

  return unmet && days < 0;
}

/* @format, translated for @n, with @n in it; nothing when @n is 0. */
G_GNUC_PRINTF (3, 0) static void
add_reason (CpSummary  *summary,
            guint       n,
            const char *format,
            ...)
{
  va_list args;

  if (n == 0)
    return;
  va_start (args, format);
  g_ptr_array_add (summary->reasons, g_strdup_vprintf (format, args));
  va_end (args);
}


/**
 * cp_summary_new:
 * @today: YYYY-MM-DD, for what is overdue and how near the end is
 *
 * Returns: (transfer full) (nullable): where the engagement stands, why,
 *   and what needs the sponsor's attention
 */
CpSummary *
cp_summary_new (CpEngagement  *engagement,
                const char    *today,
                GError       **error)
{
  g_autoptr(CpSummary) summary = g_new0 (CpSummary, 1);
  gboolean ended_unmet;
  guint n;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!cp_engagement_get_cycles (engagement, error) || !cp_engagement_get_goals (engagement, error) ||
      !cp_engagement_get_actions (engagement, error) || !cp_engagement_get_contracts (engagement, error) ||
      !cp_engagement_get_exit_items (engagement, error))
    return NULL;

  summary->reasons = g_ptr_array_new_with_free_func (g_free);
  summary->needs = g_ptr_array_new_with_free_func ((GDestroyNotify) need_free);

  phases_and_risks (summary, engagement);
  goals (summary, engagement);
  actions (summary, engagement, today);
  contract (summary, engagement);
  ended_unmet = exit_criteria (summary, engagement, today);

  /* In the order of their kinds: sign-offs first, exit criteria last. */
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

    for (CpNeedKind kind = CP_NEED_SIGN_OFF; kind <= CP_NEED_EXIT; kind++)
      for (guint i = 0; i < summary->needs->len; i++)
        if (((CpNeed *) g_ptr_array_index (summary->needs, i))->kind == kind)
          g_ptr_array_add (sorted, g_ptr_array_index (summary->needs, i));
    g_ptr_array_set_free_func (summary->needs, NULL);
    g_ptr_array_set_size (summary->needs, 0);
    g_ptr_array_extend (summary->needs, sorted, NULL, NULL);
    g_ptr_array_set_free_func (summary->needs, (GDestroyNotify) need_free);
  }

  n = count (summary, CP_NEED_GOAL);
  add_reason (summary, n, g_dngettext (GETTEXT_PACKAGE, "%u goal is off track", "%u goals are off track", n), n);
  n = count (summary, CP_NEED_CHANGES);
  add_reason (summary, n, g_dngettext (GETTEXT_PACKAGE, "%u sign-off asked for changes still open",
                                  "%u sign-offs asked for changes still open", n), n);
  if (ended_unmet)
    g_ptr_array_add (summary->reasons, g_strdup (_("the engagement has ended with exit criteria unmet")));
  if (summary->reasons->len > 0)
    summary->standing = CP_STANDING_OFF_TRACK;

  n = count (summary, CP_NEED_ACTION);
  add_reason (summary, n, g_dngettext (GETTEXT_PACKAGE, "%u action is overdue", "%u actions are overdue", n), n);
  n = count (summary, CP_NEED_RISK);
  add_reason (summary, n, g_dngettext (GETTEXT_PACKAGE, "%u approach risk is open", "%u approach risks are open", n), n);
  if (count (summary, CP_NEED_CONTRACT) > 0)
    g_ptr_array_add (summary->reasons, g_strdup (_("the latest contract version is not signed")));
  n = ended_unmet ? 0 : count (summary, CP_NEED_EXIT);
  add_reason (summary, n, g_dngettext (GETTEXT_PACKAGE, "%u exit criterion is unmet near the end",
                                  "%u exit criteria are unmet near the end", n), n);
  if (summary->standing == CP_STANDING_ON_TRACK && summary->reasons->len > 0)
    summary->standing = CP_STANDING_AT_RISK;

  if (summary->reasons->len == 0)
    g_ptr_array_add (summary->reasons, g_strdup (_("goals are on track and nothing is overdue")));

  return g_steal_pointer (&summary);
}

const char *
cp_standing_get_label (CpStanding standing)
{
  switch (standing)
    {
    case CP_STANDING_ON_TRACK: return _("On track");
    case CP_STANDING_AT_RISK: return _("At risk");
    case CP_STANDING_OFF_TRACK: return _("Off track");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * cp_summary_to_text:
 *
 * Returns: (transfer full): the standing, why, and what needs attention,
 *   as plain text, one thing a line
 */
char *
cp_summary_to_text (CpSummary *summary)
{
  GString *out = g_string_new (NULL);
  g_autofree char *why = NULL;

  g_ptr_array_add (summary->reasons, NULL);
  why = g_strjoinv ("; ", (char **) summary->reasons->pdata);
  g_ptr_array_remove_index (summary->reasons, summary->reasons->len - 1);

  /* Translators: the overall standing, then why. */
  g_string_append_printf (out, _("%s: %s\n"), cp_standing_get_label (summary->standing), why);
  g_string_append_printf (out, "\n%s\n", _("Needs your attention"));
  if (summary->needs->len == 0)
    g_string_append_printf (out, "%s\n", _("Nothing needs your attention."));
  for (guint i = 0; i < summary->needs->len; i++)
    g_string_append_printf (out, "- %s\n", ((CpNeed *) g_ptr_array_index (summary->needs, i))->text);

  return g_string_free (out, FALSE);
}
