/* cp-store-migrations.c — the ordered schema steps
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-store-private.h"

/* A random version 4 UUID, made by SQLite itself, so that a row any
 * program adds gets one.
 */
#define UUID_V4 \
  "lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' || " \
  "substr (hex (randomblob (2)), 2) || '-' || substr ('89AB', 1 + (random () & 3), 1) || " \
  "substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6)))"

/* Gives every row of table @t a stable id, the same on every machine the
 * row travels to: existing rows now, new rows as they are added (unless
 * the writer gives one).
 */
#define STABLE_ID(t) \
  "ALTER TABLE " t " ADD COLUMN uuid TEXT;" \
  "UPDATE " t " SET uuid = " UUID_V4 ";" \
  "CREATE UNIQUE INDEX " t "_by_uuid ON " t " (uuid);" \
  "CREATE TRIGGER " t "_uuid AFTER INSERT ON " t " WHEN new.uuid IS NULL BEGIN " \
  "  UPDATE " t " SET uuid = " UUID_V4 " WHERE rowid = new.rowid; " \
  "END;"

/* Step N takes a database from user_version N-1 to N. Steps are only ever
 * appended: a released step is never edited, so every database walks the
 * same path whatever version it starts from.
 */
static const char * const migrations[] = {
  /* 1: engagements and their stakeholders. */
  "CREATE TABLE engagement ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  client TEXT NOT NULL DEFAULT '',"
  "  sponsor TEXT NOT NULL DEFAULT '',"
  "  coach TEXT NOT NULL DEFAULT '',"
  "  approach TEXT NOT NULL DEFAULT 'undecided'"
  "    CHECK (approach IN ('undecided', 'done-to-you', 'do-it-yourself', 'coached')),"
  "  driver TEXT NOT NULL DEFAULT 'undecided'"
  "    CHECK (driver IN ('undecided', 'strategy', 'operational')),"
  "  scope TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'planned'"
  "    CHECK (status IN ('planned', 'active', 'closed')),"
  "  start_date TEXT CHECK (start_date IS NULL OR date(start_date) IS start_date),"
  "  end_date TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  trashed_at TEXT"
  ");"
  "CREATE INDEX engagement_by_title ON engagement (title COLLATE NOCASE, id)"
  "  WHERE trashed_at IS NULL;"
  "CREATE TABLE stakeholder ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  role TEXT NOT NULL DEFAULT '',"
  "  contact TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX stakeholder_by_engagement ON stakeholder (engagement_id, position);",

  /* 2: the CSIP — cycles of phases with review checklists, sponsor
   * sign-offs, and the history of the engagement's approach.
   */
  "CREATE TABLE cycle ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL,"
  "  template TEXT NOT NULL,"
  "  template_name TEXT NOT NULL,"
  "  approach TEXT NOT NULL"
  "    CHECK (approach IN ('undecided', 'done-to-you', 'do-it-yourself', 'coached')),"
  "  started_on TEXT NOT NULL DEFAULT (date('now')),"
  "  UNIQUE (engagement_id, number)"
  ");"
  "CREATE TABLE phase ("
  "  id INTEGER PRIMARY KEY,"
  "  cycle_id INTEGER NOT NULL REFERENCES cycle (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  role TEXT NOT NULL"
  "    CHECK (role IN ('vision', 'baseline', 'targets', 'plan', 'action', 'review', 'momentum')),"
  "  name TEXT NOT NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'not-started'"
  "    CHECK (status IN ('not-started', 'in-progress', 'done'))"
  ");"
  "CREATE INDEX phase_by_cycle ON phase (cycle_id, position);"
  "CREATE TABLE checklist_item ("
  "  id INTEGER PRIMARY KEY,"
  "  phase_id INTEGER NOT NULL REFERENCES phase (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  source TEXT NOT NULL DEFAULT 'user' CHECK (source IN ('template', 'approach', 'user')),"
  "  approach TEXT,"
  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
  "  done_by TEXT,"
  "  done_at TEXT,"
  "  comment TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX checklist_item_by_phase ON checklist_item (phase_id, position);"
  "CREATE TABLE sign_off ("
  "  id INTEGER PRIMARY KEY,"
  "  phase_id INTEGER NOT NULL REFERENCES phase (id) ON DELETE CASCADE,"
  "  reviewer TEXT NOT NULL,"
  "  signed_on TEXT NOT NULL CHECK (date(signed_on) IS signed_on),"
  "  decision TEXT NOT NULL CHECK (decision IN ('approved', 'changes-requested')),"
  "  comments TEXT NOT NULL DEFAULT '',"
  "  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE INDEX sign_off_by_phase ON sign_off (phase_id, id);"
  "CREATE TABLE approach_change ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  from_approach TEXT NOT NULL,"
  "  to_approach TEXT NOT NULL,"
  "  changed_on TEXT NOT NULL DEFAULT (date('now')),"
  "  reason TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX approach_change_by_engagement ON approach_change (engagement_id, id);",

  /* 3: coaching sessions and Markdown notes, with full-text search. The
   * index is kept by triggers, so no write can leave it stale. A note's
   * display_title is its title, or its body's first heading, kept by the
   * app so that titles are searched with more weight.
   */
  "CREATE TABLE session ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  starts_at TEXT NOT NULL,"
  "  duration_minutes INTEGER NOT NULL DEFAULT 60 CHECK (duration_minutes > 0),"
  "  kind TEXT NOT NULL DEFAULT 'one-on-one'"
  "    CHECK (kind IN ('one-on-one', 'workshop', 'review', 'sponsor-meeting', 'remote')),"
  "  phase_id INTEGER REFERENCES phase (id) ON DELETE SET NULL,"
  "  topic TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX session_by_engagement ON session (engagement_id, starts_at);"
  "CREATE TABLE session_attendee ("
  "  session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
  "  stakeholder_id INTEGER NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (session_id, stakeholder_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE note ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  session_id INTEGER REFERENCES session (id) ON DELETE SET NULL,"
  "  phase_id INTEGER REFERENCES phase (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  display_title TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  tags TEXT NOT NULL DEFAULT '',"
  "  visibility TEXT NOT NULL DEFAULT 'coach'"
  "    CHECK (visibility IN ('coach', 'client', 'sponsor')),"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE INDEX note_by_engagement ON note (engagement_id, updated_at);"
  "CREATE VIRTUAL TABLE note_fts USING fts5 ("
  "  display_title, body, tags, content = 'note', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN"
  "  INSERT INTO note_fts (rowid, display_title, body, tags)"
  "    VALUES (new.id, new.display_title, new.body, new.tags);"
  "END;"
  "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN"
  "  INSERT INTO note_fts (note_fts, rowid, display_title, body, tags)"
  "    VALUES ('delete', old.id, old.display_title, old.body, old.tags);"
  "END;"
  "CREATE TRIGGER note_fts_update AFTER UPDATE OF display_title, body, tags ON note BEGIN"
  "  INSERT INTO note_fts (note_fts, rowid, display_title, body, tags)"
  "    VALUES ('delete', old.id, old.display_title, old.body, old.tags);"
  "  INSERT INTO note_fts (rowid, display_title, body, tags)"
  "    VALUES (new.id, new.display_title, new.body, new.tags);"
  "END;",

  /* 4: measures — goals with their readings, maturity before and after,
   * and who leads each workstream, with the history of handovers.
   */
  "CREATE TABLE goal ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  unit TEXT NOT NULL DEFAULT '',"
  "  baseline_value REAL,"
  "  baseline_date TEXT CHECK (baseline_date IS NULL OR date(baseline_date) IS baseline_date),"
  "  target_value REAL,"
  "  target_date TEXT CHECK (target_date IS NULL OR date(target_date) IS target_date)"
  ");"
  "CREATE INDEX goal_by_engagement ON goal (engagement_id, position);"
  "CREATE TABLE goal_reading ("
  "  id INTEGER PRIMARY KEY,"
  "  goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,"
  "  taken_on TEXT NOT NULL CHECK (date(taken_on) IS taken_on),"
  "  value REAL NOT NULL"
  ");"
  "CREATE INDEX goal_reading_by_goal ON goal_reading (goal_id, taken_on);"
  "CREATE TABLE maturity ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  practice TEXT NOT NULL,"
  "  baseline_level INTEGER CHECK (baseline_level BETWEEN 0 AND 5),"
  "  baseline_evidence TEXT NOT NULL DEFAULT '',"
  "  review_level INTEGER CHECK (review_level BETWEEN 0 AND 5),"
  "  review_evidence TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (engagement_id, practice)"
  ");"
  "CREATE TABLE workstream ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  stage TEXT NOT NULL DEFAULT 'coach-leads'"
  "    CHECK (stage IN ('coach-leads', 'staff-with-coach', 'staff-alone'))"
  ");"
  "CREATE INDEX workstream_by_engagement ON workstream (engagement_id, position);"
  "CREATE TABLE workstream_change ("
  "  id INTEGER PRIMARY KEY,"
  "  workstream_id INTEGER NOT NULL REFERENCES workstream (id) ON DELETE CASCADE,"
  "  stage TEXT NOT NULL CHECK (stage IN ('coach-leads', 'staff-with-coach', 'staff-alone')),"
  "  changed_on TEXT NOT NULL DEFAULT (date('now'))"
  ");"
  "CREATE INDEX workstream_change_by_workstream ON workstream_change (workstream_id, id);",

  /* 5: action items, each perhaps from a note or about a phase. */
  "CREATE TABLE action_item ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  due_on TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),"
  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
  "  done_on TEXT,"
  "  note_id INTEGER REFERENCES note (id) ON DELETE SET NULL,"
  "  phase_id INTEGER REFERENCES phase (id) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE INDEX action_by_engagement ON action_item (engagement_id, done, due_on);"
  "CREATE INDEX action_open ON action_item (done, due_on);",

  /* 6: the CSI register of improvement opportunities; actions may come
   * from one. */
  "CREATE TABLE opportunity ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  raised_on TEXT NOT NULL CHECK (date(raised_on) IS raised_on),"
  "  size TEXT NOT NULL DEFAULT 'medium' CHECK (size IN ('small', 'medium', 'large')),"
  "  timescale TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high')),"
  "  kpi TEXT NOT NULL DEFAULT '',"
  "  justification TEXT NOT NULL DEFAULT '',"
  "  raised_by TEXT NOT NULL DEFAULT '',"
  "  actioned_by TEXT NOT NULL DEFAULT '',"
  "  required_by TEXT CHECK (required_by IS NULL OR date(required_by) IS required_by),"
  "  status TEXT NOT NULL DEFAULT 'raised'"
  "    CHECK (status IN ('raised', 'approved', 'in-progress', 'done', 'rejected')),"
  "  phase_id INTEGER REFERENCES phase (id) ON DELETE SET NULL,"
  "  UNIQUE (engagement_id, number)"
  ");"
  "ALTER TABLE action_item ADD COLUMN"
  "  opportunity_id INTEGER REFERENCES opportunity (id) ON DELETE SET NULL;",

  /* 7: the three-way contract between coach, client lead and sponsor, a
   * row per version; a signed version never changes again.
   */
  "CREATE TABLE contract ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL CHECK (version > 0),"
  "  goals TEXT NOT NULL DEFAULT '',"
  "  measures TEXT NOT NULL DEFAULT '',"
  "  roles TEXT NOT NULL DEFAULT '',"
  "  coach TEXT NOT NULL DEFAULT '',"
  "  client_lead TEXT NOT NULL DEFAULT '',"
  "  sponsor TEXT NOT NULL DEFAULT '',"
  "  signed_on TEXT CHECK (signed_on IS NULL OR date(signed_on) IS signed_on),"
  "  UNIQUE (engagement_id, version)"
  ");"
  "CREATE TRIGGER contract_signed_is_frozen BEFORE UPDATE ON contract "
  "WHEN OLD.signed_on IS NOT NULL BEGIN "
  "  SELECT RAISE (ABORT, 'a signed contract does not change'); "
  "END;",

  /* 8: what must be true before the coach leaves a coached engagement. */
  "CREATE TABLE exit_item ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  done_on TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on)"
  ");",

  /* 9: a stable id on every record. A signed contract still never
   * changes, but for being given its id once.
   */
  "DROP TRIGGER contract_signed_is_frozen;"
  STABLE_ID ("engagement")
  STABLE_ID ("stakeholder")
  STABLE_ID ("approach_change")
  STABLE_ID ("cycle")
  STABLE_ID ("phase")
  STABLE_ID ("checklist_item")
  STABLE_ID ("sign_off")
  STABLE_ID ("session")
  STABLE_ID ("note")
  STABLE_ID ("goal")
  STABLE_ID ("goal_reading")
  STABLE_ID ("maturity")
  STABLE_ID ("workstream")
  STABLE_ID ("workstream_change")
  STABLE_ID ("action_item")
  STABLE_ID ("opportunity")
  STABLE_ID ("contract")
  STABLE_ID ("exit_item")
  "CREATE TRIGGER contract_signed_is_frozen BEFORE UPDATE ON contract "
  "WHEN OLD.signed_on IS NOT NULL AND OLD.uuid IS NOT NULL BEGIN "
  "  SELECT RAISE (ABORT, 'a signed contract does not change'); "
  "END;",
  /* 10: who recorded each sign-off and reading, and who wrote each
   * note, as they said who they are; empty for those from before.
   */
  "ALTER TABLE sign_off ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE goal_reading ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE note ADD COLUMN author TEXT NOT NULL DEFAULT '';",
  /* 11: the area a session's coaching serves; empty when not said. */
  "ALTER TABLE session ADD COLUMN area TEXT NOT NULL DEFAULT '' "
  "CHECK (area IN ('', 'csip', 'process', 'review'));",
  /* 12: the engagements in the trash, found without reading every
   * engagement at each start.
   */
  "CREATE INDEX engagement_trashed ON engagement (trashed_at) WHERE trashed_at IS NOT NULL;",
  /* 13: people and relationships — each stakeholder's stance toward the
   * programme and its history, their influence, their role around a
   * service management office, and a note on what matters to them.
   */
  "ALTER TABLE stakeholder ADD COLUMN stance TEXT NOT NULL DEFAULT '' "
  "CHECK (stance IN ('', 'champion', 'supporter', 'neutral', 'sceptic', 'blocker'));"
  "ALTER TABLE stakeholder ADD COLUMN influence TEXT NOT NULL DEFAULT '' "
  "CHECK (influence IN ('', 'high', 'medium', 'low'));"
  "ALTER TABLE stakeholder ADD COLUMN smo_role TEXT NOT NULL DEFAULT '' "
  "CHECK (smo_role IN ('', 'champion', 'service-manager', 'it-leader'));"
  "ALTER TABLE stakeholder ADD COLUMN note TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE stance_change ("
  "  id INTEGER PRIMARY KEY,"
  "  stakeholder_id INTEGER NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,"
  "  changed_on TEXT NOT NULL CHECK (date(changed_on) IS changed_on),"
  "  stance TEXT NOT NULL"
  "    CHECK (stance IN ('champion', 'supporter', 'neutral', 'sceptic', 'blocker'))"
  ");"
  "CREATE INDEX stance_change_by_stakeholder ON stance_change (stakeholder_id, changed_on, id);"
  STABLE_ID ("stance_change"),
  /* 14: the role a workstream needs held by staff when the coach leaves,
   * who holds it, and the certification path to it (a Markdown task
   * list).
   */
  "ALTER TABLE workstream ADD COLUMN role TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE workstream ADD COLUMN holder TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE workstream ADD COLUMN certification TEXT NOT NULL DEFAULT '';",
  /* 15: who mentors whom — the coach or client staff — with the mentor's
   * profile, the format and the practice or area it serves.
   */
  "CREATE TABLE mentoring ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  mentor TEXT NOT NULL DEFAULT '',"
  "  mentee TEXT NOT NULL DEFAULT '',"
  "  profile TEXT NOT NULL DEFAULT '' CHECK (profile IN ('', 'expert', 'systems-thinker')),"
  "  format TEXT NOT NULL DEFAULT '' CHECK (format IN ('', 'one-on-one', 'mass', 'blended')),"
  "  practice TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX mentoring_by_engagement ON mentoring (engagement_id, position);"
  STABLE_ID ("mentoring"),
  /* 16: readiness as a service provider — the four characteristics, each
   * scored 0 to 5 with evidence at the baseline and at the review. One
   * row a characteristic, its id made from the engagement's, so that two
   * machines scoring it give the same record.
   */
  "CREATE TABLE readiness ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  characteristic TEXT NOT NULL"
  "    CHECK (characteristic IN ('understanding', 'sourcing', 'processes', 'innovation')),"
  "  baseline_level INTEGER CHECK (baseline_level IS NULL OR baseline_level BETWEEN 0 AND 5),"
  "  baseline_evidence TEXT NOT NULL DEFAULT '',"
  "  review_level INTEGER CHECK (review_level IS NULL OR review_level BETWEEN 0 AND 5),"
  "  review_evidence TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (engagement_id, characteristic)"
  ");"
  STABLE_ID ("readiness"),
  /* 17: an ITSM audit — for each practice audited, a checklist of the
   * criteria of each maturity level, met or not, with a note.
   */
  "CREATE TABLE audit_item ("
  "  id INTEGER PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  practice TEXT NOT NULL,"
  "  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),"
  "  criterion TEXT NOT NULL DEFAULT '',"
  "  met INTEGER NOT NULL DEFAULT 0 CHECK (met IN (0, 1)),"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX audit_item_by_engagement ON audit_item (engagement_id, position);"
  STABLE_ID ("audit_item"),
  /* 18: each session and action as a calendar was last given it: the
   * UID it goes by, the component's text (without its SEQUENCE and
   * DTSTAMP), and that version's SEQUENCE and DTSTAMP. An export
   * that finds a record changed raises its SEQUENCE; one that finds it
   * gone sends it once more as cancelled. This machine's, not shared.
   */
  "CREATE TABLE calendar_entry ("
  "  uid TEXT PRIMARY KEY,"
  "  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,"
  "  record_uuid TEXT NOT NULL UNIQUE,"
  "  sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),"
  "  stamp TEXT NOT NULL,"
  "  component TEXT NOT NULL"
  ");"
  "CREATE INDEX calendar_entry_by_engagement ON calendar_entry (engagement_id);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CP_STORE_SCHEMA_VERSION);

/* Applies the steps after @from_version up to @to_version. The caller
 * holds the write transaction, so a failing step leaves nothing behind.
 */
gboolean
_cp_store_migrate (sqlite3  *db,
                   int       from_version,
                   int       to_version,
                   char    **errmsg)
{
  g_autofree char *pragma = NULL;

  g_assert (from_version >= 0);
  g_assert (to_version <= CP_STORE_SCHEMA_VERSION);

  for (int v = from_version; v < to_version; v++)
    {
      if (sqlite3_exec (db, migrations[v], NULL, NULL, errmsg) != SQLITE_OK)
        return FALSE;
    }

  /* PRAGMA takes no bound parameters; the value is our own integer. */
  pragma = g_strdup_printf ("PRAGMA user_version = %d", to_version);

  return sqlite3_exec (db, pragma, NULL, NULL, errmsg) == SQLITE_OK;
}

/* The schema as the steps up to a version make it, in a database of its
 * own in memory, made once.
 */
static sqlite3 *expected_schemas[CP_STORE_SCHEMA_VERSION + 1];
G_LOCK_DEFINE_STATIC (expected_schemas);

sqlite3 *
_cp_store_expected_schema (int version)
{
  sqlite3 *db;

  g_return_val_if_fail (version >= 0 && version <= CP_STORE_SCHEMA_VERSION, NULL);

  G_LOCK (expected_schemas);
  if (expected_schemas[version] == NULL)
    {
      char *errmsg = NULL;

      if (sqlite3_open (":memory:", &db) != SQLITE_OK || !_cp_store_migrate (db, 0, version, &errmsg))
        g_error ("The schema steps do not apply to an empty database: %s", errmsg);
      expected_schemas[version] = db;
    }
  db = expected_schemas[version];
  G_UNLOCK (expected_schemas);

  return db;
}

static char *
table_columns (sqlite3    *db,
               const char *table)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name, type, \"notnull\", pk FROM pragma_table_info (?1)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (columns, "%s %s %d %d,", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2),
                            sqlite3_column_int (stmt, 3));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&columns), FALSE);
}

/**
 * _cp_store_check_schema:
 * @db: a database whose user_version is @version
 * @problem: (out): what is wrong, in words, when it returns %FALSE
 *
 * Checks that every table, column, index and trigger the steps up to
 * @version make is there. Reads only. (SQLite's quick_check and
 * integrity_check find the rows that break a CHECK rule.)
 *
 * Returns: whether the database is as its version says
 */
gboolean
_cp_store_check_schema (sqlite3   *db,
                        int        version,
                        char     **problem)
{
  sqlite3 *expected = _cp_store_expected_schema (version);
  sqlite3_stmt *objects = NULL;
  sqlite3_stmt *lookup = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (expected, "SELECT type, name FROM sqlite_schema "
                                    "WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid",
                          -1, &objects, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = ?1 AND name = ?2",
                          -1, &lookup, NULL) != SQLITE_OK)
    {
      *problem = g_strdup (sqlite3_errmsg (db));
      sqlite3_finalize (objects);
      return FALSE;
    }

  while (ok && sqlite3_step (objects) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (objects, 0);
      const char *name = (const char *) sqlite3_column_text (objects, 1);

      sqlite3_reset (lookup);
      sqlite3_bind_text (lookup, 1, type, -1, SQLITE_STATIC);
      sqlite3_bind_text (lookup, 2, name, -1, SQLITE_STATIC);
      if (sqlite3_step (lookup) != SQLITE_ROW)
        {
          /* Translators: a kind of part (table, index, trigger), then its name. */
          *problem = g_strdup_printf (_("its %s “%s” is missing"), type, name);
          ok = FALSE;
        }
      else if (g_str_equal (type, "table"))
        {
          g_autofree char *want = table_columns (expected, name);
          g_autofree char *have = table_columns (db, name);

          if (g_strcmp0 (want, have) != 0)
            {
              *problem = g_strdup_printf (_("its table “%s” does not have the columns format %d has"),
                                          name, version);
              ok = FALSE;
            }
        }
    }
  sqlite3_finalize (objects);
  sqlite3_finalize (lookup);

  return ok;
}
