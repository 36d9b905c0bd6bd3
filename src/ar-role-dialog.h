/* ar-role-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"

G_BEGIN_DECLS

#define AR_TYPE_ROLE_DIALOG (ar_role_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ArRoleDialog, ar_role_dialog, AR, ROLE_DIALOG, AdwWindow)

ArRoleDialog *ar_role_dialog_new          (GtkWindow     *parent,
                                           ArStore       *store,
                                           ArRecord      *role);
gboolean      ar_role_dialog_get_dirty    (ArRoleDialog  *self);
void          ar_role_dialog_set_text     (ArRoleDialog  *self,
                                           const char    *title,
                                           const char    *key_functions);
gboolean      ar_role_dialog_save         (ArRoleDialog  *self);

G_END_DECLS
