/* test-cli-import-table.c: alliance-register import-table, end to end with
 * spreadsheets LibreOffice made (tests/data/tables)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

typedef struct
{
  char *directory;
  char *database;
} Fixture;

/* A register holding the two schools the test sheets name */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = NULL;
  gint64 area;

  fixture->directory = ar_test_make_dir ();
  fixture->database = g_build_filename (fixture->directory, "register.db", NULL);
  store = ar_store_open (fixture->database, &error);
  g_assert_no_error (error);
  area = ar_test_add_area (store, "855", "Leicestershire");
  ar_test_add_school (store, "120001", "Oak Primary School", area);
  ar_test_add_school (store, "120002", "Elm Academy", area);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ar_test_remove_dir (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->database);
}

static char *
table (const char *name)
{
  return g_build_filename (g_getenv ("AR_TEST_DATA"), "tables", name, NULL);
}

static char *
import_table (Fixture    *fixture,
              const char *options,
              const char *file,
              int        *status,
              char      **err)
{
  g_autofree char *command = g_strdup_printf ("import-table --database '%s' %s '%s'",
                                              fixture->database, options, file);

  g_clear_pointer (err, g_free);
  return ar_test_run (command, status, err);
}

static char *
export_register (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open (fixture->database, &error);

  g_assert_no_error (error);
  return ar_test_export (store);
}

/* The same sheet as .ods, .xlsx and semicolon CSV: the first adds two
 * leaders, the others find them unchanged. */
static void
test_each_format (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *ods = table ("leaders.ods");
  g_autofree char *xlsx = table ("leaders.xlsx");
  g_autofree char *csv = table ("leaders-semicolons.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int status;

  out = import_table (fixture, "--kind people", ods, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "2 added, 0 updated, 0 unchanged, 0 refused"));
  g_assert_nonnull (strstr (out, "line 2: adds Siân O’Brien, with NLE"));
  before = export_register (fixture);
  g_assert_nonnull (strstr (before, "\"starts_on\" : \"2024-09-01\""));
  g_assert_nonnull (strstr (before, "\"starts_on\" : \"2023-01-15\""));

  g_free (out);
  out = import_table (fixture, "--kind people", xlsx, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "0 added, 0 updated, 2 unchanged, 0 refused"));

  g_free (out);
  out = import_table (fixture, "--kind=people", csv, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "0 added, 0 updated, 2 unchanged, 0 refused"));

  after = export_register (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_dry_run_changes_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *xlsx = table ("leaders.xlsx");
  g_autofree char *before = export_register (fixture);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = import_table (fixture, "--kind people --dry-run", xlsx, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Nothing was changed"));
  g_assert_nonnull (strstr (out, "2 added"));
  after = export_register (fixture);
  g_assert_cmpstr (before, ==, after);

  /* a dry run only reads: a mistyped register is not created */
  {
    g_autofree char *missing = g_build_filename (fixture->directory, "new", "missing.db", NULL);
    g_autofree char *command = g_strdup_printf ("import-table --dry-run --kind people --database '%s' '%s'",
                                                missing, xlsx);

    g_clear_pointer (&err, g_free);
    g_free (ar_test_run (command, &status, &err));
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, missing));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

static void
test_map_and_refusals (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *sheet = g_build_filename (fixture->directory, "odd.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_file_set_contents (sheet, "Who\tWhere\tShoe size\nAda Lovelace\t120001\t9\n", -1, NULL));

  /* nothing recognised: refused, not "0 added" */
  out = import_table (fixture, "--kind people", sheet, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "odd.csv: no column has a heading"));
  g_assert_nonnull (strstr (err, "say what each column holds with --map COLUMN=FIELD"));

  g_free (out);
  out = import_table (fixture, "--kind people --map Who=name --map 2=urn", sheet, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "1 added"));

  g_free (out);
  out = import_table (fixture, "--kind people --map Hat=name", sheet, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "no column “Hat”"));

  g_free (out);
  out = import_table (fixture, "--kind people --map Who", sheet, &status, &err);
  g_assert_cmpint (status, ==, 2);

  g_free (out);
  out = import_table (fixture, "--kind trusts", sheet, &status, &err);
  g_assert_cmpint (status, ==, 2);

  g_free (out);
  out = import_table (fixture, "--kind schools", sheet, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "odd.csv: no column has a heading"));

  g_free (out);
  out = import_table (fixture, "--kind alliances", sheet, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "odd.csv: no column has a heading"));

  g_free (out);
  out = import_table (fixture, "", sheet, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--kind"));

  g_free (out);
  out = import_table (fixture, "--kind people", "/nonexistent/leaders.xlsx", &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent/leaders.xlsx"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ar/cli-import-table/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("each-format", test_each_format);
  ADD ("dry-run-changes-nothing", test_dry_run_changes_nothing);
  ADD ("map-and-refusals", test_map_and_refusals);

  return g_test_run ();
}
