/* cp-cli.c — the command-line verbs, which need no display
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-cli.h"
#include "cp-cycle.h"
#include "cp-phase.h"
#include "cp-sign-off.h"
#include "cp-engagement.h"
#include "cp-engagement-io.h"
#include "cp-notes-io.h"
#include "cp-report.h"
#include "cp-share.h"
#include "cp-summary.h"
#include "cp-store.h"

/* Exit statuses: 0 done, 1 the database or the data refused, 2 usage. */

CpStore *
_cp_cli_open_store (const char *database)
{
  g_autoptr(GError) error = NULL;
  CpStore *store = cp_store_open (database, &error);

  if (store == NULL)
    g_printerr ("coachplan: %s\n", error->message);

  return store;
}

/* A field printed in a tab-separated line must not add columns or lines. */
static char *
field (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  for (char *p = copy; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';

  return copy;
}

int
cp_cli_list (const char *database)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = _cp_cli_open_store (database)))
    return 1;

  ids = cp_store_find_engagements (store, NULL, CP_STATUS_ANY, &error);
  if (ids == NULL)
    {
      g_printerr ("coachplan: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CpEngagement) engagement = NULL;
      g_autofree char *title = NULL;
      g_autofree char *client = NULL;

      engagement = cp_store_get_engagement (store, g_array_index (ids, gint64, i), &error);
      if (engagement == NULL)
        {
          g_printerr ("coachplan: %s\n", error->message);
          return 1;
        }

      title = field (cp_engagement_get_title (engagement));
      client = field (cp_engagement_get_client (engagement));
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
               cp_engagement_get_id (engagement), title, client,
               cp_approach_to_string (cp_engagement_get_approach (engagement)),
               cp_status_to_string (cp_engagement_get_status (engagement)));
    }

  return 0;
}

int
cp_cli_new (const char *database,
            const char *title,
            const char *approach_name)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  CpApproach approach = CP_APPROACH_UNDECIDED;

  if (approach_name != NULL &&
      (!cp_approach_from_string (approach_name, &approach) ||
       approach == CP_APPROACH_UNDECIDED))
    {
      g_printerr (_("coachplan: unknown approach “%s”; use done-to-you, do-it-yourself or coached\n"),
                  approach_name);
      return 2;
    }

  stripped = g_strstrip (g_strdup (title));
  if (*stripped == '\0')
    {
      g_printerr ("%s\n", _("coachplan: the title of a new engagement must not be empty"));
      return 2;
    }

  if (!(store = _cp_cli_open_store (database)))
    return 1;

  engagement = cp_store_create_engagement (store, stripped, approach, &error);
  if (engagement == NULL)
    {
      g_printerr ("coachplan: %s\n", error->message);
      return 1;
    }

  g_print ("%" G_GINT64_FORMAT "\n", cp_engagement_get_id (engagement));

  return 0;
}

/* Opens the store and finds the engagement an option names. */
CpEngagement *
_cp_cli_lookup_engagement (const char  *database,
                           const char  *id_text,
                           CpStore    **store_out,
                           int         *status)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CpEngagement *engagement;
  gint64 id;

  if (!g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr (_("coachplan: “%s” is not an engagement number; see --list\n"), id_text);
      *status = 2;
      return NULL;
    }

  if (!(store = _cp_cli_open_store (database)))
    {
      *status = 1;
      return NULL;
    }

  if (!(engagement = cp_store_get_engagement (store, id, &error)))
    {
      g_printerr ("coachplan: %s\n", error->message);
      *status = 1;
      return NULL;
    }

  *store_out = g_steal_pointer (&store);

  return engagement;
}

int
cp_cli_export_notes (const char *database,
                     const char *engagement_id,
                     const char *folder)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;
  guint written = 0;
  int status = 0;

  if (folder == NULL)
    {
      g_printerr ("%s\n", _("coachplan: --export-notes needs --output=FOLDER"));
      return 2;
    }

  if (!(engagement = _cp_cli_lookup_engagement (database, engagement_id, &store, &status)))
    return status;

  if (!cp_notes_export (engagement, folder, CP_NOTES_EXPORT_DEFAULT, NULL, NULL, NULL,
                        &written, &error))
    {
      g_printerr ("coachplan: %s\n", error->message);
      return 1;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u note to %s\n",
                        "Exported %u notes to %s\n", written),
           written, folder);

  return 0;
}

int
cp_cli_import_notes (const char         *database,
                     const char         *engagement_id,
                     const char * const *paths)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;
  guint imported = 0;
  int status = 0;

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr ("%s\n", _("coachplan: --import-notes needs files or folders to import"));
      return 2;
    }

  if (!(engagement = _cp_cli_lookup_engagement (database, engagement_id, &store, &status)))
    return status;

  if (!cp_notes_import (engagement, paths, &imported, &error))
    {
      g_printerr (_("coachplan: nothing was imported: %s\n"), error->message);
      return 1;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u note into “%s”\n",
                        "Imported %u notes into “%s”\n", imported),
           imported, cp_engagement_get_title (engagement));

  return 0;
}

int
cp_cli_export (const char *database,
               const char *engagement_id,
               const char *folder)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (folder == NULL)
    {
      g_printerr ("%s\n", _("coachplan: --export needs --output=FOLDER"));
      return 2;
    }

  if (!(engagement = _cp_cli_lookup_engagement (database, engagement_id, &store, &status)))
    return status;

  if (!cp_engagement_export (engagement, folder, NULL, &error))
    {
      g_printerr ("coachplan: %s\n", error->message);
      return 1;
    }

  g_print (_("Exported “%s” to %s\n"), cp_engagement_get_title (engagement), folder);

  return 0;
}

int
cp_cli_import (const char *database,
               const char *folder)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!(store = cp_store_open (database, &error)))
    {
      g_printerr ("coachplan: %s\n", error->message);
      return 1;
    }

  if (!(id = cp_store_import_engagement (store, folder, &error)))
    {
      g_printerr (_("coachplan: nothing was imported: %s\n"), error->message);
      return 1;
    }

  g_print ("%" G_GINT64_FORMAT "\n", id);

  return 0;
}

int
cp_cli_backup (const char *database,
               const char *output)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (database, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("coachplan: there is no database at “%s” to back up\n"), database);
      return 1;
    }

  if (!(store = _cp_cli_open_store (database)))
    return 1;

  if (!cp_store_backup (store, output, &error))
    {
      g_printerr ("coachplan: %s\n", error->message);
      return 1;
    }

  g_print (_("Backed up %s to %s\n"), database, output);

  return 0;
}

int
cp_cli_restore (const char *database,
                const char *backup)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (!(store = _cp_cli_open_store (database)))
    return 1;

  if (!cp_store_restore (store, backup, &kept, &error))
    {
      g_printerr ("coachplan: %s\n", error->message);
      return 1;
    }

  g_print (_("Restored %s; the database as it was is kept as %s\n"), backup, kept);

  return 0;
}

/**
 * cp_cli_report:
 * @output: the file to write; its extension (.md, .html or .pdf) picks the
 *   format
 * @audience_name: (nullable): "team" for the coaching team's report,
 *   which adds the people; the sponsor's report otherwise
 *
 * Returns: the exit status
 */
int
cp_cli_report (const char *database,
               const char *engagement_id,
               const char *output,
               const char *audience_name)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  CpAudience audience = CP_AUDIENCE_SPONSOR;
  int status = 0;

  if (output == NULL)
    {
      g_printerr ("%s\n", _("coachplan: --report needs --output=FILE, ending in .md, .html or .pdf"));
      return 2;
    }

  if (!cp_report_path_is_supported (output))
    {
      g_printerr (_("coachplan: “%s” must end in .md, .html or .pdf\n"), output);
      return 2;
    }

  if (audience_name != NULL && !cp_audience_from_string (audience_name, &audience))
    {
      g_printerr (_("coachplan: unknown audience “%s”; use team, client or sponsor\n"), audience_name);
      return 2;
    }

  if (!(engagement = _cp_cli_lookup_engagement (database, engagement_id, &store, &status)))
    return status;

  if (!cp_report_write (engagement, today, audience, output, &error))
    {
      g_printerr ("coachplan: %s\n", error->message);
      return 1;
    }

  g_print (_("Wrote the report of “%s” to %s\n"), cp_engagement_get_title (engagement), output);

  return 0;
}

/* What is recorded needs a name; says how to give it when there is none. */
static gboolean
knows_who (const char *name)
{
  if (name != NULL)
    return TRUE;

  g_printerr ("%s\n", _("coachplan: say who you are first, with --author=\"NAME <EMAIL>\""));

  return FALSE;
}

/* --share=ID --repository=LOCATION [--audience=A]: shares the engagement
 * as @name, the commit's author.
 */
int
cp_cli_share (const char *database,
              const char *engagement_id,
              const char *location,
              const char *audience_name,
              const char *name,
              const char *email)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;
  CpAudience audience = CP_AUDIENCE_TEAM;
  int status = 0;

  if (location == NULL)
    {
      g_printerr ("%s\n", _("coachplan: --share needs --repository=LOCATION"));
      return 2;
    }

  if (audience_name != NULL && !cp_audience_from_string (audience_name, &audience))
    {
      g_printerr (_("coachplan: unknown audience “%s”; use team, client or sponsor\n"), audience_name);
      return 2;
    }

  if (!knows_who (name))
    return 2;

  if (!(engagement = _cp_cli_lookup_engagement (database, engagement_id, &store, &status)))
    return status;

  if (!cp_share_engagement (engagement, location, audience, name, email, &error))
    {
      g_printerr (_("coachplan: nothing was shared: %s\n"), error->message);
      return 1;
    }

  /* Translators: the engagement, then who it is shared with (team,
   * client or sponsor), then where.
   */
  g_print (_("Shared “%s” with the %s in %s\n"), cp_engagement_get_title (engagement),
           cp_audience_to_string (audience), location);

  return 0;
}

/* --new-sample: adds the sample engagement and prints its number. */
int
cp_cli_new_sample (const char *database)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = _cp_cli_open_store (database)))
    return 1;

  if (!(engagement = cp_store_load_sample (store, &error)))
    {
      g_printerr ("coachplan: %s\n", error->message);
      return 1;
    }

  g_print ("%" G_GINT64_FORMAT "\n", cp_engagement_get_id (engagement));

  return 0;
}

/* --summary=ID: where the engagement stands and what needs the sponsor,
 * as plain text.
 */
int
cp_cli_summary (const char *database,
                const char *engagement_id)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSummary) summary = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *text = NULL;
  int status = 0;

  if (!(engagement = _cp_cli_lookup_engagement (database, engagement_id, &store, &status)))
    return status;

  if (!(summary = cp_summary_new (engagement, today, &error)))
    {
      g_printerr ("coachplan: %s\n", error->message);
      return 1;
    }

  text = cp_summary_to_text (summary);
  g_print ("%s\n%s", cp_engagement_get_title (engagement), text);

  return 0;
}

/* --sync=ID [--prefer=mine|theirs]: brings the shared engagement in
 * step with its repository. Conflicts nobody settled are named, one a
 * line, and nothing here changes: exit status 1.
 */
int
cp_cli_sync (const char *database,
             const char *engagement_id,
             const char *prefer_name,
             const char *name,
             const char *email)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSyncResult) result = NULL;
  CpMergePrefer prefer = CP_MERGE_ASK;
  int status = 0;

  if (prefer_name != NULL)
    {
      if (g_str_equal (prefer_name, "mine"))
        prefer = CP_MERGE_MINE;
      else if (g_str_equal (prefer_name, "theirs"))
        prefer = CP_MERGE_THEIRS;
      else
        {
          g_printerr (_("coachplan: --prefer is mine or theirs, not “%s”\n"), prefer_name);
          return 2;
        }
    }

  if (!knows_who (name))
    return 2;

  if (!(engagement = _cp_cli_lookup_engagement (database, engagement_id, &store, &status)))
    return status;

  if (!(result = cp_share_sync (engagement, name, email, NULL, prefer, &error)))
    {
      g_printerr (_("coachplan: %s\n"), error->message);
      return 1;
    }

  if (result->state == CP_SHARE_CONFLICTS)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "coachplan: “%s” was not synced; nothing here changed. One conflict:\n",
                               "coachplan: “%s” was not synced; nothing here changed. %u conflicts:\n",
                               result->conflicts->len),
                  cp_engagement_get_title (engagement), result->conflicts->len);
      for (guint i = 0; i < result->conflicts->len; i++)
        {
          CpMergeConflict *c = g_ptr_array_index (result->conflicts, i);

          if (c->field != NULL)
            /* Translators: file, record, field, then the value here and the
             * value in the repository.
             */
            g_printerr (_("  %s, %s, %s: here “%s”, there “%s”\n"), c->file, c->record, c->field,
                        c->mine, c->theirs);
          else
            g_printerr (c->mine ? _("  %s, %s: changed here, removed there\n")
                                : _("  %s, %s: removed here, changed there\n"),
                        c->file, c->record);
        }
      g_printerr ("%s\n", _("Settle them with --prefer=mine or --prefer=theirs, or in the window."));
      return 1;
    }

  g_print (result->merged ? _("Synced “%s”; it took changes from the repository\n")
                          : _("Synced “%s”\n"),
           cp_engagement_get_title (engagement));

  return 0;
}

/* --clone=LOCATION: adds the repository's engagements, printing the
 * number of each here.
 */
int
cp_cli_clone (const char *database,
              const char *location)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  if (!(store = _cp_cli_open_store (database)))
    return 1;

  if (!(ids = cp_share_clone (store, location, &error)))
    {
      g_printerr (_("coachplan: nothing was added: %s\n"), error->message);
      return 1;
    }

  for (guint i = 0; i < ids->len; i++)
    g_print ("%" G_GINT64_FORMAT "\n", g_array_index (ids, gint64, i));

  return 0;
}

/* "C.P": cycle C's Pth phase, both counted from 1. */
static CpPhase *
find_phase (CpEngagement  *engagement,
            const char    *reference,
            GError       **error)
{
  g_auto(GStrv) parts = g_strsplit (reference, ".", -1);
  guint64 cycle_number, position;
  GListModel *cycles;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXUINT, &cycle_number, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT, &position, NULL))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("“%s” names no phase: write the cycle and the phase, such as 1.2"), reference);
      return NULL;
    }

  if (!(cycles = cp_engagement_get_cycles (engagement, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (cycles); i++)
    {
      g_autoptr(CpCycle) cycle = g_list_model_get_item (cycles, i);
      GListModel *phases;

      if (cp_cycle_get_number (cycle) != cycle_number)
        continue;
      if (!(phases = cp_cycle_get_phases (cycle, error)))
        return NULL;
      if (position <= g_list_model_get_n_items (phases))
        return g_list_model_get_item (phases, position - 1);
    }

  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
               _("The engagement has no phase %s"), reference);
  return NULL;
}

/* --sign-off=ID --phase=C.P --decision=D [--comment=TEXT]: the sponsor's
 * review of a phase, recorded today as the one at the keyboard.
 */
int
cp_cli_sign_off (const char *database,
                 const char *engagement_id,
                 const char *phase_reference,
                 const char *decision_name,
                 const char *comment,
                 const char *name)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpEngagement) engagement = NULL;
  g_autoptr(CpPhase) phase = NULL;
  g_autoptr(CpSignOff) sign_off = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  CpDecision decision;
  int status = 0;

  if (phase_reference == NULL || decision_name == NULL)
    {
      g_printerr ("%s\n", _("coachplan: --sign-off needs --phase=CYCLE.PHASE and --decision"));
      return 2;
    }

  if (!cp_decision_from_string (decision_name, &decision))
    {
      g_printerr (_("coachplan: unknown decision “%s”; use approved or changes-requested\n"),
                  decision_name);
      return 2;
    }

  if (!knows_who (name))
    return 2;

  if (!(engagement = _cp_cli_lookup_engagement (database, engagement_id, &store, &status)))
    return status;

  cp_store_set_author (store, name);
  if (!(phase = find_phase (engagement, phase_reference, &error)) ||
      !(sign_off = cp_phase_sign_off (phase, name, today, decision, comment, &error)))
    {
      g_printerr (_("coachplan: nothing was signed off: %s\n"), error->message);
      return 1;
    }

  /* Translators: the phase's number and name, the decision, and who
   * made it.
   */
  g_print (_("Phase %s “%s”: %s, by %s\n"), phase_reference, cp_phase_get_name (phase),
           decision == CP_DECISION_APPROVED ? _("Approved") : _("Changes requested"), name);

  return 0;
}
