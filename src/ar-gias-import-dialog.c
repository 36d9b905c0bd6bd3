/* ar-gias-import-dialog.c: GIAS extracts into the register, with progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-gias-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ar-application.h"
#include "ar-gias-import-dialog.h"

struct _ArGiasImportDialog
{
  AdwWindow       parent_instance;

  ArStore        *store;
  GCancellable   *cancellable;

  GtkStack       *stack;
  GtkEntry       *areas_entry;
  GtkLabel       *areas_problem;
  GtkButton      *choose_button;
  GtkProgressBar *progress_bar;
  GtkLabel       *files_label;
  GtkTextView    *report_view;
  GtkButton      *copy_button;
  AdwStatusPage  *result_page;
};

G_DEFINE_FINAL_TYPE (ArGiasImportDialog, ar_gias_import_dialog, ADW_TYPE_WINDOW)

static char *
default_area (void)
{
  GApplication *app = g_application_get_default ();

  if (AR_IS_APPLICATION (app))
    return ar_settings_dup_default_area (ar_application_get_settings (AR_APPLICATION (app)));

  return NULL;
}

/* The codes typed, or NULL for every area; FALSE with @problem set when
 * one is not a three-digit code. */
static gboolean
parse_areas (ArGiasImportDialog   *self,
             GStrv                *codes,
             char                **problem)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->areas_entry));
  g_auto(GStrv) parts = g_strsplit_set (text, ", ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean any = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (!ar_text_is_digits (parts[i], 3))
        {
          *problem = g_strdup_printf (_("“%s” is not a three-digit local authority code"), parts[i]);
          return FALSE;
        }
      g_strv_builder_add (builder, parts[i]);
      any = TRUE;
    }

  *codes = any ? g_strv_builder_end (builder) : NULL;
  return TRUE;
}

static void
on_areas_changed (ArGiasImportDialog *self)
{
  g_auto(GStrv) codes = NULL;
  g_autofree char *problem = NULL;
  gboolean valid = parse_areas (self, &codes, &problem);

  gtk_label_set_text (self->areas_problem, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->areas_problem), !valid);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), valid);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  ArGiasImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ArGiasImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArGiasReport) report = ar_gias_import_finish (AR_STORE (source), result, &error);
  g_autofree char *text = NULL;

  gtk_stack_set_visible_child_name (self->stack, "result");

  if (report == NULL)
    {
      gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      adw_status_page_set_icon_name (self->result_page, cancelled ? "process-stop-symbolic" : "dialog-error-symbolic");
      adw_status_page_set_title (self->result_page, cancelled ? _("Import Cancelled") : _("Nothing Was Imported"));
      adw_status_page_set_description (self->result_page,
                                       cancelled ? _("The register is as it was before.")
                                                 : error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->report_view), FALSE);
      return;
    }

  text = ar_gias_report_to_text (report, 200);
  adw_status_page_set_icon_name (self->result_page, "emblem-ok-symbolic");
  adw_status_page_set_title (self->result_page, _("Import Finished"));
  adw_status_page_set_description (self->result_page, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->report_view), text, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->report_view), TRUE);
}

/**
 * ar_gias_import_dialog_start:
 *
 * Imports @paths in a worker thread, showing progress; the window stays
 * usable and Cancel leaves the register as it was.
 */
void
ar_gias_import_dialog_start (ArGiasImportDialog *self,
                             const char * const *paths)
{
  g_auto(GStrv) areas = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GString) list = g_string_new (NULL);

  if (!parse_areas (self, &areas, &problem))
    return;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);

      g_string_append_printf (list, "%s%s", i ? ", " : "", base);
    }
  gtk_label_set_text (self->files_label, list->str);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_progress_bar_set_fraction (self->progress_bar, 0);

  ar_gias_import_async (self->store, paths, (const char * const *) areas,
                        self->cancellable, on_progress, self, on_imported, g_object_ref (self));
}

static void
on_files_chosen (GtkNativeDialog    *chooser,
                 int                 response,
                 ArGiasImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_ptr_array_add (paths, g_file_get_path (file));
        }
      g_ptr_array_add (paths, NULL);
      ar_gias_import_dialog_start (self, (const char * const *) paths->pdata);
    }

  g_object_unref (chooser);
}

static void
on_choose_clicked (ArGiasImportDialog *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Choose GIAS Extracts"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Import"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("GIAS extracts (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_files_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_cancel_clicked (ArGiasImportDialog *self)
{
  ar_gias_import_dialog_cancel (self);
}

/* The report as text on the clipboard, to paste into a note or an email. */
static void
on_copy_clicked (ArGiasImportDialog *self)
{
  g_autofree char *report = ar_gias_import_dialog_dup_report (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), report);
  gtk_button_set_label (self->copy_button, _("Copied"));
}

static void
on_close_clicked (ArGiasImportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ar_gias_import_dialog_dispose (GObject *object)
{
  ArGiasImportDialog *self = AR_GIAS_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);


  G_OBJECT_CLASS (ar_gias_import_dialog_parent_class)->dispose (object);
}

static void
ar_gias_import_dialog_class_init (ArGiasImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ar_gias_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-gias-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ArGiasImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ArGiasImportDialog, areas_entry);
  gtk_widget_class_bind_template_child (widget_class, ArGiasImportDialog, areas_problem);
  gtk_widget_class_bind_template_child (widget_class, ArGiasImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, ArGiasImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ArGiasImportDialog, files_label);
  gtk_widget_class_bind_template_child (widget_class, ArGiasImportDialog, report_view);
  gtk_widget_class_bind_template_child (widget_class, ArGiasImportDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, ArGiasImportDialog, result_page);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_areas_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ar_gias_import_dialog_init (ArGiasImportDialog *self)
{
  g_autofree char *area = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* a county imports its own schools from the whole-England file */
  area = default_area ();
  if (area != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->areas_entry), area);
}

ArGiasImportDialog *
ar_gias_import_dialog_new (GtkWindow *parent,
                           ArStore   *store)
{
  ArGiasImportDialog *self;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);

  self = g_object_new (AR_TYPE_GIAS_IMPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);

  return self;
}

void
ar_gias_import_dialog_present (GtkWindow *parent,
                               ArStore   *store)
{
  gtk_window_present (GTK_WINDOW (ar_gias_import_dialog_new (parent, store)));
}

/* Cancel leaves the register exactly as it was: the import is one
 * transaction, rolled back. */
/**
 * ar_gias_import_dialog_set_areas:
 * @codes: as typed, such as "855, 856", or "" for all areas
 */
void
ar_gias_import_dialog_set_areas (ArGiasImportDialog *self,
                                 const char         *codes)
{
  g_return_if_fail (AR_IS_GIAS_IMPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->areas_entry), codes);
}

void
ar_gias_import_dialog_cancel (ArGiasImportDialog *self)
{
  g_return_if_fail (AR_IS_GIAS_IMPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/**
 * ar_gias_import_dialog_get_stage:
 *
 * Returns: "start", "progress" or "result"
 */
const char *
ar_gias_import_dialog_get_stage (ArGiasImportDialog *self)
{
  g_return_val_if_fail (AR_IS_GIAS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
ar_gias_import_dialog_get_result_title (ArGiasImportDialog *self)
{
  g_return_val_if_fail (AR_IS_GIAS_IMPORT_DIALOG (self), NULL);
  return adw_status_page_get_title (self->result_page);
}

char *
ar_gias_import_dialog_dup_report (ArGiasImportDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (AR_IS_GIAS_IMPORT_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->report_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
