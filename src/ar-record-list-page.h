/* ar-record-list-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"
#include "ar-record-editor.h"

G_BEGIN_DECLS

#define AR_TYPE_RECORD_LIST_PAGE (ar_record_list_page_get_type ())

G_DECLARE_FINAL_TYPE (ArRecordListPage, ar_record_list_page, AR, RECORD_LIST_PAGE, AdwBin)

ArRecordListPage *ar_record_list_page_new             (const ArSection     *section);
GType             ar_record_list_page_get_record_type (ArRecordListPage    *self);
const char       *ar_record_list_page_get_title       (ArRecordListPage    *self);
void              ar_record_list_page_set_store       (ArRecordListPage    *self,
                                                       ArStore             *store);
void              ar_record_list_page_reload          (ArRecordListPage    *self);
guint             ar_record_list_page_get_n_shown     (ArRecordListPage    *self);
gboolean          ar_record_list_page_is_loading      (ArRecordListPage    *self);
void              ar_record_list_page_set_thread_from (ArRecordListPage    *self,
                                                       guint                n_records);
gboolean          ar_record_list_page_shows_list      (ArRecordListPage    *self);
gboolean          ar_record_list_page_is_narrow       (ArRecordListPage    *self);
gboolean          ar_record_list_page_open_id         (ArRecordListPage    *self,
                                                       gint64               id);
gboolean          ar_record_list_page_get_details_shown (ArRecordListPage  *self);
char             *ar_record_list_page_to_csv          (ArRecordListPage    *self,
                                                       guint               *n_rows);
GBytes           *ar_record_list_page_write           (ArRecordListPage    *self,
                                                       ArSummaryFormat      format,
                                                       guint               *n_rows,
                                                       GError             **error);
ArRecord         *ar_record_list_page_get_selected    (ArRecordListPage    *self);
gboolean          ar_record_list_page_select_id       (ArRecordListPage    *self,
                                                       gint64               id);
void              ar_record_list_page_add_record      (ArRecordListPage    *self);
void              ar_record_list_page_set_search      (ArRecordListPage    *self,
                                                       const char          *text);
void              ar_record_list_page_focus_search    (ArRecordListPage    *self);
void              ar_record_list_page_set_area_filter (ArRecordListPage    *self,
                                                       gint64               area_id);
ArRecordEditor   *ar_record_list_page_get_editor      (ArRecordListPage    *self);
void              ar_record_list_page_show_list       (ArRecordListPage    *self);
void              ar_record_list_page_set_sidebar_button_visible (ArRecordListPage *self,
                                                                  gboolean          visible);

G_END_DECLS
