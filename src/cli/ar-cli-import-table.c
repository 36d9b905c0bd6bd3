/* ar-cli-import-table.c: alliance-register import-table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ar-cli.h"
#include "ar-table-import.h"

/* "Home school=school", "3=", "Email=email": a column (its heading or
 * number) and what it holds (a field, or nothing to leave it out). */
static gboolean
apply_maps (ArTableImport  *import,
            char          **maps,
            GError        **error)
{
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      g_autofree char *column = g_strdup (maps[i]);
      char *equals = strrchr (column, '=');

      if (equals == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--map: “%s” is not COLUMN=FIELD"), maps[i]);
          return FALSE;
        }
      *equals = '\0';
      if (!ar_table_import_map_header (import, column, equals + 1, error))
        return FALSE;
    }

  return TRUE;
}

static char *
describe_fields (ArTableKind kind)
{
  guint n_fields;
  const ArTableField *fields = ar_table_fields (kind, &n_fields);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (text, "%s%s", i ? ", " : "", fields[i].id);

  return g_string_free (text, FALSE);
}

int
ar_cli_import_table (int    argc,
                     char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *kind_name = NULL;
  g_auto(GStrv) maps = NULL;
  g_auto(GStrv) files = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The register file (default: your register)"), N_("FILE") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, N_("What the rows are: people (leaders and their designations), alliances (with their members and partners) or schools (and organisations GIAS does not hold)"), N_("KIND") },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_("What a column holds, by heading or number; FIELD empty to leave it out"), N_("COLUMN=FIELD") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Say what would change, and change nothing"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  g_autoptr(ArCliNewRegister) fresh = NULL;
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArTableReader) reader = NULL;
  g_autoptr(ArTableImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *description = NULL;
  g_autofree char *people_fields = describe_fields (AR_TABLE_KIND_PEOPLE);
  g_autofree char *alliance_fields = describe_fields (AR_TABLE_KIND_ALLIANCES);
  g_autofree char *school_fields = describe_fields (AR_TABLE_KIND_SCHOOLS);
  ArTableKind kind;
  int status;

  description = g_strdup_printf (_("Imports the first sheet of a spreadsheet (.csv, .ods or .xlsx) in one "
                                   "transaction. Each column's meaning is guessed from its heading; "
                                   "--map sets it. A row that cannot be imported stops the whole file. "
                                   "Fields for people: %s. For alliances: %s. For schools: %s."),
                                 people_fields, alliance_fields, school_fields);
  if (!ar_cli_parse_options ("import-table", _("--kind KIND FILE"), description, entries, &argc, &argv, &status))
    return status;

  if (kind_name == NULL)
    return ar_cli_usage_error ("import-table", _("Say what the rows are with --kind people, alliances or schools"));
  if (!ar_table_kind_from_name (kind_name, &kind))
    {
      g_autofree char *message = g_strdup_printf (_("--kind: “%s” is not one of: people, alliances, schools"), kind_name);
      return ar_cli_usage_error ("import-table", message);
    }
  /* GOption keeps the subcommand's own name among the remaining arguments. */
  if (files == NULL || files[0] == NULL || files[1] == NULL || files[2] != NULL)
    return ar_cli_usage_error ("import-table", _("Name one spreadsheet (.csv, .ods or .xlsx)"));

  file = g_strcmp0 (files[1], "-") == 0 ? NULL : g_file_new_for_commandline_arg (files[1]);
  if (file == NULL)
    return ar_cli_usage_error ("import-table", _("Name a file: a spreadsheet is read whole, not from standard input"));
  reader = ar_table_reader_new_for_file (file, NULL, &error);
  if (reader == NULL)
    return ar_cli_fail (error);

  /* a dry run only reads: it never creates or changes a register */
  fresh = ar_cli_new_register_new (database);
  store = ar_cli_open_store (ar_cli_new_register_get_path (fresh), FALSE, dry_run, &error);
  if (store == NULL)
    return ar_cli_fail (error);

  import = ar_table_import_new (store, reader, kind);
  if (!apply_maps (import, maps, &error))
    status = ar_cli_usage_error ("import-table", error->message);
  else if (!ar_table_import_plan (import, &error))
    {
      /* here the columns are given their meanings with --map */
      if (g_error_matches (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT))
        {
          g_autofree char *message = g_strdup_printf (_("%s; say what each column holds with --map COLUMN=FIELD"),
                                                      error->message);

          g_free (error->message);
          error->message = g_steal_pointer (&message);
        }
      status = ar_cli_fail (error);
    }
  else if (!(report = ar_table_import_to_text (import))
           || (!dry_run && !ar_table_import_commit (import, &error)))
    status = ar_cli_fail (error);
  else
    status = AR_CLI_EXIT_OK;

  if (status != AR_CLI_EXIT_OK)
    {
      /* a refused import into a new register leaves no empty one behind */
      g_clear_object (&import);
      g_clear_object (&store);
      ar_cli_new_register_discard (fresh);
      return status;
    }

  if (dry_run)
    g_print (_("Nothing was changed (--dry-run). The import would do this:\n"));
  g_print ("%s", report);

  return AR_CLI_EXIT_OK;
}
