/* cp-date-row.c — a row showing an optional date, picked from a calendar
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-date-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cp-date-row.h"
#include "cp-ui-util.h"

struct _CpDateRow
{
  AdwActionRow  parent_instance;

  char         *date;  /* YYYY-MM-DD or NULL */

  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkWidget     *clear_button;

  guint          updating : 1;
};

G_DEFINE_FINAL_TYPE (CpDateRow, cp_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
parse_date (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;

  return g_date_time_new_local (y, m, d, 12, 0, 0);
}

static void
update (CpDateRow *self)
{
  g_autoptr(GDateTime) when = parse_date (self->date);
  g_autofree char *label = cp_ui_format_date (self->date);
  g_autofree char *description = NULL;

  if (label == NULL)
    label = g_strdup (_("Not set"));
  gtk_menu_button_set_label (self->button, label);

  description = g_strdup_printf ("%s: %s",
                                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                 label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  gtk_widget_set_sensitive (self->clear_button, self->date != NULL);

  self->updating = TRUE;
  if (when != NULL)
    gtk_calendar_select_day (self->calendar, when);
  self->updating = FALSE;
}

static void
day_selected_cb (CpDateRow   *self,
                 GtkCalendar *calendar)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;

  if (self->updating)
    return;

  when = gtk_calendar_get_date (calendar);
  date = g_date_time_format (when, "%Y-%m-%d");
  cp_date_row_set_date (self, date);
  gtk_popover_popdown (self->popover);
}

static void
clear_clicked_cb (CpDateRow *self)
{
  cp_date_row_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
cp_date_row_finalize (GObject *object)
{
  CpDateRow *self = (CpDateRow *)object;

  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (cp_date_row_parent_class)->finalize (object);
}

static void
cp_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CpDateRow *self = CP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CpDateRow *self = CP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      cp_date_row_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_date_row_class_init (CpDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cp_date_row_finalize;
  object_class->get_property = cp_date_row_get_property;
  object_class->set_property = cp_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CpDateRow, button);
  gtk_widget_class_bind_template_child (widget_class, CpDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, CpDateRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, CpDateRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
cp_date_row_init (CpDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self, "notify::title", G_CALLBACK (update), self);
  update (self);
}

const char *
cp_date_row_get_date (CpDateRow *self)
{
  g_return_val_if_fail (CP_IS_DATE_ROW (self), NULL);

  return self->date;
}

/**
 * cp_date_row_set_date:
 * @date: (nullable): YYYY-MM-DD, or %NULL for no date
 */
void
cp_date_row_set_date (CpDateRow  *self,
                      const char *date)
{
  g_return_if_fail (CP_IS_DATE_ROW (self));

  if (date != NULL && *date == '\0')
    date = NULL;

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}
