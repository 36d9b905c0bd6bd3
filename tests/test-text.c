/* test-text.c: what text the register takes in, and how writers give it out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-store-private.h"
#include "ar-test-util.h"
#include "ar-text.h"

/* The window and every importer save through ar_store_save(), which
 * validates: text that is not UTF-8 never reaches the register. */
static void
test_record_refuses_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArRecord) school = g_object_new (AR_TYPE_SCHOOL, NULL);

  ar_record_set_text (school, "name", "Good");
  ar_record_set_text (school, "town", "Bad \xed\xa0\x80 \xff town");
  g_assert_false (ar_record_validate (school, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Town: the text is not valid UTF-8");
  g_assert_cmpint (ar_record_get_invalid_field (school), ==,
                   ar_record_class_field_index (AR_RECORD_GET_CLASS (school), "town"));
  g_clear_error (&error);

  g_assert_false (ar_store_save (store, school, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 0);

  ar_record_set_text (school, "town", "Good town");
  g_assert_true (ar_record_validate (school, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ar_record_get_invalid_field (school), ==, -1);
}

/* Messages quote what was typed, but never bytes that are not text. */
static void
test_messages_do_not_echo_bad_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) trust = g_object_new (AR_TYPE_TRUST, NULL);

  ar_record_set_text (trust, "name", "T");
  ar_record_set_text (trust, "kind", "m\x01" "at\x1b[31m");
  g_assert_false (ar_record_validate (trust, &error));
  g_assert_true (g_str_has_prefix (error->message, "Kind: “m\\x01at\\x1B[31m” is not one of"));
  g_clear_error (&error);

  ar_record_set_text (trust, "kind", "mat");
  ar_record_set_text (trust, "opened_on", "2020\x0b");
  g_assert_false (ar_record_validate (trust, &error));
  g_assert_cmpstr (error->message, ==, "Opened: “2020\\x0B” is not a date in the form YYYY-MM-DD");
  g_clear_error (&error);

  /* a class's own rule, too, and it says which field it was about */
  ar_record_set_text (trust, "opened_on", NULL);
  ar_record_set_text (trust, "gias_uid", "12\x1b[2J");
  g_assert_false (ar_record_validate (trust, &error));
  g_assert_cmpstr (error->message, ==, "GIAS group UID: “12\\x1B[2J” is not a number");
  g_assert_cmpint (ar_record_get_invalid_field (trust), ==,
                   ar_record_class_field_index (AR_RECORD_GET_CLASS (trust), "gias_uid"));
}

static void
test_check (void)
{
  const char *problem = NULL;

  g_assert_true (ar_text_check (NULL, -1, &problem));
  g_assert_true (ar_text_check ("ŵ 学校 \xf0\x9f\x98\x80", -1, &problem));
  g_assert_false (ar_text_check ("a\0b", 3, &problem));
  g_assert_cmpstr (problem, ==, "the text holds a NUL character, which is not allowed");
  g_assert_false (ar_text_check ("\xed\xa0\x80", -1, &problem));
  g_assert_cmpstr (problem, ==, "the text is not valid UTF-8");

  /* noncharacters: U+FFFF, U+FDD0, U+10FFFF; U+FFFD and U+FEFF are text */
  g_assert_true (ar_text_check ("\xef\xbf\xbd \xef\xbb\xbf \xef\xb7\xb0", -1, &problem));
  g_assert_false (ar_text_check ("a \xef\xbf\xbf", -1, &problem));
  g_assert_cmpstr (problem, ==, "the text holds a noncharacter such as U+FFFF, which is not for text");
  g_assert_false (ar_text_check ("\xef\xb7\x90", -1, &problem));
  g_assert_false (ar_text_check ("\xf4\x8f\xbf\xbf", -1, &problem));
}

/* ar_text_validate() takes ASCII eight bytes at a time: it must say what
 * g_utf8_validate() says, and stop where it stops, for text of every
 * kind at every offset from an eight-byte boundary. */
static void
test_validate_as_glib (void)
{
  static const char * const pieces[] = {
    "a", "plain ASCII text!", "\xc3\xa9", "\xe2\x9c\x93", "\xf0\x9f\x98\x80", "\xef\xbf\xbf",
    "\xc3", "\xe2\x9c", "\xf0\x9f\x98", "\x80", "\xbf", "\xc0\xaf", "\xe0\x80\xaf",
    "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xfe", "\x7f", "\x01",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  char buffer[64];

  for (guint round = 0; round < 20000; round++)
    {
      gsize length = 0;
      const char *ours = NULL;
      const char *glib = NULL;
      gboolean ok;

      /* a little before, then pieces, sometimes a NUL */
      length = g_rand_int_range (rand, 0, 9);
      memset (buffer, 'x', length);
      while (length < 40)
        {
          const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

          memcpy (buffer + length, piece, strlen (piece));
          length += strlen (piece);
        }
      if (g_rand_int_range (rand, 0, 8) == 0)
        buffer[g_rand_int_range (rand, 0, length)] = '\0';

      ok = ar_text_validate (buffer, length, &ours);
      g_assert_cmpint (ok, ==, g_utf8_validate (buffer, length, &glib));
      g_assert_true (ours == glib);
    }
}

static void
test_for_layout (void)
{
  g_autofree char *shown = ar_text_for_layout ("a\vb\x01\tc\nd \xef\xbf\xbf \xef\xb7\x90 \xff");

  g_assert_cmpstr (shown, ==, "a b \tc\nd \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd");
}

static void
test_for_message (void)
{
  g_autofree char *controls = ar_text_for_message ("a\tb\nc\x7f" "d\xc2\x85");
  g_autofree char *invalid = ar_text_for_message ("x\xffy");

  g_assert_cmpstr (controls, ==, "a\\x09b\\x0Ac\\x7Fd\\x85");
  g_assert_cmpstr (invalid, ==, "x\xef\xbf\xbdy");
}

static void
test_clean_line (void)
{
  g_autofree char *cleaned = ar_text_clean_line ("Upper\x0bLower\tSchool\r\n\xc2\x85" "é");

  g_assert_cmpstr (cleaned, ==, "Upper Lower School   é");
  g_assert_null (ar_text_clean_line (NULL));

  /* a line that needs nothing comes back as it was (the quick way); one
   * character that needs something takes the whole line the long way */
  g_free (cleaned);
  cleaned = ar_text_clean_line ("Café “Ø” ✓");
  g_assert_cmpstr (cleaned, ==, "Café “Ø” ✓");
  g_free (cleaned);
  cleaned = ar_text_clean_line ("Café\x7f\xef\xbf\xbe.\xff!");
  g_assert_cmpstr (cleaned, ==, "Café \xef\xbf\xbd.\xef\xbf\xbd!");
}

/* The quick question an import asks of every non-empty field has the
 * long way's answer: random lines of printable ASCII, controls, C1
 * controls, noncharacters, other characters and bytes that are not
 * UTF-8. */
static void
test_is_clean_line (void)
{
  static const char * const pieces[] = {
    "a", "Z ", "~", "\t", "\x0b", "\x1f", "\x7f", "é", "\xc2\x85", "\xc2\xa0", "\xef\xbf\xbe",
    "\xef\xb7\x90", "✓", "\xff", "\xc3", "€",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);

  g_assert_true (ar_text_is_clean_line (""));
  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *cleaned = NULL;
      gboolean clean;
      guint n = g_rand_int_range (rand, 1, 12);

      for (guint i = 0; i < n; i++)
        {
          /* mostly ASCII, as fields are */
          guint k = g_rand_int_range (rand, 0, 4) > 0 ? g_rand_int_range (rand, 0, 3)
                                                      : g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces));

          g_string_append (line, pieces[k]);
        }
      /* the rule, character by character */
      clean = g_utf8_validate (line->str, -1, NULL);
      for (const char *p = line->str; clean && *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          clean = !(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                    || (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe);
        }
      if (ar_text_is_clean_line (line->str) != clean)
        g_error ("“%s”: is_clean_line says %d", line->str, !clean);
      /* and what is clean, cleaning leaves as it is */
      cleaned = ar_text_clean_line (line->str);
      g_assert_true (g_str_equal (cleaned, line->str) == clean);
    }
}

/* XML 1.0 holds no control character but tab and line breaks, not even
 * as a character reference; what it cannot hold becomes a space or U+FFFD. */
static void
test_escape_markup (void)
{
  g_autofree char *escaped = ar_text_escape_markup ("<a href='x'>\"&\"</a> ]]> \x0b\x01\t\n\r \xef\xbf\xbe \xff end");

  g_assert_cmpstr (escaped, ==,
                   "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt; ]]&gt;   \t\n\r \xef\xbf\xbd \xef\xbf\xbd end");
}

/* When the lookup itself fails (as on a register whose tables are not
 * what this program expects), the error is set once: setting it twice
 * warns, and tests and G_DEBUG=fatal-warnings abort. */
static void
test_find_area_fails_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArRecord) area = NULL;

  ar_test_add_area (store, "855", "Leicestershire");
  g_assert_true (ar_store_exec (store, "ALTER TABLE area RENAME COLUMN code TO old_code", &error));
  g_assert_no_error (error);

  area = ar_store_find_area (store, "Leicestershire", &error);
  g_assert_null (area);
  g_assert_nonnull (error);
}

/* A spreadsheet's line break in a cell (U+000B) and other control
 * characters come into the register as spaces. */
static void
test_gias_cleans_controls (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArGiasReport) report = NULL;
  g_autoptr(ArRecord) school = NULL;
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "establishments.csv", NULL);
  const char *paths[] = { path, NULL };

  g_file_set_contents (path,
                       "\"URN\",\"LA (code)\",\"LA (name)\",\"EstablishmentName\",\"Town\",\"Postcode\"\r\n"
                       "990001,\"855\",\"Leicester\x0bshire\",\"Upper\x0bSchool\",\"Market\tTown\",\"LE1\x01 1AA\"\r\n",
                       -1, &error);
  g_assert_no_error (error);

  report = ar_gias_import (store, paths, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  school = ar_store_find (store, AR_TYPE_SCHOOL, "urn", "990001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (school);
  g_assert_cmpstr (ar_record_get_text (school, "name"), ==, "Upper School");
  g_assert_cmpstr (ar_record_get_text (school, "town"), ==, "Market Town");
  g_assert_cmpstr (ar_record_get_text (school, "postcode"), ==, "LE1  1AA");
  g_clear_object (&school);
  school = ar_store_find_area (store, "855", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ar_record_get_text (school, "name"), ==, "Leicester shire");

  ar_test_remove_dir (directory);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/text/record-refuses-invalid-utf8", test_record_refuses_invalid_utf8);
  g_test_add_func ("/ar/text/messages-do-not-echo-bad-bytes", test_messages_do_not_echo_bad_bytes);
  g_test_add_func ("/ar/text/check", test_check);
  g_test_add_func ("/ar/text/validate-as-glib", test_validate_as_glib);
  g_test_add_func ("/ar/text/for-message", test_for_message);
  g_test_add_func ("/ar/text/for-layout", test_for_layout);
  g_test_add_func ("/ar/text/clean-line", test_clean_line);
  g_test_add_func ("/ar/text/is-clean-line", test_is_clean_line);
  g_test_add_func ("/ar/text/escape-markup", test_escape_markup);
  g_test_add_func ("/ar/text/find-area-fails-once", test_find_area_fails_once);
  g_test_add_func ("/ar/text/gias-cleans-controls", test_gias_cleans_controls);

  return g_test_run ();
}
