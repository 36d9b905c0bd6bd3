/* test-cli-merge.c: `import --merge`, end to end with the small registers
 * of tests/data/merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ar-test-util.h"

static char *
run (const char  *format,
     int         *status,
     char       **err,
     ...) G_GNUC_PRINTF (1, 4);

static char *
run (const char  *format,
     int         *status,
     char       **err,
     ...)
{
  va_list args;
  g_autofree char *command_line = NULL;

  va_start (args, err);
  command_line = g_strdup_vprintf (format, args);
  va_end (args);

  g_clear_pointer (err, g_free);

  return ar_test_run (command_line, status, err);
}

static char *
data_file (const char *name)
{
  return g_build_filename (g_getenv ("AR_TEST_DATA"), "merge", name, NULL);
}

static char *
export (const char *database)
{
  g_autofree char *err = NULL;
  int status;
  char *out = run ("export --database '%s' --output -", &status, &err, database);

  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);

  return out;
}

static char *
summary (const char *database)
{
  g_autofree char *err = NULL;
  int status;
  char *out = run ("summary --database '%s' --area 855 --as-at 2020-01-01 --format csv",
                   &status, &err, database);

  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);

  return out;
}

static void
test_three_files (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *database = g_build_filename (directory, "register.db", NULL);
  g_autofree char *alpha = data_file ("alpha.json");
  g_autofree char *beta = data_file ("beta.json");
  g_autofree char *gamma = data_file ("gamma-v1.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *table = NULL;
  int status;

  /* into a register that does not exist yet */
  out = run ("import --merge --database '%s' '%s'", &status, &err, database, alpha);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Merged "));
  g_assert_nonnull (strstr (out, "9 added, 0 updated, 0 unchanged, 0 conflicts"));
  g_clear_pointer (&out, g_free);

  out = run ("import --merge --database '%s' '%s'", &status, &err, database, beta);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "School “Beech Academy”, Postcode: kept “LE2 2BB”, not “LE1 1AA”"));
  g_assert_nonnull (strstr (out, "5 added, 2 updated, 3 unchanged, 1 conflict\n"));
  g_clear_pointer (&out, g_free);

  out = run ("import --merge --database '%s' '%s'", &status, &err, database, gamma);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);

  /* each overlap once: 2 alliances; 2 MATs with 4 schools; Ann (NLE) and
   * her school; Bob (LLE); Cat (NLG) */
  table = summary (database);
  g_assert_nonnull (strstr (table, "\"Teaching School Alliance (TSA)\",\"2\""));
  g_assert_nonnull (strstr (table, "\"2 MATs sponsoring 4 Leicestershire schools\""));
  g_assert_nonnull (strstr (table, "\"National Leader of Education (NLE)\",\"1\""));
  g_assert_nonnull (strstr (table, "\"National Support School (NSS)\",\"1\""));
  g_assert_nonnull (strstr (table, "\"Local Leader of Education (LLE)\",\"1\""));
  g_assert_nonnull (strstr (table, "\"National Leader of Governance (NLG)\",\"1\""));
}

static void
test_dry_run_and_json (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *database = g_build_filename (directory, "register.db", NULL);
  g_autofree char *alpha = data_file ("alpha.json");
  g_autofree char *beta = data_file ("beta.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *report;
  int status;

  /* a dry run into a new register leaves no file behind */
  out = run ("import --merge --dry-run --database '%s' '%s'", &status, &err, database, alpha);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "dry run: nothing was changed"));
  g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);

  g_free (run ("import --merge --database '%s' '%s'", &status, &err, database, alpha));
  g_assert_cmpint (status, ==, 0);
  before = export (database);

  out = run ("import --merge --dry-run --format json --database '%s' '%s'", &status, &err, database, beta);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  after = export (database);
  g_assert_cmpstr (after, ==, before);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  report = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (report, "dry_run"));
  g_assert_cmpint (json_object_get_int_member (report, "added"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (report, "updated"), ==, 2);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (report, "conflicts")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (report, "records"), "school"), "added"), ==, 1);
}

static void
test_refusals (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *database = g_build_filename (directory, "register.db", NULL);
  g_autofree char *alpha = data_file ("alpha.json");
  g_autofree char *broken = data_file ("broken-link.json");
  g_autofree char *missing = g_build_filename (directory, "missing.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int status;

  /* a bad file into a new register leaves none behind */
  g_free (run ("import --merge --database '%s' '%s'", &status, &err, database, broken));
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "broken-link.json: people[0] (id 1): field “school_id”"));
  g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));

  g_free (run ("import --merge --database '%s' '%s'", &status, &err, database, alpha));
  g_assert_cmpint (status, ==, 0);
  before = export (database);

  /* a bad file leaves the register as it was, Fir School included */
  g_free (run ("import --merge --database '%s' '%s'", &status, &err, database, broken));
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (err, "alliance-register: "));
  g_assert_null (strchr (strchr (err, '\n') + 1, '\n'));

  g_free (run ("import --merge --database '%s' '%s'", &status, &err, database, missing));
  g_assert_cmpint (status, ==, 1);

  /* the register itself is not another register */
  g_free (run ("import --merge --database '%s' '%s'", &status, &err, database, database));
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "is the open register itself"));

  /* bad usage */
  g_free (run ("import --merge --replace --database '%s' '%s'", &status, &err, database, alpha));
  g_assert_cmpint (status, ==, 2);
  g_free (run ("import --dry-run --database '%s' '%s'", &status, &err, database, alpha));
  g_assert_cmpint (status, ==, 2);
  g_free (run ("import --merge --format pdf --database '%s' '%s'", &status, &err, database, alpha));
  g_assert_cmpint (status, ==, 2);
  out = run ("import --merge --database '%s'", &status, &err, database);
  g_assert_cmpint (status, ==, 2);

  after = export (database);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/merge/three-files", test_three_files);
  g_test_add_func ("/cli/merge/dry-run-and-json", test_dry_run_and_json);
  g_test_add_func ("/cli/merge/refusals", test_refusals);

  return g_test_run ();
}
