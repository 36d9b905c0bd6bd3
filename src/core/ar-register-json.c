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
#include "ar-store-private.h"

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
add_field_value (JsonBuilder   *builder,
                 const ArField *field,
                 const GValue  *value)
{
  switch (field->type)
    {
    case AR_FIELD_LINK:
      if (g_value_get_int64 (value) == 0)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, g_value_get_int64 (value));
      break;

    case AR_FIELD_INTEGER:
      json_builder_add_int_value (builder, g_value_get_int64 (value));
      break;

    case AR_FIELD_BOOLEAN:
      json_builder_add_boolean_value (builder, g_value_get_boolean (value));
      break;

    case AR_FIELD_TEXT:
    case AR_FIELD_DATE:
    case AR_FIELD_CHOICE:
    case AR_FIELD_CODE_LINK:
    default:
      if (g_value_get_string (value) == NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, g_value_get_string (value));
      break;
    }
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
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n_types;
  const GType *types = ar_record_types (&n_types);
  g_autofree char *text = NULL;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, AR_REGISTER_JSON_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, AR_REGISTER_JSON_VERSION);

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GListModel) records = ar_store_list (store, types[t], error);
      ArRecordClass *klass = g_type_class_peek (types[t]);

      if (records == NULL)
        return NULL;

      json_builder_set_member_name (builder, array_for_table (klass->table));
      json_builder_begin_array (builder);
      for (guint r = 0; r < g_list_model_get_n_items (records); r++)
        {
          g_autoptr(ArRecord) record = g_list_model_get_item (records, r);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, ar_record_get_id (record));
          for (guint f = 0; f < klass->n_fields; f++)
            {
              json_builder_set_member_name (builder, klass->fields[f].name);
              add_field_value (builder, &klass->fields[f], ar_record_peek_value (record, f));
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  /* End with a newline like any text file. */
  return g_strconcat (text, "\n", NULL);
}

gboolean
ar_register_json_export_file (ArStore     *store,
                              const char  *path,
                              GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (AR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = ar_register_json_export (store, error);
  if (text == NULL)
    return FALSE;

  /* never over the register itself, a link or a pipe; see ar-output-file.c */
  bytes = g_bytes_new_static (text, strlen (text));
  return ar_output_file_write (path, bytes, ar_store_get_path (store), error);
}

typedef struct
{
  const char *source;
  GPtrArray  *records;
  gboolean    has_roles;
  gboolean    replace;
} ImportData;

static void
set_record_error (GError      **error,
                  const char   *source,
                  const char   *array,
                  guint         index,
                  gint64        id,
                  const char   *message)
{
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

/* Checks one member's JSON type against its field and stores it in the
 * record; json-glib would coerce silently, so nothing is taken on trust. */
static gboolean
read_field (ArRecord       *record,
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
      expected = _("a record id or null");
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

  *problem = g_strdup_printf (_("field “%s” must be %s, not %s"),
                              field->name, expected, node_type_name (node));
  return FALSE;
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
              problem = g_strdup_printf (_("unknown field “%s”"), member);
              set_record_error (error, data->source, array_name, i, id, problem);
              return FALSE;
            }

          if (!read_field (record, index, &AR_RECORD_GET_CLASS (record)->fields[index],
                           json_object_get_member (object, member), &problem))
            {
              set_record_error (error, data->source, array_name, i, id, problem);
              return FALSE;
            }
        }

      if (!ar_record_validate (record, &invalid))
        {
          set_record_error (error, data->source, array_name, i, id, invalid->message);
          return FALSE;
        }

      g_object_set_data (G_OBJECT (record), "ar-json-position", GUINT_TO_POINTER (i));
      g_ptr_array_add (data->records, g_steal_pointer (&record));
    }

  return TRUE;
}

static gboolean
read_document (ImportData  *data,
               const char  *text,
               gssize       length,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GList) members = NULL;
  guint n_types;
  const GType *types = ar_record_types (&n_types);
  JsonObject *root;
  JsonNode *node;

  if (length < 0)
    length = strlen (text);

  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s is not a register file: it is not UTF-8 text"), data->source);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, text, length, &parse_error))
    {
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
      gboolean known = g_str_equal (member, "format") || g_str_equal (member, "version");

      for (guint i = 0; i < G_N_ELEMENTS (array_names) && !known; i++)
        known = g_str_equal (member, array_names[i].array);

      if (!known)
        {
          g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                       _("%s: unknown member “%s”"), data->source, member);
          return FALSE;
        }
    }

  for (guint t = 0; t < n_types; t++)
    {
      if (!read_records (data, types[t], root, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_records (ArStore   *store,
               gpointer   user_data,
               GError   **error)
{
  ImportData *data = user_data;

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

  for (guint i = 0; i < data->records->len; i++)
    {
      ArRecord *record = g_ptr_array_index (data->records, i);
      g_autoptr(GError) local_error = NULL;

      if (!ar_store_save (store, record, &local_error))
        {
          guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (record), "ar-json-position"));

          set_record_error (error, data->source, array_for_table (ar_record_get_table (record)),
                            position, ar_record_get_id (record), local_error->message);
          return FALSE;
        }
    }

  return TRUE;
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
  ImportData import = { source_name, records, FALSE, replace };

  g_return_val_if_fail (AR_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (source_name != NULL, FALSE);

  if (!read_document (&import, data, length, error))
    return FALSE;

  return ar_store_write (store, write_records, &import, error);
}

gboolean
ar_register_json_import_file (ArStore     *store,
                              const char  *path,
                              gboolean     replace,
                              GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (AR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  return ar_register_json_import (store, contents, length, path, replace, error);
}
