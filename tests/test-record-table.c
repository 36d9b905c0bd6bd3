/* test-record-table.c: what a list row shows, for the window and `list`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

static int
row_of (GListModel *records,
        gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (records, i);

      if (ar_record_get_id (record) == id)
        return i;
    }

  return -1;
}

static const char *
cell (ArRecordTable *table,
      GListModel    *records,
      gint64         id,
      guint          column)
{
  g_autoptr(ArRecord) record = g_list_model_get_item (records, row_of (records, id));

  return ar_record_table_get_cell (table, record, column);
}

/* Derived columns count what holds today: a membership that ended and a
 * designation that ran out are left out. */
static void
test_derived_columns_hold_today (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 current = ar_test_add_school (store, "100001", "Ashby Hill Primary", area);
  gint64 former = ar_test_add_school (store, "100002", "Barrow Lane Academy", area);
  gint64 trust = ar_test_add_trust (store, "Soar Valley Trust", "mat");
  gint64 person = ar_test_add_person (store, "Ada Lovelace", current);
  const ArSection *schools = ar_section_find ("schools");
  const ArSection *trusts = ar_section_find ("trusts");
  const ArSection *leaders = ar_section_find ("leaders");
  g_autoptr(ArRecordTable) school_table = ar_record_table_new (schools->get_type (), schools->columns, schools->n_columns);
  g_autoptr(ArRecordTable) trust_table = ar_record_table_new (trusts->get_type (), trusts->columns, trusts->n_columns);
  g_autoptr(ArRecordTable) person_table = ar_record_table_new (leaders->get_type (), leaders->columns, leaders->n_columns);
  g_autoptr(GListModel) school_rows = NULL;
  g_autoptr(GListModel) trust_rows = NULL;
  g_autoptr(GListModel) person_rows = NULL;
  int trust_column = ar_record_table_find_column (school_table, AR_COLUMN_SCHOOL_TRUST);
  int academies_column = ar_record_table_find_column (trust_table, AR_COLUMN_TRUST_ACADEMIES);
  int roles_column = ar_record_table_find_column (person_table, AR_COLUMN_PERSON_ROLES);

  ar_test_add_academy (store, trust, current, "2020-09-01", NULL);
  ar_test_add_academy (store, trust, former, "2018-09-01", "2021-08-31");
  ar_test_add_designation (store, person, "NLE", "2022-01-01", NULL);
  ar_test_add_designation (store, person, "LLE", "2015-01-01", "2018-12-31");

  school_rows = ar_record_table_select (school_table, store, 0, NULL, &error);
  trust_rows = ar_record_table_select (trust_table, store, 0, NULL, &error);
  person_rows = ar_record_table_select (person_table, store, 0, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (cell (school_table, school_rows, current, trust_column), ==, "Soar Valley Trust");
  g_assert_null (cell (school_table, school_rows, former, trust_column));
  g_assert_cmpstr (cell (school_table, school_rows, current, 2), ==, "Leicestershire");
  g_assert_cmpstr (cell (trust_table, trust_rows, trust, academies_column), ==, "1");
  g_assert_cmpstr (cell (trust_table, trust_rows, trust, 1), ==, "Multi-academy trust");
  g_assert_cmpstr (cell (person_table, person_rows, person, roles_column), ==, "NLE");
}

/* Search is in any case and by area; rows come sorted by name, whatever
 * the case of the names. */
static void
test_select_searches_and_sorts (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 leics = ar_test_add_area (store, "855", "Leicestershire");
  gint64 rutland = ar_test_add_area (store, "857", "Rutland");
  const ArSection *schools = ar_section_find ("schools");
  g_autoptr(ArRecordTable) table = ar_record_table_new (schools->get_type (), schools->columns, schools->n_columns);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GListModel) in_rutland = NULL;

  ar_test_add_school (store, "100003", "oakham church school", rutland);
  ar_test_add_school (store, "100001", "Zouch Church Academy", leics);
  ar_test_add_school (store, "100002", "Belvoir Primary", leics);

  all = ar_record_table_select (table, store, 0, NULL, &error);
  found = ar_record_table_select (table, store, 0, "CHURCH", &error);
  in_rutland = ar_record_table_select (table, store, rutland, "church", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
  g_assert_cmpstr (cell (table, all, 2, 1), ==, "Zouch Church Academy");
  g_assert_cmpint (row_of (all, 3), ==, 0);
  g_assert_cmpint (row_of (all, 1), ==, 1);
  g_assert_cmpint (row_of (all, 2), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (in_rutland), ==, 1);
  g_assert_cmpint (row_of (in_rutland, 1), ==, 0);
}

/* A name a spreadsheet would run is written as text; quotes and commas
 * stay inside their cell. */
static void
test_csv_is_safe (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  const ArSection *schools = ar_section_find ("schools");
  g_autoptr(ArRecordTable) table = ar_record_table_new (schools->get_type (), schools->columns, schools->n_columns);
  g_autoptr(GListModel) rows = NULL;
  g_autofree char *csv = NULL;

  ar_test_add_school (store, "100001", "=HYPERLINK(\"http://x\")", area);
  ar_test_add_school (store, "100002", "Smith, Jones & \"Partners\"", area);
  rows = ar_record_table_select (table, store, 0, NULL, &error);
  g_assert_no_error (error);
  csv = ar_record_table_to_csv (table, rows);

  g_assert_nonnull (strstr (csv, "\"'=HYPERLINK(\"\"http://x\"\")\""));
  g_assert_nonnull (strstr (csv, "\"Smith, Jones & \"\"Partners\"\"\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/record-table/derived-columns-hold-today", test_derived_columns_hold_today);
  g_test_add_func ("/ar/record-table/select-searches-and-sorts", test_select_searches_and_sorts);
  g_test_add_func ("/ar/record-table/csv-is-safe", test_csv_is_safe);

  return g_test_run ();
}
