/* test-store-open.c: opening writes nothing that is not ours and waits on no writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ar-store-private.h"
#include "ar-test-util.h"

static char *
new_path (const char *name)
{
  g_autofree char *directory = ar_test_make_dir ();

  return g_build_filename (directory, name, NULL);
}

static void
sql (const char *path,
     const char *statements)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, statements, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", statements, message);
  sqlite3_close (db);
}

static gint64
pragma (const char *path,
        const char *name)
{
  g_autofree char *query = g_strdup_printf ("PRAGMA %s", name);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
assert_alone (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *beside = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));
    }
}

static void
test_other_database_untouched (void)
{
  g_autofree char *path = new_path ("shopping.db");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArStore) reader = NULL;

  sql (path, "CREATE TABLE item (name TEXT); INSERT INTO item VALUES ('milk');");
  before = file_bytes (path);

  /* today's first write was switching it to WAL: the header said so */
  store = ar_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  reader = ar_store_open_read_only (path, &error);
  g_assert_null (reader);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);

  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  assert_alone (path);
}

static void
test_other_application_id (void)
{
  g_autofree char *path = new_path ("other.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = NULL;

  /* even with our tables and version, another program's stamp wins */
  {
    g_autoptr(ArStore) ours = ar_store_open (path, &error);
    g_assert_no_error (error);
  }
  sql (path, "PRAGMA application_id = 1234;");

  store = ar_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);
  g_assert_cmpint (pragma (path, "application_id"), ==, 1234);
}

static void
test_application_id_stamped (void)
{
  g_autofree char *path = new_path ("register.db");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(ArStore) store = ar_store_open (path, &error);
    g_assert_no_error (error);
    ar_test_add_area (store, "855", "Leicestershire");
  }
  g_assert_cmpint (pragma (path, "application_id"), ==, AR_STORE_APPLICATION_ID);
  g_assert_cmpint (pragma (path, "user_version"), ==, AR_STORE_SCHEMA_VERSION);

  /* a register from before the stamp still reads, and a writer stamps it */
  sql (path, "PRAGMA application_id = 0;");
  {
    g_autoptr(ArStore) reader = ar_store_open_read_only (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ar_store_count (reader, AR_TYPE_AREA), ==, 1);
  }
  g_assert_cmpint (pragma (path, "application_id"), ==, 0);
  {
    g_autoptr(ArStore) writer = ar_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ar_store_count (writer, AR_TYPE_AREA), ==, 1);
  }
  g_assert_cmpint (pragma (path, "application_id"), ==, AR_STORE_APPLICATION_ID);
}

static void
test_read_only_creates_nothing (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *missing = g_build_filename (directory, "no", "such", "register.db", NULL);
  g_autofree char *no_folder = g_build_filename (directory, "no", NULL);
  g_autofree char *empty = g_build_filename (directory, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = NULL;
  GStatBuf st;

  store = ar_store_open_read_only (missing, &error);
  g_assert_null (store);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (no_folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  store = ar_store_open_read_only (empty, &error);
  g_assert_null (store);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, empty));
  g_assert_cmpint (g_stat (empty, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  assert_alone (empty);
  g_clear_error (&error);

  store = ar_store_open_read_only (directory, &error);
  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

static void
test_read_only_writes_nothing (void)
{
  g_autoptr(ArStore) writer = ar_test_store_new ();
  g_autofree char *path = g_strdup (ar_store_get_path (writer));
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArArea) area = ar_area_new ();

  ar_test_add_area (writer, "855", "Leicestershire");
  g_clear_object (&writer);
  before = file_bytes (path);
  assert_alone (path);

  {
    g_autoptr(ArStore) reader = ar_store_open_read_only (path, &error);

    g_assert_no_error (error);
    g_assert_true (ar_store_is_read_only (reader));
    g_assert_cmpuint (ar_store_count (reader, AR_TYPE_AREA), ==, 1);

    ar_record_set_text (AR_RECORD (area), "code", "856");
    ar_record_set_text (AR_RECORD (area), "name", "Leicester");
    g_assert_false (ar_store_save (reader, AR_RECORD (area), &error));
    g_assert_nonnull (error);
  }

  /* nothing changed, nothing left beside it */
  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  assert_alone (path);
}

static void
test_bad_versions (void)
{
  static const struct { const char *pragma; const char *message; } cases[] = {
    { "PRAGMA user_version = -3;", "impossible register version" },
    { "PRAGMA user_version = 99;", "newer Alliance Register" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = new_path ("register.db");
      g_autoptr(GError) error = NULL;
      g_autoptr(ArStore) store = NULL;

      {
        g_autoptr(ArStore) made = ar_store_open (path, &error);
        g_assert_no_error (error);
      }
      sql (path, cases[i].pragma);

      store = ar_store_open (path, &error);
      g_assert_null (store);
      g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_VERSION);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* A writer holds the lock with a change not yet committed: opening, for
 * reading or writing, neither waits nor sees the change. */
static void
test_open_does_not_wait (void)
{
  g_autoptr(ArStore) made = ar_test_store_new ();
  g_autofree char *path = g_strdup (ar_store_get_path (made));
  g_autoptr(GError) error = NULL;
  sqlite3 *holder = NULL;
  gint64 start;

  ar_test_add_area (made, "855", "Leicestershire");
  g_clear_object (&made);

  g_assert_cmpint (sqlite3_open (path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE; "
                                 "INSERT INTO area (code, name) VALUES ('856', 'Leicester');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  {
    g_autoptr(ArStore) reader = ar_store_open_read_only (path, &error);
    g_autoptr(ArStore) writer = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (ar_store_count (reader, AR_TYPE_AREA), ==, 1);

    writer = ar_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ar_store_count (writer, AR_TYPE_AREA), ==, 1);
  }
  g_test_message ("opened twice in %.3f s while locked",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
}

/* A failed query is reported once: a second error over the first is a
 * critical warning, fatal in the tests. */
static void
test_find_area_error_once (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) area = NULL;

  g_assert_true (ar_store_exec (store, "ALTER TABLE area RENAME TO area_gone", NULL));
  area = ar_store_find_area (store, "855", &error);
  g_assert_null (area);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_SQL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/store-open/other-database-untouched", test_other_database_untouched);
  g_test_add_func ("/ar/store-open/other-application-id", test_other_application_id);
  g_test_add_func ("/ar/store-open/application-id-stamped", test_application_id_stamped);
  g_test_add_func ("/ar/store-open/read-only-creates-nothing", test_read_only_creates_nothing);
  g_test_add_func ("/ar/store-open/read-only-writes-nothing", test_read_only_writes_nothing);
  g_test_add_func ("/ar/store-open/bad-versions", test_bad_versions);
  g_test_add_func ("/ar/store-open/open-does-not-wait", test_open_does_not_wait);
  g_test_add_func ("/ar/store-open/find-area-error-once", test_find_area_error_once);

  return g_test_run ();
}
