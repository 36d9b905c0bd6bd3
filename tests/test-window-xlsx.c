/* test-window-xlsx.c: the window's exports offer .xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-record-list-page.h"
#include "ar-summary-page.h"
#include "ar-table-reader.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

static ArWindow *
sample_window (ArStore **store)
{
  g_autoptr(GError) error = NULL;
  ArWindow *window;

  *store = ar_store_open_sample (&error);
  g_assert_no_error (error);
  window = ar_window_new (NULL, *store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ar_summary_page_set_area (window->summary_page, "855");
  ar_test_settle ();

  return window;
}

static ArTableReader *
read_table (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ArTableReader *reader = ar_table_reader_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  return reader;
}

/* The list exports are written in the background: wait for the file. */
static void
wait_for_file (const char *path)
{
  for (guint i = 0; i < 10000 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  ar_test_settle ();
}

static gboolean
starts_with (const char *path,
             const char *prefix)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return length >= strlen (prefix) && memcmp (contents, prefix, strlen (prefix)) == 0;
}

static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The label of the menu item for summary.export('target'), or NULL */
static char *
export_item_label (GMenuModel *menu,
                   const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *action = NULL;
      g_autofree char *item_target = NULL;
      char *label = NULL;

      if (section != NULL)
        {
          label = export_item_label (section, target);
          if (label != NULL)
            return label;
          continue;
        }
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action)
          && g_str_equal (action, "summary.export")
          && g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &item_target)
          && g_str_equal (item_target, target)
          && g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return label;
    }

  return NULL;
}

/* The summary's Export menu has a workbook, which exports as one */
static void
test_summary_exports_xlsx (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = sample_window (&store);
  ArSummaryPage *page = window->summary_page;
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "appendix.xlsx", NULL);
  g_autoptr(ArTableReader) reader = NULL;
  g_autofree char *label = NULL;
  GtkMenuButton *button;
  AdwToast *toast;

  button = find_menu_button (GTK_WIDGET (page));
  g_assert_nonnull (button);
  label = export_item_label (gtk_menu_button_get_menu_model (button), "xlsx");
  g_assert_cmpstr (label, ==, "Excel Workbook (XLSX)…");
  gtk_menu_button_popup (button);
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (button)), "summary-export-menu-xlsx.png");
  gtk_menu_button_popdown (button);
  ar_test_settle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "summary.export-to", "(ss)", "xlsx", path));
  ar_test_settle ();
  toast = ar_summary_page_get_last_toast (page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Exported “appendix.xlsx”");

  reader = read_table (path);
  g_assert_cmpint (ar_table_reader_get_format (reader), ==, AR_TABLE_FORMAT_XLSX);
  g_assert_cmpstr (ar_table_reader_get_header (reader, 0), ==, "System Leadership in Leicestershire");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 0), ==, "As at");
  g_assert_true (ar_date_is_valid (ar_table_reader_get_cell (reader, 0, 1)));
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 1, 0), ==, "Leadership role");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A list exports as shown, as a workbook when its name ends .xlsx (in
 * any case), with the rows the CSV export has. */
static void
test_list_exports_xlsx (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = sample_window (&store);
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "Alliances.XLSX", NULL);
  g_autofree char *csv_path = g_build_filename (directory, "alliances.csv", NULL);
  g_autoptr(ArTableReader) reader = NULL;
  g_autoptr(ArTableReader) from_csv = NULL;
  g_autoptr(GBytes) csv_bytes = NULL;
  g_autoptr(GError) error = NULL;
  ArRecordListPage *alliances;
  char *csv;
  guint shown;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "alliances"));
  ar_test_settle ();
  alliances = ar_window_get_page_for_type (window, AR_TYPE_ALLIANCE);
  ar_record_list_page_set_search (alliances, "teaching");
  ar_test_settle ();
  shown = ar_record_list_page_get_n_shown (alliances);
  g_assert_cmpuint (shown, >, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-list-to", "s", path));
  wait_for_file (path);
  g_assert_true (starts_with (path, "PK"));
  ar_test_screenshot (GTK_WIDGET (window), "list-exported-xlsx.png");

  csv = ar_record_list_page_to_csv (alliances, NULL);
  csv_bytes = g_bytes_new_take (csv, strlen (csv));
  from_csv = ar_table_reader_new_for_bytes (csv_bytes, "alliances.csv", &error);
  g_assert_no_error (error);
  reader = read_table (path);
  g_assert_cmpstr (ar_table_reader_get_sheet_name (reader), ==, "Alliances");
  g_assert_cmpuint (ar_table_reader_get_n_rows (reader), ==, shown);
  g_assert_cmpuint (ar_table_reader_get_n_columns (reader), ==, ar_table_reader_get_n_columns (from_csv));
  for (guint r = 0; r < shown; r++)
    for (guint c = 0; c < ar_table_reader_get_n_columns (from_csv); c++)
      g_assert_cmpstr (ar_table_reader_get_cell (reader, r, c), ==, ar_table_reader_get_cell (from_csv, r, c));

  /* a .csv name still gives CSV */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-list-to", "s", csv_path));
  wait_for_file (csv_path);
  g_assert_true (starts_with (csv_path, "\"Name\","));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/window-xlsx/summary-exports-xlsx", test_summary_exports_xlsx);
  g_test_add_func ("/ar/window-xlsx/list-exports-xlsx", test_list_exports_xlsx);

  return g_test_run ();
}
