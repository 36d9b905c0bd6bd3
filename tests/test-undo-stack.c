/* test-undo-stack.c: what ArUndoStack records, undoes and redoes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-core.h"
#include "ar-test-util.h"

static char *
town_of (ArStore *store,
         gint64   id)
{
  g_autoptr(ArRecord) school = ar_store_get (store, AR_TYPE_SCHOOL, id, NULL);

  return school ? g_strdup (ar_record_get_text (school, "town")) : NULL;
}

static void
set_town (ArStore    *store,
          gint64      id,
          const char *town)
{
  g_autoptr(ArRecord) school = ar_store_get (store, AR_TYPE_SCHOOL, id, NULL);

  ar_record_set_text (school, "town", town);
  g_assert_true (ar_store_save (store, school, NULL));
}

static void
test_save_undo_redo (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "990201", "Brookside Primary School", area);
  g_autoptr(ArUndoStack) stack = ar_undo_stack_new (store);
  g_autofree char *description = NULL;
  g_autoptr(ArRecord) subject = NULL;
  char *town;

  g_assert_false (ar_undo_stack_get_can_undo (stack));
  set_town (store, school, "Brookby");
  set_town (store, school, "Meadowford");
  g_assert_cmpuint (ar_undo_stack_get_n_undo (stack), ==, 2);

  g_assert_true (ar_undo_stack_undo (stack, &subject, &description, NULL));
  g_assert_cmpstr (description, ==, "changes to “Brookside Primary School”");
  g_assert_cmpint (ar_record_get_id (subject), ==, school);
  town = town_of (store, school);
  g_assert_cmpstr (town, ==, "Brookby");
  g_free (town);
  g_assert_true (ar_undo_stack_undo (stack, NULL, NULL, NULL));
  town = town_of (store, school);
  g_assert_null (town);
  g_assert_false (ar_undo_stack_get_can_undo (stack));
  g_assert_true (ar_undo_stack_get_can_redo (stack));

  g_assert_true (ar_undo_stack_redo (stack, NULL, NULL, NULL));
  town = town_of (store, school);
  g_assert_cmpstr (town, ==, "Brookby");
  g_free (town);

  /* a new change: the undone one cannot come back */
  set_town (store, school, "Oakham");
  g_assert_false (ar_undo_stack_get_can_redo (stack));
}

static gboolean
save_two (ArStore   *store,
          gpointer   data,
          GError   **error)
{
  gint64 *ids = data;

  set_town (store, ids[0], "Brookby");
  set_town (store, ids[1], "Brookby");
  return TRUE;
}

/* One transaction is one step; a delete comes back with what it took. */
static void
test_transaction_and_delete (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 ids[2] = { ar_test_add_school (store, "990201", "Brookside Primary School", area),
                    ar_test_add_school (store, "990202", "Meadow Lane Academy", area) };
  gint64 trust = ar_test_add_trust (store, "Brook Valley Learning Trust", "mat");
  g_autoptr(ArUndoStack) stack = NULL;
  g_autoptr(ArRecord) record = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  char *town;

  ar_test_add_academy (store, trust, ids[0], "2019-09-01", NULL);
  stack = ar_undo_stack_new (store);

  g_assert_true (ar_store_write (store, save_two, ids, NULL));
  g_assert_cmpuint (ar_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_true (ar_undo_stack_undo (stack, NULL, NULL, NULL));
  town = town_of (store, ids[1]);
  g_assert_null (town);

  record = ar_store_get (store, AR_TYPE_TRUST, trust, NULL);
  removed = ar_store_delete (store, record, NULL);
  g_assert_nonnull (removed);
  g_assert_nonnull (ar_undo_stack_peek_removed (stack));
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 0);
  g_assert_true (ar_undo_stack_undo (stack, NULL, NULL, NULL));
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST), ==, 1);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 1);
  g_assert_true (ar_undo_stack_redo (stack, NULL, NULL, NULL));
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 0);
}

/* What cannot be undone step by step (a cleared register, an import on
 * another connection) empties the stacks. */
static void
test_other_changes_clear (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "990201", "Brookside Primary School", area);
  g_autoptr(ArUndoStack) stack = ar_undo_stack_new (store);

  set_town (store, school, "Brookby");
  g_assert_true (ar_undo_stack_get_can_undo (stack));
  ar_store_emit_changed (store, G_TYPE_NONE);
  g_assert_false (ar_undo_stack_get_can_undo (stack));

  set_town (store, school, "Oakham");
  g_assert_true (ar_store_clear (store, NULL));
  g_assert_false (ar_undo_stack_get_can_undo (stack));
}

/* An area that schools are in is not deleted: they would drop out of
 * every summary. */
static void
test_area_in_use (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  gint64 area = ar_test_add_area (store, "857", "Rutland");
  gint64 empty = ar_test_add_area (store, "856", "Leicester");
  g_autoptr(ArRecord) record = ar_store_get (store, AR_TYPE_AREA, area, NULL);
  g_autoptr(ArRecord) empty_record = ar_store_get (store, AR_TYPE_AREA, empty, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) removed = NULL;

  ar_test_add_school (store, "990201", "Oakham Primary School", area);
  ar_test_add_school (store, "990202", "Uppingham Primary School", area);

  removed = ar_store_delete (store, record, &error);
  g_assert_null (removed);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==, "“Rutland” is not deleted: 2 schools are in it. Move them to another area first.");
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_AREA), ==, 2);

  removed = ar_store_delete (store, empty_record, NULL);
  g_assert_nonnull (removed);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_AREA), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/undo-stack/save-undo-redo", test_save_undo_redo);
  g_test_add_func ("/ar/undo-stack/transaction-and-delete", test_transaction_and_delete);
  g_test_add_func ("/ar/undo-stack/other-changes-clear", test_other_changes_clear);
  g_test_add_func ("/ar/undo-stack/area-in-use", test_area_in_use);

  return g_test_run ();
}
