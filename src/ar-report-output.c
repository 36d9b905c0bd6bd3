/* ar-report-output.c: copy, export and print, shared by the summary page
 * and the support report window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-report-output"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ar-report-output.h"

/**
 * ar_report_output_copy:
 * @html: (transfer full): the table as HTML
 * @text: the table as plain text
 *
 * Puts the table on @widget's clipboard: HTML for word processors (a real
 * table), plain text for the rest.
 */
void
ar_report_output_copy (GtkWidget  *widget,
                       char       *html,
                       const char *text)
{
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GBytes) html_bytes = g_bytes_new_take (html, strlen (html));
  GdkContentProvider *providers[2];

  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);
}

static void
export_and_report (GtkWidget                *owner,
                   ArSummaryFormat           format,
                   GFile                    *file,
                   ArReportOutputExportFunc  export_func,
                   ArReportOutputErrorFunc   error_func)
{
  g_autoptr(GError) error = NULL;

  if (!export_func (owner, format, file, &error))
    error_func (owner, error->message);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    GtkWidget       *owner)
{
  ArSummaryFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "ar-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      export_and_report (owner, format, file,
                         g_object_get_data (G_OBJECT (chooser), "ar-export-func"),
                         g_object_get_data (G_OBJECT (chooser), "ar-error-func"));
    }

  g_object_unref (chooser);
}

/**
 * ar_report_output_choose_export:
 * @report_title: the file's name to start with, without its extension
 *
 * Asks where to save the report in @format, then writes it there with
 * @export_func; failures go to @error_func.
 */
void
ar_report_output_choose_export (GtkWidget                *owner,
                                const char               *chooser_title,
                                const char               *report_title,
                                ArSummaryFormat           format,
                                ArReportOutputExportFunc  export_func,
                                ArReportOutputErrorFunc   error_func)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (chooser_title, GTK_WINDOW (gtk_widget_get_root (owner)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.%s", report_title, ar_summary_format_extension (format));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "ar-format", GINT_TO_POINTER (format));
  g_object_set_data (G_OBJECT (chooser), "ar-export-func", export_func);
  g_object_set_data (G_OBJECT (chooser), "ar-error-func", error_func);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), owner, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * ar_report_output_export_to:
 * @parameter: (format, path), as the "export-to" actions take it
 *
 * Export without a file chooser, for tests and scripts.
 */
void
ar_report_output_export_to (GtkWidget                *owner,
                            GVariant                 *parameter,
                            ArReportOutputExportFunc  export_func,
                            ArReportOutputErrorFunc   error_func)
{
  const char *format_name, *path;
  g_autoptr(GFile) file = NULL;
  ArSummaryFormat format;

  g_variant_get (parameter, "(&s&s)", &format_name, &path);
  if (!ar_summary_format_from_string (format_name, &format))
    return;

  file = g_file_new_for_path (path);
  export_and_report (owner, format, file, export_func, error_func);
}

/**
 * ar_report_output_page_setup:
 *
 * A4 with margins in points, to start the print dialog with.
 *
 * Returns: (transfer full): the page setup
 */
GtkPageSetup *
ar_report_output_page_setup (GtkPageOrientation orientation,
                             double             top,
                             double             bottom,
                             double             left,
                             double             right)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, orientation);
  gtk_page_setup_set_top_margin (page_setup, top, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (page_setup, bottom, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (page_setup, left, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (page_setup, right, GTK_UNIT_POINTS);

  return page_setup;
}

/**
 * ar_report_output_print:
 * @operation: with its "begin-print" and "draw-page" handlers connected
 * @export_path: (nullable): write a PDF there without a dialog, or %NULL
 *   to show the print dialog
 * @register_path: (nullable): the open register, never to be written over
 *
 * Runs @operation in points on @page_setup. A PDF for @export_path is
 * made aside, then written by the same safe writer as every export and
 * the command line's --output: a link keeps its target's permissions, a
 * device is written in place, and the open register is refused.
 */
gboolean
ar_report_output_print (GtkWindow          *parent,
                        GtkPrintOperation  *operation,
                        const char         *job_name,
                        GtkPageSetup       *page_setup,
                        const char         *export_path,
                        const char         *register_path,
                        GError            **error)
{
  g_autofree char *made = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  GtkPrintOperationResult result;
  gsize length;
  int fd;

  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  if (export_path == NULL)
    {
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
      return result != GTK_PRINT_OPERATION_RESULT_ERROR;
    }

  fd = g_file_open_tmp ("alliance-register-print-XXXXXX.pdf", &made, error);
  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);

  gtk_print_operation_set_export_filename (operation, made);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR
      || !g_file_get_contents (made, &contents, &length, error))
    {
      g_unlink (made);
      return FALSE;
    }
  g_unlink (made);

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  file = g_file_new_for_path (export_path);

  return ar_output_file_replace (file, bytes, register_path, NULL, error);
}
