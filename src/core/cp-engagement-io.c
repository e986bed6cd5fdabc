/* cp-engagement-io.c — a whole engagement as a folder of Markdown files
 *
 * The folder holds engagement.md (front matter, then the scope), one
 * file for each part of the engagement and notes/ as the notes export
 * writes it; doc/engagement-folder.md describes every file. Each part is
 * described once, below, as a list of columns with the SQL that reads
 * and writes it, and the same description drives both the export and
 * the import, so the two cannot drift apart.
 *
 * Export reads the database in a stable order and writes nothing that
 * changes when the data does not. Import reads and checks every file
 * before it writes, then adds the engagement in one transaction: all of
 * it or, if any line is wrong, nothing — and the message names the file
 * and the line.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-engagement-io"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-engagement-io.h"
#include "cp-markdown.h"
#include "cp-note-private.h"
#include "cp-notes-io.h"
#include "cp-notes-io-private.h"
#include "cp-store-private.h"

#define FORMAT_NAME "coachplan-engagement"

/* Far past any real part file; a guard against reading something else. */
#define PART_MAX_BYTES (64 * 1024 * 1024)

/* How a value is written in a file, and what it may hold. */
typedef enum
{
  K_NUMBER,       /* "#": the row's number in its file, which others use */
  K_TEXT,         /* text; empty is "" */
  K_NTEXT,        /* text; empty is no value */
  K_DATE,         /* YYYY-MM-DD */
  K_STAMP,        /* YYYY-MM-DDTHH:MM:SSZ */
  K_INT,
  K_LEVEL,        /* a maturity level, 0 to 5 */
  K_REAL,
  K_ENUM,         /* one of the column's allowed words */
  K_DONE,         /* a task's box */
  K_BLOCK,        /* text of many lines in a fenced block of its own */
  K_FILE,         /* notes.md: the note's file in notes/, as a link */
  K_ATTENDEES,    /* numbers of people.md, comma separated */
  /* References to rows of other lists. */
  K_PHASE,        /* "cycle.phase", as 1.3 */
  K_PERSON,
  K_SESSION,
  K_NOTE,         /* the note's file name */
  K_OPPORTUNITY,  /* its number in the register */
  K_GOAL,
  K_WORKSTREAM,
  N_KINDS
} Kind;

#define IS_REF(kind) ((kind) >= K_PHASE && (kind) < N_KINDS)

typedef struct
{
  const char *title;
  Kind        kind;
  const char *allowed;    /* K_ENUM: the words, "|"-separated */
  guint       required : 1;
  guint       ref : 1;    /* rows are referred to by this value */
} Column;

typedef struct
{
  /* ?1 is the owner's id; selects the row's id, then each column but
   * "#", in order.
   */
  const char   *select;
  /* ?1 the owner's id, ?2 the row's position, then from ?3 each column
   * but "#" and attendees, in order.
   */
  const char   *insert;
  Kind          ref_kind;   /* what other rows call these, or N_KINDS */
  const Column *columns;
  guint         n_columns;
} List;

#define LIST(select, insert, ref_kind, columns) \
  { select, insert, ref_kind, columns, G_N_ELEMENTS (columns) }

#define APPROACHES "undecided|done-to-you|do-it-yourself|coached"
#define STAGES "coach-leads|staff-with-coach|staff-alone"

static const Column engagement_columns[] = {
  { "title", K_TEXT },
  { "client", K_TEXT },
  { "sponsor", K_TEXT },
  { "coach", K_TEXT },
  { "approach", K_ENUM, APPROACHES, TRUE },
  { "driver", K_ENUM, "undecided|strategy|operational", TRUE },
  { "status", K_ENUM, "planned|active|closed", TRUE },
  { "start", K_DATE },
  { "end", K_DATE },
  { "created", K_STAMP, NULL, TRUE },
  { "updated", K_STAMP, NULL, TRUE },
  { "scope", K_BLOCK },
};

static const List engagement_list = LIST (
  "SELECT id, title, client, sponsor, coach, approach, driver, status, start_date, end_date, "
  "created_at, updated_at, scope FROM engagement WHERE id = ?1",
  "INSERT INTO engagement (title, client, sponsor, coach, approach, driver, status, start_date, "
  "end_date, created_at, updated_at, scope) "
  "VALUES (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
  N_KINDS, engagement_columns);

static const Column person_columns[] = {
  { "#", K_NUMBER },
  { "Name", K_TEXT },
  { "Role", K_TEXT },
  { "Contact", K_TEXT },
};

static const List person_list = LIST (
  "SELECT id, name, role, contact FROM stakeholder WHERE engagement_id = ?1 ORDER BY position, id",
  "INSERT INTO stakeholder (engagement_id, position, name, role, contact) VALUES (?1, ?2, ?3, ?4, ?5)",
  K_PERSON, person_columns);

static const Column approach_change_columns[] = {
  { "On", K_DATE, NULL, TRUE },
  { "From", K_ENUM, APPROACHES, TRUE },
  { "To", K_ENUM, APPROACHES, TRUE },
  { "Reason", K_TEXT },
};

static const List approach_change_list = LIST (
  "SELECT id, changed_on, from_approach, to_approach, reason FROM approach_change "
  "WHERE engagement_id = ?1 ORDER BY id",
  "INSERT INTO approach_change (engagement_id, changed_on, from_approach, to_approach, reason) "
  "VALUES (?1, ?3, ?4, ?5, ?6)",
  N_KINDS, approach_change_columns);

static const Column cycle_columns[] = {
  { "Number", K_INT, NULL, TRUE },
  { "Template", K_TEXT, NULL, TRUE },
  { "Template name", K_TEXT },
  { "Approach", K_ENUM, APPROACHES, TRUE },
  { "Started", K_DATE, NULL, TRUE },
};

static const List cycle_list = LIST (
  "SELECT id, number, template, template_name, approach, started_on FROM cycle "
  "WHERE engagement_id = ?1 ORDER BY number",
  "INSERT INTO cycle (engagement_id, number, template, template_name, approach, started_on) "
  "VALUES (?1, ?3, ?4, ?5, ?6, ?7)",
  N_KINDS, cycle_columns);

static const Column phase_columns[] = {
  { "Name", K_TEXT },
  { "Role", K_ENUM, "vision|baseline|targets|plan|action|review|momentum", TRUE },
  { "Status", K_ENUM, "not-started|in-progress|done", TRUE },
  { "Description", K_TEXT },
};

static const List phase_list = LIST (
  "SELECT id, name, role, status, description FROM phase WHERE cycle_id = ?1 ORDER BY position, id",
  "INSERT INTO phase (cycle_id, position, name, role, status, description) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  N_KINDS, phase_columns);

static const Column checklist_columns[] = {
  { "Done", K_DONE },
  { "Text", K_TEXT },
  { "Source", K_ENUM, "template|approach|user", TRUE },
  { "Approach", K_ENUM, APPROACHES },
  { "Done by", K_NTEXT },
  { "Done at", K_NTEXT },
  { "Comment", K_TEXT },
};

static const List checklist_list = LIST (
  "SELECT id, done, text, source, approach, done_by, done_at, comment FROM checklist_item "
  "WHERE phase_id = ?1 ORDER BY position, id",
  "INSERT INTO checklist_item (phase_id, position, done, text, source, approach, done_by, done_at, "
  "comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  N_KINDS, checklist_columns);

static const Column sign_off_columns[] = {
  { "Signed on", K_DATE, NULL, TRUE },
  { "Reviewer", K_TEXT },
  { "Decision", K_ENUM, "approved|changes-requested", TRUE },
  { "Comments", K_TEXT },
  { "Recorded", K_STAMP, NULL, TRUE },
};

static const List sign_off_list = LIST (
  "SELECT id, signed_on, reviewer, decision, comments, recorded_at FROM sign_off "
  "WHERE phase_id = ?1 ORDER BY id",
  "INSERT INTO sign_off (phase_id, signed_on, reviewer, decision, comments, recorded_at) "
  "VALUES (?1, ?3, ?4, ?5, ?6, ?7)",
  N_KINDS, sign_off_columns);

static const Column session_columns[] = {
  { "#", K_NUMBER },
  { "Starts", K_TEXT, NULL, TRUE },
  { "Minutes", K_INT, NULL, TRUE },
  { "Kind", K_ENUM, "one-on-one|workshop|review|sponsor-meeting|remote", TRUE },
  { "Topic", K_TEXT },
  { "Phase", K_PHASE },
  { "Attendees", K_ATTENDEES },
};

static const List session_list = LIST (
  "SELECT id, starts_at, duration_minutes, kind, topic, phase_id, "
  "(SELECT group_concat (stakeholder_id) FROM session_attendee WHERE session_id = session.id) "
  "FROM session WHERE engagement_id = ?1 ORDER BY starts_at, id",
  "INSERT INTO session (engagement_id, starts_at, duration_minutes, kind, topic, phase_id) "
  "VALUES (?1, ?3, ?4, ?5, ?6, ?7)",
  K_SESSION, session_columns);

static const Column note_columns[] = {
  { "Note", K_FILE, NULL, TRUE, TRUE },
  { "Session", K_SESSION },
  { "Phase", K_PHASE },
};

/* Notes are read and written by hand: the list gives the index's shape. */
static const List note_list = LIST (
  "SELECT " CP_NOTE_COLUMNS " FROM note WHERE engagement_id = ?1 ORDER BY created_at, id",
  NULL, K_NOTE, note_columns);

static const Column opportunity_columns[] = {
  { "No", K_INT, NULL, TRUE, TRUE },
  { "Raised", K_DATE, NULL, TRUE },
  { "Size", K_ENUM, "small|medium|large", TRUE },
  { "Timescale", K_TEXT },
  { "Description", K_TEXT },
  { "Priority", K_ENUM, "low|medium|high", TRUE },
  { "KPI", K_TEXT },
  { "Justification", K_TEXT },
  { "Raised by", K_TEXT },
  { "Actioned by", K_TEXT },
  { "Required by", K_DATE },
  { "Status", K_ENUM, "raised|approved|in-progress|done|rejected", TRUE },
  { "Phase", K_PHASE },
};

static const List opportunity_list = LIST (
  "SELECT id, number, raised_on, size, timescale, description, priority, kpi, justification, "
  "raised_by, actioned_by, required_by, status, phase_id FROM opportunity "
  "WHERE engagement_id = ?1 ORDER BY number",
  "INSERT INTO opportunity (engagement_id, number, raised_on, size, timescale, description, "
  "priority, kpi, justification, raised_by, actioned_by, required_by, status, phase_id) "
  "VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
  K_OPPORTUNITY, opportunity_columns);

static const Column action_columns[] = {
  { "Done", K_DONE },
  { "Text", K_TEXT },
  { "Owner", K_TEXT },
  { "Due", K_DATE },
  { "Done on", K_NTEXT },
  { "Phase", K_PHASE },
  { "Note", K_NOTE },
  { "Opportunity", K_OPPORTUNITY },
  { "Created", K_STAMP, NULL, TRUE },
};

static const List action_list = LIST (
  "SELECT id, done, text, owner, due_on, done_on, phase_id, note_id, opportunity_id, created_at "
  "FROM action_item WHERE engagement_id = ?1 ORDER BY created_at, id",
  "INSERT INTO action_item (engagement_id, done, text, owner, due_on, done_on, phase_id, note_id, "
  "opportunity_id, created_at) VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  N_KINDS, action_columns);

static const Column goal_columns[] = {
  { "#", K_NUMBER },
  { "Goal", K_TEXT },
  { "Unit", K_TEXT },
  { "Baseline", K_REAL },
  { "Baseline date", K_DATE },
  { "Target", K_REAL },
  { "Target date", K_DATE },
};

static const List goal_list = LIST (
  "SELECT id, name, unit, baseline_value, baseline_date, target_value, target_date FROM goal "
  "WHERE engagement_id = ?1 ORDER BY position, id",
  "INSERT INTO goal (engagement_id, position, name, unit, baseline_value, baseline_date, "
  "target_value, target_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  K_GOAL, goal_columns);

static const Column reading_columns[] = {
  { "Goal", K_GOAL, NULL, TRUE },
  { "Taken on", K_DATE, NULL, TRUE },
  { "Value", K_REAL, NULL, TRUE },
};

static const List reading_list = LIST (
  "SELECT r.id, r.goal_id, r.taken_on, r.value FROM goal_reading r JOIN goal g ON g.id = r.goal_id "
  "WHERE g.engagement_id = ?1 ORDER BY g.position, g.id, r.taken_on, r.id",
  "INSERT INTO goal_reading (goal_id, taken_on, value) VALUES (?3, ?4, ?5)",
  N_KINDS, reading_columns);

static const Column maturity_columns[] = {
  { "Practice", K_TEXT, NULL, TRUE },
  { "Before", K_LEVEL },
  { "Evidence before", K_TEXT },
  { "After", K_LEVEL },
  { "Evidence after", K_TEXT },
};

static const List maturity_list = LIST (
  "SELECT id, practice, baseline_level, baseline_evidence, review_level, review_evidence "
  "FROM maturity WHERE engagement_id = ?1 ORDER BY position, id",
  "INSERT INTO maturity (engagement_id, position, practice, baseline_level, baseline_evidence, "
  "review_level, review_evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  N_KINDS, maturity_columns);

static const Column workstream_columns[] = {
  { "#", K_NUMBER },
  { "Workstream", K_TEXT },
  { "Owner", K_TEXT },
  { "Stage", K_ENUM, STAGES, TRUE },
};

static const List workstream_list = LIST (
  "SELECT id, name, owner, stage FROM workstream WHERE engagement_id = ?1 ORDER BY position, id",
  "INSERT INTO workstream (engagement_id, position, name, owner, stage) VALUES (?1, ?2, ?3, ?4, ?5)",
  K_WORKSTREAM, workstream_columns);

static const Column handover_columns[] = {
  { "Workstream", K_WORKSTREAM, NULL, TRUE },
  { "Stage", K_ENUM, STAGES, TRUE },
  { "Changed on", K_DATE, NULL, TRUE },
};

static const List handover_list = LIST (
  "SELECT c.id, c.workstream_id, c.stage, c.changed_on FROM workstream_change c "
  "JOIN workstream w ON w.id = c.workstream_id WHERE w.engagement_id = ?1 "
  "ORDER BY w.position, w.id, c.id",
  "INSERT INTO workstream_change (workstream_id, stage, changed_on) VALUES (?3, ?4, ?5)",
  N_KINDS, handover_columns);

static const Column exit_columns[] = {
  { "Done", K_DONE },
  { "Text", K_TEXT },
  { "Done on", K_DATE },
};

/* The box only shows the day; the day is what is stored. */
static const List exit_list = LIST (
  "SELECT id, done_on IS NOT NULL, text, done_on FROM exit_item "
  "WHERE engagement_id = ?1 ORDER BY position, id",
  "INSERT INTO exit_item (engagement_id, position, text, done_on) VALUES (?1, ?2, ?4, ?5)",
  N_KINDS, exit_columns);

static const Column contract_columns[] = {
  { "Version", K_INT, NULL, TRUE },
  { "Coach", K_TEXT },
  { "Client lead", K_TEXT },
  { "Sponsor", K_TEXT },
  { "Signed on", K_DATE },
  { "Goals", K_BLOCK },
  { "Measures", K_BLOCK },
  { "Roles", K_BLOCK },
};

static const List contract_list = LIST (
  "SELECT id, version, coach, client_lead, sponsor, signed_on, goals, measures, roles FROM contract "
  "WHERE engagement_id = ?1 ORDER BY version",
  "INSERT INTO contract (engagement_id, version, coach, client_lead, sponsor, signed_on, goals, "
  "measures, roles) VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  N_KINDS, contract_columns);

typedef enum
{
  SHAPE_TABLE,
  SHAPE_TASKS,
} Shape;

/* A part of a file: a second-level heading (none for the first part of
 * some files) and one list below it.
 */
typedef struct
{
  const char *heading;
  const List *list;
  Shape       shape;
} Part;

static const Part people_parts[] = { { NULL, &person_list, SHAPE_TABLE } };
static const Part session_parts[] = { { NULL, &session_list, SHAPE_TABLE } };
static const Part note_parts[] = { { NULL, &note_list, SHAPE_TABLE } };
static const Part register_parts[] = { { NULL, &opportunity_list, SHAPE_TABLE } };
static const Part action_parts[] = { { NULL, &action_list, SHAPE_TASKS } };
static const Part measure_parts[] = {
  { "Goals", &goal_list, SHAPE_TABLE },
  { "Readings", &reading_list, SHAPE_TABLE },
  { "Maturity", &maturity_list, SHAPE_TABLE },
  { "Handover", &workstream_list, SHAPE_TABLE },
  { "Handover history", &handover_list, SHAPE_TABLE },
  { "Exit checklist", &exit_list, SHAPE_TASKS },
};

/* A file made only of parts. */
typedef struct
{
  const char *name;
  const char *title;
  const Part *parts;
  guint       n_parts;
} Simple;

#define SIMPLE(name, title, parts) { name, title, parts, G_N_ELEMENTS (parts) }

static const Simple people_file = SIMPLE ("people.md", "People", people_parts);
static const Simple sessions_file = SIMPLE ("sessions.md", "Sessions", session_parts);
static const Simple notes_file = SIMPLE ("notes.md", "Notes", note_parts);
static const Simple register_file = SIMPLE ("register.md", "Improvement register", register_parts);
static const Simple actions_file = SIMPLE ("actions.md", "Actions", action_parts);
static const Simple measures_file = SIMPLE ("measures.md", "Measures", measure_parts);

#define CSIP_FILE "csip.md"
#define CONTRACT_FILE "contract.md"
#define ENGAGEMENT_FILE "engagement.md"
#define NOTES_FOLDER "notes"

static const char *
kind_noun (Kind kind)
{
  switch (kind)
    {
    case K_PHASE: return _("phase");
    case K_PERSON: return _("person");
    case K_SESSION: return _("session");
    case K_NOTE: return _("note");
    case K_OPPORTUNITY: return _("register entry");
    case K_GOAL: return _("goal");
    case K_WORKSTREAM: return _("workstream");
    case K_NUMBER: case K_TEXT: case K_NTEXT: case K_DATE: case K_STAMP: case K_INT:
    case K_LEVEL: case K_REAL: case K_ENUM: case K_DONE: case K_BLOCK: case K_FILE:
    case K_ATTENDEES: case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* --- Values in a file ---------------------------------------------- */

/* A value on one line: backslash, bar and line breaks escaped, so that
 * it fits a table cell, a task or a field and reads back exactly.
 */
static void
append_escaped (GString    *out,
                const char *value)
{
  for (const char *p = value; *p; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '|': g_string_append (out, "\\|"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_c (out, *p);
        }
    }
}

static char *
unescape (const char *text,
          gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] != '\\' || i + 1 == length)
        {
          g_string_append_c (out, text[i]);
          continue;
        }

      switch (text[++i])
        {
        case '\\': g_string_append_c (out, '\\'); break;
        case '|': g_string_append_c (out, '|'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        default:
          /* Not ours: kept as written. */
          g_string_append_c (out, '\\');
          g_string_append_c (out, text[i]);
        }
    }

  return g_string_free (out, FALSE);
}

/* The shortest decimal that reads back as the same number. */
static char *
format_real (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}

/* --- Export -------------------------------------------------------- */

typedef struct
{
  CpStore    *store;
  gint64      engagement_id;
  GHashTable *refs[N_KINDS];   /* gint64 *id -> char *, per kind of reference */
  GPtrArray  *files;           /* CpExportFile */
} Export;

static gint64 *
box_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static const char *
export_ref (Export *ex,
            Kind    kind,
            gint64  id)
{
  const char *ref = g_hash_table_lookup (ex->refs[kind], &id);

  return ref ? ref : "";
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = g_ascii_strtoll (*(const char * const *) a, NULL, 10);
  gint64 y = g_ascii_strtoll (*(const char * const *) b, NULL, 10);

  return (x > y) - (x < y);
}

/* Column @i of the current row of @stmt, as the file writes it. */
static char *
export_value (Export       *ex,
              sqlite3_stmt *stmt,
              int           i,
              const Column *column)
{
  gboolean null = sqlite3_column_type (stmt, i) == SQLITE_NULL;

  if (column->kind == K_DONE)
    return g_strdup (sqlite3_column_int (stmt, i) ? "x" : " ");
  if (null)
    return g_strdup ("");
  if (column->kind == K_REAL)
    return format_real (sqlite3_column_double (stmt, i));
  if (IS_REF (column->kind))
    return g_strdup (export_ref (ex, column->kind, sqlite3_column_int64 (stmt, i)));

  if (column->kind == K_ATTENDEES)
    {
      g_auto(GStrv) ids = g_strsplit ((const char *) sqlite3_column_text (stmt, i), ",", -1);
      g_autoptr(GPtrArray) numbers = g_ptr_array_new ();

      for (guint k = 0; ids[k]; k++)
        {
          const char *number = export_ref (ex, K_PERSON, g_ascii_strtoll (ids[k], NULL, 10));

          if (*number != '\0')
            g_ptr_array_add (numbers, (gpointer) number);
        }
      g_ptr_array_sort (numbers, compare_numbers);
      g_ptr_array_add (numbers, NULL);

      return g_strjoinv (", ", (char **) numbers->pdata);
    }

  return g_strndup ((const char *) sqlite3_column_text (stmt, i), sqlite3_column_bytes (stmt, i));
}

typedef gboolean (*RowFunc) (Export    *ex,
                             gint64     id,
                             char     **values,
                             guint      index,
                             gpointer   data,
                             GError   **error);

/* Calls @func for each row of @list that @owner has, with its values as
 * the file writes them, and remembers how others refer to each row.
 */
static gboolean
export_rows (Export      *ex,
             const List  *list,
             gint64       owner,
             RowFunc      func,
             gpointer     data,
             GError     **error)
{
  sqlite3_stmt *stmt;
  guint index = 0;
  int rc;

  if (!(stmt = _cp_store_prepare (ex->store, list->select, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, owner);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(GStrv) values = g_new0 (char *, list->n_columns + 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int i = 1;

      for (guint c = 0; c < list->n_columns; c++)
        {
          const Column *column = &list->columns[c];

          if (column->kind == K_NUMBER)
            values[c] = g_strdup_printf ("%u", index + 1);
          else
            values[c] = export_value (ex, stmt, i++, column);

          if (list->ref_kind != N_KINDS && (column->kind == K_NUMBER || column->ref))
            g_hash_table_insert (ex->refs[list->ref_kind], box_id (id), g_strdup (values[c]));
        }

      if (func && !func (ex, id, values, index, data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      index++;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (ex->store, error, rc, _("Could not read the engagement"));
      return FALSE;
    }

  return TRUE;
}

static void
start_block (GString *out)
{
  if (out->len > 0)
    g_string_append_c (out, '\n');
}

static void
append_heading (GString    *out,
                guint       level,
                const char *text)
{
  start_block (out);
  for (guint i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_printf (out, " %s\n", text);
}

static void
append_table_row (GString     *out,
                  const char **cells,
                  guint        n_cells,
                  gboolean     escape)
{
  for (guint c = 0; c < n_cells; c++)
    {
      g_string_append (out, "| ");
      if (escape)
        append_escaped (out, cells[c]);
      else
        g_string_append (out, cells[c]);
      g_string_append_c (out, ' ');
    }
  g_string_append (out, "|\n");
}

static gboolean
write_table_row (Export    *ex,
                 gint64     id,
                 char     **values,
                 guint      index,
                 gpointer   data,
                 GError   **error)
{
  append_table_row (data, (const char **) values, g_strv_length (values), TRUE);
  return TRUE;
}

/* The column a task's line shows: its text. */
static guint
task_text_column (const List *list)
{
  for (guint c = 0; c < list->n_columns; c++)
    if (list->columns[c].kind == K_TEXT)
      return c;

  g_assert_not_reached ();
}

static gboolean
write_task (Export    *ex,
            gint64     id,
            char     **values,
            guint      index,
            gpointer   data,
            GError   **error)
{
  const List *list = ((gpointer *) data)[0];
  GString *out = ((gpointer *) data)[1];
  guint text = task_text_column (list);

  g_string_append_printf (out, "- [%s] ", values[0]);
  append_escaped (out, values[text]);
  g_string_append_c (out, '\n');

  for (guint c = 1; c < list->n_columns; c++)
    {
      if (c == text || *values[c] == '\0')
        continue;
      g_string_append_printf (out, "  - %s: ", list->columns[c].title);
      append_escaped (out, values[c]);
      g_string_append_c (out, '\n');
    }

  return TRUE;
}

static gboolean
write_list (Export      *ex,
            GString     *out,
            const List  *list,
            Shape        shape,
            gint64       owner,
            GError     **error)
{
  gpointer task_data[2] = { (gpointer) list, out };
  gsize before;

  start_block (out);
  before = out->len;

  if (shape == SHAPE_TASKS)
    {
      g_assert (list->columns[0].kind == K_DONE);
      if (!export_rows (ex, list, owner, write_task, task_data, error))
        return FALSE;
      /* No tasks: no block, and no blank line for it. */
      if (out->len == before && before > 0)
        g_string_truncate (out, before - 1);
      return TRUE;
    }

  {
    g_autofree const char **titles = g_new0 (const char *, list->n_columns);
    g_autofree const char **rules = g_new0 (const char *, list->n_columns);

    for (guint c = 0; c < list->n_columns; c++)
      {
        titles[c] = list->columns[c].title;
        rules[c] = "---";
      }
    append_table_row (out, titles, list->n_columns, FALSE);
    append_table_row (out, rules, list->n_columns, FALSE);
  }

  return export_rows (ex, list, owner, write_table_row, out, error);
}

static void
append_text_block (GString    *out,
                   const char *text)
{
  guint longest = 0, run = 0;

  /* A fence longer than any run of tildes in the text. */
  for (const char *p = text; *p; p++)
    {
      run = *p == '~' ? run + 1 : 0;
      longest = MAX (longest, run);
    }

  start_block (out);
  for (guint i = 0; i < MAX (3, longest + 1); i++)
    g_string_append_c (out, '~');
  g_string_append (out, " markdown\n");
  g_string_append (out, text);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < MAX (3, longest + 1); i++)
    g_string_append_c (out, '~');
  g_string_append_c (out, '\n');
}

/* One row as "- Title: value" lines, then its blocks of text, each under
 * a heading of @level + 1.
 */
static void
append_fields (GString     *out,
               const List  *list,
               char       **values,
               guint        level)
{
  start_block (out);
  for (guint c = 0; c < list->n_columns; c++)
    {
      if (list->columns[c].kind == K_BLOCK)
        continue;
      g_string_append_printf (out, "- %s:", list->columns[c].title);
      if (*values[c] != '\0')
        {
          g_string_append_c (out, ' ');
          append_escaped (out, values[c]);
        }
      g_string_append_c (out, '\n');
    }

  for (guint c = 0; c < list->n_columns; c++)
    {
      if (list->columns[c].kind != K_BLOCK || *values[c] == '\0')
        continue;
      append_heading (out, level + 1, list->columns[c].title);
      append_text_block (out, values[c]);
    }
}

static void
add_file (Export     *ex,
          const char *name,
          GString    *contents)
{
  CpExportFile *file = g_new0 (CpExportFile, 1);

  file->name = g_strdup (name);
  file->length = contents->len;
  file->contents = g_string_free (contents, FALSE);
  g_ptr_array_add (ex->files, file);
}

static gboolean
export_simple (Export        *ex,
               const Simple  *simple,
               GError       **error)
{
  GString *out = g_string_new (NULL);

  append_heading (out, 1, simple->title);
  for (guint i = 0; i < simple->n_parts; i++)
    {
      const Part *part = &simple->parts[i];

      if (part->heading)
        append_heading (out, 2, part->heading);
      if (!write_list (ex, out, part->list, part->shape, ex->engagement_id, error))
        {
          g_string_free (out, TRUE);
          return FALSE;
        }
    }

  add_file (ex, simple->name, out);

  return TRUE;
}

static gboolean
write_engagement (Export    *ex,
                  gint64     id,
                  char     **values,
                  guint      index,
                  gpointer   data,
                  GError   **error)
{
  const List *list = &engagement_list;
  GString *out = g_string_new ("---\n");

  g_string_append_printf (out, "format: %s\nformat-version: %d\n", FORMAT_NAME,
                          CP_ENGAGEMENT_FORMAT_VERSION);
  for (guint c = 0; c < list->n_columns; c++)
    {
      const Column *column = &list->columns[c];

      if (column->kind == K_BLOCK)
        continue;

      g_string_append_printf (out, "%s:", column->title);
      if (column->kind == K_TEXT)
        {
          g_string_append_c (out, ' ');
          _cp_append_quoted (out, values[c]);
        }
      else if (*values[c] != '\0')
        g_string_append_printf (out, " %s", values[c]);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "---\n");
  /* The scope, as stored. */
  g_string_append (out, values[list->n_columns - 1]);

  add_file (ex, ENGAGEMENT_FILE, out);

  return TRUE;
}

typedef struct
{
  GString *out;
  gint64   cycle_number;
} CsipState;

static gboolean
write_phase (Export    *ex,
             gint64     id,
             char     **values,
             guint      index,
             gpointer   data,
             GError   **error)
{
  CsipState *state = data;
  g_autofree char *heading = g_strdup_printf ("Phase %u: %s", index + 1, values[0]);

  g_hash_table_insert (ex->refs[K_PHASE], box_id (id),
                       g_strdup_printf ("%" G_GINT64_FORMAT ".%u", state->cycle_number, index + 1));

  append_heading (state->out, 3, heading);
  append_fields (state->out, &phase_list, values, 3);
  append_heading (state->out, 4, "Review checklist");
  if (!write_list (ex, state->out, &checklist_list, SHAPE_TASKS, id, error))
    return FALSE;
  append_heading (state->out, 4, "Sign-offs");

  return write_list (ex, state->out, &sign_off_list, SHAPE_TABLE, id, error);
}

static gboolean
write_cycle (Export    *ex,
             gint64     id,
             char     **values,
             guint      index,
             gpointer   data,
             GError   **error)
{
  CsipState *state = data;
  g_autofree char *heading = g_strdup_printf ("Cycle %s: %s", values[0], values[2]);

  state->cycle_number = g_ascii_strtoll (values[0], NULL, 10);
  append_heading (state->out, 2, heading);
  append_fields (state->out, &cycle_list, values, 2);

  return export_rows (ex, &phase_list, id, write_phase, state, error);
}

static gboolean
write_contract (Export    *ex,
                gint64     id,
                char     **values,
                guint      index,
                gpointer   data,
                GError   **error)
{
  g_autofree char *heading = g_strdup_printf ("Version %s", values[0]);

  append_heading (data, 2, heading);
  append_fields (data, &contract_list, values, 2);

  return TRUE;
}

static gboolean
export_notes (Export      *ex,
              const char  *engagement_title,
              GError     **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *index = g_string_new (NULL);
  const List *list = &note_list;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _cp_store_prepare (ex->store, list->select, error)))
    {
      g_string_free (index, TRUE);
      return FALSE;
    }

  append_heading (index, 1, notes_file.title);
  start_block (index);
  {
    const char *titles[] = { note_columns[0].title, note_columns[1].title, note_columns[2].title };
    const char *rules[] = { "---", "---", "---" };

    append_table_row (index, titles, 3, FALSE);
    append_table_row (index, rules, 3, FALSE);
  }

  /* Oldest first, so equal titles number in the order they were written. */
  sqlite3_bind_int64 (stmt, 1, ex->engagement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CpNote) note = _cp_note_new_from_row (ex->store, stmt);
      g_autofree char *title = cp_note_dup_display_title (note);
      g_autofree char *name = cp_note_file_name (title, taken);
      g_autofree char *path = g_build_filename (NOTES_FOLDER, name, NULL);
      g_autofree char *label = g_strdelimit (g_strdup (name), "[]", '_');
      g_autofree char *link = g_strdup_printf ("[%s](<%s/%s>)", label, NOTES_FOLDER, name);
      const char *cells[3];
      CpExportFile *file = g_new0 (CpExportFile, 1);

      file->name = g_steal_pointer (&path);
      file->contents = _cp_note_export_markdown (ex->store, note, engagement_title, &file->length);
      g_ptr_array_add (ex->files, file);

      g_hash_table_insert (ex->refs[K_NOTE], box_id (cp_note_get_id (note)), g_strdup (name));
      cells[0] = link;
      cells[1] = export_ref (ex, K_SESSION, cp_note_get_session_id (note));
      cells[2] = export_ref (ex, K_PHASE, cp_note_get_phase_id (note));
      append_table_row (index, cells, 3, TRUE);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (ex->store, error, rc, _("Could not read the notes"));
      g_string_free (index, TRUE);
      return FALSE;
    }

  add_file (ex, notes_file.name, index);

  return TRUE;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  const CpExportFile *x = *(const CpExportFile * const *) a;
  const CpExportFile *y = *(const CpExportFile * const *) b;

  return strcmp (x->name, y->name);
}

/**
 * cp_engagement_export_prepare:
 *
 * Renders the whole engagement as the files of its folder, on the thread
 * that owns the store, so that writing them can happen anywhere.
 *
 * Returns: (transfer full) (element-type CpExportFile) (nullable): the
 *   files, by name; names in notes/ carry the folder
 */
GPtrArray *
cp_engagement_export_prepare (CpEngagement  *engagement,
                              GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_export_file_free);
  Export ex = { 0 };
  gboolean ok;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);

  ex.store = cp_engagement_get_store (engagement);
  ex.engagement_id = cp_engagement_get_id (engagement);
  ex.files = files;
  for (guint k = 0; k < N_KINDS; k++)
    ex.refs[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  /* Export what is on screen, typing included; rows before the rows
   * that refer to them.
   */
  ok = cp_store_flush (ex.store, error) &&
       export_rows (&ex, &engagement_list, ex.engagement_id, write_engagement, NULL, error) &&
       export_simple (&ex, &people_file, error);

  if (ok)
    {
      GString *csip = g_string_new (NULL);
      CsipState state = { csip, 0 };

      append_heading (csip, 1, "Improvement plan");
      append_heading (csip, 2, "Approach changes");
      ok = write_list (&ex, csip, &approach_change_list, SHAPE_TABLE, ex.engagement_id, error) &&
           export_rows (&ex, &cycle_list, ex.engagement_id, write_cycle, &state, error);
      if (ok)
        add_file (&ex, CSIP_FILE, csip);
      else
        g_string_free (csip, TRUE);
    }

  ok = ok &&
       export_simple (&ex, &sessions_file, error) &&
       export_notes (&ex, cp_engagement_get_title (engagement), error) &&
       export_simple (&ex, &register_file, error) &&
       export_simple (&ex, &actions_file, error) &&
       export_simple (&ex, &measures_file, error);

  if (ok)
    {
      GString *contract = g_string_new (NULL);

      append_heading (contract, 1, "Contract");
      ok = export_rows (&ex, &contract_list, ex.engagement_id, write_contract, contract, error);
      if (ok)
        add_file (&ex, CONTRACT_FILE, contract);
      else
        g_string_free (contract, TRUE);
    }

  for (guint k = 0; k < N_KINDS; k++)
    g_hash_table_unref (ex.refs[k]);

  if (!ok)
    return NULL;

  g_ptr_array_sort (files, compare_files);

  return g_steal_pointer (&files);
}

/* Removes the notes a previous export of the folder wrote that this one
 * did not: a renamed or removed note leaves no stale file behind.
 */
static gboolean
remove_stale_notes (const char  *folder,
                    GPtrArray   *files,
                    GError     **error)
{
  g_autofree char *notes = g_build_filename (folder, NOTES_FOLDER, NULL);
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (notes, G_FILE_TEST_IS_DIR))
    return TRUE;
  if (!(dir = g_dir_open (notes, 0, error)))
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      CpExportFile *file = g_ptr_array_index (files, i);

      if (g_str_has_prefix (file->name, NOTES_FOLDER "/"))
        g_hash_table_add (written, file->name + strlen (NOTES_FOLDER "/"));
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".md") || g_hash_table_contains (written, name))
        continue;

      path = g_build_filename (notes, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_unlink (path) != 0)
        {
          int errsv = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not remove the old note “%s”: %s"), display, g_strerror (errsv));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cp_engagement_export:
 * @folder: where to write; created if missing
 *
 * Writes the whole engagement as a folder of Markdown files. Exporting
 * again into the same folder changes only the files whose data changed.
 */
gboolean
cp_engagement_export (CpEngagement  *engagement,
                      const char    *folder,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) files = cp_engagement_export_prepare (engagement, error);

  return files != NULL &&
         cp_export_write_files (folder, files, cancellable, NULL, NULL, error) &&
         remove_stale_notes (folder, files, error);
}

typedef struct
{
  char      *folder;
  GPtrArray *files;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->folder);
  g_ptr_array_unref (job->files);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportJob *job = data;
  GError *error = NULL;

  if (cp_export_write_files (job->folder, job->files, cancellable, NULL, NULL, &error) &&
      remove_stale_notes (job->folder, job->files, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cp_engagement_export_async:
 *
 * Reads the engagement now, on the store's thread, and writes the folder
 * on a worker thread.
 */
void
cp_engagement_export_async (CpEngagement        *engagement,
                            const char          *folder,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (engagement, cancellable, callback, user_data);
  GError *error = NULL;
  ExportJob *job;
  GPtrArray *files;

  g_task_set_source_tag (task, cp_engagement_export_async);

  if (!(files = cp_engagement_export_prepare (engagement, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->folder = g_strdup (folder);
  job->files = files;
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cp_engagement_export_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Reading the files --------------------------------------------- */

typedef enum
{
  B_HEADING,
  B_FIELDS,
  B_TASKS,
  B_TABLE,
  B_TEXT,
} BlockType;

typedef struct
{
  char  *key;
  char  *value;
  guint  line;
} Pair;

/* A task, or a table row. */
typedef struct
{
  guint       line;
  gboolean    done;
  GPtrArray  *cells;   /* char *: a row's cells, or a task's text */
  GPtrArray  *pairs;   /* Pair: a task's fields */
} Item;

typedef struct
{
  BlockType  type;
  guint      line;
  guint      level;    /* headings */
  char      *text;     /* a heading's text; a block's text */
  GPtrArray *items;    /* B_FIELDS: Pair; B_TASKS, B_TABLE: Item */
} Block;

typedef struct
{
  char      *name;     /* within the folder, for messages */
  GPtrArray *blocks;
  guint      next;
  guint      n_lines;
} Doc;

/* A row of a list, read from any shape: values by column, NULL where the
 * file has none.
 */
typedef struct
{
  char  **values;
  guint  *lines;
  guint   n_values;
  guint   line;
} Record;

static void
pair_free (Pair *pair)
{
  g_free (pair->key);
  g_free (pair->value);
  g_free (pair);
}

static void
item_free (Item *item)
{
  g_ptr_array_unref (item->cells);
  g_clear_pointer (&item->pairs, g_ptr_array_unref);
  g_free (item);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_free (block);
}

static void
doc_free (Doc *doc)
{
  g_free (doc->name);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

static void
record_free (Record *record)
{
  /* Values may be missing, so not a NULL-terminated array. */
  for (guint i = 0; i < record->n_values; i++)
    g_free (record->values[i]);
  g_free (record->values);
  g_free (record->lines);
  g_free (record);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Doc, doc_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Record, record_free)

static void doc_error (const char  *name,
                       guint        line,
                       GError     **error,
                       const char  *format,
                       ...) G_GNUC_PRINTF (4, 5);

static void
doc_error (const char  *name,
           guint        line,
           GError     **error,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    /* Translators: a file of an engagement folder, a line of it, and what is wrong there. */
    g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, _("%s, line %u: %s"), name, line,
                 message);
  else
    g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, "%s: %s", name, message);
}

static Block *
new_block (Doc       *doc,
           BlockType  type,
           guint      line)
{
  Block *block = g_new0 (Block, 1);

  block->type = type;
  block->line = line;
  if (type == B_FIELDS)
    block->items = g_ptr_array_new_with_free_func ((GDestroyNotify) pair_free);
  else if (type == B_TASKS || type == B_TABLE)
    block->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_ptr_array_add (doc->blocks, block);

  return block;
}

/* "Key: value", "Key:" — the value unescaped. */
static Pair *
parse_pair (const char *text,
            gsize       length,
            guint       line)
{
  const char *colon = memchr (text, ':', length);
  gsize rest;
  Pair *pair;

  if (colon == NULL || colon == text)
    return NULL;

  rest = length - (colon + 1 - text);
  if (rest > 0 && colon[1] != ' ')
    return NULL;

  pair = g_new0 (Pair, 1);
  pair->key = g_strndup (text, colon - text);
  pair->value = rest > 0 ? unescape (colon + 2, rest - 1) : g_strdup ("");
  pair->line = line;

  return pair;
}

/* "| a | b |": the cells, each unescaped without the one space either
 * side of it. NULL when the row does not end with a bar.
 */
static GPtrArray *
parse_row (const char *text,
           gsize       length)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gsize start = 1;

  for (gsize i = 1; i < length; i++)
    {
      gsize from = start, to = i;

      if (text[i] == '\\')
        {
          i++;
          continue;
        }
      if (text[i] != '|')
        continue;

      if (to > from && text[from] == ' ')
        from++;
      if (to > from && text[to - 1] == ' ')
        to--;
      g_ptr_array_add (cells, unescape (text + from, to - from));
      start = i + 1;
    }

  if (start != length)
    return NULL;

  return g_steal_pointer (&cells);
}

static gboolean
is_rule_cell (const char *cell)
{
  const char *p = cell;

  if (*p == ':')
    p++;
  if (*p != '-')
    return FALSE;
  while (*p == '-')
    p++;
  if (*p == ':')
    p++;

  return *p == '\0';
}

/* Splits a part file into blocks: headings, field lists, task lists,
 * tables and fenced text. Any other line is an error.
 */
static Doc *
doc_parse (const char  *name,
           const char  *text,
           gsize        length,
           GError     **error)
{
  g_autoptr(Doc) doc = g_new0 (Doc, 1);
  Block *current = NULL;
  gsize pos = 0;
  guint line = 0;

  doc->name = g_strdup (name);
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  while (pos < length)
    {
      const char *nl = memchr (text + pos, '\n', length - pos);
      gsize next = nl ? (gsize) (nl - text) + 1 : length;
      gsize end = nl ? (gsize) (nl - text) : length;
      const char *l = text + pos;
      gsize n;

      line++;
      if (end > pos && text[end - 1] == '\r')
        end--;
      n = end - pos;

      if (n == 0)
        current = NULL;
      else if (l[0] == '#')
        {
          guint level = strspn (l, "#");
          Block *block;

          if (level > 6 || level >= n || l[level] != ' ')
            {
              doc_error (name, line, error, _("a heading needs a space after its “#” signs"));
              return NULL;
            }
          block = new_block (doc, B_HEADING, line);
          block->level = level;
          block->text = g_strndup (l + level + 1, n - level - 1);
          current = NULL;
        }
      else if (n >= 3 && memcmp (l, "~~~", 3) == 0)
        {
          gsize fence = strspn (l, "~");
          gsize start = next, scan = next;
          guint opened = line;
          gboolean closed = FALSE;
          Block *block;

          if (fence > n)
            fence = n;
          while (scan < length)
            {
              const char *nl2 = memchr (text + scan, '\n', length - scan);
              gsize next2 = nl2 ? (gsize) (nl2 - text) + 1 : length;
              gsize end2 = nl2 ? (gsize) (nl2 - text) : length;

              line++;
              if (end2 > scan && text[end2 - 1] == '\r')
                end2--;
              if (end2 - scan == fence && strspn (text + scan, "~") >= fence)
                {
                  block = new_block (doc, B_TEXT, opened);
                  /* The text, without the line break the fence adds. */
                  block->text = g_strndup (text + start, scan > start ? scan - start - 1 : 0);
                  next = next2;
                  closed = TRUE;
                  break;
                }
              scan = next2;
            }
          if (!closed)
            {
              doc_error (name, opened, error, _("this block of text is never closed"));
              return NULL;
            }
          current = NULL;
        }
      else if (l[0] == '|')
        {
          GPtrArray *cells = parse_row (l, n);
          Item *item;

          if (cells == NULL)
            {
              doc_error (name, line, error, _("a table row must end with “|”"));
              return NULL;
            }
          if (current == NULL || current->type != B_TABLE)
            current = new_block (doc, B_TABLE, line);
          item = g_new0 (Item, 1);
          item->line = line;
          item->cells = cells;
          g_ptr_array_add (current->items, item);
        }
      else if (n >= 5 && (memcmp (l, "- [ ]", 5) == 0 || memcmp (l, "- [x]", 5) == 0 ||
                          memcmp (l, "- [X]", 5) == 0) && (n == 5 || l[5] == ' '))
        {
          Item *item = g_new0 (Item, 1);

          if (current == NULL || current->type != B_TASKS)
            current = new_block (doc, B_TASKS, line);
          item->line = line;
          item->done = l[3] != ' ';
          item->cells = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (item->cells, n > 6 ? unescape (l + 6, n - 6) : g_strdup (""));
          item->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) pair_free);
          g_ptr_array_add (current->items, item);
        }
      else if (n > 4 && memcmp (l, "  - ", 4) == 0 && current && current->type == B_TASKS)
        {
          Item *task = g_ptr_array_index (current->items, current->items->len - 1);
          Pair *pair = parse_pair (l + 4, n - 4, line);

          if (pair == NULL)
            {
              doc_error (name, line, error, _("expected “Name: value” under the task"));
              return NULL;
            }
          g_ptr_array_add (task->pairs, pair);
        }
      else if (n > 2 && memcmp (l, "- ", 2) == 0)
        {
          Pair *pair = parse_pair (l + 2, n - 2, line);

          if (pair == NULL)
            {
              doc_error (name, line, error, _("expected “- Name: value”"));
              return NULL;
            }
          if (current == NULL || current->type != B_FIELDS)
            current = new_block (doc, B_FIELDS, line);
          g_ptr_array_add (current->items, pair);
        }
      else
        {
          doc_error (name, line, error,
                     _("this line is not part of an engagement folder: only headings, "
                       "“- Name: value” lines, tasks, tables and fenced text belong here"));
          return NULL;
        }

      pos = next;
    }

  doc->n_lines = line;

  return g_steal_pointer (&doc);
}

static Block *
doc_peek (Doc *doc)
{
  return doc->next < doc->blocks->len ? g_ptr_array_index (doc->blocks, doc->next) : NULL;
}

static guint
doc_line (Doc *doc)
{
  Block *block = doc_peek (doc);

  return block ? block->line : doc->n_lines;
}

/* Whether the next block is a heading of @level starting with @prefix
 * (any heading of that level when @prefix is NULL).
 */
static gboolean
doc_at_heading (Doc        *doc,
                guint       level,
                const char *prefix)
{
  Block *block = doc_peek (doc);

  return block && block->type == B_HEADING && block->level == level &&
         (prefix == NULL || g_str_has_prefix (block->text, prefix));
}

static gboolean
doc_expect_heading (Doc         *doc,
                    guint        level,
                    const char  *prefix,
                    const char  *example,
                    GError     **error)
{
  if (!doc_at_heading (doc, level, prefix))
    {
      doc_error (doc->name, doc_line (doc), error, _("expected the heading “%s”"), example);
      return FALSE;
    }

  doc->next++;

  return TRUE;
}

/* The next block when it has @type, else NULL. */
static Block *
doc_take (Doc       *doc,
          BlockType  type)
{
  Block *block = doc_peek (doc);

  if (block == NULL || block->type != type)
    return NULL;

  doc->next++;

  return block;
}

static gboolean
doc_expect_end (Doc     *doc,
                GError **error)
{
  if (doc_peek (doc) != NULL)
    {
      doc_error (doc->name, doc_line (doc), error, _("nothing more was expected here"));
      return FALSE;
    }

  return TRUE;
}

static int
find_column (const List *list,
             const char *title)
{
  for (guint c = 0; c < list->n_columns; c++)
    if (g_str_equal (list->columns[c].title, title))
      return c;

  return -1;
}

static Record *
record_new (const List *list,
            guint       line)
{
  Record *record = g_new0 (Record, 1);

  record->values = g_new0 (char *, list->n_columns);
  record->lines = g_new0 (guint, list->n_columns);
  record->n_values = list->n_columns;
  record->line = line;

  return record;
}

/* Sets a record's value from a "Name: value" pair. */
static gboolean
record_take_pair (Doc         *doc,
                  const List  *list,
                  Record      *record,
                  Pair        *pair,
                  GError     **error)
{
  int c = find_column (list, pair->key);

  if (c < 0 || list->columns[c].kind == K_BLOCK || list->columns[c].kind == K_DONE)
    {
      doc_error (doc->name, pair->line, error, _("“%s” is not a field here"), pair->key);
      return FALSE;
    }
  if (record->values[c] != NULL)
    {
      doc_error (doc->name, pair->line, error, _("“%s” is given twice"), pair->key);
      return FALSE;
    }

  record->values[c] = g_strdup (pair->value);
  record->lines[c] = pair->line;

  return TRUE;
}

/* Reads the table or task list that may follow, as records. */
static GPtrArray *
read_records (Doc         *doc,
              const List  *list,
              Shape        shape,
              GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  Block *block;

  if (shape == SHAPE_TASKS)
    {
      guint text = task_text_column (list);

      if (!(block = doc_take (doc, B_TASKS)))
        return g_steal_pointer (&records);

      for (guint i = 0; i < block->items->len; i++)
        {
          Item *item = g_ptr_array_index (block->items, i);
          Record *record = record_new (list, item->line);

          g_ptr_array_add (records, record);
          record->values[0] = g_strdup (item->done ? "x" : " ");
          record->values[text] = g_strdup (g_ptr_array_index (item->cells, 0));
          record->lines[0] = record->lines[text] = item->line;
          for (guint p = 0; p < item->pairs->len; p++)
            if (!record_take_pair (doc, list, record, g_ptr_array_index (item->pairs, p), error))
              return NULL;
        }

      return g_steal_pointer (&records);
    }

  if (!(block = doc_take (doc, B_TABLE)))
    return g_steal_pointer (&records);

  {
    Item *header = g_ptr_array_index (block->items, 0);
    g_autofree int *map = g_new0 (int, header->cells->len);

    for (guint k = 0; k < header->cells->len; k++)
      {
        const char *title = g_ptr_array_index (header->cells, k);

        map[k] = find_column (list, title);
        for (guint j = 0; j < k && map[k] >= 0; j++)
          if (map[j] == map[k])
            map[k] = -2;
        if (map[k] == -2)
          {
            doc_error (doc->name, header->line, error, _("the column “%s” is given twice"), title);
            return NULL;
          }
        if (map[k] < 0)
          {
            g_autoptr(GString) expected = g_string_new (NULL);

            for (guint c = 0; c < list->n_columns; c++)
              g_string_append_printf (expected, "%s%s", c ? ", " : "", list->columns[c].title);
            doc_error (doc->name, header->line, error,
                       _("there is no column “%s”; the columns are: %s"), title, expected->str);
            return NULL;
          }
      }

    if (block->items->len < 2)
      {
        doc_error (doc->name, header->line, error, _("the table has no line of dashes under its header"));
        return NULL;
      }

    for (guint r = 1; r < block->items->len; r++)
      {
        Item *row = g_ptr_array_index (block->items, r);
        Record *record;

        if (row->cells->len != header->cells->len)
          {
            doc_error (doc->name, row->line, error, _("this row has %u cells, the header %u"),
                       row->cells->len, header->cells->len);
            return NULL;
          }

        if (r == 1)
          {
            for (guint k = 0; k < row->cells->len; k++)
              if (!is_rule_cell (g_ptr_array_index (row->cells, k)))
                {
                  doc_error (doc->name, row->line, error,
                             _("the table has no line of dashes under its header"));
                  return NULL;
                }
            continue;
          }

        record = record_new (list, row->line);
        g_ptr_array_add (records, record);
        for (guint k = 0; k < row->cells->len; k++)
          {
            record->values[map[k]] = g_strdup (g_ptr_array_index (row->cells, k));
            record->lines[map[k]] = row->line;
          }
      }
  }

  return g_steal_pointer (&records);
}

/* Reads a "- Name: value" list and the text blocks after it, each under
 * a heading of @level + 1 named as its column.
 */
static Record *
read_fields (Doc         *doc,
             const List  *list,
             guint        level,
             GError     **error)
{
  Block *block = doc_take (doc, B_FIELDS);
  Record *record;

  if (block == NULL)
    {
      doc_error (doc->name, doc_line (doc), error, _("expected a list of “- Name: value” lines"));
      return NULL;
    }

  record = record_new (list, block->line);
  for (guint i = 0; i < block->items->len; i++)
    if (!record_take_pair (doc, list, record, g_ptr_array_index (block->items, i), error))
      {
        record_free (record);
        return NULL;
      }

  while (doc_at_heading (doc, level + 1, NULL))
    {
      Block *heading = doc_peek (doc);
      int c = find_column (list, heading->text);
      Block *text;

      if (c < 0 || list->columns[c].kind != K_BLOCK)
        break;
      doc->next++;
      if (!(text = doc_take (doc, B_TEXT)))
        {
          doc_error (doc->name, heading->line, error, _("a block of text fenced with “~~~” should follow"));
          record_free (record);
          return NULL;
        }
      if (record->values[c] != NULL)
        {
          doc_error (doc->name, heading->line, error, _("“%s” is given twice"), heading->text);
          record_free (record);
          return NULL;
        }
      record->values[c] = g_strdup (text->text);
      record->lines[c] = text->line;
    }

  return record;
}

/* --- Import -------------------------------------------------------- */

typedef struct
{
  CpStore    *store;
  const char *folder;
  gint64      engagement_id;
  GHashTable *ids[N_KINDS];   /* char * -> gint64 *, per kind of reference */
} Import;

static gboolean
allowed (const char *words,
         const char *value)
{
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  return g_strv_contains ((const char * const *) list, value);
}

static gboolean
valid_stamp (const char *s)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (s, NULL);

  return dt != NULL && strlen (s) == 20 && s[10] == 'T' && s[19] == 'Z';
}

static gboolean
lookup_ref (Import      *im,
            Doc         *doc,
            Kind         kind,
            const char  *value,
            guint        line,
            gint64      *id,
            GError     **error)
{
  gint64 *found = g_hash_table_lookup (im->ids[kind], value);

  if (found == NULL)
    {
      /* Translators: the first %s is what is referred to: a phase, a note… */
      doc_error (doc->name, line, error, _("there is no %s “%s”"), kind_noun (kind), value);
      return FALSE;
    }

  *id = *found;

  return TRUE;
}

/* Checks one value and binds it as parameter @param. */
static gboolean
bind_value (Import        *im,
            Doc           *doc,
            sqlite3_stmt  *stmt,
            int            param,
            const Column  *column,
            const char    *value,
            guint          line,
            GError       **error)
{
  gboolean empty = value == NULL || *value == '\0';
  gint64 number;

  if (empty && column->required && column->kind != K_TEXT)
    {
      doc_error (doc->name, line, error, _("“%s” needs a value"), column->title);
      return FALSE;
    }

  if (empty && column->kind != K_TEXT && column->kind != K_BLOCK && column->kind != K_DONE)
    {
      sqlite3_bind_null (stmt, param);
      return TRUE;
    }

  switch (column->kind)
    {
    case K_TEXT:
      if (empty && column->required)
        {
          doc_error (doc->name, line, error, _("“%s” needs a value"), column->title);
          return FALSE;
        }
      G_GNUC_FALLTHROUGH;
    case K_NTEXT:
    case K_BLOCK:
      _cp_bind_text (stmt, param, value ? value : "");
      return TRUE;

    case K_DATE:
      if (!cp_date_is_valid (value))
        {
          doc_error (doc->name, line, error, _("“%s” is not a date written YYYY-MM-DD"), value);
          return FALSE;
        }
      _cp_bind_text (stmt, param, value);
      return TRUE;

    case K_STAMP:
      if (!valid_stamp (value))
        {
          doc_error (doc->name, line, error,
                     _("“%s” is not a time written YYYY-MM-DDTHH:MM:SSZ"), value);
          return FALSE;
        }
      _cp_bind_text (stmt, param, value);
      return TRUE;

    case K_INT:
    case K_LEVEL:
      if (!g_ascii_string_to_signed (value, 10, column->kind == K_LEVEL ? 0 : G_MININT32,
                                     column->kind == K_LEVEL ? 5 : G_MAXINT32, &number, NULL))
        {
          doc_error (doc->name, line, error,
                     column->kind == K_LEVEL ? _("“%s” is not a level from 0 to 5")
                                             : _("“%s” is not a whole number"),
                     value);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, param, number);
      return TRUE;

    case K_REAL:
      {
        char *end = NULL;
        double real = g_ascii_strtod (value, &end);

        if (end == value || *end != '\0' || !isfinite (real))
          {
            doc_error (doc->name, line, error, _("“%s” is not a number"), value);
            return FALSE;
          }
        sqlite3_bind_double (stmt, param, real);
        return TRUE;
      }

    case K_ENUM:
      if (!allowed (column->allowed, value))
        {
          g_auto(GStrv) list = g_strsplit (column->allowed, "|", -1);
          g_autofree char *words = g_strjoinv (", ", list);

          doc_error (doc->name, line, error, _("“%s” is not one of: %s"), value, words);
          return FALSE;
        }
      _cp_bind_text (stmt, param, value);
      return TRUE;

    case K_DONE:
      sqlite3_bind_int (stmt, param, value && *value != ' ' && *value != '\0');
      return TRUE;

    case K_PHASE:
    case K_PERSON:
    case K_SESSION:
    case K_NOTE:
    case K_OPPORTUNITY:
    case K_GOAL:
    case K_WORKSTREAM:
      if (!lookup_ref (im, doc, column->kind, value, line, &number, error))
        return FALSE;
      sqlite3_bind_int64 (stmt, param, number);
      return TRUE;

    case K_NUMBER:
    case K_FILE:
    case K_ATTENDEES:
    case N_KINDS:
    default:
      break;
    }

  g_assert_not_reached ();
}

static gboolean
remember_ref (Import      *im,
              Doc         *doc,
              Kind         kind,
              const char  *key,
              guint        line,
              gint64       id,
              GError     **error)
{
  if (key == NULL || *key == '\0')
    {
      doc_error (doc->name, line, error, _("the number others refer to is missing"));
      return FALSE;
    }

  if (g_hash_table_contains (im->ids[kind], key))
    {
      doc_error (doc->name, line, error, _("“%s” is used twice"), key);
      return FALSE;
    }

  g_hash_table_insert (im->ids[kind], g_strdup (key), box_id (id));

  return TRUE;
}

static gboolean
insert_attendees (Import      *im,
                  Doc         *doc,
                  gint64       session,
                  const char  *value,
                  guint        line,
                  GError     **error)
{
  g_auto(GStrv) numbers = NULL;

  if (value == NULL || *value == '\0')
    return TRUE;

  numbers = g_strsplit (value, ",", -1);
  for (guint i = 0; numbers[i]; i++)
    {
      sqlite3_stmt *stmt;
      gint64 person;
      int rc;

      g_strstrip (numbers[i]);
      if (!lookup_ref (im, doc, K_PERSON, numbers[i], line, &person, error) ||
          !(stmt = _cp_store_prepare (im->store,
                                      "INSERT OR IGNORE INTO session_attendee (session_id, stakeholder_id) "
                                      "VALUES (?1, ?2)",
                                      error)))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, session);
      sqlite3_bind_int64 (stmt, 2, person);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _cp_store_set_error (im->store, error, rc, _("Could not import the engagement"));
          return FALSE;
        }
    }

  return TRUE;
}

/* Inserts one record of @list; its id is returned in @id. */
static gboolean
insert_record (Import      *im,
               Doc         *doc,
               const List  *list,
               gint64       owner,
               guint        position,
               Record      *record,
               gint64      *id,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int param = 3;
  int rc;

  if (!(stmt = _cp_store_prepare (im->store, list->insert, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, owner);
  sqlite3_bind_int (stmt, 2, position);
  for (guint c = 0; c < list->n_columns; c++)
    {
      const Column *column = &list->columns[c];

      if (column->kind == K_NUMBER || column->kind == K_ATTENDEES)
        continue;
      if (!bind_value (im, doc, stmt, param++, column, record->values[c],
                       record->lines[c] ? record->lines[c] : record->line, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autoptr(GError) local = NULL;

      _cp_store_set_error (im->store, &local, rc, _("could not be stored"));
      doc_error (doc->name, record->line, error, "%s", local->message);
      return FALSE;
    }

  *id = _cp_store_last_insert_id (im->store);

  for (guint c = 0; c < list->n_columns; c++)
    {
      const Column *column = &list->columns[c];

      if (list->ref_kind != N_KINDS && (column->kind == K_NUMBER || column->ref) &&
          !remember_ref (im, doc, list->ref_kind, record->values[c], record->line, *id, error))
        return FALSE;
      if (column->kind == K_ATTENDEES &&
          !insert_attendees (im, doc, *id, record->values[c], record->lines[c], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_records (Import      *im,
                Doc         *doc,
                const List  *list,
                gint64       owner,
                GPtrArray   *records,
                GError     **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      gint64 id;

      if (!insert_record (im, doc, list, owner, i, g_ptr_array_index (records, i), &id, error))
        return FALSE;
    }

  return TRUE;
}

/* Reads a file of the folder whole, checked as text. A missing file is
 * an empty one when @may_miss, else an error.
 */
static char *
read_part (Import       *im,
           const char   *name,
           gboolean      may_miss,
           gsize        *length,
           GError      **error)
{
  g_autofree char *path = g_build_filename (im->folder, name, NULL);
  g_autoptr(GError) local = NULL;
  char *text = NULL;
  GStatBuf st;

  if (g_lstat (path, &st) != 0 && may_miss)
    {
      *length = 0;
      return g_strdup ("");
    }

  if (g_lstat (path, &st) != 0)
    {
      doc_error (name, 0, error, _("the file is missing"));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      doc_error (name, 0, error, _("not a plain file"));
      return NULL;
    }

  if (st.st_size > PART_MAX_BYTES)
    {
      doc_error (name, 0, error, _("larger than %d MB, too large to be part of an engagement"),
                 PART_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!g_file_get_contents (path, &text, length, &local))
    {
      doc_error (name, 0, error, "%s", local->message);
      return NULL;
    }

  if (memchr (text, '\0', *length) != NULL || !g_utf8_validate (text, *length, NULL))
    {
      doc_error (name, 0, error, _("not UTF-8 text"));
      g_free (text);
      return NULL;
    }

  return text;
}

static Doc *
read_doc (Import      *im,
          const char  *name,
          GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;

  if (!(text = read_part (im, name, TRUE, &length, error)))
    return NULL;

  return doc_parse (name, text, length, error);
}

static gboolean
import_simple (Import        *im,
               const Simple  *simple,
               GError       **error)
{
  g_autoptr(Doc) doc = read_doc (im, simple->name, error);

  if (doc == NULL)
    return FALSE;
  if (doc->blocks->len == 0)
    return TRUE;

  if (!doc_expect_heading (doc, 1, NULL, simple->title, error))
    return FALSE;

  for (guint i = 0; i < simple->n_parts; i++)
    {
      const Part *part = &simple->parts[i];
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *example = g_strdup_printf ("## %s", part->heading ? part->heading : "");

      if (part->heading && !doc_expect_heading (doc, 2, part->heading, example, error))
        return FALSE;
      if (!(records = read_records (doc, part->list, part->shape, error)) ||
          !insert_records (im, doc, part->list, im->engagement_id, records, error))
        return FALSE;
    }

  return doc_expect_end (doc, error);
}

static gboolean
import_engagement (Import      *im,
                   GError     **error)
{
  const List *list = &engagement_list;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(Record) record = NULL;
  gboolean has_format = FALSE;
  gsize length, body;
  guint bad_line;

  {
    g_autofree char *path = g_build_filename (im->folder, ENGAGEMENT_FILE, NULL);

    if (!g_file_test (path, G_FILE_TEST_EXISTS))
      {
        g_autofree char *display = g_filename_display_name (im->folder);

        g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                     _("“%s” is not an engagement folder: it has no %s"), display, ENGAGEMENT_FILE);
        return FALSE;
      }
  }

  if (!(text = read_part (im, ENGAGEMENT_FILE, FALSE, &length, error)))
    return FALSE;

  if (!(fields = _cp_front_matter_read (text, length, &body, &bad_line)))
    {
      doc_error (ENGAGEMENT_FILE, MAX (bad_line, 1), error,
                 bad_line ? _("this line of the front matter is not “key: value”")
                          : _("the file must start with front matter between “---” lines"));
      return FALSE;
    }

  record = record_new (list, 1);
  for (guint i = 0; i < fields->len; i++)
    {
      CpFrontMatterField *field = g_ptr_array_index (fields, i);
      const char *value = field->value ? field->value : "";
      int c;

      if (field->list != NULL && field->list[0] != NULL)
        {
          doc_error (ENGAGEMENT_FILE, field->line, error, _("“%s” takes one value"), field->key);
          return FALSE;
        }

      if (g_str_equal (field->key, "format"))
        {
          if (!g_str_equal (value, FORMAT_NAME))
            {
              doc_error (ENGAGEMENT_FILE, field->line, error,
                         _("this is not a Coachplan engagement (format “%s”)"), value);
              return FALSE;
            }
          has_format = TRUE;
          continue;
        }

      if (g_str_equal (field->key, "format-version"))
        {
          gint64 version;

          if (!g_ascii_string_to_signed (value, 10, 1, G_MAXINT32, &version, NULL))
            {
              doc_error (ENGAGEMENT_FILE, field->line, error,
                         _("“%s” is not a format version"), value);
              return FALSE;
            }
          if (version > CP_ENGAGEMENT_FORMAT_VERSION)
            {
              g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NEWER_VERSION,
                           _("%s, line %u: written by a newer Coachplan (format version %d; "
                             "this one reads up to %d)"),
                           ENGAGEMENT_FILE, field->line, (int) version, CP_ENGAGEMENT_FORMAT_VERSION);
              return FALSE;
            }
          continue;
        }

      c = find_column (list, field->key);
      if (c < 0 || list->columns[c].kind == K_BLOCK)
        {
          doc_error (ENGAGEMENT_FILE, field->line, error, _("“%s” is not a field here"), field->key);
          return FALSE;
        }
      g_free (record->values[c]);
      record->values[c] = g_strdup (value);
      record->lines[c] = field->line;
    }

  if (!has_format)
    {
      doc_error (ENGAGEMENT_FILE, 1, error, _("the front matter has no “format: %s”"), FORMAT_NAME);
      return FALSE;
    }

  /* The scope, as written. */
  record->values[list->n_columns - 1] = g_strndup (text + body, length - body);

  {
    Doc doc = { (char *) ENGAGEMENT_FILE, NULL, 0, 0 };

    return insert_record (im, &doc, list, 0, 0, record, &im->engagement_id, error);
  }
}

static gboolean
import_csip (Import   *im,
             GError  **error)
{
  g_autoptr(Doc) doc = read_doc (im, CSIP_FILE, error);
  g_autoptr(GPtrArray) changes = NULL;

  if (doc == NULL)
    return FALSE;
  if (doc->blocks->len == 0)
    return TRUE;

  if (!doc_expect_heading (doc, 1, NULL, "# Improvement plan", error) ||
      !doc_expect_heading (doc, 2, "Approach changes", "## Approach changes", error) ||
      !(changes = read_records (doc, &approach_change_list, SHAPE_TABLE, error)) ||
      !insert_records (im, doc, &approach_change_list, im->engagement_id, changes, error))
    return FALSE;

  while (doc_at_heading (doc, 2, "Cycle"))
    {
      g_autoptr(Record) cycle = NULL;
      gint64 cycle_id;
      guint n_phases = 0;

      doc->next++;
      if (!(cycle = read_fields (doc, &cycle_list, 2, error)) ||
          !insert_record (im, doc, &cycle_list, im->engagement_id, 0, cycle, &cycle_id, error))
        return FALSE;

      while (doc_at_heading (doc, 3, "Phase"))
        {
          g_autoptr(Record) phase = NULL;
          g_autoptr(GPtrArray) items = NULL;
          g_autoptr(GPtrArray) sign_offs = NULL;
          g_autofree char *ref = NULL;
          gint64 phase_id;

          doc->next++;
          if (!(phase = read_fields (doc, &phase_list, 3, error)) ||
              !insert_record (im, doc, &phase_list, cycle_id, n_phases, phase, &phase_id, error))
            return FALSE;

          ref = g_strdup_printf ("%s.%u", cycle->values[0], ++n_phases);
          if (!remember_ref (im, doc, K_PHASE, ref, phase->line, phase_id, error) ||
              !doc_expect_heading (doc, 4, "Review checklist", "#### Review checklist", error) ||
              !(items = read_records (doc, &checklist_list, SHAPE_TASKS, error)) ||
              !insert_records (im, doc, &checklist_list, phase_id, items, error) ||
              !doc_expect_heading (doc, 4, "Sign-offs", "#### Sign-offs", error) ||
              !(sign_offs = read_records (doc, &sign_off_list, SHAPE_TABLE, error)) ||
              !insert_records (im, doc, &sign_off_list, phase_id, sign_offs, error))
            return FALSE;
        }
    }

  return doc_expect_end (doc, error);
}

static gboolean
import_contract (Import   *im,
                 GError  **error)
{
  g_autoptr(Doc) doc = read_doc (im, CONTRACT_FILE, error);

  if (doc == NULL)
    return FALSE;
  if (doc->blocks->len == 0)
    return TRUE;

  if (!doc_expect_heading (doc, 1, NULL, "# Contract", error))
    return FALSE;

  while (doc_at_heading (doc, 2, "Version"))
    {
      g_autoptr(Record) version = NULL;
      gint64 id;

      doc->next++;
      if (!(version = read_fields (doc, &contract_list, 2, error)) ||
          !insert_record (im, doc, &contract_list, im->engagement_id, 0, version, &id, error))
        return FALSE;
    }

  return doc_expect_end (doc, error);
}

/* The file a notes.md cell names: "[label](<notes/NAME>)" or NAME. */
static char *
note_file_from_cell (const char *cell)
{
  const char *start = g_strrstr (cell, "](<" NOTES_FOLDER "/");

  if (cell[0] == '[' && start != NULL && g_str_has_suffix (cell, ">)"))
    {
      start += strlen ("](<" NOTES_FOLDER "/");
      return g_strndup (start, strlen (start) - 2);
    }

  return g_strdup (cell);
}

static gboolean
import_notes (Import   *im,
              GError  **error)
{
  g_autoptr(Doc) doc = read_doc (im, notes_file.name, error);
  g_autoptr(GPtrArray) records = NULL;

  if (doc == NULL)
    return FALSE;
  if (doc->blocks->len == 0)
    return TRUE;

  if (!doc_expect_heading (doc, 1, NULL, "# Notes", error) ||
      !(records = read_records (doc, &note_list, SHAPE_TABLE, error)) ||
      !doc_expect_end (doc, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);
      g_autofree char *name = note_file_from_cell (record->values[0] ? record->values[0] : "");
      g_autofree char *part = g_build_filename (NOTES_FOLDER, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *title = NULL;
      g_autofree char *tags = NULL;
      g_autoptr(CpFrontMatter) front_matter = NULL;
      g_autoptr(CpNote) note = NULL;
      CpNoteFields fields = { 0 };
      gsize length, body = 0;

      if (*name == '\0' || strchr (name, '/') != NULL || strchr (name, '\\') != NULL ||
          name[0] == '.' || !g_str_has_suffix (name, ".md"))
        {
          doc_error (doc->name, record->line, error,
                     _("“%s” is not the name of a note file in %s/"), name, NOTES_FOLDER);
          return FALSE;
        }

      {
        g_autofree char *path = g_build_filename (im->folder, part, NULL);

        if (!g_file_test (path, G_FILE_TEST_EXISTS))
          {
            doc_error (doc->name, record->line, error, _("the note file %s is missing"), part);
            return FALSE;
          }
      }

      if (!(text = read_part (im, part, FALSE, &length, error)))
        return FALSE;

      cp_front_matter_split (text, length, &front_matter, &body);
      _cp_note_fields_from_file (&fields, front_matter, text + body, length - body, &title, &tags);
      if (!_cp_note_fields_validate (&fields, part, error))
        return FALSE;

      if ((record->values[1] && *record->values[1] &&
           !lookup_ref (im, doc, K_SESSION, record->values[1], record->line, &fields.session_id, error)) ||
          (record->values[2] && *record->values[2] &&
           !lookup_ref (im, doc, K_PHASE, record->values[2], record->line, &fields.phase_id, error)))
        return FALSE;

      if (!(note = _cp_note_insert (im->store, im->engagement_id, &fields, error)) ||
          !remember_ref (im, doc, K_NOTE, name, record->line, cp_note_get_id (note), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cp_store_import_engagement:
 * @folder: a folder an export wrote, or one written by hand in the same
 *   format
 *
 * Adds the engagement the folder holds as a new one: all of it or, when
 * any file is wrong, nothing; the error names the file and the line.
 *
 * Returns: the new engagement's id, or 0 on error
 */
gint64
cp_store_import_engagement (CpStore     *store,
                            const char  *folder,
                            GError     **error)
{
  Import im = { 0 };
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (store), 0);
  g_return_val_if_fail (folder != NULL, 0);

  if (!cp_store_flush (store, error) || !_cp_store_begin (store, error))
    return 0;

  im.store = store;
  im.folder = folder;
  for (guint k = 0; k < N_KINDS; k++)
    im.ids[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Rows before the rows that refer to them. */
  ok = import_engagement (&im, error) &&
       import_simple (&im, &people_file, error) &&
       import_csip (&im, error) &&
       import_simple (&im, &sessions_file, error) &&
       import_notes (&im, error) &&
       import_simple (&im, &register_file, error) &&
       import_simple (&im, &actions_file, error) &&
       import_simple (&im, &measures_file, error) &&
       import_contract (&im, error);

  for (guint k = 0; k < N_KINDS; k++)
    g_hash_table_unref (im.ids[k]);

  if (!ok)
    {
      _cp_store_rollback (store);
      return 0;
    }

  if (!_cp_store_commit (store, error))
    return 0;

  _cp_store_engagements_changed (store);

  return im.engagement_id;
}
