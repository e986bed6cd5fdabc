/* cp-measures-page-maturity.c — the Measures page's maturity of each
 * practice, its ITSM audit and the readiness as a service provider
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-measures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-audit-item.h"
#include "cp-engagement.h"
#include "cp-maturity.h"
#include "cp-measures-page-private.h"
#include "cp-ui-util.h"

/* Maturity */

static GtkStringList *
level_names (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, cp_maturity_level_name (CP_MATURITY_UNSCORED));
  for (int level = 0; level <= 5; level++)
    {
      /* Translators: a maturity level's number and name. */
      g_autofree char *name = g_strdup_printf (_("%d — %s"), level, cp_maturity_level_name (level));
      gtk_string_list_append (names, name);
    }

  return names;
}

static void
update_maturity_row (AdwExpanderRow *row)
{
  CpMaturity *m = g_object_get_data (G_OBJECT (row), "maturity");
  g_autofree char *subtitle = NULL;

  /* Translators: a practice's maturity at the baseline, then at the review. */
  subtitle = g_strdup_printf (_("%s → %s"), cp_maturity_level_name (cp_maturity_get_baseline_level (m)),
                              cp_maturity_level_name (cp_maturity_get_review_level (m)));
  adw_expander_row_set_subtitle (row, subtitle);
}

static void
score_changed_cb (GObject        *editor,
                  GParamSpec     *pspec,
                  AdwExpanderRow *row)
{
  CpMaturity *m = g_object_get_data (G_OBJECT (row), "maturity");
  const char *keys[2][2] = { { "baseline-level", "baseline-evidence" },
                             { "review-level", "review-evidence" } };

  for (guint i = 0; i < 2; i++)
    {
      AdwComboRow *level = g_object_get_data (G_OBJECT (row), keys[i][0]);
      GtkEditable *evidence = g_object_get_data (G_OBJECT (row), keys[i][1]);
      int value = (int) adw_combo_row_get_selected (level) - 1;

      if (i == 0)
        cp_maturity_set_baseline (m, value, gtk_editable_get_text (evidence));
      else
        cp_maturity_set_review (m, value, gtk_editable_get_text (evidence));
    }
}

GtkWidget *
_cp_measures_page_create_maturity_row (gpointer item,
                     gpointer user_data)
{
  CpMeasuresPage *self = user_data;
  CpMaturity *m = item;
  GtkWidget *row = adw_expander_row_new ();
  g_autoptr(GtkStringList) names = level_names ();
  const char *titles[2][2] = { { N_("At the baseline"), N_("Evidence at the baseline") },
                               { N_("At the review"), N_("Evidence at the review") } };
  const char *keys[2][2] = { { "baseline-level", "baseline-evidence" },
                             { "review-level", "review-evidence" } };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cp_maturity_get_practice (m));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "maturity", g_object_ref (m), g_object_unref);

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *level = adw_combo_row_new ();
      GtkWidget *evidence;
      int score = i == 0 ? cp_maturity_get_baseline_level (m) : cp_maturity_get_review_level (m);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (level), _(titles[i][0]));
      adw_combo_row_set_model (ADW_COMBO_ROW (level), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (level), score + 1);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), level);
      evidence = _cp_measures_page_entry_row (ADW_EXPANDER_ROW (row), _(titles[i][1]),
                            i == 0 ? cp_maturity_get_baseline_evidence (m)
                                   : cp_maturity_get_review_evidence (m));
      gtk_widget_set_sensitive (level, self->editable);
      gtk_widget_set_sensitive (evidence, self->editable);
      g_object_set_data (G_OBJECT (row), keys[i][0], level);
      g_object_set_data (G_OBJECT (row), keys[i][1], evidence);
    }

  for (guint i = 0; i < 2; i++)
    {
      g_signal_connect_object (g_object_get_data (G_OBJECT (row), keys[i][0]), "notify::selected",
                               G_CALLBACK (score_changed_cb), row, 0);
      g_signal_connect_object (g_object_get_data (G_OBJECT (row), keys[i][1]), "notify::text",
                               G_CALLBACK (score_changed_cb), row, 0);
    }

  g_signal_connect_object (m, "notify::scores", G_CALLBACK (update_maturity_row), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (m, "notify::scores", G_CALLBACK (_cp_measures_page_update_summary), self,
                           G_CONNECT_SWAPPED);
  update_maturity_row (ADW_EXPANDER_ROW (row));

  return row;
}

/* The ITSM audit: an expander a practice, a check a criterion. */

static void
set_stands (GtkWidget      *expander,
            CpMeasuresPage *self,
            const char     *practice)
{
  int reached = cp_engagement_get_audit_level (self->engagement, practice);
  /* Translators: where an audited practice stands, as "Stands at level 2 of 5". */
  g_autofree char *stands = g_strdup_printf (_("Stands at level %d of 5"), reached);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), stands);
}

static void
audit_toggled_cb (GtkCheckButton *check,
                  CpMeasuresPage *self)
{
  CpAuditItem *item = g_object_get_data (G_OBJECT (check), "audit-item");
  GtkWidget *expander = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_EXPANDER_ROW);

  cp_audit_item_set_met (item, gtk_check_button_get_active (check));
  if (expander != NULL && self->engagement != NULL)
    set_stands (expander, self, cp_audit_item_get_practice (item));
}

void
_cp_measures_page_fill_audit (CpMeasuresPage *self)
{
  GListModel *items = self->engagement ? cp_engagement_get_audit_items (self->engagement, NULL) : NULL;
  GHashTable *rows = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->audit_list))) != NULL)
    gtk_list_box_remove (self->audit_list, child);

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CpAuditItem) item = g_list_model_get_item (items, i);
      const char *practice = cp_audit_item_get_practice (item);
      GtkWidget *expander = g_hash_table_lookup (rows, practice);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *level = g_strdup_printf (_("Level %d"), cp_audit_item_get_level (item));

      if (expander == NULL)
        {
          expander = adw_expander_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), practice);
          set_stands (expander, self, practice);
          gtk_widget_set_sensitive (expander, self->editable);
          g_hash_table_insert (rows, (gpointer) cp_audit_item_get_practice (item), expander);
          gtk_list_box_append (self->audit_list, expander);
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cp_audit_item_get_criterion (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), level);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), cp_audit_item_get_met (item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cp_audit_item_get_criterion (item), -1);
      g_object_set_data_full (G_OBJECT (check), "audit-item", g_object_ref (item), g_object_unref);
      g_signal_connect_object (check, "toggled", G_CALLBACK (audit_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  g_hash_table_unref (rows);
}

void
_cp_measures_page_add_audit (CpMeasuresPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *practice = gtk_editable_get_text (GTK_EDITABLE (self->new_audit_row));

  if (self->engagement == NULL || *practice == '\0')
    return;
  if (!cp_engagement_audit_practice (self->engagement, practice, &error))
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_audit_row), "");
  _cp_measures_page_fill_audit (self);
}

void
_cp_measures_page_baseline_from_audit (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  CpMeasuresPage *self = CP_MEASURES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->engagement != NULL && !cp_engagement_set_baseline_from_audit (self->engagement, &error))
    cp_ui_toast_error (widget, error);
}

/* Readiness */

typedef struct
{
  CpMeasuresPage   *page;
  CpCharacteristic  characteristic;
  AdwComboRow      *before;
  AdwEntryRow      *before_evidence;
  AdwComboRow      *after;
  AdwEntryRow      *after_evidence;
  gboolean          filling;
} ReadinessRow;

static void
readiness_changed (AdwExpanderRow *row)
{
  ReadinessRow *r = g_object_get_data (G_OBJECT (row), "readiness");
  CpReadiness scores = {
    (int) adw_combo_row_get_selected (r->before) - 1,
    (char *) gtk_editable_get_text (GTK_EDITABLE (r->before_evidence)),
    (int) adw_combo_row_get_selected (r->after) - 1,
    (char *) gtk_editable_get_text (GTK_EDITABLE (r->after_evidence)),
  };
  g_autofree char *summary = cp_readiness_dup_summary (&scores);
  g_autoptr(GError) error = NULL;

  adw_expander_row_set_subtitle (row, summary);
  if (r->filling || r->page->engagement == NULL)
    return;
  if (!cp_engagement_set_readiness (r->page->engagement, r->characteristic, &scores, &error))
    cp_ui_toast_error (GTK_WIDGET (r->page), error);
}

static AdwComboRow *
level_row (AdwExpanderRow *row,
           const char     *title,
           int             level)
{
  const char *levels[] = { _("Not scored"), "0", "1", "2", "3", "4", "5", NULL };
  GtkWidget *combo = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (levels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), level + 1);
  adw_expander_row_add_row (row, combo);
  g_signal_connect_swapped (combo, "notify::selected", G_CALLBACK (readiness_changed), row);

  return ADW_COMBO_ROW (combo);
}

static AdwEntryRow *
evidence_row (AdwExpanderRow *row,
              const char     *title,
              const char     *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  adw_expander_row_add_row (row, entry);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (readiness_changed), row);

  return ADW_ENTRY_ROW (entry);
}

void
_cp_measures_page_fill_readiness (CpMeasuresPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->readiness_list))) != NULL)
    gtk_list_box_remove (self->readiness_list, child);

  for (CpCharacteristic c = 0; self->engagement != NULL && c < CP_N_CHARACTERISTICS; c++)
    {
      g_auto(CpReadiness) scores = { 0 };
      g_autoptr(GError) error = NULL;
      GtkWidget *row = adw_expander_row_new ();
      ReadinessRow *r = g_new0 (ReadinessRow, 1);

      if (!cp_engagement_get_readiness (self->engagement, c, &scores, &error))
        {
          g_warning ("%s", error->message);
          g_free (r);
          continue;
        }
      r->page = self;
      r->characteristic = c;
      r->filling = TRUE;
      g_object_set_data_full (G_OBJECT (row), "readiness", r, g_free);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cp_characteristic_get_name (c));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      r->before = level_row (ADW_EXPANDER_ROW (row), _("At the baseline"), scores.baseline_level);
      r->before_evidence = evidence_row (ADW_EXPANDER_ROW (row), _("Evidence at the baseline"),
                                         scores.baseline_evidence);
      r->after = level_row (ADW_EXPANDER_ROW (row), _("At the review"), scores.review_level);
      r->after_evidence = evidence_row (ADW_EXPANDER_ROW (row), _("Evidence at the review"),
                                        scores.review_evidence);
      readiness_changed (ADW_EXPANDER_ROW (row));
      r->filling = FALSE;
      gtk_widget_set_sensitive (row, self->editable);
      gtk_list_box_append (self->readiness_list, row);
    }
}
