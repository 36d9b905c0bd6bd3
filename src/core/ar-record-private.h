/* ar-record-private.h: for the store's loader and writer, and the JSON reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record.h"

G_BEGIN_DECLS

void ar_record_load_text    (ArRecord   *self,
                             guint       index,
                             const char *text);
void ar_record_load_trimmed (ArRecord   *self,
                             guint       index,
                             const char *text);
void ar_record_load_integer (ArRecord   *self,
                             guint       index,
                             gint64      value);
void ar_record_reset        (ArRecord   *self);

const GValue *ar_record_peek_values (ArRecord *self);

G_END_DECLS
