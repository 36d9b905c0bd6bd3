/* test-cli-text.c: text through the command line, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

static void
assert_one_clean_line (const char *message)
{
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_assert_nonnull (strchr (message, '\n'));
  for (const char *p = message; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
}

/* A heading with a control character still gives a document a word
 * processor opens: every XML part parses. */
static void
test_heading_with_control_character (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *odt = g_build_filename (directory, "appendix.odt", NULL);
  g_autofree char *command = g_strdup_printf ("summary --sample --area 855 --heading 'Appendix\vB & <C>' "
                                              "--format odt --output '%s'", odt);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *parts = NULL;
  int status;

  out = ar_test_run (command, &status, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);

  parts = ar_test_command_output ("python3 -c 'import sys, zipfile, xml.dom.minidom as m\n"
                                  "z = zipfile.ZipFile(sys.argv[1])\n"
                                  "d = m.parseString(z.read(\"content.xml\"))\n"
                                  "[m.parseString(z.read(n)) for n in z.namelist() if n.endswith(\".xml\")]\n"
                                  "print(d.getElementsByTagName(\"text:p\")[0].firstChild.data)' '%s'", odt);
  g_assert_cmpstr (parts, ==, "Appendix B & <C>\n");
}

/* Bytes that are not UTF-8 are refused as a usage error, and not echoed. */
static void
test_heading_not_utf8 (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = ar_test_run ("summary --sample --area 855 --heading 'Bad \xff\xfe heading'", &status, &err);
  g_assert_cmpint (status, ==, 2);
  assert_one_clean_line (err);
  g_assert_null (strstr (err, "\xff"));
}

/* A file with \u0000 in a name is refused, naming the list, the record
 * and the field as the file and the window call it. */
static void
test_import_refuses_nul (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *json = g_build_filename (directory, "nul.json", NULL);
  g_autofree char *database = g_build_filename (directory, "register.db", NULL);
  g_autofree char *command = g_strdup_printf ("import --database '%s' '%s'", database, json);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_file_set_contents (json,
                       "{\"format\": \"alliance-register\", \"version\": 1,\n"
                       " \"alliances\": [{\"id\": 7, \"name\": \"Trent\\u0000 Alliance\"}]}\n",
                       -1, &error);
  g_assert_no_error (error);

  out = ar_test_run (command, &status, &err);
  g_assert_cmpint (status, ==, 1);
  assert_one_clean_line (err);
  g_assert_nonnull (strstr (err, "nul.json: alliances[0] (id 7): field “name” (Name): the text holds \\u0000"));
}

/* What came in from a GIAS file with control characters goes out as JSON
 * that comes back in as the same register. */
static void
test_gias_export_imports_again (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *csv = g_build_filename (directory, "establishments.csv", NULL);
  g_autofree char *first_db = g_build_filename (directory, "first.db", NULL);
  g_autofree char *second_db = g_build_filename (directory, "second.db", NULL);
  g_autofree char *exported = g_build_filename (directory, "first.json", NULL);
  g_autofree char *command = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *err = NULL;
  int status;

  g_file_set_contents (csv,
                       "\"URN\",\"LA (code)\",\"LA (name)\",\"EstablishmentName\",\"Town\"\r\n"
                       "990001,\"855\",\"Leicestershire\",\"Upper\x0bSchool \x93\xe9\x94\",\"Melton\x01Mowbray\"\r\n",
                       -1, &error);
  g_assert_no_error (error);

#define RUN(...) \
  G_STMT_START { \
    g_free (command); \
    g_clear_pointer (&err, g_free); \
    command = g_strdup_printf (__VA_ARGS__); \
    g_free (ar_test_run (command, &status, &err)); \
    g_assert_cmpint (status, ==, 0); \
  } G_STMT_END

  RUN ("import-gias --database '%s' '%s'", first_db, csv);
  RUN ("export --database '%s' --output '%s'", first_db, exported);
  RUN ("import --database '%s' '%s'", second_db, exported);
  g_free (command);
  command = g_strdup_printf ("export --database '%s'", first_db);
  g_clear_pointer (&err, g_free);
  first = ar_test_run (command, &status, &err);
  g_free (command);
  command = g_strdup_printf ("export --database '%s'", second_db);
  g_clear_pointer (&err, g_free);
  second = ar_test_run (command, &status, &err);
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "\"name\" : \"Upper School \xe2\x80\x9c\xc3\xa9\xe2\x80\x9d\""));
  g_assert_nonnull (strstr (first, "\"town\" : \"Melton Mowbray\""));
#undef RUN
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/cli-text/heading-with-control-character", test_heading_with_control_character);
  g_test_add_func ("/ar/cli-text/heading-not-utf8", test_heading_not_utf8);
  g_test_add_func ("/ar/cli-text/import-refuses-nul", test_import_refuses_nul);
  g_test_add_func ("/ar/cli-text/gias-export-imports-again", test_gias_export_imports_again);

  return g_test_run ();
}
