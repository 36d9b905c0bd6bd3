/* test-report.c: PDF and ODT, read back with the tools a user's machine has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ar-report.h"
#include "ar-test-util.h"

#define SCRIPT  "<script>alert(\"x\")</script>"
#define FORMULA "=cmd|' /C calc'!A0"
#define FOREIGN "Ysgol Llanrhaeadr ŵ · Ысык-Көл · 学校"
/* control characters XML 1.0 cannot hold, even as &#xb;, CDATA's end,
 * right-to-left text and its overrides, an emoji */
#define CONTROLS "Upper\vLower\x01\x1b[31m ]]> \xe2\x80\x8f\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\xe2\x80\xae \xf0\x9f\x98\x80"
#define CONTROLS_IN_XML "Upper Lower  [31m ]]&gt; \xe2\x80\x8f\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\xe2\x80\xae \xf0\x9f\x98\x80"

typedef struct
{
  char *directory;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->directory = ar_test_make_dir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ar_test_remove_dir (fixture->directory);
  g_free (fixture->directory);
}

/* Every XML part of an ODT must parse, or word processors refuse the
 * whole document; expat is as strict as they are. */
static void
assert_odt_well_formed (const char *path)
{
  g_autofree char *out =
    ar_test_command_output ("python3 -c 'import sys, zipfile, xml.dom.minidom as m\n"
                            "z = zipfile.ZipFile(sys.argv[1])\n"
                            "names = [n for n in z.namelist() if n.endswith(\".xml\")]\n"
                            "[m.parseString(z.read(n)) for n in names]\n"
                            "print(len(names))' '%s'", path);

  g_assert_cmpstr (out, ==, "4\n");
}

static char *
save (Fixture    *fixture,
      GBytes     *bytes,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->directory, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  if (g_str_has_suffix (name, ".odt"))
    assert_odt_well_formed (path);

  return path;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = ar_test_command_output ("pdfinfo '%s'", path);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);

  return atoi (pages + strlen ("Pages:"));
}

static char *
pdf_page_text (const char *path,
               guint       page)
{
  return ar_test_command_output ("pdftotext -layout -f %u -l %u '%s' -", page, page, path);
}

/* Words, in order, without the layout's spaces and line breaks; takes
 * @text, as command output comes. */
static char *
words (char *owned_text)
{
  g_autofree char *text = owned_text;
  g_auto(GStrv) parts = g_strsplit_set (text, " \n\t\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, parts[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static ArSummary *
sample_summary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  ArSummary *summary;

  g_assert_no_error (error);
  summary = ar_summary_compute (store, "855", "2026-11-23", &error);
  g_assert_no_error (error);
  ar_summary_set_heading (summary, "Appendix B");

  return summary;
}

static void
test_sample_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = sample_summary ();
  g_autoptr(GBytes) pdf = ar_report_write (summary, AR_SUMMARY_FORMAT_PDF, &error);
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  path = save (fixture, pdf, "appendix-b.pdf");

  g_assert_cmpuint (pdf_pages (path), ==, 2);
  first = pdf_page_text (path, 1);
  second = pdf_page_text (path, 2);
  g_assert_nonnull (strstr (first, "Appendix B"));
  g_assert_nonnull (strstr (first, "System Leadership in Leicestershire"));
  g_assert_nonnull (strstr (first, "As at 23 November 2026"));
  g_assert_nonnull (strstr (first, "9 MATs sponsoring"));
  g_assert_nonnull (strstr (first, "Page 1 of 2"));
  g_assert_nonnull (strstr (first, "• universities"));
  /* the header row again at the top of page 2 */
  g_assert_nonnull (strstr (second, "Leadership role"));
  g_assert_nonnull (strstr (second, "Key functions"));
  g_assert_nonnull (strstr (second, "Page 2 of 2"));
  g_assert_nonnull (strstr (second, "No data held"));
}

static void
test_paper_sizes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = sample_summary ();
  ArPageSetup setup;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;

  ar_page_setup_init (&setup, AR_PAPER_LETTER, TRUE);
  pdf = ar_report_write_pdf (summary, &setup, &error);
  g_assert_no_error (error);
  path = save (fixture, pdf, "letter.pdf");
  info = ar_test_command_output ("pdfinfo '%s'", path);
  g_assert_nonnull (strstr (info, "792 x 612 pts (letter)"));
}

/* Key functions running to about three pages: the row splits between
 * lines, every page repeats the header, and no word is lost. */
static void
test_long_row_paginates (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArRecord) role = NULL;
  g_autoptr(ArSummary) summary = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) all_pages = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *found = NULL;
  guint n_pages;

  ar_test_add_area (store, "855", "Leicestershire");
  for (guint i = 1; i <= 150; i++)
    {
      g_string_append_printf (text, "Paragraph %u explains one more duty of the alliance in plain words.\n", i);
      if (i % 10 == 0)
        g_string_append_printf (text, "- listed item %u\n\n", i);
    }
  role = ar_store_find (store, AR_TYPE_ROLE, "code", "TSA", &error);
  ar_record_set_text (role, "key_functions", text->str);
  ar_store_save (store, role, &error);
  g_assert_no_error (error);

  summary = ar_summary_compute (store, "855", "2025-01-01", &error);
  pdf = ar_report_write (summary, AR_SUMMARY_FORMAT_PDF, &error);
  g_assert_no_error (error);
  path = save (fixture, pdf, "long.pdf");

  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, >=, 3);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = ar_test_command_output ("pdftotext -f %u -l %u '%s' -", page, page, path);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_nonnull (strstr (page_text, "Leadership role"));
      g_assert_nonnull (strstr (page_text, footer));
      g_string_append (all_pages, page_text);
    }

  /* Every line of text, once, in order: a paragraph split at a page break
   * has the footer and the repeated header between its halves, so count
   * words that each line carries rather than whole sentences. */
  found = words (g_strdup (all_pages->str));
  g_assert_cmpuint (count (found, "explains"), ==, 150);
  g_assert_cmpuint (count (found, "words."), ==, 150);
  g_assert_cmpuint (count (found, "• listed item"), ==, 15);
  for (guint i = 1, previous = 0; i <= 150; i++)
    {
      g_autofree char *marker = g_strdup_printf ("Paragraph %u ", i);
      const char *at = strstr (found, marker);

      if (at == NULL)
        g_error ("paragraph %u is missing from the PDF", i);
      g_assert_cmpuint (at - found, >, previous);
      g_assert_null (strstr (at + 1, marker));
      previous = at - found;
    }
}

static char *
odt_member (const char *path,
            const char *member)
{
  return ar_test_command_output ("unzip -p '%s' %s", path, member);
}

static void
test_odt_structure (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = sample_summary ();
  g_autoptr(GBytes) odt = ar_report_write (summary, AR_SUMMARY_FORMAT_ODT, &error);
  g_autofree char *path = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *content = NULL;
  g_autofree char *mimetype = NULL;
  const guint8 *bytes;

  g_assert_no_error (error);
  path = save (fixture, odt, "appendix-b.odt");

  /* ODF packaging: mimetype is the first entry, stored (method 0), with
   * no extra field, so the type sits at byte 38 where sniffers look */
  bytes = g_bytes_get_data (odt, NULL);
  g_assert_cmpmem (bytes, 4, "PK\x03\x04", 4);
  g_assert_cmpuint (bytes[8] | bytes[9] << 8, ==, 0);
  g_assert_cmpuint (bytes[28] | bytes[29] << 8, ==, 0);
  g_assert_cmpmem (bytes + 30, 8, "mimetype", 8);
  g_assert_cmpmem (bytes + 38, 39, "application/vnd.oasis.opendocument.text", 39);

  listing = ar_test_command_output ("unzip -v '%s'", path);
  g_assert_nonnull (strstr (listing, "Stored"));
  g_assert_nonnull (strstr (listing, "META-INF/manifest.xml"));

  mimetype = odt_member (path, "mimetype");
  g_assert_cmpstr (mimetype, ==, "application/vnd.oasis.opendocument.text");

  content = odt_member (path, "content.xml");
  g_assert_nonnull (strstr (content, "<table:table "));
  g_assert_nonnull (strstr (content, "<table:table-header-rows>"));
  g_assert_cmpuint (strlen (content), >, 5000);
  g_assert_nonnull (strstr (content, "9 MATs sponsoring 33 Leicestershire schools"));
  g_assert_nonnull (strstr (content, "<text:list><text:list-item>"));
}

static void
test_odt_opens_in_libreoffice (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = sample_summary ();
  g_autoptr(GBytes) odt = ar_report_write (summary, AR_SUMMARY_FORMAT_ODT, &error);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }

  path = save (fixture, odt, "appendix-b.odt");
  out = ar_test_command_output ("env HOME='%s' '%s' --headless --convert-to pdf --outdir '%s' '%s'",
                        fixture->directory, soffice, fixture->directory, path);
  pdf = g_build_filename (fixture->directory, "appendix-b.pdf", NULL);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* where LibreOffice breaks the lines depends on the fonts it finds */
  text = words (ar_test_command_output ("pdftotext '%s' -", pdf));
  g_assert_nonnull (strstr (text, "System Leadership in Leicestershire"));
  g_assert_nonnull (strstr (text, "Leadership role"));
  g_assert_nonnull (strstr (text, "9 MATs sponsoring 33"));
  g_assert_nonnull (strstr (text, "No data held"));
}

/* Names that could break a document or run something come out as text. */
static void
test_hostile_names (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArRecord) role = NULL;
  g_autoptr(ArSummary) summary = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) odt = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *odt_path = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *content = NULL;

  ar_test_add_area (store, "855", "Shire \"North\", West");
  role = ar_store_find (store, AR_TYPE_ROLE, "code", "TSA", &error);
  ar_record_set_text (role, "title", FORMULA);
  ar_record_set_text (role, "key_functions", "Leads " SCRIPT " & more\n- " FOREIGN "\n- " CONTROLS);
  ar_store_save (store, role, &error);
  g_assert_no_error (error);
  g_clear_object (&role);
  role = ar_store_find (store, AR_TYPE_ROLE, "code", "MAT", &error);
  ar_record_set_text (role, "no_records_text", CONTROLS " 'single'");
  ar_store_save (store, role, &error);
  g_assert_no_error (error);

  summary = ar_summary_compute (store, "855", "2025-01-01", &error);
  /* the register refuses noncharacters, but a heading is not stored; cairo
   * refused U+FFFF and drew nothing after it */
  ar_summary_set_heading (summary, "Appendix\vB & <C>\xef\xbf\xbf");
  pdf = ar_report_write (summary, AR_SUMMARY_FORMAT_PDF, &error);
  odt = ar_report_write (summary, AR_SUMMARY_FORMAT_ODT, &error);
  g_assert_no_error (error);

  pdf_path = save (fixture, pdf, "hostile.pdf");
  pdf_text = words (ar_test_command_output ("pdftotext '%s' -", pdf_path));
  g_assert_nonnull (strstr (pdf_text, "Leads <script>alert(\"x\")</script> & more"));
  g_assert_nonnull (strstr (pdf_text, "Ysgol Llanrhaeadr ŵ · Ысык-Көл · 学校"));
  g_assert_nonnull (strstr (pdf_text, "=cmd|' /C calc'!A0"));
  g_assert_nonnull (strstr (pdf_text, "Appendix B & <C>\xef\xbf\xbd"));
  g_assert_nonnull (strstr (pdf_text, ar_summary_row_get_title (ar_summary_get_row (summary, ar_summary_get_n_rows (summary) - 1))));

  odt_path = save (fixture, odt, "hostile.odt");
  content = odt_member (odt_path, "content.xml");
  g_assert_null (strstr (content, "<script>"));
  g_assert_nonnull (strstr (content, "Leads &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"));
  g_assert_nonnull (strstr (content, FOREIGN));
  g_assert_nonnull (strstr (content, "Number in Shire &quot;North&quot;, West"));
  g_assert_nonnull (strstr (content, CONTROLS_IN_XML "</text:p>"));
  g_assert_nonnull (strstr (content, CONTROLS_IN_XML " &#39;single&#39;</text:p>"));
  g_assert_nonnull (strstr (content, ">Appendix B &amp; &lt;C&gt;\xef\xbf\xbd</text:p>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ar/report/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sample-pdf", test_sample_pdf);
  ADD ("paper-sizes", test_paper_sizes);
  ADD ("long-row-paginates", test_long_row_paginates);
  ADD ("odt-structure", test_odt_structure);
  ADD ("odt-opens-in-libreoffice", test_odt_opens_in_libreoffice);
  ADD ("hostile-names", test_hostile_names);

  return g_test_run ();
}
