/* ar-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ar-report.h"

static cairo_status_t
append_to_array (void                *user_data,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (user_data, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * ar_report_write_pdf:
 * @setup: (nullable): the paper and margins; %NULL for A4 portrait
 *
 * Lays the summary out with the same engine as printing, on a PDF surface:
 * no display is needed.
 *
 * Returns: (transfer full): the PDF file's bytes
 */
GBytes *
ar_report_write_pdf (ArSummary          *summary,
                     const ArPageSetup  *setup,
                     GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(ArReportLayout) layout = NULL;
  PangoContext *context;
  ArPageSetup a4;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (AR_IS_SUMMARY (summary), NULL);

  if (setup == NULL)
    {
      ar_page_setup_init (&a4, AR_PAPER_A4, FALSE);
      setup = &a4;
    }

  surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes, setup->width, setup->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, ar_summary_get_title (summary));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Alliance Register " PACKAGE_VERSION);
  cr = cairo_create (surface);

  /* Points are the unit on paper: draw text at 72 dpi. */
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72.0);

  layout = ar_report_layout_new (summary, setup);
  ar_report_layout_paginate (layout, context);
  for (guint page = 0; page < ar_report_layout_get_n_pages (layout); page++)
    {
      ar_report_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * ar_report_write:
 *
 * Writes @summary in any format: the text formats and .xlsx come from
 * core, PDF (A4 portrait) and ODT are made here.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
ar_report_write (ArSummary        *summary,
                 ArSummaryFormat   format,
                 GError          **error)
{
  g_return_val_if_fail (AR_IS_SUMMARY (summary), NULL);

  switch (format)
    {
    case AR_SUMMARY_FORMAT_PDF:
      return ar_report_write_pdf (summary, NULL, error);

    case AR_SUMMARY_FORMAT_ODT:
      return ar_odt_write_summary (summary, error);

    case AR_SUMMARY_FORMAT_TEXT:
    case AR_SUMMARY_FORMAT_CSV:
    case AR_SUMMARY_FORMAT_HTML:
    case AR_SUMMARY_FORMAT_MARKDOWN:
    case AR_SUMMARY_FORMAT_JSON:
    case AR_SUMMARY_FORMAT_XLSX:
    default:
      return ar_summary_write (summary, format, error);
    }
}

/**
 * ar_report_write_support:
 *
 * Writes the support report in any format, as ar_report_write() does the
 * summary: PDF (A4 landscape) and ODT here, the text formats and .xlsx
 * from core.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
ar_report_write_support (ArSupportReport  *report,
                         ArSummaryFormat   format,
                         GError          **error)
{
  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (report), NULL);

  switch (format)
    {
    case AR_SUMMARY_FORMAT_PDF:
      return ar_support_report_write_pdf (report, NULL, error);

    case AR_SUMMARY_FORMAT_ODT:
      return ar_odt_write_support_report (report, error);

    case AR_SUMMARY_FORMAT_TEXT:
    case AR_SUMMARY_FORMAT_CSV:
    case AR_SUMMARY_FORMAT_HTML:
    case AR_SUMMARY_FORMAT_MARKDOWN:
    case AR_SUMMARY_FORMAT_JSON:
    case AR_SUMMARY_FORMAT_XLSX:
    default:
      return ar_support_report_write (report, format, error);
    }
}
