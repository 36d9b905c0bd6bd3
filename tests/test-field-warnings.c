/* test-field-warnings.c: the record editor shows a record's warnings at
 * their fields, as the user types, without blocking Save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ar-record-editor.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"

typedef struct
{
  ArStore   *store;
  GtkWidget *window;
  GtkWidget *editor;
  gint64     school;
  gint64     designation;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 area;
  gint64 home;
  gint64 leader;

  fixture->store = ar_test_store_new ();
  area = ar_test_add_area (fixture->store, "855", "Leicestershire");
  home = ar_test_add_school (fixture->store, "990001", "Home Primary School", area);
  fixture->school = ar_test_add_school (fixture->store, "990002", "Supported Primary School", area);
  leader = ar_test_add_person (fixture->store, "Amelia Ashworth", home);
  fixture->designation = ar_test_add_designation (fixture->store, leader, "NLE", "2020-09-01", "2027-08-31");

  fixture->window = gtk_window_new ();
  fixture->editor = ar_record_editor_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->editor);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 900);
  ar_record_editor_set_store (AR_RECORD_EDITOR (fixture->editor), fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
}

static void
open_record (Fixture  *fixture,
             GType     type,
             gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) record = ar_store_get (fixture->store, type, id, &error);

  g_assert_no_error (error);
  ar_record_editor_set_record (AR_RECORD_EDITOR (fixture->editor), record);
  ar_test_settle ();
}

/* The warning sign among @row's descendants. */
static GtkWidget *
find_warning_icon (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget)
      && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "dialog-warning-symbolic") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *icon = find_warning_icon (child);

      if (icon != NULL)
        return icon;
    }

  return NULL;
}

/* The label under @widget that shows @text. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child, text);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* What a user sees and hears at @field: its warning in the title, in the
 * warning style with a sign, as the row's description; or nothing. */
static void
assert_field_warning (Fixture    *fixture,
                      const char *field,
                      const char *warning)
{
  ArRecordEditor *editor = AR_RECORD_EDITOR (fixture->editor);
  GtkWidget *row = ar_record_editor_get_field_row (editor, field);
  GtkWidget *icon = find_warning_icon (row);

  g_assert_nonnull (row);
  g_assert_nonnull (icon);
  g_assert_cmpstr (ar_record_editor_get_field_warning (editor, field), ==, warning);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  if (warning != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (warning, -1);

      g_assert_true (gtk_widget_has_css_class (row, "warning"));
      g_assert_true (gtk_widget_get_visible (icon));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, escaped);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, warning);
    }
  else
    {
      g_assert_false (gtk_widget_has_css_class (row, "warning"));
      g_assert_false (gtk_widget_get_visible (icon));
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    }
}

/* A deployment outside its leader's designation: the warning is at the
 * leader's field, comes and goes as the end date is typed, and Save
 * stays on. */
static void
test_deployment_as_typed (Fixture       *fixture,
                          gconstpointer  data)
{
  ArRecordEditor *editor = AR_RECORD_EDITOR (fixture->editor);
  g_autoptr(ArRecord) deployment = AR_RECORD (ar_deployment_new ());
  g_autoptr(ArRecord) saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *warning = "The leader’s NLE designation (2020-09-01 to 2027-08-31) does not cover the whole deployment";

  ar_record_set_integer (deployment, "school_id", fixture->school);
  ar_record_set_integer (deployment, "supporter_designation_id", fixture->designation);
  ar_record_set_text (deployment, "starts_on", "2026-01-05");
  ar_record_set_text (deployment, "ends_on", "2027-07-20");
  ar_record_set_text (deployment, "focus", "Leadership");
  ar_record_set_text (deployment, "commissioned_by", "local-authority");
  ar_record_set_integer (deployment, "days_agreed", 10);
  ar_record_set_text (deployment, "status", "active");
  g_assert_true (ar_store_save (fixture->store, deployment, &error));
  g_assert_no_error (error);
  open_record (fixture, AR_TYPE_DEPLOYMENT, ar_record_get_id (deployment));
  assert_field_warning (fixture, "supporter_designation_id", NULL);

  /* typed past the designation's end */
  ar_record_editor_set_field (editor, "ends_on", "2027-12-20");
  ar_test_settle ();
  assert_field_warning (fixture, "supporter_designation_id", warning);
  assert_field_warning (fixture, "ends_on", NULL);
  g_assert_true (ar_record_editor_get_valid (editor));
  g_assert_true (ar_record_editor_get_dirty (editor));
  ar_test_screenshot (fixture->window, "field-warning-deployment.png");

  /* an error elsewhere is still an error, in its own style */
  ar_record_editor_set_field (editor, "starts_on", "2028-01-01");
  ar_test_settle ();
  g_assert_true (gtk_widget_has_css_class (ar_record_editor_get_field_row (editor, "ends_on"), "error"));
  g_assert_false (gtk_widget_has_css_class (ar_record_editor_get_field_row (editor, "ends_on"), "warning"));
  g_assert_false (ar_record_editor_get_valid (editor));
  ar_test_screenshot (fixture->window, "field-warning-and-error.png");

  /* fixed: the warning goes as the user types */
  ar_record_editor_set_field (editor, "starts_on", "2026-01-05");
  ar_record_editor_set_field (editor, "ends_on", "2027-08-31");
  ar_test_settle ();
  assert_field_warning (fixture, "supporter_designation_id", NULL);

  /* and a warning never stops Save */
  ar_record_editor_set_field (editor, "ends_on", "2028-03-31");
  ar_test_settle ();
  assert_field_warning (fixture, "supporter_designation_id", warning);
  g_assert_true (ar_record_editor_save (editor, &error));
  g_assert_no_error (error);
  saved = ar_store_get (fixture->store, AR_TYPE_DEPLOYMENT, ar_record_get_id (deployment), &error);
  g_assert_cmpstr (ar_record_get_text (saved, "ends_on"), ==, "2028-03-31");
  /* and is still said after saving */
  assert_field_warning (fixture, "supporter_designation_id", warning);
}

/* A school in two trusts at once: warned at the school, and gone when
 * the dates no longer overlap. */
static void
test_trust_overlap_as_typed (Fixture       *fixture,
                             gconstpointer  data)
{
  ArRecordEditor *editor = AR_RECORD_EDITOR (fixture->editor);
  gint64 alpha = ar_test_add_trust (fixture->store, "Alpha Learning Trust", "mat");
  gint64 beta = ar_test_add_trust (fixture->store, "Beta Academies", "mat");
  gint64 membership;
  g_autoptr(GError) error = NULL;

  ar_test_add_academy (fixture->store, alpha, fixture->school, "2015-09-01", "2019-08-31");
  membership = ar_test_add_academy (fixture->store, beta, fixture->school, "2019-09-01", NULL);
  open_record (fixture, AR_TYPE_TRUST_ACADEMY, membership);
  assert_field_warning (fixture, "school_id", NULL);

  ar_record_editor_set_field (editor, "joined_on", "2019-08-31");
  ar_test_settle ();
  assert_field_warning (fixture, "school_id",
                        "Also in Alpha Learning Trust (2015-09-01 to 2019-08-31): a school is in one trust at a time");
  g_assert_true (ar_record_editor_get_valid (editor));
  ar_test_screenshot (fixture->window, "field-warning-trust-overlap.png");

  /* the long warning is read whole, wide and narrow: it wraps, not cut off */
  for (guint w = 0; w < 2; w++)
    {
      GtkWidget *row = ar_record_editor_get_field_row (editor, "school_id");
      g_autofree char *escaped = g_markup_escape_text ("Also in Alpha Learning Trust (2015-09-01 to 2019-08-31): "
                                                       "a school is in one trust at a time", -1);
      GtkLabel *title;

      gtk_window_set_default_size (GTK_WINDOW (fixture->window), w == 0 ? 600 : 360, 900);
      ar_test_settle ();
      gtk_test_widget_wait_for_draw (fixture->window);
      title = find_label (row, escaped);
      g_assert_nonnull (title);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (title)));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (title)));
      g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (title)), >, 1);
      ar_test_screenshot (fixture->window, w == 0 ? "field-warning-trust-overlap-wrapped.png"
                                                  : "field-warning-trust-overlap-360.png");
    }
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 900);
  ar_test_settle ();

  ar_record_editor_set_field (editor, "joined_on", "2019-09-01");
  ar_test_settle ();
  assert_field_warning (fixture, "school_id", NULL);

  /* saved anyway when the user means it */
  ar_record_editor_set_field (editor, "joined_on", "2019-01-01");
  ar_test_settle ();
  g_assert_true (ar_record_editor_save (editor, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's own test backend keeps what screen readers would be told */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ar_test_ui_init (&argc, &argv);

  g_test_add ("/ar/field-warnings/deployment-as-typed", Fixture, NULL,
              fixture_set_up, test_deployment_as_typed, fixture_tear_down);

  g_test_add ("/ar/field-warnings/trust-overlap-as-typed", Fixture, NULL,
              fixture_set_up, test_trust_overlap_as_typed, fixture_tear_down);

  return g_test_run ();
}
