/* test-cli-summary-compare.c: summary --compare-to, end to end with real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ar-test-util.h"

#define MINUS "\xe2\x88\x92"

typedef struct
{
  char *directory;
  char *database;   /* the sample register, as a file */
} Fixture;

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->directory, name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->directory = ar_test_make_dir ();
  fixture->database = ar_test_register_fixture (fixture->directory, NULL);
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
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Each format to a file: both dates in words, the change column, and the
 * figures that moved in the sample register since 2020 (one TSA fewer,
 * two LLEs more). */
static void
test_formats (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct { const char *format; const char *marker; } cases[] = {
    { "text", "Change" },
    { "md", "| Number on 1 January 2020 | Number on 23 November 2026 | Change |" },
    { "csv", "\"Number on 1 January 2020\",\"Number on 23 November 2026\",\"Change\"" },
    { "html", "<th>Number on 1 January 2020</th><th>Number on 23 November 2026</th><th>Change</th>" },
    { "json", "\"compare_to\" : \"2020-01-01\"" },
    { "pdf", "Change" },
    { "odt", ">Change<" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("compared.%s", cases[i].format);
      g_autofree char *file = path_in (fixture, name);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *written = NULL;
      int status;

      out = ar_test_runf ("summary --database '%s' --area 855 --as-at 2026-11-23 --compare-to 2020-01-01"
                          " --format %s --output '%s'", &status, &err, fixture->database, cases[i].format, file);
      g_assert_cmpint (status, ==, 0);
      g_assert_cmpstr (out, ==, "");

      if (g_str_equal (cases[i].format, "pdf"))
        written = ar_test_command_output ("pdftotext '%s' -", file);
      else if (g_str_equal (cases[i].format, "odt"))
        written = ar_test_command_output ("unzip -p '%s' content.xml", file);
      else
        written = read_file (file);

      if (strstr (written, cases[i].marker) == NULL
          /* CSV is the table alone; JSON has the dates as data */
          || (!g_str_equal (cases[i].format, "json") && !g_str_equal (cases[i].format, "csv")
              && strstr (written, "As at 23 November 2026, compared with 1 January 2020") == NULL)
          || strstr (written, MINUS "1") == NULL || strstr (written, "+2") == NULL)
        g_error ("%s output lacks the comparison:\n%s", cases[i].format, written);
    }
}

static void
test_json_numbers (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *rows;
  int status;

  /* a comparison date after the as-at date: the change still runs forward */
  out = ar_test_runf ("summary --database '%s' --area 855 --as-at 2020-01-01 --compare-to 2026-11-23 --format json",
                      &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  rows = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "rows");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *code = json_object_get_string_member (row, "code");

      if (g_str_equal (code, "TSA"))
        {
          g_assert_cmpint (json_object_get_int_member (row, "count"), ==, 7);
          g_assert_cmpint (json_object_get_int_member (row, "compare_count"), ==, 6);
          g_assert_cmpint (json_object_get_int_member (row, "change"), ==, -1);
        }
      else if (g_str_equal (code, "LLE"))
        g_assert_cmpint (json_object_get_int_member (row, "change"), ==, 2);
    }
}

/* Without --compare-to, the summary is as it always was. */
static void
test_without (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = ar_test_runf ("summary --database '%s' --area 855 --as-at 2026-11-23 --format csv", &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "\"Leadership role\",\"Number in Leicestershire\",\"Key functions\"\r\n"));
  g_assert_null (strstr (out, "Change"));
}

static void
test_misuse (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing = path_in (fixture, "no-such-folder/out.txt");
  g_autofree char *kept = path_in (fixture, "kept.txt");
  g_autofree char *kept_contents = NULL;
  int status;

  before = ar_test_runf ("export --database '%s'", &status, &err, fixture->database);

  g_free (ar_test_runf ("summary --database '%s' --area 855 --compare-to 2026-13-01", &status, &err, fixture->database));
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--compare-to: “2026-13-01” is an impossible date"));

  g_free (ar_test_runf ("summary --database '%s' --area 855 --compare-to", &status, &err, fixture->database));
  g_assert_cmpint (status, ==, 2);

  /* never written over the register it reads */
  g_free (ar_test_runf ("summary --database '%s' --area 855 --compare-to 2020-01-01 --output '%s'",
                        &status, &err, fixture->database, fixture->database));
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, fixture->database));

  /* a failed write leaves no file, and an existing file as it was */
  g_free (ar_test_runf ("summary --database '%s' --area 855 --compare-to 2020-01-01 --output '%s'",
                        &status, &err, fixture->database, missing));
  g_assert_cmpint (status, ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_set_contents (kept, "mine", -1, NULL));
  g_free (ar_test_runf ("summary --database '%s' --area 855 --compare-to 2020-02-30 --output '%s'",
                        &status, &err, fixture->database, kept));
  g_assert_cmpint (status, ==, 2);
  kept_contents = read_file (kept);
  g_assert_cmpstr (kept_contents, ==, "mine");

  after = ar_test_runf ("export --database '%s'", &status, &err, fixture->database);
  g_assert_cmpstr (after, ==, before);
}

#define ADD(path, func) \
  g_test_add ("/ar/cli-summary-compare/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("formats", test_formats);
  ADD ("json-numbers", test_json_numbers);
  ADD ("without", test_without);
  ADD ("misuse", test_misuse);

  return g_test_run ();
}
