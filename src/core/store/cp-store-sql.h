/* cp-store-sql.h — the statements the store runs, by name
 *
 * Models never hold SQL. They ask the store to read a named query, or
 * build a unit of work from named statements and bind plain values to
 * each in the order its comment gives; the store's file for each
 * aggregate holds the text.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  /* Measures, cp-store-measures.c (actions and opportunities in
   * cp-store-register.c, the contract in cp-store-contract.c). Rows of a goal: id, name, unit,
   * baseline value, baseline date, target value, target date.
   */
  CP_SQL_GOALS,              /* engagement */
  CP_SQL_GOAL_ADD,           /* engagement, name → a goal's row */
  CP_SQL_GOAL_REMOVE,        /* goal */
  CP_SQL_GOAL_SAVE,          /* goal, name, unit, baseline value, baseline date, target value, target date */
  CP_SQL_READINGS,           /* goal → id, taken on, value */
  CP_SQL_READING_ADD,        /* goal, taken on, value, recorded by */
  CP_SQL_READING_REMOVE,     /* reading, goal */
  /* Maturity rows: id, practice, baseline level, baseline evidence,
   * review level, review evidence.
   */
  CP_SQL_MATURITY,           /* engagement */
  CP_SQL_MATURITY_ADD,       /* engagement, practice */
  CP_SQL_MATURITY_REMOVE,    /* maturity */
  CP_SQL_MATURITY_SAVE,      /* maturity, baseline level, baseline evidence, review level, review evidence */
  /* Workstream rows: id, name, owner, stage. */
  CP_SQL_WORKSTREAMS,        /* engagement */
  CP_SQL_WORKSTREAM_ADD,     /* engagement, name */
  CP_SQL_WORKSTREAM_REMOVE,  /* workstream */
  CP_SQL_WORKSTREAM_SAVE,    /* workstream, name, owner, role, holder, certification */
  CP_SQL_WORKSTREAM_STAGE,   /* workstream, stage */
  CP_SQL_HANDOVER_ADD,       /* workstream, stage, date or NULL for today */
  CP_SQL_HANDOVERS,          /* workstream → stage, changed on */
  /* Readiness rows: characteristic, baseline level, evidence, review level, evidence. */
  CP_SQL_READINESS,          /* engagement */
  CP_SQL_READINESS_SET,      /* engagement, characteristic, baseline level (-1: none), evidence,
                                review level (-1: none), evidence, id for a new row */
  /* Audit rows: id, practice, level, criterion, met, note. */
  CP_SQL_AUDIT_ITEMS,        /* engagement */
  CP_SQL_AUDIT_ADD,          /* engagement, practice, level, criterion → a row */
  CP_SQL_AUDIT_REMOVE,       /* audit item */
  CP_SQL_AUDIT_SAVE,         /* audit item, met, note */
  /* Mentoring rows: id, mentor, mentee, profile, format, practice. */
  CP_SQL_MENTORINGS,         /* engagement */
  CP_SQL_MENTORING_ADD,      /* engagement, mentor */
  CP_SQL_MENTORING_REMOVE,   /* mentoring */
  CP_SQL_MENTORING_SAVE,     /* mentoring, mentor, mentee, profile, format, practice */
  /* Action rows: id, engagement, text, owner, due on, done, done on,
   * note, phase, opportunity.
   */
  CP_SQL_ACTIONS,            /* engagement */
  CP_SQL_ACTION_ADD,         /* engagement, text */
  CP_SQL_ACTION_REMOVE,      /* action */
  CP_SQL_ACTION_SAVE,        /* action, text, owner, due on, note, phase, opportunity (0: none) */
  CP_SQL_ACTION_DONE,        /* action, done → done on */
  CP_SQL_OPEN_ACTION_ENGAGEMENTS, /* → engagement */
  /* Opportunity rows: id, number, raised on, size, timescale,
   * description, priority, kpi, justification, raised by, actioned by,
   * required by, status, phase.
   */
  CP_SQL_OPPORTUNITIES,      /* engagement */
  CP_SQL_OPPORTUNITY_ADD,    /* engagement, description */
  CP_SQL_OPPORTUNITY_REMOVE, /* opportunity */
  CP_SQL_OPPORTUNITY_SAVE,   /* opportunity, then each column from raised on to phase (0: none) */
  /* Contract rows: id, version, goals, measures, roles, coach, client
   * lead, sponsor, signed on.
   */
  CP_SQL_CONTRACTS,          /* engagement */
  CP_SQL_CONTRACT_ADD,       /* engagement, version, goals, measures, roles, coach, client lead, sponsor */
  CP_SQL_CONTRACT_SAVE,      /* contract, goals, measures, roles, coach, client lead, sponsor */
  CP_SQL_CONTRACT_SIGN,      /* contract → signed on */
  /* Exit item rows: id, text, done on. */
  CP_SQL_EXIT_ITEMS,         /* engagement */
  CP_SQL_EXIT_ITEM_ADD,      /* engagement, text */
  CP_SQL_EXIT_ITEM_REMOVE,   /* exit item */
  CP_SQL_EXIT_ITEM_SAVE,     /* exit item, done on */

  /* The CSIP, cp-store-csip.c. Cycle rows: id, number, template,
   * template name, approach, started on.
   */
  CP_SQL_CYCLES,             /* engagement */
  CP_SQL_CYCLE_ADD,          /* engagement, template, template name, approach, uuid → a cycle's row */
  CP_SQL_CYCLE_REMOVE_LATEST, /* engagement, cycle: only while it is the latest → its id */
  CP_SQL_CURRENT_CYCLE_APPROACH, /* engagement, approach */
  /* Phase rows: id, role, name, description, status, items, items done. */
  CP_SQL_PHASES,             /* cycle */
  CP_SQL_PHASE_ADD,          /* cycle uuid, position, role, name, description, uuid */
  CP_SQL_PHASE_STATUS,       /* phase, status */
  /* Checklist item rows: id, text, source, approach, done, done by,
   * done at, comment, phase.
   */
  CP_SQL_ITEMS,              /* phase */
  CP_SQL_ITEM_ADD_TEMPLATE,  /* phase uuid, position, text, source, approach */
  CP_SQL_ITEM_APPEND,        /* phase, text, source, approach → an item's row */
  CP_SQL_ITEM_OPEN_GAP,      /* phase, position */
  CP_SQL_ITEM_INSERT,        /* phase, position, text, source, approach, done, done by, done at, comment → row */
  CP_SQL_ITEM_REMOVE,        /* item */
  CP_SQL_ITEM_CLOSE_GAP,     /* phase, position */
  CP_SQL_ITEM_MOVE,          /* phase, item, from, to */
  CP_SQL_ITEM_SAVE,          /* item, text, comment */
  CP_SQL_ITEM_DONE,          /* item, done, who → done at */
  /* Sign-off rows: id, reviewer, signed on, decision, comments,
   * recorded at.
   */
  CP_SQL_SIGN_OFFS,          /* phase */
  CP_SQL_SIGN_OFF_ADD,       /* phase, reviewer, signed on, decision, comments, recorded by → a sign-off's row */
  /* The approach history: from, to, changed on, reason. */
  CP_SQL_APPROACH_HISTORY,   /* engagement */
  CP_SQL_APPROACH_CHANGE_ADD,/* engagement, from, to, reason */
  CP_SQL_APPROACH_SET,       /* engagement, approach → updated at */

  /* Engagements, cp-store-engagements.c. */
  CP_SQL_ENGAGEMENT_SAVE,    /* engagement, title, client, sponsor, coach, scope, approach, driver,
                              * status, start date, end date → updated at, approach */
  CP_SQL_ENGAGEMENT_ADD,     /* title, approach, uuid → an engagement's row */
  CP_SQL_ENGAGEMENT_FIRST_APPROACH, /* engagement uuid, approach */
  CP_SQL_ENGAGEMENT_UUID,    /* engagement → its stable id */
  CP_SQL_ENGAGEMENT_BY_UUID, /* uuid → the engagement's number */
  CP_SQL_ENGAGEMENT_DELETE,  /* engagement: gone at once, with all it holds */

  /* Notes, cp-store-notes.c. Note rows: id, engagement, session, phase,
   * title, body, tags, visibility, created at, updated at.
   */
  CP_SQL_NOTES,              /* engagement */
  CP_SQL_NOTE_ADD,           /* engagement, session, phase, title, body, tags, visibility, created at
                              * or NULL for now, updated at or NULL, display title, uuid → a note's row */
  CP_SQL_NOTE_SAVE,          /* note, title, body, tags, visibility, session, phase, display title
                              * → updated at */
  CP_SQL_NOTE_REMOVE,        /* note */
  CP_SQL_SESSION_LABEL,      /* session → its start, as people read it */
  CP_SQL_PHASE_NAME,         /* phase → its name */

  CP_SQL_N
} CpSql;

/* A statement's text and what to say should it fail. */
typedef struct
{
  const char *sql;
  const char *failed;   /* untranslated, N_() */
} CpSqlText;

extern const CpSqlText _cp_store_measures_sql[CP_SQL_N];
extern const CpSqlText _cp_store_register_sql[CP_SQL_N];
extern const CpSqlText _cp_store_contract_sql[CP_SQL_N];
extern const CpSqlText _cp_store_csip_sql[CP_SQL_N];
extern const CpSqlText _cp_store_notes_sql[CP_SQL_N];
extern const CpSqlText _cp_store_engagements_sql[CP_SQL_N];

G_END_DECLS
