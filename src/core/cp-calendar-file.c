/* cp-calendar-file.c — one .ics file of every engagement, kept up to date
 *
 * Written whole when made, then again a moment after the store saves a
 * change (several changes in a row write once), always atomically: a
 * calendar program reading it sees the old file or the new one, never
 * half of one. Writing it records what the file gave each calendar, so
 * an unchanged engagement keeps its SEQUENCE and DTSTAMP.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-calendar-file.h"
#include "cp-file.h"

#define DEFAULT_DELAY_MS 1500

struct _CpCalendarFile
{
  GObject  parent_instance;

  CpStore *store;
  char    *path;
  char    *written;      /* the text last written */
  guint    delay;
  guint    source;
  gulong   saved_id;
};

G_DEFINE_FINAL_TYPE (CpCalendarFile, cp_calendar_file, G_TYPE_OBJECT)

enum {
  WRITE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
write_cb (gpointer data)
{
  CpCalendarFile *self = data;
  g_autoptr(GError) error = NULL;

  self->source = 0;
  if (!cp_calendar_file_write_now (self, &error))
    g_signal_emit (self, signals[WRITE_FAILED], 0, error);

  return G_SOURCE_REMOVE;
}

static void
saved_cb (CpStore        *store,
          CpCalendarFile *self)
{
  if (self->source != 0)
    g_source_remove (self->source);
  self->source = g_timeout_add (self->delay, write_cb, self);
}

static void
cp_calendar_file_dispose (GObject *object)
{
  CpCalendarFile *self = CP_CALENDAR_FILE (object);

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_signal_handler (&self->saved_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_calendar_file_parent_class)->dispose (object);
}

static void
cp_calendar_file_finalize (GObject *object)
{
  CpCalendarFile *self = CP_CALENDAR_FILE (object);

  g_free (self->path);
  g_free (self->written);

  G_OBJECT_CLASS (cp_calendar_file_parent_class)->finalize (object);
}

static void
cp_calendar_file_class_init (CpCalendarFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_calendar_file_dispose;
  object_class->finalize = cp_calendar_file_finalize;

  /**
   * CpCalendarFile::write-failed:
   * @error: why
   *
   * The file could not be written; it is tried again at the next change.
   */
  signals[WRITE_FAILED] =
    g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
cp_calendar_file_init (CpCalendarFile *self)
{
  self->delay = DEFAULT_DELAY_MS;
}

/**
 * cp_calendar_file_new:
 * @path: where the file goes
 *
 * Keeps @path up to date with every engagement of @store, from the next
 * change on; call cp_calendar_file_write_now() to write it at once.
 */
CpCalendarFile *
cp_calendar_file_new (CpStore    *store,
                      const char *path)
{
  CpCalendarFile *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CP_TYPE_CALENDAR_FILE, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (path);
  self->saved_id = g_signal_connect (store, "saved", G_CALLBACK (saved_cb), self);

  return self;
}

const char *
cp_calendar_file_get_path (CpCalendarFile *self)
{
  g_return_val_if_fail (CP_IS_CALENDAR_FILE (self), NULL);

  return self->path;
}

/* Tests: how long after a change the file is written. */
void
cp_calendar_file_set_delay (CpCalendarFile *self,
                            guint           milliseconds)
{
  g_return_if_fail (CP_IS_CALENDAR_FILE (self));

  self->delay = milliseconds;
}

/**
 * cp_calendar_file_write_now:
 *
 * Writes the file, atomically, unless it would not change.
 */
gboolean
cp_calendar_file_write_now (CpCalendarFile  *self,
                            GError         **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CP_IS_CALENDAR_FILE (self), FALSE);

  g_clear_handle_id (&self->source, g_source_remove);

  if (!(text = cp_store_export_calendar (self->store, 0, error)))
    return FALSE;

  if (g_strcmp0 (text, self->written) == 0 && g_file_test (self->path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!cp_file_write (self->path, text, strlen (text), error))
    return FALSE;

  g_free (self->written);
  self->written = g_steal_pointer (&text);

  return TRUE;
}
