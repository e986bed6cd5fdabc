/* cp-report.h — the sponsor's progress report
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

/* A chart the report draws where the Markdown reaches @offset: bars,
 * or the stakeholder map.
 */
typedef struct
{
  gsize   offset;
  GArray *bars;     /* of CpBar, or NULL */
  GArray *people;   /* of CpMapPerson: the stakeholder map, or NULL */
} CpReportChart;

char *cp_report_build       (CpEngagement  *engagement,
                             const char    *today,
                             CpAudience     audience,
                             GArray       **charts,
                             GError       **error);
char *cp_report_to_markdown (CpEngagement  *engagement,
                             const char    *today,
                             GError       **error);

char *cp_report_markdown_to_html (const char *markdown,
                                  const char *title);
gboolean cp_report_markdown_to_pdf (const char  *markdown,
                                    GArray      *charts,
                                    const char  *title,
                                    const char  *path,
                                    guint       *n_pages,
                                    GError     **error);
gboolean cp_report_write         (CpEngagement  *engagement,
                                  const char    *today,
                                  CpAudience     audience,
                                  const char    *path,
                                  GError       **error);
void     cp_report_write_async  (CpEngagement         *engagement,
                                 const char           *today,
                                 CpAudience            audience,
                                 const char           *path,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean cp_report_write_finish (GAsyncResult         *result,
                                 GError              **error);
gboolean cp_report_path_is_supported (const char *path);

G_END_DECLS
