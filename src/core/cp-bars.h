/* cp-bars.h — how far along each thing is, as bars drawn with cairo
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cp-types.h"

G_BEGIN_DECLS

/* One bar: a label, how far along (0 to 1), where it should be by now
 * (0 to 1, or NAN), a short text after it, and whether to warn.
 */
typedef struct
{
  char     *label;
  char     *text;
  double    value;
  double    marker;
  gboolean  warn;
} CpBar;

typedef struct
{
  double fg[3];
  double accent[3];
  double warning[3];
  gboolean high_contrast;   /* outlines as strong as text */
} CpBarColors;

#define CP_BARS_ROW_HEIGHT 30.0

GArray *cp_bars_new              (void);
void    cp_bars_add              (GArray            *bars,
                                  const char        *label,
                                  double             value,
                                  double             marker,
                                  const char        *text,
                                  gboolean           warn);
double  cp_bars_measure          (GArray            *bars,
                                  PangoLayout       *layout,
                                  double             width);
void    cp_bars_draw             (GArray            *bars,
                                  cairo_t           *cr,
                                  PangoLayout       *layout,
                                  double             width,
                                  const CpBarColors *colors);
GArray *cp_bars_for_phases       (CpEngagement      *engagement);
GArray *cp_bars_for_goals        (CpEngagement      *engagement,
                                  const char        *today);
GArray *cp_bars_for_maturity     (CpEngagement      *engagement);

G_END_DECLS
