/* test-csv-reader.c: the RFC 4180 reader and the Windows-1252 decoder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

static ArCsvReader *
reader_for (const char  *text,
            gssize       length,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return ar_csv_reader_new (bytes, "test.csv", error);
}

static void
test_quoted_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArCsvReader) reader =
    reader_for ("\"URN\",\"Name\",\"Note\"\r\n"
                "100001,\"Smith, Jones and \"\"Partners\"\"\",\"two\r\nlines\"\r\n"
                "100002,plain,\r\n", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ar_csv_reader_get_n_columns (reader), ==, 3);
  g_assert_cmpint (ar_csv_reader_find_column (reader, "Name"), ==, 1);
  g_assert_cmpint (ar_csv_reader_find_column (reader, "Missing"), ==, -1);

  g_assert_true (ar_csv_reader_next (reader, &error));
  g_assert_cmpuint (ar_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpstr (ar_csv_reader_get (reader, 0), ==, "100001");
  g_assert_cmpstr (ar_csv_reader_get (reader, 1), ==, "Smith, Jones and \"Partners\"");
  g_assert_cmpstr (ar_csv_reader_get (reader, 2), ==, "two\r\nlines");

  g_assert_true (ar_csv_reader_next (reader, &error));
  g_assert_cmpuint (ar_csv_reader_get_line (reader), ==, 4);
  g_assert_cmpstr (ar_csv_reader_get (reader, 1), ==, "plain");
  g_assert_cmpstr (ar_csv_reader_get (reader, 2), ==, "");

  g_assert_false (ar_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_short_rows_and_no_final_newline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArCsvReader) reader = reader_for ("a,b,c,d\n1,2\n3,4,5,6", -1, &error);

  g_assert_true (ar_csv_reader_next (reader, &error));
  g_assert_cmpuint (ar_csv_reader_get_n_fields (reader), ==, 2);
  g_assert_cmpstr (ar_csv_reader_get (reader, 3), ==, "");
  g_assert_true (ar_csv_reader_next (reader, &error));
  g_assert_cmpstr (ar_csv_reader_get (reader, 3), ==, "6");
  g_assert_false (ar_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_windows_1252 (void)
{
  g_autoptr(GError) error = NULL;
  /* à, °, a curly apostrophe, € and an undefined byte, as GIAS writes them */
  g_autoptr(ArCsvReader) reader =
    reader_for ("Name\r\n\"St Thomas \xe0 Becket\"\r\n\"North Star 82\xb0\"\r\n\"Children\x92s \x80\x81\"\r\n", -1, &error);

  g_assert_no_error (error);
  g_assert_true (ar_csv_reader_get_was_windows_1252 (reader));
  ar_csv_reader_next (reader, &error);
  g_assert_cmpstr (ar_csv_reader_get (reader, 0), ==, "St Thomas à Becket");
  ar_csv_reader_next (reader, &error);
  g_assert_cmpstr (ar_csv_reader_get (reader, 0), ==, "North Star 82°");
  ar_csv_reader_next (reader, &error);
  g_assert_cmpstr (ar_csv_reader_get (reader, 0), ==, "Children’s €\xef\xbf\xbd");
}

/* The file is Windows-1252 (0x92 is not UTF-8), so "Ã©" stays two
 * characters even though those two bytes alone would be valid UTF-8. */
static void
test_windows_1252_decided_per_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArCsvReader) reader = reader_for ("Name\n\"O\x92" "Brien\"\n\"\xc3\xa9\"\n", -1, &error);

  g_assert_no_error (error);
  ar_csv_reader_next (reader, &error);
  g_assert_cmpstr (ar_csv_reader_get (reader, 0), ==, "O’Brien");
  ar_csv_reader_next (reader, &error);
  g_assert_cmpstr (ar_csv_reader_get (reader, 0), ==, "Ã©");
}

static void
test_utf8_with_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArCsvReader) reader = reader_for ("\xef\xbb\xbfURN,Name\n1,Ysgol G\xc5\xb5yr\n", -1, &error);

  g_assert_no_error (error);
  g_assert_false (ar_csv_reader_get_was_windows_1252 (reader));
  g_assert_cmpint (ar_csv_reader_find_column (reader, "URN"), ==, 0);
  ar_csv_reader_next (reader, &error);
  g_assert_cmpstr (ar_csv_reader_get (reader, 1), ==, "Ysgol Gŵyr");
}

static void
test_broken_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArCsvReader) reader = reader_for ("URN,Name\n1,ok\n2,\"never closed\n3,x\n", -1, &error);

  g_assert_true (ar_csv_reader_next (reader, &error));
  g_assert_false (ar_csv_reader_next (reader, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "test.csv, line 3: a quoted field is never closed");
}

static void
test_huge_field (void)
{
  g_autoptr(GError) error = NULL;
  gsize size = 10 * 1024 * 1024;
  g_autofree char *text = g_malloc (size + 16);
  g_autoptr(ArCsvReader) reader = NULL;

  memcpy (text, "Name\n\"", 6);
  memset (text + 6, 'x', size);
  memcpy (text + 6 + size, "\"\n", 2);

  reader = reader_for (text, size + 8, &error);
  g_assert_no_error (error);
  g_assert_false (ar_csv_reader_next (reader, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "line 2: a field is longer than 1024 KiB"));
}

static void
test_binary_and_empty (void)
{
  g_autoptr(GError) error = NULL;
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(ArCsvReader) binary = reader_for (png, sizeof png - 1, &error);
  g_autoptr(ArCsvReader) empty = NULL;

  g_assert_null (binary);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "test.csv is not a CSV file: it holds binary data");
  g_clear_error (&error);

  empty = reader_for ("\r\n\r\n", -1, &error);
  g_assert_null (empty);
  g_assert_cmpstr (error->message, ==, "test.csv is empty");
}

/* Records that put every kind of pair the reader looks ahead for (CRLF,
 * a doubled quote, a closing quote, a UTF-8 character) across the edge of
 * the buffer, at every offset: the record is 27 bytes and the buffer sizes
 * tried share no factor with it. */
static void
test_buffer_edges (void)
{
  g_autoptr(GString) text = g_string_new ("N,Quoted,Plain\r\n");
  g_autoptr(GBytes) bytes = NULL;
  const gsize sizes[] = { 4, 5, 7, 16, 64 };

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "%03u,\"a \"\"q\"\" é\r\nb\",€xy\r\n", i);
  g_assert_cmpuint ((text->len - 16) % 27, ==, 0);
  bytes = g_bytes_new (text->str, text->len);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ArCsvReader) reader = ar_csv_reader_new_full (NULL, bytes, "edges.csv", sizes[s], NULL, &error);
      guint n = 0;

      g_assert_no_error (error);
      g_assert_false (ar_csv_reader_get_was_windows_1252 (reader));
      g_assert_cmpint (ar_csv_reader_find_column (reader, "Plain"), ==, 2);

      while (ar_csv_reader_next (reader, &error))
        {
          g_autofree char *number = g_strdup_printf ("%03u", n);

          g_assert_cmpuint (ar_csv_reader_get_line (reader), ==, 2 + 2 * n);
          g_assert_cmpuint (ar_csv_reader_get_n_fields (reader), ==, 3);
          g_assert_cmpstr (ar_csv_reader_get (reader, 0), ==, number);
          g_assert_cmpstr (ar_csv_reader_get (reader, 1), ==, "a \"q\" é\r\nb");
          g_assert_cmpstr (ar_csv_reader_get (reader, 2), ==, "€xy");
          n++;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, 400);
      g_assert_cmpfloat (ar_csv_reader_get_fraction (reader), ==, 1.0);
    }
}

/* A Windows-1252 byte far into the file still decides the encoding of
 * the first record, however small the buffer. */
static void
test_windows_1252_found_late (void)
{
  g_autoptr(GString) text = g_string_new ("Name\n\xc3\xa9\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArCsvReader) reader = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "plain\n");
  g_string_append (text, "O\x92" "Brien\n");
  bytes = g_bytes_new (text->str, text->len);
  reader = ar_csv_reader_new_full (NULL, bytes, "late.csv", 5, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ar_csv_reader_get_was_windows_1252 (reader));
  g_assert_true (ar_csv_reader_next (reader, &error));
  g_assert_cmpstr (ar_csv_reader_get (reader, 0), ==, "Ã©");
}

static void
test_reads_a_file (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "links.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_get_child (file, "nothing.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(ArCsvReader) reader = NULL;
  g_autoptr(ArCsvReader) none = NULL;
  const char text[] = "URN,Group UID\n1,10\n2,20\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  reader = ar_csv_reader_new_for_file (file, "links.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ar_csv_reader_get_size (reader), ==, strlen (text));
  g_assert_cmpfloat (ar_csv_reader_get_fraction (reader), <, 0.6);
  g_assert_true (ar_csv_reader_next (reader, &error));
  g_assert_true (ar_csv_reader_next (reader, &error));
  g_assert_cmpstr (ar_csv_reader_get (reader, 1), ==, "20");
  g_assert_false (ar_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ar_csv_reader_get_fraction (reader), ==, 1.0);

  none = ar_csv_reader_new_for_file (missing, "nothing.csv", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);

  ar_test_remove_dir (directory);
}

/* Spreadsheets in comma-decimal locales save semicolons; "Text (tab
 * separated)" saves tabs. The header decides, read through any buffer. */
static void
test_delimiters (void)
{
  static const struct
  {
    const char *text;
    char        delimiter;
  } cases[] = {
    { "Name;Town;\"Note, with comma\"\nAda;Leicester;\"a;b\"\n", ';' },
    { "Name\tTown\tNote\nAda\tLeicester\ta,b;c\n", '\t' },
    { "Name,Town,Note\nAda,Leicester,\"a;b;c\"\n", ',' },
    { "\xEF\xBB\xBFName;Town;Note\r\nAda;Leicester;a,b\r\n", ';' },
    /* one column: nothing to choose from, so commas */
    { "Name\nAda; Leicester\n", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (gsize buffer_size = 4; buffer_size <= 64; buffer_size *= 4)
      {
        g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
        g_autoptr(GError) error = NULL;
        g_autoptr(ArCsvReader) reader =
          ar_csv_reader_new_full (NULL, bytes, "test.csv", buffer_size, NULL, &error);
        gboolean one_column = cases[i].text[4] == '\n';

        g_assert_no_error (error);
        g_assert_cmpint (ar_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
        g_assert_cmpuint (ar_csv_reader_get_n_columns (reader), ==, one_column ? 1 : 3);
        g_assert_true (ar_csv_reader_next (reader, &error));
        if (one_column)
          {
            g_assert_cmpstr (ar_csv_reader_get (reader, 0), ==, "Ada; Leicester");
            continue;
          }
        g_assert_cmpstr (ar_csv_reader_get (reader, 0), ==, "Ada");
        g_assert_cmpstr (ar_csv_reader_get (reader, 1), ==, "Leicester");
        g_assert_cmpuint (ar_csv_reader_get_n_fields (reader), ==, 3);
      }
}

/* The reader's rules, byte by byte over the whole text, as plainly as
 * they can be written: blank lines between records are skipped; a quote
 * opens a field only as its first character; inside quotes a doubled
 * quote is one and anything else is text; CRLF, LF or a lone CR ends a
 * record; fields are trimmed of spaces. Each record is a GPtrArray of
 * its first line, as text, then its fields; a quote never closed ends
 * the list there, with that record's line in *error_line. */
static GPtrArray *
read_plainly (const char *text,
              guint      *error_line)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gsize n = strlen (text);
  gsize at = 0;
  guint line = 1;

  *error_line = 0;
  for (;;)
    {
      GPtrArray *fields;
      GString *field;
      gboolean quoted = FALSE;
      gboolean in_quotes = FALSE;

      while (at < n && (text[at] == '\n' || text[at] == '\r'))
        line += text[at++] == '\n';
      if (at == n)
        return records;

      fields = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (records, fields);
      g_ptr_array_add (fields, g_strdup_printf ("%u", line));
      field = g_string_new (NULL);
      for (;;)
        {
          char c;

          if (at == n)
            {
              if (in_quotes)
                {
                  *error_line = GPOINTER_TO_UINT (g_ascii_strtoull (g_ptr_array_index (fields, 0), NULL, 10));
                  g_string_free (field, TRUE);
                  return records;
                }
              break;
            }
          c = text[at++];
          if (in_quotes)
            {
              if (c != '"')
                {
                  line += c == '\n';
                  g_string_append_c (field, c);
                }
              else if (at < n && text[at] == '"')
                g_string_append_c (field, text[at++]);
              else
                in_quotes = FALSE;
            }
          else if (c == ',')
            {
              g_ptr_array_add (fields, g_strstrip (g_string_free (field, FALSE)));
              field = g_string_new (NULL);
              quoted = FALSE;
            }
          else if (c == '"' && field->len == 0 && !quoted)
            in_quotes = quoted = TRUE;
          else if (c == '\n' || c == '\r')
            {
              if (c == '\r' && at < n && text[at] == '\n')
                at++;
              line++;
              break;
            }
          else
            g_string_append_c (field, c);
        }
      g_ptr_array_add (fields, g_strstrip (g_string_free (field, FALSE)));
    }
}

/* Random texts of the characters that mean something (and runs long
 * enough for the reader's 16-byte steps), read through buffers of many
 * sizes, give the records and lines read_plainly() finds. */
static void
test_same_as_plain_rules (void)
{
  static const char * const pieces[] = {
    "a", "bc", " ", ",", ",", "\"", "\"", "\"\"", "\n", "\r\n", "\r", "é", "€",
    "a long run of plain text, past sixteen bytes",
    "\"a quoted run of text, past sixteen bytes\"",
  };
  const gsize sizes[] = { 4, 5, 7, 16, 17, 33, 64, 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GString) text = g_string_new ("A,B,C\n");
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GBytes) bytes = NULL;
      guint error_line;
      guint n_pieces = g_rand_int_range (rand, 1, 80);

      for (guint i = 0; i < n_pieces; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      expected = read_plainly (text->str, &error_line);
      bytes = g_bytes_new (text->str, text->len);

      for (guint s = 0; s < 2 * G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(ArCsvReader) reader =
            ar_csv_reader_new_full (NULL, bytes, "random.csv", sizes[s / 2], NULL, &error);
          guint r = 1;

          g_assert_no_error (error);
          g_assert_cmpuint (ar_csv_reader_get_n_columns (reader), ==, 3);
          /* every other reading in a thread of its own */
          if (s % 2 == 1)
            ar_csv_reader_set_read_ahead (reader);
          while (ar_csv_reader_next (reader, &error))
            {
              GPtrArray *fields;

              g_assert_cmpuint (r, <, expected->len);
              fields = g_ptr_array_index (expected, r);
              if (error_line != 0 && r == expected->len - 1)
                g_error ("round %u, buffer %zu: read a record whose quote is never closed", round, sizes[s / 2]);
              g_assert_cmpuint (ar_csv_reader_get_line (reader), ==,
                                g_ascii_strtoull (g_ptr_array_index (fields, 0), NULL, 10));
              g_assert_cmpuint (ar_csv_reader_get_n_fields (reader), ==, fields->len - 1);
              for (guint f = 1; f < fields->len; f++)
                g_assert_cmpstr (ar_csv_reader_get (reader, f - 1), ==, g_ptr_array_index (fields, f));
              r++;
            }
          if (error_line != 0)
            {
              g_autofree char *message = g_strdup_printf ("random.csv, line %u: a quoted field is never closed",
                                                          error_line);

              g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);
              g_assert_cmpstr (error->message, ==, message);
              g_assert_cmpuint (r, ==, expected->len - 1);
            }
          else
            {
              g_assert_no_error (error);
              g_assert_cmpuint (r, ==, expected->len);
              g_assert_cmpfloat (ar_csv_reader_get_fraction (reader), ==, 1.0);
            }
        }
    }
}

/* Reading ahead in a thread hands out, across many batches, the same
 * records, lines, progress and error as reading in the caller's thread;
 * and a reader dropped while its thread is still reading stops it. */
static void
test_read_ahead (void)
{
  g_autoptr(GString) text = g_string_new ("URN,Name,Note\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) broken = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "%06u,\"School %u\",%s\n", 100000 + i, i, i % 7 == 0 ? "\"two\nlines\"" : "");
  bytes = g_bytes_new (text->str, text->len);
  g_string_append (text, "999999,\"never closed\n1,2,3\n");
  broken = g_bytes_new (text->str, text->len);

  for (guint ahead = 0; ahead < 2; ahead++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ArCsvReader) reader = ar_csv_reader_new_full (NULL, bytes, "ahead.csv", 1000, NULL, &error);
      g_autoptr(ArCsvReader) reader_broken = ar_csv_reader_new_full (NULL, broken, "ahead.csv", 0, NULL, &error);
      double fraction = 0;
      guint line = 2;
      guint n = 0;

      g_assert_no_error (error);
      if (ahead)
        {
          ar_csv_reader_set_read_ahead (reader);
          ar_csv_reader_set_read_ahead (reader_broken);
        }
      while (ar_csv_reader_next (reader, &error))
        {
          g_autofree char *urn = g_strdup_printf ("%06u", 100000 + n);
          g_autofree char *name = g_strdup_printf ("School %u", n);

          g_assert_cmpuint (ar_csv_reader_get_line (reader), ==, line);
          g_assert_cmpstr (ar_csv_reader_get (reader, 0), ==, urn);
          g_assert_cmpstr (ar_csv_reader_get (reader, 1), ==, name);
          g_assert_cmpstr (ar_csv_reader_get (reader, 2), ==, n % 7 == 0 ? "two\nlines" : "");
          g_assert_cmpfloat (ar_csv_reader_get_fraction (reader), >, fraction);
          fraction = ar_csv_reader_get_fraction (reader);
          line += n % 7 == 0 ? 2 : 1;
          n++;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, 3000);
      g_assert_cmpfloat (ar_csv_reader_get_fraction (reader), ==, 1.0);
      g_assert_false (ar_csv_reader_next (reader, &error));
      g_assert_no_error (error);

      n = 0;
      while (ar_csv_reader_next (reader_broken, &error))
        n++;
      g_assert_cmpuint (n, ==, 3000);
      g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);
      g_assert_cmpstr (error->message, ==, "ahead.csv, line 3431: a quoted field is never closed");
    }

  /* dropped after one record, and before any */
  for (guint read = 0; read < 2; read++)
    {
      g_autoptr(GError) error = NULL;
      ArCsvReader *reader = ar_csv_reader_new_full (NULL, bytes, "ahead.csv", 64, NULL, &error);

      g_assert_no_error (error);
      ar_csv_reader_set_read_ahead (reader);
      if (read)
        g_assert_true (ar_csv_reader_next (reader, &error));
      g_object_unref (reader);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/csv-reader/quoted-fields", test_quoted_fields);
  g_test_add_func ("/ar/csv-reader/short-rows", test_short_rows_and_no_final_newline);
  g_test_add_func ("/ar/csv-reader/windows-1252", test_windows_1252);
  g_test_add_func ("/ar/csv-reader/windows-1252-decided-per-file", test_windows_1252_decided_per_file);
  g_test_add_func ("/ar/csv-reader/utf8-with-bom", test_utf8_with_bom);
  g_test_add_func ("/ar/csv-reader/broken-quote", test_broken_quote);
  g_test_add_func ("/ar/csv-reader/huge-field", test_huge_field);
  g_test_add_func ("/ar/csv-reader/binary-and-empty", test_binary_and_empty);
  g_test_add_func ("/ar/csv-reader/buffer-edges", test_buffer_edges);
  g_test_add_func ("/ar/csv-reader/windows-1252-found-late", test_windows_1252_found_late);
  g_test_add_func ("/ar/csv-reader/reads-a-file", test_reads_a_file);
  g_test_add_func ("/ar/csv-reader/delimiters", test_delimiters);
  g_test_add_func ("/ar/csv-reader/same-as-plain-rules", test_same_as_plain_rules);
  g_test_add_func ("/ar/csv-reader/read-ahead", test_read_ahead);

  return g_test_run ();
}
