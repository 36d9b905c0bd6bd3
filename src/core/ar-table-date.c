/* ar-table-date.c: dates as spreadsheets write them
 *
 * Coordinators' spreadsheets hold dates as ISO text, as UK day-first text
 * ("01/09/2024", "1 Sept 2024") or, when a cell was formatted as a date
 * and saved as CSV without its format, as the spreadsheet's day number.
 * Each is read here, and the reading says how sure it is, so an import
 * preview can show a value that could have meant another day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-table-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ar-table-date.h"

/* Day numbers count from 1899-12-30 in the 1900 date system that Excel,
 * LibreOffice and Google Sheets write (Excel's phantom 29 Feb 1900 only
 * shifts numbers below 61, long before any school in the register).
 * Numbers outside 1950–2100 are far more likely counts than dates. */
#define SERIAL_FIRST 18264   /* 1950-01-01 */
#define SERIAL_LAST  73415   /* 2100-12-31 */

static const struct
{
  const char *name;
  GDateMonth  month;
} month_names[] = {
  { "january", G_DATE_JANUARY }, { "jan", G_DATE_JANUARY },
  { "february", G_DATE_FEBRUARY }, { "feb", G_DATE_FEBRUARY },
  { "march", G_DATE_MARCH }, { "mar", G_DATE_MARCH },
  { "april", G_DATE_APRIL }, { "apr", G_DATE_APRIL },
  { "may", G_DATE_MAY },
  { "june", G_DATE_JUNE }, { "jun", G_DATE_JUNE },
  { "july", G_DATE_JULY }, { "jul", G_DATE_JULY },
  { "august", G_DATE_AUGUST }, { "aug", G_DATE_AUGUST },
  { "september", G_DATE_SEPTEMBER }, { "sept", G_DATE_SEPTEMBER }, { "sep", G_DATE_SEPTEMBER },
  { "october", G_DATE_OCTOBER }, { "oct", G_DATE_OCTOBER },
  { "november", G_DATE_NOVEMBER }, { "nov", G_DATE_NOVEMBER },
  { "december", G_DATE_DECEMBER }, { "dec", G_DATE_DECEMBER },
};

static GDateMonth
month_from_name (const char *word)
{
  g_autofree char *folded = g_ascii_strdown (word, -1);
  gsize length = strlen (folded);

  /* "Sept." as well as "Sept" */
  if (length > 0 && folded[length - 1] == '.')
    folded[length - 1] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strcmp (folded, month_names[i].name) == 0)
      return month_names[i].month;

  return G_DATE_BAD_MONTH;
}

/* A whole run of ASCII digits, at most @max_digits of them. */
static gboolean
parse_number (const char *text,
              guint       max_digits,
              guint      *value)
{
  gsize length = strlen (text);
  guint result = 0;

  if (length == 0 || length > max_digits)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      result = result * 10 + (guint) (text[i] - '0');
    }

  *value = result;
  return TRUE;
}

/* "1st", "2nd", "23rd", "4th": the number without its suffix. */
static gboolean
parse_day (const char *word,
           guint      *day)
{
  g_autofree char *copy = g_ascii_strdown (word, -1);
  gsize length = strlen (copy);

  if (length > 2 && (g_str_has_suffix (copy, "st") || g_str_has_suffix (copy, "nd") ||
                     g_str_has_suffix (copy, "rd") || g_str_has_suffix (copy, "th")))
    copy[length - 2] = '\0';

  return parse_number (copy, 2, day);
}

/* Two-digit years are this century's: spreadsheets of designations
 * start long after 2000. */
static guint
full_year (guint year,
           gsize digits)
{
  return digits == 2 ? 2000 + year : year;
}

static gboolean
set_date (GDate *date,
          guint  day,
          guint  month,
          guint  year)
{
  if (year < 1800 || year > 9999 || month < 1 || month > 12 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static void
set_problem (char       **problem,
             const char  *text,
             const char  *why)
{
  if (problem != NULL)
    *problem = g_strdup_printf (why, text);
}

/* "2024-09-01", and the same with a time after it as spreadsheets
 * export date-time cells. */
static gboolean
parse_iso (const char *text,
           GDate      *date)
{
  guint year, month, day;
  char year_text[5], month_text[3], day_text[3];

  if (strlen (text) < 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (text[10] != '\0' && text[10] != ' ' && text[10] != 'T')
    return FALSE;

  memcpy (year_text, text, 4), year_text[4] = '\0';
  memcpy (month_text, text + 5, 2), month_text[2] = '\0';
  memcpy (day_text, text + 8, 2), day_text[2] = '\0';

  return parse_number (year_text, 4, &year) && parse_number (month_text, 2, &month) &&
         parse_number (day_text, 2, &day) && set_date (date, day, month, year);
}

/* "01/09/2024", "1-9-24", "01.09.2024": day, month, year. */
static ArTableDateReading
parse_numeric (const char  *text,
               GDate       *date,
               char       **problem)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[/.-]", text, 0, 0);
  guint day, month, year;
  gsize year_digits;

  if (g_strv_length (parts) != 3)
    return AR_TABLE_DATE_INVALID;

  year_digits = strlen (parts[2]);
  if ((year_digits != 2 && year_digits != 4) ||
      !parse_number (parts[0], 2, &day) || !parse_number (parts[1], 2, &month) ||
      !parse_number (parts[2], 4, &year))
    return AR_TABLE_DATE_INVALID;
  year = full_year (year, year_digits);

  if (!set_date (date, day, month, year))
    {
      if (month > 12 && day <= 12 && g_date_valid_dmy (month, day, year))
        set_problem (problem, text,
                     _("“%s” reads month first; write the day first, as in 01/09/2024 for 1 September"));
      else
        set_problem (problem, text, _("“%s” is not a date: there is no such day"));
      return AR_TABLE_DATE_INVALID;
    }

  /* Had the writer meant month first, would it still be a date, and
   * another one? Then say which we took. */
  if (day != month && day <= 12)
    return AR_TABLE_DATE_DAY_FIRST;

  return AR_TABLE_DATE_CERTAIN;
}

/* "1 Sept 2024", "1st September 2024", "Sept 1, 2024", "1-Sep-24". */
static ArTableDateReading
parse_words (const char  *text,
             GDate       *date,
             char       **problem)
{
  g_auto(GStrv) words = g_regex_split_simple ("[\\s,-]+", text, 0, 0);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  guint day = 0, year = 0;
  GDateMonth month = G_DATE_BAD_MONTH;
  gsize year_digits;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);
  if (kept->len != 3)
    return AR_TABLE_DATE_INVALID;

  if ((month = month_from_name (kept->pdata[1])) != G_DATE_BAD_MONTH)
    {
      if (!parse_day (kept->pdata[0], &day))
        return AR_TABLE_DATE_INVALID;
    }
  else if ((month = month_from_name (kept->pdata[0])) != G_DATE_BAD_MONTH)
    {
      if (!parse_day (kept->pdata[1], &day))
        return AR_TABLE_DATE_INVALID;
    }
  else
    return AR_TABLE_DATE_INVALID;

  year_digits = strlen (kept->pdata[2]);
  if ((year_digits != 2 && year_digits != 4) || !parse_number (kept->pdata[2], 4, &year))
    return AR_TABLE_DATE_INVALID;

  if (!set_date (date, day, month, full_year (year, year_digits)))
    {
      set_problem (problem, text, _("“%s” is not a date: there is no such day"));
      return AR_TABLE_DATE_INVALID;
    }

  return AR_TABLE_DATE_CERTAIN;
}

static gboolean
parse_serial (const char *text,
              GDate      *date)
{
  guint serial;
  g_autofree char *whole = g_strdup (text);
  char *point = strchr (whole, '.');

  /* a date-time cell: "45536.5" is noon that day */
  if (point != NULL)
    {
      for (const char *c = point + 1; *c != '\0'; c++)
        if (!g_ascii_isdigit (*c))
          return FALSE;
      *point = '\0';
    }

  if (!parse_number (whole, 5, &serial) || serial < SERIAL_FIRST || serial > SERIAL_LAST)
    return FALSE;

  g_date_set_dmy (date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, serial);
  return TRUE;
}

/**
 * ar_table_date_parse:
 * @text: a cell's text
 * @date: (out caller-allocates): where the date goes
 * @problem: (out) (optional) (transfer full): why @text is not a date,
 *   when that can be said better than "not a date"
 *
 * Reads a date in any of the forms spreadsheets write, day first as UK
 * users write dates. Leading and trailing space is ignored.
 *
 * Returns: how @text was read; %AR_TABLE_DATE_INVALID leaves @date alone
 */
ArTableDateReading
ar_table_date_parse (const char  *text,
                     GDate       *date,
                     char       **problem)
{
  g_autofree char *trimmed = NULL;
  GDate reading;
  ArTableDateReading result;

  g_return_val_if_fail (text != NULL, AR_TABLE_DATE_INVALID);
  g_return_val_if_fail (date != NULL, AR_TABLE_DATE_INVALID);

  if (problem != NULL)
    *problem = NULL;
  if (!g_utf8_validate (text, -1, NULL))
    return AR_TABLE_DATE_INVALID;

  trimmed = g_strstrip (g_strdup (text));
  g_date_clear (&reading, 1);

  if (parse_iso (trimmed, &reading))
    result = AR_TABLE_DATE_CERTAIN;
  else if (parse_serial (trimmed, &reading))
    result = AR_TABLE_DATE_SERIAL;
  else if ((result = parse_numeric (trimmed, &reading, problem)) == AR_TABLE_DATE_INVALID &&
           (problem == NULL || *problem == NULL))
    result = parse_words (trimmed, &reading, problem);

  if (result != AR_TABLE_DATE_INVALID)
    *date = reading;

  return result;
}
