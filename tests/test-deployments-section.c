/* test-deployments-section.c: the window's list of deployments, which the
 * sections table gives it, shows the sample's deployments and edits one
 *
 * The Deployments page proper (filters, "Support received") comes later;
 * this checks the generic list and editor work for the new record.
 * Screenshots go to $AR_BUILD_DIR/screenshots/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-application.h"
#include "ar-record-list-page.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

static void
test_deployments_listed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  ArWindow *window = ar_window_new (NULL, store);
  ArRecordListPage *list;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ar_test_settle ();

  list = ar_window_get_page_for_type (window, AR_TYPE_DEPLOYMENT);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "deployments"));
  ar_test_settle ();
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "deployments");
  g_assert_cmpuint (ar_record_list_page_get_n_shown (list), ==, ar_store_count (store, AR_TYPE_DEPLOYMENT));
  g_assert_cmpuint (ar_record_list_page_get_n_shown (list), ==, 12);

  ar_record_list_page_select_id (list, 2);
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (window), "section-deployments.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/deployments-section/listed", test_deployments_listed);

  return g_test_run ();
}
