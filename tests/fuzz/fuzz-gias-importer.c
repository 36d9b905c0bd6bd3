/* fuzz-gias-importer.c: libFuzzer target for GIAS import, on top of the
 * CSV reader
 *
 * The input is one or more extracts, each ended by a line holding only
 * \x1c (the ASCII file separator), so that links can meet the schools
 * they link. Any bytes must be imported or refused with a message: no
 * crash, no leak. What is imported must leave a register whose export
 * imports again to the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ar-core.h"

#define SEPARATOR "\n\x1c\n"
#define MAX_FILES 4

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static const char *
directory (void)
{
  static char *path;

  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;

      path = g_dir_make_tmp ("ar-fuzz-gias-XXXXXX", &error);
      g_assert_no_error (error);
    }

  return path;
}

static ArStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  ArStore *store = ar_store_open (":memory:", &error);

  g_assert_no_error (error);

  return store;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(ArStore) store = open_store ();
  g_autoptr(ArStore) again = NULL;
  g_autoptr(ArGiasReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *p = (const char *) data;
  const char *end = p + size;

  while (p <= end && paths->len < MAX_FILES)
    {
      const char *next = g_strstr_len (p, end - p, SEPARATOR);
      const char *stop = next != NULL ? next : end;
      char *path = g_strdup_printf ("%s/extract-%u.csv", directory (), paths->len);

      g_file_set_contents (path, p, stop - p, &error);
      g_assert_no_error (error);
      g_ptr_array_add (paths, path);
      if (next == NULL)
        break;
      p = next + strlen (SEPARATOR);
    }
  g_ptr_array_add (paths, NULL);

  report = ar_gias_import (store, (const char * const *) paths->pdata, NULL, NULL, NULL, NULL, &error);
  for (guint i = 0; paths->pdata[i] != NULL; i++)
    g_unlink (paths->pdata[i]);

  if (report == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  /* what the report says about the rows is text, whatever the rows held */
  {
    g_autofree char *summary = ar_gias_report_to_text (report, 1000);

    g_assert_true (g_utf8_validate (summary, -1, NULL));
  }

  first = ar_register_json_export (store, &error);
  g_assert_no_error (error);

  again = open_store ();
  if (!ar_register_json_import (again, first, -1, "export.json", FALSE, &error))
    g_error ("a GIAS import exports what does not import again: %s\n%s", error->message, first);

  second = ar_register_json_export (again, &error);
  g_assert_no_error (error);
  if (strcmp (first, second) != 0)
    g_error ("export, import, export changed the file:\n%s\n----\n%s", first, second);

  return 0;
}
