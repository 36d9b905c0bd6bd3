/* ar-summary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ar-types.h"
#include "ar-summary-row.h"

G_BEGIN_DECLS

#define AR_TYPE_SUMMARY (ar_summary_get_type ())

G_DECLARE_FINAL_TYPE (ArSummary, ar_summary, AR, SUMMARY, GObject)

ArSummary    *ar_summary_compute              (ArStore     *store,
                                               const char  *area,
                                               const char  *as_at,
                                               GError     **error);
ArSummary    *ar_summary_compute_compared     (ArStore     *store,
                                               const char  *area,
                                               const char  *as_at,
                                               const char  *compare_to,
                                               GError     **error);
const char   *ar_summary_get_compare_to       (ArSummary   *self);
char         *ar_summary_format_date_line     (ArSummary   *self);
guint         ar_summary_get_n_figures        (ArSummary   *self);
const char   *ar_summary_get_figure_heading   (ArSummary   *self,
                                               guint        column);
const char   *ar_summary_get_title            (ArSummary   *self);
const char   *ar_summary_get_heading          (ArSummary   *self);
void          ar_summary_set_heading          (ArSummary   *self,
                                               const char  *heading);
const char   *ar_summary_get_area_code        (ArSummary   *self);
const char   *ar_summary_get_area_name        (ArSummary   *self);
const char   *ar_summary_get_as_at            (ArSummary   *self);
char         *ar_summary_format_as_at         (ArSummary   *self);
const char   *ar_summary_get_role_heading     (ArSummary   *self);
const char   *ar_summary_get_count_heading    (ArSummary   *self);
const char   *ar_summary_get_functions_heading (ArSummary  *self);
guint         ar_summary_get_n_rows           (ArSummary   *self);
ArSummaryRow *ar_summary_get_row              (ArSummary   *self,
                                               guint        position);
gboolean      ar_summary_is_national_support_school (ArStore     *store,
                                                     gint64       school_id,
                                                     const char  *as_at,
                                                     GError     **error);

G_END_DECLS
