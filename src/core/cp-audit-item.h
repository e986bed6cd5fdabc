/* cp-audit-item.h — one criterion of an ITSM audit
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_AUDIT_ITEM (cp_audit_item_get_type ())

G_DECLARE_FINAL_TYPE (CpAuditItem, cp_audit_item, CP, AUDIT_ITEM, GObject)

gint64      cp_audit_item_get_id        (CpAuditItem *self);
const char *cp_audit_item_get_practice  (CpAuditItem *self);
int         cp_audit_item_get_level     (CpAuditItem *self);
const char *cp_audit_item_get_criterion (CpAuditItem *self);
gboolean    cp_audit_item_get_met       (CpAuditItem *self);
void        cp_audit_item_set_met       (CpAuditItem *self,
                                         gboolean     met);
const char *cp_audit_item_get_note      (CpAuditItem *self);
void        cp_audit_item_set_note      (CpAuditItem *self,
                                         const char  *note);

G_END_DECLS
