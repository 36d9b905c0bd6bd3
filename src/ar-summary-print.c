/* ar-summary-print.c: the summary through GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-summary-print"

#include "config.h"

#include <glib/gi18n.h>

#include "ar-report.h"
#include "ar-report-output.h"
#include "ar-summary-print.h"

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                ArSummary         *summary)
{
  g_autoptr(ArReportLayout) layout = NULL;
  PangoContext *pango_context;
  ArPageSetup setup;

  /* The print context's cairo origin is already inside the margins. */
  setup.width = gtk_print_context_get_width (context);
  setup.height = gtk_print_context_get_height (context);
  setup.margin_top = setup.margin_bottom = setup.margin_left = setup.margin_right = 0;

  layout = ar_report_layout_new (summary, &setup);
  pango_context = gtk_print_context_create_pango_context (context);
  ar_report_layout_paginate (layout, pango_context);
  g_object_unref (pango_context);
  gtk_print_operation_set_n_pages (operation, ar_report_layout_get_n_pages (layout));
  g_object_set_data_full (G_OBJECT (operation), "ar-layout", g_steal_pointer (&layout), g_object_unref);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              ArSummary         *summary)
{
  ArReportLayout *layout = g_object_get_data (G_OBJECT (operation), "ar-layout");

  ar_report_layout_draw_page (layout, gtk_print_context_get_cairo_context (context), page);
}

/**
 * ar_summary_print:
 * @export_path: (nullable): write a PDF there without a dialog, or %NULL
 *   to show the print dialog
 * @register_path: (nullable): the open register, never written over
 *
 * Prints with the same layout as the PDF export, on the paper and margins
 * chosen in the dialog (A4 with 1.7 cm margins to start with).
 */
gboolean
ar_summary_print (GtkWindow   *parent,
                  ArSummary   *summary,
                  const char  *export_path,
                  const char  *register_path,
                  GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = ar_report_output_page_setup (GTK_PAGE_ORIENTATION_PORTRAIT, 48, 42, 48, 48);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), summary);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), summary);

  return ar_report_output_print (parent, operation, ar_summary_get_title (summary), page_setup, export_path,
                                 register_path, error);
}
