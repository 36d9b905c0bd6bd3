/* ar-cli.c: alliance-register summary | export | import | import-gias | list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ar-cli.h"
#include "ar-report.h"

typedef int (*CommandFunc) (int    argc,
                            char **argv);

static int summary_command (int argc, char **argv);
static int export_command  (int argc, char **argv);
static int import_command  (int argc, char **argv);

static const struct {
  const char  *name;
  CommandFunc  func;
} commands[] = {
  { "summary", summary_command },
  { "export", export_command },
  { "import", import_command },
  { "import-gias", ar_cli_import_gias },
  { "import-table", ar_cli_import_table },
  { "list", ar_cli_list },
  { "report", ar_cli_report },
  { "history", ar_cli_history },
};

gboolean
ar_cli_is_command (const char *arg)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (arg, commands[i].name) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * ar_cli_fail:
 *
 * Prints @error as the one line that explains the failure.
 *
 * Returns: %AR_CLI_EXIT_FAILURE
 */
int
ar_cli_fail (const GError *error)
{
  g_printerr ("alliance-register: %s\n", error->message);
  return AR_CLI_EXIT_FAILURE;
}

/**
 * ar_cli_usage_error:
 *
 * Returns: %AR_CLI_EXIT_USAGE
 */
int
ar_cli_usage_error (const char *command,
                    const char *message)
{
  g_printerr ("alliance-register %s: %s\n", command, message);
  g_printerr (_("Run “alliance-register %s --help” for the options.\n"), command);
  return AR_CLI_EXIT_USAGE;
}

/**
 * ar_cli_open_store:
 * @database: (nullable): a register file, or %NULL for the user's register
 * @sample: open a fresh copy of the sample register instead
 * @read_only: for commands that only read: the register must exist, and
 *   nothing on disk is created or changed
 */
ArStore *
ar_cli_open_store (const char  *database,
                   gboolean     sample,
                   gboolean     read_only,
                   GError     **error)
{
  g_autofree char *default_path = NULL;

  if (sample)
    return ar_store_open_sample (error);

  if (database == NULL)
    database = default_path = ar_store_default_path ();

  if (read_only)
    return ar_store_open_read_only (database, error);

  return ar_store_open (database, error);
}

struct _ArCliNewRegister
{
  char      *path;
  gboolean   existed;
  GPtrArray *missing_folders;
};

/**
 * ar_cli_new_register_new:
 * @database: (nullable): the register a command will write, or %NULL for
 *   the user's register
 *
 * Notes what does not exist yet, so that a refused import into a new
 * register can leave nothing behind.
 */
ArCliNewRegister *
ar_cli_new_register_new (const char *database)
{
  ArCliNewRegister *self = g_new0 (ArCliNewRegister, 1);
  g_autofree char *folder = NULL;

  self->path = database ? g_strdup (database) : ar_store_default_path ();
  self->existed = g_file_test (self->path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);
  self->missing_folders = g_ptr_array_new_with_free_func (g_free);

  /* deepest first, the order to remove them in */
  folder = g_path_get_dirname (self->path);
  while (!g_file_test (folder, G_FILE_TEST_EXISTS))
    {
      char *parent = g_path_get_dirname (folder);

      g_ptr_array_add (self->missing_folders, g_steal_pointer (&folder));
      folder = parent;
      if (g_str_equal (folder, ".") || g_str_equal (folder, G_DIR_SEPARATOR_S))
        break;
    }

  return self;
}

const char *
ar_cli_new_register_get_path (ArCliNewRegister *self)
{
  return self->path;
}

/**
 * ar_cli_new_register_discard:
 *
 * Removes the register and the folders made for it, if they were new.
 * The store must be closed already.
 */
void
ar_cli_new_register_discard (ArCliNewRegister *self)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (self->existed)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);
      g_unlink (file);
    }

  for (guint i = 0; i < self->missing_folders->len; i++)
    g_rmdir (g_ptr_array_index (self->missing_folders, i));
}

void
ar_cli_new_register_free (ArCliNewRegister *self)
{
  g_free (self->path);
  g_ptr_array_unref (self->missing_folders);
  g_free (self);
}

/**
 * ar_cli_parse_options:
 * @parameters: what follows the command in the usage line, such as "SECTION"
 * @status: (out): the exit status when parsing fails
 *
 * Returns: %TRUE, or %FALSE with the usage error printed
 */
gboolean
ar_cli_parse_options (const char      *command,
               const char      *parameters,
               const char      *description,
               GOptionEntry    *entries,
               int             *argc,
               char          ***argv,
               int             *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = g_strdup_printf ("%s %s", command, parameters);

  context = g_option_context_new (summary);
  g_option_context_set_summary (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = ar_cli_usage_error (command, error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * ar_cli_write_output:
 * @path: (nullable): a file, or %NULL or "-" for standard output
 * @store: the open register, which the output must not be
 *
 * Writes as ar_output_file_write() does: never over the register, a link
 * or a pipe, and a file appears only when whole.
 */
gboolean
ar_cli_write_output (const char  *path,
                     GBytes      *bytes,
                     ArStore     *store,
                     GError     **error)
{
  return ar_output_file_write (path, bytes, store ? ar_store_get_path (store) : NULL, error);
}

/**
 * ar_cli_read_input:
 * @path: a file, or "-" for standard input
 * @length: (out): the length of what was read
 * @display_name: (out) (optional): @path, or “standard input”, for messages
 *
 * Reads @path whole, once, so that a pipe or `<(…)` works as a file does.
 *
 * Returns: (transfer full): the contents, with a nul after them, or %NULL
 */
char *
ar_cli_read_input (const char  *path,
                   gsize       *length,
                   char       **display_name,
                   GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  char *contents = NULL;

  if (!g_str_equal (path, "-"))
    {
      if (!g_file_get_contents (path, &contents, length, error))
        return NULL;
      if (display_name != NULL)
        *display_name = g_filename_display_name (path);
      return contents;
    }

  bytes = g_byte_array_new ();
  for (;;)
    {
      guint8 buffer[65536];
      gssize n = read (STDIN_FILENO, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not read standard input: %s"), g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (bytes, buffer, n);
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  if (display_name != NULL)
    *display_name = g_strdup (_("standard input"));

  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

static char *
guess_area (ArStore  *store,
            GError  **error)
{
  g_autoptr(GListModel) areas = ar_store_list (store, AR_TYPE_AREA, error);
  g_autoptr(GString) known = g_string_new (NULL);
  guint n;

  if (areas == NULL)
    return NULL;

  n = g_list_model_get_n_items (areas);
  if (n == 1)
    {
      g_autoptr(ArRecord) area = g_list_model_get_item (areas, 0);
      return g_strdup (ar_record_get_text (area, "code"));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ArRecord) area = g_list_model_get_item (areas, i);

      g_string_append_printf (known, "%s%s %s", i ? ", " : "",
                              ar_record_get_text (area, "code"),
                              ar_record_get_text (area, "name"));
    }

  if (n == 0)
    g_set_error_literal (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND,
                         _("The register holds no areas yet: import some schools first"));
  else
    g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_FOUND,
                 _("Choose an area with --area (areas: %s)"), known->str);

  return NULL;
}

static int
summary_command (int    argc,
                 char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *area = NULL;
  g_autofree char *as_at = NULL;
  g_autofree char *compare_to = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *paper = NULL;
  gboolean landscape = FALSE;
  gboolean sample = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The register file (default: your register)"), N_("FILE") },
    { "sample", 's', 0, G_OPTION_ARG_NONE, &sample, N_("Use a fresh copy of the sample register"), NULL },
    { "area", 'a', 0, G_OPTION_ARG_STRING, &area, N_("The area, by code or name"), N_("CODE|NAME") },
    { "as-at", 0, 0, G_OPTION_ARG_STRING, &as_at, N_("Count what holds on this date (default: today)"), N_("YYYY-MM-DD") },
    { "compare-to", 0, 0, G_OPTION_ARG_STRING, &compare_to, N_("Also count on this date, and show the change"), N_("YYYY-MM-DD") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("text, csv, html, md, json, pdf, odt or xlsx (default: text)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file (default: standard output)"), N_("FILE") },
    { "heading", 0, 0, G_OPTION_ARG_STRING, &heading, N_("A heading above the title, such as “Appendix B”"), N_("TEXT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("For PDF: a4 or letter (default: a4)"), N_("SIZE") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape, N_("For PDF: turn the page sideways"), NULL },
    { NULL }
  };
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArSummary) summary = NULL;
  ArPageSetup setup;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ArSummaryFormat format = AR_SUMMARY_FORMAT_TEXT;
  int status;

  if (!ar_cli_parse_options ("summary", "", _("Prints the summary of system leadership in an area."),
                      entries, &argc, &argv, &status))
    return status;

  if (argc > 2)
    return ar_cli_usage_error ("summary", _("Unexpected argument"));
  if (sample && database != NULL)
    return ar_cli_usage_error ("summary", _("--database and --sample cannot be used together"));
  if (format_name != NULL && !ar_summary_format_from_string (format_name, &format))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s” (use text, csv, html, md, json, pdf, odt or xlsx)"),
                                                  format_name);
      return ar_cli_usage_error ("summary", message);
    }
  if ((as_at != NULL && !ar_dates_check ("--as-at", as_at, &error))
      || (compare_to != NULL && !ar_dates_check ("--compare-to", compare_to, &error)))
    return ar_cli_usage_error ("summary", error->message);
  if (paper != NULL && g_ascii_strcasecmp (paper, "a4") != 0 && g_ascii_strcasecmp (paper, "letter") != 0)
    {
      g_autofree char *message = g_strdup_printf (_("--paper: “%s” is not a4 or letter"), paper);
      return ar_cli_usage_error ("summary", message);
    }
  ar_page_setup_init (&setup, paper && g_ascii_strcasecmp (paper, "letter") == 0 ? AR_PAPER_LETTER : AR_PAPER_A4,
                      landscape);

  if ((format == AR_SUMMARY_FORMAT_PDF || format == AR_SUMMARY_FORMAT_ODT || format == AR_SUMMARY_FORMAT_XLSX)
      && output == NULL && isatty (STDOUT_FILENO))
    return ar_cli_usage_error ("summary", _("PDF, ODT and xlsx need --output FILE"));

  store = ar_cli_open_store (database, sample, TRUE, &error);
  if (store == NULL)
    return ar_cli_fail (error);

  if (area == NULL && (area = guess_area (store, &error)) == NULL)
    return ar_cli_fail (error);

  summary = ar_summary_compute_compared (store, area, as_at, compare_to, &error);
  if (summary == NULL)
    return ar_cli_fail (error);
  ar_summary_set_heading (summary, heading);

  bytes = format == AR_SUMMARY_FORMAT_PDF ? ar_report_write_pdf (summary, &setup, &error)
                                          : ar_report_write (summary, format, &error);
  if (bytes == NULL || !ar_cli_write_output (output, bytes, store, &error))
    return ar_cli_fail (error);

  return AR_CLI_EXIT_OK;
}

static int
export_command (int    argc,
                char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *output = NULL;
  gboolean sample = FALSE;
  gboolean with_history = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The register file (default: your register)"), N_("FILE") },
    { "sample", 's', 0, G_OPTION_ARG_NONE, &sample, N_("Use a fresh copy of the sample register"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file (default: standard output)"), N_("FILE.json") },
    { "with-history", 0, 0, G_OPTION_ARG_NONE, &with_history, N_("Add the history of changes"), NULL },
    { NULL }
  };
  g_autoptr(ArStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;
  int status;

  if (!ar_cli_parse_options ("export", "", _("Writes the whole register as JSON."),
                      entries, &argc, &argv, &status))
    return status;

  if (argc > 2)
    return ar_cli_usage_error ("export", _("Unexpected argument"));
  if (sample && database != NULL)
    return ar_cli_usage_error ("export", _("--database and --sample cannot be used together"));

  store = ar_cli_open_store (database, sample, TRUE, &error);
  if (store == NULL)
    return ar_cli_fail (error);

  text = ar_register_json_export_with_history (store, with_history, &error);
  if (text == NULL)
    return ar_cli_fail (error);

  bytes = g_bytes_new_take (text, strlen (text));
  if (!ar_cli_write_output (output, bytes, store, &error))
    return ar_cli_fail (error);

  return AR_CLI_EXIT_OK;
}

/* Imported, but worth checking: a school in two trusts at once. */
static void
print_overlaps (ArStore *store)
{
  g_autoptr(GPtrArray) overlaps = ar_trust_academy_list_overlaps (store, NULL);

  if (overlaps == NULL || overlaps->len == 0)
    return;

  g_print (_("To check: %'u\n"), overlaps->len);
  for (guint i = 0; i < overlaps->len; i++)
    g_print ("  %s\n", (char *) g_ptr_array_index (overlaps, i));
}

static int
import_command (int    argc,
                char **argv)
{
  g_autofree char *database = NULL;
  g_autoptr(ArCliNewRegister) fresh = NULL;
  gboolean replace = FALSE;
  gboolean merge = FALSE;
  gboolean dry_run = FALSE;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The register file (default: your register)"), N_("FILE") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace everything the register holds"), NULL },
    { "merge", 0, 0, G_OPTION_ARG_NONE, &merge, N_("Merge the file into the register, keeping what it holds"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("With --merge: report what merging would do, changing nothing"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("With --merge: the report as text or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(ArStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;
  int status;

  if (!ar_cli_parse_options ("import", _("FILE.json"),
                      _("Reads a whole register from JSON into an empty register, replaces one with --replace, "
                        "or merges it into this one with --merge."),
                      entries, &argc, &argv, &status))
    return status;

  if (argc != 3)
    return ar_cli_usage_error ("import", argc < 3 ? _("Name the JSON file to import")
                                                  : _("Import one file at a time"));

  if (merge && replace)
    return ar_cli_usage_error ("import", _("--merge keeps what the register holds; --replace does not: choose one"));
  if (!merge && (dry_run || format != NULL))
    return ar_cli_usage_error ("import", _("--dry-run and --format go with --merge"));
  if (merge)
    return ar_cli_import_merge (database, argv[2], dry_run, format);

  /* Read first: a missing file should not leave a new empty register behind. */
  contents = ar_cli_read_input (argv[2], &length, &name, &error);
  if (contents == NULL)
    return ar_cli_fail (error);

  fresh = ar_cli_new_register_new (database);
  store = ar_store_open (ar_cli_new_register_get_path (fresh), &error);
  if (store == NULL || !ar_register_json_import (store, contents, length, name, replace, &error))
    {
      /* a refused import into a new register leaves no empty one behind */
      g_clear_object (&store);
      ar_cli_new_register_discard (fresh);

      if (g_error_matches (error, AR_STORE_ERROR, AR_STORE_ERROR_NOT_EMPTY))
        {
          g_printerr (_("alliance-register: %s already holds records: add --replace to replace them all "
                        "with %s, or import into a new register with --database NEW.db\n"),
                      ar_cli_new_register_get_path (fresh), name);
          return AR_CLI_EXIT_FAILURE;
        }
      return ar_cli_fail (error);
    }

  g_print (_("Imported %s: %u schools, %u alliances, %u trusts, %u leaders, %u designations\n"),
           name,
           ar_store_count (store, AR_TYPE_SCHOOL),
           ar_store_count (store, AR_TYPE_ALLIANCE),
           ar_store_count (store, AR_TYPE_TRUST),
           ar_store_count (store, AR_TYPE_PERSON),
           ar_store_count (store, AR_TYPE_DESIGNATION));
  print_overlaps (store);

  return AR_CLI_EXIT_OK;
}

/**
 * ar_cli_run:
 *
 * Runs the subcommand in argv[1]: never touches GTK, so it works with no
 * display. GOption sees the subcommand as the program's first argument.
 */
int
ar_cli_run (int    argc,
            char **argv)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].name) == 0)
        return commands[i].func (argc, argv);
      g_string_append_printf (names, "%s%s", i ? ", " : "", commands[i].name);
    }

  g_printerr (_("alliance-register: Unknown command “%s” (commands: %s)\n"), argv[1], names->str);
  g_printerr (_("Run “alliance-register --help” for the window’s options, "
                "or “alliance-register COMMAND --help” for a command’s.\n"));
  return AR_CLI_EXIT_USAGE;
}
