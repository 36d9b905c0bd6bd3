/* test-editor-rules.c: the record editor applies core's rules, not its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ar-record-editor.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"

/* The row titled @title anywhere under @widget, or NULL. */
static AdwActionRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = find_row (child, title);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static GtkWidget *
editor_window (ArStore   *store,
               ArRecord  *record,
               GtkWidget **editor)
{
  GtkWidget *window = gtk_window_new ();

  *editor = ar_record_editor_new ();
  gtk_window_set_child (GTK_WINDOW (window), *editor);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  ar_record_editor_set_store (AR_RECORD_EDITOR (*editor), store);
  ar_record_editor_set_record (AR_RECORD_EDITOR (*editor), record);
  gtk_window_present (GTK_WINDOW (window));
  ar_test_settle ();

  return window;
}

/* A school's "National support school" row follows the summary's rule: an
 * NLE active today, at a school open today. */
static void
test_national_support_school_row (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "990001", "Brook Primary", area);
  gint64 person = ar_test_add_person (store, "Nia Nle", school);
  g_autoptr(ArRecord) record = NULL;
  GtkWidget *editor;
  GtkWidget *window;
  AdwActionRow *row;

  ar_test_add_designation (store, person, "NLE", "2015-01-01", NULL);
  record = ar_store_get (store, AR_TYPE_SCHOOL, school, &error);
  g_assert_no_error (error);

  window = editor_window (store, record, &editor);
  row = find_row (editor, "National support school");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Yes: home to a national leader of education");
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&record);

  /* closed by status, with no date: closed today, so not an NSS, though
   * its NLE still is one */
  ar_test_set (store, AR_TYPE_SCHOOL, school, "status", "closed");
  record = ar_store_get (store, AR_TYPE_SCHOOL, school, &error);
  window = editor_window (store, record, &editor);
  row = find_row (editor, "National support school");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "No");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editor refuses a span that ends before it starts, with core's
 * message, for alliances and trust memberships alike. */
static void
test_spans_out_of_order (void)
{
  static const struct { GType (*type) (void); const char *start, *end, *problem; } cases[] = {
    { ar_alliance_get_type, "designated_on", "ended_on", "Ended (2014-03-31) is before Designated (2014-04-01)" },
    { ar_trust_academy_get_type, "joined_on", "left_on", "Left (2014-03-31) is before Joined (2014-04-01)" },
  };
  g_autoptr(ArStore) store = ar_test_store_new ();
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "990001", "Brook Primary", area);
  gint64 trust = ar_test_add_trust (store, "Brook Trust", "mat");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ArRecord) record = g_object_new (cases[i].type (), NULL);
      g_autofree char *school_id = g_strdup_printf ("%" G_GINT64_FORMAT, school);
      g_autofree char *trust_id = g_strdup_printf ("%" G_GINT64_FORMAT, trust);
      GtkWidget *editor;
      GtkWidget *window = editor_window (store, record, &editor);
      ArRecordEditor *self = AR_RECORD_EDITOR (editor);

      if (cases[i].type () == AR_TYPE_ALLIANCE)
        {
          ar_record_editor_set_field (self, "name", "Backwards Alliance");
          ar_record_editor_set_field (self, "lead_school_id", school_id);
        }
      else
        {
          ar_record_editor_set_field (self, "trust_id", trust_id);
          ar_record_editor_set_field (self, "school_id", school_id);
        }
      ar_record_editor_set_field (self, cases[i].start, "2014-04-01");
      ar_record_editor_set_field (self, cases[i].end, "2014-04-01");
      g_assert_true (ar_record_editor_get_valid (self));

      ar_record_editor_set_field (self, cases[i].end, "2014-03-31");
      ar_test_settle ();
      g_assert_false (ar_record_editor_get_valid (self));
      g_assert_cmpstr (ar_record_editor_get_problem (self), ==, cases[i].problem);
      if (i == 0)
        ar_test_screenshot (window, "editor-rules-span.png");

      gtk_window_destroy (GTK_WINDOW (window));
    }

  g_assert_cmpuint (ar_store_count (store, AR_TYPE_ALLIANCE), ==, 0);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/editor-rules/national-support-school-row", test_national_support_school_row);
  g_test_add_func ("/ar/editor-rules/spans-out-of-order", test_spans_out_of_order);

  return g_test_run ();
}
