/* cp-engagement-notes.c — an engagement's sessions and notes
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-engagement"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cp-engagement-private.h"
#include "cp-markdown.h"
#include "cp-note-private.h"
#include "cp-notes-io-private.h"
#include "cp-session-private.h"
#include "cp-store-model.h"

/**
 * cp_engagement_get_notes:
 *
 * Returns: (transfer none) (nullable): the notes, a list of #CpNote,
 *   newest first
 */
GListModel *
cp_engagement_get_notes (CpEngagement  *self,
                         GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  if (self->notes == NULL)
    self->notes = _cp_store_load_list (self->store, CP_SQL_NOTES, self->id, CP_TYPE_NOTE,
                                       (CpRowFunc) _cp_note_new_from_row, error);

  return self->notes ? G_LIST_MODEL (self->notes) : NULL;
}

/* Adds to @unit one note of engagement @engagement_id; it returns the
 * note's row.
 */
void
_cp_note_add_to_unit (CpStoreUnit        *unit,
                      gint64              engagement_id,
                      const CpNoteFields *fields)
{
  /* Given here rather than by the database's trigger: a bulk import
   * writes each note once.
   */
  g_autofree char *uuid = fields->uuid ? NULL : g_uuid_string_random ();

  _cp_store_unit_then (unit, CP_SQL_NOTE_ADD);
  _cp_store_unit_bind_int64 (unit, engagement_id);
  _cp_store_unit_bind_int64 (unit, fields->session_id);
  _cp_store_unit_bind_int64 (unit, fields->phase_id);
  _cp_store_unit_bind_text (unit, fields->title ? fields->title : "");
  _cp_store_unit_bind_text_len (unit, fields->body ? fields->body : "",
                                fields->body ? fields->body_length : 0);
  _cp_store_unit_bind_text (unit, fields->tags ? fields->tags : "");
  _cp_store_unit_bind_text (unit, cp_visibility_to_string (fields->visibility));
  _cp_store_unit_bind_text (unit, fields->created);
  _cp_store_unit_bind_text (unit, fields->updated);

  if (fields->title != NULL && *fields->title != '\0')
    _cp_store_unit_bind_text (unit, fields->title);
  else
    {
      g_autofree char *body = g_strndup (fields->body ? fields->body : "",
                                         MIN (fields->body_length, 4096));
      g_autofree char *heading = cp_markdown_dup_title (body);

      _cp_store_unit_bind_text (unit, heading ? heading : "");
    }

  _cp_store_unit_bind_text (unit, fields->uuid ? fields->uuid : uuid);
  _cp_store_unit_bind_text (unit, fields->author ? fields->author : "");
}

/* Inserts one note of engagement @engagement_id, in a unit of work of its
 * own (or in the caller's transaction), and returns it as read back; any
 * loaded list is the caller's to update.
 */
CpNote *
_cp_note_insert (CpStore            *store,
                 gint64              engagement_id,
                 const CpNoteFields *fields,
                 GError            **error)
{
  CpStoreUnit *unit = _cp_store_unit_new (_("Could not add the note"), NULL);
  g_autoptr(GPtrArray) rows = NULL;

  _cp_note_add_to_unit (unit, engagement_id, fields);
  if (!(rows = _cp_store_unit_commit (store, unit, error)))
    return NULL;

  return _cp_note_new_from_row (store, _cp_rows_get (rows, 0));
}

/* Adds notes read back from the database to the loaded list, newest
 * first as the list is ordered.
 */
void
_cp_engagement_notes_added (CpEngagement *self,
                            GPtrArray    *notes)
{
  if (self->notes == NULL)
    return;

  for (guint i = 0; i < notes->len; i++)
    {
      CpNote *note = g_ptr_array_index (notes, i);
      guint position = 0;

      /* Imported notes keep their own dates, so they may land anywhere. */
      while (position < g_list_model_get_n_items (G_LIST_MODEL (self->notes)))
        {
          g_autoptr(CpNote) other = g_list_model_get_item (G_LIST_MODEL (self->notes), position);
          int cmp = g_strcmp0 (cp_note_get_created (other), cp_note_get_created (note));

          if (cmp < 0 || (cmp == 0 && cp_note_get_id (other) < cp_note_get_id (note)))
            break;
          position++;
        }

      g_list_store_insert (self->notes, position, note);
    }
}

static CpNote *
insert_one (CpEngagement       *self,
            const CpNoteFields *fields,
            GError            **error)
{
  g_autoptr(CpNote) note = NULL;
  g_autoptr(GPtrArray) added = NULL;

  if (!cp_engagement_get_notes (self, error) ||
      !(note = _cp_note_insert (self->store, self->id, fields, error)))
    return NULL;

  added = g_ptr_array_new ();
  g_ptr_array_add (added, note);
  _cp_engagement_notes_added (self, added);

  return g_steal_pointer (&note);
}

/**
 * cp_engagement_add_note:
 * @title: (nullable): a title, or %NULL to take it from the body
 *
 * Returns: (transfer full) (nullable): the new note, coach only
 */
CpNote *
cp_engagement_add_note (CpEngagement  *self,
                        const char    *title,
                        const char    *body,
                        GError       **error)
{
  CpNoteFields fields = { 0 };

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  fields.title = title;
  fields.body = body;
  fields.body_length = body ? strlen (body) : 0;
  fields.visibility = CP_VISIBILITY_COACH;
  fields.author = cp_store_get_author (cp_engagement_get_store (self));

  if (!_cp_note_fields_validate (&fields, NULL, error))
    return NULL;

  return insert_one (self, &fields, error);
}

gboolean
cp_engagement_remove_note (CpEngagement  *self,
                           CpNote        *note,
                           GError       **error)
{
  CpStoreUnit *unit;
  guint position;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);
  g_return_val_if_fail (CP_IS_NOTE (note), FALSE);

  if (!cp_engagement_get_notes (self, error))
    return FALSE;

  if (!g_list_store_find (self->notes, note, &position))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("The note is not one of this engagement’s"));
      return FALSE;
    }

  /* Its latest words are part of what an undo brings back. */
  if (!cp_store_flush (self->store, error))
    return FALSE;

  unit = _cp_store_unit_for (CP_SQL_NOTE_REMOVE);
  _cp_store_unit_bind_int64 (unit, cp_note_get_id (note));
  if (!_cp_store_write (self->store, unit, error))
    return FALSE;

  g_list_store_remove (self->notes, position);

  return TRUE;
}

/**
 * cp_engagement_restore_note:
 * @removed: a note cp_engagement_remove_note() took out
 *
 * Returns: (transfer full) (nullable): the note, back as it was
 */
CpNote *
cp_engagement_restore_note (CpEngagement  *self,
                            CpNote        *removed,
                            GError       **error)
{
  g_autofree char *tags = NULL;
  CpNoteFields fields = { 0 };

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);
  g_return_val_if_fail (CP_IS_NOTE (removed), NULL);

  g_object_get (removed, "tags", &tags, NULL);
  fields.title = cp_note_get_title (removed);
  fields.body = cp_note_get_body (removed);
  fields.body_length = strlen (fields.body);
  fields.tags = tags;
  fields.visibility = cp_note_get_visibility (removed);
  fields.session_id = cp_note_get_session_id (removed);
  fields.phase_id = cp_note_get_phase_id (removed);
  fields.created = cp_note_get_created (removed);
  fields.updated = cp_note_get_updated (removed);

  return insert_one (self, &fields, error);
}

/**
 * cp_engagement_get_sessions:
 *
 * Returns: (transfer none) (nullable): the coaching sessions, a list of
 *   #CpSession, latest first
 */
GListModel *
cp_engagement_get_sessions (CpEngagement  *self,
                            GError       **error)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);

  if (self->sessions == NULL)
    {
      g_autoptr(GArray) rows = _cp_store_sessions_load (self->store, self->id, error);

      if (rows == NULL)
        return NULL;

      self->sessions = g_list_store_new (CP_TYPE_SESSION);
      for (guint i = 0; i < rows->len; i++)
        {
          g_autoptr(CpSession) session = _cp_session_new (self->store,
                                                          &g_array_index (rows, CpSessionRow, i));
          g_list_store_append (self->sessions, session);
        }
    }

  return G_LIST_MODEL (self->sessions);
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  int cmp = g_strcmp0 (cp_session_get_starts_at ((CpSession *) b),
                       cp_session_get_starts_at ((CpSession *) a));

  return cmp != 0 ? cmp : (cp_session_get_id ((CpSession *) b) > cp_session_get_id ((CpSession *) a) ? 1 : -1);
}

/**
 * cp_engagement_add_session:
 * @starts_at: YYYY-MM-DDTHH:MM, local time
 *
 * Returns: (transfer full) (nullable): the new session, an hour long
 */
CpSession *
cp_engagement_add_session (CpEngagement   *self,
                           const char     *starts_at,
                           CpSessionKind   kind,
                           GError        **error)
{
  CpSessionPlan plan = { .starts_at = starts_at, .kind = kind };

  return cp_engagement_plan_session (self, &plan, error);
}

/**
 * cp_engagement_plan_session:
 * @plan: the session, whole: when, what, which phase, who attends
 *
 * Adds the session as one unit of work; a phase or an attendee from
 * another engagement is not taken.
 *
 * Returns: (transfer full) (nullable): the new session
 */
CpSession *
cp_engagement_plan_session (CpEngagement         *self,
                            const CpSessionPlan  *plan,
                            GError              **error)
{
  CpSessionRow fields = { 0 };
  CpSessionRow added = { 0 };
  CpSession *session;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  if (!cp_datetime_is_valid (plan->starts_at))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("A session needs a date and a time of day"));
      return NULL;
    }

  fields.starts_at = (char *) plan->starts_at;
  fields.kind = (char *) cp_session_kind_to_string (plan->kind);
  fields.duration = plan->duration;
  fields.topic = (char *) plan->topic;
  fields.phase_id = plan->phase_id;
  fields.area = (char *) (plan->area == CP_COACHING_AREA_UNSET ? "" : cp_coaching_area_to_string (plan->area));

  if (!cp_engagement_get_sessions (self, error) ||
      !_cp_store_sessions_add (self->store, self->id, &fields, plan->attendees, &added, error))
    return NULL;

  /* The model changes once the row is committed. */
  session = _cp_session_new (self->store, &added);
  _cp_session_row_clear (&added);
  g_list_store_insert_sorted (self->sessions, session, compare_sessions, NULL);

  return session;
}

/**
 * cp_engagement_get_coaching_minutes:
 * @now: YYYY-MM-DDTHH:MM; the sessions that started by then count
 * @by_area: (out caller-allocates) (array fixed-size=4) (optional): the
 *   minutes of each #CpCoachingArea
 * @by_kind: (out caller-allocates) (array fixed-size=5) (optional): the
 *   minutes of each #CpSessionKind, the mentoring formats
 *
 * Where the coaching time goes: the sessions held, by their durations.
 *
 * Returns: all the minutes
 */
guint
cp_engagement_get_coaching_minutes (CpEngagement *self,
                                    const char   *now,
                                    guint         by_area[CP_COACHING_AREA_REVIEW + 1],
                                    guint         by_kind[CP_SESSION_KIND_REMOTE + 1])
{
  GListModel *sessions;
  guint total = 0;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), 0);
  g_return_val_if_fail (now != NULL, 0);

  if (by_area != NULL)
    memset (by_area, 0, sizeof (guint) * (CP_COACHING_AREA_REVIEW + 1));
  if (by_kind != NULL)
    memset (by_kind, 0, sizeof (guint) * (CP_SESSION_KIND_REMOTE + 1));

  sessions = cp_engagement_get_sessions (self, NULL);
  for (guint i = 0; sessions && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(CpSession) session = g_list_model_get_item (sessions, i);
      guint minutes = cp_session_get_duration (session);

      if (strcmp (cp_session_get_starts_at (session), now) > 0)
        continue;
      total += minutes;
      if (by_area != NULL)
        by_area[cp_session_get_area (session)] += minutes;
      if (by_kind != NULL)
        by_kind[cp_session_get_kind (session)] += minutes;
    }

  return total;
}

/**
 * cp_engagement_remove_session:
 *
 * Deletes a session; its notes stay, no longer linked to it.
 */
gboolean
cp_engagement_remove_session (CpEngagement  *self,
                              CpSession     *session,
                              GError       **error)
{
  guint position;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (self), FALSE);
  g_return_val_if_fail (CP_IS_SESSION (session), FALSE);

  if (!cp_engagement_get_sessions (self, error))
    return FALSE;

  if (!g_list_store_find (self->sessions, session, &position))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("The session is not one of this engagement’s"));
      return FALSE;
    }

  if (!cp_store_flush (self->store, error) ||
      !_cp_store_sessions_remove (self->store, cp_session_get_id (session), error))
    return FALSE;

  _cp_store_forget_dirty (self->store, session);
  g_list_store_remove (self->sessions, position);

  /* Notes of the session now belong to none, on disk as in memory. */
  if (self->notes != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notes)); i++)
      {
        g_autoptr(CpNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes), i);

        if (cp_note_get_session_id (note) == cp_session_get_id (session))
          _cp_note_forget_session (note);
      }

  return TRUE;
}
