/* fuzz-csv-reader.c: libFuzzer target for the CSV reader
 *
 * Any bytes must give records or a clean error: no crash, no leak, no read
 * outside the buffer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArCsvReader) reader = ar_csv_reader_new (bytes, "fuzz.csv", &error);
  guint records = 0;

  if (reader == NULL)
    return 0;

  for (int c = 0; c < (int) ar_csv_reader_get_n_columns (reader); c++)
    ar_csv_reader_find_column (reader, ar_csv_reader_get_column_name (reader, c));

  while (ar_csv_reader_next (reader, &error) && records++ < 100000)
    {
      for (guint c = 0; c <= ar_csv_reader_get_n_fields (reader); c++)
        {
          const char *field = ar_csv_reader_get (reader, c);

          /* every field the reader gives out is UTF-8 */
          g_assert (g_utf8_validate (field, -1, NULL));
        }
    }

  return 0;
}
