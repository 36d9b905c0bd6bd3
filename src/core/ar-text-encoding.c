/* ar-text-encoding.c: GIAS files are Windows-1252; everything inside is UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-text-encoding.h"

/* 0x80–0x9F, where Windows-1252 differs from Latin-1. The five bytes it
 * leaves undefined become U+FFFD rather than failing the whole file, as
 * glibc's iconv would. */
static const gunichar windows_1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/**
 * ar_text_to_utf8:
 * @was_windows_1252: (out) (optional): whether the bytes were decoded as
 *   Windows-1252
 *
 * A UTF-8 byte-order mark or valid UTF-8 means UTF-8 (the mark is
 * dropped); anything else is read as Windows-1252, as GIAS publishes.
 *
 * Returns: (transfer full): the text as UTF-8, nul-terminated
 */
char *
ar_text_to_utf8 (const char *data,
                 gsize       length,
                 gsize      *utf8_length,
                 gboolean   *was_windows_1252)
{
  char *out;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      if (was_windows_1252 != NULL)
        *was_windows_1252 = FALSE;
      if (utf8_length != NULL)
        *utf8_length = length;
      return g_strndup (data, length);
    }

  out = ar_text_from_windows_1252 (data, length, utf8_length);
  if (was_windows_1252 != NULL)
    *was_windows_1252 = TRUE;

  return out;
}

/**
 * ar_text_from_windows_1252:
 *
 * Returns: (transfer full): @data, read as Windows-1252, in UTF-8
 */
char *
ar_text_from_windows_1252 (const char *data,
                           gsize       length,
                           gsize      *utf8_length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar byte = data[i];

      if (byte < 0x80)
        g_string_append_c (out, byte);
      else if (byte < 0xA0)
        g_string_append_unichar (out, windows_1252_high[byte - 0x80]);
      else
        g_string_append_unichar (out, byte);
    }

  if (utf8_length != NULL)
    *utf8_length = out->len;

  return g_string_free (out, FALSE);
}
