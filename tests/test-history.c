/* test-history.c: every change to the register is recorded with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ar-json-writer.h"
#include "ar-test-util.h"

static ArRecordChange *
only_change (ArChangeEntry *entry)
{
  g_assert_cmpuint (entry->changes->len, ==, 1);

  return g_ptr_array_index (entry->changes, 0);
}

/* A value in one of a change's JSON objects, as JSON text */
static char *
json_member (const char *object_text,
             const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_assert_nonnull (object_text);
  json_parser_load_from_data (parser, object_text, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (object, name))
    return NULL;

  return json_to_string (json_object_get_member (object, name), FALSE);
}

static guint
count_rows (ArStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open (ar_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static void
test_add (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *today = ar_date_today ();
  g_autofree char *name = NULL;
  ArChangeEntry *entry;
  ArRecordChange *change;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "123456", "Brook Primary", area);

  entries = ar_test_history (store);
  g_assert_cmpuint (entries->len, ==, 2);

  /* newest first */
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->source, ==, "window");
  g_assert_cmpstr (entry->user, ==, g_get_user_name ());
  g_assert_true (g_str_has_prefix (entry->at, today));
  g_assert_true (g_str_has_suffix (entry->at, "Z"));
  g_assert_null (entry->files);
  g_assert_cmpuint (entry->counts[AR_HISTORY_ADDED], ==, 1);
  change = only_change (entry);
  g_assert_cmpstr (change->kind, ==, "school");
  g_assert_cmpint (change->record_id, ==, school);
  g_assert_cmpint (change->change, ==, AR_HISTORY_ADDED);
  g_assert_null (change->old_values);
  name = json_member (change->new_values, "name");
  g_assert_cmpstr (name, ==, "\"Brook Primary\"");

  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (only_change (entry)->kind, ==, "area");
  g_assert_cmpint (entry->id, <, ((ArChangeEntry *) g_ptr_array_index (entries, 0))->id);
}

static void
test_edit (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) record = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *town = NULL;
  gint64 school = ar_test_add_school (store, "123456", "Brook Primary", 0);
  ArRecordChange *change;

  ar_test_set (store, AR_TYPE_SCHOOL, school, "name", "Brook Church Primary");

  /* saving what is already there changes nothing, and says nothing */
  record = ar_store_get (store, AR_TYPE_SCHOOL, school, &error);
  g_assert_no_error (error);
  ar_store_save (store, record, &error);
  g_assert_no_error (error);

  entries = ar_test_history (store);
  g_assert_cmpuint (entries->len, ==, 2);
  change = only_change (g_ptr_array_index (entries, 0));
  g_assert_cmpint (change->change, ==, AR_HISTORY_UPDATED);
  g_assert_cmpuint (((ArChangeEntry *) g_ptr_array_index (entries, 0))->counts[AR_HISTORY_UPDATED], ==, 1);
  old_name = json_member (change->old_values, "name");
  new_name = json_member (change->new_values, "name");
  g_assert_cmpstr (old_name, ==, "\"Brook Primary\"");
  g_assert_cmpstr (new_name, ==, "\"Brook Church Primary\"");
  /* only the fields that changed */
  town = json_member (change->old_values, "urn");
  g_assert_null (town);
}

/* The text is json-glib's own compact form of the object, field by field,
 * whatever the values hold */
static void
assert_values_text (const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (text);
  node = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  again = json_to_string (node, FALSE);
  g_assert_cmpstr (text, ==, again);
}

static void
test_values_text (void)
{
  static const char *name = "The \"Quoted\" \\ School\n\ttab \x01 – Ysgol Gymraeg ✓ \xf0\x9f\x8f\xab";
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) role = NULL;
  g_autoptr(ArRecord) record = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autofree char *stored_name = NULL;
  g_autofree char *expected_name = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "123456", name, area);
  GString *quoted = g_string_new (NULL);
  guint n_checked = 0;

  /* text, a link to nothing, a date: an update and a deletion */
  record = ar_store_get (store, AR_TYPE_SCHOOL, school, &error);
  g_assert_no_error (error);
  ar_record_set_integer (record, "area_id", 0);
  ar_record_set_text (record, "open_date", "2001-09-01");
  ar_record_set_text (record, "name", "Plain Primary");
  g_assert_true (ar_store_save (store, record, &error));
  g_assert_no_error (error);
  deleted = ar_store_delete (store, record, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);

  /* an integer and a boolean */
  role = ar_store_find (store, AR_TYPE_ROLE, "code", "NLE", &error);
  g_assert_no_error (error);
  ar_record_set_integer (role, "position", 42);
  ar_record_set_boolean (role, "in_summary", !ar_record_get_boolean (role, "in_summary"));
  g_assert_true (ar_store_save (store, role, &error));
  g_assert_no_error (error);

  entries = ar_test_history (store);
  for (guint i = 0; i < entries->len; i++)
    {
      ArChangeEntry *entry = g_ptr_array_index (entries, i);

      for (guint c = 0; c < entry->changes->len; c++)
        {
          ArRecordChange *change = g_ptr_array_index (entry->changes, c);

          if (change->old_values != NULL)
            assert_values_text (change->old_values);
          if (change->new_values != NULL)
            assert_values_text (change->new_values);
        }
    }

  /* the name as it went in, escaped the one way JSON allows for each
   * character, in the added school and the deleted one */
  ar_json_append_string (quoted, name);
  expected_name = g_string_free (quoted, FALSE);
  for (guint i = 0; i < entries->len; i++)
    {
      ArChangeEntry *entry = g_ptr_array_index (entries, i);

      for (guint c = 0; c < entry->changes->len; c++)
        {
          ArRecordChange *change = g_ptr_array_index (entry->changes, c);
          gboolean added = change->change == AR_HISTORY_ADDED;

          if (!g_str_equal (change->kind, "school") || (!added && change->change != AR_HISTORY_DELETED))
            continue;
          g_clear_pointer (&stored_name, g_free);
          stored_name = json_member (added ? change->new_values : change->old_values, "name");
          g_assert_cmpstr (stored_name, ==, added ? expected_name : "\"Plain Primary\"");
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, ==, 2);
}

static gboolean
rename_all (ArStore   *store,
            gpointer   user_data,
            GError   **error)
{
  GArray *ids = user_data;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(ArRecord) school = ar_store_get (store, AR_TYPE_SCHOOL, g_array_index (ids, gint64, i), error);
      g_autofree char *name = g_strdup_printf ("Renamed %u", i);

      if (school == NULL)
        return FALSE;
      ar_record_set_text (school, "name", name);
      if (!ar_store_save (store, school, error))
        return FALSE;
    }

  return TRUE;
}

/* One write changing more records than one statement writes (and some
 * over): every change is kept, each with its own values */
static void
test_many_changes (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  ArChangeEntry *entry;

  for (guint i = 0; i < 71; i++)
    {
      g_autofree char *urn = g_strdup_printf ("%06u", 100000 + i);
      g_autofree char *name = g_strdup_printf ("School %u", i);
      gint64 id = ar_test_add_school (store, urn, name, 0);

      g_array_append_val (ids, id);
    }
  g_assert_true (ar_store_write (store, rename_all, ids, &error));
  g_assert_no_error (error);

  entries = ar_test_history (store);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpuint (entry->counts[AR_HISTORY_UPDATED], ==, 71);
  g_assert_cmpuint (entry->changes->len, ==, 71);
  for (guint i = 0; i < ids->len; i++)
    {
      ArRecordChange *change = ar_test_find_change (entry, "school", g_array_index (ids, gint64, i));
      g_autofree char *old_name = json_member (change->old_values, "name");
      g_autofree char *new_name = json_member (change->new_values, "name");
      g_autofree char *expected_old = g_strdup_printf ("\"School %u\"", i);
      g_autofree char *expected_new = g_strdup_printf ("\"Renamed %u\"", i);

      g_assert_cmpint (change->change, ==, AR_HISTORY_UPDATED);
      g_assert_cmpstr (old_name, ==, expected_old);
      g_assert_cmpstr (new_name, ==, expected_new);
    }
}

static void
test_end (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  gint64 school = ar_test_add_school (store, "123456", "Brook Primary", 0);
  gint64 trust = ar_test_add_trust (store, "Soar Trust", "mat");
  gint64 academy = ar_test_add_academy (store, trust, school, "2015-09-01", NULL);
  ArChangeEntry *entry;

  ar_test_set (store, AR_TYPE_TRUST_ACADEMY, academy, "left_on", "2024-08-31");

  entries = ar_test_history (store);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (only_change (entry)->change, ==, AR_HISTORY_ENDED);
  g_assert_cmpuint (entry->counts[AR_HISTORY_ENDED], ==, 1);
  g_assert_cmpuint (entry->counts[AR_HISTORY_UPDATED], ==, 0);
}

/* A deletion keeps the whole record, and what it took or changed with it. */
static void
test_delete (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) record = NULL;
  g_autofree char *urn = NULL;
  g_autofree char *name = NULL;
  g_autofree char *old_link = NULL;
  g_autofree char *new_link = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school = ar_test_add_school (store, "123456", "Brook Primary", area);
  gint64 trust = ar_test_add_trust (store, "Soar Trust", "mat");
  gint64 academy = ar_test_add_academy (store, trust, school, "2015-09-01", NULL);
  gint64 person = ar_test_add_person (store, "Ann Head", school);
  ArChangeEntry *entry;
  ArRecordChange *change;

  record = ar_store_get (store, AR_TYPE_SCHOOL, school, &error);
  g_assert_no_error (error);
  removed = ar_store_delete (store, record, &error);
  g_assert_no_error (error);

  entries = ar_test_history (store);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpuint (entry->counts[AR_HISTORY_DELETED], ==, 2);
  g_assert_cmpuint (entry->counts[AR_HISTORY_UPDATED], ==, 1);
  g_assert_cmpuint (entry->changes->len, ==, 3);

  change = ar_test_find_change (entry, "school", school);
  g_assert_cmpint (change->change, ==, AR_HISTORY_DELETED);
  g_assert_null (change->new_values);
  urn = json_member (change->old_values, "urn");
  name = json_member (change->old_values, "name");
  g_assert_cmpstr (urn, ==, "\"123456\"");
  g_assert_cmpstr (name, ==, "\"Brook Primary\"");
  g_clear_pointer (&name, g_free);

  change = ar_test_find_change (entry, "trust_academy", academy);
  g_assert_cmpint (change->change, ==, AR_HISTORY_DELETED);
  name = json_member (change->old_values, "joined_on");
  g_assert_cmpstr (name, ==, "\"2015-09-01\"");

  /* the person stays, without a school */
  change = ar_test_find_change (entry, "person", person);
  g_assert_cmpint (change->change, ==, AR_HISTORY_UPDATED);
  old_link = json_member (change->old_values, "school_id");
  new_link = json_member (change->new_values, "school_id");
  g_assert_cmpint (g_ascii_strtoll (old_link, NULL, 10), ==, school);
  g_assert_cmpstr (new_link, ==, "null");
}

static gboolean
save_then_fail (ArStore   *store,
                gpointer   user_data,
                GError   **error)
{
  ar_test_add_school (store, "654321", "Lost Primary", 0);
  ar_test_set (store, AR_TYPE_SCHOOL, GPOINTER_TO_INT (user_data), "name", "Lost name");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "changed my mind");

  return FALSE;
}

static void
test_rollback (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 school = ar_test_add_school (store, "123456", "Brook Primary", 0);

  g_assert_false (ar_store_write (store, save_then_fail, GINT_TO_POINTER (school), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  entries = ar_test_history (store);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpuint (count_rows (store, "history_change"), ==, 1);

  /* and the next write is recorded as usual, without the lost one's changes */
  ar_test_set (store, AR_TYPE_SCHOOL, school, "town", "Loughborough");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = ar_test_history (store);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (only_change (g_ptr_array_index (entries, 0))->change, ==, AR_HISTORY_UPDATED);
}

static gboolean
add_two (ArStore   *store,
         gpointer   user_data,
         GError   **error)
{
  gint64 school = ar_test_add_school (store, "654321", "Hill Primary", 0);

  ar_test_set (store, AR_TYPE_SCHOOL, school, "town", "Melton");
  ar_test_add_school (store, "654322", "Dale Primary", 0);

  return TRUE;
}

/* One transaction is one entry, from where its caller says, and a record
 * added then changed in it is one addition. */
static void
test_source (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const char *files[] = { "people.csv", NULL };
  ArChangeEntry *entry;

  g_assert_true (ar_store_write_from (store, "import-table", files, add_two, NULL, &error));
  g_assert_no_error (error);

  entries = ar_test_history (store);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->source, ==, "import-table");
  g_assert_nonnull (entry->files);
  g_assert_cmpstr (entry->files[0], ==, "people.csv");
  g_assert_null (entry->files[1]);
  g_assert_cmpuint (entry->counts[AR_HISTORY_ADDED], ==, 2);
  /* an import's two additions in a row are one run */
  g_assert_cmpint (only_change (entry)->last_id, ==, only_change (entry)->record_id + 1);

  /* the next write is the window's again */
  ar_test_add_area (store, "855", "Leicestershire");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = ar_test_history (store);
  g_assert_cmpstr (((ArChangeEntry *) g_ptr_array_index (entries, 0))->source, ==, "window");
}

static void
test_filters (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = ar_test_add_school (store, "123456", "Brook Primary", 0);
  gint64 second = ar_test_add_school (store, "654321", "Hill Primary", 0);

  ar_test_set (store, AR_TYPE_SCHOOL, first, "town", "Melton");
  ar_test_set (store, AR_TYPE_SCHOOL, second, "town", "Oakham");

  entries = ar_history_list (store, NULL, "school", first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (only_change (g_ptr_array_index (entries, 0))->change, ==, AR_HISTORY_UPDATED);
  g_assert_cmpint (only_change (g_ptr_array_index (entries, 1))->record_id, ==, first);
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = ar_history_list (store, "2999-01-01", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = ar_history_list (store, "2000-01-01", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
}

static gboolean
add_three_delete_one (ArStore   *store,
                      gpointer   user_data,
                      GError   **error)
{
  g_autoptr(ArRecord) middle = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  gint64 first = ar_test_add_school (store, "100001", "One Primary", 0);
  gint64 second = ar_test_add_school (store, "100002", "Two Primary", 0);
  gint64 third = ar_test_add_school (store, "100003", "Three Primary", 0);

  g_assert_cmpint (second, ==, first + 1);
  g_assert_cmpint (third, ==, second + 1);
  ar_test_set (store, AR_TYPE_SCHOOL, third, "town", "Melton");
  middle = ar_store_get (store, AR_TYPE_SCHOOL, second, error);
  removed = ar_store_delete (store, middle, error);

  return removed != NULL;
}

/* An import's additions are runs of ids; one added and deleted again in
 * the same import is no addition at all. */
static void
test_import_runs (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  ArChangeEntry *entry;
  guint added = 0;

  g_assert_true (ar_store_write_from (store, "import", NULL, add_three_delete_one, NULL, &error));
  g_assert_no_error (error);

  entries = ar_test_history (store);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpuint (entry->counts[AR_HISTORY_ADDED], ==, 2);
  g_assert_cmpuint (entry->counts[AR_HISTORY_DELETED], ==, 0);
  for (guint i = 0; i < entry->changes->len; i++)
    {
      ArRecordChange *change = g_ptr_array_index (entry->changes, i);

      g_assert_cmpint (change->change, ==, AR_HISTORY_ADDED);
      g_assert_null (change->new_values);
      g_assert_cmpint (change->last_id, ==, 0);
      added++;
    }
  g_assert_cmpuint (added, ==, 2);
}

static char *
data_file (const char *name)
{
  return g_build_filename (g_getenv ("AR_TEST_DATA"), "gias", name, NULL);
}

/* A GIAS import is one entry, naming its files, that lists each record it
 * touched once and keeps no copy of what it added. */
static void
test_gias_import (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArGiasReport) report = NULL;
  g_autofree char *establishments = data_file ("establishments-2024-cp1252.csv");
  const char *paths[] = { establishments, NULL };
  ArChangeEntry *entry;
  guint added;

  report = ar_gias_import (store, paths, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  entries = ar_test_history (store);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->source, ==, "import-gias");
  g_assert_cmpstr (entry->files[0], ==, "establishments-2024-cp1252.csv");
  added = ar_store_count (store, AR_TYPE_SCHOOL) + ar_store_count (store, AR_TYPE_AREA)
          + ar_store_count (store, AR_TYPE_TRUST) + ar_store_count (store, AR_TYPE_TRUST_ACADEMY);
  g_assert_cmpuint (added, >, 0);
  g_assert_cmpuint (entry->counts[AR_HISTORY_ADDED], ==, added);
  /* runs of ids, one row per kind of record */
  g_assert_cmpuint (entry->changes->len, <=, 4);
  g_assert_cmpuint (count_rows (store, "history_change"), ==, entry->changes->len);
  for (guint i = 0; i < entry->changes->len; i++)
    {
      ArRecordChange *change = g_ptr_array_index (entry->changes, i);

      g_assert_null (change->new_values);
      added -= change->last_id > 0 ? change->last_id - change->record_id + 1 : 1;
    }
  g_assert_cmpuint (added, ==, 0);

  /* one record of a run, asked for by itself */
  {
    g_autoptr(GListModel) schools = ar_store_list (store, AR_TYPE_SCHOOL, NULL);
    g_autoptr(ArRecord) school = g_list_model_get_item (schools, 1);
    g_autoptr(GPtrArray) own = ar_history_list (store, NULL, "school", ar_record_get_id (school), &error);
    ArRecordChange *change;

    g_assert_no_error (error);
    g_assert_cmpuint (own->len, ==, 1);
    change = only_change (g_ptr_array_index (own, 0));
    g_assert_cmpint (change->record_id, ==, ar_record_get_id (school));
    g_assert_cmpint (change->last_id, ==, 0);
    g_assert_cmpint (change->change, ==, AR_HISTORY_ADDED);
  }

  /* again: nothing changed, so nothing to record */
  g_clear_object (&report);
  report = ar_gias_import (store, paths, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = ar_test_history (store);
  g_assert_cmpuint (entries->len, ==, 1);
}

static void
test_failed_import (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArGiasReport) report = NULL;
  g_autofree char *establishments = data_file ("establishments-2024-cp1252.csv");
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *broken = g_build_filename (directory, "edubasealldata-broken.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *with_bad_end = NULL;
  const char *paths[] = { broken, NULL };
  gsize length;
  /* the second record links to an area that is not there */
  const char *json =
    "{\"format\": \"alliance-register\", \"version\": 2,"
    " \"schools\": [{\"id\": 1, \"name\": \"Brook Primary\"},"
    "               {\"id\": 2, \"name\": \"Hill Primary\", \"area_id\": 99}]}";

  /* refused at its last line, after every school before it was written */
  g_assert_true (g_file_get_contents (establishments, &contents, &length, NULL));
  with_bad_end = g_strconcat (contents, "\"an unfinished quote,", NULL);
  g_assert_true (g_file_set_contents (broken, with_bad_end, -1, NULL));
  report = ar_gias_import (store, paths, NULL, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (ar_register_json_import (store, json, -1, "broken.json", FALSE, &error));
  g_assert_nonnull (error);

  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 0);
  entries = ar_test_history (store);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_cmpuint (count_rows (store, "history_change"), ==, 0);
  g_assert_cmpuint (count_rows (store, "history_entry"), ==, 0);
}

/* A JSON import records what it added, not the roles it set up again. */
static void
test_json_import (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const char *json =
    "{\"format\": \"alliance-register\", \"version\": 2,"
    " \"schools\": [{\"id\": 1, \"name\": \"Brook Primary\"},"
    "               {\"id\": 2, \"name\": \"Hill Primary\"}]}";
  ArChangeEntry *entry;

  g_assert_true (ar_register_json_import (store, json, -1, "register.json", FALSE, &error));
  g_assert_no_error (error);

  entries = ar_test_history (store);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->source, ==, "import");
  g_assert_cmpstr (entry->files[0], ==, "register.json");
  g_assert_cmpuint (entry->counts[AR_HISTORY_ADDED], ==, 2);
  g_assert_cmpuint (only_change (entry)->record_id, ==, 1);
  g_assert_cmpuint (only_change (entry)->last_id, ==, 2);
}

/* export --with-history carries the history, and import keeps it, once. */
static void
test_json_round_trip (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArStore) copy = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(ArRecord) record = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *json = NULL;
  gint64 school = ar_test_add_school (store, "123456", "Brook Primary", 0);
  gint64 other = ar_test_add_school (store, "654321", "Hill Primary", 0);
  ArChangeEntry *entry;
  ArRecordChange *change;

  ar_test_set (store, AR_TYPE_SCHOOL, school, "name", "Brook Church Primary");
  record = ar_store_get (store, AR_TYPE_SCHOOL, other, &error);
  removed = ar_store_delete (store, record, &error);
  g_assert_no_error (error);

  plain = ar_register_json_export (store, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (plain, "\"history\""));
  json = ar_register_json_export_with_history (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"history\""));

  g_assert_true (ar_register_json_import (copy, json, -1, "backup.json", FALSE, &error));
  g_assert_no_error (error);
  entries = ar_test_history (store);
  copied = ar_test_history (copy);
  /* the four entries, then the import itself */
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpuint (copied->len, ==, 5);
  g_assert_cmpstr (((ArChangeEntry *) g_ptr_array_index (copied, 0))->source, ==, "import");
  for (guint i = 0; i < entries->len; i++)
    {
      ArChangeEntry *a = g_ptr_array_index (entries, i);
      ArChangeEntry *b = g_ptr_array_index (copied, i + 1);

      g_assert_cmpstr (a->at, ==, b->at);
      g_assert_cmpstr (a->user, ==, b->user);
      g_assert_cmpstr (a->source, ==, b->source);
      g_assert_cmpuint (a->changes->len, ==, b->changes->len);
      for (guint c = 0; c < AR_HISTORY_N_CHANGES; c++)
        g_assert_cmpuint (a->counts[c], ==, b->counts[c]);
    }

  /* the deleted school is still whole in the copy's history */
  entry = g_ptr_array_index (copied, 1);
  change = only_change (entry);
  g_assert_cmpint (change->change, ==, AR_HISTORY_DELETED);
  g_assert_cmpint (change->record_id, ==, other);
  g_assert_nonnull (strstr (change->old_values, "\"Hill Primary\""));
  g_assert_nonnull (strstr (change->old_values, "\"654321\""));

  /* importing its own export again adds nothing: no entry twice, and
   * records replaced by the same records are no change */
  g_clear_pointer (&json, g_free);
  json = ar_register_json_export_with_history (copy, TRUE, &error);
  g_assert_true (ar_register_json_import (copy, json, -1, "again.json", TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&copied, g_ptr_array_unref);
  copied = ar_test_history (copy);
  g_assert_cmpuint (copied->len, ==, 5);
}

static void
test_json_refused (void)
{
  const char *cases[] = {
    "[{\"at\": \"yesterday\", \"user\": \"a\", \"source\": \"window\", \"changes\": []}]",
    "history entry 1: “at” is not a UTC time",
    "[{\"at\": \"2026-01-01T10:00:00Z\", \"source\": \"window\", \"changes\": []}]",
    "history entry 1: it needs “at”, “user” and “source”",
    "[{\"at\": \"2026-01-01T10:00:00Z\", \"user\": \"a\", \"source\": \"window\"}]",
    "history entry 1: it has no list of “changes”",
    "[{\"at\": \"2026-01-01T10:00:00Z\", \"user\": \"a\", \"source\": \"window\","
    "  \"changes\": [{\"kind\": \"planet\", \"id\": 1, \"change\": \"added\"}]}]",
    "history entry 1: a change has no known “kind” (planet)",
    "[{\"at\": \"2026-01-01T10:00:00Z\", \"user\": \"a\", \"source\": \"window\","
    "  \"changes\": [{\"kind\": \"school\", \"id\": 1, \"change\": \"moved\"}]}]",
    "history entry 1: a change’s “change” is not",
    "[{\"at\": \"2026-01-01T10:00:00Z\", \"user\": \"a\", \"source\": \"window\","
    "  \"changes\": [{\"kind\": \"school\", \"id\": 3, \"last_id\": 2, \"change\": \"added\"}]}]",
    "history entry 1: a change’s “last_id” is not a number above its “id”",
    "{\"at\": 1}", "“history” is not a list",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i += 2)
    {
      g_autoptr(ArStore) store = ar_test_store_new ();
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf ("{\"format\": \"alliance-register\", \"version\": 2,"
                                               " \"schools\": [{\"id\": 1, \"name\": \"Brook Primary\"}],"
                                               " \"history\": %s}", cases[i]);

      g_assert_false (ar_register_json_import (store, json, -1, "backup.json", FALSE, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i + 1]) == NULL)
        g_error ("“%s” lacks “%s”", error->message, cases[i + 1]);
      g_assert_true (g_str_has_prefix (error->message, "backup.json: "));
      g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 0);
      entries = ar_test_history (store);
      g_assert_cmpuint (entries->len, ==, 0);
    }
}

/* A merge is an import naming its file; a dry run records nothing, and
 * the file's own history stays behind (its records are renumbered). */
static void
test_merge (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArMergeReport) dry = NULL;
  g_autoptr(ArMergeReport) report = NULL;
  const char *json =
    "{\"format\": \"alliance-register\", \"version\": 2,"
    " \"schools\": [{\"id\": 1, \"urn\": \"654321\", \"name\": \"Hill Primary\"}],"
    " \"history\": [{\"at\": \"2026-01-01T10:00:00Z\", \"user\": \"a\", \"source\": \"window\","
    "   \"changes\": [{\"kind\": \"school\", \"id\": 1, \"change\": \"added\"}]}]}";
  ArChangeEntry *entry;

  ar_test_add_school (store, "123456", "Brook Primary", 0);

  dry = ar_register_merge (store, json, -1, "/some/folder/other.json", TRUE, &error);
  g_assert_no_error (error);
  entries = ar_test_history (store);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);

  report = ar_register_merge (store, json, -1, "/some/folder/other.json", FALSE, &error);
  g_assert_no_error (error);
  entries = ar_test_history (store);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->source, ==, "import");
  g_assert_cmpstr (entry->files[0], ==, "other.json");
  g_assert_cmpuint (entry->counts[AR_HISTORY_ADDED], ==, 1);
}

/* An older register gains the history tables when opened for writing,
 * with a copy of it as it was kept beside it. */
static void
test_upgrade (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3 *db = NULL;

  {
    g_autoptr(ArStore) store = ar_test_store_new ();

    path = g_strdup (ar_store_get_path (store));
    ar_test_add_school (store, "123456", "Brook Primary", 0);
  }

  /* as version 2 left it */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE history_change; DROP TABLE history_entry;"
                                 " PRAGMA user_version = 2", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(ArStore) store = ar_store_open (path, &error);

    g_assert_no_error (error);
    entries = ar_test_history (store);
    g_assert_cmpuint (entries->len, ==, 0);
    ar_test_add_school (store, "654321", "Hill Primary", 0);
    g_clear_pointer (&entries, g_ptr_array_unref);
    entries = ar_test_history (store);
    g_assert_cmpuint (entries->len, ==, 1);
  }

  backup = g_strconcat (path, ".v2.bak", NULL);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
}

/* A reader records nothing, and reads an older register's (empty) history. */
static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(ArStore) reader = NULL;

  {
    g_autoptr(ArStore) store = ar_test_store_new ();

    path = g_strdup (ar_store_get_path (store));
    ar_test_add_school (store, "123456", "Brook Primary", 0);
  }

  reader = ar_store_open_read_only (path, &error);
  g_assert_no_error (error);
  entries = ar_test_history (reader);
  g_assert_cmpuint (entries->len, ==, 1);
}

/* The sample register brings a little history; opening it, or a new
 * register's roles, is no change. */
static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) sample = ar_store_open_sample (&error);
  g_autoptr(ArStore) fresh = ar_test_store_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) fresh_entries = NULL;
  ArChangeEntry *newest;
  ArChangeEntry *oldest;

  g_assert_no_error (error);
  entries = ar_test_history (sample);
  g_assert_cmpuint (entries->len, ==, 7);
  newest = g_ptr_array_index (entries, 0);
  oldest = g_ptr_array_index (entries, entries->len - 1);
  g_assert_cmpstr (newest->source, ==, "window");
  g_assert_cmpuint (newest->counts[AR_HISTORY_DELETED], ==, 2);
  g_assert_cmpstr (oldest->source, ==, "import-gias");
  g_assert_cmpuint (oldest->counts[AR_HISTORY_ADDED], ==,
                    ar_store_count (sample, AR_TYPE_SCHOOL) + ar_store_count (sample, AR_TYPE_AREA)
                    + ar_store_count (sample, AR_TYPE_TRUST) + ar_store_count (sample, AR_TYPE_TRUST_ACADEMY));
  fresh_entries = ar_test_history (fresh);
  g_assert_cmpuint (fresh_entries->len, ==, 0);
  g_assert_cmpuint (ar_store_count (fresh, AR_TYPE_ROLE), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/history/add", test_add);
  g_test_add_func ("/ar/history/edit", test_edit);
  g_test_add_func ("/ar/history/end", test_end);
  g_test_add_func ("/ar/history/values-text", test_values_text);
  g_test_add_func ("/ar/history/many-changes", test_many_changes);
  g_test_add_func ("/ar/history/delete", test_delete);
  g_test_add_func ("/ar/history/rollback", test_rollback);
  g_test_add_func ("/ar/history/source", test_source);
  g_test_add_func ("/ar/history/filters", test_filters);
  g_test_add_func ("/ar/history/import-runs", test_import_runs);
  g_test_add_func ("/ar/history/gias-import", test_gias_import);
  g_test_add_func ("/ar/history/failed-import", test_failed_import);
  g_test_add_func ("/ar/history/json-import", test_json_import);
  g_test_add_func ("/ar/history/json-round-trip", test_json_round_trip);
  g_test_add_func ("/ar/history/json-refused", test_json_refused);
  g_test_add_func ("/ar/history/merge", test_merge);
  g_test_add_func ("/ar/history/upgrade", test_upgrade);
  g_test_add_func ("/ar/history/read-only", test_read_only);
  g_test_add_func ("/ar/history/sample", test_sample);

  return g_test_run ();
}
