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
  { "unknown-member-with-controls", HEAD "\"wid\\u001bgets\\n\": []}", "unknown member “wid\\x1Bgets\\x0A”" },
  { "unknown-field-with-controls", HEAD "\"areas\": [{\"id\": 1, \"\\u0007\": 1}]}", "areas[0] (id 1): unknown field “\\x07”" },
  { "array-is-object", HEAD "\"areas\": {}}", "“areas” must be an array" },
  { "record-not-object", HEAD "\"areas\": [42]}", "areas[0]: must be an object" },
  { "missing-id", HEAD "\"areas\": [{\"code\": \"855\", \"name\": \"L\"}]}", "areas[0]: field “id” is required" },
  { "duplicate-id", HEAD "\"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"A\"}, {\"id\": 1, \"code\": \"856\", \"name\": \"B\"}]}",
    "areas[1] (id 1): another record" },
  { "wrong-type-text", HEAD "\"areas\": [{\"id\": 1, \"code\": 855, \"name\": \"L\"}]}",
    "areas[0] (id 1): field “code” (Code) must be text or null, not a number" },
  { "wrong-type-link", HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\", \"area_id\": \"855\"}]}",
    "schools[0] (id 1): field “area_id” (Area) must be a record id (a whole number from 1) or null, not text" },
  { "wrong-type-boolean", HEAD "\"roles\": [{\"id\": 1, \"code\": \"TSA\", \"title\": \"T\", \"in_summary\": 1}]}",
    "field “in_summary” (Shown in the summary) must be true or false" },
  { "unknown-field", HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\", \"colour\": \"red\"}]}",
    "schools[0] (id 1): unknown field “colour”" },
  { "missing-required", HEAD "\"schools\": [{\"id\": 1, \"urn\": \"123456\"}]}",
    "schools[0] (id 1): field “name”: Name is required" },
  { "bad-urn", HEAD "\"schools\": [{\"id\": 1, \"urn\": \"12A456\", \"name\": \"S\"}]}",
    "schools[0] (id 1): field “urn”: URN: “12A456” is not six digits" },
  { "bad-date", HEAD "\"alliances\": [{\"id\": 1, \"name\": \"A\", \"designated_on\": \"01/04/2014\"}]}",
    "alliances[0] (id 1): field “designated_on”: Designated: “01/04/2014” is not a date" },
  { "dates-out-of-order", HEAD "\"trusts\": [{\"id\": 1, \"name\": \"T\", \"kind\": \"mat\", \"opened_on\": \"2020-01-01\", \"closed_on\": \"2019-01-01\"}]}",
    "trusts[0] (id 1): field “closed_on”: Closed (2019-01-01) is before Opened (2020-01-01)" },
  { "bad-choice", HEAD "\"trusts\": [{\"id\": 1, \"name\": \"T\", \"kind\": \"federation\"}]}",
    "trusts[0] (id 1): field “kind”: Kind: “federation” is not one of" },
  { "unknown-role", HEAD "\"people\": [{\"id\": 1, \"name\": \"P\"}], \"designations\": [{\"id\": 1, \"person_id\": 1, \"role\": \"XYZ\"}]}",
    "designations[0] (id 1): field “role”: Role: “XYZ” is not a role given to people" },
  { "duplicate-urn", HEAD "\"schools\": [{\"id\": 1, \"urn\": \"123456\", \"name\": \"A\"}, {\"id\": 2, \"urn\": \"123456\", \"name\": \"B\"}]}",
    "schools[1] (id 2): field “urn”: URN 123456 is already used by A" },
  { "missing-reference", HEAD "\"trusts\": [{\"id\": 1, \"name\": \"T\", \"kind\": \"mat\"}], \"trust_academies\": [{\"id\": 1, \"trust_id\": 1, \"school_id\": 7}]}",
    "trust_academies[0] (id 1): field “school_id”: School: there is no School with id 7" },
  { "member-school-and-partner", HEAD "\"alliances\": [{\"id\": 1, \"name\": \"A\"}], \"alliance_members\": [{\"id\": 1, \"alliance_id\": 1, \"role\": \"member\"}]}",
    "alliance_members[0] (id 1): A member is either a school or a partner" },
  /* messages name the member in the file and the label in the window */
  { "email-with-controls", HEAD "\"people\": [{\"id\": 1, \"name\": \"P\", \"email\": \"\\u001b[31m\"}]}",
    "people[0] (id 1): field “email”: Email: “\\x1B[31m” is not an email address" },
  { "duplicate-area-name", HEAD "\"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"Leics\"}, {\"id\": 2, \"code\": \"856\", \"name\": \"LEICS\"}]}",
    "areas[1] (id 2): field “name”: Name LEICS is already used by Leics" },
  { "unknown-designation-role", HEAD "\"people\": [{\"id\": 1, \"name\": \"P\"}], \"roles\": [{\"id\": 1, \"code\": \"TSA\", \"title\": \"T\"}], "
    "\"designations\": [{\"id\": 1, \"person_id\": 1, \"role\": \"NLE\"}]}",
    "designations[0] (id 1): field “role”: Role: “NLE” is not a known role" },
  { "missing-designating-alliance", HEAD "\"people\": [{\"id\": 1, \"name\": \"P\"}], "
    "\"designations\": [{\"id\": 1, \"person_id\": 1, \"role\": \"SLE\", \"designated_by_alliance_id\": 3}]}",
    "designations[0] (id 1): field “designated_by_alliance_id”: Designated by alliance: there is no Alliance with id 3" },
  { "bad-end-date", HEAD "\"alliances\": [{\"id\": 1, \"name\": \"A\", \"ended_on\": \"2014-13-01\"}]}",
    "alliances[0] (id 1): field “ended_on”: Ended: “2014-13-01” is an impossible date" },
  { "control-in-message", HEAD "\"alliances\": [{\"id\": 1, \"name\": \"A\", \"ended_on\": \"2014\\u000b\\n\"}]}",
    "Ended: “2014\\x0B” is not a date" },
  /* text json-glib would cut short or store as bytes that are not UTF-8 */
  { "nul", HEAD "\"areas\": [{\"id\": 3, \"code\": \"855\", \"name\": \"Leic\\u0000ester\"}]}",
    "bad.json: areas[0] (id 3): field “name” (Name): the text holds \\u0000" },
  { "lone-high-surrogate", HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\\ud800\"}]}",
    "schools[0] (id 1): field “name” (Name): the text holds \\uD800, half of a surrogate pair" },
  { "lone-low-surrogate", HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\", \"town\": \"\\udc00x\"}]}",
    "schools[0] (id 1): field “town” (Town): the text holds \\uDC00" },
  { "high-surrogate-then-letter", HEAD "\"schools\": [{\"name\": \"\\ud800\\u0041\", \"id\": 2}]}",
    "schools[0] (id 2): field “name” (Name): the text holds \\uD800" },
  { "nul-in-id-record", HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\"}, {\"id\": 2, \"name\": \"\\u0000\"}]}",
    "schools[1] (id 2): field “name” (Name): the text holds \\u0000" },
  { "nul-in-member-name", HEAD "\"schools\": [{\"id\": 1, \"na\\u0000me\": \"S\"}]}",
    "bad.json, line 1: a member name: the text holds \\u0000" },
  { "nul-outside-records", "{\"format\": \"alliance-register\\u0000x\", \"version\": 1}",
    "bad.json, line 1: the text holds \\u0000" },
  { "nul-in-overridden-member", HEAD "\"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"L\\u0000\"}],\n"
    "\"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"L\"}, {\"id\": 2, \"code\": \"856\", \"name\": \"M\"}]}",
    "the text holds \\u0000" },
  { "nul-in-overridden-list", HEAD "\"people\": [{\"id\": 1, \"name\": \"L\\u0000\"}], \"people\": []}",
    "bad.json, line 1: the text holds \\u0000" },
  { "bad-escape", HEAD "\"schools\": [{\"id\": 1, \"name\": \"\\q\"}]}",
    "schools[0] (id 1): field “name” (Name): the text holds “\\” that does not start an escape" },
  { "short-unicode-escape", HEAD "\"schools\": [{\"id\": 1, \"name\": \"\\u12\"}]}",
    "the text holds “\\” that does not start an escape" },
  /* cairo refuses noncharacters, and the PDF went blank after one */
  { "noncharacter-escaped", HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\\uffff\"}]}",
    "schools[0] (id 1): field “name”: Name: the text holds a noncharacter such as U+FFFF" },
  { "noncharacter-raw", HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\", \"notes\": \"\xef\xb7\x90\"}]}",
    "schools[0] (id 1): field “notes”: Notes: the text holds a noncharacter" },
  { "noncharacter-plane-16", HEAD "\"schools\": [{\"id\": 1, \"name\": \"\\udbff\\udfff\"}]}",
    "schools[0] (id 1): field “name”: Name: the text holds a noncharacter" },
  /* numbers json-glib would wrap around or coerce */
  { "link-wraps-around", HEAD "\"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"L\"}], "
    "\"schools\": [{\"id\": 1, \"name\": \"S\", \"area_id\": -18446744073709551615}]}",
    "schools[0] (id 1): field “area_id” (Area): -18446744073709551615 is beyond the whole numbers" },
  { "id-wraps-around", HEAD "\"areas\": [{\"id\": 18446744073709551617, \"code\": \"855\", \"name\": \"L\"}]}",
    "bad.json: areas[0]: field “id”: 18446744073709551617 is beyond" },
  { "int64-plus-one", HEAD "\"roles\": [{\"id\": 1, \"code\": \"TSA\", \"title\": \"T\", \"position\": 9223372036854775808}]}",
    "roles[0] (id 1): field “position” (Position): 9223372036854775808 is beyond" },
  { "version-wraps-around", "{\"format\": \"alliance-register\", \"version\": 18446744073709551617}",
    "bad.json, line 1: 18446744073709551617 is beyond" },
  { "negative-link", HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\", \"area_id\": -5}]}",
    "field “area_id” (Area) must be a record id (a whole number from 1) or null, not -5" },
  { "decimal-link", HEAD "\"schools\": [{\"id\": 1, \"name\": \"S\", \"area_id\": 1.0}]}",
    "field “area_id” (Area) must be a record id (a whole number from 1) or null, not a decimal number" },
  { "decimal-id", HEAD "\"areas\": [{\"id\": 1e0, \"code\": \"855\", \"name\": \"L\"}]}",
    "areas[0]: field “id” is required and must be a positive whole number" },
  { "exponent-integer", HEAD "\"roles\": [{\"id\": 1, \"code\": \"TSA\", \"title\": \"T\", \"position\": 1e3}]}",
    "field “position” (Position) must be a whole number, not a decimal number" },
  { "hexadecimal", HEAD "\"areas\": [{\"id\": 0x1, \"code\": \"855\", \"name\": \"L\"}]}",
    "bad.json is not valid JSON: line 1: unexpected “0x1”" },
  /* json-glib leaks what it built when a second value follows the first */
  { "value-after-document", "6" HEAD "\"areas\": []}", "bad.json is not valid JSON: line 1: more follows the end of the document" },
  { "two-documents", HEAD "\"areas\": []}\n{}", "bad.json is not valid JSON: line 2: more follows the end of the document" },
  /* what json-glib takes but JSON is not */
  { "comment", HEAD "/* \" */ \"areas\": []}", "bad.json is not valid JSON: line 1: unexpected character" },
  { "single-quotes", HEAD "'areas': []}", "bad.json is not valid JSON: line 1: unexpected character" },
  { "not-utf8", HEAD "\"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": \"\xff\"}]}", "it is not UTF-8 text" },
  { "too-deep", HEAD "\"areas\": [{\"id\": 1, \"code\": \"855\", \"name\": [[[[[[1]]]]]]}]}",
    "bad.json, line 1: the data is nested deeper than a register file can be" },
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
  /* one line of valid text, whatever the file held */
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  for (const char *p = error->message; *p != '\0'; p++)
    g_assert_cmpint ((guchar) *p, >=, 0x20);

  /* nothing was written, even with replace */
  after = ar_test_export (store);
  g_assert_cmpstr (before, ==, after);
}

/* Deep enough to overflow json-glib's recursive parser (about 74,000
 * levels did): refused before it is parsed. */
static void
test_refuses_deep_nesting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GString) text = g_string_new ("{\"format\": \"alliance-register\", \"version\": 1,\n\"areas\": ");

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  g_assert_false (ar_register_json_import (store, text->str, text->len, "deep.json", FALSE, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "deep.json, line 2: the data is nested deeper than a register file can be");
}

/* Whatever text the register holds, its export reads back the same. */
static void
test_hostile_text_round_trip (void)
{
  static const char *hostile[] = {
    "Vertical\vtab, form\ffeed, escape \x1b, bell \x07, delete \x7f, C1 \xc2\x85",
    "]]> <![CDATA[ & &amp; <b> \"double\" 'single' \\ back",
    "\xe2\x80\x8f\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d RTL \xe2\x80\xae mark \xe2\x80\xac",
    "Emoji \xf0\x9f\x98\x80 \xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2 and U+FFFD \xef\xbf\xbd",
    "Line\r\nbreaks\nand\ttabs",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArStore) again = ar_test_store_new ();
  g_autoptr(ArRecord) school = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  ar_test_add_area (store, "855", "Leicestershire");
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(ArRecord) record = g_object_new (AR_TYPE_SCHOOL, NULL);

      ar_record_set_text (record, "name", hostile[i]);
      ar_record_set_text (record, "notes", hostile[i]);
      ar_store_save (store, record, &error);
      g_assert_no_error (error);
    }

  first = ar_test_export (store);
  ar_register_json_import (again, first, -1, "first.json", FALSE, &error);
  g_assert_no_error (error);
  second = ar_test_export (again);
  g_assert_cmpstr (first, ==, second);

  school = ar_store_find (again, AR_TYPE_SCHOOL, "name", hostile[3], &error);
  g_assert_no_error (error);
  g_assert_nonnull (school);
  g_assert_cmpstr (ar_record_get_text (school, "notes"), ==, hostile[3]);
}

/* A pair of escaped surrogates is one character, as JSON means it. */
static void
test_surrogate_pair (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArRecord) area = NULL;

  ar_register_json_import (store, HEAD "\"areas\": [{\"id\": 1, \"code\": \"855\", "
                           "\"name\": \"\\ud83d\\ude00 \\u00e9\\/\"}]}", -1, "pair.json", FALSE, &error);
  g_assert_no_error (error);
  area = ar_store_get (store, AR_TYPE_AREA, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ar_record_get_text (area, "name"), ==, "\xf0\x9f\x98\x80 \xc3\xa9/");
}

/* The schema shows a role unless told otherwise; so does the file format. */
static void
test_role_shown_by_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArRecord) tsa = NULL;
  g_autoptr(ArRecord) mat = NULL;

  ar_register_json_import (store, HEAD "\"roles\": [{\"id\": 1, \"code\": \"TSA\", \"title\": \"T\"}, "
                           "{\"id\": 2, \"code\": \"MAT\", \"title\": \"M\", \"in_summary\": false}]}",
                           -1, "roles.json", FALSE, &error);
  g_assert_no_error (error);
  tsa = ar_store_find (store, AR_TYPE_ROLE, "code", "TSA", &error);
  mat = ar_store_find (store, AR_TYPE_ROLE, "code", "MAT", &error);
  g_assert_no_error (error);
  g_assert_true (ar_record_get_boolean (tsa, "in_summary"));
  g_assert_false (ar_record_get_boolean (mat, "in_summary"));
}

static void
test_missing_roles_get_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();

  ar_register_json_import (store, HEAD "\"areas\": [{\"id\": 4, \"code\": \"855\", \"name\": \"L\"}]}",
                           -1, "areas-only.json", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_ROLE), ==, 11);
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
  g_test_add_func ("/ar/register-json/refuses-deep-nesting", test_refuses_deep_nesting);
  g_test_add_func ("/ar/register-json/hostile-text-round-trip", test_hostile_text_round_trip);
  g_test_add_func ("/ar/register-json/surrogate-pair", test_surrogate_pair);
  g_test_add_func ("/ar/register-json/role-shown-by-default", test_role_shown_by_default);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ar/register-json/refuses/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }

  return g_test_run ();
}
