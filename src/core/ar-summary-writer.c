/* ar-summary-writer.c: the summary as text, Markdown, CSV, HTML, JSON and
 * a spreadsheet (.xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-summary-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ar-rich-text.h"
#include "ar-summary-writer.h"
#include "ar-text.h"
#include "ar-xlsx-writer.h"

typedef struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
} FormatInfo;

static const FormatInfo formats[] = {
  [AR_SUMMARY_FORMAT_TEXT] = { "text", "txt", "text/plain" },
  [AR_SUMMARY_FORMAT_CSV] = { "csv", "csv", "text/csv" },
  [AR_SUMMARY_FORMAT_HTML] = { "html", "html", "text/html" },
  [AR_SUMMARY_FORMAT_MARKDOWN] = { "md", "md", "text/markdown" },
  [AR_SUMMARY_FORMAT_JSON] = { "json", "json", "application/json" },
  [AR_SUMMARY_FORMAT_PDF] = { "pdf", "pdf", "application/pdf" },
  [AR_SUMMARY_FORMAT_ODT] = { "odt", "odt", "application/vnd.oasis.opendocument.text" },
  [AR_SUMMARY_FORMAT_XLSX] = { "xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
};

gboolean
ar_summary_format_from_string (const char      *name,
                               ArSummaryFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (name, formats[i].name) == 0
          || g_ascii_strcasecmp (name, formats[i].extension) == 0)
        {
          *format = i;
          return TRUE;
        }
    }

  if (g_ascii_strcasecmp (name, "markdown") == 0 || g_ascii_strcasecmp (name, "txt") == 0)
    {
      *format = name[0] == 'm' || name[0] == 'M' ? AR_SUMMARY_FORMAT_MARKDOWN : AR_SUMMARY_FORMAT_TEXT;
      return TRUE;
    }

  return FALSE;
}

const char *
ar_summary_format_to_string (ArSummaryFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].name;
}

const char *
ar_summary_format_extension (ArSummaryFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

const char *
ar_summary_format_mime_type (ArSummaryFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].mime_type;
}

static char *
as_at_line (ArSummary *summary)
{
  return ar_summary_format_date_line (summary);
}

/* Plain text ---------------------------------------------------------- */

#define TEXT_ROLE_WIDTH      26
#define TEXT_FIGURE_WIDTH    22
#define TEXT_FUNCTIONS_WIDTH 56
/* with a comparison date: two dates and the change, narrower key functions */
#define TEXT_COMPARED_WIDTH  16
#define TEXT_CHANGE_WIDTH    14
#define TEXT_COMPARED_FUNCTIONS_WIDTH 44
#define TEXT_MAX_COLUMNS     5

static void
append_wrapped (GPtrArray  *lines,
                const char *text,
                guint       width,
                const char *first_prefix,
                const char *next_prefix)
{
  guint prefix_width = g_utf8_strlen (first_prefix, -1);
  g_autofree char *wrapped = ar_text_wrap (text, width - prefix_width);
  g_auto(GStrv) parts = g_strsplit (wrapped, "\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    g_ptr_array_add (lines, g_strconcat (i == 0 ? first_prefix : next_prefix, parts[i], NULL));
}

static GPtrArray *
cell_lines_for_blocks (GPtrArray *blocks,
                       guint      width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint b = 0; b < blocks->len; b++)
    {
      ArTextBlock *block = g_ptr_array_index (blocks, b);

      if (b > 0)
        g_ptr_array_add (lines, g_strdup (""));

      for (guint i = 0; block->items[i] != NULL; i++)
        {
          if (block->kind == AR_TEXT_BLOCK_LIST)
            append_wrapped (lines, block->items[i], width, "• ", "  ");
          else
            append_wrapped (lines, block->items[i], width, "", "");
        }
    }

  return lines;
}

static GPtrArray *
cell_lines (const char *text,
            guint       width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  append_wrapped (lines, text, width, "", "");

  return lines;
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

/* @cells: each column's lines; the last column is not padded */
static void
append_text_row (GString    *out,
                 GPtrArray **cells,
                 guint       n_columns,
                 const guint *widths)
{
  guint n = 0;
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    n = MAX (n, cells[c]->len);

  for (guint i = 0; i < n; i++)
    {
      g_string_truncate (line, 0);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *text = i < cells[c]->len ? g_ptr_array_index (cells[c], i) : "";

          if (c + 1 < n_columns)
            {
              append_padded (line, text, widths[c]);
              g_string_append (line, "  ");
            }
          else
            g_string_append (line, text);
        }

      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append (out, line->str);
      g_string_append_c (out, '\n');
    }
}

static void
append_rule (GString *out,
             guint    width)
{
  for (guint i = 0; i < width; i++)
    g_string_append (out, "─");
}

/**
 * ar_summary_to_text:
 *
 * Returns: (transfer full): the summary as a plain-text table, key
 *   functions wrapped, for a terminal or an email
 */
static void
clear_cells (GPtrArray **cells,
             guint       n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    g_clear_pointer (&cells[c], g_ptr_array_unref);
}

char *
ar_summary_to_text (ArSummary *summary)
{
  GString *out = g_string_new (NULL);
  g_autofree char *as_at = as_at_line (summary);
  GPtrArray *cells[TEXT_MAX_COLUMNS] = { NULL };
  guint widths[TEXT_MAX_COLUMNS];
  guint n_figures, n_columns, rule = 0;

  g_return_val_if_fail (AR_IS_SUMMARY (summary), NULL);

  n_figures = ar_summary_get_n_figures (summary);
  n_columns = n_figures + 2;
  widths[0] = TEXT_ROLE_WIDTH;
  if (n_figures == 1)
    {
      widths[1] = TEXT_FIGURE_WIDTH;
      widths[2] = TEXT_FUNCTIONS_WIDTH;
    }
  else
    {
      widths[1] = widths[2] = TEXT_COMPARED_WIDTH;
      widths[3] = TEXT_CHANGE_WIDTH;
      widths[4] = TEXT_COMPARED_FUNCTIONS_WIDTH;
    }
  for (guint c = 0; c < n_columns; c++)
    rule += widths[c] + (c > 0 ? 2 : 0);

  if (ar_summary_get_heading (summary) != NULL)
    g_string_append_printf (out, "%s\n", ar_summary_get_heading (summary));
  g_string_append_printf (out, "%s\n%s\n\n", ar_summary_get_title (summary), as_at);

  cells[0] = cell_lines (ar_summary_get_role_heading (summary), widths[0]);
  for (guint f = 0; f < n_figures; f++)
    cells[1 + f] = cell_lines (ar_summary_get_figure_heading (summary, f), widths[1 + f]);
  cells[n_columns - 1] = cell_lines (ar_summary_get_functions_heading (summary), widths[n_columns - 1]);
  append_text_row (out, cells, n_columns, widths);

  for (guint i = 0; i < ar_summary_get_n_rows (summary); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (summary, i);

      append_rule (out, rule);
      g_string_append_c (out, '\n');

      clear_cells (cells, n_columns);
      cells[0] = cell_lines (ar_summary_row_get_title (row), widths[0]);
      for (guint f = 0; f < n_figures; f++)
        cells[1 + f] = cell_lines (ar_summary_row_get_figure_at (row, f), widths[1 + f]);
      cells[n_columns - 1] = cell_lines_for_blocks (ar_summary_row_get_blocks (row), widths[n_columns - 1]);
      append_text_row (out, cells, n_columns, widths);
    }
  clear_cells (cells, n_columns);

  return g_string_free (out, FALSE);
}

/* Markdown ------------------------------------------------------------ */

static void
append_markdown_escaped (GString    *out,
                         const char *raw_text)
{
  /* noncharacters as U+FFFD: Markdown becomes HTML */
  g_autofree char *text = ar_text_for_layout (raw_text);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '\n': case '\r': g_string_append_c (out, ' '); break;
        case '\\': case '|': case '*': case '_': case '`': case '[': case ']': case '#':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        default:
          /* Markdown becomes HTML, which holds no control characters */
          g_string_append_c (out, (guchar) *p < 0x20 ? ' ' : *p);
          break;
        }
    }
}

/**
 * ar_summary_to_markdown:
 *
 * Markdown tables hold one line per cell, so paragraphs and list items
 * inside a cell are separated with `<br>` and lists keep their bullets.
 *
 * Returns: (transfer full): the summary as a Markdown table
 */
char *
ar_summary_to_markdown (ArSummary *summary)
{
  GString *out = g_string_new (NULL);
  g_autofree char *as_at = as_at_line (summary);

  g_return_val_if_fail (AR_IS_SUMMARY (summary), NULL);

  if (ar_summary_get_heading (summary) != NULL)
    {
      g_string_append (out, "**");
      append_markdown_escaped (out, ar_summary_get_heading (summary));
      g_string_append (out, "**\n\n");
    }
  g_string_append (out, "# ");
  append_markdown_escaped (out, ar_summary_get_title (summary));
  g_string_append (out, "\n\n");
  append_markdown_escaped (out, as_at);
  g_string_append (out, "\n\n| ");
  append_markdown_escaped (out, ar_summary_get_role_heading (summary));
  g_string_append (out, " | ");
  for (guint f = 0; f < ar_summary_get_n_figures (summary); f++)
    {
      append_markdown_escaped (out, ar_summary_get_figure_heading (summary, f));
      g_string_append (out, " | ");
    }
  append_markdown_escaped (out, ar_summary_get_functions_heading (summary));
  g_string_append (out, " |\n|---|");
  for (guint f = 0; f < ar_summary_get_n_figures (summary); f++)
    g_string_append (out, "---|");
  g_string_append (out, "---|\n");

  for (guint i = 0; i < ar_summary_get_n_rows (summary); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (summary, i);
      GPtrArray *blocks = ar_summary_row_get_blocks (row);

      g_string_append (out, "| ");
      append_markdown_escaped (out, ar_summary_row_get_title (row));
      g_string_append (out, " | ");
      for (guint f = 0; f < ar_summary_row_get_n_figures (row); f++)
        {
          append_markdown_escaped (out, ar_summary_row_get_figure_at (row, f));
          g_string_append (out, " | ");
        }

      for (guint b = 0; b < blocks->len; b++)
        {
          ArTextBlock *block = g_ptr_array_index (blocks, b);

          if (b > 0)
            g_string_append (out, "<br><br>");
          for (guint j = 0; block->items[j] != NULL; j++)
            {
              if (j > 0)
                g_string_append (out, "<br>");
              if (block->kind == AR_TEXT_BLOCK_LIST)
                g_string_append (out, "• ");
              append_markdown_escaped (out, block->items[j]);
            }
        }
      g_string_append (out, " |\n");
    }

  return g_string_free (out, FALSE);
}

/* CSV ----------------------------------------------------------------- */

/**
 * ar_csv_escape_cell:
 *
 * Quotes a cell as RFC 4180 wants, and puts an apostrophe before text a
 * spreadsheet would take as a formula (=, +, -, @, tab, carriage return),
 * so that opening an export never runs anything.
 *
 * Returns: (transfer full): the cell, ready to write between commas
 */
char *
ar_csv_escape_cell (const char *text)
{
  GString *out = g_string_new ("\"");

  if (text != NULL && strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (out, '\'');

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

static char *
blocks_to_plain (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);

  for (guint b = 0; b < blocks->len; b++)
    {
      ArTextBlock *block = g_ptr_array_index (blocks, b);

      if (b > 0)
        g_string_append (out, "\n\n");
      for (guint i = 0; block->items[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (out, '\n');
          if (block->kind == AR_TEXT_BLOCK_LIST)
            g_string_append (out, "• ");
          g_string_append (out, block->items[i]);
        }
    }

  return g_string_free (out, FALSE);
}

/* @cells: %NULL-terminated */
static void
append_csv_row (GString     *out,
                const char **cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *cell = ar_csv_escape_cell (cells[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, cell);
    }
  g_string_append (out, "\r\n");
}

/**
 * ar_summary_to_csv:
 *
 * Returns: (transfer full): the table as CSV (RFC 4180, CRLF), a header
 *   row then one row per role; lists keep their bullets inside the cell
 */
char *
ar_summary_to_csv (ArSummary *summary)
{
  GString *out = g_string_new (NULL);
  const char *cells[6] = { NULL };
  guint n_figures;

  g_return_val_if_fail (AR_IS_SUMMARY (summary), NULL);

  n_figures = ar_summary_get_n_figures (summary);
  cells[0] = ar_summary_get_role_heading (summary);
  for (guint f = 0; f < n_figures; f++)
    cells[1 + f] = ar_summary_get_figure_heading (summary, f);
  cells[1 + n_figures] = ar_summary_get_functions_heading (summary);
  append_csv_row (out, cells);

  for (guint i = 0; i < ar_summary_get_n_rows (summary); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (summary, i);
      g_autofree char *functions = blocks_to_plain (ar_summary_row_get_blocks (row));

      cells[0] = ar_summary_row_get_title (row);
      for (guint f = 0; f < n_figures; f++)
        cells[1 + f] = ar_summary_row_get_figure_at (row, f);
      cells[1 + n_figures] = functions;
      append_csv_row (out, cells);
    }

  return g_string_free (out, FALSE);
}

/* Spreadsheet --------------------------------------------------------- */

/**
 * ar_summary_to_xlsx:
 *
 * The table under the title and the as-at date (a date cell), with the
 * second date's figures and the change when compared. A figure that is a
 * plain count is a number; one in words ("9 MATs sponsoring…", "no data
 * held") stays text.
 *
 * Returns: (transfer full): the .xlsx file, or %NULL with @error set
 */
GBytes *
ar_summary_to_xlsx (ArSummary  *summary,
                    GError    **error)
{
  g_autoptr(ArXlsxWriter) writer = NULL;
  guint n_figures;

  g_return_val_if_fail (AR_IS_SUMMARY (summary), NULL);

  /* Translators: the name of the spreadsheet's sheet that holds the summary */
  writer = ar_xlsx_writer_new (_("Summary"), error);
  if (writer == NULL)
    return NULL;

  if (ar_summary_get_heading (summary) != NULL)
    ar_xlsx_writer_title (writer, ar_summary_get_heading (summary), FALSE);
  ar_xlsx_writer_title (writer, ar_summary_get_title (summary), TRUE);
  /* Translators: beside the summary's date in a spreadsheet */
  ar_xlsx_writer_text (writer, _("As at"));
  ar_xlsx_writer_date (writer, ar_summary_get_as_at (summary));
  ar_xlsx_writer_end_row (writer);
  if (ar_summary_get_compare_to (summary) != NULL)
    {
      /* Translators: beside the summary's second date in a spreadsheet */
      ar_xlsx_writer_text (writer, _("Compared with"));
      ar_xlsx_writer_date (writer, ar_summary_get_compare_to (summary));
      ar_xlsx_writer_end_row (writer);
    }
  ar_xlsx_writer_title (writer, NULL, FALSE);

  n_figures = ar_summary_get_n_figures (summary);
  ar_xlsx_writer_header (writer, ar_summary_get_role_heading (summary));
  for (guint f = 0; f < n_figures; f++)
    ar_xlsx_writer_header (writer, ar_summary_get_figure_heading (summary, f));
  ar_xlsx_writer_header (writer, ar_summary_get_functions_heading (summary));
  ar_xlsx_writer_end_row (writer);

  for (guint i = 0; i < ar_summary_get_n_rows (summary); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (summary, i);
      g_autofree char *functions = blocks_to_plain (ar_summary_row_get_blocks (row));

      ar_xlsx_writer_text (writer, ar_summary_row_get_title (row));
      for (guint f = 0; f < n_figures; f++)
        {
          const char *figure = ar_summary_row_get_figure_at (row, f);
          guint64 count;

          /* a plain count is a number a spreadsheet can add up; words
           * ("no data held"), and a change with its sign, stay text */
          if (figure != NULL && g_ascii_isdigit (figure[0])
              && g_ascii_string_to_unsigned (figure, 10, 0, G_MAXINT64, &count, NULL))
            ar_xlsx_writer_number (writer, (gint64) count);
          else
            ar_xlsx_writer_text (writer, figure);
        }
      ar_xlsx_writer_text (writer, functions);
      ar_xlsx_writer_end_row (writer);
    }

  return ar_xlsx_writer_finish (writer, error);
}

/* HTML ---------------------------------------------------------------- */

static void
append_html (GString    *out,
             const char *format,
             const char *text)
{
  g_autofree char *escaped = ar_text_escape_markup (text);

  g_string_append_printf (out, format, escaped);
}

/**
 * ar_summary_to_html:
 *
 * Returns: (transfer full): a whole HTML document with a real `<table>`;
 *   every text escaped. Also what Copy puts on the clipboard as text/html.
 */
char *
ar_summary_to_html (ArSummary *summary)
{
  GString *out = g_string_new (NULL);
  g_autofree char *as_at = as_at_line (summary);

  g_return_val_if_fail (AR_IS_SUMMARY (summary), NULL);

  g_string_append (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
  append_html (out, "<title>%s</title>\n", ar_summary_get_title (summary));
  g_string_append (out,
                   "<style>\n"
                   "body { font-family: sans-serif; }\n"
                   "table { border-collapse: collapse; width: 100%; }\n"
                   "th, td { border: 1px solid #777; padding: 6px; text-align: left; vertical-align: top; }\n"
                   "th { background: #e8e8e8; }\n"
                   "td p, td ul { margin: 0 0 6px 0; }\n"
                   "</style>\n</head>\n<body>\n");

  if (ar_summary_get_heading (summary) != NULL)
    append_html (out, "<h2>%s</h2>\n", ar_summary_get_heading (summary));
  append_html (out, "<h1>%s</h1>\n", ar_summary_get_title (summary));
  append_html (out, "<p>%s</p>\n", as_at);

  g_string_append (out, "<table>\n<thead>\n<tr>");
  append_html (out, "<th>%s</th>", ar_summary_get_role_heading (summary));
  for (guint f = 0; f < ar_summary_get_n_figures (summary); f++)
    append_html (out, "<th>%s</th>", ar_summary_get_figure_heading (summary, f));
  append_html (out, "<th>%s</th>", ar_summary_get_functions_heading (summary));
  g_string_append (out, "</tr>\n</thead>\n<tbody>\n");

  for (guint i = 0; i < ar_summary_get_n_rows (summary); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (summary, i);
      GPtrArray *blocks = ar_summary_row_get_blocks (row);

      g_string_append (out, "<tr>");
      append_html (out, "<td>%s</td>", ar_summary_row_get_title (row));
      for (guint f = 0; f < ar_summary_row_get_n_figures (row); f++)
        append_html (out, "<td>%s</td>", ar_summary_row_get_figure_at (row, f));
      g_string_append (out, "<td>");
      for (guint b = 0; b < blocks->len; b++)
        {
          ArTextBlock *block = g_ptr_array_index (blocks, b);

          if (block->kind == AR_TEXT_BLOCK_LIST)
            {
              g_string_append (out, "<ul>");
              for (guint j = 0; block->items[j] != NULL; j++)
                append_html (out, "<li>%s</li>", block->items[j]);
              g_string_append (out, "</ul>");
            }
          else
            append_html (out, "<p>%s</p>", block->items[0]);
        }
      g_string_append (out, "</td></tr>\n");
    }

  g_string_append (out, "</tbody>\n</table>\n</body>\n</html>\n");

  return g_string_free (out, FALSE);
}

/* JSON ---------------------------------------------------------------- */

/**
 * ar_summary_to_json:
 *
 * Returns: (transfer full): the summary as JSON: the figures as numbers
 *   for other programs, and as shown, with the key functions in blocks
 */
char *
ar_summary_to_json (ArSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (AR_IS_SUMMARY (summary), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "alliance-register-summary");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "area");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, ar_summary_get_area_code (summary));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ar_summary_get_area_name (summary));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "as_at");
  json_builder_add_string_value (builder, ar_summary_get_as_at (summary));
  /* only with a comparison date, so version 1 readers see no change */
  if (ar_summary_get_compare_to (summary) != NULL)
    {
      json_builder_set_member_name (builder, "compare_to");
      json_builder_add_string_value (builder, ar_summary_get_compare_to (summary));
    }
  json_builder_set_member_name (builder, "heading");
  if (ar_summary_get_heading (summary) != NULL)
    json_builder_add_string_value (builder, ar_summary_get_heading (summary));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, ar_summary_get_title (summary));
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, ar_summary_get_role_heading (summary));
  for (guint f = 0; f < ar_summary_get_n_figures (summary); f++)
    json_builder_add_string_value (builder, ar_summary_get_figure_heading (summary, f));
  json_builder_add_string_value (builder, ar_summary_get_functions_heading (summary));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ar_summary_get_n_rows (summary); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (summary, i);
      GPtrArray *blocks = ar_summary_row_get_blocks (row);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, ar_summary_row_get_code (row));
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, ar_summary_row_get_title (row));
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, ar_summary_row_get_count (row));
      if (g_strcmp0 (ar_summary_row_get_code (row), "MAT") == 0)
        {
          json_builder_set_member_name (builder, "schools");
          json_builder_add_int_value (builder, ar_summary_row_get_school_count (row));
        }
      /* DEP's second figure: days delivered in the academic year so far */
      if (g_strcmp0 (ar_summary_row_get_code (row), "DEP") == 0)
        {
          json_builder_set_member_name (builder, "days_delivered");
          json_builder_add_int_value (builder, ar_summary_row_get_school_count (row));
        }
      json_builder_set_member_name (builder, "has_records");
      json_builder_add_boolean_value (builder, ar_summary_row_get_has_records (row));
      json_builder_set_member_name (builder, "figure");
      json_builder_add_string_value (builder, ar_summary_row_get_figure (row));
      if (ar_summary_row_get_change (row) != NULL)
        {
          /* the figure on compare_to, and the change from the earlier
           * date to the later as a number and as shown */
          json_builder_set_member_name (builder, "compare_count");
          json_builder_add_int_value (builder, ar_summary_row_get_compare_count (row));
          json_builder_set_member_name (builder, "compare_figure");
          json_builder_add_string_value (builder, ar_summary_row_get_compare_figure (row));
          json_builder_set_member_name (builder, "change");
          json_builder_add_int_value (builder, g_strcmp0 (ar_summary_get_compare_to (summary),
                                                          ar_summary_get_as_at (summary)) < 0
                                      ? ar_summary_row_get_count (row) - ar_summary_row_get_compare_count (row)
                                      : ar_summary_row_get_compare_count (row) - ar_summary_row_get_count (row));
          json_builder_set_member_name (builder, "change_figure");
          json_builder_add_string_value (builder, ar_summary_row_get_change (row));
        }
      json_builder_set_member_name (builder, "key_functions");
      json_builder_begin_array (builder);
      for (guint b = 0; b < blocks->len; b++)
        {
          ArTextBlock *block = g_ptr_array_index (blocks, b);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, block->kind == AR_TEXT_BLOCK_LIST ? "list" : "paragraph");
          json_builder_set_member_name (builder, block->kind == AR_TEXT_BLOCK_LIST ? "items" : "text");
          if (block->kind == AR_TEXT_BLOCK_LIST)
            {
              json_builder_begin_array (builder);
              for (guint j = 0; block->items[j] != NULL; j++)
                json_builder_add_string_value (builder, block->items[j]);
              json_builder_end_array (builder);
            }
          else
            json_builder_add_string_value (builder, block->items[0]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

/**
 * ar_summary_write:
 *
 * Returns: (transfer full): @summary in @format (the text formats in
 *   UTF-8); PDF and ODT are written by the report library and refused here
 */
GBytes *
ar_summary_write (ArSummary        *summary,
                  ArSummaryFormat   format,
                  GError          **error)
{
  char *text = NULL;

  g_return_val_if_fail (AR_IS_SUMMARY (summary), NULL);

  switch (format)
    {
    case AR_SUMMARY_FORMAT_TEXT:
      text = ar_summary_to_text (summary);
      break;

    case AR_SUMMARY_FORMAT_CSV:
      text = ar_summary_to_csv (summary);
      break;

    case AR_SUMMARY_FORMAT_HTML:
      text = ar_summary_to_html (summary);
      break;

    case AR_SUMMARY_FORMAT_MARKDOWN:
      text = ar_summary_to_markdown (summary);
      break;

    case AR_SUMMARY_FORMAT_JSON:
      text = ar_summary_to_json (summary);
      break;

    case AR_SUMMARY_FORMAT_XLSX:
      return ar_summary_to_xlsx (summary, error);

    case AR_SUMMARY_FORMAT_PDF:
    case AR_SUMMARY_FORMAT_ODT:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Core cannot write %s: use the report library"),
                   ar_summary_format_to_string (format));
      return NULL;
    }

  return g_bytes_new_take (text, strlen (text));
}
