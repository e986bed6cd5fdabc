/* cp-store-folder.c — the files of an engagement folder, described once
 *
 * The folder holds engagement.md (front matter, then the scope), one
 * file for each part of the engagement and notes/ as the notes export
 * writes it; doc/engagement-folder.md describes every file. Each part is
 * described once, below, as a list of columns with the SQL that reads
 * and writes it, and the same description drives both the export and
 * the import, so the two cannot drift apart.
 *
 * Export (cp-store-folder-export.c) reads the database in a stable order;
 * import (cp-store-folder-import.c, reading files with cp-store-folder-read.c)
 * adds the engagement in one transaction, all of it or nothing.
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
#include "cp-store-folder-private.h"
#include "cp-engagement-io.h"
#include "cp-markdown.h"
#include "cp-note-private.h"
#include "cp-notes-io.h"
#include "cp-notes-io-private.h"
#include "cp-store-private.h"

#define LIST(select, insert, ref_kind, columns) \
  { select, insert, ref_kind, columns, G_N_ELEMENTS (columns) }

#define APPROACHES "undecided|done-to-you|do-it-yourself|coached"
#define STAGES "coach-leads|staff-with-coach|staff-alone"

static const Column engagement_columns[] = {
  { "id", K_UUID },
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

const List _cp_folder_engagement_list = LIST (
  "SELECT id, title, client, sponsor, coach, approach, driver, status, start_date, end_date, "
  "created_at, updated_at, scope, uuid FROM engagement WHERE id = ?1",
  "INSERT INTO engagement (title, client, sponsor, coach, approach, driver, status, start_date, "
  "end_date, created_at, updated_at, scope, uuid) "
  "VALUES (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
  N_KINDS, engagement_columns);

#define STANCES "champion|supporter|neutral|sceptic|blocker"

static const Column person_columns[] = {
  { "#", K_NUMBER },
  { "Name", K_TEXT },
  { "Role", K_TEXT },
  { "Contact", K_TEXT },
  { "Stance", K_ENUM, STANCES },
  { "Influence", K_ENUM, "high|medium|low" },
  { "SMO role", K_ENUM, "champion|service-manager|it-leader" },
  { "Note", K_TEXT },
  { "Id", K_UUID },
};

static const List person_list = LIST (
  "SELECT id, name, role, contact, nullif (stance, ''), nullif (influence, ''), nullif (smo_role, ''), "
  "note, uuid FROM stakeholder WHERE engagement_id = ?1 ORDER BY position, id",
  "INSERT INTO stakeholder (engagement_id, position, name, role, contact, stance, influence, smo_role, "
  "note, uuid) VALUES (?1, ?2, ?3, ?4, ?5, coalesce (?6, ''), coalesce (?7, ''), coalesce (?8, ''), "
  "coalesce (?9, ''), ?10)",
  K_PERSON, person_columns);

static const Column stance_columns[] = {
  { "Person", K_PERSON, NULL, TRUE },
  { "From", K_DATE, NULL, TRUE },
  { "Stance", K_ENUM, STANCES, TRUE },
  { "Id", K_UUID },
};

static const List stance_list = LIST (
  "SELECT c.id, c.stakeholder_id, c.changed_on, c.stance, c.uuid FROM stance_change c "
  "JOIN stakeholder s ON s.id = c.stakeholder_id WHERE s.engagement_id = ?1 "
  "ORDER BY s.position, s.id, c.changed_on, c.id",
  "INSERT INTO stance_change (stakeholder_id, changed_on, stance, uuid) VALUES (?3, ?4, ?5, ?6)",
  N_KINDS, stance_columns);

static const Column mentoring_columns[] = {
  { "Mentor", K_TEXT },
  { "Mentee", K_TEXT },
  { "Profile", K_ENUM, "expert|systems-thinker" },
  { "Format", K_ENUM, "one-on-one|mass|blended" },
  { "Practice", K_TEXT },
  { "Id", K_UUID },
};

static const List mentoring_list = LIST (
  "SELECT id, mentor, mentee, nullif (profile, ''), nullif (format, ''), practice, uuid FROM mentoring "
  "WHERE engagement_id = ?1 ORDER BY position, id",
  "INSERT INTO mentoring (engagement_id, position, mentor, mentee, profile, format, practice, uuid) "
  "VALUES (?1, ?2, ?3, ?4, coalesce (?5, ''), coalesce (?6, ''), ?7, ?8)",
  N_KINDS, mentoring_columns);

static const Column approach_change_columns[] = {
  { "On", K_DATE, NULL, TRUE },
  { "From", K_ENUM, APPROACHES, TRUE },
  { "To", K_ENUM, APPROACHES, TRUE },
  { "Reason", K_TEXT },
  { "Id", K_UUID },
};

const List _cp_folder_approach_change_list = LIST (
  "SELECT id, changed_on, from_approach, to_approach, reason, uuid FROM approach_change "
  "WHERE engagement_id = ?1 ORDER BY id",
  "INSERT INTO approach_change (engagement_id, changed_on, from_approach, to_approach, reason, "
  "uuid) VALUES (?1, ?3, ?4, ?5, ?6, ?7)",
  N_KINDS, approach_change_columns);

static const Column cycle_columns[] = {
  { "Number", K_INT, NULL, TRUE },
  { "Template", K_TEXT, NULL, TRUE },
  { "Template name", K_TEXT },
  { "Approach", K_ENUM, APPROACHES, TRUE },
  { "Started", K_DATE, NULL, TRUE },
  { "Id", K_UUID },
};

const List _cp_folder_cycle_list = LIST (
  "SELECT id, number, template, template_name, approach, started_on, uuid FROM cycle "
  "WHERE engagement_id = ?1 ORDER BY number",
  "INSERT INTO cycle (engagement_id, number, template, template_name, approach, started_on, uuid) "
  "VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8)",
  N_KINDS, cycle_columns);

static const Column phase_columns[] = {
  { "Name", K_TEXT },
  { "Role", K_ENUM, "vision|baseline|targets|plan|action|review|momentum", TRUE },
  { "Status", K_ENUM, "not-started|in-progress|done", TRUE },
  { "Description", K_TEXT },
  { "Id", K_UUID },
};

const List _cp_folder_phase_list = LIST (
  "SELECT id, name, role, status, description, uuid FROM phase WHERE cycle_id = ?1 ORDER BY position, id",
  "INSERT INTO phase (cycle_id, position, name, role, status, description, uuid) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  N_KINDS, phase_columns);

static const Column checklist_columns[] = {
  { "Done", K_DONE },
  { "Text", K_TEXT },
  { "Source", K_ENUM, "template|approach|user", TRUE },
  { "Approach", K_ENUM, APPROACHES },
  { "Done by", K_NTEXT },
  { "Done at", K_NTEXT },
  { "Comment", K_TEXT },
  { "Id", K_UUID },
};

const List _cp_folder_checklist_list = LIST (
  "SELECT id, done, text, source, approach, done_by, done_at, comment, uuid FROM checklist_item "
  "WHERE phase_id = ?1 ORDER BY position, id",
  "INSERT INTO checklist_item (phase_id, position, done, text, source, approach, done_by, done_at, "
  "comment, uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  N_KINDS, checklist_columns);

static const Column sign_off_columns[] = {
  { "Signed on", K_DATE, NULL, TRUE },
  { "Reviewer", K_TEXT },
  { "Decision", K_ENUM, "approved|changes-requested", TRUE },
  { "Comments", K_TEXT },
  { "Recorded", K_STAMP, NULL, TRUE },
  { "Recorded by", K_TEXT },
  { "Id", K_UUID },
};

const List _cp_folder_sign_off_list = LIST (
  "SELECT id, signed_on, reviewer, decision, comments, recorded_at, recorded_by, uuid FROM sign_off "
  "WHERE phase_id = ?1 ORDER BY id",
  "INSERT INTO sign_off (phase_id, signed_on, reviewer, decision, comments, recorded_at, recorded_by, "
  "uuid) VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  N_KINDS, sign_off_columns);

static const Column session_columns[] = {
  { "#", K_NUMBER },
  { "Starts", K_MINUTE, NULL, TRUE },
  { "Minutes", K_INT, NULL, TRUE, FALSE, TRUE },
  { "Kind", K_ENUM, "one-on-one|workshop|review|sponsor-meeting|remote", TRUE },
  { "Area", K_ENUM, "csip|process|review" },
  { "Topic", K_TEXT },
  { "Phase", K_PHASE },
  { "Attendees", K_ATTENDEES },
  { "Id", K_UUID },
};

static const List session_list = LIST (
  "SELECT id, starts_at, duration_minutes, kind, nullif (area, ''), topic, phase_id, "
  "(SELECT group_concat (stakeholder_id) FROM session_attendee WHERE session_id = session.id), "
  "uuid FROM session WHERE engagement_id = ?1 ORDER BY starts_at, topic, uuid",
  "INSERT INTO session (engagement_id, starts_at, duration_minutes, kind, area, topic, phase_id, uuid) "
  "VALUES (?1, ?3, ?4, ?5, coalesce (?6, ''), ?7, ?8, ?9)",
  K_SESSION, session_columns);

static const Column note_columns[] = {
  { "Note", K_FILE, NULL, TRUE, TRUE },
  { "Session", K_SESSION },
  { "Phase", K_PHASE },
  { "Id", K_UUID },
};

/* Notes are read and written by hand: the list gives the index's shape. */
const List _cp_folder_note_list = LIST (
  "SELECT " "id, engagement_id, session_id, phase_id, title, body, tags, visibility, created_at, updated_at, author, uuid FROM note WHERE engagement_id = ?1 ORDER BY created_at, display_title, body, uuid",
  NULL, K_NOTE, note_columns);

static const Column opportunity_columns[] = {
  { "No", K_INT, NULL, TRUE, TRUE, TRUE },
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
  { "Id", K_UUID },
};

static const List opportunity_list = LIST (
  "SELECT id, number, raised_on, size, timescale, description, priority, kpi, justification, "
  "raised_by, actioned_by, required_by, status, phase_id, uuid FROM opportunity "
  "WHERE engagement_id = ?1 ORDER BY number",
  "INSERT INTO opportunity (engagement_id, number, raised_on, size, timescale, description, "
  "priority, kpi, justification, raised_by, actioned_by, required_by, status, phase_id, uuid) "
  "VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
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
  { "Id", K_UUID },
};

static const List action_list = LIST (
  "SELECT id, done, text, owner, due_on, done_on, phase_id, note_id, opportunity_id, created_at, "
  "uuid FROM action_item WHERE engagement_id = ?1 ORDER BY created_at, text, uuid",
  "INSERT INTO action_item (engagement_id, done, text, owner, due_on, done_on, phase_id, note_id, "
  "opportunity_id, created_at, uuid) VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
  N_KINDS, action_columns);

static const Column goal_columns[] = {
  { "#", K_NUMBER },
  { "Goal", K_TEXT },
  { "Unit", K_TEXT },
  { "Baseline", K_REAL },
  { "Baseline date", K_DATE },
  { "Target", K_REAL },
  { "Target date", K_DATE },
  { "Id", K_UUID },
};

static const List goal_list = LIST (
  "SELECT id, name, unit, baseline_value, baseline_date, target_value, target_date, uuid FROM goal "
  "WHERE engagement_id = ?1 ORDER BY position, id",
  "INSERT INTO goal (engagement_id, position, name, unit, baseline_value, baseline_date, "
  "target_value, target_date, uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  K_GOAL, goal_columns);

static const Column reading_columns[] = {
  { "Goal", K_GOAL, NULL, TRUE },
  { "Taken on", K_DATE, NULL, TRUE },
  { "Value", K_REAL, NULL, TRUE },
  { "Recorded by", K_TEXT },
  { "Id", K_UUID },
};

static const List reading_list = LIST (
  "SELECT r.id, r.goal_id, r.taken_on, r.value, r.recorded_by, r.uuid FROM goal_reading r "
  "JOIN goal g ON g.id = r.goal_id "
  "WHERE g.engagement_id = ?1 ORDER BY g.position, g.id, r.taken_on, r.value, r.uuid",
  "INSERT INTO goal_reading (goal_id, taken_on, value, recorded_by, uuid) VALUES (?3, ?4, ?5, ?6, ?7)",
  N_KINDS, reading_columns);

static const Column maturity_columns[] = {
  { "Practice", K_TEXT, NULL, TRUE },
  { "Before", K_LEVEL },
  { "Evidence before", K_TEXT },
  { "After", K_LEVEL },
  { "Evidence after", K_TEXT },
  { "Id", K_UUID },
};

static const List maturity_list = LIST (
  "SELECT id, practice, baseline_level, baseline_evidence, review_level, review_evidence, "
  "uuid FROM maturity WHERE engagement_id = ?1 ORDER BY position, id",
  "INSERT INTO maturity (engagement_id, position, practice, baseline_level, baseline_evidence, "
  "review_level, review_evidence, uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  N_KINDS, maturity_columns);

static const Column readiness_columns[] = {
  { "Characteristic", K_ENUM, "understanding|sourcing|processes|innovation", TRUE },
  { "Before", K_LEVEL },
  { "Evidence before", K_TEXT },
  { "After", K_LEVEL },
  { "Evidence after", K_TEXT },
  { "Id", K_UUID },
};

static const List readiness_list = LIST (
  "SELECT id, characteristic, baseline_level, baseline_evidence, review_level, review_evidence, uuid "
  "FROM readiness WHERE engagement_id = ?1 ORDER BY CASE characteristic WHEN 'understanding' THEN 1 "
  "WHEN 'sourcing' THEN 2 WHEN 'processes' THEN 3 ELSE 4 END",
  "INSERT INTO readiness (engagement_id, characteristic, baseline_level, baseline_evidence, "
  "review_level, review_evidence, uuid) VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8)",
  N_KINDS, readiness_columns);

static const Column audit_columns[] = {
  { "Done", K_DONE },
  { "Text", K_TEXT },
  { "Practice", K_TEXT, NULL, TRUE },
  { "Level", K_INT, NULL, TRUE, FALSE, TRUE },
  { "Note", K_TEXT },
  { "Id", K_UUID },
};

/* A criterion met is ticked. */
static const List audit_list = LIST (
  "SELECT id, met, criterion, practice, level, note, uuid FROM audit_item "
  "WHERE engagement_id = ?1 ORDER BY position, id",
  "INSERT INTO audit_item (engagement_id, position, met, criterion, practice, level, note, uuid) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  N_KINDS, audit_columns);

static const Column workstream_columns[] = {
  { "#", K_NUMBER },
  { "Workstream", K_TEXT },
  { "Owner", K_TEXT },
  { "Stage", K_ENUM, STAGES, TRUE },
  { "Role", K_TEXT },
  { "Holder", K_TEXT },
  { "Certification", K_TEXT },
  { "Id", K_UUID },
};

static const List workstream_list = LIST (
  "SELECT id, name, owner, stage, role, holder, certification, uuid FROM workstream "
  "WHERE engagement_id = ?1 ORDER BY position, id",
  "INSERT INTO workstream (engagement_id, position, name, owner, stage, role, holder, certification, uuid) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  K_WORKSTREAM, workstream_columns);

static const Column handover_columns[] = {
  { "Workstream", K_WORKSTREAM, NULL, TRUE },
  { "Stage", K_ENUM, STAGES, TRUE },
  { "Changed on", K_DATE, NULL, TRUE },
  { "Id", K_UUID },
};

static const List handover_list = LIST (
  "SELECT c.id, c.workstream_id, c.stage, c.changed_on, c.uuid FROM workstream_change c "
  "JOIN workstream w ON w.id = c.workstream_id WHERE w.engagement_id = ?1 "
  "ORDER BY w.position, w.id, c.id",
  "INSERT INTO workstream_change (workstream_id, stage, changed_on, uuid) VALUES (?3, ?4, ?5, ?6)",
  N_KINDS, handover_columns);

static const Column exit_columns[] = {
  { "Done", K_DONE },
  { "Text", K_TEXT },
  { "Done on", K_DATE },
  { "Id", K_UUID },
};

/* The box only shows the day; the day is what is stored. */
static const List exit_list = LIST (
  "SELECT id, done_on IS NOT NULL, text, done_on, uuid FROM exit_item "
  "WHERE engagement_id = ?1 ORDER BY position, id",
  "INSERT INTO exit_item (engagement_id, position, text, done_on, uuid) "
  "VALUES (?1, ?2, ?4, ?5, ?6)",
  N_KINDS, exit_columns);

static const Column contract_columns[] = {
  { "Version", K_INT, NULL, TRUE, FALSE, TRUE },
  { "Coach", K_TEXT },
  { "Client lead", K_TEXT },
  { "Sponsor", K_TEXT },
  { "Signed on", K_DATE },
  { "Goals", K_BLOCK },
  { "Measures", K_BLOCK },
  { "Roles", K_BLOCK },
  { "Id", K_UUID },
};

const List _cp_folder_contract_list = LIST (
  "SELECT id, version, coach, client_lead, sponsor, signed_on, goals, measures, roles, uuid "
  "FROM contract "
  "WHERE engagement_id = ?1 ORDER BY version",
  "INSERT INTO contract (engagement_id, version, coach, client_lead, sponsor, signed_on, goals, "
  "measures, roles, uuid) VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  N_KINDS, contract_columns);



static const Part people_parts[] = {
  { NULL, &person_list, SHAPE_TABLE },
  { "Stance history", &stance_list, SHAPE_TABLE },
  { "Mentoring", &mentoring_list, SHAPE_TABLE },
};
static const Part session_parts[] = { { NULL, &session_list, SHAPE_TABLE } };
static const Part note_parts[] = { { NULL, &_cp_folder_note_list, SHAPE_TABLE } };
static const Part register_parts[] = { { NULL, &opportunity_list, SHAPE_TABLE } };
static const Part action_parts[] = { { NULL, &action_list, SHAPE_TASKS } };
static const Part measure_parts[] = {
  { "Goals", &goal_list, SHAPE_TABLE },
  { "Readings", &reading_list, SHAPE_TABLE },
  { "Maturity", &maturity_list, SHAPE_TABLE },
  { "Readiness", &readiness_list, SHAPE_TABLE },
  { "ITSM audit", &audit_list, SHAPE_TASKS },
  { "Handover", &workstream_list, SHAPE_TABLE },
  { "Handover history", &handover_list, SHAPE_TABLE },
  { "Exit checklist", &exit_list, SHAPE_TASKS },
};


#define SIMPLE(name, title, parts) { name, title, parts, G_N_ELEMENTS (parts) }

const Simple _cp_folder_people_file = SIMPLE ("people.md", "People", people_parts);
const Simple _cp_folder_sessions_file = SIMPLE ("sessions.md", "Sessions", session_parts);
const Simple _cp_folder_notes_file = SIMPLE ("notes.md", "Notes", note_parts);
const Simple _cp_folder_register_file = SIMPLE ("register.md", "Improvement register", register_parts);
const Simple _cp_folder_actions_file = SIMPLE ("actions.md", "Actions", action_parts);
const Simple _cp_folder_measures_file = SIMPLE ("measures.md", "Measures", measure_parts);


static const Column note_field_columns[] = {
  { "Title", K_NTEXT },
  { "Tags", K_NTEXT },
  { "Visibility", K_ENUM, "coach|client|sponsor", TRUE },
  { "Created", K_STAMP },
  { "Updated", K_STAMP },
  { "Body", K_BLOCK },
  { "Session", K_SESSION },
  { "Phase", K_PHASE },
  { "Author", K_NTEXT },
  { "Id", K_UUID },
};

const List _cp_folder_note_fields_list = LIST (NULL, NULL, K_NOTE, note_field_columns);

static const struct
{
  const List *list;
  const char *file;
} slots[N_SLOTS] = {
  [SLOT_ENGAGEMENT] = { &_cp_folder_engagement_list, ENGAGEMENT_FILE },
  [SLOT_PERSON] = { &person_list, "people.md" },
  [SLOT_STANCE_CHANGE] = { &stance_list, "people.md" },
  [SLOT_MENTORING] = { &mentoring_list, "people.md" },
  [SLOT_APPROACH_CHANGE] = { &_cp_folder_approach_change_list, CSIP_FILE },
  [SLOT_CYCLE] = { &_cp_folder_cycle_list, CSIP_FILE },
  [SLOT_PHASE] = { &_cp_folder_phase_list, CSIP_FILE },
  [SLOT_CHECKLIST] = { &_cp_folder_checklist_list, CSIP_FILE },
  [SLOT_SIGN_OFF] = { &_cp_folder_sign_off_list, CSIP_FILE },
  [SLOT_SESSION] = { &session_list, "sessions.md" },
  [SLOT_NOTE] = { &_cp_folder_note_fields_list, "notes.md" },
  [SLOT_OPPORTUNITY] = { &opportunity_list, "register.md" },
  [SLOT_ACTION] = { &action_list, "actions.md" },
  [SLOT_GOAL] = { &goal_list, "measures.md" },
  [SLOT_READING] = { &reading_list, "measures.md" },
  [SLOT_MATURITY] = { &maturity_list, "measures.md" },
  [SLOT_READINESS] = { &readiness_list, "measures.md" },
  [SLOT_AUDIT] = { &audit_list, "measures.md" },
  [SLOT_WORKSTREAM] = { &workstream_list, "measures.md" },
  [SLOT_HANDOVER] = { &handover_list, "measures.md" },
  [SLOT_EXIT] = { &exit_list, "measures.md" },
  [SLOT_CONTRACT] = { &_cp_folder_contract_list, CONTRACT_FILE },
};

const List *
_cp_snapshot_list (Slot slot)
{
  return slots[slot].list;
}

const char *
_cp_snapshot_file (Slot slot)
{
  return slots[slot].file;
}

Slot
_cp_snapshot_slot_of (const List *list)
{
  for (Slot s = 0; s < N_SLOTS; s++)
    if (slots[s].list == list)
      return s;

  g_assert_not_reached ();
}

static void
snap_record_free (SnapRecord *record)
{
  g_free (record->uuid);
  g_free (record->owner);
  /* Values may be missing, so not a NULL-terminated array. */
  for (guint c = 0; c < slots[record->slot].list->n_columns; c++)
    g_free (record->values[c]);
  g_free (record->values);
  g_free (record);
}

Snapshot *
_cp_snapshot_new (void)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->by_id = g_ptr_array_new_with_free_func ((GDestroyNotify) snap_record_free);
  snapshot->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  for (Slot s = 0; s < N_SLOTS; s++)
    snapshot->records[s] = g_ptr_array_new ();

  return snapshot;
}

void
_cp_snapshot_free (Snapshot *snapshot)
{
  for (Slot s = 0; s < N_SLOTS; s++)
    g_ptr_array_unref (snapshot->records[s]);
  g_hash_table_unref (snapshot->by_uuid);
  g_ptr_array_unref (snapshot->by_id);
  g_free (snapshot);
}

/* Adds a record at the end of its slot; takes @values. */
SnapRecord *
_cp_snapshot_add (Snapshot    *snapshot,
                  Slot         slot,
                  const char  *uuid,
                  const char  *owner,
                  char       **values)
{
  SnapRecord *record = g_new0 (SnapRecord, 1);

  record->slot = slot;
  record->uuid = g_ascii_strdown (uuid, -1);
  record->owner = g_strdup (owner);
  record->values = values;
  g_ptr_array_add (snapshot->by_id, record);
  g_ptr_array_add (snapshot->records[slot], record);
  g_hash_table_insert (snapshot->by_uuid, record->uuid, record);

  return record;
}

SnapRecord *
_cp_snapshot_get (Snapshot   *snapshot,
                  const char *uuid)
{
  g_autofree char *folded = g_ascii_strdown (uuid, -1);

  return g_hash_table_lookup (snapshot->by_uuid, folded);
}

const char *
_cp_folder_kind_noun (Kind kind)
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
    case K_NUMBER: case K_TEXT: case K_NTEXT: case K_DATE: case K_STAMP: case K_MINUTE: case K_UUID: case K_INT:
    case K_LEVEL: case K_REAL: case K_ENUM: case K_DONE: case K_BLOCK: case K_FILE:
    case K_ATTENDEES: case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

gint64 *
_cp_folder_box_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* The column a task's line shows: its text. */
guint
_cp_folder_task_text_column (const List *list)
{
  for (guint c = 0; c < list->n_columns; c++)
    if (list->columns[c].kind == K_TEXT)
      return c;

  g_assert_not_reached ();
}

int
_cp_folder_find_column (const List *list,
                        const char *title)
{
  for (guint c = 0; c < list->n_columns; c++)
    if (g_str_equal (list->columns[c].title, title))
      return c;

  return -1;
}

/* The file a notes.md cell names: "[label](<notes/NAME>)" or NAME. */
char *
_cp_folder_note_file_from_cell (const char *cell)
{
  const char *start = g_strrstr (cell, "](<" NOTES_FOLDER "/");

  if (cell[0] == '[' && start != NULL && g_str_has_suffix (cell, ">)"))
    {
      start += strlen ("](<" NOTES_FOLDER "/");
      return g_strndup (start, strlen (start) - 2);
    }

  return g_strdup (cell);
}

/* Whether @value is written as a UUID: 8-4-4-4-12 hexadecimal digits. */
gboolean
_cp_folder_uuid_is_valid (const char *value)
{
  static const int groups[] = { 8, 4, 4, 4, 12 };
  const char *p = value;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      for (int i = 0; i < groups[g]; i++, p++)
        if (!g_ascii_isxdigit (*p))
          return FALSE;
      if (g + 1 < G_N_ELEMENTS (groups) && *p++ != '-')
        return FALSE;
    }

  return *p == '\0';
}
