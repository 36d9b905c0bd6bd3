/* test-table-import-kinds-dialog.c: sheets of alliances and of schools
 * from the window's import dialog, chosen with its kind chooser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-settings.h"
#include "ar-table-import-dialog.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"

static ArStore *
store_with_schools (void)
{
  ArStore *store = ar_test_store_new ();
  gint64 leics = ar_test_add_area (store, "855", "Leicestershire");
  gint64 city = ar_test_add_area (store, "856", "Leicester");
  g_autoptr(ArRecord) university = g_object_new (AR_TYPE_ORGANISATION, NULL);
  g_autoptr(GError) error = NULL;

  ar_test_add_school (store, "120001", "Oak Primary School", leics);
  ar_test_add_school (store, "120002", "Elm Academy", leics);
  ar_test_add_school (store, "120003", "Ash Church School", city);
  ar_test_add_school (store, "120004", "St Mary’s Primary", leics);
  ar_test_add_school (store, "120005", "St Mary’s Primary", city);
  ar_record_set_text (university, "name", "University of East Wolds");
  ar_record_set_text (university, "kind", "university");
  g_assert_true (ar_store_save (store, university, &error));
  g_assert_no_error (error);

  return store;
}

static GFile *
table (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("AR_TEST_DATA"), "tables", name, NULL);

  return g_file_new_for_path (path);
}

static ArTableImportDialog *
dialog_for (ArStore *store)
{
  ArTableImportDialog *dialog = ar_table_import_dialog_new (NULL, store);
  g_autoptr(ArSettings) settings = ar_settings_new ();

  g_settings_reset (ar_settings_get_gsettings (settings), "table-columns");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 900);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static const char *
column_choice (ArTableImportDialog *dialog,
               guint                column)
{
  AdwComboRow *row = ar_table_import_dialog_get_column_row (dialog, column);

  return gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
}

static void
choose_kind (ArTableImportDialog *dialog,
             const char          *label)
{
  AdwComboRow *row = ar_table_import_dialog_get_kind_row (dialog);
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (row, i);
          ar_test_settle ();
          return;
        }
    }
  g_assert_not_reached ();
}

static const char *
plan_row_subtitle (ArTableImportDialog *dialog,
                   guint                row)
{
  return adw_action_row_get_subtitle (ar_table_import_dialog_get_plan_row (dialog, row));
}

static void
import_and_check (ArTableImportDialog *dialog,
                  const char          *report_part)
{
  g_autofree char *report = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL));
  ar_test_settle ();
  g_assert_cmpstr (ar_table_import_dialog_get_result_title (dialog), ==, "Import Finished");
  report = ar_table_import_dialog_dup_report (dialog);
  g_assert_nonnull (strstr (report, report_part));
}

/* Alliances: the columns guessed for that kind, each row's plan said,
 * then one transaction */
static void
test_alliances (void)
{
  g_autoptr(ArStore) store = store_with_schools ();
  g_autoptr(GFile) ods = table ("alliances.ods");
  ArTableImportDialog *dialog = dialog_for (store);

  g_assert_true (ar_table_import_dialog_open_file (dialog, ods));
  /* as leaders, the sheet's headings mostly mean nothing */
  choose_kind (dialog, "Alliances");
  g_assert_cmpstr (column_choice (dialog, 0), ==, "Alliance");
  g_assert_cmpstr (column_choice (dialog, 1), ==, "Teaching school");
  g_assert_cmpstr (column_choice (dialog, 3), ==, "Member school");
  g_assert_cmpstr (column_choice (dialog, 4), ==, "Member URN");
  g_assert_cmpstr (column_choice (dialog, 5), ==, "Partner");
  g_assert_cmpstr (column_choice (dialog, 6), ==, "Role in the alliance");
  g_assert_cmpstr (ar_table_import_dialog_get_summary (dialog), ==, "2 to add, 2 to update, 0 unchanged, 0 refused");
  g_assert_nonnull (strstr (plan_row_subtitle (dialog, 3), "adds Wolds Partnership – Melton, with member Ash Church School"));
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_ALLIANCE), ==, 0);
  ar_test_screenshot (GTK_WIDGET (dialog), "table-import-alliances.png");

  import_and_check (dialog, "alliances.ods: 2 added, 2 updated, 0 unchanged, 0 refused");
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_ALLIANCE), ==, 2);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_ALLIANCE_MEMBER), ==, 4);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Schools and partners, and a refused row that keeps Import off */
static void
test_schools (void)
{
  g_autoptr(ArStore) store = store_with_schools ();
  g_autoptr(GFile) xlsx = table ("schools.xlsx");
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "more-schools.csv", NULL);
  g_autoptr(GFile) bad = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ArTableImportDialog *dialog = dialog_for (store);

  choose_kind (dialog, "Schools and partners");
  g_assert_true (ar_table_import_dialog_open_file (dialog, xlsx));
  g_assert_cmpstr (column_choice (dialog, 0), ==, "URN");
  g_assert_cmpstr (column_choice (dialog, 5), ==, "Organisation kind");
  g_assert_cmpstr (ar_table_import_dialog_get_summary (dialog), ==, "3 to add, 1 to update, 0 unchanged, 0 refused");
  g_assert_nonnull (strstr (plan_row_subtitle (dialog, 2), "adds the organisation Diocese of Charnwood"));
  ar_test_screenshot (GTK_WIDGET (dialog), "table-import-schools.png");
  import_and_check (dialog, "schools.xlsx: 3 added, 1 updated, 0 unchanged, 0 refused");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* one bad row among good ones: nothing can be imported */
  g_assert_true (g_file_set_contents (path, "Name,Area\nNorth Unit,855\nSouth Unit,Atlantis\nEast Unit,856\n", -1, NULL));
  bad = g_file_new_for_path (path);
  before = ar_test_export (store);
  dialog = dialog_for (store);
  choose_kind (dialog, "Schools and partners");
  g_assert_true (ar_table_import_dialog_open_file (dialog, bad));
  g_assert_true (g_str_has_prefix (ar_table_import_dialog_get_summary (dialog),
                                   "2 to add, 0 to update, 0 unchanged, 1 refused. Nothing can be imported"));
  g_assert_nonnull (strstr (plan_row_subtitle (dialog, 1), "Area: no area with the code or name “Atlantis”"));
  ar_test_screenshot (GTK_WIDGET (dialog), "table-import-schools-refused.png");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL);
  ar_test_settle ();
  g_assert_cmpstr (ar_table_import_dialog_get_stage (dialog), ==, "preview");
  after = ar_test_export (store);
  g_assert_cmpstr (before, ==, after);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ar_test_remove_dir (directory);
}

/* A sheet of @n_rows new leaders */
static GFile *
big_sheet (const char *directory,
           guint       n_rows)
{
  g_autofree char *path = g_build_filename (directory, "many-leaders.csv", NULL);
  g_autoptr(GString) text = g_string_new ("Name,URN,Role,Designated,Email\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "Leader %u,120001,NLE,2024-09-01,leader%u@example.org\n", i, i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  return g_file_new_for_path (path);
}

/* Settles until the summary no longer says the rows are being checked */
static void
wait_for_plan (ArTableImportDialog *dialog)
{
  for (gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
       g_str_has_prefix (ar_table_import_dialog_get_summary (dialog), "Checking") &&
       g_get_monotonic_time () < end;)
    {
      ar_test_settle ();
      g_usleep (10000);
    }
}

/* A big sheet is checked in a thread: the window says so and keeps
 * drawing, Import waits for the plan, and a column changed meanwhile
 * gives the plan of the new choice */
static void
test_big_sheet_in_thread (void)
{
  g_autoptr(ArStore) store = store_with_schools ();
  g_autofree char *directory = ar_test_make_dir ();
  g_autoptr(GFile) sheet = big_sheet (directory, 3000);
  g_autofree char *before = ar_test_export (store);
  g_autofree char *after = NULL;
  ArTableImportDialog *dialog = dialog_for (store);

  g_assert_true (ar_table_import_dialog_open_file (dialog, sheet));
  g_assert_cmpstr (ar_table_import_dialog_get_summary (dialog), ==, "Checking 3,000 rows against the register…");
  /* nothing to import until the plan is made */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL);
  g_assert_cmpstr (ar_table_import_dialog_get_stage (dialog), ==, "preview");
  after = ar_test_export (store);
  g_assert_cmpstr (before, ==, after);

  /* the role left out while the first plan is made: that plan is dropped */
  adw_combo_row_set_selected (ar_table_import_dialog_get_column_row (dialog, 2), 0);
  g_assert_cmpstr (ar_table_import_dialog_get_summary (dialog), ==, "Checking 3,000 rows against the register…");
  ar_test_screenshot (GTK_WIDGET (dialog), "table-import-checking.png");
  wait_for_plan (dialog);
  g_assert_cmpstr (ar_table_import_dialog_get_summary (dialog), ==, "3000 to add, 0 to update, 0 unchanged, 0 refused");
  g_assert_null (strstr (plan_row_subtitle (dialog, 0), "NLE"));

  import_and_check (dialog, "many-leaders.csv: 3000 added, 0 updated, 0 unchanged, 0 refused");
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_PERSON), ==, 3000);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_DESIGNATION), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ar_test_remove_dir (directory);
}

/* Closing the dialog while a big sheet is checked: the worker is told to
 * stop, the dialog goes once it has, and the register is as it was */
static void
test_close_while_planning (void)
{
  g_autoptr(ArStore) store = store_with_schools ();
  g_autofree char *directory = ar_test_make_dir ();
  g_autoptr(GFile) sheet = big_sheet (directory, 3000);
  g_autofree char *before = ar_test_export (store);
  g_autofree char *after = NULL;
  ArTableImportDialog *dialog = dialog_for (store);
  gpointer alive = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);
  g_assert_true (ar_table_import_dialog_open_file (dialog, sheet));
  g_assert_true (g_str_has_prefix (ar_table_import_dialog_get_summary (dialog), "Checking"));
  gtk_window_close (GTK_WINDOW (dialog));

  for (gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
       alive != NULL && g_get_monotonic_time () < end;)
    {
      ar_test_settle ();
      g_usleep (10000);
    }
  g_assert_null (alive);
  after = ar_test_export (store);
  g_assert_cmpstr (before, ==, after);
  ar_test_remove_dir (directory);
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/table-import-kinds-dialog/alliances", test_alliances);
  g_test_add_func ("/ar/table-import-kinds-dialog/schools", test_schools);
  g_test_add_func ("/ar/table-import-kinds-dialog/big-sheet-in-thread", test_big_sheet_in_thread);
  g_test_add_func ("/ar/table-import-kinds-dialog/close-while-planning", test_close_while_planning);

  return g_test_run ();
}
