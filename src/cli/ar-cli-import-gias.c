/* ar-cli-import-gias.c: alliance-register import-gias
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ar-cli.h"

int
ar_cli_import_gias (int    argc,
                    char **argv)
{
  g_printerr ("alliance-register: %s\n", _("GIAS import is not available yet"));
  return AR_CLI_EXIT_FAILURE;
}
