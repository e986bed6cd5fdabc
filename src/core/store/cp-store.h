/* cp-store.h — the SQLite file every engagement lives in
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-calendar.h"
#include "cp-types.h"

G_BEGIN_DECLS

#define CP_STORE_ERROR (cp_store_error_quark ())

typedef enum
{
  CP_STORE_ERROR_FAILED,
  CP_STORE_ERROR_NEWER_VERSION,
  CP_STORE_ERROR_NOT_DATABASE,
  CP_STORE_ERROR_FOREIGN,
  CP_STORE_ERROR_CORRUPT,
  CP_STORE_ERROR_READ_ONLY,
  CP_STORE_ERROR_BUSY,
  CP_STORE_ERROR_FULL,
  CP_STORE_ERROR_NOT_FOUND,
  CP_STORE_ERROR_INVALID,
  CP_STORE_ERROR_REPLACED,
} CpStoreError;

typedef enum
{
  CP_STORE_OPEN_DEFAULT   = 0,
  CP_STORE_OPEN_READ_ONLY = 1 << 0,
} CpStoreOpenFlags;

/* The schema version this build writes; see cp-store-migrations.c. */
#define CP_STORE_SCHEMA_VERSION 18

#define CP_TYPE_STORE (cp_store_get_type ())

G_DECLARE_FINAL_TYPE (CpStore, cp_store, CP, STORE, GObject)

GQuark        cp_store_error_quark         (void);
char         *cp_store_dup_default_path    (void);
CpStore      *cp_store_open                (const char   *path,
                                            GError      **error);
CpStore      *cp_store_open_full           (const char   *path,
                                            CpStoreOpenFlags flags,
                                            GError      **error);
const char   *cp_store_get_path            (CpStore      *self);
void          cp_store_set_author          (CpStore      *self,
                                            const char   *name);
const char   *cp_store_get_author          (CpStore      *self);
gboolean      cp_store_get_read_only       (CpStore      *self);
const char   *cp_store_get_read_only_reason (CpStore     *self);
int           cp_store_get_schema_version  (CpStore      *self);
void          cp_store_set_save_delay      (CpStore      *self,
                                            guint         delay_ms);
guint         cp_store_get_save_delay      (CpStore      *self);
gboolean      cp_store_flush               (CpStore      *self,
                                            GError      **error);
CpEngagement *cp_store_load_sample_on      (CpStore      *self,
                                            const char   *today,
                                            GError      **error);
CpEngagement *cp_store_create_engagement   (CpStore      *self,
                                            const char   *title,
                                            CpApproach    approach,
                                            GError      **error);
CpEngagement *cp_store_get_engagement      (CpStore      *self,
                                            gint64        id,
                                            GError      **error);
gboolean      cp_store_trash_engagement    (CpStore      *self,
                                            CpEngagement *engagement,
                                            GError      **error);
gboolean      cp_store_restore_engagement  (CpStore      *self,
                                            CpEngagement *engagement,
                                            GError      **error);
gboolean      cp_store_purge_trash         (CpStore      *self,
                                            GError      **error);
GArray       *cp_store_find_engagements    (CpStore      *self,
                                            const char   *search,
                                            CpStatus      status,
                                            GError      **error);
guint         cp_store_count_engagements   (CpStore      *self);
CpEngagement *cp_store_load_sample         (CpStore      *self,
                                            GError      **error);
gboolean      cp_store_backup              (CpStore      *self,
                                            const char   *path,
                                            GError      **error);
gboolean      cp_store_rotate_backups      (CpStore      *self,
                                            const char   *folder,
                                            guint         keep,
                                            GDateTime    *now,
                                            gboolean     *made,
                                            GError      **error);
gboolean      cp_store_back_up_now         (CpStore      *self,
                                            const char   *folder,
                                            guint         keep,
                                            GDateTime    *now,
                                            GError      **error);
char         *cp_store_dup_backup_folder   (CpStore      *self);
GPtrArray    *cp_store_list_backups        (const char   *folder);
GDateTime    *cp_backup_get_time           (const char   *path);
gboolean      cp_store_restore             (CpStore      *self,
                                            const char   *backup_path,
                                            char        **kept_path,
                                            GError      **error);

typedef enum
{
  CP_LINK_ENGAGEMENT,
  CP_LINK_SESSION,
  CP_LINK_NOTE,
  CP_LINK_ACTION,
} CpLinkKind;

gboolean      cp_store_resolve_link        (CpStore      *self,
                                            const char   *uri,
                                            gint64       *engagement_id,
                                            CpLinkKind   *kind,
                                            gint64       *record_id,
                                            GError      **error);
GPtrArray    *cp_store_list_sessions_between (CpStore    *self,
                                              const char *from,
                                              const char *to,
                                              GError    **error);
GPtrArray    *cp_store_list_actions_due    (CpStore      *self,
                                            const char   *date,
                                            GError      **error);
char         *cp_store_export_calendar     (CpStore      *self,
                                            gint64        engagement_id,
                                            GError      **error);
gboolean      cp_store_import_calendar     (CpStore      *self,
                                            gint64        engagement_id,
                                            const char   *text,
                                            gsize         length,
                                            CpCalendarImport *result,
                                            GError      **error);

G_END_DECLS
