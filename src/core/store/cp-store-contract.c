/* cp-store-contract.c — how the store keeps the versions of an
 * engagement's three-way contract
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store-sql.h"

#define CONTRACT_COLUMNS \
  "id, version, goals, measures, roles, coach, client_lead, sponsor, signed_on"

const CpSqlText _cp_store_contract_sql[CP_SQL_N] = {
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
};
