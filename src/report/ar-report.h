/* ar-report.h: every summary output, including those core cannot write (PDF, ODT)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-core.h"
#include "ar-odt-writer.h"
#include "ar-report-layout.h"
#include "ar-support-pdf.h"

G_BEGIN_DECLS

GBytes *ar_report_write      (ArSummary          *summary,
                              ArSummaryFormat     format,
                              GError            **error);
GBytes *ar_report_write_pdf  (ArSummary          *summary,
                              const ArPageSetup  *setup,
                              GError            **error);
GBytes *ar_report_write_support (ArSupportReport *report,
                                 ArSummaryFormat  format,
                                 GError         **error);

G_END_DECLS
