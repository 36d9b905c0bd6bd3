/* test-deferred-checks.c: a GIAS import checks the tables' CHECK
 * constraints once at the end of its transaction, not row by row, and a
 * row that breaks one still rolls the whole write back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-store-private.h"
#include "ar-test-util.h"

static gint64
ignoring_checks (ArStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (ar_store_get_connection (store), "PRAGMA ignore_check_constraints",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static ArRecord *
new_school (ArStore *store)
{
  ArRecord *area = AR_RECORD (ar_area_new ());
  ArRecord *school = AR_RECORD (ar_school_new ());
  g_autoptr(GError) error = NULL;

  ar_record_set_text (area, "code", "855");
  ar_record_set_text (area, "name", "Leicestershire");
  g_assert_true (ar_store_save (store, area, &error));
  g_assert_no_error (error);
  ar_record_set_text (school, "urn", "120001");
  ar_record_set_text (school, "name", "Brook Primary");
  ar_record_set_integer (school, "area_id", ar_record_get_id (area));
  ar_record_set_text (school, "status", "open");
  g_object_unref (area);

  return school;
}

/* Writes a school, then breaks its CHECK behind the store's back. */
static gboolean
write_broken_school (ArStore   *store,
                     gpointer   user_data,
                     GError   **error)
{
  g_autoptr(ArRecord) school = new_school (store);

  ar_store_defer_checks (store);
  g_assert_cmpint (ignoring_checks (store), ==, 1);
  if (!ar_store_save (store, school, error))
    return FALSE;
  g_assert_cmpint (sqlite3_exec (ar_store_get_connection (store), "UPDATE school SET status = 'shut'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  return ar_store_run_deferred_checks (store, error);
}

static void
test_broken_row_rolls_back (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ignoring_checks (store), ==, 0);
  g_assert_false (ar_store_write (store, write_broken_school, NULL, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "CHECK constraint failed in school"));
  g_assert_true (ar_store_is_empty (store));

  /* and the constraint holds again, row by row */
  g_assert_cmpint (ignoring_checks (store), ==, 0);
  g_assert_cmpint (sqlite3_exec (ar_store_get_connection (store),
                                 "INSERT INTO area (code, name) VALUES ('856', 'Leicester');"
                                 "INSERT INTO school (urn, name, area_id, status) VALUES ('120002', 'Shut', 1, 'shut')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
}

/* Saves a trust and a school's membership of an alliance, then breaks a
 * column's CHECK (trust.kind) or the table's own, nested one
 * (alliance_member: a school or an organisation) behind the store's back. */
static gboolean
write_broken_other (ArStore   *store,
                    gpointer   user_data,
                    GError   **error)
{
  g_autoptr(ArRecord) school = new_school (store);
  g_autoptr(ArRecord) trust = AR_RECORD (ar_trust_new ());
  g_autoptr(ArRecord) alliance = AR_RECORD (ar_alliance_new ());
  g_autoptr(ArRecord) member = AR_RECORD (ar_alliance_member_new ());

  ar_store_defer_checks (store);
  g_assert_true (ar_store_save (store, school, NULL));
  ar_record_set_text (trust, "name", "Soar Valley Trust");
  ar_record_set_text (trust, "kind", "mat");
  g_assert_true (ar_store_save (store, trust, NULL));
  ar_record_set_text (alliance, "name", "Soar Alliance");
  g_assert_true (ar_store_save (store, alliance, NULL));
  ar_record_set_integer (member, "alliance_id", ar_record_get_id (alliance));
  ar_record_set_integer (member, "school_id", ar_record_get_id (school));
  ar_record_set_text (member, "role", "member");
  g_assert_true (ar_store_save (store, member, NULL));
  g_assert_cmpint (sqlite3_exec (ar_store_get_connection (store), user_data, NULL, NULL, NULL), ==, SQLITE_OK);

  return ar_store_run_deferred_checks (store, error);
}

static void
test_broken_other_tables (void)
{
  const char *breaks[][2] = {
    { "UPDATE trust SET kind = 'chain'", "CHECK constraint failed in trust" },
    { "UPDATE alliance_member SET school_id = NULL", "CHECK constraint failed in alliance_member" },
    { "UPDATE alliance_member SET role = 'friend'", "CHECK constraint failed in alliance_member" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (breaks); i++)
    {
      g_autoptr(ArStore) store = ar_test_store_new ();
      g_autoptr(GError) error = NULL;

      g_assert_false (ar_store_write (store, write_broken_other, (gpointer) breaks[i][0], &error));
      g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_SQL);
      g_assert_nonnull (strstr (error->message, breaks[i][1]));
      g_assert_true (ar_store_is_empty (store));
    }

  /* and nothing broken, nothing refused */
  {
    g_autoptr(ArStore) store = ar_test_store_new ();
    g_autoptr(GError) error = NULL;

    g_assert_true (ar_store_write (store, write_broken_other, (gpointer) "SELECT 1", &error));
    g_assert_no_error (error);
  }
}

static gboolean
fail_after_deferring (ArStore   *store,
                      gpointer   user_data,
                      GError   **error)
{
  g_autoptr(ArRecord) school = new_school (store);

  ar_store_defer_checks (store);
  g_assert_true (ar_store_save (store, school, NULL));
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");

  return FALSE;
}

/* A write that fails (a cancelled import) puts the checks back too. */
static void
test_failed_write_restores_checks (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ar_store_write (store, fail_after_deferring, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (ignoring_checks (store), ==, 0);
  g_assert_true (ar_store_is_empty (store));
}

static int
trace_statement (unsigned  type,
                 void     *context,
                 void     *p,
                 void     *x)
{
  GPtrArray *statements = context;
  char *sql = sqlite3_expanded_sql (p);

  g_ptr_array_add (statements, g_strdup (sql));
  sqlite3_free (sql);

  return 0;
}

static int
find_statement (GPtrArray  *statements,
                const char *prefix)
{
  for (guint i = 0; i < statements->len; i++)
    {
      if (g_str_has_prefix (g_ptr_array_index (statements, i), prefix))
        return i;
    }

  return -1;
}

/* The import checks the tables it wrote before it commits, and leaves
 * the connection checking row by row. */
static void
test_gias_import_checks_before_commit (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ArGiasReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("AR_TEST_DATA"), "gias",
                                            "establishments-2024-cp1252.csv", NULL);
  const char *paths[] = { path, NULL };

  sqlite3_trace_v2 (ar_store_get_connection (store), SQLITE_TRACE_STMT, trace_statement, statements);
  report = ar_gias_import (store, paths, NULL, NULL, NULL, NULL, &error);
  sqlite3_trace_v2 (ar_store_get_connection (store), 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (find_statement (statements, "PRAGMA ignore_check_constraints = ON"), >,
                   find_statement (statements, "BEGIN IMMEDIATE"));
  g_assert_cmpint (find_statement (statements, "SELECT 1 FROM \"school\" WHERE NOT ("), >, 0);
  g_assert_cmpint (find_statement (statements, "SELECT 1 FROM \"school\" WHERE NOT ("), <,
                   find_statement (statements, "COMMIT"));
  g_assert_cmpint (ignoring_checks (store), ==, 0);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/deferred-checks/broken-row-rolls-back", test_broken_row_rolls_back);
  g_test_add_func ("/ar/deferred-checks/failed-write-restores-checks", test_failed_write_restores_checks);
  g_test_add_func ("/ar/deferred-checks/broken-other-tables", test_broken_other_tables);
  g_test_add_func ("/ar/deferred-checks/gias-import-checks-before-commit", test_gias_import_checks_before_commit);

  return g_test_run ();
}
