/* test-undo.c: Undo and Redo of every change made in the window, and areas
 * typed in by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gdk/x11/gdkx.h>

#include "ar-record-list-page.h"
#include "ar-summary-page.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

/* Whether an action is on, as a menu item or a button bound to it sees
 * it: through a hidden button bound to it. */
static gboolean
enabled (ArWindow   *window,
         const char *action)
{
  g_autofree char *key = g_strdup_printf ("ar-test-probe-%s", action);
  GtkWidget *probe = g_object_get_data (G_OBJECT (window), key);

  if (probe == NULL)
    {
      g_autofree char *name = g_strdup_printf ("win.%s", action);

      probe = gtk_button_new ();
      gtk_widget_set_visible (probe, FALSE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), name);
      gtk_widget_set_parent (probe, GTK_WIDGET (window));
      g_object_set_data (G_OBJECT (window), key, probe);
    }
  ar_test_settle ();

  return gtk_widget_get_sensitive (probe);
}

static void
close_window (ArWindow *window)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window));

  /* the probes: every child but the window's own content and title bar */
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_BUTTON (child) && !gtk_widget_get_visible (child))
        gtk_widget_unparent (child);
      child = next;
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Selects a record as a click on its row does.  (The window hears of a
 * selection from another branch's work; until then it is told here.) */
static void
select_record (ArWindow *window,
               GType     type,
               gint64    id)
{
  g_assert_true (ar_record_list_page_select_id (ar_test_page (window, type), id));
  ar_test_settle ();
  ar_window_update_actions (window);
}

static ArRecordEditor *
editor_of (ArWindow *window,
           GType     type)
{
  return ar_record_list_page_get_editor (ar_test_page (window, type));
}

static char *
field_of (ArStore    *store,
          GType       type,
          gint64      id,
          const char *field)
{
  g_autoptr(ArRecord) record = ar_store_get (store, type, id, NULL);

  return record ? g_strdup (ar_record_get_text (record, field)) : NULL;
}

/* Edits one field of the selected record and saves, as a user does. */
static void
edit (ArWindow   *window,
      GType       type,
      const char *field,
      const char *value)
{
  ar_record_editor_set_field (editor_of (window, type), field, value);
  ar_test_settle ();
  g_assert_true (ar_record_editor_get_valid (editor_of (window, type)));
  ar_test_activate (window, "win.save", NULL);
}

static ArWindow *
school_window (ArStore **store)
{
  gint64 area;
  ArWindow *window;

  *store = ar_test_store_new ();
  area = ar_test_add_area (*store, "855", "Leicestershire");
  ar_test_add_school (*store, "990201", "Brookside Primary School", area);
  ar_test_add_school (*store, "990202", "Meadow Lane Academy", area);
  window = ar_test_window_new (*store, 1280, 800);
  ar_test_activate (window, "win.show-section", "schools");
  select_record (window, AR_TYPE_SCHOOL, 1);

  return window;
}

static void
test_edit_undo_redo (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = school_window (&store);
  g_autofree char *town = NULL;

  g_assert_false (enabled (window, "undo"));
  g_assert_false (enabled (window, "redo"));

  /* a searched list stays searched through undo and redo */
  ar_record_list_page_set_search (ar_test_page (window, AR_TYPE_SCHOOL), "brookside");
  ar_test_settle ();
  g_assert_cmpuint (ar_record_list_page_get_n_shown (ar_test_page (window, AR_TYPE_SCHOOL)), ==, 1);
  edit (window, AR_TYPE_SCHOOL, "town", "Brookby");
  town = field_of (store, AR_TYPE_SCHOOL, 1, "town");
  g_assert_cmpstr (town, ==, "Brookby");
  g_assert_true (enabled (window, "undo"));

  ar_test_activate (window, "win.undo", NULL);
  g_clear_pointer (&town, g_free);
  town = field_of (store, AR_TYPE_SCHOOL, 1, "town");
  g_assert_null (town);
  /* the form shows the record as it now is, still selected */
  g_assert_cmpint (ar_record_get_id (ar_record_list_page_get_selected (ar_test_page (window, AR_TYPE_SCHOOL))), ==, 1);
  g_assert_null (ar_record_get_text (ar_record_editor_get_record (editor_of (window, AR_TYPE_SCHOOL)), "town"));
  g_assert_true (enabled (window, "redo"));
  g_assert_false (enabled (window, "back"));
  g_assert_cmpuint (ar_record_list_page_get_n_shown (ar_test_page (window, AR_TYPE_SCHOOL)), ==, 1);
  ar_test_screenshot (GTK_WIDGET (window), "undo-edit-toast.png");

  ar_test_activate (window, "win.redo", NULL);
  g_clear_pointer (&town, g_free);
  town = field_of (store, AR_TYPE_SCHOOL, 1, "town");
  g_assert_cmpstr (town, ==, "Brookby");
  g_assert_false (enabled (window, "redo"));
  g_assert_cmpuint (ar_record_list_page_get_n_shown (ar_test_page (window, AR_TYPE_SCHOOL)), ==, 1);
  g_assert_cmpint (ar_record_get_id (ar_record_list_page_get_selected (ar_test_page (window, AR_TYPE_SCHOOL))), ==, 1);

  close_window (window);
}

static void
test_add_undo_redo (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = school_window (&store);
  ArRecordEditor *editor = editor_of (window, AR_TYPE_SCHOOL);
  g_autofree char *name = NULL;

  ar_test_activate (window, "win.add", NULL);
  ar_record_editor_set_field (editor, "name", "Orchard Infant School");
  ar_record_editor_set_field (editor, "urn", "990203");
  ar_test_settle ();
  ar_test_activate (window, "win.save", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 3);

  ar_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 2);
  g_assert_cmpuint (ar_record_list_page_get_n_shown (ar_test_page (window, AR_TYPE_SCHOOL)), ==, 2);

  /* redo brings back the same record, with the same id */
  ar_test_activate (window, "win.redo", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 3);
  name = field_of (store, AR_TYPE_SCHOOL, 3, "name");
  g_assert_cmpstr (name, ==, "Orchard Infant School");

  close_window (window);
}

static void
test_delete_undo_redo (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = school_window (&store);
  gint64 trust = ar_test_add_trust (store, "Brook Valley Learning Trust", "mat");

  ar_test_add_academy (store, trust, 1, "2019-09-01", NULL);
  ar_test_add_academy (store, trust, 2, "2019-09-01", NULL);

  ar_test_activate (window, "win.show-section", "trusts");
  select_record (window, AR_TYPE_TRUST, trust);
  ar_test_activate (window, "win.delete", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST), ==, 0);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 0);

  /* Ctrl+Z, like the toast's Undo, brings back the trust with its academies */
  ar_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST), ==, 1);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 2);
  g_assert_cmpint (ar_record_get_id (ar_record_list_page_get_selected (ar_test_page (window, AR_TYPE_TRUST))), ==, trust);

  ar_test_activate (window, "win.redo", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST), ==, 0);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 0);

  /* and the toast's Undo is the same step */
  ar_test_activate (window, "win.undo", NULL);
  select_record (window, AR_TYPE_TRUST, trust);
  ar_test_activate (window, "win.delete", NULL);
  ar_test_screenshot (GTK_WIDGET (window), "undo-delete-toast.png");
  ar_test_activate (window, "win.undo-delete", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 2);
  ar_test_activate (window, "win.redo", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 0);

  close_window (window);
}

/* Add Academy… saves a link in a dialog; undo takes it away again and
 * shows the trust. */
static void
test_link_undo (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = school_window (&store);
  gint64 trust = ar_test_add_trust (store, "Brook Valley Learning Trust", "mat");
  g_autoptr(ArRecord) academy = AR_RECORD (ar_trust_academy_new ());
  ArRecordEditor *dialog_editor;
  g_autoptr(GListModel) links = NULL;

  ar_record_set_integer (academy, "trust_id", trust);
  ar_window_show_record (window, academy);
  ar_test_settle ();
  dialog_editor = g_object_get_data (G_OBJECT (window), "ar-last-dialog-editor");
  ar_record_editor_set_field (dialog_editor, "school_id", "2");
  ar_record_editor_set_field (dialog_editor, "joined_on", "2019-09-01");
  ar_test_settle ();
  g_assert_true (ar_record_editor_save (dialog_editor, NULL));
  ar_test_settle ();
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 1);

  ar_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 0);
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "trusts");
  g_assert_cmpint (ar_record_get_id (ar_record_list_page_get_selected (ar_test_page (window, AR_TYPE_TRUST))), ==, trust);

  ar_test_activate (window, "win.redo", NULL);
  links = ar_store_list_where (store, AR_TYPE_TRUST_ACADEMY, "trust_id", trust, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);

  /* removing a link (the related list's remove button) undoes too */
  {
    g_autoptr(ArRecord) link = g_list_model_get_item (links, 0);

    ar_window_delete_record (window, link);
    ar_test_settle ();
    g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 0);
    ar_test_activate (window, "win.undo", NULL);
    g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 1);
  }

  close_window (window);
}

static void
test_several_steps (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = school_window (&store);
  g_autofree char *town = NULL;
  g_autofree char *postcode = NULL;

  edit (window, AR_TYPE_SCHOOL, "town", "Brookby");
  edit (window, AR_TYPE_SCHOOL, "postcode", "LE1 1AA");
  select_record (window, AR_TYPE_SCHOOL, 2);
  edit (window, AR_TYPE_SCHOOL, "town", "Meadowford");

  ar_test_activate (window, "win.undo", NULL);
  ar_test_activate (window, "win.undo", NULL);
  ar_test_activate (window, "win.undo", NULL);
  g_assert_false (enabled (window, "undo"));
  town = field_of (store, AR_TYPE_SCHOOL, 1, "town");
  postcode = field_of (store, AR_TYPE_SCHOOL, 1, "postcode");
  g_assert_null (town);
  g_assert_null (postcode);
  g_clear_pointer (&town, g_free);
  town = field_of (store, AR_TYPE_SCHOOL, 2, "town");
  g_assert_null (town);

  /* two steps forward again, then a new change: no more redo */
  ar_test_activate (window, "win.redo", NULL);
  ar_test_activate (window, "win.redo", NULL);
  g_clear_pointer (&postcode, g_free);
  postcode = field_of (store, AR_TYPE_SCHOOL, 1, "postcode");
  g_assert_cmpstr (postcode, ==, "LE1 1AA");
  g_assert_true (enabled (window, "redo"));
  edit (window, AR_TYPE_SCHOOL, "phase", "Primary");
  g_assert_false (enabled (window, "redo"));

  close_window (window);
}

/* Real key presses through the X server, as a keyboard makes them
 * (XTEST, through xdotool). */
static gboolean
press_keys (GtkWidget  *widget,
            const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *command = NULL;
  int status = -1;

  if (!GDK_IS_X11_SURFACE (surface) || xdotool == NULL)
    return FALSE;

  command = g_strdup_printf ("xdotool windowfocus --sync %lu key --clearmodifiers %s",
                             (gulong) gdk_x11_surface_get_xid (surface), keys);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  for (int i = 0; i < 20; i++)
    {
      g_usleep (10000);
      ar_test_settle ();
    }

  return TRUE;
}

static void
test_keys (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = school_window (&store);
  g_autofree char *town = NULL;

  edit (window, AR_TYPE_SCHOOL, "town", "Brookby");
  edit (window, AR_TYPE_SCHOOL, "town", "Meadowford");
  /* from the list, where typing is not text to undo */
  gtk_widget_grab_focus (GTK_WIDGET (ar_test_page (window, AR_TYPE_SCHOOL)));
  if (!press_keys (GTK_WIDGET (window), "ctrl+z"))
    {
      g_test_skip ("no X server or xdotool to press keys with");
      close_window (window);
      return;
    }
  town = field_of (store, AR_TYPE_SCHOOL, 1, "town");
  g_assert_cmpstr (town, ==, "Brookby");
  press_keys (GTK_WIDGET (window), "ctrl+z");
  g_clear_pointer (&town, g_free);
  town = field_of (store, AR_TYPE_SCHOOL, 1, "town");
  g_assert_null (town);
  press_keys (GTK_WIDGET (window), "ctrl+shift+z");
  g_clear_pointer (&town, g_free);
  town = field_of (store, AR_TYPE_SCHOOL, 1, "town");
  g_assert_cmpstr (town, ==, "Brookby");

  close_window (window);
}

/* The accelerators are bound to the actions (and shown in the menu). */
static char *
accel_of (GtkWidget  *widget,
          const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (named)
              && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action) == 0)
            return gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
        }
    }

  return NULL;
}

static void
test_shortcuts_and_menu (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = school_window (&store);
  g_autofree char *undo = accel_of (GTK_WIDGET (window), "win.undo");
  g_autofree char *redo = accel_of (GTK_WIDGET (window), "win.redo");
  GMenuModel *menu = gtk_menu_button_get_menu_model (window->menu_button);
  gboolean has_undo = FALSE, has_redo = FALSE;

  g_assert_cmpstr (undo, ==, "<Control>z");
  g_assert_cmpstr (redo, ==, "<Shift><Control>z");

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          has_undo |= g_strcmp0 (action, "win.undo") == 0;
          has_redo |= g_strcmp0 (action, "win.redo") == 0;
        }
      g_clear_object (&section);
    }
  g_assert_true (has_undo);
  g_assert_true (has_redo);

  /* the menu, open, with Undo on after an edit */
  edit (window, AR_TYPE_SCHOOL, "town", "Brookby");
  gtk_menu_button_popup (window->menu_button);
  ar_test_settle ();
  ar_test_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (window->menu_button)), "undo-menu.png");
  gtk_menu_button_popdown (window->menu_button);

  close_window (window);
}

/* Unsaved typing under a form would be written over the undone change. */
static void
test_not_under_unsaved_typing (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = school_window (&store);

  edit (window, AR_TYPE_SCHOOL, "town", "Brookby");
  g_assert_true (enabled (window, "undo"));
  ar_record_editor_set_field (editor_of (window, AR_TYPE_SCHOOL), "postcode", "LE2 2BB");
  ar_test_settle ();
  g_assert_false (enabled (window, "undo"));
  ar_test_activate (window, "win.save", NULL);
  g_assert_true (enabled (window, "undo"));

  close_window (window);
}

/* An import replaces what the steps were about: they cannot be undone. */
static void
test_import_clears (void)
{
  g_autoptr(ArStore) store = NULL;
  ArWindow *window = school_window (&store);
  g_autofree char *dir = ar_test_make_dir ();
  g_autofree char *json = g_build_filename (dir, "register.json", NULL);

  edit (window, AR_TYPE_SCHOOL, "town", "Brookby");
  ar_test_activate (window, "win.export-register-to", json);
  while (!g_file_test (json, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  ar_test_settle ();
  g_assert_true (enabled (window, "undo"));

  ar_test_activate (window, "win.import-register-from", json);
  for (int i = 0; i < 200 && enabled (window, "undo"); i++)
    {
      g_usleep (10000);
      ar_test_settle ();
    }
  g_assert_false (enabled (window, "undo"));
  g_assert_false (enabled (window, "redo"));

  close_window (window);
  ar_test_remove_dir (dir);
}

/* A register typed by hand: an area added in the window is counted. */
static void
test_area_added_by_hand (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  ArWindow *window = ar_test_window_new (store, 1280, 800);
  ArRecordEditor *areas = editor_of (window, AR_TYPE_AREA);
  ArRecordEditor *schools = editor_of (window, AR_TYPE_SCHOOL);
  ArSummary *summary;
  ArSummaryPage *summary_page = window->summary_page;

  ar_test_activate (window, "win.show-section", "areas");
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "areas");
  ar_test_activate (window, "win.add", NULL);

  /* the code is the DfE's three digits, and unique */
  ar_record_editor_set_field (areas, "name", "Rutland");
  ar_record_editor_set_field (areas, "code", "85");
  ar_test_settle ();
  g_assert_false (ar_record_editor_get_valid (areas));
  g_assert_nonnull (strstr (ar_record_editor_get_problem (areas), "three-digit"));
  ar_test_screenshot (GTK_WIDGET (window), "area-invalid-code.png");
  ar_record_editor_set_field (areas, "code", "857");
  ar_test_settle ();
  g_assert_true (ar_record_editor_get_valid (areas));
  ar_test_activate (window, "win.save", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_AREA), ==, 1);

  ar_test_activate (window, "win.add", NULL);
  ar_record_editor_set_field (areas, "name", "Rutland again");
  ar_record_editor_set_field (areas, "code", "857");
  ar_test_settle ();
  g_assert_false (ar_record_editor_get_valid (areas));
  ar_record_editor_set_field (areas, "name", "Leicester");
  ar_record_editor_set_field (areas, "code", "856");
  ar_test_settle ();
  ar_test_activate (window, "win.save", NULL);
  select_record (window, AR_TYPE_AREA, 1);
  ar_test_screenshot (GTK_WIDGET (window), "areas-page.png");

  /* a school in it, and an alliance it leads, are counted */
  ar_test_activate (window, "win.show-section", "schools");
  ar_test_activate (window, "win.add", NULL);
  ar_record_editor_set_field (schools, "name", "Oakham Church of England Primary School");
  ar_record_editor_set_field (schools, "area_id", "1");
  ar_test_settle ();
  ar_test_activate (window, "win.save", NULL);
  ar_test_add_alliance (store, "Rutland Teaching School Alliance", 1, "2015-04-01", NULL);
  ar_test_activate (window, "win.show-section", "summary");
  ar_summary_page_set_area (summary_page, "857");
  ar_test_settle ();
  summary = ar_summary_page_get_summary (summary_page);
  g_assert_nonnull (summary);
  g_assert_cmpstr (ar_summary_get_title (summary), ==, "System Leadership in Rutland");
  g_assert_cmpstr (ar_summary_row_get_figure (ar_summary_get_row (summary, 0)), ==, "1");

  /* renaming the area renames the summary */
  ar_test_activate (window, "win.show-section", "areas");
  select_record (window, AR_TYPE_AREA, 1);
  ar_record_editor_set_field (areas, "name", "Rutland County");
  ar_test_settle ();
  ar_test_activate (window, "win.save", NULL);
  ar_test_activate (window, "win.show-section", "summary");
  ar_test_settle ();
  g_assert_cmpstr (ar_summary_get_title (ar_summary_page_get_summary (summary_page)), ==,
                   "System Leadership in Rutland County");

  /* an area with schools in it is not deleted, and the toast says why */
  ar_test_activate (window, "win.show-section", "areas");
  select_record (window, AR_TYPE_AREA, 1);
  ar_test_activate (window, "win.delete", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_AREA), ==, 2);
  ar_test_screenshot (GTK_WIDGET (window), "area-delete-refused.png");

  /* an empty one is, and comes back with Undo */
  select_record (window, AR_TYPE_AREA, 2);
  ar_test_activate (window, "win.delete", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_AREA), ==, 1);
  ar_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_AREA), ==, 2);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ar_test_ui_init (&argc, &argv);

  g_test_add_func ("/ar/undo/edit-undo-redo", test_edit_undo_redo);
  g_test_add_func ("/ar/undo/add-undo-redo", test_add_undo_redo);
  g_test_add_func ("/ar/undo/delete-undo-redo", test_delete_undo_redo);
  g_test_add_func ("/ar/undo/link-undo", test_link_undo);
  g_test_add_func ("/ar/undo/several-steps", test_several_steps);
  g_test_add_func ("/ar/undo/shortcuts-and-menu", test_shortcuts_and_menu);
  g_test_add_func ("/ar/undo/keys", test_keys);
  g_test_add_func ("/ar/undo/not-under-unsaved-typing", test_not_under_unsaved_typing);
  g_test_add_func ("/ar/undo/import-clears", test_import_clears);
  g_test_add_func ("/ar/undo/area-added-by-hand", test_area_added_by_hand);

  return g_test_run ();
}
