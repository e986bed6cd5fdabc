/* cp-store-measures.c — how the store keeps an engagement's measures:
 * goals and their readings, maturity scores, workstreams and their
 * handovers, actions, the register of opportunities, the contract and
 * the exit checklist
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store-sql.h"

#define GOAL_COLUMNS \
  "id, name, unit, baseline_value, baseline_date, target_value, target_date"
#define MATURITY_COLUMNS \
  "id, practice, baseline_level, baseline_evidence, review_level, review_evidence"
#define WORKSTREAM_COLUMNS "id, name, owner, stage"
#define ACTION_COLUMNS \
  "id, engagement_id, text, owner, due_on, done, done_on, note_id, phase_id, opportunity_id"
#define CONTRACT_COLUMNS \
  "id, version, goals, measures, roles, coach, client_lead, sponsor, signed_on"
#define EXIT_ITEM_COLUMNS "id, text, done_on"
#define OPPORTUNITY_COLUMNS \
  "id, number, raised_on, size, timescale, description, priority, kpi, justification, " \
  "raised_by, actioned_by, required_by, status, phase_id"

/* Appended at the end of an engagement's list of its kind. */
#define ADD_NAMED(table, column, columns) \
  "INSERT INTO " table " (engagement_id, " column ", position) VALUES (?1, ?2, " \
  "(SELECT coalesce (max (position), 0) + 1 FROM " table " WHERE engagement_id = ?1)) " \
  "RETURNING " columns

const CpSqlText _cp_store_measures_sql[CP_SQL_N] = {
  [CP_SQL_GOALS] = {
    "SELECT " GOAL_COLUMNS " FROM goal WHERE engagement_id = ?1 ORDER BY position, id",
    N_("Could not read the goals") },
  [CP_SQL_GOAL_ADD] = { ADD_NAMED ("goal", "name", GOAL_COLUMNS), N_("Could not add it") },
  [CP_SQL_GOAL_REMOVE] = { "DELETE FROM goal WHERE id = ?1", N_("Could not remove it") },
  [CP_SQL_GOAL_SAVE] = {
    "UPDATE goal SET name = ?2, unit = ?3, baseline_value = ?4, baseline_date = ?5, "
    "target_value = ?6, target_date = ?7 WHERE id = ?1",
    N_("Could not save the goal") },
  [CP_SQL_READINGS] = {
    "SELECT id, taken_on, value FROM goal_reading WHERE goal_id = ?1 ORDER BY taken_on, id",
    N_("Could not read the readings") },
  [CP_SQL_READING_ADD] = {
    "INSERT INTO goal_reading (goal_id, taken_on, value) VALUES (?1, ?2, ?3)",
    N_("Could not add the reading") },
  [CP_SQL_READING_REMOVE] = {
    "DELETE FROM goal_reading WHERE id = ?1 AND goal_id = ?2",
    N_("Could not remove the reading") },

  [CP_SQL_MATURITY] = {
    "SELECT " MATURITY_COLUMNS " FROM maturity WHERE engagement_id = ?1 ORDER BY position, id",
    N_("Could not read the maturity scores") },
  [CP_SQL_MATURITY_ADD] = { ADD_NAMED ("maturity", "practice", MATURITY_COLUMNS), N_("Could not add it") },
  [CP_SQL_MATURITY_REMOVE] = { "DELETE FROM maturity WHERE id = ?1", N_("Could not remove it") },
  [CP_SQL_MATURITY_SAVE] = {
    "UPDATE maturity SET baseline_level = nullif (?2, -1), baseline_evidence = ?3, "
    "review_level = nullif (?4, -1), review_evidence = ?5 WHERE id = ?1",
    N_("Could not save the maturity scores") },

  [CP_SQL_WORKSTREAMS] = {
    "SELECT " WORKSTREAM_COLUMNS " FROM workstream WHERE engagement_id = ?1 ORDER BY position, id",
    N_("Could not read the workstreams") },
  [CP_SQL_WORKSTREAM_ADD] = { ADD_NAMED ("workstream", "name", WORKSTREAM_COLUMNS), N_("Could not add it") },
  [CP_SQL_WORKSTREAM_REMOVE] = { "DELETE FROM workstream WHERE id = ?1", N_("Could not remove it") },
  [CP_SQL_WORKSTREAM_SAVE] = {
    "UPDATE workstream SET name = ?2, owner = ?3 WHERE id = ?1",
    N_("Could not save the workstream") },
  [CP_SQL_WORKSTREAM_STAGE] = {
    "UPDATE workstream SET stage = ?2 WHERE id = ?1",
    N_("Could not save the handover") },
  [CP_SQL_HANDOVER_ADD] = {
    "INSERT INTO workstream_change (workstream_id, stage, changed_on) "
    "VALUES (?1, ?2, coalesce (?3, date('now', 'localtime')))",
    N_("Could not save the handover") },
  [CP_SQL_HANDOVERS] = {
    "SELECT stage, changed_on FROM workstream_change WHERE workstream_id = ?1 ORDER BY id",
    N_("Could not read the handovers") },

  [CP_SQL_ACTIONS] = {
    "SELECT " ACTION_COLUMNS " FROM action_item WHERE engagement_id = ?1 "
    "ORDER BY done, CASE WHEN done THEN done_on END DESC, due_on IS NULL, due_on, id",
    N_("Could not read the actions") },
  [CP_SQL_ACTION_ADD] = {
    "INSERT INTO action_item (engagement_id, text) VALUES (?1, ?2) RETURNING " ACTION_COLUMNS,
    N_("Could not add it") },
  [CP_SQL_ACTION_REMOVE] = { "DELETE FROM action_item WHERE id = ?1", N_("Could not remove it") },
  [CP_SQL_ACTION_SAVE] = {
    "UPDATE action_item SET text = ?2, owner = ?3, due_on = ?4, note_id = nullif (?5, 0), "
    "phase_id = nullif (?6, 0), opportunity_id = nullif (?7, 0) WHERE id = ?1",
    N_("Could not save the action") },
  [CP_SQL_ACTION_DONE] = {
    "UPDATE action_item SET done = ?2, done_on = CASE WHEN ?2 THEN date('now', 'localtime') END "
    "WHERE id = ?1 RETURNING done_on",
    N_("Could not save the action") },
  [CP_SQL_OPEN_ACTION_ENGAGEMENTS] = {
    "SELECT DISTINCT a.engagement_id FROM action_item a JOIN engagement e ON e.id = a.engagement_id "
    "WHERE NOT a.done AND e.trashed_at IS NULL",
    N_("Could not read the open actions") },

  [CP_SQL_OPPORTUNITIES] = {
    "SELECT " OPPORTUNITY_COLUMNS " FROM opportunity WHERE engagement_id = ?1 ORDER BY number",
    N_("Could not read the register") },
  [CP_SQL_OPPORTUNITY_ADD] = {
    "INSERT INTO opportunity (engagement_id, description, number, raised_on) VALUES (?1, ?2, "
    "(SELECT coalesce (max (number), 0) + 1 FROM opportunity WHERE engagement_id = ?1), "
    "date ('now', 'localtime')) RETURNING " OPPORTUNITY_COLUMNS,
    N_("Could not add it") },
  [CP_SQL_OPPORTUNITY_REMOVE] = { "DELETE FROM opportunity WHERE id = ?1", N_("Could not remove it") },
  [CP_SQL_OPPORTUNITY_SAVE] = {
    "UPDATE opportunity SET raised_on = ?2, size = ?3, timescale = ?4, description = ?5, "
    "priority = ?6, kpi = ?7, justification = ?8, raised_by = ?9, actioned_by = ?10, "
    "required_by = ?11, status = ?12, phase_id = nullif (?13, 0) WHERE id = ?1",
    N_("Could not save the opportunity") },

  [CP_SQL_CONTRACTS] = {
    "SELECT " CONTRACT_COLUMNS " FROM contract WHERE engagement_id = ?1 ORDER BY version",
    N_("Could not read the contract") },
  [CP_SQL_CONTRACT_ADD] = {
    "INSERT INTO contract (engagement_id, version, goals, measures, roles, coach, client_lead, "
    "sponsor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING " CONTRACT_COLUMNS,
    N_("Could not start a new version of the contract") },
  [CP_SQL_CONTRACT_SAVE] = {
    "UPDATE contract SET goals = ?2, measures = ?3, roles = ?4, coach = ?5, client_lead = ?6, "
    "sponsor = ?7 WHERE id = ?1",
    N_("Could not save the contract") },
  [CP_SQL_CONTRACT_SIGN] = {
    "UPDATE contract SET signed_on = date ('now', 'localtime') "
    "WHERE id = ?1 AND signed_on IS NULL RETURNING signed_on",
    N_("Could not sign the contract") },

  [CP_SQL_EXIT_ITEMS] = {
    "SELECT " EXIT_ITEM_COLUMNS " FROM exit_item WHERE engagement_id = ?1 ORDER BY position, id",
    N_("Could not read the exit checklist") },
  [CP_SQL_EXIT_ITEM_ADD] = { ADD_NAMED ("exit_item", "text", EXIT_ITEM_COLUMNS), N_("Could not add it") },
  [CP_SQL_EXIT_ITEM_REMOVE] = { "DELETE FROM exit_item WHERE id = ?1", N_("Could not remove it") },
  [CP_SQL_EXIT_ITEM_SAVE] = {
    "UPDATE exit_item SET done_on = ?2 WHERE id = ?1",
    N_("Could not save the exit checklist") },
};
