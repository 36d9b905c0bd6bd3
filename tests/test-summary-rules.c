/* test-summary-rules.c: the date rules (ar-dates.c) and the summary's
 * decided rules, each case one that a plausible slip would get wrong
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

#define ADD(path, func) \
  g_test_add ("/ar/summary-rules/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* ar_dates_active_on: every edge, including the days either side */
static void
test_active_on (void)
{
  static const struct { const char *start, *end, *date; gboolean active; } cases[] = {
    { NULL, NULL, "2020-01-01", TRUE },
    { "2020-01-01", NULL, "2019-12-31", FALSE },
    { "2020-01-01", NULL, "2020-01-01", TRUE },
    { "2020-01-01", NULL, "2020-01-02", TRUE },
    { NULL, "2020-01-01", "2019-12-31", TRUE },
    { NULL, "2020-01-01", "2020-01-01", TRUE },
    { NULL, "2020-01-01", "2020-01-02", FALSE },
    { "2019-01-01", "2020-01-01", "2019-06-01", TRUE },
    { "2019-01-01", "2020-01-01", "2018-12-31", FALSE },
    { "2019-01-01", "2020-01-01", "2020-01-02", FALSE },
    /* a one-day span */
    { "2019-05-05", "2019-05-05", "2019-05-05", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s to %s on %s", i, cases[i].start, cases[i].end, cases[i].date);
      g_assert_cmpint (ar_dates_active_on (cases[i].start, cases[i].end, cases[i].date), ==, cases[i].active);
    }
}

/* ar_dates_open_on: dates, then status: "closed" with no date is closed on
 * every date, "proposed to open" is never open, the rest go by dates */
static void
test_open_on (void)
{
  static const struct { const char *opened, *closed, *status, *date; gboolean open; } cases[] = {
    { NULL, NULL, NULL, "2020-01-01", TRUE },
    { NULL, NULL, "open", "2020-01-01", TRUE },
    { NULL, NULL, "open-proposed-to-close", "2020-01-01", TRUE },
    { NULL, NULL, "closed", "1990-01-01", FALSE },
    { NULL, NULL, "closed", "2020-01-01", FALSE },
    { NULL, "2020-01-01", "closed", "2020-01-01", TRUE },
    { NULL, "2020-01-01", "closed", "2020-01-02", FALSE },
    { "2020-01-01", "2021-01-01", "closed", "2019-12-31", FALSE },
    { NULL, NULL, "proposed-to-open", "2020-01-01", FALSE },
    { "2019-09-01", NULL, "proposed-to-open", "2020-01-01", FALSE },
    { "2020-09-01", NULL, "open", "2020-08-31", FALSE },
    { "2020-09-01", NULL, "open", "2020-09-01", TRUE },
    { NULL, "2020-07-31", "open", "2020-08-01", FALSE },
    { NULL, "2020-07-31", NULL, "2020-07-31", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s to %s, %s, on %s", i,
                      cases[i].opened, cases[i].closed, cases[i].status, cases[i].date);
      g_assert_cmpint (ar_dates_open_on (cases[i].opened, cases[i].closed, cases[i].status, cases[i].date),
                       ==, cases[i].open);
    }
}

/* ar_dates_record_active_on reads each kind of record's own fields */
static void
test_record_active_on (void)
{
  static const struct { GType (*type) (void); const char *start, *end; } kinds[] = {
    { ar_school_get_type, "open_date", "close_date" },
    { ar_trust_get_type, "opened_on", "closed_on" },
    { ar_alliance_get_type, "designated_on", "ended_on" },
    { ar_trust_academy_get_type, "joined_on", "left_on" },
    { ar_designation_get_type, "starts_on", "ends_on" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(ArRecord) record = g_object_new (kinds[i].type (), NULL);

      g_test_message ("%s", g_type_name (kinds[i].type ()));
      g_assert_true (ar_dates_record_active_on (record, "2020-01-01"));
      ar_record_set_text (record, kinds[i].start, "2020-01-02");
      g_assert_false (ar_dates_record_active_on (record, "2020-01-01"));
      g_assert_true (ar_dates_record_active_on (record, "2020-01-02"));
      ar_record_set_text (record, kinds[i].end, "2020-02-01");
      g_assert_true (ar_dates_record_active_on (record, "2020-02-01"));
      g_assert_false (ar_dates_record_active_on (record, "2020-02-02"));
    }

  /* status counts for schools and trusts only */
  {
    g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());
    g_autoptr(ArRecord) trust = AR_RECORD (ar_trust_new ());

    ar_record_set_text (school, "status", "closed");
    ar_record_set_text (trust, "status", "proposed-to-open");
    g_assert_false (ar_dates_record_active_on (school, "2020-01-01"));
    g_assert_false (ar_dates_record_active_on (trust, "2020-01-01"));
  }
}

/* An alliance counts only while its teaching school is open. */
static void
test_alliance_needs_open_teaching_school (Fixture       *fixture,
                                          gconstpointer  data)
{
  gint64 other = ar_test_add_school (fixture->store, "990003", "Moor Lane", fixture->county);

  ar_test_add_alliance (fixture->store, "Brook Alliance", fixture->county_school, "2014-04-01", NULL);
  ar_test_add_alliance (fixture->store, "Moor Alliance", other, "2014-04-01", NULL);
  ar_test_set (fixture->store, AR_TYPE_SCHOOL, fixture->county_school, "close_date", "2018-08-31");

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2018-08-31", "TSA"), ==, 2);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2018-09-01", "TSA"), ==, 1);

  /* closed by status with no date: closed on every date */
  ar_test_set (fixture->store, AR_TYPE_SCHOOL, other, "status", "closed");
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2015-01-01", "TSA"), ==, 1);
  /* not yet open */
  ar_test_set (fixture->store, AR_TYPE_SCHOOL, other, "status", "open");
  ar_test_set (fixture->store, AR_TYPE_SCHOOL, other, "open_date", "2016-09-01");
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2015-01-01", "TSA"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2016-09-01", "TSA"), ==, 2);
}

/* An NSS must be open on the date, as well as home to an active NLE. */
static void
test_nss_must_be_open (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 person = ar_test_add_person (fixture->store, "Nia Nle", fixture->county_school);

  ar_test_add_designation (fixture->store, person, "NLE", "2015-01-01", NULL);
  ar_test_set (fixture->store, AR_TYPE_SCHOOL, fixture->county_school, "close_date", "2020-08-31");

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-08-31", "NSS"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-09-01", "NSS"), ==, 0);
  /* the NLE is still an NLE */
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-09-01", "NLE"), ==, 1);

  /* the per-school answer the editor shows is the same rule */
  g_assert_true (ar_summary_is_national_support_school (fixture->store, fixture->county_school, "2020-08-31", NULL));
  g_assert_false (ar_summary_is_national_support_school (fixture->store, fixture->county_school, "2020-09-01", NULL));
  g_assert_false (ar_summary_is_national_support_school (fixture->store, fixture->county_school, "2014-12-31", NULL));
  g_assert_false (ar_summary_is_national_support_school (fixture->store, fixture->city_school, "2020-01-01", NULL));
}

/* NSS counts schools, not NLEs, and only NLEs: an LLE's school is not one */
static void
test_nss_is_nle_only (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 lle = ar_test_add_person (fixture->store, "Lee Lle", fixture->county_school);
  gint64 city_nle = ar_test_add_person (fixture->store, "Cy Nle", fixture->city_school);

  ar_test_add_designation (fixture->store, lle, "LLE", NULL, NULL);
  ar_test_add_designation (fixture->store, city_nle, "NLE", NULL, NULL);

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "NSS"), ==, 0);
  g_assert_cmpint (ar_test_count (fixture->store, "856", "2020-01-01", "NSS"), ==, 1);
  g_assert_false (ar_summary_is_national_support_school (fixture->store, fixture->county_school, NULL, NULL));
  g_assert_true (ar_summary_is_national_support_school (fixture->store, fixture->city_school, NULL, NULL));
}

/* The school comes first; the organisation only when there is no school. */
static void
test_leader_school_before_organisation (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(ArRecord) organisation = AR_RECORD (ar_organisation_new ());
  g_autoptr(ArRecord) person = AR_RECORD (ar_person_new ());
  g_autoptr(GError) error = NULL;

  ar_record_set_text (organisation, "name", "City Leadership Hub");
  ar_record_set_text (organisation, "kind", "local-authority");
  ar_record_set_integer (organisation, "area_id", fixture->city);
  ar_store_save (fixture->store, organisation, &error);
  g_assert_no_error (error);

  /* based at a county school, employed by a city organisation */
  ar_record_set_text (person, "name", "Dual Base");
  ar_record_set_integer (person, "school_id", fixture->county_school);
  ar_record_set_integer (person, "organisation_id", ar_record_get_id (organisation));
  ar_store_save (fixture->store, person, &error);
  g_assert_no_error (error);
  ar_test_add_designation (fixture->store, ar_record_get_id (person), "LLE", NULL, NULL);

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "LLE"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "856", "2020-01-01", "LLE"), ==, 0);
}

/* A MAT's schools once each: a school in two MATs, and a school with two
 * overlapping memberships of one MAT. */
static void
test_mat_schools_once_each (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 first = ar_test_add_trust (fixture->store, "First Trust", "mat");
  gint64 second = ar_test_add_trust (fixture->store, "Second Trust", "mat");
  gint64 other = ar_test_add_school (fixture->store, "990003", "Moor Lane", fixture->county);

  ar_test_add_academy (fixture->store, first, fixture->county_school, "2015-01-01", NULL);
  ar_test_add_academy (fixture->store, first, fixture->county_school, "2016-01-01", NULL);
  ar_test_add_academy (fixture->store, second, fixture->county_school, "2017-01-01", NULL);
  ar_test_add_academy (fixture->store, first, other, "2015-01-01", NULL);

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2015-06-01", "MAT"), ==, 1);
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2015-06-01"), ==, 2);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2018-01-01", "MAT"), ==, 2);
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2018-01-01"), ==, 2);
}

/* Trusts: "closed" with no date counts on no date; "proposed to open"
 * never counts, even once its opening date has passed. */
static void
test_trust_status (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 trust = ar_test_add_trust (fixture->store, "Status Trust", "mat");

  ar_test_add_academy (fixture->store, trust, fixture->county_school, NULL, NULL);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "MAT"), ==, 1);

  ar_test_set (fixture->store, AR_TYPE_TRUST, trust, "status", "closed");
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "MAT"), ==, 0);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2000-01-01", "MAT"), ==, 0);

  /* with its date, it counts until then */
  ar_test_set (fixture->store, AR_TYPE_TRUST, trust, "closed_on", "2019-08-31");
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2019-08-31", "MAT"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2019-09-01", "MAT"), ==, 0);

  ar_test_set (fixture->store, AR_TYPE_TRUST, trust, "closed_on", NULL);
  ar_test_set (fixture->store, AR_TYPE_TRUST, trust, "status", "proposed-to-open");
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "MAT"), ==, 0);
  ar_test_set (fixture->store, AR_TYPE_TRUST, trust, "opened_on", "2019-09-01");
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "MAT"), ==, 0);

  ar_test_set (fixture->store, AR_TYPE_TRUST, trust, "status", "open");
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "MAT"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2019-08-31", "MAT"), ==, 0);
}

/* Schools: "proposed to open" never counts, with or without a date. */
static void
test_school_proposed_to_open (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 trust = ar_test_add_trust (fixture->store, "Growing Trust", "mat");
  gint64 proposed = ar_test_add_school (fixture->store, "990003", "New Free School", fixture->county);

  ar_test_add_academy (fixture->store, trust, fixture->county_school, NULL, NULL);
  ar_test_add_academy (fixture->store, trust, proposed, NULL, NULL);
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2020-01-01"), ==, 2);

  ar_test_set (fixture->store, AR_TYPE_SCHOOL, proposed, "status", "proposed-to-open");
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2020-01-01"), ==, 1);
  ar_test_set (fixture->store, AR_TYPE_SCHOOL, proposed, "open_date", "2019-09-01");
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2020-01-01"), ==, 1);

  /* and a trust whose only school is proposed does not count */
  ar_test_set (fixture->store, AR_TYPE_SCHOOL, fixture->county_school, "status", "proposed-to-open");
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "MAT"), ==, 0);
}

static const char *
figure (ArStore    *store,
        const char *area,
        const char *as_at,
        const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = ar_summary_compute (store, area, as_at, &error);
  static char *kept;

  g_assert_no_error (error);
  for (guint i = 0; i < ar_summary_get_n_rows (summary); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (summary, i);

      if (g_str_equal (ar_summary_row_get_code (row), code))
        {
          g_free (kept);
          kept = g_strdup (ar_summary_row_get_figure (row));
          return kept;
        }
    }

  g_assert_not_reached ();
}

static void
set_no_records_text (ArStore    *store,
                     const char *code,
                     const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) role = ar_store_find (store, AR_TYPE_ROLE, "code", code, &error);

  g_assert_no_error (error);
  ar_record_set_text (role, "no_records_text", text);
  ar_store_save (store, role, &error);
  g_assert_no_error (error);
}

/* The "no records" text means the register holds none for the area at any
 * date; holding some, none of them on the date, is a true 0. */
static void
test_no_records_or_zero (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 person = ar_test_add_person (fixture->store, "Sam Sle", fixture->county_school);
  gint64 city_person = ar_test_add_person (fixture->store, "Cal Sle", fixture->city_school);

  g_assert_true (g_str_has_prefix (figure (fixture->store, "855", "2025-01-01", "SLE"), "No data held"));

  /* one in the other area changes nothing here */
  ar_test_add_designation (fixture->store, city_person, "SLE", "2020-01-01", NULL);
  g_assert_true (g_str_has_prefix (figure (fixture->store, "855", "2025-01-01", "SLE"), "No data held"));
  g_assert_cmpstr (figure (fixture->store, "856", "2025-01-01", "SLE"), ==, "1");

  /* one that ended: held, but not on the date */
  ar_test_add_designation (fixture->store, person, "SLE", "2020-01-01", "2022-08-31");
  g_assert_cmpstr (figure (fixture->store, "855", "2025-01-01", "SLE"), ==, "0");
  g_assert_cmpstr (figure (fixture->store, "855", "2019-01-01", "SLE"), ==, "0");
  g_assert_cmpstr (figure (fixture->store, "855", "2021-01-01", "SLE"), ==, "1");
}

/* The same for the roles counted from alliances, trusts and schools. */
static void
test_no_records_other_roles (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 trust = ar_test_add_trust (fixture->store, "Past Trust", "mat");
  gint64 person = ar_test_add_person (fixture->store, "Old Nle", fixture->county_school);

  set_no_records_text (fixture->store, "TSA", "No alliances");
  set_no_records_text (fixture->store, "MAT", "No trusts");
  set_no_records_text (fixture->store, "NSS", "No NSS");
  g_assert_cmpstr (figure (fixture->store, "855", "2025-01-01", "TSA"), ==, "No alliances");
  g_assert_cmpstr (figure (fixture->store, "855", "2025-01-01", "MAT"), ==, "No trusts");
  g_assert_cmpstr (figure (fixture->store, "855", "2025-01-01", "NSS"), ==, "No NSS");

  ar_test_add_alliance (fixture->store, "Past Alliance", fixture->county_school, "2012-04-01", "2018-08-31");
  ar_test_add_academy (fixture->store, trust, fixture->county_school, "2012-04-01", "2018-08-31");
  ar_test_add_designation (fixture->store, person, "NLE", "2012-04-01", "2018-08-31");

  g_assert_cmpstr (figure (fixture->store, "855", "2025-01-01", "TSA"), ==, "0");
  g_assert_cmpstr (figure (fixture->store, "855", "2025-01-01", "MAT"), ==, "0 MATs sponsoring 0 Leicestershire schools");
  g_assert_cmpstr (figure (fixture->store, "855", "2025-01-01", "NSS"), ==, "0");
  /* still none in the city */
  g_assert_cmpstr (figure (fixture->store, "856", "2025-01-01", "TSA"), ==, "No alliances");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/summary-rules/active-on", test_active_on);
  g_test_add_func ("/ar/summary-rules/open-on", test_open_on);
  g_test_add_func ("/ar/summary-rules/record-active-on", test_record_active_on);
  ADD ("alliance-needs-open-teaching-school", test_alliance_needs_open_teaching_school);
  ADD ("nss-must-be-open", test_nss_must_be_open);
  ADD ("nss-is-nle-only", test_nss_is_nle_only);
  ADD ("leader-school-before-organisation", test_leader_school_before_organisation);
  ADD ("mat-schools-once-each", test_mat_schools_once_each);
  ADD ("trust-status", test_trust_status);
  ADD ("school-proposed-to-open", test_school_proposed_to_open);
  ADD ("no-records-or-zero", test_no_records_or_zero);
  ADD ("no-records-other-roles", test_no_records_other_roles);

  return g_test_run ();
}
