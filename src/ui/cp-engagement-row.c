/* cp-engagement-row.c — a row of the sidebar: an engagement's title, and
 * its client and status below
 *
 * Rows are made in code, two labels in a box (cp_ui_two_lines_new()):
 * the sidebar makes a few dozen of them before the first frame, and a
 * GtkBuilder template would be parsed again for each.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cp-engagement.h"
#include "cp-engagement-row.h"
#include "cp-ui-util.h"

/**
 * cp_engagement_row_dup_title:
 *
 * Returns: (transfer full): the title as the sidebar and header show it
 */
char *
cp_engagement_row_dup_title (const char *title)
{
  return g_strdup (title && *title ? title : _("Untitled Engagement"));
}

/**
 * cp_engagement_row_dup_subtitle:
 *
 * Returns: (transfer full): the client and the status, as the sidebar
 *   shows them
 */
char *
cp_engagement_row_dup_subtitle (const char *client,
                                CpStatus    status)
{
  const char *status_name;

  switch (status)
    {
    case CP_STATUS_ACTIVE:
      status_name = C_("engagement status", "Active");
      break;
    case CP_STATUS_CLOSED:
      status_name = C_("engagement status", "Closed");
      break;
    case CP_STATUS_PLANNED:
    default:
      status_name = C_("engagement status", "Planned");
      break;
    }

  if (client == NULL || *client == '\0')
    return g_strdup (status_name);

  /* Translators: a client organisation and an engagement status. */
  return g_strdup_printf (_("%s · %s"), client, status_name);
}

static void
update_row (CpEngagement *engagement,
            GParamSpec   *pspec,
            GtkWidget    *box)
{
  g_autofree char *title = cp_engagement_row_dup_title (cp_engagement_get_title (engagement));
  g_autofree char *subtitle = cp_engagement_row_dup_subtitle (cp_engagement_get_client (engagement),
                                                              cp_engagement_get_status (engagement));

  cp_ui_two_lines_set (box, title, subtitle);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  gtk_list_item_set_child (item, cp_ui_two_lines_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  CpEngagement *engagement = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  if (engagement == NULL)
    return;

  update_row (engagement, NULL, box);
  g_signal_connect_object (engagement, "notify::title", G_CALLBACK (update_row), box, 0);
  g_signal_connect_object (engagement, "notify::client", G_CALLBACK (update_row), box, 0);
  g_signal_connect_object (engagement, "notify::status", G_CALLBACK (update_row), box, 0);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  CpEngagement *engagement = gtk_list_item_get_item (item);

  if (engagement != NULL)
    g_signal_handlers_disconnect_by_data (engagement, gtk_list_item_get_child (item));
}

/**
 * cp_engagement_row_factory_new:
 *
 * Returns: (transfer full): the factory of the sidebar's rows
 */
GtkListItemFactory *
cp_engagement_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);

  return factory;
}
