/* test-window-print-file.c: the window's "print to file" writes through
 * the same safe writer as the exports and the command line's --output:
 * never over the open register, through a link to its target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ar-support-report-window.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode;
}

static GBytes *
bytes_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* A register file with an area, a school and a deployment to print. */
static ArStore *
register_to_print (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) sample = ar_store_open_sample (&error);
  g_autofree char *json = NULL;
  ArStore *store = ar_test_store_new ();

  g_assert_no_error (error);
  json = ar_test_export (sample);
  g_assert_true (ar_register_json_import (store, json, strlen (json), "sample.json", TRUE, &error));
  g_assert_no_error (error);

  return store;
}

/* The summary page's print to file: onto the open register (by name or
 * through a link) is refused and the register is untouched; through a
 * link to a private file, the link stays and the file stays private. */
static void
test_summary_print_to_file (void)
{
  g_autoptr(ArStore) store = register_to_print ();
  const char *register_path = ar_store_get_path (store);
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *register_link = g_build_filename (directory, "register-link.pdf", NULL);
  g_autofree char *target = g_build_filename (directory, "summary.pdf", NULL);
  g_autofree char *link = g_build_filename (directory, "latest.pdf", NULL);
  g_autoptr(GBytes) before = bytes_of (register_path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) printed = NULL;
  ArWindow *window = ar_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ar_summary_page_set_area (window->summary_page, "855");
  ar_test_settle ();

  g_assert_cmpint (symlink (register_path, register_link), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->summary_page), "summary.print-to-file", "s",
                                             register_path));
  ar_test_settle ();
  g_assert_true (ar_test_shows_text (GTK_WIDGET (window), "it is the open register"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->summary_page), "summary.print-to-file", "s",
                                             register_link));
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (window), "print-onto-register.png");
  after = bytes_of (register_path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (S_ISLNK (mode_of (register_link)));

  g_assert_true (g_file_set_contents (target, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("summary.pdf", link), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->summary_page), "summary.print-to-file", "s", link));
  ar_test_settle ();
  g_assert_true (S_ISLNK (mode_of (link)));
  g_assert_cmpuint (mode_of (target) & 07777, ==, 0600);
  printed = bytes_of (target);
  g_assert_cmpuint (g_bytes_get_size (printed), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (printed, NULL), 4, "%PDF", 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The support report's print to file: the open register is refused, said
 * in the window's error dialog. */
static void
test_support_report_print_to_file (void)
{
  g_autoptr(ArStore) store = register_to_print ();
  const char *register_path = ar_store_get_path (store);
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *pdf = g_build_filename (directory, "support.pdf", NULL);
  g_autoptr(GBytes) before = bytes_of (register_path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) printed = NULL;
  ArSupportReportWindow *report_window = ar_support_report_window_new (NULL, store, "855");
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (report_window));
  ar_support_report_window_set_period (report_window, "2025-09-01", "2026-08-31");
  ar_test_settle ();
  g_assert_nonnull (ar_support_report_window_get_report (report_window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report_window), "report.print-to-file", "s", register_path));
  ar_test_settle ();
  after = bytes_of (register_path);
  g_assert_true (g_bytes_equal (before, after));
  dialog = ADW_MESSAGE_DIALOG (ar_test_find_message_dialog (GTK_WINDOW (report_window)));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "it is the open register"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report_window), "report.print-to-file", "s", pdf));
  ar_test_settle ();
  printed = bytes_of (pdf);
  g_assert_cmpmem (g_bytes_get_data (printed, NULL), 4, "%PDF", 4);

  gtk_window_destroy (GTK_WINDOW (report_window));
}

int
main (int    argc,
      char **argv)
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/window-print-file/summary", test_summary_print_to_file);
  g_test_add_func ("/ar/window-print-file/support-report", test_support_report_print_to_file);

  return g_test_run ();
}
