/* test-cli-deployments.c: `list deployments` and `report support`, end to
 * end with real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ar-test-util.h"

/* A register file holding the sample register, made through the command
 * line itself (export, then import). */
typedef struct
{
  char *directory;
  char *database;
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

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

static void
test_list_deployments (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *csv_path = path_in (fixture, "deployments.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *csv = NULL;
  int status;

  /* every deployment, by start date */
  out = ar_test_runf ("list deployments --database '%s'", &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 13);
  g_assert_true (g_str_has_prefix (out, "Supported school"));
  g_assert_nonnull (strstr (out, "School-to-school"));
  g_assert_nonnull (strstr (out, "Stopped early"));
  g_assert_nonnull (strstr (out, "14 / 40"));
  g_assert_true (strstr (out, "2024-09-02") < strstr (out, "2027-01-11"));

  /* the area is the supported school's; active on a date; as CSV in a file */
  g_free (ar_test_runf ("list deployments --database '%s' --area Leicestershire --active-on 2026-12-01 "
                        "--format csv --output '%s'", &status, &err, fixture->database, csv_path));
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  csv = read_file (csv_path);
  g_assert_true (g_str_has_prefix (csv, "\"Supported school\",\"Supporter\",\"Role\",\"Focus\",\"Starts\",\"Ends\","
                                        "\"Days delivered / agreed\",\"Status\"\r\n"));
  g_assert_cmpuint (count_lines (csv), ==, 6);
  g_assert_nonnull (strstr (csv, "\"Withcote College\",\"Emeka Crowther\",\"NLE\",\"Mathematics\",\"2026-01-05\",\"2027-07-23\",\"14 / 40\",\"Active\""));
  g_assert_null (strstr (csv, "Aylestone Meadows"));

  /* Leicester's one deployment */
  g_free (out);
  out = ar_test_runf ("list deployments --database '%s' --area 856 --format csv", &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 2);
  g_assert_nonnull (strstr (out, "Aylestone Meadows"));

  /* search */
  g_free (out);
  out = ar_test_runf ("list deployments --database '%s' --search GOVERNANCE --format csv", &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 3);
}

static void
test_list_usage_errors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = ar_test_runf ("list schools --database '%s' --active-on 2026-01-01", &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--active-on is for deployments only"));

  g_free (out);
  out = ar_test_runf ("list deployments --database '%s' --active-on 1/9/2026", &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "“1/9/2026” is not a date"));
}

typedef struct
{
  const char *format;
  const char *file;
  const char *starts_with;
  const char *holds;
} FormatCase;

static const FormatCase format_cases[] = {
  { "text", "support.txt", "Appendix C\nSupport in Leicestershire\nAs at 1 December 2026\n", "Ashby Parva College" },
  { "csv", "support.csv", "\"Supported school\",\"Supporter and role\",\"Focus\",\"Dates\",\"Days delivered\",\"Status\"\r\n",
    "\"Withcote College\",\"Emeka Crowther (NLE)\",\"Mathematics\",\"5 Jan 2026 – 23 Jul 2027\",\"14 of 40\",\"Active\"" },
  { "html", "support.html", "<!DOCTYPE html>", "<td>Ashby Parva College (school-to-school)</td>" },
  { "md", "support.md", "## Appendix C\n\n# Support in Leicestershire\n", "| Withcote College | Emeka Crowther (NLE) |" },
  { "json", "support.json", "{", "\"format\" : \"alliance-register-support\"" },
  { "pdf", "support.pdf", "%PDF-", NULL },
  { "odt", "support.odt", "PK", "application/vnd.oasis.opendocument.text" },
};

static void
test_report_every_format (Fixture       *fixture,
                          gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *format_case = &format_cases[i];
      g_autofree char *path = path_in (fixture, format_case->file);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *contents = NULL;
      gsize length;
      int status;

      out = ar_test_runf ("report support --database '%s' --area 855 --as-at 2026-12-01 --heading 'Appendix C' "
                          "--format %s --output '%s'", &status, &err, fixture->database, format_case->format, path);
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpint (status, ==, 0);
      g_assert_cmpstr (out, ==, "");

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 200);
      if (!g_str_has_prefix (contents, format_case->starts_with))
        g_error ("%s does not start with “%s”", format_case->file, format_case->starts_with);
      if (format_case->holds != NULL && memmem (contents, length, format_case->holds, strlen (format_case->holds)) == NULL)
        g_error ("%s lacks “%s”", format_case->file, format_case->holds);
    }
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_report_as_at_and_period (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) period_parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *period = NULL;
  g_autofree char *err = NULL;
  JsonObject *root, *totals, *first;
  int status;

  out = ar_test_runf ("report support --database '%s' --area 855 --as-at 2026-12-01 --format json",
                      &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  root = parse_object (parser, out);
  totals = json_object_get_object_member (root, "totals");
  g_assert_cmpint (json_object_get_int_member (totals, "deployments"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (totals, "schools"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (totals, "days_delivered"), ==, 27);
  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==, "2026-12-01");
  first = json_array_get_object_element (json_object_get_array_member (root, "deployments"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "school"), ==, "Belton Moor Community Primary School");
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "NLG");
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "active");

  /* a period takes every deployment active on any of its days */
  period = ar_test_runf ("report support --database '%s' --area 855 --from 2025-09-01 --to 2026-08-31 --format json",
                         &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  root = parse_object (period_parser, period);
  totals = json_object_get_object_member (root, "totals");
  g_assert_cmpint (json_object_get_int_member (totals, "deployments"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (totals, "schools"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "From 1 September 2025 to 31 August 2026");

  /* nothing before the first deployment: still a report, saying so */
  g_free (out);
  out = ar_test_runf ("report support --database '%s' --area 855 --from 2020-01-01 --to 2020-12-31",
                      &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "No deployments in this period"));
}

typedef struct
{
  const char *arguments;
  int         status;
  const char *message;
} UsageCase;

static const UsageCase usage_cases[] = {
  { "report", 2, "Name the report: support" },
  { "report summary --area 855", 2, "Unknown report" },
  { "report support", 2, "Choose an area with --area" },
  { "report support --area 855 --as-at 2026-01-01 --from 2025-09-01", 2, "not both" },
  { "report support --area 855 --from 2026-09-01 --to 2026-08-31", 2, "--to comes before --from" },
  { "report support --area 855 --from 2026-02-30", 2, "--from: “2026-02-30” is an impossible date" },
  { "report support --area 855 --format docx", 2, "Unknown format “docx”" },
  { "report support --area Narnia", 1, "No area “Narnia”" },
};

static void
test_report_usage_errors (Fixture       *fixture,
                          gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_autofree char *output = path_in (fixture, "never.txt");
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      out = ar_test_runf ("%s --database '%s' --output '%s'", &status, &err,
                          usage_cases[i].arguments, fixture->database, output);
      g_assert_cmpint (status, ==, usage_cases[i].status);
      if (strstr (err, usage_cases[i].message) == NULL)
        g_error ("“%s”: stderr “%s” lacks “%s”", usage_cases[i].arguments, err, usage_cases[i].message);
      /* a failed report writes no file */
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    }
}

/* Enough deployments to fill several pages: the header repeats and no row
 * is lost between pages. */
static void
test_report_pdf_pages (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *json_path = path_in (fixture, "many.json");
  g_autofree char *database = path_in (fixture, "many.db");
  g_autofree char *pdf_path = path_in (fixture, "many.pdf");
  g_autofree char *text_path = path_in (fixture, "many.txt");
  g_autoptr(GString) json = g_string_new ("{\"format\": \"alliance-register\", \"version\": 2,"
                                          " \"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"Leicestershire\"}],"
                                          " \"schools\": [");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *pdftotext = NULL;
  gsize length;
  guint pages = 0;
  int status;

  for (guint i = 1; i <= 61; i++)
    g_string_append_printf (json, "%s{\"id\": %u, \"urn\": \"%06u\", \"name\": \"School number %u\", \"area_id\": 1}",
                            i > 1 ? ", " : "", i, 990000 + i, i);
  g_string_append (json, "], \"deployments\": [");
  for (guint i = 1; i <= 60; i++)
    g_string_append_printf (json, "%s{\"id\": %u, \"school_id\": %u, \"supporter_school_id\": 61,"
                            " \"focus\": \"Teaching and learning across the whole school\", \"starts_on\": \"2026-09-01\","
                            " \"days_agreed\": 5, \"days_delivered\": 1, \"status\": \"active\"}",
                            i > 1 ? ", " : "", i, i);
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (json_path, json->str, -1, NULL));

  out = ar_test_runf ("import --database '%s' '%s'", &status, &err, database, json_path);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);

  g_free (out);
  out = ar_test_runf ("report support --database '%s' --area 855 --as-at 2026-12-01 --format pdf --output '%s'",
                      &status, &err, database, pdf_path);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
  for (const char *p = pdf; (p = memmem (p, length - (p - pdf), "/Type /Page", 11)) != NULL; p += 11)
    pages += p[11] != 's';
  g_assert_cmpuint (pages, >=, 3);

  /* when pdftotext is there, every school is in the PDF once, and the totals */
  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext != NULL)
    {
      g_autofree char *command = g_strdup_printf ("pdftotext -layout '%s' '%s'", pdf_path, text_path);
      g_autofree char *text = NULL;
      int wait_status;

      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &wait_status, NULL));
      text = read_file (text_path);
      for (guint i = 1; i <= 60; i++)
        {
          g_autofree char *name = g_strdup_printf ("School number %u ", i);
          g_autofree char *line_end = g_strdup_printf ("School number %u\n", i);

          if (strstr (text, name) == NULL && strstr (text, line_end) == NULL)
            g_error ("the PDF lacks “School number %u”", i);
        }
      g_assert_nonnull (strstr (text, "60 deployments for 60 schools; 60 days delivered of 300 agreed"));
      g_assert_nonnull (strstr (text, "Page 1 of "));
    }
}

static void
test_import_version_1_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *json_path = path_in (fixture, "old.json");
  g_autofree char *database = path_in (fixture, "old.db");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_file_set_contents (json_path,
                                      "{\"format\": \"alliance-register\", \"version\": 1,"
                                      " \"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"Leicestershire\"}]}",
                                      -1, NULL));
  out = ar_test_runf ("import --database '%s' '%s'", &status, &err, database, json_path);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);

  g_free (out);
  out = ar_test_runf ("report support --database '%s' --area 855", &status, &err, database);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "No deployments in this period"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ar/cli-deployments/list", Fixture, NULL, fixture_set_up, test_list_deployments, fixture_tear_down);
  g_test_add ("/ar/cli-deployments/list-usage-errors", Fixture, NULL, fixture_set_up, test_list_usage_errors, fixture_tear_down);
  g_test_add ("/ar/cli-deployments/report-every-format", Fixture, NULL, fixture_set_up, test_report_every_format, fixture_tear_down);
  g_test_add ("/ar/cli-deployments/report-as-at-and-period", Fixture, NULL, fixture_set_up, test_report_as_at_and_period, fixture_tear_down);
  g_test_add ("/ar/cli-deployments/report-usage-errors", Fixture, NULL, fixture_set_up, test_report_usage_errors, fixture_tear_down);
  g_test_add ("/ar/cli-deployments/report-pdf-pages", Fixture, NULL, fixture_set_up, test_report_pdf_pages, fixture_tear_down);
  g_test_add ("/ar/cli-deployments/import-version-1-file", Fixture, NULL, fixture_set_up, test_import_version_1_file, fixture_tear_down);

  return g_test_run ();
}
