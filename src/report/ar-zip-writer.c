/* ar-zip-writer.c: the small part of ZIP that an OpenDocument file needs
 *
 * ODF asks more of its package than a general ZIP library gives: the
 * "mimetype" entry must come first, stored, with no extra field, so that
 * its text sits at byte 38 where file-type sniffers look for it. Entries
 * here are whole buffers, each stored or deflated (raw deflate from GIO's
 * zlib converter), with plain 32-bit sizes and no extra fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-zip-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ar-zip-reader.h"
#include "ar-zip-writer.h"

#define LOCAL_HEADER_SIGNATURE   0x04034b50
#define CENTRAL_HEADER_SIGNATURE 0x02014b50
#define END_SIGNATURE            0x06054b50
#define METHOD_STORED            0
#define METHOD_DEFLATED          8
#define VERSION_NEEDED           20      /* 2.0: deflate */
#define VERSION_MADE_BY_UNIX     (3 << 8 | 20)
#define FILE_MODE                0100644

struct _ArZipWriter
{
  GByteArray *data;
  GByteArray *central;
  guint16     n_entries;
  guint16     dos_time;
  guint16     dos_date;
};

static void
put16 (GByteArray *out,
       guint16     value)
{
  guint8 bytes[2] = { value & 0xff, value >> 8 };

  g_byte_array_append (out, bytes, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  put16 (out, value & 0xffff);
  put16 (out, value >> 16);
}

static GBytes *
deflate_raw (const void  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, -1);
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  if (!g_output_stream_write_all (out, data, length, NULL, NULL, error)
      || !g_output_stream_close (out, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/**
 * ar_zip_writer_new:
 * @modified: (nullable): the time every entry is marked with; %NULL for now
 *
 * Returns: (transfer full): a writer of an empty archive
 */
ArZipWriter *
ar_zip_writer_new (GDateTime *modified)
{
  ArZipWriter *self = g_new0 (ArZipWriter, 1);
  g_autoptr(GDateTime) now = modified ? g_date_time_ref (modified) : g_date_time_new_now_local ();
  int year = CLAMP (g_date_time_get_year (now), 1980, 2107);

  self->data = g_byte_array_new ();
  self->central = g_byte_array_new ();
  /* MS-DOS time: two-second steps, years from 1980 */
  self->dos_time = g_date_time_get_hour (now) << 11 | g_date_time_get_minute (now) << 5
                   | g_date_time_get_second (now) / 2;
  self->dos_date = (year - 1980) << 9 | g_date_time_get_month (now) << 5 | g_date_time_get_day_of_month (now);

  return self;
}

void
ar_zip_writer_free (ArZipWriter *self)
{
  if (self == NULL)
    return;

  g_byte_array_unref (self->data);
  g_byte_array_unref (self->central);
  g_free (self);
}

/* The fields a local header and a central directory entry share. */
static void
put_entry_fields (GByteArray *out,
                  guint16     method,
                  guint16     dos_time,
                  guint16     dos_date,
                  guint32     crc,
                  guint32     stored_size,
                  guint32     length,
                  guint16     name_length)
{
  put16 (out, VERSION_NEEDED);
  put16 (out, 0);                       /* flags: none */
  put16 (out, method);
  put16 (out, dos_time);
  put16 (out, dos_date);
  put32 (out, crc);
  put32 (out, stored_size);
  put32 (out, length);
  put16 (out, name_length);
  put16 (out, 0);                       /* no extra field */
}

/**
 * ar_zip_writer_add:
 * @name: the entry's path in the archive, in ASCII
 * @compress: %TRUE to deflate, %FALSE to store as it is
 *
 * Appends an entry. Archives stay under 4 GiB and 65,535 entries, which
 * an office document always does.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
ar_zip_writer_add (ArZipWriter  *self,
                   const char   *name,
                   const void   *data,
                   gsize         length,
                   gboolean      compress,
                   GError      **error)
{
  g_autoptr(GBytes) deflated = NULL;
  const void *stored = data;
  gsize stored_size = length;
  gsize name_length = strlen (name);
  guint32 offset = self->data->len;
  guint32 crc = ar_zip_crc32 (data, length);
  guint16 method = compress ? METHOD_DEFLATED : METHOD_STORED;

  g_return_val_if_fail (name_length > 0 && name_length < G_MAXUINT16, FALSE);

  if (compress)
    {
      deflated = deflate_raw (data, length, error);
      if (deflated == NULL)
        return FALSE;
      stored = g_bytes_get_data (deflated, &stored_size);
    }

  if (length > G_MAXUINT32 || (guint64) self->data->len + stored_size + name_length + 30 > G_MAXUINT32
      || self->n_entries == G_MAXUINT16)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("“%s” is too large to write"), name);
      return FALSE;
    }

  put32 (self->data, LOCAL_HEADER_SIGNATURE);
  put_entry_fields (self->data, method, self->dos_time, self->dos_date, crc, stored_size, length, name_length);
  g_byte_array_append (self->data, (const guint8 *) name, name_length);
  g_byte_array_append (self->data, stored, stored_size);

  put32 (self->central, CENTRAL_HEADER_SIGNATURE);
  put16 (self->central, VERSION_MADE_BY_UNIX);
  put_entry_fields (self->central, method, self->dos_time, self->dos_date, crc, stored_size, length, name_length);
  put16 (self->central, 0);             /* no comment */
  put16 (self->central, 0);             /* disk 0 */
  put16 (self->central, 0);             /* internal attributes */
  put32 (self->central, (guint32) FILE_MODE << 16);
  put32 (self->central, offset);
  g_byte_array_append (self->central, (const guint8 *) name, name_length);
  self->n_entries++;

  return TRUE;
}

/**
 * ar_zip_writer_finish:
 *
 * Ends the archive with its central directory. The writer is then empty.
 *
 * Returns: (transfer full): the archive's bytes
 */
GBytes *
ar_zip_writer_finish (ArZipWriter *self)
{
  guint32 central_offset = self->data->len;
  GByteArray *out = g_steal_pointer (&self->data);

  g_byte_array_append (out, self->central->data, self->central->len);
  put32 (out, END_SIGNATURE);
  put16 (out, 0);                       /* this disk */
  put16 (out, 0);                       /* the disk the directory starts on */
  put16 (out, self->n_entries);
  put16 (out, self->n_entries);
  put32 (out, self->central->len);
  put32 (out, central_offset);
  put16 (out, 0);                       /* no comment */

  self->data = g_byte_array_new ();
  g_byte_array_set_size (self->central, 0);
  self->n_entries = 0;

  return g_byte_array_free_to_bytes (out);
}
