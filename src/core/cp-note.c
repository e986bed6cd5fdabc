/* cp-note.c — a Markdown note of an engagement
 *
 * The body is kept exactly as written, byte for byte: no trimming, no
 * newline conversion, so an imported file exports as it came.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-note"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-enums.h"
#include "cp-markdown.h"
#include "cp-note-private.h"
#include "cp-store-model.h"

struct _CpNote
{
  GObject       parent_instance;

  CpStore      *store;
  gint64        id;
  gint64        engagement_id;
  gint64        session_id;
  gint64        phase_id;
  char         *title;
  char         *body;
  char         *tags;      /* comma-separated, as stored */
  char         *created;
  char         *author;
  char         *updated;
  CpVisibility  visibility;
};

G_DEFINE_FINAL_TYPE (CpNote, cp_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DISPLAY_TITLE,
  PROP_BODY,
  PROP_TAGS,
  PROP_VISIBILITY,
  PROP_SESSION_ID,
  PROP_PHASE_ID,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_note_saved (gpointer     object,
               const CpRow *returned)
{
  CpNote *self = object;

  if (returned == NULL || _cp_row_is_null (returned, 0))
    return;

  g_free (self->updated);
  self->updated = _cp_row_dup (returned, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

/* The note as it is now, as a unit of work for the store's writer: a
 * large body is written and indexed off the main thread.
 */
static CpStoreUnit *
cp_note_save_unit (gpointer object)
{
  CpNote *self = object;
  CpStoreUnit *unit = _cp_store_unit_new (_("Could not save the note"), cp_note_saved);
  g_autofree char *heading = *self->title ? NULL : cp_markdown_dup_title (self->body);

  _cp_store_unit_then (unit, CP_SQL_NOTE_SAVE);
  _cp_store_unit_bind_int64 (unit, self->id);
  _cp_store_unit_bind_text (unit, self->title);
  _cp_store_unit_bind_text (unit, self->body);
  _cp_store_unit_bind_text (unit, self->tags);
  _cp_store_unit_bind_text (unit, cp_visibility_to_string (self->visibility));
  _cp_store_unit_bind_int64 (unit, self->session_id);
  _cp_store_unit_bind_int64 (unit, self->phase_id);
  _cp_store_unit_bind_text (unit, *self->title ? self->title : (heading ? heading : ""));

  return unit;
}

static void
changed (CpNote *self,
         guint   prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (prop_id == PROP_TITLE || prop_id == PROP_BODY)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_TITLE]);
  _cp_store_mark_dirty_unit (self->store, self, cp_note_save_unit);
}

static void
set_string (CpNote      *self,
            char       **field,
            guint        prop_id,
            const char  *value)
{
  g_return_if_fail (CP_IS_NOTE (self));

  if (value == NULL)
    value = "";
  g_return_if_fail (g_utf8_validate (value, -1, NULL));

  if (strcmp (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  changed (self, prop_id);
}

static void
cp_note_finalize (GObject *object)
{
  CpNote *self = (CpNote *)object;

  g_free (self->title);
  g_free (self->body);
  g_free (self->tags);
  g_free (self->created);
  g_free (self->updated);
  g_free (self->author);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_note_parent_class)->finalize (object);
}

static void
cp_note_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CpNote *self = CP_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DISPLAY_TITLE:
      g_value_take_string (value, cp_note_dup_display_title (self));
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_TAGS:
      g_value_set_string (value, self->tags);
      break;
    case PROP_VISIBILITY:
      g_value_set_enum (value, self->visibility);
      break;
    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;
    case PROP_PHASE_ID:
      g_value_set_int64 (value, self->phase_id);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_string (value, self->updated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_note_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CpNote *self = CP_NOTE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      cp_note_set_title (self, g_value_get_string (value));
      break;
    case PROP_BODY:
      cp_note_set_body (self, g_value_get_string (value));
      break;
    case PROP_VISIBILITY:
      cp_note_set_visibility (self, g_value_get_enum (value));
      break;
    case PROP_SESSION_ID:
      cp_note_set_session_id (self, g_value_get_int64 (value));
      break;
    case PROP_PHASE_ID:
      cp_note_set_phase_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_note_class_init (CpNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_note_finalize;
  object_class->get_property = cp_note_get_property;
  object_class->set_property = cp_note_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_DISPLAY_TITLE] = g_param_spec_string ("display-title", NULL, NULL, NULL, ro);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", rw);
  properties[PROP_TAGS] = g_param_spec_string ("tags", NULL, NULL, "", ro);
  properties[PROP_VISIBILITY] = g_param_spec_enum ("visibility", NULL, NULL, CP_TYPE_VISIBILITY,
                                                   CP_VISIBILITY_COACH, rw);
  properties[PROP_SESSION_ID] = g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PHASE_ID] = g_param_spec_int64 ("phase-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_note_init (CpNote *self)
{
}

CpNote *
_cp_note_new_from_row (CpStore      *store,
                       const CpRow  *row)
{
  CpNote *self = g_object_new (CP_TYPE_NOTE, NULL);

  self->store = g_object_ref (store);
  self->id = _cp_row_int64 (row, 0);
  self->engagement_id = _cp_row_int64 (row, 1);
  self->session_id = _cp_row_int64 (row, 2);
  self->phase_id = _cp_row_int64 (row, 3);
  self->title = _cp_row_dup (row, 4);

  /* The body may hold anything UTF-8 allows; read it by its length. */
  self->body = _cp_row_dup_bytes (row, 5);
  self->tags = _cp_row_dup (row, 6);
  cp_visibility_from_string (_cp_row_text (row, 7), &self->visibility);
  self->created = _cp_row_dup (row, 8);
  self->updated = _cp_row_dup (row, 9);
  self->author = _cp_row_dup (row, 10);

  return self;
}

gint64
cp_note_get_id (CpNote *self)
{
  g_return_val_if_fail (CP_IS_NOTE (self), 0);

  return self->id;
}

gint64
cp_note_get_engagement_id (CpNote *self)
{
  g_return_val_if_fail (CP_IS_NOTE (self), 0);

  return self->engagement_id;
}

/**
 * cp_note_get_title:
 *
 * Returns: the title set for the note, "" when it takes its title from
 *   its body (see cp_note_dup_display_title())
 */
const char *
cp_note_get_title (CpNote *self)
{
  g_return_val_if_fail (CP_IS_NOTE (self), NULL);

  return self->title;
}

void
cp_note_set_title (CpNote     *self,
                   const char *title)
{
  set_string (self, &self->title, PROP_TITLE, title);
}

/**
 * cp_note_dup_display_title:
 *
 * Returns: (transfer full): the title to show: the one set, else the
 *   body's first heading, else its first line
 */
char *
cp_note_dup_display_title (CpNote *self)
{
  char *title;

  g_return_val_if_fail (CP_IS_NOTE (self), NULL);

  if (*self->title != '\0')
    return g_strdup (self->title);

  title = cp_markdown_dup_title (self->body);

  return title ? title : g_strdup (_("Untitled Note"));
}

const char *
cp_note_get_body (CpNote *self)
{
  g_return_val_if_fail (CP_IS_NOTE (self), NULL);

  return self->body;
}

void
cp_note_set_body (CpNote     *self,
                  const char *body)
{
  set_string (self, &self->body, PROP_BODY, body);
}

/* Tags are stored comma-separated; a tag cannot hold a comma. */
char *
_cp_tags_join (const char * const *tags)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; tags && tags[i]; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));

      g_strdelimit (tag, ",\n\r", ' ');
      if (*tag == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ',');
      g_string_append (joined, tag);
    }

  return g_string_free (joined, FALSE);
}

/**
 * cp_note_dup_tags:
 *
 * Returns: (transfer full): the note's tags
 */
char **
cp_note_dup_tags (CpNote *self)
{
  g_return_val_if_fail (CP_IS_NOTE (self), NULL);

  if (*self->tags == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (self->tags, ",", -1);
}

void
cp_note_set_tags (CpNote             *self,
                  const char * const *tags)
{
  g_autofree char *joined = _cp_tags_join (tags);

  set_string (self, &self->tags, PROP_TAGS, joined);
}

CpVisibility
cp_note_get_visibility (CpNote *self)
{
  g_return_val_if_fail (CP_IS_NOTE (self), CP_VISIBILITY_COACH);

  return self->visibility;
}

void
cp_note_set_visibility (CpNote       *self,
                        CpVisibility  visibility)
{
  g_return_if_fail (CP_IS_NOTE (self));
  g_return_if_fail (visibility <= CP_VISIBILITY_SPONSOR);

  if (self->visibility != visibility)
    {
      self->visibility = visibility;
      changed (self, PROP_VISIBILITY);
    }
}

gint64
cp_note_get_session_id (CpNote *self)
{
  g_return_val_if_fail (CP_IS_NOTE (self), 0);

  return self->session_id;
}

/**
 * cp_note_set_session_id:
 * @session_id: a session of the note's engagement, or 0 for none
 */
void
cp_note_set_session_id (CpNote *self,
                        gint64  session_id)
{
  g_return_if_fail (CP_IS_NOTE (self));

  if (self->session_id != session_id)
    {
      self->session_id = session_id;
      changed (self, PROP_SESSION_ID);
    }
}

gint64
cp_note_get_phase_id (CpNote *self)
{
  g_return_val_if_fail (CP_IS_NOTE (self), 0);

  return self->phase_id;
}

void
cp_note_set_phase_id (CpNote *self,
                      gint64  phase_id)
{
  g_return_if_fail (CP_IS_NOTE (self));

  if (self->phase_id != phase_id)
    {
      self->phase_id = phase_id;
      changed (self, PROP_PHASE_ID);
    }
}

const char *
cp_note_get_created (CpNote *self)
{
  g_return_val_if_fail (CP_IS_NOTE (self), NULL);

  return self->created;
}

const char *
cp_note_get_updated (CpNote *self)
{
  g_return_val_if_fail (CP_IS_NOTE (self), NULL);

  return self->updated;
}

/* The session was deleted; the database has already unlinked the note. */
void
_cp_note_forget_session (CpNote *self)
{
  self->session_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

/**
 * cp_note_get_author:
 *
 * Returns: who wrote the note, as they said who they are; empty when
 *   nobody is known
 */
const char *
cp_note_get_author (CpNote *self)
{
  g_return_val_if_fail (CP_IS_NOTE (self), NULL);

  return self->author ? self->author : "";
}
