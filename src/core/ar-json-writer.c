/* ar-json-writer.c: JSON written as it goes, never held as a tree
 *
 * Writes the layout json-glib's generator gives with pretty printing and
 * an indent of two spaces ("name" : value, "[]" when empty), so a file
 * written this way is byte for byte the one json-glib would write, without
 * a JsonNode per value: at England scale the tree took 300 MB.
 *
 * Strings are escaped as json-glib 1.6 escapes them, with two fixes: it
 * leaves U+001F raw, which no JSON parser accepts, and it copies bytes that
 * are not UTF-8; here the first is escaped and the second becomes U+FFFD.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-json-writer.h"

/* written to the stream in pieces of about this size */
#define FLUSH_AT (64 * 1024)

typedef struct
{
  gboolean is_object;
  guint    n_items;
} Level;

struct _ArJsonWriter
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buffer;
  GArray        *levels;
  gboolean       after_member;
  GError        *error;
};

ArJsonWriter *
ar_json_writer_new (GOutputStream *stream,
                    GCancellable  *cancellable)
{
  ArJsonWriter *self = g_new0 (ArJsonWriter, 1);

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self->stream = g_object_ref (stream);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->buffer = g_string_sized_new (FLUSH_AT + 4096);
  self->levels = g_array_new (FALSE, FALSE, sizeof (Level));

  return self;
}

void
ar_json_writer_free (ArJsonWriter *self)
{
  if (self == NULL)
    return;

  g_object_unref (self->stream);
  g_clear_object (&self->cancellable);
  g_string_free (self->buffer, TRUE);
  g_array_unref (self->levels);
  g_clear_error (&self->error);
  g_free (self);
}

static void
flush (ArJsonWriter *self)
{
  if (self->error == NULL && self->buffer->len > 0)
    g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                               NULL, self->cancellable, &self->error);
  g_string_truncate (self->buffer, 0);
}

static void
indent (ArJsonWriter *self,
        guint         depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append_len (self->buffer, "  ", 2);
}

/* What goes before a value: a new line and the indent in an array, nothing
 * after a member's name. */
static void
start_value (ArJsonWriter *self)
{
  Level *level;

  if (self->after_member || self->levels->len == 0)
    {
      self->after_member = FALSE;
      return;
    }

  level = &g_array_index (self->levels, Level, self->levels->len - 1);
  g_string_append (self->buffer, level->n_items++ > 0 ? ",\n" : "\n");
  indent (self, self->levels->len);
}

static void
end_value (ArJsonWriter *self)
{
  if (self->buffer->len >= FLUSH_AT)
    flush (self);
}

static void
begin (ArJsonWriter *self,
       gboolean      is_object)
{
  Level level = { is_object, 0 };

  start_value (self);
  g_string_append_c (self->buffer, is_object ? '{' : '[');
  g_array_append_val (self->levels, level);
}

static void
end (ArJsonWriter *self,
     gboolean      is_object)
{
  Level level;

  g_return_if_fail (self->levels->len > 0);
  level = g_array_index (self->levels, Level, self->levels->len - 1);
  g_return_if_fail (level.is_object == is_object);

  g_array_set_size (self->levels, self->levels->len - 1);
  if (level.n_items > 0)
    {
      g_string_append_c (self->buffer, '\n');
      indent (self, self->levels->len);
    }
  g_string_append_c (self->buffer, is_object ? '}' : ']');
  end_value (self);
}

void
ar_json_writer_begin_object (ArJsonWriter *self)
{
  begin (self, TRUE);
}

void
ar_json_writer_end_object (ArJsonWriter *self)
{
  end (self, TRUE);
}

void
ar_json_writer_begin_array (ArJsonWriter *self)
{
  begin (self, FALSE);
}

void
ar_json_writer_end_array (ArJsonWriter *self)
{
  end (self, FALSE);
}

void
ar_json_writer_member (ArJsonWriter *self,
                       const char   *name)
{
  g_return_if_fail (self->levels->len > 0);
  g_return_if_fail (g_array_index (self->levels, Level, self->levels->len - 1).is_object);
  g_return_if_fail (!self->after_member);

  self->after_member = FALSE;
  start_value (self);
  ar_json_append_string (self->buffer, name);
  g_string_append_len (self->buffer, " : ", 3);
  self->after_member = TRUE;
}

/**
 * ar_json_append_string:
 * @text: (nullable): UTF-8 text; %NULL gives null
 *
 * Appends @text to @out as a JSON string, quoted and escaped.
 */
void
ar_json_append_string (GString    *out,
                       const char *text)
{
  g_autofree char *valid = NULL;
  const char *run;
  const char *p;

  if (text == NULL)
    {
      g_string_append_len (out, "null", 4);
      return;
    }

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (run = p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':
          g_string_append_len (out, "\\\"", 2);
          break;
        case '\\':
          g_string_append_len (out, "\\\\", 2);
          break;
        case '\b':
          g_string_append_len (out, "\\b", 2);
          break;
        case '\f':
          g_string_append_len (out, "\\f", 2);
          break;
        case '\n':
          g_string_append_len (out, "\\n", 2);
          break;
        case '\r':
          g_string_append_len (out, "\\r", 2);
          break;
        case '\t':
          g_string_append_len (out, "\\t", 2);
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
ar_json_writer_string (ArJsonWriter *self,
                       const char   *text)
{
  start_value (self);
  ar_json_append_string (self->buffer, text);
  end_value (self);
}

void
ar_json_writer_int (ArJsonWriter *self,
                    gint64        value)
{
  char digits[24];
  int length = g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, value);

  start_value (self);
  g_string_append_len (self->buffer, digits, length);
  end_value (self);
}

void
ar_json_writer_boolean (ArJsonWriter *self,
                        gboolean      value)
{
  start_value (self);
  g_string_append (self->buffer, value ? "true" : "false");
  end_value (self);
}

void
ar_json_writer_null (ArJsonWriter *self)
{
  start_value (self);
  g_string_append_len (self->buffer, "null", 4);
  end_value (self);
}

/**
 * ar_json_writer_pretty_value:
 * @pretty: one value as json-glib's generator prints it pretty, with an
 *   indent of two, at the outermost level
 *
 * Writes @pretty as the next value, indented to where it goes: for small
 * parts still built as a tree (the change history).
 */
void
ar_json_writer_pretty_value (ArJsonWriter *self,
                             const char   *pretty)
{
  start_value (self);
  /* a JSON text holds no raw line break but between values */
  for (const char *line = pretty; line != NULL;)
    {
      const char *next = strchr (line, '\n');

      if (*line == '\0')
        break;
      if (line != pretty)
        indent (self, self->levels->len);
      if (next == NULL)
        {
          g_string_append (self->buffer, line);
          break;
        }
      g_string_append_len (self->buffer, line, next + 1 - line);
      line = next + 1;
    }
  end_value (self);
}

/**
 * ar_json_writer_finish:
 *
 * Ends the text with a new line, like any text file, and writes what is
 * left; the stream stays open.
 *
 * Returns: %FALSE with @error set if any write failed
 */
gboolean
ar_json_writer_finish (ArJsonWriter  *self,
                       GError       **error)
{
  g_return_val_if_fail (self->levels->len == 0, FALSE);

  g_string_append_c (self->buffer, '\n');
  flush (self);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  return TRUE;
}
