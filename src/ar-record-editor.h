/* ar-record-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"

G_BEGIN_DECLS

#define AR_TYPE_RECORD_EDITOR (ar_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (ArRecordEditor, ar_record_editor, AR, RECORD_EDITOR, AdwBin)

GtkWidget *ar_record_editor_new       (void);
ArStore   *ar_record_editor_get_store (ArRecordEditor *self);
void       ar_record_editor_set_store (ArRecordEditor *self,
                                  ArStore  *store);

G_END_DECLS
