/* test-table-import-kinds.c: sheets of alliances and of schools into the
 * register
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
  gint64   leics;
  gint64   city;
  gint64   oak;
  gint64   elm;
  gint64   ash;
  gint64   university;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ArRecord) university = g_object_new (AR_TYPE_ORGANISATION, NULL);
  g_autoptr(GError) error = NULL;

  fixture->store = ar_test_store_new ();
  fixture->leics = ar_test_add_area (fixture->store, "855", "Leicestershire");
  fixture->city = ar_test_add_area (fixture->store, "856", "Leicester");
  fixture->oak = ar_test_add_school (fixture->store, "120001", "Oak Primary School", fixture->leics);
  fixture->elm = ar_test_add_school (fixture->store, "120002", "Elm Academy", fixture->leics);
  fixture->ash = ar_test_add_school (fixture->store, "120003", "Ash Church School", fixture->city);
  /* one name in two areas: the area tells them apart */
  ar_test_add_school (fixture->store, "120004", "St Mary's Primary", fixture->leics);
  ar_test_add_school (fixture->store, "120005", "St Mary's Primary", fixture->city);

  ar_record_set_text (university, "name", "University of East Wolds");
  ar_record_set_text (university, "kind", "university");
  g_assert_true (ar_store_save (fixture->store, university, &error));
  g_assert_no_error (error);
  fixture->university = ar_record_get_id (university);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

static ArRecord *
find (Fixture    *fixture,
      GType       type,
      const char *field,
      const char *value)
{
  g_autoptr(GError) error = NULL;
  ArRecord *record = ar_store_find (fixture->store, type, field, value, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static guint
count_members (Fixture    *fixture,
               gint64      alliance_id,
               const char *role)
{
  g_autoptr(GListModel) members = ar_store_list (fixture->store, AR_TYPE_ALLIANCE_MEMBER, NULL);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(ArRecord) member = g_list_model_get_item (members, i);

      count += ar_record_get_integer (member, "alliance_id") == alliance_id &&
               (role == NULL || g_strcmp0 (ar_record_get_text (member, "role"), role) == 0);
    }

  return count;
}

static const char alliances_sheet[] =
  "Alliance,Teaching school,Designated,Member school,URN,Partner,Role in the alliance,Joined\n"
  "Soar Valley Alliance,Oak Primary School,01/04/2014,Oak Primary School,,,,\n"
  "Soar Valley Alliance,,,,120002,,Supported school,1 Sept 2020\n"
  "Soar Valley Alliance,,,,,University of East Wolds,,\n"
  "Wolds Partnership,,2016-04-01,Ash Church School,,,Teaching school,\n";

/* Rows of one alliance make one alliance with its members; the
 * teaching school is the alliance's, never a member's role */
static void
test_alliances_with_members (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ArTableImport) import = ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_ALLIANCES, "sheet.csv", alliances_sheet);
  g_autoptr(ArTableImport) again = NULL;
  g_autoptr(ArRecord) soar = NULL;
  g_autoptr(ArRecord) wolds = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ar_test_assert_row (import, 0, AR_TABLE_ROW_ADD, "adds Soar Valley Alliance, with member Oak Primary School (Member)");
  ar_test_assert_row (import, 0, AR_TABLE_ROW_ADD, "“01/04/2014” read as 2014-04-01");
  ar_test_assert_row (import, 1, AR_TABLE_ROW_UPDATE, "with member Elm Academy (Supported school)");
  ar_test_assert_row (import, 2, AR_TABLE_ROW_UPDATE, "with member University of East Wolds (Strategic partner)");
  ar_test_assert_row (import, 3, AR_TABLE_ROW_ADD, "adds Wolds Partnership");
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_ALLIANCE), ==, 0);

  ar_test_commit (import);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_ALLIANCE), ==, 2);
  soar = find (fixture, AR_TYPE_ALLIANCE, "name", "Soar Valley Alliance");
  wolds = find (fixture, AR_TYPE_ALLIANCE, "name", "Wolds Partnership");
  g_assert_cmpint (ar_record_get_integer (soar, "lead_school_id"), ==, fixture->oak);
  g_assert_cmpstr (ar_record_get_text (soar, "designated_on"), ==, "2014-04-01");
  g_assert_cmpuint (count_members (fixture, ar_record_get_id (soar), NULL), ==, 3);
  g_assert_cmpuint (count_members (fixture, ar_record_get_id (soar), "supported-school"), ==, 1);
  g_assert_cmpuint (count_members (fixture, ar_record_get_id (soar), "strategic-partner"), ==, 1);
  g_assert_cmpint (ar_record_get_integer (wolds, "lead_school_id"), ==, fixture->ash);
  g_assert_cmpuint (count_members (fixture, ar_record_get_id (wolds), "member"), ==, 1);
  g_assert_cmpuint (count_members (fixture, ar_record_get_id (wolds), "teaching-school"), ==, 0);

  /* the same sheet again: nothing changes */
  before = ar_test_export (fixture->store);
  again = ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_ALLIANCES, "sheet.csv", alliances_sheet);
  for (guint i = 0; i < 4; i++)
    ar_test_assert_row (again, i, AR_TABLE_ROW_UNCHANGED, "already in the register");
  ar_test_commit (again);
  after = ar_test_export (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

/* A member's dates and role update the membership the register holds */
static void
test_alliance_updates (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 soar = ar_test_add_alliance (fixture->store, "Soar Valley Alliance", fixture->oak, "2014-04-01", NULL);
  g_autoptr(ArTableImport) first = ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_ALLIANCES, "sheet.csv",
                                            "Alliance,Member school\nSOAR VALLEY ALLIANCE,Elm Academy\n");
  g_autoptr(ArTableImport) second = NULL;
  g_autoptr(ArRecord) member = NULL;

  ar_test_assert_row (first, 0, AR_TABLE_ROW_UPDATE, "with member Elm Academy (Member)");
  ar_test_commit (first);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_ALLIANCE), ==, 1);

  second = ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_ALLIANCES, "sheet.csv",
                    "Alliance,Member school,Left,Role\nSoar Valley Alliance,Elm Academy,31/08/2025,Supported school\n");
  ar_test_assert_row (second, 0, AR_TABLE_ROW_UPDATE, "Elm Academy’s role, left");
  ar_test_commit (second);
  g_assert_cmpuint (count_members (fixture, soar, NULL), ==, 1);
  {
    g_autofree char *elm = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->elm);

    member = find (fixture, AR_TYPE_ALLIANCE_MEMBER, "school_id", elm);
  }
  g_assert_cmpstr (ar_record_get_text (member, "left_on"), ==, "2025-08-31");
  g_assert_cmpstr (ar_record_get_text (member, "role"), ==, "supported-school");
}

static void
test_alliance_refusals (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ArTableImport) import =
    ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_ALLIANCES, "sheet.csv",
             "Alliance,Teaching school,Member school,Partner,Role,Joined\n"
             ",Oak Primary School,,,,\n"
             "Soar,Nowhere School,,,,\n"
             "Soar,Oak Primary School,,,,\n"
             "Soar,Elm Academy,,,,\n"
             "Soar,,Oak Primary School,University of East Wolds,,\n"
             "Soar,,,University of East Wolds,Teaching school,\n"
             "Soar,,Oak Primary School,,Chair,\n"
             "Soar,,Oak Primary School,,,31/02/2020\n"
             "Soar,,,,Member,\n"
             "Soar,,St Mary's Primary,,,\n");

  ar_test_assert_row (import, 0, AR_TABLE_ROW_REFUSE, "Alliance: the row has no alliance name");
  ar_test_assert_row (import, 1, AR_TABLE_ROW_REFUSE, "Teaching school: no school called “Nowhere School”");
  ar_test_assert_row (import, 2, AR_TABLE_ROW_ADD, "adds Soar");
  ar_test_assert_row (import, 3, AR_TABLE_ROW_REFUSE, "Teaching school: an earlier row gives “Soar” another teaching school, “Oak Primary School”");
  ar_test_assert_row (import, 4, AR_TABLE_ROW_REFUSE, "not both");
  ar_test_assert_row (import, 5, AR_TABLE_ROW_REFUSE, "only a school can be the teaching school");
  ar_test_assert_row (import, 6, AR_TABLE_ROW_REFUSE, "Role in the alliance: “Chair” is not one of");
  ar_test_assert_row (import, 7, AR_TABLE_ROW_REFUSE, "Joined:");
  ar_test_assert_row (import, 8, AR_TABLE_ROW_REFUSE, "no school or partner");
  ar_test_assert_row (import, 9, AR_TABLE_ROW_REFUSE, "give the URN");
}

static const char schools_sheet[] =
  "URN,Name,Area,Phase,Status,Kind,Opened\n"
  ",Oakfield Pupil Referral Unit,Leicestershire,Secondary,Open,,01/09/2019\n"
  "130001,Hillside Free School,856,Primary,Proposed to open,,\n"
  ",Diocese of Charnwood,855,,,Diocese,\n"
  ",St Mary's Primary,Leicester,,,,\n"
  "120002,,,All-through,,,\n";

/* Schools GIAS does not hold and organisations: added, found again by
 * URN, by name within the area, by name and kind */
static void
test_schools_and_organisations (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(ArTableImport) import = ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_SCHOOLS, "sheet.csv", schools_sheet);
  g_autoptr(ArTableImport) again = NULL;
  g_autoptr(ArRecord) unit = NULL;
  g_autoptr(ArRecord) hillside = NULL;
  g_autoptr(ArRecord) diocese = NULL;
  g_autoptr(ArRecord) elm = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ar_test_assert_row (import, 0, AR_TABLE_ROW_ADD, "adds Oakfield Pupil Referral Unit");
  ar_test_assert_row (import, 1, AR_TABLE_ROW_ADD, "adds Hillside Free School");
  ar_test_assert_row (import, 2, AR_TABLE_ROW_ADD, "adds the organisation Diocese of Charnwood");
  ar_test_assert_row (import, 3, AR_TABLE_ROW_UNCHANGED, "already in the register");
  ar_test_assert_row (import, 4, AR_TABLE_ROW_UPDATE, "updates 120002: phase");
  ar_test_commit (import);

  unit = find (fixture, AR_TYPE_SCHOOL, "name", "Oakfield Pupil Referral Unit");
  g_assert_null (ar_record_get_text (unit, "urn"));
  g_assert_cmpint (ar_record_get_integer (unit, "area_id"), ==, fixture->leics);
  g_assert_cmpstr (ar_record_get_text (unit, "status"), ==, "open");
  g_assert_cmpstr (ar_record_get_text (unit, "open_date"), ==, "2019-09-01");
  hillside = find (fixture, AR_TYPE_SCHOOL, "urn", "130001");
  g_assert_cmpint (ar_record_get_integer (hillside, "area_id"), ==, fixture->city);
  g_assert_cmpstr (ar_record_get_text (hillside, "status"), ==, "proposed-to-open");
  diocese = find (fixture, AR_TYPE_ORGANISATION, "name", "Diocese of Charnwood");
  g_assert_cmpstr (ar_record_get_text (diocese, "kind"), ==, "diocese");
  elm = find (fixture, AR_TYPE_SCHOOL, "urn", "120002");
  g_assert_cmpstr (ar_record_get_text (elm, "name"), ==, "Elm Academy");
  g_assert_cmpstr (ar_record_get_text (elm, "phase"), ==, "All-through");
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_SCHOOL), ==, 7);

  before = ar_test_export (fixture->store);
  again = ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_SCHOOLS, "sheet.csv", schools_sheet);
  for (guint i = 0; i < 5; i++)
    ar_test_assert_row (again, i, AR_TABLE_ROW_UNCHANGED, "already in the register");
  ar_test_commit (again);
  after = ar_test_export (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_school_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ArTableImport) import =
    ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_SCHOOLS, "sheet.csv",
             "URN,Name,Area,Status,Kind\n"
             ",,855,,\n"
             ",St Mary's Primary,,,\n"
             ",New School,Narnia,,\n"
             ",New School,,Shut,\n"
             "12345,New School,,,\n"
             "130002,New Partner,,,University\n"
             ",New Partner,,Open,University\n"
             ",New Partner,,,Charity\n"
             "999999,,,,\n");

  ar_test_assert_row (import, 0, AR_TABLE_ROW_REFUSE, "Name: the row has no name or URN");
  ar_test_assert_row (import, 1, AR_TABLE_ROW_REFUSE, "Name: 2 schools are called “St Mary's Primary”; give the area or the URN");
  ar_test_assert_row (import, 2, AR_TABLE_ROW_REFUSE, "Area: no area with the code or name “Narnia”");
  ar_test_assert_row (import, 3, AR_TABLE_ROW_REFUSE, "Status: “Shut” is not one of: Open, Closed");
  ar_test_assert_row (import, 4, AR_TABLE_ROW_REFUSE, "URN");
  ar_test_assert_row (import, 5, AR_TABLE_ROW_REFUSE, "a school with a URN has no organisation kind");
  ar_test_assert_row (import, 6, AR_TABLE_ROW_REFUSE, "an organisation has no phase");
  ar_test_assert_row (import, 7, AR_TABLE_ROW_REFUSE, "Organisation kind: “Charity” is not one of");
  ar_test_assert_row (import, 8, AR_TABLE_ROW_REFUSE, "Name: no school with URN “999999”");
}

/* One bad row in the middle: nothing of the file is written, and the
 * error names the file, the line, the record and the field */
static void
test_bad_row_stops_the_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ArTableImport) alliances =
    ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_ALLIANCES, "sheet.csv",
             "Alliance,Member school,Joined\n"
             "Soar Valley Alliance,Oak Primary School,2020-09-01\n"
             "Soar Valley Alliance,Elm Academy,2020-13-01\n"
             "Wolds Partnership,Ash Church School,\n");
  g_autoptr(ArTableImport) schools =
    ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_SCHOOLS, "sheet.csv",
             "Name,Area\nOakfield Unit,855\nBrookfield Unit,Atlantis\nHillside Unit,856\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ar_test_export (fixture->store);
  g_autofree char *after = NULL;

  g_assert_false (ar_table_import_commit (alliances, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "sheet.csv, line 3 (“Soar Valley Alliance”): Joined: "));
  g_assert_true (g_str_has_suffix (error->message, "; nothing was imported"));
  g_clear_error (&error);

  g_assert_false (ar_table_import_commit (schools, &error));
  g_assert_cmpstr (error->message, ==, "sheet.csv, line 3 (“Brookfield Unit”): Area: no area with the code or name "
                                       "“Atlantis” is in the register; nothing was imported");

  after = ar_test_export (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

/* The lists' own exports: their headings are known */
static void
test_guesses_export_headers (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ArTableImport) alliances =
    ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_ALLIANCES, "sheet.csv", "\"Name\",\"Teaching school\",\"Designated\",\"Ended\",\"Members\"\n");
  g_autoptr(ArTableImport) schools =
    ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_SCHOOLS, "sheet.csv", "\"URN\",\"Name\",\"Area\",\"Phase\",\"Status\",\"Trust\"\n");
  static const char *alliance_fields[] = { "name", "teaching_school", "designated_on", "ended_on", NULL };
  static const char *school_fields[] = { "urn", "name", "area", "phase", "status", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (alliance_fields); i++)
    g_assert_cmpstr (ar_table_import_get_column_field (alliances, i), ==, alliance_fields[i]);
  for (guint i = 0; i < G_N_ELEMENTS (school_fields); i++)
    g_assert_cmpstr (ar_table_import_get_column_field (schools, i), ==, school_fields[i]);
}

static void
on_planned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  if (!ar_table_import_plan_finish (AR_TABLE_IMPORT (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "planned");
}

static GError *
plan_in_thread (ArTableImport *import,
                GCancellable  *cancellable,
                gboolean       change_column)
{
  GError *error = NULL;

  ar_table_import_plan_async (import, cancellable, on_planned, &error);
  if (change_column)
    ar_table_import_set_column_field (import, 1, NULL);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  return error;
}

/* In a thread: the same plan; cancelled, or made for columns since
 * changed, no plan at all */
static void
test_plan_in_thread (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ArTableImport) import = ar_test_table_import_plan (fixture->store, AR_TABLE_KIND_ALLIANCES, "sheet.csv", alliances_sheet);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  ar_table_import_set_column_field (import, 0, "name");
  g_assert_cmpuint (ar_table_import_get_n_rows (import), ==, 0);

  error = plan_in_thread (import, NULL, FALSE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpuint (ar_table_import_get_n_rows (import), ==, 4);
  ar_test_assert_row (import, 1, AR_TABLE_ROW_UPDATE, "with member Elm Academy (Supported school)");
  g_clear_error (&error);

  g_cancellable_cancel (cancelled);
  ar_table_import_set_column_field (import, 0, "name");
  error = plan_in_thread (import, cancelled, FALSE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (ar_table_import_get_n_rows (import), ==, 0);
  g_clear_error (&error);

  error = plan_in_thread (import, NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (ar_table_import_get_n_rows (import), ==, 0);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_ALLIANCE), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ar/table-import-kinds/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("alliances-with-members", test_alliances_with_members);
  ADD ("alliance-updates", test_alliance_updates);
  ADD ("alliance-refusals", test_alliance_refusals);
  ADD ("schools-and-organisations", test_schools_and_organisations);
  ADD ("school-refusals", test_school_refusals);
  ADD ("bad-row-stops-the-file", test_bad_row_stops_the_file);
  ADD ("guesses-export-headers", test_guesses_export_headers);
  ADD ("plan-in-thread", test_plan_in_thread);

  return g_test_run ();
}
