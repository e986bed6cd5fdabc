/* cp-notes-io.h — notes to and from Markdown files
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

/* The largest note file import takes: far past any real note, and a
 * guard against importing something that is not one.
 */
#define CP_NOTE_MAX_BYTES (8 * 1024 * 1024)

typedef enum
{
  CP_NOTES_EXPORT_DEFAULT        = 0,
  CP_NOTES_EXPORT_SKIP_COACH_ONLY = 1 << 0,
} CpNotesExportFlags;

typedef void (*CpProgressFunc) (guint    done,
                                guint    total,
                                gpointer user_data);

typedef struct
{
  char         *title;
  char        **tags;
  char         *created;
  char         *updated;
  char         *author;
  CpVisibility  visibility;
  guint         has_title : 1;
  guint         has_visibility : 1;
} CpFrontMatter;

void      cp_front_matter_free   (CpFrontMatter       *front_matter);
gboolean  cp_front_matter_split  (const char          *text,
                                  gsize                length,
                                  CpFrontMatter      **front_matter,
                                  gsize               *body_offset);
char     *cp_note_file_name      (const char          *title,
                                  GHashTable          *taken);
char     *cp_note_to_markdown    (CpNote              *note,
                                  const char          *engagement_title,
                                  const char          *session,
                                  const char          *phase,
                                  gsize               *length);
/* One file of an export, ready to write. */
typedef struct
{
  char  *name;
  char  *contents;
  gsize  length;
} CpExportFile;

void       cp_export_file_free     (CpExportFile        *file);
GPtrArray *cp_notes_export_prepare (CpEngagement        *engagement,
                                    CpNotesExportFlags   flags,
                                    GError             **error);
gboolean   cp_export_write_files   (const char          *folder,
                                    GPtrArray           *files,
                                    GCancellable        *cancellable,
                                    CpProgressFunc       progress,
                                    gpointer             user_data,
                                    GError             **error);
gboolean  cp_notes_export        (CpEngagement        *engagement,
                                  const char          *folder,
                                  CpNotesExportFlags   flags,
                                  GCancellable        *cancellable,
                                  CpProgressFunc       progress,
                                  gpointer             user_data,
                                  guint               *n_written,
                                  GError             **error);
gboolean  cp_notes_import        (CpEngagement        *engagement,
                                  const char * const  *paths,
                                  guint               *n_imported,
                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpFrontMatter, cp_front_matter_free)

G_END_DECLS
