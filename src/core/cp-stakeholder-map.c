/* cp-stakeholder-map.c — stakeholders by influence and stance, drawn
 *
 * Three rows of influence, high at the top, against five columns of
 * stance, from blockers on the left to champions on the right (too
 * narrow for that, stance runs down and influence across); each
 * person's name in the cell where they stand. Who has no stance or no
 * influence said yet is listed under the map. It works on the people
 * as plain values (cp_stakeholder_map_take()), so that a report can
 * draw it on a thread of its own. The window and the PDF
 * report draw it with the same code, each with its own colours; the
 * description says the same in words, for assistive technology.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-stakeholder-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cp-stakeholder.h"
#include "cp-stakeholder-map.h"

#define PAD 5.0
#define N_COLUMNS 5
#define N_ROWS 3

/* Left to right: from against the programme to for it. */
static const CpStance columns[N_COLUMNS] = {
  CP_STANCE_BLOCKER, CP_STANCE_SCEPTIC, CP_STANCE_NEUTRAL, CP_STANCE_SUPPORTER, CP_STANCE_CHAMPION,
};

/* Top to bottom. */
static const CpInfluence rows[N_ROWS] = {
  CP_INFLUENCE_HIGH, CP_INFLUENCE_MEDIUM, CP_INFLUENCE_LOW,
};

static void
person_clear (CpMapPerson *person)
{
  g_clear_pointer (&person->name, g_free);
}

/**
 * cp_stakeholder_map_take:
 * @stakeholders: of CpStakeholder
 *
 * Returns: (transfer full) (element-type CpMapPerson): the people of
 *   @stakeholders as the map needs them, taken now
 */
GArray *
cp_stakeholder_map_take (GListModel *stakeholders)
{
  guint n = g_list_model_get_n_items (stakeholders);
  GArray *people = g_array_sized_new (FALSE, TRUE, sizeof (CpMapPerson), n);

  g_array_set_clear_func (people, (GDestroyNotify) person_clear);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);
      const char *name = cp_stakeholder_get_name (stakeholder);
      CpMapPerson person = {
        g_strdup (*name != '\0' ? name : _("Unnamed stakeholder")),
        cp_stakeholder_get_stance (stakeholder),
        cp_stakeholder_get_influence (stakeholder),
      };

      g_array_append_val (people, person);
    }

  return people;
}

static gboolean
placed (const CpMapPerson *person)
{
  return person->stance != CP_STANCE_UNSET && person->influence != CP_INFLUENCE_UNSET;
}

/**
 * cp_stakeholder_map_dup_names:
 *
 * Returns: (transfer full): the names of those of @influence and
 *   @stance, comma separated, or "" for none
 */
char *
cp_stakeholder_map_dup_names (GArray      *people,
                              CpInfluence  influence,
                              CpStance     stance)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      const CpMapPerson *person = &g_array_index (people, CpMapPerson, i);

      if (person->influence != influence || person->stance != stance)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, person->name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
dup_unplaced (GArray *people)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      const CpMapPerson *person = &g_array_index (people, CpMapPerson, i);

      if (placed (person))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, person->name);
    }

  if (names->len == 0)
    return NULL;

  /* Translators: under the stakeholder map, the people not on it. */
  return g_strdup_printf (_("Not on the map until their stance and influence are said: %s"), names->str);
}

/* Where everything goes, for a width. Wide, influence runs down the
 * left and stance across the bottom; narrow, where five columns of
 * names would break words, the two change places.
 */
typedef struct
{
  gboolean transposed;
  guint    n_down, n_across;
  double   label_width;            /* the labels down the left */
  double   column_width;
  double   row_height[N_COLUMNS];
  double   across_height;          /* the labels under the grid */
  double   grid_height;
  double   unplaced_height;
} Geometry;

/* Narrower than this, a column of the wide map cannot hold a name. */
#define MIN_COLUMN_WIDTH 84.0

/* Champions at the top when stance runs down. */
static CpStance
stance_down (guint i)
{
  return columns[N_COLUMNS - 1 - i];
}

static const char *
down_label (const Geometry *g,
            guint           i)
{
  return g->transposed ? cp_stance_get_name (stance_down (i)) : cp_influence_get_name (rows[i]);
}

static const char *
across_label (const Geometry *g,
              guint           j)
{
  return g->transposed ? cp_influence_get_name (rows[j]) : cp_stance_get_name (columns[j]);
}

static void
cell_of (const Geometry *g,
         guint           i,
         guint           j,
         CpInfluence    *influence,
         CpStance       *stance)
{
  *influence = g->transposed ? rows[j] : rows[i];
  *stance = g->transposed ? stance_down (i) : columns[j];
}

/* How strongly a cell is tinted, against (< 0) or in favour (> 0). */
static double
tint (CpStance stance)
{
  switch (stance)
    {
    case CP_STANCE_BLOCKER:
      return -0.22;
    case CP_STANCE_SCEPTIC:
      return -0.11;
    case CP_STANCE_SUPPORTER:
      return 0.11;
    case CP_STANCE_CHAMPION:
      return 0.22;
    case CP_STANCE_NEUTRAL:
    case CP_STANCE_UNSET:
    default:
      return 0.0;
    }
}

static PangoLayout *
new_layout (PangoContext *context,
            const char   *text,
            double        width,
            gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  /* A little smaller than the text around it, so that names fit. */
  {
    PangoAttrList *attrs = pango_attr_list_new ();

    pango_attr_list_insert (attrs, pango_attr_scale_new (0.9));
    if (bold)
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
  }

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

/* The names in a cell, one a line (a long one wraps). */
static PangoLayout *
cell_layout (PangoContext   *context,
             GArray         *people,
             const Geometry *g,
             guint           i,
             guint           j)
{
  CpInfluence influence;
  CpStance stance;
  g_autofree char *names = NULL;
  g_auto(GStrv) each = NULL;
  g_autofree char *lines = NULL;

  cell_of (g, i, j, &influence, &stance);
  names = cp_stakeholder_map_dup_names (people, influence, stance);
  each = g_strsplit (names, ", ", -1);
  lines = g_strjoinv ("\n", each);

  return new_layout (context, lines, g->column_width - 2 * PAD, FALSE);
}

static void
lay_out (PangoContext *context,
         double        width,
         GArray       *people,
         gboolean      transposed,
         Geometry     *g)
{
  g->transposed = transposed;
  g->n_down = transposed ? N_COLUMNS : N_ROWS;
  g->n_across = transposed ? N_ROWS : N_COLUMNS;

  g->label_width = 0;
  for (guint i = 0; i < g->n_down; i++)
    {
      g_autoptr(PangoLayout) label = new_layout (context, down_label (g, i), -1, TRUE);
      int w;

      pango_layout_get_pixel_size (label, &w, NULL);
      g->label_width = MAX (g->label_width, w + 2 * PAD);
    }
  g->column_width = MAX (1.0, (width - g->label_width) / g->n_across);
}

static void
measure (PangoContext *context,
         double        width,
         GArray       *people,
         Geometry     *g)
{
  g_autofree char *unplaced = dup_unplaced (people);

  lay_out (context, width, people, FALSE, g);
  if (g->column_width < MIN_COLUMN_WIDTH)
    lay_out (context, width, people, TRUE, g);

  g->across_height = 0;
  for (guint j = 0; j < g->n_across; j++)
    {
      g_autoptr(PangoLayout) label = new_layout (context, across_label (g, j), g->column_width - 2 * PAD, TRUE);

      g->across_height = MAX (g->across_height, layout_height (label) + 2 * PAD);
    }

  g->grid_height = 0;
  for (guint i = 0; i < g->n_down; i++)
    {
      g_autoptr(PangoLayout) one = new_layout (context, g->transposed ? "Xg" : "Xg\nXg", -1, FALSE);

      /* Room for a name or two at least, so an empty map still reads as one. */
      g->row_height[i] = layout_height (one) + 2 * PAD;
      for (guint j = 0; j < g->n_across; j++)
        {
          g_autoptr(PangoLayout) cell = cell_layout (context, people, g, i, j);

          g->row_height[i] = MAX (g->row_height[i], layout_height (cell) + 2 * PAD);
        }
      g->grid_height += g->row_height[i];
    }

  g->unplaced_height = 0;
  if (unplaced != NULL)
    {
      g_autoptr(PangoLayout) note = new_layout (context, unplaced, width, FALSE);

      g->unplaced_height = layout_height (note) + PAD;
    }
}

/**
 * cp_stakeholder_map_height:
 * @context: the fonts the map is drawn with
 * @people: (element-type CpMapPerson): from cp_stakeholder_map_take()
 *
 * Returns: the height the map needs at @width
 */
double
cp_stakeholder_map_height (PangoContext *context,
                           double        width,
                           GArray       *people)
{
  Geometry g;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (people != NULL, 0);

  measure (context, width, people, &g);

  return g.grid_height + g.across_height + g.unplaced_height;
}

static void
set_color (cairo_t          *cr,
           const CpMapColor *color,
           double            alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/**
 * cp_stakeholder_map_draw:
 * @cr: where to draw, the map's top left at the origin
 * @context: the fonts, as cp_stakeholder_map_height() measured with
 * @people: (element-type CpMapPerson): from cp_stakeholder_map_take()
 */
void
cp_stakeholder_map_draw (cairo_t           *cr,
                         PangoContext      *context,
                         double             width,
                         GArray            *people,
                         const CpMapColors *colors)
{
  Geometry g;
  g_autofree char *unplaced = NULL;
  double y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (people != NULL);
  g_return_if_fail (colors != NULL);

  unplaced = dup_unplaced (people);
  measure (context, width, people, &g);
  cairo_save (cr);

  /* Against in red, in favour in green, stronger at the extremes. */
  y = 0;
  for (guint i = 0; i < g.n_down; i++)
    {
      for (guint j = 0; j < g.n_across; j++)
        {
          CpInfluence influence;
          CpStance stance;
          double strength;

          cell_of (&g, i, j, &influence, &stance);
          strength = tint (stance);
          if (strength == 0.0)
            continue;
          set_color (cr, strength < 0 ? &colors->against : &colors->in_favour, fabs (strength));
          cairo_rectangle (cr, g.label_width + j * g.column_width, y, g.column_width, g.row_height[i]);
          cairo_fill (cr);
        }
      y += g.row_height[i];
    }

  /* The grid. */
  set_color (cr, &colors->line, 1.0);
  cairo_set_line_width (cr, 1.0);
  y = 0;
  for (guint i = 0; i <= g.n_down; i++)
    {
      cairo_move_to (cr, g.label_width, y + 0.5);
      cairo_line_to (cr, width, y + 0.5);
      if (i < g.n_down)
        y += g.row_height[i];
    }
  for (guint j = 0; j <= g.n_across; j++)
    {
      double x = g.label_width + j * g.column_width;

      cairo_move_to (cr, (j == g.n_across ? x - 1 : x) + 0.5, 0);
      cairo_line_to (cr, (j == g.n_across ? x - 1 : x) + 0.5, g.grid_height);
    }
  cairo_stroke (cr);

  /* Labels down the left, the names in their cells. */
  set_color (cr, &colors->ink, 1.0);
  y = 0;
  for (guint i = 0; i < g.n_down; i++)
    {
      g_autoptr(PangoLayout) label = new_layout (context, down_label (&g, i), -1, TRUE);

      show (cr, label, PAD, y + PAD);
      for (guint j = 0; j < g.n_across; j++)
        {
          g_autoptr(PangoLayout) cell = cell_layout (context, people, &g, i, j);

          show (cr, cell, g.label_width + j * g.column_width + PAD, y + PAD);
        }
      y += g.row_height[i];
    }

  /* And along the bottom. */
  for (guint j = 0; j < g.n_across; j++)
    {
      g_autoptr(PangoLayout) label = new_layout (context, across_label (&g, j), g.column_width - 2 * PAD, TRUE);

      pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
      show (cr, label, g.label_width + j * g.column_width + PAD, g.grid_height + PAD);
    }

  if (unplaced != NULL)
    {
      g_autoptr(PangoLayout) note = new_layout (context, unplaced, width, FALSE);

      show (cr, note, 0, g.grid_height + g.across_height + PAD);
    }

  cairo_restore (cr);
}

/**
 * cp_stakeholder_map_describe:
 *
 * Returns: (transfer full): the map in words, cell by cell, the empty
 *   ones left out
 */
char *
cp_stakeholder_map_describe (GArray *people)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *unplaced = dup_unplaced (people);

  g_return_val_if_fail (people != NULL, NULL);

  for (guint r = 0; r < N_ROWS; r++)
    for (guint c = N_COLUMNS; c-- > 0;)
      {
        g_autofree char *names = cp_stakeholder_map_dup_names (people, rows[r], columns[c]);

        if (*names == '\0')
          continue;
        if (out->len > 0)
          g_string_append (out, "; ");
        /* Translators: a cell of the stakeholder map in words, as "Influence high, champion: Dana". */
        g_string_append_printf (out, _("Influence %s, %s: %s"), cp_influence_get_name (rows[r]),
                                cp_stance_get_name (columns[c]), names);
      }

  if (out->len == 0)
    g_string_append (out, _("No one is on the map yet."));
  g_string_append (out, ".");
  if (unplaced != NULL)
    g_string_append_printf (out, " %s.", unplaced);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
