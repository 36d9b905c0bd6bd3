/* ar-support-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ar-types.h"

G_BEGIN_DECLS

#define AR_TYPE_SUPPORT_REPORT (ar_support_report_get_type ())

G_DECLARE_FINAL_TYPE (ArSupportReport, ar_support_report, AR, SUPPORT_REPORT, GObject)

/* The report's columns, in order. */
typedef enum
{
  AR_SUPPORT_COLUMN_SCHOOL,
  AR_SUPPORT_COLUMN_SUPPORTER,
  AR_SUPPORT_COLUMN_FOCUS,
  AR_SUPPORT_COLUMN_DATES,
  AR_SUPPORT_COLUMN_DAYS,
  AR_SUPPORT_COLUMN_STATUS,
  AR_SUPPORT_N_COLUMNS
} ArSupportColumn;

ArSupportReport *ar_support_report_compute        (ArStore          *store,
                                                   const char       *area,
                                                   const char       *from,
                                                   const char       *to,
                                                   GError          **error);
const char      *ar_support_report_get_title      (ArSupportReport  *self);
const char      *ar_support_report_get_heading    (ArSupportReport  *self);
void             ar_support_report_set_heading    (ArSupportReport  *self,
                                                   const char       *heading);
const char      *ar_support_report_get_period     (ArSupportReport  *self);
const char      *ar_support_report_get_totals     (ArSupportReport  *self);
const char      *ar_support_report_get_column_title (ArSupportReport *self,
                                                   guint             column);
guint            ar_support_report_get_n_rows     (ArSupportReport  *self);
const char      *ar_support_report_get_cell       (ArSupportReport  *self,
                                                   guint             row,
                                                   guint             column);

GBytes          *ar_support_report_write          (ArSupportReport  *self,
                                                   ArSummaryFormat   format,
                                                   GError          **error);
char            *ar_support_report_to_text        (ArSupportReport  *self);
char            *ar_support_report_to_csv         (ArSupportReport  *self);
char            *ar_support_report_to_html        (ArSupportReport  *self);
char            *ar_support_report_to_markdown    (ArSupportReport  *self);
char            *ar_support_report_to_json        (ArSupportReport  *self);
GBytes          *ar_support_report_to_xlsx        (ArSupportReport  *self,
                                                   GError          **error);

G_END_DECLS
