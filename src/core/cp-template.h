/* cp-template.h — a CSIP template: phases and their review checklists
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_TEMPLATE (cp_template_get_type ())

G_DECLARE_FINAL_TYPE (CpTemplate, cp_template, CP, TEMPLATE, GObject)

GListModel         *cp_template_get_all               (void);
CpTemplate         *cp_template_lookup                (const char *id);
CpTemplate         *cp_template_get_default           (void);
CpTemplate         *cp_template_new_from_bytes        (GBytes     *bytes,
                                                       GError    **error);
const char         *cp_template_get_id                (CpTemplate *self);
const char         *cp_template_get_name              (CpTemplate *self);
const char         *cp_template_get_description       (CpTemplate *self);
gboolean            cp_template_get_is_default        (CpTemplate *self);
guint               cp_template_get_n_phases          (CpTemplate *self);
const char         *cp_template_get_phase_name        (CpTemplate *self,
                                                       guint       phase);
const char         *cp_template_get_phase_description (CpTemplate *self,
                                                       guint       phase);
CpPhaseRole         cp_template_get_phase_role        (CpTemplate *self,
                                                       guint       phase);
const char * const *cp_template_get_phase_checks      (CpTemplate *self,
                                                       guint       phase);

G_END_DECLS
