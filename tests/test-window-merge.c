/* test-window-merge.c: Merge Register…, from the file to the report, and
 * each way out of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

static char *
data_file (const char *name)
{
  return g_build_filename (g_getenv ("AR_TEST_DATA"), "merge", name, NULL);
}

/* The message dialog over the window with @heading, once the worker is done. */
static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (item)
              && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (item)), heading) == 0
              && gtk_widget_get_visible (GTK_WIDGET (item)))
            {
              gtk_test_widget_wait_for_draw (GTK_WIDGET (item));
              ar_test_settle ();
              return ADW_MESSAGE_DIALOG (item);
            }
        }

      if (g_get_monotonic_time () > deadline)
        g_error ("no dialog “%s”", heading);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* As a click on one of its buttons: the answer, then the question goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ar_test_settle ();
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static char *
clipboard_text (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_text_read, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);

  return text;
}

static void
test_merge_and_cancel (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *alpha = data_file ("alpha.json");
  g_autofree char *beta = data_file ("beta.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(ArMergeReport) first = ar_register_merge_file (store, alpha, FALSE, &error);
  g_autofree char *before = ar_test_export (store);
  g_autofree char *after = NULL;
  g_autofree char *copied = NULL;
  ArWindow *window;
  AdwMessageDialog *dialog;

  g_assert_no_error (error);
  window = ar_test_window_new (store, 1000, 700);

  /* The file chooser itself is not opened here: GTK's fallback chooser
   * leaves GIO's file-info threads' allocations to LSan. Cancelling it
   * calls nothing (on_chooser_response). */

  /* the dry run's counts and conflicts, then Cancel: nothing written */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-register-from", "s", beta));
  dialog = wait_for_dialog ("Merge Register?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "would add 5 records, complete 2 and leave 3 as they are"));
  g_assert_true (ar_test_shows_text (GTK_WIDGET (dialog), "School “Beech Academy”, Postcode: kept “LE2 2BB”, not “LE1 1AA”"));
  g_assert_true (ar_test_shows_text (GTK_WIDGET (dialog), "Merging “beta.json” would"));
  ar_test_screenshot (GTK_WIDGET (dialog), "merge-confirm.png");
  respond (dialog, "cancel");
  after = ar_test_export (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Escape answers as Cancel does */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-register-from", "s", beta));
  dialog = wait_for_dialog ("Merge Register?");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  respond (dialog, "cancel");

  /* Merge, then the report, copied */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-register-from", "s", beta));
  dialog = wait_for_dialog ("Merge Register?");
  respond (dialog, "merge");
  dialog = wait_for_dialog ("Register Merged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "added 5 records, completed 2"));
  ar_test_screenshot (GTK_WIDGET (dialog), "merge-report.png");
  respond (dialog, "copy");
  copied = clipboard_text (GTK_WIDGET (window));
  g_assert_nonnull (strstr (copied, "5 added, 2 updated, 3 unchanged, 1 conflict"));
  g_assert_nonnull (strstr (copied, "kept “LE2 2BB”, not “LE1 1AA”"));

  /* the window shows what the worker wrote */
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 3);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_PERSON), ==, 2);
  ar_test_screenshot (GTK_WIDGET (window), "merge-window.png");

  gtk_window_destroy (GTK_WINDOW (window));
  ar_test_settle ();
}

static void
test_bad_file_changes_nothing (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *alpha = data_file ("alpha.json");
  g_autofree char *broken = data_file ("broken-link.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(ArMergeReport) first = ar_register_merge_file (store, alpha, FALSE, &error);
  g_autofree char *before = ar_test_export (store);
  g_autofree char *after = NULL;
  ArWindow *window;
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  window = ar_test_window_new (store, 1000, 700);

  /* the reason shows as a toast; no question is asked */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-register-from", "s", broken));
  while (!ar_test_shows_text (GTK_WIDGET (window), "the file holds no record with id 9"))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no toast");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (window), "merge-refused.png");

  after = ar_test_export (store);
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
  ar_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/window/merge/merge-and-cancel", test_merge_and_cancel);
  g_test_add_func ("/window/merge/bad-file", test_bad_file_changes_nothing);

  return g_test_run ();
}
