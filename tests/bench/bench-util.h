/* bench-util.h — what the benchmarks share: a large database made through
 * the core API, medians, and the results file
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdio.h>

#include "cp-store.h"

/* Sizes of the large database, as the benchmarks' brief asks. */
#define BENCH_ENGAGEMENTS     10000
#define BENCH_NOTES           100000
#define BENCH_ITEMS           50       /* checklist items an engagement */
#define BENCH_NOTE_BYTES      500

static const char *bench_words[] = {
  "change", "incident", "problem", "service", "desk", "release", "capacity", "availability",
  "sponsor", "workshop", "baseline", "maturity", "process", "owner", "review", "target",
  "backlog", "priority", "customer", "supplier", "contract", "measure", "report", "trend",
  "escalation", "handover", "coaching", "approval", "risk", "schedule", "outage", "root",
  "cause", "knowledge", "article", "catalogue", "request", "fulfilment", "portfolio", "budget",
  "continual", "improvement", "register", "opportunity", "vision", "momentum", "culture",
  "training", "champion", "metric", "dashboard", "agreement", "operational", "strategy",
};

/* About @bytes of Markdown: a heading, then sentences of the words. */
static inline char *
bench_note_text (GRand *rand,
                 guint  bytes,
                 guint  serial)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "# %s %s %u\n\n",
                          bench_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (bench_words))],
                          bench_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (bench_words))], serial);
  while (out->len < bytes)
    {
      g_string_append (out, bench_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (bench_words))]);
      g_string_append (out, g_rand_int_range (rand, 0, 12) == 0 ? ".\n" : " ");
    }
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static inline double
bench_median (GArray *values)
{
  g_array_sort (values, bench_compare_doubles);

  return values->len ? g_array_index (values, double, values->len / 2) : 0;
}

/* The value below which 95 in 100 of @values fall. */
static inline double
bench_p95 (GArray *values)
{
  g_array_sort (values, bench_compare_doubles);

  return values->len ? g_array_index (values, double, MIN (values->len - 1, (values->len * 95 + 99) / 100 - 1))
                     : 0;
}

static inline double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* One figure, its floor and the goal, printed and kept for the JSON. */
typedef struct
{
  const char *name;
  const char *unit;
  double      value;
  double      floor;      /* 0: an absolute goal */
  const char *goal;       /* as the brief words it */
  gboolean    met;
  double      p95;        /* the 95th percentile of what the median is of */
  double      floor_p95;
} BenchResult;

/* @r's value and floor as the medians of @values and @floors (either may
 * be NULL), and their 95th percentiles.
 */
static inline void
bench_summarize (BenchResult *r,
                 GArray      *values,
                 GArray      *floors)
{
  if (values != NULL)
    {
      r->value = bench_median (values);
      r->p95 = bench_p95 (values);
    }
  if (floors != NULL)
    {
      r->floor = bench_median (floors);
      r->floor_p95 = bench_p95 (floors);
    }
}

static inline void
bench_print (const BenchResult *r)
{
  char p95[32] = "", floor_p95[32] = "";

  if (r->p95 > 0)
    g_snprintf (p95, sizeof p95, "p95 %.2f", r->p95);
  if (r->floor_p95 > 0)
    g_snprintf (floor_p95, sizeof floor_p95, "p95 %.2f", r->floor_p95);

  if (r->floor > 0)
    printf ("%-44s %9.2f %-4s %-12s floor %9.2f %-12s ratio %5.2f  goal %-16s %s\n", r->name, r->value,
            r->unit, p95, r->floor, floor_p95, r->value / r->floor, r->goal, r->met ? "met" : "NOT MET");
  else
    printf ("%-44s %9.2f %-4s %-12s %36s goal %-16s %s\n", r->name, r->value, r->unit, p95, "", r->goal,
            r->met ? "met" : "NOT MET");
  fflush (stdout);
}

/* Appends the results to the JSON array in @path (made if missing). */
static inline void
bench_save (const char        *path,
            const BenchResult *results,
            guint              n)
{
  g_autofree char *old = NULL;
  GString *out;

  if (path == NULL)
    return;

  if (g_file_get_contents (path, &old, NULL, NULL) && g_str_has_suffix (g_strstrip (old), "]"))
    {
      out = g_string_new (old);
      g_string_truncate (out, out->len - 1);
      while (out->len > 0 && (out->str[out->len - 1] == '\n' || out->str[out->len - 1] == ' '))
        g_string_truncate (out, out->len - 1);
      if (out->len > 1)
        g_string_append (out, ",");
      g_string_append_c (out, '\n');
    }
  else
    out = g_string_new ("[\n");

  for (guint i = 0; i < n; i++)
    {
      const BenchResult *r = &results[i];
      char value[G_ASCII_DTOSTR_BUF_SIZE], floor_[G_ASCII_DTOSTR_BUF_SIZE];
      char p95[G_ASCII_DTOSTR_BUF_SIZE], floor_p95[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (value, sizeof value, "%.3f", r->value);
      g_ascii_formatd (floor_, sizeof floor_, "%.3f", r->floor);
      g_ascii_formatd (p95, sizeof p95, "%.3f", r->p95);
      g_ascii_formatd (floor_p95, sizeof floor_p95, "%.3f", r->floor_p95);
      g_string_append_printf (out, "  {\"name\": \"%s\", \"unit\": \"%s\", \"value\": %s, \"p95\": %s, "
                              "\"floor\": %s, \"floor_p95\": %s, \"goal\": \"%s\", \"met\": %s}%s\n",
                              r->name, r->unit, value, r->p95 > 0 ? p95 : "null",
                              r->floor > 0 ? floor_ : "null", r->floor_p95 > 0 ? floor_p95 : "null", r->goal,
                              r->met ? "true" : "false", i + 1 < n ? "," : "");
    }
  g_string_append (out, "]\n");
  g_file_set_contents (path, out->str, out->len, NULL);
  g_string_free (out, TRUE);
}
