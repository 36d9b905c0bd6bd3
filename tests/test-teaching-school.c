/* test-teaching-school.c: an alliance's teaching school is set in one
 * place, the alliance; older files and registers that also named it as a
 * member still open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "ar-test-util.h"
#include "ar-store-schema.h"

/* A member cannot be made the teaching school: the alliance says which. */
static void
test_not_a_member_role (void)
{
  g_autoptr(ArRecord) member = g_object_new (AR_TYPE_ALLIANCE_MEMBER, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (g_strv_contains (ar_member_roles, "teaching-school"));
  ar_record_set_integer (member, "alliance_id", 1);
  ar_record_set_integer (member, "school_id", 1);
  ar_record_set_text (member, "role", "teaching-school");
  g_assert_false (ar_record_validate (member, &error));
}

static const char old_file[] =
  "{\"format\": \"alliance-register\", \"version\": 1,"
  " \"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"Leicestershire\"}],"
  " \"schools\": [{\"id\": 1, \"urn\": \"990001\", \"name\": \"Lead Primary\", \"area_id\": 1},"
  "              {\"id\": 2, \"urn\": \"990002\", \"name\": \"Other Primary\", \"area_id\": 1}],"
  " \"alliances\": [{\"id\": 1, \"name\": \"Named Twice\", \"lead_school_id\": 1, \"designated_on\": \"2014-04-01\"},"
  "                {\"id\": 2, \"name\": \"Member Only\", \"designated_on\": \"2015-04-01\"}],"
  " \"alliance_members\": ["
  "   {\"id\": 1, \"alliance_id\": 1, \"school_id\": 1, \"role\": \"teaching-school\","
  "    \"leads_on\": \"research\", \"joined_on\": \"2014-04-01\"},"
  "   {\"id\": 2, \"alliance_id\": 2, \"school_id\": 2, \"role\": \"teaching-school\", \"joined_on\": \"2015-04-01\"}]}";

/* An older file's "teaching-school" member: read as a member with what it
 * held, and the alliance's own field wins or is filled from it. */
static void
test_old_file_imports (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) named = NULL;
  g_autoptr(ArRecord) member_only = NULL;
  g_autoptr(ArRecord) member = NULL;

  g_assert_true (ar_register_json_import (store, old_file, -1, "old.json", FALSE, &error));
  g_assert_no_error (error);

  named = ar_store_get (store, AR_TYPE_ALLIANCE, 1, &error);
  g_assert_cmpint (ar_record_get_integer (named, "lead_school_id"), ==, 1);
  member_only = ar_store_get (store, AR_TYPE_ALLIANCE, 2, &error);
  g_assert_cmpint (ar_record_get_integer (member_only, "lead_school_id"), ==, 2);

  member = ar_store_get (store, AR_TYPE_ALLIANCE_MEMBER, 1, &error);
  g_assert_cmpstr (ar_record_get_text (member, "role"), ==, "member");
  g_assert_cmpstr (ar_record_get_text (member, "leads_on"), ==, "research");
  g_assert_cmpstr (ar_record_get_text (member, "joined_on"), ==, "2014-04-01");

  /* both alliances count as TSAs by their one teaching school */
  g_assert_cmpint (ar_test_count (store, "855", "2020-01-01", "TSA"), ==, 2);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

/* A register file from before: upgraded the same way. */
static void
test_old_register_upgrades (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "old.db", NULL);
  guint n_migrations;
  const char * const *migrations = ar_store_schema_migrations (&n_migrations);
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArRecord) alliance = NULL;
  g_autoptr(ArRecord) member = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, migrations[0]);
  exec_sql (db, migrations[1]);
  exec_sql (db, "INSERT INTO area (id, code, name) VALUES (1, '855', 'Leicestershire');"
                "INSERT INTO school (id, urn, name, area_id) VALUES (1, '990001', 'Lead', 1), (2, '990002', 'Old lead', 1);"
                "INSERT INTO alliance (id, name, designated_on) VALUES (1, 'Member Only', '2014-04-01');"
                "INSERT INTO alliance_member (id, alliance_id, school_id, role, joined_on, left_on) VALUES"
                " (1, 1, 2, 'teaching-school', '2014-04-01', '2018-08-31'),"
                " (2, 1, 1, 'teaching-school', '2018-09-01', NULL);"
                "PRAGMA user_version = 2;");
  sqlite3_close (db);

  store = ar_store_open (path, &error);
  g_assert_no_error (error);
  alliance = ar_store_get (store, AR_TYPE_ALLIANCE, 1, &error);
  /* the current one */
  g_assert_cmpint (ar_record_get_integer (alliance, "lead_school_id"), ==, 1);
  member = ar_store_get (store, AR_TYPE_ALLIANCE_MEMBER, 1, &error);
  g_assert_cmpstr (ar_record_get_text (member, "role"), ==, "member");
  g_assert_true (ar_record_validate (member, NULL));

  g_clear_object (&store);
  ar_test_remove_dir (directory);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/teaching-school/not-a-member-role", test_not_a_member_role);
  g_test_add_func ("/ar/teaching-school/old-file-imports", test_old_file_imports);
  g_test_add_func ("/ar/teaching-school/old-register-upgrades", test_old_register_upgrades);

  return g_test_run ();
}
