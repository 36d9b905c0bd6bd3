/* test-summary-layout.c: the summary page's date fields line up, the
 * "Compare with" tick box with the others, wide and narrow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-summary-page.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

/* @widget's top left corner in @window's coordinates. */
static graphene_point_t
corner (GtkWidget *widget,
        GtkWidget *window)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (0, 0);

  g_assert_true (gtk_widget_compute_point (widget, window, &GRAPHENE_POINT_INIT (0, 0), &point));
  return point;
}

static void
check_layout (int         width,
              const char *screenshot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *as_at = NULL, *compare = NULL, *as_at_label = NULL, *check;
  graphene_point_t check_at, as_at_label_at;
  ArWindow *window;

  g_assert_no_error (error);
  window = ar_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ar_summary_page_set_area (window->summary_page, "855");
  ar_summary_page_set_as_at (window->summary_page, "2026-11-23");
  /* narrow, the sidebar comes first */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "summary"));
  ar_test_settle ();

  ar_test_find_all (GTK_WIDGET (window->summary_page), GTK_TYPE_ENTRY, entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const char *placeholder = gtk_entry_get_placeholder_text (g_ptr_array_index (entries, i));

      if (g_strcmp0 (placeholder, "Today") == 0)
        as_at = g_ptr_array_index (entries, i);
      else if (g_strcmp0 (placeholder, "An earlier or later date") == 0)
        compare = g_ptr_array_index (entries, i);
    }
  ar_test_find_all (GTK_WIDGET (window->summary_page), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_label_get_mnemonic_widget (g_ptr_array_index (labels, i)) == as_at)
      as_at_label = g_ptr_array_index (labels, i);
  ar_test_find_all (GTK_WIDGET (window->summary_page), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 1);
  check = g_ptr_array_index (checks, 0);
  g_assert_nonnull (as_at);
  g_assert_nonnull (compare);
  g_assert_nonnull (as_at_label);
  g_assert_true (gtk_widget_get_mapped (check));
  ar_test_screenshot (GTK_WIDGET (window), screenshot);

  check_at = corner (check, GTK_WIDGET (window));
  as_at_label_at = corner (as_at_label, GTK_WIDGET (window));
  if (width >= 1000)
    {
      /* side by side: the tick box's row and the caption above As at are
       * one line; the two entries start level */
      g_assert_cmpfloat_with_epsilon (corner (compare, GTK_WIDGET (window)).y,
                                      corner (as_at, GTK_WIDGET (window)).y, 0.5);
      g_assert_cmpfloat_with_epsilon (check_at.y, as_at_label_at.y, 0.5);
      g_assert_cmpint (gtk_widget_get_height (check), ==, gtk_widget_get_height (as_at_label));
    }
  else
    {
      /* one above the other: the tick box starts at the column's edge,
       * as the captions and entries do */
      g_assert_cmpfloat_with_epsilon (check_at.x, as_at_label_at.x, 0.5);
      g_assert_cmpfloat_with_epsilon (corner (compare, GTK_WIDGET (window)).x,
                                      corner (as_at, GTK_WIDGET (window)).x, 0.5);
    }
  /* the tick box sits as close above its entry as the caption above its own */
  g_assert_cmpfloat_with_epsilon (corner (compare, GTK_WIDGET (window)).y - check_at.y,
                                  corner (as_at, GTK_WIDGET (window)).y - as_at_label_at.y, 0.5);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The support report's button names what it opens and what is in it, to
 * a pointer (its tooltip) and a screen reader (its name) alike. */
static void
test_support_report_button (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *button = NULL;
  ArWindow *window;

  g_assert_no_error (error);
  window = ar_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  ar_test_find_all (GTK_WIDGET (window->summary_page), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "win.support-report") == 0)
      button = g_ptr_array_index (buttons, i);
  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Support Report: Deployments in This Area…");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Support Report: Deployments in This Area…");
  /* not the heart of the Deployments section, nor the Summary's own page */
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "emblem-documents-symbolic");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_compare_aligned_wide (void)
{
  check_layout (1270, "summary-layout-wide.png");
}

static void
test_compare_aligned_narrow (void)
{
  check_layout (360, "summary-layout-360.png");
}

int
main (int    argc,
      char **argv)
{
  /* GTK's own test backend keeps what screen readers would be told */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/summary-layout/compare-wide", test_compare_aligned_wide);
  g_test_add_func ("/ar/summary-layout/compare-narrow", test_compare_aligned_narrow);
  g_test_add_func ("/ar/summary-layout/support-report-button", test_support_report_button);

  return g_test_run ();
}
