/* cp-stakeholder-row.c — one stakeholder, expanding to edit them
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-stakeholder-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-stakeholder.h"
#include "cp-stakeholder-row.h"
#include "cp-ui-util.h"

struct _CpStakeholderRow
{
  AdwExpanderRow  parent_instance;

  CpStakeholder  *stakeholder;

  GtkWidget      *remove_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *role_row;
  AdwEntryRow    *contact_row;
  AdwComboRow    *stance_row;
  AdwActionRow   *history_row;
  AdwComboRow    *influence_row;
  AdwComboRow    *smo_role_row;
  GtkTextView    *note_view;
};

G_DEFINE_FINAL_TYPE (CpStakeholderRow, cp_stakeholder_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_STAKEHOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
name_to_title (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *name = g_value_get_string (from);

  g_value_set_string (to, name && *name ? name : _("Unnamed stakeholder"));
  return TRUE;
}

/* What they do and where they stand, under their name. */
static void
update_subtitle (CpStakeholderRow *self)
{
  CpStakeholder *person = self->stakeholder;
  CpSmoRole smo_role = cp_stakeholder_get_smo_role (person);
  CpStance stance = cp_stakeholder_get_stance (person);
  g_autoptr(GString) subtitle = g_string_new (cp_stakeholder_get_role (person));

  if (smo_role != CP_SMO_ROLE_NONE)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", cp_smo_role_get_name (smo_role));
  if (stance != CP_STANCE_UNSET)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", cp_stance_get_name (stance));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);
}

/* Where they stood, from which day: "Neutral from 1 September 2026, …". */
static void
update_history (CpStakeholderRow *self)
{
  g_autoptr(GArray) stances = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  stances = cp_stakeholder_dup_stances (self->stakeholder, &error);
  if (stances == NULL)
    {
      adw_action_row_set_subtitle (self->history_row, error->message);
      return;
    }

  for (guint i = 0; i < stances->len; i++)
    {
      CpStanceChange *change = &g_array_index (stances, CpStanceChange, i);
      g_autofree char *day = cp_ui_format_date (change->on);

      if (text->len > 0)
        g_string_append (text, _(", then "));
      /* Translators: a change of stance, as "Sceptic from 1 October 2026". */
      g_string_append_printf (text, _("%s from %s"), cp_stance_get_name (change->stance), day);
    }
  adw_action_row_set_subtitle (self->history_row, text->len > 0 ? text->str : _("No stance said yet"));
}

static void
stance_changed_cb (CpStakeholderRow *self)
{
  update_subtitle (self);
  update_history (self);
}

static void
note_changed_cb (CpStakeholderRow *self,
                 GtkTextBuffer    *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cp_stakeholder_set_note (self->stakeholder, text);
}

static void
cp_stakeholder_row_constructed (GObject *object)
{
  CpStakeholderRow *self = (CpStakeholderRow *)object;
  g_autofree char *remove_label = NULL;

  G_OBJECT_CLASS (cp_stakeholder_row_parent_class)->constructed (object);

  g_object_bind_property_full (self->stakeholder, "name", self, "title",
                               G_BINDING_SYNC_CREATE, name_to_title, NULL, NULL, NULL);
  g_signal_connect_object (self->stakeholder, "notify::role", G_CALLBACK (update_subtitle), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stakeholder, "notify::smo-role", G_CALLBACK (update_subtitle), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stakeholder, "notify::stance", G_CALLBACK (stance_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_subtitle (self);
  update_history (self);

  g_object_bind_property (self->stakeholder, "name", self->name_row, "text",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->stakeholder, "role", self->role_row, "text",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->stakeholder, "contact", self->contact_row, "text",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  cp_ui_bind_choice (self->stakeholder, "stance", self->stance_row);
  cp_ui_bind_choice (self->stakeholder, "influence", self->influence_row);
  cp_ui_bind_choice (self->stakeholder, "smo-role", self->smo_role_row);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            cp_stakeholder_get_note (self->stakeholder), -1);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "x",
                                    cp_stakeholder_get_id (self->stakeholder));
}

static void
cp_stakeholder_row_dispose (GObject *object)
{
  CpStakeholderRow *self = (CpStakeholderRow *)object;

  g_clear_object (&self->stakeholder);

  G_OBJECT_CLASS (cp_stakeholder_row_parent_class)->dispose (object);
}

static void
cp_stakeholder_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CpStakeholderRow *self = CP_STAKEHOLDER_ROW (object);

  switch (prop_id)
    {
    case PROP_STAKEHOLDER:
      g_value_set_object (value, self->stakeholder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_stakeholder_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CpStakeholderRow *self = CP_STAKEHOLDER_ROW (object);

  switch (prop_id)
    {
    case PROP_STAKEHOLDER:
      self->stakeholder = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_stakeholder_row_class_init (CpStakeholderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cp_stakeholder_row_constructed;
  object_class->dispose = cp_stakeholder_row_dispose;
  object_class->get_property = cp_stakeholder_row_get_property;
  object_class->set_property = cp_stakeholder_row_set_property;

  properties[PROP_STAKEHOLDER] =
    g_param_spec_object ("stakeholder", NULL, NULL, CP_TYPE_STAKEHOLDER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/cp-stakeholder-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CpStakeholderRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CpStakeholderRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CpStakeholderRow, role_row);
  gtk_widget_class_bind_template_child (widget_class, CpStakeholderRow, contact_row);
  gtk_widget_class_bind_template_child (widget_class, CpStakeholderRow, stance_row);
  gtk_widget_class_bind_template_child (widget_class, CpStakeholderRow, history_row);
  gtk_widget_class_bind_template_child (widget_class, CpStakeholderRow, influence_row);
  gtk_widget_class_bind_template_child (widget_class, CpStakeholderRow, smo_role_row);
  gtk_widget_class_bind_template_child (widget_class, CpStakeholderRow, note_view);
}

static void
cp_stakeholder_row_init (CpStakeholderRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cp_stakeholder_row_new (CpStakeholder *stakeholder)
{
  g_return_val_if_fail (CP_IS_STAKEHOLDER (stakeholder), NULL);

  return g_object_new (CP_TYPE_STAKEHOLDER_ROW, "stakeholder", stakeholder, NULL);
}

/**
 * cp_stakeholder_row_get_stakeholder:
 *
 * Returns: (transfer none): the stakeholder shown
 */
CpStakeholder *
cp_stakeholder_row_get_stakeholder (CpStakeholderRow *self)
{
  g_return_val_if_fail (CP_IS_STAKEHOLDER_ROW (self), NULL);

  return self->stakeholder;
}

/* Opens the row and puts the cursor in the name, as for a new stakeholder. */
void
cp_stakeholder_row_edit (CpStakeholderRow *self)
{
  g_return_if_fail (CP_IS_STAKEHOLDER_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
