/* test-cli.c: the command line, end to end with real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ar-test-util.h"

typedef struct
{
  char *directory;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->directory = ar_test_make_dir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ar_test_remove_dir (fixture->directory);
  g_free (fixture->directory);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->directory, name, NULL);
}

static void
test_summary_json_is_appendix_b (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const struct { const char *code; gint64 count; } expected[] = {
    { "TSA", 6 }, { "MAT", 9 }, { "NLE", 17 }, { "NSS", 17 }, { "NLG", 4 }, { "LLE", 23 }, { "SLE", 0 },
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  JsonArray *rows;
  int status;

  out = ar_test_runf ("summary --sample --area 855 --format json", &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  rows = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_assert_cmpstr (json_object_get_string_member (row, "code"), ==, expected[i].code);
      g_assert_cmpint (json_object_get_int_member (row, "count"), ==, expected[i].count);
    }
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 1), "schools"), ==, 33);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (rows, 6), "figure"),
                                   "No data held"));
}

static void
test_summary_formats (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct { const char *format; const char *mat; const char *marker; } cases[] = {
    { "text", "9 MATs sponsoring 33", "System Leadership in Leicestershire\n" },
    { "md", "9 MATs sponsoring 33 Leicestershire schools", "| Leadership role | Number in Leicestershire | Key functions |" },
    { "csv", "\"9 MATs sponsoring 33 Leicestershire schools\"", "\"Leadership role\",\"Number in Leicestershire\",\"Key functions\"\r\n" },
    { "html", "<td>9 MATs sponsoring 33 Leicestershire schools</td>", "<th>Number in Leicestershire</th>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *file = path_in (fixture, "summary.out");
      g_autofree char *written = NULL;
      int status;

      /* by name this time, to a file */
      out = ar_test_runf ("summary --sample --area Leicestershire --format %s --output '%s'", &status, &err,
                          cases[i].format, file);
      g_assert_cmpint (status, ==, 0);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_file_get_contents (file, &written, NULL, NULL));
      if (strstr (written, cases[i].mat) == NULL || strstr (written, cases[i].marker) == NULL)
        g_error ("%s output lacks the MAT figure or its table:\n%s", cases[i].format, written);
      for (const char *figure = "17"; figure != NULL; figure = NULL)
        g_assert_nonnull (strstr (written, figure));
      g_assert_nonnull (strstr (written, "No data held"));
    }
}

static void
test_as_at_moves_figures (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *now = NULL;
  int status;

  /* the sample's six alliances were designated from 2012 to 2017; one
   * more, designated in 2013, stood down in 2021 */
  before = ar_test_runf ("summary --sample --area 855 --as-at 2013-06-01 --format csv", &status, &err);
  g_assert_cmpint (status, ==, 0);
  now = ar_test_runf ("summary --sample --area 855 --as-at 2026-06-01 --format csv", &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (before, "\"Teaching School Alliance (TSA)\",\"3\""));
  g_assert_nonnull (strstr (now, "\"Teaching School Alliance (TSA)\",\"6\""));
}

static void
test_pdf_paper_and_orientation (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *pdf = path_in (fixture, "appendix.pdf");
  g_autofree char *err = NULL;
  g_autofree char *info = NULL;
  g_autofree char *command = NULL;
  int status;

  g_free (ar_test_runf ("summary --sample --area 855 --format pdf --paper letter --landscape --output '%s'",
                        &status, &err, pdf));
  g_assert_cmpint (status, ==, 0);
  command = g_strdup_printf ("pdfinfo '%s'", pdf);
  g_spawn_command_line_sync (command, &info, NULL, NULL, NULL);
  g_assert_nonnull (strstr (info, "792 x 612 pts (letter)"));

  g_clear_pointer (&err, g_free);
  g_free (ar_test_runf ("summary --sample --area 855 --format pdf --paper a3 --output '%s'", &status, &err, pdf));
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--paper: “a3” is not a4 or letter"));
}

static void
test_export_import_round_trip (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *json = path_in (fixture, "register.json");
  g_autofree char *again = path_in (fixture, "again.json");
  g_autofree char *database = path_in (fixture, "copy.db");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_free (ar_test_runf ("export --sample --output '%s'", &status, &err, json));
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&err, g_free);

  out = ar_test_runf ("import --database '%s' '%s'", &status, &err, database, json);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "95 schools"));
  g_clear_pointer (&err, g_free);

  g_free (ar_test_runf ("export --database '%s' --output '%s'", &status, &err, database, again));
  g_assert_cmpint (status, ==, 0);

  g_file_get_contents (json, &first, NULL, NULL);
  g_file_get_contents (again, &second, NULL, NULL);
  g_assert_cmpstr (first, ==, second);
}

static void
test_bad_file_leaves_register_alone (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *json = NULL;
  g_autofree char *database = ar_test_register_fixture (fixture->directory, &json);
  g_autofree char *bad = path_in (fixture, "bad.json");
  g_autofree char *before = path_in (fixture, "before.json");
  g_autofree char *after = path_in (fixture, "after.json");
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *err = NULL;
  int status;

  g_free (ar_test_runf ("export --database '%s' --output '%s'", &status, &err, database, before));
  g_assert_cmpint (status, ==, 0);

  g_file_set_contents (bad,
                       "{\"format\": \"alliance-register\", \"version\": 1,\n"
                       " \"schools\": [{\"id\": 1, \"urn\": \"12A456\", \"name\": \"Broken\"}]}", -1, NULL);
  g_clear_pointer (&err, g_free);
  g_free (ar_test_runf ("import --replace --database '%s' '%s'", &status, &err, database, bad));
  g_assert_cmpint (status, ==, 1);
  /* one line naming the file, the record and the field */
  g_assert_true (g_str_has_prefix (err, "alliance-register: "));
  g_assert_nonnull (strstr (err, "bad.json: schools[0] (id 1): field “urn”: URN: “12A456” is not six digits"));
  g_assert_cmpuint (strlen (err), ==, (gsize) (strchr (err, '\n') - err) + 1);

  g_clear_pointer (&err, g_free);
  g_free (ar_test_runf ("export --database '%s' --output '%s'", &status, &err, database, after));
  g_assert_cmpint (status, ==, 0);
  g_file_get_contents (before, &before_text, NULL, NULL);
  g_file_get_contents (after, &after_text, NULL, NULL);
  g_assert_cmpstr (before_text, ==, after_text);

  /* importing into a register that holds records needs --replace */
  g_clear_pointer (&err, g_free);
  g_free (ar_test_runf ("import --database '%s' '%s'", &status, &err, database, json));
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "already holds records"));
}

static void
test_exit_statuses (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { const char *args; int status; const char *message; } cases[] = {
    { "summary --sample --format docx", 2, "Unknown format “docx”" },
    { "summary --sample --as-at 23/11/2026", 2, "not a date in the form YYYY-MM-DD" },
    { "summary --sample --database x.db", 2, "cannot be used together" },
    { "summary --sample --no-such-option", 2, "Unknown option" },
    { "summary --sample --area 123", 1, "No area “123” in the register (areas: 855 Leicestershire, 856 Leicester, 857 Rutland)" },
    { "summary --sample", 1, "Choose an area with --area" },
    { "import", 2, "Name the JSON file to import" },
    { "import --database /dev/null/y.db /nonexistent.json", 1, "/nonexistent.json" },
    { "summary --sample --area 855 --output /dev/null/out.txt", 1, "/dev/null/out.txt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status;

      g_free (ar_test_runf ("%s", &status, &err, cases[i].args));
      if (status != cases[i].status || strstr (err, cases[i].message) == NULL)
        g_error ("“%s” exited %d with “%s”", cases[i].args, status, err);
    }
}

static void
test_concurrent_readers_and_writer (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *json = NULL;
  g_autofree char *database = ar_test_register_fixture (fixture->directory, &json);
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);

  /* replace the register while others read it: none fails or is locked out */
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GError) error = NULL;
      GSubprocess *process;

      if (i % 3 == 0)
        process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, g_getenv ("AR_BINARY"),
                                    "import", "--replace", "--database", database, json, NULL);
      else
        process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, g_getenv ("AR_BINARY"),
                                    "summary", "--database", database, "--area", "855", "--format", "csv", NULL);
      g_assert_no_error (error);
      g_ptr_array_add (processes, process);
    }

  for (guint i = 0; i < processes->len; i++)
    {
      g_autoptr(GError) error = NULL;
      GSubprocess *process = g_ptr_array_index (processes, i);

      g_subprocess_wait_check (process, NULL, &error);
      g_assert_no_error (error);
    }
}

/* `list` gives what the window's list shows: the same columns, search and
 * area, sorted by name, as a text table or as CSV in a file. */
static void
test_list_as_the_window_does (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *csv_path = path_in (fixture, "church-schools.csv");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) rows = NULL;
  glong kind_column;
  int status;

  out = ar_test_runf ("list schools --sample --area Leicestershire --search CHURCH --format csv --output '%s'",
                      &status, &err, csv_path);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "\"URN\",\"Name\",\"Area\",\"Phase\",\"Status\",\"Trust\"");
  g_assert_cmpuint (g_strv_length (lines), ==, 9 + 2);
  for (guint i = 1; i <= 9; i++)
    {
      g_assert_nonnull (strstr (lines[i], "Church of England"));
      g_assert_nonnull (strstr (lines[i], "\"Leicestershire\""));
      if (i > 1)
        g_assert_cmpint (strcmp (lines[i - 1] + 9, lines[i] + 9), <, 0);
    }
  /* the derived column: a school's current trust */
  g_assert_nonnull (strstr (csv, "\"Kibworth Dale Church of England Primary School\",\"Leicestershire\","
                                 "\"Primary\",\"Open\",\"Wolds Learning Trust\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a table for a terminal: columns line up under their titles */
  out = ar_test_runf ("list trusts --sample", &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Name "));
  g_assert_nonnull (strstr (out, "Academies"));
  rows = g_strsplit (out, "\n", -1);
  kind_column = g_utf8_pointer_to_offset (rows[0], strstr (rows[0], "Kind"));
  g_assert_cmpuint (g_strv_length (rows), ==, 12 + 2);
  for (guint i = 1; i <= 12; i++)
    {
      const char *kind = g_utf8_offset_to_pointer (rows[i], kind_column);

      g_assert_cmpint (kind[-1], ==, ' ');
      g_assert_true (g_str_has_prefix (kind, "Multi-academy trust") || g_str_has_prefix (kind, "Single-academy trust"));
    }
}

static void
test_list_refuses_what_it_cannot_do (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const struct { const char *arguments; int status; const char *message; } cases[] = {
    { "list", 2, "Name one section: alliances, trusts, leaders, schools, partners, deployments, areas" },
    { "list people --sample", 2, "No section “people”" },
    { "list leaders --sample --area 855", 2, "Leaders have no area to choose by" },
    { "list schools --sample --format pdf", 2, "Unknown format “pdf” (use text, csv or xlsx)" },
    { "list schools --sample --area 999", 1, "No area “999” in the register" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *out = NULL;
      int status;

      out = ar_test_runf ("%s", &status, &err, cases[i].arguments);
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_cmpstr (out, ==, "");
      if (strstr (err, cases[i].message) == NULL)
        g_error ("“%s” said “%s”", cases[i].arguments, err);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ar/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("summary-json-is-appendix-b", test_summary_json_is_appendix_b);
  ADD ("summary-formats", test_summary_formats);
  ADD ("as-at-moves-figures", test_as_at_moves_figures);
  ADD ("pdf-paper-and-orientation", test_pdf_paper_and_orientation);
  ADD ("export-import-round-trip", test_export_import_round_trip);
  ADD ("bad-file-leaves-register-alone", test_bad_file_leaves_register_alone);
  ADD ("exit-statuses", test_exit_statuses);
  ADD ("concurrent-readers-and-writer", test_concurrent_readers_and_writer);
  ADD ("list-as-the-window-does", test_list_as_the_window_does);
  ADD ("list-refuses-what-it-cannot-do", test_list_refuses_what_it_cannot_do);

  return g_test_run ();
}
