/* cp-application.c — start-up, the command line and app-wide actions
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-application.h"
#include "cp-identity.h"
#include "cp-cli.h"
#include "cp-first-frame.h"
#include "cp-preferences-window.h"
#include "cp-report.h"
#include "cp-store.h"
#include "cp-ui-util.h"
#include "cp-window.h"
#include "cp-window-calendar.h"

struct _CpApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *database;
  char          **links;     /* coachplan: links to open once the window shows */
};

G_DEFINE_FINAL_TYPE (CpApplication, cp_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database file PATH"), N_("PATH") },
  { "list", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the engagements, one a line, tab-separated, and exit"), NULL },
  { "new", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Create an engagement called TITLE, print its number and exit"), N_("TITLE") },
  { "approach", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --new: done-to-you, do-it-yourself or coached"), N_("APPROACH") },
  { "export-notes", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the notes of engagement ID as Markdown files into --output, and exit"), N_("ID") },
  { "import-notes", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Import Markdown files or folders as notes of engagement ID, and exit"), N_("ID") },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the whole engagement ID as a folder of Markdown files into --output, and exit"),
    N_("ID") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the engagement in the folder DIR as a new one, and exit"), N_("DIR") },
  { "export-calendar", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the sessions and actions of engagement ID, or of all, as an iCalendar file to --output, and exit"),
    N_("ID") },
  { "import-calendar", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Import an iCalendar file's events as sessions of engagement ID (all: each of Coachplan's into its own), "
       "and exit"), N_("ID") },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the progress report of engagement ID to --output (.md, .html or .pdf), and exit"), N_("ID") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy the whole database to FILE, and exit"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the database with the backup FILE, keeping it as it was beside it, and exit"),
    N_("FILE") },
  { "share", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Share engagement ID through the git repository --repository, and exit"), N_("ID") },
  { "repository", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --share: a folder, a bare repository or a URL (file, ssh, https, git)"), N_("LOCATION") },
  { "audience", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --share: team (everything), client or sponsor (their notes only); with --report: team "
       "(adds the people) or sponsor"), N_("AUDIENCE") },
  { "clone", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Add the engagements shared in the repository LOCATION, print their numbers and exit"),
    N_("LOCATION") },
  { "new-sample", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Add the sample engagement, print its number and exit"), NULL },
  { "summary", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print where engagement ID stands and what needs the sponsor, and exit"), N_("ID") },
  { "sync", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Bring the shared engagement ID in step with its repository, and exit"), N_("ID") },
  { "prefer", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --sync: settle conflicts with mine or theirs"), N_("SIDE") },
  { "sign-off", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Record your review of a phase of engagement ID, as yourself, today, and exit"), N_("ID") },
  { "phase", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --sign-off: the cycle and the phase, such as 1.2"), N_("CYCLE.PHASE") },
  { "decision", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --sign-off: approved or changes-requested"), N_("DECISION") },
  { "comment", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --sign-off: your comments"), N_("TEXT") },
  { "author", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Record what you do as NAME <EMAIL>, now and in later runs"), N_("\"NAME <EMAIL>\"") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The folder or file to export into"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[PATH…]") },
  { NULL }
};

static char *
dup_database_path (CpApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *configured = NULL;

  if (self->database != NULL)
    return g_strdup (self->database);

  settings = self->settings ? g_object_ref (self->settings) : cp_ui_settings_new ();
  if (settings != NULL)
    configured = g_settings_get_string (settings, "database-path");

  if (configured != NULL && *configured != '\0')
    return g_steal_pointer (&configured);

  return cp_store_dup_default_path ();
}

static gboolean
all_links (char **arguments)
{
  for (guint i = 0; arguments[i] != NULL; i++)
    if (!g_str_has_prefix (arguments[i], "coachplan:"))
      return FALSE;

  return TRUE;
}

/* Gives the links to the Coachplan already running, or keeps them to open
 * once this one's window shows.
 */
static int
open_links (CpApplication  *self,
            char          **links)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; links[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_uri (links[i]));

  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("coachplan: %s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (G_APPLICATION (self)))
    {
      g_application_open (G_APPLICATION (self), (GFile **) files->pdata, files->len, "");
      return 0;
    }

  g_strfreev (self->links);
  self->links = g_strdupv (links);
  return -1;
}

static int
cp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CpApplication *self = CP_APPLICATION (app);
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *restore = NULL;
  g_autofree char *import = NULL;
  g_auto(GStrv) remaining = NULL;
  const char *export = NULL;
  const char *new_title = NULL;
  const char *approach = NULL;
  const char *export_notes = NULL;
  const char *import_notes = NULL;
  const char *report = NULL;
  const char *author = NULL;
  const char *share = NULL;
  const char *repository = NULL;
  const char *audience = NULL;
  const char *clone = NULL;
  const char *sign_off = NULL;
  const char *phase = NULL;
  const char *decision = NULL;
  const char *comment = NULL;
  const char *sync = NULL;
  const char *prefer = NULL;
  const char *summary = NULL;
  const char *export_calendar = NULL;
  const char *import_calendar = NULL;
  gboolean new_sample = FALSE;
  gboolean list = FALSE;
  gboolean verb;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "database", "^ay", &self->database);
  g_variant_dict_lookup (options, "list", "b", &list);
  g_variant_dict_lookup (options, "new", "&s", &new_title);
  g_variant_dict_lookup (options, "approach", "&s", &approach);
  g_variant_dict_lookup (options, "export-notes", "&s", &export_notes);
  g_variant_dict_lookup (options, "import-notes", "&s", &import_notes);
  g_variant_dict_lookup (options, "report", "&s", &report);
  g_variant_dict_lookup (options, "author", "&s", &author);
  g_variant_dict_lookup (options, "share", "&s", &share);
  g_variant_dict_lookup (options, "repository", "&s", &repository);
  g_variant_dict_lookup (options, "audience", "&s", &audience);
  g_variant_dict_lookup (options, "clone", "&s", &clone);
  g_variant_dict_lookup (options, "sign-off", "&s", &sign_off);
  g_variant_dict_lookup (options, "sync", "&s", &sync);
  g_variant_dict_lookup (options, "summary", "&s", &summary);
  g_variant_dict_lookup (options, "new-sample", "b", &new_sample);
  g_variant_dict_lookup (options, "prefer", "&s", &prefer);
  g_variant_dict_lookup (options, "phase", "&s", &phase);
  g_variant_dict_lookup (options, "decision", "&s", &decision);
  g_variant_dict_lookup (options, "comment", "&s", &comment);
  g_variant_dict_lookup (options, "export", "&s", &export);
  g_variant_dict_lookup (options, "import", "^ay", &import);
  g_variant_dict_lookup (options, "output", "^ay", &output);
  g_variant_dict_lookup (options, "backup", "^ay", &backup);
  g_variant_dict_lookup (options, "restore", "^ay", &restore);
  g_variant_dict_lookup (options, "export-calendar", "&s", &export_calendar);
  g_variant_dict_lookup (options, "import-calendar", "&s", &import_calendar);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &remaining);

  verb = list || new_title != NULL || export_notes != NULL || import_notes != NULL || report != NULL ||
         backup != NULL || restore != NULL || export != NULL || import != NULL || share != NULL ||
         clone != NULL || sign_off != NULL || sync != NULL || summary != NULL || new_sample ||
         export_calendar != NULL || import_calendar != NULL;

  /* coachplan: links, from a calendar or another program. */
  if (remaining != NULL && import_notes == NULL && import_calendar == NULL && !verb && all_links (remaining))
    return open_links (self, remaining);

  if (remaining != NULL && import_notes == NULL && import_calendar == NULL)
    {
      g_printerr ("%s\n", _("coachplan: files to import go with --import-notes or --import-calendar"));
      return 2;
    }

  if (approach != NULL && new_title == NULL)
    {
      g_printerr ("%s\n", _("coachplan: --approach goes with --new"));
      return 2;
    }

  /* Who is recorded, for this run and the next ones. */
  if (author != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;
      g_autofree char *who = NULL;

      if (!cp_identity_parse (author, &name, &email, &error) ||
          !cp_ui_set_identity (name, email, &error))
        {
          /* Translators: the command line's complaint about --author. */
          g_printerr (_("coachplan: --author: %s\n"), error->message);
          return 2;
        }

      who = cp_identity_format (name, email);
      if (!verb)
        {
          /* Translators: said after --author; the name and address. */
          g_print (_("What you do is recorded as %s\n"), who);
          return 0;
        }
    }

  if ((repository != NULL && share == NULL) || (audience != NULL && share == NULL && report == NULL))
    {
      g_printerr ("%s\n", _("coachplan: --repository goes with --share, --audience with --share or --report"));
      return 2;
    }

  if (prefer != NULL && sync == NULL)
    {
      g_printerr ("%s\n", _("coachplan: --prefer goes with --sync"));
      return 2;
    }

  if ((phase != NULL || decision != NULL || comment != NULL) && sign_off == NULL)
    {
      g_printerr ("%s\n", _("coachplan: --phase, --decision and --comment go with --sign-off"));
      return 2;
    }

  if (!verb)
    return -1;

  path = dup_database_path (self);

  if (backup != NULL)
    return cp_cli_backup (path, backup);

  if (restore != NULL)
    return cp_cli_restore (path, restore);

  if (report != NULL)
    return cp_cli_report (path, report, output, audience);

  if (share != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;

      cp_ui_dup_identity (&name, &email);
      return cp_cli_share (path, share, repository, audience, name, email);
    }

  if (clone != NULL)
    return cp_cli_clone (path, clone);

  if (sync != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;

      cp_ui_dup_identity (&name, &email);
      return cp_cli_sync (path, sync, prefer, name, email);
    }

  if (sign_off != NULL)
    {
      g_autofree char *name = NULL;

      cp_ui_dup_identity (&name, NULL);
      return cp_cli_sign_off (path, sign_off, phase, decision, comment, name);
    }

  if (export != NULL)
    return cp_cli_export (path, export, output);

  if (import != NULL)
    return cp_cli_import (path, import);

  if (export_calendar != NULL)
    return cp_cli_export_calendar (path, export_calendar, output);

  if (import_calendar != NULL)
    return cp_cli_import_calendar (path, import_calendar, (const char * const *) remaining);

  if (export_notes != NULL)
    return cp_cli_export_notes (path, export_notes, output);

  if (import_notes != NULL)
    return cp_cli_import_notes (path, import_notes, (const char * const *) remaining);

  if (new_title != NULL)
    return cp_cli_new (path, new_title, approach);

  if (new_sample)
    return cp_cli_new_sample (path);

  if (summary != NULL)
    return cp_cli_summary (path, summary);

  return cp_cli_list (path);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window lets it save its size and pending edits. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (l->data);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Coachplan authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Coachplan"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Coachplan authors"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan and run ITSM coaching engagements, "
                                      "and review their progress with the sponsor"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Coachplan authors",
                        /* Translators: your names, one a line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  CpPreferencesWindow *preferences;

  if (!CP_IS_WINDOW (window))
    return;

  if ((preferences = cp_preferences_window_new (CP_WINDOW (window))) == NULL)
    {
      g_warning ("The settings schema %s is not installed; there is nothing to set", APP_ID);
      return;
    }

  gtk_window_present (GTK_WINDOW (preferences));
}

/* A notification's click: what it is about, in the main window. */
static void
open_link_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  CpApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (CP_IS_WINDOW (window))
    cp_window_open_link (CP_WINDOW (window), g_variant_get_string (param, NULL));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "open-link", open_link_action, "s" },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
cp_application_startup (GApplication *app)
{
  CpApplication *self = CP_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (cp_application_parent_class)->startup (app);

  self->settings = cp_ui_settings_new ();
  if (self->settings == NULL)
    g_warning ("The settings schema %s is not installed; window state will not be kept", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
}

/* At most daily, after the window is up: a backup beside the database. */
static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static gboolean
rotate_backups_cb (gpointer data)
{
  g_autoptr(GObject) window = g_weak_ref_get (data);
  CpStore *store = window ? cp_window_get_store (CP_WINDOW (window)) : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  int keep;

  /* Only while the window that opened the database is still open. */
  if (store == NULL)
    return G_SOURCE_REMOVE;

  settings = cp_ui_settings_new ();
  now = g_date_time_new_now_local ();
  folder = cp_store_dup_backup_folder (store);
  keep = settings ? g_settings_get_int (settings, "backups-to-keep") : 7;

  if (!cp_store_rotate_backups (store, folder, MAX (keep, 1), now, NULL, &error))
    g_warning ("%s", error->message);

  return G_SOURCE_REMOVE;
}

/* Opens the database again in a new window, then closes @old: every
 * object read before a restore, or from another database, is stale.
 */
static GtkWindow *
reopen (CpApplication *self,
        GtkWindow     *old)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autofree char *path = dup_database_path (self);
  GtkWindow *window;

  store = cp_store_open (path, &error);
  window = GTK_WINDOW (cp_window_new (self, store, error));
  gtk_window_present (window);

  /* Its close saves its size and flushes what it holds: nothing, now. */
  if (old != NULL)
    gtk_window_close (old);

  return window;
}

/**
 * cp_application_restore_backup:
 * @window: the main window, whose database is restored
 *
 * Restores @backup into the database of @window, keeping the database as
 * it was beside it, and shows the restored data in a new main window.
 */
gboolean
cp_application_restore_backup (CpApplication  *self,
                               GtkWindow      *window,
                               const char     *backup,
                               GError        **error)
{
  CpStore *store;
  g_autofree char *kept = NULL;
  g_autofree char *kept_name = NULL;
  g_autofree char *message = NULL;
  GtkWindow *reopened;

  g_return_val_if_fail (CP_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (CP_IS_WINDOW (window), FALSE);

  store = cp_window_get_store (CP_WINDOW (window));
  if (store == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                           _("No database is open to restore into"));
      return FALSE;
    }

  if (!cp_store_flush (store, error) || !cp_store_restore (store, backup, &kept, error))
    return FALSE;

  reopened = reopen (self, window);
  kept_name = g_path_get_basename (kept);
  /* Translators: the file the database was kept in before the restore. */
  message = g_strdup_printf (_("Backup restored; the database as it was is kept as “%s”"), kept_name);
  cp_window_add_toast (CP_WINDOW (reopened), adw_toast_new (message));

  return TRUE;
}

/**
 * cp_application_use_database:
 * @path: (nullable): a database file, or %NULL for the default one
 *
 * Opens @path — refusing it, with nothing changed, if it cannot be
 * used — makes it the one Coachplan opens, and shows it in a new main
 * window.
 */
gboolean
cp_application_use_database (CpApplication  *self,
                             GtkWindow      *window,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(CpStore) checked = NULL;
  g_autoptr(GSettings) settings = NULL;

  g_return_val_if_fail (CP_IS_APPLICATION (self), FALSE);

  if (path != NULL && !(checked = cp_store_open (path, error)))
    return FALSE;
  g_clear_object (&checked);

  settings = self->settings ? g_object_ref (self->settings) : cp_ui_settings_new ();
  if (settings != NULL)
    g_settings_set_string (settings, "database-path", path ? path : "");

  /* A database given on the command line gives way to the choice. */
  g_clear_pointer (&self->database, g_free);
  self->database = path ? g_strdup (path) : NULL;

  reopen (self, window);

  return TRUE;
}

static void
open_pending_links (CpApplication *self,
                    GtkWindow     *window)
{
  g_auto(GStrv) links = g_steal_pointer (&self->links);

  for (guint i = 0; links != NULL && links[i] != NULL && CP_IS_WINDOW (window); i++)
    cp_window_open_link (CP_WINDOW (window), links[i]);
}

static void
cp_application_activate (GApplication *app)
{
  CpApplication *self = CP_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      open_pending_links (self, window);
      return;
    }

  path = dup_database_path (self);
  store = cp_store_open (path, &error);

  window = GTK_WINDOW (cp_window_new (self, store, error));
  /* For build-aux/bench. */
  if (g_getenv ("COACHPLAN_BENCH_FIRST_FRAME") != NULL)
    cp_first_frame_report (window);
  gtk_window_present (window);

  if (store != NULL && !cp_store_get_read_only (store))
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, window);
      g_timeout_add_seconds_full (G_PRIORITY_LOW, 2, rotate_backups_cb, ref,
                                  (GDestroyNotify) weak_ref_free);
    }
  open_pending_links (self, window);
}

/* Links given to this Coachplan, or sent by another one started with
 * them: each is shown in the main window.
 */
static void
cp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CpApplication *self = CP_APPLICATION (app);
  g_autoptr(GStrvBuilder) links = g_strv_builder_new ();

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);

      g_strv_builder_add (links, uri);
    }
  g_strfreev (self->links);
  self->links = g_strv_builder_end (links);

  g_application_activate (app);
}

static void
cp_application_dispose (GObject *object)
{
  CpApplication *self = (CpApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cp_application_parent_class)->dispose (object);
}

static void
cp_application_finalize (GObject *object)
{
  CpApplication *self = (CpApplication *)object;

  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->links, g_strfreev);

  G_OBJECT_CLASS (cp_application_parent_class)->finalize (object);
}

static void
cp_application_class_init (CpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cp_application_dispose;
  object_class->finalize = cp_application_finalize;

  app_class->handle_local_options = cp_application_handle_local_options;
  app_class->startup = cp_application_startup;
  app_class->activate = cp_application_activate;
  app_class->open = cp_application_open;
}

static void
cp_application_init (CpApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan and run ITSM coaching engagements."));
}

CpApplication *
cp_application_new (GApplicationFlags flags)
{
  return g_object_new (CP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PATH,
                       "flags", flags,
                       NULL);
}

/**
 * cp_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the app's settings, or %NULL when
 *   the schema is not installed
 */
GSettings *
cp_application_get_settings (CpApplication *self)
{
  g_return_val_if_fail (CP_IS_APPLICATION (self), NULL);

  return self->settings;
}
