/* test-bulk-write.c: a GIAS or JSON import sets the connection up for a
 * bulk write and puts it back afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-store-private.h"
#include "ar-test-util.h"

static gint64
temp_store (ArStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (ar_store_get_connection (store), "PRAGMA temp_store",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
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

static guint
find_statement (GPtrArray  *statements,
                const char *prefix)
{
  for (guint i = 0; i < statements->len; i++)
    {
      if (g_str_has_prefix (g_ptr_array_index (statements, i), prefix))
        return i;
    }

  g_error ("no statement %s", prefix);
}

/* Statement journals in memory while the import's transaction runs (not
 * a temporary file per statement), as before once it has ended. */
static void
test_gias_import (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ArGiasReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("AR_TEST_DATA"), "gias",
                                            "establishments-2024-cp1252.csv", NULL);
  const char *paths[] = { path, NULL };
  gint64 before = temp_store (store);
  g_autofree char *restore = g_strdup_printf ("PRAGMA temp_store = %" G_GINT64_FORMAT, before);

  g_assert_cmpint (before, !=, 2);
  sqlite3_trace_v2 (ar_store_get_connection (store), SQLITE_TRACE_STMT, trace_statement, statements);
  report = ar_gias_import (store, paths, NULL, NULL, NULL, NULL, &error);
  sqlite3_trace_v2 (ar_store_get_connection (store), 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (find_statement (statements, "PRAGMA temp_store = MEMORY"), <,
                    find_statement (statements, "BEGIN IMMEDIATE"));
  g_assert_cmpuint (find_statement (statements, "COMMIT"), <, find_statement (statements, restore));
  g_assert_cmpint (temp_store (store), ==, before);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 7);
}

/* A JSON import that fails puts it back too. */
static void
test_json_import_fails (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 before = temp_store (store);
  const char *text = "{ \"format\" : \"alliance-register\", \"version\" : 2,"
                     " \"schools\" : [ { \"id\" : 1, \"urn\" : \"12\", \"name\" : \"Short URN\" } ] }";

  g_assert_false (ar_register_json_import (store, text, -1, "bad.json", FALSE, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (temp_store (store), ==, before);
  g_assert_true (ar_store_is_empty (store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/bulk-write/gias-import", test_gias_import);
  g_test_add_func ("/ar/bulk-write/json-import-fails", test_json_import_fails);

  return g_test_run ();
}
