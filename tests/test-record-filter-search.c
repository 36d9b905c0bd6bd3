/* test-record-filter-search.c: a search matched in a thread
 *
 * ArRecordFilterModel's search of a long model runs in a thread: its
 * result is what a plain filter shows, a later search always wins, and
 * a model changed or freed while one runs is left right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-record-filter-model.h"
#include "ar-test-util.h"

/* Names "Oak 0000" to "Ash 2999", a tree in turn, with an area each. */
static GPtrArray *
trees (guint n)
{
  static const char *kinds[] = { "Oak", "Ash", "Élm", "Birch", "Hazel" };
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      ArRecord *school = AR_RECORD (ar_school_new ());
      g_autofree char *name = g_strdup_printf ("%s %04u", kinds[i % G_N_ELEMENTS (kinds)], i);

      ar_record_set_text (school, "name", name);
      ar_record_set_integer (school, "area_id", 1 + i % 3);
      g_ptr_array_add (records, school);
    }

  return records;
}


/* The area filter, which the list page's match function has. */
static gboolean
in_area (ArRecord *record,
         gpointer  user_data)
{
  gint64 *area = user_data;

  return *area == 0 || ar_record_get_integer (record, "area_id") == *area;
}

static void
wait_until_done (ArRecordFilterModel *model)
{
  while (ar_record_filter_model_get_pending (model))
    g_main_context_iteration (NULL, TRUE);
}

/* What a plain, synchronous filter shows of @records. */
static void
assert_as_plain (ArRecordFilterModel *model,
                 GPtrArray           *records,
                 const char          *query,
                 gint64               area)
{
  g_autofree char *folded = query ? g_utf8_casefold (query, -1) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint shown = 0;

  for (guint i = 0; i < records->len; i++)
    {
      ArRecord *record = records->pdata[i];

      if ((folded == NULL || strstr (ar_record_get_search_key (record), folded) != NULL)
          && in_area (record, &area))
        {
          g_autoptr(ArRecord) item = NULL;

          g_assert_cmpuint (shown, <, n);
          item = g_list_model_get_item (G_LIST_MODEL (model), shown);
          g_assert_true (item == record);
          shown++;
        }
    }
  g_assert_cmpuint (shown, ==, n);
}

static ArRecordFilterModel *
model_of (GPtrArray *records,
          gint64    *area)
{
  ArRecordFilterModel *model = ar_record_filter_model_new (NULL, in_area, area);
  g_autoptr(ArRecordList) list = ar_test_school_list_new (records);

  /* read again: the keys a thread searches are taken when it is read */
  ar_record_filter_model_set_thread_from (model, 100);
  ar_record_filter_model_set_model (model, G_LIST_MODEL (list));

  return model;
}

/* Searched in a thread: the keystroke changes nothing yet, and what
 * comes is what a plain filter shows, in any case and alphabet. */
static void
test_as_plain (void)
{
  g_autoptr(GPtrArray) records = trees (3000);
  gint64 area = 0;
  g_autoptr(ArRecordFilterModel) model = model_of (records, &area);
  g_autofree char *elm = g_utf8_casefold ("ÉLM 1", -1);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3000);
  ar_record_filter_model_search (model, "oak", 0, 40);
  g_assert_true (ar_record_filter_model_get_pending (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3000);
  wait_until_done (model);
  assert_as_plain (model, records, "oak", 0);

  ar_record_filter_model_search (model, elm, 0, 40);
  wait_until_done (model);
  assert_as_plain (model, records, "élm 1", 0);

  /* the area's filter and the search together */
  area = 2;
  ar_record_filter_model_refilter (model, GTK_FILTER_CHANGE_DIFFERENT);
  assert_as_plain (model, records, "élm 1", 2);
  ar_record_filter_model_search (model, "9", 0, 40);
  wait_until_done (model);
  assert_as_plain (model, records, "9", 2);

  /* cleared */
  ar_record_filter_model_search (model, NULL, 0, 40);
  wait_until_done (model);
  assert_as_plain (model, records, NULL, 2);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *strangers)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (model, i);

      if (strstr (ar_record_get_search_key (record), "hazel 1") == NULL)
        ++*strangers;
    }
}

/* Keys faster than the thread: each search forgets the one before, and
 * no row of an older one ever comes in after the last has started. */
static void
test_last_wins (void)
{
  static const char *keys[] = { "a", "h", "ha", "haz", "hazel", "hazel ", "hazel 1" };
  g_autoptr(GPtrArray) records = trees (20000);
  gint64 area = 0;
  g_autoptr(ArRecordFilterModel) model = model_of (records, &area);
  guint strangers = 0;
  gulong handler;

  for (guint round = 0; round < 3; round++)
    {
      ar_record_filter_model_search (model, NULL, 0, 40);
      wait_until_done (model);
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          ar_record_filter_model_search (model, keys[i], 0, 40);
          /* the first time the main loop takes in what has come back;
           * then the threads finish and their results wait, to come in
           * after the last key */
          if (round == 0)
            g_main_context_iteration (NULL, FALSE);
          else
            g_usleep (round * 10000);
        }
      handler = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &strangers);
      wait_until_done (model);
      /* a stale search has nothing more to come either */
      for (int i = 0; i < 20; i++)
        {
          g_usleep (5000);
          while (g_main_context_iteration (NULL, FALSE))
            ;
        }
      g_signal_handler_disconnect (model, handler);
      g_assert_cmpuint (strangers, ==, 0);
      assert_as_plain (model, records, "hazel 1", 0);
    }
}

/* Spins the main loop long enough for any search to come back. */
static void
let_threads_finish (void)
{
  for (int i = 0; i < 40; i++)
    {
      g_usleep (5000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

/* The area's filter changed, a reload, or a caller that cannot wait,
 * while a search runs: the list is worked out afresh at once, and the
 * search's own result, when it comes, is not shown. */
static void
test_changed_meanwhile (void)
{
  g_autoptr(GPtrArray) records = trees (20000);
  g_autoptr(GPtrArray) reloaded = trees (5000);
  gint64 area = 0;
  g_autoptr(ArRecordFilterModel) model = model_of (records, &area);
  g_autoptr(ArRecordList) list = ar_test_school_list_new (reloaded);

  ar_record_filter_model_search (model, "oak", 0, 40);
  area = 2;
  ar_record_filter_model_refilter (model, GTK_FILTER_CHANGE_DIFFERENT);
  g_assert_false (ar_record_filter_model_get_pending (model));
  assert_as_plain (model, records, "oak", 2);
  let_threads_finish ();
  assert_as_plain (model, records, "oak", 2);

  /* narrowing the area while the search runs: the search is not narrowed
   * from what an older search showed */
  ar_record_filter_model_search (model, "o", 0, 40);
  ar_record_filter_model_refilter (model, GTK_FILTER_CHANGE_MORE_STRICT);
  assert_as_plain (model, records, "o", 2);
  let_threads_finish ();
  assert_as_plain (model, records, "o", 2);

  /* a reload */
  ar_record_filter_model_search (model, "ash", 0, 40);
  ar_record_filter_model_set_model_gradually (model, G_LIST_MODEL (list), 0, 40);
  wait_until_done (model);
  assert_as_plain (model, reloaded, "ash", 2);
  let_threads_finish ();
  assert_as_plain (model, reloaded, "ash", 2);

  /* finished at once */
  ar_record_filter_model_search (model, "birch 1", 0, 40);
  g_assert_true (ar_record_filter_model_get_pending (model));
  ar_record_filter_model_finish (model);
  g_assert_false (ar_record_filter_model_get_pending (model));
  assert_as_plain (model, reloaded, "birch 1", 2);
  let_threads_finish ();
  assert_as_plain (model, reloaded, "birch 1", 2);
}

/* Freed while its search runs (a window closed after a keystroke):
 * the search's end finds nothing to show it in. */
static void
test_freed_meanwhile (void)
{
  g_autoptr(GPtrArray) records = trees (20000);
  gint64 area = 0;
  ArRecordFilterModel *model = model_of (records, &area);

  ar_record_filter_model_search (model, "a", 0, 40);
  g_assert_true (ar_record_filter_model_get_pending (model));
  g_object_unref (model);
  let_threads_finish ();

  /* and after its rows started coming in */
  model = model_of (records, &area);
  ar_record_filter_model_search (model, "oak", 0, 40);
  while (ar_record_filter_model_get_pending (model) && g_list_model_get_n_items (G_LIST_MODEL (model)) == 20000)
    g_main_context_iteration (NULL, TRUE);
  ar_record_filter_model_search (model, "ash", 0, 40);
  g_object_unref (model);
  let_threads_finish ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/record-filter-search/as-plain", test_as_plain);
  g_test_add_func ("/ar/record-filter-search/last-wins", test_last_wins);
  g_test_add_func ("/ar/record-filter-search/changed-meanwhile", test_changed_meanwhile);
  g_test_add_func ("/ar/record-filter-search/freed-meanwhile", test_freed_meanwhile);

  return g_test_run ();
}
