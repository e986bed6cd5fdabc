/* test-units.c — a change that fails part way leaves the database and
 * every model exactly as they were
 *
 * Each change that writes many rows is run again and again with its Nth
 * statement made to fail (N = 1, 2, 3… until it succeeds). After every
 * failure a dump of the database and a snapshot of the models must be
 * what they were before.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-checklist-item.h"
#include "cp-contract.h"
#include "cp-cycle.h"
#include "cp-engagement.h"
#include "cp-engagement-io.h"
#include "cp-note.h"
#include "cp-notes-io.h"
#include "cp-phase.h"
#include "cp-store-private.h"
#include "cp-template.h"
#include "cp-test-store.h"

/* Every value of every table, read through a connection of its own, so
 * only what is committed counts.
 */
static char *
dump_database (const char *path)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'note_fts_%' "
                                           "ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *query = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2",
                                                sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &rows, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", sqlite3_column_text (tables, 0));
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (dump, "%s|", sqlite3_column_text (rows, c)
                                                 ? (const char *) sqlite3_column_text (rows, c) : "∅");
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* An object's readable properties of plain types, one a line. */
static void
snapshot_object (GString  *out,
                 gpointer  object)
{
  g_autofree GParamSpec **specs = NULL;
  guint n;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  g_string_append_printf (out, "%s {", G_OBJECT_TYPE_NAME (object));
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) text = G_VALUE_INIT;

      if (!(specs[i]->flags & G_PARAM_READABLE) ||
          G_TYPE_IS_OBJECT (specs[i]->value_type) || G_TYPE_IS_INTERFACE (specs[i]->value_type) ||
          G_TYPE_IS_BOXED (specs[i]->value_type))
        continue;

      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (object, specs[i]->name, &value);
      g_value_init (&text, G_TYPE_STRING);
      if (g_value_transform (&value, &text))
        g_string_append_printf (out, " %s=%s", specs[i]->name, g_value_get_string (&text));
    }
  g_string_append (out, " }\n");
}

static void
snapshot_list (GString    *out,
               const char *name,
               GListModel *list)
{
  g_assert_nonnull (list);
  g_string_append_printf (out, "%s: %u\n", name, g_list_model_get_n_items (list));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_string_append (out, "  ");
      snapshot_object (out, item);
    }
}

/* What the models say: the engagement, its plan down to every checklist
 * item and sign-off, and every list it keeps.
 */
static char *
snapshot_models (CpEngagement *e)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *cycles = cp_engagement_get_cycles (e, NULL);

  snapshot_object (out, e);
  snapshot_list (out, "cycles", cycles);
  for (guint c = 0; c < g_list_model_get_n_items (cycles); c++)
    {
      g_autoptr(CpCycle) cycle = g_list_model_get_item (cycles, c);
      GListModel *phases = cp_cycle_get_phases (cycle, NULL);

      snapshot_list (out, "phases", phases);
      for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(CpPhase) phase = g_list_model_get_item (phases, p);

          snapshot_list (out, "items", cp_phase_get_items (phase, NULL));
          snapshot_list (out, "sign-offs", cp_phase_get_sign_offs (phase, NULL));
        }
    }
  snapshot_list (out, "stakeholders", cp_engagement_get_stakeholders (e, NULL));
  snapshot_list (out, "notes", cp_engagement_get_notes (e, NULL));
  snapshot_list (out, "sessions", cp_engagement_get_sessions (e, NULL));
  snapshot_list (out, "goals", cp_engagement_get_goals (e, NULL));
  snapshot_list (out, "maturity", cp_engagement_get_maturity (e, NULL));
  snapshot_list (out, "workstreams", cp_engagement_get_workstreams (e, NULL));
  snapshot_list (out, "actions", cp_engagement_get_actions (e, NULL));
  snapshot_list (out, "contracts", cp_engagement_get_contracts (e, NULL));
  snapshot_list (out, "exit items", cp_engagement_get_exit_items (e, NULL));
  snapshot_list (out, "opportunities", cp_engagement_get_opportunities (e, NULL));
  g_string_append_printf (out, "engagements in the store: %u\n",
                          cp_store_count_engagements (cp_engagement_get_store (e)));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What the preparations keep: removed, to be put back; a draft to sign. */
static CpNote *removed_note;
static CpChecklistItem *removed_item;
static guint removed_position;
static CpContract *draft;

typedef gboolean (*Change) (Fixture       *f,
                            CpEngagement  *e,
                            GError       **error);

/* Runs @change with its first, second, third… statement failing until
 * it succeeds; after each failure nothing may have changed.
 */
static void
fail_each_statement (Fixture    *f,
                     const char *name,
                     Change      prepare,
                     Change      change)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEngagement) e = cp_store_load_sample_on (f->store, CP_TEST_SAMPLE_DAY, &error);
  guint n;

  g_assert_no_error (error);
  g_assert_true (prepare == NULL || prepare (f, e, &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_flush (f->store, &error));

  for (n = 1; n < 500; n++)
    {
      g_autofree char *models_before = snapshot_models (e);
      g_autofree char *database_before = dump_database (f->path);
      g_autofree char *models_after = NULL;
      g_autofree char *database_after = NULL;
      gboolean done;

      _cp_store_fail_statement (f->store, n);
      done = change (f, e, &error);
      _cp_store_fail_statement (f->store, 0);

      if (done)
        break;

      g_assert_nonnull (error);
      g_clear_error (&error);
      cp_store_flush (f->store, NULL);

      models_after = snapshot_models (e);
      database_after = dump_database (f->path);
      if (g_strcmp0 (database_before, database_after) != 0)
        g_error ("%s, statement %u failing: the database changed", name, n);
      if (g_strcmp0 (models_before, models_after) != 0)
        g_error ("%s, statement %u failing: the models changed:\n%s\n---\n%s", name, n,
                 models_before, models_after);
    }

  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 1);
  g_test_message ("%s: %u statements", name, n);

  /* What the preparations kept holds the store. */
  g_clear_object (&removed_note);
  g_clear_object (&removed_item);
  g_clear_object (&draft);
}

static gboolean
add_approach_checks (Fixture       *f,
                     CpEngagement  *e,
                     GError       **error)
{
  return cp_engagement_add_approach_checks (e, cp_engagement_get_current_cycle (e),
                                            CP_APPROACH_DO_IT_YOURSELF, NULL, error);
}

static gboolean
change_approach (Fixture       *f,
                 CpEngagement  *e,
                 GError       **error)
{
  return cp_engagement_change_approach (e, CP_APPROACH_DONE_TO_YOU, "Budget cut", TRUE, error);
}

static gboolean
start_cycle (Fixture       *f,
             CpEngagement  *e,
             GError       **error)
{
  g_autoptr(CpCycle) cycle = cp_engagement_start_cycle (e, cp_template_get_default (), error);

  return cycle != NULL;
}

static gboolean
import_notes (Fixture       *f,
              CpEngagement  *e,
              GError       **error)
{
  g_autofree char *folder = g_build_filename (f->dir, "notes-in", NULL);
  const char *paths[] = { folder, NULL };

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *path = g_strdup_printf ("%s/n%u.md", folder, i);
          g_autofree char *text = g_strdup_printf ("---\ntitle: Imported %u\nvisibility: client\n---\nBody %u\n", i, i);

          g_assert_true (g_file_set_contents (path, text, -1, NULL));
        }
    }

  return cp_notes_import (e, paths, NULL, error);
}

static gboolean
export_folder (Fixture       *f,
               CpEngagement  *e,
               GError       **error)
{
  g_autofree char *folder = g_build_filename (f->dir, "folder", NULL);

  return cp_engagement_export (e, folder, NULL, error);
}

static gboolean
import_folder (Fixture       *f,
               CpEngagement  *e,
               GError       **error)
{
  g_autofree char *folder = g_build_filename (f->dir, "folder", NULL);

  return cp_store_import_engagement (f->store, folder, error) != 0;
}

static gboolean
make_draft (Fixture       *f,
            CpEngagement  *e,
            GError       **error)
{
  g_clear_object (&draft);
  draft = cp_engagement_get_draft_contract (e, error);
  if (draft == NULL)
    return FALSE;
  cp_contract_set_text (draft, CP_CONTRACT_GOALS, "Fewer failed changes");
  cp_contract_set_text (draft, CP_CONTRACT_COACH, "Sam");
  cp_contract_set_text (draft, CP_CONTRACT_CLIENT_LEAD, "Priya");
  cp_contract_set_text (draft, CP_CONTRACT_SPONSOR, "Dana");

  return cp_store_flush (f->store, error);
}

static gboolean
sign_contract (Fixture       *f,
               CpEngagement  *e,
               GError       **error)
{
  return cp_contract_sign (draft, error);
}

static CpPhase *
first_phase_with_items (CpEngagement *e)
{
  GListModel *phases = cp_cycle_get_phases (cp_engagement_get_current_cycle (e), NULL);

  for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
    {
      CpPhase *phase = g_list_model_get_item (phases, p);

      if (cp_phase_get_n_items (phase) >= 3)
        return phase;
      g_object_unref (phase);
    }

  g_assert_not_reached ();
}

static gboolean
move_item (Fixture       *f,
           CpEngagement  *e,
           GError       **error)
{
  g_autoptr(CpPhase) phase = first_phase_with_items (e);
  g_autoptr(CpChecklistItem) item = g_list_model_get_item (cp_phase_get_items (phase, NULL), 0);

  return cp_phase_move_item (phase, item, 2, error);
}

static gboolean
remove_note (Fixture       *f,
             CpEngagement  *e,
             GError       **error)
{
  GListModel *notes = cp_engagement_get_notes (e, NULL);

  g_clear_object (&removed_note);
  removed_note = g_list_model_get_item (notes, 0);

  return cp_engagement_remove_note (e, removed_note, error);
}

static gboolean
restore_note (Fixture       *f,
              CpEngagement  *e,
              GError       **error)
{
  g_autoptr(CpNote) back = cp_engagement_restore_note (e, removed_note, error);

  return back != NULL;
}

static gboolean
remove_item (Fixture       *f,
             CpEngagement  *e,
             GError       **error)
{
  g_autoptr(CpPhase) phase = first_phase_with_items (e);

  g_clear_object (&removed_item);
  removed_item = g_list_model_get_item (cp_phase_get_items (phase, NULL), 1);

  return cp_phase_remove_item (phase, removed_item, &removed_position, error);
}

static gboolean
restore_item (Fixture       *f,
              CpEngagement  *e,
              GError       **error)
{
  g_autoptr(CpPhase) phase = first_phase_with_items (e);
  g_autoptr(CpChecklistItem) back = cp_phase_restore_item (phase, removed_item, removed_position, error);

  return back != NULL;
}

static gboolean
load_sample (Fixture       *f,
             CpEngagement  *e,
             GError       **error)
{
  g_autoptr(CpEngagement) sample = cp_store_load_sample_on (f->store, CP_TEST_SAMPLE_DAY, error);

  return sample != NULL;
}

#define UNIT_TEST(name, prepare, change) \
  static void test_##change (Fixture *f, gconstpointer data) { fail_each_statement (f, name, prepare, change); }

UNIT_TEST ("adding approach checks", NULL, add_approach_checks)
UNIT_TEST ("changing the approach", NULL, change_approach)
UNIT_TEST ("starting a cycle", NULL, start_cycle)
UNIT_TEST ("importing notes", NULL, import_notes)
UNIT_TEST ("importing a folder", export_folder, import_folder)
UNIT_TEST ("signing a contract", make_draft, sign_contract)
UNIT_TEST ("moving an item", NULL, move_item)
UNIT_TEST ("removing a note", NULL, remove_note)
UNIT_TEST ("restoring a removed note", remove_note, restore_note)
UNIT_TEST ("removing an item", NULL, remove_item)
UNIT_TEST ("restoring a removed item", remove_item, restore_item)
UNIT_TEST ("loading the sample", NULL, load_sample)

/* Every named statement has its text in exactly one of the store's
 * files, and says what failed in words.
 */
static void
test_every_statement (void)
{
  const CpSqlText *tables[] = {
    _cp_store_measures_sql, _cp_store_register_sql, _cp_store_contract_sql, _cp_store_csip_sql,
    _cp_store_notes_sql, _cp_store_engagements_sql,
  };

  for (guint which = 0; which < CP_SQL_N; which++)
    {
      guint found = 0;

      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        if (tables[t][which].sql != NULL)
          {
            found++;
            g_assert_nonnull (tables[t][which].failed);
            g_assert_true (g_str_has_prefix (tables[t][which].failed, "Could not "));
          }

      if (found != 1)
        g_error ("Statement %u has its text in %u files", which, found);
      g_assert_true (_cp_store_sql (which) != NULL);
    }
}

/* Changes do not nest: a transaction begun inside another is refused,
 * said as a programming error, and the first goes on unharmed.
 */
static void
test_no_nesting (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_cp_store_begin (f->store, &error));
  g_assert_no_error (error);

  g_test_expect_message ("cp-store", G_LOG_LEVEL_CRITICAL, "*do not nest*");
  g_assert_false (_cp_store_begin (f->store, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);

  g_assert_true (_cp_store_commit (f->store, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, change) \
  g_test_add ("/units/" path, Fixture, NULL, fixture_set_up, test_##change, fixture_tear_down)
  ADD ("approach-checks", add_approach_checks);
  ADD ("change-approach", change_approach);
  ADD ("start-cycle", start_cycle);
  ADD ("import-notes", import_notes);
  ADD ("import-folder", import_folder);
  ADD ("sign-contract", sign_contract);
  ADD ("move-item", move_item);
  ADD ("remove-note", remove_note);
  ADD ("restore-note", restore_note);
  ADD ("remove-item", remove_item);
  ADD ("restore-item", restore_item);
  ADD ("load-sample", load_sample);
  g_test_add_func ("/units/every-statement", test_every_statement);
  g_test_add ("/units/no-nesting", Fixture, NULL, fixture_set_up, test_no_nesting, fixture_tear_down);
#undef ADD

  return g_test_run ();
}
