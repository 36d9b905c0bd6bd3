/* test-table-import.c: a coordinator's sheet of leaders into the register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-table-import.h"
#include "ar-test-util.h"

typedef struct
{
  ArStore *store;
  gint64   area;
  gint64   oak;
  gint64   elm;
  gint64   elm_too;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = ar_test_store_new ();
  fixture->area = ar_test_add_area (fixture->store, "855", "Leicestershire");
  fixture->oak = ar_test_add_school (fixture->store, "120001", "Oak Primary School", fixture->area);
  fixture->elm = ar_test_add_school (fixture->store, "120002", "Elm Academy", fixture->area);
  /* two schools of one name: only a URN tells them apart */
  ar_test_add_school (fixture->store, "120003", "St Mary's Primary", fixture->area);
  fixture->elm_too = ar_test_add_school (fixture->store, "120004", "St Mary's Primary", fixture->area);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

static void
test_guesses_headers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ArTableImport) import =
    ar_test_table_import_new (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv", "Full name,E-mail address,Tel.,Home school,School URN,Designation,Specialism(s),"
                          "Date designated,Shoe size,Name\n");
  static const char *expected[] = {
    "name", "email", "phone", "school", "urn", "role", "specialisms", "starts_on", NULL, NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (ar_table_import_get_column_field (import, i), ==, expected[i]);

  /* a meaning moves to the column it is given */
  g_assert_true (ar_table_import_set_column_field (import, 9, "name"));
  g_assert_null (ar_table_import_get_column_field (import, 0));
  g_assert_false (ar_table_import_set_column_field (import, 8, "shoe_size"));
}

static void
test_adds_people_and_designations (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(ArTableImport) import =
    ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv",
             "Name,URN,Role,Specialism,Designated,Email\n"
             "Ada Lovelace,120001,NLE,,2024-09-01,ada@example.org\n"
             "Ada Lovelace,120001,SLE,Mathematics,01/09/2023,ADA@example.org\n"
             "Grace Hopper,,National Leader of Governance,,1 Sept 2022,\n"
             "Alan Turing,120002,Specialist leader of education (SLE),Computing,23/09/2024,\n");
  g_autofree char *report = NULL;

  g_assert_cmpuint (ar_table_import_get_n_rows (import), ==, 4);
  ar_test_assert_row (import, 0, AR_TABLE_ROW_ADD, "adds Ada Lovelace, with NLE");
  /* one person, two designations; the day-first date is said */
  ar_test_assert_row (import, 1, AR_TABLE_ROW_UPDATE, "with SLE");
  ar_test_assert_row (import, 1, AR_TABLE_ROW_UPDATE, "“01/09/2023” read as 2023-09-01");
  ar_test_assert_row (import, 2, AR_TABLE_ROW_ADD, "with NLG");
  ar_test_assert_row (import, 3, AR_TABLE_ROW_ADD, "with SLE");

  /* planning writes nothing */
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_PERSON), ==, 0);

  report = ar_table_import_to_text (import);
  g_assert_nonnull (strstr (report, "3 added, 1 updated, 0 unchanged, 0 refused"));
  g_assert_nonnull (strstr (report, "line 3:"));

  ar_test_commit (import);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_PERSON), ==, 3);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_DESIGNATION), ==, 4);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2024-10-01", "NLE"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2024-10-01", "SLE"), ==, 2);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2024-09-22", "SLE"), ==, 1);
}

static void
test_second_import_changes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *sheet = "Name,URN,Role,Designated,Email,Phone\n"
                      "Ada Lovelace,120001,NLE,2024-09-01,ada@example.org,0116 000 0000\n"
                      "Alan Turing,120002,SLE,2024-09-23,,\n";
  g_autoptr(ArTableImport) first = ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv", sheet);
  g_autoptr(ArTableImport) second = NULL;
  g_autoptr(ArTableImport) changed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ar_test_commit (first);
  before = ar_test_export (fixture->store);

  second = ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv", sheet);
  ar_test_assert_row (second, 0, AR_TABLE_ROW_UNCHANGED, "already in the register");
  ar_test_assert_row (second, 1, AR_TABLE_ROW_UNCHANGED, "already in the register");
  ar_test_commit (second);
  after = ar_test_export (fixture->store);
  g_assert_cmpstr (before, ==, after);

  /* found by email though the name is written differently; an empty
   * cell never clears what is held */
  changed = ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv", "Name,Email,Phone,Job title\n"
                              "Ada King,ADA@EXAMPLE.ORG,,Executive Headteacher\n");
  ar_test_assert_row (changed, 0, AR_TABLE_ROW_UPDATE, "job title");
  ar_test_commit (changed);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_PERSON), ==, 2);
  {
    g_autoptr(ArRecord) ada = ar_store_find (fixture->store, AR_TYPE_PERSON, "email", "ada@example.org", NULL);

    g_assert_cmpstr (ar_record_get_text (ada, "phone"), ==, "0116 000 0000");
    g_assert_cmpstr (ar_record_get_text (ada, "job_title"), ==, "Executive Headteacher");
    g_assert_cmpstr (ar_record_get_text (ada, "name"), ==, "Ada Lovelace");
  }
}

static void
test_refuses_rows_with_reasons (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(ArTableImport) import =
    ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv",
             "Name,URN,School,Role,Designated,Email\n"
             ",120001,,NLE,,\n"
             "Bea,999999,,NLE,,\n"
             "Cat,,St Mary's Primary,NLE,,\n"
             "Dan,,Nowhere School,NLE,,\n"
             "Eve,120001,,Headmaster,,\n"
             "Fay,120001,,NLE,09/23/2024,\n"
             "Gus,120001,,NLE,30/02/2024,\n"
             "Hal,120001,,NLE,,not-an-email\n"
             "Ivy,120001,,NLE,,\n");

  ar_test_assert_row (import, 0, AR_TABLE_ROW_REFUSE, "no name");
  ar_test_assert_row (import, 1, AR_TABLE_ROW_REFUSE, "URN “999999”");
  ar_test_assert_row (import, 2, AR_TABLE_ROW_REFUSE, "give the URN");
  ar_test_assert_row (import, 3, AR_TABLE_ROW_REFUSE, "no school called “Nowhere School”");
  ar_test_assert_row (import, 4, AR_TABLE_ROW_REFUSE, "“Headmaster” is not a role");
  ar_test_assert_row (import, 5, AR_TABLE_ROW_REFUSE, "month first");
  ar_test_assert_row (import, 6, AR_TABLE_ROW_REFUSE, "no such day");
  ar_test_assert_row (import, 7, AR_TABLE_ROW_REFUSE, "not an email address");
  ar_test_assert_row (import, 8, AR_TABLE_ROW_ADD, "adds Ivy");

  /* one refused row stops the whole file, and the error says where */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *before = ar_test_export (fixture->store);
    g_autofree char *after = NULL;

    g_assert_false (ar_table_import_commit (import, &error));
    g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "leaders.csv, line 2: Name: the row has no name; "
                                         "nothing was imported (and 7 more rows refused)");
    after = ar_test_export (fixture->store);
    g_assert_cmpstr (before, ==, after);
  }
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_PERSON), ==, 0);
}

/* Our own list export holds names, designations, job titles and school
 * names: it comes back in without a change. */
static void
test_list_export_round_trip (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 ada = ar_test_add_person (fixture->store, "Ada Lovelace", fixture->oak);
  gint64 cat = ar_test_add_person (fixture->store, "Cat Jones", fixture->elm_too);
  g_autoptr(ArTableImport) import = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ar_test_add_designation (fixture->store, ada, "NLE", "2020-09-01", NULL);
  ar_test_add_designation (fixture->store, ada, "SLE", "2021-09-01", NULL);
  ar_test_add_designation (fixture->store, cat, "LLE", NULL, NULL);
  before = ar_test_export (fixture->store);

  import = ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv", "\"Name\",\"Designations\",\"Job title\",\"School\"\n"
                             "\"Ada Lovelace\",\"NLE, SLE\",\"\",\"Oak Primary School\"\n");
  ar_test_assert_row (import, 0, AR_TABLE_ROW_UNCHANGED, "already");
  ar_test_commit (import);
  after = ar_test_export (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuses_unknown_sheets (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ArTableImport) unknown = ar_test_table_import_new (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv", "Colour,Shoe size\nred,9\n");
  g_autoptr(ArTableImport) nameless = ar_test_table_import_new (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv", "Email,Role\na@b.org,NLE\n");
  g_autoptr(GError) error = NULL;

  g_assert_false (ar_table_import_plan (unknown, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "leaders.csv: no column has a heading"));
  g_clear_error (&error);

  g_assert_false (ar_table_import_plan (nameless, &error));
  g_assert_nonnull (strstr (error->message, "no column holds names"));

  /* --map gives a column its meaning by heading or number */
  g_clear_error (&error);
  g_assert_true (ar_table_import_map_header (unknown, "Colour", "name", &error));
  g_assert_true (ar_table_import_map_header (unknown, "2", "", &error));
  g_assert_null (ar_table_import_get_column_field (unknown, 1));
  g_assert_false (ar_table_import_map_header (unknown, "Hat", "name", &error));
  g_assert_nonnull (strstr (error->message, "no column “Hat”"));
}

/* The key a column choice is remembered by: the same for headings that
 * differ only in case and punctuation, not for others */
static void
test_headers_key (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ArTableImport) march = ar_test_table_import_new (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv", "Who,E-mail,Shoe size\nAda,a@b.org,9\n");
  g_autoptr(ArTableImport) april = ar_test_table_import_new (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv", "WHO,e_mail ,Shoe-Size\nMary,m@b.org,5\n");
  g_autoptr(ArTableImport) other = ar_test_table_import_new (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv", "Who,E-mail,Hat size\nAda,a@b.org,9\n");
  g_autoptr(ArTableImport) fewer = ar_test_table_import_new (fixture->store, AR_TABLE_KIND_PEOPLE, "leaders.csv", "Who,E-mail\nAda,a@b.org\n");
  g_autofree char *march_key = ar_table_import_dup_headers_key (march);
  g_autofree char *april_key = ar_table_import_dup_headers_key (april);
  g_autofree char *other_key = ar_table_import_dup_headers_key (other);
  g_autofree char *fewer_key = ar_table_import_dup_headers_key (fewer);

  g_assert_true (g_str_has_prefix (march_key, "people:"));
  g_assert_cmpstr (march_key, ==, april_key);
  g_assert_cmpstr (march_key, !=, other_key);
  g_assert_cmpstr (march_key, !=, fewer_key);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ar/table-import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("guesses-headers", test_guesses_headers);
  ADD ("adds-people-and-designations", test_adds_people_and_designations);
  ADD ("second-import-changes-nothing", test_second_import_changes_nothing);
  ADD ("refuses-rows-with-reasons", test_refuses_rows_with_reasons);
  ADD ("list-export-round-trip", test_list_export_round_trip);
  ADD ("refuses-unknown-sheets", test_refuses_unknown_sheets);
  ADD ("headers-key", test_headers_key);

  return g_test_run ();
}
