/* ar-record-list-page.c: one kind of record as a sortable, searchable list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-record-list-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

#include "ar-record-list-page.h"
#include "ar-record-filter-model.h"

typedef struct
{
  ArRecordListPage   *page;
  const ArColumnSpec *spec;
  guint               column;
  /* a short column's cells are as wide as its longest text, in pixels */
  int                 width;
} ColumnData;

struct _ArRecordListPage
{
  AdwBin              parent_instance;

  const ArSection    *section;
  GType               record_type;
  char               *title;
  const ArColumnSpec *columns;
  guint               n_columns;
  const char         *filter_field;
  ArStore            *store;

  ArRecordList       *records;
  ArRecordFilterModel *filtered;
  /* the cells bound to a record, each with its column: a reload that
   * keeps a record's row gives its cells the new table's text */
  GHashTable         *bound_cells;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  char               *query;
  char               *filter_choice;
  /* the "Role" choice and the "Active on" date, for sections with them */
  char               *role_choice;
  char               *active_on;
  guint               active_on_idle;
  /* the area filter: ids in the order of the drop-down, 0 first for all */
  GArray             *area_ids;
  gint64              area_filter;
  int                 area_field;

  /* what each row shows, linked names and derived columns worked out */
  ArRecordTable      *table;
  /* the column of roles the role filters read: a person's designations,
   * a deployment's kind of support */
  int                 roles_column;
  /* the store changed while the page was hidden: reload when shown */
  gboolean            stale;
  /* the plain field the list is sorted by, or -1; worked out again only
   * after the sorter changes (reading 50,000 rows to find it held each
   * reload up some 50 ms) */
  gboolean            sort_known;
  int                 sort_index;
  gboolean            sort_descending;
  /* a long list is read in a thread (see ar_record_list_page_reload) */
  GTask              *load_task;
  /* while the filter replaces the rows in sight gradually: what the
   * reload replaced, to free in a thread after */
  GPtrArray          *replaced;
  GCancellable       *load_cancellable;
  guint               thread_from;
  /* the list is too narrow for every column: only the key ones show */
  gboolean            narrow;
  guint               narrow_idle;
  /* per column: -1 as the width decides, else hidden (0) or shown (1)
   * as chosen in the column menu */
  GArray             *chosen_columns;
  GPtrArray          *column_data;
  GSimpleActionGroup *column_actions;
  GMenu              *column_menu;
  /* a click on a row of a folded list opens it */
  guint               open_idle;

  AdwLeaflet         *leaflet;
  AdwWindowTitle     *window_title;
  GtkButton          *sidebar_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *search_button;
  GtkDropDown        *filter_drop_down;
  GtkDropDown        *area_drop_down;
  GtkBox             *extra_filters;
  GtkDropDown        *role_drop_down;
  GtkBox             *active_on_box;
  GtkEntry           *active_on_entry;
  GtkCalendar        *active_on_calendar;
  AdwBin             *list_frame;
  GtkColumnView      *column_view;
  GtkStack           *list_stack;
  GtkMenuButton      *columns_button;
  ArRecordEditor     *editor;
};

G_DEFINE_FINAL_TYPE (ArRecordListPage, ar_record_list_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Short columns are never wider than this, nor measured from more than
 * a few of their longest texts. */
#define MAX_SHORT_COLUMN_WIDTH 240
#define N_MEASURED_TEXTS 8

static void update_column_visibility (ArRecordListPage *self);
static void on_replaced              (ArRecordListPage *self);
static void find_rows_in_sight       (ArRecordListPage *self,
                                      guint            *first,
                                      guint            *end);
static void on_column_toggled        (GSimpleAction    *action,
                                      GVariant         *parameter,
                                      ArRecordListPage *self);

static char *
cell_sort_key (ArRecord   *record,
               ColumnData *data)
{
  const char *text = ar_record_table_get_cell (data->page->table, record, data->column);

  if (data->spec->kind == AR_COLUMN_TRUST_ACADEMIES || data->spec->kind == AR_COLUMN_ALLIANCE_MEMBERS)
    return g_strdup_printf ("%08d", text ? atoi (text) : 0);

  return g_strdup (text ? text : "");
}

static int
compare_text_field (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  guint index = GPOINTER_TO_UINT (user_data);
  int order = strcmp (ar_record_get_sort_key ((ArRecord *) a, index),
                      ar_record_get_sort_key ((ArRecord *) b, index));

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ColumnData               *data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 4);
  if (!data->spec->expand)
    gtk_widget_set_size_request (inscription, data->width, -1);
  gtk_list_item_set_child (item, inscription);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnData               *data)
{
  ArRecord *record = gtk_list_item_get_item (item);
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (item));

  /* cells made before the last reload take the column's new width */
  if (!data->spec->expand)
    gtk_widget_set_size_request (GTK_WIDGET (inscription), data->width, -1);
  gtk_inscription_set_text (inscription, ar_record_table_get_cell (data->page->table, record, data->column));
  if (data->page->bound_cells != NULL)
    g_hash_table_insert (data->page->bound_cells, item, data);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ColumnData               *data)
{
  /* the view may go after the page has let its list go */
  if (data->page->bound_cells != NULL)
    g_hash_table_remove (data->page->bound_cells, item);
}

/* Cells in sight show the present table's text and widths. */
static void
refresh_bound_cells (ArRecordListPage *self)
{
  GHashTableIter iter;
  gpointer item, data;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &item, &data))
    bind_cell (NULL, item, data);
}

static gboolean
record_matches (ArRecord *record,
                gpointer  user_data)
{
  ArRecordListPage *self = user_data;

  if (self->filter_choice != NULL && self->filter_field != NULL)
    {
      /* a person's roles are a list; a status or kind is one value, and
       * "open" must not match "proposed-to-open" */
      if (g_str_equal (self->filter_field, "roles"))
        {
          if (!ar_record_table_has_role (self->table, record, self->roles_column, self->filter_choice))
            return FALSE;
        }
      else if (g_strcmp0 (ar_record_get_text (record, self->filter_field), self->filter_choice) != 0)
        return FALSE;
    }

  if (self->role_choice != NULL
      && !ar_record_table_has_role (self->table, record, self->roles_column, self->role_choice))
    return FALSE;

  if (self->active_on != NULL && !self->section->active_on (record, self->active_on))
    return FALSE;

  /* the search is the filter model's (see on_search_changed()); records
   * without an area of their own are in their school's */
  if (self->section->area_link != NULL)
    return self->area_filter == 0 || ar_record_table_get_area (self->table, record) == self->area_filter;

  return ar_record_table_matches (record, self->area_filter, NULL);
}

static gboolean
leave_form (gpointer data)
{
  ArRecordListPage *self = data;

  ar_record_editor_leave (self->editor, TRUE, NULL, NULL, NULL);

  return G_SOURCE_REMOVE;
}

/* A filter may hide the record: the form keeps it, saved if it can be.
 * After the drop-down is done: saving reloads the drop-downs' choices. */
static void
leave_form_soon (ArRecordListPage *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, leave_form, g_object_ref (self), g_object_unref);
}

static void
on_area_selected (GtkDropDown      *drop_down,
                  GParamSpec       *pspec,
                  ArRecordListPage *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  leave_form_soon (self);
  self->area_filter = selected < self->area_ids->len ? g_array_index (self->area_ids, gint64, selected) : 0;
  ar_record_filter_model_refilter (self->filtered, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Whether @labels are the drop-down's already. */
static gboolean
same_labels (GtkDropDown   *drop_down,
             GtkStringList *labels)
{
  GListModel *shown = gtk_drop_down_get_model (drop_down);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (labels));

  if (!GTK_IS_STRING_LIST (shown) || g_list_model_get_n_items (shown) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (shown), i),
                   gtk_string_list_get_string (labels, i)) != 0)
      return FALSE;

  return TRUE;
}

/* The areas in the register, to show one at a time. A new model only
 * when they changed: replacing it cost each reload some 25 ms. */
static void
reload_area_filter (ArRecordListPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) areas = NULL;
  gint64 keep = self->area_filter;
  guint selected = 0;
  gint64 all = 0;

  if ((self->area_field < 0 && self->section->area_link == NULL) || self->store == NULL)
    return;

  areas = ar_store_list (self->store, AR_TYPE_AREA, NULL);
  g_array_set_size (self->area_ids, 0);
  g_array_append_val (self->area_ids, all);
  gtk_string_list_append (labels, _("All areas"));
  for (guint i = 0; areas != NULL && i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(ArRecord) area = g_list_model_get_item (areas, i);
      gint64 id = ar_record_get_id (area);

      g_array_append_val (self->area_ids, id);
      gtk_string_list_append (labels, ar_record_get_text (area, "name"));
      if (id == keep)
        selected = i + 1;
    }

  g_signal_handlers_block_by_func (self->area_drop_down, on_area_selected, self);
  if (!same_labels (self->area_drop_down, labels))
    gtk_drop_down_set_model (self->area_drop_down, G_LIST_MODEL (labels));
  if (gtk_drop_down_get_selected (self->area_drop_down) != selected)
    gtk_drop_down_set_selected (self->area_drop_down, selected);
  g_signal_handlers_unblock_by_func (self->area_drop_down, on_area_selected, self);
  self->area_filter = g_array_index (self->area_ids, gint64, selected);
}

static void
apply_search (ArRecordListPage *self,
              char             *query)
{
  /* the search may hide the record: the form keeps it, saved if it can be */
  ar_record_editor_leave (self->editor, TRUE, NULL, NULL, NULL);

  g_free (self->query);
  self->query = query;
  /* a long list is matched in a thread and the view's new rows come in
   * over the next frames: the keystroke costs only starting it */
  {
    guint in_sight = G_MAXUINT;
    guint sight_end = 0;

    find_rows_in_sight (self, &in_sight, &sight_end);
    ar_record_filter_model_search (self->filtered, self->query,
                                   in_sight, sight_end > in_sight ? sight_end - in_sight : 0);
  }
}

static void
on_search_changed (GtkSearchEntry   *entry,
                   ArRecordListPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *query = text[0] ? g_utf8_casefold (text, -1) : NULL;

  /* the entry's delayed signal after ar_record_list_page_set_search()
   * brings the same text again */
  if (g_strcmp0 (query, self->query) == 0)
    return;

  apply_search (self, g_steal_pointer (&query));
}

static void
update_empty_state (ArRecordListPage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                 || self->load_task != NULL;

  gtk_stack_set_visible_child_name (self->list_stack, any ? "list" : "none");
}

static void
on_filter_selected (GtkDropDown      *drop_down,
                    GParamSpec       *pspec,
                    ArRecordListPage *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);
  const char *value = item ? g_object_get_data (G_OBJECT (item), "ar-value") : NULL;

  leave_form_soon (self);
  g_clear_pointer (&self->filter_choice, g_free);
  self->filter_choice = g_strdup (value);
  ar_record_filter_model_refilter (self->filtered, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_role_selected (GtkDropDown      *drop_down,
                  GParamSpec       *pspec,
                  ArRecordListPage *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);
  const char *value = item ? g_object_get_data (G_OBJECT (item), "ar-value") : NULL;

  leave_form_soon (self);
  g_clear_pointer (&self->role_choice, g_free);
  self->role_choice = g_strdup (value);
  ar_record_filter_model_refilter (self->filtered, GTK_FILTER_CHANGE_DIFFERENT);
}

/* An empty date shows every record; a date half typed is marked and
 * leaves the list as it was. Read once the entry has settled: replacing
 * its text empties it first. */
static gboolean
apply_active_on (gpointer data)
{
  ArRecordListPage *self = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->active_on_entry));
  gboolean valid = text[0] == '\0' || ar_date_is_valid (text);

  self->active_on_idle = 0;
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->active_on_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->active_on_entry), "error");
  if (!valid || g_strcmp0 (self->active_on, text[0] ? text : NULL) == 0)
    return G_SOURCE_REMOVE;

  leave_form_soon (self);
  g_clear_pointer (&self->active_on, g_free);
  self->active_on = text[0] ? g_strdup (text) : NULL;
  ar_record_filter_model_refilter (self->filtered, GTK_FILTER_CHANGE_DIFFERENT);

  return G_SOURCE_REMOVE;
}

static void
on_active_on_changed (ArRecordListPage *self)
{
  if (self->active_on_idle == 0)
    self->active_on_idle = g_idle_add (apply_active_on, self);
}

static void
on_active_on_day_selected (ArRecordListPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->active_on_calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->active_on_entry), iso);
}

typedef struct
{
  ArRecordListPage *page;
  gint64            id;
} PendingSelect;

static PendingSelect *
pending_select_new (ArRecordListPage *self,
                    gint64            id)
{
  PendingSelect *pending = g_new0 (PendingSelect, 1);

  pending->page = g_object_ref (self);
  pending->id = id;

  return pending;
}

static void
pending_select_free (gpointer data)
{
  PendingSelect *pending = data;

  g_object_unref (pending->page);
  g_free (pending);
}

static void
select_later (gpointer data)
{
  PendingSelect *pending = data;

  ar_record_list_page_select_id (pending->page, pending->id);
}

static void on_selection_changed (GtkSingleSelection *selection,
                                  GParamSpec         *pspec,
                                  ArRecordListPage   *self);

/* The selection goes back to the record the form shows. */
static void
reselect_shown (ArRecordListPage *self)
{
  ArRecord *shown = ar_record_editor_get_record (self->editor);
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; shown != NULL && ar_record_get_id (shown) != 0 && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (model, i);

      if (ar_record_get_id (record) == ar_record_get_id (shown))
        {
          position = i;
          break;
        }
    }

  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);
}

static void
on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      ArRecordListPage   *self)
{
  ArRecord *record = gtk_single_selection_get_selected_item (selection);
  ArRecord *shown = ar_record_editor_get_record (self->editor);
  PendingSelect *pending;

  if (record == NULL || (shown != NULL && ar_record_get_id (shown) == ar_record_get_id (record)))
    return;

  /* Nothing is dropped: valid edits are saved on the way out; invalid ones
   * keep the form (and its row) until fixed or discarded. */
  pending = pending_select_new (self, ar_record_get_id (record));
  if (!ar_record_editor_leave (self->editor, FALSE, select_later, pending, pending_select_free))
    {
      reselect_shown (self);
      return;
    }
  pending_select_free (pending);

  ar_record_editor_set_record (self->editor, record);
}

/* Moves the keyboard focus to the form's first field. */
static gboolean
focus_form (ArRecordListPage *self)
{
  if (ar_record_editor_get_record (self->editor) == NULL)
    return FALSE;

  return gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
}

static void
on_row_activated (GtkColumnView    *view,
                  guint             position,
                  ArRecordListPage *self)
{
  /* Enter (or a double click) opens the row: on a narrow window the form
   * takes the list's place, so the keyboard goes with it */
  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      focus_form (self);
    }
}

static gboolean
open_clicked_row (gpointer user_data)
{
  ArRecordListPage *self = user_data;

  self->open_idle = 0;
  if (adw_leaflet_get_folded (self->leaflet) && ar_record_editor_get_record (self->editor) != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  return G_SOURCE_REMOVE;
}

/* On a folded list one click or tap opens a row: the row selects itself on
 * the release this sees first (the capture phase), and the record is
 * opened once it has. single-click-activate would also select rows under
 * a moving pointer, and the form follows the selection. */
static void
on_list_click_released (GtkGestureClick  *gesture,
                        int               n_press,
                        double            x,
                        double            y,
                        ArRecordListPage *self)
{
  GtkWidget *picked;

  if (n_press != 1 || !adw_leaflet_get_folded (self->leaflet))
    return;

  /* rows, not the column headers */
  picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  for (; picked != NULL && picked != GTK_WIDGET (self->column_view); picked = gtk_widget_get_parent (picked))
    {
      GtkWidget *parent = gtk_widget_get_parent (picked);

      if (g_str_equal (gtk_widget_get_css_name (picked), "row") && parent != NULL
          && g_str_equal (gtk_widget_get_css_name (parent), "listview"))
        {
          if (self->open_idle == 0)
            self->open_idle = g_idle_add (open_clicked_row, self);
          return;
        }
    }
}

/* F6 moves between the list and the form, as between panes elsewhere. */
static void
switch_pane_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ArRecordListPage *self = AR_RECORD_LIST_PAGE (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->editor)))
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
  else if (ar_record_editor_get_record (self->editor) != NULL)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      focus_form (self);
    }
}

static void
on_back_clicked (ArRecordListPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_editor_saved (ArRecordEditor   *editor,
                 ArRecordListPage *self)
{
  ArRecord *record = ar_record_editor_get_record (editor);

  if (record != NULL && G_OBJECT_TYPE (record) == self->record_type)
    ar_record_list_page_select_id (self, ar_record_get_id (record));
}

static void
free_column_data (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static void
add_columns (ArRecordListPage *self)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      ColumnData *data = g_new0 (ColumnData, 1);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkExpression *expression;
      GtkSorter *sorter;

      data->page = self;
      data->spec = &self->columns[c];
      data->column = c;
      data->width = -1;
      g_ptr_array_add (self->column_data, data);
      g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell), data, free_column_data, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), data);

      column = gtk_column_view_column_new (_(data->spec->title), g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, data->spec->expand);

      if (data->spec->kind == AR_COLUMN_TEXT)
        {
          /* plain fields compare cached case-folded keys: collating 50,000
           * names for a GtkStringSorter took a second at every load */
          ArRecordClass *klass = g_type_class_ref (self->record_type);
          int index = ar_record_class_field_index (klass, data->spec->field);

          g_type_class_unref (klass);
          sorter = GTK_SORTER (gtk_custom_sorter_new (compare_text_field, GINT_TO_POINTER (index), NULL));
        }
      else
        {
          expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                    G_CALLBACK (cell_sort_key), data, NULL);
          sorter = GTK_SORTER (gtk_string_sorter_new (expression));
        }
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);

      gtk_column_view_column_set_header_menu (column, G_MENU_MODEL (self->column_menu));
      gtk_column_view_append_column (self->column_view, column);

      {
        g_autofree char *name = g_strdup_printf ("%u", c);
        g_autofree char *detailed = g_strdup_printf ("columns.%u", c);
        g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));
        int chosen = -1;

        g_signal_connect (action, "activate", G_CALLBACK (on_column_toggled), self);
        g_action_map_add_action (G_ACTION_MAP (self->column_actions), G_ACTION (action));
        g_menu_append (self->column_menu, _(data->spec->title), detailed);
        g_array_append_val (self->chosen_columns, chosen);
      }
      if (g_strcmp0 (data->spec->field, self->section->sort_field ? self->section->sort_field : "name") == 0)
        gtk_column_view_sort_by_column (self->column_view, column,
                                        self->section->sort_descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
    }
}

static void
add_filter (ArRecordListPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *choices = NULL;
  ArRecordClass *klass;
  int index;

  if (self->filter_field == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->filter_drop_down), FALSE);
      return;
    }

  klass = g_type_class_ref (self->record_type);
  index = ar_record_class_field_index (klass, self->filter_field);
  choices = index >= 0 ? klass->fields[index].choices : ar_role_designation_codes;
  g_type_class_unref (klass);

  gtk_string_list_append (labels, _("All"));
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    {
      g_autoptr(GObject) label = NULL;

      gtk_string_list_append (labels, index >= 0 ? ar_choice_label (choices[i]) : choices[i]);
      label = g_list_model_get_item (G_LIST_MODEL (labels), i + 1);
      g_object_set_data_full (label, "ar-value", g_strdup (choices[i]), g_free);
    }

  gtk_drop_down_set_model (self->filter_drop_down, G_LIST_MODEL (labels));
  g_signal_connect (self->filter_drop_down, "notify::selected", G_CALLBACK (on_filter_selected), self);
}

/* The section's own filters: a role (every role given to people, and a
 * school's support of another), a date the record was active on. */
static void
add_extra_filters (ArRecordListPage *self)
{
  gboolean by_role = self->section->role_column != AR_COLUMN_TEXT && self->roles_column >= 0;

  if (by_role)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      const char *school = AR_DEPLOYMENT_KIND_SCHOOL;
      guint n = 0;

      gtk_string_list_append (labels, _("All roles"));
      for (const char * const *code = ar_role_designation_codes; ; code++)
        {
          const char *value = *code ? *code : school;
          g_autoptr(GObject) label = NULL;

          gtk_string_list_append (labels, ar_choice_label (value));
          label = g_list_model_get_item (G_LIST_MODEL (labels), ++n);
          g_object_set_data_full (label, "ar-value", g_strdup (value), g_free);
          if (*code == NULL)
            break;
        }
      gtk_drop_down_set_model (self->role_drop_down, G_LIST_MODEL (labels));
      g_signal_connect (self->role_drop_down, "notify::selected", G_CALLBACK (on_role_selected), self);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->role_drop_down), by_role);
  gtk_widget_set_visible (GTK_WIDGET (self->active_on_box), self->section->active_on != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->extra_filters), by_role || self->section->active_on != NULL);
}

static void
on_sorter_changed (ArRecordListPage *self)
{
  self->sort_known = FALSE;
}

static void
on_store_changed (ArRecordListPage *self,
                  GType             type)
{
  /* Pages out of sight wait until they are shown: at England scale,
   * reading every list on every change would be most of the work. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ar_record_list_page_reload (self);
  else
    self->stale = TRUE;
}

static void
ar_record_list_page_map (GtkWidget *widget)
{
  ArRecordListPage *self = AR_RECORD_LIST_PAGE (widget);

  GTK_WIDGET_CLASS (ar_record_list_page_parent_class)->map (widget);

  if (self->stale)
    ar_record_list_page_reload (self);
}

/* A list narrower than this shows only the columns that say what a row
 * is, so that a name is not cut to six letters. */
#define NARROW_LIST_WIDTH 560

static gboolean
update_narrow_columns (gpointer user_data)
{
  ArRecordListPage *self = user_data;

  self->narrow_idle = 0;
  update_column_visibility (self);

  return G_SOURCE_REMOVE;
}

/* The list's frame is laid out as any AdwBin, with a look at its width
 * after each allocation. The frame, not the page: the leaflet around the
 * list moves and resizes it without the page being allocated again. */
static void
measure_list_frame (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
allocate_list_frame (GtkWidget *widget,
                     int        width,
                     int        height,
                     int        baseline)
{
  ArRecordListPage *self = AR_RECORD_LIST_PAGE (gtk_widget_get_ancestor (widget, AR_TYPE_RECORD_LIST_PAGE));
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  gboolean narrow;

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
  if (self == NULL || width <= 0)
    return;

  /* Hiding columns does not narrow the list: the panes beside it keep
   * their own widths (the sidebar and the editor do not expand), so this
   * cannot flip back and forth; some slack keeps a resize at the edge
   * steady. The columns change after this allocation, not during it. */
  narrow = self->narrow ? width < NARROW_LIST_WIDTH + 16 : width < NARROW_LIST_WIDTH;
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_idle == 0)
        self->narrow_idle = g_idle_add (update_narrow_columns, self);
    }
}

/* Selects the record with @id if the list shows it, without touching the
 * search or the filters. */
static gboolean
select_shown_id (ArRecordListPage *self,
                 gint64            id)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (model, i);

      if (ar_record_get_id (record) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          /* a form with typed edits is left only the way the editor allows */
          if ((ar_record_editor_get_record (self->editor) == NULL
               || ar_record_get_id (ar_record_editor_get_record (self->editor)) != id)
              && !ar_record_editor_get_dirty (self->editor))
            ar_record_editor_set_record (self->editor, record);
          return TRUE;
        }
    }

  return FALSE;
}

static int
compare_length_descending (gconstpointer a,
                           gconstpointer b)
{
  return (int) strlen (*(const char * const *) b) - (int) strlen (*(const char * const *) a);
}

/* The few longest texts of each short column (NULL for one that
 * expands), found where the records are read: the pass over 50,000 rows
 * is the loading thread's, measuring eight texts the main loop's. */
static GPtrArray *
find_longest_texts (ArRecordTable      *table,
                    const ArColumnSpec *columns,
                    guint               n_columns,
                    GPtrArray          *records)
{
  GPtrArray *longest_texts = g_ptr_array_new_full (n_columns, (GDestroyNotify) g_strfreev);
  gsize shortest_kept;

  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GPtrArray) longest = NULL;

      if (columns[c].expand)
        {
          g_ptr_array_add (longest_texts, NULL);
          continue;
        }
      longest = g_ptr_array_new ();
      /* the shortest of those kept, once there are enough */
      shortest_kept = 0;
      for (guint i = 0; i < records->len; i++)
        {
          const char *text = ar_record_table_get_cell (table, records->pdata[i], c);
          gsize length = text != NULL ? strlen (text) : 0;

          if (length == 0 || length <= shortest_kept)
            continue;
          if (longest->len < N_MEASURED_TEXTS)
            g_ptr_array_add (longest, (gpointer) text);
          else
            g_ptr_array_index (longest, N_MEASURED_TEXTS - 1) = (gpointer) text;
          g_ptr_array_sort (longest, compare_length_descending);
          if (longest->len == N_MEASURED_TEXTS)
            shortest_kept = strlen (g_ptr_array_index (longest, N_MEASURED_TEXTS - 1));
        }
      g_ptr_array_add (longest, NULL);
      g_ptr_array_add (longest_texts, g_strdupv ((char **) longest->pdata));
    }

  return longest_texts;
}

/* Short columns are as wide as their longest text (up to a limit), so
 * "Leicester" and "Leicestershire" are not both "Leice…". */
static void
update_column_widths (ArRecordListPage *self,
                      GPtrArray        *longest_texts)
{
  for (guint c = 0; c < self->column_data->len && c < longest_texts->len; c++)
    {
      ColumnData *data = g_ptr_array_index (self->column_data, c);
      char **longest = g_ptr_array_index (longest_texts, c);
      int width = 0;

      if (longest == NULL)
        continue;
      for (guint i = 0; longest[i] != NULL; i++)
        {
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), longest[i]);
          int text_width;

          pango_layout_get_pixel_size (layout, &text_width, NULL);
          width = MAX (width, text_width + 2);
        }
      data->width = MIN (width, MAX_SHORT_COLUMN_WIDTH);
    }
}

static void
update_column_visibility (ArRecordListPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint c = 0; c < g_list_model_get_n_items (columns) && c < self->n_columns; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      g_autofree char *name = g_strdup_printf ("%u", c);
      int chosen = g_array_index (self->chosen_columns, int, c);
      gboolean visible = chosen >= 0 ? chosen : !self->narrow || self->columns[c].when_narrow;

      gtk_column_view_column_set_visible (column, visible);
      g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->column_actions), name)),
                                 g_variant_new_boolean (visible));
    }
}

/* The column menu: a choice made there holds until changed there, over
 * what the list's width would show. */
static void
on_column_toggled (GSimpleAction    *action,
                   GVariant         *parameter,
                   ArRecordListPage *self)
{
  guint c = atoi (g_action_get_name (G_ACTION (action)));
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (action));

  g_array_index (self->chosen_columns, int, c) = !g_variant_get_boolean (state);
  update_column_visibility (self);
}

static void
on_editor_record_changed (ArRecordListPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RECORD]);
}

static void
ar_record_list_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ArRecordListPage *self = AR_RECORD_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_RECORD:
      g_value_set_object (value, ar_record_list_page_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ar_record_list_page_dispose (GObject *object)
{
  ArRecordListPage *self = AR_RECORD_LIST_PAGE (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->load_task);
  g_clear_handle_id (&self->open_idle, g_source_remove);
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);


  /* The models go before the column view: its columns going would
   * re-sort the list with sort keys read from the table cleared below
   * (hundreds of criticals on quitting a list sorted by Trust). */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* the models below the selection are owned by the ones above them */
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->replaced, g_ptr_array_unref);
  self->sorted = NULL;
  self->records = NULL;
  g_clear_object (&self->table);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->filter_choice, g_free);
  g_clear_pointer (&self->role_choice, g_free);
  g_clear_pointer (&self->active_on, g_free);
  g_clear_handle_id (&self->active_on_idle, g_source_remove);
  g_clear_pointer (&self->area_ids, g_array_unref);
  g_clear_pointer (&self->chosen_columns, g_array_unref);
  g_clear_pointer (&self->column_data, g_ptr_array_unref);
  g_clear_pointer (&self->bound_cells, g_hash_table_unref);
  g_clear_object (&self->column_actions);
  g_clear_object (&self->column_menu);

  G_OBJECT_CLASS (ar_record_list_page_parent_class)->dispose (object);
}

static void
ar_record_list_page_class_init (ArRecordListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ar_record_list_page_dispose;
  object_class->get_property = ar_record_list_page_get_property;
  widget_class->map = ar_record_list_page_map;

  /**
   * ArRecordListPage:selected-record:
   *
   * The record the page shows in its form (a new one has no id yet), for
   * the window to follow with its actions.
   */
  properties[PROP_SELECTED_RECORD] =
    g_param_spec_object ("selected-record", NULL, NULL, AR_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "page.switch-pane", NULL, switch_pane_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "page.switch-pane", NULL);

  g_type_ensure (AR_TYPE_RECORD_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-record-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, filter_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, extra_filters);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, role_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, active_on_box);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, active_on_entry);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, active_on_calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_active_on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_active_on_day_selected);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, area_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, list_frame);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, columns_button);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
}

static void
ar_record_list_page_init (ArRecordListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self->list_frame),
                                 gtk_custom_layout_new (NULL, measure_list_frame, allocate_list_frame));

  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->thread_from = 5000;
  self->chosen_columns = g_array_new (FALSE, FALSE, sizeof (int));
  self->column_data = g_ptr_array_new ();
  self->bound_cells = g_hash_table_new (NULL, NULL);
  self->column_actions = g_simple_action_group_new ();
  self->column_menu = g_menu_new ();
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns", G_ACTION_GROUP (self->column_actions));
  g_signal_connect (self->editor, "saved", G_CALLBACK (on_editor_saved), self);
  g_signal_connect_swapped (self->editor, "notify::record", G_CALLBACK (on_editor_record_changed), self);

  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect (click, "released", G_CALLBACK (on_list_click_released), self);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
  }
}

/**
 * ar_record_list_page_new:
 * @section: (transfer none): what to list, from ar_sections(): kept
 *   for the page's lifetime
 */
ArRecordListPage *
ar_record_list_page_new (const ArSection *section)
{
  ArRecordListPage *self = g_object_new (AR_TYPE_RECORD_LIST_PAGE, NULL);
  GType record_type = section->get_type ();
  const char *title = _(section->title);

  self->section = section;
  self->record_type = record_type;
  self->title = g_strdup (title);
  self->columns = section->columns;
  self->n_columns = section->n_columns;
  self->table = ar_record_table_new (record_type, self->columns, self->n_columns);
  ar_record_table_set_area_link (self->table, section->area_link);
  self->roles_column = ar_record_table_find_column (self->table, section->role_column != AR_COLUMN_TEXT
                                                                 ? section->role_column : AR_COLUMN_PERSON_ROLES);
  self->filter_field = section->filter_field;

  adw_window_title_set_title (self->window_title, title);
  g_object_set (self->search_entry, "placeholder-text", _("Search"), NULL);

  /* store → sort (the view's sorter) → filter (search and choice) → selection.
   * Sorting first means a keystroke only filters: re-sorting 50,000 rows
   * on every key (their collation keys, as GTK 4.8 does) took a second. */
  self->records = ar_record_list_new (record_type);
  add_columns (self);
  gtk_menu_button_set_menu_model (self->columns_button, G_MENU_MODEL (self->column_menu));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->records),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filtered = ar_record_filter_model_new (G_LIST_MODEL (self->sorted), record_matches, self);
  /* rows in sight come in a step after each frame the list draws */
  ar_record_filter_model_set_view (self->filtered, GTK_WIDGET (self->column_view));
  g_signal_connect_swapped (self->filtered, "notify::pending", G_CALLBACK (on_replaced), self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_empty_state), self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_filter (self);
  add_extra_filters (self);

  {
    ArRecordClass *klass = g_type_class_ref (record_type);

    self->area_field = ar_record_class_field_index (klass, "area_id");
    /* the list starts sorted by name, as the loading thread sorts */
    self->sort_index = ar_record_class_field_index (klass, "name");
    self->sort_descending = FALSE;
    self->sort_known = TRUE;
    g_type_class_unref (klass);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->area_drop_down), self->area_field >= 0 || section->area_link != NULL);
  g_signal_connect (self->area_drop_down, "notify::selected", G_CALLBACK (on_area_selected), self);

  return self;
}

GType
ar_record_list_page_get_record_type (ArRecordListPage *self)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), G_TYPE_NONE);
  return self->record_type;
}

const char *
ar_record_list_page_get_title (ArRecordListPage *self)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), NULL);
  return self->title;
}

void
ar_record_list_page_set_store (ArRecordListPage *self,
                               ArStore          *store)
{
  g_return_if_fail (AR_IS_RECORD_LIST_PAGE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  ar_record_editor_set_record (self->editor, NULL);
  ar_record_editor_set_store (self->editor, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);

  on_store_changed (self, G_TYPE_NONE);
}

/* What a reload reads, in the thread or at once. */
typedef struct
{
  char               *path;
  GType               record_type;
  const ArColumnSpec *columns;
  guint               n_columns;
  const char         *area_link;
  /* the plain field the list is sorted by, when it is, or -1 */
  int                 sort_index;
  gboolean            sort_descending;
  /* the ids in the order the list showed them before the reload */
  GArray             *order;
  int                 name_index;   /* the records' name field, or -1 */
  GHashTable         *ranks;
  /* the records listed before, each kept where the reload reads it
   * unchanged; the list is never changed once it has records */
  GListModel         *old_records;
  GPtrArray          *records;
  ArRecordTable      *table;
  GPtrArray          *longest_texts;  /* per column, for its width */
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_free (load->path);
  g_clear_pointer (&load->order, g_array_unref);
  g_clear_pointer (&load->ranks, g_hash_table_unref);
  g_clear_object (&load->old_records);
  g_clear_pointer (&load->records, g_ptr_array_unref);
  g_clear_object (&load->table);
  g_clear_pointer (&load->longest_texts, g_ptr_array_unref);
  g_free (load);
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *ranks = user_data;
  gint64 id_a = ar_record_get_id (*(ArRecord **) a);
  gint64 id_b = ar_record_get_id (*(ArRecord **) b);
  guint rank_a = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, &id_a));
  guint rank_b = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, &id_b));

  /* rank 0: new since the last load; after the others, by id */
  if (rank_a != rank_b)
    return rank_a == 0 ? 1 : rank_b == 0 ? -1 : rank_a < rank_b ? -1 : 1;
  return id_a < id_b ? -1 : id_a > id_b;
}

typedef struct
{
  const char *key;
  ArRecord   *record;
} KeyedRecord;

static int
compare_keyed (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int order = strcmp (((const KeyedRecord *) a)->key, ((const KeyedRecord *) b)->key);

  return GPOINTER_TO_INT (user_data) ? -order : order;
}

/* Sorts @records by the sort key of field @index, stably, as the view's
 * sorter orders them. The keys are looked up once each rather than twice
 * a comparison: 50,000 records take some 800,000 comparisons. */
static void
sort_by_key (GPtrArray *records,
             int        index,
             gboolean   descending)
{
  g_autofree KeyedRecord *keyed = g_new (KeyedRecord, records->len);

  for (guint i = 0; i < records->len; i++)
    {
      keyed[i].record = records->pdata[i];
      keyed[i].key = ar_record_get_sort_key (keyed[i].record, index);
    }
  /* a stable merge sort */
  g_qsort_with_data (keyed, records->len, sizeof (KeyedRecord), compare_keyed, GINT_TO_POINTER (descending));
  for (guint i = 0; i < records->len; i++)
    records->pdata[i] = keyed[i].record;
}

/* A record the reload read unchanged is taken as the object shown
 * before: the filter then tells the view only what changed, and the
 * view keeps the rows of the rest (replacing 50,000 rows held the window
 * for a fifth of a second after an import). Done in the thread, after
 * sorting: the old records' fields are only read, never their keys,
 * which the main loop may be making meanwhile. */
static void
keep_unchanged_records (GListModel *old_list,
                        GPtrArray  *records)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gint64 *ids = g_new (gint64, g_list_model_get_n_items (old_list));

  for (guint i = 0; i < g_list_model_get_n_items (old_list); i++)
    {
      g_ptr_array_add (old, g_list_model_get_item (old_list, i));
      ids[i] = ar_record_get_id (old->pdata[i]);
      g_hash_table_insert (by_id, &ids[i], old->pdata[i]);
    }

  for (guint i = 0; i < records->len; i++)
    {
      gint64 id = ar_record_get_id (records->pdata[i]);
      ArRecord *before = g_hash_table_lookup (by_id, &id);

      if (before != NULL && G_OBJECT_TYPE (before) == G_OBJECT_TYPE (records->pdata[i])
          && ar_record_equal (before, records->pdata[i]))
        {
          g_object_unref (records->pdata[i]);
          records->pdata[i] = g_object_ref (before);
        }
    }
}

/* Reads the records and works out every cell and key the list will ask
 * for, so that taking them in costs the main loop little: the search
 * keys, the sort keys, and the order the list showed, which the view's
 * sort then only confirms. */
static gboolean
load_records (ArStore   *store,
              LoadData  *load,
              GError   **error)
{
  g_autoptr(GListModel) records = ar_store_list (store, load->record_type, error);

  if (records == NULL)
    return FALSE;

  load->table = ar_record_table_new (load->record_type, load->columns, load->n_columns);
  ar_record_table_set_area_link (load->table, load->area_link);
  ar_record_table_load (load->table, store);
  load->records = g_ptr_array_new_full (g_list_model_get_n_items (records), g_object_unref);

  /* the keys of the column the list is sorted by, and the name's, which
   * breaks ties; another column's are made when a user sorts by it */
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      ArRecord *record = g_list_model_get_item (records, i);

      ar_record_get_search_key (record);
      if (load->name_index >= 0)
        ar_record_get_sort_key (record, load->name_index);
      if (load->sort_index >= 0 && load->sort_index != load->name_index)
        ar_record_get_sort_key (record, load->sort_index);
      g_ptr_array_add (load->records, record);
    }
  load->longest_texts = find_longest_texts (load->table, load->columns, load->n_columns, load->records);

  if (load->sort_index >= 0)
    {
      /* the list was sorted by this plain field: sort as the view will */
      sort_by_key (load->records, load->sort_index, load->sort_descending);
    }
  else if (load->order != NULL && load->order->len > 0)
    {
      gboolean all_shown_before = TRUE;

      load->ranks = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < load->order->len; i++)
        g_hash_table_insert (load->ranks, &g_array_index (load->order, gint64, i), GUINT_TO_POINTER (i + 1));

      /* A record new to the list (added, or brought back by Undo) has no
       * place in the old order: start from name order instead, as the list
       * first showed, so the view's stable sort puts it among its equals
       * where it was. */
      for (guint i = 0; all_shown_before && i < load->records->len; i++)
        {
          gint64 id = ar_record_get_id (load->records->pdata[i]);

          all_shown_before = g_hash_table_contains (load->ranks, &id);
        }
      if (all_shown_before)
        g_ptr_array_sort_with_data (load->records, compare_ranks, load->ranks);
      else if (load->name_index >= 0)
        sort_by_key (load->records, load->name_index, FALSE);
    }

  if (load->old_records != NULL)
    keep_unchanged_records (load->old_records, load->records);

  return TRUE;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(GError) error = NULL;
  /* a connection of its own: ArStore is not shared between threads */
  g_autoptr(ArStore) store = ar_store_open (load->path, &error);

  if (store == NULL || !load_records (store, load, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* for the debug log: a busy machine makes wall time say little */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static gpointer
drop_in_thread (gpointer data)
{
  g_ptr_array_unref (data);

  return NULL;
}

/* A user's sort is done at once, as GTK's view expects. */
static void
on_sort_pending (GtkSortListModel *sorted)
{
  if (gtk_sort_list_model_get_pending (sorted) == 0)
    {
      g_signal_handlers_disconnect_by_func (sorted, on_sort_pending, NULL);
      gtk_sort_list_model_set_incremental (sorted, FALSE);
    }
}

static void
drop_replaced (ArRecordListPage *self)
{
  GPtrArray *old = g_steal_pointer (&self->replaced);

  if (old == NULL)
    return;
  if (g_list_model_get_n_items (old->pdata[0]) > 1000)
    g_thread_unref (g_thread_new ("ar-drop-records", drop_in_thread, old));
  else
    g_ptr_array_unref (old);
}

/* The positions of the rows in sight, from the cells bound. */
static void
find_rows_in_sight (ArRecordListPage *self,
                    guint            *first,
                    guint            *end)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      guint position = gtk_list_item_get_position (item);

      if (position == GTK_INVALID_LIST_POSITION)
        continue;
      *first = MIN (*first, position);
      *end = MAX (*end, position + 1);
    }
}

/* Takes in what was read: the new table, then the records in one
 * replacement, keeping the selection where it still exists. The rows in
 * sight are replaced a few at a time (see ArRecordFilterModel), and
 * what is replaced is freed in a thread: 50,000 records take the main
 * loop tens of milliseconds to free. */
static void
take_records (ArRecordListPage *self,
              LoadData         *load)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->records));
  /* what the reload replaces: the records' list and the table */
  GPtrArray *old = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 start = g_get_monotonic_time ();
  double cpu_start = thread_cpu_ms ();

  g_ptr_array_add (old, g_object_ref (self->records));
  g_ptr_array_add (old, g_steal_pointer (&self->table));
  self->table = g_object_ref (load->table);
  reload_area_filter (self);

  /* before the rows arrive: the view binds those in sight at once */
  update_column_widths (self, load->longest_texts);

  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  if (n_old == 0)
    ar_record_list_replace_all (self->records, g_steal_pointer (&load->records));
  else
    {
      /* A sort model takes long to remove 50,000 rows (it looks for each
       * one): give the filter a new one instead, sorted as the old was. */
      ArRecordList *list = ar_record_list_new (self->record_type);
      GtkSortListModel *sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_sort_list_model_get_sorter (self->sorted)));

      guint in_sight = G_MAXUINT;
      guint sight_end = 0;

      ar_record_list_replace_all (list, g_steal_pointer (&load->records));
      /* The thread sorted the records as the view's sorter does: the sort
       * model only confirms the order, 50,000 comparisons, which it does
       * in the main loop's spare time while the records show in it. */
      gtk_sort_list_model_set_incremental (sorted, TRUE);
      g_signal_connect (sorted, "notify::pending", G_CALLBACK (on_sort_pending), NULL);
      gtk_sort_list_model_set_model (sorted, G_LIST_MODEL (list));
      g_object_unref (list);
      find_rows_in_sight (self, &in_sight, &sight_end);
      ar_record_filter_model_set_model_gradually (self->filtered, G_LIST_MODEL (sorted),
                                                  in_sight, sight_end > in_sight ? sight_end - in_sight : 0);
      g_object_unref (sorted);
      self->records = list;
      self->sorted = sorted;
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);
  /* rows kept from before show the new table's links and names */
  refresh_bound_cells (self);
  g_debug ("%s: taken in in %.0f ms (%.0f ms of CPU)", self->title,
           (g_get_monotonic_time () - start) / 1000.0, thread_cpu_ms () - cpu_start);

  drop_replaced (self);
  self->replaced = old;
  if (!ar_record_filter_model_get_pending (self->filtered))
    on_replaced (self);
}

/* The rows of a reload are all in: what the reload replaced is freed,
 * in a thread when there are many, and the row of the record in the form
 * is selected again; it may have been chosen while the rows came in. A
 * record deleted meanwhile is gone; the search and filters stay. */
static void
on_replaced (ArRecordListPage *self)
{
  if (ar_record_filter_model_get_pending (self->filtered))
    return;

  drop_replaced (self);
  reselect_shown (self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ArRecordListPage *self = AR_RECORD_LIST_PAGE (source);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  /* a later reload took over, or the page went */
  if (G_TASK (result) != self->load_task || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  task = g_steal_pointer (&self->load_task);
  if (!g_task_propagate_boolean (task, &error))
    g_warning ("Could not read the %s: %s", self->title, error->message);
  else
    take_records (self, g_task_get_task_data (task));
  update_empty_state (self);
}

/* GTK 4.8 cannot say which column a column view sorts by: see whether
 * the list is in the order of one of its plain fields. */
static void
find_sort_field (ArRecordListPage *self)
{
  GListModel *sorted = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (sorted);
  ArRecordClass *klass = g_type_class_ref (self->record_type);

  self->sort_index = ar_record_class_field_index (klass, "name");
  self->sort_descending = FALSE;
  for (guint c = 0; n > 1 && c <= self->n_columns; c++)
    {
      /* the name first, as the list starts; then each plain column */
      int index = c == 0 ? ar_record_class_field_index (klass, "name")
                         : self->columns[c - 1].kind == AR_COLUMN_TEXT
                         ? ar_record_class_field_index (klass, self->columns[c - 1].field) : -1;

      if (index < 0)
        continue;
      for (int direction = 0; direction < 2; direction++)
        {
          g_autoptr(ArRecord) previous = g_list_model_get_item (sorted, 0);
          guint i;

          for (i = 1; i < n; i++)
            {
              g_autoptr(ArRecord) record = g_list_model_get_item (sorted, i);
              int order = strcmp (ar_record_get_sort_key (previous, index), ar_record_get_sort_key (record, index));

              if (direction == 0 ? order > 0 : order < 0)
                break;
              g_set_object (&previous, record);
            }
          if (i == n)
            {
              self->sort_index = index;
              self->sort_descending = direction == 1;
              g_type_class_unref (klass);
              return;
            }
        }
    }
  if (n > 1)
    self->sort_index = -1;
  g_type_class_unref (klass);
}

/**
 * ar_record_list_page_reload:
 *
 * Reads the records again, keeping the selection where it still exists.
 * A long list (England has 50,000 schools) is read in a thread, with its
 * own connection to the register, and taken in when ready: the window
 * never waits for it. ar_record_list_page_is_loading() says when it is.
 */
void
ar_record_list_page_reload (ArRecordListPage *self)
{
  LoadData *load;
  guint n_shown;

  g_return_if_fail (AR_IS_RECORD_LIST_PAGE (self));

  self->stale = FALSE;

  /* the list's present order, so that the new list arrives in it */
  load = g_new0 (LoadData, 1);
  load->record_type = self->record_type;
  load->columns = self->columns;
  load->n_columns = self->n_columns;
  load->area_link = self->section->area_link;
  if (!self->sort_known)
    {
      /* a list of one record says nothing of its order */
      find_sort_field (self);
      self->sort_known = g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 1;
    }
  load->sort_index = self->sort_index;
  load->sort_descending = self->sort_descending;
  /* a list with records is never changed (take_records() makes a new
   * one), so the thread may read it */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->records)) > 0)
    load->old_records = G_LIST_MODEL (g_object_ref (self->records));
  if (load->sort_index < 0)
    {
      /* sorted by a column of links or counts: keep the order shown */
      n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
      load->order = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_shown);
      for (guint i = 0; i < n_shown; i++)
        {
          g_autoptr(ArRecord) record = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
          gint64 id = ar_record_get_id (record);

          g_array_append_val (load->order, id);
        }
    }
  {
    ArRecordClass *klass = g_type_class_ref (self->record_type);

    load->name_index = ar_record_class_field_index (klass, "name");
    g_type_class_unref (klass);
  }

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->load_task);

  if (self->store != NULL && ar_store_get_path (self->store) != NULL
      && ar_store_count (self->store, self->record_type) >= self->thread_from)
    {
      load->path = g_strdup (ar_store_get_path (self->store));
      self->load_cancellable = g_cancellable_new ();
      self->load_task = g_task_new (self, self->load_cancellable, on_loaded, NULL);
      g_task_set_task_data (self->load_task, load, load_data_free);
      g_task_run_in_thread (self->load_task, load_in_thread);
      return;
    }

  /* a short list: at once */
  if (self->store == NULL || !load_records (self->store, load, NULL))
    {
      g_clear_pointer (&load->records, g_ptr_array_unref);
      load->records = g_ptr_array_new_with_free_func (g_object_unref);
      if (load->table == NULL)
        load->table = ar_record_table_new (self->record_type, self->columns, self->n_columns);
      g_clear_pointer (&load->longest_texts, g_ptr_array_unref);
      load->longest_texts = find_longest_texts (load->table, self->columns, self->n_columns, load->records);
    }
  take_records (self, load);
  load_data_free (load);
}

/**
 * ar_record_list_page_set_thread_from:
 *
 * Lists of at least @n_records are read in a thread (5,000 unless set),
 * and searched in one; tests set 0 to read even a short one that way.
 */
void
ar_record_list_page_set_thread_from (ArRecordListPage *self,
                                     guint             n_records)
{
  g_return_if_fail (AR_IS_RECORD_LIST_PAGE (self));
  self->thread_from = n_records;
  ar_record_filter_model_set_thread_from (self->filtered, MIN (n_records, 2000));
}

/* Until a reload in a thread has been taken in. */
static void
wait_for_load (ArRecordListPage *self)
{
  if (self->stale)
    ar_record_list_page_reload (self);
  while (self->load_task != NULL)
    g_main_context_iteration (NULL, TRUE);
  ar_record_filter_model_finish (self->filtered);
}

/**
 * ar_record_list_page_is_narrow:
 *
 * Returns: whether the list is showing only its key columns, as it does
 *   when it is too narrow for all of them
 */
gboolean
ar_record_list_page_is_narrow (ArRecordListPage *self)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), FALSE);
  return self->narrow;
}

guint
ar_record_list_page_get_n_shown (ArRecordListPage *self)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), 0);

  wait_for_load (self);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/**
 * ar_record_list_page_is_loading:
 *
 * Returns: whether the page is still reading, sorting or filtering its
 *   records: the list shown is not yet the register's
 */
gboolean
ar_record_list_page_is_loading (ArRecordListPage *self)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), FALSE);

  return self->stale || self->load_task != NULL
         || gtk_sort_list_model_get_pending (self->sorted) > 0
         || ar_record_filter_model_get_pending (self->filtered);
}

/**
 * ar_record_list_page_shows_list:
 *
 * Returns: whether the page shows its list rather than "Nothing Found"
 */
gboolean
ar_record_list_page_shows_list (ArRecordListPage *self)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "list") == 0;
}

/**
 * ar_record_list_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the record shown in the editor
 */
ArRecord *
ar_record_list_page_get_selected (ArRecordListPage *self)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), NULL);
  return ar_record_editor_get_record (self->editor);
}

/**
 * ar_record_list_page_select_id:
 *
 * Selects the record with @id and shows it; clears the search if it hid
 * the record.
 */
gboolean
ar_record_list_page_select_id (ArRecordListPage *self,
                               gint64            id)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), FALSE);

  wait_for_load (self);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      if (select_shown_id (self, id))
        return ar_record_editor_get_record (self->editor) != NULL
               && ar_record_get_id (ar_record_editor_get_record (self->editor)) == id;

      ar_record_list_page_set_search (self, "");
      gtk_drop_down_set_selected (self->filter_drop_down, 0);
      gtk_drop_down_set_selected (self->area_drop_down, 0);
    }

  return FALSE;
}

/**
 * ar_record_list_page_open_id:
 *
 * Selects the record with @id, as ar_record_list_page_select_id() does,
 * and brings its details forward when the page is too narrow to show
 * them beside the list, as activating its row does.
 *
 * Returns: whether the record was found
 */
gboolean
ar_record_list_page_open_id (ArRecordListPage *self,
                             gint64            id)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), FALSE);

  if (!ar_record_list_page_select_id (self, id))
    return FALSE;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

/**
 * ar_record_list_page_get_details_shown:
 *
 * Returns: whether the record's details are in view: beside the list, or
 *   in its place on a narrow window
 */
gboolean
ar_record_list_page_get_details_shown (ArRecordListPage *self)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), FALSE);

  return !adw_leaflet_get_folded (self->leaflet)
         || adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->editor)
         || gtk_widget_is_ancestor (GTK_WIDGET (self->editor), adw_leaflet_get_visible_child (self->leaflet));
}

/**
 * ar_record_list_page_to_csv:
 * @n_rows: (out) (optional): how many records it holds
 *
 * The list as it is shown, searched, filtered and sorted, with every
 * column (the narrow layout hides some, an export never does) and a
 * header row of the column titles. Cells that a spreadsheet would run
 * as formulas are written as text.
 *
 * Returns: (transfer full): CSV text, CRLF line ends as RFC 4180 has them
 */
char *
ar_record_list_page_to_csv (ArRecordListPage *self,
                            guint            *n_rows)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), NULL);

  wait_for_load (self);

  if (n_rows != NULL)
    *n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  return ar_record_table_to_csv (self->table, G_LIST_MODEL (self->filtered));
}

/**
 * ar_record_list_page_write:
 * @format: %AR_SUMMARY_FORMAT_CSV or %AR_SUMMARY_FORMAT_XLSX (or text)
 * @n_rows: (out) (optional): how many records it holds
 *
 * The list as ar_record_list_page_to_csv() has it, in @format: in a
 * workbook, dates are dates and counts are numbers.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
ar_record_list_page_write (ArRecordListPage  *self,
                           ArSummaryFormat    format,
                           guint             *n_rows,
                           GError           **error)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), NULL);

  wait_for_load (self);

  if (n_rows != NULL)
    *n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  return ar_record_table_write (self->table, G_LIST_MODEL (self->filtered), format,
                                ar_record_list_page_get_title (self), error);
}

static void
add_later (gpointer data)
{
  ar_record_list_page_add_record (data);
}

void
ar_record_list_page_add_record (ArRecordListPage *self)
{
  g_autoptr(ArRecord) record = NULL;

  g_return_if_fail (AR_IS_RECORD_LIST_PAGE (self));

  if (!ar_record_editor_leave (self->editor, FALSE, add_later, g_object_ref (self), g_object_unref))
    return;
  g_object_unref (self);

  record = g_object_new (self->record_type, NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  ar_record_editor_set_record (self->editor, record);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
ar_record_list_page_set_search (ArRecordListPage *self,
                                const char       *text)
{
  g_return_if_fail (AR_IS_RECORD_LIST_PAGE (self));

  /* replacing the text empties the entry first, and an empty search
   * entry signals at once: the whole list for a moment, twice the work */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  /* search-changed is delayed; apply at once, even the same text: the
   * form is left again */
  apply_search (self, text[0] ? g_utf8_casefold (text, -1) : NULL);
}

/**
 * ar_record_list_page_set_area_filter:
 * @area_id: an area's id, or 0 for all areas
 */
void
ar_record_list_page_set_area_filter (ArRecordListPage *self,
                                     gint64            area_id)
{
  g_return_if_fail (AR_IS_RECORD_LIST_PAGE (self));

  for (guint i = 0; i < self->area_ids->len; i++)
    {
      if (g_array_index (self->area_ids, gint64, i) == area_id)
        gtk_drop_down_set_selected (self->area_drop_down, i);
    }
}

void
ar_record_list_page_focus_search (ArRecordListPage *self)
{
  g_return_if_fail (AR_IS_RECORD_LIST_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * ar_record_list_page_get_editor:
 *
 * Returns: (transfer none): the detail pane
 */
ArRecordEditor *
ar_record_list_page_get_editor (ArRecordListPage *self)
{
  g_return_val_if_fail (AR_IS_RECORD_LIST_PAGE (self), NULL);
  return self->editor;
}

void
ar_record_list_page_show_list (ArRecordListPage *self)
{
  g_return_if_fail (AR_IS_RECORD_LIST_PAGE (self));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
ar_record_list_page_set_sidebar_button_visible (ArRecordListPage *self,
                                                gboolean          visible)
{
  g_return_if_fail (AR_IS_RECORD_LIST_PAGE (self));
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), visible);
}
