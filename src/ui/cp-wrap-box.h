/* cp-wrap-box.h
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CP_TYPE_WRAP_BOX (cp_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (CpWrapBox, cp_wrap_box, CP, WRAP_BOX, GtkWidget)

GtkWidget *cp_wrap_box_new    (void);
void       cp_wrap_box_append (CpWrapBox *self,
                               GtkWidget *child);

G_END_DECLS
