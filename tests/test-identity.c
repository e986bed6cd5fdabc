/* test-identity.c — who is at the keyboard
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cp-identity.h"
#include "cp-store.h"
#include "cp-test-store.h"

static void
test_parse (void)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_identity_parse ("  Dana Whitfield <dana@example.org>", &name, &email, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Dana Whitfield");
  g_assert_cmpstr (email, ==, "dana@example.org");
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&email, g_free);

  /* A name alone will do; the address is then empty. */
  g_assert_true (cp_identity_parse ("Sam Okafor", &name, &email, &error));
  g_assert_cmpstr (name, ==, "Sam Okafor");
  g_assert_cmpstr (email, ==, "");
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&email, g_free);

  /* Written back as git writes an author. */
  name = cp_identity_format ("Dana Whitfield", "dana@example.org");
  g_assert_cmpstr (name, ==, "Dana Whitfield <dana@example.org>");
  g_clear_pointer (&name, g_free);
  name = cp_identity_format ("Sam Okafor", "");
  g_assert_cmpstr (name, ==, "Sam Okafor");
  g_clear_pointer (&name, g_free);
}

/* Each is refused with a reason, and nothing is returned. */
static void
test_refused (void)
{
  g_autofree char *login = g_strdup_printf ("%s <me@example.org>", g_get_user_name ());
  const char *bad[] = {
    "", "   ", "root", "ROOT <root@example.org>", login, "<dana@example.org>",
    "Dana <dana>", "Dana <@example.org>", "Dana <dana@>", "Dana <dana@example.org", "Dana <dana@example.org> x",
    "Dana <a@b@c>", "Dana <da na@example.org>", "Da\nna <dana@example.org>", "Da\tna <dana@example.org>",
    "Dana > Whitfield", "\xff\xfe <dana@example.org>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;
      g_autoptr(GError) error = NULL;

      if (cp_identity_parse (bad[i], &name, &email, &error))
        g_error ("“%s” was taken as %s <%s>", bad[i], name, email);
      g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
      g_assert_null (name);
      g_assert_null (email);
    }

  g_assert_false (cp_identity_name_is_usable (NULL));
  g_assert_false (cp_identity_name_is_usable ("root"));
  g_assert_false (cp_identity_name_is_usable (g_get_user_name ()));
  g_assert_true (cp_identity_name_is_usable ("Dana Whitfield"));
}

/* Writes a git configuration in a home of its own and points git at it. */
static char *
home_with_gitconfig (const char *config)
{
  char *home = cp_test_make_dir ();
  g_autofree char *path = g_build_filename (home, ".gitconfig", NULL);

  g_assert_true (g_file_set_contents (path, config, -1, NULL));
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);

  return home;
}

/* The first guess is the one git's commits already carry. */
static void
test_guess_from_git (void)
{
  g_autofree char *home = home_with_gitconfig ("[user]\n\tname = Dana Whitfield\n\temail = dana@example.org\n");
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  cp_identity_guess (&name, &email);
  g_assert_cmpstr (name, ==, "Dana Whitfield");
  g_assert_cmpstr (email, ==, "dana@example.org");

  cp_test_remove_tree (home);
}

/* A login name in git's configuration is not offered either; nor is a
 * bad address.
 */
static void
test_guess_never_login (void)
{
  g_autofree char *home = home_with_gitconfig ("[user]\n\tname = root\n\temail = not an address\n");
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  cp_identity_guess (&name, &email);
  g_assert_true (name == NULL || cp_identity_name_is_usable (name));
  g_assert_cmpstr (name, !=, "root");
  g_assert_null (email);

  cp_test_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/identity/parse", test_parse);
  g_test_add_func ("/identity/refused", test_refused);
  g_test_add_func ("/identity/guess-from-git", test_guess_from_git);
  g_test_add_func ("/identity/guess-never-login", test_guess_never_login);

  return g_test_run ();
}
