/* test-window-promises.c: what README promises of the window
 *
 * Lists sort by any column and filter by status, kind or role; the
 * sidebar counts each list; Preferences' default area and heading are
 * used; the window remembers its size and register; the empty state's
 * buttons each do their job; the keyboard shortcuts are bound; Copy puts
 * the table on the clipboard as HTML and as plain text; a long list is
 * read in a thread without losing the selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ar-application.h"
#include "ar-gias-import-dialog.h"
#include "ar-record-list-page.h"
#include "ar-summary-page.h"
#include "ar-test-ui-util.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

/* One application for the process: a second could not register on the
 * session bus while the first is there. A "restart" is its next window,
 * which reads the settings afresh as a new process would. */
static ArApplication *app;

static ArStore *
sample (void)
{
  g_autoptr(GError) error = NULL;
  ArStore *store = ar_store_open_sample (&error);

  g_assert_no_error (error);

  return store;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
find (GtkWidget *widget,
      GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  g_assert_cmpuint (found->len, >, 0);

  return g_ptr_array_index (found, 0);
}

/* RFC 4180 rows of cells, as the list's export writes them. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (cell, *++p);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          p++;
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (cell, *p);
    }
  g_string_free (cell, TRUE);
  g_ptr_array_unref (row);

  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      column)
{
  GPtrArray *cells = g_ptr_array_index (rows, row);

  g_assert_cmpuint (column, <, cells->len);

  return g_ptr_array_index (cells, column);
}

static GPtrArray *
list_as_shown (ArRecordListPage *page)
{
  g_autofree char *csv = ar_record_list_page_to_csv (page, NULL);

  return parse_csv (csv);
}

/* How the column's sorter orders two cells: numbers as numbers, text
 * without regard to case. */
static int
compare_cells (const ArColumnSpec *spec,
               const char         *a,
               const char         *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (spec->kind == AR_COLUMN_TRUST_ACADEMIES || spec->kind == AR_COLUMN_ALLIANCE_MEMBERS)
    return atoi (a) - atoi (b);

  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  if (spec->kind == AR_COLUMN_TEXT)
    return strcmp (fa, fb);

  return g_utf8_collate (fa, fb);
}

static void
test_sort_by_any_column (void)
{
  g_autoptr(ArStore) store = sample ();
  ArWindow *window = ar_test_window_new (store, 1280, 800);
  guint n_sections;
  const ArSection *sections = ar_sections (&n_sections);
  guint n_checked = 0;

  for (guint s = 0; s < n_sections; s++)
    {
      ArRecordListPage *page = ar_window_get_page_for_type (window, sections[s].get_type ());
      GtkColumnView *view;
      GListModel *columns;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", sections[s].name);
      ar_test_settle ();
      view = GTK_COLUMN_VIEW (find (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
      columns = gtk_column_view_get_columns (view);
      g_assert_cmpuint (g_list_model_get_n_items (columns), ==, sections[s].n_columns);

      for (guint c = 0; c < sections[s].n_columns; c++)
        {
          const ArColumnSpec *spec = &sections[s].columns[c];
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
          g_autoptr(GPtrArray) ascending = NULL;
          g_autoptr(GPtrArray) descending = NULL;
          guint n;

          gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
          ascending = list_as_shown (page);
          gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
          descending = list_as_shown (page);

          n = ascending->len;
          g_assert_cmpuint (n, ==, descending->len);
          g_assert_cmpuint (n, ==, ar_store_count (store, sections[s].get_type ()) + 1);
          g_assert_cmpstr (cell (ascending, 0, c), ==, spec->title);
          for (guint r = 2; r < n; r++)
            {
              if (compare_cells (spec, cell (ascending, r - 1, c), cell (ascending, r, c)) > 0
                  || compare_cells (spec, cell (descending, r - 1, c), cell (descending, r, c)) < 0)
                g_error ("%s by %s: “%s” before “%s” ascending, “%s” before “%s” descending", sections[s].name,
                         spec->title, cell (ascending, r - 1, c), cell (ascending, r, c),
                         cell (descending, r - 1, c), cell (descending, r, c));
            }
          /* a column with different values really changes the order */
          if (compare_cells (spec, cell (ascending, 1, c), cell (ascending, n - 1, c)) != 0)
            {
              g_assert_cmpint (compare_cells (spec, cell (ascending, 1, c), cell (descending, 1, c)), <, 0);
              n_checked++;
            }
        }
    }
  /* most columns of the sample have more than one value */
  g_assert_cmpuint (n_checked, >=, 20);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_filter_by_status_kind_role (void)
{
  g_autoptr(ArStore) store = sample ();
  ArWindow *window = ar_test_window_new (store, 1280, 800);
  guint n_sections;
  const ArSection *sections = ar_sections (&n_sections);
  guint n_filters = 0;

  for (guint s = 0; s < n_sections; s++)
    {
      ArRecordListPage *page = ar_window_get_page_for_type (window, sections[s].get_type ());
      g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
      g_autoptr(GPtrArray) all = NULL;
      GtkDropDown *filter = NULL;
      GListModel *choices;
      int column = -1;
      guint narrowed = 0;

      if (sections[s].filter_field == NULL)
        continue;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", sections[s].name);
      ar_test_settle ();
      collect (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, drop_downs);
      for (guint i = 0; i < drop_downs->len; i++)
        {
          GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (drop_downs, i));

          if (model != NULL && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), "All") == 0)
            filter = g_ptr_array_index (drop_downs, i);
        }
      g_assert_nonnull (filter);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (filter)));
      for (guint c = 0; c < sections[s].n_columns; c++)
        if (g_strcmp0 (sections[s].columns[c].field, sections[s].filter_field) == 0
            || (g_str_equal (sections[s].filter_field, "roles") && sections[s].columns[c].kind == AR_COLUMN_PERSON_ROLES))
          column = c;
      g_assert_cmpint (column, >=, 0);

      all = list_as_shown (page);
      choices = gtk_drop_down_get_model (filter);
      for (guint i = 1; i < g_list_model_get_n_items (choices); i++)
        {
          const char *label = gtk_string_list_get_string (GTK_STRING_LIST (choices), i);
          g_autoptr(GPtrArray) shown = NULL;
          guint expected = 0;

          for (guint r = 1; r < all->len; r++)
            if (g_str_equal (sections[s].filter_field, "roles") ? strstr (cell (all, r, column), label) != NULL
                                                                 : g_str_equal (cell (all, r, column), label))
              expected++;

          gtk_drop_down_set_selected (filter, i);
          ar_test_settle ();
          g_assert_cmpuint (ar_record_list_page_get_n_shown (page), ==, expected);
          shown = list_as_shown (page);
          g_assert_cmpuint (shown->len, ==, expected + 1);
          for (guint r = 1; r < shown->len; r++)
            if (g_str_equal (sections[s].filter_field, "roles") ? strstr (cell (shown, r, column), label) == NULL
                                                                 : !g_str_equal (cell (shown, r, column), label))
              g_error ("%s shown only %s lists “%s”", sections[s].name, label, cell (shown, r, column));
          if (expected > 0 && expected < all->len - 1)
            narrowed++;
        }
      /* the choices really divide the sample */
      g_assert_cmpuint (narrowed, >=, 1);
      gtk_drop_down_set_selected (filter, 0);
      g_assert_cmpuint (ar_record_list_page_get_n_shown (page), ==, all->len - 1);
      n_filters++;
    }
  g_assert_cmpuint (n_filters, >=, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_counts (ArWindow *window,
               ArStore  *store)
{
  guint n_sections;
  const ArSection *sections = ar_sections (&n_sections);

  for (guint s = 0; s < n_sections; s++)
    {
      GtkLabel *label = g_hash_table_lookup (window->count_labels, sections[s].name);
      g_autofree char *expected = g_strdup_printf ("%u", ar_store_count (store, sections[s].get_type ()));

      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_text (label), ==, expected);
    }
}

static void
test_sidebar_counts (void)
{
  g_autoptr(ArStore) store = sample ();
  ArWindow *window = ar_test_window_new (store, 1280, 800);
  ArRecordListPage *schools = ar_window_get_page_for_type (window, AR_TYPE_SCHOOL);
  ArRecordEditor *editor = ar_record_list_page_get_editor (schools);
  GtkLabel *label = g_hash_table_lookup (window->count_labels, "schools");

  assert_counts (window, store);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "95");

  /* one more school */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "schools");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add", NULL);
  ar_record_editor_set_field (editor, "name", "Counted Primary School");
  ar_record_editor_set_field (editor, "urn", "990999");
  ar_record_editor_set_field (editor, "area_id", "1");
  ar_record_editor_set_field (editor, "status", "open");
  ar_test_settle ();
  g_assert_true (ar_record_editor_get_valid (editor));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  ar_test_settle ();
  g_assert_cmpstr (gtk_label_get_text (label), ==, "96");
  assert_counts (window, store);

  /* deleted again, then brought back */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  ar_test_settle ();
  g_assert_cmpstr (gtk_label_get_text (label), ==, "95");
  assert_counts (window, store);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
  ar_test_settle ();
  g_assert_cmpstr (gtk_label_get_text (label), ==, "96");
  assert_counts (window, store);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each of the empty state's three buttons, clicked. */
static GtkButton *
empty_state_button (ArWindow   *window,
                    const char *action)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *empty = gtk_stack_get_child_by_name (window->stack, "empty");

  collect (empty, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action) == 0)
      {
        g_assert_true (gtk_widget_is_drawable (g_ptr_array_index (buttons, i)));
        return g_ptr_array_index (buttons, i);
      }
  g_error ("no %s button on the empty state", action);
}

static void
test_empty_state_buttons (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  ArWindow *window = ar_test_window_new (store, 1280, 800);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels;
  gboolean dialog_found = FALSE;

  /* Add Alliance: a new alliance in the editor */
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "empty");
  g_signal_emit_by_name (empty_state_button (window, "win.add"), "clicked");
  ar_test_settle ();
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "alliances");
  g_assert_nonnull (ar_record_editor_get_record (ar_record_list_page_get_editor (
                      ar_window_get_page_for_type (window, AR_TYPE_ALLIANCE))));
  gtk_window_destroy (GTK_WINDOW (window));
  ar_test_settle ();

  /* Import GIAS Data…: the import dialog */
  window = ar_test_window_new (store, 1280, 800);
  n_toplevels = g_list_model_get_n_items (toplevels);
  g_signal_emit_by_name (empty_state_button (window, "win.import-gias"), "clicked");
  ar_test_settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (AR_IS_GIAS_IMPORT_DIALOG (toplevel))
        {
          g_assert_true (gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window));
          dialog_found = TRUE;
          gtk_window_destroy (toplevel);
          break;
        }
    }
  g_assert_true (dialog_found);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels);

  /* Open Sample Register: the sample, in place of the empty register */
  g_signal_emit_by_name (empty_state_button (window, "win.open-sample"), "clicked");
  ar_test_settle ();
  g_assert_true (ar_window_get_store (window) != store);
  g_assert_cmpuint (ar_store_count (ar_window_get_store (window), AR_TYPE_SCHOOL), ==, 95);
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "summary");
  /* and the register it was asked to show stays empty */
  g_assert_true (ar_store_is_empty (store));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The shortcuts a widget class binds, as "trigger action(target)". */
static void
bound_shortcuts (GtkWidget  *widget,
                 GHashTable *bound)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          GVariant *arguments = gtk_shortcut_get_arguments (shortcut);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (GTK_IS_NAMED_ACTION (action))
            g_hash_table_insert (bound, g_steal_pointer (&trigger),
                                 g_strdup_printf ("%s(%s)", gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                                  arguments ? g_variant_get_string (arguments, NULL) : ""));
        }
    }
}

static void
press (GtkWidget  *window,
       const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *command = g_strdup_printf ("xdotool windowfocus --sync %lu key --clearmodifiers %s",
                                              (gulong) gdk_x11_surface_get_xid (surface), keys);
  int status;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (int i = 0; i < 10; i++)
    {
      g_usleep (20000);
      ar_test_settle ();
    }
}

static void
test_accelerators_are_bound (void)
{
  static const struct { const char *trigger; const char *action; } expected[] = {
    { "<Control>n", "win.add()" }, { "<Control>s", "win.save()" }, { "Delete", "win.delete()" },
    { "<Control>f", "win.find()" }, { "<Alt>Left", "win.back()" }, { "<Control>o", "win.open-register()" },
    { "<Control>i", "win.import-gias()" }, { "<Control>e", "win.export-list()" },
    { "<Alt>1", "win.show-section(summary)" }, { "<Alt>2", "win.show-section(alliances)" },
    { "<Alt>5", "win.show-section(schools)" }, { "<Alt>6", "win.show-section(partners)" },
  };
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) summary_bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(ArStore) store = sample ();
  g_auto(GStrv) quit = NULL;
  g_auto(GStrv) preferences = NULL;
  g_auto(GStrv) close = NULL;
  g_auto(GStrv) help = NULL;
  ArRecordListPage *schools;
  ArWindow *window;

  window = ar_window_new (GTK_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ar_test_settle ();

  /* what the window binds */
  bound_shortcuts (GTK_WIDGET (window), bound);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_strcmp0 (g_hash_table_lookup (bound, expected[i].trigger), expected[i].action) != 0)
      g_error ("%s is bound to %s, not %s", expected[i].trigger,
               (char *) g_hash_table_lookup (bound, expected[i].trigger), expected[i].action);
  bound_shortcuts (GTK_WIDGET (window->summary_page), summary_bound);
  g_assert_cmpstr (g_hash_table_lookup (summary_bound, "<Control>p"), ==, "summary.print()");
  g_assert_cmpstr (g_hash_table_lookup (summary_bound, "<Shift><Control>c"), ==, "summary.copy()");

  /* and the application */
  quit = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>q");
  preferences = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>comma");
  close = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>w");
  help = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>question");
  g_assert_true (g_strv_contains ((const char * const *) quit, "app.quit"));
  g_assert_true (g_strv_contains ((const char * const *) preferences, "app.preferences"));
  g_assert_true (g_strv_contains ((const char * const *) close, "window.close"));
  g_assert_true (g_strv_contains ((const char * const *) help, "win.show-help-overlay"));

  /* some keys pressed for real, through the X server */
  press (GTK_WIDGET (window), "alt+5");
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "schools");
  schools = ar_window_get_page_for_type (window, AR_TYPE_SCHOOL);
  press (GTK_WIDGET (window), "ctrl+f");
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (find (GTK_WIDGET (schools), GTK_TYPE_SEARCH_BAR))));
  press (GTK_WIDGET (window), "Escape");
  press (GTK_WIDGET (window), "ctrl+n");
  g_assert_nonnull (ar_record_editor_get_record (ar_record_list_page_get_editor (schools)));
  g_assert_cmpint (ar_record_get_id (ar_record_editor_get_record (ar_record_list_page_get_editor (schools))), ==, 0);
  press (GTK_WIDGET (window), "alt+1");
  g_assert_cmpstr (ar_window_get_visible_section (window), ==, "summary");

  gtk_window_destroy (GTK_WINDOW (window));
  ar_test_settle ();
}

typedef struct
{
  GMemoryOutputStream *out;
  gboolean             done;
} Read;

static void
on_spliced (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Read *read = user_data;

  g_assert_cmpint (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, NULL), >=, 0);
  read->done = TRUE;
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Read *read = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);

  g_assert_no_error (error);
  g_output_stream_splice_async (G_OUTPUT_STREAM (read->out), in,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_spliced, read);
}

static char *
read_clipboard (GdkClipboard *clipboard,
                const char   *mime_type)
{
  Read read = { G_MEMORY_OUTPUT_STREAM (g_memory_output_stream_new_resizable ()), FALSE };
  char *text;

  gdk_clipboard_read_async (clipboard, (const char *[]) { mime_type, NULL }, G_PRIORITY_DEFAULT, NULL,
                            on_read, &read);
  while (!read.done)
    g_main_context_iteration (NULL, TRUE);
  text = g_strndup (g_memory_output_stream_get_data (read.out), g_memory_output_stream_get_data_size (read.out));
  g_object_unref (read.out);

  return text;
}

static void
test_copy_puts_the_table_on_the_clipboard (void)
{
  g_autoptr(ArStore) store = sample ();
  ArWindow *window = ar_test_window_new (store, 1280, 800);
  GtkWidget *summary_page = GTK_WIDGET (window->summary_page);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (summary_page);
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;

  ar_summary_page_set_area (AR_SUMMARY_PAGE (summary_page), "855");
  ar_summary_page_set_heading (AR_SUMMARY_PAGE (summary_page), "Appendix B");
  ar_test_settle ();
  g_assert_true (gtk_widget_activate_action (summary_page, "summary.copy", NULL));
  ar_test_settle ();

  /* a real table for a word processor */
  html = read_clipboard (clipboard, "text/html");
  g_assert_nonnull (strstr (html, "<table"));
  g_assert_nonnull (strstr (html, "Appendix B"));
  g_assert_nonnull (strstr (html, "<th>Number in Leicestershire</th>"));
  g_assert_nonnull (strstr (html, "<td>9 MATs sponsoring 33 Leicestershire schools</td>"));
  g_assert_nonnull (strstr (html, "No data held"));

  /* and the same rows as text */
  text = read_clipboard (clipboard, "text/plain;charset=utf-8");
  g_assert_null (strstr (text, "<td>"));
  g_assert_nonnull (strstr (text, "Appendix B"));
  g_assert_nonnull (strstr (text, "System Leadership in Leicestershire"));
  g_assert_nonnull (strstr (text, "9 MATs sponsoring 33"));
  g_assert_nonnull (strstr (text, "Teaching School Alliance    6"));
  g_assert_nonnull (strstr (text, "No data held"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window as the application makes it at start. */
static ArWindow *
start (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (AR_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ar_test_settle ();

  return AR_WINDOW (window);
}

static void
quit (void)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  ar_test_settle ();
}

static void
test_remembers_size_and_register (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "mine.db", NULL);
  g_autoptr(GError) error = NULL;
  ArWindow *window;
  int width, height;

  /* a register of one's own, opened last */
  {
    g_autoptr(ArStore) mine = ar_store_open (path, &error);

    g_assert_no_error (error);
    ar_test_add_area (mine, "855", "Leicestershire");
  }
  window = start ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  ar_test_settle ();
  ar_application_remember_register (app, path);
  quit ();

  /* the next start */
  window = start ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (ar_store_get_path (ar_window_get_store (window)), ==, path);
  g_assert_cmpuint (ar_store_count (ar_window_get_store (window), AR_TYPE_AREA), ==, 1);
  quit ();
}

static void
test_preferences_are_used (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "sample.db", NULL);
  g_autoptr(GError) error = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *preferences = NULL;
  AdwComboRow *area_row;
  AdwEntryRow *heading_row;
  GListModel *areas;
  ArWindow *window;
  ArSummary *summary;
  guint rutland = G_MAXUINT;

  {
    g_autoptr(ArStore) copy = sample ();

    g_assert_true (ar_store_save_copy (copy, path, &error));
  }
  window = start ();
  ar_application_remember_register (app, path);
  quit ();
  window = start ();
  g_assert_cmpstr (ar_store_get_path (ar_window_get_store (window)), ==, path);

  /* set them in the Preferences window, as a user does */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ar_test_settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_PREFERENCES_WINDOW (toplevel))
        preferences = toplevel;
    }
  g_assert_nonnull (preferences);
  area_row = ADW_COMBO_ROW (find (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW));
  heading_row = ADW_ENTRY_ROW (find (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW));
  areas = adw_combo_row_get_model (area_row);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (areas, i);
      g_autofree char *label = NULL;

      if (GTK_IS_STRING_OBJECT (item))
        label = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      else
        g_object_get (item, "label", &label, NULL);
      if (label != NULL && strstr (label, "Rutland") != NULL)
        rutland = i;
    }
  g_assert_cmpuint (rutland, !=, G_MAXUINT);
  adw_combo_row_set_selected (area_row, rutland);
  gtk_editable_set_text (GTK_EDITABLE (heading_row), "Appendix C");
  ar_test_settle ();
  gtk_window_destroy (preferences);
  quit ();

  /* the next window uses them */
  window = start ();
  summary = ar_summary_page_get_summary (window->summary_page);
  g_assert_nonnull (summary);
  g_assert_cmpstr (ar_summary_get_area_code (summary), ==, "857");
  g_assert_cmpstr (ar_summary_get_heading (summary), ==, "Appendix C");
  ar_test_screenshot (GTK_WIDGET (window), "preferences-used.png");
  quit ();
}

/* A long list is read in a thread (here any list, for the test): the
 * list shown is the register's once it is in, and the selection stays. */
static void
test_reload_in_a_thread (void)
{
  g_autoptr(ArStore) store = sample ();
  ArWindow *window = ar_test_window_new (store, 1280, 800);
  ArRecordListPage *schools = ar_window_get_page_for_type (window, AR_TYPE_SCHOOL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  ar_record_list_page_set_thread_from (schools, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "schools");
  ar_test_settle ();
  g_assert_true (ar_record_list_page_select_id (schools, 7));
  before = ar_record_list_page_to_csv (schools, NULL);

  /* a change from elsewhere: the page reads the list again in a thread */
  id = ar_test_add_school (store, "990998", "Threaded Academy", 1);
  ar_store_emit_changed (store, AR_TYPE_SCHOOL);
  g_assert_true (ar_record_list_page_is_loading (schools));
  g_assert_true (ar_record_list_page_shows_list (schools));
  while (ar_record_list_page_is_loading (schools))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (ar_record_list_page_get_n_shown (schools), ==, 96);
  g_assert_cmpint (ar_record_get_id (ar_record_list_page_get_selected (schools)), ==, 7);
  after = ar_record_list_page_to_csv (schools, NULL);
  g_assert_nonnull (strstr (after, "\"Threaded Academy\""));
  g_assert_true (ar_record_list_page_select_id (schools, id));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

  /* the application opens the user's register unless told otherwise:
   * keep it in a folder of the test's own */
  home = g_dir_make_tmp ("ar-promises-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  ar_test_ui_init (&argc, &argv);
  app = ar_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("the application did not register");

  g_test_add_func ("/ar/window-promises/sort-by-any-column", test_sort_by_any_column);
  g_test_add_func ("/ar/window-promises/filter-by-status-kind-role", test_filter_by_status_kind_role);
  g_test_add_func ("/ar/window-promises/sidebar-counts", test_sidebar_counts);
  g_test_add_func ("/ar/window-promises/empty-state-buttons", test_empty_state_buttons);
  g_test_add_func ("/ar/window-promises/accelerators-are-bound", test_accelerators_are_bound);
  g_test_add_func ("/ar/window-promises/copy-puts-the-table-on-the-clipboard", test_copy_puts_the_table_on_the_clipboard);
  g_test_add_func ("/ar/window-promises/remembers-size-and-register", test_remembers_size_and_register);
  g_test_add_func ("/ar/window-promises/preferences-are-used", test_preferences_are_used);
  g_test_add_func ("/ar/window-promises/reload-in-a-thread", test_reload_in_a_thread);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
