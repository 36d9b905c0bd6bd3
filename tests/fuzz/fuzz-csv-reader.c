/* fuzz-csv-reader.c: libFuzzer target for the CSV reader
 *
 * Any bytes must give records or a clean error: no crash, no leak, no read
 * outside the buffer. And the records must not depend on how the bytes
 * were cut into reads: a reader with a buffer of a few bytes, reading
 * ahead in a thread of its own, gives what one with the default buffer
 * gives reading in this thread.
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
  g_autoptr(GError) small_error = NULL;
  g_autoptr(ArCsvReader) reader = ar_csv_reader_new (bytes, "fuzz.csv", &error);
  g_autoptr(ArCsvReader) small = ar_csv_reader_new_full (NULL, bytes, "fuzz.csv", 4 + size % 29, NULL, &small_error);
  guint records = 0;

  g_assert ((reader == NULL) == (small == NULL));
  if (reader == NULL)
    {
      g_assert_cmpstr (error->message, ==, small_error->message);
      return 0;
    }

  ar_csv_reader_set_read_ahead (small);
  g_assert_cmpuint (ar_csv_reader_get_n_columns (reader), ==, ar_csv_reader_get_n_columns (small));
  g_assert_true (ar_csv_reader_get_was_windows_1252 (reader) == ar_csv_reader_get_was_windows_1252 (small));
  for (int c = 0; c < (int) ar_csv_reader_get_n_columns (reader); c++)
    {
      const char *name = ar_csv_reader_get_column_name (reader, c);

      g_assert_cmpstr (name, ==, ar_csv_reader_get_column_name (small, c));
      ar_csv_reader_find_column (reader, name);
    }

  for (;;)
    {
      gboolean more = ar_csv_reader_next (reader, &error);

      g_assert_true (more == ar_csv_reader_next (small, &small_error));
      if (!more || records++ >= 100000)
        break;

      g_assert_cmpuint (ar_csv_reader_get_line (reader), ==, ar_csv_reader_get_line (small));
      g_assert_cmpuint (ar_csv_reader_get_n_fields (reader), ==, ar_csv_reader_get_n_fields (small));
      for (guint c = 0; c <= ar_csv_reader_get_n_fields (reader); c++)
        {
          const char *field = ar_csv_reader_get (reader, c);

          /* every field the reader gives out is UTF-8 */
          g_assert (g_utf8_validate (field, -1, NULL));
          g_assert_cmpstr (field, ==, ar_csv_reader_get (small, c));
        }
    }

  g_assert_cmpstr (error ? error->message : NULL, ==, small_error ? small_error->message : NULL);

  return 0;
}
