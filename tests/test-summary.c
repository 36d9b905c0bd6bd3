/* test-summary.c: each counting rule of the summary, on a register built for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

typedef struct
{
  ArStore *store;
  gint64   county;
  gint64   city;
  gint64   county_school;
  gint64   city_school;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = ar_test_store_new ();
  fixture->county = ar_test_add_area (fixture->store, "855", "Leicestershire");
  fixture->city = ar_test_add_area (fixture->store, "856", "Leicester");
  fixture->county_school = ar_test_add_school (fixture->store, "990001", "Brook Primary", fixture->county);
  fixture->city_school = ar_test_add_school (fixture->store, "990002", "City High", fixture->city);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

static void
test_designation_dates (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 person = ar_test_add_person (fixture->store, "Ann Head", fixture->county_school);

  ar_test_add_designation (fixture->store, person, "NLE", "2020-09-01", "2024-08-31");

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-08-31", "NLE"), ==, 0);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-09-01", "NLE"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2024-08-31", "NLE"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2024-09-01", "NLE"), ==, 0);
}

static void
test_leader_in_other_area (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 person = ar_test_add_person (fixture->store, "Bo City", fixture->city_school);

  ar_test_add_designation (fixture->store, person, "LLE", "2019-01-01", NULL);

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2025-01-01", "LLE"), ==, 0);
  g_assert_cmpint (ar_test_count (fixture->store, "856", "2025-01-01", "LLE"), ==, 1);
}

static void
test_leader_at_organisation (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ArRecord) organisation = AR_RECORD (ar_organisation_new ());
  g_autoptr(ArRecord) person = AR_RECORD (ar_person_new ());
  g_autoptr(GError) error = NULL;

  ar_record_set_text (organisation, "name", "County Governance Service");
  ar_record_set_text (organisation, "kind", "local-authority");
  ar_record_set_integer (organisation, "area_id", fixture->county);
  ar_store_save (fixture->store, organisation, &error);
  g_assert_no_error (error);

  ar_record_set_text (person, "name", "Cal Chair");
  ar_record_set_integer (person, "organisation_id", ar_record_get_id (organisation));
  ar_store_save (fixture->store, person, &error);
  g_assert_no_error (error);
  ar_test_add_designation (fixture->store, ar_record_get_id (person), "NLG", NULL, NULL);

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2025-01-01", "NLG"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "856", "2025-01-01", "NLG"), ==, 0);
}

static void
test_mat_in_two_areas (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 trust = ar_test_add_trust (fixture->store, "Two Shires Trust", "mat");
  gint64 second = ar_test_add_school (fixture->store, "990003", "Meadow Infants", fixture->county);

  ar_test_add_academy (fixture->store, trust, fixture->county_school, "2015-09-01", NULL);
  ar_test_add_academy (fixture->store, trust, second, "2016-09-01", NULL);
  ar_test_add_academy (fixture->store, trust, fixture->city_school, "2015-09-01", NULL);

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "MAT"), ==, 1);
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2020-01-01"), ==, 2);
  g_assert_cmpint (ar_test_count (fixture->store, "856", "2020-01-01", "MAT"), ==, 1);
  g_assert_cmpint (ar_test_school_count (fixture->store, "856", "2020-01-01"), ==, 1);
  /* before the second school joined */
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2016-01-01"), ==, 1);
}

static void
test_mat_figure_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = NULL;
  gint64 trust = ar_test_add_trust (fixture->store, "Solo Trust", "mat");

  ar_test_add_academy (fixture->store, trust, fixture->county_school, NULL, NULL);
  summary = ar_summary_compute (fixture->store, "Leicestershire", "2025-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ar_summary_row_get_figure (ar_summary_get_row (summary, 1)), ==,
                   "1 MAT sponsoring 1 Leicestershire school");
}

static void
test_only_mats_count (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 sat = ar_test_add_trust (fixture->store, "Single Academy Trust", "sat");

  ar_test_add_academy (fixture->store, sat, fixture->county_school, NULL, NULL);

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2025-01-01", "MAT"), ==, 0);
}

static void
test_two_nles_one_school (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 head = ar_test_add_person (fixture->store, "Dee Head", fixture->county_school);
  gint64 deputy = ar_test_add_person (fixture->store, "Eve Deputy", fixture->county_school);

  ar_test_add_designation (fixture->store, head, "NLE", "2018-01-01", NULL);
  ar_test_add_designation (fixture->store, deputy, "NLE", "2019-01-01", NULL);

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "NLE"), ==, 2);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "NSS"), ==, 1);
  /* only the head was designated then: still one NSS */
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2018-06-01", "NLE"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2018-06-01", "NSS"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2017-06-01", "NSS"), ==, 0);
}

static void
test_person_with_two_designations_counts_once (Fixture       *fixture,
                                               gconstpointer  data)
{
  gint64 person = ar_test_add_person (fixture->store, "Fay Twice", fixture->county_school);

  /* re-designated after a gap, overlapping on one day */
  ar_test_add_designation (fixture->store, person, "LLE", "2015-01-01", "2020-01-01");
  ar_test_add_designation (fixture->store, person, "LLE", "2020-01-01", NULL);

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "LLE"), ==, 1);
}

static void
test_school_left_trust (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 trust = ar_test_add_trust (fixture->store, "Left Behind Trust", "mat");

  ar_test_add_academy (fixture->store, trust, fixture->county_school, "2014-09-01", "2021-08-31");

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2021-08-31", "MAT"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2021-09-01", "MAT"), ==, 0);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2014-08-31", "MAT"), ==, 0);
}

static void
test_closed_school (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 trust = ar_test_add_trust (fixture->store, "Closing Trust", "mat");
  gint64 undated = ar_test_add_school (fixture->store, "990009", "Shut Lane", fixture->county);

  ar_test_add_academy (fixture->store, trust, fixture->county_school, "2014-09-01", NULL);
  ar_test_set (fixture->store, AR_TYPE_SCHOOL, fixture->county_school, "close_date", "2022-07-31");

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2022-07-31", "MAT"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2022-08-01", "MAT"), ==, 0);

  /* closed by status, with no closing date known */
  ar_test_add_academy (fixture->store, trust, undated, NULL, NULL);
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2020-01-01"), ==, 2);
  ar_test_set (fixture->store, AR_TYPE_SCHOOL, undated, "status", "closed");
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2020-01-01"), ==, 1);
}

static void
test_closed_trust (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 trust = ar_test_add_trust (fixture->store, "Wound Up Trust", "mat");

  ar_test_add_academy (fixture->store, trust, fixture->county_school, NULL, NULL);
  ar_test_set (fixture->store, AR_TYPE_TRUST, trust, "closed_on", "2019-08-31");

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2019-08-31", "MAT"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2019-09-01", "MAT"), ==, 0);
}

static void
test_alliance_led_elsewhere (Fixture       *fixture,
                             gconstpointer  data)
{
  ar_test_add_alliance (fixture->store, "City Alliance", fixture->city_school, "2014-04-01", NULL);
  ar_test_add_alliance (fixture->store, "County Alliance", fixture->county_school, "2014-04-01", "2021-08-31");

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "TSA"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "856", "2020-01-01", "TSA"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2022-01-01", "TSA"), ==, 0);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2014-03-31", "TSA"), ==, 0);
}

static void
test_no_records_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = NULL;
  g_autoptr(ArRecord) lle = NULL;
  gint64 person;

  summary = ar_summary_compute (fixture->store, "855", "2025-01-01", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ar_summary_get_n_rows (summary); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (summary, i);

      if (g_str_equal (ar_summary_row_get_code (row), "SLE"))
        g_assert_true (g_str_has_prefix (ar_summary_row_get_figure (row), "No data held"));
      else if (!g_str_equal (ar_summary_row_get_code (row), "MAT"))
        g_assert_cmpstr (ar_summary_row_get_figure (row), ==, "0");
    }
  g_clear_object (&summary);

  /* the user sets a text for LLE: it replaces 0, and a count replaces it */
  lle = ar_store_find (fixture->store, AR_TYPE_ROLE, "code", "LLE", &error);
  g_assert_no_error (error);
  ar_record_set_text (lle, "no_records_text", "None designated yet");
  ar_store_save (fixture->store, lle, &error);
  g_assert_no_error (error);

  summary = ar_summary_compute (fixture->store, "855", "2025-01-01", &error);
  g_assert_cmpstr (ar_summary_row_get_figure (ar_summary_get_row (summary, 5)), ==, "None designated yet");
  g_clear_object (&summary);

  person = ar_test_add_person (fixture->store, "Gil Lle", fixture->county_school);
  ar_test_add_designation (fixture->store, person, "LLE", NULL, NULL);
  summary = ar_summary_compute (fixture->store, "855", "2025-01-01", &error);
  g_assert_cmpstr (ar_summary_row_get_figure (ar_summary_get_row (summary, 5)), ==, "1");
}

static void
test_role_order_and_inclusion (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = NULL;
  g_autoptr(ArRecord) lp = ar_store_find (fixture->store, AR_TYPE_ROLE, "code", "LP", &error);
  g_autoptr(ArRecord) tsa = ar_store_find (fixture->store, AR_TYPE_ROLE, "code", "TSA", &error);

  summary = ar_summary_compute (fixture->store, "855", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ar_summary_get_n_rows (summary), ==, 7);
  g_clear_object (&summary);

  ar_record_set_boolean (lp, "in_summary", TRUE);
  ar_record_set_integer (lp, "position", 0);
  ar_record_set_boolean (tsa, "in_summary", FALSE);
  ar_store_save (fixture->store, lp, &error);
  ar_store_save (fixture->store, tsa, &error);
  g_assert_no_error (error);

  summary = ar_summary_compute (fixture->store, "855", NULL, &error);
  g_assert_cmpuint (ar_summary_get_n_rows (summary), ==, 7);
  g_assert_cmpstr (ar_summary_row_get_code (ar_summary_get_row (summary, 0)), ==, "LP");
  g_assert_cmpstr (ar_summary_row_get_code (ar_summary_get_row (summary, 1)), ==, "MAT");
}

static void
test_area_by_code_or_name (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) by_code = ar_summary_compute (fixture->store, "856", "2025-01-01", &error);
  g_autoptr(ArSummary) by_name = ar_summary_compute (fixture->store, "leicester", "2025-01-01", &error);
  g_autoptr(ArSummary) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ar_summary_get_title (by_code), ==, "System Leadership in Leicester");
  g_assert_cmpstr (ar_summary_get_area_code (by_name), ==, "856");
  g_assert_cmpstr (ar_summary_get_count_heading (by_name), ==, "Number in Leicester");

  missing = ar_summary_compute (fixture->store, "Rutland", "2025-01-01", &error);
  g_assert_null (missing);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "855 Leicestershire"));
}

static void
test_bad_date (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = ar_summary_compute (fixture->store, "855", "2025-02-30", &error);

  g_assert_null (summary);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID);
}

/* The acceptance figures: the sample register is Appendix B. */
static void
test_sample_is_appendix_b (void)
{
  static const struct { const char *code; gint64 count; } expected[] = {
    { "TSA", 6 }, { "MAT", 9 }, { "NLE", 17 }, { "NSS", 17 }, { "NLG", 4 }, { "LLE", 23 }, { "SLE", 0 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  g_autoptr(ArSummary) summary = NULL;
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_strdup (ar_store_get_path (store));

  summary = ar_summary_compute (store, "855", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ar_summary_get_n_rows (summary), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (summary, i);

      g_assert_cmpstr (ar_summary_row_get_code (row), ==, expected[i].code);
      g_assert_cmpint (ar_summary_row_get_count (row), ==, expected[i].count);
    }
  g_assert_cmpstr (ar_summary_row_get_figure (ar_summary_get_row (summary, 1)), ==,
                   "9 MATs sponsoring 33 Leicestershire schools");
  g_assert_true (g_str_has_prefix (ar_summary_row_get_figure (ar_summary_get_row (summary, 6)),
                                   "No data held"));

  /* the temporary copy goes away with the store */
  g_clear_object (&summary);
  g_clear_object (&store);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ar/summary/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("designation-dates", test_designation_dates);
  ADD ("leader-in-other-area", test_leader_in_other_area);
  ADD ("leader-at-organisation", test_leader_at_organisation);
  ADD ("mat-in-two-areas", test_mat_in_two_areas);
  ADD ("mat-figure-text", test_mat_figure_text);
  ADD ("only-mats-count", test_only_mats_count);
  ADD ("two-nles-one-school", test_two_nles_one_school);
  ADD ("person-counts-once", test_person_with_two_designations_counts_once);
  ADD ("school-left-trust", test_school_left_trust);
  ADD ("closed-school", test_closed_school);
  ADD ("closed-trust", test_closed_trust);
  ADD ("alliance-led-elsewhere", test_alliance_led_elsewhere);
  ADD ("no-records-text", test_no_records_text);
  ADD ("role-order-and-inclusion", test_role_order_and_inclusion);
  ADD ("area-by-code-or-name", test_area_by_code_or_name);
  ADD ("bad-date", test_bad_date);
  g_test_add_func ("/ar/summary/sample-is-appendix-b", test_sample_is_appendix_b);

  return g_test_run ();
}
