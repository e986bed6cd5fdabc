/* cp-measures-page-private.h — the Measures page's parts, shared by the
 * files that make it: cp-measures-page.c (goals, actions, handover, the
 * exit checklist) and cp-measures-page-maturity.c (maturity, the ITSM
 * audit, readiness)
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-engagement.h"
#include "cp-maturity-chart.h"
#include "cp-measures-page.h"

G_BEGIN_DECLS

struct _CpMeasuresPage
{
  AdwBin           parent_instance;

  CpEngagement    *engagement;

  AdwActionRow    *track_row;
  AdwActionRow    *maturity_row;
  AdwActionRow    *handover_row;
  AdwActionRow    *actions_row;
  AdwActionRow    *contract_row;
  AdwPreferencesGroup *exit_group;
  AdwActionRow    *exit_row;
  GtkImage        *exit_icon;
  GtkListBox      *exit_list;
  AdwEntryRow     *new_exit_row;
  GtkListBox      *actions_list;
  AdwEntryRow     *new_action_row;
  GtkLevelBar     *handover_level;
  GtkListBox      *coaching_list;
  GtkListBox      *goals_list;
  AdwEntryRow     *new_goal_row;
  CpMaturityChart *chart;
  GtkListBox      *maturity_list;
  AdwEntryRow     *new_practice_row;
  GtkListBox      *workstreams_list;
  GtkListBox      *readiness_list;
  GtkListBox      *audit_list;
  AdwEntryRow     *new_audit_row;
  AdwEntryRow     *new_workstream_row;

  guint            editable : 1;
};

void       _cp_measures_page_update_summary       (CpMeasuresPage *self);
GtkWidget *_cp_measures_page_entry_row            (AdwExpanderRow *parent,
                                                   const char     *title,
                                                   const char     *text);
GtkWidget *_cp_measures_page_create_maturity_row  (gpointer        item,
                                                   gpointer        user_data);
void       _cp_measures_page_fill_audit           (CpMeasuresPage *self);
void       _cp_measures_page_add_audit            (CpMeasuresPage *self);
void       _cp_measures_page_baseline_from_audit  (GtkWidget      *widget,
                                                   const char     *action_name,
                                                   GVariant       *param);
void       _cp_measures_page_fill_readiness       (CpMeasuresPage *self);

G_END_DECLS
