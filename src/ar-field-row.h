/* ar-field-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"

G_BEGIN_DECLS

#define AR_TYPE_FIELD_ROW (ar_field_row_get_type ())

G_DECLARE_FINAL_TYPE (ArFieldRow, ar_field_row, AR, FIELD_ROW, AdwActionRow)

/* Object data on a choice: the name to show for it when the record alone
 * cannot say (a designation names its role; people look for its holder). */
#define AR_FIELD_ROW_NAME_KEY "ar-field-row-name"

char       *ar_field_row_describe      (ArRecord   *record);

ArFieldRow *ar_field_row_new_link      (const char *title,
                                        GListModel *choices,
                                        gboolean    can_clear);
ArRecord   *ar_field_row_get_linked    (ArFieldRow *self);
gint64      ar_field_row_get_linked_id (ArFieldRow *self);
void        ar_field_row_set_linked_id (ArFieldRow *self,
                                        gint64      id);

G_END_DECLS
