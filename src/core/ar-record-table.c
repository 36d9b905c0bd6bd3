/* ar-record-table.c: records as rows of text, as the lists show them
 *
 * A column is a field as it is (text, a choice's words, a linked record's
 * name) or a value worked out from other records (a school's trust, a
 * trust's academies, a person's designations, an alliance's members).
 * Those are worked out once per load, for every record at once, rather
 * than per cell. The window's lists and the command line's `list` read
 * their cells here, so both show the same thing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-record-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ar-core.h"
#include "ar-record-table.h"
#include "ar-xlsx-writer.h"

struct _ArRecordTable
{
  GObject             parent_instance;

  GType               record_type;
  const ArColumnSpec *columns;
  guint               n_columns;
  /* linked records' names and derived values, by table then record id */
  GHashTable         *lookups;
  /* for records with no area of their own: the link to a school whose
   * area they are in, and each school's area id (by school id) */
  const char         *area_link;
  GHashTable         *school_areas;
};

G_DEFINE_FINAL_TYPE (ArRecordTable, ar_record_table, G_TYPE_OBJECT)

static void
ar_record_table_finalize (GObject *object)
{
  ArRecordTable *self = AR_RECORD_TABLE (object);

  g_hash_table_unref (self->lookups);
  g_clear_pointer (&self->school_areas, g_hash_table_unref);

  G_OBJECT_CLASS (ar_record_table_parent_class)->finalize (object);
}

static void
ar_record_table_class_init (ArRecordTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ar_record_table_finalize;
}

static void
ar_record_table_init (ArRecordTable *self)
{
  self->lookups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
}

/**
 * ar_record_table_new:
 * @columns: (array length=n_columns): kept, not copied: a static table
 *
 * Returns: (transfer full): a table with nothing loaded yet
 */
ArRecordTable *
ar_record_table_new (GType               record_type,
                     const ArColumnSpec *columns,
                     guint               n_columns)
{
  ArRecordTable *self = g_object_new (AR_TYPE_RECORD_TABLE, NULL);

  self->record_type = record_type;
  self->columns = columns;
  self->n_columns = n_columns;

  return self;
}

/**
 * ar_record_table_find_column:
 *
 * Returns: the first column of that kind, or -1
 */
int
ar_record_table_find_column (ArRecordTable *self,
                             ArColumnKind   kind)
{
  g_return_val_if_fail (AR_IS_RECORD_TABLE (self), -1);

  for (guint c = 0; c < self->n_columns; c++)
    if (self->columns[c].kind == kind)
      return c;

  return -1;
}

/**
 * ar_record_table_set_area_link:
 * @link_field: (nullable): a link to a school, such as a deployment's
 *   `school_id`
 *
 * Records without an area of their own are in the area of the school this
 * link names, for ar_record_table_select().
 */
void
ar_record_table_set_area_link (ArRecordTable *self,
                               const char    *link_field)
{
  g_return_if_fail (AR_IS_RECORD_TABLE (self));

  self->area_link = g_intern_string (link_field);
}

/**
 * ar_choice_label:
 *
 * Returns: the words people read for a stored choice, such as
 *   "Open, proposed to close" for `open-proposed-to-close`
 */
const char *
ar_choice_label (const char *choice)
{
  static const struct { const char *choice; const char *label; } labels[] = {
    { "open", N_("Open") },
    { "closed", N_("Closed") },
    { "open-proposed-to-close", N_("Open, proposed to close") },
    { "proposed-to-open", N_("Proposed to open") },
    { "university", N_("University") },
    { "local-authority", N_("Local authority") },
    { "diocese", N_("Diocese") },
    { "academy-chain", N_("Academy chain") },
    { "private-sector", N_("Private sector") },
    { "other", N_("Other") },
    { "teaching-school", N_("Teaching school") },
    { "strategic-partner", N_("Strategic partner") },
    { "supported-school", N_("Supported school") },
    { "member", N_("Member") },
    { "mat", N_("Multi-academy trust") },
    { "sat", N_("Single-academy trust") },
    { "planned", N_("Planned") },
    { "active", N_("Active") },
    { "completed", N_("Completed") },
    { "stopped-early", N_("Stopped early") },
    { "department", N_("Department for Education") },
    { "alliance", N_("Alliance") },
    { AR_DEPLOYMENT_KIND_SCHOOL, N_("School-to-school") },
  };

  if (choice == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_str_equal (labels[i].choice, choice))
        return _(labels[i].label);
    }

  return choice;

}

static GHashTable *
lookup_table (ArRecordTable *self,
              const char       *name)
{
  GHashTable *table = g_hash_table_lookup (self->lookups, name);

  if (table == NULL)
    {
      table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (self->lookups, g_strdup (name), table);
    }

  return table;
}

static void
lookup_set (GHashTable *table,
            gint64      id,
            char       *text)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  g_hash_table_replace (table, key, text);
}

static const char *
lookup_get (ArRecordTable *self,
            const char       *name,
            gint64            id)
{
  GHashTable *table = g_hash_table_lookup (self->lookups, name);

  return table ? g_hash_table_lookup (table, &id) : NULL;
}

/* A deployment's supporter and kind of support: through a designation,
 * the leader's name and role; otherwise the supporting school's name and
 * school-to-school. */
static void
build_deployment_lookups (ArRecordTable *self,
                          ArStore       *store)
{
  g_autoptr(GListModel) deployments = ar_store_list (store, AR_TYPE_DEPLOYMENT, NULL);
  g_autoptr(GListModel) designations = ar_store_list (store, AR_TYPE_DESIGNATION, NULL);
  g_autoptr(GListModel) people = ar_store_list (store, AR_TYPE_PERSON, NULL);
  g_autoptr(GListModel) schools = ar_store_list (store, AR_TYPE_SCHOOL, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) school_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  GHashTable *supporters = lookup_table (self, "supporter");
  GHashTable *kinds = lookup_table (self, "kind");

  for (guint i = 0; people && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ArRecord) person = g_list_model_get_item (people, i);
      lookup_set (names, ar_record_get_id (person), ar_record_describe (person));
    }
  for (guint i = 0; schools && i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ArRecord) school = g_list_model_get_item (schools, i);
      lookup_set (school_names, ar_record_get_id (school), ar_record_describe (school));
    }
  for (guint i = 0; designations && i < g_list_model_get_n_items (designations); i++)
    {
      ArRecord *designation = g_list_model_get_item (designations, i);
      gint64 *key = g_new (gint64, 1);

      *key = ar_record_get_id (designation);
      g_hash_table_replace (by_id, key, designation);
    }

  for (guint i = 0; deployments && i < g_list_model_get_n_items (deployments); i++)
    {
      g_autoptr(ArRecord) deployment = g_list_model_get_item (deployments, i);
      gint64 id = ar_record_get_id (deployment);
      gint64 designation_id = ar_record_get_integer (deployment, "supporter_designation_id");
      gint64 school_id = ar_record_get_integer (deployment, "supporter_school_id");
      ArRecord *designation = g_hash_table_lookup (by_id, &designation_id);

      if (designation != NULL)
        {
          gint64 person_id = ar_record_get_integer (designation, "person_id");

          lookup_set (supporters, id, g_strdup (g_hash_table_lookup (names, &person_id)));
          lookup_set (kinds, id, g_strdup (ar_record_get_text (designation, "role")));
        }
      else if (school_id != 0)
        {
          lookup_set (supporters, id, g_strdup (g_hash_table_lookup (school_names, &school_id)));
          lookup_set (kinds, id, g_strdup (ar_choice_label (AR_DEPLOYMENT_KIND_SCHOOL)));
        }
    }
}

/* The derived columns, worked out once per reload rather than per cell. */
static void
build_lookups (ArRecordTable *self,
               ArStore       *store)
{
  g_autofree char *today = ar_date_today ();

  g_hash_table_remove_all (self->lookups);

  for (guint c = 0; c < self->n_columns; c++)
    {
      const ArColumnSpec *spec = &self->columns[c];

      if (spec->kind == AR_COLUMN_LINK)
        {
          ArRecordClass *klass = g_type_class_ref (self->record_type);
          int index = ar_record_class_field_index (klass, spec->field);
          ArRecordClass *linked = ar_record_class_for_table (klass->fields[index].link_table);
          g_autoptr(GListModel) targets = ar_store_list (store, G_TYPE_FROM_CLASS (linked), NULL);
          GHashTable *table = lookup_table (self, spec->field);

          g_type_class_unref (klass);
          for (guint i = 0; targets && i < g_list_model_get_n_items (targets); i++)
            {
              g_autoptr(ArRecord) target = g_list_model_get_item (targets, i);
              lookup_set (table, ar_record_get_id (target), ar_record_describe (target));
            }
        }
      else if (spec->kind == AR_COLUMN_SCHOOL_TRUST || spec->kind == AR_COLUMN_TRUST_ACADEMIES)
        {
          g_autoptr(GListModel) academies = ar_store_list (store, AR_TYPE_TRUST_ACADEMY, NULL);
          g_autoptr(GListModel) trusts = ar_store_list (store, AR_TYPE_TRUST, NULL);
          g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
          GHashTable *table = lookup_table (self, "derived");
          g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

          for (guint i = 0; trusts && i < g_list_model_get_n_items (trusts); i++)
            {
              g_autoptr(ArRecord) trust = g_list_model_get_item (trusts, i);
              lookup_set (names, ar_record_get_id (trust), ar_record_describe (trust));
            }
          for (guint i = 0; academies && i < g_list_model_get_n_items (academies); i++)
            {
              g_autoptr(ArRecord) academy = g_list_model_get_item (academies, i);
              gint64 trust_id = ar_record_get_integer (academy, "trust_id");
              gint64 school_id = ar_record_get_integer (academy, "school_id");

              if (!ar_dates_record_active_on (academy, today))
                continue;
              if (spec->kind == AR_COLUMN_SCHOOL_TRUST)
                lookup_set (table, school_id, g_strdup (g_hash_table_lookup (names, &trust_id)));
              else
                {
                  gint64 *key = g_memdup2 (&trust_id, sizeof trust_id);
                  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

                  g_hash_table_replace (counts, key, GUINT_TO_POINTER (n + 1));
                }
            }
          if (spec->kind == AR_COLUMN_TRUST_ACADEMIES)
            {
              GHashTableIter iter;
              gpointer key, value;

              g_hash_table_iter_init (&iter, counts);
              while (g_hash_table_iter_next (&iter, &key, &value))
                lookup_set (table, *(gint64 *) key, g_strdup_printf ("%u", GPOINTER_TO_UINT (value)));
            }
        }
      else if (spec->kind == AR_COLUMN_PERSON_ROLES)
        {
          g_autoptr(GListModel) designations = ar_store_list (store, AR_TYPE_DESIGNATION, NULL);
          GHashTable *table = lookup_table (self, "derived");

          for (guint i = 0; designations && i < g_list_model_get_n_items (designations); i++)
            {
              g_autoptr(ArRecord) designation = g_list_model_get_item (designations, i);
              gint64 person = ar_record_get_integer (designation, "person_id");
              const char *before = g_hash_table_lookup (table, &person);

              if (!ar_dates_record_active_on (designation, today))
                continue;
              lookup_set (table, person,
                          before ? g_strdup_printf ("%s, %s", before, ar_record_get_text (designation, "role"))
                                 : g_strdup (ar_record_get_text (designation, "role")));
            }
        }
      else if ((spec->kind == AR_COLUMN_DEPLOYMENT_SUPPORTER || spec->kind == AR_COLUMN_DEPLOYMENT_KIND)
               && !g_hash_table_contains (self->lookups, "supporter"))
        build_deployment_lookups (self, store);
      else if (spec->kind == AR_COLUMN_DEPLOYMENT_DAYS)
        {
          g_autoptr(GListModel) deployments = ar_store_list (store, self->record_type, NULL);
          GHashTable *table = lookup_table (self, "days");

          for (guint i = 0; deployments && i < g_list_model_get_n_items (deployments); i++)
            {
              g_autoptr(ArRecord) deployment = g_list_model_get_item (deployments, i);

              /* Translators: days delivered of days agreed: "4 / 10" */
              lookup_set (table, ar_record_get_id (deployment),
                          g_strdup_printf (_("%lu / %lu"),
                                           (gulong) ar_record_get_integer (deployment, "days_delivered"),
                                           (gulong) ar_record_get_integer (deployment, "days_agreed")));
            }
        }
      else if (spec->kind == AR_COLUMN_ALLIANCE_MEMBERS)
        {
          g_autoptr(GListModel) members = ar_store_list (store, AR_TYPE_ALLIANCE_MEMBER, NULL);
          g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          GHashTable *table = lookup_table (self, "derived");
          GHashTableIter iter;
          gpointer key, value;

          for (guint i = 0; members && i < g_list_model_get_n_items (members); i++)
            {
              g_autoptr(ArRecord) member = g_list_model_get_item (members, i);
              gint64 alliance = ar_record_get_integer (member, "alliance_id");
              gint64 *k = g_memdup2 (&alliance, sizeof alliance);

              g_hash_table_replace (counts, k, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, k)) + 1));
            }
          g_hash_table_iter_init (&iter, counts);
          while (g_hash_table_iter_next (&iter, &key, &value))
            lookup_set (table, *(gint64 *) key, g_strdup_printf ("%u", GPOINTER_TO_UINT (value)));
        }
    }
}

static const char *
cell_text (ArRecordTable      *self,
           ArRecord           *record,
           const ArColumnSpec *spec)
{
  switch (spec->kind)
    {
    case AR_COLUMN_TEXT:
      return ar_record_get_text (record, spec->field);

    case AR_COLUMN_CHOICE:
      return ar_choice_label (ar_record_get_text (record, spec->field));

    case AR_COLUMN_LINK:
      return lookup_get (self, spec->field, ar_record_get_integer (record, spec->field));

    case AR_COLUMN_DEPLOYMENT_SUPPORTER:
      return lookup_get (self, "supporter", ar_record_get_id (record));

    case AR_COLUMN_DEPLOYMENT_KIND:
      return lookup_get (self, "kind", ar_record_get_id (record));

    case AR_COLUMN_DEPLOYMENT_DAYS:
      return lookup_get (self, "days", ar_record_get_id (record));

    case AR_COLUMN_SCHOOL_TRUST:
    case AR_COLUMN_PERSON_ROLES:
    case AR_COLUMN_TRUST_ACADEMIES:
    case AR_COLUMN_ALLIANCE_MEMBERS:
    default:
      return lookup_get (self, "derived", ar_record_get_id (record));
    }
}

/**
 * ar_record_table_load:
 *
 * Works out the linked names and derived values from @store, as at today.
 * Call again when the store has changed.
 */
static gboolean load_school_areas (ArRecordTable  *self,
                                   ArStore        *store,
                                   GError        **error);

void
ar_record_table_load (ArRecordTable *self,
                      ArStore       *store)
{
  g_return_if_fail (AR_IS_RECORD_TABLE (self));
  g_return_if_fail (AR_IS_STORE (store));

  build_lookups (self, store);
  /* what ar_record_table_get_area() reads for records without an area */
  if (self->area_link != NULL)
    load_school_areas (self, store, NULL);
}

/**
 * ar_record_table_get_cell:
 *
 * Returns: (nullable): the text @record shows in @column
 */
const char *
ar_record_table_get_cell (ArRecordTable *self,
                          ArRecord      *record,
                          guint          column)
{
  g_return_val_if_fail (AR_IS_RECORD_TABLE (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return cell_text (self, record, &self->columns[column]);
}

/**
 * ar_record_table_matches:
 * @area_id: an area the record must be in, or 0 for any
 * @folded_query: (nullable): text, case-folded, that the record's search
 *   key must hold
 *
 * The test the lists' search and area filter make, for the window and the
 * command line alike.
 */
gboolean
ar_record_table_matches (ArRecord   *record,
                         gint64      area_id,
                         const char *folded_query)
{
  if (area_id != 0 && ar_record_get_integer (record, "area_id") != area_id)
    return FALSE;

  return folded_query == NULL || strstr (ar_record_get_search_key (record), folded_query) != NULL;
}

static gboolean
load_school_areas (ArRecordTable  *self,
                   ArStore        *store,
                   GError        **error)
{
  g_autoptr(GListModel) schools = ar_store_list (store, AR_TYPE_SCHOOL, error);

  if (schools == NULL)
    return FALSE;

  g_clear_pointer (&self->school_areas, g_hash_table_unref);
  self->school_areas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ArRecord) school = g_list_model_get_item (schools, i);
      gint64 *key = g_new (gint64, 1);
      gint64 *area = g_new (gint64, 1);

      *key = ar_record_get_id (school);
      *area = ar_record_get_integer (school, "area_id");
      g_hash_table_replace (self->school_areas, key, area);
    }

  return TRUE;
}

static gint64
linked_area (ArRecordTable *self,
             ArRecord      *record)
{
  gint64 school_id = ar_record_get_integer (record, self->area_link);
  gint64 *area = self->school_areas ? g_hash_table_lookup (self->school_areas, &school_id) : NULL;

  return area ? *area : 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int index = GPOINTER_TO_INT (user_data);

  return strcmp (ar_record_get_sort_key (*(ArRecord **) a, index),
                 ar_record_get_sort_key (*(ArRecord **) b, index));
}

/**
 * ar_record_table_get_area:
 *
 * Returns: the id of the area @record is in: its own, or (with an area
 *   link) its school's as last loaded; 0 if none is known
 */
gint64
ar_record_table_get_area (ArRecordTable *self,
                          ArRecord      *record)
{
  g_return_val_if_fail (AR_IS_RECORD_TABLE (self), 0);

  if (self->area_link != NULL)
    return linked_area (self, record);

  return ar_record_get_integer (record, "area_id");
}

/**
 * ar_record_table_has_role:
 * @column: a column of roles: a person's designations, or a deployment's
 *   kind of support
 * @code: a role code ("NLE"), or `school-to-school`
 *
 * The lists' "Role" choice: a person holding the role now, a deployment
 * given through it.
 */
gboolean
ar_record_table_has_role (ArRecordTable *self,
                          ArRecord      *record,
                          guint          column,
                          const char    *code)
{
  const char *cell;

  g_return_val_if_fail (AR_IS_RECORD_TABLE (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  cell = cell_text (self, record, &self->columns[column]);
  if (cell == NULL || code == NULL)
    return FALSE;

  /* a person's roles are a list; a deployment has one kind, in words */
  if (self->columns[column].kind == AR_COLUMN_PERSON_ROLES)
    return strstr (cell, code) != NULL;

  return g_str_equal (cell, ar_choice_label (code));
}

/**
 * ar_record_table_select:
 * @area_id: an area the records must be in, or 0 for any
 * @search: (nullable): text the records must hold, in any case
 *
 * Loads the table from @store and picks the records a list would show
 * for this search and area, sorted by name as a list first is.
 *
 * Returns: (transfer full) (element-type ArRecord): the records, or %NULL
 *   with @error set
 */
GListModel *
ar_record_table_select (ArRecordTable  *self,
                        ArStore        *store,
                        gint64          area_id,
                        const char     *search,
                        GError        **error)
{
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *folded = search && search[0] ? g_utf8_casefold (search, -1) : NULL;
  ArRecordClass *klass;
  int name_index;
  GListStore *out;

  g_return_val_if_fail (AR_IS_RECORD_TABLE (self), NULL);

  records = ar_store_list (store, self->record_type, error);
  if (records == NULL)
    return NULL;
  ar_record_table_load (self, store);
  if (self->area_link != NULL && area_id != 0 && !load_school_areas (self, store, error))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      ArRecord *record = g_list_model_get_item (records, i);
      gboolean matches;

      if (self->area_link != NULL)
        matches = ar_record_table_matches (record, 0, folded)
                  && (area_id == 0 || linked_area (self, record) == area_id);
      else
        matches = ar_record_table_matches (record, area_id, folded);

      if (matches)
        g_ptr_array_add (kept, record);
      else
        g_object_unref (record);
    }

  klass = g_type_class_ref (self->record_type);
  name_index = ar_record_class_field_index (klass, "name");
  /* records with no name (deployments) come by start date */
  if (name_index < 0)
    name_index = ar_record_class_field_index (klass, "starts_on");
  g_type_class_unref (klass);
  if (name_index >= 0)
    g_ptr_array_sort_with_data (kept, compare_names, GINT_TO_POINTER (name_index));

  out = g_list_store_new (self->record_type);
  g_list_store_splice (out, 0, 0, kept->pdata, kept->len);

  return G_LIST_MODEL (out);
}

/**
 * ar_record_table_to_csv:
 * @records: (element-type ArRecord): the rows, in order
 *
 * Every column, under a header row of the column titles. Cells that a
 * spreadsheet would run as formulas are written as text.
 *
 * Returns: (transfer full): CSV text, CRLF line ends as RFC 4180 has them
 */
char *
ar_record_table_to_csv (ArRecordTable *self,
                        GListModel    *records)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (records);

  g_return_val_if_fail (AR_IS_RECORD_TABLE (self), NULL);

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *cell = ar_csv_escape_cell (_(self->columns[c].title));

      g_string_append_printf (out, "%s%s", c ? "," : "", cell);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (records, i);

      for (guint c = 0; c < self->n_columns; c++)
        {
          g_autofree char *cell = ar_csv_escape_cell (cell_text (self, record, &self->columns[c]));

          g_string_append_printf (out, "%s%s", c ? "," : "", cell);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

typedef enum
{
  CELL_TEXT,
  CELL_DATE,
  CELL_COUNT,
} CellType;

/* What a spreadsheet should hold a column's cells as. */
static CellType
cell_type (ArRecordTable      *self,
           const ArColumnSpec *spec)
{
  ArRecordClass *klass;
  int index;
  CellType type = CELL_TEXT;

  if (spec->kind == AR_COLUMN_TRUST_ACADEMIES || spec->kind == AR_COLUMN_ALLIANCE_MEMBERS)
    return CELL_COUNT;
  if (spec->kind != AR_COLUMN_TEXT)
    return CELL_TEXT;

  klass = g_type_class_ref (self->record_type);
  index = ar_record_class_field_index (klass, spec->field);
  if (index >= 0 && klass->fields[index].type == AR_FIELD_DATE)
    type = CELL_DATE;
  g_type_class_unref (klass);

  return type;
}

/**
 * ar_record_table_to_xlsx:
 * @records: (element-type ArRecord): the rows, in order
 * @sheet_name: the sheet's name, such as the list's title
 *
 * Every column, under a header row of the column titles, as the CSV has
 * them; but dates are date cells and counts are numbers.
 *
 * Returns: (transfer full): the .xlsx file, or %NULL with @error set
 */
GBytes *
ar_record_table_to_xlsx (ArRecordTable  *self,
                         GListModel     *records,
                         const char     *sheet_name,
                         GError        **error)
{
  g_autoptr(ArXlsxWriter) writer = NULL;
  g_autofree CellType *types = NULL;
  guint n = g_list_model_get_n_items (records);

  g_return_val_if_fail (AR_IS_RECORD_TABLE (self), NULL);

  writer = ar_xlsx_writer_new (sheet_name, error);
  if (writer == NULL)
    return NULL;

  types = g_new (CellType, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    {
      types[c] = cell_type (self, &self->columns[c]);
      ar_xlsx_writer_header (writer, _(self->columns[c].title));
    }
  ar_xlsx_writer_end_row (writer);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (records, i);

      for (guint c = 0; c < self->n_columns; c++)
        {
          const char *text = cell_text (self, record, &self->columns[c]);
          guint64 count;

          if (types[c] == CELL_DATE)
            ar_xlsx_writer_date (writer, text);
          else if (types[c] == CELL_COUNT && text != NULL
                   && g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &count, NULL))
            ar_xlsx_writer_number (writer, count);
          else
            ar_xlsx_writer_text (writer, text);
        }
      ar_xlsx_writer_end_row (writer);
    }

  return ar_xlsx_writer_finish (writer, error);
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    last)
{
  guint length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  if (!last)
    for (guint i = length; i < width + 2; i++)
      g_string_append_c (out, ' ');
}

/* Longer cells are cut with an ellipsis, so that a table stays readable
 * in a terminal. */
#define MAX_TEXT_WIDTH 40

static char *
cut_to_width (const char *text)
{
  g_autofree char *start = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= MAX_TEXT_WIDTH)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, MAX_TEXT_WIDTH - 1);
  return g_strconcat (start, "…", NULL);
}

/**
 * ar_record_table_to_text:
 * @records: (element-type ArRecord): the rows, in order
 *
 * Returns: (transfer full): the rows in aligned columns under their titles,
 *   for reading in a terminal
 */
char *
ar_record_table_to_text (ArRecordTable *self,
                         GListModel    *records)
{
  guint n = g_list_model_get_n_items (records);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *widths = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (AR_IS_RECORD_TABLE (self), NULL);

  widths = g_new0 (guint, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    {
      char *title = cut_to_width (_(self->columns[c].title));

      widths[c] = g_utf8_strlen (title, -1);
      g_ptr_array_add (cells, title);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (records, i);

      for (guint c = 0; c < self->n_columns; c++)
        {
          char *cell = cut_to_width (cell_text (self, record, &self->columns[c]));

          /* a line break in a cell would break the row */
          g_strdelimit (cell, "\r\n\t", ' ');
          widths[c] = MAX (widths[c], (guint) g_utf8_strlen (cell, -1));
          g_ptr_array_add (cells, cell);
        }
    }

  for (guint i = 0; i < cells->len; i++)
    {
      guint c = i % self->n_columns;

      append_padded (out, g_ptr_array_index (cells, i), widths[c], c == self->n_columns - 1);
      if (c == self->n_columns - 1)
        g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/**
 * ar_record_table_write:
 * @records: (element-type ArRecord): the rows, in order
 * @format: %AR_SUMMARY_FORMAT_TEXT, %AR_SUMMARY_FORMAT_CSV or
 *   %AR_SUMMARY_FORMAT_XLSX
 * @sheet_name: for .xlsx, the sheet's name, such as the list's title
 *
 * The rows in any of the formats a list is written in, for the window's
 * export and the command line's `list` alike.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
ar_record_table_write (ArRecordTable    *self,
                       GListModel       *records,
                       ArSummaryFormat   format,
                       const char       *sheet_name,
                       GError          **error)
{
  char *text;

  g_return_val_if_fail (AR_IS_RECORD_TABLE (self), NULL);

  switch (format)
    {
    case AR_SUMMARY_FORMAT_TEXT:
      text = ar_record_table_to_text (self, records);
      break;

    case AR_SUMMARY_FORMAT_CSV:
      text = ar_record_table_to_csv (self, records);
      break;

    case AR_SUMMARY_FORMAT_XLSX:
      return ar_record_table_to_xlsx (self, records, sheet_name, error);

    case AR_SUMMARY_FORMAT_HTML:
    case AR_SUMMARY_FORMAT_MARKDOWN:
    case AR_SUMMARY_FORMAT_JSON:
    case AR_SUMMARY_FORMAT_PDF:
    case AR_SUMMARY_FORMAT_ODT:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("A list cannot be written as %s: use text, csv or xlsx"),
                   ar_summary_format_to_string (format));
      return NULL;
    }

  return g_bytes_new_take (text, strlen (text));
}
