/* test-store-rules.c: the register file's promises: WAL mode, and a backup
 * copy beside it before any upgrade
 *
 * This program stands in for ar-store-schema.c: it includes the real
 * schema and adds one harmless migration after it, so that a register at
 * today's version is an "older register" here and opening it upgrades it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define ar_store_schema_migrations real_store_schema_migrations
#include "ar-store-schema.c"
#undef ar_store_schema_migrations

const char * const *ar_store_schema_migrations (guint *n_migrations);

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ar-test-util.h"

const char * const *
ar_store_schema_migrations (guint *n_migrations)
{
  static const char *with_next[16];
  guint n_real;
  const char * const *real = real_store_schema_migrations (&n_real);

  g_assert (n_real + 1 < G_N_ELEMENTS (with_next));
  for (guint i = 0; i < n_real; i++)
    with_next[i] = real[i];
  with_next[n_real] = "CREATE TABLE upgrade_probe (id INTEGER PRIMARY KEY);";
  *n_migrations = n_real + 1;

  return with_next;
}

/* The file's own header says how it is journalled: bytes 18 and 19 are 2
 * for WAL and 1 for a rollback journal. */
static int
header_journal (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 100);
  g_assert_cmpint (contents[18], ==, contents[19]);

  return contents[18];
}

static gint64
query_integer (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* A register as the current schema leaves it, one version behind what
 * this program reads, written in rollback-journal mode as another
 * program might leave it. */
static char *
make_older_register (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  char *path = g_build_filename (directory, "older.db", NULL);
  guint n_real;
  const char * const *real = real_store_schema_migrations (&n_real);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", n_real);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_real; i++)
    g_assert_cmpint (sqlite3_exec (db, real[i], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO area (code, name) VALUES ('857', 'Rutland')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return path;
}

/* An upgrade keeps the register as it was, beside it, before changing it. */
static void
test_upgrade_keeps_a_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_older_register ();
  g_autofree char *backup = NULL;
  g_autoptr(ArStore) store = NULL;
  guint n_real;

  real_store_schema_migrations (&n_real);
  backup = g_strdup_printf ("%s.v%u.bak", path, n_real);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  store = ar_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_AREA), ==, 1);

  /* the register is upgraded; the copy is the register as it was */
  g_assert_cmpint (query_integer (path, "PRAGMA user_version"), ==, n_real + 1);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (query_integer (backup, "PRAGMA user_version"), ==, n_real);
  g_assert_cmpint (query_integer (backup, "SELECT count(*) FROM area WHERE code = '857'"), ==, 1);
  g_assert_cmpint (query_integer (backup, "SELECT count(*) FROM sqlite_master WHERE name = 'upgrade_probe'"), ==, 0);
  g_clear_object (&store);

  /* opening it again changes nothing more */
  g_assert_cmpint (g_unlink (backup), ==, 0);
  store = ar_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

/* A new register is in WAL mode, and so is an old one once opened: that
 * is what lets readers go on while another program writes. */
static void
test_register_is_wal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) fresh = ar_test_store_new ();
  g_autofree char *older = make_older_register ();
  g_autoptr(ArStore) opened = NULL;

  g_assert_cmpint (header_journal (ar_store_get_path (fresh)), ==, 2);

  g_assert_cmpint (header_journal (older), ==, 1);
  opened = ar_store_open (older, &error);
  g_assert_no_error (error);
  g_assert_cmpint (header_journal (older), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/store-rules/upgrade-keeps-a-backup", test_upgrade_keeps_a_backup);
  g_test_add_func ("/ar/store-rules/register-is-wal", test_register_is_wal);

  return g_test_run ();
}
