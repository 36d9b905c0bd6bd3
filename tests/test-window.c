/* test-window.c: the window, driven through its actions as a user would
 *
 * Screenshots of each state go to $AR_BUILD_DIR/screenshots/ for a person
 * to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ar-application.h"
#include "ar-record-list-page.h"
#include "ar-summary-page.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

static void
test_empty_register (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  ArWindow *window = ar_test_window_new (store, 1000, 700);

  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "empty");
  ar_test_screenshot (GTK_WIDGET (window), "empty-register.png");

  /* the empty state's Add Alliance opens a new alliance */
  ar_test_activate (window, "win.add", NULL);
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "alliances");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_every_section (void)
{
  static const struct { const char *name; GType (*type) (void); } sections[] = {
    { "alliances", ar_alliance_get_type }, { "trusts", ar_trust_get_type },
    { "leaders", ar_person_get_type }, { "schools", ar_school_get_type },
    { "partners", ar_organisation_get_type },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  ArWindow *window = ar_test_window_new (store, 1280, 800);

  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "summary");
  ar_test_screenshot (GTK_WIDGET (window), "summary.png");

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *name = g_strdup_printf ("section-%s.png", sections[i].name);
      ArRecordListPage *list = ar_test_page (window, sections[i].type ());

      ar_test_activate (window, "win.show-section", sections[i].name);
      g_assert_cmpstr (ar_window_get_visible_section (window), ==, sections[i].name);
      g_assert_cmpuint (ar_record_list_page_get_n_shown (list), ==, ar_store_count (store, sections[i].type ()));
      ar_test_settle ();
      g_assert_true (ar_record_list_page_shows_list (list));

      /* the first record in the detail pane */
      ar_record_list_page_select_id (list, 1);
      ar_test_settle ();
      ar_test_screenshot (GTK_WIDGET (window), name);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_narrows_the_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  ArWindow *window = ar_test_window_new (store, 1280, 800);
  ArRecordListPage *schools = ar_test_page (window, AR_TYPE_SCHOOL);

  ar_test_activate (window, "win.show-section", "schools");
  ar_test_activate (window, "win.find", NULL);
  ar_record_list_page_set_search (schools, "AYSTON");
  ar_test_settle ();
  g_assert_cmpuint (ar_record_list_page_get_n_shown (schools), >=, 1);
  g_assert_cmpuint (ar_record_list_page_get_n_shown (schools), <, 10);
  ar_record_list_page_set_search (schools, "no school is called this");
  g_assert_cmpuint (ar_record_list_page_get_n_shown (schools), ==, 0);
  ar_test_screenshot (GTK_WIDGET (window), "search-nothing-found.png");
  ar_record_list_page_set_search (schools, "");
  g_assert_cmpuint (ar_record_list_page_get_n_shown (schools), ==, 95);

  /* one area at a time: the sample has six Rutland schools (area 3) */
  ar_record_list_page_set_area_filter (schools, 3);
  g_assert_cmpuint (ar_record_list_page_get_n_shown (schools), ==, 6);
  ar_record_list_page_set_search (schools, "ayston");
  g_assert_cmpuint (ar_record_list_page_get_n_shown (schools), ==, 1);
  ar_test_screenshot (GTK_WIDGET (window), "schools-area-filter.png");
  ar_record_list_page_set_search (schools, "");
  ar_record_list_page_set_area_filter (schools, 0);
  g_assert_cmpuint (ar_record_list_page_get_n_shown (schools), ==, 95);

  gtk_window_destroy (GTK_WINDOW (window));
}

static ArRecordEditor *
editor_of (ArWindow *window,
           GType     type)
{
  return ar_record_list_page_get_editor (ar_test_page (window, type));
}

/* Adds a record of the current section through the editor. */
static void
add_record (ArWindow           *window,
            const char         *section,
            GType               type,
            const char * const *fields)
{
  ArRecordEditor *editor = editor_of (window, type);

  ar_test_activate (window, "win.show-section", section);
  ar_test_activate (window, "win.add", NULL);
  for (guint i = 0; fields[i] != NULL; i += 2)
    ar_record_editor_set_field (editor, fields[i], fields[i + 1]);
  ar_test_settle ();
  if (!ar_record_editor_get_valid (editor))
    g_error ("cannot add to %s: %s", section, ar_record_editor_get_problem (editor));
  ar_test_activate (window, "win.save", NULL);
  g_assert_false (ar_record_editor_get_dirty (editor));
}

static ArRecordEditor *
dialog_editor (ArWindow *window)
{
  ArRecordEditor *editor = g_object_get_data (G_OBJECT (window), "ar-last-dialog-editor");

  g_assert_nonnull (editor);

  return editor;
}

static void
test_build_a_register (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *path = g_strdup (ar_store_get_path (store));
  g_autofree char *before_restart = NULL;
  g_autofree char *after_restart = NULL;
  ArWindow *window;
  ArRecordEditor *editor;
  gint64 area;

  area = ar_test_add_area (store, "855", "Leicestershire");
  window = ar_test_window_new (store, 1280, 800);

  /* a school: a bad URN is refused with the reason shown */
  editor = editor_of (window, AR_TYPE_SCHOOL);
  ar_test_activate (window, "win.show-section", "schools");
  ar_test_activate (window, "win.add", NULL);
  ar_record_editor_set_field (editor, "name", "Brookside Primary School");
  ar_record_editor_set_field (editor, "urn", "12A456");
  ar_test_settle ();
  g_assert_false (ar_record_editor_get_valid (editor));
  g_assert_cmpstr (ar_record_editor_get_problem (editor), ==, "URN: “12A456” is not six digits");
  ar_test_screenshot (GTK_WIDGET (window), "editor-invalid-urn.png");
  ar_record_editor_set_field (editor, "urn", "990201");
  ar_record_editor_set_field (editor, "area_id", "1");
  ar_record_editor_set_field (editor, "status", "open");
  ar_test_settle ();
  g_assert_true (ar_record_editor_get_valid (editor));
  ar_test_activate (window, "win.save", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 1);
  g_assert_cmpuint (ar_record_list_page_get_n_shown (ar_test_page (window, AR_TYPE_SCHOOL)), ==, 1);

  add_record (window, "schools", AR_TYPE_SCHOOL, (const char *[]) {
    "name", "Meadow Lane Academy", "urn", "990202", "area_id", "1", NULL });

  /* a trust with two academies, added from the trust's page */
  add_record (window, "trusts", AR_TYPE_TRUST, (const char *[]) {
    "name", "Brook Valley Learning Trust", "kind", "mat", NULL });
  for (gint64 school = 1; school <= 2; school++)
    {
      g_autoptr(ArRecord) academy = AR_RECORD (ar_trust_academy_new ());
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, school);

      ar_record_set_integer (academy, "trust_id", 1);
      ar_window_show_record (window, academy);
      ar_test_settle ();
      ar_record_editor_set_field (dialog_editor (window), "school_id", id);
      ar_record_editor_set_field (dialog_editor (window), "joined_on", "2019-09-01");
      ar_test_settle ();
      g_assert_true (ar_record_editor_save (dialog_editor (window), NULL));
      ar_test_settle ();
    }
  ar_record_list_page_select_id (ar_test_page (window, AR_TYPE_TRUST), 1);
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (window), "trust-with-academies.png");

  /* an alliance led by the first school, the second a member */
  add_record (window, "alliances", AR_TYPE_ALLIANCE, (const char *[]) {
    "name", "Brook Valley Teaching School Alliance", "lead_school_id", "1", "designated_on", "2015-04-01", NULL });
  {
    g_autoptr(ArRecord) member = AR_RECORD (ar_alliance_member_new ());

    ar_record_set_integer (member, "alliance_id", 1);
    ar_window_show_record (window, member);
    ar_test_settle ();
    ar_record_editor_set_field (dialog_editor (window), "school_id", "2");
    ar_record_editor_set_field (dialog_editor (window), "role", "supported-school");
    ar_test_settle ();
    g_assert_true (ar_record_editor_save (dialog_editor (window), NULL));
    ar_test_settle ();
  }

  /* a person with an NLE designation */
  add_record (window, "leaders", AR_TYPE_PERSON, (const char *[]) {
    "name", "Alex Morgan", "job_title", "Headteacher", "school_id", "1", NULL });
  {
    g_autoptr(ArRecord) designation = AR_RECORD (ar_designation_new ());

    ar_record_set_integer (designation, "person_id", 1);
    ar_window_show_record (window, designation);
    ar_test_settle ();
    ar_record_editor_set_field (dialog_editor (window), "role", "NLE");
    ar_record_editor_set_field (dialog_editor (window), "starts_on", "2020-09-01");
    ar_test_settle ();
    g_assert_true (ar_record_editor_save (dialog_editor (window), NULL));
    ar_test_settle ();
  }
  ar_record_list_page_select_id (ar_test_page (window, AR_TYPE_PERSON), 1);
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (window), "leader-with-designation.png");

  /* the summary shows them */
  ar_test_activate (window, "win.show-section", "summary");
  g_assert_cmpint (ar_test_count (store, "855", NULL, "TSA"), ==, 1);
  {
    GtkWidget *summary_page = NULL;
    ArSummary *summary;

    summary_page = GTK_WIDGET (window->summary_page);
    g_assert_nonnull (summary_page);
    summary = ar_summary_page_get_summary (AR_SUMMARY_PAGE (summary_page));
    g_assert_nonnull (summary);
    g_assert_cmpstr (ar_summary_row_get_figure (ar_summary_get_row (summary, 1)), ==,
                     "1 MAT sponsoring 2 Leicestershire schools");
    g_assert_cmpstr (ar_summary_row_get_figure (ar_summary_get_row (summary, 2)), ==, "1");
    g_assert_cmpstr (ar_summary_row_get_figure (ar_summary_get_row (summary, 3)), ==, "1");
  }
  ar_test_screenshot (GTK_WIDGET (window), "summary-after-adding.png");

  /* delete the trust (with its academies), then undo */
  ar_test_activate (window, "win.show-section", "trusts");
  ar_record_list_page_select_id (ar_test_page (window, AR_TYPE_TRUST), 1);
  ar_test_settle ();
  ar_test_activate (window, "win.delete", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST), ==, 0);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 0);
  ar_test_screenshot (GTK_WIDGET (window), "deleted-with-undo.png");
  ar_test_activate (window, "win.undo-delete", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST), ==, 1);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 2);

  /* an unsaved valid edit is kept when the window closes */
  ar_test_activate (window, "win.show-section", "schools");
  ar_record_list_page_select_id (ar_test_page (window, AR_TYPE_SCHOOL), 2);
  ar_test_settle ();
  ar_record_editor_set_field (editor_of (window, AR_TYPE_SCHOOL), "town", "Brookby");
  ar_test_settle ();
  before_restart = ar_test_export (store);
  gtk_window_close (GTK_WINDOW (window));
  ar_test_settle ();

  /* a restart shows everything saved */
  g_clear_object (&store);
  store = ar_store_open (path, NULL);
  window = ar_test_window_new (store, 1280, 800);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 2);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_DESIGNATION), ==, 1);
  after_restart = ar_test_export (store);
  g_assert_nonnull (strstr (after_restart, "\"town\" : \"Brookby\""));
  g_assert_cmpuint (ar_record_list_page_get_n_shown (ar_test_page (window, AR_TYPE_SCHOOL)), ==, 2);
  /* closing saved the edit and nothing else: the register is what it was
   * before the window closed, but for that town */
  g_assert_null (strstr (before_restart, "Brookby"));
  {
    g_autoptr(GString) saved = g_string_new (after_restart);

    g_assert_cmpuint (g_string_replace (saved, "\"town\" : \"Brookby\"", "\"town\" : null", 0), ==, 1);
    g_assert_cmpstr (saved->str, ==, before_restart);
  }
  (void) area;

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_link_opens_with_one_click_and_back_returns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  ArWindow *window = ar_test_window_new (store, 1280, 800);
  g_autoptr(ArRecord) school = ar_store_get (store, AR_TYPE_SCHOOL, 1, NULL);

  ar_test_activate (window, "win.show-section", "alliances");
  ar_record_list_page_select_id (ar_test_page (window, AR_TYPE_ALLIANCE), 1);
  ar_test_settle ();

  /* what the teaching school row's click does */
  g_signal_emit_by_name (editor_of (window, AR_TYPE_ALLIANCE), "open-record", school);
  ar_test_settle ();
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "schools");
  g_assert_cmpint (ar_record_get_id (ar_record_list_page_get_selected (ar_test_page (window, AR_TYPE_SCHOOL))), ==, 1);
  ar_test_screenshot (GTK_WIDGET (window), "school-with-links.png");

  ar_test_activate (window, "win.back", NULL);
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "alliances");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_print_and_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  ArWindow *window = ar_test_window_new (store, 1280, 800);
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *pdf = g_build_filename (directory, "printed.pdf", NULL);
  g_autofree char *command = g_strdup_printf ("pdftotext '%s' -", pdf);
  g_autofree char *text = NULL;
  GtkWidget *summary_page = NULL;
  GdkContentFormats *formats;

  summary_page = GTK_WIDGET (window->summary_page);
  g_assert_nonnull (summary_page);
  ar_summary_page_set_area (AR_SUMMARY_PAGE (summary_page), "855");
  ar_test_settle ();

  /* printing through GtkPrintOperation, exported to a file */
  g_assert_true (gtk_widget_activate_action (summary_page, "summary.print-to-file", "s", pdf));
  ar_test_settle ();
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "System Leadership in Leicestershire"));
  g_assert_nonnull (strstr (text, "9 MATs sponsoring"));
  g_assert_nonnull (strstr (text, "Key functions"));

  /* Copy offers the table as HTML and as plain text */
  g_assert_true (gtk_widget_activate_action (summary_page, "summary.copy", NULL));
  ar_test_settle ();
  formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (summary_page));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/html"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Picking a day in the calendar recounts the summary for that day. */
static void
test_summary_as_at_from_calendar (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  ArWindow *window = ar_test_window_new (store, 1280, 800);
  GtkWidget *calendar = ar_test_find_widget (GTK_WIDGET (window->summary_page), GTK_TYPE_CALENDAR);
  g_autoptr(GDateTime) day = g_date_time_new_local (2013, 6, 1, 0, 0, 0);
  ArSummary *summary;

  g_assert_nonnull (calendar);
  ar_summary_page_set_area (window->summary_page, "855");
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_signal_emit_by_name (calendar, "day-selected");
  ar_test_settle ();

  summary = ar_summary_page_get_summary (window->summary_page);
  g_assert_cmpstr (ar_summary_get_as_at (summary), ==, "2013-06-01");
  g_assert_cmpint (ar_summary_row_get_count (ar_summary_get_row (summary, 0)), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* About, through the application's action, shows the metainfo's release. */
static void
test_about_from_metainfo (void)
{
  g_autoptr(ArApplication) app = ar_application_new ();
  g_autoptr(GError) error = NULL;
  GListModel *toplevels;
  GtkWidget *about = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  ar_test_settle ();

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (window))
        about = GTK_WIDGET (window);
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about)), "<p>"));
  ar_test_screenshot (about, "about.png");
  gtk_window_destroy (GTK_WINDOW (about));
}

static void
on_changed_count (ArStore *store,
                  GType    type,
                  guint   *count)
{
  (*count)++;
}

/* Export Register… and Import Register…, each in a thread, with the window
 * showing the imported register when it lands. */
static void
test_register_file_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) sample = ar_store_open_sample (&error);
  g_autoptr(ArStore) empty = ar_test_store_new ();
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *json = g_build_filename (directory, "register.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  ArWindow *window = ar_test_window_new (sample, 1280, 800);
  guint changes = 0;

  ar_test_activate (window, "win.export-register-to", json);
  while (!g_file_test (json, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  ar_test_settle ();
  expected = ar_test_export (sample);
  g_file_get_contents (json, &written, NULL, NULL);
  g_assert_cmpstr (written, ==, expected);
  gtk_window_destroy (GTK_WINDOW (window));

  window = ar_test_window_new (empty, 1280, 800);
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "empty");
  g_signal_connect (empty, "changed", G_CALLBACK (on_changed_count), &changes);
  ar_test_activate (window, "win.import-register-from", json);
  while (changes == 0)
    g_main_context_iteration (NULL, TRUE);
  ar_test_settle ();
  g_assert_cmpuint (ar_store_count (empty, AR_TYPE_SCHOOL), ==, 95);
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "summary");
  g_assert_cmpuint (ar_record_list_page_get_n_shown (ar_test_page (window, AR_TYPE_PERSON)), ==, 63);

  gtk_window_destroy (GTK_WINDOW (window));
  ar_test_remove_dir (directory);
}

/* A list exports as the user sees it: searched and sorted, but with every
 * column, even those a narrow window hides. */
static void
test_export_list_as_shown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "schools.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  ArWindow *window = ar_test_window_new (store, 360, 720);
  ArRecordListPage *schools;
  guint shown;

  ar_test_activate (window, "win.show-section", "schools");
  schools = ar_test_page (window, AR_TYPE_SCHOOL);
  ar_record_list_page_set_search (schools, "church");
  ar_test_settle ();
  shown = ar_record_list_page_get_n_shown (schools);
  g_assert_cmpuint (shown, >, 2);
  g_assert_cmpuint (shown, <, 95);
  g_assert_true (ar_record_list_page_is_narrow (schools));

  /* written in the background: wait until it is all there */
  ar_test_activate (window, "win.export-list-to", path);
  for (;;)
    {
      g_clear_pointer (&csv, g_free);
      g_clear_pointer (&lines, g_strfreev);
      if (g_file_get_contents (path, &csv, NULL, NULL))
        {
          lines = g_strsplit (csv, "\r\n", -1);
          if (g_strv_length (lines) >= shown + 2)
            break;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  ar_test_settle ();

  g_assert_cmpuint (g_strv_length (lines), ==, shown + 2);
  g_assert_cmpstr (lines[0], ==, "\"URN\",\"Name\",\"Area\",\"Phase\",\"Status\",\"Trust\"");
  g_assert_cmpstr (lines[shown + 1], ==, "");
  for (guint i = 1; i <= shown; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\",\"", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 6);
      g_assert_nonnull (strstr (cells[1], "Church"));
      if (i > 1)
        {
          g_auto(GStrv) before = g_strsplit (lines[i - 1], "\",\"", -1);

          g_assert_cmpint (g_utf8_collate (before[1], cells[1]), <=, 0);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
visible_columns (ArWindow *window,
                 GType     type)
{
  GtkWidget *view = ar_test_find_widget (GTK_WIDGET (ar_test_page (window, type)), GTK_TYPE_COLUMN_VIEW);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  guint n = 0;

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      n += gtk_column_view_column_get_visible (column);
    }

  return n;
}

static void
test_narrow_and_dark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  ArWindow *window = ar_test_window_new (store, 360, 720);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(ArRecord) school = NULL;

  ar_test_screenshot (GTK_WIDGET (window), "narrow-sidebar.png");
  ar_test_activate (window, "win.show-section", "schools");
  ar_test_screenshot (GTK_WIDGET (window), "narrow-schools.png");
  /* a phone-sized list keeps URN and name, not six letters of each name */
  g_assert_true (ar_record_list_page_is_narrow (ar_test_page (window, AR_TYPE_SCHOOL)));
  g_assert_cmpuint (visible_columns (window, AR_TYPE_SCHOOL), ==, 2);
  g_assert_false (ar_record_list_page_get_details_shown (ar_test_page (window, AR_TYPE_SCHOOL)));
  /* going to a record (a link, a search result) shows its details */
  school = ar_store_get (store, AR_TYPE_SCHOOL, 1, &error);
  g_assert_no_error (error);
  ar_window_show_record (window, school);
  ar_test_settle ();
  g_assert_true (ar_record_list_page_get_details_shown (ar_test_page (window, AR_TYPE_SCHOOL)));
  ar_test_screenshot (GTK_WIDGET (window), "narrow-school-detail.png");
  ar_test_activate (window, "win.show-section", "summary");
  ar_test_screenshot (GTK_WIDGET (window), "narrow-summary.png");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ar_test_activate (window, "win.show-section", "schools");
  for (int frame = 0; frame < 100 && ar_record_list_page_is_narrow (ar_test_page (window, AR_TYPE_SCHOOL)); frame++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      ar_test_settle ();
    }
  g_assert_false (ar_record_list_page_is_narrow (ar_test_page (window, AR_TYPE_SCHOOL)));
  g_assert_cmpuint (visible_columns (window, AR_TYPE_SCHOOL), ==, 6);
  ar_test_activate (window, "win.show-section", "summary");
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (window), "dark-summary.png");
  ar_test_activate (window, "win.show-section", "leaders");
  ar_record_list_page_select_id (ar_test_page (window, AR_TYPE_PERSON), 1);
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (window), "dark-leaders.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_accelerators (GtkWidget *widget,
                      GString   *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_string_append_printf (out, "%s\n", accelerator);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, out);
}

/* Every accelerator the window and the summary install is in the
 * shortcuts window. */
static void
test_shortcuts_window_lists_them_all (void)
{
  static const char * const expected[] = {
    "<Control>n", "<Control>s", "<Control>f", "Delete", "<Control>e", "<Alt>Left", "<Control>o", "<Control>i",
    "<Control>p", "<Control><Shift>c", "<Control>q", "<Control>comma", "<Control>w", "<Control>question",
    "<Alt>1...7", "<Control>z", "<Control><Shift>z",
  };
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GString) listed = g_string_new (NULL);

  gtk_window_present (GTK_WINDOW (overlay));
  collect_accelerators (overlay, listed);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s\n", expected[i]);

      if (strstr (listed->str, line) == NULL)
        g_error ("the shortcuts window does not list %s", expected[i]);
    }
  ar_test_screenshot (overlay, "shortcuts.png");
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/window/empty-register", test_empty_register);
  g_test_add_func ("/ar/window/every-section", test_every_section);
  g_test_add_func ("/ar/window/search-narrows-the-list", test_search_narrows_the_list);
  g_test_add_func ("/ar/window/build-a-register", test_build_a_register);
  g_test_add_func ("/ar/window/link-opens-and-back-returns", test_link_opens_with_one_click_and_back_returns);
  g_test_add_func ("/ar/window/print-and-copy", test_print_and_copy);
  g_test_add_func ("/ar/window/summary-as-at-from-calendar", test_summary_as_at_from_calendar);
  g_test_add_func ("/ar/window/about-from-metainfo", test_about_from_metainfo);
  g_test_add_func ("/ar/window/register-file-round-trip", test_register_file_round_trip);
  g_test_add_func ("/ar/window/narrow-and-dark", test_narrow_and_dark);
  g_test_add_func ("/ar/window/shortcuts-window-lists-them-all", test_shortcuts_window_lists_them_all);
  g_test_add_func ("/ar/window/export-list-as-shown", test_export_list_as_shown);

  return g_test_run ();
}
