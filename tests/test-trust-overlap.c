/* test-trust-overlap.c: a school is in one trust at a time
 *
 * An overlapping membership is allowed (a register part way through an
 * update has them) but warned of at the form, reported by imports, and
 * never counted twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

typedef struct
{
  ArStore *store;
  gint64   area;
  gint64   school;
  gint64   alpha;
  gint64   beta;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = ar_test_store_new ();
  fixture->area = ar_test_add_area (fixture->store, "855", "Leicestershire");
  fixture->school = ar_test_add_school (fixture->store, "990001", "Brook Primary School", fixture->area);
  fixture->alpha = ar_test_add_trust (fixture->store, "Alpha Learning Trust", "mat");
  fixture->beta = ar_test_add_trust (fixture->store, "Beta Academies", "mat");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

/* Two spans share a day when each starts by the other's last day. */
static void
test_dates_overlap (void)
{
  /* left the day before the next joined: a move, not an overlap */
  g_assert_false (ar_dates_overlap ("2015-09-01", "2019-08-31", "2019-09-01", NULL));
  g_assert_false (ar_dates_overlap ("2019-09-01", NULL, "2015-09-01", "2019-08-31"));
  /* the end date is the last day held: the same day is shared */
  g_assert_true (ar_dates_overlap ("2015-09-01", "2019-09-01", "2019-09-01", NULL));
  g_assert_true (ar_dates_overlap ("2015-09-01", NULL, "2019-09-01", NULL));
  /* no dates known: always */
  g_assert_true (ar_dates_overlap (NULL, NULL, "2019-09-01", "2019-09-02"));
  g_assert_true (ar_dates_overlap ("2019-09-02", "2019-09-03", NULL, NULL));
}

static ArRecord *
membership (Fixture    *fixture,
            gint64      trust,
            const char *joined_on,
            const char *left_on)
{
  ArRecord *record = AR_RECORD (ar_trust_academy_new ());

  ar_record_set_integer (record, "trust_id", trust);
  ar_record_set_integer (record, "school_id", fixture->school);
  ar_record_set_text (record, "joined_on", joined_on);
  ar_record_set_text (record, "left_on", left_on);

  return record;
}

/* The warning is at the school, names the other trust and its dates, and
 * is not a refusal. */
static void
test_record_warning (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ArRecord) moved = membership (fixture, fixture->beta, "2019-09-01", NULL);
  g_autoptr(ArRecord) overlapping = membership (fixture, fixture->beta, "2018-09-01", NULL);
  g_autoptr(ArRecord) same_trust = membership (fixture, fixture->alpha, "2016-09-01", NULL);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) warned = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  ArFieldProblem *warning;

  ar_test_add_academy (fixture->store, fixture->alpha, fixture->school, "2015-09-01", "2019-08-31");

  none = ar_record_list_warnings (moved, fixture->store);
  g_assert_cmpuint (none->len, ==, 0);

  warned = ar_record_list_warnings (overlapping, fixture->store);
  g_assert_cmpuint (warned->len, ==, 1);
  warning = g_ptr_array_index (warned, 0);
  g_assert_cmpint (warning->field, ==, ar_record_class_field_index (AR_RECORD_GET_CLASS (overlapping), "school_id"));
  g_assert_cmpstr (warning->message, ==,
                   "Also in Alpha Learning Trust (2015-09-01 to 2019-08-31): a school is in one trust at a time");

  /* the same trust twice is not two trusts */
  again = ar_record_list_warnings (same_trust, fixture->store);
  g_assert_cmpuint (again->len, ==, 0);

  /* allowed: saved, and then its own row is not held against it */
  g_assert_true (ar_store_save (fixture->store, overlapping, &error));
  g_assert_no_error (error);
  g_clear_pointer (&warned, g_ptr_array_unref);
  warned = ar_record_list_warnings (overlapping, fixture->store);
  g_assert_cmpuint (warned->len, ==, 1);
}

/* The register's overlaps: one sentence per school however many trusts
 * overlap, naming the school's URN and two of its trusts. */
static void
test_list_once_per_school (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 gamma = ar_test_add_trust (fixture->store, "Gamma Trust", "mat");
  gint64 mover = ar_test_add_school (fixture->store, "990002", "Mover Academy", fixture->area);
  g_autoptr(GPtrArray) overlaps = NULL;
  g_autoptr(GError) error = NULL;

  ar_test_add_academy (fixture->store, fixture->alpha, fixture->school, "2015-09-01", NULL);
  ar_test_add_academy (fixture->store, fixture->beta, fixture->school, "2018-09-01", NULL);
  ar_test_add_academy (fixture->store, gamma, fixture->school, "2019-09-01", NULL);
  /* a clean move is not reported */
  ar_test_add_academy (fixture->store, fixture->alpha, mover, "2015-09-01", "2019-08-31");
  ar_test_add_academy (fixture->store, gamma, mover, "2019-09-01", NULL);

  overlaps = ar_trust_academy_list_overlaps (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overlaps->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (overlaps, 0), ==,
                   "School 990001 Brook Primary School is in two trusts at once: "
                   "Alpha Learning Trust (2015-09-01 to no end) and Beta Academies (2018-09-01 to no end)");
}

/* The summary counts a school in two MATs at once as one school (the two
 * trusts are still two MATs sponsoring it). */
static void
test_summary_counts_school_once (Fixture       *fixture,
                                 gconstpointer  data)
{
  gint64 other = ar_test_add_school (fixture->store, "990003", "Other Primary School", fixture->area);

  ar_test_add_academy (fixture->store, fixture->alpha, fixture->school, "2015-09-01", NULL);
  ar_test_add_academy (fixture->store, fixture->beta, fixture->school, "2018-09-01", NULL);
  ar_test_add_academy (fixture->store, fixture->beta, other, "2018-09-01", NULL);

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2020-01-01", "MAT"), ==, 2);
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2020-01-01"), ==, 2);
  /* before the overlap began: one trust, one school */
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2016-01-01", "MAT"), ==, 1);
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2016-01-01"), ==, 1);
}

/* A GIAS import reports the overlaps the register then holds. */
static void
test_gias_report (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("AR_TEST_DATA"), "gias", "establishments-2024-cp1252.csv", NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(ArGiasReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const GPtrArray *warnings;

  ar_test_add_academy (fixture->store, fixture->alpha, fixture->school, "2015-09-01", NULL);
  ar_test_add_academy (fixture->store, fixture->beta, fixture->school, "2018-09-01", "2020-08-31");

  report = ar_gias_import (fixture->store, paths, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  warnings = ar_gias_report_get_warnings (report);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "School 990001 Brook Primary School"));

  text = ar_gias_report_to_text (report, 20);
  g_assert_nonnull (strstr (text, "To check: 1\n  School 990001 Brook Primary School is in two trusts at once: "
                                  "Alpha Learning Trust (2015-09-01 to no end) and "
                                  "Beta Academies (2018-09-01 to 2020-08-31)\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/trust-overlap/dates-overlap", test_dates_overlap);
  g_test_add ("/ar/trust-overlap/record-warning", Fixture, NULL,
              fixture_set_up, test_record_warning, fixture_tear_down);
  g_test_add ("/ar/trust-overlap/list-once-per-school", Fixture, NULL,
              fixture_set_up, test_list_once_per_school, fixture_tear_down);
  g_test_add ("/ar/trust-overlap/summary-counts-school-once", Fixture, NULL,
              fixture_set_up, test_summary_counts_school_once, fixture_tear_down);
  g_test_add ("/ar/trust-overlap/gias-report", Fixture, NULL,
              fixture_set_up, test_gias_report, fixture_tear_down);

  return g_test_run ();
}
