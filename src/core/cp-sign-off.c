/* cp-sign-off.c — a sponsor's recorded review of a phase
 *
 * Sign-offs are a history: once recorded, one is never changed; a later
 * review adds another.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-sign-off"

#include "config.h"

#include "cp-enums.h"
#include "cp-sign-off-private.h"
#include "cp-store-model.h"

struct _CpSignOff
{
  GObject     parent_instance;

  gint64      id;
  char       *reviewer;
  char       *date;
  char       *comments;
  char       *recorded_at;
  char       *recorded_by;
  char       *uuid;
  CpDecision  decision;
};

G_DEFINE_FINAL_TYPE (CpSignOff, cp_sign_off, G_TYPE_OBJECT)

static void
cp_sign_off_finalize (GObject *object)
{
  CpSignOff *self = (CpSignOff *)object;

  g_free (self->reviewer);
  g_free (self->date);
  g_free (self->comments);
  g_free (self->recorded_at);
  g_free (self->recorded_by);
  g_free (self->uuid);

  G_OBJECT_CLASS (cp_sign_off_parent_class)->finalize (object);
}

static void
cp_sign_off_class_init (CpSignOffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_sign_off_finalize;
}

static void
cp_sign_off_init (CpSignOff *self)
{
}

CpSignOff *
_cp_sign_off_new_from_row (const CpRow  *row)
{
  CpSignOff *self = g_object_new (CP_TYPE_SIGN_OFF, NULL);

  self->id = _cp_row_int64 (row, 0);
  self->reviewer = _cp_row_dup (row, 1);
  self->date = _cp_row_dup (row, 2);
  cp_decision_from_string (_cp_row_text (row, 3), &self->decision);
  self->comments = _cp_row_dup (row, 4);
  self->recorded_at = _cp_row_dup (row, 5);
  self->recorded_by = _cp_row_dup (row, 6);
  self->uuid = _cp_row_dup (row, 7);

  return self;
}

gint64
cp_sign_off_get_id (CpSignOff *self)
{
  g_return_val_if_fail (CP_IS_SIGN_OFF (self), 0);

  return self->id;
}

const char *
cp_sign_off_get_reviewer (CpSignOff *self)
{
  g_return_val_if_fail (CP_IS_SIGN_OFF (self), NULL);

  return self->reviewer;
}

/**
 * cp_sign_off_get_date:
 *
 * Returns: the date of the review, YYYY-MM-DD
 */
const char *
cp_sign_off_get_date (CpSignOff *self)
{
  g_return_val_if_fail (CP_IS_SIGN_OFF (self), NULL);

  return self->date;
}

CpDecision
cp_sign_off_get_decision (CpSignOff *self)
{
  g_return_val_if_fail (CP_IS_SIGN_OFF (self), CP_DECISION_CHANGES_REQUESTED);

  return self->decision;
}

const char *
cp_sign_off_get_comments (CpSignOff *self)
{
  g_return_val_if_fail (CP_IS_SIGN_OFF (self), NULL);

  return self->comments;
}

const char *
cp_sign_off_get_recorded_at (CpSignOff *self)
{
  g_return_val_if_fail (CP_IS_SIGN_OFF (self), NULL);

  return self->recorded_at;
}

/**
 * cp_sign_off_get_recorded_by:
 *
 * Returns: who entered the sign-off, as they said who they are; empty
 *   for one entered before Coachplan knew
 */
const char *
cp_sign_off_get_recorded_by (CpSignOff *self)
{
  g_return_val_if_fail (CP_IS_SIGN_OFF (self), NULL);

  return self->recorded_by ? self->recorded_by : "";
}

/**
 * cp_sign_off_get_uuid:
 *
 * Returns: its stable id, the same in every database it reaches
 */
const char *
cp_sign_off_get_uuid (CpSignOff *self)
{
  g_return_val_if_fail (CP_IS_SIGN_OFF (self), NULL);

  return self->uuid;
}
