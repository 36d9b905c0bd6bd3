/* test-summary-writer.c: every text format, with hostile and foreign names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ar-test-util.h"

#define FORMULA   "=cmd|' /C calc'!A0"
#define SCRIPT    "<script>alert(\"x\")</script>"
#define FOREIGN   "Ysgol Gymraeg Llanrhaeadr ŵ ŷ · Ысык-Көл · 学校"

typedef struct
{
  ArStore   *store;
  ArSummary *summary;
} Fixture;

static void
set_role (ArStore    *store,
          const char *code,
          const char *field,
          const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) role = ar_store_find (store, AR_TYPE_ROLE, "code", code, &error);

  ar_record_set_text (role, field, value);
  ar_store_save (store, role, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 area;
  gint64 school;

  fixture->store = ar_test_store_new ();
  area = ar_test_add_area (fixture->store, "855", "Shire \"North\", West");
  school = ar_test_add_school (fixture->store, "990001", FOREIGN, area);
  ar_test_add_alliance (fixture->store, SCRIPT, school, NULL, NULL);

  set_role (fixture->store, "TSA", "title", FORMULA);
  set_role (fixture->store, "TSA", "key_functions",
            "Leads " SCRIPT ", with | pipes and *stars*.\nSecond line, \"quoted\".\n"
            "- first item\n- " FOREIGN "\n\nA closing paragraph.");
  set_role (fixture->store, "MAT", "title", "@SUM(A1:A9)");
  set_role (fixture->store, "NLE", "title", "+1 line one\nline two");

  fixture->summary = ar_summary_compute (fixture->store, "855", "2025-01-01", &error);
  g_assert_no_error (error);
  ar_summary_set_heading (fixture->summary, "Appendix B & <C>");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->summary);
  g_clear_object (&fixture->store);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *html = ar_summary_to_html (fixture->summary);

  g_assert_null (strstr (html, "<script>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "<h2>Appendix B &amp; &lt;C&gt;</h2>"));
  g_assert_nonnull (strstr (html, FOREIGN));
  g_assert_nonnull (strstr (html, "<table>"));
  /* a header row and one row per role */
  g_assert_cmpuint (count_occurrences (html, "<tr>"), ==, 1 + ar_summary_get_n_rows (fixture->summary));
  g_assert_nonnull (strstr (html, "<ul><li>first item</li><li>" FOREIGN "</li></ul>"));
}

/* Text XML cannot hold, as a character or as &#xb;, comes out as spaces;
 * the body parses as XML, as the clipboard's receivers need. */
static void
test_html_controls (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = NULL;
  g_autofree char *html = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  const char *body;
  const char *body_end;
  int fd;

  set_role (fixture->store, "LLE", "key_functions",
            "Upper\vLower\x01\x1b[31m ]]> \xe2\x80\x8f\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xf0\x9f\x98\x80");
  summary = ar_summary_compute (fixture->store, "855", "2025-01-01", &error);
  g_assert_no_error (error);
  /* the register refuses noncharacters, but a heading is not stored */
  ar_summary_set_heading (summary, "Appendix\fB\xef\xbf\xbe");
  html = ar_summary_to_html (summary);

  g_assert_nonnull (strstr (html, "<h2>Appendix B\xef\xbf\xbd</h2>"));
  g_assert_nonnull (strstr (html, "<p>Upper Lower  [31m ]]&gt; \xe2\x80\x8f\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xf0\x9f\x98\x80</p>"));
  g_assert_null (strstr (html, "&#x"));
  for (const char *p = html; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');

  body = strstr (html, "<body>");
  body_end = strstr (html, "</body>");
  g_assert_nonnull (body);
  g_assert_nonnull (body_end);
  fd = g_file_open_tmp ("ar-summary-XXXXXX.xml", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, body, body_end + strlen ("</body>") - body, &error);
  g_assert_no_error (error);
  out = ar_test_command_output ("python3 -c 'import sys, xml.dom.minidom as m\n"
                                "print(len(m.parse(sys.argv[1]).getElementsByTagName(\"tr\")))' '%s'", path);
  g_unlink (path);
  g_assert_cmpint (atoi (out), ==, 1 + ar_summary_get_n_rows (summary));

  /* Markdown is made into HTML too */
  g_free (html);
  html = ar_summary_to_markdown (summary);
  g_assert_nonnull (strstr (html, "**Appendix B\xef\xbf\xbd**"));
  for (const char *p = html; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
}

/* A minimal RFC 4180 reader, to read the export back as a spreadsheet would. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (cell, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          p++;
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (cell, *p);
    }

  g_ptr_array_unref (row);
  g_string_free (cell, TRUE);

  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      column)
{
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, row), column);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *csv = ar_summary_to_csv (fixture->summary);
  g_autoptr(GPtrArray) rows = parse_csv (csv);

  g_assert_cmpuint (rows->len, ==, 1 + ar_summary_get_n_rows (fixture->summary));
  g_assert_cmpstr (cell (rows, 0, 1), ==, "Number in Shire \"North\", West");
  /* formulas are defused with a leading apostrophe, and otherwise intact */
  g_assert_cmpstr (cell (rows, 1, 0), ==, "'" FORMULA);
  g_assert_cmpstr (cell (rows, 2, 0), ==, "'@SUM(A1:A9)");
  g_assert_cmpstr (cell (rows, 3, 0), ==, "'+1 line one\nline two");
  g_assert_nonnull (strstr (cell (rows, 1, 2), "• " FOREIGN));
  g_assert_nonnull (strstr (cell (rows, 1, 2), "Leads " SCRIPT ", with | pipes"));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==, 3);
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *md = ar_summary_to_markdown (fixture->summary);
  g_auto(GStrv) lines = g_strsplit (md, "\n", -1);
  guint table_lines = 0;

  g_assert_null (strstr (md, "<script>"));
  g_assert_nonnull (strstr (md, "&lt;script&gt;"));
  g_assert_nonnull (strstr (md, "with \\| pipes and \\*stars\\*"));
  g_assert_nonnull (strstr (md, "• " FOREIGN));

  /* every table row stays on one line with three cells */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_str_has_prefix (lines[i], "| "))
        continue;
      table_lines++;
      g_assert_true (g_str_has_suffix (lines[i], " |"));
    }
  g_assert_cmpuint (table_lines, ==, 1 + ar_summary_get_n_rows (fixture->summary));
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *text = ar_summary_to_json (fixture->summary);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *rows;
  JsonObject *tsa;
  JsonArray *blocks;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "heading"), ==, "Appendix B & <C>");
  rows = json_object_get_array_member (root, "rows");
  tsa = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (tsa, "role"), ==, FORMULA);
  g_assert_cmpint (json_object_get_int_member (tsa, "count"), ==, 1);
  blocks = json_object_get_array_member (tsa, "key_functions");
  g_assert_cmpuint (json_array_get_length (blocks), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (blocks, 1), "kind"), ==, "list");
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *text = ar_summary_to_text (fixture->summary);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_true (g_str_has_prefix (text, "Appendix B & <C>\nSystem Leadership in Shire \"North\", West\nAs at 1 January 2025\n"));
  g_assert_nonnull (strstr (text, "Ysgol Gymraeg"));
  g_assert_nonnull (strstr (text, "• first item"));
  /* wrapped: no line much wider than the table */
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 110);
}

static void
test_write_dispatch (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ar_summary_write (fixture->summary, AR_SUMMARY_FORMAT_MARKDOWN, &error);
  g_autoptr(GBytes) pdf = NULL;
  ArSummaryFormat format;

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);

  pdf = ar_summary_write (fixture->summary, AR_SUMMARY_FORMAT_PDF, &error);
  g_assert_null (pdf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);

  g_assert_true (ar_summary_format_from_string ("markdown", &format));
  g_assert_cmpint (format, ==, AR_SUMMARY_FORMAT_MARKDOWN);
  g_assert_true (ar_summary_format_from_string ("ODT", &format));
  g_assert_cmpint (format, ==, AR_SUMMARY_FORMAT_ODT);
  g_assert_false (ar_summary_format_from_string ("docx", &format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ar/summary-writer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("html", test_html);
  ADD ("html-controls", test_html_controls);
  ADD ("csv", test_csv);
  ADD ("markdown", test_markdown);
  ADD ("json", test_json);
  ADD ("text", test_text);
  ADD ("write-dispatch", test_write_dispatch);

  return g_test_run ();
}
