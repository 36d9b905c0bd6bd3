/* test-window-import-overlaps.c: the window's register import says which
 * schools are in two trusts at once, as the command line's import does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

static void
on_changed_count (ArStore *store,
                  GType    type,
                  guint   *count)
{
  (*count)++;
}

/* Every label's text under @widget, one a line. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static void
import_into_window (const char *json,
                    ArWindow  **window_out,
                    ArStore    *into)
{
  ArWindow *window = ar_window_new (NULL, into);
  guint changes = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_signal_connect (into, "changed", G_CALLBACK (on_changed_count), &changes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-register-from", "s", json));
  while (changes == 0)
    g_main_context_iteration (NULL, TRUE);
  ar_test_settle ();
  g_signal_handlers_disconnect_by_func (into, on_changed_count, &changes);
  *window_out = window;
}

static void
test_import_reports_overlaps (void)
{
  g_autoptr(ArStore) source = ar_test_store_new ();
  g_autoptr(ArStore) into = ar_test_store_new ();
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *json = g_build_filename (directory, "register.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *cli_out = NULL;
  g_autofree char *cli_err = NULL;
  g_autofree char *command_line = NULL;
  g_autofree char *database = g_build_filename (directory, "cli.db", NULL);
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GPtrArray) overlaps = NULL;
  AdwMessageDialog *dialog;
  ArWindow *window;
  gint64 area, school, alpha, beta;
  int status;

  area = ar_test_add_area (source, "855", "Leicestershire");
  school = ar_test_add_school (source, "990001", "Brook Primary School", area);
  alpha = ar_test_add_trust (source, "Alpha Learning Trust", "mat");
  beta = ar_test_add_trust (source, "Beta Academies", "mat");
  ar_test_add_academy (source, alpha, school, "2015-09-01", "2019-09-30");
  ar_test_add_academy (source, beta, school, "2019-09-01", NULL);
  text = ar_test_export (source);
  g_assert_true (g_file_set_contents (json, text, -1, NULL));

  /* what the command line's import reports */
  command_line = g_strdup_printf ("import --database '%s' '%s'", database, json);
  cli_out = ar_test_run (command_line, &status, &cli_err);
  g_assert_cmpint (status, ==, 0);
  overlaps = ar_trust_academy_list_overlaps (source, NULL);
  g_assert_cmpuint (overlaps->len, ==, 1);
  g_assert_nonnull (strstr (cli_out, g_ptr_array_index (overlaps, 0)));

  /* the window says the same */
  import_into_window (json, &window, into);
  g_assert_cmpuint (ar_store_count (into, AR_TYPE_TRUST_ACADEMY), ==, 2);
  dialog = ADW_MESSAGE_DIALOG (ar_test_find_message_dialog (GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  collect_text (GTK_WIDGET (dialog), shown);
  g_assert_nonnull (strstr (shown->str, g_ptr_array_index (overlaps, 0)));
  g_assert_nonnull (strstr (shown->str, "1 school is in two trusts at once. Check it:"));
  ar_test_screenshot (GTK_WIDGET (dialog), "import-register-overlaps.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Nothing to check: no dialog, only the toast. */
static void
test_import_without_overlaps (void)
{
  g_autoptr(ArStore) source = ar_test_store_new ();
  g_autoptr(ArStore) into = ar_test_store_new ();
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *json = g_build_filename (directory, "register.json", NULL);
  g_autofree char *text = NULL;
  gint64 area, school, alpha, beta;
  ArWindow *window;

  area = ar_test_add_area (source, "855", "Leicestershire");
  school = ar_test_add_school (source, "990001", "Brook Primary School", area);
  alpha = ar_test_add_trust (source, "Alpha Learning Trust", "mat");
  beta = ar_test_add_trust (source, "Beta Academies", "mat");
  /* a move: left the day before joining the next */
  ar_test_add_academy (source, alpha, school, "2015-09-01", "2019-08-31");
  ar_test_add_academy (source, beta, school, "2019-09-01", NULL);
  text = ar_test_export (source);
  g_assert_true (g_file_set_contents (json, text, -1, NULL));

  import_into_window (json, &window, into);
  g_assert_cmpuint (ar_store_count (into, AR_TYPE_TRUST_ACADEMY), ==, 2);
  g_assert_null (ar_test_find_message_dialog (GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/window-import-overlaps/reported", test_import_reports_overlaps);
  g_test_add_func ("/ar/window-import-overlaps/none", test_import_without_overlaps);

  return g_test_run ();
}
