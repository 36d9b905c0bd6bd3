/* test-merge.c: another register merged into this one (issue 14)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ar-test-util.h"

static ArMergeReport *
merge (ArStore    *store,
       const char *text,
       gboolean    dry_run)
{
  g_autoptr(GError) error = NULL;
  ArMergeReport *report = ar_register_merge (store, text, -1, "other.json", dry_run, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

static guint
total_records (ArStore *store)
{
  guint n_types;
  const GType *types = ar_record_types (&n_types);
  guint total = 0;

  for (guint t = 0; t < n_types; t++)
    total += ar_store_count (store, types[t]);

  return total;
}

static const ArMergeCounts *
counts_for (ArMergeReport *report,
            const char    *table)
{
  for (guint i = 0; i < report->counts->len; i++)
    {
      const ArMergeCounts *counts = &g_array_index (report->counts, ArMergeCounts, i);

      if (g_str_equal (counts->table, table))
        return counts;
    }

  g_assert_not_reached ();
}

static void
test_self_merge_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) sample = ar_store_open_sample (&error);
  g_autoptr(ArMergeReport) report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  before = ar_test_export (sample);
  report = merge (sample, before, FALSE);
  after = ar_test_export (sample);

  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (report->n_added, ==, 0);
  g_assert_cmpuint (report->n_updated, ==, 0);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  g_assert_cmpuint (report->n_unchanged, ==, total_records (sample));
  g_assert_cmpuint (counts_for (report, "school")->unchanged, ==, ar_store_count (sample, AR_TYPE_SCHOOL));
}

/* Two people of one name at one school, neither with an email: each
 * matches itself, not both the first. */
static void
test_namesakes_stay_apart (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "100001", "Ash Primary", area);
  gint64 first = ar_test_add_person (store, "Sam Smith", school);
  gint64 second = ar_test_add_person (store, "Sam Smith", school);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ArMergeReport) report = NULL;

  ar_test_add_designation (store, first, "NLE", "2016-01-01", NULL);
  ar_test_add_designation (store, second, "SLE", "2017-01-01", NULL);
  before = ar_test_export (store);
  report = merge (store, before, FALSE);
  after = ar_test_export (store);

  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (counts_for (report, "person")->unchanged, ==, 2);
  g_assert_cmpuint (report->n_added, ==, 0);
}

static void
test_merge_into_empty_is_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) sample = ar_store_open_sample (&error);
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArMergeReport) report = NULL;
  g_autofree char *text = ar_test_export (sample);
  g_autofree char *merged = NULL;

  report = merge (store, text, FALSE);
  merged = ar_test_export (store);

  /* the same records; ids may differ, so compare what counts */
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, ar_store_count (sample, AR_TYPE_SCHOOL));
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_DESIGNATION), ==, ar_store_count (sample, AR_TYPE_DESIGNATION));
  g_assert_cmpuint (total_records (store), ==, total_records (sample));
  g_assert_cmpuint (report->n_added + report->n_updated + report->n_unchanged, ==, total_records (sample));
  for (const char *const *code = (const char *const[]) { "TSA", "MAT", "NLE", "NSS", "NLG", "LLE", NULL };
       *code != NULL; code++)
    g_assert_cmpint (ar_test_count (store, "855", "2020-01-01", *code), ==,
                     ar_test_count (sample, "855", "2020-01-01", *code));
  g_assert_cmpint (ar_test_school_count (store, "855", "2020-01-01"), ==,
                   ar_test_school_count (sample, "855", "2020-01-01"));

  /* and merging it again changes nothing */
  {
    g_autoptr(ArMergeReport) again = merge (store, text, FALSE);
    g_autofree char *after = ar_test_export (store);

    g_assert_cmpuint (again->n_added + again->n_updated + again->conflicts->len, ==, 0);
    g_assert_cmpstr (after, ==, merged);
  }
}

/* Three alliances' registers of one area. They share schools 100002
 * and 100003, Ann Able (by email) and Bob Best (no email: by name and
 * school), and Ann's and Bob's designations. */
static char *
part_a (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 s1 = ar_test_add_school (store, "100001", "Ash Primary", area);
  gint64 s2 = ar_test_add_school (store, "100002", "Beech Academy", area);
  gint64 trust = ar_test_add_trust (store, "Oak Trust", "mat");
  gint64 ann = ar_test_add_person (store, "Ann Able", s1);

  ar_test_set (store, AR_TYPE_TRUST, trust, "gias_uid", "5001");
  ar_test_add_academy (store, trust, s1, "2014-09-01", NULL);
  ar_test_add_academy (store, trust, s2, "2014-09-01", NULL);
  ar_test_add_alliance (store, "Alpha Alliance", s1, "2015-01-01", NULL);
  ar_test_set (store, AR_TYPE_PERSON, ann, "email", "ann@ash.example");
  ar_test_add_designation (store, ann, "NLE", "2016-01-01", NULL);
  ar_test_set (store, AR_TYPE_SCHOOL, s2, "postcode", "LE2 2BB");

  return ar_test_export (store);
}

static char *
part_b (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  /* made in another order, so that ids differ from part A's */
  gint64 s3 = ar_test_add_school (store, "100003", "Cedar School", area);
  gint64 s2 = ar_test_add_school (store, "100002", "Beech Academy", area);
  gint64 s1 = ar_test_add_school (store, "100001", "Ash Primary", area);
  gint64 bob = ar_test_add_person (store, "Bob Best", s3);
  gint64 ann = ar_test_add_person (store, "Ann Able", s1);

  ar_test_set (store, AR_TYPE_PERSON, ann, "email", "ANN@ash.example");
  ar_test_add_designation (store, ann, "NLE", "2016-01-01", NULL);
  ar_test_add_designation (store, bob, "LLE", "2017-01-01", NULL);
  ar_test_add_alliance (store, "Beta Alliance", s3, "2016-01-01", NULL);
  ar_test_set (store, AR_TYPE_SCHOOL, s2, "postcode", "LE1 1AA");
  ar_test_set (store, AR_TYPE_SCHOOL, s2, "town", "Loughborough");

  return ar_test_export (store);
}

static char *
part_c (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 s4 = ar_test_add_school (store, "100004", "Damson Primary", area);
  gint64 s3 = ar_test_add_school (store, "100003", "Cedar School", area);
  gint64 trust = ar_test_add_trust (store, "Elm Trust", "mat");
  gint64 bob = ar_test_add_person (store, "Bob Best", s3);
  gint64 cat = ar_test_add_person (store, "Cat Cole", s4);

  ar_test_set (store, AR_TYPE_TRUST, trust, "gias_uid", "5002");
  ar_test_add_academy (store, trust, s3, "2015-09-01", NULL);
  ar_test_add_academy (store, trust, s4, "2015-09-01", NULL);
  ar_test_add_designation (store, bob, "LLE", "2017-01-01", NULL);
  ar_test_add_designation (store, cat, "NLG", "2018-01-01", NULL);

  return ar_test_export (store);
}

static void
test_three_parts_sum (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *a = part_a ();
  g_autofree char *b = part_b ();
  g_autofree char *c = part_c ();
  g_autoptr(ArMergeReport) ra = merge (store, a, FALSE);
  g_autoptr(ArMergeReport) rb = merge (store, b, FALSE);
  g_autoptr(ArMergeReport) rc = merge (store, c, FALSE);
  g_autoptr(ArRecord) beech = ar_store_find (store, AR_TYPE_SCHOOL, "urn", "100002", NULL);
  ArMergeConflict *conflict;

  /* each record once */
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_AREA), ==, 1);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 4);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_PERSON), ==, 3);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_DESIGNATION), ==, 3);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST), ==, 2);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 4);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_ALLIANCE), ==, 2);

  /* the summary is the sum of the parts, the shared ones counted once */
  g_assert_cmpint (ar_test_count (store, "855", "2020-01-01", "TSA"), ==, 2);
  g_assert_cmpint (ar_test_count (store, "855", "2020-01-01", "MAT"), ==, 2);
  g_assert_cmpint (ar_test_school_count (store, "855", "2020-01-01"), ==, 4);
  g_assert_cmpint (ar_test_count (store, "855", "2020-01-01", "NLE"), ==, 1);
  g_assert_cmpint (ar_test_count (store, "855", "2020-01-01", "NSS"), ==, 1);
  g_assert_cmpint (ar_test_count (store, "855", "2020-01-01", "LLE"), ==, 1);
  g_assert_cmpint (ar_test_count (store, "855", "2020-01-01", "NLG"), ==, 1);

  /* B: two schools and Ann known; Beech's town filled; its postcode differs */
  g_assert_cmpuint (counts_for (rb, "school")->added, ==, 1);
  g_assert_cmpuint (counts_for (rb, "school")->updated, ==, 1);
  g_assert_cmpuint (counts_for (rb, "school")->unchanged, ==, 1);
  g_assert_cmpuint (counts_for (rb, "person")->added, ==, 1);
  g_assert_cmpuint (counts_for (rb, "person")->unchanged, ==, 1);
  g_assert_cmpuint (counts_for (rb, "designation")->unchanged, ==, 1);
  g_assert_cmpstr (ar_record_get_text (beech, "town"), ==, "Loughborough");
  g_assert_cmpstr (ar_record_get_text (beech, "postcode"), ==, "LE2 2BB");

  /* the email's capitals differ: the same person, and no conflict */
  g_assert_cmpuint (rb->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (rb->conflicts, 0);
  g_assert_cmpstr (conflict->record, ==, "School “Beech Academy”");
  g_assert_cmpstr (conflict->field, ==, "Postcode");
  g_assert_cmpstr (conflict->ours, ==, "LE2 2BB");
  g_assert_cmpstr (conflict->theirs, ==, "LE1 1AA");
  g_assert_null (conflict->reason);

  /* C: Bob matched by name and school, without an email */
  g_assert_cmpuint (counts_for (rc, "person")->unchanged, ==, 1);
  g_assert_cmpuint (counts_for (rc, "person")->added, ==, 1);
  g_assert_cmpuint (counts_for (rc, "designation")->unchanged, ==, 1);
  g_assert_cmpuint (rc->conflicts->len, ==, 0);
  g_assert_cmpuint (ra->n_unchanged, ==, ar_store_count (store, AR_TYPE_ROLE));
}

static void
test_dry_run_changes_nothing (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *a = part_a ();
  g_autofree char *b = part_b ();
  g_autoptr(ArMergeReport) ra = merge (store, a, FALSE);
  g_autofree char *before = ar_test_export (store);
  g_autoptr(ArMergeReport) dry = merge (store, b, TRUE);
  g_autofree char *after = ar_test_export (store);
  g_autoptr(ArMergeReport) real = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (after, ==, before);
  g_assert_true (dry->dry_run);
  real = merge (store, b, FALSE);
  g_assert_false (real->dry_run);

  /* the dry run foretold the real one */
  g_assert_cmpuint (dry->n_added, ==, real->n_added);
  g_assert_cmpuint (dry->n_updated, ==, real->n_updated);
  g_assert_cmpuint (dry->n_unchanged, ==, real->n_unchanged);
  g_assert_cmpuint (dry->conflicts->len, ==, real->conflicts->len);
  g_assert_cmpuint (real->n_added, >, 0);

  text = ar_merge_report_to_text (dry);
  g_assert_nonnull (strstr (text, "dry run"));
  g_assert_nonnull (strstr (text, "School “Beech Academy”, Postcode: kept “LE2 2BB”, not “LE1 1AA”"));
}

typedef struct
{
  const char *name;
  const char *document;
  const char *expected;
} BadCase;

#define HEAD "{\"format\": \"alliance-register\", \"version\": 2, "
#define AREA "\"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"Leicestershire\"}], "

static const BadCase bad_cases[] = {
  { "not-json", "{ this is not", "not valid JSON" },
  { "newer", "{\"format\": \"alliance-register\", \"version\": 3}", "newer Alliance Register" },
  /* the new school would be written before the broken link is found */
  { "broken-link", HEAD AREA
    "\"schools\": [{\"id\": 1, \"urn\": \"200001\", \"name\": \"New\", \"area_id\": 1}], "
    "\"people\": [{\"id\": 1, \"name\": \"Zed\", \"school_id\": 7}]}",
    "other.json: people[0] (id 1): field “school_id”: the file holds no record with id 7" },
  /* a new area whose name is already used by another code */
  { "duplicate", HEAD
    "\"schools\": [{\"id\": 1, \"urn\": \"200001\", \"name\": \"New\"}], "
    "\"areas\": [{\"id\": 1, \"code\": \"999\", \"name\": \"Leicestershire\"}]}",
    "other.json: areas[0] (id 1)" },
  { "bad-role", HEAD
    "\"schools\": [{\"id\": 1, \"urn\": \"200001\", \"name\": \"New\"}], "
    "\"people\": [{\"id\": 1, \"name\": \"Zed\"}], "
    "\"designations\": [{\"id\": 1, \"person_id\": 1, \"role\": \"XYZ\"}]}",
    "other.json: designations[0] (id 1)" },
};

static void
test_bad_file_leaves_register (gconstpointer user_data)
{
  const BadCase *bad = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *a = part_a ();
  g_autoptr(ArMergeReport) ra = merge (store, a, FALSE);
  g_autofree char *before = ar_test_export (store);
  g_autofree char *after = NULL;

  for (guint dry = 0; dry < 2; dry++)
    {
      g_autoptr(ArMergeReport) report = ar_register_merge (store, bad->document, -1, "other.json", dry, &error);

      g_assert_null (report);
      g_assert_nonnull (error);
      if (strstr (error->message, bad->expected) == NULL)
        g_error ("“%s” does not hold “%s”", error->message, bad->expected);
      g_clear_error (&error);
    }

  after = ar_test_export (store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_empty_theirs_keeps_ours (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArStore) other = ar_test_store_new ();
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "100001", "Ash Primary", area);
  g_autofree char *text = NULL;
  g_autoptr(ArMergeReport) report = NULL;
  g_autoptr(ArRecord) after = NULL;

  ar_test_set (store, AR_TYPE_SCHOOL, school, "town", "Hinckley");
  ar_test_set (store, AR_TYPE_SCHOOL, school, "open_date", "2010-09-01");
  area = ar_test_add_area (other, "855", "Leicestershire");
  school = ar_test_add_school (other, "100001", "Ash Primary", area);
  /* closed before ours opened: filling it would make the record wrong */
  ar_test_set (other, AR_TYPE_SCHOOL, school, "close_date", "2005-08-31");
  text = ar_test_export (other);

  report = merge (store, text, FALSE);
  after = ar_store_find (store, AR_TYPE_SCHOOL, "urn", "100001", NULL);
  g_assert_cmpstr (ar_record_get_text (after, "town"), ==, "Hinckley");
  g_assert_null (ar_record_get_text (after, "close_date"));
  g_assert_cmpuint (counts_for (report, "school")->unchanged, ==, 1);
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  g_assert_null (((ArMergeConflict *) g_ptr_array_index (report->conflicts, 0))->ours);
  g_assert_nonnull (((ArMergeConflict *) g_ptr_array_index (report->conflicts, 0))->reason);
}

static void
test_version_1 (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArMergeReport) report = NULL;
  const char *text = "{\"format\": \"alliance-register\", \"version\": 1, " AREA
                     "\"schools\": [{\"id\": 4, \"urn\": \"100001\", \"name\": \"Ash Primary\", \"area_id\": 1}]}";
  g_autoptr(ArMergeReport) again = NULL;

  report = merge (store, text, FALSE);
  g_assert_cmpuint (report->n_added, ==, 2);
  again = merge (store, text, FALSE);
  g_assert_cmpuint (again->n_unchanged, ==, 2);
  g_assert_cmpuint (again->n_added, ==, 0);
}

static void
test_refuses_own_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ArMergeReport) report = NULL;

  ar_test_add_area (store, "855", "Leicestershire");
  before = ar_test_export (store);
  report = ar_register_merge_file (store, ar_store_get_path (store), FALSE, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "the open register itself"));
  after = ar_test_export (store);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/self", test_self_merge_changes_nothing);
  g_test_add_func ("/merge/namesakes", test_namesakes_stay_apart);
  g_test_add_func ("/merge/into-empty", test_merge_into_empty_is_import);
  g_test_add_func ("/merge/three-parts", test_three_parts_sum);
  g_test_add_func ("/merge/dry-run", test_dry_run_changes_nothing);
  g_test_add_func ("/merge/empty-theirs", test_empty_theirs_keeps_ours);
  g_test_add_func ("/merge/version-1", test_version_1);
  g_test_add_func ("/merge/own-file", test_refuses_own_file);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/merge/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_file_leaves_register);
    }

  return g_test_run ();
}
