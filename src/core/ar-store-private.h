/* ar-store-private.h: for core modules only (summary, JSON, GIAS import)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ar-store.h"

G_BEGIN_DECLS

sqlite3      *ar_store_get_connection (ArStore      *self);
sqlite3_stmt *ar_store_prepare        (ArStore      *self,
                                       const char   *sql,
                                       GError      **error);
gboolean      ar_store_exec           (ArStore      *self,
                                       const char   *sql,
                                       GError      **error);
void          ar_store_set_sql_error  (ArStore      *self,
                                       GError      **error);
int           ar_store_begin_bulk     (ArStore      *self);
void          ar_store_end_bulk       (ArStore      *self,
                                       int           saved);
void          ar_store_defer_checks   (ArStore      *self);
gboolean      ar_store_run_deferred_checks (ArStore  *self,
                                            GError  **error);
gboolean      ar_store_seed_missing_roles (ArStore  *self,
                                           GError  **error);
GPtrArray    *ar_store_drop_link_indexes  (ArStore            *self,
                                           const char * const *tables,
                                           GError            **error);
gboolean      ar_store_build_indexes      (ArStore            *self,
                                           GPtrArray          *indexes,
                                           GError            **error);

typedef struct _ArStoreBatch ArStoreBatch;

ArStoreBatch *ar_store_batch_new      (ArStore       *self,
                                       GType          record_type);
gboolean      ar_store_batch_add      (ArStoreBatch  *batch,
                                       ArRecord      *record,
                                       GError       **error);
gboolean      ar_store_batch_flush    (ArStore       *self,
                                       GError       **error);
void          ar_store_write_batches_behind (ArStore *self);
void          ar_store_batch_free     (ArStoreBatch  *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArStoreBatch, ar_store_batch_free)

typedef struct _ArStoreFill ArStoreFill;

ArStoreFill  *ar_store_fill_new       (ArStore       *self,
                                       gboolean       validated,
                                       GError       **error);
gboolean      ar_store_fill_add       (ArStoreFill   *fill,
                                       ArRecord      *record,
                                       ArRecord     **refused,
                                       GError       **error);
gboolean      ar_store_fill_flush     (ArStoreFill   *fill,
                                       ArRecord     **refused,
                                       GError       **error);
void          ar_store_fill_free      (ArStoreFill   *fill);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArStoreFill, ar_store_fill_free)

G_END_DECLS
