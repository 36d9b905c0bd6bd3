/* test-history-page.c: the change history in the window: under a record's
 * form, and the History page with its filters and restore
 *
 * Screenshots go to $AR_BUILD_DIR/screenshots/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-history-item.h"
#include "ar-record-list-page.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

typedef struct
{
  ArStore  *store;
  ArWindow *window;
} Fixture;

/* The rows of the editor's History group, newest first */
static GPtrArray *
editor_history_rows (ArRecordEditor *editor)
{
  GtkWidget *group = ar_test_find_named (GTK_WIDGET (editor), "history");
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (group);
  ar_test_find_all (group, ADW_TYPE_ACTION_ROW, rows);

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
  f->window = ar_test_window_new (f->store, 1280, 800);
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
  ArRecordListPage *schools = ar_test_page (f->window, AR_TYPE_SCHOOL);
  ArRecordEditor *editor = ar_record_list_page_get_editor (schools);
  g_autoptr(ArRecord) school = ar_store_get (f->store, AR_TYPE_SCHOOL, 1, NULL);
  g_autofree char *old_town = g_strdup (ar_record_get_text (school, "town"));
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *subtitle;

  ar_test_activate (f->window, "win.show-section", "schools");
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
  scroll_to (ar_test_find_named (GTK_WIDGET (editor), "history"));
  ar_test_screenshot (GTK_WIDGET (f->window), "history-editor.png");
}

/* The History page ------------------------------------------------------ */

static ArHistoryPage *
history_page (Fixture *f)
{
  g_assert_nonnull (f->window->history_page);
  return f->window->history_page;
}

static guint
count_entries (ArStore    *store,
               const char *since)
{
  g_autoptr(GPtrArray) entries = ar_history_list (store, since, NULL, 0, NULL);

  g_assert_nonnull (entries);
  return entries->len;
}

/* The newest entry the page shows */
static ArChangeEntry *
first_shown (Fixture *f)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (ar_history_page_get_model (history_page (f)), 0);
  ArHistoryItem *item;

  g_assert_nonnull (row);
  item = gtk_tree_list_row_get_item (row);
  g_object_unref (item);   /* the row holds it */
  return ar_history_item_get_entry (item);
}

/* The entries another user made: the sample's were made by others */
static guint
gias_and_others (ArStore *store)
{
  g_autoptr(GPtrArray) entries = ar_history_list (store, NULL, NULL, 0, NULL);
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (((ArChangeEntry *) g_ptr_array_index (entries, i))->user, g_get_user_name ()) != 0)
      n++;

  return n;
}

static void
test_page_filters (Fixture       *f,
                   gconstpointer  data)
{
  ArHistoryPage *history = history_page (f);
  guint total;
  guint gias;

  ar_test_set (f->store, AR_TYPE_SCHOOL, 1, "town", "Brillbury");
  total = count_entries (f->store, NULL);
  g_assert_cmpuint (total, >=, 3);

  ar_test_activate (f->window, "win.show-section", "history");
  g_assert_cmpstr (ar_window_get_visible_section (f->window), ==, "history");
  g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, total);
  /* newest first: the edit just made */
  g_assert_cmpstr (first_shown (f)->source, ==, "window");
  g_assert_cmpstr (first_shown (f)->user, ==, g_get_user_name ());
  ar_test_screenshot (GTK_WIDGET (f->window), "history-page.png");

  /* the GIAS imports only, one row each, that open to their records */
  ar_history_page_set_source (history, "import-gias");
  ar_test_settle ();
  gias = ar_history_page_get_n_shown (history);
  g_assert_cmpuint (gias, >, 0);
  g_assert_cmpuint (gias, <, total);
  g_assert_cmpstr (first_shown (f)->source, ==, "import-gias");
  {
    g_autoptr(GtkTreeListRow) row = g_list_model_get_item (ar_history_page_get_model (history), 0);
    guint before = g_list_model_get_n_items (ar_history_page_get_model (history));

    gtk_tree_list_row_set_expanded (row, TRUE);
    ar_test_settle ();
    g_assert_cmpuint (g_list_model_get_n_items (ar_history_page_get_model (history)), ==,
                      before + first_shown (f)->changes->len);
    ar_test_screenshot (GTK_WIDGET (f->window), "history-page-gias.png");
  }
  ar_history_page_set_source (history, NULL);

  /* a kind of record: deployments were never touched by a GIAS import */
  ar_history_page_set_kind (history, "school");
  ar_test_settle ();
  g_assert_cmpuint (ar_history_page_get_n_shown (history), <=, total);
  g_assert_cmpuint (ar_history_page_get_n_shown (history), >, 0);
  ar_history_page_set_kind (history, NULL);

  /* the search finds a record by name, a user, a file */
  ar_history_page_set_search (history, "ashby parva");
  g_assert_cmpuint (ar_history_page_get_n_shown (history), >=, 1);
  g_assert_cmpuint (ar_history_page_get_n_shown (history), <, total);
  g_assert_cmpstr (first_shown (f)->source, ==, "window");
  ar_history_page_set_search (history, g_get_user_name ());
  g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, count_entries (f->store, NULL) - gias_and_others (f->store));
  ar_history_page_set_search (history, "edubasealldata");
  g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, gias);
  ar_history_page_set_search (history, "no such thing anywhere");
  g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, 0);
  ar_test_screenshot (GTK_WIDGET (f->window), "history-page-none.png");
  ar_history_page_set_search (history, NULL);

  /* a period: today's edit only, then nothing in the far future */
  {
    g_autofree char *today = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    today = g_date_time_format (now, "%Y-%m-%d");
    ar_history_page_set_period (history, today, today);
    g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, count_entries (f->store, today));
    ar_history_page_set_period (history, "2999-01-01", NULL);
    g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, 0);
    ar_history_page_set_period (history, NULL, "2000-01-01");
    g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, 0);
    /* half typed: no filter, and the date is marked */
    ar_history_page_set_period (history, "2026-1", NULL);
    g_assert_cmpuint (ar_history_page_get_n_shown (history), ==, total);
    ar_history_page_set_period (history, NULL, NULL);
  }

  /* narrow, as on a phone */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (f->window), "history-page-narrow.png");
}

static guint
count_all (ArStore *store)
{
  guint n_types;
  const GType *types = ar_record_types (&n_types);
  guint total = 0;

  for (guint i = 0; i < n_types; i++)
    total += ar_store_count (store, types[i]);

  return total;
}

static AdwMessageDialog *
find_dialog (Fixture    *f,
             const char *response)
{
  return ADW_MESSAGE_DIALOG (ar_test_find_dialog (GTK_WINDOW (f->window), response));
}

/* Deletes school 1 through the window, with what goes with it */
static void
delete_school (Fixture *f)
{
  ArRecordListPage *schools = ar_test_page (f->window, AR_TYPE_SCHOOL);

  ar_test_activate (f->window, "win.show-section", "schools");
  ar_record_list_page_select_id (schools, 1);
  ar_test_settle ();
  ar_test_activate (f->window, "win.delete", NULL);
  g_assert_null (ar_store_get (f->store, AR_TYPE_SCHOOL, 1, NULL));
}

static void
ask_restore (Fixture *f,
             gint64   entry_id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (history_page (f)), "history.restore", "x", entry_id));
  ar_test_settle ();
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ArRecord) school = ar_store_get (f->store, AR_TYPE_SCHOOL, 1, NULL);
  g_autoptr(ArRecord) back = NULL;
  guint all = count_all (f->store);
  guint entries;
  gint64 entry_id;
  AdwMessageDialog *dialog;

  delete_school (f);
  g_assert_cmpuint (count_all (f->store), <, all - 1);   /* it took links with it */

  ar_test_activate (f->window, "win.show-section", "history");
  g_assert_cmpuint (first_shown (f)->counts[AR_HISTORY_DELETED], >, 1);
  entry_id = first_shown (f)->id;
  entries = count_entries (f->store, NULL);

  /* cancelled: nothing changes */
  ask_restore (f, entry_id);
  dialog = find_dialog (f, "restore");
  g_assert_nonnull (dialog);
  ar_test_screenshot (GTK_WIDGET (dialog), "history-restore-dialog.png");
  adw_message_dialog_response (dialog, "cancel");
  ar_test_settle ();
  g_assert_null (ar_store_get (f->store, AR_TYPE_SCHOOL, 1, NULL));
  g_assert_cmpuint (count_entries (f->store, NULL), ==, entries);

  /* restored: the school and everything the deletion took, in one entry */
  ask_restore (f, entry_id);
  adw_message_dialog_response (find_dialog (f, "restore"), "restore");
  ar_test_settle ();
  back = ar_store_get (f->store, AR_TYPE_SCHOOL, 1, NULL);
  g_assert_nonnull (back);
  g_assert_true (ar_record_equal (back, school));
  g_assert_cmpuint (count_all (f->store), ==, all);
  g_assert_cmpuint (count_entries (f->store, NULL), ==, entries + 1);
  g_assert_cmpstr (first_shown (f)->source, ==, "window");
  g_assert_cmpuint (first_shown (f)->counts[AR_HISTORY_ADDED], >, 1);
  g_assert_null (find_dialog (f, "close"));
  ar_test_screenshot (GTK_WIDGET (f->window), "history-restored.png");

  /* the deletion's toast no longer offers its Undo: the records are back,
   * and an edit made since stays */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ArRecord) edited = ar_record_copy (back);
    g_autoptr(ArRecord) after = NULL;

    ar_record_set_text (edited, "town", "Brillbury Magna");
    g_assert_true (ar_store_save (f->store, edited, &error));
    g_assert_no_error (error);
    ar_test_settle ();
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", NULL);
    ar_test_settle ();
    after = ar_store_get (f->store, AR_TYPE_SCHOOL, 1, NULL);
    g_assert_nonnull (after);
    g_assert_cmpstr (ar_record_get_text (after, "town"), ==, "Brillbury Magna");
    entries++;
  }

  /* a second time: it is there already, and nothing changes */
  ask_restore (f, entry_id);
  adw_message_dialog_response (find_dialog (f, "restore"), "restore");
  ar_test_settle ();
  dialog = find_dialog (f, "close");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "in the register already"));
  adw_message_dialog_response (dialog, "close");
  g_assert_cmpuint (count_all (f->store), ==, all);
  g_assert_cmpuint (count_entries (f->store, NULL), ==, entries + 1);
}

/* A school with the same URN added since: refused, nothing changed */
static void
test_restore_conflict (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ArRecord) school = ar_store_get (f->store, AR_TYPE_SCHOOL, 1, NULL);
  guint all;
  guint entries;
  gint64 entry_id;
  AdwMessageDialog *dialog;

  delete_school (f);
  ar_test_activate (f->window, "win.show-section", "history");
  entry_id = first_shown (f)->id;
  ar_test_add_school (f->store, ar_record_get_text (school, "urn"), "Ashby Parva Academy", 0);
  all = count_all (f->store);
  entries = count_entries (f->store, NULL);

  ask_restore (f, entry_id);
  adw_message_dialog_response (find_dialog (f, "restore"), "restore");
  ar_test_settle ();
  dialog = find_dialog (f, "close");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was restored"));
  ar_test_screenshot (GTK_WIDGET (dialog), "history-restore-refused.png");
  adw_message_dialog_response (dialog, "close");
  ar_test_settle ();
  g_assert_null (ar_store_get (f->store, AR_TYPE_SCHOOL, 1, NULL));
  g_assert_cmpuint (count_all (f->store), ==, all);
  g_assert_cmpuint (count_entries (f->store, NULL), ==, entries);
}

/* The two-date summary ---------------------------------------------------- */

static void
test_explain_changes (Fixture       *f,
                      gconstpointer  data)
{
  ArSummaryPage *summary = f->window->summary_page;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GtkWidget *button;

  ar_test_set (f->store, AR_TYPE_SCHOOL, 1, "town", "Brillbury");
  ar_test_activate (f->window, "win.show-section", "summary");
  button = ar_test_find_actionable (GTK_WIDGET (summary), GTK_TYPE_BUTTON, "summary.explain-changes");
  g_assert_nonnull (button);
  /* only with a second date */
  g_assert_false (gtk_widget_get_visible (button));

  ar_summary_page_set_as_at (summary, today);
  ar_summary_page_set_compare_to (summary, "2026-11-01");
  ar_test_settle ();
  g_assert_true (gtk_widget_get_visible (button));
  ar_test_screenshot (GTK_WIDGET (f->window), "history-summary-explain.png");

  g_signal_emit_by_name (button, "clicked");
  ar_test_settle ();
  g_assert_cmpstr (ar_window_get_visible_section (f->window), ==, "history");
  /* the changes from the earlier date to the later, and no others */
  g_assert_cmpuint (ar_history_page_get_n_shown (history_page (f)), ==, count_entries (f->store, "2026-11-01"));
  g_assert_cmpuint (ar_history_page_get_n_shown (history_page (f)), <, count_entries (f->store, NULL));
  ar_test_screenshot (GTK_WIDGET (f->window), "history-explained.png");

  /* the dates the other way round say the same */
  ar_test_activate (f->window, "win.show-section", "summary");
  ar_summary_page_set_as_at (summary, "2026-11-01");
  ar_summary_page_set_compare_to (summary, today);
  ar_test_settle ();
  g_signal_emit_by_name (button, "clicked");
  ar_test_settle ();
  g_assert_cmpuint (ar_history_page_get_n_shown (history_page (f)), ==, count_entries (f->store, "2026-11-01"));
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add ("/history-page/editor", Fixture, NULL, fixture_set_up, test_editor_history, fixture_tear_down);
  g_test_add ("/history-page/filters", Fixture, NULL, fixture_set_up, test_page_filters, fixture_tear_down);
  g_test_add ("/history-page/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/history-page/explain-changes", Fixture, NULL, fixture_set_up, test_explain_changes, fixture_tear_down);
  g_test_add ("/history-page/restore-conflict", Fixture, NULL, fixture_set_up, test_restore_conflict, fixture_tear_down);

  return g_test_run ();
}
