/* cp-calendar.h — sessions and actions as iCalendar, and back
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest calendar file an import reads. */
#define CP_CALENDAR_MAX_BYTES (16 * 1024 * 1024)
/* At most this many sessions come from one recurring event. */
#define CP_CALENDAR_MAX_OCCURRENCES 500

/* A session or an action with a due date, as a calendar shows it. */
typedef struct
{
  gboolean  is_task;
  gint64    engagement_id;
  char     *engagement_uuid;
  char     *engagement_title;
  char     *record_uuid;
  /* A session */
  char     *starts_at;     /* YYYY-MM-DDTHH:MM, this computer's time */
  guint     duration;      /* minutes */
  char     *kind;
  char     *area;
  char     *topic;
  char     *phase_code;    /* "C.P", or NULL */
  char     *phase_name;
  char     *attendees;     /* "name\tcontact" lines */
  /* An action */
  char     *due_on;        /* YYYY-MM-DD */
  gboolean  done;
  char     *owner;
} CpCalendarRecord;

void  cp_calendar_record_free (CpCalendarRecord *record);

/* An event or to-do read from a calendar file. */
typedef struct
{
  gboolean  is_task;
  gboolean  cancelled;
  guint     line;              /* where it begins in the file */
  char     *uid;
  char     *record_uuid;       /* the Coachplan record it names, or NULL */
  char     *engagement_uuid;   /* the engagement its link names, or NULL */
  char     *engagement_title;
  char     *starts_at;
  guint     duration;
  char     *topic;
  char     *kind;              /* NULL when the file does not say */
  char     *area;
  char     *phase_code;
  char     *attendees;         /* "name\temail" lines */
  char     *due_on;
  gboolean  done;
  char     *owner;
  gint64    sequence;
  char     *stamp;
  char     *component;         /* as written, for one that stays cancelled */
} CpCalendarItem;

void  cp_calendar_item_free (CpCalendarItem *item);

/* What an import did. */
typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint people_added;
  guint skipped;       /* cancelled, or to-dos from other programs */
  guint capped;        /* recurring events cut at the limit */
} CpCalendarImport;

/* What a calendar was last given of a record. */
typedef struct
{
  char   *uid;
  gint64  engagement_id;
  char   *record_uuid;
  gint64  sequence;
  char   *stamp;       /* DTSTAMP, YYYYMMDDTHHMMSSZ */
  char   *component;   /* without SEQUENCE and DTSTAMP */
} CpCalendarEntry;

void  cp_calendar_entry_free (CpCalendarEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpCalendarEntry, cp_calendar_entry_free)

char      *cp_calendar_uid_for          (const char        *record_uuid);
char      *cp_calendar_link             (const CpCalendarRecord *record);
char      *cp_calendar_component        (const CpCalendarRecord *record,
                                         const char        *uid);
char      *cp_calendar_cancel           (const char        *component);
char      *cp_calendar_assemble         (GPtrArray         *entries,
                                         const char        *name,
                                         GError           **error);
char      *cp_calendar_stamp_now        (void);
GPtrArray *cp_calendar_parse            (const char        *text,
                                         gsize              length,
                                         const char        *from,
                                         const char        *to,
                                         CpCalendarImport  *result,
                                         GError           **error);
gboolean   cp_calendar_parse_link       (const char        *uri,
                                         char             **engagement_uuid,
                                         char             **kind,
                                         char             **record_uuid);
char      *cp_calendar_email_of         (const char        *contact);
char      *cp_calendar_local_zone       (void);

G_END_DECLS
