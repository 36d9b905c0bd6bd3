/* ar-csv-reader.c: a small RFC 4180 reader for GIAS extracts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-csv-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ar-core.h"
#include "ar-csv-reader.h"
#include "ar-text-encoding.h"

/* Reads records one at a time from the file's own bytes. The encoding is
 * decided once (UTF-8 when the whole file is valid UTF-8, else
 * Windows-1252) and each field is decoded as it is read, so a 60 MB
 * extract is held once, not twice. Quoted fields may hold commas, doubled
 * quotes and line breaks; rows may be shorter than the header (GIAS's
 * links extract is); LF, CRLF and a last line without an ending are fine. */
struct _ArCsvReader
{
  GObject     parent_instance;

  char       *source_name;
  GBytes     *bytes;
  const char *text;
  gsize       length;
  gsize       position;
  guint       line;
  guint       record_line;
  gboolean    was_windows_1252;

  GPtrArray  *header;
  GHashTable *columns;

  /* the current record: its fields as read, one after another, each
   * ending in a nul byte, and where each starts; a field is trimmed and
   * decoded only when asked for, since an importer reads 20 of 135 */
  GString    *record;
  GArray     *starts;
  GString    *field;
  GPtrArray  *decoded;
  GArray     *finished;
};

G_DEFINE_FINAL_TYPE (ArCsvReader, ar_csv_reader, G_TYPE_OBJECT)

static void
ar_csv_reader_finalize (GObject *object)
{
  ArCsvReader *self = AR_CSV_READER (object);

  g_free (self->source_name);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_string_free (self->record, TRUE);
  g_array_unref (self->starts);
  g_string_free (self->field, TRUE);
  g_ptr_array_unref (self->decoded);
  g_array_unref (self->finished);

  G_OBJECT_CLASS (ar_csv_reader_parent_class)->finalize (object);
}

static void
ar_csv_reader_class_init (ArCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ar_csv_reader_finalize;
}

static void
ar_csv_reader_init (ArCsvReader *self)
{
  self->record = g_string_sized_new (4096);
  self->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 160);
  self->field = g_string_sized_new (256);
  self->decoded = g_ptr_array_new_with_free_func (g_free);
  self->finished = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->columns = g_hash_table_new (g_str_hash, g_str_equal);
  self->line = 1;
}

/* Ends the field being read, as it is; ar_csv_reader_get() trims and
 * decodes it when it is wanted. */
static void
finish_field (ArCsvReader *self)
{
  gsize offset = self->record->len;

  g_array_append_val (self->starts, offset);
  g_string_append_len (self->record, self->field->str, self->field->len);
  g_string_append_c (self->record, '\0');
  g_string_truncate (self->field, 0);
}

static gboolean
append_span (ArCsvReader  *self,
             const char   *span,
             gsize         length,
             GError      **error)
{
  if (self->field->len + length > AR_CSV_READER_MAX_FIELD)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s, line %u: a field is longer than %u KiB; this is not a GIAS extract"),
                   self->source_name, self->record_line, AR_CSV_READER_MAX_FIELD / 1024);
      return FALSE;
    }

  g_string_append_len (self->field, span, length);

  return TRUE;
}

/**
 * ar_csv_reader_next:
 *
 * Reads the next record.
 *
 * Returns: %TRUE with a record read; %FALSE at the end (no error) or on a
 *   record that cannot be read (@error set, naming file and line)
 */
gboolean
ar_csv_reader_next (ArCsvReader  *self,
                    GError      **error)
{
  const char *text;
  gsize length;
  gboolean was_quoted = FALSE;

  g_return_val_if_fail (AR_IS_CSV_READER (self), FALSE);

  text = self->text;
  length = self->length;
  g_string_truncate (self->record, 0);
  g_array_set_size (self->starts, 0);
  g_string_truncate (self->field, 0);
  g_ptr_array_set_size (self->decoded, 0);
  g_array_set_size (self->finished, 0);

  /* Blank lines between records carry nothing. */
  while (self->position < length && (text[self->position] == '\n' || text[self->position] == '\r'))
    {
      if (text[self->position] == '\n')
        self->line++;
      self->position++;
    }

  if (self->position >= length)
    return FALSE;

  self->record_line = self->line;

  while (self->position < length)
    {
      gsize span = self->position;
      char c;

      /* Plain text up to the next character that means something. */
      while (span < length && text[span] != ',' && text[span] != '"' && text[span] != '\n' && text[span] != '\r')
        span++;
      if (!append_span (self, text + self->position, span - self->position, error))
        return FALSE;
      self->position = span;
      if (self->position >= length)
        break;

      c = text[self->position++];
      switch (c)
        {
        case '"':
          /* A quote opens a field only at its start; elsewhere it is text,
           * as spreadsheets write it. */
          if (self->field->len > 0 || was_quoted)
            {
              if (!append_span (self, "\"", 1, error))
                return FALSE;
              break;
            }

          was_quoted = TRUE;
          for (;;)
            {
              const char *quote = memchr (text + self->position, '"', length - self->position);
              gsize end = quote ? (gsize) (quote - text) : length;

              for (gsize i = self->position; i < end; i++)
                self->line += text[i] == '\n';
              if (!append_span (self, text + self->position, end - self->position, error))
                return FALSE;
              self->position = end;

              if (quote == NULL)
                {
                  g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                               _("%s, line %u: a quoted field is never closed"),
                               self->source_name, self->record_line);
                  return FALSE;
                }

              self->position++;
              if (self->position < length && text[self->position] == '"')
                {
                  /* a doubled quote stands for one */
                  self->position++;
                  if (!append_span (self, "\"", 1, error))
                    return FALSE;
                  continue;
                }
              break;
            }
          break;

        case ',':
          finish_field (self);
          was_quoted = FALSE;
          break;

        case '\r':
          if (self->position < length && text[self->position] == '\n')
            break;
          G_GNUC_FALLTHROUGH;
        case '\n':
          self->line++;
          finish_field (self);
          return TRUE;

        default:
          g_assert_not_reached ();
        }
    }

  finish_field (self);

  return TRUE;
}

/**
 * ar_csv_reader_new:
 * @source_name: the file name, for messages
 *
 * Reads the header row of @bytes, which the reader keeps.
 *
 * Returns: (transfer full): the reader, positioned before the first record
 */
ArCsvReader *
ar_csv_reader_new (GBytes      *bytes,
                   const char  *source_name,
                   GError     **error)
{
  g_autoptr(ArCsvReader) self = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  self = g_object_new (AR_TYPE_CSV_READER, NULL);
  self->source_name = g_strdup (source_name);
  self->bytes = g_bytes_ref (bytes);

  /* Text files hold no NUL bytes; images, archives and databases do. */
  if (length == 0 || memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   length == 0 ? _("%s is empty") : _("%s is not a CSV file: it holds binary data"),
                   source_name);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  self->text = data;
  self->length = length;
  self->was_windows_1252 = !g_utf8_validate_len (data, length, NULL);

  if (!ar_csv_reader_next (self, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT, _("%s is empty"), source_name);
      return NULL;
    }

  self->header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->starts->len; i++)
    {
      char *name = g_strdup (ar_csv_reader_get (self, i));

      g_ptr_array_add (self->header, name);
      if (!g_hash_table_contains (self->columns, name))
        g_hash_table_insert (self->columns, name, GINT_TO_POINTER (i + 1));
    }

  return g_steal_pointer (&self);
}

const char *
ar_csv_reader_get_source_name (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), NULL);
  return self->source_name;
}

gboolean
ar_csv_reader_get_was_windows_1252 (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), FALSE);
  return self->was_windows_1252;
}

guint
ar_csv_reader_get_n_columns (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), 0);
  return self->header->len;
}

const char *
ar_csv_reader_get_column_name (ArCsvReader *self,
                               guint        column)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (column < self->header->len, NULL);

  return g_ptr_array_index (self->header, column);
}

/**
 * ar_csv_reader_find_column:
 *
 * Returns: the column with this header name, or -1
 */
int
ar_csv_reader_find_column (ArCsvReader *self,
                           const char  *name)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->columns, name)) - 1;
}

/**
 * ar_csv_reader_get_line:
 *
 * Returns: the line the current record starts on, counting from 1
 */
guint
ar_csv_reader_get_line (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), 0);
  return self->record_line;
}

guint
ar_csv_reader_get_n_fields (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), 0);
  return self->starts->len;
}

/**
 * ar_csv_reader_get:
 * @column: a column from ar_csv_reader_find_column(), or -1
 *
 * Returns: the field, trimmed of surrounding spaces; "" when the column is
 *   -1 or the row is too short to have it
 */
const char *
ar_csv_reader_get (ArCsvReader *self,
                   int          column)
{
  char *field;
  char *end;

  g_return_val_if_fail (AR_IS_CSV_READER (self), "");

  if (column < 0 || (guint) column >= self->starts->len)
    return "";

  if ((guint) column < self->finished->len && g_array_index (self->finished, gboolean, column))
    {
      const char *decoded = (guint) column < self->decoded->len ? g_ptr_array_index (self->decoded, column) : NULL;

      return decoded ? decoded : self->record->str + g_array_index (self->starts, gsize, column);
    }

  /* Trim in place: the field ends in a nul byte of its own. */
  field = self->record->str + g_array_index (self->starts, gsize, column);
  end = field + strlen (field);
  while (end > field && g_ascii_isspace (end[-1]))
    *--end = '\0';
  while (g_ascii_isspace (*field))
    field++;
  g_array_index (self->starts, gsize, column) = field - self->record->str;

  if (self->finished->len < self->starts->len)
    g_array_set_size (self->finished, self->starts->len);
  g_array_index (self->finished, gboolean, column) = TRUE;

  if (self->was_windows_1252)
    {
      gboolean high = FALSE;

      for (const char *p = field; *p != '\0' && !high; p++)
        high = (guchar) *p >= 0x80;
      if (high)
        {
          if (self->decoded->len < self->starts->len)
            g_ptr_array_set_size (self->decoded, self->starts->len);
          g_ptr_array_index (self->decoded, column) = ar_text_from_windows_1252 (field, end - field, NULL);
          return g_ptr_array_index (self->decoded, column);
        }
    }

  return field;
}

double
ar_csv_reader_get_fraction (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), 0);

  return self->length > 0 ? (double) self->position / self->length : 1.0;
}
