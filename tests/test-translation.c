/* test-translation.c: with LANGUAGE=cy the window and the summary speak Welsh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ar-application.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

static gboolean
window_shows (GtkWidget  *widget,
              const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
      && gtk_widget_get_mapped (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (window_shows (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
test_window_in_welsh (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  ArWindow *window = ar_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (window_shows (GTK_WIDGET (window), "Ysgolion"));
  g_assert_true (window_shows (GTK_WIDGET (window), "Cynghreiriau"));
  g_assert_true (window_shows (GTK_WIDGET (window), "Cofrestr Wag"));
  g_assert_false (window_shows (GTK_WIDGET (window), "Schools"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_summary_headings_in_welsh (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  g_autoptr(ArSummary) summary = ar_summary_compute (store, "855", "2026-01-01", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ar_summary_get_title (summary), ==, "Arweinyddiaeth System yn Leicestershire");
  g_assert_cmpstr (ar_summary_get_role_heading (summary), ==, "Rôl arweinyddiaeth");
  g_assert_cmpstr (ar_summary_get_count_heading (summary), ==, "Nifer yn Leicestershire");
  g_assert_cmpstr (ar_summary_get_functions_heading (summary), ==, "Swyddogaethau allweddol");
  g_assert_cmpstr (ar_summary_row_get_figure (ar_summary_get_row (summary, 1)), ==,
                   "9 YAA yn noddi 33 ysgol Leicestershire");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = g_build_filename (g_getenv ("AR_BUILD_DIR"), "po", NULL);

  /* as main.c does, from the build tree */
  g_setenv ("LANGUAGE", "cy", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  if (setlocale (LC_ALL, "en_GB.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  g_type_class_unref (g_type_class_ref (AR_TYPE_APPLICATION));

  g_test_add_func ("/ar/translation/window-in-welsh", test_window_in_welsh);
  g_test_add_func ("/ar/translation/summary-headings-in-welsh", test_summary_headings_in_welsh);

  return g_test_run ();
}
