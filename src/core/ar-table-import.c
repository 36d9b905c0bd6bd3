/* ar-table-import.c: a coordinator's spreadsheet into the register
 *
 * A sheet of leaders (name, school or URN, role, specialism, designated
 * date, email, phone) becomes people and their designations. Each column
 * is given a meaning, guessed from its header (in English, and as our own
 * list export writes it, so an export comes back unchanged) and changed
 * by the user; then every row is planned (added, updated, unchanged or
 * refused, and why) before anything is written, and the plan is written
 * in one transaction.
 *
 * Matching:
 * - a school by URN, else by its exact name (ignoring case) when only one
 *   school has it; an organisation by name likewise;
 * - a person by email (ignoring case), else by name and school; two rows
 *   of the file that describe one person make one person;
 * - a designation by person, role and start date; a row without a start
 *   date matches any designation of that role the person holds.
 * Empty cells never clear what the register holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-table-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ar-alliance.h"
#include "ar-alliance-member.h"
#include "ar-area.h"
#include "ar-designation.h"
#include "ar-organisation.h"
#include "ar-person.h"
#include "ar-record-table.h"
#include "ar-role.h"
#include "ar-school.h"
#include "ar-table-date.h"
#include "ar-table-import.h"
#include "ar-table-import-private.h"

static const char *name_headers[] = { "name", "full name", "leader", "leader name", "person", "names", NULL };
static const char *first_name_headers[] = { "first name", "forename", "forenames", "given name", "firstname", NULL };
static const char *last_name_headers[] = { "surname", "last name", "family name", "lastname", NULL };
static const char *email_headers[] = { "email", "e mail", "email address", "e mail address", NULL };
static const char *phone_headers[] = { "phone", "telephone", "tel", "phone number", "telephone number", "mobile", NULL };
static const char *job_title_headers[] = { "job title", "job", "position", "post", NULL };
static const char *school_headers[] = { "school", "school name", "home school", "base school", "establishment", "establishment name", NULL };
static const char *urn_headers[] = { "urn", "school urn", "unique reference number", NULL };
static const char *organisation_headers[] = { "organisation", "organization", "employer", NULL };
static const char *role_headers[] = { "role", "designation", "leadership role", NULL };
static const char *designations_headers[] = { "designations", "roles", NULL };
static const char *specialisms_headers[] = { "specialism", "specialisms", "specialist area", "subject", "area of expertise", NULL };
static const char *starts_headers[] = { "designated", "designated on", "date designated", "designation date", "start date", "starts", "start", "from", "date of designation", NULL };
static const char *ends_headers[] = { "ends", "end date", "ended", "until", "expires", "expiry date", NULL };
static const char *notes_headers[] = { "notes", "note", "comments", "comment", NULL };

static const ArTableField people_fields[] = {
  { "name", N_("Name"), name_headers },
  { "first_name", N_("First name"), first_name_headers },
  { "last_name", N_("Surname"), last_name_headers },
  { "email", N_("Email"), email_headers },
  { "phone", N_("Phone"), phone_headers },
  { "job_title", N_("Job title"), job_title_headers },
  { "school", N_("School"), school_headers },
  { "urn", N_("URN"), urn_headers },
  { "organisation", N_("Organisation"), organisation_headers },
  { "role", N_("Role"), role_headers },
  { "designations", N_("Designations"), designations_headers },
  { "specialisms", N_("Specialisms"), specialisms_headers },
  { "starts_on", N_("Designated"), starts_headers },
  { "ends_on", N_("Ends"), ends_headers },
  { "notes", N_("Notes"), notes_headers },
};

struct _ArTableImport
{
  GObject        parent_instance;

  ArStore       *store;
  ArTableReader *reader;
  ArTableKind    kind;
  GPtrArray     *column_fields;   /* of const char *, NULL: not imported */
  GArray        *plan;            /* of PlanRow */
  GHashTable    *written_types;   /* while committing: GTypes saved */
};

G_DEFINE_FINAL_TYPE (ArTableImport, ar_table_import, G_TYPE_OBJECT)

static void
plan_row_clear (gpointer data)
{
  PlanRow *row = data;

  g_free (row->message);
  g_free (row->name);
  g_clear_pointer (&row->writes, g_array_unref);
}

static void
plan_write_clear (gpointer data)
{
  PlanWrite *write = data;

  g_clear_object (&write->record);
  g_clear_object (&write->parent);
}

/* @parent: (nullable): a record written before @record, whose id
 * @record's @link takes when the plan is written */
void
ar_table_import_add_write (PlanRow    *row,
                           ArRecord   *record,
                           ArRecord   *parent,
                           const char *link)
{
  PlanWrite write = { g_object_ref (record), parent ? g_object_ref (parent) : NULL, link };

  if (row->writes == NULL)
    {
      row->writes = g_array_new (FALSE, TRUE, sizeof (PlanWrite));
      g_array_set_clear_func (row->writes, plan_write_clear);
    }
  g_array_append_val (row->writes, write);
}

void
ar_table_import_append (PlanRow    *row,
                        const char *text)
{
  char *with = g_strconcat (row->message, text, NULL);

  g_free (row->message);
  row->message = with;
}

static void
ar_table_import_finalize (GObject *object)
{
  ArTableImport *self = AR_TABLE_IMPORT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->reader);
  g_ptr_array_unref (self->column_fields);
  g_clear_pointer (&self->plan, g_array_unref);

  G_OBJECT_CLASS (ar_table_import_parent_class)->finalize (object);
}

static void
ar_table_import_class_init (ArTableImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ar_table_import_finalize;
}

static void
ar_table_import_init (ArTableImport *self)
{
  self->column_fields = g_ptr_array_new ();
}

/**
 * ar_table_fields:
 * @n_fields: (out): how many there are
 *
 * Returns: what the columns of a sheet of @kind can mean
 */
const ArTableField *
ar_table_fields (ArTableKind  kind,
                 guint       *n_fields)
{
  switch (kind)
    {
    case AR_TABLE_KIND_ALLIANCES:
      *n_fields = ar_table_n_alliance_fields;
      return ar_table_alliance_fields;

    case AR_TABLE_KIND_SCHOOLS:
      *n_fields = ar_table_n_school_fields;
      return ar_table_school_fields;

    case AR_TABLE_KIND_PEOPLE:
    default:
      *n_fields = G_N_ELEMENTS (people_fields);
      return people_fields;
    }
}

static const char * const kind_names[] = { "people", "alliances", "schools" };

gboolean
ar_table_kind_from_name (const char  *name,
                         ArTableKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = (ArTableKind) i;
        return TRUE;
      }

  return FALSE;
}

const char *
ar_table_kind_to_name (ArTableKind kind)
{
  return kind < G_N_ELEMENTS (kind_names) ? kind_names[kind] : kind_names[0];
}

static const ArTableField *
find_field (ArTableKind  kind,
            const char  *id)
{
  guint n_fields;
  const ArTableField *fields = ar_table_fields (kind, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].id, id) == 0)
      return &fields[i];

  return NULL;
}

/* "E-mail address:", "Specialism(s)" → "e mail address", "specialisms" */
static char *
normalise_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_str_has_prefix (p, "(s)"))
        {
          g_string_append_c (out, 's');
          p += 2;
        }
      else if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          space = FALSE;
        }
      else
        space = TRUE;
    }

  return g_string_free (out, FALSE);
}

static const ArTableField *
guess_field (ArTableKind  kind,
             const char  *header)
{
  g_autofree char *normal = normalise_header (header);
  guint n_fields;
  const ArTableField *fields = ar_table_fields (kind, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (g_strv_contains (fields[i].headers, normal))
      return &fields[i];

  return NULL;
}

/**
 * ar_table_import_dup_headers_key:
 *
 * Returns: (transfer full): what identifies the file's layout, for
 *   remembering its columns' meanings: the kind and a hash of the
 *   normalised header row, the same for "E-mail" and "email"
 */
char *
ar_table_import_dup_headers_key (ArTableImport *self)
{
  g_autoptr(GString) headers = g_string_new (NULL);
  g_autofree char *hash = NULL;

  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), NULL);

  for (guint i = 0; i < self->column_fields->len; i++)
    {
      g_autofree char *normal = normalise_header (ar_table_reader_get_header (self->reader, i));

      g_string_append_printf (headers, "%s\n", normal);
    }
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, headers->str, headers->len);

  return g_strdup_printf ("%s:%s", ar_table_kind_to_name (self->kind), hash);
}

/**
 * ar_table_import_new:
 *
 * Returns: (transfer full): an import of @reader's sheet into @store, its
 *   columns' meanings guessed from their headers (each meaning taken by
 *   the first column that has it)
 */
ArTableImport *
ar_table_import_new (ArStore       *store,
                     ArTableReader *reader,
                     ArTableKind    kind)
{
  ArTableImport *self;
  guint n_columns;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);
  g_return_val_if_fail (AR_IS_TABLE_READER (reader), NULL);

  self = g_object_new (AR_TYPE_TABLE_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->reader = g_object_ref (reader);
  self->kind = kind;

  n_columns = ar_table_reader_get_n_columns (reader);
  for (guint i = 0; i < n_columns; i++)
    {
      const ArTableField *field = guess_field (kind, ar_table_reader_get_header (reader, i));
      gboolean taken = FALSE;

      for (guint k = 0; field != NULL && k < i; k++)
        taken |= g_strcmp0 (self->column_fields->pdata[k], field->id) == 0;
      g_ptr_array_add (self->column_fields, field && !taken ? (gpointer) field->id : NULL);
    }

  return self;
}

guint
ar_table_import_get_n_columns (ArTableImport *self)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), 0);

  return self->column_fields->len;
}

/**
 * ar_table_import_get_column_field:
 *
 * Returns: (nullable): the id of the field @column fills, or %NULL when
 *   it is not imported
 */
const char *
ar_table_import_get_column_field (ArTableImport *self,
                                  guint          column)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->column_fields->len, NULL);

  return self->column_fields->pdata[column];
}

/**
 * ar_table_import_set_column_field:
 * @field_id: (nullable): a field of the kind, or %NULL to leave @column out
 *
 * Gives @column its meaning; a column that had the same one loses it.
 *
 * Returns: %FALSE when @field_id is not a field of the kind
 */
gboolean
ar_table_import_set_column_field (ArTableImport *self,
                                  guint          column,
                                  const char    *field_id)
{
  const ArTableField *field = NULL;

  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), FALSE);
  g_return_val_if_fail (column < self->column_fields->len, FALSE);

  if (field_id != NULL && (field = find_field (self->kind, field_id)) == NULL)
    return FALSE;

  for (guint i = 0; field != NULL && i < self->column_fields->len; i++)
    if (g_strcmp0 (self->column_fields->pdata[i], field->id) == 0)
      self->column_fields->pdata[i] = NULL;
  self->column_fields->pdata[column] = field ? (gpointer) field->id : NULL;
  g_clear_pointer (&self->plan, g_array_unref);

  return TRUE;
}

/**
 * ar_table_import_map_header:
 * @header: a column's header, as in the file (or its number, from 1)
 * @field_id: a field of the kind, or "" to leave the column out
 *
 * Gives the column with @header its meaning, as `--map` asks.
 */
gboolean
ar_table_import_map_header (ArTableImport  *self,
                            const char     *header,
                            const char     *field_id,
                            GError        **error)
{
  guint n_columns = self->column_fields->len;
  guint64 number;

  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), FALSE);

  for (guint i = 0; i < n_columns; i++)
    if (strcmp (ar_table_reader_get_header (self->reader, i), header) == 0 ||
        (g_ascii_string_to_unsigned (header, 10, 1, n_columns, &number, NULL) && number == i + 1))
      {
        if (!ar_table_import_set_column_field (self, i, field_id[0] ? field_id : NULL))
          {
            g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                         _("“%s” is not something a column can hold here"), field_id);
            return FALSE;
          }
        return TRUE;
      }

  g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
               _("%s has no column “%s”"), ar_table_reader_get_source_name (self->reader), header);
  return FALSE;
}

/* The cell of @row for @field_id, or "" when no column holds it. */
const char *
ar_table_import_cell (ArTableImport *self,
                      guint          row,
                      const char    *field_id)
{
  for (guint i = 0; i < self->column_fields->len; i++)
    if (g_strcmp0 (self->column_fields->pdata[i], field_id) == 0)
      return ar_table_reader_get_cell (self->reader, row, i);

  return "";
}

gboolean
ar_table_import_has_column (ArTableImport *self,
                            const char    *field_id)
{
  for (guint i = 0; i < self->column_fields->len; i++)
    if (g_strcmp0 (self->column_fields->pdata[i], field_id) == 0)
      return TRUE;

  return FALSE;
}

static void
lookups_clear (Lookups *lookups)
{
  g_clear_pointer (&lookups->schools_by_urn, g_hash_table_unref);
  g_clear_pointer (&lookups->schools_by_name, g_hash_table_unref);
  g_clear_pointer (&lookups->organisations, g_hash_table_unref);
  g_clear_pointer (&lookups->people_by_email, g_hash_table_unref);
  g_clear_pointer (&lookups->people_by_key, g_hash_table_unref);
  g_clear_pointer (&lookups->designations, g_hash_table_unref);
  g_clear_pointer (&lookups->roles, g_hash_table_unref);
  g_clear_pointer (&lookups->people_roles, g_hash_table_unref);
  g_clear_pointer (&lookups->areas, g_hash_table_unref);
  g_clear_pointer (&lookups->alliances, g_hash_table_unref);
  g_clear_pointer (&lookups->memberships, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lookups, lookups_clear)

char *
ar_table_import_fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normal ? normal : text, -1);
}

static void
add_to_list (GHashTable *table,
             char       *key,
             ArRecord   *record)
{
  GPtrArray *list;

  list = g_hash_table_lookup (table, key);
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (table, key, list);
    }
  else
    g_free (key);
  g_ptr_array_add (list, g_object_ref (record));
}

static void
add_by_name (GHashTable *table,
             ArRecord   *record)
{
  const char *name = ar_record_get_text (record, "name");

  if (name != NULL)
    add_to_list (table, ar_table_import_fold (name), record);
}

static char *
person_key (const char *name,
            gint64      school_id)
{
  g_autofree char *folded = ar_table_import_fold (name);

  return g_strdup_printf ("%s|%" G_GINT64_FORMAT, folded, school_id);
}

static char *
designation_key (gint64      person_id,
                 const char *role,
                 const char *starts_on)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s", person_id, role, starts_on ? starts_on : "");
}

/* "National Leader of Education (NLE)" → also "national leader of education" */
static void
add_role_names (GHashTable *roles,
                const char *code,
                const char *title)
{
  g_hash_table_insert (roles, ar_table_import_fold (code), g_strdup (code));
  if (title != NULL)
    {
      g_autofree char *plain = g_strdup (title);
      char *bracket = strrchr (plain, '(');

      g_hash_table_insert (roles, ar_table_import_fold (title), g_strdup (code));
      if (bracket != NULL)
        {
          *bracket = '\0';
          g_hash_table_insert (roles, ar_table_import_fold (g_strstrip (plain)), g_strdup (code));
        }
    }
}

static gboolean
load_lookups (ArTableImport  *self,
              Lookups        *lookups,
              GError        **error)
{
  g_autoptr(GListModel) schools = ar_store_list (self->store, AR_TYPE_SCHOOL, error);
  g_autoptr(GListModel) organisations = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) designations = NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(GListModel) areas = NULL;
  g_autoptr(GListModel) alliances = NULL;
  g_autoptr(GListModel) members = NULL;

  if (schools == NULL)
    return FALSE;
  organisations = ar_store_list (self->store, AR_TYPE_ORGANISATION, error);
  if (organisations == NULL)
    return FALSE;
  people = ar_store_list (self->store, AR_TYPE_PERSON, error);
  if (people == NULL)
    return FALSE;
  designations = ar_store_list (self->store, AR_TYPE_DESIGNATION, error);
  if (designations == NULL)
    return FALSE;
  roles = ar_store_list (self->store, AR_TYPE_ROLE, error);
  if (roles == NULL)
    return FALSE;
  areas = ar_store_list (self->store, AR_TYPE_AREA, error);
  if (areas == NULL)
    return FALSE;
  alliances = ar_store_list (self->store, AR_TYPE_ALLIANCE, error);
  if (alliances == NULL)
    return FALSE;
  members = ar_store_list (self->store, AR_TYPE_ALLIANCE_MEMBER, error);
  if (members == NULL)
    return FALSE;

  lookups->schools_by_urn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  lookups->schools_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  lookups->organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  lookups->people_by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  lookups->people_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  lookups->designations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lookups->people_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lookups->roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookups->areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  lookups->alliances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  lookups->memberships = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ArRecord) stored = g_list_model_get_item (schools, i);
      g_autoptr(ArRecord) school = ar_record_copy (stored);
      const char *urn = ar_record_get_text (school, "urn");

      if (urn != NULL)
        g_hash_table_insert (lookups->schools_by_urn, g_strdup (urn), g_object_ref (school));
      add_by_name (lookups->schools_by_name, school);
    }

  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr(ArRecord) stored = g_list_model_get_item (organisations, i);
      g_autoptr(ArRecord) organisation = ar_record_copy (stored);

      add_by_name (lookups->organisations, organisation);
    }

  /* working copies: a plan changes them, the register only on commit */
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ArRecord) stored = g_list_model_get_item (people, i);
      g_autoptr(ArRecord) person = ar_record_copy (stored);
      const char *email = ar_record_get_text (person, "email");

      if (email != NULL)
        g_hash_table_insert (lookups->people_by_email, ar_table_import_fold (email), g_object_ref (person));
      g_hash_table_insert (lookups->people_by_key,
                           person_key (ar_record_get_text (person, "name"),
                                       ar_record_get_integer (person, "school_id")),
                           g_object_ref (person));
    }

  for (guint i = 0; i < g_list_model_get_n_items (designations); i++)
    {
      g_autoptr(ArRecord) designation = g_list_model_get_item (designations, i);
      gint64 person_id = ar_record_get_integer (designation, "person_id");
      const char *role = ar_record_get_text (designation, "role");

      g_hash_table_add (lookups->designations,
                        designation_key (person_id, role, ar_record_get_text (designation, "starts_on")));
      g_hash_table_add (lookups->people_roles, designation_key (person_id, role, NULL));
    }

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(ArRecord) area = g_list_model_get_item (areas, i);
      const char *code = ar_record_get_text (area, "code");
      const char *name = ar_record_get_text (area, "name");

      if (name != NULL)
        g_hash_table_insert (lookups->areas, ar_table_import_fold (name), g_object_ref (area));
      if (code != NULL)
        g_hash_table_insert (lookups->areas, ar_table_import_fold (code), g_object_ref (area));
    }

  for (guint i = 0; i < g_list_model_get_n_items (alliances); i++)
    {
      g_autoptr(ArRecord) stored = g_list_model_get_item (alliances, i);
      g_autoptr(ArRecord) alliance = ar_record_copy (stored);

      add_by_name (lookups->alliances, alliance);
    }

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(ArRecord) stored = g_list_model_get_item (members, i);
      g_autoptr(ArRecord) member = ar_record_copy (stored);

      add_to_list (lookups->memberships,
                   g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                                    ar_record_get_integer (member, "alliance_id"),
                                    ar_record_get_integer (member, "school_id"),
                                    ar_record_get_integer (member, "organisation_id")),
                   member);
    }

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(ArRecord) role = g_list_model_get_item (roles, i);

      add_role_names (lookups->roles, ar_record_get_text (role, "code"), ar_record_get_text (role, "title"));
    }
  /* what people write for the two roles with long names */
  g_hash_table_insert (lookups->roles, ar_table_import_fold ("deputy head"), g_strdup ("DHAH"));
  g_hash_table_insert (lookups->roles, ar_table_import_fold ("assistant head"), g_strdup ("DHAH"));
  g_hash_table_insert (lookups->roles, ar_table_import_fold ("deputy or assistant head"), g_strdup ("DHAH"));
  g_hash_table_insert (lookups->roles, ar_table_import_fold ("DH/AH"), g_strdup ("DHAH"));
  g_hash_table_insert (lookups->roles, ar_table_import_fold ("lead practitioner"), g_strdup ("LP"));

  return TRUE;
}

/* One record of @table named @name, or why not. */
ArRecord *
ar_table_import_find_by_name (GHashTable  *table,
                              const char  *name,
                              const char  *what,
                              char       **problem)
{
  g_autofree char *key = ar_table_import_fold (name);
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    *problem = g_strdup_printf (_("no %s called “%s” is in the register"), what, name);
  else if (list->len > 1)
    *problem = g_strdup_printf (_("%u records are called “%s”; give the URN to say which"), list->len, name);
  else
    return list->pdata[0];

  return NULL;
}

/* A date cell as the register stores it, or why not; a day-first
 * reading that could have been another day is said in @notes. */
gboolean
ar_table_import_read_date (const char  *text,
                           const char  *label,
                           char       **iso,
                           GString     *notes,
                           char       **problem)
{
  g_autofree char *why = NULL;
  GDate date;
  char buffer[16];

  *iso = NULL;
  if (text[0] == '\0')
    return TRUE;

  switch (ar_table_date_parse (text, &date, &why))
    {
    case AR_TABLE_DATE_INVALID:
      *problem = why ? g_strdup_printf ("%s: %s", label, why)
                     : g_strdup_printf (_("%s: “%s” is not a date"), label, text);
      return FALSE;

    case AR_TABLE_DATE_DAY_FIRST:
    case AR_TABLE_DATE_SERIAL:
      g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
      g_string_append_printf (notes, _("; %s “%s” read as %s"), label, text, buffer);
      break;

    case AR_TABLE_DATE_CERTAIN:
    default:
      g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
      break;
    }

  *iso = g_strdup (buffer);
  return TRUE;
}

/**
 * ar_table_import_read_choice:
 * @choice: (out): one of @choices, or %NULL for an empty cell
 *
 * A choice as stored ("open-proposed-to-close") or as the lists show it
 * ("Open, proposed to close"), in any capitals.
 */
gboolean
ar_table_import_read_choice (const char          *text,
                             const char          *label,
                             const char * const  *choices,
                             const char         **choice,
                             char               **problem)
{
  g_autofree char *folded = ar_table_import_fold (text);
  g_autoptr(GString) words = g_string_new (NULL);

  *choice = NULL;
  if (text[0] == '\0')
    return TRUE;

  for (guint i = 0; choices[i] != NULL; i++)
    {
      g_autofree char *value = ar_table_import_fold (choices[i]);
      g_autofree char *shown = ar_table_import_fold (ar_choice_label (choices[i]));

      if (strcmp (folded, value) == 0 || strcmp (folded, shown) == 0)
        {
          *choice = choices[i];
          return TRUE;
        }
      g_string_append_printf (words, "%s%s", i ? ", " : "", ar_choice_label (choices[i]));
    }

  *problem = g_strdup_printf (_("%s: “%s” is not one of: %s"), label, text, words->str);
  return FALSE;
}

/* "NLE, SLE (Mathematics; Science)" as our list export writes it, or one
 * role: each as a code with its specialisms. */
static gboolean
read_roles (Lookups     *lookups,
            const char  *text,
            GPtrArray   *codes,
            GPtrArray   *specialisms,
            char       **problem)
{
  g_autoptr(GString) item = g_string_new (NULL);
  int depth = 0;

  for (const char *p = text;; p++)
    {
      if (*p == '\0' || (depth == 0 && (*p == ',' || *p == ';')))
        {
          g_autofree char *entry = g_strstrip (g_strdup (item->str));
          char *bracket = strchr (entry, '(');
          g_autofree char *detail = NULL;
          g_autofree char *key = NULL;
          const char *code;

          if (bracket != NULL && g_str_has_suffix (entry, ")"))
            {
              entry[strlen (entry) - 1] = '\0';
              detail = g_strstrip (g_strdup (bracket + 1));
              *bracket = '\0';
              g_strstrip (entry);
            }

          if (entry[0] != '\0')
            {
              key = ar_table_import_fold (entry);
              code = g_hash_table_lookup (lookups->roles, key);
              if (code == NULL)
                {
                  *problem = g_strdup_printf (_("Role: “%s” is not a role given to people (NLE, NLG, LLE, SLE, LP, DHAH)"),
                                              entry);
                  return FALSE;
                }
              g_ptr_array_add (codes, g_strdup (code));
              g_ptr_array_add (specialisms, g_steal_pointer (&detail));
            }

          g_string_truncate (item, 0);
          if (*p == '\0')
            break;
          continue;
        }

      depth += *p == '(';
      depth -= *p == ')' && depth > 0;
      g_string_append_c (item, *p);
    }

  return TRUE;
}

/* Sets @field of @person to @value when the cell says something else
 * (an email in other capitals is the same email); says so in @changes. */
void
ar_table_import_update_field (ArRecord   *person,
                              const char *field,
                              const char *label,
                              const char *value,
                              GString    *changes)
{
  const char *held = ar_record_get_text (person, field);

  if (value == NULL || value[0] == '\0' || g_strcmp0 (held, value) == 0)
    return;
  if (held != NULL && strcmp (field, "email") == 0)
    {
      g_autofree char *held_folded = ar_table_import_fold (held);
      g_autofree char *value_folded = ar_table_import_fold (value);

      if (strcmp (held_folded, value_folded) == 0)
        return;
    }

  ar_record_set_text (person, field, value);
  g_string_append_printf (changes, "%s%s", changes->len ? ", " : "", _(label));
}

void
ar_table_import_update_link (ArRecord   *person,
                             const char *field,
                             const char *label,
                             ArRecord   *linked,
                             GString    *changes)
{
  if (linked == NULL || ar_record_get_integer (person, field) == ar_record_get_id (linked))
    return;

  ar_record_set_integer (person, field, ar_record_get_id (linked));
  g_string_append_printf (changes, "%s%s", changes->len ? ", " : "", _(label));
}

void
ar_table_import_refuse (PlanRow *row,
                        char    *problem)
{
  row->action = AR_TABLE_ROW_REFUSE;
  g_free (row->message);
  row->message = problem;
  g_clear_pointer (&row->writes, g_array_unref);
}

static void
plan_person_row (ArTableImport *self,
                 Lookups       *lookups,
                 PlanState     *state,
                 guint          index,
                 PlanRow       *row)
{
  GHashTable *new_people = state->new_records;
  GHashTable *planned_designations = state->planned;
  g_autofree char *name = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) specialisms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *email = ar_table_import_cell (self, index, "email");
  const char *urn = ar_table_import_cell (self, index, "urn");
  const char *school_name = ar_table_import_cell (self, index, "school");
  const char *organisation_name = ar_table_import_cell (self, index, "organisation");
  ArRecord *school = NULL;
  ArRecord *organisation = NULL;
  ArRecord *person = NULL;
  gboolean created_here = FALSE;
  guint added = 0;

  name = g_strdup (ar_table_import_cell (self, index, "name"));
  if (name[0] == '\0')
    {
      g_free (name);
      name = g_strstrip (g_strjoin (" ", ar_table_import_cell (self, index, "first_name"), ar_table_import_cell (self, index, "last_name"), NULL));
    }
  if (name[0] == '\0')
    return ar_table_import_refuse (row, g_strdup (_("Name: the row has no name")));
  row->name = g_strdup (name);

  if (urn[0] != '\0')
    {
      school = g_hash_table_lookup (lookups->schools_by_urn, urn);
      if (school == NULL)
        return ar_table_import_refuse (row, g_strdup_printf (_("URN: no school with URN “%s” is in the register; import its GIAS data first"), urn));
    }
  else if (school_name[0] != '\0' &&
           (school = ar_table_import_find_by_name (lookups->schools_by_name, school_name, _("school"), &problem)) == NULL)
    return ar_table_import_refuse (row, g_strdup_printf (_("School: %s"), problem));

  if (organisation_name[0] != '\0' &&
      (organisation = ar_table_import_find_by_name (lookups->organisations, organisation_name, _("organisation"), &problem)) == NULL)
    return ar_table_import_refuse (row, g_strdup_printf (_("Organisation: %s"), problem));

  if (!read_roles (lookups, ar_table_import_cell (self, index, "role"), codes, specialisms, &problem) ||
      !read_roles (lookups, ar_table_import_cell (self, index, "designations"), codes, specialisms, &problem))
    return ar_table_import_refuse (row, g_steal_pointer (&problem));
  if (!ar_table_import_read_date (ar_table_import_cell (self, index, "starts_on"), _("Designated"), &starts_on, notes, &problem) ||
      !ar_table_import_read_date (ar_table_import_cell (self, index, "ends_on"), _("Ends"), &ends_on, notes, &problem))
    return ar_table_import_refuse (row, g_steal_pointer (&problem));

  /* the person: by email, else by name and school; this file's new
   * people first, so two rows make one person */
  key = person_key (name, school ? ar_record_get_id (school) : 0);
  if (email[0] != '\0')
    {
      g_autofree char *folded = ar_table_import_fold (email);
      g_autofree char *email_key = g_strconcat ("@", folded, NULL);

      person = g_hash_table_lookup (new_people, email_key);
      if (person == NULL)
        person = g_hash_table_lookup (lookups->people_by_email, folded);
    }
  if (person == NULL)
    person = g_hash_table_lookup (new_people, key);
  if (person == NULL)
    person = g_hash_table_lookup (lookups->people_by_key, key);

  if (person == NULL)
    {
      person = g_object_new (AR_TYPE_PERSON, NULL);
      ar_record_set_text (person, "name", name);
      g_hash_table_insert (new_people, g_strdup (key), person);
      if (email[0] != '\0')
        {
          g_autofree char *folded = ar_table_import_fold (email);

          g_hash_table_insert (new_people, g_strconcat ("@", folded, NULL), g_object_ref (person));
        }
      created_here = TRUE;
    }

  ar_table_import_update_field (person, "email", N_("email"), email, changes);
  ar_table_import_update_field (person, "phone", N_("phone"), ar_table_import_cell (self, index, "phone"), changes);
  ar_table_import_update_field (person, "job_title", N_("job title"), ar_table_import_cell (self, index, "job_title"), changes);
  ar_table_import_update_field (person, "notes", N_("notes"), ar_table_import_cell (self, index, "notes"), changes);
  ar_table_import_update_link (person, "school_id", N_("school"), school, changes);
  ar_table_import_update_link (person, "organisation_id", N_("organisation"), organisation, changes);

  if (!ar_record_validate (person, &error))
    return ar_table_import_refuse (row, g_strdup (error->message));

  ar_table_import_add_write (row, person, NULL, NULL);

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = codes->pdata[i];
      const char *detail = specialisms->pdata[i] ? specialisms->pdata[i] : ar_table_import_cell (self, index, "specialisms");
      gint64 person_id = ar_record_get_id (person);
      g_autofree char *exact = designation_key (person_id, code, starts_on);
      g_autofree char *any = designation_key (person_id, code, NULL);
      g_autoptr(ArRecord) designation = NULL;

      g_autofree char *planned = g_strdup_printf ("%p|%s|%s", (void *) person, code, starts_on ? starts_on : "");

      /* already held (this file may not say since when), or already
       * planned by an earlier row */
      if (person_id != 0 &&
          (g_hash_table_contains (lookups->designations, exact) ||
           (starts_on == NULL && g_hash_table_contains (lookups->people_roles, any))))
        continue;
      if (!g_hash_table_add (planned_designations, g_steal_pointer (&planned)))
        continue;

      designation = g_object_new (AR_TYPE_DESIGNATION, NULL);
      /* the person may not be written yet: any id passes validation, the
       * real one is set when the plan is written */
      ar_record_set_integer (designation, "person_id", person_id != 0 ? person_id : G_MAXINT32);
      ar_record_set_text (designation, "role", code);
      ar_record_set_text (designation, "specialisms", detail[0] ? detail : NULL);
      ar_record_set_text (designation, "starts_on", starts_on);
      ar_record_set_text (designation, "ends_on", ends_on);
      if (!ar_record_validate (designation, &error))
        return ar_table_import_refuse (row, g_strdup (error->message));
      ar_record_set_integer (designation, "person_id", person_id);
      ar_table_import_add_write (row, designation, person, "person_id");
      g_ptr_array_add (roles, g_strdup (code));
      added++;
    }

  if (created_here)
    {
      row->action = AR_TABLE_ROW_ADD;
      row->message = g_strdup_printf (_("adds %s"), name);
    }
  else if (changes->len > 0 || added > 0)
    {
      row->action = AR_TABLE_ROW_UPDATE;
      row->message = changes->len
        ? g_strdup_printf (_("updates %s: %s"), name, changes->str)
        : g_strdup_printf (_("updates %s"), name);
    }
  else
    {
      row->action = AR_TABLE_ROW_UNCHANGED;
      row->message = g_strdup_printf (_("%s is already in the register"), name);
    }

  if (added > 0)
    {
      g_autofree char *list = NULL;
      char *with;

      g_ptr_array_add (roles, NULL);
      list = g_strjoinv (", ", (char **) roles->pdata);
      with = g_strdup_printf (_("%s, with %s"), row->message, list);
      g_free (row->message);
      row->message = with;
    }

  if (notes->len > 0)
    ar_table_import_append (row, notes->str);
}

/**
 * ar_table_import_plan:
 *
 * Works out what each row will do, reading the register but writing
 * nothing. Refuses a sheet in which no column has a meaning, or no
 * column gives names.
 */
static gboolean
plan_rows (ArTableImport  *self,
           GCancellable   *cancellable,
           GError        **error)
{
  g_auto(Lookups) lookups = { NULL, };
  g_autoptr(GHashTable) new_records = NULL;
  g_autoptr(GHashTable) planned = NULL;
  PlanState state;
  guint n_rows;
  gboolean any = FALSE;

  for (guint i = 0; i < self->column_fields->len; i++)
    any |= self->column_fields->pdata[i] != NULL;
  if (!any)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s: no column has a heading this import knows"),
                   ar_table_reader_get_source_name (self->reader));
      return FALSE;
    }
  if (!ar_table_import_has_column (self, "name") &&
      !(self->kind == AR_TABLE_KIND_PEOPLE &&
        (ar_table_import_has_column (self, "first_name") || ar_table_import_has_column (self, "last_name"))) &&
      !(self->kind == AR_TABLE_KIND_SCHOOLS && ar_table_import_has_column (self, "urn")))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s: no column holds names"),
                   ar_table_reader_get_source_name (self->reader));
      return FALSE;
    }

  if (!load_lookups (self, &lookups, error))
    return FALSE;

  g_clear_pointer (&self->plan, g_array_unref);
  n_rows = ar_table_reader_get_n_rows (self->reader);
  self->plan = g_array_sized_new (FALSE, TRUE, sizeof (PlanRow), n_rows);
  g_array_set_clear_func (self->plan, plan_row_clear);
  g_array_set_size (self->plan, n_rows);
  new_records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.new_records = new_records;
  state.planned = planned;

  for (guint i = 0; i < n_rows; i++)
    {
      PlanRow *row = &g_array_index (self->plan, PlanRow, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_clear_pointer (&self->plan, g_array_unref);
          return FALSE;
        }

      switch (self->kind)
        {
        case AR_TABLE_KIND_ALLIANCES:
          ar_table_import_plan_alliance (self, &lookups, &state, i, row);
          break;

        case AR_TABLE_KIND_SCHOOLS:
          ar_table_import_plan_school (self, &lookups, &state, i, row);
          break;

        case AR_TABLE_KIND_PEOPLE:
        default:
          plan_person_row (self, &lookups, &state, i, row);
          break;
        }
    }

  return TRUE;
}

gboolean
ar_table_import_plan (ArTableImport  *self,
                      GError        **error)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), FALSE);

  return plan_rows (self, NULL, error);
}

/* What a worker plans with: the columns' meanings as they were asked */
typedef struct
{
  char          *path;
  ArTableReader *reader;
  ArTableKind    kind;
  GPtrArray     *column_fields;
  GArray        *plan;
} PlanTask;

static void
plan_task_free (gpointer data)
{
  PlanTask *task = data;

  g_free (task->path);
  g_clear_object (&task->reader);
  g_ptr_array_unref (task->column_fields);
  g_clear_pointer (&task->plan, g_array_unref);
  g_free (task);
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PlanTask *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArTableImport) worker = NULL;

  /* one connection per thread: the worker opens its own, only to read */
  store = ar_store_open_read_only (data->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  worker = ar_table_import_new (store, data->reader, data->kind);
  for (guint i = 0; i < data->column_fields->len; i++)
    worker->column_fields->pdata[i] = data->column_fields->pdata[i];
  if (!plan_rows (worker, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->plan = g_steal_pointer (&worker->plan);
  g_task_return_boolean (task, TRUE);
}

/**
 * ar_table_import_plan_async:
 *
 * Plans as ar_table_import_plan() does, in a worker thread with its own
 * connection to the register, so a window stays responsive over a big
 * sheet. Changing a column's meaning meanwhile makes the result stale:
 * finishing then says it was cancelled and installs nothing.
 */
void
ar_table_import_plan_async (ArTableImport       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PlanTask *data;

  g_return_if_fail (AR_IS_TABLE_IMPORT (self));
  g_return_if_fail (ar_store_get_path (self->store) != NULL);

  data = g_new0 (PlanTask, 1);
  data->path = g_strdup (ar_store_get_path (self->store));
  data->reader = g_object_ref (self->reader);
  data->kind = self->kind;
  data->column_fields = g_ptr_array_copy (self->column_fields, NULL, NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ar_table_import_plan_async);
  g_task_set_task_data (task, data, plan_task_free);
  g_task_run_in_thread (task, plan_thread);
}

gboolean
ar_table_import_plan_finish (ArTableImport  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  PlanTask *data;

  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  for (guint i = 0; i < self->column_fields->len; i++)
    if (self->column_fields->pdata[i] != data->column_fields->pdata[i])
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The columns changed while the rows were checked"));
        return FALSE;
      }

  g_clear_pointer (&self->plan, g_array_unref);
  self->plan = g_steal_pointer (&data->plan);

  return TRUE;
}

guint
ar_table_import_get_n_rows (ArTableImport *self)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), 0);

  return self->plan ? self->plan->len : 0;
}

ArTableRowAction
ar_table_import_get_row_action (ArTableImport *self,
                                guint          row)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), AR_TABLE_ROW_REFUSE);
  g_return_val_if_fail (self->plan != NULL && row < self->plan->len, AR_TABLE_ROW_REFUSE);

  return g_array_index (self->plan, PlanRow, row).action;
}

const char *
ar_table_import_get_row_message (ArTableImport *self,
                                 guint          row)
{
  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), NULL);
  g_return_val_if_fail (self->plan != NULL && row < self->plan->len, NULL);

  return g_array_index (self->plan, PlanRow, row).message;
}

guint
ar_table_import_count (ArTableImport    *self,
                       ArTableRowAction  action)
{
  guint count = 0;

  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), 0);

  for (guint i = 0; self->plan != NULL && i < self->plan->len; i++)
    count += g_array_index (self->plan, PlanRow, i).action == action;

  return count;
}

static gboolean
write_plan (ArStore   *store,
            gpointer   user_data,
            GError   **error)
{
  ArTableImport *self = user_data;

  for (guint i = 0; i < self->plan->len; i++)
    {
      PlanRow *row = &g_array_index (self->plan, PlanRow, i);

      if (row->action == AR_TABLE_ROW_REFUSE || row->action == AR_TABLE_ROW_UNCHANGED)
        continue;

      for (guint k = 0; row->writes != NULL && k < row->writes->len; k++)
        {
          PlanWrite *write = &g_array_index (row->writes, PlanWrite, k);

          if (write->parent != NULL)
            ar_record_set_integer (write->record, write->link, ar_record_get_id (write->parent));
          if (!ar_store_save (store, write->record, error))
            {
              g_prefix_error (error, _("%s, line %u (“%s”): "), ar_table_reader_get_source_name (self->reader),
                              ar_table_reader_get_line (self->reader, i), row->name ? row->name : "");
              return FALSE;
            }
          g_hash_table_add (self->written_types, GSIZE_TO_POINTER (G_OBJECT_TYPE (write->record)));
        }
    }

  return TRUE;
}

/**
 * ar_table_import_commit:
 *
 * Writes the plan (planning first if it is not made) in one transaction:
 * every row that is not refused, or nothing at all.
 */
gboolean
ar_table_import_commit (ArTableImport  *self,
                        GError        **error)
{
  g_autoptr(GHashTable) written_types = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer type;
  gboolean ok;

  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), FALSE);

  if (self->plan == NULL && !ar_table_import_plan (self, error))
    return FALSE;

  /* one bad row stops the whole file: what the user sees in the
   * register is the file, or what was there before */
  for (guint i = 0; i < self->plan->len; i++)
    {
      PlanRow *row = &g_array_index (self->plan, PlanRow, i);
      guint refused = ar_table_import_count (self, AR_TABLE_ROW_REFUSE);
      g_autofree char *more = NULL;

      if (row->action != AR_TABLE_ROW_REFUSE)
        continue;
      if (refused > 1)
        more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " (and %u more row refused)",
                                             " (and %u more rows refused)", refused - 1),
                                refused - 1);
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                   _("%s, line %u%s%s%s: %s; nothing was imported%s"),
                   ar_table_reader_get_source_name (self->reader),
                   ar_table_reader_get_line (self->reader, i),
                   row->name ? " (“" : "", row->name ? row->name : "", row->name ? "”)" : "",
                   row->message, more ? more : "");
      return FALSE;
    }

  self->written_types = written_types;
  ok = ar_store_write_from (self->store, "import-table",
                            (const char * const[]) { ar_table_reader_get_source_name (self->reader), NULL },
                            write_plan, self, error);
  /* a failed transaction leaves ids on records that were never written */
  g_clear_pointer (&self->plan, g_array_unref);
  self->written_types = NULL;
  g_hash_table_iter_init (&iter, written_types);
  while (ok && g_hash_table_iter_next (&iter, &type, NULL))
    ar_store_emit_changed (self->store, GPOINTER_TO_SIZE (type));

  return ok;
}

/**
 * ar_table_import_to_text:
 *
 * Returns: (transfer full): the plan as a report: counts, then each row
 *   that is not unchanged with its line and what it does
 */
char *
ar_table_import_to_text (ArTableImport *self)
{
  GString *text = g_string_new (NULL);
  const char *source = ar_table_reader_get_source_name (self->reader);

  g_return_val_if_fail (AR_IS_TABLE_IMPORT (self), NULL);

  g_string_append_printf (text, _("%s: %u added, %u updated, %u unchanged, %u refused\n"), source,
                          ar_table_import_count (self, AR_TABLE_ROW_ADD),
                          ar_table_import_count (self, AR_TABLE_ROW_UPDATE),
                          ar_table_import_count (self, AR_TABLE_ROW_UNCHANGED),
                          ar_table_import_count (self, AR_TABLE_ROW_REFUSE));

  for (guint i = 0; self->plan != NULL && i < self->plan->len; i++)
    {
      PlanRow *row = &g_array_index (self->plan, PlanRow, i);

      if (row->action == AR_TABLE_ROW_UNCHANGED)
        continue;
      g_string_append_printf (text, row->action == AR_TABLE_ROW_REFUSE ? _("  line %u: refused: %s\n")
                                                                       : _("  line %u: %s\n"),
                              ar_table_reader_get_line (self->reader, i), row->message);
    }

  return g_string_free (text, FALSE);
}
