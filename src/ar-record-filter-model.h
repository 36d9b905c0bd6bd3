/* ar-record-filter-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ar-core.h"

G_BEGIN_DECLS

#define AR_TYPE_RECORD_FILTER_MODEL (ar_record_filter_model_get_type ())

G_DECLARE_FINAL_TYPE (ArRecordFilterModel, ar_record_filter_model, AR, RECORD_FILTER_MODEL, GObject)

/**
 * ArRecordMatchFunc:
 *
 * Returns: whether @record is shown
 */
typedef gboolean (*ArRecordMatchFunc) (ArRecord *record,
                                       gpointer  user_data);

ArRecordFilterModel *ar_record_filter_model_new       (GListModel          *model,
                                                       ArRecordMatchFunc    match,
                                                       gpointer             user_data);
void                 ar_record_filter_model_set_model (ArRecordFilterModel *self,
                                                       GListModel          *model);
void                 ar_record_filter_model_refilter  (ArRecordFilterModel *self,
                                                       GtkFilterChange      change);
void                 ar_record_filter_model_set_model_gradually (ArRecordFilterModel *self,
                                                                 GListModel          *model,
                                                                 guint                in_sight,
                                                                 guint                n_in_sight);
void                 ar_record_filter_model_refilter_gradually (ArRecordFilterModel *self,
                                                                GtkFilterChange      change,
                                                                guint                in_sight,
                                                                guint                n_in_sight);
void                 ar_record_filter_model_search     (ArRecordFilterModel *self,
                                                       const char          *query,
                                                       guint                in_sight,
                                                       guint                n_in_sight);
void                 ar_record_filter_model_set_thread_from (ArRecordFilterModel *self,
                                                             guint                n_records);
void                 ar_record_filter_model_set_view  (ArRecordFilterModel *self,
                                                       GtkWidget           *view);
gboolean             ar_record_filter_model_get_pending (ArRecordFilterModel *self);
void                 ar_record_filter_model_finish    (ArRecordFilterModel *self);

G_END_DECLS
