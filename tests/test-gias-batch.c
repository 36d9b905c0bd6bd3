/* test-gias-batch.c: new schools and memberships written in batches
 *
 * The GIAS import writes new schools and memberships many rows to a
 * statement, with ids it gives them and the uniqueness and link checks
 * answered from its own hashes (issue 15). Each import here runs twice,
 * into two registers: once that way and once saving record by record as
 * before; the reports (with the rows refused and why) and the exported
 * registers, change history included, must be the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-gias-importer-private.h"
#include "ar-test-util.h"

#define HEADER "\"URN\",\"LA (code)\",\"LA (name)\",\"EstablishmentNumber\",\"EstablishmentName\"," \
  "\"TypeOfEstablishment (code)\",\"TypeOfEstablishment (name)\",\"EstablishmentStatus (code)\"," \
  "\"EstablishmentStatus (name)\",\"OpenDate\",\"CloseDate\",\"PhaseOfEducation (code)\"," \
  "\"PhaseOfEducation (name)\",\"TrustSchoolFlag (code)\",\"TrustSchoolFlag (name)\",\"Trusts (code)\"," \
  "\"Trusts (name)\",\"Town\",\"Postcode\"\r\n"

/* Rows the batches must refuse or hand over as the saves did: a school
 * closed before it opened (refused), a URN twice in one file (the second
 * row changes a school still in its batch, and moves it to another
 * trust, ending a membership still in its batch), a new area. */
static const char refused_csv[] =
  HEADER
  "990201,\"855\",\"Leicestershire\",\"2101\",\"Closed Before Open School\",\"28\",\"Academy converter\",\"2\",\"Closed\",\"01-09-2015\",\"01-09-2010\",\"2\",\"Primary\",\"0\",\"\",\"\",\"\",\"Melton\",\"LE13 9ZZ\"\r\n"
  "990202,\"855\",\"Leicestershire\",\"2102\",\"Twice Listed Academy\",\"28\",\"Academy converter\",\"1\",\"Open\",\"01-09-2015\",\"\",\"2\",\"Primary\",\"3\",\"\",\"17001\",\"Soar Valley Trust\",\"Melton\",\"LE13 9ZY\"\r\n"
  "990203,\"858\",\"New Shire\",\"2103\",\"New Area School\",\"02\",\"Community school\",\"1\",\"Open\",\"\",\"\",\"2\",\"Primary\",\"0\",\"\",\"\",\"\",\"Oakham\",\"LE15 9ZZ\"\r\n"
  "990202,\"855\",\"Leicestershire\",\"2102\",\"Twice Listed Academy (renamed)\",\"28\",\"Academy converter\",\"1\",\"Open\",\"01-09-2016\",\"\",\"2\",\"Primary\",\"3\",\"\",\"17077\",\"Wreake Trust\",\"Melton\",\"LE13 9ZY\"\r\n"
  "990204,\"855\",\"Leicestershire\",\"2104\",\"Left Before Joined Academy\",\"28\",\"Academy converter\",\"1\",\"Open\",\"01-09-2019\",\"\",\"2\",\"Primary\",\"3\",\"\",\"17001\",\"Soar Valley Trust\",\"Melton\",\"LE13 9ZX\"\r\n"
  "12A456,\"855\",\"Leicestershire\",\"2105\",\"Bad URN\",\"28\",\"Academy converter\",\"1\",\"Open\",\"\",\"\",\"2\",\"Primary\",\"0\",\"\",\"\",\"\",\"Melton\",\"LE13 9ZW\"\r\n";

/* Then 990204 moves, joining its new trust before it joined the first:
 * ending the first membership the day before is refused. */
static const char moved_csv[] =
  HEADER
  "990204,\"855\",\"Leicestershire\",\"2104\",\"Left Before Joined Academy\",\"28\",\"Academy converter\",\"1\",\"Open\",\"01-09-2018\",\"\",\"2\",\"Primary\",\"3\",\"\",\"17077\",\"Wreake Trust\",\"Melton\",\"LE13 9ZX\"\r\n"
  "990205,\"855\",\"Leicestershire\",\"2106\",\"Late Academy\",\"28\",\"Academy converter\",\"1\",\"Open\",\"01-09-2020\",\"\",\"2\",\"Primary\",\"3\",\"\",\"17077\",\"Wreake Trust\",\"Melton\",\"LE13 9ZV\"\r\n";

/* Values the import trims, empties and makes one line: a second import
 * must find them unchanged without building the school to compare. */
static const char tricky_csv[] =
  HEADER
  "990301,\"855\",\"Leicestershire\",\"2201\",\"  Caf\xc3\xa9 School\x0b" "Annexe  \",\"28\",\"Academy converter\",\"1\",\"Open\",\"01-09-2015\",\"\",\"2\",\" Primary \",\"3\",\"\",\"17001\",\"Soar Valley Trust\",\"Mel\tton\",\"LE13 9AA \"\r\n"
  "990302,\"855\",\"Leicestershire\",\"2202\",\"Plain School\",\"02\",\"Community school\",\"1\",\"Open\",\"\",\"\",\"2\",\"Primary\",\"0\",\"\",\"\",\"\",\"\",\"\"\r\n"
  "990303,\"855\",\"Leicestershire\",\"2203\",\"Odd Status School\",\"02\",\"Community school\",\"9\",\"Weird\",\"31-02-2019\",\"\",\"2\",\"Primary\",\"0\",\"\",\"\",\"\",\"Oakham\",\"LE15 9AA\"\r\n";

/* The same schools with only white space changed, bar real changes:
 * 990301's town and opening date (and so its membership's joining), and
 * 990303's town, to the start of what it was. */
static const char tricky_changed_csv[] =
  HEADER
  "990301,\"855\",\"Leicestershire\",\"2201\",\"Caf\xc3\xa9 School Annexe\",\"28\",\"Academy converter\",\"1\",\"Open\",\"01/09/2016\",\"\",\"2\",\"Primary\",\"3\",\"\",\"17001\",\"Soar Valley Trust\",\"Oakham\",\"LE13 9AA\"\r\n"
  "990302,\"855\",\"Leicestershire\",\"2202\",\" Plain School \",\"02\",\"Community school\",\"1\",\"Open\",\"01-01-1900\",\"\",\"2\",\"Primary\",\"0\",\"\",\"\",\"\",\"  \",\"\"\r\n"
  "990303,\"855\",\"Leicestershire\",\"2203\",\"Odd Status School\",\"02\",\"Community school\",\"9\",\"Weird\",\"\",\"\",\"2\",\"Primary\",\"0\",\"\",\"\",\"\",\"Oak\",\"LE15 9AA\"\r\n";

static char *
data_file (const char *name)
{
  return g_build_filename (g_getenv ("AR_TEST_DATA"), "gias", name, NULL);
}

/* The report's text and the export, with when and by whom masked */
static char *
import_and_export (ArStore            *store,
                   const char * const *paths,
                   gboolean            one_by_one)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArGiasReport) report = NULL;
  g_autoptr(GRegex) varying = g_regex_new ("\"(at|user)\" : \"[^\"]*\"", 0, 0, NULL);
  g_autofree char *text = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *masked = NULL;

  ar_gias_import_set_one_by_one (one_by_one);
  report = ar_gias_import (store, paths, NULL, NULL, NULL, NULL, &error);
  ar_gias_import_set_one_by_one (FALSE);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  text = ar_gias_report_to_text (report, G_MAXUINT);
  exported = ar_register_json_export_with_history (store, TRUE, &error);
  g_assert_no_error (error);
  masked = g_regex_replace (varying, exported, -1, 0, "\"\\1\" : \"*\"", 0, &error);
  g_assert_no_error (error);

  return g_strconcat (text, "\n", masked, NULL);
}

static void
test_same_as_one_by_one (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *refused = g_build_filename (directory, "edubasealldata-refused.csv", NULL);
  g_autofree char *moved = g_build_filename (directory, "edubasealldata-moved.csv", NULL);
  g_autofree char *tricky = g_build_filename (directory, "edubasealldata-tricky.csv", NULL);
  g_autofree char *tricky_changed = g_build_filename (directory, "edubasealldata-tricky-changed.csv", NULL);
  g_autoptr(ArStore) batched = ar_test_store_new ();
  g_autoptr(ArStore) saved = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  const char *steps[][4] = {
    { "establishments-2024-cp1252.csv", "allgroupsdata-2024.csv", "alllinksdata-2024.csv", NULL },
    { "establishments-2025-cp1252.csv", "alllinksdata-2025.csv", NULL },
    { "open-trusts-2016-11-22-head.csv", "establishments-academies-sample-2024.csv",
      "group-links-sample-2024.csv", NULL },
    { "establishments-academies-sample-2024.csv", NULL },
    { NULL },   /* refused_csv */
    { NULL },   /* moved_csv */
    { NULL },   /* tricky_csv */
    { NULL },   /* tricky_csv again */
    { NULL },   /* tricky_changed_csv */
    { "establishments-2025-cp1252.csv", "alllinksdata-2025.csv", NULL },
  };

  g_assert_true (g_file_set_contents (refused, refused_csv, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (moved, moved_csv, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (tricky, tricky_csv, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (tricky_changed, tricky_changed_csv, -1, &error));
  g_assert_no_error (error);

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *from_batches = NULL;
      g_autofree char *from_saves = NULL;

      for (guint i = 0; steps[s][i] != NULL; i++)
        g_ptr_array_add (paths, data_file (steps[s][i]));
      if (s == 4)
        g_ptr_array_add (paths, g_strdup (refused));
      if (s == 5)
        g_ptr_array_add (paths, g_strdup (moved));
      if (s == 6 || s == 7)
        g_ptr_array_add (paths, g_strdup (tricky));
      if (s == 8)
        g_ptr_array_add (paths, g_strdup (tricky_changed));
      g_ptr_array_add (paths, NULL);

      from_batches = import_and_export (batched, (const char * const *) paths->pdata, FALSE);
      from_saves = import_and_export (saved, (const char * const *) paths->pdata, TRUE);
      g_assert_cmpstr (from_batches, ==, from_saves);
      g_free (last);
      last = g_steal_pointer (&from_batches);
      if (s == 4)
        {
          /* refused by the batch's validation, with file, line and why */
          g_assert_nonnull (strstr (last, "edubasealldata-refused.csv, line 2: "));
          g_assert_nonnull (strstr (last, "line 2: Closed (2010-09-01) is before Opened (2015-09-01)"));
          g_assert_nonnull (strstr (last, "edubasealldata-refused.csv, line 7: URN “12A456”"));
        }
      if (s == 5)
        {
          /* the moved school's ending was refused, the rest went in */
          g_assert_nonnull (strstr (last, "edubasealldata-moved.csv, line 2: Left (2018-08-31) is before Joined (2019-09-01)"));
          g_assert_nonnull (strstr (last, "Late Academy"));
        }
      if (s == 6)
        g_assert_nonnull (strstr (last, "Café School Annexe"));
      if (s == 7)
        {
          g_assert_nonnull (strstr (last, "Schools: 0 added, 0 updated, 3 unchanged"));
          g_assert_nonnull (strstr (last, "Trust memberships: 0 added, 0 updated, 1 unchanged"));
        }
      if (s == 8)
        {
          g_assert_nonnull (strstr (last, "Schools: 0 added, 2 updated, 1 unchanged"));
          g_assert_nonnull (strstr (last, "Trust memberships: 0 added, 1 updated, 0 unchanged"));
        }
    }
}

/* A failure after batched rows leaves nothing of the import behind. */
static void
test_cancel_leaves_nothing (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ArGiasReport) report = NULL;
  g_autofree char *path = data_file ("establishments-2024-cp1252.csv");
  const char *paths[] = { path, NULL };

  g_cancellable_cancel (cancellable);
  report = ar_gias_import (store, paths, NULL, cancellable, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (ar_store_is_empty (store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/gias-batch/same-as-one-by-one", test_same_as_one_by_one);
  g_test_add_func ("/ar/gias-batch/cancel-leaves-nothing", test_cancel_leaves_nothing);

  return g_test_run ();
}
