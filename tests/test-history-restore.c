/* test-history-restore.c: the change history for people, and putting
 * back what a deletion took
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

static GPtrArray *
history (ArStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = ar_history_list (store, NULL, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);

  return entries;
}

static ArRecordChange *
find_change (ArChangeEntry *entry,
             const char     *kind,
             gint64          id)
{
  for (guint i = 0; i < entry->changes->len; i++)
    {
      ArRecordChange *change = g_ptr_array_index (entry->changes, i);

      if (g_str_equal (change->kind, kind) && change->record_id == id)
        return change;
    }

  g_error ("no change to %s %" G_GINT64_FORMAT, kind, id);
}

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
  entries = history (store);
  entry = g_ptr_array_index (entries, 0);
  lines = ar_history_describe_fields (store, find_change (entry, "school", school));
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "Town: Ayston → Brill");
  g_clear_pointer (&lines, g_ptr_array_unref);
  g_clear_pointer (&entries, g_ptr_array_unref);

  record = ar_store_get (store, AR_TYPE_PERSON, person, &error);
  g_assert_no_error (error);
  ar_record_set_integer (record, "school_id", school);
  g_assert_true (ar_store_save (store, record, &error));
  g_assert_no_error (error);
  entries = history (store);
  entry = g_ptr_array_index (entries, 0);
  lines = ar_history_describe_fields (store, find_change (entry, "person", person));
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "School: (empty) → Brook Primary");
  g_clear_pointer (&lines, g_ptr_array_unref);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_object (&record);

  /* gone: the name as the deletion kept it, and everything it held */
  record = ar_store_get (store, AR_TYPE_SCHOOL, school, &error);
  removed = ar_store_delete (store, record, &error);
  g_assert_no_error (error);
  entries = history (store);
  entry = g_ptr_array_index (entries, 0);
  name = ar_history_record_name (store, find_change (entry, "school", school));
  g_assert_cmpstr (name, ==, "Brook Primary");
  lines = ar_history_describe_fields (store, find_change (entry, "school", school));
  g_assert_cmpuint (lines->len, >=, 3);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "URN: 123456");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/history-restore/describe", test_describe);

  return g_test_run ();
}
