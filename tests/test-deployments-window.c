/* test-deployments-window.c: the Deployments page as a user meets it
 *
 * Its order and filters, the supporter picker, the support lists on
 * school and person forms, and the support report, driven through the
 * real widgets of the window on the sample register.
 * Screenshots go to $AR_BUILD_DIR/screenshots/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ar-application.h"
#include "ar-field-row.h"
#include "ar-record-list-page.h"
#include "ar-support-report-window.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

typedef struct
{
  ArStore          *store;
  ArWindow         *window;
  ArRecordListPage *list;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = ar_store_open_sample (&error);
  g_assert_no_error (error);
  f->window = ar_test_window_new (f->store, 1280, 800);

  f->list = ar_window_get_page_for_type (f->window, AR_TYPE_DEPLOYMENT);
  ar_test_activate (f->window, "win.show-section", "deployments");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ar_test_settle ();
  g_clear_object (&f->store);
}

/* Chooses the drop-down's item that reads @label. */
static void
choose (GtkDropDown *drop_down,
        const char  *label)
{
  GListModel *items = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (items, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        {
          gtk_drop_down_set_selected (drop_down, i);
          ar_test_settle ();
          return;
        }
    }

  g_error ("no “%s” to choose", label);
}

static guint
n_shown (Fixture *f)
{
  ar_test_settle ();
  return ar_record_list_page_get_n_shown (f->list);
}

/* The shown list's first column, row by row, as a user reads it. */
static char **
shown_schools (Fixture *f)
{
  g_autofree char *csv = ar_record_list_page_to_csv (f->list, NULL);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  g_autoptr(GStrvBuilder) schools = g_strv_builder_new ();

  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\",", 2);

      /* every cell is quoted; no school name here holds a quote */
      g_strv_builder_add (schools, cells[0] + 1);
    }

  return g_strv_builder_end (schools);
}

static void
test_newest_first (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(GStrv) schools = shown_schools (f);

  /* the sample's latest start (2027-01-11) first, its earliest last */
  g_assert_cmpuint (g_strv_length (schools), ==, 12);
  g_assert_cmpstr (schools[0], ==, "Goadby Marwood High School");
  g_assert_cmpstr (schools[11], ==, "Willoughby Waterleys Junior School");
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (f->list);
  GtkDropDown *status = GTK_DROP_DOWN (ar_test_find_tooltip (page, GTK_TYPE_DROP_DOWN, "Show only"));
  GtkDropDown *role = GTK_DROP_DOWN (ar_test_find_tooltip (page, GTK_TYPE_DROP_DOWN, "Show one role"));
  GtkDropDown *area = GTK_DROP_DOWN (ar_test_find_tooltip (page, GTK_TYPE_DROP_DOWN, "Show one area"));
  GtkEditable *active_on = GTK_EDITABLE (ar_test_find_tooltip (page, GTK_TYPE_ENTRY,
                                                      "Only those active on this date (YYYY-MM-DD)"));

  g_assert_nonnull (status);
  g_assert_nonnull (role);
  g_assert_nonnull (area);
  g_assert_nonnull (active_on);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (role)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (area)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (active_on)));
  g_assert_cmpuint (n_shown (f), ==, 12);

  choose (status, "Active");
  g_assert_cmpuint (n_shown (f), ==, 6);
  choose (role, "LLE");
  g_assert_cmpuint (n_shown (f), ==, 1);
  choose (status, "All");
  g_assert_cmpuint (n_shown (f), ==, 3);
  choose (role, "School-to-school");
  g_assert_cmpuint (n_shown (f), ==, 2);
  choose (role, "All roles");
  g_assert_cmpuint (n_shown (f), ==, 12);

  /* a deployment's area is its supported school's */
  choose (area, "Leicester");
  g_assert_cmpuint (n_shown (f), ==, 1);
  {
    g_auto(GStrv) schools = shown_schools (f);

    g_assert_cmpstr (schools[0], ==, "Aylestone Meadows Community Primary School");
  }
  choose (area, "All areas");

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (ar_test_find_widget (page, GTK_TYPE_SEARCH_BAR)), TRUE);
  gtk_editable_set_text (active_on, "2026-03-01");
  g_assert_cmpuint (n_shown (f), ==, 5);
  ar_test_screenshot (GTK_WIDGET (f->window), "deployments-active-on.png");

  /* half typed: marked, and the list stays as it was */
  gtk_editable_set_text (active_on, "2026-13");
  ar_test_settle ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (active_on), "error"));
  g_assert_cmpuint (n_shown (f), ==, 5);
  gtk_editable_set_text (active_on, "2027-03-01");
  ar_test_settle ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (active_on), "error"));
  g_assert_cmpuint (n_shown (f), ==, 6);
  gtk_editable_set_text (active_on, "");
  g_assert_cmpuint (n_shown (f), ==, 12);
}

/* A filter that hides the record being edited keeps the edit. */
static void
test_filter_keeps_edit (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (f->list);
  GtkEditable *active_on = GTK_EDITABLE (ar_test_find_tooltip (page, GTK_TYPE_ENTRY,
                                                      "Only those active on this date (YYYY-MM-DD)"));
  ArRecordEditor *editor = ar_record_list_page_get_editor (f->list);
  g_autoptr(ArRecord) saved = NULL;
  GtkWidget *focus_row;

  /* Goadby Marwood: planned for 2027, so not active in 2026 */
  g_assert_true (ar_record_list_page_select_id (f->list, 10));
  ar_test_settle ();
  focus_row = ar_record_editor_get_field_row (editor, "focus");
  g_assert_nonnull (focus_row);
  gtk_editable_set_text (GTK_EDITABLE (focus_row), "Early reading");
  ar_test_settle ();
  g_assert_true (ar_record_editor_get_dirty (editor));

  gtk_editable_set_text (active_on, "2026-03-01");
  g_assert_cmpuint (n_shown (f), ==, 5);
  saved = ar_store_get (f->store, AR_TYPE_DEPLOYMENT, 10, NULL);
  g_assert_cmpstr (ar_record_get_text (saved, "focus"), ==, "Early reading");
}

/* The supporting leader is chosen by name, not by a bare role. */
static void
test_supporter_picker (Fixture       *f,
                       gconstpointer  data)
{
  ArRecordEditor *editor = ar_record_list_page_get_editor (f->list);
  GtkWidget *row;
  GtkDropDown *drop_down;
  GListModel *choices;
  g_autofree char *chosen = NULL;
  g_autofree char *previous = NULL;

  /* Wistow Park's leadership support, by Isaac Norcross, an NLE */
  g_assert_true (ar_record_list_page_select_id (f->list, 2));
  ar_test_settle ();
  row = ar_record_editor_get_field_row (editor, "supporter_designation_id");
  g_assert_true (AR_IS_FIELD_ROW (row));
  chosen = ar_field_row_describe (ar_field_row_get_linked (AR_FIELD_ROW (row)));
  g_assert_cmpstr (chosen, ==, "Isaac Norcross · NLE");

  /* every choice names its holder, in name order */
  drop_down = GTK_DROP_DOWN (ar_test_find_widget (row, GTK_TYPE_DROP_DOWN));
  choices = gtk_drop_down_get_model (drop_down);
  g_assert_cmpuint (g_list_model_get_n_items (choices), >, 10);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(ArRecord) designation = g_list_model_get_item (choices, i);
      g_autofree char *name = ar_field_row_describe (designation);

      g_assert_nonnull (strstr (name, " · "));
      if (previous != NULL)
        g_assert_cmpint (g_utf8_collate (previous, name), <=, 0);
      g_free (previous);
      previous = g_steal_pointer (&name);
    }

  /* the supporting school's picker: names, told apart by URN */
  row = ar_record_editor_get_field_row (editor, "supporter_school_id");
  g_assert_true (AR_IS_FIELD_ROW (row));
  ar_test_screenshot (GTK_WIDGET (f->window), "deployments-form.png");
}

static gint64
find_id (ArStore    *store,
         GType       type,
         const char *name)
{
  g_autoptr(GListModel) records = ar_store_list (store, type, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (records, i);

      if (g_strcmp0 (ar_record_get_text (record, "name"), name) == 0)
        return ar_record_get_id (record);
    }

  g_error ("no “%s”", name);
}

/* Opens the record in its section's form, as a click on its row does. */
static ArRecordEditor *
open_record (Fixture    *f,
             const char *section,
             GType       type,
             const char *name)
{
  ArRecordListPage *list = ar_window_get_page_for_type (f->window, type);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "s", section));
  ar_test_settle ();
  g_assert_true (ar_record_list_page_select_id (list, find_id (f->store, type, name)));
  ar_test_settle ();

  return ar_record_list_page_get_editor (list);
}

static AdwPreferencesGroup *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget)
      && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return ADW_PREFERENCES_GROUP (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesGroup *found = find_group (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The group's rows' titles, joined by "|", in order. */
static char *
group_titles (AdwPreferencesGroup *group)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) titles = g_string_new (NULL);

  ar_test_find_all (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (titles, "%s%s", i ? "|" : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows->pdata[i])));

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
test_school_support (Fixture       *f,
                     gconstpointer  data)
{
  ArRecordEditor *editor = open_record (f, "schools", AR_TYPE_SCHOOL, "Wistow Park Primary School");
  AdwPreferencesGroup *received = find_group (GTK_WIDGET (editor), "Support received");
  g_autofree char *titles = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_nonnull (received);
  titles = group_titles (received);
  g_assert_nonnull (strstr (titles, "Isaac Norcross · NLE"));
  g_assert_nonnull (strstr (titles, "Oliver Greaves · NLG"));
  /* neither a national support school nor a teaching school */
  g_assert_null (find_group (GTK_WIDGET (editor), "Support given"));
  /* the lists are below the fold: their box, as it draws */
  ar_test_screenshot (gtk_widget_get_parent (GTK_WIDGET (received)), "deployments-school-received.png");

  /* a row opens the deployment */
  ar_test_find_all (GTK_WIDGET (received), ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  g_signal_emit_by_name (rows->pdata[0], "activated");
  ar_test_settle ();
  g_assert_cmpstr (ar_window_get_visible_section (f->window), ==, "deployments");
  g_assert_true (AR_IS_DEPLOYMENT (ar_record_list_page_get_selected (f->list)));

  /* a school that gives school-to-school support lists it */
  editor = open_record (f, "schools", AR_TYPE_SCHOOL, "Dunmere College");
  g_clear_pointer (&titles, g_free);
  g_assert_nonnull (find_group (GTK_WIDGET (editor), "Support given"));
  titles = group_titles (find_group (GTK_WIDGET (editor), "Support given"));
  g_assert_cmpstr (titles, ==, "Wymeswold Fields Infant School");
  /* its leaders are named (they read "(missing)" before) */
  g_clear_pointer (&titles, g_free);
  titles = group_titles (find_group (GTK_WIDGET (editor), "Leaders"));
  g_assert_null (strstr (titles, "(missing)"));
  g_assert_cmpstr (titles, !=, "");
  ar_test_screenshot (gtk_widget_get_parent (GTK_WIDGET (find_group (GTK_WIDGET (editor), "Support given"))),
                      "deployments-school-given.png");
}

static void
test_person_deployments (Fixture       *f,
                         gconstpointer  data)
{
  ArRecordEditor *editor = open_record (f, "leaders", AR_TYPE_PERSON, "Isaac Norcross");
  AdwPreferencesGroup *group = find_group (GTK_WIDGET (editor), "Deployments");
  g_autofree char *titles = NULL;

  g_assert_nonnull (group);
  titles = group_titles (group);
  g_assert_cmpstr (titles, ==, "Wistow Park Primary School");

  /* an NLG, through that designation */
  editor = open_record (f, "leaders", AR_TYPE_PERSON, "Oliver Greaves");
  g_clear_pointer (&titles, g_free);
  titles = group_titles (find_group (GTK_WIDGET (editor), "Deployments"));
  g_assert_cmpstr (titles, ==, "Wistow Park Primary School");
  ar_test_screenshot (gtk_widget_get_parent (GTK_WIDGET (find_group (GTK_WIDGET (editor), "Deployments"))),
                      "deployments-person.png");
}

static char *
screenshot_path (const char *name)
{
  g_autofree char *directory = g_build_filename (g_getenv ("AR_BUILD_DIR") ? g_getenv ("AR_BUILD_DIR") : g_get_tmp_dir (),
                                                 "screenshots", NULL);

  g_mkdir_with_parents (directory, 0755);
  return g_build_filename (directory, name, NULL);
}

/* From the summary: "Support in <area>" for a date or a period, printed,
 * exported in every format and copied. */
static void
test_support_report (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const formats[] = { "pdf", "odt", "html", "md", "csv", "text", "json" };
  g_autofree char *tmp = g_dir_make_tmp ("ar-support-XXXXXX", NULL);
  g_autofree char *pdf = screenshot_path ("support-report.pdf");
  ArSupportReportWindow *report_window;
  ArSupportReport *report;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "s", "summary"));
  ar_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.support-report", NULL));
  ar_test_settle ();
  report_window = AR_SUPPORT_REPORT_WINDOW (ar_test_find_toplevel (AR_TYPE_SUPPORT_REPORT_WINDOW));
  g_assert_nonnull (report_window);

  /* one day: the deployments active on it in the summary's area */
  ar_support_report_window_set_period (report_window, "2026-03-01", NULL);
  ar_test_settle ();
  report = ar_support_report_window_get_report (report_window);
  g_assert_nonnull (report);
  g_assert_cmpstr (ar_support_report_get_title (report), ==, "Support in Leicestershire");
  g_assert_cmpuint (ar_support_report_get_n_rows (report), ==, 5);

  /* a period: everything active on any day of it */
  ar_support_report_window_set_period (report_window, "2025-09-01", "2026-12-31");
  ar_test_settle ();
  report = ar_support_report_window_get_report (report_window);
  g_assert_nonnull (report);
  g_assert_cmpuint (ar_support_report_get_n_rows (report), >, 5);
  ar_test_screenshot (GTK_WIDGET (report_window), "support-report.png");

  /* dates that do not read, or run backwards: nothing to print */
  ar_support_report_window_set_period (report_window, "2026-13-01", NULL);
  ar_test_settle ();
  g_assert_null (ar_support_report_window_get_report (report_window));
  g_assert_false (gtk_widget_get_sensitive (ar_test_find_tooltip (GTK_WIDGET (report_window), GTK_TYPE_BUTTON,
                                                       "Copy the Table (Ctrl+Shift+C)")));
  ar_support_report_window_set_period (report_window, "2026-08-31", "2025-09-01");
  ar_test_settle ();
  g_assert_null (ar_support_report_window_get_report (report_window));
  ar_test_screenshot (GTK_WIDGET (report_window), "support-report-backwards.png");

  ar_support_report_window_set_period (report_window, "2025-09-01", "2026-12-31");
  ar_test_settle ();
  g_assert_nonnull (ar_support_report_window_get_report (report_window));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("support.%s", formats[i]);
      g_autofree char *path = g_build_filename (tmp, name, NULL);
      g_autofree char *bytes = NULL;
      gsize n = 0;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report_window), "report.export-to", "(ss)",
                                                 formats[i], path));
      ar_test_settle ();
      g_assert_true (g_file_get_contents (path, &bytes, &n, NULL));
      g_assert_cmpuint (n, >, 100);
      g_remove (path);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report_window), "report.print-to-file", "s", pdf));
  ar_test_settle ();
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report_window), "report.copy", NULL));
  ar_test_settle ();
  {
    GdkContentFormats *offered = gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (report_window)));

    g_assert_true (gdk_content_formats_contain_mime_type (offered, "text/html"));
    g_assert_true (gdk_content_formats_contain_gtype (offered, G_TYPE_STRING));
  }

  gtk_window_set_default_size (GTK_WINDOW (report_window), 360, 640);
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (report_window), "support-report-narrow.png");

  gtk_window_destroy (GTK_WINDOW (report_window));
  g_rmdir (tmp);
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (f->list);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (ar_test_find_widget (page, GTK_TYPE_SEARCH_BAR)), TRUE);
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (f->window), "deployments-narrow.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add ("/ar/deployments-window/newest-first", Fixture, NULL,
              fixture_set_up, test_newest_first, fixture_tear_down);
  g_test_add ("/ar/deployments-window/filters", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/ar/deployments-window/filter-keeps-edit", Fixture, NULL,
              fixture_set_up, test_filter_keeps_edit, fixture_tear_down);
  g_test_add ("/ar/deployments-window/supporter-picker", Fixture, NULL,
              fixture_set_up, test_supporter_picker, fixture_tear_down);
  g_test_add ("/ar/deployments-window/school-support", Fixture, NULL,
              fixture_set_up, test_school_support, fixture_tear_down);
  g_test_add ("/ar/deployments-window/person-deployments", Fixture, NULL,
              fixture_set_up, test_person_deployments, fixture_tear_down);
  g_test_add ("/ar/deployments-window/support-report", Fixture, NULL,
              fixture_set_up, test_support_report, fixture_tear_down);
  g_test_add ("/ar/deployments-window/narrow", Fixture, NULL,
              fixture_set_up, test_narrow, fixture_tear_down);

  return g_test_run ();
}
