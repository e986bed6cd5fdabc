/* cp-store-register.c — how the store keeps an engagement's register of
 * improvement opportunities and its actions
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store-sql.h"

#define ACTION_COLUMNS \
  "id, engagement_id, text, owner, due_on, done, done_on, note_id, phase_id, opportunity_id"
#define OPPORTUNITY_COLUMNS \
  "id, number, raised_on, size, timescale, description, priority, kpi, justification, " \
  "raised_by, actioned_by, required_by, status, phase_id"

const CpSqlText _cp_store_register_sql[CP_SQL_N] = {
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
};
