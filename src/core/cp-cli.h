/* cp-cli.h — the command-line verbs, which need no display
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cp-types.h"
#include "cp-store.h"

G_BEGIN_DECLS

int cp_cli_list (const char *database);
int cp_cli_new  (const char *database,
                 const char *title,
                 const char *approach);
int cp_cli_export_notes (const char         *database,
                         const char         *engagement,
                         const char         *folder);
int cp_cli_import_notes (const char         *database,
                         const char         *engagement,
                         const char * const *paths);

int cp_cli_export_calendar (const char         *database,
                            const char         *engagement,
                            const char         *output);
int cp_cli_import_calendar (const char         *database,
                            const char         *engagement,
                            const char * const *paths);

int cp_cli_export (const char *database,
                   const char *engagement,
                   const char *folder);
int cp_cli_import (const char *database,
                   const char *folder);

int cp_cli_share   (const char *database,
                    const char *engagement_id,
                    const char *location,
                    const char *audience,
                    const char *name,
                    const char *email);
int cp_cli_new_sample (const char *database);
int cp_cli_summary  (const char *database,
                     const char *engagement_id);
int cp_cli_sync     (const char *database,
                     const char *engagement_id,
                     const char *prefer,
                     const char *name,
                     const char *email);
int cp_cli_sign_off (const char *database,
                     const char *engagement_id,
                     const char *phase,
                     const char *decision,
                     const char *comment,
                     const char *name);
int cp_cli_clone   (const char *database,
                    const char *location);
int cp_cli_backup  (const char *database,
                    const char *output);
int cp_cli_restore (const char *database,
                    const char *backup);

/* For the commands of other files: opens the store and finds the
 * engagement @id_text names, or says why not and sets @status.
 */
CpStore      *_cp_cli_open_store        (const char  *database);
CpEngagement *_cp_cli_lookup_engagement (const char  *database,
                                         const char  *id_text,
                                         CpStore    **store_out,
                                         int         *status);

int   cp_cli_report              (const char *database,
                                  const char *engagement_id,
                                  const char *output,
                                  const char *audience);

G_END_DECLS
