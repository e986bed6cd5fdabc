/* cp-preferences-window.c — database, backups, editor and plan settings
 *
 * Every setting is a GSettings key; the window only shows and changes
 * them. Backups are listed from the folder beside the database, and
 * restoring one reopens the main window on the restored data.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-application.h"
#include "cp-identity.h"
#include "cp-preferences-window.h"
#include "cp-store.h"
#include "cp-template.h"
#include "cp-ui-util.h"

struct _CpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  CpWindow             *parent;
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  char                 *restoring;   /* the backup about to be restored */

  AdwEntryRow          *name_row;
  AdwEntryRow          *email_row;
  AdwActionRow         *database_row;
  AdwActionRow         *calendar_row;
  GtkWidget            *default_database_button;
  GtkSpinButton        *keep_spin;
  GtkListBox           *backup_list;
  GtkFontButton        *font_button;
  GtkSwitch            *below_switch;
  GtkSpinButton        *delay_spin;
  AdwComboRow          *template_row;
};

G_DEFINE_FINAL_TYPE (CpPreferencesWindow, cp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static CpStore *
get_store (CpPreferencesWindow *self)
{
  return self->parent ? cp_window_get_store (self->parent) : NULL;
}

static CpApplication *
get_application (CpPreferencesWindow *self)
{
  return CP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self->parent)));
}

static void
toast (CpPreferencesWindow *self,
       const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/* "Saturday 21 November 2026, 09:00", in the user's language. */
static char *
backup_title (const char *path)
{
  g_autoptr(GDateTime) made = cp_backup_get_time (path);

  if (made == NULL)
    return g_path_get_basename (path);

  /* Translators: when a backup was made; see g_date_time_format() for the codes. */
  return g_date_time_format (made, _("%A %-d %B %Y, %H:%M"));
}

static void
fill_backups (CpPreferencesWindow *self)
{
  CpStore *store = get_store (self);
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->backup_list))) != NULL)
    gtk_list_box_remove (self->backup_list, child);

  if (store == NULL)
    return;

  folder = cp_store_dup_backup_folder (store);
  backups = cp_store_list_backups (folder);
  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autofree char *title = backup_title (path);
      g_autofree char *size = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
      GStatBuf st;

      if (g_stat (path, &st) == 0)
        size = g_format_size (st.st_size);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size ? size : "");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Put the database back as it was then"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.restore");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", path);
      gtk_widget_set_sensitive (button, !cp_store_get_read_only (store));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->backup_list, row);
    }
}

static void
update_database_row (CpPreferencesWindow *self)
{
  CpStore *store = get_store (self);
  g_autofree char *configured = NULL;

  adw_action_row_set_subtitle (self->database_row, store ? cp_store_get_path (store) : "");
  configured = g_settings_get_string (self->settings, "database-path");
  gtk_widget_set_visible (self->default_database_button, *configured != '\0');
}

static void
back_up_now_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CpPreferencesWindow *self = CP_PREFERENCES_WINDOW (widget);
  CpStore *store = get_store (self);
  g_autofree char *folder = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  folder = cp_store_dup_backup_folder (store);
  if (!cp_store_flush (store, &error) ||
      !cp_store_back_up_now (store, folder, g_settings_get_int (self->settings, "backups-to-keep"),
                             now, &error))
    {
      toast (self, error->message);
      return;
    }

  fill_backups (self);
  toast (self, _("Backed up"));
}

typedef gboolean (*ReplaceFunc) (CpApplication  *app,
                                 GtkWindow      *window,
                                 const char     *path,
                                 GError        **error);

/* Restoring a backup or opening another database replaces the main
 * window, which this one must not outlive: it closes first, and a failure
 * is told in the main window, which then stays.
 */
static void
replace_database (CpPreferencesWindow *self,
                  const char          *path,
                  ReplaceFunc          replace)
{
  g_autoptr(CpWindow) parent = g_object_ref (self->parent);
  g_autoptr(CpApplication) app = g_object_ref (get_application (self));
  g_autoptr(GError) error = NULL;

  /* Let go of the parent now: a window keeps it until it is finalized. */
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));

  if (!replace (app, GTK_WINDOW (parent), path, &error))
    cp_window_add_toast (parent, adw_toast_new (error->message));
}

/* Runs once the confirmation has gone, since the main window goes. */
static gboolean
restore_idle_cb (gpointer data)
{
  CpPreferencesWindow *self = data;
  g_autofree char *path = g_steal_pointer (&self->restoring);

  if (self->parent != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    replace_database (self, path, cp_application_restore_backup);

  return G_SOURCE_REMOVE;
}

static void
restore_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     CpPreferencesWindow *self)
{
  if (g_strcmp0 (response, "restore") != 0 || self->restoring != NULL)
    return;

  self->restoring = g_strdup (g_object_get_data (G_OBJECT (dialog), "backup"));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_idle_cb, g_object_ref (self), g_object_unref);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CpPreferencesWindow *self = CP_PREFERENCES_WINDOW (widget);
  const char *path = g_variant_get_string (param, NULL);
  g_autofree char *when = backup_title (path);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Every engagement goes back to how it was on %s. The database "
                                    "as it is now is kept beside it, so nothing is lost."),
                                  when);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
use_database (CpPreferencesWindow *self,
              const char          *path)
{
  replace_database (self, path, cp_application_use_database);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     CpPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    use_database (self, path);
}

static void
choose_database_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CpPreferencesWindow *self = CP_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Coachplan databases"));
  gtk_file_filter_add_suffix (filter, "db");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Use Another Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Use"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
update_calendar_row (CpPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "calendar-file");
  gboolean on = path != NULL && *path != '\0';

  adw_action_row_set_subtitle (self->calendar_row, on ? path : _("Not kept"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.calendar-off", on);
}

static void
calendar_chosen_cb (GtkNativeDialog     *chooser,
                    int                  response,
                    CpPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if ((path = cp_ui_path_with_suffix (file, ".ics")) != NULL)
    g_settings_set_string (self->settings, "calendar-file", path);
}

static void
choose_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CpPreferencesWindow *self = CP_PREFERENCES_WINDOW (widget);

  g_clear_object (&self->chooser);
  self->chooser = cp_ui_calendar_chooser (GTK_WINDOW (self), _("Keep a Calendar File"),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Keep"), "coachplan.ics");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (calendar_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
calendar_off_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CpPreferencesWindow *self = CP_PREFERENCES_WINDOW (widget);

  g_settings_set_string (self->settings, "calendar-file", "");
}

static void
default_database_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  use_database (CP_PREFERENCES_WINDOW (widget), NULL);
}

static void
template_selected_cb (CpPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);
  g_autoptr(CpTemplate) template = g_list_model_get_item (cp_template_get_all (), selected);

  if (template != NULL)
    g_settings_set_string (self->settings, "default-template", cp_template_get_id (template));
}

static void
setup_templates (CpPreferencesWindow *self)
{
  GListModel *all = cp_template_get_all ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *preferred = g_settings_get_string (self->settings, "default-template");

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CpTemplate) template = g_list_model_get_item (all, i);

      gtk_string_list_append (names, cp_template_get_name (template));
    }

  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CpTemplate) template = g_list_model_get_item (all, i);

      if (g_strcmp0 (cp_template_get_id (template), preferred) == 0)
        adw_combo_row_set_selected (self->template_row, i);
    }

  g_signal_connect_object (self->template_row, "notify::selected",
                           G_CALLBACK (template_selected_cb), self, G_CONNECT_SWAPPED);
}

static void
cp_preferences_window_dispose (GObject *object)
{
  CpPreferencesWindow *self = (CpPreferencesWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->parent);
  g_clear_pointer (&self->restoring, g_free);

  G_OBJECT_CLASS (cp_preferences_window_parent_class)->dispose (object);
}

static void
cp_preferences_window_class_init (CpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/cp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, default_database_button);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, backup_list);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, font_button);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, below_switch);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, delay_spin);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, template_row);

  gtk_widget_class_install_action (widget_class, "prefs.back-up-now", NULL, back_up_now_action);
  gtk_widget_class_install_action (widget_class, "prefs.restore", "s", restore_action);
  gtk_widget_class_install_action (widget_class, "prefs.choose-database", NULL, choose_database_action);
  gtk_widget_class_install_action (widget_class, "prefs.choose-calendar", NULL, choose_calendar_action);
  gtk_widget_class_install_action (widget_class, "prefs.calendar-off", NULL, calendar_off_action);
  gtk_widget_class_install_action (widget_class, "prefs.default-database", NULL,
                                   default_database_action);
}

static void
cp_preferences_window_init (CpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Keeps the name and address as typed, once they read as a person's;
 * otherwise the row says what is wrong and nothing is kept.
 */
static void
identity_applied_cb (CpPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (cp_ui_set_identity (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->email_row)), &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
      return;
    }

  /* The name is what is wrong, or else the address. */
  gtk_widget_add_css_class (GTK_WIDGET (cp_identity_check (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                                           NULL, NULL)
                                        ? self->email_row : self->name_row),
                            "error");
  toast (self, error->message);
}

static void
fill_identity (CpPreferencesWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  cp_ui_dup_identity (&name, &email);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email ? email : "");
  g_signal_connect_swapped (self->name_row, "apply", G_CALLBACK (identity_applied_cb), self);
  g_signal_connect_swapped (self->email_row, "apply", G_CALLBACK (identity_applied_cb), self);
}

/**
 * cp_preferences_window_new:
 * @parent: the main window, whose database the backups are of
 *
 * Returns: (transfer floating): the preferences, transient for @parent;
 *   %NULL when the settings schema is not installed
 */
CpPreferencesWindow *
cp_preferences_window_new (CpWindow *parent)
{
  CpPreferencesWindow *self;
  g_autoptr(GSettings) settings = cp_ui_settings_new ();
  CpStore *store;

  g_return_val_if_fail (CP_IS_WINDOW (parent), NULL);

  if (settings == NULL)
    return NULL;

  self = g_object_new (CP_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->settings = g_steal_pointer (&settings);
  store = get_store (self);

  g_settings_bind (self->settings, "backups-to-keep", self->keep_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "editor-font", self->font_button, "font", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "preview-below", self->below_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autosave-delay", self->delay_spin, "value", G_SETTINGS_BIND_DEFAULT);
  setup_templates (self);
  fill_identity (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.back-up-now",
                                 store != NULL && !cp_store_get_read_only (store));
  update_database_row (self);
  g_signal_connect_object (self->settings, "changed::calendar-file", G_CALLBACK (update_calendar_row), self,
                           G_CONNECT_SWAPPED);
  update_calendar_row (self);
  fill_backups (self);

  return self;
}
