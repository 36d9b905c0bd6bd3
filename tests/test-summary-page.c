/* test-summary-page.c: the summary page: the as-at date, role titles and
 * key functions, and saying when Copy and Export are done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gdk/x11/gdkx.h>

#include "ar-role-dialog.h"
#include "ar-summary-page.h"
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

static gboolean
can_leave_page (ArWindow *window)
{
  GtkWidget *page = GTK_WIDGET (window->summary_page);
  GtkWidget *print = ar_test_find_actionable (page, GTK_TYPE_ACTIONABLE, "summary.print");
  GtkWidget *copy = ar_test_find_actionable (page, GTK_TYPE_ACTIONABLE, "summary.copy");
  GtkWidget *export = ar_test_find_widget (page, GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (print);
  g_assert_nonnull (copy);
  g_assert_nonnull (export);
  g_assert_cmpint (gtk_widget_get_sensitive (print), ==, gtk_widget_get_sensitive (copy));
  g_assert_cmpint (gtk_widget_get_sensitive (print), ==, gtk_widget_get_sensitive (export));

  return gtk_widget_get_sensitive (print);
}

static void
test_bad_date (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = sample_window (&store);
  ArSummaryPage *page = window->summary_page;
  GtkWidget *entry = ar_test_find_widget (GTK_WIDGET (page), GTK_TYPE_ENTRY);
  ArSummary *good;
  g_autofree char *as_at = NULL;

  ar_summary_page_set_as_at (page, "2020-01-01");
  ar_test_settle ();
  good = ar_summary_page_get_summary (page);
  g_assert_nonnull (good);
  g_assert_true (can_leave_page (window));

  /* half typed, or not a date: marked at the field, the table stays */
  ar_summary_page_set_as_at (page, "2020-13-45");
  ar_test_settle ();
  g_assert_false (ar_summary_page_get_date_ok (page));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (ar_summary_page_get_summary (page) == good);
  as_at = ar_summary_format_as_at (ar_summary_page_get_summary (page));
  g_assert_nonnull (strstr (as_at, "2020"));
  g_assert_false (can_leave_page (window));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "summary.print-to-file", "s", "/nonexistent.pdf")
                  && g_file_test ("/nonexistent.pdf", G_FILE_TEST_EXISTS));
  ar_test_screenshot (GTK_WIDGET (window), "summary-bad-date.png");

  ar_summary_page_set_as_at (page, "2020-12-31");
  ar_test_settle ();
  g_assert_true (ar_summary_page_get_date_ok (page));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (can_leave_page (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static ArRoleDialog *
edit_role (ArWindow   *window,
           const char *code)
{
  ArRoleDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->summary_page), "summary.edit-role", "s", code));
  ar_test_settle ();
  dialog = AR_ROLE_DIALOG (ar_test_find_toplevel (AR_TYPE_ROLE_DIALOG));
  g_assert_nonnull (dialog);

  return dialog;
}

static const char *
row_title (ArSummaryPage *page,
           guint          row)
{
  return ar_summary_row_get_title (ar_summary_get_row (ar_summary_page_get_summary (page), row));
}

/* README says titles are the user's to edit: in the preview, the print,
 * and undone with Ctrl+Z. */
static void
test_role_title (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = sample_window (&store);
  ArSummaryPage *page = window->summary_page;
  ArRoleDialog *dialog;
  g_autofree char *dir = ar_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *command = g_strdup_printf ("pdftotext '%s' -", pdf);
  g_autofree char *text = NULL;

  g_assert_cmpstr (row_title (page, 2), ==, "National Leader of Education (NLE)");
  dialog = edit_role (window, "NLE");
  ar_test_screenshot (GTK_WIDGET (dialog), "role-dialog.png");

  /* a title is required */
  ar_role_dialog_set_text (dialog, "  ", NULL);
  ar_test_settle ();
  g_assert_false (ar_role_dialog_save (dialog));
  g_assert_nonnull (ar_test_find_toplevel (AR_TYPE_ROLE_DIALOG));

  ar_role_dialog_set_text (dialog, "National Leaders of Education", NULL);
  g_assert_true (ar_role_dialog_save (dialog));
  ar_test_settle ();
  g_assert_null (ar_test_find_toplevel (AR_TYPE_ROLE_DIALOG));
  g_assert_cmpstr (row_title (page, 2), ==, "National Leaders of Education");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "summary.print-to-file", "s", pdf));
  ar_test_settle ();
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, NULL, NULL));
  /* the narrow first column wraps it */
  {
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *flat = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

    g_assert_nonnull (strstr (flat, "National Leaders of Education"));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ar_test_settle ();
  g_assert_cmpstr (row_title (page, 2), ==, "National Leader of Education (NLE)");

  gtk_window_destroy (GTK_WINDOW (window));
  ar_test_remove_dir (dir);
}

static char *
accel_of (GtkWidget  *widget,
          const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (named)
              && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action) == 0)
            return gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
        }
    }

  return NULL;
}

/* Real key presses through the X server, as a keyboard makes them
 * (XTEST, through xdotool). */
static gboolean
press_keys (GtkWidget  *widget,
            const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *command = NULL;
  int status = -1;

  if (!GDK_IS_X11_SURFACE (surface) || xdotool == NULL)
    return FALSE;

  command = g_strdup_printf ("xdotool windowfocus --sync %lu key --clearmodifiers %s",
                             (gulong) gdk_x11_surface_get_xid (surface), keys);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  for (int i = 0; i < 20; i++)
    {
      g_usleep (10000);
      ar_test_settle ();
    }

  return TRUE;
}

/* As a click on one of its buttons: the answer, then the question goes. */
static void
respond (AdwMessageDialog *ask,
         const char       *response)
{
  g_assert_nonnull (ask);
  adw_message_dialog_response (ask, response);
  gtk_window_destroy (GTK_WINDOW (ask));
  ar_test_settle ();
}

/* Leaving the key-functions dialog with typed text asks first; Escape
 * leaves as Cancel does. */
static void
test_dialog_asks_before_discarding (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = sample_window (&store);
  ArRoleDialog *dialog = edit_role (window, "SLE");
  g_autofree char *escape = accel_of (GTK_WIDGET (dialog), "window.close");
  g_autoptr(ArRecord) role = NULL;
  AdwMessageDialog *ask;

  g_assert_cmpstr (escape, ==, "Escape");

  /* nothing typed: it just closes, with Escape as with Cancel */
  if (!press_keys (GTK_WIDGET (dialog), "Escape"))
    gtk_window_close (GTK_WINDOW (dialog));
  ar_test_settle ();
  g_assert_null (ar_test_find_toplevel (AR_TYPE_ROLE_DIALOG));

  /* typed: Escape asks; Cancel stays with the text */
  dialog = edit_role (window, "SLE");
  ar_role_dialog_set_text (dialog, NULL, "Leaders who support other leaders.");
  if (!press_keys (GTK_WIDGET (dialog), "Escape"))
    gtk_window_close (GTK_WINDOW (dialog));
  ar_test_settle ();
  ask = ADW_MESSAGE_DIALOG (ar_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (ask);
  g_assert_nonnull (ar_test_find_toplevel (AR_TYPE_ROLE_DIALOG));
  ar_test_screenshot (GTK_WIDGET (ask), "role-dialog-discard.png");
  respond (ask, "cancel");
  g_assert_nonnull (ar_test_find_toplevel (AR_TYPE_ROLE_DIALOG));
  g_assert_true (ar_role_dialog_get_dirty (dialog));

  /* Discard leaves the role as it was */
  gtk_window_close (GTK_WINDOW (dialog));
  ar_test_settle ();
  ask = ADW_MESSAGE_DIALOG (ar_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  respond (ask, "discard");
  g_assert_null (ar_test_find_toplevel (AR_TYPE_ROLE_DIALOG));
  role = ar_store_find (store, AR_TYPE_ROLE, "code", "SLE", NULL);
  g_assert_null (strstr (ar_record_get_text (role, "key_functions") ?: "", "Leaders who support other leaders."));
  g_clear_object (&role);

  /* Save keeps it */
  dialog = edit_role (window, "SLE");
  ar_role_dialog_set_text (dialog, NULL, "Leaders who support other leaders.");
  gtk_window_close (GTK_WINDOW (dialog));
  ar_test_settle ();
  respond (ADW_MESSAGE_DIALOG (ar_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "save");
  g_assert_null (ar_test_find_toplevel (AR_TYPE_ROLE_DIALOG));
  role = ar_store_find (store, AR_TYPE_ROLE, "code", "SLE", NULL);
  g_assert_cmpstr (ar_record_get_text (role, "key_functions"), ==, "Leaders who support other leaders.");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_copy_and_export_say_done (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = sample_window (&store);
  ArSummaryPage *page = window->summary_page;
  g_autofree char *dir = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "appendix.odt", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  AdwToast *toast;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "summary.copy", NULL));
  ar_test_settle ();
  toast = ar_summary_page_get_last_toast (page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Copied the table, ready to paste");
  ar_test_screenshot (GTK_WIDGET (window), "summary-copied-toast.png");
  adw_toast_dismiss (toast);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "summary.export-to", "(ss)", "odt", path));
  ar_test_settle ();
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  toast = ar_summary_page_get_last_toast (page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Exported “appendix.odt”");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Open");
  g_assert_cmpstr (g_object_get_data (G_OBJECT (toast), "ar-uri"), ==, uri);
  ar_test_screenshot (GTK_WIDGET (window), "summary-exported-toast.png");

  gtk_window_destroy (GTK_WINDOW (window));
  ar_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/summary-page/bad-date", test_bad_date);
  g_test_add_func ("/ar/summary-page/role-title", test_role_title);
  g_test_add_func ("/ar/summary-page/dialog-asks-before-discarding", test_dialog_asks_before_discarding);
  g_test_add_func ("/ar/summary-page/copy-and-export-say-done", test_copy_and_export_say_done);

  return g_test_run ();
}
