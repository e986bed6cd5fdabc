/* cp-file.h — reading and writing the user's files safely
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CP_FILE_READ_DEFAULT   = 0,
  /* A symbolic link is refused, not followed: for files found inside a
   * folder, which must not lead outside it. */
  CP_FILE_READ_NO_FOLLOW = 1 << 0,
} CpFileReadFlags;

const char *cp_file_describe_mode   (guint            mode);
gboolean    cp_file_check_regular   (const char      *path,
                                     gboolean         follow,
                                     gboolean        *missing,
                                     GError         **error);
char       *cp_file_read            (const char      *path,
                                     gsize            max_bytes,
                                     CpFileReadFlags  flags,
                                     gsize           *length,
                                     GError         **error);
gboolean    cp_file_write           (const char      *path,
                                     const char      *contents,
                                     gsize            length,
                                     GError         **error);
void        cp_file_set_io_error    (GError         **error,
                                     int              errsv,
                                     gboolean         writing,
                                     const char      *path);

G_END_DECLS
