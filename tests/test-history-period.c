/* test-history-period.c: the History page's period, in the days the list
 * shows (local time, though the register keeps UTC), and its date entries
 * in a narrow window
 *
 * Screenshots go to $AR_BUILD_DIR/screenshots/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#include "ar-history-page.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

/* Moves every history entry of @store to @at (UTC), as if made then */
static void
set_entry_times (ArStore    *store,
                 const char *at)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE history_entry SET at = '%s'", at);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (ar_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* In Auckland (UTC+12 in winter) a change at 13:30 UTC on 30 June is
 * shown at 01:30 on 1 July, so it is a change of 1 July: the period
 * follows the day the list shows, not the UTC one. */
static void
test_local_days (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  ArHistoryPage *history;
  ArWindow *window;
  g_autofree char *start = ar_history_day_start ("2026-07-01", 0);
  g_autofree char *end = ar_history_day_start ("2026-07-01", 1);
  g_autofree char *shown = ar_history_format_time ("2026-06-30T13:30:00Z");

  g_assert_cmpstr (start, ==, "2026-06-30T12:00:00Z");
  g_assert_cmpstr (end, ==, "2026-07-01T12:00:00Z");
  g_assert_cmpstr (shown, ==, "2026-07-01 01:30");
  g_assert_null (ar_history_day_start ("2026-7", 0));

  ar_test_add_school (store, "120001", "Oak Primary School", 0);
  set_entry_times (store, "2026-06-30T13:30:00Z");
  window = ar_test_window_new (store, 1280, 800);
  history = window->history_page;
  ar_test_activate (window, "win.show-section", "history");

  ar_history_page_set_period (history, "2026-07-01", "2026-07-01");
  g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, 1);
  g_assert_true (ar_test_shows_text (GTK_WIDGET (history), "2026-07-01 01:30"));
  ar_history_page_set_period (history, "2026-07-01", NULL);
  g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, 1);
  ar_history_page_set_period (history, NULL, "2026-06-30");
  g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, 0);
  ar_history_page_set_period (history, "2026-07-02", NULL);
  g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, 0);

  /* the last moment of the local day is still in it, the next is not */
  set_entry_times (store, "2026-07-01T11:59:59Z");
  g_signal_emit_by_name (store, "changed", AR_TYPE_SCHOOL);
  ar_test_settle ();
  ar_history_page_set_period (history, NULL, "2026-07-01");
  g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, 1);
  set_entry_times (store, "2026-07-01T12:00:00Z");
  g_signal_emit_by_name (store, "changed", AR_TYPE_SCHOOL);
  ar_test_settle ();
  ar_history_page_set_period (history, NULL, "2026-07-01");
  g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  ar_test_settle ();
}

/* At the narrowest the window goes, each date entry still shows all of
 * its placeholder, so the user knows which is which and the form */
static void
test_narrow (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  ArWindow *window;
  GtkWidget *page;

  g_assert_no_error (error);
  window = ar_test_window_new (store, 360, 700);
  ar_test_activate (window, "win.show-section", "history");
  page = GTK_WIDGET (window->history_page);
  ar_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);

  ar_test_screenshot (GTK_WIDGET (window), "history-page-360.png");
  ar_test_find_all (page, GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (entries, i);
      /* GtkText shows the placeholder in a label of its own */
      GtkWidget *placeholder = ar_test_find_widget (entry, GTK_TYPE_LABEL);

      g_assert_nonnull (placeholder);
      g_assert_true (gtk_widget_get_mapped (placeholder));
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (placeholder))))
        g_error ("“%s” is cut short in an entry %d px wide", gtk_label_get_text (GTK_LABEL (placeholder)),
                 gtk_widget_get_width (entry));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  ar_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  /* before GLib first reads the local time zone */
  g_setenv ("TZ", "Pacific/Auckland", TRUE);
  tzset ();
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/history-period/local-days", test_local_days);
  g_test_add_func ("/history-period/narrow", test_narrow);

  return g_test_run ();
}
