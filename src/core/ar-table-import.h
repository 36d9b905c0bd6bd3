/* ar-table-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-store.h"
#include "ar-table-reader.h"

G_BEGIN_DECLS

typedef enum
{
  AR_TABLE_KIND_PEOPLE,
  AR_TABLE_KIND_ALLIANCES,
  AR_TABLE_KIND_SCHOOLS,
} ArTableKind;

typedef enum
{
  AR_TABLE_ROW_ADD,
  AR_TABLE_ROW_UPDATE,
  AR_TABLE_ROW_UNCHANGED,
  AR_TABLE_ROW_REFUSE,
} ArTableRowAction;

typedef struct
{
  const char  *id;        /* "email" */
  const char  *label;     /* translatable: "Email" */
  const char **headers;   /* headers it is guessed from, normalised */
} ArTableField;

#define AR_TYPE_TABLE_IMPORT (ar_table_import_get_type ())

G_DECLARE_FINAL_TYPE (ArTableImport, ar_table_import, AR, TABLE_IMPORT, GObject)

const ArTableField *ar_table_fields                     (ArTableKind      kind,
                                                         guint           *n_fields);
gboolean            ar_table_kind_from_name             (const char      *name,
                                                         ArTableKind     *kind);
const char         *ar_table_kind_to_name               (ArTableKind      kind);

ArTableImport      *ar_table_import_new                 (ArStore         *store,
                                                         ArTableReader   *reader,
                                                         ArTableKind      kind);
guint               ar_table_import_get_n_columns       (ArTableImport   *self);
const char         *ar_table_import_get_column_field    (ArTableImport   *self,
                                                         guint            column);
gboolean            ar_table_import_set_column_field    (ArTableImport   *self,
                                                         guint            column,
                                                         const char      *field_id);
gboolean            ar_table_import_map_header          (ArTableImport   *self,
                                                         const char      *header,
                                                         const char      *field_id,
                                                         GError         **error);
gboolean            ar_table_import_plan                (ArTableImport   *self,
                                                         GError         **error);
void                ar_table_import_plan_async          (ArTableImport   *self,
                                                         GCancellable    *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer         user_data);
gboolean            ar_table_import_plan_finish         (ArTableImport   *self,
                                                         GAsyncResult    *result,
                                                         GError         **error);
guint               ar_table_import_get_n_rows          (ArTableImport   *self);
ArTableRowAction    ar_table_import_get_row_action      (ArTableImport   *self,
                                                         guint            row);
const char         *ar_table_import_get_row_message     (ArTableImport   *self,
                                                         guint            row);
guint               ar_table_import_count               (ArTableImport   *self,
                                                         ArTableRowAction action);
gboolean            ar_table_import_commit              (ArTableImport   *self,
                                                         GError         **error);
char               *ar_table_import_to_text             (ArTableImport   *self);
char               *ar_table_import_dup_headers_key     (ArTableImport   *self);

G_END_DECLS
