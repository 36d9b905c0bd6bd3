/* test-cli-import-kinds.c: alliance-register import-table --kind
 * alliances|schools, end to end with spreadsheets LibreOffice made
 * (tests/data/tables), and our own list exports read back
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

/* A register holding the schools, areas and partner the sheets name */
static void
make_register (const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArRecord) university = g_object_new (AR_TYPE_ORGANISATION, NULL);
  gint64 leics;
  gint64 city;

  store = ar_store_open (database, &error);
  g_assert_no_error (error);
  leics = ar_test_add_area (store, "855", "Leicestershire");
  city = ar_test_add_area (store, "856", "Leicester");
  ar_test_add_school (store, "120001", "Oak Primary School", leics);
  ar_test_add_school (store, "120002", "Elm Academy", leics);
  ar_test_add_school (store, "120003", "Ash Church School", city);
  ar_test_add_school (store, "120004", "St Mary’s Primary", leics);
  ar_test_add_school (store, "120005", "St Mary’s Primary", city);
  ar_record_set_text (university, "name", "University of East Wolds");
  ar_record_set_text (university, "kind", "university");
  g_assert_true (ar_store_save (store, university, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->directory = ar_test_make_dir ();
  fixture->database = g_build_filename (fixture->directory, "register.db", NULL);
  make_register (fixture->database);
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
export_register (const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open (database, &error);

  g_assert_no_error (error);
  return ar_test_export (store);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not hold “%s”", text, part);
}

/* Each of LibreOffice's .ods, .xlsx and CSV: into a fresh copy of the
 * register it makes the same records; read again, it changes nothing */
static void
check_each_format (Fixture    *fixture,
                   const char *kind,
                   const char *stem,
                   const char *first_counts,
                   const char *first_line,
                   const char *again_counts)
{
  static const char *suffixes[] = { ".ods", ".xlsx", "-semicolons.csv" };
  g_autofree char *expected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (stem, suffixes[i], NULL);
      g_autofree char *file = table (name);
      g_autofree char *database = g_strdup_printf ("%s/%s.db", fixture->directory, name);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;
      g_autofree char *again = NULL;
      int status;

      make_register (database);
      out = ar_test_runf ("import-table --database '%s' --kind %s '%s'", &status, &err, database, kind, file);
      g_assert_cmpint (status, ==, 0);
      assert_contains (out, first_counts);
      assert_contains (out, first_line);
      after = export_register (database);
      if (expected == NULL)
        expected = g_strdup (after);
      g_assert_cmpstr (after, ==, expected);

      g_free (out);
      out = ar_test_runf ("import-table --database '%s' --kind %s '%s'", &status, &err, database, kind, file);
      g_assert_cmpint (status, ==, 0);
      assert_contains (out, again_counts);
      again = export_register (database);
      g_assert_cmpstr (again, ==, expected);
    }
}

static void
test_alliances_each_format (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *database = g_build_filename (fixture->directory, "alliances.ods.db", NULL);
  g_autofree char *json = NULL;

  check_each_format (fixture, "alliances", "alliances",
                     "2 added, 2 updated, 0 unchanged, 0 refused",
                     "line 5: adds Wolds Partnership – Melton, with member Ash Church School (Member)",
                     "0 added, 0 updated, 4 unchanged, 0 refused");

  /* dates typed as dates in the sheets come in as the days they are */
  json = export_register (database);
  assert_contains (json, "\"joined_on\" : \"2020-09-01\"");
  assert_contains (json, "\"left_on\" : \"2024-08-31\"");
  assert_contains (json, "\"designated_on\" : \"2016-09-01\"");
  g_assert_null (strstr (json, "teaching-school"));
}

static void
test_schools_each_format (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *database = g_build_filename (fixture->directory, "schools.xlsx.db", NULL);
  g_autofree char *json = NULL;

  check_each_format (fixture, "schools", "schools",
                     "3 added, 1 updated, 0 unchanged, 0 refused",
                     "line 4: adds the organisation Diocese of Charnwood",
                     "0 added, 0 updated, 4 unchanged, 0 refused");
  json = export_register (database);
  assert_contains (json, "\"urn\" : \"130001\"");
  assert_contains (json, "\"open_date\" : \"2019-09-01\"");
  assert_contains (json, "\"kind\" : \"diocese\"");
}

/* A bad row in the middle: exit 1, the file, line, record and field
 * named, and nothing imported; --dry-run lists every row */
static void
test_bad_row_in_the_middle (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *sheet = g_build_filename (fixture->directory, "partners.csv", NULL);
  g_autofree char *before = export_register (fixture->database);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_file_set_contents (sheet,
                                      "Alliance,Member school,Role in the alliance\n"
                                      "Soar Valley,Oak Primary School,Member\n"
                                      "Soar Valley,Elm Academy,Governor\n"
                                      "Wolds,Ash Church School,Teaching school\n", -1, NULL));
  out = ar_test_runf ("import-table --database '%s' --kind alliances '%s'", &status, &err, fixture->database, sheet);
  g_assert_cmpint (status, ==, 1);
  assert_contains (err, "partners.csv, line 3 (“Soar Valley”): Role in the alliance: “Governor” is not one of:");
  assert_contains (err, "nothing was imported");
  after = export_register (fixture->database);
  g_assert_cmpstr (before, ==, after);

  g_free (out);
  out = ar_test_runf ("import-table --database '%s' --kind alliances --dry-run '%s'", &status, &err, fixture->database, sheet);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "2 added, 0 updated, 0 unchanged, 1 refused");
  assert_contains (out, "line 3: refused: Role in the alliance: “Governor”");

  /* --map puts the column right, and the file goes in whole */
  g_free (out);
  out = ar_test_runf ("import-table --database '%s' --kind alliances --map 3= '%s'", &status, &err, fixture->database, sheet);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "2 added, 1 updated, 0 unchanged, 0 refused");
}

/* Our own list exports, CSV and .xlsx, of people, alliances, schools and
 * partners: read back, they add and update nothing, and the register
 * is as it was */
static void
test_list_exports_round_trip (Fixture       *fixture,
                              gconstpointer  data)
{
  static const struct { const char *list; const char *kind; const char *counts; } cases[] = {
    { "alliances", "alliances", "0 added, 0 updated, 8 unchanged, 0 refused" },
    { "schools", "schools", "0 added, 0 updated, 95 unchanged, 0 refused" },
    { "partners", "schools", "0 added, 0 updated, 6 unchanged, 0 refused" },
    { "leaders", "people", "0 added, 0 updated, 63 unchanged, 0 refused" },
  };
  g_autofree char *database = g_build_filename (fixture->directory, "sample.db", NULL);
  g_autofree char *sample = g_build_filename (fixture->directory, "sample.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = ar_test_runf ("export --sample --output '%s'", &status, &err, sample);
  g_assert_cmpint (status, ==, 0);
  g_free (out);
  out = ar_test_runf ("import --database '%s' '%s'", &status, &err, database, sample);
  g_assert_cmpint (status, ==, 0);
  before = export_register (database);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint f = 0; f < 2; f++)
      {
        const char *format = f ? "xlsx" : "csv";
        g_autofree char *file = g_strdup_printf ("%s/%s.%s", fixture->directory, cases[i].list, format);

        g_free (out);
        out = ar_test_runf ("list %s --database '%s' --format %s --output '%s'", &status, &err,
                            cases[i].list, database, format, file);
        g_assert_cmpint (status, ==, 0);
        g_free (out);
        out = ar_test_runf ("import-table --database '%s' --kind %s '%s'", &status, &err, database, cases[i].kind, file);
        g_assert_cmpint (status, ==, 0);
        assert_contains (out, cases[i].counts);
      }

  after = export_register (database);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ar/cli-import-kinds/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("alliances-each-format", test_alliances_each_format);
  ADD ("schools-each-format", test_schools_each_format);
  ADD ("bad-row-in-the-middle", test_bad_row_in_the_middle);
  ADD ("list-exports-round-trip", test_list_exports_round_trip);

  return g_test_run ();
}
