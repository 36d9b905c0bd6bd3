/* ar-window-actions.c: everything the window can do, as actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ar-application.h"
#include "ar-gias-import-dialog.h"
#include "ar-support-report-window.h"
#include "ar-table-import-dialog.h"
#include "ar-window-private.h"

static ArRecordEditor *
current_editor (ArWindow *self)
{
  ArRecordListPage *page = ar_window_get_current_page (self);

  return page ? ar_record_list_page_get_editor (page) : NULL;
}

/**
 * ar_window_update_actions:
 *
 * The one place that decides which actions can be used now.
 */
void
ar_window_update_actions (ArWindow *self)
{
  ArRecordListPage *page = ar_window_get_current_page (self);
  ArRecordEditor *editor = current_editor (self);
  ArRecord *shown = page ? ar_record_list_page_get_selected (page) : NULL;
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_store = self->store != NULL;

  gtk_widget_action_set_enabled (widget, "win.add", has_store);
  gtk_widget_action_set_enabled (widget, "win.delete", shown != NULL && ar_record_get_id (shown) != 0);
  gtk_widget_action_set_enabled (widget, "win.save", editor && ar_record_editor_get_dirty (editor));
  gtk_widget_action_set_enabled (widget, "win.find", page != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-list", page != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-list-to", page != NULL);
  gtk_widget_action_set_enabled (widget, "win.back", self->history->len > 0);
  gtk_widget_action_set_enabled (widget, "win.undo-delete", self->undo_records != NULL);
  /* not under a form with unsaved typing: its Save would write over the undo */
  gtk_widget_action_set_enabled (widget, "win.undo", self->undo_stack != NULL
                                 && ar_undo_stack_get_can_undo (self->undo_stack)
                                 && !(editor && ar_record_editor_get_dirty (editor)));
  gtk_widget_action_set_enabled (widget, "win.redo", self->undo_stack != NULL
                                 && ar_undo_stack_get_can_redo (self->undo_stack)
                                 && !(editor && ar_record_editor_get_dirty (editor)));
  gtk_widget_action_set_enabled (widget, "win.export-register", has_store);
  gtk_widget_action_set_enabled (widget, "win.import-register", has_store);
  gtk_widget_action_set_enabled (widget, "win.merge-register", has_store);
  gtk_widget_action_set_enabled (widget, "win.merge-register-from", has_store);
  gtk_widget_action_set_enabled (widget, "win.import-gias", has_store);
  gtk_widget_action_set_enabled (widget, "win.import-table", has_store);
  gtk_widget_action_set_enabled (widget, "win.import-table-from", has_store);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ar_window_go_to_section (AR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_leaflet_navigate (AR_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void add_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter);

static void
add_later (gpointer data)
{
  add_action (data, "win.add", NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ArWindow *self = AR_WINDOW (widget);
  ArRecordListPage *page;

  if (!ar_window_leave_forms (self, add_later, g_object_ref (self), g_object_unref))
    return;
  g_object_unref (self);

  /* From the summary or the empty register, a new alliance. */
  page = ar_window_get_current_page (self);
  if (page == NULL)
    {
      page = ar_window_get_page_for_type (self, AR_TYPE_ALLIANCE);
      ar_window_show_section (self, "alliances");
    }

  ar_record_list_page_add_record (page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  ar_window_update_actions (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ArWindow *self = AR_WINDOW (widget);
  ArRecordListPage *page = ar_window_get_current_page (self);
  ArRecord *record = page ? ar_record_list_page_get_selected (page) : NULL;

  if (record != NULL)
    ar_window_delete_record (self, record);
}

/* Where a step's record is shown: its own section, or for a link (an
 * academy, a membership) the section of the first record it links. */
static ArRecord *
record_to_show (ArWindow *self,
                ArRecord *subject)
{
  ArRecordClass *klass = AR_RECORD_GET_CLASS (subject);

  if (ar_window_get_page_for_type (self, G_OBJECT_TYPE (subject)) != NULL)
    return ar_store_get (self->store, G_OBJECT_TYPE (subject), ar_record_get_id (subject), NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      ArRecordClass *linked;
      gint64 id;

      if (klass->fields[i].type != AR_FIELD_LINK)
        continue;
      linked = ar_record_class_for_table (klass->fields[i].link_table);
      id = ar_record_get_integer (subject, klass->fields[i].name);
      if (id != 0 && linked != NULL && ar_window_get_page_for_type (self, G_TYPE_FROM_CLASS (linked)) != NULL)
        return ar_store_get (self->store, G_TYPE_FROM_CLASS (linked), id, NULL);
    }

  return NULL;
}

static void
show_step (ArWindow *self,
           ArRecord *subject)
{
  g_autoptr(ArRecord) shown = record_to_show (self, subject);
  guint n_sections;
  const ArSection *sections = ar_sections (&n_sections);

  if (shown != NULL)
    {
      ArRecordListPage *page = ar_window_get_current_page (self);
      ArRecord *selected = page ? ar_record_list_page_get_selected (page) : NULL;

      /* already in view: stay, so Back does not lead to the same record */
      if (selected != NULL && G_OBJECT_TYPE (selected) == G_OBJECT_TYPE (shown)
          && ar_record_get_id (selected) == ar_record_get_id (shown))
        return;
      ar_window_show_record (self, shown);
      return;
    }

  /* gone (an add undone): its list, as it was */
  for (guint i = 0; i < n_sections; i++)
    if (sections[i].get_type () == G_OBJECT_TYPE (subject))
      {
        if (g_strcmp0 (ar_window_get_visible_section (self), sections[i].name) != 0)
          ar_window_show_section (self, sections[i].name);
        return;
      }

  /* roles live on the summary */
  if (AR_IS_ROLE (subject))
    ar_window_show_section (self, "summary");
}

static void
replay_step (ArWindow *self,
             gboolean  redo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) subject = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gboolean ok;

  if (self->undo_stack == NULL)
    return;

  ok = redo ? ar_undo_stack_redo (self->undo_stack, &subject, &description, &error)
            : ar_undo_stack_undo (self->undo_stack, &subject, &description, &error);
  if (!ok)
    {
      ar_window_toast (self, error->message);
      return;
    }

  show_step (self, subject);

  /* TRANSLATORS: %s is what was undone, as “changes to “Oakfield School”” */
  title = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), description);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, redo ? _("_Undo") : _("_Redo"));
  adw_toast_set_action_name (toast, redo ? "win.undo" : "win.redo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  ar_window_update_actions (self);
}

/**
 * ar_window_undo_stack_changed:
 *
 * A delete's toast offers to undo that delete only while it is the
 * latest step; after another change, Undo (Ctrl+Z) is the way back.
 */
void
ar_window_undo_stack_changed (ArWindow *self)
{
  GPtrArray *top = self->undo_stack ? ar_undo_stack_peek_removed (self->undo_stack) : NULL;

  if (self->undo_records != NULL && self->undo_records->len > 0
      && (top == NULL || top->len == 0
          || ar_record_get_id (g_ptr_array_index (top, 0)) != ar_record_get_id (g_ptr_array_index (self->undo_records, 0))
          || G_OBJECT_TYPE (g_ptr_array_index (top, 0)) != G_OBJECT_TYPE (g_ptr_array_index (self->undo_records, 0))))
    {
      g_clear_pointer (&self->undo_records, g_ptr_array_unref);
      if (self->undo_toast != NULL)
        adw_toast_dismiss (self->undo_toast);
    }

  ar_window_update_actions (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  replay_step (AR_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  replay_step (AR_WINDOW (widget), TRUE);
}

/* The delete toast's Undo: the same step as Ctrl+Z. */
static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ArWindow *self = AR_WINDOW (widget);

  if (self->undo_records == NULL)
    return;

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  replay_step (self, FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ArWindow *self = AR_WINDOW (widget);
  ArRecordEditor *editor = current_editor (self);
  g_autoptr(GError) error = NULL;

  if (editor != NULL && !ar_record_editor_save (editor, &error))
    ar_window_toast (self, error->message);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ArRecordListPage *page = ar_window_get_current_page (AR_WINDOW (widget));

  if (page != NULL)
    ar_record_list_page_focus_search (page);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ar_window_go_back (AR_WINDOW (widget));
}

static void
show_error_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ar_window_toast (AR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Register files ------------------------------------------------------- */

typedef void (*ChosenFunc) (ArWindow *self,
                            GFile    *file);

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ArWindow        *self)
{
  ChosenFunc func = g_object_get_data (G_OBJECT (chooser), "ar-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      func (self, file);
    }

  g_object_unref (chooser);
}

static void
choose_file (ArWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *pattern,
             const char           *suggested_name,
             ChosenFunc            func)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));

  if (pattern != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_filter_set_name (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);

  g_object_set_data (G_OBJECT (chooser), "ar-chosen", func);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_register_file (ArWindow *self,
                    GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(ArStore) store = ar_store_open (path, &error);

  if (store == NULL)
    {
      ar_window_toast (self, error->message);
      return;
    }

  ar_window_set_store (self, store);
  ar_application_remember_register (AR_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), path);
}

static void
new_register_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_file (AR_WINDOW (widget), _("New Register"), GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"),
               NULL, _("register.db"), open_register_file);
}

static void
open_register_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_file (AR_WINDOW (widget), _("Open Register"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
               NULL, NULL, open_register_file);
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ArWindow *self = AR_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);

  if (store == NULL)
    ar_window_toast (self, error->message);
  else
    {
      ar_window_set_store (self, store);
      ar_window_toast (self, _("This is a copy of the sample register: changes go when you close it"));
    }
}

/* Reading or writing a register file goes on in a thread with its own
 * connection to the register (one per thread); a whole-England register is
 * 30 MB of JSON, and the window carries on meanwhile. */
typedef gboolean (*RegisterFileFunc) (ArStore     *store,
                                      const char  *path,
                                      GError     **error);

typedef struct
{
  char             *database;
  char             *path;
  RegisterFileFunc  func;
  const char       *done_message;
  GPtrArray        *overlaps;     /* after an import: what to check */
} RegisterFileTask;

static void
register_file_task_free (gpointer data)
{
  RegisterFileTask *task_data = data;

  g_free (task_data->database);
  g_free (task_data->path);
  g_clear_pointer (&task_data->overlaps, g_ptr_array_unref);
  g_free (task_data);
}

static void
register_file_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  RegisterFileTask *task_data = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open (task_data->database, &error);

  if (store == NULL || !task_data->func (store, task_data->path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* imported, but worth checking, as the command line's import says */
  if (task_data->func != ar_register_json_export_file)
    task_data->overlaps = ar_trust_academy_list_overlaps (store, NULL);
  g_task_return_boolean (task, TRUE);
}

/* A school in two trusts at once is allowed but worth checking: after an
 * import, the window says which, as `alliance-register import` does. */
static void
show_import_overlaps (ArWindow  *self,
                      GPtrArray *overlaps)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  for (guint i = 0; i < overlaps->len; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (overlaps, i));

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u school is in two trusts at once. Check it:",
                                       "%u schools are in two trusts at once. Check them:",
                                       overlaps->len),
                          overlaps->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Register Imported"), body));
  label = gtk_label_new (list->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* a wrapped label's natural height is not known ahead: room for a few,
   * a scroll bar for a whole country's */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 140);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_register_file_done (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ArWindow *self = AR_WINDOW (source);
  RegisterFileTask *task_data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      ar_window_toast (self, error->message);
      return;
    }

  /* what the worker's connection wrote, the window's store shows (and an
   * export wrote nothing: it leaves Undo as it was); a form edited
   * meanwhile keeps its edits over the new record, and is left as closing
   * would leave it */
  if (task_data->func != ar_register_json_export_file)
    ar_store_emit_changed (self->store, G_TYPE_NONE);
  ar_window_toast (self, _(task_data->done_message));
  if (task_data->overlaps != NULL && task_data->overlaps->len > 0)
    show_import_overlaps (self, task_data->overlaps);
  ar_window_leave_forms (self, NULL, NULL, NULL);
}

static void
run_register_file_task (ArWindow         *self,
                        GFile            *file,
                        RegisterFileFunc  func,
                        const char       *done_message)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_register_file_done, NULL);
  RegisterFileTask *task_data = g_new0 (RegisterFileTask, 1);

  task_data->database = g_strdup (ar_store_get_path (self->store));
  task_data->path = g_file_get_path (file);
  task_data->func = func;
  task_data->done_message = done_message;
  g_task_set_task_data (task, task_data, register_file_task_free);
  g_task_run_in_thread (task, register_file_thread);
}

static gboolean
replace_from_file (ArStore     *store,
                   const char  *path,
                   GError     **error)
{
  return ar_register_json_import_file (store, path, TRUE, error);
}

static void
export_register_file (ArWindow *self,
                      GFile    *file)
{
  run_register_file_task (self, file, ar_register_json_export_file, N_("Register exported"));
}

static void
import_register_file (ArWindow *self,
                      GFile    *file)
{
  run_register_file_task (self, file, replace_from_file, N_("Register imported"));
}

static void
export_register_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  choose_file (AR_WINDOW (widget), _("Export Register"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
               "*.json", _("register.json"), export_register_file);
}

static void
on_import_confirmed (AdwMessageDialog *dialog,
                     const char       *response,
                     ArWindow         *self)
{
  if (g_strcmp0 (response, "replace") == 0)
    choose_file (self, _("Import Register"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                 "*.json", NULL, import_register_file);
}

static void
import_register_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ArWindow *self = AR_WINDOW (widget);
  GtkWidget *dialog;

  if (ar_store_is_empty (self->store))
    {
      on_import_confirmed (NULL, "replace", self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace This Register?"),
                                   _("Importing a register file replaces everything this register holds. "
                                     "Export it first if you may want it back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_confirmed), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The same without a file chooser, for tests and scripts. */
static void
export_register_to_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  export_register_file (AR_WINDOW (widget), file);
}

static void
import_register_from_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  import_register_file (AR_WINDOW (widget), file);
}

typedef struct
{
  GWeakRef  window;
  char     *done_message;
} ListExport;

static void
list_export_free (ListExport *export)
{
  g_weak_ref_clear (&export->window);
  g_free (export->done_message);
  g_free (export);
}

/* A window closed meanwhile is not kept alive to hear how it went. */
static void
on_list_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ListExport *export = user_data;
  g_autoptr(ArWindow) self = g_weak_ref_get (&export->window);
  g_autoptr(GError) error = NULL;

  if (!ar_output_file_replace_finish (G_FILE (source), result, &error))
    {
      if (self != NULL)
        ar_window_toast (self, error->message);
    }
  else if (self != NULL)
    ar_window_toast (self, export->done_message);

  list_export_free (export);
}

/* A list goes out as a workbook when the name says so, else as CSV, as
 * it always has; a name with neither takes the chosen filter's format. */
static ArSummaryFormat
list_format_for (GFile           *file,
                 ArSummaryFormat  fallback)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (folded, ".xlsx"))
    return AR_SUMMARY_FORMAT_XLSX;
  if (g_str_has_suffix (folded, ".csv"))
    return AR_SUMMARY_FORMAT_CSV;

  return fallback;
}

/* The shown list, as shown, into a CSV or .xlsx file; written off the
 * main loop. */
static void
export_list_file_as (ArWindow        *self,
                     GFile           *file,
                     ArSummaryFormat  format)
{
  ArRecordListPage *page = ar_window_get_current_page (self);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ListExport *export;
  guint n_rows;

  if (page == NULL)
    return;

  bytes = ar_record_list_page_write (page, format, &n_rows, &error);
  if (bytes == NULL)
    {
      ar_window_toast (self, error->message);
      return;
    }
  export = g_new0 (ListExport, 1);
  g_weak_ref_init (&export->window, self);
  export->done_message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %'u row to “%s”",
                                                       "Exported %'u rows to “%s”", n_rows),
                                          n_rows, name);
  ar_output_file_replace_async (file, bytes, self->store ? ar_store_get_path (self->store) : NULL,
                                NULL, on_list_written, export);
}

static void
export_list_file (ArWindow *self,
                  GFile    *file)
{
  export_list_file_as (self, file, list_format_for (file, AR_SUMMARY_FORMAT_CSV));
}

static void
on_list_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          ArWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      ArSummaryFormat chosen = AR_SUMMARY_FORMAT_CSV;

      if (filter != NULL)
        chosen = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "ar-format"));
      export_list_file_as (self, file, list_format_for (file, chosen));
    }

  g_object_unref (chooser);
}

static void
add_list_filter (GtkFileChooser  *chooser,
                 const char      *name,
                 const char      *pattern,
                 ArSummaryFormat  format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data (G_OBJECT (filter), "ar-format", GINT_TO_POINTER (format));
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ArWindow *self = AR_WINDOW (widget);
  ArRecordListPage *page = ar_window_get_current_page (self);
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;

  if (page == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export List"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  add_list_filter (GTK_FILE_CHOOSER (chooser), _("CSV (*.csv)"), "*.csv", AR_SUMMARY_FORMAT_CSV);
  add_list_filter (GTK_FILE_CHOOSER (chooser), _("Excel Workbook (*.xlsx)"), "*.xlsx", AR_SUMMARY_FORMAT_XLSX);
  /* TRANSLATORS: a file name: the list's title, then .csv */
  suggested = g_strdup_printf (_("%s.csv"), ar_record_list_page_get_title (page));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (on_list_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The same without a file chooser, for tests and scripts. */
static void
export_list_to_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  export_list_file (AR_WINDOW (widget), file);
}

static void import_gias_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter);

static void
import_gias_later (gpointer data)
{
  import_gias_action (data, "win.import-gias", NULL);
}

static void
import_gias_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ArWindow *self = AR_WINDOW (widget);

  /* the import dialog holds the window until it is done: forms are left
   * first, as closing leaves them */
  if (!ar_window_leave_forms (self, import_gias_later, g_object_ref (self), g_object_unref))
    return;
  g_object_unref (self);

  ar_gias_import_dialog_present (GTK_WINDOW (self), self->store);
}

typedef struct
{
  ArWindow *window;
  char     *path;   /* NULL: ask for one */
} TableImport;

static void
table_import_free (gpointer data)
{
  TableImport *import = data;

  g_object_unref (import->window);
  g_free (import->path);
  g_free (import);
}

static void import_table (TableImport *import);

/* a form's edits were discarded: its owner frees @data */
static void
import_table_later (gpointer data)
{
  TableImport *import = data;
  TableImport *again = g_new0 (TableImport, 1);

  again->window = g_object_ref (import->window);
  again->path = g_strdup (import->path);
  import_table (again);
}

/* The spreadsheet's import may update a person a form shows: forms are
 * left first, as for a GIAS import. Takes @import. */
static void
import_table (TableImport *import)
{
  ArWindow *self = import->window;

  if (!ar_window_leave_forms (self, import_table_later, import, table_import_free))
    return;

  if (import->path == NULL)
    ar_table_import_dialog_present (GTK_WINDOW (self), self->store);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (import->path);
      ArTableImportDialog *dialog = ar_table_import_dialog_new (GTK_WINDOW (self), self->store);

      ar_table_import_dialog_open_file (dialog, file);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  table_import_free (import);
}

static void
import_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TableImport *import = g_new0 (TableImport, 1);

  import->window = g_object_ref (AR_WINDOW (widget));
  import->path = parameter ? g_variant_dup_string (parameter, NULL) : NULL;
  import_table (import);
}

/* "Support in <area>", opened on the summary's area. */
static void
support_report_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ArWindow *self = AR_WINDOW (widget);
  ArSummary *summary = ar_summary_page_get_summary (self->summary_page);
  ArSupportReportWindow *report;

  if (self->store == NULL)
    return;

  report = ar_support_report_window_new (GTK_WINDOW (self), self->store,
                                         summary ? ar_summary_get_area_code (summary) : NULL);
  gtk_window_present (GTK_WINDOW (report));
}

void
ar_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.support-report", NULL, support_report_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-error", "s", show_error_action);
  gtk_widget_class_install_action (widget_class, "win.new-register", NULL, new_register_action);
  gtk_widget_class_install_action (widget_class, "win.open-register", NULL, open_register_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.export-register", NULL, export_register_action);
  gtk_widget_class_install_action (widget_class, "win.import-register", NULL, import_register_action);
  gtk_widget_class_install_action (widget_class, "win.import-gias", NULL, import_gias_action);
  gtk_widget_class_install_action (widget_class, "win.import-table", NULL, import_table_action);
  gtk_widget_class_install_action (widget_class, "win.import-table-from", "s", import_table_action);
  gtk_widget_class_install_action (widget_class, "win.export-register-to", "s", export_register_to_action);
  gtk_widget_class_install_action (widget_class, "win.import-register-from", "s", import_register_from_action);
  ar_window_install_merge_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.export-list", NULL, export_list_action);
  gtk_widget_class_install_action (widget_class, "win.export-list-to", "s", export_list_to_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-register", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-gias", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-list", NULL);
  for (guint i = 0; i < 7; i++)
    {
      static const char * const names[] = { "summary", "alliances", "trusts", "leaders", "schools", "partners", "areas" };

      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                           "win.show-section", "s", names[i]);
    }
}
