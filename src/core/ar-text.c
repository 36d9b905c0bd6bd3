/* ar-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-text.h"

/**
 * ar_text_is_digits:
 * @text: text to check
 * @length: the number of digits wanted, or 0 for any number but at least one
 *
 * Returns: whether @text is ASCII digits only, of the given length
 */
gboolean
ar_text_is_digits (const char *text,
                   gsize       length)
{
  gsize n = 0;

  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++, n++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return length == 0 ? n > 0 : n == length;
}

/**
 * ar_text_escape_markup:
 *
 * Returns: (transfer full): @text with &, <, >, " and ' escaped for HTML and XML
 */
char *
ar_text_escape_markup (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) + 16 : 16);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default: g_string_append_c (out, *p); break;
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * ar_text_wrap:
 * @text: one paragraph of UTF-8 text
 * @width: the most characters on a line
 *
 * Breaks @text into lines at spaces so that no line is longer than @width
 * characters, unless a single word is. Counts characters, not bytes.
 *
 * Returns: (transfer full): the lines joined by "\n"
 */
char *
ar_text_wrap (const char *text,
              guint       width)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\n", -1);
  GString *out = g_string_new (NULL);
  guint line_length = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong word_length = g_utf8_strlen (words[i], -1);

      if (word_length == 0)
        continue;

      if (line_length > 0 && line_length + 1 + word_length > width)
        {
          g_string_append_c (out, '\n');
          line_length = 0;
        }
      else if (line_length > 0)
        {
          g_string_append_c (out, ' ');
          line_length++;
        }

      g_string_append (out, words[i]);
      line_length += word_length;
    }

  return g_string_free (out, FALSE);
}
