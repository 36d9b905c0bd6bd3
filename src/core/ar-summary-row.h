/* ar-summary-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-types.h"

G_BEGIN_DECLS

#define AR_TYPE_SUMMARY_ROW (ar_summary_row_get_type ())

G_DECLARE_FINAL_TYPE (ArSummaryRow, ar_summary_row, AR, SUMMARY_ROW, GObject)

ArSummaryRow *ar_summary_row_new               (const char   *code,
                                                const char   *title,
                                                const char   *figure,
                                                gint64        count,
                                                gint64        school_count,
                                                const char   *key_functions);
const char   *ar_summary_row_get_code          (ArSummaryRow *self);
const char   *ar_summary_row_get_title         (ArSummaryRow *self);
const char   *ar_summary_row_get_figure        (ArSummaryRow *self);
gint64        ar_summary_row_get_count         (ArSummaryRow *self);
gint64        ar_summary_row_get_school_count  (ArSummaryRow *self);
gboolean      ar_summary_row_get_has_records   (ArSummaryRow *self);
const char   *ar_summary_row_get_key_functions (ArSummaryRow *self);
GPtrArray    *ar_summary_row_get_blocks        (ArSummaryRow *self);
void          ar_summary_row_set_comparison    (ArSummaryRow *self,
                                                const char   *compare_figure,
                                                gint64        compare_count,
                                                const char   *change,
                                                gboolean      compare_first);
const char   *ar_summary_row_get_compare_figure (ArSummaryRow *self);
gint64        ar_summary_row_get_compare_count (ArSummaryRow *self);
const char   *ar_summary_row_get_change        (ArSummaryRow *self);
guint         ar_summary_row_get_n_figures     (ArSummaryRow *self);
const char   *ar_summary_row_get_figure_at     (ArSummaryRow *self,
                                                guint         column);

G_END_DECLS
