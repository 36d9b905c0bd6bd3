/* test-history-page.c: the change history in the window: under a record's
 * form, and the History page with its filters and restore
 *
 * Screenshots go to $AR_BUILD_DIR/screenshots/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-record-list-page.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

typedef struct
{
  ArStore  *store;
  ArWindow *window;
} Fixture;

static void
activate (ArWindow   *window,
          const char *action,
          const char *target)
{
  if (target != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, "s", target));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  ar_test_settle ();
}

static ArRecordListPage *
page (ArWindow *window,
      GType     type)
{
  ArRecordListPage *list = ar_window_get_page_for_type (window, type);

  g_assert_nonnull (list);

  return list;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The rows of the editor's History group, newest first */
static GPtrArray *
editor_history_rows (ArRecordEditor *editor)
{
  GtkWidget *group = find_named (GTK_WIDGET (editor), "history");
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (group);
  collect_rows (group, rows);

  return rows;
}

/* Scrolls @widget's scrolled window to show it, for the screenshot */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 20);
  ar_test_settle ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = ar_store_open_sample (&error);
  g_assert_no_error (error);
  f->window = ar_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ar_test_settle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ar_test_settle ();
  g_clear_object (&f->store);
}

/* A record's history under its form ------------------------------------ */

static void
test_editor_history (Fixture       *f,
                     gconstpointer  data)
{
  ArRecordListPage *schools = page (f->window, AR_TYPE_SCHOOL);
  ArRecordEditor *editor = ar_record_list_page_get_editor (schools);
  g_autoptr(ArRecord) school = ar_store_get (f->store, AR_TYPE_SCHOOL, 1, NULL);
  g_autofree char *old_town = g_strdup (ar_record_get_text (school, "town"));
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *subtitle;

  activate (f->window, "win.show-section", "schools");
  ar_record_list_page_select_id (schools, 1);
  ar_test_settle ();
  before = editor_history_rows (editor);

  ar_record_editor_set_field (editor, "town", "Brillbury");
  g_assert_true (ar_record_editor_save (editor, &error));
  g_assert_no_error (error);
  ar_test_settle ();

  /* the new entry comes first, with the field's label, not its column */
  after = editor_history_rows (editor);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (g_ptr_array_index (after, 0)), g_get_user_name ()));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (g_ptr_array_index (after, 0)), "Window"));
  subtitle = adw_action_row_get_subtitle (g_ptr_array_index (after, 0));
  expected = g_strdup_printf ("Town: %s → Brillbury", old_town ? old_town : "(empty)");
  g_assert_cmpstr (subtitle, ==, expected);
  scroll_to (find_named (GTK_WIDGET (editor), "history"));
  ar_test_screenshot (GTK_WIDGET (f->window), "history-editor.png");
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add ("/history-page/editor", Fixture, NULL, fixture_set_up, test_editor_history, fixture_tear_down);

  return g_test_run ();
}
