/* ar-cli-import-gias.c: alliance-register import-gias
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ar-cli.h"

int
ar_cli_import_gias (int    argc,
                    char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *areas = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The register file (default: your register)"), N_("FILE") },
    { "area", 'a', 0, G_OPTION_ARG_STRING, &areas, N_("Import only schools in these areas"), N_("CODE[,CODE…]") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  g_autoptr(ArCliNewRegister) fresh = NULL;
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArGiasReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) area_codes = NULL;
  g_autofree char *text = NULL;

  int status;

  if (!ar_cli_parse_options ("import-gias", _("FILE.csv…"),
                             _("Imports schools, trusts and trust memberships from GIAS extracts "
                               "(establishments, groups and group links), in one transaction."),
                             entries, &argc, &argv, &status))
    return status;

  /* GOption keeps the subcommand's own name among the remaining arguments. */
  if (files == NULL || files[0] == NULL || files[1] == NULL)
    return ar_cli_usage_error ("import-gias", _("Name at least one GIAS extract (.csv)"));
  if (g_strv_contains ((const char * const *) files + 1, "-"))
    return ar_cli_usage_error ("import-gias", _("Name the extracts’ files: GIAS extracts are read from files, not from standard input"));

  if (areas != NULL)
    {
      area_codes = g_strsplit (areas, ",", -1);
      /* an empty list would mean every area, the opposite of what was asked */
      if (area_codes[0] == NULL)
        return ar_cli_usage_error ("import-gias", _("--area: name at least one three-digit local authority code"));
      for (guint i = 0; area_codes[i] != NULL; i++)
        {
          if (!ar_text_is_digits (g_strstrip (area_codes[i]), 3))
            {
              g_autofree char *message = g_strdup_printf (_("--area: “%s” is not a three-digit local authority code"),
                                                          area_codes[i]);
              return ar_cli_usage_error ("import-gias", message);
            }
        }
    }

  fresh = ar_cli_new_register_new (database);
  store = ar_store_open (ar_cli_new_register_get_path (fresh), &error);
  if (store != NULL)
    report = ar_gias_import (store, (const char * const *) files + 1, (const char * const *) area_codes,
                             NULL, NULL, NULL, &error);
  if (report == NULL)
    {
      /* a refused import into a new register leaves no empty one behind */
      g_clear_object (&store);
      ar_cli_new_register_discard (fresh);
      return ar_cli_fail (error);
    }

  text = ar_gias_report_to_text (report, 20);
  g_print ("%s", text);

  return AR_CLI_EXIT_OK;
}
