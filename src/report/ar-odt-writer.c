/* ar-odt-writer.c: the summary as an OpenDocument text file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-odt-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ar-odt-writer.h"
#include "ar-text.h"
#include "ar-zip-writer.h"

#define ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"

static const char manifest_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
  " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"" ODT_MIME_TYPE "\"/>\n"
  " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
  " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
  " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n"
  "</manifest:manifest>\n";

#define NAMESPACES \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
  " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"" \
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" \
  " office:version=\"1.2\""

/* A4 portrait with 2 cm margins, and the paragraph styles the content uses. */
static const char styles_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document-styles" NAMESPACES ">\n"
  " <office:styles>\n"
  "  <style:default-style style:family=\"paragraph\">\n"
  "   <style:text-properties style:font-name=\"Liberation Sans\" fo:font-family=\"'Liberation Sans', sans-serif\" fo:font-size=\"10pt\"/>\n"
  "  </style:default-style>\n"
  "  <style:style style:name=\"Standard\" style:family=\"paragraph\"/>\n"
  "  <style:style style:name=\"Heading\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:margin-bottom=\"0.1cm\"/>\n"
  "   <style:text-properties fo:font-size=\"11pt\" fo:font-weight=\"bold\" fo:color=\"#555555\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Title\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:margin-bottom=\"0.1cm\"/>\n"
  "   <style:text-properties fo:font-size=\"17pt\" fo:font-weight=\"bold\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"AsAt\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:margin-bottom=\"0.4cm\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Cell\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:margin-bottom=\"0.12cm\"/>\n"
  "   <style:text-properties fo:font-size=\"9pt\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"CellBold\" style:family=\"paragraph\" style:parent-style-name=\"Cell\">\n"
  "   <style:text-properties fo:font-weight=\"bold\"/>\n"
  "  </style:style>\n"
  " </office:styles>\n"
  " <office:automatic-styles>\n"
  "  <style:page-layout style:name=\"A4\">\n"
  "   <style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" style:print-orientation=\"portrait\""
  " fo:margin-top=\"1.7cm\" fo:margin-bottom=\"1.5cm\" fo:margin-left=\"1.7cm\" fo:margin-right=\"1.7cm\"/>\n"
  "  </style:page-layout>\n"
  " </office:automatic-styles>\n"
  " <office:master-styles>\n"
  "  <style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\"/>\n"
  " </office:master-styles>\n"
  "</office:document-styles>\n";

static void
append_escaped (GString    *out,
                const char *text)
{
  /* not g_markup_escape_text(): it writes &#xb; and the like, which
   * XML 1.0 forbids and word processors refuse */
  g_autofree char *escaped = ar_text_escape_markup (text);

  g_string_append (out, escaped);
}

static void
append_paragraph (GString    *out,
                  const char *style,
                  const char *text)
{
  g_string_append_printf (out, "<text:p text:style-name=\"%s\">", style);
  append_escaped (out, text);
  g_string_append (out, "</text:p>");
}

static void
append_cell_start (GString *out,
                   gboolean header)
{
  g_string_append_printf (out, "<table:table-cell table:style-name=\"%s\" office:value-type=\"string\">",
                          header ? "HeaderCell" : "BodyCell");
}

static char *
content_xml (ArSummary *summary)
{
  GString *out = g_string_new (NULL);
  g_autofree char *as_at = ar_summary_format_date_line (summary);
  guint n_figures = ar_summary_get_n_figures (summary);

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<office:document-content" NAMESPACES ">\n"
                   "<office:automatic-styles>\n"
                   "<style:style style:name=\"Summary\" style:family=\"table\">"
                   "<style:table-properties style:width=\"17.6cm\" table:align=\"left\"/></style:style>\n"
                   "<style:style style:name=\"Summary.A\" style:family=\"table-column\">"
                   "<style:table-column-properties style:column-width=\"4.2cm\"/></style:style>\n"
                   "<style:style style:name=\"Summary.B\" style:family=\"table-column\">"
                   "<style:table-column-properties style:column-width=\"3.5cm\"/></style:style>\n"
                   "<style:style style:name=\"Summary.C\" style:family=\"table-column\">"
                   "<style:table-column-properties style:column-width=\"9.9cm\"/></style:style>\n"
                   /* with a comparison date: two dates and the change */
                   "<style:style style:name=\"Compared.A\" style:family=\"table-column\">"
                   "<style:table-column-properties style:column-width=\"3.5cm\"/></style:style>\n"
                   "<style:style style:name=\"Compared.B\" style:family=\"table-column\">"
                   "<style:table-column-properties style:column-width=\"2.5cm\"/></style:style>\n"
                   "<style:style style:name=\"Compared.D\" style:family=\"table-column\">"
                   "<style:table-column-properties style:column-width=\"2cm\"/></style:style>\n"
                   "<style:style style:name=\"Compared.C\" style:family=\"table-column\">"
                   "<style:table-column-properties style:column-width=\"7.1cm\"/></style:style>\n"
                   "<style:style style:name=\"HeaderCell\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:background-color=\"#e6e8ec\" fo:padding=\"0.12cm\" fo:border=\"0.5pt solid #8c9199\"/></style:style>\n"
                   "<style:style style:name=\"BodyCell\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:padding=\"0.12cm\" fo:border=\"0.5pt solid #8c9199\"/></style:style>\n"
                   "</office:automatic-styles>\n"
                   "<office:body>\n<office:text>\n");

  if (ar_summary_get_heading (summary) != NULL)
    append_paragraph (out, "Heading", ar_summary_get_heading (summary));
  append_paragraph (out, "Title", ar_summary_get_title (summary));
  append_paragraph (out, "AsAt", as_at);
  g_string_append_c (out, '\n');

  g_string_append (out, "<table:table table:name=\"Summary\" table:style-name=\"Summary\">\n");
  if (n_figures == 1)
    g_string_append (out,
                     "<table:table-column table:style-name=\"Summary.A\"/>"
                     "<table:table-column table:style-name=\"Summary.B\"/>"
                     "<table:table-column table:style-name=\"Summary.C\"/>\n");
  else
    g_string_append (out,
                     "<table:table-column table:style-name=\"Compared.A\"/>"
                     "<table:table-column table:style-name=\"Compared.B\" table:number-columns-repeated=\"2\"/>"
                     "<table:table-column table:style-name=\"Compared.D\"/>"
                     "<table:table-column table:style-name=\"Compared.C\"/>\n");
  /* header rows repeat on every page in a word processor */
  g_string_append (out, "<table:table-header-rows><table:table-row>");
  append_cell_start (out, TRUE);
  append_paragraph (out, "CellBold", ar_summary_get_role_heading (summary));
  g_string_append (out, "</table:table-cell>");
  for (guint f = 0; f < n_figures; f++)
    {
      append_cell_start (out, TRUE);
      append_paragraph (out, "CellBold", ar_summary_get_figure_heading (summary, f));
      g_string_append (out, "</table:table-cell>");
    }
  append_cell_start (out, TRUE);
  append_paragraph (out, "CellBold", ar_summary_get_functions_heading (summary));
  g_string_append (out, "</table:table-cell></table:table-row></table:table-header-rows>\n");

  for (guint i = 0; i < ar_summary_get_n_rows (summary); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (summary, i);
      GPtrArray *blocks = ar_summary_row_get_blocks (row);

      g_string_append (out, "<table:table-row>");
      append_cell_start (out, FALSE);
      append_paragraph (out, "CellBold", ar_summary_row_get_title (row));
      g_string_append (out, "</table:table-cell>");
      for (guint f = 0; f < n_figures; f++)
        {
          append_cell_start (out, FALSE);
          append_paragraph (out, "Cell", ar_summary_row_get_figure_at (row, f));
          g_string_append (out, "</table:table-cell>");
        }
      append_cell_start (out, FALSE);
      for (guint b = 0; b < blocks->len; b++)
        {
          ArTextBlock *block = g_ptr_array_index (blocks, b);

          if (block->kind == AR_TEXT_BLOCK_LIST)
            {
              g_string_append (out, "<text:list>");
              for (guint j = 0; block->items[j] != NULL; j++)
                {
                  g_string_append (out, "<text:list-item>");
                  append_paragraph (out, "Cell", block->items[j]);
                  g_string_append (out, "</text:list-item>");
                }
              g_string_append (out, "</text:list>");
            }
          else
            append_paragraph (out, "Cell", block->items[0]);
        }
      if (blocks->len == 0)
        append_paragraph (out, "Cell", "");
      g_string_append (out, "</table:table-cell></table:table-row>\n");
    }

  g_string_append (out, "</table:table>\n</office:text>\n</office:body>\n</office:document-content>\n");

  return g_string_free (out, FALSE);
}

static char *
meta_xml (ArSummary *summary)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<office:document-meta" NAMESPACES "><office:meta>");

  g_string_append (out, "<meta:generator>Alliance Register/" PACKAGE_VERSION "</meta:generator><dc:title>");
  append_escaped (out, ar_summary_get_title (summary));
  g_string_append (out, "</dc:title></office:meta></office:document-meta>\n");

  return g_string_free (out, FALSE);
}

static char *
support_content_xml (ArSupportReport *report)
{
  GString *out = g_string_new (NULL);
  /* the six columns share 17.6 cm as the PDF's do */
  static const char * const widths[AR_SUPPORT_N_COLUMNS] = { "3.9cm", "4.0cm", "2.6cm", "3.3cm", "1.8cm", "2.0cm" };

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<office:document-content" NAMESPACES ">\n"
                   "<office:automatic-styles>\n"
                   "<style:style style:name=\"Support\" style:family=\"table\">"
                   "<style:table-properties style:width=\"17.6cm\" table:align=\"left\"/></style:style>\n");
  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    g_string_append_printf (out,
                            "<style:style style:name=\"Support.%c\" style:family=\"table-column\">"
                            "<style:table-column-properties style:column-width=\"%s\"/></style:style>\n",
                            'A' + c, widths[c]);
  g_string_append (out,
                   "<style:style style:name=\"HeaderCell\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:background-color=\"#e6e8ec\" fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #8c9199\"/></style:style>\n"
                   "<style:style style:name=\"BodyCell\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #8c9199\"/></style:style>\n"
                   "</office:automatic-styles>\n"
                   "<office:body>\n<office:text>\n");

  if (ar_support_report_get_heading (report) != NULL)
    append_paragraph (out, "Heading", ar_support_report_get_heading (report));
  append_paragraph (out, "Title", ar_support_report_get_title (report));
  append_paragraph (out, "AsAt", ar_support_report_get_period (report));
  g_string_append (out, "\n<table:table table:name=\"Support\" table:style-name=\"Support\">\n");
  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    g_string_append_printf (out, "<table:table-column table:style-name=\"Support.%c\"/>", 'A' + c);
  g_string_append (out, "\n<table:table-header-rows><table:table-row>");
  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    {
      append_cell_start (out, TRUE);
      append_paragraph (out, "CellBold", ar_support_report_get_column_title (report, c));
      g_string_append (out, "</table:table-cell>");
    }
  g_string_append (out, "</table:table-row></table:table-header-rows>\n");

  for (guint r = 0; r < ar_support_report_get_n_rows (report); r++)
    {
      g_string_append (out, "<table:table-row>");
      for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
        {
          append_cell_start (out, FALSE);
          append_paragraph (out, "Cell", ar_support_report_get_cell (report, r, c));
          g_string_append (out, "</table:table-cell>");
        }
      g_string_append (out, "</table:table-row>\n");
    }
  g_string_append (out, "</table:table>\n");
  append_paragraph (out, "CellBold", ar_support_report_get_totals (report));
  g_string_append (out, "\n</office:text>\n</office:body>\n</office:document-content>\n");

  return g_string_free (out, FALSE);
}

static GBytes *
write_package (const char  *title,
               const char  *content,
               GError     **error)
{
  g_autoptr(ArZipWriter) zip = ar_zip_writer_new (NULL);
  g_autoptr(GString) meta = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<office:document-meta" NAMESPACES "><office:meta>");

  g_string_append (meta, "<meta:generator>Alliance Register/" PACKAGE_VERSION "</meta:generator><dc:title>");
  append_escaped (meta, title);
  g_string_append (meta, "</dc:title></office:meta></office:document-meta>\n");

  if (!ar_zip_writer_add (zip, "mimetype", ODT_MIME_TYPE, strlen (ODT_MIME_TYPE), FALSE, error)
      || !ar_zip_writer_add (zip, "META-INF/manifest.xml", manifest_xml, strlen (manifest_xml), TRUE, error)
      || !ar_zip_writer_add (zip, "styles.xml", styles_xml, strlen (styles_xml), TRUE, error)
      || !ar_zip_writer_add (zip, "meta.xml", meta->str, meta->len, TRUE, error)
      || !ar_zip_writer_add (zip, "content.xml", content, strlen (content), TRUE, error))
    return NULL;

  return ar_zip_writer_finish (zip);
}

/**
 * ar_odt_write_support_report:
 *
 * Returns: (transfer full): an OpenDocument text file holding the support
 *   report as a real table, its header row repeating on every page
 */
GBytes *
ar_odt_write_support_report (ArSupportReport  *report,
                             GError          **error)
{
  g_autofree char *content = NULL;

  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (report), NULL);

  content = support_content_xml (report);

  return write_package (ar_support_report_get_title (report), content, error);
}

/**
 * ar_odt_write_summary:
 *
 * Returns: (transfer full): an OpenDocument text file holding the summary
 *   as a real table, its header row marked to repeat on every page
 */
GBytes *
ar_odt_write_summary (ArSummary  *summary,
                      GError    **error)
{
  g_autoptr(ArZipWriter) zip = ar_zip_writer_new (NULL);
  g_autofree char *content = NULL;
  g_autofree char *meta = NULL;

  g_return_val_if_fail (AR_IS_SUMMARY (summary), NULL);

  content = content_xml (summary);
  meta = meta_xml (summary);

  /* ODF wants "mimetype" first and uncompressed; the rest is deflated */
  if (!ar_zip_writer_add (zip, "mimetype", ODT_MIME_TYPE, strlen (ODT_MIME_TYPE), FALSE, error)
      || !ar_zip_writer_add (zip, "META-INF/manifest.xml", manifest_xml, strlen (manifest_xml), TRUE, error)
      || !ar_zip_writer_add (zip, "styles.xml", styles_xml, strlen (styles_xml), TRUE, error)
      || !ar_zip_writer_add (zip, "meta.xml", meta, strlen (meta), TRUE, error)
      || !ar_zip_writer_add (zip, "content.xml", content, strlen (content), TRUE, error))
    return NULL;

  return ar_zip_writer_finish (zip);
}
