/* test-deployment.c: support deployments in core: validation, warnings,
 * the summary's SUP and DEP rows, deleting, JSON and upgrading a register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ar-test-util.h"
#include "ar-store-private.h"
#include "ar-store-schema.h"

/* Two schools in Leicestershire, one in Leicester, and an NLE at the first
 * designated from 2020-09-01 to 2027-08-31. */
typedef struct
{
  ArStore *store;
  gint64   area;
  gint64   home;
  gint64   supported;
  gint64   elsewhere;
  gint64   leader;
  gint64   designation;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 city;

  fixture->store = ar_test_store_new ();
  fixture->area = ar_test_add_area (fixture->store, "855", "Leicestershire");
  city = ar_test_add_area (fixture->store, "856", "Leicester");
  fixture->home = ar_test_add_school (fixture->store, "990001", "Home Primary School", fixture->area);
  fixture->supported = ar_test_add_school (fixture->store, "990002", "Supported Primary School", fixture->area);
  fixture->elsewhere = ar_test_add_school (fixture->store, "990003", "City Academy", city);
  fixture->leader = ar_test_add_person (fixture->store, "Amelia Ashworth", fixture->home);
  fixture->designation = ar_test_add_designation (fixture->store, fixture->leader, "NLE", "2020-09-01", "2027-08-31");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

/* A valid deployment by the fixture's NLE for the supported school. */
static ArRecord *
new_deployment (Fixture    *fixture,
                const char *starts_on,
                const char *ends_on)
{
  ArRecord *deployment = AR_RECORD (ar_deployment_new ());

  ar_record_set_integer (deployment, "school_id", fixture->supported);
  ar_record_set_integer (deployment, "supporter_designation_id", fixture->designation);
  ar_record_set_text (deployment, "focus", "Leadership");
  ar_record_set_text (deployment, "commissioned_by", "local-authority");
  ar_record_set_text (deployment, "starts_on", starts_on);
  ar_record_set_text (deployment, "ends_on", ends_on);
  ar_record_set_integer (deployment, "days_agreed", 10);
  ar_record_set_integer (deployment, "days_delivered", 4);
  ar_record_set_text (deployment, "status", "active");

  return deployment;
}

static gint64
add_deployment (Fixture    *fixture,
                const char *starts_on,
                const char *ends_on,
                gint64      days_delivered)
{
  g_autoptr(ArRecord) deployment = new_deployment (fixture, starts_on, ends_on);
  g_autoptr(GError) error = NULL;

  ar_record_set_integer (deployment, "days_agreed", MAX (days_delivered, 10));
  ar_record_set_integer (deployment, "days_delivered", days_delivered);
  ar_store_save (fixture->store, deployment, &error);
  g_assert_no_error (error);

  return ar_record_get_id (deployment);
}

/* SUP and DEP are hidden by default, like DH/AH: show them. */
static void
show_support_rows (ArStore *store)
{
  const char *codes[] = { "SUP", "DEP" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ArRecord) role = ar_store_find (store, AR_TYPE_ROLE, "code", codes[i], &error);

      g_assert_no_error (error);
      g_assert_false (ar_record_get_boolean (role, "in_summary"));
      ar_record_set_boolean (role, "in_summary", TRUE);
      ar_store_save (store, role, &error);
      g_assert_no_error (error);
    }
}

static ArSummaryRow *
summary_row (ArSummary  *summary,
             const char *code)
{
  for (guint i = 0; i < ar_summary_get_n_rows (summary); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (summary, i);

      if (g_str_equal (ar_summary_row_get_code (row), code))
        return row;
    }

  return NULL;
}

typedef struct
{
  const char *name;
  const char *field;
  const char *text;
  gint64      number;
  const char *message;
} ValidationCase;

static const ValidationCase validation_cases[] = {
  { "valid", NULL, NULL, 0, NULL },
  { "no-supporter", "supporter_designation_id", NULL, 0, "Support is given either by a leader" },
  { "two-supporters", "supporter_school_id", NULL, 1, "Support is given either by a leader" },
  { "dates-out-of-order", "ends_on", "2025-12-31", 0, "Ends (2025-12-31) is before Starts (2026-01-05)" },
  { "negative-agreed", "days_agreed", NULL, -1, "Days agreed cannot be negative" },
  { "negative-delivered", "days_delivered", NULL, -2, "Days delivered cannot be negative" },
  { "more-than-agreed", "days_delivered", NULL, 12, "Days delivered (12) is more than days agreed (10)" },
  { "all-agreed", "days_delivered", NULL, 10, NULL },
  { "status-required", "status", "", 0, "Status is required" },
  { "status-unknown", "status", "paused", 0, "Status: “paused” is not one of planned, active, completed, stopped-early" },
  { "commissioner-unknown", "commissioned_by", "parents", 0, "Commissioned by: “parents” is not one of" },
  { "supported-school-required", "school_id", NULL, 0, "Supported school is required" },
};

static void
test_validation (gconstpointer data)
{
  const ValidationCase *validation = data;
  Fixture fixture = { 0 };
  g_autoptr(ArRecord) deployment = NULL;
  g_autoptr(GError) error = NULL;

  fixture.supported = 2;
  fixture.designation = 1;
  deployment = new_deployment (&fixture, "2026-01-05", "2026-07-20");

  if (validation->field != NULL && validation->text != NULL)
    ar_record_set_text (deployment, validation->field, validation->text);
  else if (validation->field != NULL)
    ar_record_set_integer (deployment, validation->field, validation->number);

  if (validation->message == NULL)
    {
      ar_record_validate (deployment, &error);
      g_assert_no_error (error);
      return;
    }

  g_assert_false (ar_record_validate (deployment, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, validation->message))
    g_error ("“%s” does not start with “%s”", error->message, validation->message);
}

static void
test_delivered_above_agreed_needs_outcome (void)
{
  Fixture fixture = { 0, 0, 0, 2, 0, 0, 1 };
  g_autoptr(ArRecord) deployment = new_deployment (&fixture, NULL, NULL);

  ar_record_set_integer (deployment, "days_delivered", 11);
  g_assert_false (ar_record_validate (deployment, NULL));
  ar_record_set_text (deployment, "outcome", "   ");
  g_assert_false (ar_record_validate (deployment, NULL));
  ar_record_set_text (deployment, "outcome", "One more day to see the new policy in.");
  g_assert_true (ar_record_validate (deployment, NULL));
}

static void
test_school_cannot_support_itself (void)
{
  Fixture fixture = { 0, 0, 0, 2, 0, 0, 1 };
  g_autoptr(ArRecord) deployment = new_deployment (&fixture, NULL, NULL);
  g_autoptr(GError) error = NULL;

  ar_record_set_integer (deployment, "supporter_designation_id", 0);
  ar_record_set_integer (deployment, "supporter_school_id", 3);
  g_assert_true (ar_record_validate (deployment, NULL));

  ar_record_set_integer (deployment, "supporter_school_id", 2);
  g_assert_false (ar_record_validate (deployment, &error));
  g_assert_cmpstr (error->message, ==, "A school cannot support itself");
}

static void
test_warnings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(ArRecord) inside = new_deployment (fixture, "2026-01-05", "2027-07-20");
  g_autoptr(ArRecord) outside = new_deployment (fixture, "2027-01-05", "2027-12-20");
  g_autoptr(ArRecord) before = new_deployment (fixture, "2019-01-05", NULL);
  g_autoptr(ArRecord) by_school = new_deployment (fixture, "2019-01-05", NULL);
  g_autoptr(ArRecord) at_home = new_deployment (fixture, "2026-01-05", NULL);
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) late = NULL;
  g_auto(GStrv) early = NULL;
  g_auto(GStrv) school = NULL;
  g_auto(GStrv) home = NULL;
  g_autoptr(GError) error = NULL;

  none = ar_record_warnings (inside, fixture->store);
  g_assert_null (none);

  /* the designation ends on 2027-08-31, before the deployment does */
  late = ar_record_warnings (outside, fixture->store);
  g_assert_nonnull (late);
  g_assert_cmpuint (g_strv_length (late), ==, 1);
  g_assert_cmpstr (late[0], ==, "The leader’s NLE designation (2020-09-01 to 2027-08-31) does not cover the whole deployment");

  early = ar_record_warnings (before, fixture->store);
  g_assert_nonnull (early);
  g_assert_cmpuint (g_strv_length (early), ==, 1);

  /* a school's support has no designation to check */
  ar_record_set_integer (by_school, "supporter_designation_id", 0);
  ar_record_set_integer (by_school, "supporter_school_id", fixture->home);
  school = ar_record_warnings (by_school, fixture->store);
  g_assert_null (school);

  /* a leader supporting the school they work at */
  ar_record_set_integer (at_home, "school_id", fixture->home);
  home = ar_record_warnings (at_home, fixture->store);
  g_assert_nonnull (home);
  g_assert_cmpstr (home[0], ==, "The leader works at the school they support");

  /* a warning, not a refusal */
  ar_store_save (fixture->store, outside, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ar_record_get_id (outside), >, 0);
}

static void
test_active_on_spans_dates (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ArRecord) deployment = new_deployment (fixture, "2026-09-01", "2026-12-31");
  g_autoptr(ArRecord) open_ended = new_deployment (fixture, NULL, NULL);

  g_assert_false (ar_deployment_is_active_on (AR_DEPLOYMENT (deployment), "2026-08-31"));
  g_assert_true (ar_deployment_is_active_on (AR_DEPLOYMENT (deployment), "2026-09-01"));
  g_assert_true (ar_deployment_is_active_on (AR_DEPLOYMENT (deployment), "2026-12-31"));
  g_assert_false (ar_deployment_is_active_on (AR_DEPLOYMENT (deployment), "2027-01-01"));
  g_assert_true (ar_deployment_is_active_on (AR_DEPLOYMENT (open_ended), "1999-01-01"));

  g_assert_true (ar_deployment_overlaps (AR_DEPLOYMENT (deployment), "2026-12-31", "2027-03-01"));
  g_assert_true (ar_deployment_overlaps (AR_DEPLOYMENT (deployment), "2026-01-01", "2026-09-01"));
  g_assert_false (ar_deployment_overlaps (AR_DEPLOYMENT (deployment), "2027-01-01", "2027-03-01"));
  g_assert_false (ar_deployment_overlaps (AR_DEPLOYMENT (deployment), "2026-01-01", "2026-08-31"));
  g_assert_true (ar_deployment_overlaps (AR_DEPLOYMENT (deployment), NULL, NULL));
}

static void
test_summary_counts_across_as_at (Fixture       *fixture,
                                  gconstpointer  data)
{
  show_support_rows (fixture->store);

  /* two deployments for one school, one for a school in another area */
  add_deployment (fixture, "2026-09-01", "2026-12-31", 3);
  add_deployment (fixture, "2026-11-01", NULL, 1);
  {
    g_autoptr(ArRecord) city = new_deployment (fixture, "2026-01-01", NULL);
    g_autoptr(GError) error = NULL;

    ar_record_set_integer (city, "school_id", fixture->elsewhere);
    ar_store_save (fixture->store, city, &error);
    g_assert_no_error (error);
  }

  g_assert_cmpint (ar_test_count (fixture->store, "855", "2026-08-31", "SUP"), ==, 0);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2026-08-31", "DEP"), ==, 0);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2026-09-01", "SUP"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2026-09-01", "DEP"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2026-12-31", "SUP"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2026-12-31", "DEP"), ==, 2);
  g_assert_cmpint (ar_test_count (fixture->store, "855", "2027-01-01", "DEP"), ==, 1);
  g_assert_cmpint (ar_test_count (fixture->store, "856", "2026-12-31", "SUP"), ==, 1);
}

static void
test_academic_year_boundary (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) august = NULL;
  g_autoptr(ArSummary) september = NULL;
  g_autofree char *start_aug = ar_deployment_academic_year_start ("2026-08-31");
  g_autofree char *start_sep = ar_deployment_academic_year_start ("2026-09-01");
  g_autofree char *start_jan = ar_deployment_academic_year_start ("2027-01-15");

  g_assert_cmpstr (start_aug, ==, "2025-09-01");
  g_assert_cmpstr (start_sep, ==, "2026-09-01");
  g_assert_cmpstr (start_jan, ==, "2026-09-01");

  show_support_rows (fixture->store);
  /* last year's, ended in July; this year's from 1 September */
  add_deployment (fixture, "2025-10-01", "2026-07-20", 10);
  add_deployment (fixture, "2026-09-01", "2027-07-20", 4);
  /* planned for later: no days count before it starts */
  add_deployment (fixture, "2026-09-02", NULL, 0);

  august = ar_summary_compute (fixture->store, "855", "2026-08-31", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ar_summary_row_get_count (summary_row (august, "DEP")), ==, 0);
  g_assert_cmpint (ar_summary_row_get_school_count (summary_row (august, "DEP")), ==, 10);
  g_assert_cmpstr (ar_summary_row_get_figure (summary_row (august, "DEP")), ==,
                   "0; 10 days delivered since 1 September 2025");

  september = ar_summary_compute (fixture->store, "855", "2026-09-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ar_summary_row_get_count (summary_row (september, "DEP")), ==, 1);
  g_assert_cmpstr (ar_summary_row_get_figure (summary_row (september, "DEP")), ==,
                   "1; 4 days delivered since 1 September 2026");
  g_assert_cmpstr (ar_summary_row_get_figure (summary_row (september, "SUP")), ==, "1");

  /* JSON gives the days as a number too */
  {
    g_autofree char *json = ar_summary_to_json (september);

    g_assert_nonnull (strstr (json, "\"code\" : \"DEP\""));
    g_assert_nonnull (strstr (json, "\"days_delivered\" : 4"));
  }
}

static void
test_hidden_by_default (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = NULL;

  add_deployment (fixture, "2026-09-01", NULL, 1);
  summary = ar_summary_compute (fixture->store, "855", "2026-10-01", &error);
  g_assert_no_error (error);
  g_assert_null (summary_row (summary, "SUP"));
  g_assert_null (summary_row (summary, "DEP"));
}

static void
test_delete_cascades (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 by_leader = add_deployment (fixture, "2026-09-01", NULL, 1);
  g_autoptr(ArRecord) by_school = new_deployment (fixture, "2026-09-01", NULL);
  g_autoptr(ArRecord) person = NULL;
  g_autoptr(ArRecord) home = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GPtrArray) deleted_school = NULL;
  g_autoptr(GError) error = NULL;

  ar_record_set_integer (by_school, "supporter_designation_id", 0);
  ar_record_set_integer (by_school, "supporter_school_id", fixture->elsewhere);
  ar_store_save (fixture->store, by_school, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_DEPLOYMENT), ==, 2);

  /* the leader goes, with their designation and its deployment */
  person = ar_store_get (fixture->store, AR_TYPE_PERSON, fixture->leader, &error);
  deleted = ar_store_delete (fixture->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 3);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_DEPLOYMENT), ==, 1);
  g_assert_null (ar_store_get (fixture->store, AR_TYPE_DEPLOYMENT, by_leader, NULL));

  /* undo brings all three back */
  ar_store_restore (fixture->store, deleted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_DEPLOYMENT), ==, 2);

  /* the supporting school goes, and its deployment with it */
  home = ar_store_get (fixture->store, AR_TYPE_SCHOOL, fixture->elsewhere, &error);
  deleted_school = ar_store_delete (fixture->store, home, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ar_store_count (fixture->store, AR_TYPE_DEPLOYMENT), ==, 1);
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ArStore) copy = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  add_deployment (fixture, "2026-09-01", "2027-07-20", 4);
  text = ar_test_export (fixture->store);
  g_assert_nonnull (strstr (text, "\"version\" : 2"));
  g_assert_nonnull (strstr (text, "\"deployments\" : ["));
  g_assert_nonnull (strstr (text, "\"supporter_designation_id\" : 1"));

  ar_register_json_import (copy, text, -1, "copy.json", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ar_store_count (copy, AR_TYPE_DEPLOYMENT), ==, 1);
  again = ar_test_export (copy);
  g_assert_cmpstr (text, ==, again);
}

/* A file written before deployments existed: version 1, nine roles. */
static const char version_1_file[] =
  "{\"format\": \"alliance-register\", \"version\": 1,"
  " \"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"Leicestershire\"}],"
  " \"roles\": [{\"id\": 3, \"code\": \"NLE\", \"position\": 1, \"title\": \"Our NLE title\","
  "   \"key_functions\": null, \"no_records_text\": null, \"in_summary\": true}]}";

static void
test_version_1_json_imports (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) nle = NULL;
  g_autoptr(ArRecord) sup = NULL;
  g_autoptr(ArRecord) dep = NULL;

  ar_register_json_import (store, version_1_file, -1, "old.json", FALSE, &error);
  g_assert_no_error (error);

  /* the file's roles are kept; those it could not know come from the defaults */
  nle = ar_store_find (store, AR_TYPE_ROLE, "code", "NLE", &error);
  g_assert_cmpstr (ar_record_get_text (nle, "title"), ==, "Our NLE title");
  sup = ar_store_find (store, AR_TYPE_ROLE, "code", "SUP", &error);
  dep = ar_store_find (store, AR_TYPE_ROLE, "code", "DEP", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ar_record_get_text (sup, "title"), ==, "Schools supported");
  g_assert_false (ar_record_get_boolean (dep, "in_summary"));
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_DEPLOYMENT), ==, 0);
}

static void
test_newer_json_refused (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;

  ar_register_json_import (store, "{\"format\": \"alliance-register\", \"version\": 3}", -1,
                           "new.json", FALSE, &error);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "reads up to version 2"));
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A register file as version 1 wrote it: an NLE with a designation. */
static char *
make_version_1_register (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  char *path = g_build_filename (directory, "old.db", NULL);
  guint n_migrations;
  const char * const *migrations = ar_store_schema_migrations (&n_migrations);
  sqlite3 *db;

  g_assert_cmpuint (n_migrations, >=, 2);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, migrations[0]);
  exec_sql (db, "INSERT INTO role (id, code, position, title, in_summary) VALUES (7, 'NLE', 3, 'NLE', 1);"
                "INSERT INTO area (id, code, name) VALUES (1, '855', 'Leicestershire');"
                "INSERT INTO school (id, urn, name, area_id) VALUES (1, '990001', 'Home', 1), (2, '990002', 'Other', 1);"
                "INSERT INTO person (id, name, school_id) VALUES (1, 'Amelia Ashworth', 1);"
                "INSERT INTO designation (id, person_id, role, starts_on) VALUES (1, 1, 'NLE', '2020-09-01');"
                "PRAGMA user_version = 1;");
  sqlite3_close (db);

  return path;
}

static void
test_version_1_register_upgrades (void)
{
  g_autofree char *path = make_version_1_register ();
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArRecord) deployment = AR_RECORD (ar_deployment_new ());
  g_autoptr(ArRecord) role = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  store = ar_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* the records and the role's id survive the role table's rebuild */
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_DESIGNATION), ==, 1);
  role = ar_store_get (store, AR_TYPE_ROLE, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ar_record_get_text (role, "code"), ==, "NLE");
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_ROLE), ==, 11);

  /* deployments can be saved, and foreign keys are back on */
  ar_record_set_integer (deployment, "school_id", 2);
  ar_record_set_integer (deployment, "supporter_designation_id", 1);
  ar_record_set_text (deployment, "status", "planned");
  ar_store_save (store, deployment, &error);
  g_assert_no_error (error);

  stmt = ar_store_prepare (store, "PRAGMA foreign_keys", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_reset (stmt);

  /* the widened CHECK still refuses unknown role codes */
  g_assert_false (ar_store_exec (store, "INSERT INTO role (code, title) VALUES ('XYZ', 'x')", NULL));
  g_clear_object (&store);

  /* reopening does not upgrade again */
  g_unlink (backup);
  store = ar_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_DEPLOYMENT), ==, 1);
}

/* summary, list and export only read: they read an older register as it
 * would be upgraded, and leave the file exactly as it was, with no backup */
static void
test_version_1_register_read_only (void)
{
  g_autofree char *path = make_version_1_register ();
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  g_autoptr(ArStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  store = ar_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_DESIGNATION), ==, 1);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_DEPLOYMENT), ==, 0);
  g_assert_cmpint (ar_test_count (store, "855", "2024-01-01", "NLE"), ==, 1);
  g_clear_object (&store);

  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

static void
test_sample_has_deployments (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  g_autoptr(GListModel) deployments = NULL;
  guint warned = 0;

  g_assert_no_error (error);
  deployments = ar_store_list (store, AR_TYPE_DEPLOYMENT, &error);
  g_assert_cmpuint (g_list_model_get_n_items (deployments), >=, 10);

  /* a believable register: no deployment outside its leader's designation */
  for (guint i = 0; i < g_list_model_get_n_items (deployments); i++)
    {
      g_autoptr(ArRecord) deployment = g_list_model_get_item (deployments, i);
      g_auto(GStrv) warnings = ar_record_warnings (deployment, store);

      warned += warnings != NULL;
    }
  g_assert_cmpuint (warned, ==, 0);

  /* Appendix B does not move */
  g_assert_cmpint (ar_test_count (store, "855", "2026-12-01", "NLE"), ==, 17);
  g_assert_cmpint (ar_test_count (store, "855", "2026-12-01", "LLE"), ==, 23);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (validation_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ar/deployment/validation/%s", validation_cases[i].name);
      g_test_add_data_func (path, &validation_cases[i], test_validation);
    }
  g_test_add_func ("/ar/deployment/delivered-above-agreed-needs-outcome", test_delivered_above_agreed_needs_outcome);
  g_test_add_func ("/ar/deployment/school-cannot-support-itself", test_school_cannot_support_itself);
  g_test_add ("/ar/deployment/warnings", Fixture, NULL, fixture_set_up, test_warnings, fixture_tear_down);
  g_test_add ("/ar/deployment/active-on-spans-dates", Fixture, NULL, fixture_set_up, test_active_on_spans_dates, fixture_tear_down);
  g_test_add ("/ar/deployment/summary-across-as-at", Fixture, NULL, fixture_set_up, test_summary_counts_across_as_at, fixture_tear_down);
  g_test_add ("/ar/deployment/academic-year-boundary", Fixture, NULL, fixture_set_up, test_academic_year_boundary, fixture_tear_down);
  g_test_add ("/ar/deployment/hidden-by-default", Fixture, NULL, fixture_set_up, test_hidden_by_default, fixture_tear_down);
  g_test_add ("/ar/deployment/delete-cascades", Fixture, NULL, fixture_set_up, test_delete_cascades, fixture_tear_down);
  g_test_add ("/ar/deployment/json-round-trip", Fixture, NULL, fixture_set_up, test_json_round_trip, fixture_tear_down);
  g_test_add_func ("/ar/deployment/version-1-json-imports", test_version_1_json_imports);
  g_test_add_func ("/ar/deployment/newer-json-refused", test_newer_json_refused);
  g_test_add_func ("/ar/deployment/version-1-register-upgrades", test_version_1_register_upgrades);
  g_test_add_func ("/ar/deployment/version-1-register-read-only", test_version_1_register_read_only);
  g_test_add_func ("/ar/deployment/sample-has-deployments", test_sample_has_deployments);

  return g_test_run ();
}
