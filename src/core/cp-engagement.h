/* cp-engagement.h — one coaching engagement with a client organisation
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-types.h"

#include "cp-date.h"

G_BEGIN_DECLS

#define CP_TYPE_ENGAGEMENT (cp_engagement_get_type ())

G_DECLARE_FINAL_TYPE (CpEngagement, cp_engagement, CP, ENGAGEMENT, GObject)

gint64         cp_engagement_get_id           (CpEngagement  *self);
char          *cp_engagement_dup_uuid         (CpEngagement  *self,
                                               GError       **error);
gint64         cp_store_find_engagement_by_uuid (CpStore     *store,
                                                 const char  *uuid);
CpStore       *cp_engagement_get_store        (CpEngagement  *self);
const char    *cp_engagement_get_title        (CpEngagement  *self);
void           cp_engagement_set_title        (CpEngagement  *self,
                                               const char    *title);
const char    *cp_engagement_get_client       (CpEngagement  *self);
void           cp_engagement_set_client       (CpEngagement  *self,
                                               const char    *client);
const char    *cp_engagement_get_sponsor      (CpEngagement  *self);
void           cp_engagement_set_sponsor      (CpEngagement  *self,
                                               const char    *sponsor);
const char    *cp_engagement_get_coach        (CpEngagement  *self);
void           cp_engagement_set_coach        (CpEngagement  *self,
                                               const char    *coach);
const char    *cp_engagement_get_scope        (CpEngagement  *self);
void           cp_engagement_set_scope        (CpEngagement  *self,
                                               const char    *scope);
CpApproach     cp_engagement_get_approach     (CpEngagement  *self);
void           cp_engagement_set_approach     (CpEngagement  *self,
                                               CpApproach     approach);
CpDriver       cp_engagement_get_driver       (CpEngagement  *self);
void           cp_engagement_set_driver       (CpEngagement  *self,
                                               CpDriver       driver);
CpStatus       cp_engagement_get_status       (CpEngagement  *self);
void           cp_engagement_set_status       (CpEngagement  *self,
                                               CpStatus       status);
const char    *cp_engagement_get_start_date   (CpEngagement  *self);
gboolean       cp_engagement_set_start_date   (CpEngagement  *self,
                                               const char    *date);
const char    *cp_engagement_get_end_date     (CpEngagement  *self);
gboolean       cp_engagement_set_end_date     (CpEngagement  *self,
                                               const char    *date);
const char    *cp_engagement_get_created      (CpEngagement  *self);
const char    *cp_engagement_get_updated      (CpEngagement  *self);
gboolean       cp_engagement_get_trashed      (CpEngagement  *self);
GListModel    *cp_engagement_get_stakeholders (CpEngagement  *self,
                                               GError       **error);
CpStakeholder *cp_engagement_add_stakeholder  (CpEngagement  *self,
                                               const char    *name,
                                               const char    *role,
                                               const char    *contact,
                                               GError       **error);
CpStakeholder *cp_engagement_restore_stakeholder (CpEngagement  *self,
                                                 CpStakeholder *removed,
                                                 GError       **error);
gboolean       cp_engagement_remove_stakeholder (CpEngagement  *self,
                                                 CpStakeholder *stakeholder,
                                                 GError       **error);

GListModel    *cp_engagement_get_cycles       (CpEngagement  *self,
                                               GError       **error);
CpCycle       *cp_engagement_get_current_cycle (CpEngagement *self);
CpCycle       *cp_engagement_start_cycle      (CpEngagement  *self,
                                               CpTemplate    *template,
                                               GError       **error);
gboolean       cp_engagement_remove_latest_cycle (CpEngagement  *self,
                                                  CpCycle       *cycle,
                                                  GError       **error);
gboolean       cp_engagement_add_approach_checks (CpEngagement  *self,
                                                  CpCycle       *cycle,
                                                  CpApproach     approach,
                                                  guint         *n_added,
                                                  GError       **error);
gboolean       cp_engagement_change_approach  (CpEngagement  *self,
                                               CpApproach     approach,
                                               const char    *reason,
                                               gboolean       add_checks,
                                               GError       **error);
GPtrArray     *cp_engagement_dup_approach_history (CpEngagement  *self,
                                                   GError       **error);

GListModel    *cp_engagement_get_notes        (CpEngagement  *self,
                                               GError       **error);
CpNote        *cp_engagement_add_note         (CpEngagement  *self,
                                               const char    *title,
                                               const char    *body,
                                               GError       **error);
gboolean       cp_engagement_remove_note      (CpEngagement  *self,
                                               CpNote        *note,
                                               GError       **error);
CpNote        *cp_engagement_restore_note     (CpEngagement  *self,
                                               CpNote        *removed,
                                               GError       **error);

GListModel    *cp_engagement_get_sessions     (CpEngagement  *self,
                                               GError       **error);
CpSession     *cp_engagement_add_session      (CpEngagement  *self,
                                               const char    *starts_at,
                                               CpSessionKind  kind,
                                               GError       **error);
CpSession     *cp_engagement_plan_session     (CpEngagement        *self,
                                               const CpSessionPlan *plan,
                                               GError             **error);
guint          cp_engagement_get_coaching_minutes (CpEngagement *self,
                                                   const char   *now,
                                                   guint         by_area[CP_COACHING_AREA_REVIEW + 1],
                                                   guint         by_kind[CP_SESSION_KIND_REMOTE + 1]);
gboolean       cp_engagement_remove_session   (CpEngagement  *self,
                                               CpSession     *session,
                                               GError       **error);

GListModel    *cp_engagement_get_goals        (CpEngagement  *self,
                                               GError       **error);
CpGoal        *cp_engagement_add_goal         (CpEngagement  *self,
                                               const char    *name,
                                               GError       **error);
GListModel    *cp_engagement_get_maturity     (CpEngagement  *self,
                                               GError       **error);
CpMaturity    *cp_engagement_add_practice     (CpEngagement  *self,
                                               const char    *practice,
                                               GError       **error);
gboolean       cp_engagement_add_standard_practices (CpEngagement  *self,
                                                     GError       **error);
GListModel    *cp_engagement_get_workstreams  (CpEngagement  *self,
                                               GError       **error);
CpWorkstream  *cp_engagement_add_workstream   (CpEngagement  *self,
                                               const char    *name,
                                               GError       **error);
char          *cp_engagement_dup_exit_readiness (CpEngagement *self,
                                                 gboolean     *ready);
gboolean       cp_engagement_remove_measure   (CpEngagement  *self,
                                               GObject       *measure,
                                               GError       **error);
double         cp_engagement_get_handover     (CpEngagement  *self);
GListModel    *cp_engagement_get_actions      (CpEngagement  *self,
                                               GError       **error);
CpAction      *cp_engagement_add_action       (CpEngagement  *self,
                                               const char    *text,
                                               GError       **error);
GListModel    *cp_engagement_get_contracts    (CpEngagement  *self,
                                               GError       **error);
CpContract    *cp_engagement_get_draft_contract (CpEngagement *self,
                                                 GError      **error);
GListModel    *cp_engagement_get_exit_items   (CpEngagement  *self,
                                               GError       **error);
CpExitItem    *cp_engagement_add_exit_item    (CpEngagement  *self,
                                               const char    *text,
                                               GError       **error);
gboolean       cp_engagement_add_standard_exit_items (CpEngagement  *self,
                                                      GError       **error);
gboolean       cp_engagement_add_exit_items_for_roles (CpEngagement  *self,
                                                       GError       **error);
gboolean       cp_engagement_get_readiness    (CpEngagement     *self,
                                               CpCharacteristic  characteristic,
                                               CpReadiness      *readiness,
                                               GError          **error);
gboolean       cp_engagement_set_readiness    (CpEngagement      *self,
                                               CpCharacteristic   characteristic,
                                               const CpReadiness *readiness,
                                               GError           **error);
void           cp_readiness_clear             (CpReadiness      *readiness);
char          *cp_readiness_dup_summary       (const CpReadiness *readiness);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CpReadiness, cp_readiness_clear)
const char    *cp_characteristic_get_name     (CpCharacteristic  characteristic);
GListModel    *cp_engagement_get_audit_items  (CpEngagement  *self,
                                               GError       **error);
gboolean       cp_engagement_audit_practice   (CpEngagement  *self,
                                               const char    *practice,
                                               GError       **error);
int            cp_engagement_get_audit_level  (CpEngagement  *self,
                                               const char    *practice);
gboolean       cp_engagement_set_baseline_from_audit (CpEngagement  *self,
                                                      GError       **error);
GListModel    *cp_engagement_get_mentorings   (CpEngagement  *self,
                                               GError       **error);
CpMentoring   *cp_engagement_add_mentoring    (CpEngagement  *self,
                                               const char    *mentor,
                                               GError       **error);
gboolean       cp_engagement_is_ready_for_exit (CpEngagement *self);
GListModel    *cp_engagement_get_opportunities (CpEngagement *self,
                                                GError      **error);
CpOpportunity *cp_engagement_add_opportunity  (CpEngagement  *self,
                                               const char    *description,
                                               GError       **error);

/* One change of approach in an engagement's history. */
typedef struct
{
  CpApproach  from;
  CpApproach  to;
  char       *date;    /* YYYY-MM-DD */
  char       *reason;
} CpApproachChange;

void           cp_approach_change_free        (CpApproachChange *change);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpApproachChange, cp_approach_change_free)

G_END_DECLS
