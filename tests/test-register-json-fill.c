/* test-register-json-fill.c: an import fills its emptied tables in
 * batches as saving record by record would
 *
 * A JSON import writes its records with an ArStoreFill: checked against
 * hashes of what the tables hold and written many rows to a statement
 * (issue 15). Each document here is imported twice, into two registers
 * alike: once that way and once with ar_store_save() for each record, as
 * before. The exported registers, change history included, must be the
 * same, and so must the message for a refused file, which names the
 * file, the record and the field; a refused file leaves the register as
 * it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-register-json-private.h"
#include "ar-store-private.h"
#include "ar-test-util.h"

#define BOM "\xef\xbb\xbf"

/* The sample register as a file, its history included */
static char *
sample_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) sample = ar_store_open_sample (&error);
  char *text;

  g_assert_no_error (error);
  text = ar_register_json_export_with_history (sample, TRUE, &error);
  g_assert_no_error (error);

  return text;
}

/* The register with its history, when and by whom masked */
static char *
export_masked (ArStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) varying = g_regex_new ("\"(at|user)\" : \"[^\"]*\"", 0, 0, NULL);
  g_autofree char *exported = ar_register_json_export_with_history (store, TRUE, &error);
  char *masked;

  g_assert_no_error (error);
  masked = g_regex_replace (varying, exported, -1, 0, "\"\\1\" : \"*\"", 0, &error);
  g_assert_no_error (error);

  return masked;
}

/* Where @field's value starts in the record of @array with @id */
static const char *
find_value (const char *text,
            const char *array,
            gint64      id,
            const char *field)
{
  g_autofree char *array_key = g_strdup_printf ("\"%s\" : [", array);
  g_autofree char *id_key = g_strdup_printf ("\"id\" : %" G_GINT64_FORMAT ",\n", id);
  g_autofree char *field_key = g_strdup_printf ("\"%s\" : ", field);
  const char *p = strstr (text, array_key);

  g_assert_nonnull (p);
  p = strstr (p, id_key);
  g_assert_nonnull (p);
  p = strstr (p, field_key);
  g_assert_nonnull (p);

  return p + strlen (field_key);
}

/* @text with @field of the record of @array with @id set to @json */
static char *
twist (const char *text,
       const char *array,
       gint64      id,
       const char *field,
       const char *json)
{
  const char *value = find_value (text, array, id, field);
  const char *end = value + strcspn (value, ",\n");

  return g_strdup_printf ("%.*s%s%s", (int) (value - text), text, json, end);
}

/* @text with @field of one record set to what another record has */
static char *
twist_same_as (const char *text,
               const char *array,
               gint64      id,
               const char *field,
               gint64      other_id)
{
  const char *value = find_value (text, array, other_id, field);
  g_autofree char *json = g_strndup (value, strcspn (value, ",\n"));

  return twist (text, array, id, field, json);
}

/* Imports @document into @store: its export afterwards, or the message
 * after "ERROR: ", having checked that nothing changed. */
static char *
import_result (ArStore    *store,
               const char *document,
               gboolean    replace,
               gboolean    one_by_one)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export_masked (store);
  gboolean ok;

  ar_register_json_set_one_by_one (one_by_one);
  ok = ar_register_json_import (store, document, -1, "twisted.json", replace, &error);
  ar_register_json_set_one_by_one (FALSE);

  if (!ok)
    {
      g_autofree char *after = export_masked (store);

      g_assert_cmpstr (after, ==, before);
      return g_strdup_printf ("ERROR: %s", error->message);
    }
  g_assert_no_error (error);

  return export_masked (store);
}

/* @document imported both ways, into a new register or into one that
 * holds @first and is replaced, gives the same; returns it. */
static char *
assert_same_both_ways (const char *document,
                       const char *first)
{
  g_autoptr(ArStore) filled = ar_test_store_new ();
  g_autoptr(ArStore) saved = ar_test_store_new ();
  g_autofree char *from_fill = NULL;
  g_autofree char *from_saves = NULL;

  if (first != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (ar_register_json_import (filled, first, -1, "first.json", FALSE, &error));
      g_assert_no_error (error);
      g_assert_true (ar_register_json_import (saved, first, -1, "first.json", FALSE, &error));
      g_assert_no_error (error);
    }

  from_fill = import_result (filled, document, first != NULL, FALSE);
  from_saves = import_result (saved, document, first != NULL, TRUE);
  g_assert_cmpstr (from_fill, ==, from_saves);

  return g_steal_pointer (&from_fill);
}

/* The sample comes in the same both ways, read the quick way or the
 * checked way (a byte order mark), new or replacing itself, when the
 * history follows the ids it emptied. */
static void
test_sample (void)
{
  g_autofree char *text = sample_text ();
  g_autofree char *with_bom = g_strconcat (BOM, text, NULL);
  g_autofree char *plain = assert_same_both_ways (text, NULL);
  g_autofree char *checked = assert_same_both_ways (with_bom, NULL);
  g_autofree char *replaced = assert_same_both_ways (text, text);
  g_autofree char *renamed = twist (text, "schools", 90, "name", "\"Renamed School\"");
  g_autofree char *renamed_over = assert_same_both_ways (renamed, text);

  g_assert_cmpstr (checked, ==, plain);
  g_assert_nonnull (strstr (plain, "\"Ashby Parva College\""));
  g_assert_nonnull (strstr (renamed_over, "\"Renamed School\""));
  g_assert_nonnull (strstr (renamed_over, "\"updated\""));
}

/* A file refused by the register's checks: the same message both ways,
 * with the file, the record and the field. */
static void
assert_refused (const char *document,
                const char *expected)
{
  g_autofree char *with_bom = g_strconcat (BOM, document, NULL);
  g_autofree char *result = assert_same_both_ways (document, NULL);
  g_autofree char *checked = assert_same_both_ways (with_bom, NULL);

  if (strstr (result, expected) == NULL)
    g_error ("expected “%s” in “%s”", expected, result);
  g_assert_true (g_str_has_prefix (result, "ERROR: twisted.json: "));
  g_assert_cmpstr (checked, ==, result);
}

static void
test_refused (void)
{
  g_autofree char *text = sample_text ();
  struct {
    char *document;
    const char *expected;
  } cases[] = {
    /* a URN used in a batch already written, and in the one waiting */
    { twist_same_as (text, "schools", 80, "urn", 3), "schools[79] (id 80): field “urn”: URN " },
    { twist_same_as (text, "schools", 70, "urn", 66), "schools[69] (id 70): field “urn”: URN " },
    { twist_same_as (text, "schools", 95, "urn", 94), "schools[94] (id 95): field “urn”: URN " },
    /* SQLite compares an area's name without case */
    { twist (text, "areas", 3, "name", "\"LEICESTERSHIRE\""),
      "areas[2] (id 3): field “name”: Name LEICESTERSHIRE is already used by " },
    /* links to nothing, in each kind of link */
    { twist (text, "schools", 70, "area_id", "9"), "schools[69] (id 70): field “area_id”: Area: there is no " },
    { twist (text, "alliances", 2, "lead_school_id", "999"), "alliances[1] (id 2): field “lead_school_id”: " },
    { twist (text, "alliance_members", 30, "alliance_id", "99"), "alliance_members[29] (id 30): field “alliance_id”: " },
    { twist (text, "designations", 60, "role", "\"ZZZ\""), "designations[59] (id 60): field “role”: " },
    { twist (text, "deployments", 5, "school_id", "999"), "deployments[4] (id 5): field “school_id”: " },
    { twist (text, "people", 10, "school_id", "999"), "people[9] (id 10): field “school_id”: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_refused (cases[i].document, cases[i].expected);
      g_free (cases[i].document);
    }
}

/* Many roles, of which the twelfth has a code no role has: refused as
 * the saves refused it, with the rows before it in a batch. */
static void
test_unknown_role_code (void)
{
  GString *document = g_string_new ("{\"format\": \"alliance-register\", \"version\": 2, \"roles\": [");
  static const char * const codes[] = { "TSA", "MAT", "NLE", "NSS", "NLG", "LLE", "SLE", "LP", "DHAH", "SUP", "DEP" };
  g_autofree char *text = NULL;

  for (guint i = 1; i <= 70; i++)
    {
      g_autofree char *code = i <= G_N_ELEMENTS (codes) ? g_strdup (codes[i - 1]) : g_strdup_printf ("X%u", i);

      g_string_append_printf (document, "%s{\"id\": %u, \"code\": \"%s\", \"title\": \"Role %u\"}",
                              i > 1 ? ", " : "", i, code, i);
    }
  g_string_append (document, "]}");
  text = g_string_free (document, FALSE);

  assert_refused (text, "twisted.json: roles[11] (id 12): field “code”: Code: “X12” is not a known role");
}

typedef struct
{
  GPtrArray *schools;
  ArRecord  *refused;
  guint      written;
} FillData;

static gboolean
fill_schools (ArStore   *store,
              gpointer   user_data,
              GError   **error)
{
  FillData *data = user_data;
  g_autoptr(ArStoreFill) fill = ar_store_fill_new (store, TRUE, error);
  gboolean ok = TRUE;

  g_assert_nonnull (fill);
  for (guint i = 0; i < data->schools->len && ok; i++)
    ok = ar_store_fill_add (fill, g_ptr_array_index (data->schools, i), &data->refused, error);
  if (ok)
    ok = ar_store_fill_flush (fill, &data->refused, error);
  data->written = ar_store_count (store, AR_TYPE_SCHOOL);

  return ok;
}

/* What only SQLite refuses (a record the caller said was valid, with a
 * status the table's CHECK does not know) fails the batch's statement:
 * the rows go again one by one up to the one refused, which the fill
 * names, as saving them one by one would have stopped there. */
static void
test_refused_by_sqlite (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  FillData data = { g_ptr_array_new_with_free_func (g_object_unref), NULL, 0 };

  for (guint i = 1; i <= 100; i++)
    {
      ArRecord *school = g_object_new (AR_TYPE_SCHOOL, NULL);
      g_autofree char *name = g_strdup_printf ("School %u", i);

      ar_record_set_id (school, i + 10);
      ar_record_set_text (school, "name", name);
      ar_record_set_text (school, "status", i == 50 ? "bogus" : "open");
      g_ptr_array_add (data.schools, school);
    }

  g_assert_false (ar_store_write (store, fill_schools, &data, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "CHECK constraint failed"));
  /* the batch's copy of the fiftieth, as it was taken */
  g_assert_nonnull (data.refused);
  g_assert_cmpint (ar_record_get_id (data.refused), ==, 60);
  g_assert_cmpstr (ar_record_get_text (data.refused, "name"), ==, "School 50");
  g_assert_cmpstr (ar_record_get_text (data.refused, "status"), ==, "bogus");
  g_assert_cmpuint (data.written, ==, 49);
  g_assert_true (ar_store_is_empty (store));

  g_clear_object (&data.refused);
  g_ptr_array_unref (data.schools);
}

/* Many areas with no problem, then one whose name only SQLite's
 * collation finds taken, in the batch still waiting. */
static void
test_many_areas (void)
{
  GString *document = g_string_new ("{\"format\": \"alliance-register\", \"version\": 2, \"areas\" : [");
  g_autofree char *text = NULL;
  g_autofree char *good = NULL;
  g_autofree char *taken = NULL;

  /* ids neither in order nor from 1 */
  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (document, "%s{\n\"id\" : %u,\n\"code\" : \"%u\",\n\"name\" : \"Area %u\"\n}",
                            i > 1 ? ", " : "", (i * 37) % 1000 + 1, 100 + i, i);
  g_string_append (document, "]}");
  text = g_string_free (document, FALSE);

  good = assert_same_both_ways (text, NULL);
  g_assert_nonnull (strstr (good, "\"Area 150\""));

  taken = twist (text, "areas", (140 * 37) % 1000 + 1, "name", "\"AREA 131\"");
  assert_refused (taken, "twisted.json: areas[139] (id 181): field “name”: Name AREA 131 is already used by ");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/register-json-fill/sample", test_sample);
  g_test_add_func ("/ar/register-json-fill/refused", test_refused);
  g_test_add_func ("/ar/register-json-fill/unknown-role-code", test_unknown_role_code);
  g_test_add_func ("/ar/register-json-fill/refused-by-sqlite", test_refused_by_sqlite);
  g_test_add_func ("/ar/register-json-fill/many-areas", test_many_areas);

  return g_test_run ();
}
