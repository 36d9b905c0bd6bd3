/* test-cli-dates.c: every date option of the command line tells a date
 * that cannot exist (2024-02-30) from one in the wrong form, as the
 * editor does, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

/* each command and date option, with what else it needs to run */
static const struct
{
  const char *command;
  const char *option;
} date_options[] = {
  { "summary --sample --area 855", "--as-at" },
  { "summary --sample --area 855", "--compare-to" },
  { "report support --sample --area 855", "--as-at" },
  { "report support --sample --area 855", "--from" },
  { "report support --sample --area 855", "--to" },
  { "list deployments --sample", "--active-on" },
  { "history --sample", "--since" },
};

static void
run_with (const char  *command,
          const char  *option,
          const char  *date,
          int         *status,
          char       **err)
{
  g_autofree char *command_line = g_strdup_printf ("%s %s '%s'", command, option, date);

  g_free (ar_test_run (command_line, status, err));
}

static void
test_impossible_date (void)
{
  static const char *impossible[] = { "2024-02-30", "2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10" };

  for (guint i = 0; i < G_N_ELEMENTS (date_options); i++)
    for (guint d = 0; d < G_N_ELEMENTS (impossible); d++)
      {
        g_autofree char *err = NULL;
        g_autofree char *expected = g_strdup_printf ("%s: “%s” is an impossible date",
                                                     date_options[i].option, impossible[d]);
        int status;

        run_with (date_options[i].command, date_options[i].option, impossible[d], &status, &err);
        if (status != 2 || strstr (err, expected) == NULL || strstr (err, "YYYY-MM-DD") != NULL)
          g_error ("%s %s %s: exit %d, “%s”", date_options[i].command, date_options[i].option,
                   impossible[d], status, err);
      }
}

static void
test_malformed_date (void)
{
  static const char *malformed[] = { "23/11/2026", "2024-2-3", "tomorrow", "" };

  for (guint i = 0; i < G_N_ELEMENTS (date_options); i++)
    for (guint d = 0; d < G_N_ELEMENTS (malformed); d++)
      {
        g_autofree char *err = NULL;
        g_autofree char *expected = g_strdup_printf ("%s: “%s” is not a date in the form YYYY-MM-DD",
                                                     date_options[i].option, malformed[d]);
        int status;

        run_with (date_options[i].command, date_options[i].option, malformed[d], &status, &err);
        if (status != 2 || strstr (err, expected) == NULL)
          g_error ("%s %s “%s”: exit %d, “%s”", date_options[i].command, date_options[i].option,
                   malformed[d], status, err);
      }
}

/* a leap day is a real day: taken by every option */
static void
test_leap_day (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_options); i++)
    {
      g_autofree char *err = NULL;
      int status;

      run_with (date_options[i].command, date_options[i].option, "2024-02-29", &status, &err);
      if (status != 0)
        g_error ("%s %s 2024-02-29: exit %d, “%s”", date_options[i].command, date_options[i].option,
                 status, err);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/cli-dates/impossible", test_impossible_date);
  g_test_add_func ("/ar/cli-dates/malformed", test_malformed_date);
  g_test_add_func ("/ar/cli-dates/leap-day", test_leap_day);

  return g_test_run ();
}
