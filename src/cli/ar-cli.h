/* ar-cli.h: the command line, shared by its subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-core.h"

G_BEGIN_DECLS

/* Exit statuses, as documented in README.md */
#define AR_CLI_EXIT_OK      0
#define AR_CLI_EXIT_FAILURE 1
#define AR_CLI_EXIT_USAGE   2

gboolean  ar_cli_is_command        (const char      *arg);
int       ar_cli_run               (int              argc,
                                    char           **argv);

ArStore  *ar_cli_open_store        (const char      *database,
                                    gboolean         sample,
                                    gboolean         read_only,
                                    GError         **error);
int       ar_cli_fail              (const GError    *error);
int       ar_cli_usage_error       (const char      *command,
                                    const char      *message);
gboolean  ar_cli_parse_options     (const char      *command,
                                    const char      *parameters,
                                    const char      *description,
                                    GOptionEntry    *entries,
                                    int             *argc,
                                    char          ***argv,
                                    int             *status);
char     *ar_cli_read_input        (const char      *path,
                                    gsize           *length,
                                    char           **display_name,
                                    GError         **error);
gboolean  ar_cli_write_output      (const char      *path,
                                    GBytes          *bytes,
                                    ArStore         *store,
                                    GError         **error);

typedef struct _ArCliNewRegister ArCliNewRegister;

ArCliNewRegister *ar_cli_new_register_new      (const char       *database);
const char       *ar_cli_new_register_get_path (ArCliNewRegister *self);
void              ar_cli_new_register_discard  (ArCliNewRegister *self);
void              ar_cli_new_register_free     (ArCliNewRegister *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArCliNewRegister, ar_cli_new_register_free)

int       ar_cli_import_gias       (int              argc,
                                    char           **argv);
int       ar_cli_import_table      (int              argc,
                                    char           **argv);
int       ar_cli_history           (int              argc,
                                    char           **argv);
int       ar_cli_import_merge      (const char      *database,
                                    const char      *path,
                                    gboolean         dry_run,
                                    const char      *format);
int       ar_cli_list              (int              argc,
                                    char           **argv);
int       ar_cli_report            (int              argc,
                                    char           **argv);

G_END_DECLS
