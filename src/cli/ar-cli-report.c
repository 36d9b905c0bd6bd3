/* ar-cli-report.c: alliance-register report support
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "ar-cli.h"
#include "ar-report.h"

static int
support_report (const char *database,
                gboolean    sample,
                const char *area,
                const char *from,
                const char *to,
                const char *heading,
                ArSummaryFormat format,
                const char *output)
{
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArSupportReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  store = ar_cli_open_store (database, sample, TRUE, &error);
  if (store == NULL)
    return ar_cli_fail (error);

  report = ar_support_report_compute (store, area, from, to, &error);
  if (report == NULL)
    return ar_cli_fail (error);
  ar_support_report_set_heading (report, heading);

  bytes = ar_report_write_support (report, format, &error);
  if (bytes == NULL || !ar_cli_write_output (output, bytes, store, &error))
    return ar_cli_fail (error);

  return AR_CLI_EXIT_OK;
}

static gboolean
check_date (const char *option,
            const char *value,
            int        *status)
{
  g_autoptr(GError) error = NULL;

  if (value == NULL || ar_dates_check (option, value, &error))
    return TRUE;

  *status = ar_cli_usage_error ("report", error->message);
  return FALSE;
}

/**
 * ar_cli_report:
 *
 * `report support`: the deployments for an area's schools active on a
 * date (--as-at, default today) or during a period (--from, --to), in any
 * of the summary's formats.
 */
int
ar_cli_report (int    argc,
               char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *area = NULL;
  g_autofree char *as_at = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *heading = NULL;
  gboolean sample = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The register file (default: your register)"), N_("FILE") },
    { "sample", 's', 0, G_OPTION_ARG_NONE, &sample, N_("Use a fresh copy of the sample register"), NULL },
    { "area", 'a', 0, G_OPTION_ARG_STRING, &area, N_("The area, by code or name"), N_("CODE|NAME") },
    { "as-at", 0, 0, G_OPTION_ARG_STRING, &as_at, N_("Deployments active on this date (default: today)"), N_("YYYY-MM-DD") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Deployments active on any day from this date…"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("…to this date"), N_("YYYY-MM-DD") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("text, csv, html, md, json, pdf, odt or xlsx (default: text)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file (default: standard output)"), N_("FILE") },
    { "heading", 0, 0, G_OPTION_ARG_STRING, &heading, N_("A heading above the title, such as “Appendix C”"), N_("TEXT") },
    { NULL }
  };
  ArSummaryFormat format = AR_SUMMARY_FORMAT_TEXT;
  int status;

  if (!ar_cli_parse_options ("report", "support",
                             _("Prints a report: “support” lists the support deployments for an area’s schools."),
                             entries, &argc, &argv, &status))
    return status;

  /* argv[0] is the program, argv[1] "report" */
  if (argc != 3 || !g_str_equal (argv[2], "support"))
    return ar_cli_usage_error ("report", argc < 3 ? _("Name the report: support")
                                                  : _("Unknown report (there is one: support)"));
  if (sample && database != NULL)
    return ar_cli_usage_error ("report", _("--database and --sample cannot be used together"));
  if (area == NULL)
    return ar_cli_usage_error ("report", _("Choose an area with --area"));
  if (format_name != NULL && !ar_summary_format_from_string (format_name, &format))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s” (use text, csv, html, md, json, pdf, odt or xlsx)"),
                                                  format_name);
      return ar_cli_usage_error ("report", message);
    }
  if (!check_date ("--as-at", as_at, &status) || !check_date ("--from", from, &status)
      || !check_date ("--to", to, &status))
    return status;
  if (as_at != NULL && (from != NULL || to != NULL))
    return ar_cli_usage_error ("report", _("Use --as-at, or --from and --to, not both"));
  if (from != NULL && to != NULL && g_strcmp0 (to, from) < 0)
    return ar_cli_usage_error ("report", _("--to comes before --from"));
  if ((format == AR_SUMMARY_FORMAT_PDF || format == AR_SUMMARY_FORMAT_ODT || format == AR_SUMMARY_FORMAT_XLSX)
      && output == NULL && isatty (STDOUT_FILENO))
    return ar_cli_usage_error ("report", _("PDF, ODT and xlsx need --output FILE"));

  if (as_at != NULL)
    return support_report (database, sample, area, as_at, as_at, heading, format, output);

  return support_report (database, sample, area, from, to, heading, format, output);
}
