/* ar-record-list.c: a list model of records over an array
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-record-list"

#include "config.h"

#include "ar-record-list.h"

/* GListStore finds an item by position in O(log n); sort and filter models
 * above a list read it out of order, 50,000 items per keystroke. An array
 * answers in O(1). */
struct _ArRecordList
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ArRecordList, ar_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
ar_record_list_get_item_type (GListModel *model)
{
  return AR_RECORD_LIST (model)->item_type;
}

static guint
ar_record_list_get_n_items (GListModel *model)
{
  return AR_RECORD_LIST (model)->items->len;
}

static gpointer
ar_record_list_get_item (GListModel *model,
                         guint       position)
{
  ArRecordList *self = AR_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ar_record_list_get_item_type;
  iface->get_n_items = ar_record_list_get_n_items;
  iface->get_item = ar_record_list_get_item;
}

static void
ar_record_list_finalize (GObject *object)
{
  ArRecordList *self = AR_RECORD_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (ar_record_list_parent_class)->finalize (object);
}

static void
ar_record_list_class_init (ArRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ar_record_list_finalize;
}

static void
ar_record_list_init (ArRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

ArRecordList *
ar_record_list_new (GType item_type)
{
  ArRecordList *self;

  g_return_val_if_fail (g_type_is_a (item_type, AR_TYPE_RECORD), NULL);

  self = g_object_new (AR_TYPE_RECORD_LIST, NULL);
  self->item_type = item_type;

  return self;
}

/**
 * ar_record_list_replace_all:
 * @records: (element-type ArRecord) (transfer container): the new items;
 *   the list takes the array
 *
 * Replaces every item with one items-changed.
 */
void
ar_record_list_replace_all (ArRecordList *self,
                            GPtrArray    *records)
{
  guint removed;

  g_return_if_fail (AR_IS_RECORD_LIST (self));
  g_return_if_fail (records != NULL);

  removed = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = records;
  g_ptr_array_set_free_func (self->items, g_object_unref);

  if (removed > 0 || records->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, records->len);
}
