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

ArFieldRow *ar_field_row_new_link      (const char *title,
                                        GListModel *choices,
                                        gboolean    can_clear);
ArRecord   *ar_field_row_get_linked    (ArFieldRow *self);
gint64      ar_field_row_get_linked_id (ArFieldRow *self);
void        ar_field_row_set_linked_id (ArFieldRow *self,
                                        gint64      id);

G_END_DECLS
