/* cp-store-notes.c — how the store keeps an engagement's notes
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store-sql.h"

#define NOTE_COLUMNS \
  "id, engagement_id, session_id, phase_id, title, body, tags, visibility, created_at, updated_at, author"
#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

const CpSqlText _cp_store_notes_sql[CP_SQL_N] = {
  [CP_SQL_NOTES] = {
    "SELECT " NOTE_COLUMNS " FROM note WHERE engagement_id = ?1 ORDER BY created_at DESC, id DESC",
    N_("Could not read the notes") },
  [CP_SQL_NOTE_ADD] = {
    "INSERT INTO note (engagement_id, session_id, phase_id, title, body, tags, visibility, "
    "created_at, updated_at, display_title, uuid, author) "
    "VALUES (?1, nullif (?2, 0), nullif (?3, 0), ?4, ?5, ?6, ?7, coalesce (?8, " NOW "), "
    "coalesce (?9, " NOW "), ?10, ?11, ?12) RETURNING " NOTE_COLUMNS,
    N_("Could not add the note") },
  [CP_SQL_NOTE_SAVE] = {
    "UPDATE note SET title = ?2, body = ?3, tags = ?4, visibility = ?5, "
    "session_id = nullif (?6, 0), phase_id = nullif (?7, 0), display_title = ?8, "
    "updated_at = " NOW " WHERE id = ?1 RETURNING updated_at",
    N_("Could not save the note") },
  [CP_SQL_NOTE_REMOVE] = {
    "DELETE FROM note WHERE id = ?1",
    N_("Could not remove the note") },
  [CP_SQL_SESSION_LABEL] = {
    "SELECT replace (starts_at, 'T', ' ') FROM session WHERE id = ?1",
    N_("Could not read the session") },
  [CP_SQL_PHASE_NAME] = {
    "SELECT name FROM phase WHERE id = ?1",
    N_("Could not read the phase") },
};
