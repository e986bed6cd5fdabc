/* cp-share.h — an engagement shared through a git repository
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-store-merge.h"
#include "cp-types.h"

G_BEGIN_DECLS

/* The file at the top of a shared repository that lists its engagements
 * and their audiences.
 */
#define CP_SHARE_INDEX "engagements.md"

/* One change of a shared engagement, as the repository records it. */
typedef struct
{
  char      *commit;    /* its id, abbreviated */
  char      *author;
  char      *email;
  GDateTime *when;
  char      *summary;   /* the first line of its message */
} CpShareChange;

void      cp_share_change_free     (CpShareChange *change);
GPtrArray *cp_share_dup_history    (CpEngagement  *engagement,
                                    GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpShareChange, cp_share_change_free)

char     *cp_share_dup_folder      (CpStore       *store);
char     *cp_share_dup_clone_path  (CpEngagement  *engagement,
                                    CpAudience     audience,
                                    GError       **error);
GArray   *cp_share_dup_audiences   (CpEngagement  *engagement);
gboolean  cp_share_is_shared       (CpEngagement  *engagement,
                                    CpAudience    *audience);
gboolean  cp_share_get_sharing     (CpEngagement  *engagement,
                                    CpAudience    *audience,
                                    gboolean      *owner);
gboolean  cp_share_engagement      (CpEngagement  *engagement,
                                    const char    *location,
                                    CpAudience     audience,
                                    const char    *name,
                                    const char    *email,
                                    GError       **error);
void      cp_share_engagement_async  (CpEngagement        *engagement,
                                      const char          *location,
                                      CpAudience           audience,
                                      const char          *name,
                                      const char          *email,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean  cp_share_engagement_finish (GAsyncResult        *result,
                                      GError             **error);
GArray   *cp_share_clone           (CpStore       *store,
                                    const char    *location,
                                    GError       **error);
void      cp_share_clone_async     (CpStore             *store,
                                    const char          *location,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
GArray   *cp_share_clone_finish    (GAsyncResult        *result,
                                    GError             **error);

/* Where a shared engagement stands, as its Sync button shows it. */
typedef enum
{
  CP_SHARE_UP_TO_DATE,
  CP_SHARE_CHANGES_TO_SEND,
  CP_SHARE_OFFLINE,
  CP_SHARE_CONFLICTS,
} CpShareState;

/* What a sync did. */
typedef struct
{
  CpShareState  state;       /* up to date, or conflicts */
  GPtrArray    *conflicts;   /* CpMergeConflict, unsettled: nothing here changed */
  gboolean      merged;      /* the engagement here took changes: read it again */
} CpSyncResult;

void          cp_sync_result_free   (CpSyncResult        *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpSyncResult, cp_sync_result_free)

CpShareState  cp_share_get_state    (CpEngagement        *engagement);
CpSyncResult *cp_share_sync         (CpEngagement        *engagement,
                                     const char          *name,
                                     const char          *email,
                                     GHashTable          *choices,
                                     CpMergePrefer        prefer,
                                     GError             **error);
void          cp_share_sync_async   (CpEngagement        *engagement,
                                     const char          *name,
                                     const char          *email,
                                     GHashTable          *choices,
                                     CpMergePrefer        prefer,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
CpSyncResult *cp_share_sync_finish  (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
