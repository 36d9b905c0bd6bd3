/* test-report-change.c: PDF and ODT of a summary compared between two dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ar-report.h"
#include "ar-test-util.h"

typedef struct
{
  char *directory;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->directory = ar_test_make_dir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ar_test_remove_dir (fixture->directory);
  g_free (fixture->directory);
}

static char *
save (Fixture    *fixture,
      GBytes     *bytes,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->directory, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return path;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static ArSummary *
sample_summary (const char *compare_to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  ArSummary *summary;

  g_assert_no_error (error);
  summary = ar_summary_compute_compared (store, "855", "2026-11-23", compare_to, &error);
  g_assert_no_error (error);
  ar_summary_set_heading (summary, "Appendix B");

  return summary;
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = sample_summary ("2020-01-01");
  g_autoptr(ArSummary) plain = sample_summary (NULL);
  g_autoptr(GBytes) pdf = ar_report_write (summary, AR_SUMMARY_FORMAT_PDF, &error);
  g_autoptr(GBytes) plain_pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain_text = NULL;

  g_assert_no_error (error);
  path = save (fixture, pdf, "compared.pdf");
  text = ar_test_command_output ("pdftotext -layout '%s' -", path);
  g_assert_nonnull (strstr (text, "As at 23 November 2026, compared with 1 January 2020"));
  g_assert_nonnull (strstr (text, "Change"));
  g_assert_nonnull (strstr (text, "1 January"));
  /* TSAs down one, LLEs up two */
  g_assert_nonnull (strstr (text, "\xe2\x88\x92" "1"));
  g_assert_nonnull (strstr (text, "+2"));
  /* the header row again at the top of each page */
  g_assert_cmpuint (count (text, "Key functions"), >=, 2);

  plain_pdf = ar_report_write (plain, AR_SUMMARY_FORMAT_PDF, &error);
  g_assert_no_error (error);
  plain_path = save (fixture, plain_pdf, "plain.pdf");
  plain_text = ar_test_command_output ("pdftotext -layout '%s' -", plain_path);
  g_assert_null (strstr (plain_text, "compared with"));
  g_assert_null (strstr (plain_text, "Change"));

  /* kept for a person to look at: pdftoppm -png */
  if (g_getenv ("AR_BUILD_DIR") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("AR_BUILD_DIR"), "screenshots", "summary-compared.pdf", NULL);
      g_autofree char *dir = g_path_get_dirname (keep);

      g_mkdir_with_parents (dir, 0755);
      g_file_set_contents (keep, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);
    }
}

static void
test_odt (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = sample_summary ("2020-01-01");
  g_autoptr(ArSummary) plain = sample_summary (NULL);
  g_autoptr(GBytes) odt = ar_report_write (summary, AR_SUMMARY_FORMAT_ODT, &error);
  g_autoptr(GBytes) plain_odt = ar_report_write (plain, AR_SUMMARY_FORMAT_ODT, &error);
  g_autofree char *path = save (fixture, odt, "compared.odt");
  g_autofree char *plain_path = save (fixture, plain_odt, "plain.odt");
  g_autofree char *content = ar_test_command_output ("unzip -p '%s' content.xml", path);
  g_autofree char *plain_content = ar_test_command_output ("unzip -p '%s' content.xml", plain_path);
  g_autofree char *parsed = NULL;
  guint rows = ar_summary_get_n_rows (summary) + 1;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (content, "As at 23 November 2026, compared with 1 January 2020"));
  g_assert_cmpuint (count (content, "<table:table-cell "), ==, 5 * rows);
  g_assert_cmpuint (count (plain_content, "<table:table-cell "), ==, 3 * rows);
  g_assert_nonnull (strstr (content, ">Change<"));
  g_assert_null (strstr (plain_content, ">Change<"));

  /* word processors refuse a document whose XML does not parse */
  parsed = ar_test_command_output ("python3 -c 'import sys, zipfile, xml.dom.minidom as m\n"
                                   "z = zipfile.ZipFile(sys.argv[1])\n"
                                   "print(len([m.parseString(z.read(n)) for n in z.namelist() if n.endswith(\".xml\")]))' '%s'",
                                   path);
  g_assert_cmpstr (parsed, ==, "4\n");
}

#define ADD(path, func) \
  g_test_add ("/ar/report-change/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("pdf", test_pdf);
  ADD ("odt", test_odt);

  return g_test_run ();
}
