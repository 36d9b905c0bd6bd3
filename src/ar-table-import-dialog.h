/* ar-table-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"
#include "ar-table-import.h"

G_BEGIN_DECLS

#define AR_TYPE_TABLE_IMPORT_DIALOG (ar_table_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ArTableImportDialog, ar_table_import_dialog, AR, TABLE_IMPORT_DIALOG, AdwWindow)

ArTableImportDialog *ar_table_import_dialog_new              (GtkWindow           *parent,
                                                              ArStore             *store);
void                 ar_table_import_dialog_present          (GtkWindow           *parent,
                                                              ArStore             *store);
gboolean             ar_table_import_dialog_open_file        (ArTableImportDialog *self,
                                                              GFile               *file);
const char          *ar_table_import_dialog_get_stage        (ArTableImportDialog *self);
AdwComboRow         *ar_table_import_dialog_get_kind_row     (ArTableImportDialog *self);
guint                ar_table_import_dialog_get_n_columns    (ArTableImportDialog *self);
AdwComboRow         *ar_table_import_dialog_get_column_row   (ArTableImportDialog *self,
                                                              guint                column);
const char          *ar_table_import_dialog_get_summary      (ArTableImportDialog *self);
guint                ar_table_import_dialog_get_n_plan_rows  (ArTableImportDialog *self);
AdwActionRow        *ar_table_import_dialog_get_plan_row     (ArTableImportDialog *self,
                                                              guint                row);
const char          *ar_table_import_dialog_get_result_title (ArTableImportDialog *self);
char                *ar_table_import_dialog_dup_report       (ArTableImportDialog *self);

G_END_DECLS
