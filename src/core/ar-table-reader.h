/* ar-table-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A spreadsheet larger than this is not a register's list of people */
#define AR_TABLE_READER_MAX_ROWS    100000
#define AR_TABLE_READER_MAX_COLUMNS 256

typedef enum
{
  AR_TABLE_FORMAT_CSV,
  AR_TABLE_FORMAT_ODS,
  AR_TABLE_FORMAT_XLSX,
} ArTableFormat;

#define AR_TYPE_TABLE_READER (ar_table_reader_get_type ())

G_DECLARE_FINAL_TYPE (ArTableReader, ar_table_reader, AR, TABLE_READER, GObject)

ArTableReader *ar_table_reader_new_for_bytes  (GBytes         *bytes,
                                               const char     *source_name,
                                               GError        **error);
ArTableReader *ar_table_reader_new_for_file   (GFile          *file,
                                               GCancellable   *cancellable,
                                               GError        **error);
const char    *ar_table_reader_get_source_name (ArTableReader *self);
ArTableFormat  ar_table_reader_get_format     (ArTableReader  *self);
const char    *ar_table_reader_get_sheet_name (ArTableReader  *self);
guint          ar_table_reader_get_n_columns  (ArTableReader  *self);
const char    *ar_table_reader_get_header     (ArTableReader  *self,
                                               guint           column);
guint          ar_table_reader_get_n_rows     (ArTableReader  *self);
const char    *ar_table_reader_get_cell       (ArTableReader  *self,
                                               guint           row,
                                               guint           column);
char          *ar_xlsx_decode_escapes        (const char     *text,
                                              gsize           length);
guint          ar_table_reader_get_line       (ArTableReader  *self,
                                               guint           row);

G_END_DECLS
