/* test-editing.c: forms in the window: nothing typed is ever lost
 *
 * Each way of leaving a form is tried twice: with a valid edit (it is
 * saved) and with an invalid one (the form stays, says why, and asks
 * whether to discard). Screenshots go to $AR_BUILD_DIR/screenshots/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ar-gias-import-dialog.h"
#include "ar-record-list-page.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

typedef struct
{
  ArStore  *store;
  ArWindow *window;
  char     *directory;
  gint64    school_id;
  char     *old_town;
  guint     n_filtered;
} Fixture;

static ArRecordEditor *
schools_editor (Fixture *f)
{
  return ar_record_list_page_get_editor (ar_test_page (f->window, AR_TYPE_SCHOOL));
}

static char *
stored_town (Fixture *f)
{
  g_autoptr(ArRecord) school = ar_store_get (f->store, AR_TYPE_SCHOOL, f->school_id, NULL);

  return g_strdup (ar_record_get_text (school, "town"));
}

/* The "Discard changes?" dialog over the window, if one is shown. */
static AdwMessageDialog *
discard_dialog (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && gtk_window_get_transient_for (window) == GTK_WINDOW (f->window)
          && gtk_widget_get_visible (GTK_WIDGET (window))
          && adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (window), "discard"))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) school = NULL;

  f->store = ar_store_open_sample (&error);
  g_assert_no_error (error);
  f->directory = ar_test_make_dir ();
  f->window = ar_test_window_new (f->store, 1280, 800);

  /* a school reached from its alliance, so that Back has somewhere to go */
  f->school_id = 1;
  school = ar_store_get (f->store, AR_TYPE_SCHOOL, f->school_id, NULL);
  f->old_town = g_strdup (ar_record_get_text (school, "town"));
  ar_test_activate (f->window, "win.show-section", "alliances");
  ar_record_list_page_select_id (ar_test_page (f->window, AR_TYPE_ALLIANCE), 1);
  ar_test_settle ();
  g_signal_emit_by_name (ar_record_list_page_get_editor (ar_test_page (f->window, AR_TYPE_ALLIANCE)), "open-record", school);
  ar_test_settle ();
  g_assert_cmpstr (ar_window_get_visible_section (f->window), ==, "schools");
  g_assert_cmpint (ar_record_get_id (ar_record_editor_get_record (schools_editor (f))), ==, f->school_id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  GListModel *toplevels = gtk_window_get_toplevels ();

  while ((dialog = discard_dialog (f)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (AR_IS_GIAS_IMPORT_DIALOG (window))
        gtk_window_destroy (window);
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
  ar_test_settle ();
  g_clear_object (&f->store);
  ar_test_remove_dir (f->directory);
  g_free (f->directory);
  g_free (f->old_town);
}

/* Ways of leaving ------------------------------------------------------ */

static void
leave_by_row (Fixture *f)
{
  GtkWidget *view = ar_test_find_widget (GTK_WIDGET (ar_test_page (f->window, AR_TYPE_SCHOOL)), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *selection;

  /* what a click on another row does to the column view's selection */
  g_assert_nonnull (view);
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (ar_record_get_id (record) != f->school_id)
        {
          gtk_selection_model_select_item (selection, i, TRUE);
          break;
        }
    }
  ar_test_settle ();
}

static void
leave_by_new (Fixture *f)
{
  ar_test_activate (f->window, "win.add", NULL);
}

static void
leave_by_back (Fixture *f)
{
  ar_test_activate (f->window, "win.back", NULL);
}

static void
leave_by_section (Fixture *f)
{
  ar_test_activate (f->window, "win.show-section", "trusts");
}

static void
leave_by_link (Fixture *f)
{
  g_autoptr(ArRecord) alliance = ar_store_get (f->store, AR_TYPE_ALLIANCE, 1, NULL);

  /* what a click on a row of the school's alliances does */
  g_signal_emit_by_name (schools_editor (f), "open-record", alliance);
  ar_test_settle ();
}

static void
leave_by_search (Fixture *f)
{
  ar_record_list_page_set_search (ar_test_page (f->window, AR_TYPE_SCHOOL), "zz");
  ar_test_settle ();
}

static void
leave_by_filter (Fixture *f)
{
  g_autoptr(GListModel) areas = ar_store_list (f->store, AR_TYPE_AREA, NULL);
  g_autoptr(ArRecord) area = g_list_model_get_item (areas, g_list_model_get_n_items (areas) - 1);

  /* one area, then all of them again */
  ar_record_list_page_set_area_filter (ar_test_page (f->window, AR_TYPE_SCHOOL),
                                       f->n_filtered++ % 2 == 0 ? ar_record_get_id (area) : 0);
  ar_test_settle ();
}

static void
leave_by_gias_import (Fixture *f)
{
  g_autofree char *establishments = g_build_filename (g_getenv ("AR_TEST_DATA"), "gias",
                                                      "establishments-2024-cp1252.csv", NULL);
  const char *paths[] = { establishments, NULL };
  GListModel *toplevels = NULL;
  ArGiasImportDialog *dialog = NULL;

  ar_test_activate (f->window, "win.import-gias", NULL);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (AR_IS_GIAS_IMPORT_DIALOG (window))
        dialog = AR_GIAS_IMPORT_DIALOG (window);
    }
  if (dialog == NULL)
    return;

  ar_gias_import_dialog_set_areas (dialog, "");
  ar_gias_import_dialog_start (dialog, paths);
  while (g_strcmp0 (ar_gias_import_dialog_get_stage (dialog), "result") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (ar_gias_import_dialog_get_result_title (dialog), ==, "Import Finished");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ar_test_settle ();
}

static void
on_changed (ArStore *store,
            GType    type,
            guint   *count)
{
  (*count)++;
}

static void
leave_by_register_import (Fixture *f)
{
  g_autofree char *json = g_build_filename (f->directory, "register.json", NULL);
  g_autofree char *text = ar_test_export (f->store);
  guint changes = 0;
  gulong handler;

  g_assert_true (g_file_set_contents (json, text, -1, NULL));
  handler = g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &changes);
  ar_test_activate (f->window, "win.import-register-from", json);
  if (discard_dialog (f) == NULL)
    while (changes == 0)
      g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (f->store, handler);
  ar_test_settle ();
}

static gboolean
find_button (GtkWidget  *widget,
             const char *label,
             GtkWidget **found)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    {
      *found = widget;
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_button (child, label, found))
      return TRUE;

  return FALSE;
}

/* Clicks a dialog's button, as the user would. */
static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = NULL;

  g_assert_true (find_button (GTK_WIDGET (dialog), label, &button));
  g_signal_emit_by_name (button, "clicked");
  ar_test_settle ();
}

static gboolean
import_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (AR_IS_GIAS_IMPORT_DIALOG (window))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  const char *name;
  void      (*leave) (Fixture *f);
  /* after Discard: where the user went, or NULL to stay */
  const char *section;
  int         record;
} Way;

enum { SAME, OTHER, NEW };

static const Way ways[] = {
  { "row", leave_by_row, "schools", OTHER },
  { "new", leave_by_new, "schools", NEW },
  { "back", leave_by_back, "alliances", -1 },
  { "section", leave_by_section, "trusts", -1 },
  { "link", leave_by_link, "alliances", -1 },
  { "search", leave_by_search, "schools", SAME },
  { "filter", leave_by_filter, "schools", SAME },
  { "gias-import", leave_by_gias_import, "schools", SAME },
  { "register-import", leave_by_register_import, "schools", SAME },
};

/* A valid edit is saved on the way out. */
static void
test_leave_saves_valid (Fixture       *f,
                        gconstpointer  data)
{
  const Way *way = data;
  g_autofree char *town = NULL;

  ar_record_editor_set_field (schools_editor (f), "town", "Brookby");
  ar_test_settle ();
  g_assert_true (ar_record_editor_get_dirty (schools_editor (f)));

  way->leave (f);

  town = stored_town (f);
  g_assert_cmpstr (town, ==, "Brookby");
  g_assert_null (discard_dialog (f));
}

/* An invalid edit keeps the form where it is, says why, and asks; Discard
 * drops the edits and carries on. */
static void
test_leave_keeps_invalid (Fixture       *f,
                          gconstpointer  data)
{
  const Way *way = data;
  ArRecordEditor *editor = schools_editor (f);
  AdwMessageDialog *dialog;
  g_autofree char *town = NULL;
  g_autofree char *shot = g_strdup_printf ("discard-after-%s.png", way->name);

  ar_record_editor_set_field (editor, "town", "Brookby");
  ar_record_editor_set_field (editor, "urn", "12345");
  ar_test_settle ();
  g_assert_false (ar_record_editor_get_valid (editor));

  way->leave (f);

  /* still on the record, edits and all */
  g_assert_cmpstr (ar_window_get_visible_section (f->window), ==, "schools");
  g_assert_cmpint (ar_record_get_id (ar_record_editor_get_record (editor)), ==, f->school_id);
  g_assert_true (ar_record_editor_get_dirty (editor));
  g_assert_false (ar_record_editor_get_valid (editor));
  g_assert_nonnull (ar_record_editor_get_problem (editor));
  town = stored_town (f);
  g_assert_cmpstr (town, ==, f->old_town);

  dialog = discard_dialog (f);
  g_assert_nonnull (dialog);
  if (g_str_equal (way->name, "row"))
    {
      ar_test_screenshot (GTK_WIDGET (dialog), "discard-dialog.png");
      ar_test_screenshot (GTK_WIDGET (f->window), "discard-dialog-window.png");
    }

  /* Cancel: nothing changes */
  respond (dialog, "_Keep Editing");
  g_assert_true (ar_record_editor_get_dirty (schools_editor (f)));
  g_assert_null (discard_dialog (f));

  /* told once per edit: change it, then leave again, and Discard */
  ar_record_editor_set_field (schools_editor (f), "urn", "12344");
  ar_test_settle ();
  way->leave (f);
  dialog = discard_dialog (f);
  g_assert_nonnull (dialog);
  respond (dialog, "_Discard");
  g_free (town);
  town = stored_town (f);
  g_assert_cmpstr (town, ==, f->old_town);
  g_assert_null (discard_dialog (f));

  /* and the way out was taken */
  g_assert_cmpstr (ar_window_get_visible_section (f->window), ==, way->section);
  if (way->record >= 0)
    {
      ArRecord *shown = ar_record_editor_get_record (editor);

      g_assert_nonnull (shown);
      if (way->record == SAME)
        g_assert_cmpint (ar_record_get_id (shown), ==, f->school_id);
      else if (way->record == OTHER)
        g_assert_cmpint (ar_record_get_id (shown), !=, f->school_id);
      else
        g_assert_cmpint (ar_record_get_id (shown), ==, 0);
      if (way->record != NEW)
        g_assert_false (ar_record_editor_get_dirty (editor));
    }
  if (g_str_equal (way->name, "gias-import"))
    g_assert_true (import_dialog_shown ());
}

/* A form left open during an import offers what the import brought: a
 * new school's Area list fills without reopening the form. */
static void
test_form_follows_import (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *establishments = g_build_filename (g_getenv ("AR_TEST_DATA"), "gias",
                                                      "establishments-2024-cp1252.csv", NULL);
  const char *paths[] = { establishments, NULL };
  ArWindow *window = ar_window_new (NULL, store);
  ArRecordEditor *editor = ar_record_list_page_get_editor (ar_test_page (window, AR_TYPE_SCHOOL));
  GListModel *toplevels = gtk_window_get_toplevels ();
  ArGiasImportDialog *dialog = NULL;
  GtkWidget *area;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  ar_test_settle ();
  ar_test_activate (window, "win.show-section", "schools");
  ar_test_activate (window, "win.add", NULL);
  area = ar_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (area);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (area))), ==, 0);

  /* a blank form is no edit: nothing asks, nothing is saved */
  ar_test_activate (window, "win.import-gias", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (AR_IS_GIAS_IMPORT_DIALOG (toplevel))
        dialog = AR_GIAS_IMPORT_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  ar_gias_import_dialog_set_areas (dialog, "");
  ar_gias_import_dialog_start (dialog, paths);
  while (g_strcmp0 (ar_gias_import_dialog_get_stage (dialog), "result") != 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ar_test_settle ();

  g_assert_nonnull (ar_record_editor_get_record (editor));
  g_assert_cmpint (ar_record_get_id (ar_record_editor_get_record (editor)), ==, 0);
  area = ar_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (area))), ==,
                    ar_store_count (store, AR_TYPE_AREA));
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_AREA), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  ar_test_settle ();
}

static double
row_top (Fixture    *f,
         const char *field)
{
  GtkWidget *row = ar_record_editor_get_field_row (schools_editor (f), field);
  graphene_point_t point;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ar_test_settle ();
  g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (schools_editor (f)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));

  return point.y;
}

/* Every field that is wrong is marked at once with its own message, and
 * the form stays still as they come and go. */
static void
test_every_invalid_field_marked (Fixture       *f,
                                 gconstpointer  data)
{
  ArRecordEditor *editor = schools_editor (f);
  double town_before = row_top (f, "town");
  double notes_before = row_top (f, "notes");

  ar_record_editor_set_field (editor, "urn", "12345");
  ar_record_editor_set_field (editor, "open_date", "2024-02-30");
  ar_record_editor_set_field (editor, "close_date", "2024-13");
  ar_record_editor_set_field (editor, "name", "");
  ar_test_settle ();

  g_assert_cmpstr (ar_record_editor_get_field_problem (editor, "urn"), ==, "URN: “12345” is not six digits");
  g_assert_cmpstr (ar_record_editor_get_field_problem (editor, "open_date"), ==,
                   "Opened: “2024-02-30” is an impossible date");
  g_assert_cmpstr (ar_record_editor_get_field_problem (editor, "close_date"), ==,
                   "Closed: “2024-13” is not a date in the form YYYY-MM-DD");
  g_assert_cmpstr (ar_record_editor_get_field_problem (editor, "name"), ==, "Name is required");
  {
    GtkWidget *save = NULL, *revert = NULL;

    g_assert_true (find_button (GTK_WIDGET (editor), "_Save", &save));
    g_assert_true (find_button (GTK_WIDGET (editor), "_Revert", &revert));
    g_assert_false (gtk_widget_get_sensitive (save));
    g_assert_true (gtk_widget_get_sensitive (revert));
  }
  g_assert_null (ar_record_editor_get_field_problem (editor, "town"));
  g_assert_true (gtk_widget_has_css_class (ar_record_editor_get_field_row (editor, "urn"), "error"));
  g_assert_true (gtk_widget_has_css_class (ar_record_editor_get_field_row (editor, "open_date"), "error"));
  g_assert_false (gtk_widget_has_css_class (ar_record_editor_get_field_row (editor, "town"), "error"));
  g_assert_cmpfloat (row_top (f, "town"), ==, town_before);
  g_assert_cmpfloat (row_top (f, "notes"), ==, notes_before);
  ar_test_screenshot (GTK_WIDGET (f->window), "every-invalid-field.png");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (f->window), "every-invalid-field-narrow.png");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ar_test_settle ();

  /* fixed one by one, each mark goes with its own fault */
  ar_record_editor_set_field (editor, "urn", "990999");
  ar_test_settle ();
  g_assert_null (ar_record_editor_get_field_problem (editor, "urn"));
  g_assert_false (gtk_widget_has_css_class (ar_record_editor_get_field_row (editor, "urn"), "error"));
  g_assert_nonnull (ar_record_editor_get_field_problem (editor, "open_date"));

  /* a close before the opening is the closing date's fault */
  ar_record_editor_set_field (editor, "name", "Ashby Parva College");
  ar_record_editor_set_field (editor, "open_date", "2024-02-28");
  ar_record_editor_set_field (editor, "close_date", "2020-01-01");
  ar_test_settle ();
  g_assert_null (ar_record_editor_get_field_problem (editor, "open_date"));
  g_assert_nonnull (ar_record_editor_get_field_problem (editor, "close_date"));
  g_assert_cmpfloat (row_top (f, "notes"), ==, notes_before);

  ar_record_editor_discard (editor);
}

static GtkWidget *
focused_row (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  while (focus != NULL && !ADW_IS_PREFERENCES_ROW (focus))
    focus = gtk_widget_get_parent (focus);

  return focus;
}

/* Add puts the cursor in the first field; Save leaves it where it was,
 * with nothing selected under it. */
static void
test_focus_after_add_and_save (Fixture       *f,
                               gconstpointer  data)
{
  ArRecordEditor *editor = schools_editor (f);
  GtkWidget *town = ar_record_editor_get_field_row (editor, "town");
  int start, end;

  gtk_widget_grab_focus (town);
  ar_record_editor_set_field (editor, "town", "Brookby");
  gtk_editable_set_position (GTK_EDITABLE (town), 3);
  ar_test_settle ();
  {
    GtkWidget *save = NULL;

    g_assert_true (find_button (GTK_WIDGET (editor), "_Save", &save));
    g_assert_true (gtk_widget_get_sensitive (save));
  }
  ar_test_activate (f->window, "win.save", NULL);
  g_assert_false (ar_record_editor_get_dirty (editor));
  town = ar_record_editor_get_field_row (editor, "town");
  g_assert_true (focused_row (f) == town);
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (town)), ==, 3);
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (town), &start, &end));

  ar_test_activate (f->window, "win.add", NULL);
  g_assert_true (focused_row (f) == ar_record_editor_get_field_row (editor, "urn"));

  /* from another section too */
  ar_test_activate (f->window, "win.show-section", "alliances");
  ar_test_activate (f->window, "win.add", NULL);
  g_assert_true (focused_row (f)
                 == ar_record_editor_get_field_row (ar_record_list_page_get_editor (ar_test_page (f->window, AR_TYPE_ALLIANCE)),
                                                    "name"));
  ar_test_screenshot (GTK_WIDGET (f->window), "new-alliance-focused.png");
}

/* The first label the user can see under @widget. */
static char *
label_text_under (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    return g_strdup (gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *found = label_text_under (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Pickers list records by name with what tells them apart, search that
 * too, show the current value, and clear only what is there. */
static void
test_pickers (Fixture       *f,
              gconstpointer  data)
{
  ArRecordEditor *editor = schools_editor (f);
  GtkWidget *area_row = ar_record_editor_get_field_row (editor, "area_id");
  GtkDropDown *area = GTK_DROP_DOWN (ar_test_find_widget (area_row, GTK_TYPE_DROP_DOWN));
  GtkWidget *clear = NULL;
  GListModel *model = gtk_drop_down_get_model (area);
  g_autoptr(ArRecord) school = ar_store_get (f->store, AR_TYPE_SCHOOL, f->school_id, NULL);
  g_autoptr(ArRecord) shown_area = ar_store_get (f->store, AR_TYPE_AREA, ar_record_get_integer (school, "area_id"), NULL);
  g_autofree char *button_text = label_text_under (GTK_WIDGET (area));
  g_autoptr(ArRecord) person = ar_store_get (f->store, AR_TYPE_PERSON, 1, NULL);
  g_autoptr(ArRecord) member = g_object_new (AR_TYPE_ALLIANCE_MEMBER, NULL);
  g_autoptr(ArRecord) designation = g_object_new (AR_TYPE_DESIGNATION, NULL);
  ArRecordEditor *dialog_editor;
  GtkDropDown *schools;
  GListModel *roles;
  gboolean found_deputy = FALSE;

  /* sorted by name */
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ArRecord) a = g_list_model_get_item (model, i - 1);
      g_autoptr(ArRecord) b = g_list_model_get_item (model, i);
      g_autofree char *name_a = ar_record_describe (a);
      g_autofree char *name_b = ar_record_describe (b);

      g_assert_cmpint (g_utf8_collate (name_a, name_b), <=, 0);
    }

  /* the button names the current value; clear is on with one */
  g_assert_cmpstr (button_text, ==, ar_record_get_text (shown_area, "name"));
  clear = ar_test_find_tooltip (area_row, GTK_TYPE_WIDGET, "Clear");
  g_assert_nonnull (clear);
  g_assert_true (gtk_widget_get_sensitive (clear));
  ar_record_editor_set_field (editor, "area_id", NULL);
  ar_test_settle ();
  g_assert_null (gtk_drop_down_get_selected_item (area));
  g_assert_false (gtk_widget_get_sensitive (clear));
  g_assert_false (gtk_widget_get_sensitive (ar_test_find_tooltip (area_row, GTK_TYPE_WIDGET, "Open")));
  ar_record_editor_set_field (editor, "area_id", "1");
  ar_test_settle ();
  g_assert_true (gtk_widget_get_sensitive (clear));
  ar_record_editor_discard (editor);

  /* a member's school: sorted, with URN and town, and found by URN */
  ar_record_set_integer (member, "alliance_id", 1);
  g_signal_emit_by_name (ar_record_list_page_get_editor (ar_test_page (f->window, AR_TYPE_ALLIANCE)), "open-record", member);
  ar_test_settle ();
  dialog_editor = g_object_get_data (G_OBJECT (f->window), "ar-last-dialog-editor");
  g_assert_nonnull (dialog_editor);
  schools = GTK_DROP_DOWN (ar_test_find_widget (ar_record_editor_get_field_row (dialog_editor, "school_id"), GTK_TYPE_DROP_DOWN));
  {
    g_autoptr(ArRecord) first = g_list_model_get_item (gtk_drop_down_get_model (schools), 0);
    g_auto(GValue) value = G_VALUE_INIT;
    g_autofree char *first_name = ar_record_describe (first);

    g_assert_cmpstr (first_name, ==, "Abbey Mead Primary School");
    g_assert_true (gtk_expression_evaluate (gtk_drop_down_get_expression (schools), first, &value));
    g_assert_nonnull (strstr (g_value_get_string (&value), ar_record_get_text (first, "urn")));
    g_assert_nonnull (strstr (g_value_get_string (&value), ar_record_get_text (first, "town")));
  }
  gtk_widget_activate_action (GTK_WIDGET (schools), "menu.popup", NULL);
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (dialog_editor))), "picker-school.png");
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (dialog_editor))));
  ar_test_settle ();

  /* roles by their names */
  ar_record_set_integer (designation, "person_id", ar_record_get_id (person));
  g_signal_emit_by_name (ar_record_list_page_get_editor (ar_test_page (f->window, AR_TYPE_PERSON)), "open-record", designation);
  ar_test_settle ();
  dialog_editor = g_object_get_data (G_OBJECT (f->window), "ar-last-dialog-editor");
  roles = adw_combo_row_get_model (ADW_COMBO_ROW (ar_record_editor_get_field_row (dialog_editor, "role")));
  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      const char *text = gtk_string_list_get_string (GTK_STRING_LIST (roles), i);

      g_assert_cmpstr (text, !=, "DHAH");
      found_deputy |= g_str_has_prefix (text, "Deputy or Assistant Head");
    }
  g_assert_true (found_deputy);
  ar_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (dialog_editor))), "picker-designation.png");
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (dialog_editor))));
  ar_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    {
      g_autofree char *valid = g_strdup_printf ("/ar/editing/leave-by-%s/saves-valid", ways[i].name);
      g_autofree char *invalid = g_strdup_printf ("/ar/editing/leave-by-%s/keeps-invalid", ways[i].name);

      g_test_add (valid, Fixture, &ways[i], fixture_set_up, test_leave_saves_valid, fixture_tear_down);
      g_test_add (invalid, Fixture, &ways[i], fixture_set_up, test_leave_keeps_invalid, fixture_tear_down);
    }

  g_test_add_func ("/ar/editing/form-follows-import", test_form_follows_import);
  g_test_add ("/ar/editing/focus-after-add-and-save", Fixture, NULL,
              fixture_set_up, test_focus_after_add_and_save, fixture_tear_down);
  g_test_add ("/ar/editing/pickers", Fixture, NULL, fixture_set_up, test_pickers, fixture_tear_down);
  g_test_add ("/ar/editing/every-invalid-field-marked", Fixture, NULL,
              fixture_set_up, test_every_invalid_field_marked, fixture_tear_down);

  return g_test_run ();
}
