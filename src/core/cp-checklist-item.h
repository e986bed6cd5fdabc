/* cp-checklist-item.h — one item of a phase's review checklist
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_CHECKLIST_ITEM (cp_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (CpChecklistItem, cp_checklist_item, CP, CHECKLIST_ITEM, GObject)

gint64        cp_checklist_item_get_id       (CpChecklistItem  *self);
const char   *cp_checklist_item_get_text     (CpChecklistItem  *self);
void          cp_checklist_item_set_text     (CpChecklistItem  *self,
                                              const char       *text);
const char   *cp_checklist_item_get_comment  (CpChecklistItem  *self);
void          cp_checklist_item_set_comment  (CpChecklistItem  *self,
                                              const char       *comment);
gboolean      cp_checklist_item_get_done     (CpChecklistItem  *self);
gboolean      cp_checklist_item_set_done     (CpChecklistItem  *self,
                                              gboolean          done,
                                              const char       *who,
                                              GError          **error);
const char   *cp_checklist_item_get_done_by  (CpChecklistItem  *self);
const char   *cp_checklist_item_get_done_at  (CpChecklistItem  *self);
CpItemSource  cp_checklist_item_get_source   (CpChecklistItem  *self);
CpApproach    cp_checklist_item_get_approach (CpChecklistItem  *self);

G_END_DECLS
