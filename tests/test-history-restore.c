/* test-history-restore.c: the change history for people, and putting
 * back what a deletion took
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

/* Fields by their labels, links by the linked record's name */
static void
test_describe (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(ArRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 school = ar_test_add_school (store, "123456", "Brook Primary", 0);
  gint64 person = ar_test_add_person (store, "Ann Head", 0);
  ArChangeEntry *entry;

  ar_test_set (store, AR_TYPE_SCHOOL, school, "town", "Ayston");
  ar_test_set (store, AR_TYPE_SCHOOL, school, "town", "Brill");
  entries = ar_test_history (store);
  entry = g_ptr_array_index (entries, 0);
  lines = ar_history_describe_fields (store, ar_test_find_change (entry, "school", school));
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "Town: Ayston → Brill");
  g_clear_pointer (&lines, g_ptr_array_unref);
  g_clear_pointer (&entries, g_ptr_array_unref);

  record = ar_store_get (store, AR_TYPE_PERSON, person, &error);
  g_assert_no_error (error);
  ar_record_set_integer (record, "school_id", school);
  g_assert_true (ar_store_save (store, record, &error));
  g_assert_no_error (error);
  entries = ar_test_history (store);
  entry = g_ptr_array_index (entries, 0);
  lines = ar_history_describe_fields (store, ar_test_find_change (entry, "person", person));
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "School: (empty) → Brook Primary");
  g_clear_pointer (&lines, g_ptr_array_unref);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_object (&record);

  /* gone: the name as the deletion kept it, and everything it held */
  record = ar_store_get (store, AR_TYPE_SCHOOL, school, &error);
  removed = ar_store_delete (store, record, &error);
  g_assert_no_error (error);
  entries = ar_test_history (store);
  entry = g_ptr_array_index (entries, 0);
  name = ar_history_record_name (store, ar_test_find_change (entry, "school", school));
  g_assert_cmpstr (name, ==, "Brook Primary");
  lines = ar_history_describe_fields (store, ar_test_find_change (entry, "school", school));
  g_assert_cmpuint (lines->len, >=, 3);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "URN: 123456");
}

/* The newest entry's id */
static gint64
newest_entry (ArStore *store)
{
  g_autoptr(GPtrArray) entries = ar_test_history (store);

  return ((ArChangeEntry *) g_ptr_array_index (entries, 0))->id;
}

static gint64
delete_school (ArStore *store,
               gint64   school)
{
  g_autoptr(ArRecord) record = ar_store_get (store, AR_TYPE_SCHOOL, school, NULL);
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GError) error = NULL;

  removed = ar_store_delete (store, record, &error);
  g_assert_no_error (error);
  return newest_entry (store);
}

/* Everything the deletion took comes back, with its id and its links */
static void
test_restore (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(ArRecord) before = NULL;
  g_autoptr(ArRecord) after = NULL;
  g_autoptr(ArRecord) person_after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "123456", "Brook Primary", area);
  gint64 trust = ar_test_add_trust (store, "Soar Trust", "mat");
  gint64 academy = ar_test_add_academy (store, trust, school, "2015-09-01", NULL);
  gint64 person = ar_test_add_person (store, "Ann Head", school);
  gint64 entry_id;
  guint restored = 0;
  ArChangeEntry *entry;

  before = ar_store_get (store, AR_TYPE_SCHOOL, school, NULL);
  entry_id = delete_school (store, school);
  g_assert_null (ar_store_get (store, AR_TYPE_TRUST_ACADEMY, academy, NULL));

  g_assert_true (ar_history_restore (store, entry_id, &restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (restored, ==, 2);

  after = ar_store_get (store, AR_TYPE_SCHOOL, school, NULL);
  g_assert_nonnull (after);
  g_assert_true (ar_record_equal (before, after));
  g_clear_object (&after);
  after = ar_store_get (store, AR_TYPE_TRUST_ACADEMY, academy, NULL);
  g_assert_nonnull (after);
  g_assert_cmpint (ar_record_get_integer (after, "school_id"), ==, school);
  /* the link the deletion emptied, set again */
  person_after = ar_store_get (store, AR_TYPE_PERSON, person, NULL);
  g_assert_cmpint (ar_record_get_integer (person_after, "school_id"), ==, school);

  /* one change of its own, from the window */
  entries = ar_test_history (store);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->source, ==, "window");
  g_assert_cmpuint (entry->counts[AR_HISTORY_ADDED], ==, 2);
  g_assert_cmpuint (entry->counts[AR_HISTORY_UPDATED], ==, 1);

  /* twice: refused, nothing written */
  g_assert_false (ar_history_restore (store, entry_id, NULL, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (newest_entry (store), ==, entry->id);
}

/* Another school with the URN since: refused, nothing changed */
static void
test_restore_conflict (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "123456", "Brook Primary", area);
  gint64 trust = ar_test_add_trust (store, "Soar Trust", "mat");
  gint64 entry_id;
  gint64 newest;
  guint schools;

  ar_test_add_school (store, "654321", "Last School", area);
  ar_test_add_academy (store, trust, school, "2015-09-01", NULL);
  entry_id = delete_school (store, school);
  ar_test_add_school (store, "123456", "Brook Academy", area);
  schools = ar_store_count (store, AR_TYPE_SCHOOL);
  newest = newest_entry (store);

  g_assert_false (ar_history_restore (store, entry_id, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Nothing was restored"));
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, schools);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 0);
  g_assert_cmpint (newest_entry (store), ==, newest);
}

/* An entry that deleted nothing, or none at all */
static void
test_restore_nothing (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;

  ar_test_add_school (store, "123456", "Brook Primary", 0);
  g_assert_false (ar_history_restore (store, newest_entry (store), NULL, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ar_history_restore (store, 9999, NULL, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/history-restore/describe", test_describe);
  g_test_add_func ("/ar/history-restore/restore", test_restore);
  g_test_add_func ("/ar/history-restore/conflict", test_restore_conflict);
  g_test_add_func ("/ar/history-restore/nothing", test_restore_nothing);

  return g_test_run ();
}
