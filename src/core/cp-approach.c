/* cp-approach.c — what each implementation approach means
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-approach"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-approach.h"

#define MAX_POINTS 10
#define MAX_CHECKS 4

typedef struct
{
  CpPhaseRole  role;
  const char  *text;   /* the safeguard, as the checklist item says it */
  const char  *risk;   /* what goes wrong without it */
} Check;

/* Every word the app says about the three approaches lives here, so the
 * engagement page, reports and checklists all tell the same story.
 */
typedef struct
{
  const char *name;
  const char *summary;
  const char *fit;
  const char *points[3][MAX_POINTS];
  /* The risks turned into review checklist items, each in the phase
   * where it matters.
   */
  Check       checks[MAX_CHECKS];
} ApproachText;

static const ApproachText texts[] = {
  [CP_APPROACH_UNDECIDED] = {
    N_("Not chosen yet"),
    N_("The organisation has not yet chosen how it will run its ITSM implementation."),
    N_("Talk the choice through with the sponsor before the first improvement cycle starts."),
    { { NULL }, { NULL }, { NULL } },
    { { 0, NULL } },
  },
  [CP_APPROACH_DONE_TO_YOU] = {
    N_("Done to you"),
    N_("An outside ITSM firm takes on most of the roles and owns the outcome."),
    N_("Chosen most often by the least mature organisations; not recommended."),
    {
      {
        N_("No idea where to start, but painful operational problems such as missed service levels or many failed changes"),
        N_("It looks like the low-risk option"),
        N_("A culture of outsourcing work"),
        N_("The business demands ITSM and IT wants someone else to answer for it"),
        NULL,
      },
      {
        N_("The quickest way to an implementation"),
        N_("When well directed, attention stays on delivering the project's benefits"),
        NULL,
      },
      {
        N_("The organisation stops feeling involved"),
        N_("The outside experts do not know the business"),
        N_("Course corrections along the way are unlikely"),
        N_("Little knowledge stays behind when the experts leave"),
        N_("Every later improvement cycle needs another costly engagement"),
        N_("Process ownership never reaches the people who should own the processes"),
        N_("The outside experts may solve the wrong problem"),
        N_("Staff may not accept processes they had no hand in making"),
        N_("A contractor may claim ITSM expertise it does not have"),
        NULL,
      },
    },
    {
      { CP_PHASE_ROLE_VISION, N_("Both IT and the business are engaged in the programme"),
        N_("The organisation stops feeling involved") },
      { CP_PHASE_ROLE_PLAN, N_("Knowledge transfer from the outside firm to staff is planned"),
        N_("Little knowledge stays behind when the experts leave") },
      { CP_PHASE_ROLE_REVIEW, N_("People who know the business check the outside firm’s work"),
        N_("The outside experts do not know the business") },
      { CP_PHASE_ROLE_MOMENTUM, N_("Named process owners accept ownership of their processes"),
        N_("Process ownership never reaches the people who should own the processes") },
    },
  },
  [CP_APPROACH_DO_IT_YOURSELF] = {
    N_("Do it yourself"),
    N_("The organisation's own staff implement ITSM with little or no outside help."),
    N_("Chosen by organisations confident in their people, often to save money."),
    {
      {
        N_("A belief that the organisation is unlike any other"),
        N_("Capable people who expect to learn as they go"),
        N_("Most staff already hold a foundation certificate"),
        N_("A preference for ideas grown at home"),
        N_("Keeping costs down"),
        NULL,
      },
      {
        N_("The pride of having done it without help"),
        N_("Lessons learned the hard way are remembered"),
        N_("Knowledge stays inside the organisation"),
        N_("A solution shaped around the organisation"),
        NULL,
      },
      {
        N_("Mistakes and dead ends"),
        N_("Slower progress"),
        N_("A much higher chance of failure through inexperience"),
        N_("Benefits arrive late"),
        N_("A failure is blamed on ITSM itself and the programme is cancelled"),
        N_("Momentum fades and the full improvement programme never runs"),
        N_("Lessons learned become lessons lost"),
        NULL,
      },
    },
    {
      { CP_PHASE_ROLE_PLAN, N_("Time is set aside for staff to learn before they implement"),
        N_("A much higher chance of failure through inexperience") },
      { CP_PHASE_ROLE_REVIEW, N_("An outside review is available to check the work"),
        N_("Mistakes and dead ends") },
      { CP_PHASE_ROLE_MOMENTUM, N_("Lessons learned are applied, not only written down"),
        N_("Lessons learned become lessons lost") },
      { CP_PHASE_ROLE_MOMENTUM, N_("There is a plan to keep the momentum after this cycle"),
        N_("Momentum fades and the full improvement programme never runs") },
    },
  },
  [CP_APPROACH_COACHED] = {
    N_("Do it yourself with expert coaching"),
    N_("Staff lead the work, supported where it counts by experienced coaches."),
    N_("Chosen by more mature organisations that know they have the people but not yet the skills "
       "and experience to deliver in time."),
    {
      {
        N_("Knowing that there are gaps the organisation cannot yet see"),
        N_("Valuing a lower risk of failure"),
        N_("Respect for the organisation's own staff"),
        NULL,
      },
      {
        N_("Potentially the fastest route"),
        N_("The lowest risk"),
        N_("Benefits arrive sooner"),
        N_("The most knowledge transferred to staff"),
        N_("The improvement programme carries on after the coach leaves"),
        N_("A lower total cost"),
        N_("A more agile IT organisation, quicker to respond"),
        NULL,
      },
      {
        N_("Coaching can look expensive over the first one or two projects"),
        N_("Staff may fear that outsiders will show them up"),
        NULL,
      },
    },
    {
      { CP_PHASE_ROLE_TARGETS, N_("The sponsor weighs the cost of coaching against faster, safer benefits"),
        N_("Coaching can look expensive over the first one or two projects") },
      { CP_PHASE_ROLE_PLAN, N_("Staff lead the work, with the coach supporting"),
        N_("The coach ends up doing the work, and staff learn little") },
      { CP_PHASE_ROLE_ACTION, N_("Coaching builds up staff without showing them up"),
        N_("Staff may fear that outsiders will show them up") },
      { CP_PHASE_ROLE_MOMENTUM, N_("A plan for the coach’s exit and handover is agreed"),
        N_("The organisation comes to depend on the coach") },
    },
  },
};

static const ApproachText *
lookup (CpApproach approach)
{
  g_return_val_if_fail ((guint) approach < G_N_ELEMENTS (texts), &texts[CP_APPROACH_UNDECIDED]);

  return &texts[approach];
}

/**
 * cp_approach_get_name:
 *
 * Returns: the approach's translated name
 */
const char *
cp_approach_get_name (CpApproach approach)
{
  return _(lookup (approach)->name);
}

const char *
cp_approach_get_summary (CpApproach approach)
{
  return _(lookup (approach)->summary);
}

/**
 * cp_approach_get_fit:
 *
 * Returns: which organisations tend to choose the approach, translated
 */
const char *
cp_approach_get_fit (CpApproach approach)
{
  return _(lookup (approach)->fit);
}

/**
 * cp_approach_dup_points:
 *
 * Returns: (transfer full): the translated motives, benefits or risks
 */
char **
cp_approach_dup_points (CpApproach       approach,
                        CpApproachAspect aspect)
{
  const char * const *points;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (aspect <= CP_APPROACH_RISKS, NULL);

  points = lookup (approach)->points[aspect];
  for (guint i = 0; i < MAX_POINTS && points[i] != NULL; i++)
    g_strv_builder_add (builder, _(points[i]));

  return g_strv_builder_end (builder);
}

/**
 * cp_approach_get_n_checks:
 *
 * Returns: how many review checklist items the approach's risks give
 */
guint
cp_approach_get_n_checks (CpApproach approach)
{
  const ApproachText *text = lookup (approach);
  guint n = 0;

  while (n < MAX_CHECKS && text->checks[n].text != NULL)
    n++;

  return n;
}

/**
 * cp_approach_get_check:
 * @role: (out): the role of the phase the item belongs in
 *
 * Returns: the translated text of the approach's @index'th check
 */
const char *
cp_approach_get_check (CpApproach   approach,
                       guint        index,
                       CpPhaseRole *role)
{
  const ApproachText *text = lookup (approach);

  g_return_val_if_fail (index < cp_approach_get_n_checks (approach), NULL);

  if (role != NULL)
    *role = text->checks[index].role;

  return _(text->checks[index].text);
}

/**
 * cp_approach_dup_risk_of_check:
 * @check: a checklist item's text, as an approach gave it
 *
 * An approach's checklist item is a safeguard; this is the risk it
 * guards against.
 *
 * Returns: (transfer full) (nullable): the translated risk, or %NULL for
 *   a text no approach gives
 */
char *
cp_approach_dup_risk_of_check (const char *check)
{
  for (guint a = 0; a < G_N_ELEMENTS (texts); a++)
    for (guint i = 0; i < MAX_CHECKS && texts[a].checks[i].text != NULL; i++)
      if (g_strcmp0 (check, texts[a].checks[i].text) == 0 ||
          g_strcmp0 (check, _(texts[a].checks[i].text)) == 0)
        return g_strdup (_(texts[a].checks[i].risk));

  return NULL;
}
