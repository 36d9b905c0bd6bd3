/* ar-history-page.c: every change to the register, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-history-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ar-history-item.h"
#include "ar-history-page.h"

/* The most record changes an entry's search looks at by name: an import's
 * thousands are found by its file name instead */
#define MAX_SEARCHED_CHANGES 200

/* The most fields a change's row lists; a deletion holds the whole record */
#define MAX_FIELD_LINES 6

static const char * const sources[] = {
  NULL, "window", "import", "import-gias", "import-table",
};

struct _ArHistoryPage
{
  AdwBin               parent_instance;

  ArStore             *store;
  /* (element-type ArChangeEntry), newest first; NULL until first shown */
  GPtrArray           *entries;
  /* the register changed while the page was hidden */
  gboolean             stale;
  /* ArChangeEntry * -> casefolded text the search looks in */
  GHashTable          *search_texts;
  GListStore          *roots;
  GtkTreeListModel    *tree;
  /* the kind drop-down's tables, in its order; [0] is "All kinds" */
  GPtrArray           *kinds;

  GtkButton           *sidebar_button;
  GtkSearchEntry      *search_entry;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkDropDown         *kind_drop_down;
  GtkDropDown         *source_drop_down;
  GtkLabel            *problem_label;
  GtkStack            *stack;
  GtkListView         *list_view;
  AdwStatusPage       *empty_page;
  AdwWindowTitle      *window_title;
};

G_DEFINE_FINAL_TYPE (ArHistoryPage, ar_history_page, ADW_TYPE_BIN)

/* Searching -------------------------------------------------------------- */

static char *
search_text (ArHistoryPage *self,
             ArChangeEntry *entry)
{
  g_autoptr(GString) text = g_string_new (entry->user);
  guint searched = 0;

  g_string_append_printf (text, "\n%s\n%s", entry->source, ar_history_source_label (entry->source));
  for (guint i = 0; entry->files != NULL && entry->files[i] != NULL; i++)
    g_string_append_printf (text, "\n%s", entry->files[i]);

  for (guint i = 0; i < entry->changes->len && searched < MAX_SEARCHED_CHANGES; i++)
    {
      ArRecordChange *change = g_ptr_array_index (entry->changes, i);
      g_autofree char *name = NULL;

      if (change->last_id > 0)
        continue;
      searched++;
      name = ar_history_record_name (self->store, change);
      if (name != NULL)
        g_string_append_printf (text, "\n%s", name);
    }

  return g_utf8_casefold (text->str, -1);
}

static gboolean
entry_matches_search (ArHistoryPage *self,
                      ArChangeEntry *entry,
                      const char    *needle)
{
  const char *haystack;

  if (needle == NULL)
    return TRUE;

  haystack = g_hash_table_lookup (self->search_texts, entry);
  if (haystack == NULL)
    {
      char *text = search_text (self, entry);

      g_hash_table_insert (self->search_texts, entry, text);
      haystack = text;
    }

  return strstr (haystack, needle) != NULL;
}

static gboolean
entry_touches_kind (ArChangeEntry *entry,
                    const char    *kind)
{
  for (guint i = 0; i < entry->changes->len; i++)
    {
      ArRecordChange *change = g_ptr_array_index (entry->changes, i);

      if (g_str_equal (change->kind, kind))
        return TRUE;
    }

  return FALSE;
}

/* A date filter's text: the date, or NULL for none; @ok is FALSE when it
 * does not read as a date */
static const char *
date_filter (GtkEntry *entry,
             gboolean *ok)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  *ok = TRUE;
  if (text[0] == '\0')
    return NULL;
  if (!ar_date_is_valid (text))
    {
      *ok = FALSE;
      return NULL;
    }

  return text;
}

static void
refilter (ArHistoryPage *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = search[0] != '\0' ? g_utf8_casefold (search, -1) : NULL;
  guint kind_index = gtk_drop_down_get_selected (self->kind_drop_down);
  guint source_index = gtk_drop_down_get_selected (self->source_drop_down);
  const char *kind = kind_index < self->kinds->len ? g_ptr_array_index (self->kinds, kind_index) : NULL;
  const char *source = source_index < G_N_ELEMENTS (sources) ? sources[source_index] : NULL;
  gboolean from_ok;
  gboolean to_ok;
  const char *from = date_filter (self->from_entry, &from_ok);
  const char *to = date_filter (self->to_entry, &to_ok);
  /* the days as the list shows times, in local time */
  g_autofree char *from_at = ar_history_day_start (from, 0);
  g_autofree char *until_at = ar_history_day_start (to, 1);
  g_autofree char *subtitle = NULL;

  /* the drop-downs say they changed while init fills them */
  if (self->roots == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), !from_ok || !to_ok);
  gtk_label_set_text (self->problem_label, _("Enter dates in the form YYYY-MM-DD"));
  if (!from_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  if (!to_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      ArChangeEntry *entry = g_ptr_array_index (self->entries, i);

      if (from_at != NULL && strcmp (entry->at, from_at) < 0)
        continue;
      if (until_at != NULL && strcmp (entry->at, until_at) >= 0)
        continue;
      if (source != NULL && g_strcmp0 (entry->source, source) != 0)
        continue;
      if (kind != NULL && !entry_touches_kind (entry, kind))
        continue;
      if (!entry_matches_search (self, entry, needle))
        continue;

      g_ptr_array_add (shown, ar_history_item_new (self->entries, entry, NULL));
    }

  g_list_store_splice (self->roots, 0, g_list_model_get_n_items (G_LIST_MODEL (self->roots)),
                       shown->pdata, shown->len);

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", shown->len), shown->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (self->entries != NULL && self->entries->len == 0)
    adw_status_page_set_description (self->empty_page, _("Changes to the register will be listed here"));
  else
    adw_status_page_set_description (self->empty_page, _("No change matches the filters"));
  gtk_stack_set_visible_child_name (self->stack, shown->len > 0 ? "list" : "empty");
}

static void
reload (ArHistoryPage *self)
{
  g_autoptr(GError) error = NULL;

  self->stale = FALSE;
  g_hash_table_remove_all (self->search_texts);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  if (self->store != NULL)
    self->entries = ar_history_list (self->store, NULL, NULL, 0, &error);
  if (error != NULL)
    g_warning ("Could not read the history: %s", error->message);
  refilter (self);
}

static void
on_filters_changed (ArHistoryPage *self)
{
  refilter (self);
}

/* Reading the history is done when it is looked at, not on every change */
static void
on_store_changed (ArHistoryPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->stale = TRUE;
}

static void
on_map (ArHistoryPage *self)
{
  if (self->stale || self->entries == NULL)
    reload (self);
}

/* The rows ---------------------------------------------------------------- */

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  ArHistoryItem *history_item = AR_HISTORY_ITEM (item);
  ArChangeEntry *entry = ar_history_item_get_entry (history_item);
  GListStore *children;
  g_autoptr(GPtrArray) items = NULL;

  /* a record change opens no further; an entry opens to its records,
   * an import's added runs as one row each */
  if (ar_history_item_get_change (history_item) != NULL || entry->changes->len == 0)
    return NULL;

  children = g_list_store_new (AR_TYPE_HISTORY_ITEM);
  items = g_ptr_array_new_full (entry->changes->len, g_object_unref);
  for (guint i = 0; i < entry->changes->len; i++)
    g_ptr_array_add (items, ar_history_item_new_change (history_item, g_ptr_array_index (entry->changes, i)));
  g_list_store_splice (children, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (children);
}

static const char *
kind_label (const char *kind)
{
  ArRecordClass *klass = ar_record_class_for_table (kind);

  return klass != NULL ? _(klass->label) : kind;
}

/* "1 added · 2 changed · 1 deleted" */
static char *
counts_text (ArChangeEntry *entry)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < AR_HISTORY_N_CHANGES; i++)
    {
      if (entry->counts[i] > 0)
        {
          g_autofree char *part = g_strdup_printf ("%u %s", entry->counts[i], ar_history_change_label (i));

          g_strv_builder_add (parts, part);
        }
    }
  strv = g_strv_builder_end (parts);

  return g_strjoinv (" · ", strv);
}

/* "School Ashby Parva College changed", or for a run an import added,
 * "School 12 to 50,011 added" */
static char *
change_title (ArHistoryPage  *self,
              ArRecordChange *change)
{
  g_autofree char *name = NULL;

  if (change->last_id > 0)
    {
      /* xgettext cannot see through G_GINT64_FORMAT: the numbers go in as text */
      g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT, change->record_id);
      g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, change->last_id);
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, change->last_id - change->record_id + 1);

      /* TRANSLATORS: "School 12 to 480 added (469)": a run of records by id */
      return g_strdup_printf (_("%s %s to %s %s (%s)"), kind_label (change->kind), first, last,
                              ar_history_change_label (change->change), count);
    }

  name = ar_history_record_name (self->store, change);
  if (name == NULL)
    name = g_strdup_printf ("%" G_GINT64_FORMAT, change->record_id);

  /* TRANSLATORS: "School Ashby Parva College changed" */
  return g_strdup_printf (_("%s %s %s"), kind_label (change->kind), name, ar_history_change_label (change->change));
}

static char *
change_details (ArHistoryPage  *self,
                ArRecordChange *change)
{
  g_autoptr(GPtrArray) lines = ar_history_describe_fields (self->store, change);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < lines->len && i < MAX_FIELD_LINES; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (lines, i));
  if (lines->len > MAX_FIELD_LINES)
    g_string_append_printf (text, "\n%s", _("…"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ArHistoryPage            *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore…"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  /* the entry's id is set when the row is bound */
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (restore), "history.restore(int64 0)");
  gtk_widget_set_tooltip_text (restore, _("Put back what this change deleted"));
  gtk_box_append (GTK_BOX (box), restore);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_end (box, 12);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_widget_set_margin_start (expander, 6);

  g_object_set_data (G_OBJECT (expander), "ar-title", title);
  g_object_set_data (G_OBJECT (expander), "ar-subtitle", subtitle);
  g_object_set_data (G_OBJECT (expander), "ar-restore", restore);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ArHistoryPage            *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(ArHistoryItem) item = gtk_tree_list_row_get_item (row);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkLabel *title = g_object_get_data (G_OBJECT (expander), "ar-title");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (expander), "ar-subtitle");
  GtkWidget *restore = g_object_get_data (G_OBJECT (expander), "ar-restore");
  ArChangeEntry *entry = ar_history_item_get_entry (item);
  ArRecordChange *change = ar_history_item_get_change (item);
  g_autofree char *title_text = NULL;
  g_autofree char *subtitle_text = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);

  if (change == NULL)
    {
      g_autofree char *when = ar_history_format_time (entry->at);
      g_autofree char *counts = counts_text (entry);
      g_autoptr(GString) text = g_string_new (NULL);

      /* TRANSLATORS: "2026-12-02 09:30 · jo · Window" */
      title_text = g_strdup_printf (_("%s · %s · %s"), when, entry->user, ar_history_source_label (entry->source));
      /* one record changed: say which, without opening the row */
      if (entry->changes->len == 1 && ((ArRecordChange *) g_ptr_array_index (entry->changes, 0))->last_id == 0)
        {
          g_autofree char *what = change_title (self, g_ptr_array_index (entry->changes, 0));

          g_string_append (text, what);
        }
      else
        g_string_append (text, counts);
      if (entry->files != NULL && entry->files[0] != NULL)
        {
          g_autofree char *files = g_strjoinv (", ", entry->files);

          g_string_append_printf (text, "\n%s", files);
        }
      subtitle_text = g_string_free (g_steal_pointer (&text), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (title), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (title), "heading");
    }
  else
    {
      title_text = change_title (self, change);
      subtitle_text = change_details (self, change);
      gtk_widget_remove_css_class (GTK_WIDGET (title), "heading");
    }

  gtk_label_set_text (title, title_text);
  gtk_label_set_text (subtitle, subtitle_text);
  gtk_widget_set_visible (GTK_WIDGET (subtitle), subtitle_text != NULL && subtitle_text[0] != '\0');

  gtk_widget_set_visible (restore, change == NULL && entry->counts[AR_HISTORY_DELETED] > 0);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "x", entry->id);
}

/* Restoring --------------------------------------------------------------- */

typedef struct
{
  ArHistoryPage *page;
  gint64         entry_id;
} RestoreData;

static void
restore_data_free (gpointer  user_data,
                   GClosure *closure)
{
  RestoreData *data = user_data;

  g_object_unref (data->page);
  g_free (data);
}

static void
show_message (ArHistoryPage *self,
              const char    *heading,
              const char    *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RestoreData      *data)
{
  g_autoptr(GError) error = NULL;
  guint restored = 0;

  if (g_strcmp0 (response, "restore") != 0)
    return;

  if (!ar_history_restore (data->page->store, data->entry_id, &restored, &error))
    show_message (data->page, _("Could Not Restore"), error->message);
}

/* Asks first: a restore is a change of its own */
static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ArHistoryPage *self = AR_HISTORY_PAGE (widget);
  gint64 entry_id = g_variant_get_int64 (parameter);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GString) body = g_string_new (NULL);
  ArChangeEntry *entry = NULL;
  RestoreData *data;
  GtkWidget *dialog;

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    if (((ArChangeEntry *) g_ptr_array_index (self->entries, i))->id == entry_id)
      entry = g_ptr_array_index (self->entries, i);
  if (entry == NULL || self->store == NULL)
    return;

  g_string_append (body, _("These records come back as they were when deleted, with the links the deletion removed:"));
  for (guint i = 0; i < entry->changes->len; i++)
    {
      ArRecordChange *change = g_ptr_array_index (entry->changes, i);
      g_autofree char *name = NULL;

      if (change->change != AR_HISTORY_DELETED)
        continue;
      name = ar_history_record_name (self->store, change);
      g_string_append_printf (body, "\n• %s %s", kind_label (change->kind), name ? name : "");
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Restore Deleted Records?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (RestoreData, 1);
  data->page = g_object_ref (self);
  data->entry_id = entry_id;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_restore_response), data,
                         restore_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The object --------------------------------------------------------------- */

static void
ar_history_page_dispose (GObject *object)
{
  ArHistoryPage *self = AR_HISTORY_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->tree);
  g_clear_object (&self->roots);
  g_clear_pointer (&self->search_texts, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), AR_TYPE_HISTORY_PAGE);

  G_OBJECT_CLASS (ar_history_page_parent_class)->dispose (object);
}

static void
ar_history_page_class_init (ArHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ar_history_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alliance_register/AllianceRegister/ar-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ArHistoryPage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ArHistoryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ArHistoryPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, ArHistoryPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, ArHistoryPage, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ArHistoryPage, source_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ArHistoryPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, ArHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ArHistoryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, ArHistoryPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ArHistoryPage, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);

  gtk_widget_class_install_action (widget_class, "history.restore", "x", restore_action);
}

static void
ar_history_page_init (ArHistoryPage *self)
{
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) source_names = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  const GType *types;
  guint n_types;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->search_texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->kinds = g_ptr_array_new ();

  /* every kind of record, by the name people know it by */
  g_ptr_array_add (self->kinds, NULL);
  gtk_string_list_append (kind_names, _("All kinds"));
  types = ar_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      g_ptr_array_add (self->kinds, (gpointer) AR_RECORD_CLASS (klass)->table);
      gtk_string_list_append (kind_names, _(AR_RECORD_CLASS (klass)->label));
    }
  gtk_drop_down_set_model (self->kind_drop_down, G_LIST_MODEL (kind_names));

  gtk_string_list_append (source_names, _("From anywhere"));
  for (guint i = 1; i < G_N_ELEMENTS (sources); i++)
    gtk_string_list_append (source_names, ar_history_source_label (sources[i]));
  gtk_drop_down_set_model (self->source_drop_down, G_LIST_MODEL (source_names));

  self->roots = g_list_store_new (AR_TYPE_HISTORY_ITEM);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->roots)), FALSE, FALSE,
                                        create_children, NULL, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  {
    GtkNoSelection *selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->tree)));

    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  refilter (self);
}

GtkWidget *
ar_history_page_new (void)
{
  return g_object_new (AR_TYPE_HISTORY_PAGE, NULL);
}

void
ar_history_page_set_store (ArHistoryPage *self,
                           ArStore       *store)
{
  g_return_if_fail (AR_IS_HISTORY_PAGE (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  on_store_changed (self);
}

/**
 * ar_history_page_set_period:
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day
 *
 * Shows the changes made from @from to @to (local days, as the list
 * shows times), of every kind and
 * from anywhere.
 */
void
ar_history_page_set_period (ArHistoryPage *self,
                            const char    *from,
                            const char    *to)
{
  g_return_if_fail (AR_IS_HISTORY_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_drop_down, 0);
  gtk_drop_down_set_selected (self->source_drop_down, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to ? to : "");
  refilter (self);
}

void
ar_history_page_set_search (ArHistoryPage *self,
                            const char    *text)
{
  g_return_if_fail (AR_IS_HISTORY_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* the search entry waits a moment before it says; a caller means now */
  refilter (self);
}

/* @kind: (nullable): a record kind's table, or %NULL for all */
void
ar_history_page_set_kind (ArHistoryPage *self,
                          const char    *kind)
{
  g_return_if_fail (AR_IS_HISTORY_PAGE (self));

  for (guint i = 0; i < self->kinds->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->kinds, i), kind) == 0)
      gtk_drop_down_set_selected (self->kind_drop_down, i);
}

/* @source: (nullable): "window", "import-gias"…, or %NULL for all */
void
ar_history_page_set_source (ArHistoryPage *self,
                            const char    *source)
{
  g_return_if_fail (AR_IS_HISTORY_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (g_strcmp0 (sources[i], source) == 0)
      gtk_drop_down_set_selected (self->source_drop_down, i);
}

/* How many entries the filters let through */
guint
ar_history_page_get_n_shown (ArHistoryPage *self)
{
  g_return_val_if_fail (AR_IS_HISTORY_PAGE (self), 0);

  if (self->stale || self->entries == NULL)
    reload (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->roots));
}

/**
 * ar_history_page_get_model:
 *
 * Returns: (transfer none): the rows as the list shows them: a
 *   #GtkTreeListModel of #ArHistoryItem
 */
GListModel *
ar_history_page_get_model (ArHistoryPage *self)
{
  g_return_val_if_fail (AR_IS_HISTORY_PAGE (self), NULL);
  return G_LIST_MODEL (self->tree);
}

void
ar_history_page_set_sidebar_button_visible (ArHistoryPage *self,
                                            gboolean       visible)
{
  g_return_if_fail (AR_IS_HISTORY_PAGE (self));
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), visible);
}
