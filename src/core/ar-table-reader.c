/* ar-table-reader.c: the first sheet of a spreadsheet, as rows of text
 *
 * Coordinators keep their lists of leaders and member schools in
 * spreadsheets: CSV (commas, semicolons or tabs, UTF-8 or Windows-1252,
 * read by ArCsvReader), OpenDocument (.ods) and Office Open XML (.xlsx).
 * The two packaged formats are ZIP archives of XML, read here with our
 * ZIP reader and GMarkup: no library in Debian and the GNOME runtime reads
 * them (FreeXL reads only .xls), and the part we need is small.
 *
 * Every cell becomes text as a user would type it: numbers without
 * binary noise ("3" rather than "3.0000000000000004"), date cells as
 * ISO dates, everything trimmed and valid UTF-8. The first row with text
 * is the header; blank rows are skipped; each row keeps its line (the
 * sheet's row number, or the CSV file's line) for messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-table-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ar-csv-reader.h"
#include "ar-store.h"
#include "ar-table-reader.h"
#include "ar-zip-reader.h"

/* Files a user chose may be hostile: a small archive may claim to unpack
 * into gigabytes, a sheet may repeat one cell a million times. */
#define MAX_FILE_SIZE  (64 * 1024 * 1024)
#define MAX_ENTRY_SIZE (128 * 1024 * 1024)
#define MAX_CELL_SIZE  (64 * 1024)

struct _ArTableReader
{
  GObject       parent_instance;

  char         *source_name;
  char         *sheet_name;
  ArTableFormat format;
  GPtrArray    *header;   /* of char* */
  GPtrArray    *rows;     /* of GPtrArray of char* */
  GArray       *lines;    /* of guint, one a row */
};

G_DEFINE_FINAL_TYPE (ArTableReader, ar_table_reader, G_TYPE_OBJECT)

static void
ar_table_reader_finalize (GObject *object)
{
  ArTableReader *self = AR_TABLE_READER (object);

  g_free (self->source_name);
  g_free (self->sheet_name);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->lines);

  G_OBJECT_CLASS (ar_table_reader_parent_class)->finalize (object);
}

static void
ar_table_reader_class_init (ArTableReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ar_table_reader_finalize;
}

static void
ar_table_reader_init (ArTableReader *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
}

static gboolean
fail (GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT, message);
  return FALSE;
}

/* Text as a cell shows it: valid UTF-8 (anything else replaced), no
 * control characters but tab and line break, trimmed. */
static char *
clean_text (const char *text,
            gssize      length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || (c >= 0x80 && c < 0xa0))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

static gboolean
read_escape (const char *p,
             const char *end,
             guint      *unit)
{
  guint value = 0;

  if (end - p < 7 || p[0] != '_' || p[1] != 'x' || p[6] != '_')
    return FALSE;
  for (guint i = 2; i < 6; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
      value = value * 16 + (guint) g_ascii_xdigit_value (p[i]);
    }
  *unit = value;

  return TRUE;
}

/**
 * ar_xlsx_decode_escapes:
 *
 * Office Open XML writes a character XML cannot hold (a control
 * character) as `_xHHHH_`, a UTF-16 code unit in hex, and a literal `_x`
 * that would read as one with its underscore as `_x005F_` (ECMA-376
 * Part 1, 22.9.2.19 ST_Xstring). Decodes them, a surrogate pair into one
 * character; a lone surrogate becomes U+FFFD and `_x0000_` nothing.
 *
 * Returns: (transfer full): @text decoded, maybe not valid UTF-8 if
 *   @text was not
 */
char *
ar_xlsx_decode_escapes (const char *text,
                        gsize       length)
{
  const char *end = text + length;
  GString *out = g_string_sized_new (length);

  for (const char *p = text; p < end;)
    {
      guint unit;
      guint low;

      if (!read_escape (p, end, &unit))
        {
          g_string_append_c (out, *p++);
          continue;
        }
      p += 7;
      if (unit >= 0xd800 && unit < 0xdc00 && read_escape (p, end, &low) && low >= 0xdc00 && low < 0xe000)
        {
          p += 7;
          unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        }
      else if (unit >= 0xd800 && unit < 0xe000)
        unit = 0xfffd;
      /* a NUL would end the text; a cell shows no control characters */
      if (unit != 0)
        g_string_append_unichar (out, unit);
    }

  return g_string_free (out, FALSE);
}

/* A string cell of an .xlsx: its escapes decoded, then cleaned */
static char *
xlsx_text (const char *text,
           gsize       length)
{
  g_autofree char *decoded = ar_xlsx_decode_escapes (text, length);

  return clean_text (decoded, -1);
}

static gboolean
row_is_blank (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (((const char *) row->pdata[i])[0] != '\0')
      return FALSE;

  return TRUE;
}

/* Takes one row of the sheet: the first with text is the header. */
static gboolean
add_row (ArTableReader  *self,
         GPtrArray      *row,
         guint           line,
         GError        **error)
{
  if (row_is_blank (row))
    {
      g_ptr_array_unref (row);
      return TRUE;
    }

  if (self->header == NULL)
    {
      self->header = row;
      return TRUE;
    }

  if (self->rows->len >= AR_TABLE_READER_MAX_ROWS)
    {
      g_ptr_array_unref (row);
      return fail (error, _("%s has more than %u rows; this is not a list a register imports"),
                   self->source_name, AR_TABLE_READER_MAX_ROWS);
    }

  g_ptr_array_add (self->rows, row);
  g_array_append_val (self->lines, line);
  return TRUE;
}

/* Sets a cell of @row, growing it with empty cells as needed. */
static gboolean
set_cell (ArTableReader  *self,
          GPtrArray      *row,
          guint           column,
          char           *text,
          guint           line,
          GError        **error)
{
  if (column >= AR_TABLE_READER_MAX_COLUMNS)
    {
      gboolean blank = text[0] == '\0';

      g_free (text);
      if (blank)
        return TRUE;
      return fail (error, _("%s, row %u: more than %u columns; this is not a list a register imports"),
                   self->source_name, line, AR_TABLE_READER_MAX_COLUMNS);
    }

  while (row->len <= column)
    g_ptr_array_add (row, g_strdup (""));
  g_free (row->pdata[column]);
  row->pdata[column] = text;

  return TRUE;
}

/* A number as a person would type it: integers whole, the rest without
 * the last bits of binary noise. */
static char *
number_text (const char *value)
{
  char *end = NULL;
  double number = g_ascii_strtod (value, &end);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (end == value || *end != '\0' || !isfinite (number))
    return clean_text (value, -1);
  if (number == floor (number) && fabs (number) < 1e15)
    return g_strdup_printf ("%.0f", number);

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", number));
}

/* A spreadsheet's day number (1900 date system) as an ISO date. */
static char *
serial_date_text (const char *value)
{
  char *end = NULL;
  double serial = g_ascii_strtod (value, &end);
  GDate date;
  char iso[16];

  if (end == value || *end != '\0' || !isfinite (serial) || serial < 1 || serial > 2958465)
    return number_text (value);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, (guint) serial);
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);

  return g_strdup (iso);
}

/* GMarkup gives names with their prefix ("table:table-row"); the
 * standard prefixes are what every writer uses, but compare the local
 * name only. */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon ? colon + 1 : name;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (local_name (names[i]), wanted) == 0)
      return values[i];

  return NULL;
}

static guint
attribute_count (const char **names,
                 const char **values,
                 const char  *wanted)
{
  const char *value = attribute (names, values, wanted);
  guint64 count;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &count, NULL))
    return 1;

  return (guint) count;
}

static gboolean
parse_xml (GBytes                  *xml,
           const char              *source_name,
           const char              *entry,
           const GMarkupParser     *parser,
           gpointer                 data,
           GError                 **error)
{
  g_autoptr(GMarkupParseContext) context =
    g_markup_parse_context_new (parser, G_MARKUP_PREFIX_ERROR_POSITION, data, NULL);
  gsize length;
  const char *text = g_bytes_get_data (xml, &length);
  g_autoptr(GError) local_error = NULL;

  if (g_markup_parse_context_parse (context, text, length, &local_error) &&
      g_markup_parse_context_end_parse (context, &local_error))
    return TRUE;

  if (local_error->domain == AR_STORE_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    fail (error, _("%s: %s in the file is damaged: %s"), source_name, entry, local_error->message);
  return FALSE;
}

/* --- OpenDocument -------------------------------------------------- */

typedef struct
{
  ArTableReader *self;
  int            tables;        /* table elements seen; only the first is read */
  gboolean       in_table;
  GPtrArray     *row;
  guint          line;          /* the sheet's row number */
  guint          rows_repeated;
  guint          column;
  gboolean       in_cell;
  guint          columns_repeated;
  char          *value;         /* a typed cell's value: number, date, boolean */
  GString       *text;
  guint          paragraphs;
  int            skip_depth;    /* inside a comment or shape: not cell text */
} OdsParse;

static void
ods_start (GMarkupParseContext  *context,
           const char           *name,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  OdsParse *parse = user_data;
  const char *local = local_name (name);

  if (parse->skip_depth > 0)
    {
      parse->skip_depth++;
      return;
    }

  if (strcmp (local, "table") == 0)
    {
      if (parse->tables++ == 0)
        {
          parse->in_table = TRUE;
          parse->self->sheet_name = g_strdup (attribute (names, values, "name"));
        }
    }
  else if (!parse->in_table)
    return;
  else if (strcmp (local, "table-row") == 0)
    {
      parse->row = g_ptr_array_new_with_free_func (g_free);
      parse->rows_repeated = attribute_count (names, values, "number-rows-repeated");
      parse->column = 0;
    }
  else if ((strcmp (local, "table-cell") == 0 || strcmp (local, "covered-table-cell") == 0) &&
           parse->row != NULL)
    {
      const char *type = attribute (names, values, "value-type");

      parse->in_cell = TRUE;
      parse->columns_repeated = attribute_count (names, values, "number-columns-repeated");
      g_string_truncate (parse->text, 0);
      parse->paragraphs = 0;
      g_clear_pointer (&parse->value, g_free);

      if (type == NULL || strcmp (type, "string") == 0)
        ;
      else if (strcmp (type, "date") == 0 && attribute (names, values, "date-value") != NULL)
        parse->value = g_strndup (attribute (names, values, "date-value"), 10);
      else if (strcmp (type, "boolean") == 0 && attribute (names, values, "boolean-value") != NULL)
        parse->value = g_strdup (strcmp (attribute (names, values, "boolean-value"), "true") == 0
                                 ? "TRUE" : "FALSE");
      else if (attribute (names, values, "value") != NULL &&
               (strcmp (type, "float") == 0 || strcmp (type, "percentage") == 0 ||
                strcmp (type, "currency") == 0))
        parse->value = number_text (attribute (names, values, "value"));
    }
  else if (!parse->in_cell)
    return;
  else if (strcmp (local, "annotation") == 0 || strcmp (local, "frame") == 0)
    parse->skip_depth = 1;
  else if (strcmp (local, "p") == 0 || strcmp (local, "h") == 0)
    {
      if (parse->paragraphs++ > 0)
        g_string_append_c (parse->text, '\n');
    }
  else if (strcmp (local, "s") == 0)
    {
      guint spaces = MIN (attribute_count (names, values, "c"), 1024);

      for (guint i = 0; i < spaces; i++)
        g_string_append_c (parse->text, ' ');
    }
  else if (strcmp (local, "tab") == 0)
    g_string_append_c (parse->text, '\t');
  else if (strcmp (local, "line-break") == 0)
    g_string_append_c (parse->text, '\n');
}

static void
ods_end (GMarkupParseContext  *context,
         const char           *name,
         gpointer              user_data,
         GError              **error)
{
  OdsParse *parse = user_data;
  const char *local = local_name (name);

  if (parse->skip_depth > 0)
    {
      parse->skip_depth--;
      return;
    }
  if (!parse->in_table)
    return;

  if (strcmp (local, "table") == 0)
    parse->in_table = FALSE;
  else if ((strcmp (local, "table-cell") == 0 || strcmp (local, "covered-table-cell") == 0) &&
           parse->in_cell)
    {
      g_autofree char *text = parse->value ? g_strdup (parse->value)
                                           : clean_text (parse->text->str, parse->text->len);

      parse->in_cell = FALSE;
      /* LibreOffice ends a row with its thousand empty columns as one
       * repeated cell: skip blanks, spell out what holds text */
      if (text[0] == '\0')
        parse->column += MIN (parse->columns_repeated, AR_TABLE_READER_MAX_COLUMNS);
      else
        for (guint i = 0; i < parse->columns_repeated; i++)
          if (!set_cell (parse->self, parse->row, parse->column++, g_strdup (text),
                         parse->line + 1, error))
            return;
    }
  else if (strcmp (local, "table-row") == 0 && parse->row != NULL)
    {
      g_autoptr(GPtrArray) row = g_steal_pointer (&parse->row);

      if (row_is_blank (row))
        {
          parse->line += parse->rows_repeated;
          return;
        }

      for (guint i = 0; i < parse->rows_repeated; i++)
        {
          GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

          for (guint k = 0; k < row->len; k++)
            g_ptr_array_add (copy, g_strdup (row->pdata[k]));
          if (!add_row (parse->self, copy, ++parse->line, error))
            return;
        }
    }
}

static void
ods_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  OdsParse *parse = user_data;

  if (!parse->in_cell || parse->skip_depth > 0 || parse->paragraphs == 0)
    return;
  if (parse->text->len + length > MAX_CELL_SIZE)
    {
      fail (error, _("%s, row %u: a cell holds more than %u KiB"),
            parse->self->source_name, parse->line + 1, MAX_CELL_SIZE / 1024);
      return;
    }
  g_string_append_len (parse->text, text, length);
}

static gboolean
read_ods (ArTableReader  *self,
          ArZipReader    *zip,
          GError        **error)
{
  static const GMarkupParser parser = { ods_start, ods_end, ods_text, NULL, NULL };
  g_autoptr(GBytes) content = ar_zip_reader_extract (zip, "content.xml", MAX_ENTRY_SIZE, error);
  OdsParse parse = { self, 0, };
  gboolean ok;

  if (content == NULL)
    return FALSE;

  parse.text = g_string_new (NULL);
  ok = parse_xml (content, self->source_name, "content.xml", &parser, &parse, error);
  g_string_free (parse.text, TRUE);
  g_free (parse.value);
  g_clear_pointer (&parse.row, g_ptr_array_unref);

  return ok;
}

/* --- Office Open XML ----------------------------------------------- */

/* Built-in number formats that show dates (ECMA-376, 18.8.30) */
static gboolean
builtin_format_is_date (guint id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/* A custom format shows a date when, outside quoted text and [colour]
 * or [$-locale] sections, it has a day or a year in it. */
static gboolean
format_code_is_date (const char *code)
{
  gboolean quoted = FALSE;
  int bracket = 0;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '[')
        bracket++;
      else if (*p == ']' && bracket > 0)
        bracket--;
      else if (bracket == 0 && strchr ("dDyY", *p) != NULL)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  GHashTable *custom_dates;  /* numFmtId → TRUE, for custom date formats */
  GArray     *xf_is_date;    /* of gboolean, one a cellXfs entry */
  gboolean    in_cell_xfs;
} StylesParse;

static void
styles_start (GMarkupParseContext  *context,
              const char           *name,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  StylesParse *parse = user_data;
  const char *local = local_name (name);
  const char *id = attribute (names, values, "numFmtId");
  guint64 number = 0;

  if (id != NULL)
    g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT, &number, NULL);

  if (strcmp (local, "numFmt") == 0 && id != NULL)
    {
      const char *code = attribute (names, values, "formatCode");

      if (code != NULL && format_code_is_date (code))
        g_hash_table_add (parse->custom_dates, GUINT_TO_POINTER ((guint) number));
    }
  else if (strcmp (local, "cellXfs") == 0)
    parse->in_cell_xfs = TRUE;
  else if (strcmp (local, "xf") == 0 && parse->in_cell_xfs && parse->xf_is_date->len < 65536)
    {
      gboolean is_date = builtin_format_is_date ((guint) number) ||
                         g_hash_table_contains (parse->custom_dates, GUINT_TO_POINTER ((guint) number));

      g_array_append_val (parse->xf_is_date, is_date);
    }
}

static void
styles_end (GMarkupParseContext  *context,
            const char           *name,
            gpointer              user_data,
            GError              **error)
{
  StylesParse *parse = user_data;

  if (strcmp (local_name (name), "cellXfs") == 0)
    parse->in_cell_xfs = FALSE;
}

/* Shared strings: each <si> is one string, the text of its <t>s (runs
 * of rich text), leaving out phonetic guides (<rPh>). */
typedef struct
{
  GPtrArray *strings;
  GString   *text;
  gboolean   in_item;
  gboolean   in_t;
  int        phonetic;
} StringsParse;

static void
strings_start (GMarkupParseContext  *context,
               const char           *name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  StringsParse *parse = user_data;
  const char *local = local_name (name);

  if (strcmp (local, "si") == 0)
    {
      parse->in_item = TRUE;
      g_string_truncate (parse->text, 0);
    }
  else if (strcmp (local, "rPh") == 0)
    parse->phonetic++;
  else if (strcmp (local, "t") == 0)
    parse->in_t = TRUE;
}

static void
strings_end (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  StringsParse *parse = user_data;
  const char *local = local_name (name);

  if (strcmp (local, "si") == 0 && parse->in_item)
    {
      parse->in_item = FALSE;
      g_ptr_array_add (parse->strings, xlsx_text (parse->text->str, parse->text->len));
    }
  else if (strcmp (local, "rPh") == 0 && parse->phonetic > 0)
    parse->phonetic--;
  else if (strcmp (local, "t") == 0)
    parse->in_t = FALSE;
}

static void
strings_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              user_data,
              GError              **error)
{
  StringsParse *parse = user_data;

  if (parse->in_item && parse->in_t && parse->phonetic == 0 && parse->text->len < MAX_CELL_SIZE)
    g_string_append_len (parse->text, text, length);
}

typedef struct
{
  ArTableReader *self;
  GPtrArray     *strings;
  GArray        *xf_is_date;
  GPtrArray     *row;
  guint          line;
  guint          column;
  char          *type;
  guint          style;
  GString       *text;
  gboolean       in_value;   /* <v>, or <t> of an inline string */
} SheetParse;

/* "BC12" → column 54 (0-based); %FALSE when there are no letters. */
static gboolean
column_from_reference (const char *reference,
                       guint      *column)
{
  guint value = 0;
  const char *p = reference;

  for (; g_ascii_isalpha (*p); p++)
    {
      value = value * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
      if (value > 16384)
        return FALSE;
    }
  if (p == reference)
    return FALSE;

  *column = value - 1;
  return TRUE;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *name,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  SheetParse *parse = user_data;
  const char *local = local_name (name);

  if (strcmp (local, "row") == 0)
    {
      const char *number = attribute (names, values, "r");
      guint64 line;

      parse->row = g_ptr_array_new_with_free_func (g_free);
      parse->column = 0;
      if (number != NULL && g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT, &line, NULL))
        parse->line = (guint) line;
      else
        parse->line++;
    }
  else if (strcmp (local, "c") == 0 && parse->row != NULL)
    {
      const char *reference = attribute (names, values, "r");
      const char *style = attribute (names, values, "s");
      guint64 style_index = 0;

      if (reference != NULL)
        column_from_reference (reference, &parse->column);
      g_free (parse->type);
      parse->type = g_strdup (attribute (names, values, "t"));
      if (style != NULL)
        g_ascii_string_to_unsigned (style, 10, 0, G_MAXUINT, &style_index, NULL);
      parse->style = (guint) style_index;
      g_string_truncate (parse->text, 0);
    }
  else if ((strcmp (local, "v") == 0 || strcmp (local, "t") == 0) && parse->row != NULL)
    parse->in_value = TRUE;
}

static char *
sheet_cell_text (SheetParse *parse)
{
  const char *type = parse->type ? parse->type : "n";
  const char *value = parse->text->str;

  if (strcmp (type, "s") == 0)
    {
      guint64 index;

      if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &index, NULL) &&
          index < parse->strings->len)
        return g_strdup (parse->strings->pdata[index]);
      return g_strdup ("");
    }
  if (strcmp (type, "b") == 0)
    return g_strdup (strcmp (value, "1") == 0 ? "TRUE" : "FALSE");
  if (strcmp (type, "e") == 0)
    return g_strdup ("");
  if (strcmp (type, "n") == 0)
    {
      if (value[0] == '\0')
        return g_strdup ("");
      if (parse->style < parse->xf_is_date->len &&
          g_array_index (parse->xf_is_date, gboolean, parse->style))
        return serial_date_text (value);
      return number_text (value);
    }

  /* "str" (a formula's text), "inlineStr", and anything newer */
  return xlsx_text (value, parse->text->len);
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *name,
           gpointer              user_data,
           GError              **error)
{
  SheetParse *parse = user_data;
  const char *local = local_name (name);

  if ((strcmp (local, "v") == 0 || strcmp (local, "t") == 0))
    parse->in_value = FALSE;
  else if (strcmp (local, "c") == 0 && parse->row != NULL)
    {
      if (!set_cell (parse->self, parse->row, parse->column, sheet_cell_text (parse),
                     parse->line, error))
        return;
      parse->column++;
    }
  else if (strcmp (local, "row") == 0 && parse->row != NULL)
    add_row (parse->self, g_steal_pointer (&parse->row), parse->line, error);
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  SheetParse *parse = user_data;

  if (!parse->in_value)
    return;
  if (parse->text->len + length > MAX_CELL_SIZE)
    {
      fail (error, _("%s, row %u: a cell holds more than %u KiB"),
            parse->self->source_name, parse->line, MAX_CELL_SIZE / 1024);
      return;
    }
  g_string_append_len (parse->text, text, length);
}

/* The workbook's first sheet: its name, and its part in the archive
 * through the workbook's relationships. */
typedef struct
{
  char       *sheet_name;
  char       *sheet_id;
  GHashTable *targets;   /* relationship id → target */
} WorkbookParse;

static void
workbook_start (GMarkupParseContext  *context,
                const char           *name,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  WorkbookParse *parse = user_data;
  const char *local = local_name (name);

  if (strcmp (local, "sheet") == 0 && parse->sheet_id == NULL)
    {
      parse->sheet_name = g_strdup (attribute (names, values, "name"));
      parse->sheet_id = g_strdup (attribute (names, values, "id"));
    }
  else if (strcmp (local, "Relationship") == 0)
    {
      const char *id = attribute (names, values, "Id");
      const char *target = attribute (names, values, "Target");

      if (id != NULL && target != NULL)
        g_hash_table_insert (parse->targets, g_strdup (id), g_strdup (target));
    }
}

static char *
first_sheet_part (ArTableReader  *self,
                  ArZipReader    *zip,
                  GError        **error)
{
  static const GMarkupParser parser = { workbook_start, NULL, NULL, NULL, NULL };
  g_autoptr(GBytes) workbook = ar_zip_reader_extract (zip, "xl/workbook.xml", MAX_ENTRY_SIZE, error);
  g_autoptr(GBytes) relations = NULL;
  WorkbookParse parse = { NULL, NULL, NULL };
  const char *target;
  char *part = NULL;

  if (workbook == NULL)
    return NULL;

  parse.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!parse_xml (workbook, self->source_name, "xl/workbook.xml", &parser, &parse, error))
    goto out;
  self->sheet_name = g_steal_pointer (&parse.sheet_name);

  relations = ar_zip_reader_extract (zip, "xl/_rels/workbook.xml.rels", MAX_ENTRY_SIZE, NULL);
  if (relations != NULL &&
      !parse_xml (relations, self->source_name, "xl/_rels/workbook.xml.rels", &parser, &parse, error))
    goto out;

  target = parse.sheet_id ? g_hash_table_lookup (parse.targets, parse.sheet_id) : NULL;
  if (target == NULL)
    part = g_strdup ("xl/worksheets/sheet1.xml");
  else if (target[0] == '/')
    part = g_strdup (target + 1);
  else
    part = g_strconcat ("xl/", target, NULL);

out:
  g_free (parse.sheet_name);
  g_free (parse.sheet_id);
  g_hash_table_unref (parse.targets);
  return part;
}

static gboolean
read_xlsx (ArTableReader  *self,
           ArZipReader    *zip,
           GError        **error)
{
  static const GMarkupParser styles_parser = { styles_start, styles_end, NULL, NULL, NULL };
  static const GMarkupParser strings_parser = { strings_start, strings_end, strings_text, NULL, NULL };
  static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  g_autofree char *part = first_sheet_part (self, zip, error);
  g_autoptr(GBytes) styles = NULL;
  g_autoptr(GBytes) strings = NULL;
  g_autoptr(GBytes) sheet = NULL;
  StylesParse styles_parse = { NULL, NULL, FALSE };
  StringsParse strings_parse = { NULL, NULL, FALSE, FALSE, 0 };
  SheetParse sheet_parse = { self, };
  gboolean ok = FALSE;

  if (part == NULL)
    return FALSE;

  styles_parse.custom_dates = g_hash_table_new (NULL, NULL);
  styles_parse.xf_is_date = g_array_new (FALSE, FALSE, sizeof (gboolean));
  strings_parse.strings = g_ptr_array_new_with_free_func (g_free);
  strings_parse.text = g_string_new (NULL);
  sheet_parse.text = g_string_new (NULL);
  sheet_parse.strings = strings_parse.strings;
  sheet_parse.xf_is_date = styles_parse.xf_is_date;

  styles = ar_zip_reader_extract (zip, "xl/styles.xml", MAX_ENTRY_SIZE, NULL);
  if (styles != NULL &&
      !parse_xml (styles, self->source_name, "xl/styles.xml", &styles_parser, &styles_parse, error))
    goto out;

  strings = ar_zip_reader_extract (zip, "xl/sharedStrings.xml", MAX_ENTRY_SIZE, NULL);
  if (strings != NULL &&
      !parse_xml (strings, self->source_name, "xl/sharedStrings.xml", &strings_parser, &strings_parse, error))
    goto out;

  sheet = ar_zip_reader_extract (zip, part, MAX_ENTRY_SIZE, error);
  if (sheet == NULL ||
      !parse_xml (sheet, self->source_name, part, &sheet_parser, &sheet_parse, error))
    goto out;

  ok = TRUE;

out:
  g_hash_table_unref (styles_parse.custom_dates);
  g_array_unref (styles_parse.xf_is_date);
  g_ptr_array_unref (strings_parse.strings);
  g_string_free (strings_parse.text, TRUE);
  g_string_free (sheet_parse.text, TRUE);
  g_free (sheet_parse.type);
  g_clear_pointer (&sheet_parse.row, g_ptr_array_unref);
  return ok;
}

/* --- CSV ----------------------------------------------------------- */

static gboolean
read_csv (ArTableReader  *self,
          GBytes         *bytes,
          GError        **error)
{
  g_autoptr(ArCsvReader) csv = ar_csv_reader_new (bytes, self->source_name, error);
  g_autoptr(GError) local_error = NULL;
  GPtrArray *header;

  if (csv == NULL)
    return FALSE;

  header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ar_csv_reader_get_n_columns (csv); i++)
    if (!set_cell (self, header, i, clean_text (ar_csv_reader_get_column_name (csv, i), -1), 1, error))
      {
        g_ptr_array_unref (header);
        return FALSE;
      }
  if (!add_row (self, header, 1, error))
    return FALSE;

  while (ar_csv_reader_next (csv, &local_error))
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
      guint line = ar_csv_reader_get_line (csv);

      for (guint i = 0; i < ar_csv_reader_get_n_fields (csv); i++)
        if (!set_cell (self, row, i, clean_text (ar_csv_reader_get (csv, i), -1), line, error))
          {
            g_ptr_array_unref (row);
            return FALSE;
          }
      if (!add_row (self, row, line, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* --- Public API ---------------------------------------------------- */

/**
 * ar_table_reader_new_for_bytes:
 * @bytes: the whole file
 * @source_name: the file's name, for messages
 *
 * Reads the first sheet of a spreadsheet, whose format is known from its
 * contents, not its name: a ZIP archive is OpenDocument or Office Open
 * XML, anything else is read as CSV.
 *
 * Returns: (transfer full): the sheet, or %NULL with @error set naming
 *   the file (and row, where there is one)
 */
ArTableReader *
ar_table_reader_new_for_bytes (GBytes      *bytes,
                               const char  *source_name,
                               GError     **error)
{
  g_autoptr(ArTableReader) self = NULL;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  self = g_object_new (AR_TYPE_TABLE_READER, NULL);
  self->source_name = g_strdup (source_name);
  data = g_bytes_get_data (bytes, &size);

  if (size > MAX_FILE_SIZE)
    {
      fail (error, _("%s is larger than %u MB; this is not a list a register imports"),
            source_name, MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (size >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      g_autoptr(ArZipReader) zip = ar_zip_reader_new (bytes, source_name, error);

      if (zip == NULL)
        return NULL;

      if (ar_zip_reader_has (zip, "xl/workbook.xml"))
        {
          self->format = AR_TABLE_FORMAT_XLSX;
          if (!read_xlsx (self, zip, error))
            return NULL;
        }
      else if (ar_zip_reader_has (zip, "content.xml"))
        {
          g_autoptr(GBytes) mimetype = ar_zip_reader_extract (zip, "mimetype", 256, NULL);
          const char *spreadsheet = "application/vnd.oasis.opendocument.spreadsheet";

          if (mimetype == NULL || g_bytes_get_size (mimetype) != strlen (spreadsheet) ||
              memcmp (g_bytes_get_data (mimetype, NULL), spreadsheet, strlen (spreadsheet)) != 0)
            {
              fail (error, _("%s is an OpenDocument file but not a spreadsheet"), source_name);
              return NULL;
            }
          self->format = AR_TABLE_FORMAT_ODS;
          if (!read_ods (self, zip, error))
            return NULL;
        }
      else
        {
          fail (error, _("%s is a ZIP archive, not a spreadsheet (.ods, .xlsx or .csv)"), source_name);
          return NULL;
        }
    }
  else
    {
      self->format = AR_TABLE_FORMAT_CSV;
      if (!read_csv (self, bytes, error))
        return NULL;
    }

  if (self->header == NULL)
    {
      fail (error, _("%s holds no rows"), source_name);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * ar_table_reader_new_for_file:
 * @cancellable: (nullable): stops reading
 *
 * Returns: (transfer full): the first sheet of @file, or %NULL with
 *   @error set
 */
ArTableReader *
ar_table_reader_new_for_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        fail (error, "%s: %s", name, local_error->message);
      return NULL;
    }

  return ar_table_reader_new_for_bytes (bytes, name, error);
}

const char *
ar_table_reader_get_source_name (ArTableReader *self)
{
  g_return_val_if_fail (AR_IS_TABLE_READER (self), NULL);

  return self->source_name;
}

ArTableFormat
ar_table_reader_get_format (ArTableReader *self)
{
  g_return_val_if_fail (AR_IS_TABLE_READER (self), AR_TABLE_FORMAT_CSV);

  return self->format;
}

/**
 * ar_table_reader_get_sheet_name:
 *
 * Returns: (nullable): the name of the sheet read, when the file has
 *   sheets with names
 */
const char *
ar_table_reader_get_sheet_name (ArTableReader *self)
{
  g_return_val_if_fail (AR_IS_TABLE_READER (self), NULL);

  return self->sheet_name;
}

/**
 * ar_table_reader_get_n_columns:
 *
 * Returns: the number of columns: the widest of the header and the rows
 */
guint
ar_table_reader_get_n_columns (ArTableReader *self)
{
  guint n_columns;

  g_return_val_if_fail (AR_IS_TABLE_READER (self), 0);

  n_columns = self->header->len;
  for (guint i = 0; i < self->rows->len; i++)
    n_columns = MAX (n_columns, ((GPtrArray *) self->rows->pdata[i])->len);

  return n_columns;
}

/**
 * ar_table_reader_get_header:
 *
 * Returns: the header row's text for @column; "" when it has none
 */
const char *
ar_table_reader_get_header (ArTableReader *self,
                            guint          column)
{
  g_return_val_if_fail (AR_IS_TABLE_READER (self), NULL);

  return column < self->header->len ? self->header->pdata[column] : "";
}

guint
ar_table_reader_get_n_rows (ArTableReader *self)
{
  g_return_val_if_fail (AR_IS_TABLE_READER (self), 0);

  return self->rows->len;
}

/**
 * ar_table_reader_get_cell:
 * @row: a row under the header, from 0
 *
 * Returns: the cell's text, trimmed; "" for an empty or missing cell
 */
const char *
ar_table_reader_get_cell (ArTableReader *self,
                          guint          row,
                          guint          column)
{
  GPtrArray *cells;

  g_return_val_if_fail (AR_IS_TABLE_READER (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  cells = self->rows->pdata[row];
  return column < cells->len ? cells->pdata[column] : "";
}

/**
 * ar_table_reader_get_line:
 *
 * Returns: where @row is in the file, for messages: the sheet's row
 *   number, or the CSV file's line
 */
guint
ar_table_reader_get_line (ArTableReader *self,
                          guint          row)
{
  g_return_val_if_fail (AR_IS_TABLE_READER (self), 0);
  g_return_val_if_fail (row < self->lines->len, 0);

  return g_array_index (self->lines, guint, row);
}
