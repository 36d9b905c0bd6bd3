/* ar-register-json.c: the whole register as JSON, for backup and exchange
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-register-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ar-core.h"
#include "ar-json-writer.h"
#include "ar-record-private.h"
#include "ar-register-json-private.h"
#include "ar-store-private.h"
#include "ar-text.h"

/* The JSON array that holds each table's records (docs/json-format.md). */
static const struct {
  const char *table;
  const char *array;
} array_names[] = {
  { "area", "areas" },
  { "school", "schools" },
  { "organisation", "organisations" },
  { "alliance", "alliances" },
  { "alliance_member", "alliance_members" },
  { "trust", "trusts" },
  { "trust_academy", "trust_academies" },
  { "person", "people" },
  { "role", "roles" },
  { "designation", "designations" },
  { "deployment", "deployments" },
};

static const char *
array_for_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (array_names); i++)
    {
      if (g_str_equal (array_names[i].table, table))
        return array_names[i].array;
    }

  g_assert_not_reached ();
}

static void
write_value (ArJsonWriter  *writer,
             const ArField *field,
             const GValue  *value)
{
  switch (field->type)
    {
    case AR_FIELD_LINK:
      if (g_value_get_int64 (value) == 0)
        ar_json_writer_null (writer);
      else
        ar_json_writer_int (writer, g_value_get_int64 (value));
      break;

    case AR_FIELD_INTEGER:
      ar_json_writer_int (writer, g_value_get_int64 (value));
      break;

    case AR_FIELD_BOOLEAN:
      ar_json_writer_boolean (writer, g_value_get_boolean (value));
      break;

    case AR_FIELD_TEXT:
    case AR_FIELD_DATE:
    case AR_FIELD_CHOICE:
    case AR_FIELD_CODE_LINK:
    default:
      ar_json_writer_string (writer, g_value_get_string (value));
      break;
    }
}

/* One table's records, straight from SQLite to the writer, as
 * record_from_row() in ar-store.c would read them: a NULL column keeps
 * the value a new record has. */
static gboolean
write_table (ArStore       *store,
             ArJsonWriter  *writer,
             GType          type,
             GError       **error)
{
  g_autoptr(ArRecord) blank = g_object_new (type, NULL);
  ArRecordClass *klass = AR_RECORD_GET_CLASS (blank);
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  sqlite3_stmt *stmt;
  int rc;

  for (guint f = 0; f < klass->n_fields; f++)
    g_string_append_printf (sql, ", %s", klass->fields[f].name);
  g_string_append_printf (sql, " FROM %s ORDER BY id", klass->table);

  stmt = ar_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  ar_json_writer_member (writer, array_for_table (klass->table));
  ar_json_writer_begin_array (writer);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ar_json_writer_begin_object (writer);
      ar_json_writer_member (writer, "id");
      ar_json_writer_int (writer, sqlite3_column_int64 (stmt, 0));
      for (guint f = 0; f < klass->n_fields; f++)
        {
          const ArField *field = &klass->fields[f];
          int column = f + 1;
          gint64 number;

          ar_json_writer_member (writer, field->name);
          if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
            {
              write_value (writer, field, ar_record_peek_value (blank, f));
              continue;
            }

          switch (field->type)
            {
            case AR_FIELD_LINK:
              number = sqlite3_column_int64 (stmt, column);
              if (number == 0)
                ar_json_writer_null (writer);
              else
                ar_json_writer_int (writer, number);
              break;

            case AR_FIELD_INTEGER:
              ar_json_writer_int (writer, sqlite3_column_int64 (stmt, column));
              break;

            case AR_FIELD_BOOLEAN:
              ar_json_writer_boolean (writer, sqlite3_column_int64 (stmt, column) != 0);
              break;

            case AR_FIELD_TEXT:
            case AR_FIELD_DATE:
            case AR_FIELD_CHOICE:
            case AR_FIELD_CODE_LINK:
            default:
              ar_json_writer_string (writer, (const char *) sqlite3_column_text (stmt, column));
              break;
            }
        }
      ar_json_writer_end_object (writer);
    }
  sqlite3_reset (stmt);
  ar_json_writer_end_array (writer);

  if (rc != SQLITE_DONE)
    {
      ar_store_set_sql_error (store, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * ar_register_json_export_to_stream:
 * @with_history: whether to add the change history, oldest first, as
 *   "history"
 *
 * Writes the register as ar_register_json_export() does, record by record
 * from SQLite to @stream, without holding it whole. Inside one read
 * transaction, so a write from elsewhere cannot tear it.
 *
 * Returns: %FALSE with @error set on a failure to read or to write
 */
gboolean
ar_register_json_export_to_stream (ArStore        *store,
                                   gboolean        with_history,
                                   GOutputStream  *stream,
                                   GCancellable   *cancellable,
                                   GError        **error)
{
  g_autoptr(ArJsonWriter) writer = NULL;
  guint n_types;
  const GType *types = ar_record_types (&n_types);
  gboolean in_transaction;
  gboolean ok = TRUE;

  g_return_val_if_fail (AR_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  /* one snapshot for every table, unless a write of ours is open */
  in_transaction = !sqlite3_get_autocommit (ar_store_get_connection (store));
  if (!in_transaction && sqlite3_exec (ar_store_get_connection (store), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      ar_store_set_sql_error (store, error);
      return FALSE;
    }

  writer = ar_json_writer_new (stream, cancellable);
  ar_json_writer_begin_object (writer);
  ar_json_writer_member (writer, "format");
  ar_json_writer_string (writer, AR_REGISTER_JSON_FORMAT);
  ar_json_writer_member (writer, "version");
  ar_json_writer_int (writer, AR_REGISTER_JSON_VERSION);

  for (guint t = 0; t < n_types && ok; t++)
    ok = write_table (store, writer, types[t], error);

  if (ok && with_history)
    {
      g_autoptr(GPtrArray) history = ar_history_list (store, NULL, NULL, 0, error);

      ok = history != NULL;
      if (ok)
        {
          g_autoptr(JsonGenerator) generator = json_generator_new ();
          g_autoptr(JsonNode) node = NULL;
          g_autofree char *text = NULL;

          /* oldest first, the order to add them back in */
          for (guint i = 0; i < history->len / 2; i++)
            {
              gpointer newer = history->pdata[i];

              history->pdata[i] = history->pdata[history->len - 1 - i];
              history->pdata[history->len - 1 - i] = newer;
            }
          node = ar_history_to_json (history);
          json_generator_set_root (generator, node);
          json_generator_set_pretty (generator, TRUE);
          json_generator_set_indent (generator, 2);
          text = json_generator_to_data (generator, NULL);
          ar_json_writer_member (writer, "history");
          ar_json_writer_pretty_value (writer, text);
        }
    }

  if (!in_transaction)
    sqlite3_exec (ar_store_get_connection (store), "COMMIT", NULL, NULL, NULL);

  if (!ok)
    return FALSE;

  ar_json_writer_end_object (writer);
  return ar_json_writer_finish (writer, error);
}

/**
 * ar_register_json_export:
 *
 * Every record of every table, each with every field (null when empty), in
 * a fixed order, so that the same register always gives the same bytes.
 *
 * Returns: (transfer full): the register as JSON text
 */
char *
ar_register_json_export (ArStore  *store,
                         GError  **error)
{
  return ar_register_json_export_with_history (store, FALSE, error);
}

/**
 * ar_register_json_export_with_history:
 * @with_history: whether to add the change history, oldest first, as
 *   "history"
 *
 * Returns: (transfer full): the register as JSON text, like
 *   ar_register_json_export()
 */
char *
ar_register_json_export_with_history (ArStore   *store,
                                      gboolean   with_history,
                                      GError   **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_return_val_if_fail (AR_IS_STORE (store), NULL);

  if (!ar_register_json_export_to_stream (store, with_history, stream, NULL, error)
      || !g_output_stream_write_all (stream, "", 1, NULL, NULL, error)
      || !g_output_stream_close (stream, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

gboolean
ar_register_json_export_file (ArStore     *store,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (AR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!ar_register_json_export_to_stream (store, FALSE, stream, NULL, error)
      || !g_output_stream_close (stream, NULL, error))
    return FALSE;

  /* never over the register itself, a link or a pipe; see ar-output-file.c */
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  return ar_output_file_write (path, bytes, ar_store_get_path (store), error);
}

/* Checking the text before json-glib sees it ------------------------ */

/* A register file nests four deep (document, list, record, value); a
 * little room is left for the format to grow. json-glib's parser recurses,
 * so tens of thousands of levels would overflow the stack. */
#define MAX_DEPTH 8

/* Where json-glib 1.6 would go wrong silently: "\u0000" cuts text short,
 * a lone surrogate becomes bytes that are not UTF-8 and whole numbers
 * beyond 64 bits wrap around. A problem in a record's field is kept to be
 * reported with the record's id and the field's label; one anywhere else
 * stops the import at once. */
typedef struct
{
  char  *array;
  guint  index;
  char  *member;
  char  *message;
  guint  line;
  gboolean reported;
} Problem;

static void
problem_clear (Problem *problem)
{
  g_clear_pointer (&problem->array, g_free);
  g_clear_pointer (&problem->member, g_free);
  g_clear_pointer (&problem->message, g_free);
}

typedef struct
{
  gboolean    is_object;
  gboolean    expect_key;  /* objects: the next string is a member name */
  guint       index;       /* arrays: the element being read */
  const char *key;         /* objects: the member being read, unescaped */
  gsize       key_length;
} Frame;

typedef struct
{
  const char *source;
  const char *text;
  const char *end;
  const char *p;
  guint       line;
  guint       depth;
  Frame       frames[MAX_DEPTH];
  Problem    *problem;
  GArray     *patches;     /* offsets of escapes json-glib must not see */
  gboolean    root_done;
} Scanner;

static int
hex_value (const char *p,
           const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }

  return value;
}

/* Reports @message at the scanner's line: kept for later when it is in a
 * record's field, at once otherwise. Takes @message. */
static gboolean
scanner_problem (Scanner  *scanner,
                 char     *message,
                 GError  **error)
{
  Frame *list = &scanner->frames[1];
  Frame *record = &scanner->frames[2];

  if (scanner->depth == 3 && scanner->frames[0].is_object && !list->is_object
      && record->is_object && !record->expect_key
      && scanner->frames[0].key != NULL && record->key != NULL)
    {
      if (scanner->problem->message == NULL)
        {
          scanner->problem->array = g_strndup (scanner->frames[0].key, scanner->frames[0].key_length);
          scanner->problem->index = list->index;
          scanner->problem->member = g_strndup (record->key, record->key_length);
          scanner->problem->message = message;
          scanner->problem->line = scanner->line;
        }
      else
        g_free (message);
      return TRUE;
    }

  g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
               _("%s, line %u: %s"), scanner->source, scanner->line, message);
  g_free (message);
  return FALSE;
}

static gboolean
scan_string (Scanner  *scanner,
             GError  **error)
{
  Frame *top = scanner->depth > 0 ? &scanner->frames[scanner->depth - 1] : NULL;
  gboolean is_key = top != NULL && top->is_object && top->expect_key;
  const char *start = ++scanner->p;
  gboolean escaped = FALSE;
  char *message = NULL;

  while (scanner->p < scanner->end && *scanner->p != '"')
    {
      const char *p = scanner->p;
      int unit;

      if (*p == '\n')
        scanner->line++;
      if (*p != '\\')
        {
          scanner->p++;
          continue;
        }

      escaped = TRUE;
      if (p + 1 >= scanner->end)
        break;
      if (strchr ("\"\\/bfnrt", p[1]) != NULL && p[1] != '\0')
        {
          scanner->p += 2;
          continue;
        }
      if (p[1] != 'u' || (unit = hex_value (p + 2, scanner->end)) < 0)
        {
          if (message == NULL)
            message = g_strdup (_("the text holds “\\” that does not start an escape JSON knows"));
          scanner->p += 2;
          continue;
        }

      scanner->p += 6;
      if (unit >= 0xd800 && unit <= 0xdbff)
        {
          int low = scanner->end - scanner->p >= 6 && scanner->p[0] == '\\' && scanner->p[1] == 'u'
                    ? hex_value (scanner->p + 2, scanner->end) : -1;

          if (low >= 0xdc00 && low <= 0xdfff)
            {
              scanner->p += 6;
              continue;
            }
        }

      if (unit == 0 || (unit >= 0xd800 && unit <= 0xdfff))
        {
          gsize offset = p - scanner->text;

          g_array_append_val (scanner->patches, offset);
        }
      if (message != NULL)
        continue;
      if (unit == 0)
        message = g_strdup (_("the text holds \\u0000, a NUL character, which text cannot hold"));
      else if (unit >= 0xd800 && unit <= 0xdfff)
        message = g_strdup_printf (_("the text holds \\u%04X, half of a surrogate pair without "
                                     "the other half, which is not a character"), (guint) unit);
    }

  if (is_key)
    {
      /* names with escapes are compared as json-glib reads them: not at all */
      top->key = escaped ? NULL : start;
      top->key_length = scanner->p - start;
    }

  if (scanner->p < scanner->end)
    scanner->p++;

  if (message != NULL)
    {
      if (is_key)
        {
          g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                       _("%s, line %u: a member name: %s"), scanner->source, scanner->line, message);
          g_free (message);
          return FALSE;
        }
      return scanner_problem (scanner, message, error);
    }

  return TRUE;
}

/* JSON's own grammar for numbers; json-glib also takes hexadecimal,
 * leading zeros and ".5", which no register file holds. */
static gboolean
is_json_number (const char *word)
{
  const char *p = word;

  if (*p == '-')
    p++;
  if (*p == '0')
    p++;
  else if (g_ascii_isdigit (*p))
    while (g_ascii_isdigit (*p))
      p++;
  else
    return FALSE;
  if (*p == '.')
    {
      if (!g_ascii_isdigit (*++p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

static gboolean
scan_word (Scanner  *scanner,
           GError  **error)
{
  const char *start = scanner->p;
  g_autofree char *word = NULL;

  while (scanner->p < scanner->end
         && (g_ascii_isalnum (*scanner->p) || strchr ("+-.", *scanner->p) != NULL))
    scanner->p++;
  word = g_strndup (start, scanner->p - start);

  if (g_str_equal (word, "true") || g_str_equal (word, "false") || g_str_equal (word, "null"))
    return TRUE;

  if (!is_json_number (word))
    {
      g_autofree char *shown = ar_text_for_message (word);

      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s is not valid JSON: line %u: unexpected “%s”"),
                   scanner->source, scanner->line, shown);
      return FALSE;
    }

  if (strpbrk (word, ".eE") == NULL
      && !g_ascii_string_to_signed (word, 10, G_MININT64, G_MAXINT64, NULL, NULL))
    return scanner_problem (scanner,
                            g_strdup_printf (_("%s is beyond the whole numbers a register can hold"), word),
                            error);

  return TRUE;
}

/* json-glib 1.6 leaks what it built when a second value follows the
 * first, so the document ends with its one value. */
static gboolean
scan_value_start (Scanner  *scanner,
                  GError  **error)
{
  if (scanner->depth > 0)
    return TRUE;

  if (scanner->root_done)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s is not valid JSON: line %u: more follows the end of the document"),
                   scanner->source, scanner->line);
      return FALSE;
    }

  scanner->root_done = TRUE;
  return TRUE;
}

static gboolean
scan_document (Scanner  *scanner,
               GError  **error)
{
  /* json-glib skips a byte order mark */
  if (scanner->end - scanner->p >= 3 && memcmp (scanner->p, "\xef\xbb\xbf", 3) == 0)
    scanner->p += 3;

  while (scanner->p < scanner->end)
    {
      char c = *scanner->p;
      Frame *top = scanner->depth > 0 ? &scanner->frames[scanner->depth - 1] : NULL;

      switch (c)
        {
        case '\n':
          scanner->line++;
          G_GNUC_FALLTHROUGH;
        case ' ': case '\t': case '\r':
          scanner->p++;
          break;

        case '{': case '[':
          if (!scan_value_start (scanner, error))
            return FALSE;
          if (scanner->depth == MAX_DEPTH)
            {
              g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                           _("%s, line %u: the data is nested deeper than a register file can be"),
                           scanner->source, scanner->line);
              return FALSE;
            }
          top = &scanner->frames[scanner->depth++];
          *top = (Frame) { c == '{', c == '{', 0, NULL, 0 };
          scanner->p++;
          break;

        case '}': case ']':
          if (scanner->depth > 0)
            scanner->depth--;
          scanner->p++;
          break;

        case ':':
          if (top != NULL && top->is_object)
            top->expect_key = FALSE;
          scanner->p++;
          break;

        case ',':
          if (top != NULL && top->is_object)
            top->expect_key = TRUE;
          else if (top != NULL)
            top->index++;
          scanner->p++;
          break;

        case '"':
          if (!scan_value_start (scanner, error) || !scan_string (scanner, error))
            return FALSE;
          break;

        default:
          if (g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.')
            {
              if (!scan_value_start (scanner, error) || !scan_word (scanner, error))
                return FALSE;
              break;
            }

          /* json-glib would take comments and 'quotes', which JSON has not */
          g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                       _("%s is not valid JSON: line %u: unexpected character"),
                       scanner->source, scanner->line);
          return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  const char *source;
  GPtrArray  *records;
  gboolean    has_roles;
  gboolean    replace;
  Problem     problem;
  GPtrArray  *history;
  gboolean    validated;   /* every record validated and not changed since */
  gboolean    one_by_one;  /* save each record, as before ArStoreFill */
  gboolean    checks_failed;
} ImportData;

/* for tests: each record saved on its own, as before the import wrote
 * its emptied tables in batches, to compare with */
static gboolean one_by_one;

void
ar_register_json_set_one_by_one (gboolean setting)
{
  one_by_one = setting;
}

static void
set_record_error (GError      **error,
                  const char   *source,
                  const char   *array,
                  guint         index,
                  gint64        id,
                  const char   *raw_message)
{
  /* what the file held is quoted in messages, but never its control
   * characters */
  g_autofree char *message = ar_text_for_message (raw_message);

  if (id > 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s: %s[%u] (id %s): %s"), source, array, index, id_text, message);
    }
  else
    g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                 _("%s: %s[%u]: %s"), source, array, index, message);
}

static const char *
node_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("text");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_DOUBLE:
      return _("a decimal number");
    default:
      return _("a number");
    }
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* A whole number is shown as itself: "not -5" says more than "not a number". */
static char *
node_description (JsonNode *node)
{
  if (node_is (node, G_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return g_strdup (node_type_name (node));
}

/* A member as the file names it and, when it is a field, as the window
 * labels it: “ended_on” (Ended). */
static char *
member_for_message (ArRecordClass *klass,
                    const char    *member)
{
  int index = ar_record_class_field_index (klass, member);
  g_autofree char *name = ar_text_for_message (member);

  if (index < 0)
    return g_strdup_printf (_("field “%s”"), name);

  return g_strdup_printf (_("field “%s” (%s)"), name, _(klass->fields[index].label));
}

/* Checks one member's JSON type against its field and stores it in the
 * record; json-glib would coerce silently, so nothing is taken on trust. */
static gboolean
read_field (ArRecord       *record,
            const char     *member,
            guint           index,
            const ArField  *field,
            JsonNode       *node,
            char          **problem)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *expected;

  switch (field->type)
    {
    case AR_FIELD_LINK:
      expected = _("a record id (a whole number from 1) or null");
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      if (!node_is (node, G_TYPE_INT64) || json_node_get_int (node) <= 0)
        break;
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, json_node_get_int (node));
      ar_record_set_value (record, index, &value);
      return TRUE;

    case AR_FIELD_INTEGER:
      expected = _("a whole number");
      if (!node_is (node, G_TYPE_INT64))
        break;
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, json_node_get_int (node));
      ar_record_set_value (record, index, &value);
      return TRUE;

    case AR_FIELD_BOOLEAN:
      expected = _("true or false");
      if (!node_is (node, G_TYPE_BOOLEAN))
        break;
      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, json_node_get_boolean (node));
      ar_record_set_value (record, index, &value);
      return TRUE;

    case AR_FIELD_TEXT:
    case AR_FIELD_DATE:
    case AR_FIELD_CHOICE:
    case AR_FIELD_CODE_LINK:
    default:
      expected = _("text or null");
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      if (!node_is (node, G_TYPE_STRING))
        break;
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, json_node_get_string (node));
      ar_record_set_value (record, index, &value);
      return TRUE;
    }

  {
    g_autofree char *name = member_for_message (AR_RECORD_GET_CLASS (record), member);
    g_autofree char *found = field->type == AR_FIELD_LINK ? node_description (node)
                                                          : g_strdup (node_type_name (node));

    *problem = g_strdup_printf (_("%s must be %s, not %s"), name, expected, found);
  }
  return FALSE;
}

/* Older files could name an alliance's teaching school
 * twice: in the alliance and as a member with the role "teaching-school".
 * The alliance's field is the one place now: such a member becomes an
 * ordinary member (its dates and areas led kept), and gives the alliance
 * its teaching school if the alliance had none. Alliances are read
 * before their members. */
static void
adopt_teaching_school (ImportData *data,
                       JsonObject *member)
{
  JsonNode *role = json_object_get_member (member, "role");
  JsonNode *alliance_node = json_object_get_member (member, "alliance_id");
  JsonNode *school_node = json_object_get_member (member, "school_id");

  if (role == NULL || !node_is (role, G_TYPE_STRING)
      || g_strcmp0 (json_node_get_string (role), "teaching-school") != 0)
    return;

  json_object_set_string_member (member, "role", "member");
  if (alliance_node == NULL || !node_is (alliance_node, G_TYPE_INT64)
      || school_node == NULL || !node_is (school_node, G_TYPE_INT64))
    return;

  for (guint i = 0; i < data->records->len; i++)
    {
      ArRecord *alliance = g_ptr_array_index (data->records, i);

      if (AR_IS_ALLIANCE (alliance) && ar_record_get_id (alliance) == json_node_get_int (alliance_node))
        {
          if (ar_record_get_integer (alliance, "lead_school_id") == 0)
            ar_record_set_integer (alliance, "lead_school_id", json_node_get_int (school_node));
          return;
        }
    }
}

static gboolean
read_records (ImportData  *data,
              GType        type,
              JsonObject  *root,
              GError     **error)
{
  ArRecordClass *klass = g_type_class_ref (type);
  const char *array_name = array_for_table (klass->table);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  JsonNode *array_node = json_object_get_member (root, array_name);
  JsonArray *array;

  g_type_class_unref (klass);

  if (array_node == NULL || JSON_NODE_HOLDS_NULL (array_node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (array_node))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s: “%s” must be an array, not %s"),
                   data->source, array_name, node_type_name (array_node));
      return FALSE;
    }

  array = json_node_get_array (array_node);
  if (type == AR_TYPE_ROLE && json_array_get_length (array) > 0)
    data->has_roles = TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(ArRecord) record = NULL;
      g_autoptr(GList) members = NULL;
      g_autoptr(GError) invalid = NULL;
      JsonObject *object;
      JsonNode *id_node;
      gint64 id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *message = g_strdup_printf (_("must be an object, not %s"), node_type_name (element));
          set_record_error (error, data->source, array_name, i, 0, message);
          return FALSE;
        }

      object = json_node_get_object (element);
      id_node = json_object_get_member (object, "id");

      /* what the scan found in this record's fields, now that it can be
       * said which record it is */
      if (data->problem.message != NULL && !data->problem.reported
          && data->problem.index == i && g_str_equal (data->problem.array, array_name))
        {
          ArRecordClass *record_class = g_type_class_peek (type);
          g_autofree char *name = member_for_message (record_class, data->problem.member);
          g_autofree char *message = g_strdup_printf ("%s: %s", name, data->problem.message);
          gboolean id_is_good = id_node != NULL && !g_str_equal (data->problem.member, "id")
                                && node_is (id_node, G_TYPE_INT64) && json_node_get_int (id_node) > 0;

          data->problem.reported = TRUE;
          set_record_error (error, data->source, array_name, i,
                            id_is_good ? json_node_get_int (id_node) : 0, message);
          return FALSE;
        }

      if (id_node == NULL || !node_is (id_node, G_TYPE_INT64) || json_node_get_int (id_node) <= 0)
        {
          set_record_error (error, data->source, array_name, i, 0,
                            _("field “id” is required and must be a positive whole number"));
          return FALSE;
        }

      id = json_node_get_int (id_node);
      if (g_hash_table_contains (ids, &id))
        {
          set_record_error (error, data->source, array_name, i, id,
                            _("another record in the same list has this id"));
          return FALSE;
        }
      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));

      if (type == AR_TYPE_ALLIANCE_MEMBER)
        adopt_teaching_school (data, object);

      record = g_object_new (type, NULL);
      ar_record_set_id (record, id);

      members = json_object_get_members (object);
      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *member = l->data;
          g_autofree char *problem = NULL;
          int index;

          if (g_str_equal (member, "id"))
            continue;

          index = ar_record_class_field_index (AR_RECORD_GET_CLASS (record), member);
          if (index < 0)
            {
              g_autofree char *shown = ar_text_for_message (member);

              problem = g_strdup_printf (_("unknown field “%s”"), shown);
              set_record_error (error, data->source, array_name, i, id, problem);
              return FALSE;
            }

          if (!read_field (record, member, index, &AR_RECORD_GET_CLASS (record)->fields[index],
                           json_object_get_member (object, member), &problem))
            {
              set_record_error (error, data->source, array_name, i, id, problem);
              return FALSE;
            }
        }

      if (!ar_record_validate (record, &invalid))
        {
          int field = ar_record_get_invalid_field (record);
          g_autofree char *message = NULL;

          /* the window's label is in the message; add the file's name for it */
          if (field >= 0)
            message = g_strdup_printf (_("field “%s”: %s"),
                                       AR_RECORD_GET_CLASS (record)->fields[field].name,
                                       invalid->message);
          set_record_error (error, data->source, array_name, i, id,
                            message != NULL ? message : invalid->message);
          return FALSE;
        }

      g_ptr_array_add (data->records, g_steal_pointer (&record));
    }

  return TRUE;
}

/* The quick way in ---------------------------------------------------- */

/* A register file as this program writes it is read straight into
 * records, without json-glib's tree of a node per value (most of an
 * England-scale import's time, and hundreds of megabytes). Anything
 * this reader is not sure of, from a stray escape to a refused value,
 * sends the whole document down the checked way below instead, which
 * gives the messages; so a file is taken here only when the checked way
 * would take it as well, with the same records. */

typedef struct
{
  const char *p;
  const char *end;
  GString    *text;   /* the last string read, unescaped */
} Quick;

typedef enum
{
  QUICK_STRING,
  QUICK_INT,
  QUICK_TRUE,
  QUICK_FALSE,
  QUICK_NULL,
} QuickKind;

static inline void
quick_space (Quick *quick)
{
  while (quick->p < quick->end
         && (*quick->p == ' ' || *quick->p == '\n' || *quick->p == '\r' || *quick->p == '\t'))
    quick->p++;
}

static inline gboolean
quick_char (Quick *quick,
            char   c)
{
  quick_space (quick);
  if (quick->p >= quick->end || *quick->p != c)
    return FALSE;
  quick->p++;
  return TRUE;
}

/* g_string_append_len() without its checks and its general insert */
static inline void
quick_append (GString    *text,
              const char *run,
              gsize       length)
{
  gsize old = text->len;

  g_string_set_size (text, old + length);
  memcpy (text->str + old, run, length);
}

/* A string into quick->text; @escaped says whether it held an escape. */

static gboolean
quick_string (Quick    *quick,
              gboolean *escaped)
{
  const char *run;

  quick_space (quick);
  if (quick->p >= quick->end || *quick->p != '"')
    return FALSE;
  run = ++quick->p;
  g_string_truncate (quick->text, 0);
  *escaped = FALSE;

  while (quick->p < quick->end)
    {
      guchar c = *quick->p;
      int unit;

      if (c == '"')
        {
          quick_append (quick->text, run, quick->p - run);
          quick->p++;
          return TRUE;
        }
      if (c < 0x20)
        return FALSE;
      if (c != '\\')
        {
          quick->p++;
          continue;
        }

      quick_append (quick->text, run, quick->p - run);
      *escaped = TRUE;
      if (quick->end - quick->p < 2)
        return FALSE;
      switch (quick->p[1])
        {
        case '"': case '\\': case '/':
          g_string_append_c (quick->text, quick->p[1]);
          break;
        case 'b': g_string_append_c (quick->text, '\b'); break;
        case 'f': g_string_append_c (quick->text, '\f'); break;
        case 'n': g_string_append_c (quick->text, '\n'); break;
        case 'r': g_string_append_c (quick->text, '\r'); break;
        case 't': g_string_append_c (quick->text, '\t'); break;
        case 'u':
          unit = hex_value (quick->p + 2, quick->end);
          if (unit <= 0 || (unit >= 0xdc00 && unit <= 0xdfff))
            return FALSE;
          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              int low = quick->end - quick->p >= 12 && quick->p[6] == '\\' && quick->p[7] == 'u'
                        ? hex_value (quick->p + 8, quick->end) : -1;

              if (low < 0xdc00 || low > 0xdfff)
                return FALSE;
              unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              quick->p += 6;
            }
          g_string_append_unichar (quick->text, unit);
          quick->p += 4;
          break;
        default:
          return FALSE;
        }
      quick->p += 2;
      run = quick->p;
    }

  return FALSE;
}

static inline gboolean
quick_word (Quick      *quick,
            const char *word,
            gsize       length)
{
  if ((gsize) (quick->end - quick->p) < length || memcmp (quick->p, word, length) != 0)
    return FALSE;
  quick->p += length;
  return TRUE;
}

/* One string, whole number (no more than 18 digits, so never beyond 64
 * bits), true, false or null; anything else is left to the checked way. */
static gboolean
quick_scalar (Quick     *quick,
              QuickKind *kind,
              gint64    *number)
{
  gboolean escaped;
  gboolean negative = FALSE;
  const char *digits;

  quick_space (quick);
  if (quick->p >= quick->end)
    return FALSE;

  switch (*quick->p)
    {
    case '"':
      *kind = QUICK_STRING;
      return quick_string (quick, &escaped);
    case 't':
      *kind = QUICK_TRUE;
      return quick_word (quick, "true", 4);
    case 'f':
      *kind = QUICK_FALSE;
      return quick_word (quick, "false", 5);
    case 'n':
      *kind = QUICK_NULL;
      return quick_word (quick, "null", 4);
    case '-':
      negative = TRUE;
      quick->p++;
      break;
    default:
      break;
    }

  *kind = QUICK_INT;
  *number = 0;
  digits = quick->p;
  while (quick->p < quick->end && g_ascii_isdigit (*quick->p))
    {
      /* a number of more than 18 digits is refused below: stop adding to
       * it before it overflows */
      if (quick->p - digits < 18)
        *number = *number * 10 + (*quick->p - '0');
      quick->p++;
    }
  if (quick->p == digits || quick->p - digits > 18
      || (*digits == '0' && (quick->p - digits > 1 || negative)))
    return FALSE;
  if (negative)
    *number = -*number;

  /* "12.5", "1e3", "12abc": not a whole number as this reader knows one */
  return quick->p == quick->end || strchr (" \t\r\n,}]", *quick->p) != NULL;
}

/* The extent of one value, each of its strings and numbers as strict as
 * above; for the history, which json-glib then reads on its own. */
static gboolean
quick_skip_value (Quick *quick,
                  guint  depth)
{
  QuickKind kind;
  gint64 number;
  gboolean escaped;
  char close;

  quick_space (quick);
  if (quick->p >= quick->end)
    return FALSE;
  if (*quick->p != '{' && *quick->p != '[')
    {
      /* decimal numbers are left to the checked way too */
      return quick_scalar (quick, &kind, &number);
    }
  if (depth >= MAX_DEPTH - 1)
    return FALSE;

  close = *quick->p == '{' ? '}' : ']';
  quick->p++;
  if (quick_char (quick, close))
    return TRUE;
  do
    {
      if (close == '}' && (!quick_string (quick, &escaped) || escaped || !quick_char (quick, ':')))
        return FALSE;
      if (!quick_skip_value (quick, depth + 1))
        return FALSE;
    }
  while (quick_char (quick, ','));

  return quick_char (quick, close);
}

/* One record of @type; FALSE for anything the checked way should see. */
static gboolean
quick_record (Quick       *quick,
              GType        type,
              GHashTable  *ids,
              GPtrArray   *records)
{
  g_autoptr(ArRecord) record = g_object_new (type, NULL);
  ArRecordClass *klass = AR_RECORD_GET_CLASS (record);
  guint64 seen = 0;
  gint64 id = 0;
  int next = 0;
  gboolean escaped;

  if (klass->n_fields >= 64 || !quick_char (quick, '{'))
    return FALSE;

  do
    {
      const ArField *field;
      QuickKind kind;
      gint64 number = 0;
      int index;

      if (!quick_string (quick, &escaped) || escaped || !quick_char (quick, ':'))
        return FALSE;

      if (g_str_equal (quick->text->str, "id"))
        {
          if (id != 0 || !quick_scalar (quick, &kind, &id) || kind != QUICK_INT || id <= 0)
            return FALSE;
          ar_record_set_id (record, id);
          continue;
        }

      /* a file as this program writes it has the fields in order */
      if ((guint) next < klass->n_fields && g_str_equal (klass->fields[next].name, quick->text->str))
        index = next;
      else
        index = ar_record_class_field_index (klass, quick->text->str);
      next = index + 1;
      if (index < 0 || (seen & (G_GUINT64_CONSTANT (1) << index)) != 0
          || !quick_scalar (quick, &kind, &number))
        return FALSE;
      seen |= G_GUINT64_CONSTANT (1) << index;
      field = &klass->fields[index];

      /* as read_field() takes them, into a record no one has seen yet:
       * no value to compare and no one to notify, as ar_record_set_value()
       * would (a tenth of the import) */
      switch (field->type)
        {
        case AR_FIELD_LINK:
          if (kind == QUICK_NULL)
            continue;
          if (kind != QUICK_INT || number <= 0)
            return FALSE;
          ar_record_load_integer (record, index, number);
          break;

        case AR_FIELD_INTEGER:
          if (kind != QUICK_INT)
            return FALSE;
          ar_record_load_integer (record, index, number);
          break;

        case AR_FIELD_BOOLEAN:
          if (kind != QUICK_TRUE && kind != QUICK_FALSE)
            return FALSE;
          ar_record_load_integer (record, index, kind == QUICK_TRUE);
          break;

        case AR_FIELD_TEXT:
        case AR_FIELD_DATE:
        case AR_FIELD_CHOICE:
        case AR_FIELD_CODE_LINK:
        default:
          if (kind == QUICK_NULL)
            continue;
          if (kind != QUICK_STRING)
            return FALSE;
          ar_record_load_trimmed (record, index, quick->text->str);
          break;
        }
    }
  while (quick_char (quick, ','));

  if (!quick_char (quick, '}') || id == 0 || g_hash_table_contains (ids, &id))
    return FALSE;

  /* an older file's teaching-school member is rewritten by the checked way */
  if (type == AR_TYPE_ALLIANCE_MEMBER
      && g_strcmp0 (ar_record_get_text (record, "role"), "teaching-school") == 0)
    return FALSE;

  if (!ar_record_validate (record, NULL))
    return FALSE;

  g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
  g_ptr_array_add (records, g_steal_pointer (&record));
  return TRUE;
}

static gboolean
quick_history (ImportData *data,
               Quick      *quick)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *start;
  JsonNode *node;

  quick_space (quick);
  start = quick->p;
  if (!quick_skip_value (quick, 1)
      || !json_parser_load_from_data (parser, start, quick->p - start, NULL))
    return FALSE;

  node = json_parser_get_root (parser);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  data->history = ar_history_from_json (node, data->source, NULL);
  return data->history != NULL;
}

static gboolean
quick_document (ImportData  *data,
                Quick       *quick,
                GPtrArray  **lists)
{
  guint n_types;
  const GType *types = ar_record_types (&n_types);
  guint seen = 0;  /* format, version, history, then each list */
  gboolean escaped;

  if (!quick_char (quick, '{'))
    return FALSE;

  do
    {
      const char *member;
      QuickKind kind;
      gint64 number;
      int slot = -1;
      int t = -1;

      if (!quick_string (quick, &escaped) || escaped || !quick_char (quick, ':'))
        return FALSE;
      member = quick->text->str;

      for (guint i = 0; i < n_types && t < 0; i++)
        {
          if (g_str_equal (member, array_for_table (AR_RECORD_CLASS (g_type_class_peek (types[i]))->table)))
            t = i;
        }
      slot = g_str_equal (member, "format") ? 0 : g_str_equal (member, "version") ? 1
             : g_str_equal (member, "history") ? 2 : t >= 0 ? 3 + t : -1;

      /* each known member once, or the checked way says what it makes of it */
      if (slot < 0 || (seen & (1u << slot)) != 0)
        return FALSE;
      seen |= 1u << slot;

      if (slot == 0)
        {
          if (!quick_scalar (quick, &kind, &number) || kind != QUICK_STRING
              || !g_str_equal (quick->text->str, AR_REGISTER_JSON_FORMAT))
            return FALSE;
          continue;
        }
      if (slot == 1)
        {
          if (!quick_scalar (quick, &kind, &number) || kind != QUICK_INT
              || number < 1 || number > AR_REGISTER_JSON_VERSION)
            return FALSE;
          continue;
        }
      if (slot == 2)
        {
          if (!quick_history (data, quick))
            return FALSE;
          continue;
        }

      if (quick_word (quick, "null", 4))
        continue;
      if (!quick_char (quick, '['))
        return FALSE;
      if (!quick_char (quick, ']'))
        {
          g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

          do
            {
              if (!quick_record (quick, types[t], ids, lists[t]))
                return FALSE;
            }
          while (quick_char (quick, ','));
          if (!quick_char (quick, ']'))
            return FALSE;
        }
    }
  while (quick_char (quick, ','));

  if (!quick_char (quick, '}'))
    return FALSE;
  quick_space (quick);

  return quick->p == quick->end && (seen & 3) == 3;
}

/* Reads @text into @data as read_document() would, or returns FALSE
 * having read nothing. */
static gboolean
read_document_quickly (ImportData *data,
                       const char *text,
                       gsize       length)
{
  g_autoptr(GString) buffer = g_string_sized_new (256);
  Quick quick = { text, text + length, buffer };
  guint n_types;
  const GType *types = ar_record_types (&n_types);
  GPtrArray *lists[G_N_ELEMENTS (array_names)];
  gboolean ok;

  g_assert (n_types <= G_N_ELEMENTS (array_names) && n_types + 3 < 32);

  for (guint t = 0; t < n_types; t++)
    {
      lists[t] = g_ptr_array_new_with_free_func (g_object_unref);
      g_type_class_ref (types[t]);
    }

  ok = quick_document (data, &quick, lists);
  for (guint t = 0; t < n_types; t++)
    {
      if (ok)
        {
          if (types[t] == AR_TYPE_ROLE && lists[t]->len > 0)
            data->has_roles = TRUE;
          g_ptr_array_extend_and_steal (data->records, lists[t]);
        }
      else
        g_ptr_array_unref (lists[t]);
      g_type_class_unref (g_type_class_peek (types[t]));
    }
  if (!ok)
    g_clear_pointer (&data->history, g_ptr_array_unref);
  /* the checked way changes an alliance after validating it (an older
   * file's teaching school); this way changes nothing */
  data->validated = ok;

  return ok;
}

static gboolean
read_document (ImportData  *data,
               const char  *text,
               gssize       length,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *patched = NULL;
  g_autoptr(GList) members = NULL;
  guint n_types;
  const GType *types = ar_record_types (&n_types);
  JsonObject *root;
  JsonNode *node;

  if (length < 0)
    length = strlen (text);

  if (!ar_text_validate (text, length, NULL))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s is not a register file: it is not UTF-8 text"), data->source);
      return FALSE;
    }

  if (read_document_quickly (data, text, length))
    return TRUE;

  {
    g_autoptr(GArray) patches = g_array_new (FALSE, FALSE, sizeof (gsize));
    Scanner scanner = { data->source, text, text + length, text, 1, 0, { { 0 } }, &data->problem, patches, FALSE };

    if (!scan_document (&scanner, error))
      return FALSE;

    /* json-glib trips over a lone surrogate before a quote; give it a
     * harmless character instead, so that the record can be named */
    if (patches->len > 0)
      {
        text = patched = g_memdup2 (text, length);
        for (guint i = 0; i < patches->len; i++)
          memcpy (patched + g_array_index (patches, gsize, i), "\\ufffd", 6);
      }
  }

  if (!json_parser_load_from_data (parser, text, length, &parse_error))
    {
      if (data->problem.message != NULL)
        {
          g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                       _("%s, line %u: %s"), data->source, data->problem.line, data->problem.message);
          return FALSE;
        }

      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s is not valid JSON: %s"), data->source, parse_error->message);
      return FALSE;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s is not a register file: it must hold a JSON object"), data->source);
      return FALSE;
    }

  root = json_node_get_object (node);
  node = json_object_get_member (root, "format");
  if (node == NULL || !node_is (node, G_TYPE_STRING)
      || !g_str_equal (json_node_get_string (node), AR_REGISTER_JSON_FORMAT))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s is not a register file: “format” must be “%s”"),
                   data->source, AR_REGISTER_JSON_FORMAT);
      return FALSE;
    }

  node = json_object_get_member (root, "version");
  if (node == NULL || !node_is (node, G_TYPE_INT64) || json_node_get_int (node) < 1)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s: “version” must be a whole number from 1"), data->source);
      return FALSE;
    }
  if (json_node_get_int (node) > AR_REGISTER_JSON_VERSION)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_VERSION,
                   _("%s was written by a newer Alliance Register (format version %s; "
                     "this program reads up to version %d)"),
                   data->source, version, AR_REGISTER_JSON_VERSION);
      return FALSE;
    }

  members = json_object_get_members (root);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      gboolean known = g_str_equal (member, "format") || g_str_equal (member, "version")
                       || g_str_equal (member, "history");

      for (guint i = 0; i < G_N_ELEMENTS (array_names) && !known; i++)
        known = g_str_equal (member, array_names[i].array);

      if (!known)
        {
          g_autofree char *shown = ar_text_for_message (member);

          g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                       _("%s: unknown member “%s”"), data->source, shown);
          return FALSE;
        }
    }

  for (guint t = 0; t < n_types; t++)
    {
      if (!read_records (data, types[t], root, error))
        return FALSE;
    }

  node = json_object_get_member (root, "history");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node)
      && (data->history = ar_history_from_json (node, data->source, error)) == NULL)
    return FALSE;

  /* found where no record took it, as under a member named twice */
  if (data->problem.message != NULL && !data->problem.reported)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s, line %u: %s"), data->source, data->problem.line, data->problem.message);
      return FALSE;
    }

  return TRUE;
}

/* Which field ar_store_save() refused as a broken link or a value
 * already used, asked again of the register, so that the message can
 * name it as the file does. */
static int
refused_field (ArStore      *store,
               ArRecord     *record,
               const GError *error)
{
  gboolean link = g_error_matches (error, AR_STORE_ERROR, AR_STORE_ERROR_LINK);
  gboolean duplicate = g_error_matches (error, AR_STORE_ERROR, AR_STORE_ERROR_DUPLICATE);
  guint n_fields;
  const ArField *fields = ar_record_get_fields (record, &n_fields);

  for (guint i = 0; i < n_fields && (link || duplicate); i++)
    {
      const GValue *value = ar_record_peek_value (record, i);
      const char *text = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;
      ArRecordClass *linked = fields[i].link_table != NULL
                              ? ar_record_class_for_table (fields[i].link_table) : NULL;
      g_autoptr(ArRecord) found = NULL;

      if (duplicate && (fields[i].flags & AR_FIELD_FLAG_UNIQUE) && text != NULL)
        {
          found = ar_store_find (store, G_OBJECT_TYPE (record), fields[i].name, text, NULL);
          if (found != NULL && ar_record_get_id (found) != ar_record_get_id (record))
            return i;
        }
      else if (link && linked != NULL && fields[i].type == AR_FIELD_LINK
               && g_value_get_int64 (value) != 0)
        {
          found = ar_store_get (store, G_TYPE_FROM_CLASS (linked), g_value_get_int64 (value), NULL);
          if (found == NULL)
            return i;
        }
      else if (link && linked != NULL && fields[i].type == AR_FIELD_CODE_LINK && text != NULL)
        {
          found = ar_store_find (store, G_TYPE_FROM_CLASS (linked), "code", text, NULL);
          if (found == NULL)
            return i;
        }
    }

  return -1;
}

/* Records the file gives the same id in the same list are refused
 * before they reach the register: the two are one. */
static gboolean
same_record (gconstpointer a,
             gconstpointer b)
{
  return G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b)
         && ar_record_get_id ((ArRecord *) a) == ar_record_get_id ((ArRecord *) b);
}

/* @record's place in its list in the file: both ways in read each list
 * whole, in order, one after another. Asked only for a message, so not
 * kept with each record (g_object_set_data() was 3% of a large import).
 * @record may be a batch's copy of the one read. */
static guint
record_position (GPtrArray *records,
                 ArRecord  *record)
{
  guint index = 0;
  guint first;

  if (!g_ptr_array_find (records, record, &index)
      && !g_ptr_array_find_with_equal_func (records, record, same_record, &index))
    g_return_val_if_reached (0);
  for (first = index; first > 0 && G_OBJECT_TYPE (records->pdata[first - 1]) == G_OBJECT_TYPE (record); first--)
    ;

  return index - first;
}

/* Says which record @store refused, where in the file and, when it can
 * tell, in which field. */
static void
set_refused_error (GError      **error,
                   ImportData   *data,
                   ArStore      *store,
                   ArRecord     *record,
                   const GError *refusal)
{
  guint position = record_position (data->records, record);
  int field = refused_field (store, record, refusal);
  g_autofree char *message = NULL;

  if (field >= 0)
    message = g_strdup_printf (_("field “%s”: %s"),
                               ar_record_get_fields (record, NULL)[field].name,
                               refusal->message);
  set_record_error (error, data->source, array_for_table (ar_record_get_table (record)),
                    position, ar_record_get_id (record),
                    message != NULL ? message : refusal->message);
}

/* Every table is empty now (bar the default roles, when the file has
 * none): the records go in with an ArStoreFill, which checks them as
 * ar_store_save() does from hashes and writes them in batches. */
static gboolean
write_each_record (ArStore     *store,
                   ImportData  *data,
                   GError     **error)
{
  g_autoptr(ArStoreFill) fill = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ArRecord) refused = NULL;

  if (data->one_by_one)
    {
      for (guint i = 0; i < data->records->len; i++)
        {
          ArRecord *record = g_ptr_array_index (data->records, i);

          if (!ar_store_save (store, record, &local_error))
            {
              set_refused_error (error, data, store, record, local_error);
              return FALSE;
            }
        }
      return TRUE;
    }

  fill = ar_store_fill_new (store, data->validated, error);
  if (fill == NULL)
    return FALSE;

  /* SQLite builds a table of a CHECK's IN list for every row (a tenth
   * of the import): the checks run once per table at the end instead */
  ar_store_defer_checks (store);

  for (guint i = 0; i < data->records->len; i++)
    {
      if (!ar_store_fill_add (fill, g_ptr_array_index (data->records, i), &refused, &local_error))
        break;
    }
  if (local_error == NULL)
    ar_store_fill_flush (fill, &refused, &local_error);

  /* a row they refuse is not named: the import is done again the old
   * way, which names it */
  if (local_error == NULL && !ar_store_run_deferred_checks (store, error))
    {
      data->checks_failed = TRUE;
      return FALSE;
    }

  if (local_error == NULL)
    return TRUE;
  if (refused == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    set_refused_error (error, data, store, refused, local_error);
  return FALSE;
}

static gboolean
write_records (ArStore   *store,
               gpointer   user_data,
               GError   **error)
{
  ImportData *data = user_data;
  g_autoptr(GPtrArray) indexes = NULL;

  if (!data->replace && !ar_store_is_empty (store))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_EMPTY,
                   _("%s already holds records: import into an empty register, or replace its contents"),
                   ar_store_get_path (store));
      return FALSE;
    }

  /* Start from nothing; the file's roles, or the defaults, come back below. */
  if (!ar_store_clear (store, error))
    return FALSE;

  if (data->has_roles && !ar_store_exec (store, "DELETE FROM role", error))
    return FALSE;

  /* the import's own checks look records up by id and by unique value */
  indexes = ar_store_drop_link_indexes (store, NULL, error);
  if (indexes == NULL)
    return FALSE;

  if (!write_each_record (store, data, error))
    return FALSE;

  if (!ar_store_build_indexes (store, indexes, error))
    return FALSE;

  /* the file's history comes too, before this import's own entry */
  if (data->history != NULL && !ar_history_insert (store, data->history, error))
    return FALSE;

  /* A version 1 file has no SUP or DEP role: they come from the defaults. */
  return !data->has_roles || ar_store_seed_missing_roles (store, error);
}

/**
 * ar_register_json_import:
 * @data: the JSON text
 * @length: its length, or -1 if nul-terminated
 * @source_name: the file name to use in messages
 * @replace: whether to replace a register that already holds records
 *
 * Reads and checks the whole document first, then writes every record in
 * one transaction. Any problem leaves the register as it was, and the
 * message names the file, the record and the field.
 */
gboolean
ar_register_json_import (ArStore     *store,
                         const char  *data,
                         gssize       length,
                         const char  *source_name,
                         gboolean     replace,
                         GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  ImportData import = { source_name, records, FALSE, replace, { 0 } };
  g_autofree char *file_name = NULL;
  gboolean ok;

  g_return_val_if_fail (AR_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (source_name != NULL, FALSE);

  /* the history names the file, not the folder it was in */
  file_name = g_path_get_basename (source_name);
  import.one_by_one = one_by_one;
  ok = read_document (&import, data, length, error);
  if (ok)
    {
      int saved = ar_store_begin_bulk (store);
      g_autoptr(GError) local_error = NULL;

      ok = ar_store_write_from (store, "import", (const char * const[]) { file_name, NULL },
                                write_records, &import, &local_error);
      /* rolled back: nothing of it is left to see */
      if (!ok && import.checks_failed)
        {
          g_clear_error (&local_error);
          import.one_by_one = TRUE;
          ok = ar_store_write_from (store, "import", (const char * const[]) { file_name, NULL },
                                    write_records, &import, &local_error);
        }
      if (!ok)
        g_propagate_error (error, g_steal_pointer (&local_error));
      ar_store_end_bulk (store, saved);
    }
  problem_clear (&import.problem);
  g_clear_pointer (&import.history, g_ptr_array_unref);

  return ok;
}

gboolean
ar_register_json_import_file (ArStore     *store,
                              const char  *path,
                              gboolean     replace,
                              GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length;

  g_return_val_if_fail (AR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display_name = g_filename_display_name (path);
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  /* a file name need not be UTF-8; a message must be */
  return ar_register_json_import (store, contents, length, display_name, replace, error);
}

/**
 * ar_register_json_read:
 * @data: the JSON text
 * @length: its length, or -1 if nul-terminated
 * @source_name: the file name to use in messages
 * @has_roles: (out) (optional): whether the file brings its own roles
 *
 * Reads and checks a whole document as ar_register_json_import() does,
 * without writing anything: for merging (ar-register-merge.c). The records
 * keep the file's ids and come links first (areas before schools...); each
 * has its position in its list as "ar-json-position".
 *
 * Returns: (transfer container): the records, or %NULL
 */
GPtrArray *
ar_register_json_read (const char  *data,
                       gssize       length,
                       const char  *source_name,
                       gboolean    *has_roles,
                       GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  ImportData import = { source_name, records, FALSE, FALSE, { 0 } };
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  ok = read_document (&import, data, length, error);
  problem_clear (&import.problem);
  for (guint i = 0, first = 0; ok && i < records->len; i++)
    {
      if (i > 0 && G_OBJECT_TYPE (records->pdata[i]) != G_OBJECT_TYPE (records->pdata[i - 1]))
        first = i;
      g_object_set_data (records->pdata[i], "ar-json-position", GUINT_TO_POINTER (i - first));
    }
  /* a merge renumbers what it adds, so the file's history cannot come too */
  g_clear_pointer (&import.history, g_ptr_array_unref);
  if (has_roles != NULL)
    *has_roles = import.has_roles;

  return ok ? g_steal_pointer (&records) : NULL;
}
