/* cp-store-folder-check.c — the values of an engagement folder checked
 * one by one, as the database will hold them
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-engagement-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-store-folder-import-private.h"
#include "cp-store-private.h"

static gboolean
allowed (const char *words,
         const char *value)
{
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  return g_strv_contains ((const char * const *) list, value);
}


static gboolean
valid_stamp (const char *s)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (s, NULL);

  return dt != NULL && strlen (s) == 20 && s[10] == 'T' && s[19] == 'Z';
}


gboolean
_cp_import_lookup_ref (Import      *im,
            Doc         *doc,
            Kind         kind,
            const char  *value,
            guint        line,
            gint64      *id,
            GError     **error)
{
  gint64 *found = g_hash_table_lookup (im->ids[kind], value);

  if (found == NULL)
    {
      /* Translators: the first %s is what is referred to: a phase, a note… */
      _cp_folder_doc_error (doc->name, line, error, _("there is no %s “%s”"),
                            _cp_folder_kind_noun (kind), value);
      return FALSE;
    }

  *id = *found;

  return TRUE;
}


/* Checks one value and gives it as the database stores it. */
gboolean
_cp_import_check_value (Import        *im,
             Doc           *doc,
             const Column  *column,
             const char    *value,
             guint          line,
             Value         *out,
             GError       **error)
{
  gboolean empty = value == NULL || *value == '\0';
  gint64 number;

  if (empty && column->required)
    {
      _cp_folder_doc_error (doc->name, line, error, _("“%s” needs a value"), column->title);
      return FALSE;
    }

  if (empty && column->kind != K_TEXT && column->kind != K_BLOCK && column->kind != K_DONE)
    {
      out->type = SQLITE_NULL;
      return TRUE;
    }

  switch (column->kind)
    {
    case K_TEXT:
    case K_NTEXT:
    case K_BLOCK:
      out->type = SQLITE_TEXT;
      out->text = value ? value : "";
      return TRUE;

    case K_DATE:
      if (!cp_date_is_valid (value))
        {
          _cp_folder_doc_error (doc->name, line, error, _("“%s” is not a date written YYYY-MM-DD"),
                                value);
          return FALSE;
        }
      out->type = SQLITE_TEXT;
      out->text = value;
      return TRUE;

    case K_STAMP:
      if (!valid_stamp (value))
        {
          _cp_folder_doc_error (doc->name, line, error,
                                _("“%s” is not a time written YYYY-MM-DDTHH:MM:SSZ"), value);
          return FALSE;
        }
      out->type = SQLITE_TEXT;
      out->text = value;
      return TRUE;

    case K_UUID:
      /* A copy of an engagement already here gets ids of its own. */
      if (im->fresh_ids)
        {
          out->type = SQLITE_NULL;
          return TRUE;
        }
      if (!_cp_folder_uuid_is_valid (value))
        {
          _cp_folder_doc_error (doc->name, line, error, _("“%s” is not an id (a UUID)"), value);
          return FALSE;
        }
      out->type = SQLITE_TEXT;
      out->text = value;
      return TRUE;

    case K_MINUTE:
      if (!cp_datetime_is_valid (value))
        {
          _cp_folder_doc_error (doc->name, line, error,
                                _("“%s” is not a date and time written YYYY-MM-DDTHH:MM"), value);
          return FALSE;
        }
      out->type = SQLITE_TEXT;
      out->text = value;
      return TRUE;

    case K_INT:
    case K_LEVEL:
      if (column->positive &&
          (!g_ascii_string_to_signed (value, 10, 1, G_MAXINT32, &number, NULL)))
        {
          /* Translators: a column's name, then the value found there. */
          _cp_folder_doc_error (doc->name, line, error, _("“%s” must be a whole number above 0, not “%s”"),
                                column->title, value);
          return FALSE;
        }
      if (!g_ascii_string_to_signed (value, 10, column->kind == K_LEVEL ? 0 : G_MININT32,
                                     column->kind == K_LEVEL ? 5 : G_MAXINT32, &number, NULL))
        {
          _cp_folder_doc_error (doc->name, line, error,
                                column->kind == K_LEVEL ? _("“%s” is not a level from 0 to 5")
                                             : _("“%s” is not a whole number"),
                                value);
          return FALSE;
        }
      out->type = SQLITE_INTEGER;
      out->number = number;
      return TRUE;

    case K_REAL:
      {
        char *end = NULL;
        double real = g_ascii_strtod (value, &end);

        if (end == value || *end != '\0' || !isfinite (real))
          {
            _cp_folder_doc_error (doc->name, line, error, _("“%s” is not a number"), value);
            return FALSE;
          }
        out->type = SQLITE_FLOAT;
        out->real = real;
        return TRUE;
      }

    case K_ENUM:
      if (!allowed (column->allowed, value))
        {
          g_auto(GStrv) list = g_strsplit (column->allowed, "|", -1);
          g_autofree char *words = g_strjoinv (", ", list);

          _cp_folder_doc_error (doc->name, line, error, _("“%s” is not one of: %s"), value, words);
          return FALSE;
        }
      out->type = SQLITE_TEXT;
      out->text = value;
      return TRUE;

    case K_DONE:
      out->type = SQLITE_INTEGER;
      out->number = value && *value != ' ' && *value != '\0';
      return TRUE;

    case K_PHASE:
    case K_PERSON:
    case K_SESSION:
    case K_NOTE:
    case K_OPPORTUNITY:
    case K_GOAL:
    case K_WORKSTREAM:
      if (!_cp_import_lookup_ref (im, doc, column->kind, value, line, &number, error))
        return FALSE;
      out->type = SQLITE_INTEGER;
      out->number = number;
      return TRUE;

    case K_NUMBER:
    case K_FILE:
    case K_ATTENDEES:
    case N_KINDS:
    default:
      break;
    }

  g_assert_not_reached ();
}


/* Checks one value and binds it as parameter @param. */
gboolean
_cp_import_bind_value (Import        *im,
            Doc           *doc,
            sqlite3_stmt  *stmt,
            int            param,
            const Column  *column,
            const char    *value,
            guint          line,
            GError       **error)
{
  Value v = { SQLITE_NULL };

  if (!_cp_import_check_value (im, doc, column, value, line, &v, error))
    return FALSE;

  switch (v.type)
    {
    case SQLITE_TEXT: _cp_bind_text (stmt, param, v.text); break;
    case SQLITE_INTEGER: sqlite3_bind_int64 (stmt, param, v.number); break;
    case SQLITE_FLOAT: sqlite3_bind_double (stmt, param, v.real); break;
    default: sqlite3_bind_null (stmt, param); break;
    }

  return TRUE;
}


gboolean
_cp_import_remember_ref (Import      *im,
              Doc         *doc,
              Kind         kind,
              const char  *key,
              guint        line,
              gint64       id,
              GError     **error)
{
  if (key == NULL || *key == '\0')
    {
      _cp_folder_doc_error (doc->name, line, error, _("the number others refer to is missing"));
      return FALSE;
    }

  if (g_hash_table_contains (im->ids[kind], key))
    {
      _cp_folder_doc_error (doc->name, line, error, _("“%s” is used twice"), key);
      return FALSE;
    }

  g_hash_table_insert (im->ids[kind], g_strdup (key), _cp_folder_box_id (id));

  return TRUE;
}

