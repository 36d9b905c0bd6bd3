/* ar-history.c: the register's change history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-history"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ar-core.h"
#include "ar-history-private.h"
#include "ar-json-writer.h"
#include "ar-store-private.h"

static const char * const change_names[AR_HISTORY_N_CHANGES] = {
  "added", "updated", "ended", "deleted",
};

/* The fields that end a record: an update that fills one in "ends" it
 * (a school closing, an academy leaving its trust, a designation lapsing). */
static const char * const end_fields[] = {
  "close_date", "closed_on", "left_on", "ended_on", "ends_on", NULL,
};

const char *
ar_history_change_kind_to_string (ArHistoryChangeKind change)
{
  g_return_val_if_fail (change < AR_HISTORY_N_CHANGES, NULL);

  return change_names[change];
}

gboolean
ar_history_change_kind_from_string (const char          *text,
                                    ArHistoryChangeKind *change)
{
  for (guint i = 0; i < AR_HISTORY_N_CHANGES; i++)
    {
      if (g_strcmp0 (text, change_names[i]) == 0)
        {
          *change = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
ar_history_change_free (ArRecordChange *change)
{
  if (change == NULL)
    return;

  g_free (change->kind);
  g_free (change->old_values);
  g_free (change->new_values);
  g_free (change);
}

void
ar_history_entry_free (ArChangeEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->user);
  g_free (entry->source);
  g_strfreev (entry->files);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

/* The log: what the open transaction touched ----------------------------- */

typedef struct
{
  const char *table;    /* the class's, static */
  gint64      id;
  ArRecord   *before;   /* NULL: it did not exist when the transaction began */
  ArRecord   *after;    /* the record as last saved, when known */
  gboolean    refetch;  /* a delete or raw SQL may have changed it since */
} Pending;

/* Records an import added, as runs of ids: a new record's id is the
 * table's highest plus one, so a GIAS import's tens of thousands of
 * schools are a handful of runs, in memory and in the history. */
typedef struct
{
  gint64 first;
  gint64 last;
} Run;

struct _ArHistoryLog
{
  gboolean    compact;
  GHashTable *pending;  /* "table:id" -> Pending, owned by order */
  GPtrArray  *order;
  GHashTable *added;    /* table (static) -> GArray of Run, sorted */
};

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->before);
  g_clear_object (&pending->after);
  g_free (pending);
}

/* An import's file holds what it added, so @compact leaves an added
 * record's values out of the history. */
ArHistoryLog *
ar_history_log_new (gboolean compact)
{
  ArHistoryLog *log = g_new0 (ArHistoryLog, 1);

  log->compact = compact;
  log->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  log->order = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  log->added = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);

  return log;
}

void
ar_history_log_free (ArHistoryLog *log)
{
  if (log == NULL)
    return;

  g_hash_table_unref (log->pending);
  g_ptr_array_unref (log->order);
  g_hash_table_unref (log->added);
  g_free (log);
}

static char *
pending_key (const char *table,
             gint64      id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);
}

static Pending *
lookup (ArHistoryLog *log,
        const char   *table,
        gint64        id)
{
  /* on the stack and by hand, as pending_key() writes it: an import
   * looks up every record it saves, and g_snprintf() was most of that */
  char key[128];
  char digits[24];
  gsize length = strlen (table);
  guint64 rest = id < 0 ? - (guint64) id : (guint64) id;
  guint n = 0;

  if (g_hash_table_size (log->pending) == 0)
    return NULL;
  if (length + 2 + sizeof digits > sizeof key)
    {
      g_autofree char *long_key = pending_key (table, id);

      return g_hash_table_lookup (log->pending, long_key);
    }

  memcpy (key, table, length);
  key[length++] = ':';
  if (id < 0)
    key[length++] = '-';
  do
    digits[n++] = '0' + rest % 10;
  while ((rest /= 10) != 0);
  while (n > 0)
    key[length++] = digits[--n];
  key[length] = '\0';

  return g_hash_table_lookup (log->pending, key);
}

/* The run of @table's added ids that holds @id, or -1 */
static int
find_run (ArHistoryLog *log,
          const char   *table,
          gint64        id)
{
  GArray *runs = g_hash_table_lookup (log->added, table);
  guint low = 0;
  guint high = runs != NULL ? runs->len : 0;

  while (low < high)
    {
      guint middle = (low + high) / 2;
      Run *run = &g_array_index (runs, Run, middle);

      if (id < run->first)
        high = middle;
      else if (id > run->last)
        low = middle + 1;
      else
        return middle;
    }

  return -1;
}

static void
add_to_runs (ArHistoryLog *log,
             const char   *table,
             gint64        id)
{
  GArray *runs = g_hash_table_lookup (log->added, table);
  Run run = { id, id };
  guint position;

  if (runs == NULL)
    {
      runs = g_array_new (FALSE, FALSE, sizeof (Run));
      g_hash_table_insert (log->added, (gpointer) table, runs);
    }

  /* nearly always one more than the last */
  if (runs->len > 0 && g_array_index (runs, Run, runs->len - 1).last + 1 == id)
    {
      g_array_index (runs, Run, runs->len - 1).last = id;
      return;
    }

  for (position = runs->len; position > 0 && g_array_index (runs, Run, position - 1).first > id; position--)
    ;
  g_array_insert_val (runs, position, run);
}

/* Takes @id out of its run, to follow it one by one (a delete touched it). */
static void
split_run (ArHistoryLog *log,
           const char   *table,
           int           index,
           gint64        id)
{
  GArray *runs = g_hash_table_lookup (log->added, table);
  Run *run = &g_array_index (runs, Run, index);
  Run after = { id + 1, run->last };

  if (run->first == id && run->last == id)
    g_array_remove_index (runs, index);
  else if (run->first == id)
    run->first = id + 1;
  else if (run->last == id)
    run->last = id - 1;
  else
    {
      run->last = id - 1;
      g_array_insert_val (runs, index + 1, after);
    }
}

gboolean
ar_history_log_has (ArHistoryLog *log,
                    const char   *table,
                    gint64        id)
{
  return lookup (log, table, id) != NULL || find_run (log, table, id) >= 0;
}

/**
 * ar_history_log_touch:
 * @before: (nullable): the record as the transaction found it, or %NULL
 *   when it did not exist
 *
 * Notes that (@table, @id) may change. Only the first touch keeps
 * @before; until ar_history_log_saved(), the record is read again when
 * the log is written.
 */
void
ar_history_log_touch (ArHistoryLog *log,
                      const char   *table,
                      gint64        id,
                      ArRecord     *before)
{
  Pending *pending = lookup (log, table, id);
  int run;

  table = ar_record_class_for_table (table)->table;
  if (pending == NULL && (run = find_run (log, table, id)) >= 0)
    {
      /* added in this transaction after all, whatever @before says */
      split_run (log, table, run, id);
      before = NULL;
    }

  if (pending == NULL)
    {
      pending = g_new0 (Pending, 1);
      pending->table = table;
      pending->id = id;
      pending->before = before != NULL ? g_object_ref (before) : NULL;
      g_hash_table_insert (log->pending, pending_key (table, id), pending);
      g_ptr_array_add (log->order, pending);
    }

  g_clear_object (&pending->after);
  pending->refetch = TRUE;
}

/* @record has just been written as it is now: touch it first, unless it
 * is new (and then @is_new). */
void
ar_history_log_saved (ArHistoryLog *log,
                      ArRecord     *record,
                      gboolean      is_new)
{
  const char *table = ar_record_get_table (record);
  gint64 id = ar_record_get_id (record);
  Pending *pending = lookup (log, table, id);

  /* an id deleted earlier in the transaction (ar_store_clear) and used
   * again is followed as one record */
  if (pending == NULL)
    {
      /* an import's addition keeps no values: its id is all there is to note */
      if (is_new && log->compact)
        {
          add_to_runs (log, table, id);
          return;
        }
      if (find_run (log, table, id) >= 0)
        return;
      ar_history_log_touch (log, table, id, NULL);
      pending = lookup (log, table, id);
    }

  g_clear_object (&pending->after);
  pending->after = ar_record_copy (record);
  pending->refetch = FALSE;
}

/* A change's values are JSON objects written here, not built as a
 * json-glib tree: an import that changes 50,000 records writes 100,000 of
 * them. The text is json-glib's compact form (test-history holds it so). */
static void
append_member (GString       *object,
               const ArField *field,
               const GValue  *value)
{
  g_string_append_c (object, object->len == 0 ? '{' : ',');
  ar_json_append_string (object, field->name);
  g_string_append_c (object, ':');

  switch (field->type)
    {
    case AR_FIELD_LINK:
      if (g_value_get_int64 (value) == 0)
        g_string_append (object, "null");
      else
        g_string_append_printf (object, "%" G_GINT64_FORMAT, g_value_get_int64 (value));
      break;

    case AR_FIELD_INTEGER:
      g_string_append_printf (object, "%" G_GINT64_FORMAT, g_value_get_int64 (value));
      break;

    case AR_FIELD_BOOLEAN:
      g_string_append (object, g_value_get_boolean (value) ? "true" : "false");
      break;

    case AR_FIELD_TEXT:
    case AR_FIELD_DATE:
    case AR_FIELD_CHOICE:
    case AR_FIELD_CODE_LINK:
    default:
      if (g_value_get_string (value) == NULL)
        g_string_append (object, "null");
      else
        ar_json_append_string (object, g_value_get_string (value));
      break;
    }
}

static char *
end_object (GString *object)
{
  if (object->len == 0)
    g_string_append_c (object, '{');
  g_string_append_c (object, '}');

  return g_string_free (object, FALSE);
}

static gboolean
value_is_empty (const ArField *field,
                const GValue  *value)
{
  switch (field->type)
    {
    case AR_FIELD_LINK:
      return g_value_get_int64 (value) == 0;
    case AR_FIELD_INTEGER:
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

/* The whole record, its set fields only */
static char *
record_to_text (ArRecord *record)
{
  GString *object = g_string_new (NULL);
  const ArField *fields;
  guint n_fields;

  fields = ar_record_get_fields (record, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const GValue *value = ar_record_peek_value (record, i);

      if (!value_is_empty (&fields[i], value))
        append_member (object, &fields[i], value);
    }

  return end_object (object);
}

/* What changed from @before to @after; FALSE when nothing did */
static gboolean
diff_records (ArRecord             *before,
              ArRecord             *after,
              ArHistoryChangeKind  *change,
              char                **old_values,
              char                **new_values)
{
  g_autoptr(GString) old_object = NULL;
  g_autoptr(GString) new_object = NULL;
  const ArField *fields;
  guint n_fields;

  *change = AR_HISTORY_UPDATED;
  fields = ar_record_get_fields (before, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const GValue *old_value = ar_record_peek_value (before, i);
      const GValue *new_value = ar_record_peek_value (after, i);

      if (ar_record_field_equal (before, after, i))
        continue;

      if (old_object == NULL)
        {
          old_object = g_string_new (NULL);
          new_object = g_string_new (NULL);
        }
      append_member (old_object, &fields[i], old_value);
      append_member (new_object, &fields[i], new_value);
      if (g_strv_contains (end_fields, fields[i].name)
          && value_is_empty (&fields[i], old_value) && !value_is_empty (&fields[i], new_value))
        *change = AR_HISTORY_ENDED;
    }

  if (old_object == NULL)
    return FALSE;

  *old_values = end_object (g_steal_pointer (&old_object));
  *new_values = end_object (g_steal_pointer (&new_object));
  return TRUE;
}

static ArRecordChange *
pending_to_change (ArHistoryLog  *log,
                   ArStore       *store,
                   Pending       *pending,
                   GError       **error)
{
  g_autoptr(ArRecordChange) change = g_new0 (ArRecordChange, 1);
  g_autoptr(ArRecord) after = NULL;

  if (pending->refetch)
    {
      g_autoptr(GError) local_error = NULL;
      GType type = G_TYPE_FROM_CLASS (ar_record_class_for_table (pending->table));

      after = ar_store_get (store, type, pending->id, &local_error);
      if (after == NULL && !g_error_matches (local_error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  else if (pending->after != NULL)
    after = g_object_ref (pending->after);

  change->kind = g_strdup (pending->table);
  change->record_id = pending->id;

  if (pending->before == NULL && after == NULL && pending->refetch)
    return NULL;   /* added and deleted again */

  if (pending->before == NULL)
    {
      change->change = AR_HISTORY_ADDED;
      if (after != NULL)
        change->new_values = record_to_text (after);
    }
  else if (after == NULL)
    {
      change->change = AR_HISTORY_DELETED;
      change->old_values = record_to_text (pending->before);
    }
  else if (!diff_records (pending->before, after, &change->change,
                          &change->old_values, &change->new_values))
    return NULL;

  return g_steal_pointer (&change);
}

static char *
files_to_text (const char * const *files)
{
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (files == NULL || files[0] == NULL)
    return NULL;

  array = json_array_new ();
  for (guint i = 0; files[i] != NULL; i++)
    json_array_add_string_element (array, files[i]);
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);

  return json_to_string (node, FALSE);
}

static GStrv
files_from_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
    {
      const char *name = json_array_get_string_element (json_node_get_array (root), i);

      if (name != NULL)
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

/* Rows of history_change written by one statement. Its CHECK's IN list
 * is made into a table once per statement run: one row per INSERT made
 * it nearly half of the history an import of 50,000 updates writes. */
#define CHANGES_PER_INSERT 32
#define CHANGE_COLUMNS 7

static sqlite3_stmt *
prepare_change_insert (ArStore  *store,
                       guint     n_rows,
                       GError  **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO history_change"
                                         " (entry_id, kind, record_id, change, old_values, new_values, last_id)"
                                         " VALUES ");

  for (guint i = 0; i < n_rows; i++)
    g_string_append (sql, i == 0 ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)");

  return ar_store_prepare (store, sql->str, error);
}

static void
bind_change (sqlite3_stmt   *stmt,
             int             first,
             gint64          entry_id,
             ArRecordChange *change)
{
  sqlite3_bind_int64 (stmt, first, entry_id);
  sqlite3_bind_text (stmt, first + 1, change->kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 2, change->record_id);
  sqlite3_bind_text (stmt, first + 3, change_names[change->change], -1, SQLITE_STATIC);
  if (change->old_values != NULL)
    sqlite3_bind_text (stmt, first + 4, change->old_values, -1, SQLITE_STATIC);
  if (change->new_values != NULL)
    sqlite3_bind_text (stmt, first + 5, change->new_values, -1, SQLITE_STATIC);
  if (change->last_id > change->record_id)
    sqlite3_bind_int64 (stmt, first + 6, change->last_id);
}

static gboolean
insert_entry (ArStore         *store,
              ArChangeEntry  *entry,
              GError         **error)
{
  g_autofree char *files = files_to_text ((const char * const *) entry->files);
  sqlite3_stmt *stmt;

  stmt = ar_store_prepare (store,
                           "INSERT INTO history_entry (at, user, source, files, added, updated, ended, deleted)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entry->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entry->user, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, entry->source, -1, SQLITE_TRANSIENT);
  if (files != NULL)
    sqlite3_bind_text (stmt, 4, files, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < AR_HISTORY_N_CHANGES; i++)
    sqlite3_bind_int64 (stmt, 5 + i, entry->counts[i]);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      ar_store_set_sql_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  entry->id = sqlite3_last_insert_rowid (ar_store_get_connection (store));

  for (guint i = 0; i < entry->changes->len;)
    {
      guint n_rows = entry->changes->len - i >= CHANGES_PER_INSERT ? CHANGES_PER_INSERT : 1;

      stmt = prepare_change_insert (store, n_rows, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_clear_bindings (stmt);
      for (guint row = 0; row < n_rows; row++, i++)
        bind_change (stmt, 1 + row * CHANGE_COLUMNS, entry->id, g_ptr_array_index (entry->changes, i));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          ar_store_set_sql_error (store, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * ar_history_log_write:
 * @source: where the change came from ("window", "import-gias"…)
 * @files: (nullable): the files it read
 *
 * Writes one entry for everything the log saw change, inside the
 * transaction that changed it. A transaction that changed nothing
 * writes nothing.
 */
gboolean
ar_history_log_write (ArHistoryLog        *log,
                      ArStore             *store,
                      const char          *source,
                      const char * const  *files,
                      GError             **error)
{
  g_autoptr(ArChangeEntry) entry = g_new0 (ArChangeEntry, 1);

  entry->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ar_history_change_free);
  for (guint i = 0; i < log->order->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      ArRecordChange *change = pending_to_change (log, store, g_ptr_array_index (log->order, i),
                                                   &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (change == NULL)
        continue;

      entry->counts[change->change]++;
      g_ptr_array_add (entry->changes, change);
    }

  /* what an import added, run by run */
  {
    GHashTableIter iter;
    gpointer table;
    gpointer runs;

    g_hash_table_iter_init (&iter, log->added);
    while (g_hash_table_iter_next (&iter, &table, &runs))
      {
        for (guint i = 0; i < ((GArray *) runs)->len; i++)
          {
            Run *run = &g_array_index ((GArray *) runs, Run, i);
            ArRecordChange *change = g_new0 (ArRecordChange, 1);

            change->kind = g_strdup (table);
            change->record_id = run->first;
            change->last_id = run->last > run->first ? run->last : 0;
            change->change = AR_HISTORY_ADDED;
            entry->counts[AR_HISTORY_ADDED] += run->last - run->first + 1;
            g_ptr_array_add (entry->changes, change);
          }
      }
  }

  if (entry->changes->len == 0)
    return TRUE;

  entry->at = now_utc ();
  entry->user = g_strdup (g_get_user_name ());
  entry->source = g_strdup (source != NULL ? source : "window");
  entry->files = g_strdupv ((char **) files);

  return insert_entry (store, entry, error);
}

/* Reading ---------------------------------------------------------------- */

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * ar_history_list:
 * @since: (nullable): a date, YYYY-MM-DD: only entries from that day (UTC) on
 * @kind: (nullable): a record kind (its table): only entries that touched
 *   that record, each with that record's change only
 * @record_id: the record's id, with @kind
 *
 * Returns: (transfer full) (element-type ArChangeEntry): the entries,
 *   newest first, each with the records it touched
 */
GPtrArray *
ar_history_list (ArStore     *store,
                 const char  *since,
                 const char  *kind,
                 gint64       record_id,
                 GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ar_history_entry_free);
  ArChangeEntry *entry = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);

  stmt = ar_store_prepare (store,
                           "SELECT e.id, e.at, e.user, e.source, e.files,"
                           "       e.added, e.updated, e.ended, e.deleted,"
                           "       c.kind, c.record_id, c.change, c.old_values, c.new_values, c.last_id"
                           " FROM history_entry e JOIN history_change c ON c.entry_id = e.id"
                           " WHERE (?1 IS NULL OR e.at >= ?1)"
                           "   AND (?2 IS NULL OR (c.kind = ?2 AND ?3 BETWEEN c.record_id"
                           "                                           AND coalesce (c.last_id, c.record_id)))"
                           " ORDER BY e.id DESC, c.kind, c.record_id", error);
  if (stmt == NULL)
    return NULL;

  if (since != NULL)
    sqlite3_bind_text (stmt, 1, since, -1, SQLITE_TRANSIENT);
  if (kind != NULL)
    {
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, record_id);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ArRecordChange *change;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (entry == NULL || entry->id != id)
        {
          entry = g_new0 (ArChangeEntry, 1);
          entry->id = id;
          entry->at = column_text (stmt, 1);
          entry->user = column_text (stmt, 2);
          entry->source = column_text (stmt, 3);
          entry->files = files_from_text ((const char *) sqlite3_column_text (stmt, 4));
          for (guint i = 0; i < AR_HISTORY_N_CHANGES; i++)
            entry->counts[i] = sqlite3_column_int64 (stmt, 5 + i);
          entry->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ar_history_change_free);
          g_ptr_array_add (entries, entry);
        }

      change = g_new0 (ArRecordChange, 1);
      change->kind = column_text (stmt, 9);
      change->record_id = sqlite3_column_int64 (stmt, 10);
      ar_history_change_kind_from_string ((const char *) sqlite3_column_text (stmt, 11), &change->change);
      change->old_values = column_text (stmt, 12);
      change->new_values = column_text (stmt, 13);
      change->last_id = sqlite3_column_int64 (stmt, 14);
      /* one record asked for: the one record, not its run */
      if (kind != NULL)
        {
          change->record_id = record_id;
          change->last_id = 0;
        }
      g_ptr_array_add (entry->changes, change);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ar_store_set_sql_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* JSON ------------------------------------------------------------------- */

/* A change's values, read with @parser (which owns them), or NULL */
static JsonObject *
values_object (const char *text,
               JsonParser *parser)
{
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);

  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

static JsonNode *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = values_object (text, parser);
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

/**
 * ar_history_to_json:
 * @entries: (element-type ArChangeEntry): entries, in the order to write them
 *
 * Returns: (transfer full): a JSON array of the entries, each with its
 *   changes, as docs/json-format.md describes
 */
JsonNode *
ar_history_to_json (GPtrArray *entries)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < entries->len; i++)
    {
      ArChangeEntry *entry = g_ptr_array_index (entries, i);
      JsonObject *object = json_object_new ();
      JsonArray *changes = json_array_new ();

      json_object_set_string_member (object, "at", entry->at);
      json_object_set_string_member (object, "user", entry->user);
      json_object_set_string_member (object, "source", entry->source);
      if (entry->files != NULL)
        {
          JsonArray *files = json_array_new ();

          for (guint f = 0; entry->files[f] != NULL; f++)
            json_array_add_string_element (files, entry->files[f]);
          json_object_set_array_member (object, "files", files);
        }
      for (guint c = 0; c < AR_HISTORY_N_CHANGES; c++)
        json_object_set_int_member (object, change_names[c], entry->counts[c]);

      for (guint c = 0; c < entry->changes->len; c++)
        {
          ArRecordChange *change = g_ptr_array_index (entry->changes, c);
          JsonObject *change_object = json_object_new ();
          JsonNode *values;

          json_object_set_string_member (change_object, "kind", change->kind);
          json_object_set_int_member (change_object, "id", change->record_id);
          if (change->last_id > change->record_id)
            json_object_set_int_member (change_object, "last_id", change->last_id);
          json_object_set_string_member (change_object, "change", change_names[change->change]);
          if ((values = parse_object (change->old_values)) != NULL)
            json_object_set_member (change_object, "old", values);
          if ((values = parse_object (change->new_values)) != NULL)
            json_object_set_member (change_object, "new", values);
          json_array_add_object_element (changes, change_object);
        }
      json_object_set_array_member (object, "changes", changes);
      json_array_add_object_element (array, object);
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);

  return node;
}

static gboolean G_GNUC_PRINTF (4, 5)
refuse (GError     **error,
        const char  *source_name,
        guint        position,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: "register.json: history entry 3: no “at”" */
  g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
               _("%s: history entry %u: %s"), source_name, position + 1, message);
  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static char *
object_member_text (JsonObject  *object,
                    const char  *name,
                    gboolean    *ok)
{
  JsonNode *node = json_object_get_member (object, name);

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      *ok = FALSE;
      return NULL;
    }

  return json_to_string (node, FALSE);
}

static gboolean
read_change (JsonNode         *node,
             ArRecordChange  **result,
             char            **problem)
{
  g_autoptr(ArRecordChange) change = g_new0 (ArRecordChange, 1);
  JsonObject *object;
  JsonNode *id;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      *problem = g_strdup (_("a change is not an object"));
      return FALSE;
    }
  object = json_node_get_object (node);

  if (string_member (object, "kind") == NULL
      || ar_record_class_for_table (string_member (object, "kind")) == NULL)
    {
      *problem = g_strdup_printf (_("a change has no known “kind” (%s)"),
                                  string_member (object, "kind") ? string_member (object, "kind") : "");
      return FALSE;
    }
  change->kind = g_strdup (string_member (object, "kind"));

  id = json_object_get_member (object, "id");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_INT64
      || json_node_get_int (id) <= 0)
    {
      *problem = g_strdup (_("a change has no “id”"));
      return FALSE;
    }
  change->record_id = json_node_get_int (id);

  id = json_object_get_member (object, "last_id");
  if (id != NULL && (!JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_INT64
                     || json_node_get_int (id) <= change->record_id))
    {
      *problem = g_strdup (_("a change’s “last_id” is not a number above its “id”"));
      return FALSE;
    }
  if (id != NULL)
    change->last_id = json_node_get_int (id);

  if (!ar_history_change_kind_from_string (string_member (object, "change"), &change->change))
    {
      *problem = g_strdup (_("a change’s “change” is not added, updated, ended or deleted"));
      return FALSE;
    }

  if (change->last_id > 0 && change->change != AR_HISTORY_ADDED)
    {
      *problem = g_strdup (_("only an addition can cover a run of ids (“last_id”)"));
      return FALSE;
    }

  change->old_values = object_member_text (object, "old", &ok);
  if (ok)
    change->new_values = object_member_text (object, "new", &ok);
  if (!ok)
    {
      *problem = g_strdup (_("a change’s “old” or “new” is not an object"));
      return FALSE;
    }

  *result = g_steal_pointer (&change);
  return TRUE;
}

/**
 * ar_history_from_json:
 * @node: the "history" array of a register file
 * @source_name: the file, for messages
 *
 * Reads and checks a history as ar_history_to_json() wrote it. The counts
 * are worked out again from the changes.
 *
 * Returns: (transfer full) (element-type ArChangeEntry): the entries in
 *   the file's order, or %NULL with @error naming the entry at fault
 */
GPtrArray *
ar_history_from_json (JsonNode    *node,
                      const char  *source_name,
                      GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ar_history_entry_free);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s: “history” is not a list"), source_name);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(ArChangeEntry) entry = NULL;
      JsonObject *object;
      JsonNode *files;
      JsonNode *changes;
      g_autofree char *day = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          refuse (error, source_name, i, _("not an object"));
          return NULL;
        }
      object = json_node_get_object (element);

      entry = g_new0 (ArChangeEntry, 1);
      entry->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ar_history_change_free);
      entry->at = g_strdup (string_member (object, "at"));
      entry->user = g_strdup (string_member (object, "user"));
      entry->source = g_strdup (string_member (object, "source"));
      if (entry->at == NULL || entry->user == NULL || entry->source == NULL)
        {
          refuse (error, source_name, i, _("it needs “at”, “user” and “source”"));
          return NULL;
        }
      day = g_strndup (entry->at, 10);
      if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", entry->at, 0, 0)
          || !ar_date_is_valid (day))
        {
          refuse (error, source_name, i, _("“at” is not a UTC time such as 2024-09-01T10:30:00Z"));
          return NULL;
        }

      files = json_object_get_member (object, "files");
      if (files != NULL && !JSON_NODE_HOLDS_NULL (files))
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          JsonArray *names = JSON_NODE_HOLDS_ARRAY (files) ? json_node_get_array (files) : NULL;

          for (guint f = 0; names != NULL && f < json_array_get_length (names); f++)
            {
              JsonNode *name = json_array_get_element (names, f);

              if (!JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING)
                names = NULL;
              else
                g_strv_builder_add (builder, json_node_get_string (name));
            }
          if (names == NULL)
            {
              refuse (error, source_name, i, _("“files” is not a list of file names"));
              return NULL;
            }
          entry->files = g_strv_builder_end (builder);
        }

      changes = json_object_get_member (object, "changes");
      if (changes == NULL || !JSON_NODE_HOLDS_ARRAY (changes))
        {
          refuse (error, source_name, i, _("it has no list of “changes”"));
          return NULL;
        }
      for (guint c = 0; c < json_array_get_length (json_node_get_array (changes)); c++)
        {
          g_autofree char *problem = NULL;
          ArRecordChange *change = NULL;

          if (!read_change (json_array_get_element (json_node_get_array (changes), c), &change, &problem))
            {
              refuse (error, source_name, i, "%s", problem);
              return NULL;
            }
          entry->counts[change->change] += change->last_id > 0 ? change->last_id - change->record_id + 1 : 1;
          g_ptr_array_add (entry->changes, change);
        }

      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

  return g_steal_pointer (&entries);
}

/* Whether the entry with @id holds exactly @entry's changes */
static gboolean
same_changes (ArStore        *store,
              gint64          id,
              ArChangeEntry  *entry)
{
  sqlite3_stmt *stmt;
  gboolean same;

  stmt = ar_store_prepare (store, "SELECT count(*) FROM history_change WHERE entry_id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  same = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == entry->changes->len;
  sqlite3_reset (stmt);

  for (guint i = 0; same && i < entry->changes->len; i++)
    {
      ArRecordChange *change = g_ptr_array_index (entry->changes, i);

      stmt = ar_store_prepare (store,
                               "SELECT 1 FROM history_change WHERE entry_id = ? AND kind = ? AND record_id = ?"
                               " AND change = ? AND old_values IS ? AND new_values IS ? AND last_id IS ?", NULL);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, change->kind, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, change->record_id);
      sqlite3_bind_text (stmt, 4, change_names[change->change], -1, SQLITE_STATIC);
      if (change->old_values != NULL)
        sqlite3_bind_text (stmt, 5, change->old_values, -1, SQLITE_STATIC);
      if (change->new_values != NULL)
        sqlite3_bind_text (stmt, 6, change->new_values, -1, SQLITE_STATIC);
      if (change->last_id > 0)
        sqlite3_bind_int64 (stmt, 7, change->last_id);
      same = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }

  return same;
}

/* Whether the register already holds @entry: the same time, user, source,
 * files, counts and changes */
static gboolean
entry_exists (ArStore        *store,
              ArChangeEntry  *entry)
{
  g_autofree char *files = files_to_text ((const char * const *) entry->files);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = ar_store_prepare (store,
                           "SELECT id FROM history_entry WHERE at = ? AND user = ? AND source = ?"
                           " AND files IS ? AND added = ? AND updated = ? AND ended = ? AND deleted = ?", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entry->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entry->user, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, entry->source, -1, SQLITE_TRANSIENT);
  if (files != NULL)
    sqlite3_bind_text (stmt, 4, files, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < AR_HISTORY_N_CHANGES; i++)
    sqlite3_bind_int64 (stmt, 5 + i, entry->counts[i]);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (candidates, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < candidates->len; i++)
    {
      if (same_changes (store, g_array_index (candidates, gint64, i), entry))
        return TRUE;
    }

  return FALSE;
}

/**
 * ar_history_insert:
 * @entries: (element-type ArChangeEntry): entries from ar_history_from_json()
 *
 * Adds @entries to the register's history, in their order, inside the
 * open transaction. An entry the register already holds (the same time,
 * user, source, files and changes: a register importing its own export)
 * is not added twice.
 */
gboolean
ar_history_insert (ArStore    *store,
                   GPtrArray  *entries,
                   GError    **error)
{
  g_return_val_if_fail (AR_IS_STORE (store), FALSE);

  for (guint i = 0; i < entries->len; i++)
    {
      ArChangeEntry *entry = g_ptr_array_index (entries, i);

      if (entry_exists (store, entry))
        continue;
      if (!insert_entry (store, entry, error))
        return FALSE;
    }

  return TRUE;
}

/* For people ------------------------------------------------------------- */

/**
 * ar_history_record_name:
 *
 * Returns: (transfer full) (nullable): the changed record's name as it is
 *   now, or as the change recorded it when the record is gone
 */
/* Records that only link two others have no name of their own: they are
 * named by what they link, as the window lists them */
static const struct
{
  const char *table;
  const char *members[2];   /* the first that is set names the member */
  const char *group;
} link_records[] = {
  { "alliance_member", { "school_id", "organisation_id" }, "alliance_id" },
  { "trust_academy", { "school_id", NULL }, "trust_id" },
};

/* The name of what @field links to: from @record, or from @values (a
 * deleted record's values as the change kept them) */
static char *
linked_name (ArStore       *store,
             ArRecordClass *klass,
             ArRecord      *record,
             JsonObject    *values,
             const char    *field)
{
  int index = ar_record_class_field_index (klass, field);
  ArRecordClass *target;
  gint64 id = 0;

  if (index < 0 || (target = ar_record_class_for_table (klass->fields[index].link_table)) == NULL)
    return NULL;
  if (record != NULL)
    id = ar_record_get_integer (record, field);
  else if (values != NULL && json_object_has_member (values, field)
           && JSON_NODE_HOLDS_VALUE (json_object_get_member (values, field))
           && json_node_get_value_type (json_object_get_member (values, field)) == G_TYPE_INT64)
    id = json_object_get_int_member (values, field);

  return id > 0 ? ar_store_describe (store, G_TYPE_FROM_CLASS (target), id) : NULL;
}

/* "Oak Primary in Soar Valley Learning Alliance", or NULL when @change is
 * not to a link record or what it linked is gone */
static char *
link_record_name (ArStore        *store,
                  ArRecordClass  *klass,
                  ArRecordChange *change)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ArRecord) record = NULL;
  g_autofree char *member = NULL;
  g_autofree char *group = NULL;
  JsonObject *values = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (link_records); i++)
    {
      if (!g_str_equal (link_records[i].table, klass->table))
        continue;

      if (change->change != AR_HISTORY_DELETED)
        record = ar_store_get (store, G_TYPE_FROM_CLASS (klass), change->record_id, NULL);
      if (record == NULL)
        values = values_object (change->old_values, parser);
      if (record == NULL && values == NULL)
        return NULL;

      for (guint m = 0; member == NULL && m < G_N_ELEMENTS (link_records[i].members); m++)
        if (link_records[i].members[m] != NULL)
          member = linked_name (store, klass, record, values, link_records[i].members[m]);
      group = linked_name (store, klass, record, values, link_records[i].group);
      if (member == NULL || group == NULL)
        return NULL;

      /* TRANSLATORS: a school's place in an alliance or a trust, as the
       * history names it: "Oak Primary in Soar Valley Learning Alliance" */
      return g_strdup_printf (_("%s in %s"), member, group);
    }

  return NULL;
}

char *
ar_history_record_name (ArStore        *store,
                        ArRecordChange *change)
{
  ArRecordClass *klass = ar_record_class_for_table (change->kind);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char * const members[] = { "old", "new" };
  char *name = NULL;

  if (klass != NULL)
    name = link_record_name (store, klass, change);
  if (name == NULL && klass != NULL && change->change != AR_HISTORY_DELETED)
    name = ar_store_describe (store, G_TYPE_FROM_CLASS (klass), change->record_id);

  for (guint i = 0; name == NULL && i < G_N_ELEMENTS (members); i++)
    {
      JsonObject *values = values_object (i == 0 ? change->old_values : change->new_values, parser);

      if (values != NULL && json_object_has_member (values, "name")
          && JSON_NODE_HOLDS_VALUE (json_object_get_member (values, "name")))
        name = g_strdup (json_object_get_string_member (values, "name"));
    }

  return name;
}

/* One recorded value, for a person: a link by the name of what it links */
static char *
describe_value (ArStore       *store,
                const ArField *field,
                JsonNode      *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup (_("(empty)"));

  if (field != NULL && field->type == AR_FIELD_LINK && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      ArRecordClass *target = ar_record_class_for_table (field->link_table);
      char *name = target != NULL ? ar_store_describe (store, G_TYPE_FROM_CLASS (target),
                                                       json_node_get_int (node)) : NULL;

      return name != NULL ? name : g_strdup_printf ("#%" G_GINT64_FORMAT, json_node_get_int (node));
    }
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (field != NULL && field->type == AR_FIELD_CHOICE)
        return g_strdup (ar_choice_label (json_node_get_string (node)));
      return g_strdup (json_node_get_string (node));
    }

  return json_to_string (node, FALSE);
}

/**
 * ar_history_describe_fields:
 *
 * What a change did to each field, with the fields' labels: "Town:
 * Ayston → Brill" for an update, "Town: Ayston" for what a deletion or an
 * addition held.
 *
 * Returns: (transfer full) (element-type utf8): one line a field
 */
GPtrArray *
ar_history_describe_fields (ArStore        *store,
                            ArRecordChange *change)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) old_parser = json_parser_new ();
  g_autoptr(JsonParser) new_parser = json_parser_new ();
  JsonObject *old_values = values_object (change->old_values, old_parser);
  JsonObject *new_values = values_object (change->new_values, new_parser);
  JsonObject *listed = old_values != NULL ? old_values : new_values;
  ArRecordClass *klass = ar_record_class_for_table (change->kind);

  if (listed == NULL)
    return g_steal_pointer (&lines);

  /* in the class's order, which is the form's */
  for (guint i = 0; klass != NULL && i < klass->n_fields; i++)
    {
      const ArField *field = &klass->fields[i];
      const char *label;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (!json_object_has_member (listed, field->name))
        continue;
      label = _(field->label);
      before = describe_value (store, field, json_object_get_member (listed, field->name));
      if (listed == old_values && new_values != NULL && change->change != AR_HISTORY_DELETED)
        {
          after = describe_value (store, field, json_object_get_member (new_values, field->name));
          /* TRANSLATORS: a field's change: "Town: Ayston → Brill" */
          g_ptr_array_add (lines, g_strdup_printf (_("%s: %s → %s"), label, before, after));
        }
      else
        g_ptr_array_add (lines, g_strdup_printf ("%s: %s", label, before));
    }

  return g_steal_pointer (&lines);
}

/**
 * ar_history_source_label:
 * @source: an entry's source ("window", "import-gias"…)
 *
 * Returns: where a change came from, for people
 */
const char *
ar_history_source_label (const char *source)
{
  if (g_strcmp0 (source, "window") == 0)
    return _("Window");
  if (g_strcmp0 (source, "import") == 0)
    return _("Import");
  if (g_strcmp0 (source, "import-gias") == 0)
    return _("GIAS import");
  if (g_strcmp0 (source, "import-table") == 0)
    return _("Table import");
  if (g_strcmp0 (source, "merge") == 0)
    return _("Merge");

  return source;
}

/**
 * ar_history_change_label:
 *
 * Returns: what happened to a record, for people: "added", "changed"…
 */
const char *
ar_history_change_label (ArHistoryChangeKind change)
{
  switch (change)
    {
    case AR_HISTORY_ADDED:
      return _("added");
    case AR_HISTORY_UPDATED:
      return _("changed");
    case AR_HISTORY_ENDED:
      return _("ended");
    case AR_HISTORY_DELETED:
      return _("deleted");
    case AR_HISTORY_N_CHANGES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ar_history_format_time:
 * @at: an entry's time, "YYYY-MM-DDTHH:MM:SSZ"
 *
 * Returns: (transfer full): the time in the local time zone, for people:
 *   "2026-12-02 09:30"
 */
char *
ar_history_format_time (const char *at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (at);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/**
 * ar_history_day_start:
 * @day: a date, YYYY-MM-DD
 * @days_after: how many days after @day
 *
 * Entries are kept in UTC but shown in local time, so a day a person
 * picks begins at local midnight: compare an entry's time with this (the
 * two strings sort as the times do).
 *
 * Returns: (transfer full) (nullable): when the day @days_after @day
 *   begins in the local time zone, as an entry's time in UTC
 *   ("YYYY-MM-DDTHH:MM:SSZ"), or %NULL if @day is not a date
 */
char *
ar_history_day_start (const char *day,
                      int         days_after)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) utc = NULL;
  int year, month, day_of_month;

  if (day == NULL || !ar_date_is_valid (day) || sscanf (day, "%d-%d-%d", &year, &month, &day_of_month) != 3)
    return NULL;

  local = g_date_time_new_local (year, month, day_of_month, 0, 0, 0);
  later = local != NULL ? g_date_time_add_days (local, days_after) : NULL;
  utc = later != NULL ? g_date_time_to_utc (later) : NULL;

  return utc != NULL ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/* Restoring what a deletion took ------------------------------------------ */

/* One entry's changes, as ar_history_list() gives them */
static ArChangeEntry *
load_entry (ArStore  *store,
            gint64    entry_id,
            GError  **error)
{
  g_autoptr(GPtrArray) entries = ar_history_list (store, NULL, NULL, 0, error);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      ArChangeEntry *entry = g_ptr_array_index (entries, i);

      if (entry->id == entry_id)
        return g_ptr_array_steal_index (entries, i);
    }

  if (entries != NULL)
    {
      /* xgettext cannot see through G_GINT64_FORMAT: the number goes in as text */
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry_id);

      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND, _("The history has no entry %s"), id);
    }
  return NULL;
}

/* Sets @record's field from a recorded value; FALSE when it does not fit */
static gboolean
set_recorded_value (ArRecord      *record,
                    guint          index,
                    const ArField *field,
                    JsonNode      *node)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (field->type)
    {
    case AR_FIELD_LINK:
    case AR_FIELD_INTEGER:
      if (json_node_get_value_type (node) != G_TYPE_INT64)
        return FALSE;
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, json_node_get_int (node));
      break;
    case AR_FIELD_BOOLEAN:
      if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return FALSE;
      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, json_node_get_boolean (node));
      break;
    case AR_FIELD_TEXT:
    case AR_FIELD_DATE:
    case AR_FIELD_CHOICE:
    case AR_FIELD_CODE_LINK:
    default:
      if (json_node_get_value_type (node) != G_TYPE_STRING)
        return FALSE;
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, json_node_get_string (node));
      break;
    }

  ar_record_set_value (record, index, &value);
  return TRUE;
}

/* The record a deletion kept, with its id */
static ArRecord *
deleted_record (ArRecordChange  *change,
                GError         **error)
{
  ArRecordClass *klass = ar_record_class_for_table (change->kind);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *values = values_object (change->old_values, parser);
  g_autoptr(ArRecord) record = NULL;

  if (klass == NULL || values == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, change->record_id);

      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("The history does not hold the deleted %s %s"), change->kind, id);
      return NULL;
    }

  record = g_object_new (G_TYPE_FROM_CLASS (klass), NULL);
  ar_record_set_id (record, change->record_id);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      JsonNode *node = json_object_get_member (values, klass->fields[i].name);

      if (node != NULL && !set_recorded_value (record, i, &klass->fields[i], node))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, change->record_id);

          g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                       _("The history’s value for “%s” of the deleted %s %s does not fit"),
                       klass->fields[i].name, change->kind, id);
          return NULL;
        }
    }

  return g_steal_pointer (&record);
}

/* A record whose link the deletion emptied, with the link back, or NULL
 * when it is gone or its link has been set to something else since */
static ArRecord *
relinked_record (ArStore        *store,
                 ArRecordChange *change,
                 GError        **error)
{
  ArRecordClass *klass = ar_record_class_for_table (change->kind);
  g_autoptr(JsonParser) old_parser = json_parser_new ();
  g_autoptr(JsonParser) new_parser = json_parser_new ();
  JsonObject *old_values = values_object (change->old_values, old_parser);
  JsonObject *new_values = values_object (change->new_values, new_parser);
  g_autoptr(ArRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean any = FALSE;

  if (klass == NULL || old_values == NULL || new_values == NULL)
    return NULL;

  record = ar_store_get (store, G_TYPE_FROM_CLASS (klass), change->record_id, &local_error);
  if (record == NULL)
    {
      if (!g_error_matches (local_error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ArField *field = &klass->fields[i];
      JsonNode *old_node = json_object_get_member (old_values, field->name);
      JsonNode *new_node = json_object_get_member (new_values, field->name);

      if (field->type != AR_FIELD_LINK || old_node == NULL || new_node == NULL
          || !JSON_NODE_HOLDS_NULL (new_node)
          || g_value_get_int64 (ar_record_peek_value (record, i)) != 0)
        continue;
      if (set_recorded_value (record, i, field, old_node))
        any = TRUE;
    }

  return any ? g_steal_pointer (&record) : NULL;
}

/**
 * ar_history_restore:
 * @entry_id: an entry that deleted records
 * @restored: (out) (optional): how many records came back
 *
 * Puts back every record the entry deleted, with its id, and the links
 * the deletion emptied in records that are still there, in one
 * transaction that the history records as coming from the window.
 * Refuses, and changes nothing, when a record would clash with the
 * register as it is now: its id taken, or a unique field (a URN) used
 * since.
 */
gboolean
ar_history_restore (ArStore  *store,
                    gint64    entry_id,
                    guint    *restored,
                    GError  **error)
{
  g_autoptr(ArChangeEntry) entry = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  guint n_deleted = 0;

  g_return_val_if_fail (AR_IS_STORE (store), FALSE);

  entry = load_entry (store, entry_id, error);
  if (entry == NULL)
    return FALSE;

  for (guint i = 0; i < entry->changes->len; i++)
    {
      ArRecordChange *change = g_ptr_array_index (entry->changes, i);
      g_autoptr(ArRecord) record = NULL;
      g_autoptr(ArRecord) current = NULL;

      if (change->change != AR_HISTORY_DELETED)
        continue;
      record = deleted_record (change, error);
      if (record == NULL)
        return FALSE;

      /* an id used again would be overwritten: never */
      current = ar_store_get (store, G_OBJECT_TYPE (record), change->record_id, NULL);
      if (current != NULL)
        {
          g_autofree char *name = ar_record_describe (record);
          g_autofree char *other = ar_record_describe (current);

          if (g_strcmp0 (name, other) == 0)
            g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_DUPLICATE,
                         _("“%s” is in the register already: nothing was restored"), name);
          else
            g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_DUPLICATE,
                         _("“%s” cannot be restored: “%s” has its place in the register now. Nothing was restored."),
                         name, other);
          return FALSE;
        }
      g_ptr_array_add (records, g_steal_pointer (&record));
      n_deleted++;
    }

  if (n_deleted == 0)
    {
      g_set_error_literal (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND,
                           _("This change deleted nothing to restore"));
      return FALSE;
    }

  for (guint i = 0; i < entry->changes->len; i++)
    {
      ArRecordChange *change = g_ptr_array_index (entry->changes, i);
      ArRecord *record;

      if (change->change != AR_HISTORY_UPDATED)
        continue;
      record = relinked_record (store, change, error);
      if (record == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (record != NULL)
        g_ptr_array_add (records, record);
    }

  if (!ar_store_restore (store, records, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Nothing was restored: %s"), local_error->message);
      return FALSE;
    }

  if (restored != NULL)
    *restored = n_deleted;
  return TRUE;
}
