/* ar-register-merge.c: another register's JSON merged into this one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each record of the file is matched with one here by what identifies it
 * (a school by its URN, a person by email...). A match is completed, never
 * overwritten: an empty field here takes the file's value, and a field
 * where both hold different values keeps ours and is listed as a
 * conflict. The format holds no time of last change, so "newer" cannot be
 * told; filling what is empty is the only update. Records without a match
 * are added, with their links turned from the file's ids to ours. All of
 * it is one transaction; a dry run rolls it back.
 */

#define G_LOG_DOMAIN "ar-register-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ar-core.h"
#include "ar-register-merge.h"
#include "ar-store-private.h"

/* How a record of the file finds its match here. @primary identifies it
 * (no key when its first field is empty); @fallback is tried when the
 * primary finds nothing, and then @compat, when both records hold it and
 * they differ, says they are not the same record. */
typedef struct
{
  const char *table;
  const char *primary[5];
  const char *fallback[5];
  const char *compat;
} MatchRule;

static const MatchRule match_rules[] = {
  { "area", { "code" }, { "name" }, "code" },
  { "school", { "urn" }, { "name", "area_id" }, "urn" },
  { "organisation", { "name", "kind" }, { NULL }, NULL },
  { "alliance", { "name" }, { NULL }, NULL },
  { "alliance_member", { "alliance_id", "school_id", "organisation_id", "joined_on" },
    { "alliance_id", "school_id", "organisation_id" }, "joined_on" },
  { "trust", { "gias_uid" }, { "name", "kind" }, "gias_uid" },
  { "trust_academy", { "trust_id", "school_id", "joined_on" }, { "trust_id", "school_id" }, "joined_on" },
  { "person", { "email" }, { "name", "school_id" }, "email" },
  { "role", { "code" }, { NULL }, NULL },
  { "designation", { "person_id", "role", "starts_on" }, { "person_id", "role" }, "starts_on" },
  { "deployment", { "school_id", "supporter_designation_id", "supporter_school_id", "starts_on" },
    { "school_id", "supporter_designation_id", "supporter_school_id" }, "starts_on" },
};

static const MatchRule *
rule_for_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (match_rules); i++)
    {
      if (g_str_equal (match_rules[i].table, table))
        return &match_rules[i];
    }

  g_assert_not_reached ();
}

static void
merge_conflict_free (ArMergeConflict *conflict)
{
  g_free (conflict->record);
  g_free (conflict->table);
  g_free (conflict->field);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict->reason);
  g_free (conflict);
}

void
ar_merge_report_free (ArMergeReport *report)
{
  if (report == NULL)
    return;

  g_free (report->source);
  g_array_unref (report->counts);
  g_ptr_array_unref (report->conflicts);
  g_free (report);
}

static ArMergeReport *
merge_report_new (const char *source,
                  gboolean    dry_run)
{
  ArMergeReport *report = g_new0 (ArMergeReport, 1);
  guint n_types;
  const GType *types = ar_record_types (&n_types);

  report->source = g_strdup (source);
  report->dry_run = dry_run;
  report->counts = g_array_new (FALSE, TRUE, sizeof (ArMergeCounts));
  report->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) merge_conflict_free);
  for (guint t = 0; t < n_types; t++)
    {
      ArRecordClass *klass = g_type_class_ref (types[t]);
      ArMergeCounts counts = { klass->table, _(klass->label), 0, 0, 0 };

      g_array_append_val (report->counts, counts);
      g_type_class_unref (klass);
    }

  return report;
}

static ArMergeCounts *
report_counts (ArMergeReport *report,
               const char    *table)
{
  for (guint i = 0; i < report->counts->len; i++)
    {
      ArMergeCounts *counts = &g_array_index (report->counts, ArMergeCounts, i);

      if (g_str_equal (counts->table, table))
        return counts;
    }

  g_assert_not_reached ();
}

/* Matching ----------------------------------------------------------- */

static gboolean
value_is_empty (const ArField *field,
                const GValue  *value)
{
  switch (field->type)
    {
    case AR_FIELD_LINK:
    case AR_FIELD_INTEGER:
      return g_value_get_int64 (value) == 0;

    case AR_FIELD_BOOLEAN:
      return FALSE;

    case AR_FIELD_TEXT:
    case AR_FIELD_DATE:
    case AR_FIELD_CHOICE:
    case AR_FIELD_CODE_LINK:
    default:
      return g_value_get_string (value) == NULL;
    }
}

static const GValue *
field_value (ArRecord      *record,
             const char    *name,
             const ArField **field)
{
  int index = ar_record_class_field_index (AR_RECORD_GET_CLASS (record), name);

  g_assert (index >= 0);
  if (field != NULL)
    *field = &AR_RECORD_GET_CLASS (record)->fields[index];

  return ar_record_peek_value (record, index);
}

/* The fields joined, text case-folded; %NULL when the first is empty. */
static char *
match_key (ArRecord          *record,
           const char *const *fields)
{
  g_autoptr(GString) key = g_string_new (NULL);

  if (fields[0] == NULL)
    return NULL;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const ArField *field;
      const GValue *value = field_value (record, fields[i], &field);

      if (i == 0 && value_is_empty (field, value))
        return NULL;
      if (i > 0)
        g_string_append_c (key, '\x1f');

      if (G_VALUE_HOLDS_STRING (value))
        {
          g_autofree char *folded = g_value_get_string (value) != NULL
                                    ? g_utf8_casefold (g_value_get_string (value), -1) : NULL;

          g_string_append (key, folded != NULL ? folded : "");
        }
      else if (G_VALUE_HOLDS_INT64 (value))
        g_string_append_printf (key, "%" G_GINT64_FORMAT, g_value_get_int64 (value));
      else if (G_VALUE_HOLDS_BOOLEAN (value))
        g_string_append_c (key, g_value_get_boolean (value) ? '1' : '0');
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

typedef struct
{
  const char  *source;
  GPtrArray   *records;      /* of the file, in writing order */
  gboolean     dry_run;
  gboolean     rolled_back;
  ArMergeReport *report;
  GHashTable  *id_maps;      /* table → (file id → our id) */
} MergeData;

/* Our records of one class, indexed by each rule's key. */
typedef struct
{
  GListModel *ours;
  GHashTable *primary;       /* key → GPtrArray of records */
  GHashTable *fallback;
  GHashTable *taken;         /* our ids already matched in this merge */
} ClassIndex;

static void
class_index_clear (ClassIndex *index)
{
  g_clear_object (&index->ours);
  g_clear_pointer (&index->primary, g_hash_table_unref);
  g_clear_pointer (&index->fallback, g_hash_table_unref);
  g_clear_pointer (&index->taken, g_hash_table_unref);
}

static void
index_add (GHashTable *table,
           char       *key,
           ArRecord   *record)
{
  GPtrArray *list;

  if (key == NULL)
    return;

  list = g_hash_table_lookup (table, key);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, key, list);
    }
  else
    g_free (key);
  g_ptr_array_add (list, record);
}

static gboolean
class_index_init (ClassIndex      *index,
                  ArStore         *store,
                  GType            type,
                  const MatchRule *rule,
                  GError         **error)
{
  index->ours = ar_store_list (store, type, error);
  if (index->ours == NULL)
    return FALSE;

  index->primary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  index->fallback = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  index->taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (index->ours); i++)
    {
      /* the list model keeps its items alive */
      g_autoptr(ArRecord) record = g_list_model_get_item (index->ours, i);

      index_add (index->primary, match_key (record, rule->primary), record);
      index_add (index->fallback, match_key (record, rule->fallback), record);
    }

  return TRUE;
}

/* An alliance's area is its teaching school's. */
static gint64
alliance_area (ArStore  *store,
               ArRecord *alliance)
{
  g_autoptr(ArRecord) school = NULL;
  gint64 school_id = ar_record_get_integer (alliance, "lead_school_id");

  if (school_id == 0)
    return 0;
  school = ar_store_get (store, AR_TYPE_SCHOOL, school_id, NULL);

  return school != NULL ? ar_record_get_integer (school, "area_id") : 0;
}

static gboolean
compatible (ArStore         *store,
            const MatchRule *rule,
            ArRecord        *ours,
            ArRecord        *theirs,
            gboolean         by_fallback)
{
  if (g_str_equal (rule->table, "alliance"))
    {
      gint64 a = alliance_area (store, ours);
      gint64 b = alliance_area (store, theirs);

      return a == 0 || b == 0 || a == b;
    }

  if (by_fallback && rule->compat != NULL)
    {
      const ArField *field;
      const GValue *a = field_value (ours, rule->compat, &field);
      const GValue *b = field_value (theirs, rule->compat, NULL);

      if (!value_is_empty (field, a) && !value_is_empty (field, b)
          && !ar_record_field_equal (ours, theirs, field - AR_RECORD_GET_CLASS (ours)->fields))
        return FALSE;
    }

  return TRUE;
}

static ArRecord *
find_in (ClassIndex      *index,
         GHashTable      *table,
         const char      *key,
         ArStore         *store,
         const MatchRule *rule,
         ArRecord        *theirs,
         gboolean         by_fallback)
{
  GPtrArray *list = key != NULL ? g_hash_table_lookup (table, key) : NULL;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      ArRecord *ours = g_ptr_array_index (list, i);
      gint64 id = ar_record_get_id (ours);

      if (!g_hash_table_contains (index->taken, &id)
          && compatible (store, rule, ours, theirs, by_fallback))
        return ours;
    }

  return NULL;
}

static ArRecord *
find_match (ClassIndex      *index,
            ArStore         *store,
            const MatchRule *rule,
            ArRecord        *theirs)
{
  g_autofree char *primary = match_key (theirs, rule->primary);
  g_autofree char *fallback = match_key (theirs, rule->fallback);
  ArRecord *ours = find_in (index, index->primary, primary, store, rule, theirs, FALSE);

  if (ours == NULL)
    ours = find_in (index, index->fallback, fallback, store, rule, theirs, TRUE);

  return ours;
}

/* Writing ------------------------------------------------------------ */

static void
set_record_error (GError     **error,
                  MergeData   *data,
                  ArRecord    *record,
                  gint64       file_id,
                  const char  *raw_message)
{
  g_autofree char *message = ar_text_for_message (raw_message);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, file_id);
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (record), "ar-json-position"));
  const char *table = ar_record_get_table (record);
  g_autofree char *array = NULL;

  /* the file's name for the list */
  if (g_str_equal (table, "person"))
    array = g_strdup ("people");
  else if (g_str_equal (table, "trust_academy"))
    array = g_strdup ("trust_academies");
  else
    array = g_strconcat (table, "s", NULL);

  g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
               _("%s: %s[%u] (id %s): %s"), data->source, array, position, id_text, message);
}

/* Turns the file's links into ours; FALSE for a link to a record the file
 * does not hold. */
static gboolean
map_links (MergeData  *data,
           ArRecord   *record,
           gint64      file_id,
           GError    **error)
{
  guint n_fields;
  const ArField *fields = ar_record_get_fields (record, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const GValue *value = ar_record_peek_value (record, i);
      GHashTable *map;
      gint64 target;
      gint64 *ours;

      if (fields[i].type != AR_FIELD_LINK || g_value_get_int64 (value) == 0)
        continue;

      target = g_value_get_int64 (value);
      map = g_hash_table_lookup (data->id_maps, fields[i].link_table);
      ours = map != NULL ? g_hash_table_lookup (map, &target) : NULL;
      if (ours == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, target);
          g_autofree char *message = g_strdup_printf (_("field “%s”: the file holds no record with id %s for it to link to"),
                                                      fields[i].name, id);

          set_record_error (error, data, record, file_id, message);
          return FALSE;
        }
      ar_record_set_integer (record, fields[i].name, *ours);
    }

  return TRUE;
}

static void
remember_id (MergeData  *data,
             const char *table,
             gint64      file_id,
             gint64      our_id)
{
  GHashTable *map = g_hash_table_lookup (data->id_maps, table);

  if (map == NULL)
    {
      map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (data->id_maps, (gpointer) table, map);
    }
  g_hash_table_insert (map, g_memdup2 (&file_id, sizeof file_id), g_memdup2 (&our_id, sizeof our_id));
}

/* A value for people: links by the linked record's name. */
static char *
value_for_people (ArStore       *store,
                  const ArField *field,
                  const GValue  *value)
{
  ArRecordClass *linked;

  if (value_is_empty (field, value))
    return NULL;

  switch (field->type)
    {
    case AR_FIELD_LINK:
      linked = ar_record_class_for_table (field->link_table);
      return ar_store_describe (store, G_TYPE_FROM_CLASS (linked), g_value_get_int64 (value));

    case AR_FIELD_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));

    case AR_FIELD_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? _("yes") : _("no"));

    case AR_FIELD_TEXT:
    case AR_FIELD_DATE:
    case AR_FIELD_CHOICE:
    case AR_FIELD_CODE_LINK:
    default:
      return g_value_dup_string (value);
    }
}

static void
add_conflict (MergeData     *data,
              ArStore       *store,
              ArRecord      *ours,
              guint          index,
              const GValue  *theirs,
              const char    *reason)
{
  const ArField *field = &ar_record_get_fields (ours, NULL)[index];
  ArMergeConflict *conflict = g_new0 (ArMergeConflict, 1);
  g_autofree char *name = ar_record_describe (ours);

  conflict->record = g_strdup_printf ("%s “%s”", _(AR_RECORD_GET_CLASS (ours)->label), name);
  conflict->table = g_strdup (ar_record_get_table (ours));
  conflict->field = g_strdup (_(field->label));
  conflict->ours = value_for_people (store, field, ar_record_peek_value (ours, index));
  conflict->theirs = value_for_people (store, field, theirs);
  conflict->reason = g_strdup (reason);
  g_ptr_array_add (data->report->conflicts, conflict);
}

static gboolean
same_email (const GValue *a,
            const GValue *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (g_value_get_string (a) == NULL || g_value_get_string (b) == NULL)
    return FALSE;
  fa = g_utf8_casefold (g_value_get_string (a), -1);
  fb = g_utf8_casefold (g_value_get_string (b), -1);

  return g_str_equal (fa, fb);
}

/* Fills our empty fields from @theirs, and lists where both differ.
 * Returns whether anything was filled. */
static gboolean
merge_into (MergeData  *data,
            ArStore    *store,
            ArRecord   *ours,
            ArRecord   *theirs,
            GError    **error)
{
  g_autoptr(ArRecord) merged = ar_record_copy (ours);
  g_autoptr(GArray) filled = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) invalid = NULL;
  guint n_fields;
  const ArField *fields = ar_record_get_fields (ours, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const GValue *a = ar_record_peek_value (ours, i);
      const GValue *b = ar_record_peek_value (theirs, i);

      if (ar_record_field_equal (ours, theirs, i) || value_is_empty (&fields[i], b))
        continue;
      /* matched by it, in any capitals: not a difference worth a line */
      if (g_str_equal (fields[i].name, "email") && same_email (a, b))
        continue;

      if (value_is_empty (&fields[i], a))
        {
          ar_record_set_value (merged, i, b);
          g_array_append_val (filled, i);
        }
      else
        add_conflict (data, store, ours, i, b, NULL);
    }

  if (filled->len == 0)
    return FALSE;

  /* a filled date may end before ours starts: then none is taken */
  if (!ar_record_validate (merged, &invalid) || !ar_store_check (store, merged, &invalid))
    {
      for (guint i = 0; i < filled->len; i++)
        {
          guint index = g_array_index (filled, guint, i);

          add_conflict (data, store, ours, index, ar_record_peek_value (theirs, index), invalid->message);
        }
      return FALSE;
    }

  if (!ar_store_save (store, merged, error))
    return FALSE;

  return TRUE;
}

static gboolean
merge_records (ArStore   *store,
               gpointer   user_data,
               GError   **error)
{
  MergeData *data = user_data;
  const char *table = NULL;
  ClassIndex index = { NULL };
  const MatchRule *rule = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < data->records->len && ok; i++)
    {
      ArRecord *theirs = g_ptr_array_index (data->records, i);
      gint64 file_id = ar_record_get_id (theirs);
      ArMergeCounts *counts;
      ArRecord *ours;

      if (g_strcmp0 (table, ar_record_get_table (theirs)) != 0)
        {
          table = ar_record_get_table (theirs);
          rule = rule_for_table (table);
          class_index_clear (&index);
          if (!class_index_init (&index, store, G_OBJECT_TYPE (theirs), rule, error))
            {
              ok = FALSE;
              break;
            }
        }

      counts = report_counts (data->report, table);
      if (!map_links (data, theirs, file_id, error))
        {
          ok = FALSE;
          break;
        }

      ours = find_match (&index, store, rule, theirs);
      if (ours != NULL)
        {
          g_autoptr(GError) local_error = NULL;
          gint64 our_id = ar_record_get_id (ours);

          g_hash_table_add (index.taken, g_memdup2 (&our_id, sizeof our_id));
          remember_id (data, table, file_id, our_id);

          ar_record_set_id (theirs, our_id);
          if (merge_into (data, store, ours, theirs, &local_error))
            counts->updated++;
          else if (local_error != NULL)
            {
              set_record_error (error, data, theirs, file_id, local_error->message);
              ok = FALSE;
            }
          else
            counts->unchanged++;
        }
      else
        {
          g_autoptr(GError) local_error = NULL;

          ar_record_set_id (theirs, 0);
          if (!ar_store_save (store, theirs, &local_error))
            {
              set_record_error (error, data, theirs, file_id, local_error->message);
              ok = FALSE;
            }
          else
            {
              remember_id (data, table, file_id, ar_record_get_id (theirs));
              counts->added++;
            }
        }
    }

  class_index_clear (&index);
  if (!ok)
    return FALSE;

  for (guint i = 0; i < data->report->counts->len; i++)
    {
      ArMergeCounts *counts = &g_array_index (data->report->counts, ArMergeCounts, i);

      data->report->n_added += counts->added;
      data->report->n_updated += counts->updated;
      data->report->n_unchanged += counts->unchanged;
    }

  if (data->dry_run)
    {
      /* everything was checked by writing it; now undo it */
      data->rolled_back = TRUE;
      g_set_error_literal (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID, "dry run");
      return FALSE;
    }

  return TRUE;
}

/**
 * ar_register_merge:
 * @data: the other register, as JSON text (any version this program reads)
 * @length: its length, or -1 if nul-terminated
 * @source_name: the file name to use in messages
 * @dry_run: whether to leave the register as it is, only reporting
 *
 * Merges another register into @store in one transaction (see the top of
 * this file for the rules). Any problem leaves the register as it was.
 *
 * Returns: (transfer full): what was added, updated, left and in conflict,
 *   or %NULL
 */
ArMergeReport *
ar_register_merge (ArStore     *store,
                   const char  *data,
                   gssize       length,
                   const char  *source_name,
                   gboolean     dry_run,
                   GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(ArMergeReport) report = NULL;
  g_autoptr(GHashTable) id_maps = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_name = NULL;
  MergeData merge = { source_name, NULL, dry_run, FALSE, NULL, NULL };

  g_return_val_if_fail (AR_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  records = ar_register_json_read (data, length, source_name, NULL, error);
  if (records == NULL)
    return NULL;

  report = merge_report_new (source_name, dry_run);
  id_maps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  merge.records = records;
  merge.report = report;
  merge.id_maps = id_maps;

  /* the history names the file, not the folder it was in */
  file_name = g_path_get_basename (source_name);
  if (!ar_store_write_from (store, "import", (const char * const[]) { file_name, NULL },
                            merge_records, &merge, &local_error)
      && !merge.rolled_back)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&report);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (a == NULL || b == NULL || g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;

  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

ArMergeReport *
ar_register_merge_file (ArStore     *store,
                        const char  *path,
                        gboolean     dry_run,
                        GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_filename_display_name (path);
  if (same_file (path, ar_store_get_path (store)))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s is the open register itself: merge a register exported as JSON"),
                   display_name);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return ar_register_merge (store, contents, length, display_name, dry_run, error);
}

/* Reports ------------------------------------------------------------ */

/**
 * ar_merge_report_to_text:
 *
 * Returns: (transfer full): the report for people: counts per kind of
 *   record, then each conflict
 */
char *
ar_merge_report_to_text (ArMergeReport *report)
{
  GString *text = g_string_new (NULL);
  guint n_conflicts = report->conflicts->len;

  if (report->dry_run)
    g_string_append_printf (text, _("Merging %s (dry run: nothing was changed)\n"), report->source);
  else
    g_string_append_printf (text, _("Merged %s\n"), report->source);

  g_string_append_printf (text, "\n%-16s %7s %7s %9s\n", "", _("added"), _("updated"), _("unchanged"));
  for (guint i = 0; i < report->counts->len; i++)
    {
      ArMergeCounts *counts = &g_array_index (report->counts, ArMergeCounts, i);

      if (counts->added + counts->updated + counts->unchanged == 0)
        continue;
      g_string_append_printf (text, "%-16s %7u %7u %9u\n", counts->label,
                              counts->added, counts->updated, counts->unchanged);
    }

  g_string_append_c (text, '\n');
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u added, %u updated, %u unchanged, %u conflict\n",
                                       "%u added, %u updated, %u unchanged, %u conflicts\n", n_conflicts),
                          report->n_added, report->n_updated, report->n_unchanged, n_conflicts);

  if (n_conflicts > 0)
    g_string_append_printf (text, "\n%s\n", _("Conflicts (this register’s value was kept):"));
  for (guint i = 0; i < n_conflicts; i++)
    {
      ArMergeConflict *conflict = g_ptr_array_index (report->conflicts, i);

      g_string_append_printf (text, _("- %s, %s: kept “%s”, not “%s”"), conflict->record, conflict->field,
                              conflict->ours != NULL ? conflict->ours : _("(empty)"), conflict->theirs);
      if (conflict->reason != NULL)
        g_string_append_printf (text, _(" (%s)"), conflict->reason);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/**
 * ar_merge_report_to_json:
 *
 * Returns: (transfer full): the report as a JSON object, for programs
 */
char *
ar_merge_report_to_json (ArMergeReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, report->source);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, report->dry_run);
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, report->n_added);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, report->n_updated);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, report->n_unchanged);

  json_builder_set_member_name (builder, "records");
  json_builder_begin_object (builder);
  for (guint i = 0; i < report->counts->len; i++)
    {
      ArMergeCounts *counts = &g_array_index (report->counts, ArMergeCounts, i);

      json_builder_set_member_name (builder, counts->table);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "added");
      json_builder_add_int_value (builder, counts->added);
      json_builder_set_member_name (builder, "updated");
      json_builder_add_int_value (builder, counts->updated);
      json_builder_set_member_name (builder, "unchanged");
      json_builder_add_int_value (builder, counts->unchanged);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      ArMergeConflict *conflict = g_ptr_array_index (report->conflicts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "table");
      json_builder_add_string_value (builder, conflict->table);
      json_builder_set_member_name (builder, "record");
      json_builder_add_string_value (builder, conflict->record);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, conflict->field);
      json_builder_set_member_name (builder, "ours");
      if (conflict->ours != NULL)
        json_builder_add_string_value (builder, conflict->ours);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "theirs");
      json_builder_add_string_value (builder, conflict->theirs);
      json_builder_set_member_name (builder, "reason");
      if (conflict->reason != NULL)
        json_builder_add_string_value (builder, conflict->reason);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}
