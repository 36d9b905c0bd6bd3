/* test-gias-import.c: schools, trusts and memberships from GIAS extracts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "ar-test-util.h"

typedef struct
{
  ArStore *store;
  char    *directory;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = ar_test_store_new ();
  fixture->directory = ar_test_make_dir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ar_test_remove_dir (fixture->directory);
  g_free (fixture->directory);
  g_clear_object (&fixture->store);
}

static char *
data_file (const char *name)
{
  return g_build_filename (g_getenv ("AR_TEST_DATA"), "gias", name, NULL);
}

/* Imports the named test extracts, expecting success. */
static ArGiasReport *
import (Fixture            *fixture,
        const char * const *areas,
        ...)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  ArGiasReport *report;
  const char *name;
  va_list args;

  va_start (args, areas);
  while ((name = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (paths, data_file (name));
  va_end (args);
  g_ptr_array_add (paths, NULL);

  report = ar_gias_import (fixture->store, (const char * const *) paths->pdata, areas,
                           NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

static ArRecord *
school (Fixture    *fixture,
        const char *urn)
{
  g_autoptr(GError) error = NULL;
  ArRecord *record = ar_store_find (fixture->store, AR_TYPE_SCHOOL, "urn", urn, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);

  return record;
}

static guint
count (ArGiasReport  *report,
       ArGiasRecords  records,
       ArGiasOutcome  outcome)
{
  return ar_gias_report_get_count (report, records, outcome);
}

static void
test_published_extracts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ArGiasReport) report =
    import (fixture, NULL, "alllinksdata-2024.csv", "establishments-2024-cp1252.csv", "allgroupsdata-2024.csv", NULL);
  g_autoptr(ArRecord) becket = school (fixture, "990101");
  g_autoptr(ArRecord) north_star = school (fixture, "990102");
  g_autoptr(ArRecord) meadow = school (fixture, "990104");
  g_autoptr(ArRecord) dateless = school (fixture, "990107");
  g_autoptr(ArRecord) soar = NULL;
  const GPtrArray *skipped = ar_gias_report_get_skipped (report);
  const GPtrArray *notes = ar_gias_report_get_notes (report);

  g_assert_cmpuint (count (report, AR_GIAS_AREAS, AR_GIAS_ADDED), ==, 3);
  g_assert_cmpuint (count (report, AR_GIAS_SCHOOLS, AR_GIAS_ADDED), ==, 7);
  g_assert_cmpuint (count (report, AR_GIAS_TRUSTS, AR_GIAS_ADDED), ==, 3);
  g_assert_cmpuint (count (report, AR_GIAS_MEMBERSHIPS, AR_GIAS_ADDED), ==, 5);

  /* accented names from Windows-1252 bytes */
  g_assert_cmpstr (ar_record_get_text (becket, "name"), ==,
                   "St Thomas à Becket Catholic Secondary School, A Voluntary Academy");
  g_assert_cmpstr (ar_record_get_text (north_star, "name"), ==, "North Star 82°");
  g_assert_cmpstr (ar_record_get_text (meadow, "name"), ==, "Meadow \"Top\" Infants");

  /* dates, placeholders and statuses */
  g_assert_cmpstr (ar_record_get_text (becket, "open_date"), ==, "2012-09-01");
  g_assert_null (ar_record_get_text (north_star, "open_date"));
  g_assert_null (ar_record_get_text (dateless, "open_date"));
  g_assert_cmpstr (ar_record_get_text (meadow, "status"), ==, "open-proposed-to-close");
  g_assert_cmpstr (ar_record_get_text (becket, "postcode"), ==, "LE11 9ZZ");

  /* the bad URN is skipped with its line; the bad date is noted */
  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (skipped, 0), ==,
                   "establishments-2024-cp1252.csv, line 8: URN “12A456” is not six digits");
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "line 9: OpenDate “31-02-2019” is not a date"));

  /* trusts: capitals tamed, leading zero restored; sponsors are not trusts */
  soar = ar_store_find (fixture->store, AR_TYPE_TRUST, "gias_uid", "17001", NULL);
  g_assert_cmpstr (ar_record_get_text (soar, "name"), ==, "Soar Valley Trust");
  g_assert_cmpstr (ar_record_get_text (soar, "kind"), ==, "mat");
  g_assert_null (ar_store_find (fixture->store, AR_TYPE_TRUST, "gias_uid", "17004", NULL));
}

static void
test_summary_mat_row (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ArGiasReport) report =
    import (fixture, NULL, "allgroupsdata-2024.csv", "establishments-2024-cp1252.csv", "alllinksdata-2024.csv", NULL);

  /* Soar Valley holds 990101 and 990103, Wolds 990104; the Rutland and
   * Leicester academies count elsewhere */
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2024-06-01", "MAT"), ==, 2);
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2024-06-01"), ==, 3);
  g_assert_cmpint (ar_test_count (fixture->store, "856", "2024-06-01", "MAT"), ==, 1);
  g_assert_cmpint (ar_test_school_count (fixture->store, "857", "2024-06-01"), ==, 1);
  /* before Meadow joined Wolds in April 2016 */
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2016-01-01"), ==, 2);
}

static void
test_same_extract_twice_changes_nothing (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(ArGiasReport) first =
    import (fixture, NULL, "allgroupsdata-2024.csv", "establishments-2024-cp1252.csv", "alllinksdata-2024.csv", NULL);
  g_autofree char *before = ar_test_export (fixture->store);
  g_autoptr(ArGiasReport) second =
    import (fixture, NULL, "allgroupsdata-2024.csv", "establishments-2024-cp1252.csv", "alllinksdata-2024.csv", NULL);
  g_autofree char *after = ar_test_export (fixture->store);
  g_autofree char *text = ar_gias_report_to_text (second, 10);

  g_assert_true (ar_gias_report_changed_anything (first));
  g_assert_false (ar_gias_report_changed_anything (second));
  g_assert_cmpuint (count (second, AR_GIAS_SCHOOLS, AR_GIAS_UNCHANGED), ==, 7);
  g_assert_cmpuint (count (second, AR_GIAS_MEMBERSHIPS, AR_GIAS_UNCHANGED), ==, 5);
  g_assert_nonnull (strstr (text, "Nothing changed"));
  g_assert_cmpstr (before, ==, after);
}

static void
test_later_extract_updates_just_what_changed (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(ArGiasReport) first =
    import (fixture, NULL, "allgroupsdata-2024.csv", "establishments-2024-cp1252.csv", "alllinksdata-2024.csv", NULL);
  g_autoptr(ArGiasReport) later = NULL;
  g_autoptr(ArRecord) brook = NULL;
  g_autoptr(ArRecord) meadow = NULL;
  g_autoptr(GListModel) memberships = NULL;
  guint open_memberships = 0;

  /* the user's own note survives the update */
  brook = school (fixture, "990103");
  ar_test_set (fixture->store, AR_TYPE_SCHOOL, ar_record_get_id (brook), "notes", "Visited May 2024");
  g_clear_object (&brook);

  later = import (fixture, NULL, "allgroupsdata-2024.csv", "establishments-2025-cp1252.csv", "alllinksdata-2025.csv", NULL);
  g_assert_cmpuint (count (later, AR_GIAS_SCHOOLS, AR_GIAS_UPDATED), ==, 1);
  g_assert_cmpuint (count (later, AR_GIAS_SCHOOLS, AR_GIAS_UNCHANGED), ==, 6);
  g_assert_cmpuint (count (later, AR_GIAS_MEMBERSHIPS, AR_GIAS_ADDED), ==, 1);
  g_assert_cmpuint (count (later, AR_GIAS_MEMBERSHIPS, AR_GIAS_ENDED), ==, 1);

  brook = school (fixture, "990103");
  g_assert_cmpstr (ar_record_get_text (brook, "status"), ==, "closed");
  g_assert_cmpstr (ar_record_get_text (brook, "close_date"), ==, "2025-08-31");
  g_assert_cmpstr (ar_record_get_text (brook, "notes"), ==, "Visited May 2024");

  meadow = school (fixture, "990104");
  memberships = ar_store_list_where (fixture->store, AR_TYPE_TRUST_ACADEMY, "school_id",
                                     ar_record_get_id (meadow), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (memberships), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ArRecord) membership = g_list_model_get_item (memberships, i);

      if (ar_record_get_text (membership, "left_on") == NULL)
        open_memberships++;
      else
        g_assert_cmpstr (ar_record_get_text (membership, "left_on"), ==, "2024-12-31");
    }
  g_assert_cmpuint (open_memberships, ==, 1);

  /* Wolds keeps only its Leicester academy; Soar Valley has Becket and Meadow */
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2025-10-01", "MAT"), ==, 1);
  g_assert_cmpint (ar_test_school_count (fixture->store, "855", "2025-10-01"), ==, 2);
}

static void
test_area_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const county[] = { "855", NULL };
  g_autoptr(ArGiasReport) report =
    import (fixture, county, "allgroupsdata-2024.csv", "establishments-2024-cp1252.csv", "alllinksdata-2024.csv", NULL);

  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_SCHOOL), ==, 5);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_AREA), ==, 1);
  g_assert_cmpuint (ar_gias_report_get_elsewhere (report), ==, 2);
  g_assert_cmpuint (count (report, AR_GIAS_MEMBERSHIPS, AR_GIAS_ADDED), ==, 3);
}

static void
test_real_samples (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ArGiasReport) report =
    import (fixture, NULL, "establishments-academies-sample-2024.csv", "group-links-sample-2024.csv",
            "open-trusts-2016-11-22-head.csv", NULL);
  g_autoptr(ArRecord) macmillan = school (fixture, "130908");
  g_autoptr(ArRecord) endeavour = ar_store_find (fixture->store, AR_TYPE_TRUST, "gias_uid", "16930", NULL);
  g_autoptr(ArRecord) abbey = ar_store_find (fixture->store, AR_TYPE_TRUST, "gias_uid", "2044", NULL);

  g_assert_cmpuint (count (report, AR_GIAS_SCHOOLS, AR_GIAS_ADDED), ==, 49);
  g_assert_cmpuint (count (report, AR_GIAS_AREAS, AR_GIAS_ADDED), ==, 9);
  g_assert_cmpuint (count (report, AR_GIAS_MEMBERSHIPS, AR_GIAS_ADDED), ==, 49);
  g_assert_cmpuint (ar_gias_report_get_skipped (report)->len, ==, 0);

  /* spreadsheet-saved dates and codes */
  g_assert_cmpstr (ar_record_get_text (macmillan, "name"), ==, "Macmillan Academy");
  g_assert_cmpstr (ar_record_get_text (macmillan, "open_date"), ==, "2005-09-01");
  g_assert_cmpstr (ar_record_get_text (endeavour, "name"), ==, "Endeavour Academies Trust");
  g_assert_cmpstr (ar_record_get_text (endeavour, "companies_house_number"), ==, "02236171");
  g_assert_cmpstr (ar_record_get_text (endeavour, "opened_on"), ==, "1988-03-28");
  g_assert_cmpstr (ar_record_get_text (abbey, "companies_house_number"), ==, "07318714");

  /* Kent (886): one MAT holding twenty of the sample's academies */
  g_assert_cmpint (ar_test_count (fixture->store, "886", "2024-06-01", "MAT"), ==, 1);
  g_assert_cmpint (ar_test_school_count (fixture->store, "886", "2024-06-01"), ==, 20);
}


/* Each file must be refused whole, with its name and the reason, and the
 * register left exactly as it was. */
static void
assert_refused (Fixture    *fixture,
                const char *path,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = data_file ("establishments-2024-cp1252.csv");
  g_autofree char *before = ar_test_export (fixture->store);
  g_autofree char *after = NULL;
  const char *paths[] = { good, path, NULL };
  g_autoptr(ArGiasReport) report = ar_gias_import (fixture->store, paths, NULL, NULL, NULL, NULL, &error);

  g_assert_null (report);
  g_assert_nonnull (error);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” lacks “%s”", error->message, expected);

  after = ar_test_export (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *data,
            gsize       length)
{
  char *path = g_build_filename (fixture->directory, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));

  return path;
}

static void
test_malformed_files (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *links = data_file ("establishment-links-2025-04-22-extract.csv");
  g_autofree char *centres = data_file ("childrens-centres-2025-07-27-extract.csv");
  g_autofree char *binary = NULL;
  g_autofree char *not_csv = NULL;
  g_autofree char *no_la = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *huge_data = NULL;
  gsize huge_size = 10 * 1024 * 1024;
  static const char junk[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";

  /* something already there, which must survive */
  g_object_unref (import (fixture, NULL, "allgroupsdata-2024.csv", NULL));

  assert_refused (fixture, links, "is an establishment links extract");

  /* not five bad URNs: a list of children's centres, refused whole */
  assert_refused (fixture, centres, "childrens-centres-2025-07-27-extract.csv is not a GIAS establishments, "
                                    "groups or links extract");

  binary = write_file (fixture, "photo.csv", junk, sizeof junk - 1);
  assert_refused (fixture, binary, "photo.csv is not a CSV file: it holds binary data");

  not_csv = write_file (fixture, "notes.csv", "Dear colleague,\nplease find the list attached.\n", -1);
  assert_refused (fixture, not_csv, "notes.csv is not a GIAS extract this program reads");

  no_la = write_file (fixture, "edubasealldata.csv", "URN,EstablishmentName,Town\n100001,A School,Leicester\n", -1);
  assert_refused (fixture, no_la, "edubasealldata.csv lacks the columns “LA (code)”, “LA (name)”");

  broken = write_file (fixture, "broken.csv",
                       "URN,EstablishmentName,LA (code),LA (name)\n100001,\"Unclosed,855,Leicestershire\n", -1);
  assert_refused (fixture, broken, "broken.csv, line 2: a quoted field is never closed");

  huge_data = g_malloc (huge_size + 64);
  strcpy (huge_data, "Group UID,Group Name\n1,\"");
  memset (huge_data + strlen (huge_data), 'x', huge_size);
  huge = write_file (fixture, "huge.csv", huge_data, huge_size + 24);
  assert_refused (fixture, huge, "huge.csv, line 2: a field is longer than 1024 KiB");
}

static void
test_cancel_leaves_register_alone (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *trusts = data_file ("open-trusts-2016-11-22-head.csv");
  const char *paths[] = { trusts, NULL };
  g_autoptr(ArGiasReport) report = NULL;

  g_cancellable_cancel (cancellable);
  report = ar_gias_import (fixture->store, paths, NULL, cancellable, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_TRUST), ==, 0);
}

/* Every index of the register's file, with the SQL that built it */
static char *
index_sql (ArStore *store)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (ar_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                           " AND sql IS NOT NULL ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s: %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* A first import builds the indexes of schools' and memberships' links
 * once at its end rather than row by row: whether it is cancelled
 * halfway, done, or followed by an update, the register keeps every
 * index as it was. */
static void
test_indexes_built_again (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) rows = g_string_new ("URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,"
                                          "EstablishmentStatus (name),Trusts (code),Trusts (name)\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ArGiasReport) cancelled = NULL;
  g_autofree char *before = index_sql (fixture->store);
  g_autofree char *after_cancel = NULL;
  g_autofree char *after_first = NULL;
  g_autofree char *after_update = NULL;
  g_autofree char *path = NULL;
  const char *paths[2] = { NULL, NULL };

  g_assert_nonnull (strstr (before, "school_area: CREATE INDEX"));
  g_assert_nonnull (strstr (before, "trust_academy_school: CREATE INDEX"));
  g_assert_nonnull (strstr (before, "trust_academy_trust: CREATE INDEX"));

  /* past the 512 rows after which an import first looks at its cancellable */
  for (guint i = 0; i < 1100; i++)
    g_string_append_printf (rows, "%u,855,Leicestershire,%u,School %u,Open,%u,Trust %u\n",
                            100000 + i, 2000 + i, i, 5000 + i % 7, i % 7);
  path = write_file (fixture, "edubasealldata.csv", rows->str, rows->len);
  paths[0] = path;

  cancelled = ar_gias_import (fixture->store, paths, NULL, cancellable, cancel_on_progress, cancellable, &error);
  g_assert_null (cancelled);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_SCHOOL), ==, 0);
  after_cancel = index_sql (fixture->store);
  g_assert_cmpstr (after_cancel, ==, before);

  g_object_unref (ar_gias_import (fixture->store, paths, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_SCHOOL), ==, 1100);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_TRUST_ACADEMY), ==, 1100);
  after_first = index_sql (fixture->store);
  g_assert_cmpstr (after_first, ==, before);

  g_object_unref (import (fixture, NULL, "establishments-2024-cp1252.csv", NULL));
  after_update = index_sql (fixture->store);
  g_assert_cmpstr (after_update, ==, before);
}

typedef struct
{
  GMainLoop    *loop;
  ArGiasReport *report;
  GError       *error;
  double        last_fraction;
  guint         changed;
} AsyncState;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_cmpfloat (fraction, >=, state->last_fraction);
  state->last_fraction = fraction;
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  state->report = ar_gias_import_finish (AR_STORE (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
on_changed (ArStore *store,
            GType    type,
            guint   *changed)
{
  (*changed)++;
}

static void
test_async_in_a_thread (Fixture       *fixture,
                        gconstpointer  data)
{
  AsyncState state = { g_main_loop_new (NULL, FALSE) };
  g_autofree char *establishments = data_file ("establishments-academies-sample-2024.csv");
  g_autofree char *links = data_file ("group-links-sample-2024.csv");
  const char *paths[] = { establishments, links, NULL };

  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), &state.changed);
  ar_gias_import_async (fixture->store, paths, NULL, NULL, on_progress, &state, on_imported, &state);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_nonnull (state.report);
  g_assert_cmpfloat (state.last_fraction, ==, 1.0);
  g_assert_cmpuint (state.changed, ==, 1);
  /* written by the worker's own connection, seen by ours */
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_SCHOOL), ==, 49);

  g_object_unref (state.report);
  g_main_loop_unref (state.loop);
}

static void
test_command_line (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *database = g_build_filename (fixture->directory, "cli.db", NULL);
  g_autofree char *groups = data_file ("allgroupsdata-2024.csv");
  g_autofree char *establishments = data_file ("establishments-2024-cp1252.csv");
  g_autofree char *links = data_file ("alllinksdata-2024.csv");
  g_autofree char *bad = data_file ("establishment-links-2025-04-22-extract.csv");
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  command = g_strdup_printf ("import-gias --database '%s' --area 855,857 '%s' '%s' '%s'",
                             database, groups, establishments, links);
  out = ar_test_run (command, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Schools: 6 added, 0 updated, 0 unchanged"));
  g_assert_nonnull (strstr (out, "line 8: URN “12A456” is not six digits"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&command, g_free);

  command = g_strdup_printf ("summary --database '%s' --area 855 --as-at 2024-06-01 --format csv", database);
  out = ar_test_run (command, &status, &err);
  g_assert_nonnull (strstr (out, "\"2 MATs sponsoring 3 Leicestershire schools\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&command, g_free);

  command = g_strdup_printf ("import-gias --database '%s' '%s'", database, bad);
  out = ar_test_run (command, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "establishment links extract"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&command, g_free);

  command = g_strdup_printf ("import-gias --database '%s' --area leics '%s'", database, groups);
  out = ar_test_run (command, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--area: “leics” is not a three-digit local authority code"));
}

/* A county's numbers are read at a glance: 1,234 in a British locale. */
static void
test_report_groups_digits (void)
{
  g_autoptr(ArGiasReport) report = ar_gias_report_new ();
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *text = NULL;

  if (setlocale (LC_NUMERIC, "en_GB.UTF-8") == NULL)
    {
      g_test_skip ("the en_GB.UTF-8 locale is not installed");
      return;
    }

  for (guint i = 0; i < 1234; i++)
    ar_gias_report_count (report, AR_GIAS_SCHOOLS, AR_GIAS_ADDED);
  text = ar_gias_report_to_text (report, 10);
  setlocale (LC_NUMERIC, saved);

  g_assert_nonnull (strstr (text, "Schools: 1,234 added, 0 updated, 0 unchanged"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ar/gias-import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("published-extracts", test_published_extracts);
  ADD ("summary-mat-row", test_summary_mat_row);
  ADD ("same-extract-twice", test_same_extract_twice_changes_nothing);
  ADD ("later-extract", test_later_extract_updates_just_what_changed);
  ADD ("area-filter", test_area_filter);
  ADD ("real-samples", test_real_samples);
  ADD ("malformed-files", test_malformed_files);
  ADD ("cancel", test_cancel_leaves_register_alone);
  ADD ("indexes-built-again", test_indexes_built_again);
  ADD ("async-in-a-thread", test_async_in_a_thread);
  ADD ("command-line", test_command_line);
  g_test_add_func ("/ar/gias-import/report-groups-digits", test_report_groups_digits);

  return g_test_run ();
}
