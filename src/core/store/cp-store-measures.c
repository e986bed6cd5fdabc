/* cp-store-measures.c — how the store keeps an engagement's measures:
 * goals and their readings, maturity scores, workstreams and their
 * handovers, and the exit checklist
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
#define WORKSTREAM_COLUMNS "id, name, owner, stage, role, holder, certification"
#define EXIT_ITEM_COLUMNS "id, text, done_on"
#define MENTORING_COLUMNS "id, mentor, mentee, profile, format, practice"
#define AUDIT_COLUMNS "id, practice, level, criterion, met, note"

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
    "INSERT INTO goal_reading (goal_id, taken_on, value, recorded_by) VALUES (?1, ?2, ?3, ?4)",
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
    "UPDATE workstream SET name = ?2, owner = ?3, role = ?4, holder = ?5, certification = ?6 WHERE id = ?1",
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
  [CP_SQL_READINESS] = {
    "SELECT characteristic, baseline_level, baseline_evidence, review_level, review_evidence "
    "FROM readiness WHERE engagement_id = ?1",
    N_("Could not read the readiness scores") },
  [CP_SQL_READINESS_SET] = {
    "INSERT INTO readiness (engagement_id, characteristic, baseline_level, baseline_evidence, "
    "review_level, review_evidence, uuid) VALUES (?1, ?2, nullif (?3, -1), ?4, nullif (?5, -1), ?6, "
    "(SELECT ?7 WHERE NOT EXISTS (SELECT 1 FROM readiness WHERE uuid = ?7))) "
    "ON CONFLICT (engagement_id, characteristic) DO UPDATE SET baseline_level = excluded.baseline_level, "
    "baseline_evidence = excluded.baseline_evidence, review_level = excluded.review_level, "
    "review_evidence = excluded.review_evidence",
    N_("Could not save the readiness score") },
  [CP_SQL_AUDIT_ITEMS] = {
    "SELECT " AUDIT_COLUMNS " FROM audit_item WHERE engagement_id = ?1 ORDER BY position, id",
    N_("Could not read the audit") },
  [CP_SQL_AUDIT_ADD] = {
    "INSERT INTO audit_item (engagement_id, practice, level, criterion, position) VALUES (?1, ?2, ?3, ?4, "
    "(SELECT coalesce (max (position), 0) + 1 FROM audit_item WHERE engagement_id = ?1)) "
    "RETURNING " AUDIT_COLUMNS,
    N_("Could not add it") },
  [CP_SQL_AUDIT_REMOVE] = { "DELETE FROM audit_item WHERE id = ?1", N_("Could not remove it") },
  [CP_SQL_AUDIT_SAVE] = {
    "UPDATE audit_item SET met = ?2, note = ?3 WHERE id = ?1",
    N_("Could not save the audit") },
  [CP_SQL_MENTORINGS] = {
    "SELECT " MENTORING_COLUMNS " FROM mentoring WHERE engagement_id = ?1 ORDER BY position, id",
    N_("Could not read who mentors whom") },
  [CP_SQL_MENTORING_ADD] = { ADD_NAMED ("mentoring", "mentor", MENTORING_COLUMNS), N_("Could not add it") },
  [CP_SQL_MENTORING_REMOVE] = { "DELETE FROM mentoring WHERE id = ?1", N_("Could not remove it") },
  [CP_SQL_MENTORING_SAVE] = {
    "UPDATE mentoring SET mentor = ?2, mentee = ?3, profile = ?4, format = ?5, practice = ?6 WHERE id = ?1",
    N_("Could not save who mentors whom") },
  [CP_SQL_EXIT_ITEMS] = {
    "SELECT " EXIT_ITEM_COLUMNS " FROM exit_item WHERE engagement_id = ?1 ORDER BY position, id",
    N_("Could not read the exit checklist") },
  [CP_SQL_EXIT_ITEM_ADD] = { ADD_NAMED ("exit_item", "text", EXIT_ITEM_COLUMNS), N_("Could not add it") },
  [CP_SQL_EXIT_ITEM_REMOVE] = { "DELETE FROM exit_item WHERE id = ?1", N_("Could not remove it") },
  [CP_SQL_EXIT_ITEM_SAVE] = {
    "UPDATE exit_item SET done_on = ?2 WHERE id = ?1",
    N_("Could not save the exit checklist") },
};
