/* cp-file.c — reading and writing the user's files safely
 *
 * Every file Coachplan reads from the user is checked to be a regular
 * file before a byte is read (a named pipe would hang the read, a device
 * would never end) and read with its limit enforced while reading. Every
 * file it writes takes one path: a new file is created in place with
 * O_EXCL and O_NOFOLLOW, so nothing already there — a link, say — is
 * followed; an existing one is replaced whole through a copy renamed over
 * it, which replaces a link rather than writing through it.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cp-file.h"

/**
 * cp_file_set_io_error:
 * @writing: whether @path was being written, or read
 *
 * Sets @error to "Could not read “@path”: why", the reason @errsv gives
 * in words.
 */
void
cp_file_set_io_error (GError     **error,
                      int          errsv,
                      gboolean     writing,
                      const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               writing ? _("Could not write “%s”: %s") : _("Could not read “%s”: %s"),
               display, g_strerror (errsv));
}

/* What a file that is not a regular one is, in words. */
const char *
cp_file_describe_mode (guint mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISLNK (mode))
    return _("a symbolic link");
  if (S_ISREG (mode))
    return _("a file");

  return _("not a plain file");
}

static void
set_not_regular (GError     **error,
                 const char  *path,
                 guint        mode)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: a file's name, then what it is instead: "a named pipe", "a folder"… */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               _("“%s” is not a regular file: it is %s"), display, cp_file_describe_mode (mode));
}

/**
 * cp_file_check_regular:
 * @follow: whether a symbolic link is followed; if not, it is refused
 * @missing: (out) (optional): set when there is no such file; the call
 *   then succeeds only when @missing is given
 *
 * Checks that @path is a regular file without opening it.
 */
gboolean
cp_file_check_regular (const char  *path,
                       gboolean     follow,
                       gboolean    *missing,
                       GError     **error)
{
  GStatBuf st;
  int rc = follow ? g_stat (path, &st) : g_lstat (path, &st);

  if (missing != NULL)
    *missing = FALSE;

  if (rc != 0)
    {
      int errsv = errno;

      if (errsv == ENOENT && missing != NULL)
        {
          *missing = TRUE;
          return TRUE;
        }
      cp_file_set_io_error (error, errsv, FALSE, path);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      set_not_regular (error, path, st.st_mode);
      return FALSE;
    }

  return TRUE;
}

/**
 * cp_file_read:
 * @max_bytes: the most the file may hold
 * @length: (out) (optional): how many bytes were read
 *
 * Reads a regular file whole. Anything else — a named pipe, a device, a
 * folder, or with %CP_FILE_READ_NO_FOLLOW a link — is refused before it
 * is read, and a file that grows past @max_bytes while it is read is
 * refused as soon as it does.
 *
 * Returns: (transfer full): the contents, NUL-terminated
 */
char *
cp_file_read (const char       *path,
              gsize             max_bytes,
              CpFileReadFlags   flags,
              gsize            *length,
              GError          **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  int open_flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
  struct stat st = { 0 };
  int fd;

  if (!cp_file_check_regular (path, !(flags & CP_FILE_READ_NO_FOLLOW), NULL, error))
    return NULL;

  /* O_NONBLOCK: should the file have become a pipe since, opening it does
   * not wait for a writer.
   */
  if (flags & CP_FILE_READ_NO_FOLLOW)
    open_flags |= O_NOFOLLOW;
  fd = g_open (path, open_flags, 0);
  if (fd < 0)
    {
      int errsv = errno;

      if (errsv == ELOOP)
        {
          set_not_regular (error, path, S_IFLNK);
          return NULL;
        }
      cp_file_set_io_error (error, errsv, FALSE, path);
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      set_not_regular (error, path, st.st_mode);
      close (fd);
      return NULL;
    }

  bytes = g_byte_array_sized_new (MIN ((gsize) st.st_size, max_bytes) + 1);
  for (;;)
    {
      guint8 buffer[65536];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int errsv = errno;

          close (fd);
          cp_file_set_io_error (error, errsv, FALSE, path);
          return NULL;
        }
      if (n == 0)
        break;
      if (bytes->len + (gsize) n > max_bytes)
        {
          g_autofree char *display = g_filename_display_name (path);

          close (fd);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("“%s” is larger than %u MB, the most Coachplan reads here"), display,
                       (guint) (max_bytes / (1024 * 1024)));
          return NULL;
        }
      g_byte_array_append (bytes, buffer, n);
    }
  close (fd);

  if (length != NULL)
    *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);

  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/**
 * cp_file_write:
 *
 * Writes a file whole or not at all. A new one is written in place, made
 * with O_EXCL so that nothing there is followed; one that exists — or a
 * link — is replaced through a copy renamed over it, durably.
 */
gboolean
cp_file_write (const char  *path,
               const char  *contents,
               gsize        length,
               GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  gsize done = 0;
  int errsv = 0;

  if (fd < 0 && errno == EEXIST)
    {
      g_autoptr(GError) local = NULL;
      GStatBuf st;

      if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
        {
          set_not_regular (error, path, st.st_mode);
          return FALSE;
        }
      if (g_file_set_contents_full (path, contents, length,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
        return TRUE;
      /* GLib names the temporary file; the user knows the one asked for. */
      cp_file_set_io_error (error, local->code == G_FILE_ERROR_NOSPC ? ENOSPC
                                 : local->code == G_FILE_ERROR_ACCES ? EACCES
                                 : local->code == G_FILE_ERROR_ROFS ? EROFS
                                 : local->code == G_FILE_ERROR_NAMETOOLONG ? ENAMETOOLONG
                                 : local->code == G_FILE_ERROR_PERM ? EPERM : EIO,
                            TRUE, path);
      return FALSE;
    }
  if (fd < 0)
    {
      cp_file_set_io_error (error, errno, TRUE, path);
      return FALSE;
    }

  while (done < length)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          errsv = n < 0 ? errno : ENOSPC;
          break;
        }
      done += n;
    }

  if (done == length)
    {
      if (close (fd) == 0)
        return TRUE;
      errsv = errno;
    }
  else
    close (fd);

  /* Not whole: nothing. */
  g_unlink (path);
  cp_file_set_io_error (error, errsv, TRUE, path);

  return FALSE;
}
