/* ar-support-report-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"

G_BEGIN_DECLS

#define AR_TYPE_SUPPORT_REPORT_WINDOW (ar_support_report_window_get_type ())

G_DECLARE_FINAL_TYPE (ArSupportReportWindow, ar_support_report_window, AR, SUPPORT_REPORT_WINDOW, AdwWindow)

ArSupportReportWindow *ar_support_report_window_new        (GtkWindow             *parent,
                                                            ArStore               *store,
                                                            const char            *area_code);
ArSupportReport       *ar_support_report_window_get_report (ArSupportReportWindow *self);
void                   ar_support_report_window_set_period (ArSupportReportWindow *self,
                                                            const char            *from,
                                                            const char            *to);

G_END_DECLS
