/* ar-gias-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"

G_BEGIN_DECLS

#define AR_TYPE_GIAS_IMPORT_DIALOG (ar_gias_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ArGiasImportDialog, ar_gias_import_dialog, AR, GIAS_IMPORT_DIALOG, AdwWindow)

void ar_gias_import_dialog_present (GtkWindow          *parent,
                                    ArStore            *store);
void ar_gias_import_dialog_start   (ArGiasImportDialog *self,
                                    const char * const *paths);
void ar_gias_import_dialog_cancel  (ArGiasImportDialog *self);
void ar_gias_import_dialog_set_areas (ArGiasImportDialog *self,
                                      const char         *codes);
const char *ar_gias_import_dialog_get_stage  (ArGiasImportDialog *self);
char       *ar_gias_import_dialog_dup_report (ArGiasImportDialog *self);
const char *ar_gias_import_dialog_get_result_title (ArGiasImportDialog *self);
ArGiasImportDialog *ar_gias_import_dialog_new (GtkWindow *parent,
                                               ArStore   *store);

G_END_DECLS
