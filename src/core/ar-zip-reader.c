/* ar-zip-reader.c: the entries of a ZIP archive held in memory
 *
 * OpenDocument and Office Open XML spreadsheets are ZIP archives. This
 * reads what those need, from files a user chose and so untrusted: the
 * central directory, and whole entries stored or deflated (raw deflate
 * through GIO's zlib converter), each checked against its size and CRC
 * and refused past a size the caller sets, so a small archive cannot
 * unpack into gigabytes. ZIP64, encryption and multi-disk archives are
 * refused: spreadsheets of a register never need them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-zip-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ar-store.h"
#include "ar-zip-reader.h"

#define LOCAL_HEADER_SIGNATURE   0x04034b50
#define CENTRAL_HEADER_SIGNATURE 0x02014b50
#define END_SIGNATURE            0x06054b50
#define END_SIZE                 22
#define CENTRAL_HEADER_SIZE      46
#define LOCAL_HEADER_SIZE        30
#define MAX_COMMENT              0xffff
#define METHOD_STORED            0
#define METHOD_DEFLATED          8
#define FLAG_ENCRYPTED           0x0001

typedef struct
{
  guint16 method;
  guint16 flags;
  guint32 crc;
  guint32 compressed_size;
  guint32 size;
  guint32 local_offset;
} Entry;

struct _ArZipReader
{
  GBytes     *bytes;
  char       *source_name;
  GHashTable *entries;   /* name → Entry */
};

static guint16
get16 (const guint8 *at)
{
  return (guint16) (at[0] | at[1] << 8);
}

static guint32
get32 (const guint8 *at)
{
  return (guint32) at[0] | (guint32) at[1] << 8 | (guint32) at[2] << 16 | (guint32) at[3] << 24;
}

static gboolean
fail (GError     **error,
      const char  *source_name,
      const char  *why)
{
  g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT, "%s: %s", source_name, why);
  return FALSE;
}

/**
 * ar_zip_crc32:
 *
 * Returns: the CRC-32 that ZIP stores for @data (reflected polynomial
 *   0xEDB88320)
 */
guint32
ar_zip_crc32 (const guint8 *data,
              gsize         length)
{
  static guint32 table[256];
  static gsize table_ready = 0;
  guint32 crc = 0xffffffff;

  if (g_once_init_enter (&table_ready))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&table_ready, 1);
    }

  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);

  return crc ^ 0xffffffff;
}

/* The end-of-central-directory record: the last 22 bytes, or earlier
 * when the archive has a comment. */
static const guint8 *
find_end (const guint8 *data,
          gsize         size)
{
  gsize lowest;

  if (size < END_SIZE)
    return NULL;

  lowest = size > END_SIZE + MAX_COMMENT ? size - END_SIZE - MAX_COMMENT : 0;
  for (gsize at = size - END_SIZE + 1; at-- > lowest;)
    if (get32 (data + at) == END_SIGNATURE && at + END_SIZE + get16 (data + at + 20) == size)
      return data + at;

  return NULL;
}

static gboolean
read_directory (ArZipReader  *self,
                GError      **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  const guint8 *end = find_end (data, size);
  guint16 n_entries;
  guint32 directory_size, directory_offset;
  const guint8 *at, *limit;

  if (end == NULL)
    return fail (error, self->source_name, _("not a ZIP archive, or a damaged one"));

  n_entries = get16 (end + 10);
  directory_size = get32 (end + 12);
  directory_offset = get32 (end + 16);
  if (get16 (end + 4) != 0 || get16 (end + 6) != 0 || get16 (end + 8) != n_entries)
    return fail (error, self->source_name, _("archives split over several files cannot be read"));
  if (n_entries == 0xffff || directory_offset == 0xffffffff)
    return fail (error, self->source_name, _("ZIP64 archives cannot be read"));
  if ((gsize) directory_offset + directory_size > (gsize) (end - data))
    return fail (error, self->source_name, _("the archive's directory is damaged"));

  at = data + directory_offset;
  limit = at + directory_size;
  for (guint i = 0; i < n_entries; i++)
    {
      Entry entry;
      guint16 name_length;
      char *name;

      if (limit - at < CENTRAL_HEADER_SIZE || get32 (at) != CENTRAL_HEADER_SIGNATURE)
        return fail (error, self->source_name, _("the archive's directory is damaged"));

      entry.flags = get16 (at + 8);
      entry.method = get16 (at + 10);
      entry.crc = get32 (at + 16);
      entry.compressed_size = get32 (at + 20);
      entry.size = get32 (at + 24);
      entry.local_offset = get32 (at + 42);
      name_length = get16 (at + 28);

      if ((gsize) (limit - at) < (gsize) CENTRAL_HEADER_SIZE + name_length)
        return fail (error, self->source_name, _("the archive's directory is damaged"));
      name = g_strndup ((const char *) at + CENTRAL_HEADER_SIZE, name_length);

      /* the first of two entries with one name wins, as unzip reads it */
      if (!g_hash_table_contains (self->entries, name))
        g_hash_table_insert (self->entries, name, g_memdup2 (&entry, sizeof entry));
      else
        g_free (name);

      at += CENTRAL_HEADER_SIZE + name_length + get16 (at + 30) + get16 (at + 32);
      if (at > limit)
        return fail (error, self->source_name, _("the archive's directory is damaged"));
    }

  return TRUE;
}

/**
 * ar_zip_reader_new:
 * @bytes: the whole archive
 * @source_name: the file's name, for messages
 *
 * Returns: (transfer full): a reader of @bytes, or %NULL with @error set
 *   when they are not a ZIP archive this can read
 */
ArZipReader *
ar_zip_reader_new (GBytes      *bytes,
                   const char  *source_name,
                   GError     **error)
{
  g_autoptr(ArZipReader) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  self = g_new0 (ArZipReader, 1);
  self->bytes = g_bytes_ref (bytes);
  self->source_name = g_strdup (source_name);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!read_directory (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
ar_zip_reader_has (ArZipReader *self,
                   const char  *name)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->entries, name);
}

static GBytes *
inflate_raw (const guint8  *data,
             gsize          length,
             gsize          expected,
             GError       **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
  /* one byte more than expected, so an entry that lies about its size
   * is caught without unpacking all of it */
  g_autofree guint8 *out = g_malloc (expected + 1);
  gsize read_total = 0, written_total = 0;

  for (;;)
    {
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (decompressor),
                                    data + read_total, length - read_total,
                                    out + written_total, expected + 1 - written_total,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written, error);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      read_total += bytes_read;
      written_total += bytes_written;

      if (result == G_CONVERTER_FINISHED)
        break;
      if (written_total > expected || (bytes_read == 0 && bytes_written == 0))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "size");
          return NULL;
        }
    }

  if (written_total != expected)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "size");
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&out), written_total);
}

/**
 * ar_zip_reader_extract:
 * @name: the entry's name, as in the archive ("xl/workbook.xml")
 * @max_size: the largest entry to unpack, in bytes
 *
 * Returns: (transfer full): the entry's bytes, checked against its size
 *   and CRC; %NULL with @error set when there is no such entry
 *   (%G_IO_ERROR_NOT_FOUND), or it cannot be read or is too large
 */
GBytes *
ar_zip_reader_extract (ArZipReader  *self,
                       const char   *name,
                       gsize         max_size,
                       GError      **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  const Entry *entry;
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  const guint8 *local;
  gsize start;
  g_autofree char *why = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, name);
  if (entry == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s: the archive holds no “%s”"), self->source_name, name);
      return NULL;
    }

  if (entry->flags & FLAG_ENCRYPTED)
    {
      why = g_strdup_printf (_("“%s” is encrypted; save the file without a password"), name);
      fail (error, self->source_name, why);
      return NULL;
    }
  if (entry->size > max_size)
    {
      why = g_strdup_printf (_("“%s” is too large to read (%u bytes)"), name, entry->size);
      fail (error, self->source_name, why);
      return NULL;
    }

  if ((gsize) entry->local_offset + LOCAL_HEADER_SIZE > size ||
      get32 (data + entry->local_offset) != LOCAL_HEADER_SIGNATURE)
    goto damaged;
  local = data + entry->local_offset;
  start = entry->local_offset + LOCAL_HEADER_SIZE + get16 (local + 26) + get16 (local + 28);
  if (start > size || size - start < entry->compressed_size)
    goto damaged;

  if (entry->method == METHOD_STORED)
    {
      if (entry->compressed_size != entry->size)
        goto damaged;
      contents = g_bytes_new (data + start, entry->size);
    }
  else if (entry->method == METHOD_DEFLATED)
    {
      contents = inflate_raw (data + start, entry->compressed_size, entry->size, &local_error);
      if (contents == NULL)
        goto damaged;
    }
  else
    {
      why = g_strdup_printf (_("“%s” is compressed in a way that cannot be read (method %u)"),
                             name, entry->method);
      fail (error, self->source_name, why);
      return NULL;
    }

  if (ar_zip_crc32 (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents)) != entry->crc)
    goto damaged;

  return g_steal_pointer (&contents);

damaged:
  why = g_strdup_printf (_("“%s” in the archive is damaged"), name);
  fail (error, self->source_name, why);
  return NULL;
}

void
ar_zip_reader_free (ArZipReader *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->bytes);
  g_free (self->source_name);
  g_hash_table_unref (self->entries);
  g_free (self);
}
