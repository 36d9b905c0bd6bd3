/* test-xlsx-escapes.c: the _xHHHH_ escapes of Office Open XML strings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-table-reader.h"

static void
test_decode (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "plain text", "plain text" },
    { "bell_x0007_", "bell\a" },
    { "tab_x0009_and line_x000A_", "tab\tand line\n" },
    { "_x005F_x0041_", "_x0041_" },            /* an escaped underscore keeps a literal _x */
    { "_x005f_x005F_", "_x005F_" },            /* hex in either case, decoded once */
    { "_x0041__x0042_", "AB" },
    { "_x00E9_t_x00e9_", "été" },
    { "_xD83D__xDE00_", "😀" },                /* a surrogate pair is one character */
    { "_xD83D_ alone", "\xef\xbf\xbd alone" },  /* a lone surrogate is U+FFFD */
    { "_xDE00_", "\xef\xbf\xbd" },
    { "a_x0000_b", "ab" },
    { "snake_case_x_y", "snake_case_x_y" },      /* not escapes: left as they are */
    { "_x12_ _x00G1_ _x0041", "_x12_ _x00G1_ _x0041" },
    { "_X0041_", "_X0041_" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = ar_xlsx_decode_escapes (cases[i].in, strlen (cases[i].in));

      g_assert_cmpstr (out, ==, cases[i].out);
    }

  /* only @length bytes are read: an escape cut off is not one */
  {
    g_autofree char *cut = ar_xlsx_decode_escapes ("ab_x0041_", 8);

    g_assert_cmpstr (cut, ==, "ab_x0041");
  }
}

/* LibreOffice writes a cell holding "_x0041_" as "_x005F_x0041_" */
static void
test_libreoffice_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("AR_TEST_DATA"), "tables", "escapes.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArTableReader) reader = ar_table_reader_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ar_table_reader_get_n_rows (reader), ==, 1);
  g_assert_cmpstr (ar_table_reader_get_header (reader, 1), ==, "Notes");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 1), ==, "code _x0041_ here");
}

/* The fuzz corpus's seed with every kind of escape: control characters
 * dropped as in any cell, the rest decoded */
static void
test_seed (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("AR_TEST_DATA"), "..", "fuzz", "corpus", "table-reader",
                                            "ef237ef81a5358dd0421b9d5323481b3f50b2754", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArTableReader) reader = ar_table_reader_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 1), ==,
                   "code _x0041_ here 😀 \xef\xbf\xbd  é _x12_");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/xlsx-escapes/decode", test_decode);
  g_test_add_func ("/ar/xlsx-escapes/libreoffice-file", test_libreoffice_file);
  g_test_add_func ("/ar/xlsx-escapes/seed", test_seed);

  return g_test_run ();
}
