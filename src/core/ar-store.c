/* ar-store.c: the register in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "ar-core.h"
#include "ar-core-resources.h"
#include "ar-history-private.h"
#include "ar-record-private.h"
#include "ar-role-defaults.h"
#include "ar-store-private.h"
#include "ar-store-schema.h"

typedef struct _ArStoreWriter ArStoreWriter;

struct _ArStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *temporary_dir;
  GHashTable *statements;
  /* the same statements by the address of a class's SQL text (ClassSql),
   * which lives as long as the program: no hashing of long SQL per row */
  GHashTable *class_statements;
  guint       write_depth;
  gboolean    read_only;
  gboolean    upgraded_copy;   /* reading an older register through a copy in memory */
  /* what the open transaction changed, for ArStore::written; NULL when
   * nobody listens */
  GPtrArray  *journal;
  gboolean    journal_incomplete;
  /* what the open transaction touched, for the change history, and where
   * the change comes from; no history while migrating or loading the sample */
  ArHistoryLog *history;
  char       *history_source;
  GStrv       history_files;
  gboolean    history_off;
  /* CHECK constraints left to the end of a bulk write: the tables it
   * wrote, and the setting to put back; NULL when they are not */
  GHashTable *deferred_tables;
  gint64      saved_ignore_checks;
  /* the open ArStoreBatches, in the order they were made; not owned */
  GPtrArray  *batches;
  /* writes the batches' rows while the caller builds more, until the
   * write ends; NULL when batches are written where they fill */
  ArStoreWriter *writer;
  gboolean    write_behind;
};

G_DEFINE_FINAL_TYPE (ArStore, ar_store, G_TYPE_OBJECT)

static gboolean writer_wait (ArStore *self, gboolean discard, GError **error);
static void writer_stop (ArStore *self);
static gboolean hand_over_batches (ArStore *self, GError **error);

enum {
  CHANGED,
  WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SAMPLE_RESOURCE "/io/github/alliance_register/AllianceRegister/core/sample/sample-register.json"

void
ar_store_set_sql_error (ArStore  *self,
                        GError  **error)
{
  int code = sqlite3_extended_errcode (self->db);

  if ((code & 0xff) == SQLITE_NOTADB)
    g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                 _("%s is not a register file"), self->path);
  else if ((code & 0xff) == SQLITE_BUSY)
    g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_SQL,
                 _("%s is busy: another program kept it locked for too long"), self->path);
  else
    g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_SQL,
                 _("Database error in %s: %s"), self->path, sqlite3_errmsg (self->db));
}

/**
 * ar_store_prepare:
 *
 * Returns: (transfer none): a reset statement for @sql, prepared once per
 *   store and kept, so bulk work does not parse the same SQL again
 */
sqlite3_stmt *
ar_store_prepare (ArStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  /* the connection is the writer's until it has written what it holds */
  if (!writer_wait (self, FALSE, error))
    return NULL;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      ar_store_set_sql_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
ar_store_exec (ArStore     *self,
               const char  *sql,
               GError     **error)
{
  /* a write the journal cannot describe: not undoable */
  if (self->write_depth > 0)
    self->journal_incomplete = TRUE;

  if (!writer_wait (self, FALSE, error))
    return FALSE;

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      ar_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

sqlite3 *
ar_store_get_connection (ArStore *self)
{
  g_return_val_if_fail (AR_IS_STORE (self), NULL);

  writer_wait (self, FALSE, NULL);

  return self->db;
}

/* ar_store_prepare() for SQL text from class_sql(), found by its address */
static sqlite3_stmt *
prepare_class_sql (ArStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  if (!writer_wait (self, FALSE, error))
    return NULL;

  stmt = g_hash_table_lookup (self->class_statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  stmt = ar_store_prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->class_statements, (gpointer) sql, stmt);

  return stmt;
}

static gint64
query_integer (ArStore    *self,
               const char *sql,
               gint64      fallback)
{
  sqlite3_stmt *stmt = ar_store_prepare (self, sql, NULL);
  gint64 value = fallback;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return value;
}

static gboolean
begin (ArStore  *self,
       GError  **error)
{
  if (self->write_depth++ > 0)
    return TRUE;


  /* IMMEDIATE takes the write lock now, so a second process waits on
   * busy_timeout here instead of failing half-way through. */
  if (!ar_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      self->write_depth--;
      return FALSE;
    }

  g_clear_pointer (&self->journal, g_ptr_array_unref);
  self->journal_incomplete = FALSE;
  g_clear_pointer (&self->history, ar_history_log_free);
  if (!self->read_only && !self->history_off)
    self->history = ar_history_log_new (self->history_source != NULL
                                        && g_str_has_prefix (self->history_source, "import"));
  if (g_signal_has_handler_pending (self, signals[WRITTEN], 0, TRUE))
    self->journal = g_ptr_array_new_with_free_func ((GDestroyNotify) ar_store_change_free);

  return TRUE;
}

static void restore_checks (ArStore *self);
static void drop_batched (ArStore *self);

static gboolean
commit (ArStore  *self,
        GError  **error)
{
  g_assert (self->write_depth > 0);

  if (--self->write_depth > 0)
    return TRUE;

  /* rows a batch still holds land with the rest, or nothing does */
  if (!ar_store_batch_flush (self, error))
    {
      drop_batched (self);
      writer_stop (self);
      restore_checks (self);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_clear_pointer (&self->journal, g_ptr_array_unref);
      g_clear_pointer (&self->history, ar_history_log_free);
      return FALSE;
    }

  writer_stop (self);
  /* a bulk write that did not run its deferred checks keeps them */
  restore_checks (self);

  /* the history lands in the same transaction as the change, or neither does */
  if ((self->history != NULL
       && !ar_history_log_write (self->history, self, self->history_source,
                                 (const char * const *) self->history_files, error))
      || !ar_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_clear_pointer (&self->journal, g_ptr_array_unref);
      g_clear_pointer (&self->history, ar_history_log_free);
      return FALSE;
    }
  g_clear_pointer (&self->history, ar_history_log_free);

  return TRUE;
}

static void
journal_add (ArStore   *self,
             ArRecord  *before,
             ArRecord  *after,
             GPtrArray *removed)
{
  ArStoreChange *change;

  if (self->journal == NULL)
    return;

  change = g_new0 (ArStoreChange, 1);
  change->before = before ? ar_record_copy (before) : NULL;
  change->after = after ? ar_record_copy (after) : NULL;
  if (removed != NULL)
    {
      change->removed = g_ptr_array_new_full (removed->len, g_object_unref);
      for (guint i = 0; i < removed->len; i++)
        g_ptr_array_add (change->removed, g_object_ref (g_ptr_array_index (removed, i)));
    }
  g_ptr_array_add (self->journal, change);
}

/* After the outermost commit: first what changed, if every write was
 * journaled, then that something did. */
static void
emit_committed (ArStore *self,
                GType    changed_type)
{
  g_autoptr(GPtrArray) journal = g_steal_pointer (&self->journal);

  if (journal != NULL && journal->len > 0 && !self->journal_incomplete)
    g_signal_emit (self, signals[WRITTEN], 0, journal);
  g_signal_emit (self, signals[CHANGED], 0, changed_type);
}

static void
rollback (ArStore *self)
{
  g_assert (self->write_depth > 0);

  /* Only the outermost level rolls back; inner failures propagate up. */
  if (--self->write_depth == 0)
    {
      drop_batched (self);
      writer_stop (self);
      restore_checks (self);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_clear_pointer (&self->journal, g_ptr_array_unref);
      g_clear_pointer (&self->history, ar_history_log_free);
    }
}

static ArRecordClass *
record_class (GType type)
{
  return g_type_class_peek (type) ? g_type_class_peek (type) : g_type_class_ref (type);
}

/* Every statement a record class needs, written once per class: building
 * and hashing SQL text on each save cost more than SQLite's own work. */
typedef struct
{
  char  *select_all;
  char  *select_by_id;
  char **select_by_field;
  char  *exists_by_id;
  char **exists_by_field;
  char  *insert;
  char  *upsert;
  char  *count;
  char  *delete_by_id;
} ClassSql;

G_LOCK_DEFINE_STATIC (class_sql);

static const ClassSql *
class_sql (ArRecordClass *klass)
{
  static GHashTable *cache;
  ClassSql *sql;
  GString *columns;
  GString *upsert;

  G_LOCK (class_sql);

  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);

  sql = g_hash_table_lookup (cache, klass);
  if (sql != NULL)
    {
      G_UNLOCK (class_sql);
      return sql;
    }

  sql = g_new0 (ClassSql, 1);
  columns = g_string_new ("id");
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (columns, ", %s", klass->fields[i].name);

  sql->select_all = g_strdup_printf ("SELECT %s FROM %s ORDER BY id", columns->str, klass->table);
  sql->select_by_id = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", columns->str, klass->table);
  sql->exists_by_id = g_strdup_printf ("SELECT id FROM %s WHERE id = ? AND id <> ? LIMIT 1", klass->table);
  sql->select_by_field = g_new0 (char *, klass->n_fields + 1);
  sql->exists_by_field = g_new0 (char *, klass->n_fields + 1);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      sql->select_by_field[i] = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ? ORDER BY id",
                                                 columns->str, klass->table, klass->fields[i].name);
      sql->exists_by_field[i] = g_strdup_printf ("SELECT id FROM %s WHERE %s = ? AND id <> ? LIMIT 1",
                                                 klass->table, klass->fields[i].name);
    }

  /* A new record gets a plain INSERT and the next id from a NULL. A
   * restored or imported one keeps its own id through the upsert, which
   * SQLite runs inside a statement savepoint: using it for every new
   * record made each save allocate and free a statement journal, and the
   * heap grew and shrank 35,000 times in one GIAS import. */
  upsert = g_string_new (NULL);
  g_string_append_printf (upsert, "INSERT INTO %s (%s) VALUES (?", klass->table, columns->str);
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append (upsert, ", ?");
  g_string_append (upsert, ")");
  sql->insert = g_strdup (upsert->str);
  g_string_append (upsert, " ON CONFLICT (id) DO UPDATE SET ");
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (upsert, "%s%s = excluded.%s", i ? ", " : "",
                            klass->fields[i].name, klass->fields[i].name);
  sql->upsert = g_string_free (upsert, FALSE);
  sql->count = g_strdup_printf ("SELECT count(*) FROM %s", klass->table);
  sql->delete_by_id = g_strdup_printf ("DELETE FROM %s WHERE id = ?", klass->table);
  g_string_free (columns, TRUE);

  g_hash_table_insert (cache, klass, sql);
  G_UNLOCK (class_sql);

  return sql;
}

static ArRecord *
record_from_row (GType          type,
                 ArRecordClass *klass,
                 sqlite3_stmt  *stmt)
{
  ArRecord *record = g_object_new (type, NULL);

  ar_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      int column = i + 1;

      if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
        continue;

      switch (klass->fields[i].type)
        {
        case AR_FIELD_INTEGER:
        case AR_FIELD_LINK:
        case AR_FIELD_BOOLEAN:
          ar_record_load_integer (record, i, sqlite3_column_int64 (stmt, column));
          break;

        case AR_FIELD_TEXT:
        case AR_FIELD_DATE:
        case AR_FIELD_CHOICE:
        case AR_FIELD_CODE_LINK:
        default:
          ar_record_load_text (record, i, (const char *) sqlite3_column_text (stmt, column));
          break;
        }
    }

  return record;
}

static GListModel *
list_rows (ArStore       *self,
           GType          type,
           const char    *sql,
           const GValue  *bound,
           GError       **error)
{
  ArRecordClass *klass = record_class (type);
  g_autoptr(ArRecordList) list = ar_record_list_new (type);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = ar_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (bound != NULL && G_VALUE_HOLDS_INT64 (bound))
    sqlite3_bind_int64 (stmt, 1, g_value_get_int64 (bound));
  else if (bound != NULL)
    sqlite3_bind_text (stmt, 1, g_value_get_string (bound), -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (type, klass, stmt));

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ar_store_set_sql_error (self, error);
      return NULL;
    }

  ar_record_list_replace_all (list, g_steal_pointer (&records));

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * ar_store_list:
 * @record_type: a subtype of #ArRecord
 *
 * Returns: (transfer full): a new list of every record of that type, oldest first
 */
GListModel *
ar_store_list (ArStore  *self,
               GType     record_type,
               GError  **error)
{
  g_return_val_if_fail (AR_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, AR_TYPE_RECORD), NULL);

  return list_rows (self, record_type, class_sql (record_class (record_type))->select_all, NULL, error);
}

/* The records whose @field equals @value; the field is checked against the
 * class so that no caller can slip other SQL into the query. */
static GListModel *
list_by_field (ArStore       *self,
               GType          record_type,
               const char    *field,
               const GValue  *value,
               GError       **error)
{
  ArRecordClass *klass = record_class (record_type);
  int index = ar_record_class_field_index (klass, field);

  if (index < 0)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND,
                   "%s has no field “%s”", klass->table, field);
      return NULL;
    }

  return list_rows (self, record_type, class_sql (klass)->select_by_field[index], value, error);
}

/**
 * ar_store_list_where:
 * @link_field: a link field of @record_type, such as "alliance_id"
 * @id: the linked record's id
 *
 * Returns: (transfer full): the records of @record_type linking to @id
 */
GListModel *
ar_store_list_where (ArStore     *self,
                     GType        record_type,
                     const char  *link_field,
                     gint64       id,
                     GError     **error)
{
  g_auto(GValue) bound = G_VALUE_INIT;

  g_return_val_if_fail (AR_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, AR_TYPE_RECORD), NULL);

  g_value_init (&bound, G_TYPE_INT64);
  g_value_set_int64 (&bound, id);

  return list_by_field (self, record_type, link_field, &bound, error);
}

static ArRecord *
first_row (ArStore       *self,
           GType          record_type,
           const char    *sql,
           const GValue  *bound,
           GError       **error)
{
  g_autoptr(GListModel) rows = list_rows (self, record_type, sql, bound, error);

  if (rows == NULL)
    return NULL;

  return g_list_model_get_item (rows, 0);
}

/**
 * ar_store_get:
 *
 * Returns: (transfer full) (nullable): the record with @id, or %NULL with
 *   %AR_STORE_ERROR_NOT_FOUND
 */
ArRecord *
ar_store_get (ArStore     *self,
              GType        record_type,
              gint64       id,
              GError     **error)
{
  g_auto(GValue) bound = G_VALUE_INIT;
  g_autoptr(GError) local_error = NULL;
  ArRecord *record;

  g_return_val_if_fail (AR_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, AR_TYPE_RECORD), NULL);

  g_value_init (&bound, G_TYPE_INT64);
  g_value_set_int64 (&bound, id);
  record = first_row (self, record_type, class_sql (record_class (record_type))->select_by_id,
                      &bound, &local_error);

  if (record == NULL && local_error == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (&local_error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND,
                   _("There is no %s with id %s"), _(record_class (record_type)->label), id_text);
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return record;
}

/**
 * ar_store_find:
 * @field: a text field, such as "urn"
 * @value: the value to look for
 *
 * Returns: (transfer full) (nullable): the first record whose @field is
 *   @value, or %NULL (with no error) when there is none
 */
ArRecord *
ar_store_find (ArStore     *self,
               GType        record_type,
               const char  *field,
               const char  *value,
               GError     **error)
{
  g_auto(GValue) bound = G_VALUE_INIT;
  g_autoptr(GListModel) rows = NULL;

  g_return_val_if_fail (AR_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, AR_TYPE_RECORD), NULL);
  g_return_val_if_fail (value != NULL, NULL);

  g_value_init (&bound, G_TYPE_STRING);
  g_value_set_string (&bound, value);
  rows = list_by_field (self, record_type, field, &bound, error);

  return rows != NULL ? g_list_model_get_item (rows, 0) : NULL;
}

guint
ar_store_count (ArStore *self,
                GType    record_type)
{
  g_return_val_if_fail (AR_IS_STORE (self), 0);
  g_return_val_if_fail (g_type_is_a (record_type, AR_TYPE_RECORD), 0);

  return query_integer (self, class_sql (record_class (record_type))->count, 0);
}

gboolean
ar_store_is_empty (ArStore *self)
{
  guint n_types;
  const GType *types = ar_record_types (&n_types);

  g_return_val_if_fail (AR_IS_STORE (self), TRUE);

  for (guint i = 0; i < n_types; i++)
    {
      /* Roles come with every register: they do not make it non-empty. */
      if (types[i] != AR_TYPE_ROLE && ar_store_count (self, types[i]) > 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * ar_store_describe:
 *
 * Returns: (transfer full) (nullable): the short name of the record with
 *   @id, or %NULL when @id is 0 or names nothing
 */
char *
ar_store_describe (ArStore *self,
                   GType    record_type,
                   gint64   id)
{
  g_autoptr(ArRecord) record = NULL;

  g_return_val_if_fail (AR_IS_STORE (self), NULL);

  if (id == 0)
    return NULL;

  record = ar_store_get (self, record_type, id, NULL);

  return record != NULL ? ar_record_describe (record) : NULL;
}

static gboolean
field_is_number (const ArField *field)
{
  return field->type == AR_FIELD_INTEGER || field->type == AR_FIELD_LINK || field->type == AR_FIELD_BOOLEAN;
}

/* @number for a field that holds one (0: no link), else @text */
static void
bind_value (sqlite3_stmt  *stmt,
            int            column,
            const ArField *field,
            gint64         number,
            const char    *text)
{
  switch (field->type)
    {
    case AR_FIELD_LINK:
      if (number == 0)
        sqlite3_bind_null (stmt, column);
      else
        sqlite3_bind_int64 (stmt, column, number);
      break;

    case AR_FIELD_INTEGER:
      sqlite3_bind_int64 (stmt, column, number);
      break;

    case AR_FIELD_BOOLEAN:
      sqlite3_bind_int (stmt, column, number ? 1 : 0);
      break;

    case AR_FIELD_TEXT:
    case AR_FIELD_DATE:
    case AR_FIELD_CHOICE:
    case AR_FIELD_CODE_LINK:
    default:
      if (text == NULL)
        sqlite3_bind_null (stmt, column);
      else
        /* the record or batch row outlives the step; a copy per value
         * was most of the heap traffic of a GIAS import */
        sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
      break;
    }
}

static void
bind_field (sqlite3_stmt  *stmt,
            int            column,
            const ArField *field,
            const GValue  *value)
{
  if (field->type == AR_FIELD_BOOLEAN)
    bind_value (stmt, column, field, g_value_get_boolean (value), NULL);
  else if (field_is_number (field))
    bind_value (stmt, column, field, g_value_get_int64 (value), NULL);
  else
    bind_value (stmt, column, field, 0, g_value_get_string (value));
}

/* Whether a record of @klass other than @except_id has @value in the field
 * @index (or, with -1, as its id). */
static gboolean
row_exists (ArStore       *self,
            ArRecordClass *klass,
            int            index,
            const GValue  *value,
            gint64         except_id,
            gint64        *found_id)
{
  const ClassSql *sql = class_sql (klass);
  sqlite3_stmt *stmt = prepare_class_sql (self, index < 0 ? sql->exists_by_id : sql->exists_by_field[index], NULL);
  ArField field = { NULL, NULL, G_VALUE_HOLDS_INT64 (value) ? AR_FIELD_LINK : AR_FIELD_TEXT };
  gboolean exists;

  if (stmt == NULL)
    return FALSE;

  bind_field (stmt, 1, &field, value);
  sqlite3_bind_int64 (stmt, 2, except_id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  if (exists && found_id != NULL)
    *found_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return exists;
}

/* What only the register can tell about one field of @record. */
static gboolean
check_field (ArStore   *self,
             ArRecord  *record,
             guint      i,
             GError   **error)
{
  ArRecordClass *klass = AR_RECORD_GET_CLASS (record);
  const ArField *field = &klass->fields[i];
  const GValue *value = ar_record_peek_value (record, i);
  gint64 other_id = 0;

  if ((field->flags & AR_FIELD_FLAG_UNIQUE) && G_VALUE_HOLDS_STRING (value)
      && g_value_get_string (value) != NULL
      && row_exists (self, klass, i, value, ar_record_get_id (record), &other_id))
    {
      g_autofree char *other = ar_store_describe (self, G_OBJECT_TYPE (record), other_id);

      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_DUPLICATE,
                   _("%s %s is already used by %s"),
                   _(field->label), g_value_get_string (value), other);
      return FALSE;
    }

  if (field->type == AR_FIELD_LINK && g_value_get_int64 (value) != 0
      && !row_exists (self, ar_record_class_for_table (field->link_table), -1, value, 0, NULL))
    {
      ArRecordClass *linked = ar_record_class_for_table (field->link_table);
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));

      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_LINK,
                   _("%s: there is no %s with id %s"),
                   _(field->label), linked ? _(linked->label) : field->link_table, id_text);
      return FALSE;
    }

  if (field->type == AR_FIELD_CODE_LINK && g_value_get_string (value) != NULL
      && !row_exists (self, ar_record_class_for_table (field->link_table),
                      ar_record_class_field_index (ar_record_class_for_table (field->link_table), "code"),
                      value, 0, NULL))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_LINK,
                   _("%s: “%s” is not a known role"),
                   _(field->label), g_value_get_string (value));
      return FALSE;
    }

  return TRUE;
}

/**
 * ar_store_check:
 *
 * Checks what only the register can tell about @record: that its unique
 * fields are not used by another record and that every link names a record
 * that exists. Field checks come from ar_record_validate().
 */
gboolean
ar_store_check (ArStore   *self,
                ArRecord  *record,
                GError   **error)
{
  ArRecordClass *klass;

  g_return_val_if_fail (AR_IS_STORE (self), FALSE);
  g_return_val_if_fail (AR_IS_RECORD (record), FALSE);

  klass = AR_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (!check_field (self, record, i, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ar_store_list_problems:
 *
 * Every problem saving @record would meet, each with its field: those of
 * ar_record_list_problems() and those of ar_store_check() (values used by
 * another record, links to nothing), for a form to mark them all at once.
 *
 * Returns: (transfer full) (element-type ArFieldProblem): the problems
 */
GPtrArray *
ar_store_list_problems (ArStore  *self,
                        ArRecord *record)
{
  GPtrArray *problems;
  guint n_fields;

  g_return_val_if_fail (AR_IS_STORE (self), NULL);
  g_return_val_if_fail (AR_IS_RECORD (record), NULL);

  problems = ar_record_list_problems (record);
  ar_record_get_fields (record, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean known = FALSE;

      for (guint j = 0; j < problems->len; j++)
        known |= ((ArFieldProblem *) g_ptr_array_index (problems, j))->field == (int) i;

      if (!known && !check_field (self, record, i, &error))
        {
          ArFieldProblem *problem = g_new0 (ArFieldProblem, 1);

          problem->field = i;
          problem->message = g_strdup (error->message);
          g_ptr_array_add (problems, problem);
        }
    }

  return problems;
}

/**
 * ar_store_drop_link_indexes:
 * @tables: (nullable): the tables whose indexes go, or %NULL for every
 *   table but the history's
 *
 * Inside a write, for a bulk import: drops the indexes that are not
 * UNIQUE (those of links, which an importer's own checks do not use:
 * they look records up by id and by unique value), to be built again
 * from the whole table by ar_store_build_indexes() at the import's end,
 * in the same transaction, rather than row by row. A rollback brings
 * them back.
 *
 * Returns: (transfer full): the SQL that builds them again, or %NULL on
 *   failure
 */
GPtrArray *
ar_store_drop_link_indexes (ArStore            *self,
                            const char * const *tables,
                            GError            **error)
{
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AR_IS_STORE (self), NULL);
  g_return_val_if_fail (self->write_depth > 0, NULL);

  stmt = ar_store_prepare (self,
                           "SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                           " AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name NOT LIKE 'history%' ORDER BY name",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (tables != NULL && !g_strv_contains (tables, (const char *) sqlite3_column_text (stmt, 2)))
        continue;
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ar_store_set_sql_error (self, error);
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) names->pdata[i]);
      gboolean ok = ar_store_exec (self, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&indexes);
}

/**
 * ar_store_build_indexes:
 * @indexes: what ar_store_drop_link_indexes() returned
 *
 * Writes the rows the batches hold, then builds the indexes again.
 */
gboolean
ar_store_build_indexes (ArStore    *self,
                        GPtrArray  *indexes,
                        GError    **error)
{
  g_return_val_if_fail (AR_IS_STORE (self), FALSE);
  g_return_val_if_fail (indexes != NULL, FALSE);

  if (!ar_store_batch_flush (self, error))
    return FALSE;

  for (guint i = 0; i < indexes->len; i++)
    {
      if (!ar_store_exec (self, indexes->pdata[i], error))
        return FALSE;
    }

  return TRUE;
}

/* Batches of new records ------------------------------------------------ */

/* Rows per multi-row INSERT: one statement run instead of 64 (each its
 * own cursor opening, seek for a new id and halt) */
#define BATCH_ROWS 64

struct _ArStoreBatch
{
  ArStore       *store;        /* not a reference: a batch lives inside one write */
  ArRecordClass *klass;
  GPtrArray     *pending;      /* BatchRows added and not yet written, with their ids */
  gint64         next_id;      /* 0: read the table's highest id first */
  char          *insert_many;  /* BATCH_ROWS rows at once */
  char          *highest;
  /* an ArStoreFill's: rows keep their own ids, and a statement that
   * fails is tried again row by row to name the row refused */
  gboolean       keep_ids;
  ArRecord      *refused;
  /* the writer's own statements, used only in its thread */
  const char    *insert_one;
  sqlite3_stmt  *behind_many;
  sqlite3_stmt  *behind_one;
};

/* A new record's values as the batch will write them, in one block with
 * their text: the caller may change or reuse the record once it is
 * added (an importer fills one record for every new row). */
typedef union
{
  gint64      number;  /* integers, links (0: none) and booleans */
  const char *text;    /* NULL for none */
} BatchValue;

typedef struct
{
  gint64     id;
  BatchValue values[];
} BatchRow;

static BatchRow *
batch_row_new (ArRecordClass *klass,
               ArRecord      *record)
{
  const GValue *values = ar_record_peek_values (record);
  gsize size = sizeof (BatchRow) + klass->n_fields * sizeof (BatchValue);
  BatchRow *row;
  char *at;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (!field_is_number (&klass->fields[i]) && g_value_get_string (&values[i]) != NULL)
        size += strlen (g_value_get_string (&values[i])) + 1;
    }

  row = g_malloc (size);
  at = (char *) &row->values[klass->n_fields];
  row->id = ar_record_get_id (record);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GValue *value = &values[i];

      if (klass->fields[i].type == AR_FIELD_BOOLEAN)
        row->values[i].number = g_value_get_boolean (value);
      else if (field_is_number (&klass->fields[i]))
        row->values[i].number = g_value_get_int64 (value);
      else if (g_value_get_string (value) == NULL)
        row->values[i].text = NULL;
      else
        {
          gsize length = strlen (g_value_get_string (value)) + 1;

          row->values[i].text = memcpy (at, g_value_get_string (value), length);
          at += length;
        }
    }

  return row;
}

/* The record @row was made from, to name the one SQLite refused */
static ArRecord *
batch_row_to_record (ArRecordClass *klass,
                     BatchRow      *row)
{
  ArRecord *record = g_object_new (G_TYPE_FROM_CLASS (klass), NULL);

  ar_record_set_id (record, row->id);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (field_is_number (&klass->fields[i]))
        ar_record_load_integer (record, i, row->values[i].number);
      else if (row->values[i].text != NULL)
        ar_record_load_text (record, i, row->values[i].text);
    }

  return record;
}

static gboolean
batch_pending (ArStore       *self,
               ArRecordClass *klass)
{
  for (guint i = 0; self->batches != NULL && i < self->batches->len; i++)
    {
      ArStoreBatch *batch = g_ptr_array_index (self->batches, i);

      if (batch->klass == klass && batch->pending->len > 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * ar_store_batch_new:
 * @record_type: the type of the new records
 *
 * Inside a write: new records of @record_type that ar_store_batch_add()
 * takes are validated as ar_store_save() validates them, get their ids
 * at once (after the table's highest, as SQLite would give them) and are
 * written many rows to a statement. ar_store_check() is left to the
 * caller, which must know the unique values and links from what it holds
 * (an importer's hashes by key); SQLite's own constraints still refuse
 * what slips through, failing the write. Pending rows are written before
 * any other save to their table, before the deferred checks, and at the
 * latest when the write commits; batches write in the order they were
 * made, so make the batch of linked-to records first.
 *
 * Returns: (transfer full): the batch, for ar_store_batch_free() before
 *   the write ends
 */
ArStoreBatch *
ar_store_batch_new (ArStore *self,
                    GType    record_type)
{
  ArStoreBatch *batch;
  g_autoptr(GString) sql = NULL;
  const ClassSql *class_statements;
  const char *values;

  g_return_val_if_fail (AR_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, AR_TYPE_RECORD), NULL);
  g_return_val_if_fail (self->write_depth > 0, NULL);

  batch = g_new0 (ArStoreBatch, 1);
  batch->store = self;
  batch->klass = record_class (record_type);
  batch->pending = g_ptr_array_new_with_free_func (g_free);
  batch->highest = g_strdup_printf ("SELECT max(id) FROM %s", batch->klass->table);

  /* the single-row INSERT's text, its row repeated */
  class_statements = class_sql (batch->klass);
  values = strstr (class_statements->insert, " VALUES ");
  sql = g_string_new (class_statements->insert);
  for (guint i = 1; i < BATCH_ROWS; i++)
    g_string_append_printf (sql, ",%s", values + strlen (" VALUES "));
  batch->insert_many = g_string_free (g_steal_pointer (&sql), FALSE);
  batch->insert_one = class_statements->insert;

  if (self->batches == NULL)
    self->batches = g_ptr_array_new ();
  g_ptr_array_add (self->batches, batch);

  return batch;
}

void
ar_store_batch_free (ArStoreBatch *batch)
{
  if (batch == NULL)
    return;

  /* the writer may still be writing with the batch's statements */
  writer_wait (batch->store, FALSE, NULL);
  g_clear_pointer (&batch->behind_many, sqlite3_finalize);
  g_clear_pointer (&batch->behind_one, sqlite3_finalize);
  g_ptr_array_remove (batch->store->batches, batch);
  g_ptr_array_unref (batch->pending);
  g_clear_object (&batch->refused);
  g_free (batch->insert_many);
  g_free (batch->highest);
  g_free (batch);
}

/* What write_record() and save_func() note for a new record, then
 * @record waits to be written with @batch. */
static gboolean
batch_keep (ArStoreBatch  *batch,
            ArRecord      *record,
            gboolean       is_new,
            GError       **error)
{
  ArStore *self = batch->store;

  g_ptr_array_add (batch->pending, batch_row_new (batch->klass, record));

  if (self->deferred_tables != NULL)
    g_hash_table_add (self->deferred_tables, (gpointer) batch->klass->table);
  if (self->history != NULL)
    ar_history_log_saved (self->history, record, is_new);
  journal_add (self, NULL, record, NULL);

  if (batch->pending->len >= BATCH_ROWS)
    return self->write_behind ? hand_over_batches (self, error) : ar_store_batch_flush (self, error);

  return TRUE;
}

/**
 * ar_store_batch_add:
 * @record: a new record (id 0)
 *
 * Validates @record and, if it is valid, gives it its id and keeps a copy
 * of its values to be written with the batch: the caller may change or
 * reuse @record once this returns. Fails as ar_store_save() fails for a
 * record that ar_record_validate() refuses, or when writing a full batch
 * fails.
 */
gboolean
ar_store_batch_add (ArStoreBatch  *batch,
                    ArRecord      *record,
                    GError       **error)
{
  ArStore *self;

  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (AR_RECORD_GET_CLASS (record) == batch->klass, FALSE);
  g_return_val_if_fail (ar_record_get_id (record) == 0, FALSE);

  self = batch->store;
  if (!ar_record_validate (record, error))
    return FALSE;

  if (batch->next_id == 0)
    {
      sqlite3_stmt *stmt = ar_store_prepare (self, batch->highest, error);

      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          ar_store_set_sql_error (self, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      batch->next_id = sqlite3_column_int64 (stmt, 0) + 1;
      sqlite3_reset (stmt);
    }

  ar_record_set_id (record, batch->next_id++);

  return batch_keep (batch, record, TRUE, error);
}

static gboolean
step_insert (ArStore       *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      ar_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

/* As bind_field() binds a record's values */
static int
bind_row (sqlite3_stmt  *stmt,
          int            column,
          ArRecordClass *klass,
          BatchRow      *row)
{
  sqlite3_bind_int64 (stmt, column++, row->id);
  for (guint i = 0; i < klass->n_fields; i++, column++)
    {
      const ArField *field = &klass->fields[i];

      if (field_is_number (field))
        bind_value (stmt, column, field, row->values[i].number, NULL);
      else
        bind_value (stmt, column, field, 0, row->values[i].text);
    }

  return column;
}

/* Binds @n of @rows from @first to @stmt, which has room for @n, and
 * writes them. */
static gboolean
step_rows (ArStore        *self,
           sqlite3_stmt   *stmt,
           ArRecordClass  *klass,
           GPtrArray      *rows,
           guint           first,
           guint           n,
           GError        **error)
{
  int column = 1;

  for (guint r = 0; r < n; r++)
    column = bind_row (stmt, column, klass, g_ptr_array_index (rows, first + r));

  return step_insert (self, stmt, error);
}

static gboolean
flush_batch (ArStoreBatch  *batch,
             GError       **error)
{
  ArStore *self = batch->store;
  ArRecordClass *klass = batch->klass;
  guint done = 0;

  while (batch->pending->len - done >= BATCH_ROWS)
    {
      sqlite3_stmt *stmt = ar_store_prepare (self, batch->insert_many, error);

      if (stmt == NULL)
        return FALSE;
      if (!step_rows (self, stmt, klass, batch->pending, done, BATCH_ROWS, batch->keep_ids ? NULL : error))
        {
          /* SQLite took the whole statement back: the rows go one by
           * one below, as saves would, until the one it refuses */
          if (batch->keep_ids)
            break;
          return FALSE;
        }
      done += BATCH_ROWS;
    }

  for (; done < batch->pending->len; done++)
    {
      sqlite3_stmt *stmt = prepare_class_sql (self, batch->keep_ids ? class_sql (klass)->upsert
                                                                    : class_sql (klass)->insert,
                                              error);

      if (stmt == NULL)
        return FALSE;
      if (!step_rows (self, stmt, klass, batch->pending, done, 1, error))
        {
          if (batch->keep_ids)
            {
              g_clear_object (&batch->refused);
              batch->refused = batch_row_to_record (klass, g_ptr_array_index (batch->pending, done));
            }
          return FALSE;
        }
    }

  g_ptr_array_set_size (batch->pending, 0);
  /* another save may take the next id meanwhile */
  batch->next_id = 0;

  return TRUE;
}

/* Batches written behind -------------------------------------------- */

/* Rows that one batch held, for the writer */
typedef struct
{
  ArStoreBatch *batch;
  GPtrArray    *rows;
} WriterJob;

/* At most this many wait: when SQLite is the slower, the caller waits
 * rather than holding a whole extract in memory. */
#define WRITER_QUEUE 4

/* A thread that writes the rows of full batches while the caller goes on
 * building the next. The connection is used by one thread at a time:
 * before any statement of its own, the caller waits until the writer has
 * written everything handed to it (writer_wait(), which ar_store_prepare(),
 * ar_store_exec() and every other way to the connection call first). */
struct _ArStoreWriter
{
  ArStore  *store;     /* not a reference: the writer lives inside one write */
  GThread  *thread;
  GMutex    lock;
  GCond     cond;
  GQueue    jobs;
  gboolean  busy;      /* writing a job it took from @jobs */
  gboolean  stop;
  GError   *error;     /* the first failure; every later job is dropped */
};

static void
writer_job_free (gpointer data)
{
  WriterJob *job = data;

  g_ptr_array_unref (job->rows);
  g_free (job);
}

/* As flush_batch() writes a batch that makes ids, with statements the
 * writer prepared in its thread */
static gboolean
write_job (ArStore    *self,
           WriterJob  *job,
           GError    **error)
{
  ArStoreBatch *batch = job->batch;
  guint done = 0;

  for (; job->rows->len - done >= BATCH_ROWS; done += BATCH_ROWS)
    {
      if (batch->behind_many == NULL
          && sqlite3_prepare_v3 (self->db, batch->insert_many, -1, SQLITE_PREPARE_PERSISTENT,
                                 &batch->behind_many, NULL) != SQLITE_OK)
        {
          ar_store_set_sql_error (self, error);
          return FALSE;
        }
      if (!step_rows (self, batch->behind_many, batch->klass, job->rows, done, BATCH_ROWS, error))
        return FALSE;
    }

  for (; done < job->rows->len; done++)
    {
      if (batch->behind_one == NULL
          && sqlite3_prepare_v3 (self->db, batch->insert_one, -1, SQLITE_PREPARE_PERSISTENT,
                                 &batch->behind_one, NULL) != SQLITE_OK)
        {
          ar_store_set_sql_error (self, error);
          return FALSE;
        }
      if (!step_rows (self, batch->behind_one, batch->klass, job->rows, done, 1, error))
        return FALSE;
    }

  return TRUE;
}

static gpointer
writer_thread (gpointer data)
{
  ArStoreWriter *writer = data;

  g_mutex_lock (&writer->lock);
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      WriterJob *job;
      gboolean failed;

      while (!writer->stop && g_queue_is_empty (&writer->jobs))
        g_cond_wait (&writer->cond, &writer->lock);
      job = g_queue_pop_head (&writer->jobs);
      if (job == NULL)
        break;
      writer->busy = TRUE;
      failed = writer->error != NULL;
      g_mutex_unlock (&writer->lock);

      if (!failed)
        write_job (writer->store, job, &local_error);
      writer_job_free (job);

      g_mutex_lock (&writer->lock);
      writer->busy = FALSE;
      if (local_error != NULL && writer->error == NULL)
        writer->error = g_steal_pointer (&local_error);
      g_cond_broadcast (&writer->cond);
    }
  g_mutex_unlock (&writer->lock);

  return NULL;
}

/* Until the writer has written all it holds (or, @discard, dropped what
 * it has not started): then the connection is the caller's. Fails with
 * the writer's failure, every time until the write ends. */
static gboolean
writer_wait (ArStore   *self,
             gboolean   discard,
             GError   **error)
{
  ArStoreWriter *writer = self->writer;
  gboolean ok;

  if (writer == NULL)
    return TRUE;

  g_mutex_lock (&writer->lock);
  if (discard)
    g_queue_clear_full (&writer->jobs, writer_job_free);
  while (writer->busy || !g_queue_is_empty (&writer->jobs))
    g_cond_wait (&writer->cond, &writer->lock);
  ok = writer->error == NULL;
  if (!ok && error != NULL)
    *error = g_error_copy (writer->error);
  g_mutex_unlock (&writer->lock);

  return ok;
}

/* At the end of the write: nothing is left to write (the commit waited
 * for it, a rollback dropped it). */
static void
writer_stop (ArStore *self)
{
  ArStoreWriter *writer = g_steal_pointer (&self->writer);

  self->write_behind = FALSE;
  if (writer == NULL)
    return;

  g_mutex_lock (&writer->lock);
  g_queue_clear_full (&writer->jobs, writer_job_free);
  writer->stop = TRUE;
  g_cond_broadcast (&writer->cond);
  g_mutex_unlock (&writer->lock);
  g_thread_join (writer->thread);

  g_clear_error (&writer->error);
  g_mutex_clear (&writer->lock);
  g_cond_clear (&writer->cond);
  g_free (writer);
}

/* What flushing the batches would write, handed to the writer in the
 * same order: a batch of links goes after the rows it links to. */
static gboolean
hand_over_batches (ArStore  *self,
                   GError  **error)
{
  ArStoreWriter *writer = self->writer;
  gboolean ok;

  if (writer == NULL)
    {
      writer = self->writer = g_new0 (ArStoreWriter, 1);
      writer->store = self;
      g_mutex_init (&writer->lock);
      g_cond_init (&writer->cond);
      g_queue_init (&writer->jobs);
      writer->thread = g_thread_new ("ar-store-writer", writer_thread, writer);
    }

  g_mutex_lock (&writer->lock);
  while (writer->error == NULL && g_queue_get_length (&writer->jobs) >= WRITER_QUEUE)
    g_cond_wait (&writer->cond, &writer->lock);
  ok = writer->error == NULL;
  for (guint i = 0; ok && i < self->batches->len; i++)
    {
      ArStoreBatch *batch = g_ptr_array_index (self->batches, i);
      WriterJob *job;

      if (batch->pending->len == 0)
        continue;
      job = g_new0 (WriterJob, 1);
      job->batch = batch;
      job->rows = g_steal_pointer (&batch->pending);
      batch->pending = g_ptr_array_new_with_free_func (g_free);
      g_queue_push_tail (&writer->jobs, job);
    }
  if (!ok)
    g_propagate_error (error, g_error_copy (writer->error));
  g_cond_broadcast (&writer->cond);
  g_mutex_unlock (&writer->lock);

  /* the rows keep the ids they were given: next_id goes on from them */
  return ok;
}

/**
 * ar_store_write_batches_behind:
 *
 * For the rest of the write open: the batches' full statements are
 * written by a thread of their own while the caller builds the next
 * rows. Nothing else changes: the statements and their order are those
 * of writing where the batches fill, a failure fails the next use of the
 * store and the write, and the write's transaction holds it all.
 */
void
ar_store_write_batches_behind (ArStore *self)
{
  g_return_if_fail (AR_IS_STORE (self));
  g_return_if_fail (self->write_depth > 0);

  self->write_behind = TRUE;
}

/**
 * ar_store_batch_flush:
 *
 * Writes the rows every open batch holds, batch by batch in the order
 * they were made.
 */
gboolean
ar_store_batch_flush (ArStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (AR_IS_STORE (self), FALSE);

  if (!writer_wait (self, FALSE, error))
    return FALSE;

  for (guint i = 0; self->batches != NULL && i < self->batches->len; i++)
    {
      if (!flush_batch (g_ptr_array_index (self->batches, i), error))
        return FALSE;
    }

  return TRUE;
}

/* A rollback takes back what the batches held too. */
static void
drop_batched (ArStore *self)
{
  writer_wait (self, TRUE, NULL);
  for (guint i = 0; self->batches != NULL && i < self->batches->len; i++)
    {
      ArStoreBatch *batch = g_ptr_array_index (self->batches, i);

      g_ptr_array_set_size (batch->pending, 0);
      batch->next_id = 0;
    }
}

static gboolean
write_record (ArStore   *self,
              ArRecord  *record,
              ArRecord  *known_before,
              GError   **error)
{
  ArRecordClass *klass = AR_RECORD_GET_CLASS (record);
  sqlite3_stmt *stmt;
  gint64 id = ar_record_get_id (record);
  g_autoptr(ArRecord) before = NULL;
  gboolean first_touch = FALSE;

  if (!ar_record_validate (record, error) || !ar_store_check (self, record, error))
    return FALSE;

  /* a batch's rows have their ids already: they go in first */
  if (batch_pending (self, klass) && !ar_store_batch_flush (self, error))
    return FALSE;

  if (self->deferred_tables != NULL)
    g_hash_table_add (self->deferred_tables, (gpointer) klass->table);

  /* the record as the transaction found it, once, for the history */
  if (self->history != NULL && id != 0 && !ar_history_log_has (self->history, klass->table, id))
    {
      g_autoptr(GError) local_error = NULL;

      first_touch = TRUE;
      before = known_before != NULL ? g_object_ref (known_before)
                                    : ar_store_get (self, G_OBJECT_TYPE (record), id, &local_error);
      if (before == NULL && !g_error_matches (local_error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  stmt = prepare_class_sql (self, id == 0 ? class_sql (klass)->insert : class_sql (klass)->upsert, error);
  if (stmt == NULL)
    return FALSE;

  if (id == 0)
    sqlite3_bind_null (stmt, 1);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < klass->n_fields; i++)
    bind_field (stmt, i + 2, &klass->fields[i], ar_record_peek_value (record, i));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      ar_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (id == 0)
    ar_record_set_id (record, sqlite3_last_insert_rowid (self->db));

  if (self->history != NULL)
    {
      if (before != NULL)
        ar_history_log_touch (self->history, klass->table, id, before);
      ar_history_log_saved (self->history, record, id == 0 || (first_touch && before == NULL));
    }

  return TRUE;
}

/* Runs @func in a transaction (joining one already open), and tells
 * listeners once the outermost transaction has committed. */
static gboolean
run_in_transaction (ArStore           *self,
                    ArStoreWriteFunc   func,
                    gpointer           user_data,
                    GType              changed_type,
                    GError           **error)
{
  if (!begin (self, error))
    return FALSE;

  if (!func (self, user_data, error))
    {
      rollback (self);
      return FALSE;
    }

  if (!commit (self, error))
    return FALSE;

  if (self->write_depth == 0)
    emit_committed (self, changed_type);

  return TRUE;
}

typedef struct
{
  ArRecord *record;
  ArRecord *before;   /* as the register holds it, when the caller knows */
} SaveData;

static gboolean
save_func (ArStore   *self,
           gpointer   user_data,
           GError   **error)
{
  SaveData *data = user_data;
  g_autoptr(ArRecord) before = data->before != NULL ? g_object_ref (data->before) : NULL;
  gint64 id = ar_record_get_id (data->record);

  if (self->journal != NULL && id != 0 && before == NULL)
    before = ar_store_get (self, G_OBJECT_TYPE (data->record), id, NULL);

  if (!write_record (self, data->record, data->before, error))
    return FALSE;

  journal_add (self, before, data->record, NULL);
  return TRUE;
}

/**
 * ar_store_save:
 * @record: a new record (id 0) or a changed one
 *
 * Validates @record and writes it in its own transaction (or in the one
 * ar_store_write() has open). A new record gets its id.
 */
gboolean
ar_store_save (ArStore   *self,
               ArRecord  *record,
               GError   **error)
{
  SaveData data = { record, NULL };

  g_return_val_if_fail (AR_IS_STORE (self), FALSE);
  g_return_val_if_fail (AR_IS_RECORD (record), FALSE);

  return run_in_transaction (self, save_func, &data, G_OBJECT_TYPE (record), error);
}

/**
 * ar_store_save_changed:
 * @record: a changed record, with its id
 * @before: the same record exactly as the register holds it now
 *
 * ar_store_save() for a caller that has just read the record and so
 * knows what it replaces: the history and the undo journal take @before
 * instead of reading the row again (an import that changes 50,000
 * schools read each twice).
 */
gboolean
ar_store_save_changed (ArStore   *self,
                       ArRecord  *record,
                       ArRecord  *before,
                       GError   **error)
{
  SaveData data = { record, before };

  g_return_val_if_fail (AR_IS_STORE (self), FALSE);
  g_return_val_if_fail (AR_IS_RECORD (record), FALSE);
  g_return_val_if_fail (AR_IS_RECORD (before), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (before) == G_OBJECT_TYPE (record), FALSE);
  g_return_val_if_fail (ar_record_get_id (before) == ar_record_get_id (record), FALSE);

  return run_in_transaction (self, save_func, &data, G_OBJECT_TYPE (record), error);
}

/* Filling emptied tables ------------------------------------------------ */

/* One table an ArStoreFill writes: what is in it, and so what the
 * checks of ar_store_check() would find there, kept in hashes */
typedef struct
{
  ArRecordClass *klass;
  ArStoreBatch  *batch;
  GHashTable    *ids;       /* gint64 ids in the table */
  GHashTable   **unique;    /* by field: its values, ASCII case folded */
  GHashTable    *codes;     /* the "code" field's values as they are, for code links */
  int            code_field;
} FillTable;

struct _ArStoreFill
{
  ArStore    *store;
  gboolean    validated;
  GHashTable *tables;       /* ArRecordClass → FillTable */
  FillTable  *last;         /* the table of the record taken last */
};

static void
fill_table_free (gpointer data)
{
  FillTable *table = data;

  ar_store_batch_free (table->batch);
  g_hash_table_unref (table->ids);
  for (guint i = 0; i < table->klass->n_fields; i++)
    g_clear_pointer (&table->unique[i], g_hash_table_unref);
  g_free (table->unique);
  g_clear_pointer (&table->codes, g_hash_table_unref);
  g_free (table);
}

/* A unique column may compare without case (a role's name): folded, a
 * value matches every value SQLite could take as the same one, and a
 * match is only a reason to ask SQLite. */
static void
fill_table_note (FillTable  *table,
                 gint64      id,
                 int         field,
                 const char *text)
{
  if (field < 0)
    {
      g_hash_table_add (table->ids, g_memdup2 (&id, sizeof id));
      return;
    }
  if (text == NULL)
    return;
  if (table->unique[field] != NULL)
    g_hash_table_add (table->unique[field], g_ascii_strdown (text, -1));
  if (field == table->code_field)
    g_hash_table_add (table->codes, g_strdup (text));
}

static void
fill_table_note_record (FillTable *table,
                        ArRecord  *record)
{
  const GValue *values = ar_record_peek_values (record);

  fill_table_note (table, ar_record_get_id (record), -1, NULL);
  for (guint i = 0; i < table->klass->n_fields; i++)
    {
      if (G_VALUE_HOLDS_STRING (&values[i]))
        fill_table_note (table, 0, i, g_value_get_string (&values[i]));
    }
}

static FillTable *
fill_table_new (ArStore        *self,
                ArRecordClass  *klass,
                GError        **error)
{
  FillTable *table = g_new0 (FillTable, 1);
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  sqlite3_stmt *stmt;
  int rc;

  table->klass = klass;
  table->batch = ar_store_batch_new (self, G_TYPE_FROM_CLASS (klass));
  table->batch->keep_ids = TRUE;
  table->ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  table->unique = g_new0 (GHashTable *, klass->n_fields);
  table->code_field = ar_record_class_field_index (klass, "code");
  if (table->code_field >= 0)
    table->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (klass->fields[i].flags & AR_FIELD_FLAG_UNIQUE)
        table->unique[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_string_append_printf (sql, ", %s", klass->fields[i].name);
    }
  g_string_append_printf (sql, " FROM %s", klass->table);

  /* what the table holds already (an emptied register's roles) */
  stmt = ar_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    {
      fill_table_free (table);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      fill_table_note (table, sqlite3_column_int64 (stmt, 0), -1, NULL);
      for (guint i = 0; i < klass->n_fields; i++)
        fill_table_note (table, 0, i, (const char *) sqlite3_column_text (stmt, i + 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ar_store_set_sql_error (self, error);
      fill_table_free (table);
      return NULL;
    }

  return table;
}

/**
 * ar_store_fill_new:
 * @validated: whether every record given to ar_store_fill_add() has
 *   passed ar_record_validate() already and not changed since
 *
 * Inside a write: for an import into a register it has just emptied.
 * Records that ar_store_fill_add() takes keep their ids and go into
 * the tables with ArStoreBatches, checked as ar_store_save() checks
 * them, but against hashes of what the tables hold instead of a query
 * per field, and with no record "before" to read for the history: a
 * new id has none. Anything the hashes cannot vouch for (an id already
 * in the table, a unique value that may be taken, a link they do not
 * know) is saved with ar_store_save() instead, after the rows before
 * it, so errors are the same, with the same messages, as saving record
 * by record. Call ar_store_fill_flush() before ar_store_fill_free(),
 * which drops the rows still held, as a failed write does.
 *
 * Returns: (transfer full) (nullable): the fill, or %NULL with @error
 */
ArStoreFill *
ar_store_fill_new (ArStore   *self,
                   gboolean   validated,
                   GError   **error)
{
  g_autoptr(ArStoreFill) fill = NULL;
  guint n_types;
  const GType *types = ar_record_types (&n_types);

  g_return_val_if_fail (AR_IS_STORE (self), NULL);
  g_return_val_if_fail (self->write_depth > 0, NULL);

  fill = g_new0 (ArStoreFill, 1);
  fill->store = self;
  fill->validated = validated;
  fill->tables = g_hash_table_new_full (NULL, NULL, NULL, fill_table_free);

  /* batches write in the order they were made: links first */
  for (guint i = 0; i < n_types; i++)
    {
      ArRecordClass *klass = record_class (types[i]);
      FillTable *table = fill_table_new (self, klass, error);

      if (table == NULL)
        return NULL;
      g_hash_table_insert (fill->tables, klass, table);
    }

  return g_steal_pointer (&fill);
}

void
ar_store_fill_free (ArStoreFill *fill)
{
  if (fill == NULL)
    return;

  g_hash_table_unref (fill->tables);
  g_free (fill);
}

/* Whether ar_store_check() would surely pass @record, a new one, as
 * the tables stand with what the fill has taken so far. */
static gboolean
fill_vouches_for (ArStoreFill *fill,
                  FillTable   *table,
                  ArRecord    *record)
{
  ArRecordClass *klass = table->klass;
  const GValue *values = ar_record_peek_values (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ArField *field = &klass->fields[i];
      const GValue *value = &values[i];
      FillTable *linked;

      if (table->unique[i] != NULL && G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
        {
          g_autofree char *folded = g_ascii_strdown (g_value_get_string (value), -1);

          if (g_hash_table_contains (table->unique[i], folded))
            return FALSE;
        }

      if (field->type != AR_FIELD_LINK && field->type != AR_FIELD_CODE_LINK)
        continue;

      linked = g_hash_table_lookup (fill->tables, ar_record_class_for_table (field->link_table));
      if (field->type == AR_FIELD_LINK && g_value_get_int64 (value) != 0)
        {
          gint64 id = g_value_get_int64 (value);

          if (linked == NULL || !g_hash_table_contains (linked->ids, &id))
            return FALSE;
        }
      if (field->type == AR_FIELD_CODE_LINK && g_value_get_string (value) != NULL
          && (linked == NULL || linked->codes == NULL
              || !g_hash_table_contains (linked->codes, g_value_get_string (value))))
        return FALSE;
    }

  return TRUE;
}

/* The record a failed batch names, if one does */
static ArRecord *
fill_take_refused (ArStoreFill *fill)
{
  GHashTableIter iter;
  FillTable *table;

  g_hash_table_iter_init (&iter, fill->tables);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &table))
    {
      if (table->batch->refused != NULL)
        return g_steal_pointer (&table->batch->refused);
    }

  return NULL;
}

/**
 * ar_store_fill_flush:
 * @refused: (out) (transfer full) (optional): on failure, a copy of the
 *   record SQLite refused, or %NULL when the failure was not one record's
 *
 * Writes the rows the fill's batches hold.
 */
gboolean
ar_store_fill_flush (ArStoreFill  *fill,
                     ArRecord    **refused,
                     GError      **error)
{
  ArRecord *failed;

  g_return_val_if_fail (fill != NULL, FALSE);

  if (refused != NULL)
    *refused = NULL;

  if (ar_store_batch_flush (fill->store, error))
    return TRUE;

  failed = fill_take_refused (fill);
  if (refused != NULL)
    *refused = g_steal_pointer (&failed);
  g_clear_object (&failed);

  return FALSE;
}

/**
 * ar_store_fill_add:
 * @record: a record with its id (from 1)
 * @refused: (out) (transfer full) (optional): on failure, the record
 *   refused: @record, or a copy of one taken earlier that SQLite refused
 *   when its batch was written
 *
 * Writes @record as ar_store_save() would, in the write open: see
 * ar_store_fill_new().
 */
gboolean
ar_store_fill_add (ArStoreFill  *fill,
                   ArRecord     *record,
                   ArRecord    **refused,
                   GError      **error)
{
  ArStore *self;
  FillTable *table;
  gint64 id;

  g_return_val_if_fail (fill != NULL, FALSE);
  g_return_val_if_fail (AR_IS_RECORD (record), FALSE);
  g_return_val_if_fail (ar_record_get_id (record) > 0, FALSE);

  self = fill->store;
  id = ar_record_get_id (record);
  table = g_hash_table_lookup (fill->tables, AR_RECORD_GET_CLASS (record));
  if (refused != NULL)
    *refused = NULL;

  /* one batch holds rows at a time, so they land in the order taken
   * (batches write in the order they were made) */
  if (table != fill->last && !ar_store_fill_flush (fill, refused, error))
    return FALSE;
  fill->last = table;

  if (table != NULL && !g_hash_table_contains (table->ids, &id)
      && (fill->validated || ar_record_validate (record, NULL))
      && fill_vouches_for (fill, table, record))
    {
      /* no record before it: new to the history unless the transaction
       * emptied this id earlier and so follows it already */
      gboolean is_new = self->history == NULL || !ar_history_log_has (self->history, table->klass->table, id);

      fill_table_note_record (table, record);
      if (!batch_keep (table->batch, record, is_new, error))
        {
          if (refused != NULL)
            *refused = fill_take_refused (fill);
          return FALSE;
        }
      return TRUE;
    }

  /* the rows before it first, then as ar_store_save() would */
  if (!ar_store_fill_flush (fill, refused, error))
    return FALSE;
  if (!ar_store_save (self, record, error))
    {
      if (refused != NULL)
        *refused = g_object_ref (record);
      return FALSE;
    }
  if (table != NULL)
    fill_table_note_record (table, record);

  return TRUE;
}

static gboolean
field_deletes_with_link (const ArField *field)
{
  return (field->flags & (AR_FIELD_FLAG_REQUIRED | AR_FIELD_FLAG_CASCADE)) != 0;
}

/* Collects what deleting (@table, @id) takes with it, the way the schema's
 * ON DELETE rules will: dependants to delete, and records whose optional
 * link will be emptied (kept as they are now, for undo). */
static gboolean
collect_dependants (ArStore     *self,
                    const char  *table,
                    gint64       id,
                    GPtrArray   *affected,
                    GError     **error)
{
  guint n_types;
  const GType *types = ar_record_types (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      ArRecordClass *klass = record_class (types[t]);

      for (guint i = 0; i < klass->n_fields; i++)
        {
          const ArField *field = &klass->fields[i];
          g_autoptr(GListModel) rows = NULL;

          if (field->type != AR_FIELD_LINK || g_strcmp0 (field->link_table, table) != 0)
            continue;

          rows = ar_store_list_where (self, types[t], field->name, id, error);
          if (rows == NULL)
            return FALSE;

          for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
            {
              g_autoptr(ArRecord) row = g_list_model_get_item (rows, r);

              g_ptr_array_add (affected, g_object_ref (row));
              if (field_deletes_with_link (field)
                  && !collect_dependants (self, klass->table, ar_record_get_id (row), affected, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * ar_store_delete:
 *
 * Deletes @record and, as the links require, the records that depend on it.
 *
 * Returns: (transfer full) (element-type ArRecord): every record deleted or
 *   changed, as it was before, for ar_store_restore() to undo with
 */
GPtrArray *
ar_store_delete (ArStore   *self,
                 ArRecord  *record,
                 GError   **error)
{
  g_autoptr(GPtrArray) affected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ArRecord) current = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AR_IS_STORE (self), NULL);
  g_return_val_if_fail (AR_IS_RECORD (record), NULL);

  if (AR_IS_ROLE (record))
    {
      g_set_error_literal (error, AR_STORE_ERROR, AR_STORE_ERROR_IN_USE,
                           _("Roles cannot be deleted; leave them out of the summary instead"));
      return NULL;
    }

  if (!begin (self, error))
    return NULL;

  current = ar_store_get (self, G_OBJECT_TYPE (record), ar_record_get_id (record), error);
  if (current == NULL
      || (AR_RECORD_GET_CLASS (record)->check_delete != NULL
          && !AR_RECORD_GET_CLASS (record)->check_delete (current, self, error))
      || !collect_dependants (self, ar_record_get_table (record), ar_record_get_id (record), affected, error))
    {
      rollback (self);
      return NULL;
    }
  g_ptr_array_insert (affected, 0, g_steal_pointer (&current));

  stmt = ar_store_prepare (self, class_sql (AR_RECORD_GET_CLASS (record))->delete_by_id, error);
  if (stmt == NULL)
    {
      rollback (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, ar_record_get_id (record));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      ar_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      rollback (self);
      return NULL;
    }
  sqlite3_reset (stmt);
  journal_add (self, g_ptr_array_index (affected, 0), NULL, affected);
  /* deleted, or a link emptied: the history reads them again at commit */
  for (guint i = 0; self->history != NULL && i < affected->len; i++)
    {
      ArRecord *each = g_ptr_array_index (affected, i);

      ar_history_log_touch (self->history, ar_record_get_table (each), ar_record_get_id (each), each);
    }

  if (!commit (self, error))
    return NULL;

  if (self->write_depth == 0)
    emit_committed (self, G_TYPE_NONE);

  return g_steal_pointer (&affected);
}

static gboolean
restore_func (ArStore   *self,
              gpointer   records,
              GError   **error)
{
  GPtrArray *ordered = records;

  self->journal_incomplete = TRUE;
  for (guint i = 0; i < ordered->len; i++)
    {
      if (!write_record (self, g_ptr_array_index (ordered, i), NULL, error))
        return FALSE;
    }

  return TRUE;
}

static int
type_rank (GType type)
{
  guint n_types;
  const GType *types = ar_record_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      if (types[i] == type)
        return i;
    }

  return n_types;
}

static int
compare_by_type_rank (gconstpointer a,
                      gconstpointer b)
{
  GObject *record_a = *(GObject **) a;
  GObject *record_b = *(GObject **) b;

  return type_rank (G_OBJECT_TYPE (record_a)) - type_rank (G_OBJECT_TYPE (record_b));
}

/**
 * ar_store_restore:
 * @records: (element-type ArRecord): what ar_store_delete() returned
 *
 * Puts back every record as it was, with the same ids, in one transaction.
 */
gboolean
ar_store_restore (ArStore    *self,
                  GPtrArray  *records,
                  GError    **error)
{
  g_autoptr(GPtrArray) ordered = NULL;

  g_return_val_if_fail (AR_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  /* Linked-to records first, so every link finds its target. */
  ordered = g_ptr_array_new_full (records->len, g_object_unref);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (ordered, g_object_ref (g_ptr_array_index (records, i)));
  g_ptr_array_sort (ordered, compare_by_type_rank);

  return run_in_transaction (self, restore_func, ordered, G_TYPE_NONE, error);
}

/**
 * ar_store_write:
 * @func: (scope call): the work to do
 *
 * Runs @func inside one transaction: everything it writes lands, or, if it
 * fails, nothing does. Saves inside @func join this transaction.
 */
gboolean
ar_store_write (ArStore           *self,
                ArStoreWriteFunc   func,
                gpointer           user_data,
                GError           **error)
{
  g_return_val_if_fail (AR_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return run_in_transaction (self, func, user_data, G_TYPE_NONE, error);
}

/**
 * ar_store_write_from:
 * @source: where the change comes from, for the history: "import",
 *   "import-gias", "import-table"…
 * @files: (nullable) (array zero-terminated=1): the files it reads
 * @func: (scope call): the work to do
 *
 * Like ar_store_write(), and the history records the change as coming
 * from @source. Writes without a source come from the window. Inside
 * another transaction, the outer one's source stands.
 */
gboolean
ar_store_write_from (ArStore             *self,
                     const char          *source,
                     const char * const  *files,
                     ArStoreWriteFunc     func,
                     gpointer             user_data,
                     GError             **error)
{
  gboolean outermost;
  gboolean ok;

  g_return_val_if_fail (AR_IS_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  outermost = self->write_depth == 0;
  if (outermost)
    {
      self->history_source = g_strdup (source);
      self->history_files = g_strdupv ((char **) files);
    }

  ok = run_in_transaction (self, func, user_data, G_TYPE_NONE, error);

  if (outermost)
    {
      g_clear_pointer (&self->history_source, g_free);
      g_clear_pointer (&self->history_files, g_strfreev);
    }

  return ok;
}

/**
 * ar_store_begin_bulk:
 *
 * Sets the connection up for one large write: statement journals in
 * memory rather than in a temporary file per statement, which cost a
 * GIAS import at England scale more than half its system time.
 *
 * Returns: what to give ar_store_end_bulk() to put it back
 */
int
ar_store_begin_bulk (ArStore *self)
{
  gint64 temp_store;

  g_return_val_if_fail (AR_IS_STORE (self), 0);

  temp_store = query_integer (self, "PRAGMA temp_store", 0);
  sqlite3_exec (self->db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);

  return (int) temp_store;
}

void
ar_store_end_bulk (ArStore *self,
                   int      saved)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA temp_store = %d", saved);

  g_return_if_fail (AR_IS_STORE (self));

  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

/* Puts CHECK constraints back on; the statements prepared without them
 * are prepared again (SQLite expires them when the setting changes). */
static void
restore_checks (ArStore *self)
{
  g_autofree char *sql = NULL;

  if (self->deferred_tables == NULL)
    return;

  g_clear_pointer (&self->deferred_tables, g_hash_table_unref);
  sql = g_strdup_printf ("PRAGMA ignore_check_constraints = %d", self->saved_ignore_checks ? 1 : 0);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

/**
 * ar_store_defer_checks:
 *
 * Inside a write: leaves the tables' CHECK constraints (a status among
 * its choices...) to ar_store_run_deferred_checks(), which checks every
 * table written since, once, in the same transaction. SQLite builds a
 * table of an IN list's values for each row it checks one against: that
 * was a fifth of a whole-England GIAS import. Field checks
 * (ar_record_validate()) still refuse each bad record as before.
 */
void
ar_store_defer_checks (ArStore *self)
{
  g_return_if_fail (AR_IS_STORE (self));
  g_return_if_fail (self->write_depth > 0);

  if (self->deferred_tables != NULL)
    return;

  self->saved_ignore_checks = query_integer (self, "PRAGMA ignore_check_constraints", 0);
  self->deferred_tables = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_exec (self->db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
}

/* The CHECK expressions of a table's CREATE TABLE text, each as written
 * between its parentheses; quoted text and names are skipped over. */
static GPtrArray *
check_expressions (const char *create)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func (g_free);
  const char *p = create;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"' || *p == '`' || *p == '[')
        {
          char close = *p == '[' ? ']' : *p;

          for (p++; *p != '\0' && *p != close; p++)
            ;
          if (*p != '\0')
            p++;
          continue;
        }

      if (g_ascii_strncasecmp (p, "CHECK", 5) == 0
          && (p == create || !(g_ascii_isalnum (p[-1]) || p[-1] == '_')))
        {
          const char *start = p + 5;
          int depth = 0;

          while (g_ascii_isspace (*start))
            start++;
          if (*start == '(')
            {
              const char *q = start;

              for (; *q != '\0'; q++)
                {
                  if (*q == '\'' || *q == '"')
                    {
                      char close = *q;

                      for (q++; *q != '\0' && *q != close; q++)
                        ;
                      if (*q == '\0')
                        break;
                    }
                  else if (*q == '(')
                    depth++;
                  else if (*q == ')' && --depth == 0)
                    break;
                }
              if (*q == ')')
                {
                  g_ptr_array_add (checks, g_strndup (start + 1, q - start - 1));
                  p = q + 1;
                  continue;
                }
            }
        }

      p++;
    }

  return checks;
}

/* Whether some row of @table breaks one of its CHECK constraints: one
 * query, in which SQLite builds the table of an IN list's values once,
 * where PRAGMA quick_check built it again for every row. */
static gboolean
check_table (ArStore     *self,
             const char  *table,
             GError     **error)
{
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *create = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      ar_store_set_sql_error (self, error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    create = (const char *) sqlite3_column_text (stmt, 0);
  checks = check_expressions (create != NULL ? create : "");
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (checks->len == 0)
    return TRUE;

  sql = g_string_new ("SELECT 1 FROM \"");
  g_string_append_printf (sql, "%s\" WHERE", table);
  for (guint i = 0; i < checks->len; i++)
    g_string_append_printf (sql, "%s NOT (%s)", i > 0 ? " OR" : "", (const char *) g_ptr_array_index (checks, i));
  g_string_append (sql, " LIMIT 1");

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      ar_store_set_sql_error (self, error);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW)
    {
      /* in the words of PRAGMA quick_check, which this stands for */
      g_autofree char *broken = g_strdup_printf ("CHECK constraint failed in %s", table);

      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_SQL, _("Database error in %s: %s"),
                   self->path, broken);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      ar_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * ar_store_run_deferred_checks:
 *
 * Puts CHECK constraints back on and checks each row of every table
 * written since ar_store_defer_checks() against them.
 *
 * Returns: %FALSE with @error set if a row breaks one; the caller fails
 *   the write, which rolls it all back
 */
gboolean
ar_store_run_deferred_checks (ArStore  *self,
                              GError  **error)
{
  g_autoptr(GHashTable) tables = NULL;
  GHashTableIter iter;
  gpointer table;

  g_return_val_if_fail (AR_IS_STORE (self), FALSE);

  /* the batches' rows are checked with the rest */
  if (!ar_store_batch_flush (self, error))
    return FALSE;

  if (self->deferred_tables == NULL)
    return TRUE;

  tables = g_hash_table_ref (self->deferred_tables);
  restore_checks (self);

  g_hash_table_iter_init (&iter, tables);
  while (g_hash_table_iter_next (&iter, &table, NULL))
    {
      if (!check_table (self, table, error))
        return FALSE;
    }

  return TRUE;
}

/* Adds each default role the register lacks: all of them in a new
 * register, and those a newer version added (SUP, DEP) to an older one. */
static gboolean
seed_roles (ArStore  *self,
            GError  **error)
{
  g_autoptr(GPtrArray) roles = ar_role_defaults_new ();

  for (guint i = 0; i < roles->len; i++)
    {
      ArRecord *role = g_ptr_array_index (roles, i);
      g_autoptr(ArRecord) existing = ar_store_find (self, AR_TYPE_ROLE, "code",
                                                    ar_record_get_text (role, "code"), NULL);

      if (existing == NULL && !write_record (self, role, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ar_store_seed_missing_roles:
 *
 * For importers that bring their own roles: adds the default roles the
 * imported ones lack, such as those of a newer version.
 */
gboolean
ar_store_seed_missing_roles (ArStore  *self,
                             GError  **error)
{
  g_return_val_if_fail (AR_IS_STORE (self), FALSE);

  return seed_roles (self, error);
}

static gboolean
clear_tables (ArStore  *self,
              GError  **error)
{
  guint n_types;
  const GType *types = ar_record_types (&n_types);

  for (guint i = n_types; i > 0; i--)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", record_class (types[i - 1])->table);

      /* the history keeps each record as it was */
      if (self->history != NULL)
        {
          g_autoptr(GListModel) records = ar_store_list (self, types[i - 1], error);

          if (records == NULL)
            return FALSE;
          for (guint r = 0; r < g_list_model_get_n_items (records); r++)
            {
              g_autoptr(ArRecord) each = g_list_model_get_item (records, r);

              ar_history_log_touch (self->history, ar_record_get_table (each), ar_record_get_id (each), each);
            }
        }

      if (!ar_store_exec (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
clear_func (ArStore   *self,
            gpointer   user_data,
            GError   **error)
{
  self->journal_incomplete = TRUE;
  return clear_tables (self, error) && seed_roles (self, error);
}

/**
 * ar_store_clear:
 *
 * Empties the register, leaving the default roles, in one transaction.
 */
gboolean
ar_store_clear (ArStore  *self,
                GError  **error)
{
  g_return_val_if_fail (AR_IS_STORE (self), FALSE);

  return ar_store_write (self, clear_func, NULL, error);
}

/**
 * ar_store_save_copy:
 *
 * Writes a consistent copy of the whole register to @path (which must
 * not exist), even while others write to it.
 */
gboolean
ar_store_save_copy (ArStore     *self,
                    const char  *path,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (AR_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  stmt = ar_store_prepare (self, "VACUUM INTO ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    ar_store_set_sql_error (self, error);
  sqlite3_reset (stmt);

  return ok;
}

void
ar_store_change_free (ArStoreChange *change)
{
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_clear_pointer (&change->removed, g_ptr_array_unref);
  g_free (change);
}

void
ar_store_emit_changed (ArStore *self,
                       GType    record_type)
{
  g_return_if_fail (AR_IS_STORE (self));

  g_signal_emit (self, signals[CHANGED], 0, record_type);
}

/* The register as it stands, copied to a new file at @path. migrate()
 * holds the write lock, so no one can change it meanwhile; VACUUM INTO
 * cannot run inside that transaction, so a second connection reads it. */
static gboolean
copy_before_upgrade (ArStore     *self,
                     const char  *path,
                     GError     **error)
{
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_open_v2 (self->path, &reader, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (reader, 10000);
      rc = sqlite3_prepare_v2 (reader, "VACUUM INTO ?", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (reader);
      sqlite3_finalize (stmt);
    }

  if (rc != SQLITE_OK)
    g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_SQL,
                 _("Cannot save a copy of %s before upgrading it: %s"), self->path,
                 reader != NULL ? sqlite3_errmsg (reader) : sqlite3_errstr (rc));
  sqlite3_close (reader);
  if (rc != SQLITE_OK)
    g_unlink (path);

  return rc == SQLITE_OK;
}

/* One integer from a read: PRAGMAs and counts while opening */
static gboolean
read_integer (ArStore     *self,
              const char  *sql,
              gint64      *value,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      ar_store_set_sql_error (self, error);
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      ar_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* The tables every version of the register has had */
#define COUNT_REGISTER_TABLES \
  "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN " \
  "('area', 'school', 'alliance', 'trust', 'person', 'role', 'designation')"
#define N_REGISTER_TABLES 7

/* What the file is, found with reads only, so that nothing is written to
 * a file that is not ours: a register (stamped with our application_id, or
 * older and known by its tables), a new empty database, or something else. */
static gboolean
check_identity (ArStore   *self,
                gint64    *version,
                gboolean  *stamped,
                GError   **error)
{
  guint n_migrations;
  gint64 application_id;
  gint64 n_objects;
  gint64 n_tables;

  ar_store_schema_migrations (&n_migrations);

  if (!read_integer (self, "PRAGMA application_id", &application_id, error)
      || !read_integer (self, "PRAGMA user_version", version, error)
      || !read_integer (self, "SELECT count(*) FROM sqlite_master", &n_objects, error)
      || !read_integer (self, COUNT_REGISTER_TABLES, &n_tables, error))
    return FALSE;

  *stamped = application_id == AR_STORE_APPLICATION_ID;

  if (application_id != 0 && !*stamped)
    goto not_ours;

  if (*version < 0)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, *version);

      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_VERSION,
                   _("%s has an impossible register version (%s)"), self->path, found);
      return FALSE;
    }

  if (*version > (gint64) n_migrations)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, *version);

      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_VERSION,
                   _("%s was written by a newer Alliance Register (register version %s; "
                     "this program reads up to version %u)"),
                   self->path, found, n_migrations);
      return FALSE;
    }

  if (*version == 0 && n_objects == 0)
    return TRUE;

  if (*version > 0 && n_tables == N_REGISTER_TABLES)
    return TRUE;

not_ours:
  g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
               _("%s is not an Alliance Register file: it holds another program’s database"),
               self->path);
  return FALSE;
}

/* Brings the schema up to date. The version was read without a lock; only
 * an upgrade takes the write lock, so opening never waits on a writer. */
static gboolean
run_migrations (ArStore   *self,
                gint64     version,
                gboolean   stamped,
                GError   **error)
{
  guint n_migrations;
  const char * const *migrations = ar_store_schema_migrations (&n_migrations);
  g_autofree char *set_id = NULL;

  if (version == (gint64) n_migrations && stamped)
    return TRUE;

  if (!begin (self, error))
    return FALSE;

  /* another process may have upgraded it meanwhile */
  if (!check_identity (self, &version, &stamped, error))
    {
      rollback (self);
      return FALSE;
    }

  if (version > 0 && version < (gint64) n_migrations && !self->upgraded_copy)
    {
      /* An upgrade keeps the register as it was beside it first. */
      g_autofree char *backup = g_strdup_printf ("%s.v%" G_GINT64_FORMAT ".bak", self->path, version);

      g_unlink (backup);
      if (!copy_before_upgrade (self, backup, error))
        {
          rollback (self);
          return FALSE;
        }
    }

  for (gint64 v = version; v < (gint64) n_migrations; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, v + 1);

      if (!ar_store_exec (self, migrations[v], error) || !ar_store_exec (self, set_version, error))
        {
          rollback (self);
          return FALSE;
        }
    }

  /* A migration that rebuilt a table ran with foreign keys off: check them. */
  if (version < (gint64) n_migrations
      && query_integer (self, "SELECT count(*) FROM pragma_foreign_key_check", 0) != 0)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_SQL,
                   _("%s cannot be upgraded: it holds links to records that do not exist"), self->path);
      rollback (self);
      return FALSE;
    }

  if (version < (gint64) n_migrations && !seed_roles (self, error))
    {
      rollback (self);
      return FALSE;
    }

  /* Registers from before the stamp are known by their tables; stamping
   * them lets the next open tell them from others' databases at once. */
  set_id = g_strdup_printf ("PRAGMA application_id = %d", AR_STORE_APPLICATION_ID);
  if (!ar_store_exec (self, set_id, error))
    {
      rollback (self);
      return FALSE;
    }

  return commit (self, error);
}

static void
ar_store_finalize (GObject *object)
{
  ArStore *self = AR_STORE (object);

  g_clear_pointer (&self->deferred_tables, g_hash_table_unref);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  g_clear_pointer (&self->class_statements, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->journal, g_ptr_array_unref);
  g_clear_pointer (&self->history, ar_history_log_free);
  g_clear_pointer (&self->history_source, g_free);
  g_clear_pointer (&self->history_files, g_strfreev);
  if (self->db != NULL)
    sqlite3_close (self->db);

  if (self->temporary_dir != NULL)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);
          g_unlink (file);
        }
      g_rmdir (self->temporary_dir);
      g_free (self->temporary_dir);
    }

  g_free (self->path);

  G_OBJECT_CLASS (ar_store_parent_class)->finalize (object);
}

static void
ar_store_class_init (ArStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ar_store_finalize;

  /* SQLite counts every allocation under a process-wide lock, for
   * figures nothing here reads. Set before the first connection; if one
   * was opened first, SQLite refuses and keeps counting, which is harmless. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  /**
   * ArStore::changed:
   * @record_type: the type of record that changed, or %G_TYPE_NONE when
   *   any may have
   *
   * Emitted after a write has been committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_GTYPE);

  /**
   * ArStore::written:
   * @changes: (element-type ArStoreChange): what the transaction changed,
   *   in order
   *
   * Emitted just before #ArStore::changed when everything a committed
   * transaction wrote went through ar_store_save() or ar_store_delete(),
   * so it can be undone (see #ArUndoStack). Writes that cannot be
   * undone that way (ar_store_restore(), ar_store_clear()) and writes on
   * other connections give only #ArStore::changed.
   */
  signals[WRITTEN] =
    g_signal_new ("written",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
finalize_statement (gpointer statement)
{
  sqlite3_finalize (statement);
}

static void
ar_store_init (ArStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->class_statements = g_hash_table_new (NULL, NULL);
}

/* Rebuilding a table (to widen a CHECK, as version 2 does for roles) needs
 * foreign keys off, and SQLite changes that only outside a transaction. */
static gboolean
migrate (ArStore   *self,
         gint64     version,
         gboolean   stamped,
         GError   **error)
{
  guint n_migrations;
  gboolean ok;

  ar_store_schema_migrations (&n_migrations);
  if (version == (gint64) n_migrations && stamped)
    return TRUE;

  if (!ar_store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  /* an upgrade, or a new register's roles, is no change to its contents */
  self->history_off = TRUE;
  ok = run_migrations (self, version, stamped, error);
  self->history_off = FALSE;

  if (!ar_store_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    return FALSE;

  return ok;
}

/* A reader must not upgrade a register from an older version (that is a
 * write, and needs a backup beside it), yet should still read it: it reads
 * a copy in memory, upgraded there, and the file stays as it was. */
static gboolean
read_upgraded_copy (ArStore   *self,
                    gint64     version,
                    gboolean   stamped,
                    GError   **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (copy);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_SQL,
                   _("Cannot read %s, a register from an older version: %s"), self->path,
                   copy ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
      sqlite3_close (copy);
      return FALSE;
    }

  g_hash_table_remove_all (self->class_statements);
  g_hash_table_remove_all (self->statements);
  sqlite3_close (self->db);
  self->db = copy;
  self->upgraded_copy = TRUE;

  return ar_store_exec (self, "PRAGMA foreign_keys = ON", error)
         && migrate (self, version, stamped, error)
         && ar_store_exec (self, "PRAGMA query_only = ON", error);
}

static ArStore *
open_database (const char  *path,
               gboolean     read_only,
               GError     **error)
{
  g_autoptr(ArStore) self = NULL;
  g_autofree char *journal_mode = NULL;
  gint64 version = 0;
  gboolean stamped = FALSE;
  /* A reader opens read-write but query-only: an SQLITE_OPEN_READONLY
   * connection cannot remove the -wal and -shm files it makes beside the
   * register, so every read would leave two new files behind. */
  int flags = read_only ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  sqlite3_stmt *stmt = NULL;

  /* Each thread opens its own connection and none is used by two at once,
   * so SQLite need not take a lock in every call */
  flags |= SQLITE_OPEN_NOMUTEX;

  self = g_object_new (AR_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_SQL,
                   _("Cannot open %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  /* busy_timeout first, so that even the pragmas wait for another process */
  sqlite3_busy_timeout (self->db, 10000);

  /* Nothing is written before the file is known to be ours. */
  if (!check_identity (self, &version, &stamped, error))
    return NULL;

  /* a read never makes an empty database a register */
  if (read_only && version == 0)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s is not a register file: it is empty"), path);
      return NULL;
    }
  if (read_only && !ar_store_exec (self, "PRAGMA query_only = ON", error))
    return NULL;

  if (!read_only)
    {
      /* switching to WAL takes a lock, so only when it is not WAL yet */
      if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW)
        journal_mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);

      if (g_strcmp0 (journal_mode, "wal") != 0
          && !ar_store_exec (self, "PRAGMA journal_mode = WAL", error))
        return NULL;
      if (!ar_store_exec (self, "PRAGMA synchronous = NORMAL", error))
        return NULL;
    }

  /* 32 MiB of cache: a big import's transaction then fits in memory
   * instead of spilling the same pages to the WAL again and again */
  if (!ar_store_exec (self, "PRAGMA cache_size = -32768", error)
      || !ar_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (read_only)
    {
      guint n_migrations;

      ar_store_schema_migrations (&n_migrations);
      if (version < (gint64) n_migrations && !read_upgraded_copy (self, version, stamped, error))
        return NULL;
    }
  else if (!migrate (self, version, stamped, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ar_store_open:
 * @path: the register file; created when missing
 *
 * Opens the register at @path, creating or upgrading its schema. Refuses
 * a register written by a newer version of the program, and any other
 * program's database, before writing anything to it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ArStore *
ar_store_open (const char  *path,
               GError     **error)
{
  g_autofree char *directory = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  directory = g_path_get_dirname (path);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), directory, g_strerror (saved_errno));
      return NULL;
    }

  return open_database (path, FALSE, error);
}

/**
 * ar_store_open_read_only:
 * @path: an existing register file
 *
 * Opens the register at @path for reading only: a missing file, an empty
 * one or another program's database is an error, and nothing on disk is
 * created or changed. Opening never waits on a writer.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ArStore *
ar_store_open_read_only (const char  *path,
                         GError     **error)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND,
                     _("There is no register %s"), path);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Cannot open %s: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s is a folder, not a register file"), path);
      return NULL;
    }

  if (st.st_size == 0)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s is not a register file: it is empty"), path);
      return NULL;
    }

  return open_database (path, TRUE, error);
}

/**
 * ar_store_is_read_only:
 *
 * Returns: whether @self was opened with ar_store_open_read_only()
 */
gboolean
ar_store_is_read_only (ArStore *self)
{
  g_return_val_if_fail (AR_IS_STORE (self), FALSE);

  return self->read_only;
}

/**
 * ar_store_open_sample:
 *
 * Returns: (transfer full): a fresh temporary copy of the built-in sample
 *   register, removed when the store is finalised
 */
ArStore *
ar_store_open_sample (GError **error)
{
  g_autoptr(ArStore) self = NULL;
  g_autoptr(GBytes) sample = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *path = NULL;
  gsize length;
  const char *data;
  gboolean ok;

  directory = g_dir_make_tmp ("alliance-register-sample-XXXXXX", error);
  if (directory == NULL)
    return NULL;

  path = g_build_filename (directory, "sample.db", NULL);
  self = ar_store_open (path, error);
  if (self == NULL)
    {
      g_rmdir (directory);
      return NULL;
    }
  self->temporary_dir = g_steal_pointer (&directory);

  /* Through the resource itself: a static library's constructor that
   * registers it globally may never be linked in. */
  sample = g_resource_lookup_data (ar_core_get_resource (), SAMPLE_RESOURCE,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (sample == NULL)
    return NULL;

  data = g_bytes_get_data (sample, &length);
  /* the sample brings its own history; loading it is not part of it */
  self->history_off = TRUE;
  ok = ar_register_json_import (self, data, length, _("the sample register"), TRUE, error);
  self->history_off = FALSE;
  if (!ok)
    return NULL;

  return g_steal_pointer (&self);
}

const char *
ar_store_get_path (ArStore *self)
{
  g_return_val_if_fail (AR_IS_STORE (self), NULL);

  return self->path;
}

/**
 * ar_store_default_path:
 *
 * Returns: (transfer full): where the user's register lives unless they
 *   choose another file
 */
char *
ar_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "alliance-register", "register.db", NULL);
}

/**
 * ar_store_find_area:
 * @area: an area's code ("855") or name ("Leicestershire", any case)
 *
 * Returns: (transfer full): the area, or %NULL with @error naming the
 *   areas there are
 */
ArRecord *
ar_store_find_area (ArStore     *store,
                    const char  *area,
                    GError     **error)
{
  g_autoptr(GListModel) areas = NULL;
  g_autoptr(GString) known = NULL;
  g_autoptr(GError) local_error = NULL;
  ArRecord *found;

  /* a failed lookup must not go on to set @error a second time */
  found = ar_store_find (store, AR_TYPE_AREA, "code", area, &local_error);
  if (found != NULL)
    return found;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  areas = ar_store_list (store, AR_TYPE_AREA, error);
  if (areas == NULL)
    return NULL;

  known = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(ArRecord) candidate = g_list_model_get_item (areas, i);
      const char *name = ar_record_get_text (candidate, "name");

      if (g_utf8_collate (name, area) == 0 || g_ascii_strcasecmp (name, area) == 0)
        return g_steal_pointer (&candidate);

      g_string_append_printf (known, "%s%s %s", known->len ? ", " : "",
                              ar_record_get_text (candidate, "code"), name);
    }

  if (known->len == 0)
    g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND,
                 _("No area “%s”: the register holds no areas yet"), area);
  else
    g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND,
                 _("No area “%s” in the register (areas: %s)"), area, known->str);

  return NULL;
}
