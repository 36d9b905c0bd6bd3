/* test-record-filter-model.c: what a list shows of a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-record-filter-model.h"

typedef struct
{
  const char *query;
  guint       n_checked;
} Query;

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} Change;

static gboolean
name_contains (ArRecord *record,
               gpointer  user_data)
{
  Query *query = user_data;

  query->n_checked++;

  return query->query == NULL || strstr (ar_record_get_text (record, "name"), query->query) != NULL;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->n_signals++;
  change->position = position;
  change->removed = removed;
  change->added = added;
}

static GPtrArray *
schools (const char * const *names)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; names[i] != NULL; i++)
    {
      ArRecord *school = AR_RECORD (ar_school_new ());

      ar_record_set_text (school, "name", names[i]);
      g_ptr_array_add (records, school);
    }

  return records;
}

static ArRecordList *
list_of (GPtrArray *records)
{
  ArRecordList *list = ar_record_list_new (AR_TYPE_SCHOOL);
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (copy, g_object_ref (records->pdata[i]));
  ar_record_list_replace_all (list, copy);

  return list;
}

static char *
shown_names (GListModel *model)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i ? "," : "", ar_record_get_text (record, "name"));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_shown(model, expected) \
  G_STMT_START { \
    g_autofree char *shown_ = shown_names (G_LIST_MODEL (model)); \
    g_assert_cmpstr (shown_, ==, expected); \
  } G_STMT_END

/* A search shows the matching records in the list's order; narrowing it
 * looks only at those shown, widening it at them all. */
static void
test_search (void)
{
  static const char *names[] = { "Ash", "Beech", "Birch", "Cedar", "Elm", "Hazel", "Larch", NULL };
  g_autoptr(GPtrArray) records = schools (names);
  Query query = { NULL, 0 };
  Change change = { 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (list_of (records)), name_contains, &query);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == AR_TYPE_RECORD);
  assert_shown (model, "Ash,Beech,Birch,Cedar,Elm,Hazel,Larch");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 7));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &change);

  query.query = "e";
  query.n_checked = 0;
  ar_record_filter_model_refilter (model, GTK_FILTER_CHANGE_DIFFERENT);
  assert_shown (model, "Beech,Cedar,Hazel");
  g_assert_cmpuint (query.n_checked, ==, 7);
  g_assert_cmpuint (change.n_signals, ==, 1);

  query.query = "ee";
  query.n_checked = 0;
  ar_record_filter_model_refilter (model, GTK_FILTER_CHANGE_MORE_STRICT);
  assert_shown (model, "Beech");
  g_assert_cmpuint (query.n_checked, ==, 3);

  query.query = NULL;
  ar_record_filter_model_refilter (model, GTK_FILTER_CHANGE_LESS_STRICT);
  assert_shown (model, "Ash,Beech,Birch,Cedar,Elm,Hazel,Larch");
  g_assert_cmpuint (change.n_signals, ==, 3);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 7);
}

/* The view is told only the stretch that changed, so rows that stay keep
 * their widgets; a change that changes nothing says nothing. */
static void
test_only_the_change_is_told (void)
{
  static const char *names[] = { "Ash", "Beech", "Birch", "Cedar", "Elm", "Hazel", "Larch", NULL };
  g_autoptr(GPtrArray) records = schools (names);
  Query query = { NULL, 0 };
  Change change = { 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (list_of (records)), name_contains, &query);
  g_autoptr(GPtrArray) reloaded = NULL;
  g_autoptr(ArRecordList) again = list_of (records);
  g_autoptr(ArRecordList) changed = NULL;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* the same records again */
  ar_record_filter_model_set_model (model, G_LIST_MODEL (again));
  g_assert_cmpuint (change.n_signals, ==, 0);

  /* "Cedar" replaced by a new record, "Elm" gone */
  reloaded = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < records->len; i++)
    if (i != 4)
      g_ptr_array_add (reloaded, g_object_ref (records->pdata[i]));
  g_object_unref (g_ptr_array_index (reloaded, 3));
  g_ptr_array_index (reloaded, 3) = AR_RECORD (ar_school_new ());
  ar_record_set_text (g_ptr_array_index (reloaded, 3), "name", "Cedar Lodge");
  changed = list_of (reloaded);
  ar_record_filter_model_set_model (model, G_LIST_MODEL (changed));
  assert_shown (model, "Ash,Beech,Birch,Cedar Lodge,Hazel,Larch");
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 3);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 1);
}

/* A change in the filtered model (a sort, an added record) shows. */
static void
test_follows_its_model (void)
{
  static const char *names[] = { "Oak", "Pine", NULL };
  g_autoptr(GPtrArray) records = schools (names);
  g_autoptr(ArRecordList) list = list_of (records);
  Query query = { "i", 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (g_object_ref (list)), name_contains, &query);
  GPtrArray *more = g_ptr_array_new_with_free_func (g_object_unref);
  static const char *more_names[] = { "Fir", "Oak", "Pine", "Yew", NULL };
  g_autoptr(GPtrArray) added = schools (more_names);

  assert_shown (model, "Pine");
  for (guint i = 0; i < added->len; i++)
    g_ptr_array_add (more, g_object_ref (added->pdata[i]));
  ar_record_list_replace_all (list, more);
  assert_shown (model, "Fir,Pine");

  ar_record_filter_model_set_model (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/record-filter-model/search", test_search);
  g_test_add_func ("/ar/record-filter-model/only-the-change-is-told", test_only_the_change_is_told);
  g_test_add_func ("/ar/record-filter-model/follows-its-model", test_follows_its_model);

  return g_test_run ();
}
