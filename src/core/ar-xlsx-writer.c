/* ar-xlsx-writer.c: a table as an Office Open XML workbook (.xlsx)
 *
 * Spreadsheet users want the lists and reports as workbooks with real
 * types: dates they can sort and filter by, counts they can add up. We
 * write them with libxlsxwriter, a kept library (in Debian and built as a
 * module of the flatpak) whose output Excel and LibreOffice open cleanly;
 * a writer of our own would be more code to keep right.
 *
 * One sheet: title lines, then a bold header row that stays in view
 * (panes frozen below it), then the rows. Columns are as wide as their
 * content, up to a limit past which text wraps.
 *
 * libxlsxwriter 1.1.4 (Debian 12) writes only to a named file, so the
 * workbook goes to a private temporary folder and comes back as bytes:
 * the caller writes those through ar-output-file.c like every format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-xlsx-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ar-record.h"
#include "ar-xlsx-writer.h"

/* Widest a column gets, in characters, before its text wraps */
#define MAX_WIDTH 60
/* What a spreadsheet cell holds (Excel's limit, which libxlsxwriter keeps) */
#define MAX_CELL_LENGTH 32767
/* As "yyyy-mm-dd" shows them */
#define DATE_WIDTH 10

struct _ArXlsxWriter
{
  char          *folder;
  char          *path;
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_format    *title_format;
  lxw_format    *header_format;
  lxw_format    *text_format;
  lxw_format    *wrap_format;
  lxw_format    *number_format;
  lxw_format    *date_format;
  GArray        *widths;       /* of guint, one a column */
  guint          row;
  guint          column;
  int            header_row;   /* -1 until a header cell is written */
  GError        *error;        /* the first cell that could not be written */
};

void
ar_xlsx_writer_free (ArXlsxWriter *self)
{
  if (self == NULL)
    return;

  /* not finished: nothing to keep */
  if (self->workbook != NULL)
    lxw_workbook_free (self->workbook);
  if (self->path != NULL)
    g_unlink (self->path);
  if (self->folder != NULL)
    g_rmdir (self->folder);
  g_free (self->path);
  g_free (self->folder);
  g_array_unref (self->widths);
  g_clear_error (&self->error);
  g_free (self);
}

/* Excel refuses sheet names with []:*?/\, longer than 31 characters or
 * empty; a translated title may hold any of those. */
static char *
sheet_name_for (const char *name)
{
  GString *out = g_string_new (NULL);
  guint length = 0;

  for (const char *p = name ? name : ""; *p != '\0' && length < LXW_SHEETNAME_MAX; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", *p) != NULL || c < 0x20 || (length == 0 && c == '\''))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
      length++;
    }
  while (out->len > 0 && (out->str[out->len - 1] == '\'' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_assign (out, "Sheet1");

  return g_string_free (out, FALSE);
}

/**
 * ar_xlsx_writer_new:
 * @sheet_name: the sheet's name; characters Excel does not allow in one
 *   become spaces
 *
 * Returns: (transfer full): a writer, or %NULL with @error set when no
 *   temporary folder could be made
 */
ArXlsxWriter *
ar_xlsx_writer_new (const char  *sheet_name,
                    GError     **error)
{
  g_autoptr(ArXlsxWriter) self = g_new0 (ArXlsxWriter, 1);
  g_autofree char *name = sheet_name_for (sheet_name);
  lxw_workbook_options options = { 0 };

  self->widths = g_array_new (FALSE, TRUE, sizeof (guint));
  self->header_row = -1;

  /* a folder only we can enter: the library opens files in it by name */
  self->folder = g_dir_make_tmp ("alliance-register-XXXXXX", error);
  if (self->folder == NULL)
    return NULL;
  self->path = g_build_filename (self->folder, "export.xlsx", NULL);

  options.tmpdir = self->folder;
  self->workbook = workbook_new_opt (self->path, &options);
  if (self->workbook != NULL)
    self->sheet = workbook_add_worksheet (self->workbook, name);
  if (self->sheet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot start a spreadsheet"));
      return NULL;
    }

  self->title_format = workbook_add_format (self->workbook);
  format_set_bold (self->title_format);
  format_set_font_size (self->title_format, 14);

  self->header_format = workbook_add_format (self->workbook);
  format_set_bold (self->header_format);
  format_set_bottom (self->header_format, LXW_BORDER_THIN);
  format_set_align (self->header_format, LXW_ALIGN_VERTICAL_TOP);

  /* tall wrapped cells keep the rest of their row at the top beside them */
  self->text_format = workbook_add_format (self->workbook);
  format_set_align (self->text_format, LXW_ALIGN_VERTICAL_TOP);

  self->wrap_format = workbook_add_format (self->workbook);
  format_set_align (self->wrap_format, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (self->wrap_format);

  self->number_format = workbook_add_format (self->workbook);
  format_set_align (self->number_format, LXW_ALIGN_VERTICAL_TOP);

  /* ISO, as the lists show dates, and read the same in every locale */
  self->date_format = workbook_add_format (self->workbook);
  format_set_align (self->date_format, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (self->date_format, "yyyy-mm-dd");

  return g_steal_pointer (&self);
}

/* In characters of the default font; East Asian wide ones take two. */
static guint
text_width (const char *text)
{
  guint widest = 0;
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          widest = MAX (widest, width);
          width = 0;
        }
      else
        width += g_unichar_iswide (c) ? 2 : 1;
    }

  return MAX (widest, width);
}

static void
fit (ArXlsxWriter *self,
     guint         width)
{
  if (self->column >= self->widths->len)
    g_array_set_size (self->widths, self->column + 1);
  if (width > g_array_index (self->widths, guint, self->column))
    g_array_index (self->widths, guint, self->column) = width;
}

static void
check (ArXlsxWriter *self,
       lxw_error     status)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  if (status == LXW_NO_ERROR || self->error != NULL)
    return;

  lxw_rowcol_to_cell (cell, self->row, self->column);
  if (status == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    /* Translators: %s is a spreadsheet's cell, as in "C12" */
    g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("Cell %s holds more text than a spreadsheet cell can (%d characters)"),
                 cell, MAX_CELL_LENGTH);
  else
    g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Cannot write cell %s of the spreadsheet: %s"), cell, lxw_strerror (status));
}

/**
 * ar_xlsx_writer_title:
 * @large: a report's title, in large bold type
 *
 * A line above the table, such as its title or period: it may run across
 * the columns, so it does not widen the first one.
 */
void
ar_xlsx_writer_title (ArXlsxWriter *self,
                      const char   *text,
                      gboolean      large)
{
  g_return_if_fail (self != NULL);

  if (text != NULL && text[0] != '\0')
    check (self, worksheet_write_string (self->sheet, self->row, 0, text, large ? self->title_format : NULL));
  self->column = 0;
  self->row++;
}

/**
 * ar_xlsx_writer_header:
 *
 * Adds a column title to the current row, which becomes the header row:
 * bold, and kept in view as the rows below it scroll.
 */
void
ar_xlsx_writer_header (ArXlsxWriter *self,
                       const char   *title)
{
  g_return_if_fail (self != NULL);

  self->header_row = self->row;
  /* bold takes a little more room */
  fit (self, text_width (title ? title : "") + 1);
  check (self, worksheet_write_string (self->sheet, self->row, self->column, title ? title : "",
                                       self->header_format));
  self->column++;
}

/**
 * ar_xlsx_writer_text:
 * @text: (nullable): the cell's text; %NULL or empty leaves it blank
 *
 * Adds a text cell to the current row. Text is never taken as a formula.
 */
void
ar_xlsx_writer_text (ArXlsxWriter *self,
                     const char   *text)
{
  g_return_if_fail (self != NULL);

  if (text != NULL && text[0] != '\0')
    {
      guint width = text_width (text);
      gboolean wrap = width > MAX_WIDTH || strchr (text, '\n') != NULL;

      if (self->header_row >= 0)
        fit (self, width);
      check (self, worksheet_write_string (self->sheet, self->row, self->column, text,
                                           wrap ? self->wrap_format : self->text_format));
    }
  self->column++;
}

void
ar_xlsx_writer_number (ArXlsxWriter *self,
                       double        number)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (self != NULL);

  shown = g_strdup_printf ("%g", number);
  fit (self, strlen (shown));
  check (self, worksheet_write_number (self->sheet, self->row, self->column, number, self->number_format));
  self->column++;
}

/**
 * ar_xlsx_writer_date:
 * @iso_date: (nullable): `YYYY-MM-DD`; anything else is written as text
 *   (spreadsheets have no dates before 1900)
 *
 * Adds a date cell, shown as `yyyy-mm-dd`.
 */
void
ar_xlsx_writer_date (ArXlsxWriter *self,
                     const char   *iso_date)
{
  lxw_datetime date = { 0 };

  g_return_if_fail (self != NULL);

  if (!ar_date_is_valid (iso_date)
      || sscanf (iso_date, "%4d-%2d-%2d", &date.year, &date.month, &date.day) != 3
      || date.year < 1900)
    {
      ar_xlsx_writer_text (self, iso_date);
      return;
    }

  fit (self, DATE_WIDTH);
  check (self, worksheet_write_datetime (self->sheet, self->row, self->column, &date, self->date_format));
  self->column++;
}

void
ar_xlsx_writer_end_row (ArXlsxWriter *self)
{
  g_return_if_fail (self != NULL);

  self->row++;
  self->column = 0;
}

/**
 * ar_xlsx_writer_finish:
 *
 * Closes the workbook and takes back its bytes; the temporary files go
 * when @self is freed.
 *
 * Returns: (transfer full): the .xlsx file, or %NULL with @error set when
 *   a cell could not be written or the library failed
 */
GBytes *
ar_xlsx_writer_finish (ArXlsxWriter  *self,
                       GError       **error)
{
  g_autoptr(GError) read_error = NULL;
  lxw_workbook *workbook;
  lxw_error status;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->workbook != NULL, NULL);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }

  for (guint c = 0; c < self->widths->len; c++)
    {
      guint width = g_array_index (self->widths, guint, c);

      if (width > 0)
        worksheet_set_column (self->sheet, c, c, MIN (width, MAX_WIDTH) + 2, NULL);
    }
  if (self->header_row >= 0)
    worksheet_freeze_panes (self->sheet, self->header_row + 1, 0);

  /* closing frees the workbook, whatever it returns */
  workbook = g_steal_pointer (&self->workbook);
  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the spreadsheet: %s"), lxw_strerror (status));
      return NULL;
    }

  if (!g_file_get_contents (self->path, &contents, &length, &read_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the spreadsheet: %s"), read_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}
