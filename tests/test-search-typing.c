/* test-search-typing.c: typing in a list's search entry
 *
 * The schools list of the sample register, searched as a user types:
 * quickly, a key at a time, with the matching done away from the main
 * loop; the rows shown in the end are the last text's, never an older
 * search's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-application.h"
#include "ar-record-list-page.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

typedef struct
{
  ArStore          *store;
  ArWindow         *window;
  ArRecordListPage *list;
  GListModel       *rows;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = ar_store_open_sample (&error);
  g_assert_no_error (error);
  f->window = ar_test_window_new (f->store, 1280, 800);

  f->list = ar_test_page (f->window, AR_TYPE_SCHOOL);
  ar_test_activate (f->window, "win.show-section", "schools");
  f->rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (ar_test_find_widget (GTK_WIDGET (f->list),
                                                                                         GTK_TYPE_COLUMN_VIEW))));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  ar_test_settle ();
  g_clear_object (&f->store);
}

/* Waits as a user does, without hurrying the page: until it has
 * finished, then a while longer for any older search to come back. */
static void
wait_for_rows (Fixture *f)
{
  gint64 until;

  while (ar_record_list_page_is_loading (f->list))
    g_main_context_iteration (NULL, TRUE);
  until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      ar_test_settle ();
      g_usleep (10000);
    }
  ar_test_settle ();
  g_assert_false (ar_record_list_page_is_loading (f->list));
}

/* The schools whose text holds @text, in any case. */
static guint
count_matching (Fixture    *f,
                const char *text)
{
  g_autoptr(GListModel) schools = ar_store_list (f->store, AR_TYPE_SCHOOL, NULL);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ArRecord) school = g_list_model_get_item (schools, i);

      if (strstr (ar_record_get_search_key (school), folded) != NULL)
        n++;
    }

  return n;
}

/* The rows shown are exactly the schools @text finds. */
static void
assert_rows_match (Fixture    *f,
                   const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  guint n = g_list_model_get_n_items (f->rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ArRecord) school = g_list_model_get_item (f->rows, i);

      if (strstr (ar_record_get_search_key (school), folded) == NULL)
        g_error ("“%s” shows “%s”", text, ar_record_get_text (school, "name"));
    }
  g_assert_cmpuint (n, ==, count_matching (f, text));
}

static void
on_rows_changed (GListModel *rows,
                 guint       position,
                 guint       removed,
                 guint       added,
                 guint      *strangers)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ArRecord) school = g_list_model_get_item (rows, i);

      if (strstr (ar_record_get_search_key (school), "k") == NULL)
        ++*strangers;
    }
}

/* A search set from code narrows the list it had: no other row comes
 * in on the way (the entry is empty for a moment while its text is
 * replaced, and an empty search entry signals at once). */
static void
test_set_search_goes_straight (Fixture       *f,
                               gconstpointer  data)
{
  guint strangers = 0;
  gulong handler;

  ar_record_list_page_set_search (f->list, "k");
  wait_for_rows (f);
  g_assert_cmpuint (g_list_model_get_n_items (f->rows), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (f->rows), <, count_matching (f, ""));

  handler = g_signal_connect (f->rows, "items-changed", G_CALLBACK (on_rows_changed), &strangers);
  ar_record_list_page_set_search (f->list, "ki");
  wait_for_rows (f);
  g_signal_handler_disconnect (f->rows, handler);
  g_assert_cmpuint (strangers, ==, 0);
  assert_rows_match (f, "ki");
}

/* Keys typed faster than the search: the last text wins. */
static void
test_typing_quickly (Fixture       *f,
                     gconstpointer  data)
{
  static const char *texts[] = { "s", "sc", "sch", "scho", "school", "ki", "k", "", "pr", "p", "par", "x" };
  GtkEditable *entry = GTK_EDITABLE (ar_test_find_widget (GTK_WIDGET (f->list), GTK_TYPE_SEARCH_ENTRY));

  /* searched in a thread, as a long list is */
  ar_record_list_page_set_thread_from (f->list, 0);
  ar_record_list_page_reload (f->list);
  wait_for_rows (f);
  ar_record_list_page_focus_search (f->list);
  ar_test_settle ();
  for (guint round = 0; round < G_N_ELEMENTS (texts); round++)
    {
      const char *text = texts[round];

      /* a key at a time, each one signalled at once, as after the
       * entry's pause */
      gtk_editable_set_text (entry, "");
      for (const char *c = text; *c != '\0'; c++)
        {
          int position = -1;

          gtk_editable_insert_text (entry, c, 1, &position);
          g_signal_emit_by_name (entry, "search-changed");
          g_main_context_iteration (NULL, FALSE);
        }
      wait_for_rows (f);
      assert_rows_match (f, text);
    }
  ar_test_screenshot (GTK_WIDGET (f->window), "search-typing.png");
}

/* The area chosen while a search runs: the rows are those of both. */
static void
test_area_meanwhile (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GListModel) areas = ar_store_list (f->store, AR_TYPE_AREA, NULL);
  g_autoptr(ArRecord) area = g_list_model_get_item (areas, 0);
  guint n;

  ar_record_list_page_set_thread_from (f->list, 0);
  ar_record_list_page_reload (f->list);
  wait_for_rows (f);
  ar_record_list_page_set_search (f->list, "s");
  ar_record_list_page_set_area_filter (f->list, ar_record_get_id (area));
  wait_for_rows (f);
  n = g_list_model_get_n_items (f->rows);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ArRecord) school = g_list_model_get_item (f->rows, i);

      g_assert_nonnull (strstr (ar_record_get_search_key (school), "s"));
      g_assert_cmpint (ar_record_get_integer (school, "area_id"), ==, ar_record_get_id (area));
    }
  /* and cleared meanwhile: every school of the area */
  ar_record_list_page_set_search (f->list, "sch");
  ar_record_list_page_set_search (f->list, "");
  wait_for_rows (f);
  {
    g_autoptr(GListModel) schools = ar_store_list (f->store, AR_TYPE_SCHOOL, NULL);
    guint in_area = 0;

    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(ArRecord) school = g_list_model_get_item (schools, i);

        in_area += ar_record_get_integer (school, "area_id") == ar_record_get_id (area);
      }
    g_assert_cmpuint (g_list_model_get_n_items (f->rows), ==, in_area);
    g_assert_cmpuint (in_area, >=, n);
  }
}

/* The window closed while a search runs. */
static void
test_closed_meanwhile (Fixture       *f,
                       gconstpointer  data)
{
  ar_record_list_page_set_thread_from (f->list, 0);
  ar_record_list_page_reload (f->list);
  wait_for_rows (f);
  ar_record_list_page_set_search (f->list, "pr");
  g_assert_true (ar_record_list_page_is_loading (f->list));
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&f->window)));
  for (int i = 0; i < 30; i++)
    {
      g_usleep (10000);
      ar_test_settle ();
    }
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add ("/ar/search-typing/set-search-goes-straight", Fixture, NULL,
              fixture_set_up, test_set_search_goes_straight, fixture_tear_down);

  g_test_add ("/ar/search-typing/typing-quickly", Fixture, NULL,
              fixture_set_up, test_typing_quickly, fixture_tear_down);

  g_test_add ("/ar/search-typing/area-meanwhile", Fixture, NULL,
              fixture_set_up, test_area_meanwhile, fixture_tear_down);
  g_test_add ("/ar/search-typing/closed-meanwhile", Fixture, NULL,
              fixture_set_up, test_closed_meanwhile, fixture_tear_down);

  return g_test_run ();
}
