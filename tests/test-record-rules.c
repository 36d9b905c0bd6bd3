/* test-record-rules.c: the checks a record passes wherever it comes from
 * (the editor, JSON, the command line), the lists' "now", the spreadsheet
 * guard, and what a GIAS import must leave alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ar-test-util.h"

static void
set_if_field (ArRecord   *record,
              const char *field,
              const char *text)
{
  if (ar_record_class_field_index (AR_RECORD_GET_CLASS (record), field) < 0)
    return;
  if (text != NULL)
    ar_record_set_text (record, field, text);
  else
    ar_record_set_integer (record, field, 1);
}

/* Spans whose end comes before their start are refused by the one check
 * the editor, JSON import and the store all use; a one-day span is fine. */
static void
test_spans_in_order (void)
{
  static const struct { GType (*type) (void); const char *start, *end, *message; } kinds[] = {
    { ar_alliance_get_type, "designated_on", "ended_on", "Ended (2014-03-31) is before Designated (2014-04-01)" },
    { ar_trust_academy_get_type, "joined_on", "left_on", "Left (2014-03-31) is before Joined (2014-04-01)" },
    { ar_designation_get_type, "starts_on", "ends_on", "Ends (2014-03-31) is before Starts (2014-04-01)" },
    { ar_trust_get_type, "opened_on", "closed_on", "Closed (2014-03-31) is before Opened (2014-04-01)" },
    { ar_school_get_type, "open_date", "close_date", "Closed (2014-03-31) is before Opened (2014-04-01)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(ArRecord) record = g_object_new (kinds[i].type (), NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", g_type_name (kinds[i].type ()));
      ar_record_set_text (record, kinds[i].start, "2014-04-01");
      ar_record_set_text (record, kinds[i].end, "2014-03-31");
      /* every other field valid, so the span is what fails */
      set_if_field (record, "name", "Named");
      set_if_field (record, "kind", "mat");
      set_if_field (record, "role", "NLE");
      set_if_field (record, "trust_id", NULL);
      set_if_field (record, "school_id", NULL);
      set_if_field (record, "person_id", NULL);

      g_assert_false (ar_record_validate (record, &error));
      g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, kinds[i].message);
      g_clear_error (&error);

      ar_record_set_text (record, kinds[i].end, "2014-04-01");
      g_assert_true (ar_record_validate (record, &error));
      g_assert_no_error (error);
      ar_record_set_text (record, kinds[i].start, NULL);
      ar_record_set_text (record, kinds[i].end, "1900-01-01");
      g_assert_true (ar_record_validate (record, &error));
      g_assert_no_error (error);
    }
}

#define HEAD "{\"format\": \"alliance-register\", \"version\": 1, "

/* The same spans in a JSON file: refused, the register left as it was. */
static void
test_json_refuses_spans_out_of_order (void)
{
  static const struct { const char *document, *message; } cases[] = {
    { HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\"}],"
      " \"alliances\": [{\"id\": 1, \"name\": \"A\", \"lead_school_id\": 1,"
      " \"designated_on\": \"2014-04-01\", \"ended_on\": \"2013-08-31\"}]}",
      "alliances[0] (id 1): field “ended_on”: Ended (2013-08-31) is before Designated (2014-04-01)" },
    { HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\"}], \"trusts\": [{\"id\": 1, \"name\": \"T\", \"kind\": \"mat\"}],"
      " \"trust_academies\": [{\"id\": 1, \"trust_id\": 1, \"school_id\": 1,"
      " \"joined_on\": \"2016-09-01\", \"left_on\": \"2016-08-31\"}]}",
      "trust_academies[0] (id 1): field “left_on”: Left (2016-08-31) is before Joined (2016-09-01)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ArStore) store = ar_test_store_new ();
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      ar_test_add_area (store, "855", "Leicestershire");
      before = ar_test_export (store);
      g_assert_false (ar_register_json_import (store, cases[i].document, -1, "spans.json", TRUE, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("message “%s” lacks “%s”", error->message, cases[i].message);
      after = ar_test_export (store);
      g_assert_cmpstr (before, ==, after);
    }
}

/* ...and through the store, as the editor saves. */
static void
test_store_refuses_spans_out_of_order (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "990001", "Brook Primary", area);
  gint64 trust = ar_test_add_trust (store, "Brook Trust", "mat");
  g_autoptr(ArRecord) alliance = AR_RECORD (ar_alliance_new ());
  g_autoptr(ArRecord) academy = AR_RECORD (ar_trust_academy_new ());

  ar_record_set_text (alliance, "name", "Backwards Alliance");
  ar_record_set_text (alliance, "designated_on", "2014-04-01");
  ar_record_set_text (alliance, "ended_on", "2014-03-31");
  g_assert_false (ar_store_save (store, alliance, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  ar_record_set_integer (academy, "trust_id", trust);
  ar_record_set_integer (academy, "school_id", school);
  ar_record_set_text (academy, "joined_on", "2016-09-01");
  ar_record_set_text (academy, "left_on", "2015-08-31");
  g_assert_false (ar_store_save (store, academy, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID);

  g_assert_cmpuint (ar_store_count (store, AR_TYPE_ALLIANCE), ==, 0);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 0);
}

static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static const char *
cell_for (ArRecordTable *table,
          GListModel    *rows,
          gint64         id,
          int            column)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (rows, i);

      if (ar_record_get_id (record) == id)
        return ar_record_table_get_cell (table, record, column);
    }

  g_assert_not_reached ();
}

/* The lists show what holds today, to the day: from the first day, to
 * the last day, not the day before or after. */
static void
test_lists_hold_today (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *yesterday = day_from_today (-1);
  g_autofree char *today = day_from_today (0);
  g_autofree char *tomorrow = day_from_today (1);
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 joining = ar_test_add_school (store, "100001", "Joins Today", area);
  gint64 leaving = ar_test_add_school (store, "100002", "Leaves Today", area);
  gint64 future = ar_test_add_school (store, "100003", "Joins Tomorrow", area);
  gint64 gone = ar_test_add_school (store, "100004", "Left Yesterday", area);
  gint64 trust = ar_test_add_trust (store, "Edge Trust", "mat");
  gint64 person = ar_test_add_person (store, "Edie Edge", joining);
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

  ar_test_add_academy (store, trust, joining, today, NULL);
  ar_test_add_academy (store, trust, leaving, "2015-01-01", today);
  ar_test_add_academy (store, trust, future, tomorrow, NULL);
  ar_test_add_academy (store, trust, gone, "2015-01-01", yesterday);
  ar_test_add_designation (store, person, "NLE", today, NULL);
  ar_test_add_designation (store, person, "LLE", "2015-01-01", today);
  ar_test_add_designation (store, person, "SLE", tomorrow, NULL);
  ar_test_add_designation (store, person, "NLG", "2015-01-01", yesterday);

  school_rows = ar_record_table_select (school_table, store, 0, NULL, &error);
  trust_rows = ar_record_table_select (trust_table, store, 0, NULL, &error);
  person_rows = ar_record_table_select (person_table, store, 0, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (cell_for (school_table, school_rows, joining, trust_column), ==, "Edge Trust");
  g_assert_cmpstr (cell_for (school_table, school_rows, leaving, trust_column), ==, "Edge Trust");
  g_assert_null (cell_for (school_table, school_rows, future, trust_column));
  g_assert_null (cell_for (school_table, school_rows, gone, trust_column));
  g_assert_cmpstr (cell_for (trust_table, trust_rows, trust, academies_column), ==, "2");
  g_assert_cmpstr (cell_for (person_table, person_rows, person, roles_column), ==, "NLE, LLE");
}

/* Every character that starts a formula in some spreadsheet is defused,
 * in the summary's CSV and the lists' alike; nothing else is touched. */
static void
test_csv_formula_guard (void)
{
  static const struct { const char *text, *cell; } cases[] = {
    { "=1+1", "\"'=1+1\"" },
    { "+44 116 000", "\"'+44 116 000\"" },
    { "-2+3", "\"'-2+3\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\tcmd", "\"'\tcmd\"" },
    { "\rcmd", "\"'\rcmd\"" },
    { "Plain", "\"Plain\"" },
    { "a-b=c", "\"a-b=c\"" },
    { "Say \"hi\"", "\"Say \"\"hi\"\"\"" },
    { "", "\"\"" },
  };
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  const ArSection *schools = ar_section_find ("schools");
  g_autoptr(ArRecordTable) table = ar_record_table_new (schools->get_type (), schools->columns, schools->n_columns);
  g_autoptr(GListModel) rows = NULL;
  g_autofree char *csv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = ar_csv_escape_cell (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (cell, ==, cases[i].cell);
    }
  {
    g_autofree char *cell = ar_csv_escape_cell (NULL);
    g_assert_cmpstr (cell, ==, "\"\"");
  }

  ar_test_add_school (store, "100001", "-1+2 Academy", area);
  ar_test_add_school (store, "100002", "@Home School", area);
  rows = ar_record_table_select (table, store, 0, NULL, &error);
  g_assert_no_error (error);
  csv = ar_record_table_to_csv (table, rows);
  g_assert_nonnull (strstr (csv, "\"'-1+2 Academy\""));
  g_assert_nonnull (strstr (csv, "\"'@Home School\""));
}

static char *
section_of (const char *json,
            const char *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  return json_to_string (json_object_get_member (root, member), FALSE);
}

/* A GIAS import updates schools, trusts and memberships; people, their
 * designations, organisations and alliances are the user's and stay as
 * they were, even when their school changes under them. */
static void
test_gias_leaves_people_and_alliances (void)
{
  static const char * const kept[] = {
    "people", "designations", "organisations", "alliances", "alliance_members", "roles",
  };
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ArGiasReport) first = NULL;
  g_autoptr(ArGiasReport) second = NULL;
  g_autoptr(GPtrArray) paths_2024 = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths_2025 = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ArRecord) organisation = AR_RECORD (ar_organisation_new ());
  g_autoptr(ArRecord) member = AR_RECORD (ar_alliance_member_new ());
  g_autoptr(ArRecord) partner = AR_RECORD (ar_alliance_member_new ());
  g_autoptr(ArRecord) brook = NULL;
  g_autoptr(ArRecord) thomas = NULL;
  g_autoptr(ArRecord) county = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *data = g_getenv ("AR_TEST_DATA");
  gint64 area, school, closing, person, alliance;

  g_ptr_array_add (paths_2024, g_build_filename (data, "gias", "establishments-2024-cp1252.csv", NULL));
  g_ptr_array_add (paths_2024, NULL);
  g_ptr_array_add (paths_2025, g_build_filename (data, "gias", "establishments-2025-cp1252.csv", NULL));
  g_ptr_array_add (paths_2025, NULL);

  first = ar_gias_import (store, (const char * const *) paths_2024->pdata, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  county = ar_store_find_area (store, "855", &error);
  g_assert_no_error (error);
  area = ar_record_get_id (county);
  brook = ar_store_find (store, AR_TYPE_SCHOOL, "urn", "990103", &error);
  g_assert_no_error (error);
  closing = ar_record_get_id (brook);
  thomas = ar_store_find (store, AR_TYPE_SCHOOL, "urn", "990101", &error);
  g_assert_no_error (error);
  school = ar_record_get_id (thomas);

  ar_record_set_text (organisation, "name", "Whetstone Hub");
  ar_record_set_text (organisation, "kind", "other");
  ar_record_set_integer (organisation, "area_id", area);
  ar_store_save (store, organisation, &error);
  g_assert_no_error (error);

  person = ar_test_add_person (store, "Pat Closing", closing);
  ar_test_add_designation (store, person, "NLE", "2016-01-01", NULL);
  ar_test_add_person (store, "Sam Staying", school);
  alliance = ar_test_add_alliance (store, "Whetstone Alliance", closing, "2016-04-01", NULL);
  ar_record_set_integer (member, "alliance_id", alliance);
  ar_record_set_integer (member, "school_id", school);
  ar_record_set_text (member, "role", "member");
  ar_store_save (store, member, &error);
  g_assert_no_error (error);
  ar_record_set_integer (partner, "alliance_id", alliance);
  ar_record_set_integer (partner, "organisation_id", ar_record_get_id (organisation));
  ar_record_set_text (partner, "role", "strategic-partner");
  ar_store_save (store, partner, &error);
  g_assert_no_error (error);

  before = ar_test_export (store);
  /* 2025: Brook Lane has closed */
  second = ar_gias_import (store, (const char * const *) paths_2025->pdata, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  after = ar_test_export (store);
  g_assert_cmpstr (before, !=, after);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *was = section_of (before, kept[i]);
      g_autofree char *is = section_of (after, kept[i]);

      g_test_message ("%s", kept[i]);
      g_assert_cmpstr (was, ==, is);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/record-rules/spans-in-order", test_spans_in_order);
  g_test_add_func ("/ar/record-rules/json-refuses-spans-out-of-order", test_json_refuses_spans_out_of_order);
  g_test_add_func ("/ar/record-rules/store-refuses-spans-out-of-order", test_store_refuses_spans_out_of_order);
  g_test_add_func ("/ar/record-rules/lists-hold-today", test_lists_hold_today);
  g_test_add_func ("/ar/record-rules/csv-formula-guard", test_csv_formula_guard);
  g_test_add_func ("/ar/record-rules/gias-leaves-people-and-alliances", test_gias_leaves_people_and_alliances);

  return g_test_run ();
}
