/* cp-template.c — a CSIP template: phases and their review checklists
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-template.h"

#define TEMPLATES_PATH RESOURCE_PATH "/templates/"

/* A template's maximum size of each kind; generous, and a bound on what a
 * damaged file can make us allocate.
 */
#define MAX_PHASES 20
#define MAX_CHECKS 50

typedef struct
{
  CpPhaseRole  role;
  char        *name;
  char        *description;
  GStrv        checks;
} Phase;

struct _CpTemplate
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *description;
  int      order;
  GArray  *phases;   /* Phase */

  guint    is_default : 1;
};

G_DEFINE_FINAL_TYPE (CpTemplate, cp_template, G_TYPE_OBJECT)

static void
phase_clear (gpointer data)
{
  Phase *phase = data;

  g_free (phase->name);
  g_free (phase->description);
  g_strfreev (phase->checks);
}

static void
cp_template_finalize (GObject *object)
{
  CpTemplate *self = (CpTemplate *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_clear_pointer (&self->phases, g_array_unref);

  G_OBJECT_CLASS (cp_template_parent_class)->finalize (object);
}

static void
cp_template_class_init (CpTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_template_finalize;
}

static void
cp_template_init (CpTemplate *self)
{
  self->phases = g_array_new (FALSE, TRUE, sizeof (Phase));
  g_array_set_clear_func (self->phases, phase_clear);
}

/* Reads a key's text, translated: the files are in English and their
 * texts are in the app's catalog (see data/templates/README.md).
 */
static char *
get_text (GKeyFile    *keyfile,
          const char  *group,
          const char  *key,
          gboolean     required,
          GError     **error)
{
  g_autofree char *value = g_key_file_get_string (keyfile, group, key, NULL);

  if (value == NULL || *value == '\0')
    {
      if (required)
        g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                     _("The template has no “%s” in [%s]"), key, group);
      return required ? NULL : g_strdup ("");
    }

  return g_strdup (g_dgettext (GETTEXT_PACKAGE, value));
}

/**
 * cp_template_new_from_bytes:
 *
 * Parses a template file (see data/templates/README.md).
 */
CpTemplate *
cp_template_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(CpTemplate) self = g_object_new (CP_TYPE_TEMPLATE, NULL);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  if (!g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, error))
    return NULL;

  self->id = g_key_file_get_string (keyfile, "Template", "Id", error);
  if (self->id == NULL ||
      !(self->name = get_text (keyfile, "Template", "Name", TRUE, error)))
    return NULL;
  self->description = get_text (keyfile, "Template", "Description", FALSE, NULL);
  self->order = g_key_file_get_integer (keyfile, "Template", "Order", NULL);
  self->is_default = g_key_file_get_boolean (keyfile, "Template", "Default", NULL);

  for (guint p = 1; p <= MAX_PHASES; p++)
    {
      g_autofree char *group = g_strdup_printf ("Phase %u", p);
      g_autofree char *role = NULL;
      g_autoptr(GStrvBuilder) checks = g_strv_builder_new ();
      Phase phase = { 0 };

      if (!g_key_file_has_group (keyfile, group))
        break;

      role = g_key_file_get_string (keyfile, group, "Role", NULL);
      if (!cp_phase_role_from_string (role, &phase.role))
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       _("The template’s [%s] has an unknown role “%s”"), group,
                       role ? role : "");
          return NULL;
        }

      if (!(phase.name = get_text (keyfile, group, "Name", TRUE, error)))
        return NULL;
      phase.description = get_text (keyfile, group, "Description", FALSE, NULL);

      for (guint c = 1; c <= MAX_CHECKS; c++)
        {
          g_autofree char *check_group = g_strdup_printf ("Phase %u Check %u", p, c);
          g_autofree char *text = NULL;

          if (!g_key_file_has_group (keyfile, check_group))
            break;

          if (!(text = get_text (keyfile, check_group, "Text", TRUE, error)))
            {
              phase_clear (&phase);
              return NULL;
            }
          g_strv_builder_add (checks, text);
        }

      phase.checks = g_strv_builder_end (checks);
      g_array_append_val (self->phases, phase);
    }

  if (self->phases->len == 0)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("The template “%s” has no phases"), self->id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static int
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const CpTemplate *ta = a;
  const CpTemplate *tb = b;

  return ta->order - tb->order;
}

/**
 * cp_template_get_all:
 *
 * The templates shipped with the app, in their order, loaded once.
 *
 * Returns: (transfer none): a list of #CpTemplate
 */
GListModel *
cp_template_get_all (void)
{
  static GListStore *all;

  if (g_once_init_enter (&all))
    {
      GListStore *list = g_list_store_new (CP_TYPE_TEMPLATE);
      g_auto(GStrv) names = g_resources_enumerate_children (TEMPLATES_PATH,
                                                            G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                            NULL);

      for (guint i = 0; names && names[i]; i++)
        {
          g_autofree char *path = g_strconcat (TEMPLATES_PATH, names[i], NULL);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(CpTemplate) template = NULL;
          g_autoptr(GError) error = NULL;

          bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
          if (bytes != NULL)
            template = cp_template_new_from_bytes (bytes, &error);

          /* The templates are part of the build; a broken one is a bug. */
          if (template == NULL)
            g_critical ("Template %s: %s", names[i], error->message);
          else
            g_list_store_insert_sorted (list, template, compare_order, NULL);
        }

      g_once_init_leave (&all, list);
    }

  return G_LIST_MODEL (all);
}

/**
 * cp_template_lookup:
 *
 * Returns: (transfer none) (nullable): the template with @id
 */
CpTemplate *
cp_template_lookup (const char *id)
{
  GListModel *all = cp_template_get_all ();

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CpTemplate) template = g_list_model_get_item (all, i);

      if (g_strcmp0 (template->id, id) == 0)
        return template;
    }

  return NULL;
}

/**
 * cp_template_get_default:
 *
 * Returns: (transfer none): the template offered first
 */
CpTemplate *
cp_template_get_default (void)
{
  GListModel *all = cp_template_get_all ();
  g_autoptr(CpTemplate) first = g_list_model_get_item (all, 0);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CpTemplate) template = g_list_model_get_item (all, i);

      if (template->is_default)
        return template;
    }

  return first;
}

const char *
cp_template_get_id (CpTemplate *self)
{
  g_return_val_if_fail (CP_IS_TEMPLATE (self), NULL);

  return self->id;
}

const char *
cp_template_get_name (CpTemplate *self)
{
  g_return_val_if_fail (CP_IS_TEMPLATE (self), NULL);

  return self->name;
}

const char *
cp_template_get_description (CpTemplate *self)
{
  g_return_val_if_fail (CP_IS_TEMPLATE (self), NULL);

  return self->description;
}

gboolean
cp_template_get_is_default (CpTemplate *self)
{
  g_return_val_if_fail (CP_IS_TEMPLATE (self), FALSE);

  return self->is_default;
}

guint
cp_template_get_n_phases (CpTemplate *self)
{
  g_return_val_if_fail (CP_IS_TEMPLATE (self), 0);

  return self->phases->len;
}

static const Phase *
get_phase (CpTemplate *self,
           guint       phase)
{
  g_return_val_if_fail (CP_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (phase < self->phases->len, NULL);

  return &g_array_index (self->phases, Phase, phase);
}

const char *
cp_template_get_phase_name (CpTemplate *self,
                            guint       phase)
{
  const Phase *p = get_phase (self, phase);

  return p ? p->name : NULL;
}

const char *
cp_template_get_phase_description (CpTemplate *self,
                                   guint       phase)
{
  const Phase *p = get_phase (self, phase);

  return p ? p->description : NULL;
}

CpPhaseRole
cp_template_get_phase_role (CpTemplate *self,
                            guint       phase)
{
  const Phase *p = get_phase (self, phase);

  return p ? p->role : CP_PHASE_ROLE_VISION;
}

/**
 * cp_template_get_phase_checks:
 *
 * Returns: (transfer none): the phase's checklist items, translated
 */
const char * const *
cp_template_get_phase_checks (CpTemplate *self,
                              guint       phase)
{
  const Phase *p = get_phase (self, phase);

  return p ? (const char * const *) p->checks : NULL;
}
