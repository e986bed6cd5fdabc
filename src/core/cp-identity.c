/* cp-identity.c — who is at the keyboard: a name and an email address
 *
 * Every tick, sign-off and change records who made it, so the name has to
 * be a person's. It is asked for, never taken silently from the login: a
 * login such as "root" names no one. A first guess comes from git's own
 * user configuration (the same name a person's commits carry), then from
 * the real name the system knows.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-identity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-git.h"
#include "cp-identity.h"
#include "cp-store.h"

#define MAX_LENGTH 200

/* Nothing that would break "Name <email>" apart, and no control
 * characters.
 */
static gboolean
is_clean (const char *text,
          const char *forbidden)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || (c < 128 && strchr (forbidden, (char) c) != NULL))
        return FALSE;
    }

  return TRUE;
}

/**
 * cp_identity_name_is_usable:
 *
 * Returns: whether @name names a person: not empty, and not a login name
 *   such as root or this account's own
 */
gboolean
cp_identity_name_is_usable (const char *name)
{
  g_autofree char *stripped = NULL;

  if (name == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (name));

  return *stripped != '\0' &&
         g_ascii_strcasecmp (stripped, "root") != 0 &&
         g_strcmp0 (stripped, g_get_user_name ()) != 0;
}

/**
 * cp_identity_check:
 * @email: (nullable): an address, or %NULL or "" for none
 *
 * Returns: whether @name and @email can record who did something; if not,
 *   @error says why, in words
 */
gboolean
cp_identity_check (const char  *name,
                   const char  *email,
                   GError     **error)
{
  const char *at;

  if (name == NULL || !is_clean (name, "<>") || strlen (name) > MAX_LENGTH)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("A name is one line of text, without “<” or “>”"));
      return FALSE;
    }

  if (!cp_identity_name_is_usable (name))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("Your name is needed, as people know you: not a login name"));
      return FALSE;
    }

  if (email == NULL || *email == '\0')
    return TRUE;

  at = strchr (email, '@');
  if (!is_clean (email, "<> ,;\"") || strlen (email) > MAX_LENGTH ||
      at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("An email address looks like name@example.org"));
      return FALSE;
    }

  return TRUE;
}

/**
 * cp_identity_parse:
 * @text: "Name <email>", or a name alone
 * @name: (out): the name, trimmed
 * @email: (out): the address, or "" when there is none
 *
 * Reads an identity as git writes an author.
 */
gboolean
cp_identity_parse (const char  *text,
                   char       **name,
                   char       **email,
                   GError     **error)
{
  g_autofree char *n = NULL;
  g_autofree char *e = NULL;
  const char *open;

  g_return_val_if_fail (text != NULL, FALSE);

  open = strchr (text, '<');
  if (open == NULL)
    {
      n = g_strstrip (g_strdup (text));
      e = g_strdup ("");
    }
  else
    {
      const char *close = strchr (open, '>');

      if (close == NULL || close[1] != '\0')
        {
          g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                               _("Write who you are as “Name <email>”"));
          return FALSE;
        }

      n = g_strstrip (g_strndup (text, open - text));
      e = g_strstrip (g_strndup (open + 1, close - open - 1));
    }

  if (!cp_identity_check (n, e, error))
    return FALSE;

  *name = g_steal_pointer (&n);
  *email = g_steal_pointer (&e);

  return TRUE;
}

/**
 * cp_identity_format:
 *
 * Returns: (transfer full): "Name <email>", or the name alone
 */
char *
cp_identity_format (const char *name,
                    const char *email)
{
  if (email == NULL || *email == '\0')
    return g_strdup (name ? name : "");

  return g_strdup_printf ("%s <%s>", name ? name : "", email);
}

static char *
git_config_string (git_config *config,
                   const char *key)
{
  git_buf value = GIT_BUF_INIT;
  char *copy = NULL;

  if (git_config_get_string_buf (&value, config, key) == 0)
    copy = g_strndup (value.ptr, value.size);
  git_buf_dispose (&value);

  return copy;
}

/**
 * cp_identity_guess:
 * @name: (out) (nullable): a name to offer, or %NULL
 * @email: (out) (nullable): an address to offer, or %NULL
 *
 * What to offer when asking who the user is: git's user.name and
 * user.email from the user's own configuration, else the real name the
 * system knows. A login name is never offered.
 */
void
cp_identity_guess (char **name,
                   char **email)
{
  git_config *config = NULL;
  g_autofree char *n = NULL;
  g_autofree char *e = NULL;

  cp_git_init ();
  if (git_config_open_default (&config) == 0)
    {
      n = git_config_string (config, "user.name");
      e = git_config_string (config, "user.email");
      git_config_free (config);
    }

  if (n == NULL || !cp_identity_check (n, NULL, NULL))
    {
      const char *real = g_get_real_name ();

      g_free (n);
      n = real != NULL && g_strcmp0 (real, "Unknown") != 0 && cp_identity_check (real, NULL, NULL)
          ? g_strdup (real) : NULL;
    }

  if (e != NULL && !cp_identity_check ("Someone", e, NULL))
    g_clear_pointer (&e, g_free);

  *name = g_steal_pointer (&n);
  *email = g_steal_pointer (&e);
}
