/* test-field-problems.c: every problem of a record, each with its field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

static const char *
problem_at (GPtrArray  *problems,
            ArRecord   *record,
            const char *field)
{
  int index = ar_record_class_field_index (AR_RECORD_GET_CLASS (record), field);

  for (guint i = 0; i < problems->len; i++)
    {
      ArFieldProblem *problem = g_ptr_array_index (problems, i);

      if (problem->field == index)
        return problem->message;
    }

  return NULL;
}

/* Field rules and class rules alike, all at once, each at its field. */
static void
test_all_at_once (void)
{
  g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  ar_record_set_text (school, "urn", "12345");
  ar_record_set_text (school, "open_date", "2024-02-30");
  ar_record_set_text (school, "status", "shut");

  problems = ar_record_list_problems (school);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpstr (problem_at (problems, school, "name"), ==, "Name is required");
  g_assert_cmpstr (problem_at (problems, school, "open_date"), ==, "Opened: “2024-02-30” is an impossible date");
  g_assert_cmpstr (problem_at (problems, school, "status"), ==,
                   "Status: “shut” is not one of open, closed, open-proposed-to-close, proposed-to-open");
  g_assert_cmpstr (problem_at (problems, school, "urn"), ==, "URN: “12345” is not six digits");

  /* the record itself is untouched by the search for problems */
  g_assert_cmpstr (ar_record_get_text (school, "urn"), ==, "12345");
  g_assert_false (ar_record_validate (school, &error));
}

/* A class rule after another is found too: the URN, then the dates. */
static void
test_rules_after_the_first (void)
{
  g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());
  g_autoptr(GPtrArray) problems = NULL;

  ar_record_set_text (school, "name", "Brookside");
  ar_record_set_text (school, "urn", "12A456");
  ar_record_set_text (school, "open_date", "2020-09-01");
  ar_record_set_text (school, "close_date", "2019-08-31");

  problems = ar_record_list_problems (school);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_nonnull (problem_at (problems, school, "urn"));
  g_assert_cmpstr (problem_at (problems, school, "close_date"), ==,
                   "Closed (2019-08-31) is before Opened (2020-09-01)");
  g_assert_null (problem_at (problems, school, "open_date"));
}

/* What only the register knows comes with its field as well. */
static void
test_store_problems (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());
  g_autoptr(GPtrArray) problems = NULL;

  ar_test_add_school (store, "990201", "Brookside Primary School", 0);
  ar_record_set_text (school, "name", "Another");
  ar_record_set_text (school, "urn", "990201");
  ar_record_set_integer (school, "area_id", 99);

  problems = ar_store_list_problems (store, school);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (problem_at (problems, school, "urn"), ==, "URN 990201 is already used by Brookside Primary School");
  g_assert_cmpstr (problem_at (problems, school, "area_id"), ==, "Area: there is no Area with id 99");

  ar_record_set_text (school, "urn", "990202");
  ar_record_set_integer (school, "area_id", 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = ar_store_list_problems (store, school);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A rule about the record as a whole (a member is a school or a partner)
 * is said once, at no one field. */
static void
test_record_rule_once (void)
{
  g_autoptr(ArRecord) member = g_object_new (AR_TYPE_ALLIANCE_MEMBER, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  guint whole = 0;

  ar_record_set_integer (member, "alliance_id", 1);
  ar_record_set_text (member, "role", "member");
  problems = ar_record_list_problems (member);
  for (guint i = 0; i < problems->len; i++)
    whole += ((ArFieldProblem *) g_ptr_array_index (problems, i))->field == -1;
  g_assert_cmpuint (whole, ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/field-problems/all-at-once", test_all_at_once);
  g_test_add_func ("/ar/field-problems/rules-after-the-first", test_rules_after_the_first);
  g_test_add_func ("/ar/field-problems/store-problems", test_store_problems);
  g_test_add_func ("/ar/field-problems/record-rule-once", test_record_rule_once);

  return g_test_run ();
}
