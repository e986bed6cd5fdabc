/* cp-register-page.c — the CSI register of an engagement: a table of
 * improvement opportunities, sorted by any column and filtered by words
 * and status; where the table does not fit, a row for each with its key
 * fields
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-register-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-opportunity.h"
#include "cp-opportunity-dialog.h"
#include "cp-register-page.h"
#include "cp-ui-util.h"
#include "cp-wrap-box.h"

/* The table's columns, in the template's order. */
typedef enum
{
  COLUMN_NUMBER,
  COLUMN_RAISED_ON,
  COLUMN_DESCRIPTION,
  COLUMN_PRIORITY,
  COLUMN_SIZE,
  COLUMN_KPI,
  COLUMN_ACTIONED_BY,
  COLUMN_REQUIRED_BY,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

/* The status filter's choices, in the template's order; after these come
 * the statuses themselves.
 */
enum {
  SHOW_OPEN,
  SHOW_ALL,
  SHOW_STATUS_FIRST
};

struct _CpRegisterPage
{
  AdwBin              parent_instance;

  CpEngagement       *engagement;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkCustomFilter    *filter;
  gboolean            editable;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_filter;
  GtkStack           *stack;
  GtkColumnView      *view;
  GtkListView        *rows_view;
};

G_DEFINE_FINAL_TYPE (CpRegisterPage, cp_register_page, ADW_TYPE_BIN)

/* Returns: (transfer full): a date short enough for a column, or a dash */
static char *
short_date (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (iso == NULL)
    return g_strdup ("—");

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 || !(when = g_date_time_new_local (y, m, d, 0, 0, 0)))
    return g_strdup (iso);

  /* Translators: a short date in a table column; see g_date_time_format(). */
  return g_date_time_format (when, _("%-d %b %Y"));
}

/* Returns: (transfer full): what @column shows of @item */
static char *
cell_text (CpOpportunity *item,
           Column         column)
{
  switch (column)
    {
    case COLUMN_NUMBER:
      return g_strdup_printf ("%u", cp_opportunity_get_number (item));
    case COLUMN_RAISED_ON:
      return short_date (cp_opportunity_get_raised_on (item));
    case COLUMN_DESCRIPTION:
      return g_strdup (cp_opportunity_get_text (item, CP_OPPORTUNITY_DESCRIPTION));
    case COLUMN_PRIORITY:
      return g_strdup (cp_priority_get_label (cp_opportunity_get_priority (item)));
    case COLUMN_SIZE:
      return g_strdup (cp_size_get_label (cp_opportunity_get_size (item)));
    case COLUMN_KPI:
      return g_strdup (cp_opportunity_get_text (item, CP_OPPORTUNITY_KPI));
    case COLUMN_ACTIONED_BY:
      return g_strdup (cp_opportunity_get_text (item, CP_OPPORTUNITY_ACTIONED_BY));
    case COLUMN_REQUIRED_BY:
      return short_date (cp_opportunity_get_required_by (item));
    case COLUMN_STATUS:
      return g_strdup (cp_opportunity_status_get_label (cp_opportunity_get_status (item)));
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_cell (CpOpportunity *item,
             GParamSpec    *pspec,
             GtkLabel      *label)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column"));
  g_autofree char *text = cell_text (item, column);

  gtk_label_set_text (label, text);

  /* What is finished steps back; what is pressing stands out. */
  if (column == COLUMN_STATUS || column == COLUMN_DESCRIPTION)
    {
      if (cp_opportunity_is_open (item))
        gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  if (column == COLUMN_PRIORITY)
    {
      if (cp_opportunity_get_priority (item) == CP_PRIORITY_HIGH && cp_opportunity_is_open (item))
        gtk_widget_add_css_class (GTK_WIDGET (label), "high-priority");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "high-priority");
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (column) == COLUMN_NUMBER ? 1 : 0);
  /* A row whose description wraps reads from its top line. */
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (GPOINTER_TO_UINT (column) == COLUMN_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  /* Words wrap, whole, in columns that share the width; the rest fit. */
  switch (GPOINTER_TO_UINT (column))
    {
    case COLUMN_DESCRIPTION:
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      break;
    case COLUMN_KPI:
    case COLUMN_ACTIONED_BY:
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      break;
    default:
      break;
    }
  g_object_set_data (G_OBJECT (label), "column", column);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  column)
{
  CpOpportunity *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gulong handler;

  update_cell (item, NULL, GTK_LABEL (label));
  handler = g_signal_connect (item, "notify", G_CALLBACK (update_cell), label);
  g_object_set_data (G_OBJECT (list_item), "handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  column)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "handler"));

  g_clear_signal_handler (&handler, gtk_list_item_get_item (list_item));
  g_object_set_data (G_OBJECT (list_item), "handler", NULL);
}

/* A row of the narrow register: number and description, then priority,
 * size, status, who and by when, then the KPI.
 */
static void
update_row (CpOpportunity *item,
            GParamSpec    *pspec,
            GtkWidget     *row)
{
  GtkWidget *title = gtk_widget_get_first_child (row);
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  GtkWidget *kpi = gtk_widget_get_next_sibling (details);
  g_autofree char *number = cell_text (item, COLUMN_NUMBER);
  g_autofree char *description = cell_text (item, COLUMN_DESCRIPTION);
  g_autofree char *priority = cell_text (item, COLUMN_PRIORITY);
  g_autofree char *size = cell_text (item, COLUMN_SIZE);
  g_autofree char *status = cell_text (item, COLUMN_STATUS);
  g_autofree char *who = cell_text (item, COLUMN_ACTIONED_BY);
  const char *required_by = cp_opportunity_get_required_by (item);
  g_autofree char *when = required_by ? cell_text (item, COLUMN_REQUIRED_BY) : NULL;
  g_autofree char *kpi_text = cell_text (item, COLUMN_KPI);
  g_autoptr(GString) line = g_string_new (NULL);

  /* Translators: an opportunity's number and description, in a list. */
  g_string_printf (line, _("%s · %s"), number, description);
  gtk_label_set_text (GTK_LABEL (title), line->str);

  /* Translators: an opportunity's priority, size and status, in a list. */
  g_string_printf (line, _("%s priority · %s · %s"), priority, size, status);
  if (*who != '\0')
    g_string_append_printf (line, " · %s", who);
  if (when != NULL)
    {
      g_autoptr(GString) date = g_string_new (when);

      /* A date is not broken across lines. */
      g_string_replace (date, " ", "\u00a0", 0);
      /* Translators: when an opportunity is required by, after its status. */
      g_string_append_printf (line, _(" · by %s"), date->str);
    }
  gtk_label_set_text (GTK_LABEL (details), line->str);

  /* Translators: an opportunity's key performance indicator, in a list. */
  g_string_printf (line, _("KPI: %s"), kpi_text);
  gtk_label_set_text (GTK_LABEL (kpi), line->str);
  gtk_widget_set_visible (kpi, *kpi_text != '\0');

  if (cp_opportunity_is_open (item))
    gtk_widget_remove_css_class (title, "dim-label");
  else
    gtk_widget_add_css_class (title, "dim-label");
}

static GtkWidget *
row_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_box_append (GTK_BOX (row), row_label ("heading"));
  gtk_box_append (GTK_BOX (row), row_label ("caption"));
  gtk_box_append (GTK_BOX (row), row_label ("dim-label"));
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  data)
{
  CpOpportunity *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  gulong handler;

  update_row (item, NULL, row);
  handler = g_signal_connect (item, "notify", G_CALLBACK (update_row), row);
  g_object_set_data (G_OBJECT (list_item), "handler", GSIZE_TO_POINTER (handler));
}

/* Empty dates sort last either way round that matters: after every date. */
static int
compare_dates (const char *a,
               const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return strcmp (a, b);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b,
               gpointer      column)
{
  CpOpportunity *x = (CpOpportunity *) a;
  CpOpportunity *y = (CpOpportunity *) b;
  int order = 0;

  switch (GPOINTER_TO_UINT (column))
    {
    case COLUMN_NUMBER:
      order = (int) cp_opportunity_get_number (x) - (int) cp_opportunity_get_number (y);
      break;
    case COLUMN_RAISED_ON:
      order = compare_dates (cp_opportunity_get_raised_on (x), cp_opportunity_get_raised_on (y));
      break;
    case COLUMN_REQUIRED_BY:
      order = compare_dates (cp_opportunity_get_required_by (x), cp_opportunity_get_required_by (y));
      break;
    case COLUMN_PRIORITY:
      order = (int) cp_opportunity_get_priority (x) - (int) cp_opportunity_get_priority (y);
      break;
    case COLUMN_SIZE:
      order = (int) cp_opportunity_get_size (x) - (int) cp_opportunity_get_size (y);
      break;
    case COLUMN_STATUS:
      order = (int) cp_opportunity_get_status (x) - (int) cp_opportunity_get_status (y);
      break;
    default:
      {
        g_autofree char *tx = cell_text (x, GPOINTER_TO_UINT (column));
        g_autofree char *ty = cell_text (y, GPOINTER_TO_UINT (column));

        order = g_utf8_collate (tx, ty);
      }
    }

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CpRegisterPage *self = user_data;
  guint show = gtk_drop_down_get_selected (self->status_filter);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (show == SHOW_OPEN && !cp_opportunity_is_open (item))
    return FALSE;
  if (show >= SHOW_STATUS_FIRST &&
      cp_opportunity_get_status (item) != (CpOpportunityStatus) (show - SHOW_STATUS_FIRST))
    return FALSE;

  return cp_opportunity_matches (item, search);
}

static void
update_stack (CpRegisterPage *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filtered);
  const char *page = "table";

  if (all == NULL || g_list_model_get_n_items (all) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-match";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), all != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_filter), all != NULL);
}

static void
refilter (CpRegisterPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * cp_register_page_refresh:
 *
 * Sorts and filters again, after opportunities changed.
 */
void
cp_register_page_refresh (CpRegisterPage *self)
{
  GtkSorter *sorter;

  g_return_if_fail (CP_IS_REGISTER_PAGE (self));

  refilter (self);
  if ((sorter = gtk_column_view_get_sorter (self->view)))
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
open_opportunity (CpRegisterPage *self,
                  CpOpportunity  *opportunity)
{
  CpOpportunityDialog *dialog;

  dialog = cp_opportunity_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      self->engagement, opportunity, self->editable);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (cp_register_page_refresh), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
activate_cb (CpRegisterPage *self,
             guint           position)
{
  g_autoptr(CpOpportunity) opportunity = g_list_model_get_item (G_LIST_MODEL (self->sorted),
                                                                position);

  if (opportunity != NULL)
    open_opportunity (self, opportunity);
}

static void
raise_cb (const char *description,
          gpointer    user_data)
{
  CpRegisterPage *self = user_data;
  g_autoptr(CpOpportunity) opportunity = NULL;
  g_autoptr(GError) error = NULL;

  if (self->engagement == NULL)
    return;

  if (!(opportunity = cp_engagement_add_opportunity (self->engagement, description, &error)))
    {
      cp_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  /* A new one shows, whatever the filter, so the coach sees it land. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (gtk_drop_down_get_selected (self->status_filter) >= SHOW_STATUS_FIRST)
    gtk_drop_down_set_selected (self->status_filter, SHOW_OPEN);

  open_opportunity (self, opportunity);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  CpRegisterPage *self = CP_REGISTER_PAGE (widget);

  if (self->engagement == NULL || !self->editable)
    return;

  cp_ui_prompt_text (widget, _("New Opportunity"), _("What could be improved?"), "",
                     _("_Raise"), raise_cb, g_object_ref (self), g_object_unref);
}

static void
cp_register_page_dispose (GObject *object)
{
  CpRegisterPage *self = (CpRegisterPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_REGISTER_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->engagement);

  G_OBJECT_CLASS (cp_register_page_parent_class)->dispose (object);
}

static void
cp_register_page_class_init (CpRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_register_page_dispose;

  g_type_ensure (CP_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/cp-register-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpRegisterPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CpRegisterPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CpRegisterPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CpRegisterPage, view);
  gtk_widget_class_bind_template_child (widget_class, CpRegisterPage, rows_view);
  gtk_widget_class_bind_template_callback (widget_class, refilter);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_action (widget_class, "register.new", NULL, new_action);
}

static void
cp_register_page_init (CpRegisterPage *self)
{
  GListModel *columns;
  GtkSelectionModel *selection;
  GtkMultiSorter *order;

  gtk_widget_init_template (GTK_WIDGET (self));
  cp_ui_name_drop_down (self->status_filter, _("Status"));

  {
    g_autoptr(GtkListItemFactory) rows = gtk_signal_list_item_factory_new ();

    g_signal_connect (rows, "setup", G_CALLBACK (setup_row), NULL);
    g_signal_connect (rows, "bind", G_CALLBACK (bind_row), NULL);
    g_signal_connect (rows, "unbind", G_CALLBACK (unbind_cell), NULL);
    gtk_list_view_set_factory (self->rows_view, rows);
  }

  columns = gtk_column_view_get_columns (self->view);
  g_assert (g_list_model_get_n_items (columns) == N_COLUMNS);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkCustomSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GUINT_TO_POINTER (i));
      gtk_column_view_column_set_factory (column, factory);

      sorter = gtk_custom_sorter_new (compare_cells, GUINT_TO_POINTER (i), NULL);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
    }

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  order = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (order, g_object_ref (gtk_column_view_get_sorter (self->view)));
  /* Ties keep the register's own order, whichever way the column sorts. */
  gtk_multi_sorter_append (order, GTK_SORTER (gtk_custom_sorter_new (compare_cells,
                                                                      GUINT_TO_POINTER (COLUMN_NUMBER),
                                                                      NULL)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), GTK_SORTER (order));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_stack), self,
                           G_CONNECT_SWAPPED);

  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  gtk_column_view_set_model (self->view, selection);
  gtk_list_view_set_model (self->rows_view, selection);
  g_object_unref (selection);

  {
    g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (columns, COLUMN_NUMBER);
    gtk_column_view_sort_by_column (self->view, first, GTK_SORT_ASCENDING);
  }

  self->editable = TRUE;
  update_stack (self);
}

void
cp_register_page_set_engagement (CpRegisterPage *self,
                                 CpEngagement   *engagement)
{
  g_autoptr(GError) error = NULL;
  GListModel *opportunities = NULL;

  g_return_if_fail (CP_IS_REGISTER_PAGE (self));

  if (!g_set_object (&self->engagement, engagement))
    return;

  if (engagement != NULL && !(opportunities = cp_engagement_get_opportunities (engagement, &error)))
    cp_ui_toast_error (GTK_WIDGET (self), error);

  gtk_filter_list_model_set_model (self->filtered, opportunities);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.new",
                                 opportunities != NULL && self->editable);
  update_stack (self);
}

void
cp_register_page_set_editable (CpRegisterPage *self,
                               gboolean        editable)
{
  g_return_if_fail (CP_IS_REGISTER_PAGE (self));

  self->editable = !!editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.new",
                                 self->engagement != NULL && self->editable);
}

/**
 * cp_register_page_get_shown:
 *
 * Returns: (transfer none): the opportunities in the table, in its order
 */
GListModel *
cp_register_page_get_shown (CpRegisterPage *self)
{
  g_return_val_if_fail (CP_IS_REGISTER_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}
