/* test-table-reader.c: spreadsheets as LibreOffice writes them
 *
 * tests/data/tables/leaders.fods is the source: LibreOffice turned it into
 * leaders.ods, leaders.xlsx and leaders-semicolons.csv, so all three hold
 * the same sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-table-reader.h"
#include "ar-test-util.h"
#include "ar-zip-reader.h"

static GBytes *
load (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("AR_TEST_DATA"), "tables", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static ArTableReader *
read_bytes (GBytes      *bytes,
            GError     **error)
{
  return ar_table_reader_new_for_bytes (bytes, "leaders", error);
}

static void
test_formats (gconstpointer data)
{
  const char *name = data;
  gboolean is_csv = g_str_has_suffix (name, ".csv");
  g_autoptr(GBytes) bytes = load (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArTableReader) reader = read_bytes (bytes, &error);
  static const char *header[] = { "Name", "URN", "Role", "Designated", "Email", "Days" };

  g_assert_no_error (error);
  g_assert_cmpuint (ar_table_reader_get_format (reader), ==,
                    is_csv ? AR_TABLE_FORMAT_CSV
                    : g_str_has_suffix (name, ".ods") ? AR_TABLE_FORMAT_ODS : AR_TABLE_FORMAT_XLSX);
  g_assert_cmpstr (ar_table_reader_get_sheet_name (reader), ==, is_csv ? NULL : "Leaders");

  g_assert_cmpuint (ar_table_reader_get_n_columns (reader), ==, G_N_ELEMENTS (header));
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    g_assert_cmpstr (ar_table_reader_get_header (reader, i), ==, header[i]);
  g_assert_cmpstr (ar_table_reader_get_header (reader, 99), ==, "");

  /* the two blank rows between are skipped; the million empty rows
   * LibreOffice writes after the last are never spelled out */
  g_assert_cmpuint (ar_table_reader_get_n_rows (reader), ==, 2);
  g_assert_cmpuint (ar_table_reader_get_line (reader, 0), ==, 2);
  g_assert_cmpuint (ar_table_reader_get_line (reader, 1), ==, 5);

  /* the comment on the name is not its text */
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 0), ==, "Siân O’Brien");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 1), ==, "120001");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 2), ==, "NLE");
  /* date cells are dates; CSV has only the text that was shown */
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 3), ==, is_csv ? "01/09/2024" : "2024-09-01");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 4), ==, "sian@example.org");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 5), ==, "2.5");

  g_assert_cmpstr (ar_table_reader_get_cell (reader, 1, 0), ==, "Raj   Patel\n(deputy)");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 1, 3), ==, is_csv ? "15/01/2023" : "2023-01-15");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 1, 4), ==, "");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 1, 5), ==, "3");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 1, 200), ==, "");
}

static void
assert_refused (GBytes     *bytes,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArTableReader) reader = read_bytes (bytes, &error);

  g_assert_null (reader);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "leaders"));
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

static GBytes *
changed_copy (GBytes *bytes,
              gsize   keep,
              void  (*change) (guint8 *data, gsize size))
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint8 *copy = g_memdup2 (data, size);

  if (change != NULL)
    change (copy, size);
  return g_bytes_new_take (copy, MIN (keep, size));
}

/* A byte of the workbook's deflated data, flipped: it no longer
 * inflates, or its CRC fails. */
static void
damage_workbook (guint8 *data,
                 gsize   size)
{
  const char *name = "xl/workbook.xml";

  for (gsize at = 0; at + 30 < size; at++)
    if (memcmp (data + at, "PK\003\004", 4) == 0 && memcmp (data + at + 30, name, strlen (name)) == 0)
      {
        gsize start = at + 30 + (data[at + 26] | data[at + 27] << 8) + (data[at + 28] | data[at + 29] << 8);

        data[start + 10] ^= 0x55;
        return;
      }
  g_assert_not_reached ();
}

/* Each central directory entry claims to unpack to 4 GiB. */
static void
claim_huge_sizes (guint8 *data,
                  gsize   size)
{
  for (gsize at = 0; at + 46 < size; at++)
    if (memcmp (data + at, "PK\001\002", 4) == 0)
      memset (data + at + 24, 0xf0, 4);
}

static void
test_damaged (void)
{
  g_autoptr(GBytes) xlsx = load ("leaders.xlsx");
  g_autoptr(GBytes) truncated = changed_copy (xlsx, g_bytes_get_size (xlsx) / 2, NULL);
  g_autoptr(GBytes) damaged = changed_copy (xlsx, G_MAXSIZE, damage_workbook);
  g_autoptr(GBytes) huge = changed_copy (xlsx, G_MAXSIZE, claim_huge_sizes);
  g_autoptr(GBytes) not_sheet = load ("not-a-sheet.zip");
  g_autoptr(GBytes) odt = load ("text-document.odt");
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) blank = g_bytes_new_static ("\n\n;;;\n", 6);
  g_autoptr(GBytes) binary = g_bytes_new_static ("\x00\x01\x02", 3);

  assert_refused (truncated, "not a ZIP archive");
  assert_refused (damaged, "is damaged");
  assert_refused (huge, "too large");
  assert_refused (not_sheet, "not a spreadsheet");
  assert_refused (odt, "not a spreadsheet");
  assert_refused (empty, "empty");
  assert_refused (blank, "holds no rows");
  assert_refused (binary, "binary");
}

/* A row with text past the 256th column is refused, not cut short; an
 * XML sheet that is not well-formed names its part and line. */
static void
test_hostile_sheets (void)
{
  g_autoptr(GString) wide = g_string_new ("Name");
  g_autoptr(GBytes) wide_bytes = NULL;
  g_autoptr(GBytes) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArTableReader) reader = NULL;
  GString *many;

  for (guint i = 0; i < AR_TABLE_READER_MAX_COLUMNS; i++)
    g_string_append (wide, ",x");
  g_string_append_c (wide, '\n');
  wide_bytes = g_bytes_new (wide->str, wide->len);
  assert_refused (wide_bytes, "more than 256 columns");

  many = g_string_new ("Name\n");
  for (guint i = 0; i <= AR_TABLE_READER_MAX_ROWS; i++)
    g_string_append (many, "x\n");
  lines = g_bytes_new_take (many->str, many->len);
  g_string_free (many, FALSE);
  assert_refused (lines, "more than 100000 rows");

  /* control characters and invalid UTF-8 never reach a cell */
  {
    g_autoptr(GBytes) controls = g_bytes_new_static ("Name\n\"a\x0b" "b\x7f" "c\"\n", 13);

    reader = read_bytes (controls, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 0), ==, "abc");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/ar/table-reader/ods", "leaders.ods", test_formats);
  g_test_add_data_func ("/ar/table-reader/xlsx", "leaders.xlsx", test_formats);
  g_test_add_data_func ("/ar/table-reader/csv-semicolons", "leaders-semicolons.csv", test_formats);
  g_test_add_func ("/ar/table-reader/damaged", test_damaged);
  g_test_add_func ("/ar/table-reader/hostile-sheets", test_hostile_sheets);

  return g_test_run ();
}
