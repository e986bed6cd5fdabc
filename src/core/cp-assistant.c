/* cp-assistant.c — recommends an implementation approach from answers
 *
 * Each rule below reads one or two answers and argues for (or against)
 * an approach, following what the approaches' motives, benefits and
 * risks say (see cp-approach.c). The approach with the most points wins;
 * ties go to the one with the lowest risk (coaching, then doing it
 * yourself). Its reasons are the arguments that counted for it; its
 * warnings, the risks the domain sees in it for this organisation.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-assistant"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-assistant.h"

typedef struct
{
  CpRecommendation *r;
  GPtrArray        *why[CP_APPROACH_COACHED + 1];
} Tally;

static void
argue (Tally      *tally,
       CpApproach  approach,
       int         points,
       const char *reason)
{
  tally->r->scores[approach] += points;

  if (points > 0)
    g_ptr_array_add (tally->why[approach], g_strdup (reason));
  else
    g_ptr_array_add (tally->r->cautions, g_strdup (reason));
}

CpRecommendation *
cp_assistant_recommend (const CpAssistantAnswers *a)
{
  CpRecommendation *r = g_new0 (CpRecommendation, 1);
  Tally tally = { r, { NULL } };
  static const CpApproach by_risk[] = {
    CP_APPROACH_COACHED, CP_APPROACH_DO_IT_YOURSELF, CP_APPROACH_DONE_TO_YOU,
  };

  g_return_val_if_fail (a != NULL, NULL);

  r->cautions = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (tally.why); i++)
    tally.why[i] = g_ptr_array_new_with_free_func (g_free);

  /* Capacity versus capability: the heart of the choice. */
  if (a->capacity == CP_LEVEL_LOW)
    argue (&tally, CP_APPROACH_DONE_TO_YOU, 3,
           _("There are too few people free to do the work; an outside firm can supply them."));
  else if (a->capability != CP_LEVEL_HIGH)
    argue (&tally, CP_APPROACH_COACHED, 3,
           _("The organisation has the people but not yet the skills and experience; "
             "coaching builds them while the work gets done."));

  if (a->capability == CP_LEVEL_HIGH && a->experience == CP_LEVEL_HIGH)
    argue (&tally, CP_APPROACH_DO_IT_YOURSELF, 3,
           _("Staff have the skills and have done ITSM work before."));
  else if (a->capability == CP_LEVEL_HIGH)
    {
      argue (&tally, CP_APPROACH_DO_IT_YOURSELF, 1,
             _("Staff have the skills to do the work themselves."));
      argue (&tally, CP_APPROACH_COACHED, 1,
             _("Skilled staff with little ITSM experience gain most from a coach at the "
               "points that count."));
    }

  if (a->experience == CP_LEVEL_LOW && a->capability == CP_LEVEL_LOW)
    argue (&tally, CP_APPROACH_DO_IT_YOURSELF, -3,
           _("Without experience or skills, doing it alone carries a much higher risk of failure."));

  if (a->outsourcing)
    argue (&tally, CP_APPROACH_DONE_TO_YOU, 2,
           _("The organisation is used to outsourcing work."));

  switch (a->commitment)
    {
    case CP_LEVEL_HIGH:
      argue (&tally, CP_APPROACH_COACHED, 1,
             _("Leadership is committed, so staff can be trusted with the lead."));
      argue (&tally, CP_APPROACH_DO_IT_YOURSELF, 1,
             _("Leadership is committed to seeing the programme through."));
      break;
    case CP_LEVEL_LOW:
      argue (&tally, CP_APPROACH_DONE_TO_YOU, 1,
             _("With little leadership commitment, an outside firm may be the only way "
               "to get the work done."));
      argue (&tally, CP_APPROACH_DONE_TO_YOU, 0,
             _("Weak leadership commitment puts any approach at risk; win the sponsor over "
               "before the first cycle."));
      break;
    case CP_LEVEL_MEDIUM:
    default:
      break;
    }

  if (a->time_pressure == CP_LEVEL_HIGH)
    {
      argue (&tally, CP_APPROACH_DO_IT_YOURSELF, -2,
             _("Learning on the job is slow, and time is short."));
      argue (&tally, CP_APPROACH_COACHED, 1,
             _("Coaching is potentially the fastest route to the benefits."));
      argue (&tally, CP_APPROACH_DONE_TO_YOU, 1,
             _("An outside firm is the quickest way to an implementation."));
    }
  else if (a->time_pressure == CP_LEVEL_LOW)
    argue (&tally, CP_APPROACH_DO_IT_YOURSELF, 1,
           _("There is time to learn from mistakes along the way."));

  /* Having done it before is what makes going it alone sensible. */
  if (a->similar_projects == CP_LEVEL_HIGH)
    argue (&tally, CP_APPROACH_DO_IT_YOURSELF, 2,
           _("The organisation has already done several similar projects successfully."));
  else if (a->similar_projects == CP_LEVEL_LOW)
    argue (&tally, CP_APPROACH_DO_IT_YOURSELF, -1,
           _("No similar project has been done here before: the first attempt alone is where "
             "inexperience costs most."));

  /* Going it alone to save money is a false economy, unless it has been
   * done well before.
   */
  if (a->budget == CP_LEVEL_LOW)
    {
      if (a->similar_projects == CP_LEVEL_HIGH)
        argue (&tally, CP_APPROACH_DO_IT_YOURSELF, 2,
               _("The budget is tight, and with several similar projects behind it the "
                 "organisation can save the fees."));
      else
        {
          argue (&tally, CP_APPROACH_DO_IT_YOURSELF, 0,
                 _("Going it alone to save money is a false economy unless similar projects "
                   "have succeeded here before: mistakes, delays and a failed programme cost more."));
          argue (&tally, CP_APPROACH_COACHED, 1,
                 _("With money tight, expert coaching has the lowest total cost: staff do the work "
                   "and the coach is paid only where it counts."));
        }
      argue (&tally, CP_APPROACH_DONE_TO_YOU, -2,
             _("An outside firm is costly, and every later improvement cycle costs again."));
    }
  else if (a->budget == CP_LEVEL_HIGH)
    argue (&tally, CP_APPROACH_DONE_TO_YOU, 1,
           _("The budget allows for an outside firm."));

  r->approach = by_risk[0];
  for (guint i = 1; i < G_N_ELEMENTS (by_risk); i++)
    if (r->scores[by_risk[i]] > r->scores[r->approach])
      r->approach = by_risk[i];

  /* What the domain warns of in the approach recommended. */
  switch (r->approach)
    {
    case CP_APPROACH_DONE_TO_YOU:
      g_ptr_array_add (r->cautions,
                       g_strdup (_("“Done to you” is not recommended: the organisation disengages, "
                                   "little knowledge stays behind, and every later improvement cycle "
                                   "needs another costly engagement. If it must be, plan the knowledge "
                                   "transfer and name the process owners from the start, and check the "
                                   "firm’s ITSM expertise.")));
      break;
    case CP_APPROACH_DO_IT_YOURSELF:
      if (a->similar_projects != CP_LEVEL_HIGH)
        g_ptr_array_add (r->cautions,
                         g_strdup (_("Doing it yourself carries a much higher chance of failure "
                                     "through inexperience: set time aside to learn, and have the "
                                     "work reviewed from outside.")));
      break;
    case CP_APPROACH_COACHED:
      g_ptr_array_add (r->cautions,
                       g_strdup (_("Coaching can look expensive over the first one or two projects: "
                                   "weigh it against benefits that come sooner and more safely.")));
      break;
    case CP_APPROACH_UNDECIDED:
    default:
      break;
    }

  r->reasons = g_steal_pointer (&tally.why[r->approach]);
  if (r->reasons->len == 0)
    g_ptr_array_add (r->reasons,
                     g_strdup (_("Nothing argues strongly for another approach, and this one "
                                 "carries the lowest risk.")));

  for (guint i = 0; i < G_N_ELEMENTS (tally.why); i++)
    g_clear_pointer (&tally.why[i], g_ptr_array_unref);

  return r;
}

void
cp_recommendation_free (CpRecommendation *r)
{
  if (r == NULL)
    return;

  g_clear_pointer (&r->reasons, g_ptr_array_unref);
  g_clear_pointer (&r->cautions, g_ptr_array_unref);
  g_free (r);
}
