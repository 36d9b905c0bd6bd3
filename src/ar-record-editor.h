/* ar-record-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"

G_BEGIN_DECLS

#define AR_TYPE_RECORD_EDITOR (ar_record_editor_get_type ())

typedef void (*ArRecordEditorLeaveFunc) (gpointer user_data);

G_DECLARE_FINAL_TYPE (ArRecordEditor, ar_record_editor, AR, RECORD_EDITOR, AdwBin)

GtkWidget  *ar_record_editor_new          (void);
ArStore    *ar_record_editor_get_store    (ArRecordEditor  *self);
void        ar_record_editor_set_store    (ArRecordEditor  *self,
                                           ArStore         *store);
ArRecord   *ar_record_editor_get_record   (ArRecordEditor  *self);
void        ar_record_editor_set_record   (ArRecordEditor  *self,
                                           ArRecord        *record);
gboolean    ar_record_editor_get_dirty    (ArRecordEditor  *self);
gboolean    ar_record_editor_get_valid    (ArRecordEditor  *self);
const char *ar_record_editor_get_problem  (ArRecordEditor  *self);
gboolean    ar_record_editor_save         (ArRecordEditor  *self,
                                           GError         **error);
void        ar_record_editor_discard      (ArRecordEditor  *self);
void        ar_record_editor_set_field    (ArRecordEditor  *self,
                                           const char      *field,
                                           const char      *text);
gboolean    ar_record_editor_leave        (ArRecordEditor  *self,
                                           gboolean         ask_once,
                                           ArRecordEditorLeaveFunc then,
                                           gpointer         then_data,
                                           GDestroyNotify   then_destroy);
void        ar_record_editor_focus_problem (ArRecordEditor *self);
const char *ar_record_editor_get_field_problem (ArRecordEditor *self,
                                                const char     *field);
const char *ar_record_editor_get_field_warning (ArRecordEditor *self,
                                                const char     *field);
GtkWidget  *ar_record_editor_get_field_row (ArRecordEditor *self,
                                            const char     *field);


G_END_DECLS
