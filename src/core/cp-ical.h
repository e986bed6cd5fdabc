/* cp-ical.h — libical, loaded on first use
 *
 * libical brings ICU and the C++ runtime with it, which cost every start
 * milliseconds though few starts touch a calendar. Every libical function
 * the core calls goes through a table filled when the first one is
 * called. Include this header, never <libical/ical.h> alone, to call
 * libical.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libical/ical.h>

#include "cp-loader.h"

G_BEGIN_DECLS

/* The libical functions the core calls. */
#define CP_ICAL_FUNCTIONS(F) \
  F (icalcomponent_add_component) \
  F (icalcomponent_add_property) \
  F (icalcomponent_as_ical_string_r) \
  F (icalcomponent_free) \
  F (icalcomponent_get_dtend) \
  F (icalcomponent_get_dtstamp) \
  F (icalcomponent_get_dtstart) \
  F (icalcomponent_get_due) \
  F (icalcomponent_get_duration) \
  F (icalcomponent_get_first_component) \
  F (icalcomponent_get_first_property) \
  F (icalcomponent_get_next_component) \
  F (icalcomponent_get_next_property) \
  F (icalcomponent_get_recurrenceid) \
  F (icalcomponent_get_sequence) \
  F (icalcomponent_get_status) \
  F (icalcomponent_get_summary) \
  F (icalcomponent_get_uid) \
  F (icalcomponent_isa) \
  F (icalcomponent_new) \
  F (icalcomponent_new_clone) \
  F (icalcomponent_new_from_string) \
  F (icalcomponent_remove_property) \
  F (icalcomponent_set_description) \
  F (icalcomponent_set_dtstamp) \
  F (icalcomponent_set_dtstart) \
  F (icalcomponent_set_due) \
  F (icalcomponent_set_duration) \
  F (icalcomponent_set_sequence) \
  F (icalcomponent_set_status) \
  F (icalcomponent_set_summary) \
  F (icalcomponent_set_uid) \
  F (icaldurationtype_as_int) \
  F (icaldurationtype_from_int) \
  F (icalparameter_get_cn) \
  F (icalparameter_new_cn) \
  F (icalparameter_new_role) \
  F (icalparser_parse_string) \
  F (icalproperty_add_parameter) \
  F (icalproperty_free) \
  F (icalproperty_get_attendee) \
  F (icalproperty_get_categories) \
  F (icalproperty_get_exdate) \
  F (icalproperty_get_first_parameter) \
  F (icalproperty_get_rrule) \
  F (icalproperty_get_url) \
  F (icalproperty_get_x) \
  F (icalproperty_get_x_name) \
  F (icalproperty_new_attendee) \
  F (icalproperty_new_calscale) \
  F (icalproperty_new_categories) \
  F (icalproperty_new_prodid) \
  F (icalproperty_new_status) \
  F (icalproperty_new_url) \
  F (icalproperty_new_version) \
  F (icalproperty_new_x) \
  F (icalproperty_set_x_name) \
  F (icalrecur_iterator_free) \
  F (icalrecur_iterator_new) \
  F (icalrecur_iterator_next) \
  F (icaltime_as_timet_with_zone) \
  F (icaltime_compare_date_only) \
  F (icaltime_from_string) \
  F (icaltime_from_timet_with_zone) \
  F (icaltime_is_null_time) \
  F (icaltime_is_utc) \
  F (icaltime_is_valid_time) \
  F (icaltime_null_time) \
  F (icaltime_set_timezone) \
  F (icaltimezone_get_builtin_timezone) \
  F (icaltimezone_get_component) \
  F (icaltimezone_get_utc_timezone)

typedef struct
{
  CP_ICAL_FUNCTIONS (CP_LOADER_FIELD)
} CpIcalFunctions;

const CpIcalFunctions *cp_ical_functions (void);

#define CP_ICAL(name) (cp_ical_functions ()->name)

/* cp-ical.c fills the table by the functions' own names. */
#ifndef CP_ICAL_FILLING_TABLE
#define icalcomponent_add_component CP_ICAL (icalcomponent_add_component)
#define icalcomponent_add_property CP_ICAL (icalcomponent_add_property)
#define icalcomponent_as_ical_string_r CP_ICAL (icalcomponent_as_ical_string_r)
#define icalcomponent_free CP_ICAL (icalcomponent_free)
#define icalcomponent_get_dtend CP_ICAL (icalcomponent_get_dtend)
#define icalcomponent_get_dtstamp CP_ICAL (icalcomponent_get_dtstamp)
#define icalcomponent_get_dtstart CP_ICAL (icalcomponent_get_dtstart)
#define icalcomponent_get_due CP_ICAL (icalcomponent_get_due)
#define icalcomponent_get_duration CP_ICAL (icalcomponent_get_duration)
#define icalcomponent_get_first_component CP_ICAL (icalcomponent_get_first_component)
#define icalcomponent_get_first_property CP_ICAL (icalcomponent_get_first_property)
#define icalcomponent_get_next_component CP_ICAL (icalcomponent_get_next_component)
#define icalcomponent_get_next_property CP_ICAL (icalcomponent_get_next_property)
#define icalcomponent_get_recurrenceid CP_ICAL (icalcomponent_get_recurrenceid)
#define icalcomponent_get_sequence CP_ICAL (icalcomponent_get_sequence)
#define icalcomponent_get_status CP_ICAL (icalcomponent_get_status)
#define icalcomponent_get_summary CP_ICAL (icalcomponent_get_summary)
#define icalcomponent_get_uid CP_ICAL (icalcomponent_get_uid)
#define icalcomponent_isa CP_ICAL (icalcomponent_isa)
#define icalcomponent_new CP_ICAL (icalcomponent_new)
#define icalcomponent_new_clone CP_ICAL (icalcomponent_new_clone)
#define icalcomponent_new_from_string CP_ICAL (icalcomponent_new_from_string)
#define icalcomponent_remove_property CP_ICAL (icalcomponent_remove_property)
#define icalcomponent_set_description CP_ICAL (icalcomponent_set_description)
#define icalcomponent_set_dtstamp CP_ICAL (icalcomponent_set_dtstamp)
#define icalcomponent_set_dtstart CP_ICAL (icalcomponent_set_dtstart)
#define icalcomponent_set_due CP_ICAL (icalcomponent_set_due)
#define icalcomponent_set_duration CP_ICAL (icalcomponent_set_duration)
#define icalcomponent_set_sequence CP_ICAL (icalcomponent_set_sequence)
#define icalcomponent_set_status CP_ICAL (icalcomponent_set_status)
#define icalcomponent_set_summary CP_ICAL (icalcomponent_set_summary)
#define icalcomponent_set_uid CP_ICAL (icalcomponent_set_uid)
#define icaldurationtype_as_int CP_ICAL (icaldurationtype_as_int)
#define icaldurationtype_from_int CP_ICAL (icaldurationtype_from_int)
#define icalparameter_get_cn CP_ICAL (icalparameter_get_cn)
#define icalparameter_new_cn CP_ICAL (icalparameter_new_cn)
#define icalparameter_new_role CP_ICAL (icalparameter_new_role)
#define icalparser_parse_string CP_ICAL (icalparser_parse_string)
#define icalproperty_add_parameter CP_ICAL (icalproperty_add_parameter)
#define icalproperty_free CP_ICAL (icalproperty_free)
#define icalproperty_get_attendee CP_ICAL (icalproperty_get_attendee)
#define icalproperty_get_categories CP_ICAL (icalproperty_get_categories)
#define icalproperty_get_exdate CP_ICAL (icalproperty_get_exdate)
#define icalproperty_get_first_parameter CP_ICAL (icalproperty_get_first_parameter)
#define icalproperty_get_rrule CP_ICAL (icalproperty_get_rrule)
#define icalproperty_get_url CP_ICAL (icalproperty_get_url)
#define icalproperty_get_x CP_ICAL (icalproperty_get_x)
#define icalproperty_get_x_name CP_ICAL (icalproperty_get_x_name)
#define icalproperty_new_attendee CP_ICAL (icalproperty_new_attendee)
#define icalproperty_new_calscale CP_ICAL (icalproperty_new_calscale)
#define icalproperty_new_categories CP_ICAL (icalproperty_new_categories)
#define icalproperty_new_prodid CP_ICAL (icalproperty_new_prodid)
#define icalproperty_new_status CP_ICAL (icalproperty_new_status)
#define icalproperty_new_url CP_ICAL (icalproperty_new_url)
#define icalproperty_new_version CP_ICAL (icalproperty_new_version)
#define icalproperty_new_x CP_ICAL (icalproperty_new_x)
#define icalproperty_set_x_name CP_ICAL (icalproperty_set_x_name)
#define icalrecur_iterator_free CP_ICAL (icalrecur_iterator_free)
#define icalrecur_iterator_new CP_ICAL (icalrecur_iterator_new)
#define icalrecur_iterator_next CP_ICAL (icalrecur_iterator_next)
#define icaltime_as_timet_with_zone CP_ICAL (icaltime_as_timet_with_zone)
#define icaltime_compare_date_only CP_ICAL (icaltime_compare_date_only)
#define icaltime_from_string CP_ICAL (icaltime_from_string)
#define icaltime_from_timet_with_zone CP_ICAL (icaltime_from_timet_with_zone)
#define icaltime_is_null_time CP_ICAL (icaltime_is_null_time)
#define icaltime_is_utc CP_ICAL (icaltime_is_utc)
#define icaltime_is_valid_time CP_ICAL (icaltime_is_valid_time)
#define icaltime_null_time CP_ICAL (icaltime_null_time)
#define icaltime_set_timezone CP_ICAL (icaltime_set_timezone)
#define icaltimezone_get_builtin_timezone CP_ICAL (icaltimezone_get_builtin_timezone)
#define icaltimezone_get_component CP_ICAL (icaltimezone_get_component)
#define icaltimezone_get_utc_timezone CP_ICAL (icaltimezone_get_utc_timezone)
#endif

G_END_DECLS
