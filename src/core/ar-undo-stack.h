/* ar-undo-stack.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-store.h"

G_BEGIN_DECLS

#define AR_TYPE_UNDO_STACK (ar_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (ArUndoStack, ar_undo_stack, AR, UNDO_STACK, GObject)

ArUndoStack *ar_undo_stack_new               (ArStore      *store);
ArStore     *ar_undo_stack_get_store         (ArUndoStack  *self);
gboolean     ar_undo_stack_get_can_undo      (ArUndoStack  *self);
gboolean     ar_undo_stack_get_can_redo      (ArUndoStack  *self);
guint        ar_undo_stack_get_n_undo        (ArUndoStack  *self);
GPtrArray   *ar_undo_stack_peek_removed      (ArUndoStack  *self);
gboolean     ar_undo_stack_undo              (ArUndoStack  *self,
                                              ArRecord    **subject,
                                              char        **description,
                                              GError      **error);
gboolean     ar_undo_stack_redo              (ArUndoStack  *self,
                                              ArRecord    **subject,
                                              char        **description,
                                              GError      **error);
void         ar_undo_stack_clear             (ArUndoStack  *self);

G_END_DECLS
