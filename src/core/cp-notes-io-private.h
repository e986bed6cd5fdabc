/* cp-notes-io-private.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-engagement.h"
#include "cp-note.h"

G_BEGIN_DECLS

/* A note's fields before it is stored. Strings are borrowed. */
typedef struct
{
  const char   *title;
  const char   *body;
  gsize         body_length;
  const char   *tags;       /* comma-separated */
  CpVisibility  visibility;
  gint64        session_id;
  gint64        phase_id;
  const char   *created;    /* NULL: now */
  const char   *updated;
} CpNoteFields;

gboolean  _cp_note_fields_validate   (const CpNoteFields *fields,
                                      const char         *file_name,
                                      GError            **error);
CpNote   *_cp_engagement_insert_note (CpEngagement       *self,
                                      const CpNoteFields *fields,
                                      GError            **error);
void      _cp_engagement_notes_added (CpEngagement       *self,
                                      GPtrArray          *notes);

G_END_DECLS
