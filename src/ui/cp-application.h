/* cp-application.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CP_TYPE_APPLICATION (cp_application_get_type ())

G_DECLARE_FINAL_TYPE (CpApplication, cp_application, CP, APPLICATION, AdwApplication)

CpApplication *cp_application_new          (GApplicationFlags  flags);
GSettings     *cp_application_get_settings (CpApplication     *self);
gboolean       cp_application_restore_backup (CpApplication   *self,
                                              GtkWindow       *window,
                                              const char      *backup,
                                              GError         **error);
gboolean       cp_application_use_database (CpApplication     *self,
                                            GtkWindow         *window,
                                            const char        *path,
                                            GError           **error);

G_END_DECLS
