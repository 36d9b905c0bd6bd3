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

/* Strings added since the first translation: the summary page's own, the
 * date checks' and the import's warnings speak Welsh too. */
static void
test_recent_strings_in_welsh (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  g_autoptr(ArSummary) summary = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (_("Support Report: Deployments in This Area…"), ==, "Adroddiad Cymorth: Lleoliadau yn yr Ardal Hon…");
  g_assert_cmpstr (_("Compare _with (YYYY-MM-DD)"), ==, "_Cymharu â (YYYY-MM-DD)");
  g_assert_cmpstr (_("Copied the table, ready to paste"), ==, "Wedi copïo’r tabl, yn barod i’w ludo");
  g_assert_cmpstr (_("Register Imported"), ==, "Cofrestr wedi’i Mewnforio");

  summary = ar_summary_compute (store, "855", "2024-02-30", &error);
  g_assert_null (summary);
  g_assert_cmpstr (error->message, ==, "Mae “2024-02-30” yn ddyddiad amhosibl");
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
  g_test_add_func ("/ar/translation/recent-strings-in-welsh", test_recent_strings_in_welsh);

  return g_test_run ();
}
