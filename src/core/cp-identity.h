/* cp-identity.h — who is at the keyboard: a name and an email address
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  cp_identity_parse          (const char  *text,
                                      char       **name,
                                      char       **email,
                                      GError     **error);
gboolean  cp_identity_check          (const char  *name,
                                      const char  *email,
                                      GError     **error);
char     *cp_identity_format         (const char  *name,
                                      const char  *email);
void      cp_identity_guess          (char       **name,
                                      char       **email);
gboolean  cp_identity_name_is_usable (const char  *name);

G_END_DECLS
