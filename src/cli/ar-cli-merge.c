/* ar-cli-merge.c: alliance-register import --merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ar-cli.h"

/**
 * ar_cli_import_merge:
 * @database: (nullable): the register, or %NULL for the user's
 * @path: the other register, as JSON, or "-" for standard input
 * @format: "text" or "json", for the report
 *
 * Merges @path into the register and prints the report. A refused merge,
 * or a dry run, into a register that did not exist leaves none behind.
 */
int
ar_cli_import_merge (const char *database,
                     const char *path,
                     gboolean    dry_run,
                     const char *format)
{
  g_autoptr(ArCliNewRegister) fresh = NULL;
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArMergeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return ar_cli_usage_error ("import", _("--format: the merge report is text or json"));

  /* Read first: a missing file should not leave a new empty register
   * behind. A pipe or standard input can be read only once, so it is read
   * here; a plain file is read by the merge, which also refuses the open
   * register itself. */
  if (g_str_equal (path, "-") || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      contents = ar_cli_read_input (path, &length, &name, &error);
      if (contents == NULL)
        return ar_cli_fail (error);
    }

  fresh = ar_cli_new_register_new (database);
  store = ar_store_open (ar_cli_new_register_get_path (fresh), &error);
  if (store != NULL && contents != NULL)
    report = ar_register_merge (store, contents, length, name, dry_run, &error);
  else if (store != NULL)
    report = ar_register_merge_file (store, path, dry_run, &error);

  if (report == NULL || dry_run)
    {
      g_clear_object (&store);
      ar_cli_new_register_discard (fresh);
    }
  if (report == NULL)
    return ar_cli_fail (error);

  if (format != NULL && g_str_equal (format, "json"))
    text = ar_merge_report_to_json (report);
  else
    text = ar_merge_report_to_text (report);
  g_print ("%s", text);

  return AR_CLI_EXIT_OK;
}
