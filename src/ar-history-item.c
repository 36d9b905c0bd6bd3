/* ar-history-item.c: one row of the History page, for its list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-history-item.h"

/* An entry (change is NULL) or one record change of it. The entries'
 * array is held so that both pointers stay valid as long as the row. */
struct _ArHistoryItem
{
  GObject         parent_instance;

  GPtrArray      *entries;
  ArChangeEntry  *entry;
  ArRecordChange *change;
};

G_DEFINE_FINAL_TYPE (ArHistoryItem, ar_history_item, G_TYPE_OBJECT)

static void
ar_history_item_finalize (GObject *object)
{
  ArHistoryItem *self = AR_HISTORY_ITEM (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (ar_history_item_parent_class)->finalize (object);
}

static void
ar_history_item_class_init (ArHistoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ar_history_item_finalize;
}

static void
ar_history_item_init (ArHistoryItem *self)
{
}

/**
 * ar_history_item_new:
 * @entries: (element-type ArChangeEntry): the array that owns @entry
 * @change: (nullable): one of @entry's changes, or %NULL for the entry
 */
ArHistoryItem *
ar_history_item_new (GPtrArray      *entries,
                     ArChangeEntry  *entry,
                     ArRecordChange *change)
{
  ArHistoryItem *self = g_object_new (AR_TYPE_HISTORY_ITEM, NULL);

  self->entries = g_ptr_array_ref (entries);
  self->entry = entry;
  self->change = change;

  return self;
}

/* One of @parent's entry's changes */
ArHistoryItem *
ar_history_item_new_change (ArHistoryItem  *parent,
                            ArRecordChange *change)
{
  g_return_val_if_fail (AR_IS_HISTORY_ITEM (parent), NULL);

  return ar_history_item_new (parent->entries, parent->entry, change);
}

ArChangeEntry *
ar_history_item_get_entry (ArHistoryItem *self)
{
  g_return_val_if_fail (AR_IS_HISTORY_ITEM (self), NULL);
  return self->entry;
}

/* Returns: (nullable): the record change, or %NULL for an entry's row */
ArRecordChange *
ar_history_item_get_change (ArHistoryItem *self)
{
  g_return_val_if_fail (AR_IS_HISTORY_ITEM (self), NULL);
  return self->change;
}
