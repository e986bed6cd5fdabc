/* cp-types.h — enumerations and forward declarations shared by the core
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CpStore          CpStore;
typedef struct _CpEngagement     CpEngagement;
typedef struct _CpStakeholder    CpStakeholder;
typedef struct _CpEngagementList CpEngagementList;
typedef struct _CpTemplate       CpTemplate;
typedef struct _CpCycle          CpCycle;
typedef struct _CpPhase          CpPhase;
typedef struct _CpChecklistItem  CpChecklistItem;
typedef struct _CpSignOff        CpSignOff;
typedef struct _CpNote           CpNote;
typedef struct _CpSession        CpSession;
typedef struct _CpGoal           CpGoal;
typedef struct _CpMaturity       CpMaturity;
typedef struct _CpWorkstream     CpWorkstream;
typedef struct _CpMentoring      CpMentoring;
typedef struct _CpAuditItem      CpAuditItem;
typedef struct _CpAction         CpAction;
typedef struct _CpOpportunity    CpOpportunity;
typedef struct _CpContract       CpContract;
typedef struct _CpExitItem       CpExitItem;

/* The way an organisation chose to run its ITSM implementation. The
 * nicks ("done-to-you", "do-it-yourself", "coached") are what the
 * database, the command line and exports store.
 */
typedef enum
{
  CP_APPROACH_UNDECIDED,
  CP_APPROACH_DONE_TO_YOU,
  CP_APPROACH_DO_IT_YOURSELF,
  CP_APPROACH_COACHED,
} CpApproach;

/* Whether the programme is part of the strategic plan or fixes an
 * operational problem that already hurts.
 */
typedef enum
{
  CP_DRIVER_UNDECIDED,
  CP_DRIVER_STRATEGY,
  CP_DRIVER_OPERATIONAL,
} CpDriver;

typedef enum
{
  CP_STATUS_PLANNED,
  CP_STATUS_ACTIVE,
  CP_STATUS_CLOSED,
} CpStatus;

/* What a CSIP phase is for, whatever a template calls it; an approach's
 * risk checks land in the phase with the role they concern. In the order
 * a cycle runs.
 */
typedef enum
{
  CP_PHASE_ROLE_VISION,
  CP_PHASE_ROLE_BASELINE,
  CP_PHASE_ROLE_TARGETS,
  CP_PHASE_ROLE_PLAN,
  CP_PHASE_ROLE_ACTION,
  CP_PHASE_ROLE_REVIEW,
  CP_PHASE_ROLE_MOMENTUM,
} CpPhaseRole;

typedef enum
{
  CP_PHASE_STATUS_NOT_STARTED,
  CP_PHASE_STATUS_IN_PROGRESS,
  CP_PHASE_STATUS_DONE,
} CpPhaseStatus;

/* Where a checklist item came from. */
typedef enum
{
  CP_ITEM_SOURCE_TEMPLATE,
  CP_ITEM_SOURCE_APPROACH,
  CP_ITEM_SOURCE_USER,
} CpItemSource;

typedef enum
{
  CP_DECISION_APPROVED,
  CP_DECISION_CHANGES_REQUESTED,
} CpDecision;

/* Who may read a note: the coach alone, the client too, or the sponsor
 * too (and so its reports).
 */
typedef enum
{
  CP_VISIBILITY_COACH,
  CP_VISIBILITY_CLIENT,
  CP_VISIBILITY_SPONSOR,
} CpVisibility;

/* Who a shared engagement's repository is for: the coaching team
 * (everything), the client (every note but coach-only ones) or the
 * sponsor (sponsor-visible notes only).
 */
typedef enum
{
  CP_AUDIENCE_TEAM,
  CP_AUDIENCE_CLIENT,
  CP_AUDIENCE_SPONSOR,
} CpAudience;

typedef enum
{
  CP_SESSION_KIND_ONE_ON_ONE,
  CP_SESSION_KIND_WORKSHOP,
  CP_SESSION_KIND_REVIEW,
  CP_SESSION_KIND_SPONSOR_MEETING,
  CP_SESSION_KIND_REMOTE,
} CpSessionKind;

/* Where a session's coaching goes: where a coach helps most. */
typedef enum
{
  CP_COACHING_AREA_UNSET,
  CP_COACHING_AREA_CSIP,      /* establishing the CSIP: drivers, scope, agreement */
  CP_COACHING_AREA_PROCESS,   /* implementing a process */
  CP_COACHING_AREA_REVIEW,    /* reviewing implemented processes */
} CpCoachingArea;

/* Where a stakeholder stands toward the programme. */
typedef enum
{
  CP_STANCE_UNSET,
  CP_STANCE_CHAMPION,
  CP_STANCE_SUPPORTER,
  CP_STANCE_NEUTRAL,
  CP_STANCE_SCEPTIC,
  CP_STANCE_BLOCKER,
} CpStance;

/* How much a stakeholder sways the programme. */
typedef enum
{
  CP_INFLUENCE_UNSET,
  CP_INFLUENCE_HIGH,
  CP_INFLUENCE_MEDIUM,
  CP_INFLUENCE_LOW,
} CpInfluence;

/* A role around a service management office; with none, the client's
 * own role (free text) is what the stakeholder does.
 */
typedef enum
{
  CP_SMO_ROLE_NONE,
  CP_SMO_ROLE_CHAMPION,         /* a servant leader or champion of a practice */
  CP_SMO_ROLE_SERVICE_MANAGER,  /* owns a service's outcomes end to end */
  CP_SMO_ROLE_IT_LEADER,        /* a digital and IT leader */
} CpSmoRole;

/* The four characteristics an IT organisation shows as a service
 * provider.
 */
typedef enum
{
  CP_CHARACTERISTIC_UNDERSTANDING,  /* of the customer's need, unambiguous */
  CP_CHARACTERISTIC_SOURCING,       /* a model for in-, out- or multi-sourcing decisions */
  CP_CHARACTERISTIC_PROCESSES,      /* repeatable, for consistent execution */
  CP_CHARACTERISTIC_INNOVATION,     /* structured */
} CpCharacteristic;

#define CP_N_CHARACTERISTICS 4

/* A characteristic's scores, 0 to 5, or -1 when not scored. */
typedef struct
{
  int   baseline_level;
  char *baseline_evidence;
  int   review_level;
  char *review_evidence;
} CpReadiness;

/* A mentor's profile. */
typedef enum
{
  CP_MENTOR_PROFILE_UNSET,
  CP_MENTOR_PROFILE_EXPERT,           /* a subject-matter expert, deep in one field */
  CP_MENTOR_PROFILE_SYSTEMS_THINKER,  /* methods across industries */
} CpMentorProfile;

/* How the mentoring is given. */
typedef enum
{
  CP_MENTORING_FORMAT_UNSET,
  CP_MENTORING_FORMAT_ONE_ON_ONE,
  CP_MENTORING_FORMAT_MASS,      /* workshops and labs */
  CP_MENTORING_FORMAT_BLENDED,   /* remote training with a local mentor */
} CpMentoringFormat;

/* A session as planned, before it is added: see cp_engagement_plan_session(). */
typedef struct
{
  const char    *starts_at;  /* YYYY-MM-DDTHH:MM, local time */
  CpSessionKind  kind;
  guint          duration;   /* minutes; 0 for an hour */
  const char    *topic;      /* nullable */
  gint64         phase_id;   /* 0 for none */
  CpCoachingArea area;
  GArray        *attendees;  /* (element-type gint64) (nullable): stakeholder ids */
} CpSessionPlan;

/* Who leads a process or workstream, on the way to the coach's exit. */
typedef enum
{
  CP_STAGE_COACH_LEADS,
  CP_STAGE_STAFF_WITH_COACH,
  CP_STAGE_STAFF_ALONE,
} CpStage;

/* An improvement opportunity in the CSI register. */
typedef enum
{
  CP_SIZE_SMALL,
  CP_SIZE_MEDIUM,
  CP_SIZE_LARGE,
} CpSize;

typedef enum
{
  CP_PRIORITY_LOW,
  CP_PRIORITY_MEDIUM,
  CP_PRIORITY_HIGH,
} CpPriority;

typedef enum
{
  CP_OPPORTUNITY_RAISED,
  CP_OPPORTUNITY_APPROVED,
  CP_OPPORTUNITY_IN_PROGRESS,
  CP_OPPORTUNITY_DONE,
  CP_OPPORTUNITY_REJECTED,
} CpOpportunityStatus;

/* A filter value for lists: any status. */
#define CP_STATUS_ANY ((CpStatus) -1)

const char *cp_approach_to_string  (CpApproach  approach);
gboolean    cp_approach_from_string (const char *str,
                                     CpApproach *approach);
const char *cp_driver_to_string    (CpDriver    driver);
const char *cp_driver_get_label    (CpDriver    driver);
gboolean    cp_driver_from_string  (const char *str,
                                    CpDriver   *driver);
const char *cp_status_to_string    (CpStatus    status);
gboolean    cp_status_from_string  (const char *str,
                                    CpStatus   *status);
const char *cp_phase_role_to_string   (CpPhaseRole    role);
gboolean    cp_phase_role_from_string (const char    *str,
                                       CpPhaseRole   *role);
const char *cp_phase_status_to_string   (CpPhaseStatus  status);
gboolean    cp_phase_status_from_string (const char    *str,
                                         CpPhaseStatus *status);
const char *cp_item_source_to_string   (CpItemSource   source);
gboolean    cp_item_source_from_string (const char    *str,
                                        CpItemSource  *source);
const char *cp_visibility_to_string   (CpVisibility   visibility);
gboolean    cp_visibility_from_string (const char    *str,
                                       CpVisibility  *visibility);
const char *cp_audience_to_string   (CpAudience     audience);
gboolean    cp_audience_from_string (const char    *str,
                                     CpAudience    *audience);
gboolean    cp_audience_includes    (CpAudience     audience,
                                     CpVisibility   visibility);
const char *cp_session_kind_to_string   (CpSessionKind  kind);
gboolean    cp_session_kind_from_string (const char    *str,
                                         CpSessionKind *kind);
const char *cp_stance_to_string          (CpStance        stance);
gboolean    cp_stance_from_string        (const char     *str,
                                          CpStance       *stance);
const char *cp_influence_to_string       (CpInfluence     influence);
gboolean    cp_influence_from_string     (const char     *str,
                                          CpInfluence    *influence);
const char *cp_smo_role_to_string        (CpSmoRole       role);
gboolean    cp_smo_role_from_string      (const char     *str,
                                          CpSmoRole      *role);
const char *cp_characteristic_to_string  (CpCharacteristic characteristic);
gboolean    cp_characteristic_from_string (const char      *str,
                                           CpCharacteristic *characteristic);
const char *cp_mentor_profile_to_string  (CpMentorProfile profile);
gboolean    cp_mentor_profile_from_string (const char     *str,
                                           CpMentorProfile *profile);
const char *cp_mentoring_format_to_string (CpMentoringFormat format);
gboolean    cp_mentoring_format_from_string (const char       *str,
                                             CpMentoringFormat *format);
const char *cp_coaching_area_to_string   (CpCoachingArea  area);
gboolean    cp_coaching_area_from_string (const char     *str,
                                          CpCoachingArea *area);
const char *cp_stage_to_string   (CpStage        stage);
gboolean    cp_stage_from_string (const char    *str,
                                  CpStage       *stage);
const char *cp_size_to_string     (CpSize         size);
gboolean    cp_size_from_string   (const char    *str,
                                   CpSize        *size);
const char *cp_priority_to_string   (CpPriority     priority);
gboolean    cp_priority_from_string (const char    *str,
                                     CpPriority    *priority);
const char *cp_opportunity_status_to_string   (CpOpportunityStatus  status);
gboolean    cp_opportunity_status_from_string (const char          *str,
                                               CpOpportunityStatus *status);
const char *cp_decision_to_string   (CpDecision     decision);
gboolean    cp_decision_from_string (const char    *str,
                                     CpDecision    *decision);

G_END_DECLS
