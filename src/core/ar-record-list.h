/* ar-record-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_TYPE_RECORD_LIST (ar_record_list_get_type ())

G_DECLARE_FINAL_TYPE (ArRecordList, ar_record_list, AR, RECORD_LIST, GObject)

ArRecordList *ar_record_list_new         (GType         item_type);
void          ar_record_list_replace_all (ArRecordList *self,
                                          GPtrArray    *records);

G_END_DECLS
