/* cp-exit-item.h — one thing that must be true before the coach leaves
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_EXIT_ITEM (cp_exit_item_get_type ())

G_DECLARE_FINAL_TYPE (CpExitItem, cp_exit_item, CP, EXIT_ITEM, GObject)

gint64      cp_exit_item_get_id      (CpExitItem *self);
const char *cp_exit_item_get_text    (CpExitItem *self);
gboolean    cp_exit_item_get_done    (CpExitItem *self);
const char *cp_exit_item_get_done_on (CpExitItem *self);
void        cp_exit_item_set_done    (CpExitItem *self,
                                      gboolean    done);

G_END_DECLS
