/* ar-history-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-core.h"

G_BEGIN_DECLS

#define AR_TYPE_HISTORY_ITEM (ar_history_item_get_type ())

G_DECLARE_FINAL_TYPE (ArHistoryItem, ar_history_item, AR, HISTORY_ITEM, GObject)

ArHistoryItem  *ar_history_item_new        (GPtrArray      *entries,
                                            ArChangeEntry  *entry,
                                            ArRecordChange *change);
ArHistoryItem  *ar_history_item_new_change (ArHistoryItem  *parent,
                                            ArRecordChange *change);
ArChangeEntry  *ar_history_item_get_entry  (ArHistoryItem  *self);
ArRecordChange *ar_history_item_get_change (ArHistoryItem  *self);

G_END_DECLS
