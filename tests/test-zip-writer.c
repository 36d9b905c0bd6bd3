/* test-zip-writer.c: the ZIP writer behind ODT export, read back by unzip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"
#include "ar-zip-writer.h"

static char *
save (GBytes     *bytes,
      const char *directory)
{
  char *path = g_build_filename (directory, "test.zip", NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  return path;
}

/* Stored and deflated entries, an empty one and a large one, come back
 * byte for byte, with the time they were given. */
static void
test_entries_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_local (2026, 11, 23, 14, 30, 10);
  g_autoptr(ArZipWriter) zip = ar_zip_writer_new (when);
  g_autoptr(GString) large = g_string_new (NULL);
  g_autoptr(GBytes) archive = NULL;
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *out = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (large, "Row %u of a large entry\n", i);

  g_assert_true (ar_zip_writer_add (zip, "mimetype", "text/plain", 10, FALSE, &error));
  g_assert_true (ar_zip_writer_add (zip, "dir/large.txt", large->str, large->len, TRUE, &error));
  g_assert_true (ar_zip_writer_add (zip, "empty", "", 0, TRUE, &error));
  g_assert_true (ar_zip_writer_add (zip, "binary", "\0\xff\x01", 3, FALSE, &error));
  g_assert_no_error (error);
  archive = ar_zip_writer_finish (zip);
  path = save (archive, directory);

  /* deflate made the large entry much smaller */
  g_assert_cmpuint (g_bytes_get_size (archive), <, large->len / 4);

  out = ar_test_command_output ("unzip -t '%s'", path);
  g_assert_nonnull (strstr (out, "No errors detected"));
  g_clear_pointer (&out, g_free);

  listing = ar_test_command_output ("unzip -v '%s'", path);
  g_assert_nonnull (strstr (listing, "2026-11-23 14:30"));
  g_assert_nonnull (strstr (listing, "4 files"));

  out = ar_test_command_output ("unzip -p '%s' dir/large.txt", path);
  g_assert_cmpstr (out, ==, large->str);
  g_clear_pointer (&out, g_free);
  out = ar_test_command_output ("unzip -p '%s' mimetype", path);
  g_assert_cmpstr (out, ==, "text/plain");
}

/* A writer can be used again once it has given out an archive. */
static void
test_finish_starts_afresh (void)
{
  g_autoptr(ArZipWriter) zip = ar_zip_writer_new (NULL);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  g_assert_true (ar_zip_writer_add (zip, "a", "one", 3, FALSE, NULL));
  first = ar_zip_writer_finish (zip);
  second = ar_zip_writer_finish (zip);

  /* an empty archive is its end record alone */
  g_assert_cmpuint (g_bytes_get_size (second), ==, 22);
  g_assert_cmpuint (g_bytes_get_size (first), ==, 30 + 1 + 3 + 46 + 1 + 22);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/zip-writer/entries-round-trip", test_entries_round_trip);
  g_test_add_func ("/ar/zip-writer/finish-starts-afresh", test_finish_starts_afresh);

  return g_test_run ();
}
