/* test-cli-trust-overlap.c: `import` says which schools are in two trusts
 * at once, end to end with a real JSON file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

static guint
count_lines_with (const char *text,
                  const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += strstr (lines[i], needle) != NULL;

  return n;
}

/* A register file: one school in three trusts at once, one that moved
 * cleanly, one in a single trust. */
static char *
write_register (const char *directory)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (directory, "register.json", NULL);
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 brook = ar_test_add_school (store, "990001", "Brook Primary School", area);
  gint64 mover = ar_test_add_school (store, "990002", "Mover Academy", area);
  gint64 still = ar_test_add_school (store, "990003", "Still Academy", area);
  gint64 alpha = ar_test_add_trust (store, "Alpha Learning Trust", "mat");
  gint64 beta = ar_test_add_trust (store, "Beta Academies", "mat");
  gint64 gamma = ar_test_add_trust (store, "Gamma Trust", "mat");

  ar_test_add_academy (store, alpha, brook, "2015-09-01", NULL);
  ar_test_add_academy (store, beta, brook, "2018-09-01", "2021-08-31");
  ar_test_add_academy (store, gamma, brook, "2020-09-01", NULL);
  ar_test_add_academy (store, alpha, mover, "2015-09-01", "2019-08-31");
  ar_test_add_academy (store, beta, mover, "2019-09-01", NULL);
  ar_test_add_academy (store, gamma, still, "2016-09-01", NULL);

  json = ar_test_export (store);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_import_reports_overlaps (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *json = write_register (directory);
  g_autofree char *database = g_build_filename (directory, "imported.db", NULL);
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = NULL;
  int status = -1;

  command = g_strdup_printf ("import --database %s %s", database, json);
  out = ar_test_run (command, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");

  /* imported whole: a warning, not a refusal */
  store = ar_store_open (database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 6);

  /* once per school, naming its URN and two of its trusts */
  g_assert_nonnull (strstr (out, "To check: 1\n"));
  g_assert_nonnull (strstr (out, "  School 990001 Brook Primary School is in two trusts at once: "
                                 "Alpha Learning Trust (2015-09-01 to no end) and "
                                 "Beta Academies (2018-09-01 to 2021-08-31)\n"));
  g_assert_cmpuint (count_lines_with (out, "990001"), ==, 1);
  g_assert_cmpuint (count_lines_with (out, "990002"), ==, 0);
  g_assert_cmpuint (count_lines_with (out, "990003"), ==, 0);

  /* the summary counts Brook once: three schools in MATs, not four */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("summary --database %s --area 855 --as-at 2020-10-01 --format csv", database);
  g_clear_pointer (&err, g_free);
  out = ar_test_run (command, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "3 MATs sponsoring 3 Leicestershire schools"));

  ar_test_remove_dir (directory);
}

/* A register without overlaps says nothing more than before. */
static void
test_import_quiet_without_overlaps (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "clean.json", NULL);
  g_autofree char *database = g_build_filename (directory, "clean.db", NULL);
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *json = NULL;
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "990001", "Brook Primary School", area);

  ar_test_add_academy (store, ar_test_add_trust (store, "Alpha Learning Trust", "mat"), school, "2015-09-01", NULL);
  json = ar_test_export (store);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));

  command = g_strdup_printf ("import --database %s %s", database, path);
  out = ar_test_run (command, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (out, "To check"));

  ar_test_remove_dir (directory);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/cli-trust-overlap/import-reports-overlaps", test_import_reports_overlaps);
  g_test_add_func ("/ar/cli-trust-overlap/import-quiet-without-overlaps", test_import_quiet_without_overlaps);

  return g_test_run ();
}
