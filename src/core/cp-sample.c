/* cp-sample.c — the sample engagement shipped in data/
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-sample"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-engagement.h"
#include "cp-stakeholder.h"
#include "cp-store-private.h"

#define SAMPLE_RESOURCE RESOURCE_PATH "/sample/engagement.ini"

static gboolean
fill (CpEngagement  *engagement,
      GKeyFile      *keyfile,
      GError       **error)
{
  g_autofree char *approach = g_key_file_get_string (keyfile, "Engagement", "Approach", NULL);
  g_autofree char *driver = g_key_file_get_string (keyfile, "Engagement", "Driver", NULL);
  g_autofree char *status = g_key_file_get_string (keyfile, "Engagement", "Status", NULL);
  g_autofree char *start = g_key_file_get_string (keyfile, "Engagement", "StartDate", NULL);
  g_autofree char *end = g_key_file_get_string (keyfile, "Engagement", "EndDate", NULL);
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);
  static const char * const texts[] = { "Client", "client", "Sponsor", "sponsor",
                                        "Coach", "coach", "Scope", "scope" };
  CpApproach a;
  CpDriver d;
  CpStatus s;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i += 2)
    {
      g_autofree char *value = g_key_file_get_string (keyfile, "Engagement", texts[i], NULL);
      g_object_set (engagement, texts[i + 1], value, NULL);
    }

  if (!cp_approach_from_string (approach, &a) || !cp_driver_from_string (driver, &d) ||
      !cp_status_from_string (status, &s) ||
      !cp_engagement_set_start_date (engagement, start) ||
      !cp_engagement_set_end_date (engagement, end))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("The sample engagement has an invalid field"));
      return FALSE;
    }

  cp_engagement_set_approach (engagement, a);
  cp_engagement_set_driver (engagement, d);
  cp_engagement_set_status (engagement, s);

  for (guint i = 0; groups[i]; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *role = NULL;
      g_autofree char *contact = NULL;
      g_autoptr(CpStakeholder) stakeholder = NULL;

      if (!g_str_has_prefix (groups[i], "Stakeholder "))
        continue;

      name = g_key_file_get_string (keyfile, groups[i], "Name", NULL);
      role = g_key_file_get_string (keyfile, groups[i], "Role", NULL);
      contact = g_key_file_get_string (keyfile, groups[i], "Contact", NULL);

      stakeholder = cp_engagement_add_stakeholder (engagement, name, role, contact, error);
      if (stakeholder == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * cp_store_load_sample:
 *
 * Adds the sample engagement, all of it or nothing.
 *
 * Returns: (transfer full) (nullable): the new engagement
 */
CpEngagement *
cp_store_load_sample (CpStore  *self,
                      GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(CpEngagement) engagement = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL ||
      !g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, error) ||
      !(title = g_key_file_get_string (keyfile, "Engagement", "Title", error)))
    return NULL;

  if (!_cp_store_begin (self, error))
    return NULL;

  engagement = cp_store_create_engagement (self, title, CP_APPROACH_UNDECIDED, error);
  if (engagement == NULL)
    {
      _cp_store_rollback (self);
      return NULL;
    }

  if (!fill (engagement, keyfile, error) || !cp_store_flush (self, error))
    {
      _cp_store_rollback (self);
      _cp_store_forget_dirty (self, engagement);
      return NULL;
    }

  if (!_cp_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&engagement);
}
