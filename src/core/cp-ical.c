/* cp-ical.c — libical, loaded on first use
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define CP_ICAL_FILLING_TABLE
#include "cp-ical.h"

CP_LOADER_DEFINE (CpIcalFunctions, cp_ical_functions, LIBICAL_SONAME, CP_ICAL_FUNCTIONS)
