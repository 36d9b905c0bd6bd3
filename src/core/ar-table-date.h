/* ar-table-date.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ArTableDateReading:
 * @AR_TABLE_DATE_INVALID: not a date in any form we read
 * @AR_TABLE_DATE_CERTAIN: one reading only
 * @AR_TABLE_DATE_DAY_FIRST: read day first, as UK users write, although
 *   month first would also have given a date: show it, never take it silently
 * @AR_TABLE_DATE_SERIAL: a spreadsheet's day number, read as a date
 *
 * How a spreadsheet cell was read as a date.
 */
typedef enum
{
  AR_TABLE_DATE_INVALID,
  AR_TABLE_DATE_CERTAIN,
  AR_TABLE_DATE_DAY_FIRST,
  AR_TABLE_DATE_SERIAL,
} ArTableDateReading;

ArTableDateReading ar_table_date_parse (const char  *text,
                                        GDate       *date,
                                        char       **problem);

G_END_DECLS
