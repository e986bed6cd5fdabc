/* cp-engagement-io.h — a whole engagement as a folder of Markdown files
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

/* The version of the folder format this build writes and the newest it
 * reads; see doc/engagement-folder.md.
 */
#define CP_ENGAGEMENT_FORMAT_VERSION 3

GPtrArray *cp_engagement_export_prepare (CpEngagement  *engagement,
                                         GError       **error);
GPtrArray *cp_engagement_export_prepare_for (CpEngagement  *engagement,
                                             CpAudience     audience,
                                             GError       **error);
gboolean   cp_engagement_export         (CpEngagement  *engagement,
                                         const char    *folder,
                                         GCancellable  *cancellable,
                                         GError       **error);
void       cp_engagement_export_async   (CpEngagement        *engagement,
                                         const char          *folder,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean   cp_engagement_export_finish  (GAsyncResult        *result,
                                         GError             **error);
gint64     cp_store_import_engagement   (CpStore       *store,
                                         const char    *folder,
                                         GError       **error);

G_END_DECLS
