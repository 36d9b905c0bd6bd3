/* test-cli-xlsx.c: lists and reports as .xlsx, end to end
 *
 * The files the command line writes are opened again with our own
 * spreadsheet reader (ArTableReader) for their cells, and their parts are
 * looked at for what a reader does not report: which cells are dates and
 * numbers, the bold header and the frozen panes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar-table-reader.h"
#include "ar-test-util.h"
#include "ar-zip-reader.h"

typedef struct
{
  char *directory;
  char *database;   /* the sample register */
} Fixture;

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->directory, name, NULL);
}

static void
run_ok (const char *format,
        ...)
{
  va_list args;
  g_autofree char *command_line = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  va_start (args, format);
  command_line = g_strdup_vprintf (format, args);
  va_end (args);

  out = ar_test_run (command_line, &status, &err);
  if (status != 0)
    g_error ("%s: exit %d: %s", command_line, status, err);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->directory = ar_test_make_dir ();
  fixture->database = ar_test_register_fixture (fixture->directory, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ar_test_remove_dir (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->database);
}

static ArTableReader *
read_table (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ArTableReader *reader = ar_table_reader_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  return reader;
}

/* One part of the workbook, as text. */
static char *
part_of (const char *path,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) part = NULL;
  g_autoptr(ArZipReader) zip = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, length);
  zip = ar_zip_reader_new (bytes, path, &error);
  g_assert_no_error (error);
  part = ar_zip_reader_extract (zip, name, 16 * 1024 * 1024, &error);
  g_assert_no_error (error);

  return g_strndup (g_bytes_get_data (part, NULL), g_bytes_get_size (part));
}

/* The nth element @tag (from 0) inside the element @parent. */
static char *
nth_element (const char *xml,
             const char *parent,
             const char *tag,
             guint       n)
{
  g_autofree char *open = g_strdup_printf ("<%s", parent);
  g_autofree char *close = g_strdup_printf ("</%s>", parent);
  g_autofree char *pattern = g_strdup_printf ("<%s[ >/].*?(/>|</%s>)", tag, tag);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  const char *start = strstr (xml, open);
  const char *end = start ? strstr (start, close) : NULL;
  g_autofree char *inside = NULL;

  g_assert_nonnull (end);
  inside = g_strndup (start + strlen (open), end - start - strlen (open));
  g_regex_match (regex, inside, 0, &match);
  for (guint i = 0; i < n && g_match_info_matches (match); i++)
    g_match_info_next (match, NULL);
  g_assert_true (g_match_info_matches (match));

  return g_match_info_fetch (match, 0);
}

static char *
attribute_of (const char *element,
              const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("\\s%s=\"([^\"]*)\"", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, element, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

/* The <c> element of a cell, such as "E2", of the first sheet. */
static char *
cell_element (const char *path,
              const char *ref)
{
  g_autofree char *sheet = part_of (path, "xl/worksheets/sheet1.xml");
  g_autofree char *pattern = g_strdup_printf ("<c r=\"%s\"[ >/].*?(/>|</c>)", ref);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, sheet, 0, &match))
    g_error ("no cell %s in %s", ref, path);
  return g_match_info_fetch (match, 0);
}

/* The cell's style (its cellXfs entry) */
static char *
cell_style (const char *path,
            const char *ref)
{
  g_autofree char *cell = cell_element (path, ref);
  g_autofree char *styles = part_of (path, "xl/styles.xml");
  g_autofree char *index = attribute_of (cell, "s");

  return nth_element (styles, "cellXfs", "xf", index ? atoi (index) : 0);
}

/* A number, not a string: no t= attribute, a value */
static gboolean
cell_is_number (const char *path,
                const char *ref)
{
  g_autofree char *cell = cell_element (path, ref);
  g_autofree char *type = attribute_of (cell, "t");

  return type == NULL && strstr (cell, "<v>") != NULL;
}

static gboolean
cell_is_date (const char *path,
              const char *ref)
{
  g_autofree char *xf = cell_style (path, ref);
  g_autofree char *styles = part_of (path, "xl/styles.xml");
  g_autofree char *format_id = attribute_of (xf, "numFmtId");
  g_autofree char *expected = g_strdup_printf ("<numFmt numFmtId=\"%s\" formatCode=\"yyyy-mm-dd\"/>", format_id);

  return cell_is_number (path, ref) && strstr (styles, expected) != NULL;
}

static gboolean
cell_is_bold (const char *path,
              const char *ref)
{
  g_autofree char *xf = cell_style (path, ref);
  g_autofree char *styles = part_of (path, "xl/styles.xml");
  g_autofree char *font_id = attribute_of (xf, "fontId");
  g_autofree char *font = nth_element (styles, "fonts", "font", atoi (font_id));

  return strstr (font, "<b/>") != NULL;
}

/* The panes are frozen below row @row */
static void
assert_frozen_below (const char *path,
                     guint       row)
{
  g_autofree char *sheet = part_of (path, "xl/worksheets/sheet1.xml");
  g_autofree char *pane = g_strdup_printf ("<pane ySplit=\"%u\" topLeftCell=\"A%u\" activePane=\"bottomLeft\" "
                                           "state=\"frozen\"/>", row, row + 1);

  g_assert_nonnull (strstr (sheet, pane));
}

/* Width set for column @column (from 1) */
static double
column_width (const char *path,
              guint       column)
{
  g_autofree char *sheet = part_of (path, "xl/worksheets/sheet1.xml");
  g_autofree char *pattern = g_strdup_printf ("<col min=\"%u\" max=\"%u\" width=\"([0-9.]+)\"", column, column);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *width = NULL;

  if (!g_regex_match (regex, sheet, 0, &match))
    return 0;
  width = g_match_info_fetch (match, 1);
  return g_ascii_strtod (width, NULL);
}

/* The row whose first cell is @text, or -1 */
static int
find_row (ArTableReader *reader,
          const char    *text)
{
  for (guint r = 0; r < ar_table_reader_get_n_rows (reader); r++)
    if (g_strcmp0 (ar_table_reader_get_cell (reader, r, 0), text) == 0)
      return r;
  return -1;
}

static const char *
cell_or_empty (ArTableReader *reader,
               guint          row,
               guint          column)
{
  const char *cell = ar_table_reader_get_cell (reader, row, column);

  return cell ? cell : "";
}

/* Every list, as xlsx and as CSV, reads back to the same header and rows. */
static void
test_list_reads_back_as_csv (Fixture       *fixture,
                             gconstpointer  data)
{
  guint n_sections;
  const ArSection *sections = ar_sections (&n_sections);

  for (guint s = 0; s < n_sections; s++)
    {
      g_autofree char *xlsx = path_in (fixture, "list.xlsx");
      g_autofree char *csv = path_in (fixture, "list.csv");
      g_autoptr(ArTableReader) from_xlsx = NULL;
      g_autoptr(ArTableReader) from_csv = NULL;

      run_ok ("list %s --database '%s' --format xlsx --output '%s'", sections[s].name, fixture->database, xlsx);
      run_ok ("list %s --database '%s' --format csv --output '%s'", sections[s].name, fixture->database, csv);
      from_xlsx = read_table (xlsx);
      from_csv = read_table (csv);

      g_assert_cmpint (ar_table_reader_get_format (from_xlsx), ==, AR_TABLE_FORMAT_XLSX);
      g_assert_cmpstr (ar_table_reader_get_sheet_name (from_xlsx), ==, sections[s].title);
      g_assert_cmpuint (ar_table_reader_get_n_columns (from_xlsx), ==, ar_table_reader_get_n_columns (from_csv));
      g_assert_cmpuint (ar_table_reader_get_n_rows (from_xlsx), ==, ar_table_reader_get_n_rows (from_csv));
      g_assert_cmpuint (ar_table_reader_get_n_rows (from_xlsx), >, 0);
      for (guint c = 0; c < ar_table_reader_get_n_columns (from_csv); c++)
        g_assert_cmpstr (ar_table_reader_get_header (from_xlsx, c), ==, ar_table_reader_get_header (from_csv, c));
      for (guint r = 0; r < ar_table_reader_get_n_rows (from_csv); r++)
        for (guint c = 0; c < ar_table_reader_get_n_columns (from_csv); c++)
          g_assert_cmpstr (cell_or_empty (from_xlsx, r, c), ==, cell_or_empty (from_csv, r, c));

      /* the header is bold and stays in view */
      g_assert_true (cell_is_bold (xlsx, "A1"));
      g_assert_false (cell_is_bold (xlsx, "A2"));
      assert_frozen_below (xlsx, 1);
    }
}

/* Dates are date cells, counts are numbers, columns fit */
static void
test_list_types (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *deployments = path_in (fixture, "deployments.xlsx");
  g_autofree char *alliances = path_in (fixture, "alliances.xlsx");
  g_autoptr(ArTableReader) reader = NULL;

  run_ok ("list deployments --database '%s' --format xlsx --output '%s'", fixture->database, deployments);
  reader = read_table (deployments);
  /* Starts and Ends (E, F) */
  g_assert_cmpstr (ar_table_reader_get_header (reader, 4), ==, "Starts");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 4), ==, "2024-09-02");
  g_assert_true (cell_is_date (deployments, "E2"));
  g_assert_true (cell_is_date (deployments, "F2"));
  /* names and "18 / 20" stay text */
  g_assert_false (cell_is_number (deployments, "A2"));
  g_assert_false (cell_is_number (deployments, "G2"));
  g_assert_false (cell_is_date (deployments, "A2"));
  /* the widest school name, not the default 8.43, nor past the limit */
  g_assert_cmpfloat (column_width (deployments, 1), >=, strlen ("Aylestone Meadows Community Primary School"));
  g_assert_cmpfloat (column_width (deployments, 1), <=, 63);
  g_assert_cmpfloat (column_width (deployments, 5), >=, 10);
  g_assert_cmpfloat (column_width (deployments, 5), <, 16);

  g_clear_object (&reader);
  run_ok ("list alliances --database '%s' --format xlsx --output '%s'", fixture->database, alliances);
  reader = read_table (alliances);
  g_assert_cmpstr (ar_table_reader_get_header (reader, 4), ==, "Members");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 4), ==, "6");
  g_assert_true (cell_is_number (alliances, "E2"));
  g_assert_false (cell_is_date (alliances, "E2"));
  g_assert_true (cell_is_date (alliances, "C2"));
}

/* The summary: title, the as-at date as a date, the table under a frozen
 * bold header, plain counts as numbers and figures in words as text. */
static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *xlsx = path_in (fixture, "summary.xlsx");
  g_autofree char *csv = path_in (fixture, "summary.csv");
  g_autoptr(ArTableReader) reader = NULL;
  g_autoptr(ArTableReader) from_csv = NULL;
  g_autofree char *style = NULL;
  int header;

  run_ok ("summary --database '%s' --area 855 --as-at 2024-09-01 --heading 'Appendix B' --format xlsx --output '%s'",
          fixture->database, xlsx);
  run_ok ("summary --database '%s' --area 855 --as-at 2024-09-01 --format csv --output '%s'",
          fixture->database, csv);
  reader = read_table (xlsx);
  from_csv = read_table (csv);

  g_assert_cmpstr (ar_table_reader_get_sheet_name (reader), ==, "Summary");
  /* the reader takes the first line as its header */
  g_assert_cmpstr (ar_table_reader_get_header (reader, 0), ==, "Appendix B");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 0), ==, "System Leadership in Leicestershire");
  g_assert_true (cell_is_bold (xlsx, "A2"));
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 1, 0), ==, "As at");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 1, 1), ==, "2024-09-01");
  g_assert_true (cell_is_date (xlsx, "B3"));

  /* row 5 of the sheet: the table's header, as the CSV's */
  header = find_row (reader, "Leadership role");
  g_assert_cmpint (header, ==, 2);
  g_assert_true (cell_is_bold (xlsx, "A5"));
  g_assert_true (cell_is_bold (xlsx, "C5"));
  assert_frozen_below (xlsx, 5);
  for (guint c = 0; c < 3; c++)
    g_assert_cmpstr (ar_table_reader_get_cell (reader, header, c), ==, ar_table_reader_get_header (from_csv, c));

  /* every row as the CSV has it */
  g_assert_cmpuint (ar_table_reader_get_n_rows (reader), ==, header + 1 + ar_table_reader_get_n_rows (from_csv));
  for (guint r = 0; r < ar_table_reader_get_n_rows (from_csv); r++)
    for (guint c = 0; c < 3; c++)
      g_assert_cmpstr (cell_or_empty (reader, header + 1 + r, c), ==, cell_or_empty (from_csv, r, c));

  /* TSA (row 6) is a count; MAT (row 7) is in words */
  g_assert_cmpstr (ar_table_reader_get_cell (reader, header + 1, 0), ==, "Teaching School Alliance (TSA)");
  g_assert_true (cell_is_number (xlsx, "B6"));
  g_assert_cmpstr (ar_table_reader_get_cell (reader, header + 2, 0), ==, "Multi-Academy Trust (MAT)");
  g_assert_false (cell_is_number (xlsx, "B7"));
  g_assert_nonnull (strstr (ar_table_reader_get_cell (reader, header + 2, 1), "MATs sponsoring"));
  /* key functions wrap at the limit rather than making a huge column */
  g_assert_cmpfloat (column_width (xlsx, 3), <=, 63);
  style = cell_style (xlsx, "C6");
  g_assert_nonnull (strstr (style, "wrapText=\"1\""));
}

/* Compared with a second date: both dates as dates, and for each row the
 * two figures and the change, as the CSV has them. */
static void
test_summary_compared (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *xlsx = path_in (fixture, "compared.xlsx");
  g_autofree char *csv = path_in (fixture, "compared.csv");
  g_autoptr(ArTableReader) reader = NULL;
  g_autoptr(ArTableReader) from_csv = NULL;
  int header;

  run_ok ("summary --database '%s' --area 855 --as-at 2019-09-01 --compare-to 2024-09-01 --format xlsx --output '%s'",
          fixture->database, xlsx);
  run_ok ("summary --database '%s' --area 855 --as-at 2019-09-01 --compare-to 2024-09-01 --format csv --output '%s'",
          fixture->database, csv);
  reader = read_table (xlsx);
  from_csv = read_table (csv);

  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 0), ==, "As at");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 1), ==, "2019-09-01");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 1, 0), ==, "Compared with");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 1, 1), ==, "2024-09-01");
  g_assert_true (cell_is_date (xlsx, "B3"));

  header = find_row (reader, "Leadership role");
  g_assert_cmpint (header, >, 0);
  g_assert_cmpuint (ar_table_reader_get_n_columns (from_csv), ==, 5);
  for (guint c = 0; c < 5; c++)
    g_assert_cmpstr (ar_table_reader_get_cell (reader, header, c), ==, ar_table_reader_get_header (from_csv, c));
  g_assert_cmpuint (ar_table_reader_get_n_rows (reader), ==, header + 1 + ar_table_reader_get_n_rows (from_csv));
  for (guint r = 0; r < ar_table_reader_get_n_rows (from_csv); r++)
    for (guint c = 0; c < 5; c++)
      {
        const char *in_csv = cell_or_empty (from_csv, r, c);

        /* CSV guards "+1" as "'+1" from spreadsheets taking it for a
         * formula; a text cell of .xlsx needs no guard */
        if (in_csv[0] == '\'' && strchr ("=+-@", in_csv[1]) != NULL)
          in_csv++;
        g_assert_cmpstr (cell_or_empty (reader, header + 1 + r, c), ==, in_csv);
      }
  /* a change is text with its sign; the figures beside it are numbers */
  for (guint r = 0; r < ar_table_reader_get_n_rows (from_csv); r++)
    if (g_str_equal (cell_or_empty (reader, header + 1 + r, 0), "Teaching School Alliance (TSA)"))
      {
        /* the sheet's row: the title is the reader's header, and it
         * skips the blank row under the dates */
        g_autofree char *earlier = g_strdup_printf ("B%d", header + 4 + r);
        g_autofree char *later = g_strdup_printf ("C%d", header + 4 + r);

        g_assert_true (cell_is_number (xlsx, earlier));
        g_assert_true (cell_is_number (xlsx, later));
      }
}

/* The support report: dates and days as two columns each, real values */
static void
test_support_report (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *xlsx = path_in (fixture, "support.xlsx");
  g_autoptr(ArTableReader) reader = NULL;
  const char *expected[] = { "Supported school", "Supporter and role", "Focus", "Starts", "Ends",
                             "Days delivered", "Days agreed", "Status" };
  int header, row;

  run_ok ("report support --database '%s' --area 855 --from 2024-01-01 --to 2027-12-31 --format xlsx --output '%s'",
          fixture->database, xlsx);
  reader = read_table (xlsx);

  g_assert_cmpstr (ar_table_reader_get_header (reader, 0), ==, "Support in Leicestershire");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 0), ==, "From 1 January 2024 to 31 December 2027");
  header = find_row (reader, "Supported school");
  g_assert_cmpint (header, ==, 1);
  for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
    g_assert_cmpstr (ar_table_reader_get_cell (reader, header, c), ==, expected[c]);
  assert_frozen_below (xlsx, 4);
  g_assert_true (cell_is_bold (xlsx, "H4"));

  row = find_row (reader, "Carrow Dene Primary School");
  g_assert_cmpint (row, ==, header + 2);
  g_assert_cmpstr (ar_table_reader_get_cell (reader, row, 1), ==, "Joanna Kaur (LLE)");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, row, 3), ==, "2025-11-01");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, row, 4), ==, "2026-03-31");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, row, 5), ==, "5");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, row, 6), ==, "8");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, row, 7), ==, "Stopped early");
  /* sheet row: the reader's rows skip the blank line above the table */
  g_assert_true (cell_is_date (xlsx, "D6"));
  g_assert_true (cell_is_date (xlsx, "E6"));
  g_assert_true (cell_is_number (xlsx, "F6"));
  g_assert_true (cell_is_number (xlsx, "G6"));
  g_assert_false (cell_is_date (xlsx, "F6"));

  /* the totals under the table */
  g_assert_nonnull (strstr (ar_table_reader_get_cell (reader, ar_table_reader_get_n_rows (reader) - 1, 0),
                            "days delivered of"));
}

/* Standard output, through a pipe, holds the same workbook */
static void
test_standard_output (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "schools.xlsx");
  g_autofree char *piped = path_in (fixture, "piped.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(ArTableReader) from_file = NULL;
  g_autoptr(ArTableReader) from_pipe = NULL;

  run_ok ("list schools --database '%s' --format xlsx --output '%s'", fixture->database, file);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              g_getenv ("AR_BINARY"), "list", "schools", "--database", fixture->database,
                              "--format", "xlsx", "--output", "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  g_assert_cmpuint (g_bytes_get_size (out), >, 1000);
  g_assert_true (g_file_set_contents (piped, g_bytes_get_data (out, NULL), g_bytes_get_size (out), NULL));

  from_file = read_table (file);
  from_pipe = read_table (piped);
  g_assert_cmpuint (ar_table_reader_get_n_rows (from_pipe), ==, ar_table_reader_get_n_rows (from_file));
  for (guint r = 0; r < ar_table_reader_get_n_rows (from_file); r++)
    g_assert_cmpstr (cell_or_empty (from_pipe, r, 1), ==, cell_or_empty (from_file, r, 1));
}

/* Writing over the open register is refused, and it is left as it was */
static void
test_register_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize before_length, after_length;
  int status;

  g_assert_true (g_file_get_contents (fixture->database, &before, &before_length, NULL));

  out = ar_test_runf ("list schools --database '%s' --format xlsx --output '%s'", &status, &err,
                      fixture->database, fixture->database);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "register"));
  g_clear_pointer (&out, g_free);
  out = ar_test_runf ("summary --database '%s' --area 855 --format xlsx --output '%s'", &status, &err,
                      fixture->database, fixture->database);
  g_assert_cmpint (status, ==, 1);

  g_assert_true (g_file_get_contents (fixture->database, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);
}

/* Text a spreadsheet would run is written as text; no temporary files stay */
static void
test_text_stays_text (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *xlsx = g_build_filename (directory, "schools.xlsx", NULL);
  g_autoptr(ArTableReader) reader = NULL;
  g_autofree char *cell = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  const char *tmp = g_get_tmp_dir ();
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint before = 0, after = 0;

  ar_test_add_school (store, "100001", "=HYPERLINK(\"http://example.com\",\"x\")", area);
  ar_test_add_school (store, "100002", "+44 116 000 0000 & <Sons>", area);

  dir = g_dir_open (tmp, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    before += g_str_has_prefix (name, "alliance-register-") && strlen (name) == strlen ("alliance-register-XXXXXX");
  g_clear_pointer (&dir, g_dir_close);

  run_ok ("list schools --database '%s' --format xlsx --output '%s'", ar_store_get_path (store), xlsx);
  reader = read_table (xlsx);
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 0, 1), ==, "+44 116 000 0000 & <Sons>");
  g_assert_cmpstr (ar_table_reader_get_cell (reader, 1, 1), ==, "=HYPERLINK(\"http://example.com\",\"x\")");
  cell = cell_element (xlsx, "B3");
  g_assert_nonnull (strstr (cell, "t=\"s\""));
  g_assert_null (strstr (cell, "<f>"));
  /* the URN keeps its digits as text, as a code does */
  g_assert_false (cell_is_number (xlsx, "A2"));

  dir = g_dir_open (tmp, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    after += g_str_has_prefix (name, "alliance-register-") && strlen (name) == strlen ("alliance-register-XXXXXX");
  g_assert_cmpuint (after, <=, before);
}

/* A cell longer than a spreadsheet holds fails the export with the cell
 * named, rather than writing a file with the cell missing */
static void
test_cell_too_long (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *xlsx = g_build_filename (directory, "people.xlsx", NULL);
  g_autofree char *title = g_strnfill (40000, 'x');
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "100001", "Abbey Mead Primary School", area);
  gint64 person = ar_test_add_person (store, "Ann Example", school);
  int status;

  ar_test_set (store, AR_TYPE_PERSON, person, "job_title", title);
  out = ar_test_runf ("list leaders --database '%s' --format xlsx --output '%s'", &status, &err,
                      ar_store_get_path (store), xlsx);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "C2"));
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
}

static void
test_usage (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = ar_test_run ("list schools --sample --format html", &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "use text, csv or xlsx"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ar/cli-xlsx/list-reads-back-as-csv", test_list_reads_back_as_csv);
  ADD ("/ar/cli-xlsx/list-types", test_list_types);
  ADD ("/ar/cli-xlsx/summary", test_summary);
  ADD ("/ar/cli-xlsx/summary-compared", test_summary_compared);
  ADD ("/ar/cli-xlsx/support-report", test_support_report);
  ADD ("/ar/cli-xlsx/standard-output", test_standard_output);
  ADD ("/ar/cli-xlsx/register-refused", test_register_refused);
#undef ADD
  g_test_add_func ("/ar/cli-xlsx/text-stays-text", test_text_stays_text);
  g_test_add_func ("/ar/cli-xlsx/cell-too-long", test_cell_too_long);
  g_test_add_func ("/ar/cli-xlsx/usage", test_usage);

  return g_test_run ();
}
