/* cp-store-calendar.c — exporting sessions and actions to a calendar,
 * and importing a calendar's events as sessions
 *
 * An export compares each record's component with what a calendar was
 * last given of it (calendar_entry): unchanged, it goes with the same
 * SEQUENCE and DTSTAMP, so the same data gives the same bytes; changed,
 * its SEQUENCE goes up; gone, it is sent as cancelled. An import is one
 * transaction: a bad file changes nothing.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-calendar.h"
#include "cp-engagement-private.h"
#include "cp-store-private.h"
#include "cp-store-row.h"
#include "cp-types.h"

#define PHASE_CODE \
  "CASE WHEN p.id IS NULL THEN NULL ELSE c.number || '.' || " \
  "(SELECT count (*) FROM phase q WHERE q.cycle_id = p.cycle_id AND q.position <= p.position) END"

#define SESSION_RECORD_SQL \
  "SELECT e.id, e.uuid, e.title, s.uuid, s.starts_at, s.duration_minutes, s.kind, s.area, s.topic, " \
  PHASE_CODE ", p.name, " \
  "(SELECT group_concat (line, char (10)) FROM (SELECT st.name || char (9) || st.contact AS line " \
  "  FROM session_attendee a JOIN stakeholder st ON st.id = a.stakeholder_id " \
  "  WHERE a.session_id = s.id ORDER BY st.position)) " \
  "FROM session s JOIN engagement e ON e.id = s.engagement_id " \
  "LEFT JOIN phase p ON p.id = s.phase_id LEFT JOIN cycle c ON c.id = p.cycle_id "

static const char sessions_sql[] =
  SESSION_RECORD_SQL
  "WHERE (?1 = 0 OR e.id = ?1) AND e.trashed_at IS NULL "
  "ORDER BY s.starts_at, s.uuid";

static const char sessions_between_sql[] =
  SESSION_RECORD_SQL
  "WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND e.trashed_at IS NULL "
  "ORDER BY s.starts_at, e.title, s.uuid";

static const char actions_sql[] =
  "SELECT e.id, e.uuid, e.title, a.uuid, a.text, a.owner, a.due_on, a.done "
  "FROM action_item a JOIN engagement e ON e.id = a.engagement_id "
  "WHERE a.due_on IS NOT NULL AND (?1 = 0 OR e.id = ?1) AND e.trashed_at IS NULL "
  "ORDER BY a.due_on, a.uuid";

static const char actions_due_sql[] =
  "SELECT e.id, e.uuid, e.title, a.uuid, a.text, a.owner, a.due_on, a.done "
  "FROM action_item a JOIN engagement e ON e.id = a.engagement_id "
  "WHERE a.due_on = ?1 AND NOT a.done AND e.trashed_at IS NULL "
  "ORDER BY e.title, a.uuid";

static const char entries_sql[] =
  "SELECT uid, engagement_id, record_uuid, sequence, stamp, component FROM calendar_entry "
  "WHERE ?1 = 0 OR engagement_id = ?1 ORDER BY uid";

/* A file's older SEQUENCE never lowers the one a calendar was given. */
static const char save_entry_sql[] =
  "INSERT INTO calendar_entry (uid, engagement_id, record_uuid, sequence, stamp, component) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
  "ON CONFLICT (uid) DO UPDATE SET engagement_id = ?2, record_uuid = ?3, "
  "stamp = CASE WHEN ?4 >= sequence THEN ?5 ELSE stamp END, "
  "sequence = max (sequence, ?4), component = ?6";

static char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  return _cp_column_dup (stmt, column);
}

/* A session as SESSION_RECORD_SQL selects it. */
static CpCalendarRecord *
session_from_row (sqlite3_stmt *stmt)
{
  CpCalendarRecord *r = g_new0 (CpCalendarRecord, 1);

  r->engagement_id = sqlite3_column_int64 (stmt, 0);
  r->engagement_uuid = text_at (stmt, 1);
  r->engagement_title = text_at (stmt, 2);
  r->record_uuid = text_at (stmt, 3);
  r->starts_at = text_at (stmt, 4);
  r->duration = (guint) sqlite3_column_int (stmt, 5);
  r->kind = text_at (stmt, 6);
  r->area = text_at (stmt, 7);
  r->topic = text_at (stmt, 8);
  r->phase_code = text_at (stmt, 9);
  r->phase_name = text_at (stmt, 10);
  r->attendees = text_at (stmt, 11);

  return r;
}

/* An action as actions_sql selects it. */
static CpCalendarRecord *
action_from_row (sqlite3_stmt *stmt)
{
  CpCalendarRecord *r = g_new0 (CpCalendarRecord, 1);

  r->is_task = TRUE;
  r->engagement_id = sqlite3_column_int64 (stmt, 0);
  r->engagement_uuid = text_at (stmt, 1);
  r->engagement_title = text_at (stmt, 2);
  r->record_uuid = text_at (stmt, 3);
  r->topic = text_at (stmt, 4);
  r->owner = text_at (stmt, 5);
  r->due_on = text_at (stmt, 6);
  r->done = sqlite3_column_int (stmt, 7) != 0;

  return r;
}

typedef CpCalendarRecord *(*RecordFromRow) (sqlite3_stmt *stmt);

/* Adds a record for each row @stmt selects. */
static gboolean
read_records (CpStore        *self,
              sqlite3_stmt   *stmt,
              RecordFromRow   from_row,
              GPtrArray      *records,
              GError        **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (self, error, rc, from_row == action_from_row ? _("Could not read the actions")
                                                                         : _("Could not read the sessions"));
      return FALSE;
    }

  return TRUE;
}

/* The records @sql selects with @first and @second as ?1 and ?2. */
static GPtrArray *
list_records (CpStore      *self,
              const char   *sql,
              const char   *first,
              const char   *second,
              RecordFromRow from_row,
              GError      **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_calendar_record_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  if (!(stmt = _cp_store_prepare (self, sql, error)))
    return NULL;
  _cp_bind_text (stmt, 1, first);
  _cp_bind_text (stmt, 2, second);
  if (!read_records (self, stmt, from_row, records, error))
    return NULL;

  return g_steal_pointer (&records);
}

/**
 * cp_store_list_actions_due:
 * @date: YYYY-MM-DD
 *
 * Returns: (transfer full) (element-type CpCalendarRecord): the open
 *   actions due on @date, of every engagement not in the trash
 */
GPtrArray *
cp_store_list_actions_due (CpStore     *self,
                           const char  *date,
                           GError     **error)
{
  return list_records (self, actions_due_sql, date, NULL, action_from_row, error);
}

/**
 * cp_store_list_sessions_between:
 * @from: the first minute, YYYY-MM-DDTHH:MM
 * @to: the minute after the last
 *
 * Returns: (transfer full) (element-type CpCalendarRecord): the sessions
 *   of every engagement not in the trash that start then, soonest first
 */
GPtrArray *
cp_store_list_sessions_between (CpStore     *self,
                                const char  *from,
                                const char  *to,
                                GError     **error)
{
  return list_records (self, sessions_between_sql, from, to, session_from_row, error);
}

static GPtrArray *
load_records (CpStore  *self,
              gint64    engagement_id,
              GError  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_calendar_record_free);
  sqlite3_stmt *stmt;

  if (!(stmt = _cp_store_prepare (self, sessions_sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, engagement_id);
  if (!read_records (self, stmt, session_from_row, records, error))
    return NULL;

  if (!(stmt = _cp_store_prepare (self, actions_sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, engagement_id);
  if (!read_records (self, stmt, action_from_row, records, error))
    return NULL;

  return g_steal_pointer (&records);
}

/* Returns: (element-type CpCalendarEntry): by record, and @by_uid */
static GHashTable *
load_entries (CpStore     *self,
              gint64       engagement_id,
              GPtrArray  **in_order,
              GError     **error)
{
  g_autoptr(GHashTable) by_record = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_calendar_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _cp_store_prepare (self, entries_sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, engagement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpCalendarEntry *entry = g_new0 (CpCalendarEntry, 1);

      entry->uid = text_at (stmt, 0);
      entry->engagement_id = sqlite3_column_int64 (stmt, 1);
      entry->record_uuid = text_at (stmt, 2);
      entry->sequence = sqlite3_column_int64 (stmt, 3);
      entry->stamp = text_at (stmt, 4);
      entry->component = text_at (stmt, 5);
      g_ptr_array_add (entries, entry);
      g_hash_table_insert (by_record, entry->record_uuid, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cp_store_set_error (self, error, rc, _("Could not read what the calendar was given"));
      return NULL;
    }

  *in_order = g_steal_pointer (&entries);
  return g_steal_pointer (&by_record);
}

static gboolean
save_entry (CpStore                *self,
            const CpCalendarEntry  *entry,
            GError                **error)
{
  sqlite3_stmt *stmt = _cp_store_prepare (self, save_entry_sql, error);

  if (stmt == NULL)
    return FALSE;

  _cp_bind_text (stmt, 1, entry->uid);
  sqlite3_bind_int64 (stmt, 2, entry->engagement_id);
  _cp_bind_text (stmt, 3, entry->record_uuid);
  sqlite3_bind_int64 (stmt, 4, entry->sequence);
  _cp_bind_text (stmt, 5, entry->stamp);
  _cp_bind_text (stmt, 6, entry->component);

  return _cp_store_step_done (self, stmt, error);
}

static CpCalendarEntry *
entry_new (const char *uid,
           gint64      engagement_id,
           const char *record_uuid,
           gint64      sequence,
           const char *stamp,
           char       *component)
{
  CpCalendarEntry *entry = g_new0 (CpCalendarEntry, 1);

  entry->uid = g_strdup (uid);
  entry->engagement_id = engagement_id;
  entry->record_uuid = g_strdup (record_uuid);
  entry->sequence = sequence;
  entry->stamp = g_strdup (stamp);
  entry->component = component;

  return entry;
}

/* The calendar's entries for every record, as it is now: unchanged ones
 * as they were, changed ones with a higher SEQUENCE, gone ones cancelled.
 * Saves what changed; the caller holds the transaction.
 */
static GPtrArray *
current_entries (CpStore  *self,
                 gint64    engagement_id,
                 gboolean  save,
                 GError  **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GHashTable) by_record = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_calendar_entry_free);
  g_autofree char *now = cp_calendar_stamp_now ();

  if (!(records = load_records (self, engagement_id, error)) ||
      !(by_record = load_entries (self, engagement_id, &stored, error)))
    return NULL;

  for (guint i = 0; i < records->len; i++)
    {
      const CpCalendarRecord *record = g_ptr_array_index (records, i);
      CpCalendarEntry *was = g_hash_table_lookup (by_record, record->record_uuid);
      g_autofree char *uid = was ? g_strdup (was->uid) : cp_calendar_uid_for (record->record_uuid);
      char *component = cp_calendar_component (record, uid);
      CpCalendarEntry *entry;

      g_hash_table_add (seen, record->record_uuid);
      if (was != NULL && g_str_equal (was->component, component) && was->engagement_id == record->engagement_id)
        entry = entry_new (uid, record->engagement_id, record->record_uuid, was->sequence, was->stamp, component);
      else
        {
          entry = entry_new (uid, record->engagement_id, record->record_uuid,
                             was ? was->sequence + 1 : 0, now, component);
          if (save && !save_entry (self, entry, error))
            {
              cp_calendar_entry_free (entry);
              return NULL;
            }
        }
      g_ptr_array_add (out, entry);
    }

  for (guint i = 0; i < stored->len; i++)
    {
      CpCalendarEntry *was = g_ptr_array_index (stored, i);
      CpCalendarEntry *entry;

      if (g_hash_table_contains (seen, was->record_uuid))
        continue;

      if (strstr (was->component, "STATUS:CANCELLED") != NULL)
        entry = entry_new (was->uid, was->engagement_id, was->record_uuid, was->sequence, was->stamp,
                           g_strdup (was->component));
      else
        {
          entry = entry_new (was->uid, was->engagement_id, was->record_uuid, was->sequence + 1, now,
                             cp_calendar_cancel (was->component));
          if (save && !save_entry (self, entry, error))
            {
              cp_calendar_entry_free (entry);
              return NULL;
            }
        }
      g_ptr_array_add (out, entry);
    }

  return g_steal_pointer (&out);
}

static char *
calendar_name (CpStore *self,
               gint64   engagement_id)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (engagement_id == 0)
    return g_strdup (PACKAGE_NAME);

  rows = _cp_store_select (self, "SELECT title FROM engagement WHERE id = ?1", engagement_id, NULL, NULL);
  if (rows == NULL || rows->len == 0)
    return g_strdup (PACKAGE_NAME);

  return g_strdup (_cp_row_text (g_ptr_array_index (rows, 0), 0));
}

/**
 * cp_store_export_calendar:
 * @engagement_id: one engagement, or 0 for every engagement not in the trash
 *
 * Returns: (transfer full): the engagement's sessions and actions with
 *   due dates as an iCalendar file's text
 */
char *
cp_store_export_calendar (CpStore  *self,
                          gint64    engagement_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  /* A database that cannot be written still exports; what it gave is
   * not kept, so its next export raises the same SEQUENCE again.
   */
  if (cp_store_get_read_only (self))
    {
      if (!(entries = current_entries (self, engagement_id, FALSE, error)))
        return NULL;
    }
  else
    {
      if (!cp_store_flush (self, error) || !_cp_store_begin (self, error))
        return NULL;

      if (!(entries = current_entries (self, engagement_id, TRUE, error)))
        {
          _cp_store_rollback (self);
          return NULL;
        }

      if (!_cp_store_commit (self, error))
        return NULL;
    }

  name = calendar_name (self, engagement_id);

  return cp_calendar_assemble (entries, name, error);
}


/* Importing ------------------------------------------------------------ */

static gint64
select_id (CpStore     *self,
           const char  *sql,
           gint64       a,
           const char  *text,
           gint64       b,
           GError     **error)
{
  sqlite3_stmt *stmt = _cp_store_prepare (self, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, a);
  _cp_bind_text (stmt, 2, text);
  sqlite3_bind_int64 (stmt, 3, b);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cp_store_set_error (self, error, rc, _("Could not read the database"));
      return -1;
    }

  return id;
}

/* The engagement an event of Coachplan's names: made when missing. */
static gint64
engagement_for (CpStore              *self,
                const CpCalendarItem *item,
                GPtrArray            *items,
                GError              **error)
{
  gboolean plan = FALSE;
  gint64 id = select_id (self, "SELECT id FROM engagement WHERE uuid = ?2", 0, item->engagement_uuid, 0, error);
  sqlite3_stmt *stmt;

  if (id != 0)
    return id;

  if (!(stmt = _cp_store_prepare (self, "INSERT INTO engagement (title, uuid) VALUES (?1, ?2)", error)))
    return -1;
  _cp_bind_text (stmt, 1, item->engagement_title ? item->engagement_title : _("Imported Calendar"));
  _cp_bind_text (stmt, 2, item->engagement_uuid);
  if (!_cp_store_step_done (self, stmt, error))
    return -1;
  id = _cp_store_last_insert_id (self);

  /* Its sessions name phases of its plan: it starts on the default one. */
  for (guint i = 0; i < items->len; i++)
    {
      const CpCalendarItem *other = g_ptr_array_index (items, i);

      plan = plan || (other->phase_code != NULL && g_strcmp0 (other->engagement_uuid, item->engagement_uuid) == 0);
    }
  if (plan)
    {
      g_autoptr(GPtrArray) rows = _cp_store_unit_run_here (self, _cp_cycle_unit_new (id, CP_APPROACH_UNDECIDED,
                                                                                     cp_template_get_default ()),
                                                          error);
      if (rows == NULL)
        return -1;
    }

  return id;
}

static gboolean
uuid_free (CpStore     *self,
           const char  *uuid,
           GError     **error)
{
  gint64 used = select_id (self,
                           "SELECT 1 FROM session WHERE uuid = ?2 "
                           "UNION ALL SELECT 1 FROM action_item WHERE uuid = ?2 LIMIT 1",
                           0, uuid, 0, error);

  return used == 0;
}

/* The record the UID went out for from this engagement, or else the one
 * the item's link names.
 */
static char *
known_record (CpStore              *self,
              gint64                engagement_id,
              const CpCalendarItem *item,
              GError              **error)
{
  sqlite3_stmt *q = _cp_store_prepare (self,
                                       "SELECT record_uuid FROM calendar_entry WHERE uid = ?1 AND engagement_id = ?2",
                                       error);
  char *known = NULL;

  if (q == NULL)
    return NULL;
  _cp_bind_text (q, 1, item->uid);
  sqlite3_bind_int64 (q, 2, engagement_id);
  if (sqlite3_step (q) == SQLITE_ROW)
    known = _cp_column_dup (q, 0);
  sqlite3_reset (q);

  return known ? known : g_strdup (item->record_uuid);
}

/* A new record's stable id: the item's own when no record has it. */
static char *
new_record_uuid (CpStore              *self,
                 const CpCalendarItem *item,
                 GError              **error)
{
  if (item->record_uuid != NULL && uuid_free (self, item->record_uuid, error))
    return g_strdup (item->record_uuid);

  return g_uuid_string_random ();
}

static gboolean
import_action (CpStore              *self,
               gint64                engagement_id,
               const CpCalendarItem *item,
               CpCalendarImport     *result,
               char                **action_uuid,
               GError              **error)
{
  g_autofree char *known = known_record (self, engagement_id, item, error);
  gint64 id = known ? select_id (self, "SELECT id FROM action_item WHERE engagement_id = ?1 AND uuid = ?2",
                                 engagement_id, known, 0, error) : 0;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;

  if (id < 0)
    return FALSE;

  if (id > 0)
    {
      if (!(stmt = _cp_store_prepare (self,
                                      "UPDATE action_item SET text = ?2, owner = coalesce (?3, owner), "
                                      "due_on = ?4, done = ?5, "
                                      "done_on = CASE WHEN ?5 THEN coalesce (done_on, date ('now')) END "
                                      "WHERE id = ?1 AND (text IS NOT ?2 OR owner IS NOT coalesce (?3, owner) "
                                      "OR due_on IS NOT ?4 OR done IS NOT ?5)",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      uuid = g_strdup (known);
    }
  else
    {
      if (!(stmt = _cp_store_prepare (self,
                                      "INSERT INTO action_item (engagement_id, text, owner, due_on, done, done_on, uuid) "
                                      "VALUES (?1, ?2, coalesce (?3, ''), ?4, ?5, "
                                      "CASE WHEN ?5 THEN date ('now') END, ?6)",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, engagement_id);
      uuid = new_record_uuid (self, item, error);
      _cp_bind_text (stmt, 6, uuid);
    }
  _cp_bind_text (stmt, 2, item->topic);
  _cp_bind_text (stmt, 3, item->owner);
  _cp_bind_text (stmt, 4, item->due_on);
  sqlite3_bind_int (stmt, 5, item->done);
  if (!_cp_store_step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    result->added++;
  else if (sqlite3_changes (self->db) > 0)
    result->updated++;
  else
    result->unchanged++;
  *action_uuid = g_steal_pointer (&uuid);

  return TRUE;
}

/* Who attends, found by their e-mail address in their contact; those
 * not found join the engagement's people.
 */
static gboolean
import_attendees (CpStore              *self,
                  gint64                engagement_id,
                  gint64                session_id,
                  const CpCalendarItem *item,
                  CpCalendarImport     *result,
                  GError              **error)
{
  g_auto(GStrv) lines = g_strsplit (item->attendees ? item->attendees : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *tab = strchr (lines[i], '\t');
      g_autofree char *name = tab ? g_strndup (lines[i], tab - lines[i]) : NULL;
      const char *email = tab ? tab + 1 : NULL;
      sqlite3_stmt *stmt;
      gint64 person;

      if (email == NULL || *email == '\0')
        continue;

      person = select_id (self,
                          "SELECT id FROM stakeholder WHERE engagement_id = ?1 "
                          "AND instr (lower (contact), lower (?2)) > 0 ORDER BY position LIMIT 1",
                          engagement_id, email, 0, error);
      if (person < 0)
        return FALSE;
      if (person == 0)
        {
          if (!(stmt = _cp_store_prepare (self,
                                          "INSERT INTO stakeholder (engagement_id, position, name, contact) "
                                          "VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM stakeholder "
                                          "WHERE engagement_id = ?1), ?2, ?3)",
                                          error)))
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, engagement_id);
          _cp_bind_text (stmt, 2, name != NULL && *name != '\0' ? name : email);
          _cp_bind_text (stmt, 3, email);
          if (!_cp_store_step_done (self, stmt, error))
            return FALSE;
          person = _cp_store_last_insert_id (self);
          result->people_added++;
        }

      if (!(stmt = _cp_store_prepare (self,
                                      "INSERT OR IGNORE INTO session_attendee (session_id, stakeholder_id) "
                                      "VALUES (?1, ?2)",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, person);
      if (!_cp_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_session (CpStore              *self,
                gint64                engagement_id,
                const CpCalendarItem *item,
                CpCalendarImport     *result,
                char                **session_uuid,
                GError              **error)
{
  CpSessionKind kind_value;
  const char *kind = item->kind != NULL && cp_session_kind_from_string (item->kind, &kind_value)
    ? item->kind : NULL;
  const char *area = item->area != NULL &&
    (g_str_equal (item->area, "csip") || g_str_equal (item->area, "process") ||
     g_str_equal (item->area, "review")) ? item->area : NULL;
  gint64 phase = 0, id;
  guint64 cycle_number = 0, position = 0;
  g_auto(GStrv) code = item->phase_code ? g_strsplit (item->phase_code, ".", 3) : NULL;
  sqlite3_stmt *stmt;
  g_autofree char *known = NULL;

  if (code != NULL && g_strv_length (code) == 2 &&
      g_ascii_string_to_unsigned (code[0], 10, 1, 10000, &cycle_number, NULL) &&
      g_ascii_string_to_unsigned (code[1], 10, 1, 10000, &position, NULL))
    {
      phase = select_id (self,
                         "SELECT p.id FROM phase p JOIN cycle c ON c.id = p.cycle_id "
                         "WHERE c.engagement_id = ?1 AND c.number = ?3 "
                         "ORDER BY p.position LIMIT 1 OFFSET CAST (?2 AS INTEGER) - 1",
                         engagement_id, code[1], (gint64) cycle_number, error);
      if (phase < 0)
        return FALSE;
    }

  known = known_record (self, engagement_id, item, error);

  id = known ? select_id (self, "SELECT id FROM session WHERE engagement_id = ?1 AND uuid = ?2",
                          engagement_id, known, 0, error) : 0;
  if (id < 0)
    return FALSE;

  if (id > 0)
    {
      if (!(stmt = _cp_store_prepare (self,
                                      "UPDATE session SET starts_at = ?2, duration_minutes = ?3, topic = ?4, "
                                      "kind = coalesce (?5, kind), area = coalesce (?6, area), "
                                      "phase_id = CASE WHEN ?8 THEN nullif (?7, 0) ELSE phase_id END "
                                      "WHERE id = ?1 AND (starts_at IS NOT ?2 OR duration_minutes IS NOT ?3 "
                                      "OR topic IS NOT ?4 OR kind IS NOT coalesce (?5, kind) "
                                      "OR area IS NOT coalesce (?6, area) "
                                      "OR (?8 AND phase_id IS NOT nullif (?7, 0))) "
                                      "RETURNING uuid",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
    }
  else
    {
      if (!(stmt = _cp_store_prepare (self,
                                      "INSERT INTO session (engagement_id, starts_at, duration_minutes, topic, "
                                      "kind, area, phase_id, uuid) "
                                      "VALUES (?1, ?2, ?3, ?4, coalesce (?5, 'one-on-one'), coalesce (?6, ''), "
                                      "nullif (?7, 0), ?9) RETURNING uuid",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, engagement_id);
      /* Given here: RETURNING does not see what a trigger sets. */
      {
        g_autofree char *fresh = new_record_uuid (self, item, error);

        _cp_bind_text (stmt, 9, fresh);
      }
    }
  _cp_bind_text (stmt, 2, item->starts_at);
  sqlite3_bind_int (stmt, 3, (int) item->duration);
  _cp_bind_text (stmt, 4, item->topic);
  _cp_bind_text (stmt, 5, kind);
  _cp_bind_text (stmt, 6, area);
  sqlite3_bind_int64 (stmt, 7, phase);
  sqlite3_bind_int (stmt, 8, item->phase_code != NULL);

  {
    int rc = sqlite3_step (stmt);

    if (rc == SQLITE_ROW)
      {
        *session_uuid = _cp_column_dup (stmt, 0);
        rc = sqlite3_step (stmt);
        if (id == 0)
          {
            result->added++;
            id = _cp_store_last_insert_id (self);
          }
        else
          result->updated++;
      }
    else if (rc == SQLITE_DONE)
      {
        result->unchanged++;
        *session_uuid = g_strdup (known);
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      {
        _cp_store_set_error (self, error, rc, _("Could not save the session"));
        return FALSE;
      }
  }

  if (id == 0)
    id = select_id (self, "SELECT id FROM session WHERE uuid = ?2", 0, *session_uuid, 0, error);

  return id > 0 && import_attendees (self, engagement_id, id, item, result, error);
}

/* Whether @item tells more than the calendar was last given from here:
 * a higher SEQUENCE, or the same with a later DTSTAMP, or a UID this
 * engagement never gave. An older or the same copy of an event changes
 * nothing, so a stale file never undoes what was changed here since.
 */
static gboolean
has_news (CpStore              *self,
          gint64                engagement_id,
          const CpCalendarItem *item,
          gboolean             *news,
          GError              **error)
{
  sqlite3_stmt *q = _cp_store_prepare (self,
                                       "SELECT sequence, stamp FROM calendar_entry "
                                       "WHERE uid = ?1 AND engagement_id = ?2",
                                       error);
  int rc;

  if (q == NULL)
    return FALSE;
  _cp_bind_text (q, 1, item->uid);
  sqlite3_bind_int64 (q, 2, engagement_id);
  rc = sqlite3_step (q);
  if (rc == SQLITE_ROW)
    {
      gint64 sequence = sqlite3_column_int64 (q, 0);
      const char *stamp = (const char *) sqlite3_column_text (q, 1);

      *news = item->sequence > sequence ||
              (item->sequence == sequence && item->stamp != NULL && g_strcmp0 (item->stamp, stamp) > 0);
    }
  else
    *news = TRUE;
  sqlite3_reset (q);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cp_store_set_error (self, error, rc, _("Could not read what the calendar was given"));
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char   *uid;
  gint64  engagement_id;
  char   *record_uuid;
  gint64  sequence;
  char   *stamp;
} Taken;

static void
taken_free (Taken *taken)
{
  g_free (taken->uid);
  g_free (taken->record_uuid);
  g_free (taken->stamp);
  g_free (taken);
}

/* What the calendar holds of each record taken in, so an export of the
 * same data writes the file's own SEQUENCE and DTSTAMP again.
 */
static gboolean
remember_taken (CpStore    *self,
                gint64      engagement_id,
                GPtrArray  *taken,
                GError    **error)
{
  g_autoptr(GHashTable) by_record = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *now = cp_calendar_stamp_now ();

  for (guint i = 0; i < taken->len; i++)
    {
      Taken *t = g_ptr_array_index (taken, i);

      g_hash_table_insert (by_record, t->record_uuid, t);
    }

  /* Only the engagement imported into, or every one for all. */
  if (!(records = load_records (self, engagement_id, error)))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      const CpCalendarRecord *record = g_ptr_array_index (records, i);
      Taken *t = g_hash_table_lookup (by_record, record->record_uuid);
      g_autoptr(CpCalendarEntry) entry = NULL;

      if (t == NULL)
        continue;
      entry = entry_new (t->uid, record->engagement_id, record->record_uuid, t->sequence,
                         t->stamp ? t->stamp : now, cp_calendar_component (record, t->uid));
      if (!save_entry (self, entry, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cp_store_import_calendar:
 * @engagement_id: the engagement to import into, or 0 to import each of
 *   Coachplan's events into the engagement it came from (made when
 *   missing); events from other calendars need an engagement
 * @result: (out caller-allocates): what the import did
 *
 * Imports a calendar's events as sessions, and Coachplan's own to-dos
 * as actions, in one transaction: an event whose UID came from here
 * updates its session, others become sessions, a recurring event one
 * for each occurrence within the engagement's dates. A bad file is
 * refused naming its line, and changes nothing.
 */
gboolean
cp_store_import_calendar (CpStore           *self,
                          gint64             engagement_id,
                          const char        *text,
                          gsize              length,
                          CpCalendarImport  *result,
                          GError           **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func ((GDestroyNotify) taken_free);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  memset (result, 0, sizeof *result);

  if (engagement_id != 0)
    {
      g_autoptr(GPtrArray) rows = _cp_store_select (self,
                                                    "SELECT start_date, end_date FROM engagement "
                                                    "WHERE id = ?1 AND trashed_at IS NULL",
                                                    engagement_id, _("Could not read the engagement"), error);
      if (rows == NULL)
        return FALSE;
      if (rows->len == 0)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, engagement_id);

          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                       _("There is no engagement %s"), number);
          return FALSE;
        }
      from = g_strdup (_cp_row_text (g_ptr_array_index (rows, 0), 0));
      to = g_strdup (_cp_row_text (g_ptr_array_index (rows, 0), 1));
    }

  /* Without dates, recurring events are expanded over a year from today. */
  if (from == NULL || to == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) later = g_date_time_add_years (now, 1);

      if (from == NULL)
        from = g_date_time_format (now, "%Y-%m-%d");
      if (to == NULL)
        to = g_date_time_format (later, "%Y-%m-%d");
    }

  if (!(items = cp_calendar_parse (text, length, from, to, result, error)))
    return FALSE;

  for (guint i = 0; engagement_id == 0 && i < items->len; i++)
    {
      const CpCalendarItem *item = g_ptr_array_index (items, i);

      if (item->engagement_uuid == NULL)
        {
          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                       _("Line %u: the event “%s” is not from Coachplan; import it into an engagement"),
                       item->line, item->topic);
          return FALSE;
        }
    }

  if (!cp_store_flush (self, error) || !_cp_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      CpCalendarItem *item = g_ptr_array_index (items, i);
      gint64 target = engagement_id != 0 ? engagement_id : engagement_for (self, item, items, error);
      g_autofree char *record_uuid = NULL;
      gint64 owner;

      if (target < 0)
        goto failed;

      /* A UID another engagement's record went out under: here it is
       * this engagement's own, so the two never share one.
       */
      owner = select_id (self, "SELECT engagement_id FROM calendar_entry WHERE uid = ?2", 0, item->uid, 0, error);
      if (owner < 0)
        goto failed;
      if (owner != 0 && owner != target)
        {
          g_autofree char *own = g_strdup_printf ("%s#%" G_GINT64_FORMAT, item->uid, target);

          g_free (item->uid);
          item->uid = g_steal_pointer (&own);
        }

      if (item->cancelled)
        {
          /* A session stays though a calendar cancelled it; one of ours
           * already gone stays cancelled in later exports.
           */
          result->skipped++;
          if (item->record_uuid != NULL && item->component != NULL &&
              select_id (self, "SELECT count (*) FROM calendar_entry WHERE uid = ?2", 0, item->uid, 0, error) == 0 &&
              uuid_free (self, item->record_uuid, error))
            {
              g_autoptr(CpCalendarEntry) entry = entry_new (item->uid, target, item->record_uuid, item->sequence,
                                                            item->stamp, g_strdup (item->component));

              if (entry->stamp == NULL)
                entry->stamp = cp_calendar_stamp_now ();
              if (!save_entry (self, entry, error))
                goto failed;
            }
          continue;
        }

      {
        gboolean news = TRUE;

        if (!has_news (self, target, item, &news, error))
          goto failed;
        if (!news)
          {
            result->unchanged++;
            continue;
          }
      }

      if (item->is_task)
        {
          if (!import_action (self, target, item, result, &record_uuid, error))
            goto failed;
        }
      else if (!import_session (self, target, item, result, &record_uuid, error))
        goto failed;

      if (record_uuid != NULL)
        {
          Taken *t = g_new0 (Taken, 1);

          t->uid = g_strdup (item->uid);
          t->engagement_id = target;
          t->record_uuid = g_steal_pointer (&record_uuid);
          t->sequence = item->sequence;
          t->stamp = g_strdup (item->stamp);
          g_ptr_array_add (taken, t);
        }
    }

  if (!remember_taken (self, engagement_id, taken, error))
    goto failed;

  if (!_cp_store_commit (self, error))
    return FALSE;

  /* Objects showing what was here: whoever shows them reads them again. */
  for (guint i = 0; i < taken->len; i++)
    {
      Taken *t = g_ptr_array_index (taken, i);
      CpEngagement *live = g_hash_table_lookup (self->engagements, &t->engagement_id);

      if (live != NULL)
        _cp_store_forget_engagement (self, live);
    }
  _cp_store_engagements_changed (self);
  return TRUE;

failed:
  _cp_store_rollback (self);
  return FALSE;
}

/**
 * cp_store_resolve_link:
 * @uri: a coachplan: link
 * @engagement_id: (out): the engagement it names
 * @kind: (out): what in it: %CP_LINK_ENGAGEMENT, or a session, note or action
 * @record_id: (out): that session's, note's or action's id
 *
 * Returns: whether the link names something in this database; when not,
 *   @error says what it names that is not here
 */
gboolean
cp_store_resolve_link (CpStore     *self,
                       const char  *uri,
                       gint64      *engagement_id,
                       CpLinkKind  *kind,
                       gint64      *record_id,
                       GError     **error)
{
  g_autofree char *engagement = NULL;
  g_autofree char *what = NULL;
  g_autofree char *record = NULL;
  const char *sql;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  if (!cp_calendar_parse_link (uri, &engagement, &what, &record))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("“%s” is not a link to an engagement, session, note or action"), uri ? uri : "");
      return FALSE;
    }

  *record_id = 0;
  *kind = CP_LINK_ENGAGEMENT;
  *engagement_id = select_id (self, "SELECT id FROM engagement WHERE uuid = ?2 AND trashed_at IS NULL",
                              0, engagement, 0, error);
  if (*engagement_id < 0)
    return FALSE;
  if (*engagement_id == 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("The link is to an engagement that is not in this database"));
      return FALSE;
    }
  if (what == NULL)
    return TRUE;

  if (g_str_equal (what, "session"))
    {
      *kind = CP_LINK_SESSION;
      sql = "SELECT id FROM session WHERE engagement_id = ?1 AND uuid = ?2";
    }
  else if (g_str_equal (what, "note"))
    {
      *kind = CP_LINK_NOTE;
      sql = "SELECT id FROM note WHERE engagement_id = ?1 AND uuid = ?2";
    }
  else
    {
      *kind = CP_LINK_ACTION;
      sql = "SELECT id FROM action_item WHERE engagement_id = ?1 AND uuid = ?2";
    }

  *record_id = select_id (self, sql, *engagement_id, record, 0, error);
  if (*record_id < 0)
    return FALSE;
  if (*record_id == 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           *kind == CP_LINK_SESSION ? _("The session the link is to was deleted")
                           : *kind == CP_LINK_NOTE ? _("The note the link is to was deleted")
                           : _("The action the link is to was deleted"));
      return FALSE;
    }

  return TRUE;
}
