/* test-summary-compare.c: the summary page's "Compare with" date: off by
 * default, checked like the as-at date, and the change in the preview, the
 * print and the exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-summary-page.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

#define MINUS "\xe2\x88\x92"

static ArWindow *
sample_window (ArStore **store,
               int       width)
{
  g_autoptr(GError) error = NULL;
  ArWindow *window;

  *store = ar_store_open_sample (&error);
  g_assert_no_error (error);
  window = ar_window_new (NULL, *store);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ar_summary_page_set_area (window->summary_page, "855");
  ar_summary_page_set_as_at (window->summary_page, "2026-11-23");
  ar_test_settle ();

  return window;
}

static GtkWidget *
find_nth (GtkWidget *widget,
          GType      type,
          guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  ar_test_find_all (widget, type, found);
  g_assert_cmpuint (found->len, >, n);

  return g_ptr_array_index (found, n);
}

/* The page's widgets as a user finds them: the as-at entry comes first,
 * then the comparison's check and entry. */
typedef struct
{
  GtkWidget *as_at;
  GtkWidget *check;
  GtkWidget *entry;
  GtkWidget *table;
} Controls;

static Controls
controls (ArWindow *window)
{
  GtkWidget *page = GTK_WIDGET (window->summary_page);
  Controls c;

  c.as_at = find_nth (page, GTK_TYPE_ENTRY, 0);
  c.entry = find_nth (page, GTK_TYPE_ENTRY, 1);
  c.check = find_nth (page, GTK_TYPE_CHECK_BUTTON, 0);
  c.table = NULL;
  for (guint i = 0; c.table == NULL; i++)
    if (gtk_widget_has_css_class (find_nth (page, GTK_TYPE_GRID, i), "summary-table"))
      c.table = find_nth (page, GTK_TYPE_GRID, i);

  return c;
}

static gboolean
can_leave_page (ArWindow *window)
{
  GtkWidget *page = GTK_WIDGET (window->summary_page);
  gboolean print = gtk_widget_get_sensitive (ar_test_find_actionable (page, GTK_TYPE_ACTIONABLE, "summary.print"));

  g_assert_cmpint (print, ==, gtk_widget_get_sensitive (ar_test_find_actionable (page, GTK_TYPE_ACTIONABLE, "summary.copy")));
  g_assert_cmpint (print, ==, gtk_widget_get_sensitive (find_nth (page, GTK_TYPE_MENU_BUTTON, 0)));

  return print;
}

static guint
table_columns (GtkWidget *table)
{
  guint n = 0;

  while (gtk_grid_get_child_at (GTK_GRID (table), n, 0) != NULL)
    n++;

  return n;
}

/* The text of the preview's cell at @column of the row for @title. */
static const char *
preview_cell (GtkWidget  *table,
              const char *title,
              int         column)
{
  for (int row = 1; gtk_grid_get_child_at (GTK_GRID (table), 0, row) != NULL; row++)
    {
      GtkWidget *label = gtk_grid_get_child_at (GTK_GRID (table), 0, row);

      if (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), title))
        return gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), column, row)));
    }

  g_assert_not_reached ();
}

static void
scroll_to_table (ArWindow *window)
{
  GtkWidget *scrolled = find_nth (GTK_WIDGET (window->summary_page), GTK_TYPE_SCROLLED_WINDOW, 0);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (adjustment, 150);
  ar_test_settle ();
}

static void
test_compare (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = sample_window (&store, 1280);
  ArSummaryPage *page = window->summary_page;
  Controls c = controls (window);
  g_autofree char *dir = ar_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "compared.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "compared.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *written = NULL;

  /* off by default: the summary as it always was */
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (c.check)));
  g_assert_false (gtk_widget_is_sensitive (c.entry));
  g_assert_null (ar_summary_get_compare_to (ar_summary_page_get_summary (page)));
  g_assert_cmpuint (table_columns (c.table), ==, 3);

  /* on: a first guess, the start of the as-at date's academic year */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (c.check), TRUE);
  ar_test_settle ();
  g_assert_true (gtk_widget_is_sensitive (c.entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (c.entry)), ==, "2026-09-01");
  g_assert_cmpstr (ar_summary_get_compare_to (ar_summary_page_get_summary (page)), ==, "2026-09-01");
  g_assert_true (can_leave_page (window));

  /* typed: the preview shows both dates and the change */
  gtk_editable_set_text (GTK_EDITABLE (c.entry), "2020-01-01");
  ar_test_settle ();
  g_assert_cmpstr (ar_summary_get_compare_to (ar_summary_page_get_summary (page)), ==, "2020-01-01");
  g_assert_cmpuint (table_columns (c.table), ==, 5);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (c.table), 3, 0))), ==, "Change");
  g_assert_cmpstr (preview_cell (c.table, "Teaching School", 1), ==, "7");
  g_assert_cmpstr (preview_cell (c.table, "Teaching School", 2), ==, "6");
  g_assert_cmpstr (preview_cell (c.table, "Teaching School", 3), ==, MINUS "1");
  g_assert_cmpstr (preview_cell (c.table, "Local Leader", 3), ==, "+2");
  g_assert_cmpstr (preview_cell (c.table, "National Leader of Governance", 3), ==, "no change");
  ar_test_screenshot (GTK_WIDGET (window), "summary-compare.png");
  scroll_to_table (window);
  ar_test_screenshot (GTK_WIDGET (window), "summary-compare-table.png");

  /* print and export carry the comparison */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "summary.print-to-file", "s", pdf));
  ar_test_settle ();
  text = ar_test_command_output ("pdftotext '%s' -", pdf);
  g_assert_nonnull (strstr (text, "As at 23 November 2026, compared with 1 January 2020"));
  g_assert_nonnull (strstr (text, "Change"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "summary.export-to", "(ss)", "csv", csv));
  ar_test_settle ();
  g_assert_true (g_file_get_contents (csv, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "\"Number on 1 January 2020\",\"Number on 23 November 2026\",\"Change\""));

  /* off again: the extra columns go */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (c.check), FALSE);
  ar_test_settle ();
  g_assert_null (ar_summary_get_compare_to (ar_summary_page_get_summary (page)));
  g_assert_cmpuint (table_columns (c.table), ==, 3);
  /* and on, the date typed is kept */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (c.check), TRUE);
  ar_test_settle ();
  g_assert_cmpstr (ar_summary_get_compare_to (ar_summary_page_get_summary (page)), ==, "2020-01-01");

  gtk_window_destroy (GTK_WINDOW (window));
  ar_test_remove_dir (dir);
}

/* A comparison date that does not read: marked at its field, not the
 * as-at field; the last good table stays; nothing leaves the page. */
static void
test_bad_compare_date (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = sample_window (&store, 1280);
  ArSummaryPage *page = window->summary_page;
  Controls c = controls (window);
  g_autofree char *dir = ar_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "refused.pdf", NULL);
  ArSummary *good;
  const char *bad[] = { "2020-13-01", "2020-02-30", "1/1/2020", "" };

  ar_summary_page_set_compare_to (page, "2020-01-01");
  ar_test_settle ();
  good = ar_summary_page_get_summary (page);
  g_assert_cmpstr (ar_summary_get_compare_to (good), ==, "2020-01-01");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (c.entry), bad[i]);
      ar_test_settle ();
      g_assert_false (ar_summary_page_get_date_ok (page));
      g_assert_true (gtk_widget_has_css_class (c.entry, "error"));
      g_assert_false (gtk_widget_has_css_class (c.as_at, "error"));
      g_assert_true (ar_summary_page_get_summary (page) == good);
      g_assert_false (can_leave_page (window));
      gtk_widget_activate_action (GTK_WIDGET (page), "summary.print-to-file", "s", pdf);
      ar_test_settle ();
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      if (i == 0)
        ar_test_screenshot (GTK_WIDGET (window), "summary-compare-bad-date.png");
    }

  /* turning the comparison off clears the problem */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (c.check), FALSE);
  ar_test_settle ();
  g_assert_true (ar_summary_page_get_date_ok (page));
  g_assert_false (gtk_widget_has_css_class (c.entry, "error"));
  g_assert_true (can_leave_page (window));

  /* on again with the field left empty: the first guess again */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (c.check), TRUE);
  ar_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (c.entry)), ==, "2026-09-01");
  g_assert_true (ar_summary_page_get_date_ok (page));

  /* fixed by hand: all comes back */
  gtk_editable_set_text (GTK_EDITABLE (c.entry), "2025-02-29");
  ar_test_settle ();
  g_assert_false (ar_summary_page_get_date_ok (page));
  gtk_editable_set_text (GTK_EDITABLE (c.entry), "2025-11-23");
  ar_test_settle ();
  g_assert_true (ar_summary_page_get_date_ok (page));
  g_assert_false (gtk_widget_has_css_class (c.entry, "error"));
  g_assert_true (can_leave_page (window));
  g_assert_cmpstr (ar_summary_get_compare_to (ar_summary_page_get_summary (page)), ==, "2025-11-23");

  /* a bad as-at date is the as-at field's problem, with the comparison on */
  ar_summary_page_set_as_at (page, "2026-11-31");
  ar_test_settle ();
  g_assert_false (ar_summary_page_get_date_ok (page));
  g_assert_true (gtk_widget_has_css_class (c.as_at, "error"));
  g_assert_false (gtk_widget_has_css_class (c.entry, "error"));
  g_assert_false (can_leave_page (window));

  gtk_window_destroy (GTK_WINDOW (window));
  ar_test_remove_dir (dir);
}

/* A phone's width: the controls stack, the table still reads. */
static void
test_narrow (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = sample_window (&store, 360);
  int width;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "summary"));
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (window), "summary-360.png");
  width = gtk_widget_get_width (GTK_WIDGET (window));
  ar_summary_page_set_compare_to (window->summary_page, "2020-01-01");
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (window), "summary-compare-360.png");
  scroll_to_table (window);
  ar_test_screenshot (GTK_WIDGET (window), "summary-compare-360-table.png");
  /* the comparison's columns and date line do not widen the window */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/summary-compare/compare", test_compare);
  g_test_add_func ("/ar/summary-compare/bad-compare-date", test_bad_compare_date);
  g_test_add_func ("/ar/summary-compare/narrow", test_narrow);

  return g_test_run ();
}
