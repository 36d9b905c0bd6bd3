/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "ar-application.h"
#include "ar-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ArApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* AR_LOCALEDIR lets an uninstalled build (and its tests) use its own translations */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AR_LOCALEDIR") ? g_getenv ("AR_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands need no display: they never touch GTK. Any other word
   * is a mistyped command, not a reason to start the window. */
  if (argc > 1 && (ar_cli_is_command (argv[1]) || argv[1][0] != '-'))
    return ar_cli_run (argc, argv);

  /* A pipe whose reader went (an export to a FIFO) is a write error the
   * window reports, not a reason to vanish with the user's typing. The
   * command line keeps the default, as `list | head` expects. */
  signal (SIGPIPE, SIG_IGN);
  ar_application_tune_allocator ();
  app = ar_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
