/* cp-cli-calendar.c — --export-calendar and --import-calendar
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-calendar.h"
#include "cp-cli.h"
#include "cp-engagement.h"
#include "cp-file.h"

/* "all" (0) or an engagement's number; the store opened. */
static CpStore *
open_scope (const char *database,
            const char *id_text,
            gint64     *id,
            int        *status)
{
  g_autoptr(CpEngagement) engagement = NULL;
  CpStore *store = NULL;

  if (g_strcmp0 (id_text, "all") == 0)
    {
      *id = 0;
      if (!(store = _cp_cli_open_store (database)))
        *status = 1;
      return store;
    }

  if (!(engagement = _cp_cli_lookup_engagement (database, id_text, &store, status)))
    return NULL;
  *id = cp_engagement_get_id (engagement);

  return store;
}

/* --export-calendar=ID|all --output=FILE.ics */
int
cp_cli_export_calendar (const char *database,
                        const char *engagement_id,
                        const char *output)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id = 0;
  int status = 0;

  if (output == NULL)
    {
      g_printerr ("%s\n", _("coachplan: --export-calendar needs --output=FILE.ics"));
      return 2;
    }

  if (!(store = open_scope (database, engagement_id, &id, &status)))
    return status;

  if (!(text = cp_store_export_calendar (store, id, &error)) ||
      !cp_file_write (output, text, strlen (text), &error))
    {
      g_printerr ("coachplan: %s\n", error->message);
      return 1;
    }

  g_print (_("Wrote the calendar to %s\n"), output);

  return 0;
}

/* --import-calendar=ID|all FILE.ics */
int
cp_cli_import_calendar (const char         *database,
                        const char         *engagement_id,
                        const char * const *paths)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CpCalendarImport done = { 0 };
  gsize length = 0;
  gint64 id = 0;
  int status = 0;

  if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
    {
      g_printerr ("%s\n", _("coachplan: --import-calendar needs one FILE.ics"));
      return 2;
    }

  if (!(store = open_scope (database, engagement_id, &id, &status)))
    return status;

  if (!(text = cp_file_read (paths[0], CP_CALENDAR_MAX_BYTES + 1, 0, &length, &error)) ||
      !cp_store_import_calendar (store, id, text, length, &done, &error))
    {
      g_autofree char *display = g_filename_display_name (paths[0]);

      g_printerr ("coachplan: %s: %s\n", display, error->message);
      return 1;
    }

  /* Translators: what a calendar import did, as counts. */
  g_print (_("Sessions and actions: %u added, %u updated, %u unchanged; %u people added; %u skipped\n"),
           done.added, done.updated, done.unchanged, done.people_added, done.skipped);
  if (done.capped > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u recurring event had more occurrences than %d; the rest were left out\n",
                          "%u recurring events had more occurrences than %d; the rest were left out\n",
                          done.capped),
             done.capped, CP_CALENDAR_MAX_OCCURRENCES);

  return 0;
}
