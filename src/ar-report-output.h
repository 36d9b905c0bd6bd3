/* ar-report-output.h: copy, export and print, shared by the summary and the support report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ar-core.h"

G_BEGIN_DECLS

/* Writes the report in @format to @file; shows its own "done" toast. */
typedef gboolean (*ArReportOutputExportFunc) (GtkWidget        *owner,
                                              ArSummaryFormat   format,
                                              GFile            *file,
                                              GError          **error);
/* Tells the user that an output failed, the owner's way. */
typedef void     (*ArReportOutputErrorFunc)  (GtkWidget        *owner,
                                              const char       *message);

void          ar_report_output_copy          (GtkWidget                *widget,
                                              char                     *html,
                                              const char               *text);
void          ar_report_output_choose_export (GtkWidget                *owner,
                                              const char               *chooser_title,
                                              const char               *report_title,
                                              ArSummaryFormat           format,
                                              ArReportOutputExportFunc  export_func,
                                              ArReportOutputErrorFunc   error_func);
void          ar_report_output_export_to     (GtkWidget                *owner,
                                              GVariant                 *parameter,
                                              ArReportOutputExportFunc  export_func,
                                              ArReportOutputErrorFunc   error_func);
GtkPageSetup *ar_report_output_page_setup    (GtkPageOrientation        orientation,
                                              double                    top,
                                              double                    bottom,
                                              double                    left,
                                              double                    right);
gboolean      ar_report_output_print         (GtkWindow                *parent,
                                              GtkPrintOperation        *operation,
                                              const char               *job_name,
                                              GtkPageSetup             *page_setup,
                                              const char               *export_path,
                                              const char               *register_path,
                                              GError                  **error);

G_END_DECLS
