/* ar-summary-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-summary.h"

G_BEGIN_DECLS

gboolean     ar_summary_format_from_string  (const char       *name,
                                             ArSummaryFormat  *format);
const char  *ar_summary_format_to_string    (ArSummaryFormat   format);
const char  *ar_summary_format_extension    (ArSummaryFormat   format);
const char  *ar_summary_format_mime_type    (ArSummaryFormat   format);

GBytes      *ar_summary_write               (ArSummary        *summary,
                                             ArSummaryFormat   format,
                                             GError          **error);

char        *ar_summary_to_text             (ArSummary        *summary);
char        *ar_summary_to_markdown         (ArSummary        *summary);
char        *ar_summary_to_csv              (ArSummary        *summary);
char        *ar_summary_to_html             (ArSummary        *summary);
char        *ar_summary_to_json             (ArSummary        *summary);
GBytes      *ar_summary_to_xlsx             (ArSummary        *summary,
                                             GError          **error);

char        *ar_csv_escape_cell             (const char       *text);

G_END_DECLS
