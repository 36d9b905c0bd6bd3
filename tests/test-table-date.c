/* test-table-date.c: dates as spreadsheets write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-table-date.h"

typedef struct
{
  const char        *name;
  const char        *text;
  ArTableDateReading reading;
  const char        *iso;       /* the date read, or NULL */
  const char        *problem;   /* part of the explanation, or NULL */
} DateCase;

static const DateCase date_cases[] = {
  { "iso", "2024-09-01", AR_TABLE_DATE_CERTAIN, "2024-09-01", NULL },
  { "iso-with-time", "2024-09-01 00:00:00", AR_TABLE_DATE_CERTAIN, "2024-09-01", NULL },
  { "iso-t-time", "2024-09-01T08:30", AR_TABLE_DATE_CERTAIN, "2024-09-01", NULL },
  { "iso-impossible", "2024-02-30", AR_TABLE_DATE_INVALID, NULL, NULL },
  { "spaces-around", "  2024-09-01 ", AR_TABLE_DATE_CERTAIN, "2024-09-01", NULL },
  { "uk-slashes", "01/09/2024", AR_TABLE_DATE_DAY_FIRST, "2024-09-01", NULL },
  { "uk-short", "1/9/24", AR_TABLE_DATE_DAY_FIRST, "2024-09-01", NULL },
  { "uk-dots", "01.09.2024", AR_TABLE_DATE_DAY_FIRST, "2024-09-01", NULL },
  { "uk-dashes", "01-09-2024", AR_TABLE_DATE_DAY_FIRST, "2024-09-01", NULL },
  { "uk-day-above-12", "23/09/2024", AR_TABLE_DATE_CERTAIN, "2024-09-23", NULL },
  { "uk-same-day-month", "05/05/2024", AR_TABLE_DATE_CERTAIN, "2024-05-05", NULL },
  { "us-month-first", "09/23/2024", AR_TABLE_DATE_INVALID, NULL, "reads month first" },
  { "uk-impossible", "30/02/2024", AR_TABLE_DATE_INVALID, NULL, "no such day" },
  { "uk-leap", "29/02/2024", AR_TABLE_DATE_CERTAIN, "2024-02-29", NULL },
  { "uk-not-leap", "29/02/2023", AR_TABLE_DATE_INVALID, NULL, "no such day" },
  { "words-sept", "1 Sept 2024", AR_TABLE_DATE_CERTAIN, "2024-09-01", NULL },
  { "words-full", "1st September 2024", AR_TABLE_DATE_CERTAIN, "2024-09-01", NULL },
  { "words-dot", "12 Sept. 2023", AR_TABLE_DATE_CERTAIN, "2023-09-12", NULL },
  { "words-month-first", "September 1, 2024", AR_TABLE_DATE_CERTAIN, "2024-09-01", NULL },
  { "words-dashes", "1-Sep-24", AR_TABLE_DATE_CERTAIN, "2024-09-01", NULL },
  { "words-case", "3 MARCH 2021", AR_TABLE_DATE_CERTAIN, "2021-03-03", NULL },
  { "words-impossible", "31 June 2024", AR_TABLE_DATE_INVALID, NULL, "no such day" },
  { "words-unknown-month", "1 Smarch 2024", AR_TABLE_DATE_INVALID, NULL, NULL },
  { "serial", "45536", AR_TABLE_DATE_SERIAL, "2024-09-01", NULL },
  { "serial-with-time", "45536.75", AR_TABLE_DATE_SERIAL, "2024-09-01", NULL },
  { "serial-too-small", "12", AR_TABLE_DATE_INVALID, NULL, NULL },
  { "serial-too-large", "99999", AR_TABLE_DATE_INVALID, NULL, NULL },
  { "empty", "", AR_TABLE_DATE_INVALID, NULL, NULL },
  { "words", "next term", AR_TABLE_DATE_INVALID, NULL, NULL },
  { "invalid-utf8", "01/09/2024\xff", AR_TABLE_DATE_INVALID, NULL, NULL },
  { "huge-number", "01/09/99999999999", AR_TABLE_DATE_INVALID, NULL, NULL },
};

static void
test_date (gconstpointer data)
{
  const DateCase *date_case = data;
  g_autofree char *problem = NULL;
  GDate date;
  ArTableDateReading reading;

  g_date_clear (&date, 1);
  reading = ar_table_date_parse (date_case->text, &date, &problem);
  g_assert_cmpint (reading, ==, date_case->reading);

  if (date_case->iso != NULL)
    {
      char iso[16];

      g_assert_true (g_date_valid (&date));
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
      g_assert_cmpstr (iso, ==, date_case->iso);
      g_assert_null (problem);
    }
  else
    g_assert_false (g_date_valid (&date));

  if (date_case->problem != NULL)
    {
      g_assert_nonnull (problem);
      g_assert_nonnull (strstr (problem, date_case->problem));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ar/table-date/%s", date_cases[i].name);

      g_test_add_data_func (path, &date_cases[i], test_date);
    }

  return g_test_run ();
}
