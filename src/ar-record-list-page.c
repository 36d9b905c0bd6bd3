/* ar-record-list-page.c: one kind of record as a sortable, searchable list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-record-list-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ar-record-list-page.h"

typedef struct
{
  ArRecordListPage   *page;
  const ArColumnSpec *spec;
  guint               column;
} ColumnData;

struct _ArRecordListPage
{
  AdwBin              parent_instance;

  GType               record_type;
  char               *title;
  const ArColumnSpec *columns;
  guint               n_columns;
  const char         *filter_field;
  ArStore            *store;

  ArRecordList       *records;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  char               *query;
  char               *filter_choice;
  /* the area filter: ids in the order of the drop-down, 0 first for all */
  GArray             *area_ids;
  gint64              area_filter;
  int                 area_field;

  /* what each row shows, linked names and derived columns worked out */
  ArRecordTable      *table;
  /* the column of a person's designations, which the role filter reads */
  int                 roles_column;
  /* the store changed while the page was hidden: reload when shown */
  gboolean            stale;
  /* the list is too narrow for every column: only the key ones show */
  gboolean            narrow;
  guint               narrow_idle;

  AdwLeaflet         *leaflet;
  AdwWindowTitle     *window_title;
  GtkButton          *sidebar_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *search_button;
  GtkDropDown        *filter_drop_down;
  GtkDropDown        *area_drop_down;
  AdwBin             *list_frame;
  GtkColumnView      *column_view;
  GtkStack           *list_stack;
  ArRecordEditor     *editor;
};

G_DEFINE_FINAL_TYPE (ArRecordListPage, ar_record_list_page, ADW_TYPE_BIN)

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
  gtk_list_item_set_child (item, inscription);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnData               *data)
{
  ArRecord *record = gtk_list_item_get_item (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)),
                            ar_record_table_get_cell (data->page->table, record, data->column));
}

static gboolean
record_matches (gpointer item,
                gpointer user_data)
{
  ArRecordListPage *self = user_data;
  ArRecord *record = item;

  if (self->filter_choice != NULL && self->filter_field != NULL)
    {
      const char *value = g_str_equal (self->filter_field, "roles")
                          ? ar_record_table_get_cell (self->table, record, self->roles_column)
                          : ar_record_get_text (record, self->filter_field);

      if (value == NULL || strstr (value, self->filter_choice) == NULL)
        return FALSE;
    }

  return ar_record_table_matches (record, self->area_filter, self->query);
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
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The areas in the register, to show one at a time. */
static void
reload_area_filter (ArRecordListPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) areas = NULL;
  gint64 keep = self->area_filter;
  guint selected = 0;
  gint64 all = 0;

  if (self->area_field < 0 || self->store == NULL)
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
  gtk_drop_down_set_model (self->area_drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->area_drop_down, selected);
  g_signal_handlers_unblock_by_func (self->area_drop_down, on_area_selected, self);
  self->area_filter = g_array_index (self->area_ids, gint64, selected);
}

static void
on_search_changed (GtkSearchEntry   *entry,
                   ArRecordListPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *query = text[0] ? g_utf8_casefold (text, -1) : NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  /* the search may hide the record: the form keeps it, saved if it can be */
  ar_record_editor_leave (self->editor, TRUE, NULL, NULL, NULL);

  /* typing more only narrows, deleting only widens: the filter then looks
   * at fewer rows */
  if (self->query != NULL && query != NULL && strstr (query, self->query) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (query == NULL || (self->query != NULL && strstr (self->query, query) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
update_empty_state (ArRecordListPage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                 || gtk_filter_list_model_get_pending (self->filtered) > 0;

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
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
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

static void
on_row_activated (GtkColumnView    *view,
                  guint             position,
                  ArRecordListPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
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
      g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell), data, free_column_data, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), data);

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

      gtk_column_view_append_column (self->column_view, column);
      if (g_strcmp0 (data->spec->field, "name") == 0)
        gtk_column_view_sort_by_column (self->column_view, column, GTK_SORT_ASCENDING);
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
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  self->narrow_idle = 0;
  for (guint c = 0; c < g_list_model_get_n_items (columns) && c < self->n_columns; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      gtk_column_view_column_set_visible (column, !self->narrow || self->columns[c].when_narrow);
    }

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

static void
ar_record_list_page_dispose (GObject *object)
{
  ArRecordListPage *self = AR_RECORD_LIST_PAGE (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);


  /* the column view keeps the selection while it is disposed, and its
   * columns going re-sort it: nothing of that may reach this page */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  /* the models below the selection are owned by the ones above them */
  g_clear_object (&self->selection);
  g_clear_object (&self->table);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->filter_choice, g_free);
  g_clear_pointer (&self->area_ids, g_array_unref);

  G_OBJECT_CLASS (ar_record_list_page_parent_class)->dispose (object);
}

static void
ar_record_list_page_class_init (ArRecordListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ar_record_list_page_dispose;
  widget_class->map = ar_record_list_page_map;

  g_type_ensure (AR_TYPE_RECORD_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-record-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, filter_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, area_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, list_frame);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ArRecordListPage, list_stack);
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
  g_signal_connect (self->editor, "saved", G_CALLBACK (on_editor_saved), self);
}

ArRecordListPage *
ar_record_list_page_new (GType               record_type,
                         const char         *title,
                         const ArColumnSpec *columns,
                         guint               n_columns,
                         const char         *filter_field)
{
  ArRecordListPage *self = g_object_new (AR_TYPE_RECORD_LIST_PAGE, NULL);

  self->record_type = record_type;
  self->title = g_strdup (title);
  self->columns = columns;
  self->n_columns = n_columns;
  self->table = ar_record_table_new (record_type, columns, n_columns);
  self->roles_column = ar_record_table_find_column (self->table, AR_COLUMN_PERSON_ROLES);
  self->filter_field = filter_field;

  adw_window_title_set_title (self->window_title, title);
  g_object_set (self->search_entry, "placeholder-text", _("Search"), NULL);

  /* store → sort (the view's sorter) → filter (search and choice) → selection.
   * Sorting first means a keystroke only filters: re-sorting 50,000 rows
   * on every key (their collation keys, as GTK 4.8 does) took a second. */
  self->records = ar_record_list_new (record_type);
  add_columns (self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->records),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filter = gtk_custom_filter_new (record_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->sorted), GTK_FILTER (self->filter));
  /* filter in short batches between frames: typing never waits for a
   * pass over 50,000 rows (about 100 ms), the list fills in behind it */
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_empty_state), self);
  g_signal_connect_swapped (self->filtered, "notify::pending", G_CALLBACK (update_empty_state), self);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_filter (self);

  {
    ArRecordClass *klass = g_type_class_ref (record_type);

    self->area_field = ar_record_class_field_index (klass, "area_id");
    g_type_class_unref (klass);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->area_drop_down), self->area_field >= 0);
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

/**
 * ar_record_list_page_reload:
 *
 * Reads the records again, keeping the selection where it still exists.
 */
void
ar_record_list_page_reload (ArRecordListPage *self)
{
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  ArRecord *selected;
  gint64 selected_id;
  gint64 start;

  g_return_if_fail (AR_IS_RECORD_LIST_PAGE (self));

  self->stale = FALSE;
  selected = gtk_single_selection_get_selected_item (self->selection);
  selected_id = selected ? ar_record_get_id (selected) : 0;
  start = g_get_monotonic_time ();

  reload_area_filter (self);

  if (self->store != NULL)
    {
      records = ar_store_list (self->store, self->record_type, NULL);
      g_debug ("%s: read %u records in %.0f ms", self->title,
               records ? g_list_model_get_n_items (records) : 0, (g_get_monotonic_time () - start) / 1000.0);
      ar_record_table_load (self->table, self->store);
      g_debug ("%s: derived columns in %.0f ms", self->title, (g_get_monotonic_time () - start) / 1000.0);
    }

  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    g_ptr_array_add (items, g_list_model_get_item (records, i));

  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  ar_record_list_replace_all (self->records, g_steal_pointer (&items));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);

  g_debug ("%s: sorted in %.0f ms", self->title, (g_get_monotonic_time () - start) / 1000.0);

  if (selected_id != 0)
    ar_record_list_page_select_id (self, selected_id);
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

  if (self->stale)
    ar_record_list_page_reload (self);

  /* an exact count: let an incremental filter finish its pass */
  while (gtk_filter_list_model_get_pending (self->filtered) > 0)
    g_main_context_iteration (NULL, TRUE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
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

  if (self->stale)
    ar_record_list_page_reload (self);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      while (gtk_filter_list_model_get_pending (self->filtered) > 0)
        g_main_context_iteration (NULL, TRUE);

      GListModel *model = G_LIST_MODEL (self->filtered);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(ArRecord) record = g_list_model_get_item (model, i);

          if (ar_record_get_id (record) == id)
            {
              gtk_single_selection_set_selected (self->selection, i);
              if ((ar_record_editor_get_record (self->editor) == NULL
                   || ar_record_get_id (ar_record_editor_get_record (self->editor)) != id)
                  && !ar_record_editor_get_dirty (self->editor))
                ar_record_editor_set_record (self->editor, record);
              return ar_record_editor_get_record (self->editor) != NULL
                     && ar_record_get_id (ar_record_editor_get_record (self->editor)) == id;
            }
        }

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

  if (self->stale)
    ar_record_list_page_reload (self);
  while (gtk_filter_list_model_get_pending (self->filtered) > 0)
    g_main_context_iteration (NULL, TRUE);

  if (n_rows != NULL)
    *n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  return ar_record_table_to_csv (self->table, G_LIST_MODEL (self->filtered));
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

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* search-changed is delayed; apply at once */
  on_search_changed (self->search_entry, self);
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
