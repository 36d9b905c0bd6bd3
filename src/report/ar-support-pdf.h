/* ar-support-pdf.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-core.h"
#include "ar-report-layout.h"

G_BEGIN_DECLS

void    ar_support_report_draw      (ArSupportReport    *report,
                                     const ArPageSetup  *setup,
                                     cairo_t            *cr,
                                     PangoContext       *context);
guint   ar_support_report_count_pages (ArSupportReport   *report,
                                       const ArPageSetup *setup,
                                       PangoContext      *context);
void    ar_support_report_draw_page (ArSupportReport    *report,
                                     const ArPageSetup  *setup,
                                     cairo_t            *cr,
                                     PangoContext       *context,
                                     guint               n_pages,
                                     guint               page);
GBytes *ar_support_report_write_pdf (ArSupportReport    *report,
                                     const ArPageSetup  *setup,
                                     GError            **error);

G_END_DECLS
