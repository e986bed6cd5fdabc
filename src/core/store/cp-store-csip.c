/* cp-store-csip.c — how the store keeps an engagement's continual
 * service improvement programme: its cycles, their phases, checklists and
 * sign-offs, and the history of its approach
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store-sql.h"

#define CYCLE_COLUMNS "id, number, template, template_name, approach, started_on"
#define PHASE_COLUMNS \
  "id, role, name, description, status, " \
  "(SELECT count(*) FROM checklist_item i WHERE i.phase_id = phase.id), " \
  "(SELECT count(*) FROM checklist_item i WHERE i.phase_id = phase.id AND i.done)"
#define ITEM_COLUMNS "id, text, source, approach, done, done_by, done_at, comment, phase_id"
#define SIGN_OFF_COLUMNS "id, reviewer, signed_on, decision, comments, recorded_at, recorded_by, uuid"

const CpSqlText _cp_store_csip_sql[CP_SQL_N] = {
  [CP_SQL_CYCLES] = {
    "SELECT " CYCLE_COLUMNS " FROM cycle WHERE engagement_id = ?1 ORDER BY number",
    N_("Could not read the cycles") },
  [CP_SQL_CYCLE_ADD] = {
    "INSERT INTO cycle (engagement_id, number, template, template_name, approach, uuid) "
    "VALUES (?1, (SELECT coalesce (max (number), 0) + 1 FROM cycle WHERE engagement_id = ?1), "
    "?2, ?3, ?4, ?5) RETURNING " CYCLE_COLUMNS,
    N_("Could not start the cycle") },
  [CP_SQL_CYCLE_REMOVE_LATEST] = {
    "DELETE FROM cycle WHERE engagement_id = ?1 AND id = ?2 AND number = "
    "(SELECT max (number) FROM cycle WHERE engagement_id = ?1) RETURNING id",
    N_("Could not take the cycle back") },
  [CP_SQL_CURRENT_CYCLE_APPROACH] = {
    "UPDATE cycle SET approach = ?2 WHERE id = "
    "(SELECT id FROM cycle WHERE engagement_id = ?1 ORDER BY number DESC LIMIT 1)",
    N_("Could not change the approach") },

  [CP_SQL_PHASES] = {
    "SELECT " PHASE_COLUMNS " FROM phase WHERE cycle_id = ?1 ORDER BY position, id",
    N_("Could not read the phases") },
  [CP_SQL_PHASE_ADD] = {
    "INSERT INTO phase (cycle_id, position, role, name, description, uuid) "
    "VALUES ((SELECT id FROM cycle WHERE uuid = ?1), ?2, ?3, ?4, ?5, ?6)",
    N_("Could not start the cycle") },
  [CP_SQL_PHASE_STATUS] = {
    "UPDATE phase SET status = ?2 WHERE id = ?1",
    N_("Could not save the phase") },

  [CP_SQL_ITEMS] = {
    "SELECT " ITEM_COLUMNS " FROM checklist_item WHERE phase_id = ?1 ORDER BY position, id",
    N_("Could not read the checklist") },
  [CP_SQL_ITEM_ADD_TEMPLATE] = {
    "INSERT INTO checklist_item (phase_id, position, text, source, approach) "
    "VALUES ((SELECT id FROM phase WHERE uuid = ?1), ?2, ?3, ?4, ?5)",
    N_("Could not start the cycle") },
  [CP_SQL_ITEM_APPEND] = {
    "INSERT INTO checklist_item (phase_id, position, text, source, approach) "
    "VALUES (?1, (SELECT count (*) FROM checklist_item WHERE phase_id = ?1), ?2, ?3, ?4) "
    "RETURNING " ITEM_COLUMNS,
    N_("Could not add the item") },
  [CP_SQL_ITEM_OPEN_GAP] = {
    "UPDATE checklist_item SET position = position + 1 WHERE phase_id = ?1 AND position >= ?2",
    N_("Could not add the item") },
  [CP_SQL_ITEM_INSERT] = {
    "INSERT INTO checklist_item (phase_id, position, text, source, approach, done, done_by, "
    "done_at, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING " ITEM_COLUMNS,
    N_("Could not add the item") },
  [CP_SQL_ITEM_REMOVE] = {
    "DELETE FROM checklist_item WHERE id = ?1",
    N_("Could not remove the item") },
  [CP_SQL_ITEM_CLOSE_GAP] = {
    "UPDATE checklist_item SET position = position - 1 WHERE phase_id = ?1 AND position > ?2",
    N_("Could not remove the item") },
  /* Closes the gap where the item was and opens one where it goes. */
  [CP_SQL_ITEM_MOVE] = {
    "UPDATE checklist_item SET position = CASE "
    "WHEN id = ?2 THEN ?4 "
    "WHEN ?3 < ?4 AND position > ?3 AND position <= ?4 THEN position - 1 "
    "WHEN ?3 > ?4 AND position >= ?4 AND position < ?3 THEN position + 1 "
    "ELSE position END WHERE phase_id = ?1",
    N_("Could not move the item") },
  [CP_SQL_ITEM_SAVE] = {
    "UPDATE checklist_item SET text = ?2, comment = ?3 WHERE id = ?1",
    N_("Could not save the checklist") },
  [CP_SQL_ITEM_DONE] = {
    "UPDATE checklist_item SET done = ?2, done_by = CASE WHEN ?2 THEN ?3 END, "
    "done_at = CASE WHEN ?2 THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END "
    "WHERE id = ?1 RETURNING done_at",
    N_("Could not tick the item") },

  [CP_SQL_SIGN_OFFS] = {
    "SELECT " SIGN_OFF_COLUMNS " FROM sign_off WHERE phase_id = ?1 ORDER BY id",
    N_("Could not read the sign-offs") },
  [CP_SQL_SIGN_OFF_ADD] = {
    "INSERT INTO sign_off (phase_id, reviewer, signed_on, decision, comments, recorded_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING " SIGN_OFF_COLUMNS,
    N_("Could not record the sign-off") },

  [CP_SQL_APPROACH_HISTORY] = {
    "SELECT from_approach, to_approach, changed_on, reason FROM approach_change "
    "WHERE engagement_id = ?1 ORDER BY id",
    N_("Could not read the approach history") },
  [CP_SQL_APPROACH_CHANGE_ADD] = {
    "INSERT INTO approach_change (engagement_id, from_approach, to_approach, reason) "
    "VALUES (?1, ?2, ?3, ?4)",
    N_("Could not record the change of approach") },
  [CP_SQL_APPROACH_SET] = {
    "UPDATE engagement SET approach = ?2, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
    "WHERE id = ?1 RETURNING updated_at",
    N_("Could not change the approach") },
};
