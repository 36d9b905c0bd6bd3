/* ar-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-text"

#include "config.h"

#include <glib/gi18n-lib.h>
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

/* U+FDD0–U+FDEF and the last two code points of every plane are for a
 * program's own use, never for text: cairo refuses them, and a PDF then
 * silently loses everything drawn after one. */
static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

/* XML 1.0 allows tab, line feed and carriage return but no other C0
 * control character, not even as &#xb;, and neither U+FFFE nor U+FFFF. */
static gboolean
is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r'
         || (c >= 0x20 && c != 0xfffe && c != 0xffff);
}

/**
 * ar_text_escape_markup:
 *
 * Escapes &, <, >, " and ' for HTML and XML. What XML 1.0 cannot hold at
 * all goes too: a control character (U+000B comes from spreadsheets as a
 * line break) becomes a space, bytes that are not UTF-8 and noncharacters
 * such as U+FFFF become U+FFFD, so any text gives a well-formed document.
 *
 * Returns: (transfer full): the escaped text
 */
char *
ar_text_escape_markup (const char *text)
{
  gsize length = text != NULL ? strlen (text) : 0;
  GString *out = g_string_sized_new (length + 16);
  const char *p = text != NULL ? text : "";
  const char *end = p + length;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* one replacement per bad byte, as g_utf8_make_valid() does */
          g_string_append (out, "\xef\xbf\xbd");
          p++;
          continue;
        }

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default:
          if (c < 0x20 && !is_xml_char (c))
            g_string_append_c (out, ' ');
          else if (!is_xml_char (c) || is_noncharacter (c))
            g_string_append (out, "\xef\xbf\xbd");
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

#define ASCII_HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define ASCII_LOW_BITS G_GUINT64_CONSTANT (0x0101010101010101)

/* g_utf8_validate() with a length, taking ASCII with no NUL eight bytes
 * at a time; *@high says whether a byte from 0xEF was seen, the first
 * of any noncharacter's. */
static gboolean
validate (const char  *text,
          gsize        length,
          const char **end,
          gboolean    *high)
{
  const char *p = text;
  const char *stop = text + length;

  *high = FALSE;
  while (p < stop)
    {
      guint64 word;
      gsize n;

      if (stop - p >= 8)
        {
          memcpy (&word, p, sizeof word);
          if ((word & ASCII_HIGH_BITS) == 0 && ((word - ASCII_LOW_BITS) & ~word & ASCII_HIGH_BITS) == 0)
            {
              p += 8;
              continue;
            }
        }

      if (*p == '\0')
        break;
      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }

      /* one character beyond ASCII, by GLib's rules */
      n = (guchar) *p >= 0xf0 ? 4 : (guchar) *p >= 0xe0 ? 3 : 2;
      if (n > (gsize) (stop - p) || !g_utf8_validate_len (p, n, NULL))
        break;
      *high |= (guchar) *p >= 0xef;
      p += n;
    }

  if (end != NULL)
    *end = p;

  return p == stop;
}

/**
 * ar_text_validate:
 * @end: (out) (optional) (transfer none): where the text stops being
 *   valid, or its end
 *
 * As g_utf8_validate() (a NUL among the @length bytes is not valid),
 * which took a tenth of a large import: ASCII goes eight bytes at once.
 *
 * Returns: whether @text is valid UTF-8 with no NUL
 */
gboolean
ar_text_validate (const char  *text,
                  gsize        length,
                  const char **end)
{
  gboolean high;

  return validate (text, length, end, &high);
}

/**
 * ar_text_check:
 * @text: (nullable): text that came in from outside
 * @length: its length in bytes, or -1 if nul-terminated
 * @problem: (out) (optional) (transfer none): why it is refused
 *
 * Text the register holds is valid UTF-8 with no NUL character and no
 * noncharacter (such as U+FFFF): anything else could not be written out,
 * printed, and read back in again.
 *
 * Returns: whether @text may be stored
 */
gboolean
ar_text_check (const char  *text,
               gssize       length,
               const char **problem)
{
  const char *end;
  gboolean high;

  if (text == NULL)
    return TRUE;

  if (length < 0)
    length = strlen (text);

  if (!validate (text, length, &end, &high))
    {
      if (problem != NULL)
        *problem = *end == '\0' && end < text + length
                   ? _("the text holds a NUL character, which is not allowed")
                   : _("the text is not valid UTF-8");
      return FALSE;
    }

  for (const char *p = text; high && p < text + length; p = g_utf8_next_char (p))
    {
      /* all noncharacters are three or four bytes, starting 0xEF or 0xF0+ */
      if ((guchar) *p >= 0xef && is_noncharacter (g_utf8_get_char (p)))
        {
          if (problem != NULL)
            *problem = _("the text holds a noncharacter such as U+FFFF, which is not for text");
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * ar_text_for_message:
 * @text: (nullable): text to quote in a message, perhaps invalid
 *
 * Returns: (transfer full): @text as valid UTF-8 on one line, with bytes
 *   that are not UTF-8 as U+FFFD and control characters as `\xNN`, so that
 *   a message never passes on what made the input wrong
 */
char *
ar_text_for_message (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        g_string_append_printf (out, "\\x%02X", c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * ar_text_trim:
 * @text: (nullable): a value
 * @length: (out): how long the trimmed value is
 *
 * Where @text starts without the white space around it, which is how
 * records keep text, without copying it: "no value" has one form
 * everywhere.
 *
 * Returns: (nullable): the start, or %NULL (with @length 0) when nothing
 *   is left
 */
const char *
ar_text_trim (const char *text,
              gsize      *length)
{
  const char *end;

  *length = 0;
  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  *length = end - text;

  return end > text ? text : NULL;
}

/**
 * ar_text_is_clean_line:
 * @text: one line of text from another program
 *
 * Tells without a copy what nearly every field of an import needs to
 * know: printable ASCII is looked at a byte at a time, and only the
 * rest as characters.
 *
 * Returns: whether ar_text_clean_line() would give @text back as it is
 */
gboolean
ar_text_is_clean_line (const char *text)
{
  const guchar *p = (const guchar *) text;

  for (; *p != '\0' && *p < 0x80; p++)
    {
      if (*p < 0x20 || *p == 0x7f)
        return FALSE;
    }
  if (*p == '\0')
    return TRUE;

  if (!g_utf8_validate ((const char *) p, -1, NULL))
    return FALSE;
  for (const char *q = (const char *) p; *q != '\0'; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || is_noncharacter (c))
        return FALSE;
    }

  return TRUE;
}

/**
 * ar_text_clean_line:
 * @text: (nullable): one line of text from another program, such as a
 *   spreadsheet cell
 *
 * Returns: (transfer full) (nullable): @text with each control character
 *   (tabs, line breaks, U+000B that spreadsheets use inside cells, C1
 *   controls) as a space and bytes that are not UTF-8 as U+FFFD
 */
char *
ar_text_clean_line (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;

  /* nearly every line needs nothing: found without building a copy */
  if (ar_text_is_clean_line (text))
    return g_strdup (text);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        g_string_append_c (out, ' ');
      else if (is_noncharacter (c))
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * ar_text_for_layout:
 * @text: (nullable): text to lay out with Pango and draw with cairo
 *
 * Returns: (transfer full): @text with control characters other than tab
 *   and line breaks as spaces (not boxes of hex digits), and bad bytes
 *   and noncharacters as U+FFFD, which cairo would refuse
 */
char *
ar_text_for_layout (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
        g_string_append_c (out, ' ');
      else if (is_noncharacter (c))
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
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
