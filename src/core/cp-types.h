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

/* A filter value for lists: any status. */
#define CP_STATUS_ANY ((CpStatus) -1)

const char *cp_approach_to_string  (CpApproach  approach);
gboolean    cp_approach_from_string (const char *str,
                                     CpApproach *approach);
const char *cp_driver_to_string    (CpDriver    driver);
gboolean    cp_driver_from_string  (const char *str,
                                    CpDriver   *driver);
const char *cp_status_to_string    (CpStatus    status);
gboolean    cp_status_from_string  (const char *str,
                                    CpStatus   *status);

G_END_DECLS
