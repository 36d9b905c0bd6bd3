/* ar-dates.c: the one place that says when a record holds
 *
 * Every date rule the program applies is here: the summary's SQL calls
 * these same functions (as ar_active() and ar_open()), and the lists, the
 * editor and the command line call them directly, so they cannot drift
 * apart. Dates are ISO `YYYY-MM-DD`, which compare as strings; an end date
 * is the last day something holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-dates"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ar-core.h"
#include "ar-dates.h"
#include "ar-store-private.h"

/**
 * ar_dates_check:
 * @label: (nullable): what the date is for, to start the message with
 *   ("--as-at", "Joined on"); %NULL for none
 * @date: the text given as a date
 *
 * Checks a date as the editor and the command line read it: the form
 * YYYY-MM-DD, and a day that exists. The message tells the two apart, so
 * 2024-02-30 is "an impossible date", not "not in the form YYYY-MM-DD".
 *
 * Returns: whether @date is a real day, or %FALSE with @error set
 */
gboolean
ar_dates_check (const char  *label,
                const char  *date,
                GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;

  if (ar_date_is_valid (date))
    return TRUE;

  shown = ar_text_for_message (date);
  if (ar_date_is_well_formed (date))
    message = g_strdup_printf (_("“%s” is an impossible date"), shown);
  else
    message = g_strdup_printf (_("“%s” is not a date in the form YYYY-MM-DD"), shown);

  if (label != NULL)
    g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID, "%s: %s", label, message);
  else
    g_set_error_literal (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID, message);

  return FALSE;
}

/**
 * ar_dates_active_on:
 * @start: (nullable): the first day it holds; %NULL if not known
 * @end: (nullable): the last day it holds; %NULL if it has not ended
 * @date: the day asked about
 *
 * Active on a date: started on or before it (or no start known) and not
 * ended before it. Alliances, trust memberships and designations.
 */
gboolean
ar_dates_active_on (const char *start,
                    const char *end,
                    const char *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return (start == NULL || strcmp (start, date) <= 0)
         && (end == NULL || strcmp (end, date) >= 0);
}

/**
 * ar_dates_overlap:
 * @start_a: (nullable): the first day the first span holds
 * @end_a: (nullable): the last day it holds
 * @start_b: (nullable): the first day the second span holds
 * @end_b: (nullable): the last day it holds
 *
 * Whether two spans share a day: each starts on or before the other's
 * last day. A span that ends on the day before another starts does not
 * overlap it; a span with no start or end is open on that side.
 */
gboolean
ar_dates_overlap (const char *start_a,
                  const char *end_a,
                  const char *start_b,
                  const char *end_b)
{
  return (start_a == NULL || end_b == NULL || strcmp (start_a, end_b) <= 0)
         && (start_b == NULL || end_a == NULL || strcmp (start_b, end_a) <= 0);
}

/**
 * ar_dates_open_on:
 * @opened: (nullable): the opening date
 * @closed: (nullable): the closing date, the last day it was open
 * @status: (nullable): its status, as stored ("closed", "proposed-to-open"…)
 * @date: the day asked about
 *
 * Open on a date, for schools and trusts: active on it by its dates, never
 * while "proposed to open", and, when marked "closed" with no closing date
 * known, closed on every date.
 */
gboolean
ar_dates_open_on (const char *opened,
                  const char *closed,
                  const char *status,
                  const char *date)
{
  if (g_strcmp0 (status, "proposed-to-open") == 0)
    return FALSE;
  if (closed == NULL && g_strcmp0 (status, "closed") == 0)
    return FALSE;

  return ar_dates_active_on (opened, closed, date);
}

typedef struct
{
  const char *table;
  const char *start;
  const char *end;
  const char *status;
} Span;

/* Which fields bound each kind of record; a status makes it "open on". */
static const Span spans[] = {
  { "school", "open_date", "close_date", "status" },
  { "trust", "opened_on", "closed_on", "status" },
  { "alliance", "designated_on", "ended_on", NULL },
  { "trust_academy", "joined_on", "left_on", NULL },
  { "designation", "starts_on", "ends_on", NULL },
  { "deployment", "starts_on", "ends_on", NULL },
};

/**
 * ar_dates_record_active_on:
 *
 * Whether @record holds on @date: schools and trusts open on it, alliances,
 * trust memberships and designations active on it. Other records have no
 * dates and always hold.
 */
gboolean
ar_dates_record_active_on (ArRecord   *record,
                           const char *date)
{
  const char *table;

  g_return_val_if_fail (AR_IS_RECORD (record), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  table = ar_record_get_table (record);
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      const Span *span = &spans[i];
      const char *start;
      const char *end;

      if (!g_str_equal (table, span->table))
        continue;

      start = ar_record_get_text (record, span->start);
      end = ar_record_get_text (record, span->end);
      if (span->status != NULL)
        return ar_dates_open_on (start, end, ar_record_get_text (record, span->status), date);

      return ar_dates_active_on (start, end, date);
    }

  return TRUE;
}

static const char *
text_arg (sqlite3_value *value)
{
  return sqlite3_value_type (value) == SQLITE_NULL ? NULL : (const char *) sqlite3_value_text (value);
}

static void
sql_active (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  const char *date = text_arg (argv[2]);

  if (date == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_int (context, ar_dates_active_on (text_arg (argv[0]), text_arg (argv[1]), date));
}

static void
sql_open (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *date = text_arg (argv[3]);

  if (date == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_int (context, ar_dates_open_on (text_arg (argv[0]), text_arg (argv[1]),
                                                   text_arg (argv[2]), date));
}

/**
 * ar_dates_attach_sql:
 *
 * Makes the rules callable from @store's SQL, once per connection:
 * `ar_active(start, end, date)` and `ar_open(opened, closed, status, date)`.
 */
gboolean
ar_dates_attach_sql (ArStore  *store,
                     GError  **error)
{
  sqlite3 *db;
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  g_return_val_if_fail (AR_IS_STORE (store), FALSE);

  /* Defining a function again would expire every cached statement. */
  if (g_object_get_data (G_OBJECT (store), "ar-dates-sql") != NULL)
    return TRUE;

  db = ar_store_get_connection (store);
  if (sqlite3_create_function_v2 (db, "ar_active", 3, flags, NULL, sql_active, NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_create_function_v2 (db, "ar_open", 4, flags, NULL, sql_open, NULL, NULL, NULL) != SQLITE_OK)
    {
      ar_store_set_sql_error (store, error);
      return FALSE;
    }

  g_object_set_data (G_OBJECT (store), "ar-dates-sql", GINT_TO_POINTER (1));

  return TRUE;
}
