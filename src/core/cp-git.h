/* cp-git.h — libgit2, set up once for the process
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void cp_git_init (void);

G_END_DECLS
