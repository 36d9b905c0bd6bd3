/* test-cli-history.c: `alliance-register history`, end to end with real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ar-test-util.h"

/* A register imported from the sample by the command line, then changed
 * as the window changes it: one school renamed, one deleted. */
typedef struct
{
  char   *directory;
  char   *database;
  gint64  renamed;
  gint64  deleted;
} Fixture;

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->directory, name, NULL);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” lacks “%s”", haystack, needle);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *json = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(ArRecord) first = NULL;
  g_autoptr(ArRecord) second = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  int status;

  fixture->directory = ar_test_make_dir ();
  fixture->database = path_in (fixture, "register.db");
  json = path_in (fixture, "sample.json");

  g_free (ar_test_runf ("export --sample --output '%s'", &status, &err, json));
  g_assert_cmpint (status, ==, 0);
  out = ar_test_runf ("import --database '%s' '%s'", &status, &err, fixture->database, json);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);

  store = ar_store_open (fixture->database, &error);
  g_assert_no_error (error);
  schools = ar_store_list (store, AR_TYPE_SCHOOL, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (schools, 0);
  second = g_list_model_get_item (schools, 1);
  fixture->renamed = ar_record_get_id (first);
  fixture->deleted = ar_record_get_id (second);

  g_assert_cmpstr (ar_record_get_text (first, "name"), !=, "Renamed Primary");
  ar_test_set (store, AR_TYPE_SCHOOL, fixture->renamed, "name", "Renamed Primary");
  removed = ar_store_delete (store, second, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ar_test_remove_dir (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->database);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *renamed = g_strdup_printf ("changed School %" G_GINT64_FORMAT " Renamed Primary",
                                              fixture->renamed);
  g_autofree char *deleted = g_strdup_printf ("deleted School %" G_GINT64_FORMAT " ", fixture->deleted);
  g_autofree char *heading = g_strdup_printf ("  %s  import (sample.json): ", g_get_user_name ());
  const char *import;
  const char *rename;
  const char *deletion;
  int status;

  out = ar_test_runf ("history --database '%s'", &status, &err, fixture->database);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);

  import = strstr (out, heading);
  rename = strstr (out, renamed);
  deletion = strstr (out, deleted);
  g_assert_nonnull (import);
  g_assert_nonnull (rename);
  g_assert_nonnull (deletion);
  /* newest first */
  g_assert_true (deletion < rename);
  g_assert_true (rename < import);
  assert_contains (out, "    name: “");
  assert_contains (out, "” → “Renamed Primary”\n");
  /* the deletion shows what the school held */
  assert_contains (deletion, "    urn: “");
  assert_contains (out, " added");
}

static void
test_record_and_since (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *record = g_strdup_printf ("school:%" G_GINT64_FORMAT, fixture->renamed);
  g_autofree char *added = NULL;
  int status;

  out = ar_test_runf ("history --database '%s' --record %s", &status, &err, fixture->database, record);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "Renamed Primary");
  /* the import added it, then it was renamed: two entries, no deletion */
  g_assert_null (strstr (out, "deleted"));
  added = g_strdup_printf ("\n  added School %" G_GINT64_FORMAT " Renamed Primary\n", fixture->renamed);
  assert_contains (out, added);
  g_assert_null (strstr (out, "added School 2 "));
  g_clear_pointer (&out, g_free);

  out = ar_test_runf ("history --database '%s' --since 2999-01-01", &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "No changes recorded.\n");
  g_clear_pointer (&out, g_free);

  out = ar_test_runf ("history --database '%s' --since 2000-02-29", &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "Renamed Primary");
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *csv = path_in (fixture, "history.csv");
  g_autofree char *contents = NULL;
  g_autofree char *row = g_strdup_printf (",window,,updated,school,%" G_GINT64_FORMAT ",name,", fixture->renamed);
  int status;

  out = ar_test_runf ("history --database '%s' --format csv --output '%s'", &status, &err, fixture->database, csv);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "");

  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "entry,at,user,source,files,change,kind,id,field,old,new\r\n"));
  assert_contains (contents, row);
  assert_contains (contents, ",Renamed Primary\r\n");
  assert_contains (contents, ",import,sample.json,added,school,");
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *entries;
  JsonObject *newest;
  JsonObject *change;
  int status;

  out = ar_test_runf ("history --database '%s' --format json", &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  entries = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);
  newest = json_array_get_object_element (entries, 0);
  g_assert_cmpstr (json_object_get_string_member (newest, "source"), ==, "window");
  g_assert_cmpstr (json_object_get_string_member (newest, "user"), ==, g_get_user_name ());
  g_assert_cmpint (json_object_get_int_member (newest, "deleted"), >=, 1);

  change = json_array_get_object_element (json_object_get_array_member (
             json_array_get_object_element (entries, 1), "changes"), 0);
  g_assert_cmpstr (json_object_get_string_member (change, "change"), ==, "updated");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (change, "new"), "name"),
                   ==, "Renamed Primary");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 2), "source"),
                   ==, "import");
}

static void
test_bad_usage (Fixture       *fixture,
                gconstpointer  data)
{
  const char *bad[] = {
    "--since yesterday", "not a date in the form YYYY-MM-DD",
    "--since 2023-02-29", "is an impossible date",
    "--record school", "is not KIND:ID",
    "--record planet:3", "is not KIND:ID",
    "--record school:0", "is not KIND:ID",
    "--format xml", "Unknown format “xml”",
    "extra", "Unexpected argument",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i += 2)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      out = ar_test_runf ("history --database '%s' %s", &status, &err, fixture->database, bad[i]);
      g_assert_cmpint (status, ==, 2);
      assert_contains (err, bad[i + 1]);
      g_assert_cmpstr (out, ==, "");
    }
}

/* history only reads: the register is left as it was, a missing one is
 * not created, and the register itself is no place for the output. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing = path_in (fixture, "missing.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length;
  gsize after_length;
  int status;

  g_assert_true (g_file_get_contents (fixture->database, &before, &before_length, NULL));

  out = ar_test_runf ("history --database '%s'", &status, &err, missing);
  g_assert_cmpint (status, ==, 1);
  assert_contains (err, "There is no register");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);

  out = ar_test_runf ("history --database '%s' --output '%s'", &status, &err, fixture->database, fixture->database);
  g_assert_cmpint (status, ==, 1);

  g_assert_true (g_file_get_contents (fixture->database, &after, &after_length, NULL));
  g_assert_cmpuint (before_length, ==, after_length);
  g_assert_true (memcmp (before, after, before_length) == 0);
}

/* export --with-history, then import: the new register has the history. */
static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = path_in (fixture, "with-history.json");
  g_autofree char *plain = path_in (fixture, "plain.json");
  g_autofree char *copy = path_in (fixture, "copy.db");
  g_autofree char *contents = NULL;
  const char *newest;
  const char *rename;
  int status;

  g_free (ar_test_runf ("export --database '%s' --output '%s'", &status, &err, fixture->database, plain));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (plain, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "\"history\""));
  g_clear_pointer (&contents, g_free);

  g_free (ar_test_runf ("export --with-history --database '%s' --output '%s'", &status, &err, fixture->database, json));
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
  assert_contains (contents, "\"history\" : [");
  assert_contains (contents, "\"Renamed Primary\"");

  g_free (ar_test_runf ("import --database '%s' '%s'", &status, &err, copy, json));
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);

  out = ar_test_runf ("history --database '%s'", &status, &err, copy);
  g_assert_cmpint (status, ==, 0);
  newest = strstr (out, "import (with-history.json): ");
  rename = strstr (out, "” → “Renamed Primary”");
  g_assert_nonnull (newest);
  g_assert_nonnull (rename);
  g_assert_true (newest < rename);
  assert_contains (out, "import (sample.json): ");
}

/* A record that only links two others is named by them, as the History
 * page names it: the school and the alliance, the school and the trust;
 * and still so once it is deleted. */
static void
test_link_names (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open (fixture->database, &error);
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GListModel) academies = NULL;
  g_autoptr(ArRecord) member = NULL;
  g_autoptr(ArRecord) academy = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autofree char *school = NULL;
  g_autofree char *alliance = NULL;
  g_autofree char *trust = NULL;
  g_autofree char *academy_school = NULL;
  g_autofree char *added = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_no_error (error);
  members = ar_store_list (store, AR_TYPE_ALLIANCE_MEMBER, &error);
  g_assert_no_error (error);
  academies = ar_store_list (store, AR_TYPE_TRUST_ACADEMY, &error);
  g_assert_no_error (error);
  member = g_list_model_get_item (members, 0);
  academy = g_list_model_get_item (academies, 0);
  g_assert_cmpint (ar_record_get_integer (member, "school_id"), >, 0);
  school = ar_store_describe (store, AR_TYPE_SCHOOL, ar_record_get_integer (member, "school_id"));
  alliance = ar_store_describe (store, AR_TYPE_ALLIANCE, ar_record_get_integer (member, "alliance_id"));
  academy_school = ar_store_describe (store, AR_TYPE_SCHOOL, ar_record_get_integer (academy, "school_id"));
  trust = ar_store_describe (store, AR_TYPE_TRUST, ar_record_get_integer (academy, "trust_id"));
  added = g_strdup_printf ("  added Alliance member %" G_GINT64_FORMAT " %s in %s\n",
                           ar_record_get_id (member), school, alliance);
  deleted = g_strdup_printf ("  deleted Alliance member %" G_GINT64_FORMAT " %s in %s\n",
                             ar_record_get_id (member), school, alliance);
  joined = g_strdup_printf (" %" G_GINT64_FORMAT " %s in %s\n", ar_record_get_id (academy), academy_school, trust);

  out = ar_test_runf ("history --database '%s'", &status, &err, fixture->database);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, added);
  assert_contains (out, joined);
  g_assert_null (strstr (out, "Alliance member 1 Alliance member 1"));

  removed = ar_store_delete (store, member, &error);
  g_assert_no_error (error);
  g_clear_pointer (&out, g_free);
  out = ar_test_runf ("history --database '%s'", &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, deleted);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/ar/cli-history/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("text", test_text);
  ADD ("record-and-since", test_record_and_since);
  ADD ("csv", test_csv);
  ADD ("json", test_json);
  ADD ("bad-usage", test_bad_usage);
  ADD ("read-only", test_read_only);
  ADD ("export-import", test_export_import);
  ADD ("link-names", test_link_names);

  return g_test_run ();
}
