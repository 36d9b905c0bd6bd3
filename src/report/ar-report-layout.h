/* ar-report-layout.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "ar-core.h"

G_BEGIN_DECLS

typedef enum
{
  AR_PAPER_A4,
  AR_PAPER_LETTER,
} ArPaper;

/**
 * ArPageSetup:
 * @width: the page's width in points
 * @height: the page's height in points
 * @margin_*: the margins in points
 *
 * Where the summary goes on the paper. Printing takes these from the print
 * dialog; PDF files written without a display use ar_page_setup_init().
 */
typedef struct
{
  double width;
  double height;
  double margin_top;
  double margin_bottom;
  double margin_left;
  double margin_right;
} ArPageSetup;

void ar_page_setup_init (ArPageSetup *setup,
                         ArPaper      paper,
                         gboolean     landscape);

#define AR_TYPE_REPORT_LAYOUT (ar_report_layout_get_type ())

G_DECLARE_FINAL_TYPE (ArReportLayout, ar_report_layout, AR, REPORT_LAYOUT, GObject)

ArReportLayout *ar_report_layout_new         (ArSummary          *summary,
                                              const ArPageSetup  *setup);
void            ar_report_layout_paginate    (ArReportLayout     *self,
                                              PangoContext       *context);
guint           ar_report_layout_get_n_pages (ArReportLayout     *self);
void            ar_report_layout_draw_page   (ArReportLayout     *self,
                                              cairo_t            *cr,
                                              guint               page);

G_END_DECLS
