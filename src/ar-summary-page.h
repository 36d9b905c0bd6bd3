/* ar-summary-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"

G_BEGIN_DECLS

#define AR_TYPE_SUMMARY_PAGE (ar_summary_page_get_type ())

G_DECLARE_FINAL_TYPE (ArSummaryPage, ar_summary_page, AR, SUMMARY_PAGE, AdwBin)

GtkWidget *ar_summary_page_new                        (void);
ArStore   *ar_summary_page_get_store                  (ArSummaryPage *self);
void       ar_summary_page_set_store                  (ArSummaryPage *self,
                                                       ArStore       *store);
ArSummary *ar_summary_page_get_summary                (ArSummaryPage *self);
void       ar_summary_page_set_area                   (ArSummaryPage *self,
                                                       const char    *code);
void       ar_summary_page_set_heading                (ArSummaryPage *self,
                                                       const char    *heading);
void       ar_summary_page_set_as_at                  (ArSummaryPage *self,
                                                       const char    *as_at);
void       ar_summary_page_set_compare_to             (ArSummaryPage *self,
                                                       const char    *compare_to);
gboolean   ar_summary_page_get_date_ok                (ArSummaryPage *self);
AdwToast  *ar_summary_page_get_last_toast             (ArSummaryPage *self);
void       ar_summary_page_set_sidebar_button_visible (ArSummaryPage *self,
                                                       gboolean       visible);

G_END_DECLS
