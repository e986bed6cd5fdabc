/* cp-stakeholder-map.h — stakeholders by influence and stance, drawn
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "cp-types.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} CpMapColor;

/* The map's colours: the window takes them from its style, the PDF
 * report prints its own.
 */
typedef struct
{
  CpMapColor ink;        /* names and labels */
  CpMapColor line;       /* the grid */
  CpMapColor against;    /* behind the sceptics and blockers */
  CpMapColor in_favour;  /* behind the supporters and champions */
} CpMapColors;

/* A person on the map, as plain values: a map can be drawn on any
 * thread, away from the stakeholders it was taken from.
 */
typedef struct
{
  char        *name;
  CpStance     stance;
  CpInfluence  influence;
} CpMapPerson;

GArray *cp_stakeholder_map_take     (GListModel        *stakeholders);
double  cp_stakeholder_map_height   (PangoContext      *context,
                                     double             width,
                                     GArray            *people);
void    cp_stakeholder_map_draw     (cairo_t           *cr,
                                     PangoContext      *context,
                                     double             width,
                                     GArray            *people,
                                     const CpMapColors *colors);
char   *cp_stakeholder_map_describe (GArray            *people);
char   *cp_stakeholder_map_dup_names (GArray            *people,
                                     CpInfluence        influence,
                                     CpStance           stance);

G_END_DECLS
