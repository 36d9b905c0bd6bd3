/* ar-cli-history.c: alliance-register history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ar-cli.h"

/* A value from a change's JSON, for a person to read */
static char *
format_value (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(empty)"));
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup_printf ("“%s”", json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));

  return json_to_string (node, FALSE);
}

/* For CSV: the bare value, empty for none */
static char *
plain_value (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  return json_to_string (node, FALSE);
}

static JsonObject *
parse_values (const char  *text,
              JsonParser  *parser)
{
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);

  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/* "2024-09-01T10:30:00Z" as "2024-09-01 10:30 UTC" */
static char *
format_time (const char *at)
{
  if (strlen (at) < 16)
    return g_strdup (at);

  return g_strdup_printf ("%.10s %.5s UTC", at, at + 11);
}

static const char *
kind_label (const char *kind)
{
  ArRecordClass *klass = ar_record_class_for_table (kind);

  return klass != NULL ? _(klass->label) : kind;
}

static void
append_counts (GString        *text,
               ArChangeEntry  *entry)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < AR_HISTORY_N_CHANGES; i++)
    {
      if (entry->counts[i] > 0)
        g_ptr_array_add (parts, g_strdup_printf ("%u %s", entry->counts[i], ar_history_change_label (i)));
    }
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (text, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (parts, i));
}

static char *
history_to_text (ArStore   *store,
                 GPtrArray *entries)
{
  GString *text = g_string_new (NULL);

  if (entries->len == 0)
    g_string_append_printf (text, "%s\n", _("No changes recorded."));

  for (guint e = 0; e < entries->len; e++)
    {
      ArChangeEntry *entry = g_ptr_array_index (entries, e);
      g_autofree char *time = format_time (entry->at);

      if (e > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s  %s  %s", time, entry->user, entry->source);
      if (entry->files != NULL && entry->files[0] != NULL)
        {
          g_autofree char *files = g_strjoinv (", ", entry->files);
          g_string_append_printf (text, " (%s)", files);
        }
      g_string_append (text, ": ");
      append_counts (text, entry);
      g_string_append_c (text, '\n');

      for (guint c = 0; c < entry->changes->len; c++)
        {
          ArRecordChange *change = g_ptr_array_index (entry->changes, c);
          g_autoptr(JsonParser) old_parser = json_parser_new ();
          g_autoptr(JsonParser) new_parser = json_parser_new ();
          JsonObject *old_values = parse_values (change->old_values, old_parser);
          JsonObject *new_values = parse_values (change->new_values, new_parser);
          g_autofree char *name = ar_history_record_name (store, change);
          g_autoptr(GList) members = NULL;

          g_string_append_printf (text, "  %s %s %" G_GINT64_FORMAT, ar_history_change_label (change->change),
                                  kind_label (change->kind), change->record_id);
          if (name != NULL)
            g_string_append_printf (text, " %s", name);
          g_string_append_c (text, '\n');

          /* a run of records an import added, one line each */
          for (gint64 id = change->record_id + 1; id <= change->last_id; id++)
            {
              ArRecordChange one = *change;
              g_autofree char *one_name = NULL;

              one.record_id = id;
              one_name = ar_history_record_name (store, &one);
              g_string_append_printf (text, "  %s %s %" G_GINT64_FORMAT "%s%s\n", ar_history_change_label (change->change),
                                      kind_label (change->kind), id, one_name ? " " : "", one_name ? one_name : "");
            }

          /* an update lists its fields; a deletion, what the record held */
          if (change->change == AR_HISTORY_ADDED)
            continue;
          members = old_values != NULL ? json_object_get_members (old_values) : NULL;
          for (GList *l = members; l != NULL; l = l->next)
            {
              g_autofree char *before = format_value (json_object_get_member (old_values, l->data));

              if (change->change == AR_HISTORY_DELETED)
                g_string_append_printf (text, "    %s: %s\n", (char *) l->data, before);
              else
                {
                  g_autofree char *after = format_value (new_values != NULL
                                                         ? json_object_get_member (new_values, l->data)
                                                         : NULL);
                  g_string_append_printf (text, "    %s: %s → %s\n", (char *) l->data, before, after);
                }
            }
        }
    }

  return g_string_free (text, FALSE);
}

static void
append_csv_field (GString    *line,
                  const char *value,
                  gboolean    first)
{
  if (!first)
    g_string_append_c (line, ',');
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (line, value);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
append_csv_row (GString         *text,
                ArChangeEntry   *entry,
                ArRecordChange  *change,
                const char      *field,
                const char      *before,
                const char      *after)
{
  g_autofree char *files = entry->files != NULL ? g_strjoinv ("; ", entry->files) : NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, change->record_id);
  g_autofree char *entry_id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);

  append_csv_field (text, entry_id, TRUE);
  append_csv_field (text, entry->at, FALSE);
  append_csv_field (text, entry->user, FALSE);
  append_csv_field (text, entry->source, FALSE);
  append_csv_field (text, files, FALSE);
  append_csv_field (text, ar_history_change_kind_to_string (change->change), FALSE);
  append_csv_field (text, change->kind, FALSE);
  append_csv_field (text, id, FALSE);
  append_csv_field (text, field, FALSE);
  append_csv_field (text, before, FALSE);
  append_csv_field (text, after, FALSE);
  g_string_append (text, "\r\n");
}

/* One row per field that changed (per field held, for a deletion); one
 * row for an addition an import made, which keeps no values. */
static char *
history_to_csv (GPtrArray *entries)
{
  GString *text = g_string_new ("entry,at,user,source,files,change,kind,id,field,old,new\r\n");

  for (guint e = 0; e < entries->len; e++)
    {
      ArChangeEntry *entry = g_ptr_array_index (entries, e);

      for (guint c = 0; c < entry->changes->len; c++)
        {
          ArRecordChange *change = g_ptr_array_index (entry->changes, c);
          g_autoptr(JsonParser) old_parser = json_parser_new ();
          g_autoptr(JsonParser) new_parser = json_parser_new ();
          JsonObject *old_values = parse_values (change->old_values, old_parser);
          JsonObject *new_values = parse_values (change->new_values, new_parser);
          g_autoptr(GList) members = NULL;

          if (old_values != NULL || new_values != NULL)
            members = json_object_get_members (old_values != NULL ? old_values : new_values);
          /* a run of records an import added: a row each */
          for (gint64 id = change->record_id; members == NULL && id <= MAX (change->last_id, change->record_id); id++)
            {
              ArRecordChange one = *change;

              one.record_id = id;
              append_csv_row (text, entry, &one, NULL, NULL, NULL);
            }
          for (GList *l = members; l != NULL; l = l->next)
            {
              g_autofree char *before = old_values != NULL
                                        ? plain_value (json_object_get_member (old_values, l->data)) : NULL;
              g_autofree char *after = new_values != NULL
                                       ? plain_value (json_object_get_member (new_values, l->data)) : NULL;

              append_csv_row (text, entry, change, l->data, before, after);
            }
        }
    }

  return g_string_free (text, FALSE);
}

/* "school:12" */
static gboolean
parse_record (const char  *text,
              char       **kind,
              gint64      *id)
{
  const char *colon = strchr (text, ':');
  g_autofree char *table = NULL;
  guint64 number;

  if (colon == NULL)
    return FALSE;

  table = g_strndup (text, colon - text);
  if (ar_record_class_for_table (table) == NULL
      || !g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXINT64, &number, NULL))
    return FALSE;

  *kind = g_steal_pointer (&table);
  *id = number;
  return TRUE;
}

static char *
kind_names (void)
{
  guint n_types;
  const GType *types = ar_record_types (&n_types);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < n_types; i++)
    {
      ArRecordClass *klass = g_type_class_ref (types[i]);

      g_string_append_printf (names, "%s%s", i ? ", " : "", klass->table);
      g_type_class_unref (klass);
    }

  return g_string_free (names, FALSE);
}

/**
 * ar_cli_history:
 *
 * `history`: every change to the register, newest first, with who made
 * it, when and from where, and each field's old and new value.
 */
int
ar_cli_history (int    argc,
                char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *since = NULL;
  g_autofree char *record = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *kind = NULL;
  gboolean sample = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The register file (default: your register)"), N_("FILE") },
    { "sample", 's', 0, G_OPTION_ARG_NONE, &sample, N_("Use a fresh copy of the sample register"), NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Only changes made on or after this day (UTC)"), N_("YYYY-MM-DD") },
    { "record", 'r', 0, G_OPTION_ARG_STRING, &record, N_("Only the changes to one record, such as school:12"), N_("KIND:ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text, csv or json (default: text)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file (default: standard output)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(ArStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 record_id = 0;
  char *text;
  int status;

  if (!ar_cli_parse_options ("history", "",
                             _("Lists the changes made to the register, newest first: when, by whom, "
                               "from where, and each field’s old and new value."),
                             entries, &argc, &argv, &status))
    return status;

  if (argc > 2)
    return ar_cli_usage_error ("history", _("Unexpected argument"));
  if (sample && database != NULL)
    return ar_cli_usage_error ("history", _("--database and --sample cannot be used together"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv")
      && !g_str_equal (format, "json"))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s” (use text, csv or json)"), format);
      return ar_cli_usage_error ("history", message);
    }
  if (since != NULL && !ar_dates_check ("--since", since, &error))
    return ar_cli_usage_error ("history", error->message);
  if (record != NULL && !parse_record (record, &kind, &record_id))
    {
      g_autofree char *names = kind_names ();
      g_autofree char *message = g_strdup_printf (_("--record: “%s” is not KIND:ID, such as school:12 "
                                                    "(kinds: %s)"), record, names);
      return ar_cli_usage_error ("history", message);
    }

  store = ar_cli_open_store (database, sample, TRUE, &error);
  if (store == NULL)
    return ar_cli_fail (error);

  history = ar_history_list (store, since, kind, record_id, &error);
  if (history == NULL)
    return ar_cli_fail (error);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonNode) node = ar_history_to_json (history);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *json = NULL;

      json_generator_set_root (generator, node);
      json_generator_set_pretty (generator, TRUE);
      json = json_generator_to_data (generator, NULL);
      text = g_strconcat (json, "\n", NULL);
    }
  else if (g_strcmp0 (format, "csv") == 0)
    text = history_to_csv (history);
  else
    text = history_to_text (store, history);

  bytes = g_bytes_new_take (text, strlen (text));
  if (!ar_cli_write_output (output, bytes, store, &error))
    return ar_cli_fail (error);

  return AR_CLI_EXIT_OK;
}
