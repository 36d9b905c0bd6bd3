/* test-cli-rules.c: the rules a user meets on the command line, end to end
 * with real register files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ar-test-util.h"

static char *
run (int         *status,
     char       **err,
     const char  *format,
     ...)
{
  va_list args;
  g_autofree char *command_line = NULL;

  va_start (args, format);
  command_line = g_strdup_vprintf (format, args);
  va_end (args);

  g_clear_pointer (err, g_free);

  return ar_test_run (command_line, status, err);
}

static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* A register file with one area, one school and a leader of each kind
 * given, then closed so that the program opens it as a user's would be. */
static char *
make_register (gboolean two_areas)
{
  g_autofree char *directory = ar_test_make_dir ();
  char *path = g_build_filename (directory, "register.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open (path, &error);
  g_autofree char *yesterday = day_from_today (-1);
  g_autofree char *today = day_from_today (0);
  g_autofree char *tomorrow = day_from_today (1);
  gint64 area, school, person;

  g_assert_no_error (error);
  area = ar_test_add_area (store, "857", "Rutland");
  if (two_areas)
    ar_test_add_area (store, "855", "Leicestershire");
  school = ar_test_add_school (store, "990001", "Oakham Primary", area);
  person = ar_test_add_person (store, "Ola Oakham", school);
  /* ran out yesterday, started today, starts tomorrow */
  ar_test_add_designation (store, person, "NLE", "2015-01-01", yesterday);
  ar_test_add_designation (store, person, "LLE", today, NULL);
  ar_test_add_designation (store, person, "NLG", tomorrow, NULL);

  return path;
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

static gint64
count_of (JsonObject *summary,
          const char *code)
{
  JsonArray *rows = json_object_get_array_member (summary, "rows");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (row, "code"), code))
        return json_object_get_int_member (row, "count");
    }

  g_assert_not_reached ();
}

/* With one area in the register, --area may be left out. */
static void
test_single_area_is_the_default (void)
{
  g_autofree char *single = make_register (FALSE);
  g_autofree char *two = make_register (TRUE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *summary;
  int status;

  out = run (&status, &err, "summary --database '%s' --format json", single);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  summary = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (summary, "area"), "code"),
                   ==, "857");
  g_assert_cmpstr (json_object_get_string_member (summary, "title"), ==, "System Leadership in Rutland");
  g_clear_pointer (&out, g_free);

  out = run (&status, &err, "summary --database '%s' --format json", two);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "Choose an area with --area"));
  g_assert_cmpstr (out, ==, "");
}

/* --heading reaches every format that has a heading. */
static void
test_heading_is_printed (void)
{
  static const char * const formats[] = { "text", "md", "html", "json" };
  g_autofree char *path = make_register (FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *with = NULL;
      g_autofree char *without = NULL;
      g_autofree char *err = NULL;
      int status;

      g_test_message ("%s", formats[i]);
      with = run (&status, &err, "summary --database '%s' --format %s --heading 'Appendix Q7'", path, formats[i]);
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (with, "Appendix Q7"));
      without = run (&status, &err, "summary --database '%s' --format %s", path, formats[i]);
      g_assert_cmpint (status, ==, 0);
      g_assert_null (strstr (without, "Appendix Q7"));
    }
}

/* Without --as-at, the summary counts what holds today, to the day. */
static void
test_as_at_defaults_to_today (void)
{
  g_autofree char *path = make_register (FALSE);
  g_autofree char *today = day_from_today (0);
  g_autofree char *yesterday = day_from_today (-1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) earlier_parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *err = NULL;
  JsonObject *summary;
  int status;

  out = run (&status, &err, "summary --database '%s' --format json", path);
  g_assert_cmpint (status, ==, 0);
  summary = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (summary, "as_at"), ==, today);
  g_assert_cmpint (count_of (summary, "NLE"), ==, 0);
  g_assert_cmpint (count_of (summary, "LLE"), ==, 1);
  g_assert_cmpint (count_of (summary, "NLG"), ==, 0);

  /* and the day before is different, so the date was used */
  earlier = run (&status, &err, "summary --database '%s' --format json --as-at %s", path, yesterday);
  g_assert_cmpint (status, ==, 0);
  summary = parse_object (earlier_parser, earlier);
  g_assert_cmpint (count_of (summary, "NLE"), ==, 1);
  g_assert_cmpint (count_of (summary, "LLE"), ==, 0);
}

/* A JSON file with an alliance that ends before it was designated, or an
 * academy that leaves before it joined, is refused and nothing lands. */
static void
test_import_refuses_spans_out_of_order (void)
{
  static const char * const documents[] = {
    "{\"format\": \"alliance-register\", \"version\": 1,"
    " \"schools\": [{\"id\": 1, \"name\": \"S\"}],"
    " \"alliances\": [{\"id\": 1, \"name\": \"A\", \"lead_school_id\": 1,"
    " \"designated_on\": \"2014-04-01\", \"ended_on\": \"2013-08-31\"}]}",
    "{\"format\": \"alliance-register\", \"version\": 1,"
    " \"schools\": [{\"id\": 1, \"name\": \"S\"}], \"trusts\": [{\"id\": 1, \"name\": \"T\", \"kind\": \"mat\"}],"
    " \"trust_academies\": [{\"id\": 1, \"trust_id\": 1, \"school_id\": 1,"
    " \"joined_on\": \"2016-09-01\", \"left_on\": \"2016-08-31\"}]}",
  };
  static const char * const messages[] = {
    "alliances[0] (id 1): field “ended_on”: Ended (2013-08-31) is before Designated (2014-04-01)",
    "trust_academies[0] (id 1): field “left_on”: Left (2016-08-31) is before Joined (2016-09-01)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *directory = ar_test_make_dir ();
      g_autofree char *json = g_build_filename (directory, "in.json", NULL);
      g_autofree char *database = g_build_filename (directory, "register.db", NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ArStore) store = NULL;
      int status;

      g_file_set_contents (json, documents[i], -1, &error);
      g_assert_no_error (error);
      out = run (&status, &err, "import --database '%s' '%s'", database, json);
      g_assert_cmpint (status, ==, 1);
      if (strstr (err, messages[i]) == NULL)
        g_error ("message “%s” lacks “%s”", err, messages[i]);

      /* nothing landed, whether or not the file is left behind */
      if (g_file_test (database, G_FILE_TEST_EXISTS))
        {
          store = ar_store_open (database, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 0);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/cli-rules/single-area-is-the-default", test_single_area_is_the_default);
  g_test_add_func ("/ar/cli-rules/heading-is-printed", test_heading_is_printed);
  g_test_add_func ("/ar/cli-rules/as-at-defaults-to-today", test_as_at_defaults_to_today);
  g_test_add_func ("/ar/cli-rules/import-refuses-spans-out-of-order", test_import_refuses_spans_out_of_order);

  return g_test_run ();
}
