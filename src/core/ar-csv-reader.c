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

/* Reads records one at a time from text decoded once to UTF-8. Quoted
 * fields may hold commas, doubled quotes and line breaks; rows may be
 * shorter than the header (GIAS's links extract is); LF, CRLF and a last
 * line without an ending are all fine. */
struct _ArCsvReader
{
  GObject     parent_instance;

  char       *source_name;
  char       *text;
  gsize       length;
  gsize       position;
  guint       line;
  guint       record_line;
  gboolean    was_windows_1252;

  GPtrArray  *header;
  GHashTable *columns;
  GPtrArray  *fields;
  GString    *field;
};

G_DEFINE_FINAL_TYPE (ArCsvReader, ar_csv_reader, G_TYPE_OBJECT)

static void
ar_csv_reader_finalize (GObject *object)
{
  ArCsvReader *self = AR_CSV_READER (object);

  g_free (self->source_name);
  g_free (self->text);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_string_free (self->field, TRUE);

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
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->field = g_string_new (NULL);
  self->columns = g_hash_table_new (g_str_hash, g_str_equal);
  self->line = 1;
}

static gboolean
finish_field (ArCsvReader  *self,
              GError      **error)
{
  g_ptr_array_add (self->fields, g_strndup (self->field->str, self->field->len));
  g_string_truncate (self->field, 0);

  return TRUE;
}

static gboolean
append_to_field (ArCsvReader  *self,
                 char          c,
                 GError      **error)
{
  if (self->field->len >= AR_CSV_READER_MAX_FIELD)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s, line %u: a field is longer than %u KiB; this is not a GIAS extract"),
                   self->source_name, self->record_line, AR_CSV_READER_MAX_FIELD / 1024);
      return FALSE;
    }

  g_string_append_c (self->field, c);

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
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;

  g_return_val_if_fail (AR_IS_CSV_READER (self), FALSE);

  g_ptr_array_set_size (self->fields, 0);
  g_string_truncate (self->field, 0);

  /* Blank lines between records carry nothing. */
  while (self->position < self->length
         && (self->text[self->position] == '\n' || self->text[self->position] == '\r'))
    {
      if (self->text[self->position] == '\n')
        self->line++;
      self->position++;
    }

  if (self->position >= self->length)
    return FALSE;

  self->record_line = self->line;

  while (self->position < self->length)
    {
      char c = self->text[self->position++];

      if (quoted)
        {
          if (c == '"' && self->position < self->length && self->text[self->position] == '"')
            {
              self->position++;
              if (!append_to_field (self, '"', error))
                return FALSE;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                self->line++;
              if (!append_to_field (self, c, error))
                return FALSE;
            }
          continue;
        }

      switch (c)
        {
        case '"':
          /* A quote opens a field only at its start; elsewhere it is text,
           * as spreadsheets write it. */
          if (self->field->len == 0 && !was_quoted)
            quoted = was_quoted = TRUE;
          else if (!append_to_field (self, c, error))
            return FALSE;
          break;

        case ',':
          finish_field (self, error);
          was_quoted = FALSE;
          break;

        case '\r':
          if (self->position < self->length && self->text[self->position] == '\n')
            break;
          G_GNUC_FALLTHROUGH;
        case '\n':
          self->line++;
          return finish_field (self, error);

        default:
          if (!append_to_field (self, c, error))
            return FALSE;
          break;
        }
    }

  if (quoted)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s, line %u: a quoted field is never closed"),
                   self->source_name, self->record_line);
      return FALSE;
    }

  return finish_field (self, error);
}

/**
 * ar_csv_reader_new:
 * @source_name: the file name, for messages
 *
 * Decodes @bytes and reads the header row.
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

  /* Text files hold no NUL bytes; images, archives and databases do. */
  if (length == 0 || memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   length == 0 ? _("%s is empty") : _("%s is not a CSV file: it holds binary data"),
                   source_name);
      return NULL;
    }

  self->text = ar_text_to_utf8 (data, length, &self->length, &self->was_windows_1252);

  if (!ar_csv_reader_next (self, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT, _("%s is empty"), source_name);
      return NULL;
    }

  self->header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->fields->len; i++)
    {
      char *name = g_strstrip (g_strdup (g_ptr_array_index (self->fields, i)));

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
  return self->fields->len;
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

  g_return_val_if_fail (AR_IS_CSV_READER (self), "");

  if (column < 0 || (guint) column >= self->fields->len)
    return "";

  field = g_ptr_array_index (self->fields, column);

  return g_strstrip (field);
}

double
ar_csv_reader_get_fraction (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), 0);

  return self->length > 0 ? (double) self->position / self->length : 1.0;
}
