/* test-gias-import-dialog.c: importing GIAS extracts from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-application.h"
#include "ar-gias-import-dialog.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"

static void
wait_for_result (ArGiasImportDialog *dialog)
{
  while (g_strcmp0 (ar_gias_import_dialog_get_stage (dialog), "result") != 0)
    g_main_context_iteration (NULL, TRUE);
}

static char *
data_file (const char *name)
{
  return g_build_filename (g_getenv ("AR_TEST_DATA"), "gias", name, NULL);
}

static void
test_import_shows_report (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *groups = data_file ("allgroupsdata-2024.csv");
  g_autofree char *establishments = data_file ("establishments-2024-cp1252.csv");
  g_autofree char *links = data_file ("alllinksdata-2024.csv");
  const char *paths[] = { groups, establishments, links, NULL };
  ArGiasImportDialog *dialog = ar_gias_import_dialog_new (NULL, store);
  g_autofree char *report = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpstr (ar_gias_import_dialog_get_stage (dialog), ==, "start");
  ar_test_screenshot (GTK_WIDGET (dialog), "gias-import-start.png");

  ar_gias_import_dialog_start (dialog, paths);
  wait_for_result (dialog);

  g_assert_cmpstr (ar_gias_import_dialog_get_result_title (dialog), ==, "Import Finished");
  report = ar_gias_import_dialog_dup_report (dialog);
  g_assert_nonnull (strstr (report, "Schools: 7 added"));
  g_assert_nonnull (strstr (report, "line 8: URN “12A456” is not six digits"));
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 7);
  ar_test_screenshot (GTK_WIDGET (dialog), "gias-import-report.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_chosen_areas (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *establishments = data_file ("establishments-2024-cp1252.csv");
  const char *paths[] = { establishments, NULL };
  ArGiasImportDialog *dialog = ar_gias_import_dialog_new (NULL, store);

  gtk_window_present (GTK_WINDOW (dialog));
  ar_gias_import_dialog_set_areas (dialog, "85x");
  ar_test_screenshot (GTK_WIDGET (dialog), "gias-import-bad-area.png");
  ar_gias_import_dialog_start (dialog, paths);
  g_assert_cmpstr (ar_gias_import_dialog_get_stage (dialog), ==, "start");

  ar_gias_import_dialog_set_areas (dialog, "856, 857");
  ar_gias_import_dialog_start (dialog, paths);
  wait_for_result (dialog);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 2);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_AREA), ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_refused_file_changes_nothing (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *links = data_file ("establishment-links-2025-04-22-extract.csv");
  const char *paths[] = { links, NULL };
  ArGiasImportDialog *dialog = ar_gias_import_dialog_new (NULL, store);

  gtk_window_present (GTK_WINDOW (dialog));
  ar_gias_import_dialog_start (dialog, paths);
  wait_for_result (dialog);

  g_assert_cmpstr (ar_gias_import_dialog_get_result_title (dialog), ==, "Nothing Was Imported");
  g_assert_true (ar_store_is_empty (store));
  ar_test_screenshot (GTK_WIDGET (dialog), "gias-import-refused.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A whole county's worth of rows, so that Cancel lands mid-import. */
static char *
write_big_extract (void)
{
  g_autoptr(GString) text = g_string_new ("\"URN\",\"EstablishmentName\",\"LA (code)\",\"LA (name)\"\r\n");
  g_autofree char *directory = ar_test_make_dir ();
  char *path = g_build_filename (directory, "edubasealldata.csv", NULL);

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (text, "%u,\"School %u\",\"855\",\"Leicestershire\"\r\n", 100000 + i, i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  return path;
}

static void
test_cancel_leaves_register_alone (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *big = write_big_extract ();
  g_autofree char *before = ar_test_export (store);
  g_autofree char *after = NULL;
  const char *paths[] = { big, NULL };
  ArGiasImportDialog *dialog = ar_gias_import_dialog_new (NULL, store);

  gtk_window_present (GTK_WINDOW (dialog));
  ar_gias_import_dialog_start (dialog, paths);
  g_assert_cmpstr (ar_gias_import_dialog_get_stage (dialog), ==, "progress");
  ar_gias_import_dialog_cancel (dialog);
  wait_for_result (dialog);

  g_assert_cmpstr (ar_gias_import_dialog_get_result_title (dialog), ==, "Import Cancelled");
  after = ar_test_export (store);
  g_assert_cmpstr (before, ==, after);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/gias-import-dialog/import-shows-report", test_import_shows_report);
  g_test_add_func ("/ar/gias-import-dialog/import-chosen-areas", test_import_chosen_areas);
  g_test_add_func ("/ar/gias-import-dialog/refused-file-changes-nothing", test_refused_file_changes_nothing);
  g_test_add_func ("/ar/gias-import-dialog/cancel-leaves-register-alone", test_cancel_leaves_register_alone);

  return g_test_run ();
}
