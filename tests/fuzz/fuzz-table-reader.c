/* fuzz-table-reader.c: libFuzzer target for the spreadsheet reader
 *
 * Any bytes (CSV text, or a ZIP archive of OpenDocument or Office Open
 * XML) must give a sheet or a clean error naming the file: no crash, no
 * leak, no read outside the buffer, no cell that is not valid UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-store.h"
#include "ar-table-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArTableReader) reader = ar_table_reader_new_for_bytes (bytes, "fuzz", &error);
  guint n_columns;

  if (reader == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz"));
      return 0;
    }

  n_columns = ar_table_reader_get_n_columns (reader);
  g_assert_cmpuint (n_columns, <=, AR_TABLE_READER_MAX_COLUMNS);
  for (guint column = 0; column < n_columns; column++)
    g_assert_true (g_utf8_validate (ar_table_reader_get_header (reader, column), -1, NULL));

  for (guint row = 0; row < ar_table_reader_get_n_rows (reader); row++)
    for (guint column = 0; column < n_columns; column++)
      g_assert_true (g_utf8_validate (ar_table_reader_get_cell (reader, row, column), -1, NULL));

  return 0;
}
