/* cp-bars.c — how far along each thing is, as bars drawn with cairo: a
 * label, a track from 0 to 1 filled to the value, perhaps a mark for where
 * it should be by now, and a short text at the end. The window and the
 * PDF report draw the same bars.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-bars"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cp-bars.h"
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-goal.h"
#include "cp-kpi.h"
#include "cp-maturity.h"
#include "cp-phase.h"

#define LABEL_SHARE 0.34
#define TEXT_WIDTH 100.0
#define BAR_HEIGHT 10.0

static void
bar_clear (gpointer data)
{
  CpBar *bar = data;

  g_free (bar->label);
  g_free (bar->text);
}

/**
 * cp_bars_new:
 *
 * Returns: (transfer full) (element-type CpBar): no bars yet
 */
GArray *
cp_bars_new (void)
{
  GArray *bars = g_array_new (FALSE, TRUE, sizeof (CpBar));

  g_array_set_clear_func (bars, bar_clear);

  return bars;
}

void
cp_bars_add (GArray     *bars,
             const char *label,
             double      value,
             double      marker,
             const char *text,
             gboolean    warn)
{
  CpBar bar = { g_strdup (label), g_strdup (text), value, marker, warn };

  g_array_append_val (bars, bar);
}

/* Lays @text out whole, wrapped to @width; returns its height. */
static int
lay_out (PangoLayout *layout,
         const char  *text,
         double       width)
{
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

typedef struct
{
  double label_width;
  double track;
} Columns;

static Columns
columns (double width)
{
  Columns c;

  c.label_width = MIN (width * LABEL_SHARE, 200);
  c.track = MAX (width - c.label_width - TEXT_WIDTH - 12, 40);

  return c;
}

/* A row is as tall as its label or its text needs, at least one line's
 * worth of bar.
 */
static double
row_height (const CpBar *bar,
            PangoLayout *layout,
            Columns      c)
{
  int label = lay_out (layout, bar->label, c.label_width - 12);
  int text = lay_out (layout, bar->text, TEXT_WIDTH);

  return MAX (CP_BARS_ROW_HEIGHT, MAX (label, text) + 10);
}

/**
 * cp_bars_measure:
 * @layout: set up with the font the bars are drawn in
 *
 * Returns: the height the bars take at @width, every label whole
 */
double
cp_bars_measure (GArray      *bars,
                 PangoLayout *layout,
                 double       width)
{
  Columns c = columns (width);
  double height = 0;

  for (guint i = 0; i < bars->len; i++)
    height += row_height (&g_array_index (bars, CpBar, i), layout, c);

  return height;
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       width,
           double       height)
{
  int text_height = lay_out (layout, text, width);

  cairo_move_to (cr, x, y + (height - text_height) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
set_color (cairo_t      *cr,
           const double  rgb[3],
           double        alpha)
{
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
}

/**
 * cp_bars_draw:
 * @width: the width to fill; the height is cp_bars_measure()'s
 *
 * Draws the bars from the current point's origin, (0, 0): each label
 * whole, each value written as well as drawn, the track outlined so
 * that it stands out from the page.
 */
void
cp_bars_draw (GArray            *bars,
              cairo_t           *cr,
              PangoLayout       *layout,
              double             width,
              const CpBarColors *colors)
{
  Columns c = columns (width);
  double y = 0;

  for (guint i = 0; i < bars->len; i++)
    {
      const CpBar *bar = &g_array_index (bars, CpBar, i);
      double height = row_height (bar, layout, c);
      double bar_y = y + (height - BAR_HEIGHT) / 2.0;

      set_color (cr, colors->fg, 1);
      show_text (cr, layout, bar->label, 0, y, c.label_width - 12, height);

      set_color (cr, colors->fg, 0.08);
      cairo_rectangle (cr, c.label_width, bar_y, c.track, BAR_HEIGHT);
      cairo_fill (cr);

      set_color (cr, bar->warn ? colors->warning : colors->accent, 1);
      cairo_rectangle (cr, c.label_width, bar_y, c.track * CLAMP (bar->value, 0, 1), BAR_HEIGHT);
      cairo_fill (cr);

      /* An outline as dark as text at 3:1 or more. */
      set_color (cr, colors->fg, colors->high_contrast ? 1 : 0.6);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, c.label_width + 0.5, bar_y + 0.5, c.track - 1, BAR_HEIGHT - 1);
      cairo_stroke (cr);

      if (!isnan (bar->marker))
        {
          set_color (cr, colors->fg, 1);
          cairo_rectangle (cr, c.label_width + c.track * CLAMP (bar->marker, 0, 1) - 1, bar_y - 4,
                           2, BAR_HEIGHT + 8);
          cairo_fill (cr);
        }

      set_color (cr, colors->fg, 1);
      show_text (cr, layout, bar->text, c.label_width + c.track + 12, y, TEXT_WIDTH, height);
      y += height;
    }
}

/**
 * cp_bars_for_phases:
 *
 * Returns: (transfer full): a bar for each phase of the current cycle,
 *   with its status
 */
GArray *
cp_bars_for_phases (CpEngagement *engagement)
{
  GArray *bars = cp_bars_new ();
  CpCycle *cycle = cp_engagement_get_current_cycle (engagement);
  GListModel *phases = cycle ? cp_cycle_get_phases (cycle, NULL) : NULL;

  for (guint i = 0; phases && i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(CpPhase) phase = g_list_model_get_item (phases, i);

      /* Translators: how far a phase is, then its status. */
      g_autofree char *text = g_strdup_printf (_("%.0f %% · %s"), cp_phase_get_progress (phase) * 100,
                                               cp_phase_status_get_label (cp_phase_get_status (phase)));

      cp_bars_add (bars, cp_phase_get_name (phase), cp_phase_get_progress (phase), NAN, text, FALSE);
    }

  return bars;
}

/* How far a goal has come from its baseline to its target, 0 to 1. */
static double
share (double baseline,
       double target,
       double value)
{
  return target == baseline ? 1 : (value - baseline) / (target - baseline);
}

/**
 * cp_bars_for_goals:
 * @today: YYYY-MM-DD, for where each goal should be by now
 *
 * Returns: (transfer full): a bar for each goal: how far it has come from
 *   its baseline to its target, marked where it should be by @today
 */
GArray *
cp_bars_for_goals (CpEngagement *engagement,
                   const char   *today)
{
  GArray *bars = cp_bars_new ();
  GListModel *goals = cp_engagement_get_goals (engagement, NULL);

  for (guint i = 0; goals && i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(CpGoal) goal = g_list_model_get_item (goals, i);
      const CpReading *latest = cp_goal_get_latest (goal);
      double baseline = cp_goal_get_baseline_value (goal);
      double target = cp_goal_get_target_value (goal);
      double expected = cp_kpi_expected (baseline, cp_goal_get_baseline_date (goal), target,
                                         cp_goal_get_target_date (goal), today);
      CpTrack track = cp_goal_get_track (goal);
      g_autofree char *text = NULL;

      /* Translators: a goal's latest reading, its target, and whether it
       * is on track, as "64 of 90 · Off track".
       */
      text = latest ? g_strdup_printf (_("%g of %g · %s"), latest->value, target, cp_track_get_label (track))
                    : g_strdup (cp_track_get_label (track));
      cp_bars_add (bars, cp_goal_get_name (goal),
                   latest ? share (baseline, target, latest->value) : 0,
                   isnan (expected) ? NAN : share (baseline, target, expected),
                   text, track == CP_TRACK_OFF_TRACK);
    }

  return bars;
}

/**
 * cp_bars_for_maturity:
 *
 * Returns: (transfer full): a bar for each scored practice: its level at
 *   the review (or, not reviewed yet, at the baseline) out of 5, marked at
 *   the baseline
 */
GArray *
cp_bars_for_maturity (CpEngagement *engagement)
{
  GArray *bars = cp_bars_new ();
  GListModel *scores = cp_engagement_get_maturity (engagement, NULL);

  for (guint i = 0; scores && i < g_list_model_get_n_items (scores); i++)
    {
      g_autoptr(CpMaturity) m = g_list_model_get_item (scores, i);
      int before = cp_maturity_get_baseline_level (m);
      int after = cp_maturity_get_review_level (m);
      int now = after >= 0 ? after : before;
      g_autofree char *text = NULL;

      if (now < 0)
        continue;

      /* Not reviewed yet: no bar, the baseline marked and said. */
      if (after < 0)
        text = g_strdup_printf (_("%d, not reviewed yet"), before);
      else if (before >= 0)
        text = g_strdup_printf ("%d → %d", before, after);
      else
        text = g_strdup_printf ("%d", after);
      cp_bars_add (bars, cp_maturity_get_practice (m), after >= 0 ? after / 5.0 : 0,
                   before >= 0 ? before / 5.0 : NAN, text, after >= 0 && after < before);
    }

  return bars;
}
