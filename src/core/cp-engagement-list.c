/* cp-engagement-list.c — the engagements of a store as a GListModel
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-engagement-list"

#include "config.h"

#include "cp-engagement.h"
#include "cp-engagement-list.h"
#include "cp-store.h"

/* Only the ids are held: with ten thousand engagements the list costs
 * 80 KB, and an engagement is read from the store when a row asks for it.
 */
struct _CpEngagementList
{
  GObject  parent_instance;

  CpStore *store;
  GArray  *ids;
  char    *search;
  CpStatus status;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpEngagementList, cp_engagement_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
cp_engagement_list_get_item_type (GListModel *model)
{
  return CP_TYPE_ENGAGEMENT;
}

static guint
cp_engagement_list_get_n_items (GListModel *model)
{
  return CP_ENGAGEMENT_LIST (model)->ids->len;
}

static gpointer
cp_engagement_list_get_item (GListModel *model,
                             guint       position)
{
  CpEngagementList *self = CP_ENGAGEMENT_LIST (model);
  g_autoptr(GError) error = NULL;
  CpEngagement *engagement;

  if (position >= self->ids->len)
    return NULL;

  engagement = cp_store_get_engagement (self->store,
                                        g_array_index (self->ids, gint64, position),
                                        &error);
  if (engagement == NULL)
    g_warning ("Engagement at %u could not be read: %s", position, error->message);

  return engagement;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cp_engagement_list_get_item_type;
  iface->get_n_items = cp_engagement_list_get_n_items;
  iface->get_item = cp_engagement_list_get_item;
}

/**
 * cp_engagement_list_refresh:
 *
 * Reads the matching ids again and reports the smallest span that
 * changed, so views keep their rows (and selection) outside it.
 */
gboolean
cp_engagement_list_refresh (CpEngagementList  *self,
                            GError           **error)
{
  g_autoptr(GArray) old = NULL;
  GArray *ids;
  guint prefix = 0;
  guint suffix = 0;

  g_return_val_if_fail (CP_IS_ENGAGEMENT_LIST (self), FALSE);

  ids = cp_store_find_engagements (self->store, self->search, self->status, error);
  if (ids == NULL)
    return FALSE;

  old = self->ids;
  self->ids = ids;

  while (prefix < old->len && prefix < ids->len &&
         g_array_index (old, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;

  while (suffix < old->len - prefix && suffix < ids->len - prefix &&
         g_array_index (old, gint64, old->len - 1 - suffix) ==
         g_array_index (ids, gint64, ids->len - 1 - suffix))
    suffix++;

  if (old->len != ids->len || prefix < old->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix,
                                ids->len - prefix - suffix);

  if (old->len != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

static void
engagements_changed_cb (CpEngagementList *self,
                        CpStore          *store)
{
  g_autoptr(GError) error = NULL;

  if (!cp_engagement_list_refresh (self, &error))
    g_warning ("The engagement list could not be refreshed: %s", error->message);
}

static void
cp_engagement_list_constructed (GObject *object)
{
  CpEngagementList *self = (CpEngagementList *)object;

  G_OBJECT_CLASS (cp_engagement_list_parent_class)->constructed (object);

  g_assert (CP_IS_STORE (self->store));

  g_signal_connect_object (self->store, "engagements-changed",
                           G_CALLBACK (engagements_changed_cb), self,
                           G_CONNECT_SWAPPED);
  engagements_changed_cb (self, self->store);
}

static void
cp_engagement_list_finalize (GObject *object)
{
  CpEngagementList *self = (CpEngagementList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (cp_engagement_list_parent_class)->finalize (object);
}

static void
cp_engagement_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CpEngagementList *self = CP_ENGAGEMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_engagement_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CpEngagementList *self = CP_ENGAGEMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH:
      cp_engagement_list_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_engagement_list_class_init (CpEngagementListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cp_engagement_list_constructed;
  object_class->finalize = cp_engagement_list_finalize;
  object_class->get_property = cp_engagement_list_get_property;
  object_class->set_property = cp_engagement_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_engagement_list_init (CpEngagementList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->status = CP_STATUS_ANY;
}

CpEngagementList *
cp_engagement_list_new (CpStore *store)
{
  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  return g_object_new (CP_TYPE_ENGAGEMENT_LIST, "store", store, NULL);
}

/**
 * cp_engagement_list_get_store:
 *
 * Returns: (transfer none): the store
 */
CpStore *
cp_engagement_list_get_store (CpEngagementList *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT_LIST (self), NULL);

  return self->store;
}

const char *
cp_engagement_list_get_search (CpEngagementList *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT_LIST (self), NULL);

  return self->search;
}

void
cp_engagement_list_set_search (CpEngagementList *self,
                               const char       *search)
{
  g_return_if_fail (CP_IS_ENGAGEMENT_LIST (self));

  if (g_strcmp0 (self->search, search) != 0)
    {
      g_free (self->search);
      self->search = g_strdup (search);
      engagements_changed_cb (self, self->store);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
    }
}

CpStatus
cp_engagement_list_get_status (CpEngagementList *self)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT_LIST (self), CP_STATUS_ANY);

  return self->status;
}

/**
 * cp_engagement_list_set_status:
 * @status: the status to show, or %CP_STATUS_ANY
 */
void
cp_engagement_list_set_status (CpEngagementList *self,
                               CpStatus          status)
{
  g_return_if_fail (CP_IS_ENGAGEMENT_LIST (self));

  if (self->status != status)
    {
      self->status = status;
      engagements_changed_cb (self, self->store);
    }
}

gboolean
cp_engagement_list_find (CpEngagementList *self,
                         gint64            id,
                         guint            *position)
{
  g_return_val_if_fail (CP_IS_ENGAGEMENT_LIST (self), FALSE);

  for (guint i = 0; i < self->ids->len; i++)
    {
      if (g_array_index (self->ids, gint64, i) == id)
        {
          if (position)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}
