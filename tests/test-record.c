/* test-record.c: records check their own fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-record-private.h"
#include "ar-test-util.h"

typedef struct
{
  const char *name;
  GType     (*get_type) (void);
  const char *field;
  const char *value;
  const char *message;   /* NULL: valid */
} FieldCase;

static const FieldCase field_cases[] = {
  { "urn-six-digits", ar_school_get_type, "urn", "123456", NULL },
  { "urn-with-letter", ar_school_get_type, "urn", "12A456", "URN: “12A456” is not six digits" },
  { "urn-too-short", ar_school_get_type, "urn", "12345", "URN: “12345” is not six digits" },
  { "urn-blank-is-none", ar_school_get_type, "urn", "   ", NULL },
  { "date-iso", ar_school_get_type, "open_date", "2024-02-29", NULL },
  { "date-not-leap", ar_school_get_type, "open_date", "2023-02-29", "Opened: “2023-02-29” is an impossible date" },
  /* each part of the date read where it stands */
  { "date-year-zero", ar_school_get_type, "open_date", "0000-01-01", "Opened: “0000-01-01” is an impossible date" },
  { "date-month-13", ar_school_get_type, "open_date", "2020-13-01", "Opened: “2020-13-01” is an impossible date" },
  { "date-day-zero", ar_school_get_type, "open_date", "2020-01-00", "Opened: “2020-01-00” is an impossible date" },
  { "date-april-31", ar_school_get_type, "open_date", "2021-04-31", "Opened: “2021-04-31” is an impossible date" },
  { "date-leap-1600", ar_school_get_type, "open_date", "1600-02-29", NULL },
  { "date-not-leap-1900", ar_school_get_type, "open_date", "1900-02-29", "Opened: “1900-02-29” is an impossible date" },
  { "date-last-day", ar_school_get_type, "open_date", "9999-12-31", NULL },
  { "date-british", ar_school_get_type, "open_date", "01/09/2020", "Opened: “01/09/2020” is not a date in the form YYYY-MM-DD" },
  { "choice-known", ar_school_get_type, "status", "closed", NULL },
  { "choice-unknown", ar_school_get_type, "status", "shut", "Status: “shut” is not one of open, closed, open-proposed-to-close, proposed-to-open" },
  { "area-code", ar_area_get_type, "code", "85", "Code: “85” is not a three-digit local authority code" },
  { "email", ar_person_get_type, "email", "head.at.school", "Email: “head.at.school” is not an email address" },
  { "role-code", ar_role_get_type, "code", "ABC", "Code: “ABC” is not a known role (TSA, MAT, NLE, NSS, NLG, LLE, SLE, LP, DHAH, SUP, DEP)" },
  { "designation-role", ar_designation_get_type, "role", "NSS", "Role: “NSS” is not a role given to people (NLE, NLG, LLE, SLE, LP, DHAH)" },
  { "leads-on", ar_alliance_member_get_type, "leads_on", "research, cooking", "Leads on: “cooking” is not one of" },
};

/* A record of the type with every required field filled in. */
static ArRecord *
valid_record (GType type)
{
  ArRecord *record = g_object_new (type, NULL);
  guint n_fields;
  const ArField *fields = ar_record_get_fields (record, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      if (!(fields[i].flags & AR_FIELD_FLAG_REQUIRED))
        continue;
      if (fields[i].type == AR_FIELD_LINK)
        ar_record_set_integer (record, fields[i].name, 1);
      else if (fields[i].type == AR_FIELD_CHOICE)
        ar_record_set_text (record, fields[i].name, fields[i].choices[0]);
      else
        ar_record_set_text (record, fields[i].name, "x");
    }

  if (type == AR_TYPE_AREA)
    ar_record_set_text (record, "code", "855");
  if (type == AR_TYPE_ROLE)
    ar_record_set_text (record, "code", "NLE");
  if (type == AR_TYPE_DESIGNATION)
    ar_record_set_text (record, "role", "NLE");
  if (type == AR_TYPE_ALLIANCE_MEMBER)
    ar_record_set_integer (record, "school_id", 1);
  if (type == AR_TYPE_DEPLOYMENT)
    ar_record_set_integer (record, "supporter_school_id", 2);

  return record;
}

static void
test_field (gconstpointer data)
{
  const FieldCase *field_case = data;
  g_autoptr(ArRecord) record = valid_record (field_case->get_type ());
  g_autoptr(GError) error = NULL;

  g_assert_true (ar_record_validate (record, NULL));
  ar_record_set_text (record, field_case->field, field_case->value);

  if (field_case->message == NULL)
    {
      ar_record_validate (record, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_assert_false (ar_record_validate (record, &error));
      g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, field_case->message))
        g_error ("“%s” does not start with “%s”", error->message, field_case->message);
    }
}

static void
test_every_type_requires_its_fields (void)
{
  guint n_types;
  const GType *types = ar_record_types (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(ArRecord) empty = g_object_new (types[t], NULL);
      g_autoptr(ArRecord) valid = valid_record (types[t]);
      g_autoptr(GError) error = NULL;

      g_assert_false (ar_record_validate (empty, &error));
      g_assert_true (g_str_has_suffix (error->message, "is required"));
      g_assert_true (ar_record_validate (valid, NULL));
    }
}

static void
test_dates_in_order (void)
{
  g_autoptr(ArRecord) designation = valid_record (AR_TYPE_DESIGNATION);
  g_autoptr(GError) error = NULL;

  ar_record_set_text (designation, "starts_on", "2021-09-01");
  ar_record_set_text (designation, "ends_on", "2021-09-01");
  g_assert_true (ar_record_validate (designation, NULL));

  ar_record_set_text (designation, "ends_on", "2020-01-01");
  g_assert_false (ar_record_validate (designation, &error));
  g_assert_cmpstr (error->message, ==, "Ends (2020-01-01) is before Starts (2021-09-01)");
}

static void
test_member_is_school_or_partner (void)
{
  g_autoptr(ArRecord) member = valid_record (AR_TYPE_ALLIANCE_MEMBER);

  g_assert_true (ar_record_validate (member, NULL));
  ar_record_set_integer (member, "organisation_id", 3);
  g_assert_false (ar_record_validate (member, NULL));
  ar_record_set_integer (member, "school_id", 0);
  g_assert_true (ar_record_validate (member, NULL));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_properties_notify_on_change (void)
{
  g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());
  g_autofree char *name = NULL;
  guint notified = 0;

  g_signal_connect (school, "notify::name", G_CALLBACK (count_notify), &notified);
  ar_record_set_text (school, "name", "  Brook Primary ");
  ar_record_set_text (school, "name", "Brook Primary");
  g_assert_cmpuint (notified, ==, 1);

  /* the field is a real property, for expressions and bindings */
  g_object_get (school, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "Brook Primary");
  g_object_set (school, "name", "Brook Juniors", NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (ar_record_get_text (school, "name"), ==, "Brook Juniors");
}

/* Text is compared with what is stored in place: a prefix of it, or it
 * with more after, is a change; blank is no value; a record's own value
 * set again is none. */
static void
test_set_text_compares_whole_values (void)
{
  g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());
  guint notified = 0;

  g_signal_connect (school, "notify::town", G_CALLBACK (count_notify), &notified);
  ar_record_set_text (school, "town", "Melton Mowbray");
  ar_record_set_text (school, "town", " Melton");
  g_assert_cmpstr (ar_record_get_text (school, "town"), ==, "Melton");
  ar_record_set_text (school, "town", "Melton\t");
  g_assert_cmpuint (notified, ==, 2);
  ar_record_set_text (school, "town", "Melton Mowbray");
  g_assert_cmpstr (ar_record_get_text (school, "town"), ==, "Melton Mowbray");
  ar_record_set_value (school, ar_record_class_field_index (AR_RECORD_GET_CLASS (school), "town"),
                       ar_record_peek_value (school, ar_record_class_field_index (AR_RECORD_GET_CLASS (school), "town")));
  g_assert_cmpuint (notified, ==, 3);
  ar_record_set_text (school, "town", " \t ");
  g_assert_null (ar_record_get_text (school, "town"));
  ar_record_set_text (school, "town", NULL);
  ar_record_set_text (school, "town", "");
  g_assert_cmpuint (notified, ==, 4);
}

static void
test_copy_and_equal (void)
{
  g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());
  g_autoptr(ArRecord) copy = NULL;

  ar_record_set_id (school, 7);
  ar_record_set_text (school, "name", "Brook Primary");
  ar_record_set_integer (school, "area_id", 3);
  copy = ar_record_copy (school);

  g_assert_true (ar_record_equal (school, copy));
  ar_record_set_text (copy, "town", "Brookby");
  g_assert_false (ar_record_equal (school, copy));
  g_assert_null (ar_record_get_text (school, "town"));
  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
test_search_key (void)
{
  g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());

  ar_record_set_text (school, "name", "École Sainte-Anne");
  ar_record_set_text (school, "urn", "123456");
  g_assert_nonnull (strstr (ar_record_get_search_key (school), "école"));
  g_assert_nonnull (strstr (ar_record_get_search_key (school), "123456"));

  /* changes show in the key */
  ar_record_set_text (school, "postcode", "LE1 9ZZ");
  g_assert_nonnull (strstr (ar_record_get_search_key (school), "le1 9zz"));
}

/* Keys fold case whether the text is plain ASCII (folded in place) or
 * not, and whole: nothing is cut at a field's end. */
static void
test_keys_fold_case (void)
{
  g_autoptr(ArRecord) plain = AR_RECORD (ar_school_new ());
  g_autoptr(ArRecord) accented = AR_RECORD (ar_school_new ());
  ArRecordClass *klass = AR_RECORD_GET_CLASS (plain);
  int name = ar_record_class_field_index (klass, "name");
  int town = ar_record_class_field_index (klass, "town");

  ar_record_set_text (plain, "name", "Abbey Road PRIMARY");
  ar_record_set_text (plain, "town", "Leicester");
  g_assert_cmpstr (ar_record_get_sort_key (plain, name), ==, "abbey road primary");
  g_assert_cmpstr (ar_record_get_text (plain, "name"), ==, "Abbey Road PRIMARY");
  g_assert_nonnull (strstr (ar_record_get_search_key (plain), "abbey road primary"));
  g_assert_nonnull (strstr (ar_record_get_search_key (plain), "leicester"));
  g_assert_null (strstr (ar_record_get_search_key (plain), "L"));

  ar_record_set_text (accented, "name", "ÉCOLE Ÿ");
  g_assert_cmpstr (ar_record_get_sort_key (accented, name), ==, "école ÿ");
  g_assert_cmpstr (ar_record_get_sort_key (accented, town), ==, "");
  g_assert_cmpstr (ar_record_get_search_key (accented), ==, "école ÿ");
}

/* A record filled again for the next row (as the GIAS importer fills
 * one for every new school) is as one just made: nothing of the last
 * row is left, not even what was worked out from it. */
static void
test_reset (void)
{
  g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());
  g_autoptr(ArRecord) fresh = AR_RECORD (ar_school_new ());
  g_autoptr(GError) error = NULL;
  int name = ar_record_class_field_index (AR_RECORD_GET_CLASS (school), "name");

  ar_record_set_id (school, 7);
  ar_record_set_text (school, "name", "Abbey Road");
  ar_record_set_text (school, "urn", "12345");
  ar_record_set_integer (school, "area_id", 3);
  ar_record_set_text (school, "status", "open");
  g_assert_cmpstr (ar_record_get_sort_key (school, name), ==, "abbey road");
  g_assert_nonnull (strstr (ar_record_get_search_key (school), "abbey road"));
  g_assert_false (ar_record_validate (school, &error));
  g_assert_cmpint (ar_record_get_invalid_field (school), >=, 0);
  g_clear_error (&error);

  ar_record_reset (school);
  g_assert_cmpint (ar_record_get_id (school), ==, 0);
  g_assert_cmpint (ar_record_get_invalid_field (school), ==, -1);
  for (guint i = 0; i < AR_RECORD_GET_CLASS (school)->n_fields; i++)
    g_assert_true (ar_record_field_equal (school, fresh, i));
  g_assert_cmpstr (ar_record_get_sort_key (school, name), ==, "");
  g_assert_cmpstr (ar_record_get_search_key (school), ==, ar_record_get_search_key (fresh));

  ar_record_set_text (school, "name", "Barrowden");
  g_assert_cmpstr (ar_record_get_sort_key (school, name), ==, "barrowden");
  g_assert_true (ar_record_validate (school, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ar/record/field/%s", field_cases[i].name);

      g_test_add_data_func (path, &field_cases[i], test_field);
    }
  g_test_add_func ("/ar/record/every-type-requires-its-fields", test_every_type_requires_its_fields);
  g_test_add_func ("/ar/record/dates-in-order", test_dates_in_order);
  g_test_add_func ("/ar/record/member-is-school-or-partner", test_member_is_school_or_partner);
  g_test_add_func ("/ar/record/properties-notify-on-change", test_properties_notify_on_change);
  g_test_add_func ("/ar/record/set-text-compares-whole-values", test_set_text_compares_whole_values);
  g_test_add_func ("/ar/record/copy-and-equal", test_copy_and_equal);
  g_test_add_func ("/ar/record/search-key", test_search_key);
  g_test_add_func ("/ar/record/keys-fold-case", test_keys_fold_case);
  g_test_add_func ("/ar/record/reset", test_reset);

  return g_test_run ();
}
