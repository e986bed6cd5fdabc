/* cp-calendar.c — sessions and actions as iCalendar, and back
 *
 * Everything iCalendar goes through libical: components are built and
 * written by it, and files are parsed by it after a first pass that
 * checks the file's lines and nesting, so a bad file is refused naming
 * its line, before anything is changed.
 *
 * A session is a VEVENT, an action with a due date a VTODO. Each is
 * written without its SEQUENCE and DTSTAMP first; the store compares
 * that text with what the calendar was last given, and the two are
 * added when the calendar is assembled. Times are this computer's:
 * events are written in its zone and read into it.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cp-calendar.h"
#include "cp-date.h"
#include "cp-ical.h"

#define LINK_PREFIX "coachplan:engagement/"
#define UID_SUFFIX "@coachplan"
#define X_KIND "X-COACHPLAN-KIND"
#define X_AREA "X-COACHPLAN-AREA"
#define X_PHASE "X-COACHPLAN-PHASE"
#define X_OWNER "X-COACHPLAN-OWNER"
#define ALL_DAY_START "09:00"
#define ALL_DAY_MINUTES (8 * 60)

void
cp_calendar_record_free (CpCalendarRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->engagement_uuid);
  g_free (record->engagement_title);
  g_free (record->record_uuid);
  g_free (record->starts_at);
  g_free (record->kind);
  g_free (record->area);
  g_free (record->topic);
  g_free (record->phase_code);
  g_free (record->phase_name);
  g_free (record->attendees);
  g_free (record->due_on);
  g_free (record->owner);
  g_free (record);
}

void
cp_calendar_item_free (CpCalendarItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uid);
  g_free (item->record_uuid);
  g_free (item->engagement_uuid);
  g_free (item->engagement_title);
  g_free (item->starts_at);
  g_free (item->topic);
  g_free (item->kind);
  g_free (item->area);
  g_free (item->phase_code);
  g_free (item->attendees);
  g_free (item->due_on);
  g_free (item->owner);
  g_free (item->stamp);
  g_free (item->component);
  g_free (item);
}

void
cp_calendar_entry_free (CpCalendarEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->uid);
  g_free (entry->record_uuid);
  g_free (entry->stamp);
  g_free (entry->component);
  g_free (entry);
}

char *
cp_calendar_uid_for (const char *record_uuid)
{
  return g_strconcat (record_uuid, UID_SUFFIX, NULL);
}

/* Text libical made, as GLib-owned text. */
static char *
take_ical_text (char *text)
{
  char *copy = g_strdup (text);

  free (text);
  return copy;
}

/**
 * cp_calendar_email_of:
 * @contact: a stakeholder's contact, as typed
 *
 * Returns: (nullable): the first e-mail address in @contact
 */
char *
cp_calendar_email_of (const char *contact)
{
  static GRegex *address;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&address))
    g_once_init_leave (&address, g_regex_new ("[^\\s<>,;:\"()]+@[^\\s<>,;:\"()]+\\.[^\\s<>,;:\"()]+",
                                              G_REGEX_OPTIMIZE, 0, NULL));

  if (contact == NULL || !g_regex_match (address, contact, 0, &match))
    return NULL;

  return g_match_info_fetch (match, 0);
}

/* The zone's name as the tz database knows it, from TZ or the link
 * /etc/localtime is; NULL when neither says.
 */
char *
cp_calendar_local_zone (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *identifier = g_time_zone_get_identifier (local);
  g_autofree char *target = NULL;
  const char *zoneinfo;

  if (identifier != NULL && identifier[0] != ':' && identifier[0] != '/' &&
      !g_str_equal (identifier, "UTC") && strchr (identifier, '/') != NULL)
    return g_strdup (identifier);

  if (identifier != NULL && g_str_equal (identifier, "UTC"))
    return g_strdup ("UTC");

  target = g_file_read_link ("/etc/localtime", NULL);
  if (target != NULL && (zoneinfo = strstr (target, "zoneinfo/")) != NULL)
    return g_strdup (zoneinfo + strlen ("zoneinfo/"));

  return NULL;
}

static icaltimezone *
local_ical_zone (void)
{
  g_autofree char *name = cp_calendar_local_zone ();

  if (name == NULL || g_str_equal (name, "UTC"))
    return NULL;

  return icaltimezone_get_builtin_timezone (name);
}

/* "2026-12-01T10:00" as a libical time, in @zone (UTC when NULL). */
static struct icaltimetype
time_of (const char   *starts_at,
         icaltimezone *zone)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) here = g_time_zone_new_local ();
  g_autofree char *compact = NULL;
  struct icaltimetype t;
  int y, mo, d, h = 0, mi = 0;

  if (sscanf (starts_at, "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi) < 3)
    return icaltime_null_time ();

  if (zone != NULL)
    {
      compact = g_strdup_printf ("%04d%02d%02dT%02d%02d00", y, mo, d, h, mi);
      t = icaltime_from_string (compact);
      return icaltime_set_timezone (&t, zone);
    }

  /* No zone libical knows: the same moment in UTC. */
  local = g_date_time_new (here, y, mo, d, h, mi, 0);
  if (local == NULL)
    return icaltime_null_time ();
  return icaltime_from_timet_with_zone (g_date_time_to_unix (local), 0,
                                        icaltimezone_get_utc_timezone ());
}

static void
add_x (icalcomponent *component,
       const char    *name,
       const char    *value)
{
  icalproperty *property;

  if (value == NULL || *value == '\0')
    return;

  property = icalproperty_new_x (value);
  icalproperty_set_x_name (property, name);
  icalcomponent_add_property (component, property);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* ATTENDEE lines, ordered by address, for those with an e-mail address. */
static void
add_attendees (icalcomponent *component,
               const char    *attendees)
{
  g_auto(GStrv) lines = g_strsplit (attendees ? attendees : "", "\n", -1);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *tab = strchr (lines[i], '\t');
      g_autofree char *email = tab ? cp_calendar_email_of (tab + 1) : NULL;
      g_autofree char *name = tab ? g_strndup (lines[i], tab - lines[i]) : NULL;

      if (email != NULL)
        g_ptr_array_add (sorted, g_strdup_printf ("%s\t%s", email, name));
    }
  g_ptr_array_sort (sorted, compare_lines);

  for (guint i = 0; i < sorted->len; i++)
    {
      const char *line = g_ptr_array_index (sorted, i);
      const char *tab = strchr (line, '\t');
      g_autofree char *email = g_strndup (line, tab - line);
      g_autofree char *mailto = g_strconcat ("mailto:", email, NULL);
      icalproperty *property = icalproperty_new_attendee (mailto);

      if (tab[1] != '\0')
        icalproperty_add_parameter (property, icalparameter_new_cn (tab + 1));
      icalproperty_add_parameter (property, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
      icalcomponent_add_property (component, property);
    }
}

/**
 * cp_calendar_link:
 *
 * Returns: the coachplan: link to @record
 */
char *
cp_calendar_link (const CpCalendarRecord *record)
{
  return g_strdup_printf (LINK_PREFIX "%s/%s/%s", record->engagement_uuid,
                          record->is_task ? "action" : "session", record->record_uuid);
}

/**
 * cp_calendar_component:
 * @record: a session or an action with a due date
 * @uid: the UID it goes by
 *
 * Returns: the VEVENT or VTODO, without SEQUENCE and DTSTAMP
 */
char *
cp_calendar_component (const CpCalendarRecord *record,
                       const char             *uid)
{
  icalcomponent *component;
  g_autofree char *link = cp_calendar_link (record);
  g_autoptr(GString) description = g_string_new (NULL);
  char *text;

  component = icalcomponent_new (record->is_task ? ICAL_VTODO_COMPONENT : ICAL_VEVENT_COMPONENT);
  icalcomponent_set_uid (component, uid);

  if (record->is_task)
    {
      g_autofree char *compact = NULL;
      int y, mo, d;

      if (sscanf (record->due_on, "%d-%d-%d", &y, &mo, &d) == 3)
        {
          compact = g_strdup_printf ("%04d%02d%02d", y, mo, d);
          icalcomponent_set_due (component, icaltime_from_string (compact));
        }
      icalcomponent_set_summary (component, record->topic);
      icalcomponent_set_status (component, record->done ? ICAL_STATUS_COMPLETED
                                                        : ICAL_STATUS_NEEDSACTION);
      if (record->owner != NULL && *record->owner != '\0')
        /* Translators: in a calendar's to-do, who is to do it. */
        g_string_append_printf (description, _("Owner: %s"), record->owner);
    }
  else
    {
      icaltimezone *zone = local_ical_zone ();
      g_autofree char *summary = NULL;

      icalcomponent_set_dtstart (component, time_of (record->starts_at, zone));
      icalcomponent_set_duration (component, icaldurationtype_from_int ((int) record->duration * 60));
      summary = record->topic != NULL && *record->topic != '\0'
        /* Translators: a calendar event's title: a session's topic, then its engagement. */
        ? g_strdup_printf (_("%s — %s"), record->topic, record->engagement_title)
        : g_strdup (record->engagement_title);
      icalcomponent_set_summary (component, summary);
      if (record->phase_name != NULL)
        /* Translators: in a calendar event, the CSIP phase the session serves. */
        g_string_append_printf (description, _("Phase: %s"), record->phase_name);
    }

  if (description->len > 0)
    g_string_append (description, "\n\n");
  g_string_append (description, link);
  icalcomponent_set_description (component, description->str);
  icalcomponent_add_property (component, icalproperty_new_url (link));
  icalcomponent_add_property (component, icalproperty_new_categories (record->engagement_title));

  if (record->is_task)
    add_x (component, X_OWNER, record->owner);
  else
    {
      add_attendees (component, record->attendees);
      add_x (component, X_KIND, record->kind);
      add_x (component, X_AREA, record->area);
      add_x (component, X_PHASE, record->phase_code);
    }

  text = take_ical_text (icalcomponent_as_ical_string_r (component));
  icalcomponent_free (component);

  return text;
}

/* Returns: @component with STATUS:CANCELLED in place of its status. */
char *
cp_calendar_cancel (const char *component)
{
  icalcomponent *parsed = icalcomponent_new_from_string (component);
  icalproperty *status;
  char *text;

  if (parsed == NULL)
    return g_strdup (component);

  while ((status = icalcomponent_get_first_property (parsed, ICAL_STATUS_PROPERTY)) != NULL)
    {
      icalcomponent_remove_property (parsed, status);
      icalproperty_free (status);
    }
  icalcomponent_add_property (parsed, icalproperty_new_status (ICAL_STATUS_CANCELLED));

  text = take_ical_text (icalcomponent_as_ical_string_r (parsed));
  icalcomponent_free (parsed);

  return text;
}

char *
cp_calendar_stamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y%m%dT%H%M%SZ");
}

/**
 * cp_calendar_assemble:
 * @entries: (element-type CpCalendarEntry): in the order to write them
 * @name: the calendar's name
 *
 * Returns: the calendar, with this computer's time zone defined when an
 *   event uses it
 */
char *
cp_calendar_assemble (GPtrArray   *entries,
                      const char  *name,
                      GError     **error)
{
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icaltimezone *zone = local_ical_zone ();
  gboolean zoned = FALSE;
  char *text;

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Coachplan//Coachplan " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  add_x (calendar, "X-WR-CALNAME", name);

  for (guint i = 0; i < entries->len; i++)
    {
      const CpCalendarEntry *entry = g_ptr_array_index (entries, i);

      if (zone != NULL && strstr (entry->component, "TZID=") != NULL)
        zoned = TRUE;
    }
  if (zoned)
    icalcomponent_add_component (calendar, icalcomponent_new_clone (icaltimezone_get_component (zone)));

  for (guint i = 0; i < entries->len; i++)
    {
      const CpCalendarEntry *entry = g_ptr_array_index (entries, i);
      icalcomponent *component = icalcomponent_new_from_string (entry->component);

      if (component == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The calendar entry “%s” could not be read back"), entry->uid);
          icalcomponent_free (calendar);
          return NULL;
        }
      icalcomponent_set_sequence (component, (int) entry->sequence);
      icalcomponent_set_dtstamp (component, icaltime_from_string (entry->stamp));
      icalcomponent_add_component (calendar, component);
    }

  text = take_ical_text (icalcomponent_as_ical_string_r (calendar));
  icalcomponent_free (calendar);

  return text;
}


/* Reading ------------------------------------------------------------ */

typedef struct
{
  GArray *starts;   /* guint: the line of each VEVENT and VTODO, in order */
} Scan;

static guint
line_at (const char *text,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      line++;

  return line;
}

static gboolean
name_is_valid (const char *name,
               gsize       length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '-')
      return FALSE;
  return TRUE;
}

/* Checks every line is a content line and every BEGIN has its END. */
static gboolean
scan (const char  *text,
      gsize        length,
      Scan        *out,
      GError     **error)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) open_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *end = text + length;
  const char *p = text;
  guint line = 0;
  gboolean seen_any = FALSE;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      gsize len = (eol ? eol : end) - p;
      const char *sep;
      gsize name_len;

      line++;
      if (len > 0 && p[len - 1] == '\r')
        len--;

      if (len == 0 || p[0] == ' ' || p[0] == '\t')
        {
          if (len > 0 && !seen_any)
            goto not_a_line;
          p = eol ? eol + 1 : end;
          continue;
        }

      sep = p;
      while (sep < p + len && *sep != ':' && *sep != ';')
        sep++;
      name_len = sep - p;
      if (sep == p + len || !name_is_valid (p, name_len) || memchr (sep, ':', p + len - sep) == NULL)
        goto not_a_line;

      if (!seen_any && !(name_len == 5 && g_ascii_strncasecmp (p, "begin", 5) == 0 &&
                         len == 15 && g_ascii_strncasecmp (p + 6, "vcalendar", 9) == 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line %u: a calendar begins with BEGIN:VCALENDAR"), line);
          return FALSE;
        }
      seen_any = TRUE;

      if (*sep == ':' && name_len == 5 && g_ascii_strncasecmp (p, "begin", 5) == 0)
        {
          g_autofree char *kind = g_ascii_strup (sep + 1, p + len - sep - 1);

          if (g_str_equal (kind, "VEVENT") || g_str_equal (kind, "VTODO"))
            g_array_append_val (out->starts, line);
          g_ptr_array_add (open, g_steal_pointer (&kind));
          g_array_append_val (open_lines, line);
          if (open->len > 16)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Line %u: components are nested too deeply"), line);
              return FALSE;
            }
        }
      else if (*sep == ':' && name_len == 3 && g_ascii_strncasecmp (p, "end", 3) == 0)
        {
          g_autofree char *kind = g_ascii_strup (sep + 1, p + len - sep - 1);

          if (open->len == 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Line %u: END:%s ends nothing that began"), line, kind);
              return FALSE;
            }
          if (!g_str_equal (kind, g_ptr_array_index (open, open->len - 1)))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Line %u: END:%s where END:%s was expected"), line, kind,
                           (const char *) g_ptr_array_index (open, open->len - 1));
              return FALSE;
            }
          g_ptr_array_remove_index (open, open->len - 1);
          g_array_set_size (open_lines, open_lines->len - 1);
          if (open->len == 0)
            {
              /* What follows the calendar is blank or another calendar. */
              seen_any = FALSE;
            }
        }

      p = eol ? eol + 1 : end;
      continue;

not_a_line:
      {
        g_autofree char *shown = g_utf8_make_valid (p, MIN (len, 40));

        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("Line %u: “%s” is not an iCalendar line"), line, shown);
        return FALSE;
      }
    }

  if (open->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Line %u: the file ends without END:%s for the BEGIN:%s on line %u"),
                   line, (const char *) g_ptr_array_index (open, open->len - 1),
                   (const char *) g_ptr_array_index (open, open->len - 1),
                   g_array_index (open_lines, guint, open_lines->len - 1));
      return FALSE;
    }
  if (out->starts->len == 0 && line == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file is empty"));
      return FALSE;
    }

  return TRUE;
}

static const char *
x_value (icalcomponent *component,
         const char    *name)
{
  for (icalproperty *p = icalcomponent_get_first_property (component, ICAL_X_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (component, ICAL_X_PROPERTY))
    if (g_ascii_strcasecmp (icalproperty_get_x_name (p), name) == 0)
      return icalproperty_get_x (p);

  return NULL;
}

/* The moment @t, in this computer's time, as "YYYY-MM-DDTHH:MM". */
static char *
local_text (struct icaltimetype t)
{
  g_autoptr(GDateTime) moment = NULL;

  if (t.is_date)
    return g_strdup_printf ("%04d-%02d-%02dT" ALL_DAY_START, t.year, t.month, t.day);

  /* A floating time is this computer's already. */
  if (t.zone == NULL && !icaltime_is_utc (t))
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour, t.minute);

  moment = g_date_time_new_from_unix_local (icaltime_as_timet_with_zone (t, t.zone));
  return moment ? g_date_time_format (moment, "%Y-%m-%dT%H:%M") : NULL;
}

static char *
compact_of (struct icaltimetype t)
{
  if (t.is_date)
    return g_strdup_printf ("%04d%02d%02d", t.year, t.month, t.day);
  return g_strdup_printf ("%04d%02d%02dT%02d%02d%02d", t.year, t.month, t.day, t.hour, t.minute, t.second);
}

static guint
minutes_of (icalcomponent       *component,
            struct icaltimetype  start)
{
  struct icaltimetype end = icalcomponent_get_dtend (component);
  struct icaldurationtype duration;
  int seconds;

  if (start.is_date)
    {
      int days = 1;

      if (!icaltime_is_null_time (end) && end.is_date &&
          g_date_valid_dmy (start.day, start.month, start.year) &&
          g_date_valid_dmy (end.day, end.month, end.year))
        {
          GDate from, to;

          g_date_set_dmy (&from, start.day, start.month, start.year);
          g_date_set_dmy (&to, end.day, end.month, end.year);
          days = CLAMP (g_date_days_between (&from, &to), 1, 7);
        }
      return (guint) days * ALL_DAY_MINUTES;
    }

  if (icaltime_is_null_time (end))
    {
      duration = icalcomponent_get_duration (component);
      seconds = icaldurationtype_as_int (duration);
    }
  else
    seconds = (int) (icaltime_as_timet_with_zone (end, end.zone) -
                     icaltime_as_timet_with_zone (start, start.zone));

  if (seconds <= 0)
    return 60;

  return (guint) MIN ((seconds + 59) / 60, 24 * 60 * 7);
}

/**
 * cp_calendar_parse_link:
 * @uri: a coachplan: link, such as coachplan:engagement/E/session/S
 * @engagement_uuid: (out): E
 * @kind: (out) (optional): "session", "note" or "action"; %NULL for the
 *   engagement itself
 * @record_uuid: (out) (optional): S
 *
 * Returns: whether @uri is a link to an engagement or one of its
 *   sessions, notes or actions
 */
gboolean
cp_calendar_parse_link (const char  *uri,
                        char       **engagement_uuid,
                        char       **kind,
                        char       **record_uuid)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  if (uri == NULL || !g_str_has_prefix (uri, LINK_PREFIX))
    return FALSE;

  parts = g_strsplit (uri + strlen (LINK_PREFIX), "/", 4);
  n = g_strv_length (parts);
  if ((n != 1 && n != 3) || !g_uuid_string_is_valid (parts[0]))
    return FALSE;
  if (n == 3 && (!g_uuid_string_is_valid (parts[2]) ||
                 !(g_str_equal (parts[1], "session") || g_str_equal (parts[1], "note") ||
                   g_str_equal (parts[1], "action"))))
    return FALSE;

  *engagement_uuid = g_strdup (parts[0]);
  if (kind != NULL)
    *kind = n == 3 ? g_strdup (parts[1]) : NULL;
  if (record_uuid != NULL)
    *record_uuid = n == 3 ? g_strdup (parts[2]) : NULL;

  return TRUE;
}

/* The link's engagement and record, when it names one. */
static void
read_link (icalcomponent *component,
           char         **engagement_uuid,
           char         **record_uuid)
{
  icalproperty *url = icalcomponent_get_first_property (component, ICAL_URL_PROPERTY);
  g_autofree char *engagement = NULL;
  g_autofree char *record = NULL;

  if (url != NULL && cp_calendar_parse_link (icalproperty_get_url (url), &engagement, NULL, &record) &&
      record != NULL)
    {
      *engagement_uuid = g_steal_pointer (&engagement);
      *record_uuid = g_steal_pointer (&record);
    }
}

static char *
read_attendees (icalcomponent *component)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  for (icalproperty *p = icalcomponent_get_first_property (component, ICAL_ATTENDEE_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (component, ICAL_ATTENDEE_PROPERTY))
    {
      const char *address = icalproperty_get_attendee (p);
      icalparameter *cn = icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER);
      g_autofree char *email = NULL;

      if (address == NULL)
        continue;
      if (g_ascii_strncasecmp (address, "mailto:", 7) == 0)
        address += 7;
      if ((email = cp_calendar_email_of (address)) == NULL ||
          !g_utf8_validate (email, -1, NULL))
        continue;
      g_string_append_printf (lines, "%s%s\t%s", lines->len ? "\n" : "",
                              cn ? icalparameter_get_cn (cn) : "", email);
    }

  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static char *
component_without_stamps (icalcomponent *component)
{
  icalcomponent *copy = icalcomponent_new_clone (component);
  icalproperty *p;
  char *text;

  while ((p = icalcomponent_get_first_property (copy, ICAL_SEQUENCE_PROPERTY)) != NULL ||
         (p = icalcomponent_get_first_property (copy, ICAL_DTSTAMP_PROPERTY)) != NULL)
    {
      icalcomponent_remove_property (copy, p);
      icalproperty_free (p);
    }
  text = take_ical_text (icalcomponent_as_ical_string_r (copy));
  icalcomponent_free (copy);

  return text;
}

/* An item with what every event or to-do gives. */
static CpCalendarItem *
item_new (icalcomponent *component,
          guint          line)
{
  CpCalendarItem *item = g_new0 (CpCalendarItem, 1);
  icalproperty *categories = icalcomponent_get_first_property (component, ICAL_CATEGORIES_PROPERTY);
  struct icaltimetype stamp = icalcomponent_get_dtstamp (component);
  const char *summary = icalcomponent_get_summary (component);

  item->line = line;
  item->is_task = icalcomponent_isa (component) == ICAL_VTODO_COMPONENT;
  item->cancelled = icalcomponent_get_status (component) == ICAL_STATUS_CANCELLED;
  item->uid = g_strdup (icalcomponent_get_uid (component));
  read_link (component, &item->engagement_uuid, &item->record_uuid);
  if (categories != NULL && icalproperty_get_categories (categories) != NULL)
    item->engagement_title = g_strdup (icalproperty_get_categories (categories));
  item->topic = g_strdup (summary ? summary : "");
  if (!item->is_task)
    item->attendees = read_attendees (component);
  item->sequence = MAX (icalcomponent_get_sequence (component), 0);
  if (!icaltime_is_null_time (stamp))
    item->stamp = g_strdup_printf ("%04d%02d%02dT%02d%02d%02dZ", stamp.year, stamp.month, stamp.day,
                                   stamp.hour, stamp.minute, stamp.second);
  if (item->record_uuid != NULL)
    {
      /* Coachplan's own: the summary ends with the engagement. */
      g_autofree char *suffix = g_strdup_printf (_("%s — %s"), "", item->engagement_title ? item->engagement_title : "");

      if (item->engagement_title != NULL && g_str_equal (item->topic, item->engagement_title))
        item->topic[0] = '\0';
      else if (g_str_has_suffix (item->topic, suffix))
        item->topic[strlen (item->topic) - strlen (suffix)] = '\0';
      item->kind = g_strdup (x_value (component, X_KIND));
      item->area = g_strdup (x_value (component, X_AREA));
      item->phase_code = g_strdup (x_value (component, X_PHASE));
      item->owner = g_strdup (x_value (component, X_OWNER));
      item->component = component_without_stamps (component);
    }

  return item;
}

static gboolean
invalid (GError     **error,
         guint        line,
         const char  *message)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s", message);
  g_prefix_error (error, _("Line %u: "), line);
  return FALSE;
}

/* Adds the session of one occurrence; FALSE, adding nothing, when it
 * starts at no time a session can have (years 1 to 9999).
 */
static gboolean
add_occurrence (GPtrArray           *items,
                icalcomponent       *component,
                guint                line,
                struct icaltimetype  start,
                guint                minutes,
                const char          *uid)
{
  CpCalendarItem *item;
  g_autofree char *starts_at = local_text (start);

  if (!cp_datetime_is_valid (starts_at))
    return FALSE;

  item = item_new (component, line);
  g_free (item->uid);
  item->uid = g_strdup (uid);
  item->starts_at = g_steal_pointer (&starts_at);
  item->duration = minutes;
  g_ptr_array_add (items, item);

  return TRUE;
}

static gboolean
same_moment (struct icaltimetype a,
             struct icaltimetype b)
{
  if (a.is_date || b.is_date || (a.zone == NULL && !icaltime_is_utc (a)))
    return icaltime_compare_date_only (a, b) == 0 && a.hour == b.hour && a.minute == b.minute &&
           a.second == b.second;

  return icaltime_as_timet_with_zone (a, a.zone) == icaltime_as_timet_with_zone (b, b.zone);
}

static gboolean
is_excluded (icalcomponent       *component,
             struct icaltimetype  occurrence)
{
  for (icalproperty *p = icalcomponent_get_first_property (component, ICAL_EXDATE_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (component, ICAL_EXDATE_PROPERTY))
    {
      struct icaltimetype excluded = icalproperty_get_exdate (p);
      icalparameter *tzid = icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER);

      if (excluded.is_date && icaltime_compare_date_only (excluded, occurrence) == 0)
        return TRUE;
      /* An EXDATE in the event's own zone, or UTC. */
      if (excluded.zone == NULL && !icaltime_is_utc (excluded) && (tzid != NULL || occurrence.zone != NULL))
        excluded.zone = occurrence.zone;
      if (same_moment (excluded, occurrence))
        return TRUE;
    }

  return FALSE;
}

/* Every occurrence of a recurring event within [@from, @to], as its
 * own session, but those a RECURRENCE-ID overrides.
 */
static void
expand (GPtrArray          *items,
        icalcomponent      *component,
        guint               line,
        struct icaltimetype start,
        GPtrArray          *overrides,
        const char         *from,
        const char         *to,
        CpCalendarImport   *result)
{
  icalproperty *rrule = icalcomponent_get_first_property (component, ICAL_RRULE_PROPERTY);
  struct icalrecurrencetype rule = icalproperty_get_rrule (rrule);
  guint minutes = minutes_of (component, start);
  icalrecur_iterator *it = icalrecur_iterator_new (rule, start);
  const char *uid = icalcomponent_get_uid (component);
  guint found = 0;

  for (guint steps = 0; it != NULL; steps++)
    {
      struct icaltimetype next = icalrecur_iterator_next (it);
      g_autofree char *local = NULL;
      g_autofree char *compact = NULL;
      g_autofree char *occurrence_uid = NULL;
      gboolean overridden = FALSE;

      if (icaltime_is_null_time (next))
        break;
      if (steps >= 100000 || found >= CP_CALENDAR_MAX_OCCURRENCES)
        {
          result->capped++;
          break;
        }
      next.zone = start.zone;
      if (next.is_date != start.is_date)
        next.is_date = start.is_date;

      local = local_text (next);
      if (local == NULL || (from != NULL && strncmp (local, from, 10) < 0))
        continue;
      if (to != NULL && strncmp (local, to, 10) > 0)
        break;
      if (is_excluded (component, next))
        continue;

      for (guint i = 0; i < overrides->len; i++)
        {
          icalcomponent *o = g_ptr_array_index (overrides, i);

          if (g_strcmp0 (icalcomponent_get_uid (o), uid) == 0 &&
              same_moment (icalcomponent_get_recurrenceid (o), next))
            overridden = TRUE;
        }
      found++;
      if (overridden)
        continue;

      compact = compact_of (next);
      occurrence_uid = g_strdup_printf ("%s#%s", uid, compact);
      if (!add_occurrence (items, component, line, next, minutes, occurrence_uid))
        break;
    }

  if (it != NULL)
    icalrecur_iterator_free (it);
}

/**
 * cp_calendar_parse:
 * @from: (nullable): the first day recurring events are expanded on
 * @to: (nullable): the last
 *
 * Reads a calendar file's events and to-dos. A file that is not
 * iCalendar, or an event without a start, is refused with its line.
 *
 * Returns: (element-type CpCalendarItem): the sessions and actions
 */
GPtrArray *
cp_calendar_parse (const char        *text,
                   gsize              length,
                   const char        *from,
                   const char        *to,
                   CpCalendarImport  *result,
                   GError           **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_calendar_item_free);
  g_autoptr(GPtrArray) overrides = g_ptr_array_new ();
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  Scan found = { starts };
  const char *bad;
  g_autofree char *copy = NULL;
  icalcomponent *root, *calendar;
  guint index = 0;
  gboolean ok = TRUE;

  if (length > CP_CALENDAR_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *most = g_format_size (CP_CALENDAR_MAX_BYTES);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file is %s; a calendar to import can be at most %s"), size, most);
      return NULL;
    }
  if (!g_utf8_validate_len (text, length, &bad))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Line %u: the text is not valid UTF-8"), line_at (text, bad - text));
      return NULL;
    }
  if (!scan (text, length, &found, error))
    return NULL;

  copy = g_strndup (text, length);
  root = icalparser_parse_string (copy);
  if (root == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file holds no calendar"));
      return NULL;
    }
  calendar = icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT
    ? root : icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
  if (calendar == NULL)
    {
      icalcomponent_free (root);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file holds no calendar"));
      return NULL;
    }

  /* Overrides of single occurrences first, then everything in order. */
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (!icaltime_is_null_time (icalcomponent_get_recurrenceid (c)))
      g_ptr_array_add (overrides, c);

  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       ok && c != NULL; c = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (c);
      guint line;
      struct icaltimetype start;
      const char *uid;

      if (kind != ICAL_VEVENT_COMPONENT && kind != ICAL_VTODO_COMPONENT)
        continue;
      line = index < starts->len ? g_array_index (starts, guint, index) : 0;
      index++;
      uid = icalcomponent_get_uid (c);

      if (uid == NULL || *uid == '\0')
        {
          ok = invalid (error, line, kind == ICAL_VEVENT_COMPONENT ? _("the event has no UID")
                                                                     : _("the to-do has no UID"));
          break;
        }

      if (kind == ICAL_VTODO_COMPONENT)
        {
          CpCalendarItem *item = item_new (c, line);
          struct icaltimetype due = icalcomponent_get_due (c);

          /* Only Coachplan's actions come back; other to-dos are not ours. */
          if (item->record_uuid == NULL || icaltime_is_null_time (due))
            {
              result->skipped++;
              cp_calendar_item_free (item);
              continue;
            }
          item->due_on = g_strdup_printf ("%04d-%02d-%02d", due.year, due.month, due.day);
          item->done = icalcomponent_get_status (c) == ICAL_STATUS_COMPLETED;
          g_ptr_array_add (items, item);
          continue;
        }

      start = icalcomponent_get_dtstart (c);
      if (icaltime_is_null_time (start) || !icaltime_is_valid_time (start))
        {
          ok = invalid (error, line, _("the event has no valid start (DTSTART)"));
          break;
        }

      if (icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY) != NULL &&
          icaltime_is_null_time (icalcomponent_get_recurrenceid (c)))
        expand (items, c, line, start, overrides, from, to, result);
      else
        {
          g_autofree char *compact = NULL;
          g_autofree char *occurrence_uid = NULL;

          if (!icaltime_is_null_time (icalcomponent_get_recurrenceid (c)))
            {
              compact = compact_of (icalcomponent_get_recurrenceid (c));
              occurrence_uid = g_strdup_printf ("%s#%s", uid, compact);
            }
          if (!add_occurrence (items, c, line, start, minutes_of (c, start),
                               occurrence_uid ? occurrence_uid : uid))
            {
              ok = invalid (error, line, _("the event starts at no time a session can have"));
              break;
            }
        }
    }

  icalcomponent_free (root);

  if (!ok)
    return NULL;

  return g_steal_pointer (&items);
}
