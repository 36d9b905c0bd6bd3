/* ar-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_STORE_SCHEMA_VERSION 4

/* PRAGMA application_id of every register: "ARrg" */
#define AR_STORE_APPLICATION_ID 0x41527267

#define AR_TYPE_STORE (ar_store_get_type ())

G_DECLARE_FINAL_TYPE (ArStore, ar_store, AR, STORE, GObject)

/**
 * ArStoreChange:
 * @before: (nullable): the record as it was; %NULL when it was added
 * @after: (nullable): the record as saved; %NULL when it was deleted
 * @removed: (nullable) (element-type ArRecord): for a delete, everything it
 *   took or changed, as ar_store_delete() returned it
 *
 * One write, as #ArStore::written reports it.
 */
typedef struct
{
  ArRecord  *before;
  ArRecord  *after;
  GPtrArray *removed;
} ArStoreChange;

/**
 * ArStoreWriteFunc:
 *
 * Work done inside one transaction by ar_store_write(): return %FALSE with
 * @error set and everything it did is rolled back.
 */
typedef gboolean (*ArStoreWriteFunc) (ArStore   *store,
                                      gpointer   user_data,
                                      GError   **error);

ArStore    *ar_store_open               (const char        *path,
                                         GError           **error);
ArStore    *ar_store_open_read_only     (const char        *path,
                                         GError           **error);
ArStore    *ar_store_open_sample        (GError           **error);
gboolean    ar_store_is_read_only       (ArStore           *self);
const char *ar_store_get_path           (ArStore           *self);
gboolean    ar_store_is_empty           (ArStore           *self);

GListModel *ar_store_list               (ArStore           *self,
                                         GType              record_type,
                                         GError           **error);
GListModel *ar_store_list_where         (ArStore           *self,
                                         GType              record_type,
                                         const char        *link_field,
                                         gint64             id,
                                         GError           **error);
ArRecord   *ar_store_get                (ArStore           *self,
                                         GType              record_type,
                                         gint64             id,
                                         GError           **error);
ArRecord   *ar_store_find               (ArStore           *self,
                                         GType              record_type,
                                         const char        *field,
                                         const char        *value,
                                         GError           **error);
ArRecord   *ar_store_find_area          (ArStore           *store,
                                         const char        *area,
                                         GError           **error);
guint       ar_store_count              (ArStore           *self,
                                         GType              record_type);
char       *ar_store_describe           (ArStore           *self,
                                         GType              record_type,
                                         gint64             id);

gboolean    ar_store_save               (ArStore           *self,
                                         ArRecord          *record,
                                         GError           **error);
gboolean    ar_store_save_changed       (ArStore           *self,
                                         ArRecord          *record,
                                         ArRecord          *before,
                                         GError           **error);
GPtrArray  *ar_store_delete             (ArStore           *self,
                                         ArRecord          *record,
                                         GError           **error);
gboolean    ar_store_restore            (ArStore           *self,
                                         GPtrArray         *records,
                                         GError           **error);
gboolean    ar_store_check              (ArStore           *self,
                                         ArRecord          *record,
                                         GError           **error);
GPtrArray  *ar_store_list_problems      (ArStore           *self,
                                         ArRecord          *record);
gboolean    ar_store_write              (ArStore           *self,
                                         ArStoreWriteFunc   func,
                                         gpointer           user_data,
                                         GError           **error);
gboolean    ar_store_write_from         (ArStore           *self,
                                         const char        *source,
                                         const char * const *files,
                                         ArStoreWriteFunc   func,
                                         gpointer           user_data,
                                         GError           **error);
gboolean    ar_store_clear              (ArStore           *self,
                                         GError           **error);
gboolean    ar_store_save_copy          (ArStore           *self,
                                         const char        *path,
                                         GError           **error);

void        ar_store_change_free        (ArStoreChange     *change);
void        ar_store_emit_changed       (ArStore           *self,
                                         GType              record_type);

char       *ar_store_default_path       (void);

G_END_DECLS
