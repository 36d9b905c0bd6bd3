/* ar-history-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"

G_BEGIN_DECLS

#define AR_TYPE_HISTORY_PAGE (ar_history_page_get_type ())

G_DECLARE_FINAL_TYPE (ArHistoryPage, ar_history_page, AR, HISTORY_PAGE, AdwBin)

GtkWidget  *ar_history_page_new                        (void);
void        ar_history_page_set_store                  (ArHistoryPage *self,
                                                        ArStore       *store);
void        ar_history_page_set_period                 (ArHistoryPage *self,
                                                        const char    *from,
                                                        const char    *to);
void        ar_history_page_set_search                 (ArHistoryPage *self,
                                                        const char    *text);
void        ar_history_page_set_kind                   (ArHistoryPage *self,
                                                        const char    *kind);
void        ar_history_page_set_source                 (ArHistoryPage *self,
                                                        const char    *source);
guint       ar_history_page_get_n_shown                (ArHistoryPage *self);
GListModel *ar_history_page_get_model                  (ArHistoryPage *self);
void        ar_history_page_set_sidebar_button_visible (ArHistoryPage *self,
                                                        gboolean       visible);

G_END_DECLS
