/* ar-table-import-dialog.c: a coordinator's spreadsheet into the register,
 * previewed row by row before anything is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-table-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ar-application.h"
#include "ar-table-import-dialog.h"

/* Enough rows to see what the file does; the report lists them all */
#define MAX_SAMPLE_ROWS 5
#define MAX_PLAN_ROWS   200
/* Bigger sheets are checked against the register in a thread: 20,000
 * rows took about a second here, too long to hold the window up */
#define PLAN_IN_THREAD_ROWS 1000

static const struct
{
  ArTableKind  kind;
  const char  *label;
} kinds[] = {
  { AR_TABLE_KIND_PEOPLE, N_("Leaders") },
  { AR_TABLE_KIND_ALLIANCES, N_("Alliances") },
  { AR_TABLE_KIND_SCHOOLS, N_("Schools and partners") },
};

struct _ArTableImportDialog
{
  AdwWindow        parent_instance;

  ArStore         *store;
  ArSettings      *settings;
  ArTableReader   *reader;
  ArTableImport   *import;
  GPtrArray       *column_rows;   /* of AdwComboRow, one per column */
  GPtrArray       *plan_rows;     /* of AdwActionRow */
  char            *report;
  GCancellable    *planning;      /* the plan a worker is making */
  gboolean         filling;

  GtkStack        *stack;
  AdwWindowTitle  *window_title;
  GtkButton       *cancel_button;
  GtkButton       *import_button;
  AdwComboRow     *kind_row;
  GtkGrid         *sample_grid;
  AdwPreferencesGroup *columns_group;
  GtkListBox      *columns_list;
  GtkListBox      *plan_list;
  GtkLabel        *summary_label;
  GtkWidget       *summary_bar;
  GtkLabel        *more_label;
  AdwStatusPage   *result_page;
  GtkTextView     *report_view;
  GtkButton       *copy_button;
};

G_DEFINE_FINAL_TYPE (ArTableImportDialog, ar_table_import_dialog, ADW_TYPE_WINDOW)

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
    }
}

static void
show_stage (ArTableImportDialog *self,
            const char          *stage)
{
  gboolean preview = g_strcmp0 (stage, "preview") == 0;

  gtk_stack_set_visible_child_name (self->stack, stage);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), preview);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), preview);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_bar), preview);
}

static void
show_result (ArTableImportDialog *self,
             const char          *icon_name,
             const char          *title,
             const char          *description,
             const char          *report)
{
  adw_status_page_set_icon_name (self->result_page, icon_name);
  adw_status_page_set_title (self->result_page, title);
  adw_status_page_set_description (self->result_page, description);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->report_view), report ? report : "", -1);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->report_view)), report != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->copy_button), report != NULL);
  /* without a report the message stands in the middle, above Close */
  gtk_widget_set_vexpand (GTK_WIDGET (self->result_page), report == NULL);
  show_stage (self, "result");
}

/* "Raj   Patel\n(deputy)" → "Raj Patel (deputy)": one line per cell */
static char *
one_line (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  GString *line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (line, "%s%s", line->len ? " " : "", words[i]);

  return g_string_free (line, FALSE);
}

/* A cell shown whole up to a width, then cut short: the grid scrolls
 * sideways rather than squeezing every column to nothing */
static GtkWidget *
cell_label (const char *text,
            gboolean    heading)
{
  g_autofree char *line = one_line (text);
  GtkWidget *label = gtk_label_new (line);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (g_utf8_strlen (line, -1), 20));
  if (heading)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

/* The header row and the first rows, as the file has them */
static void
fill_sample (ArTableImportDialog *self)
{
  guint n_columns = ar_table_reader_get_n_columns (self->reader);
  guint n_rows = MIN (ar_table_reader_get_n_rows (self->reader), MAX_SAMPLE_ROWS);

  remove_children (GTK_WIDGET (self->sample_grid));
  for (guint c = 0; c < n_columns; c++)
    {
      gtk_grid_attach (self->sample_grid, cell_label (ar_table_reader_get_header (self->reader, c), TRUE), c, 0, 1, 1);
      for (guint r = 0; r < n_rows; r++)
        gtk_grid_attach (self->sample_grid, cell_label (ar_table_reader_get_cell (self->reader, r, c), FALSE),
                         c, r + 1, 1, 1);
    }
}

static ArTableKind
selected_kind (ArTableImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return kinds[selected < G_N_ELEMENTS (kinds) ? selected : 0].kind;
}

static guint
field_position (ArTableImportDialog *self,
                const char          *field_id)
{
  guint n_fields;
  const ArTableField *fields = ar_table_fields (selected_kind (self), &n_fields);

  for (guint i = 0; field_id != NULL && i < n_fields; i++)
    if (g_strcmp0 (fields[i].id, field_id) == 0)
      return i + 1;

  return 0;
}

/* Each drop-down shows what its column now holds: choosing a meaning for
 * one column takes it from another. */
static void
sync_columns (ArTableImportDialog *self)
{
  self->filling = TRUE;
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_combo_row_set_selected (self->column_rows->pdata[i],
                                field_position (self, ar_table_import_get_column_field (self->import, i)));
  self->filling = FALSE;
}

static const char *
action_icon (ArTableRowAction action)
{
  switch (action)
    {
    case AR_TABLE_ROW_ADD:
      return "list-add-symbolic";
    case AR_TABLE_ROW_UPDATE:
      return "document-edit-symbolic";
    case AR_TABLE_ROW_UNCHANGED:
      return "object-select-symbolic";
    case AR_TABLE_ROW_REFUSE:
    default:
      return "dialog-warning-symbolic";
    }
}

static char *
action_title (ArTableRowAction action,
              guint            line)
{
  switch (action)
    {
    case AR_TABLE_ROW_ADD:
      return g_strdup_printf (_("Line %u: added"), line);
    case AR_TABLE_ROW_UPDATE:
      return g_strdup_printf (_("Line %u: updated"), line);
    case AR_TABLE_ROW_UNCHANGED:
      return g_strdup_printf (_("Line %u: unchanged"), line);
    case AR_TABLE_ROW_REFUSE:
    default:
      return g_strdup_printf (_("Line %u: refused"), line);
    }
}

/* A dry run of the import with the columns as they are now chosen: what
 * each row would do, and why a row is refused. */
static void show_plan (ArTableImportDialog *self,
                       gboolean             planned,
                       GError              *error);

static void
on_planned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ArTableImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean planned = ar_table_import_plan_finish (AR_TABLE_IMPORT (source), result, &error);

  /* a newer plan, another kind or file, or the dialog closed */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      source != (GObject *) self->import ||
      g_task_get_cancellable (G_TASK (result)) != self->planning)
    return;

  g_clear_object (&self->planning);
  show_plan (self, planned, error);
}

/* Works out what each row will do: a big sheet in a thread, the window
 * saying so meanwhile and Import off until it is done */
static void
replan (ArTableImportDialog *self)
{
  g_autofree char *checking = NULL;
  g_autofree char *count = NULL;
  guint n_rows = ar_table_reader_get_n_rows (self->reader);

  g_cancellable_cancel (self->planning);
  g_clear_object (&self->planning);
  remove_children (GTK_WIDGET (self->plan_list));
  g_ptr_array_set_size (self->plan_rows, 0);
  g_clear_pointer (&self->report, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");

  if (n_rows < PLAN_IN_THREAD_ROWS || ar_store_get_path (self->store) == NULL)
    {
      g_autoptr(GError) error = NULL;
      gboolean planned = ar_table_import_plan (self->import, &error);

      show_plan (self, planned, error);
      return;
    }

  count = g_strdup_printf ("%'u", n_rows);
  checking = g_strdup_printf (_("Checking %s rows against the register…"), count);
  gtk_label_set_text (self->summary_label, checking);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);

  self->planning = g_cancellable_new ();
  ar_table_import_plan_async (self->import, self->planning, on_planned, g_object_ref (self));
}

static void
show_plan (ArTableImportDialog *self,
           gboolean             planned,
           GError              *error)
{
  guint n_rows;
  guint shown;
  guint writes;

  if (!planned)
    {
      const char *source = ar_table_reader_get_source_name (self->reader);
      const char *problem = error->message;
      g_autofree char *text = NULL;

      /* the file's name is in the title already */
      if (g_str_has_prefix (problem, source) && g_str_has_prefix (problem + strlen (source), ": "))
        problem += strlen (source) + 2;
      text = g_strdup_printf (_("Nothing can be imported: %s. Choose what the columns hold above."), problem);
      gtk_label_set_text (self->summary_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->plan_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->more_label), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }

  self->report = ar_table_import_to_text (self->import);
  n_rows = ar_table_import_get_n_rows (self->import);
  shown = MIN (n_rows, MAX_PLAN_ROWS);
  for (guint i = 0; i < shown; i++)
    {
      ArTableRowAction action = ar_table_import_get_row_action (self->import, i);
      g_autofree char *title = action_title (action, ar_table_reader_get_line (self->reader, i));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (action_icon (action));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ar_table_import_get_row_message (self->import, i));
      gtk_widget_add_css_class (icon, action == AR_TABLE_ROW_REFUSE ? "error"
                                      : action == AR_TABLE_ROW_UNCHANGED ? "dim-label" : "accent");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->plan_list, row);
      g_ptr_array_add (self->plan_rows, row);
    }

  {
    g_autofree char *summary = g_strdup_printf (_("%u to add, %u to update, %u unchanged, %u refused"),
                                                ar_table_import_count (self->import, AR_TABLE_ROW_ADD),
                                                ar_table_import_count (self->import, AR_TABLE_ROW_UPDATE),
                                                ar_table_import_count (self->import, AR_TABLE_ROW_UNCHANGED),
                                                ar_table_import_count (self->import, AR_TABLE_ROW_REFUSE));
    g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more row, listed in the report",
                                                          "and %u more rows, listed in the report", n_rows - shown),
                                             n_rows - shown);

    gtk_label_set_text (self->summary_label, summary);
    gtk_label_set_text (self->more_label, more);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->plan_list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), n_rows > shown);

  writes = ar_table_import_count (self->import, AR_TABLE_ROW_ADD) +
           ar_table_import_count (self->import, AR_TABLE_ROW_UPDATE);
  /* a file is imported whole or not at all */
  if (ar_table_import_count (self->import, AR_TABLE_ROW_REFUSE) > 0)
    {
      g_autofree char *text = g_strdup_printf (_("%s. Nothing can be imported while a row is refused: "
                                                 "correct the file, or choose what the columns hold above."),
                                               gtk_label_get_text (self->summary_label));

      gtk_label_set_text (self->summary_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      writes = 0;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), writes > 0);
}

static void
on_column_selected (AdwComboRow         *row,
                    GParamSpec          *pspec,
                    ArTableImportDialog *self)
{
  guint column;
  guint selected;
  guint n_fields;
  const ArTableField *fields;

  if (self->filling || self->import == NULL)
    return;

  column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  selected = adw_combo_row_get_selected (row);
  fields = ar_table_fields (selected_kind (self), &n_fields);
  ar_table_import_set_column_field (self->import, column,
                                    selected > 0 && selected <= n_fields ? fields[selected - 1].id : NULL);
  sync_columns (self);
  replan (self);
}

/* "e.g. Siân O’Brien, Raj Patel": the first few values, to tell columns apart */
static char *
column_examples (ArTableReader *reader,
                 guint          column)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_rows = ar_table_reader_get_n_rows (reader);
  guint found = 0;

  for (guint r = 0; r < n_rows && found < 3; r++)
    {
      const char *value = ar_table_reader_get_cell (reader, r, column);

      if (value[0] == '\0')
        continue;
      g_autofree char *line = one_line (value);

      g_string_append_printf (text, "%s%s", found ? ", " : "", line);
      found++;
    }

  return found ? g_strdup_printf (_("e.g. %s"), text->str) : g_strdup (_("empty"));
}

/* The columns as they were last imported from a file with the same
 * headings, in place of the guesses */
static gboolean
recall_columns (ArTableImportDialog *self)
{
  g_autofree char *key = ar_table_import_dup_headers_key (self->import);
  g_auto(GStrv) fields = ar_settings_dup_table_columns (self->settings, key);
  guint n_columns = ar_table_import_get_n_columns (self->import);

  if (fields == NULL || g_strv_length (fields) != n_columns)
    return FALSE;

  for (guint i = 0; i < n_columns; i++)
    ar_table_import_set_column_field (self->import, i, fields[i][0] ? fields[i] : NULL);

  return TRUE;
}

static void
remember_columns (ArTableImportDialog *self)
{
  g_autofree char *key = ar_table_import_dup_headers_key (self->import);
  guint n_columns = ar_table_import_get_n_columns (self->import);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  for (guint i = 0; i < n_columns; i++)
    {
      const char *field = ar_table_import_get_column_field (self->import, i);

      g_ptr_array_add (fields, (gpointer) (field ? field : ""));
    }
  g_ptr_array_add (fields, NULL);

  ar_settings_set_table_columns (self->settings, key, (const char * const *) fields->pdata);
}

/* A fresh import of the file as the chosen kind: meanings recalled or
 * guessed again */
static void
start_import (ArTableImportDialog *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint n_fields;
  const ArTableField *fields = ar_table_fields (selected_kind (self), &n_fields);
  guint n_columns;

  g_clear_object (&self->import);
  self->import = ar_table_import_new (self->store, self->reader, selected_kind (self));

  adw_preferences_group_set_description (self->columns_group,
                                         recall_columns (self)
                                           ? _("What each column holds, as chosen when a file with the same headings "
                                               "was last imported. Change any that is wrong, or ignore it.")
                                           : _("What each column holds, guessed from its heading. Change any that "
                                               "is wrong, or ignore it."));

  gtk_string_list_append (choices, _("Ignore"));
  for (guint i = 0; i < n_fields; i++)
    gtk_string_list_append (choices, _(fields[i].label));

  remove_children (GTK_WIDGET (self->columns_list));
  g_ptr_array_set_size (self->column_rows, 0);
  n_columns = ar_table_import_get_n_columns (self->import);
  self->filling = TRUE;
  for (guint i = 0; i < n_columns; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *header = ar_table_reader_get_header (self->reader, i);
      g_autofree char *title = header[0] ? g_strdup (header) : g_strdup_printf (_("Column %u"), i + 1);
      g_autofree char *examples = column_examples (self->reader, i);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), examples);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_selected), self);
      gtk_list_box_append (self->columns_list, row);
      g_ptr_array_add (self->column_rows, row);
    }
  self->filling = FALSE;

  sync_columns (self);
  replan (self);
}

static void
on_kind_selected (ArTableImportDialog *self)
{
  if (self->reader != NULL && !self->filling)
    start_import (self);
}

/* Writes the plan the preview shows, in one transaction */
static void
import_confirm_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ArTableImportDialog *self = AR_TABLE_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *counts = NULL;

  if (self->import == NULL || self->report == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->import_button)))
    return;

  /* the next file with these headings starts from this choice */
  remember_columns (self);

  /* the report says what the plan did: writing it clears the plan */
  report = g_steal_pointer (&self->report);
  counts = g_strdup_printf (_("%u added, %u updated, %u unchanged, %u refused"),
                            ar_table_import_count (self->import, AR_TABLE_ROW_ADD),
                            ar_table_import_count (self->import, AR_TABLE_ROW_UPDATE),
                            ar_table_import_count (self->import, AR_TABLE_ROW_UNCHANGED),
                            ar_table_import_count (self->import, AR_TABLE_ROW_REFUSE));
  if (!ar_table_import_commit (self->import, &error))
    {
      show_result (self, "dialog-error-symbolic", _("Nothing Was Imported"), error->message, NULL);
      return;
    }

  show_result (self, "emblem-ok-symbolic", _("Import Finished"), counts, report);
}

/* The report as text on the clipboard, to paste into a note or an email */
static void
import_copy_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ArTableImportDialog *self = AR_TABLE_IMPORT_DIALOG (widget);
  g_autofree char *report = ar_table_import_dialog_dup_report (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), report);
  gtk_button_set_label (self->copy_button, _("Copied"));
}

static void
ar_table_import_dialog_dispose (GObject *object)
{
  ArTableImportDialog *self = AR_TABLE_IMPORT_DIALOG (object);

  /* a plan still being made is not wanted */
  g_cancellable_cancel (self->planning);
  g_clear_object (&self->planning);
  g_clear_object (&self->import);
  g_clear_object (&self->reader);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->plan_rows, g_ptr_array_unref);
  g_clear_pointer (&self->report, g_free);

  G_OBJECT_CLASS (ar_table_import_dialog_parent_class)->dispose (object);
}

static void
ar_table_import_dialog_class_init (ArTableImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ar_table_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-table-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, sample_grid);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, columns_list);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, plan_list);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, summary_bar);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, more_label);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, report_view);
  gtk_widget_class_bind_template_child (widget_class, ArTableImportDialog, copy_button);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);

  gtk_widget_class_install_action (widget_class, "import.confirm", NULL, import_confirm_action);
  gtk_widget_class_install_action (widget_class, "import.copy", NULL, import_copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ar_table_import_dialog_init (ArTableImportDialog *self)
{
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();
  self->plan_rows = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_names, _(kinds[i].label));
  self->filling = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_names));
  self->filling = FALSE;
}

ArTableImportDialog *
ar_table_import_dialog_new (GtkWindow *parent,
                            ArStore   *store)
{
  ArTableImportDialog *self;
  GApplication *app;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);

  self = g_object_new (AR_TYPE_TABLE_IMPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  app = g_application_get_default ();
  self->settings = AR_IS_APPLICATION (app) ? g_object_ref (ar_application_get_settings (AR_APPLICATION (app)))
                                           : ar_settings_new ();

  return self;
}

/**
 * ar_table_import_dialog_open_file:
 *
 * Reads @file and shows its preview; the register is not touched until
 * Import is pressed. A file that cannot be read is said so, and leaves
 * nothing to import.
 *
 * Returns: whether the file was read
 */
gboolean
ar_table_import_dialog_open_file (ArTableImportDialog *self,
                                  GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (AR_IS_TABLE_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  g_clear_object (&self->import);
  g_clear_object (&self->reader);
  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);

  self->reader = ar_table_reader_new_for_file (file, NULL, &error);
  if (self->reader == NULL)
    {
      show_result (self, "dialog-error-symbolic", _("Nothing Was Imported"), error->message, NULL);
      return FALSE;
    }

  fill_sample (self);
  start_import (self);
  show_stage (self, "preview");

  return TRUE;
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  g_autoptr(ArStore) store = user_data;

  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
      ArTableImportDialog *self = ar_table_import_dialog_new (parent, store);

      ar_table_import_dialog_open_file (self, file);
      gtk_window_present (GTK_WINDOW (self));
    }

  g_object_unref (chooser);
}

/**
 * ar_table_import_dialog_present:
 *
 * Asks for a spreadsheet and shows its preview; choosing none leaves
 * everything as it was.
 */
void
ar_table_import_dialog_present (GtkWindow *parent,
                                ArStore   *store)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (AR_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (_("Import Spreadsheet"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets (.csv, .ods, .xlsx)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "ods");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), g_object_ref (store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * ar_table_import_dialog_get_stage:
 *
 * Returns: "preview" or "result"
 */
const char *
ar_table_import_dialog_get_stage (ArTableImportDialog *self)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

AdwComboRow *
ar_table_import_dialog_get_kind_row (ArTableImportDialog *self)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT_DIALOG (self), NULL);
  return self->kind_row;
}

guint
ar_table_import_dialog_get_n_columns (ArTableImportDialog *self)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT_DIALOG (self), 0);
  return self->column_rows->len;
}

AdwComboRow *
ar_table_import_dialog_get_column_row (ArTableImportDialog *self,
                                       guint                column)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (column < self->column_rows->len, NULL);
  return self->column_rows->pdata[column];
}

const char *
ar_table_import_dialog_get_summary (ArTableImportDialog *self)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

guint
ar_table_import_dialog_get_n_plan_rows (ArTableImportDialog *self)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT_DIALOG (self), 0);
  return self->plan_rows->len;
}

AdwActionRow *
ar_table_import_dialog_get_plan_row (ArTableImportDialog *self,
                                     guint                row)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (row < self->plan_rows->len, NULL);
  return self->plan_rows->pdata[row];
}

const char *
ar_table_import_dialog_get_result_title (ArTableImportDialog *self)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT_DIALOG (self), NULL);
  return adw_status_page_get_title (self->result_page);
}

char *
ar_table_import_dialog_dup_report (ArTableImportDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (AR_IS_TABLE_IMPORT_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->report_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
