/* test-window-files.c: the window's exports destroy nothing they were not asked to write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (shows_text (child, text))
        return TRUE;
    }

  return FALSE;
}

/* Waits for a toast that says @text, as the user would see it */
static void
wait_for_toast (ArWindow   *window,
                const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!shows_text (GTK_WIDGET (window), text))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no toast saying “%s”", text);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  ar_test_settle ();
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode;
}

/* Export List… onto a link to a private file: the link stays a link and
 * the file it points to stays private. */
static void
test_list_export_through_link (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *target = g_build_filename (directory, "schools.csv", NULL);
  g_autofree char *link = g_build_filename (directory, "latest.csv", NULL);
  g_autofree char *csv = NULL;
  ArWindow *window = ar_test_window_new (store, 1000, 700);

  g_assert_true (g_file_set_contents (target, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("schools.csv", link), ==, 0);

  ar_test_activate (window, "win.show-section", "schools");
  ar_test_settle ();
  ar_test_activate (window, "win.export-list-to", link);
  wait_for_toast (window, "latest.csv");

  g_assert_true (S_ISLNK (mode_of (link)));
  g_assert_cmpuint (mode_of (target) & 07777, ==, 0600);
  g_assert_true (g_file_get_contents (target, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\"URN\""));
  ar_test_screenshot (GTK_WIDGET (window), "export-through-link.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Exporting onto the open register, by its name or a link, is refused
 * with a toast naming it, and the register is as it was. */
static void
test_export_onto_register_refused (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  const char *register_path = ar_store_get_path (store);
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *link = g_build_filename (directory, "register-link.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ArWindow *window;

  ar_test_add_school (store, "100001", "Ashby School", ar_test_add_area (store, "855", "Leicestershire"));
  before = ar_test_export (store);
  g_assert_cmpint (symlink (register_path, link), ==, 0);
  window = ar_test_window_new (store, 1000, 700);

  ar_test_activate (window, "win.show-section", "schools");
  ar_test_settle ();
  ar_test_activate (window, "win.export-list-to", register_path);
  wait_for_toast (window, "it is the open register");
  ar_test_screenshot (GTK_WIDGET (window), "export-onto-register.png");

  ar_test_activate (window, "win.export-register-to", link);
  wait_for_toast (window, "register-link.db: it is the open register");

  after = ar_test_export (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (S_ISLNK (mode_of (link)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/window-files/list-export-through-link", test_list_export_through_link);
  g_test_add_func ("/ar/window-files/export-onto-register-refused", test_export_onto_register_refused);

  return g_test_run ();
}
