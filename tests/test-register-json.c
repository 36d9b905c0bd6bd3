/* test-register-json.c: the register's JSON format, out and back in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

static void
test_round_trip_is_byte_for_byte (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) sample = ar_store_open_sample (&error);
  g_autoptr(ArStore) empty = ar_test_store_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_no_error (error);

  /* a field of every kind the sample does not exercise */
  ar_test_set (sample, AR_TYPE_SCHOOL, 1, "notes", "Quotes \" and\nnew lines, tabs\t, <tags> & ünïcödé ✓");

  first = ar_test_export (sample);
  ar_register_json_import (empty, first, -1, "first.json", FALSE, &error);
  g_assert_no_error (error);
  second = ar_test_export (empty);

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (ar_store_count (empty, AR_TYPE_SCHOOL), ==, ar_store_count (sample, AR_TYPE_SCHOOL));
  g_assert_cmpuint (ar_store_count (empty, AR_TYPE_DESIGNATION), ==, ar_store_count (sample, AR_TYPE_DESIGNATION));
}

static void
test_refuses_non_empty_register (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) sample = ar_store_open_sample (&error);
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *text = ar_test_export (sample);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ar_test_add_area (store, "857", "Rutland");
  before = ar_test_export (store);

  g_assert_false (ar_register_json_import (store, text, -1, "sample.json", FALSE, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  after = ar_test_export (store);
  g_assert_cmpstr (before, ==, after);

  /* replacing takes everything from the file, nothing from before */
  g_assert_true (ar_register_json_import (store, text, -1, "sample.json", TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = ar_test_export (store);
  g_assert_cmpstr (after, ==, text);
}

typedef struct
{
  const char *name;
  const char *document;
  const char *expected;   /* a piece of the message */
} BadCase;

#define HEAD "{\"format\": \"alliance-register\", \"version\": 1, "

static const BadCase bad_cases[] = {
  { "not-json", "this is not JSON at all", "not valid JSON" },
  { "truncated", HEAD "\"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"Leic", "not valid JSON" },
  { "not-an-object", "[1, 2, 3]", "must hold a JSON object" },
  { "wrong-format", "{\"format\": \"something-else\", \"version\": 1}", "“format” must be" },
  { "newer-version", "{\"format\": \"alliance-register\", \"version\": 99}", "newer Alliance Register" },
  { "version-as-text", "{\"format\": \"alliance-register\", \"version\": \"1\"}", "“version” must be" },
  { "unknown-member", HEAD "\"widgets\": []}", "unknown member “widgets”" },
  { "array-is-object", HEAD "\"areas\": {}}", "“areas” must be an array" },
  { "record-not-object", HEAD "\"areas\": [42]}", "areas[0]: must be an object" },
  { "missing-id", HEAD "\"areas\": [{\"code\": \"855\", \"name\": \"L\"}]}", "areas[0]: field “id” is required" },
  { "duplicate-id", HEAD "\"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"A\"}, {\"id\": 1, \"code\": \"856\", \"name\": \"B\"}]}",
    "areas[1] (id 1): another record" },
  { "wrong-type-text", HEAD "\"areas\": [{\"id\": 1, \"code\": 855, \"name\": \"L\"}]}",
    "areas[0] (id 1): field “code” must be text or null, not a number" },
  { "wrong-type-link", HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\", \"area_id\": \"855\"}]}",
    "schools[0] (id 1): field “area_id” must be a record id or null, not text" },
  { "wrong-type-boolean", HEAD "\"roles\": [{\"id\": 1, \"code\": \"TSA\", \"title\": \"T\", \"in_summary\": 1}]}",
    "field “in_summary” must be true or false" },
  { "unknown-field", HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\", \"colour\": \"red\"}]}",
    "schools[0] (id 1): unknown field “colour”" },
  { "missing-required", HEAD "\"schools\": [{\"id\": 1, \"urn\": \"123456\"}]}",
    "schools[0] (id 1): Name is required" },
  { "bad-urn", HEAD "\"schools\": [{\"id\": 1, \"urn\": \"12A456\", \"name\": \"S\"}]}",
    "schools[0] (id 1): URN: “12A456” is not six digits" },
  { "bad-date", HEAD "\"alliances\": [{\"id\": 1, \"name\": \"A\", \"designated_on\": \"01/04/2014\"}]}",
    "alliances[0] (id 1): Designated: “01/04/2014” is not a date" },
  { "dates-out-of-order", HEAD "\"trusts\": [{\"id\": 1, \"name\": \"T\", \"kind\": \"mat\", \"opened_on\": \"2020-01-01\", \"closed_on\": \"2019-01-01\"}]}",
    "trusts[0] (id 1): Closed (2019-01-01) is before Opened (2020-01-01)" },
  { "bad-choice", HEAD "\"trusts\": [{\"id\": 1, \"name\": \"T\", \"kind\": \"federation\"}]}",
    "trusts[0] (id 1): Kind: “federation” is not one of" },
  { "unknown-role", HEAD "\"people\": [{\"id\": 1, \"name\": \"P\"}], \"designations\": [{\"id\": 1, \"person_id\": 1, \"role\": \"XYZ\"}]}",
    "designations[0] (id 1): Role: “XYZ” is not a role given to people" },
  { "duplicate-urn", HEAD "\"schools\": [{\"id\": 1, \"urn\": \"123456\", \"name\": \"A\"}, {\"id\": 2, \"urn\": \"123456\", \"name\": \"B\"}]}",
    "schools[1] (id 2): URN 123456 is already used by A" },
  { "missing-reference", HEAD "\"trusts\": [{\"id\": 1, \"name\": \"T\", \"kind\": \"mat\"}], \"trust_academies\": [{\"id\": 1, \"trust_id\": 1, \"school_id\": 7}]}",
    "trust_academies[0] (id 1): School: there is no School with id 7" },
  { "member-school-and-partner", HEAD "\"alliances\": [{\"id\": 1, \"name\": \"A\"}], \"alliance_members\": [{\"id\": 1, \"alliance_id\": 1, \"role\": \"member\"}]}",
    "alliance_members[0] (id 1): A member is either a school or a partner" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ar_test_add_area (store, "855", "Leicestershire");
  before = ar_test_export (store);

  g_assert_false (ar_register_json_import (store, bad->document, -1, "bad.json", TRUE, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, bad->expected) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, bad->expected);
  g_assert_true (g_str_has_prefix (error->message, "bad.json"));
  g_assert_null (strchr (error->message, '\n'));

  /* nothing was written, even with replace */
  after = ar_test_export (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_missing_roles_get_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();

  ar_register_json_import (store, HEAD "\"areas\": [{\"id\": 4, \"code\": \"855\", \"name\": \"L\"}]}",
                           -1, "areas-only.json", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_ROLE), ==, 9);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_AREA), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/register-json/round-trip-is-byte-for-byte", test_round_trip_is_byte_for_byte);
  g_test_add_func ("/ar/register-json/refuses-non-empty-register", test_refuses_non_empty_register);
  g_test_add_func ("/ar/register-json/missing-roles-get-defaults", test_missing_roles_get_defaults);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ar/register-json/refuses/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }

  return g_test_run ();
}
