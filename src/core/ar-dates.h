/* ar-dates.h: what "active on a date" and "open on a date" mean
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ar-types.h"

G_BEGIN_DECLS

gboolean  ar_dates_check             (const char  *label,
                                      const char  *date,
                                      GError     **error);
gboolean  ar_dates_active_on         (const char  *start,
                                      const char  *end,
                                      const char  *date);
gboolean  ar_dates_open_on           (const char  *opened,
                                      const char  *closed,
                                      const char  *status,
                                      const char  *date);
gboolean  ar_dates_overlap            (const char  *start_a,
                                      const char  *end_a,
                                      const char  *start_b,
                                      const char  *end_b);
gboolean  ar_dates_record_active_on  (ArRecord    *record,
                                      const char  *date);
gboolean  ar_dates_attach_sql        (ArStore     *store,
                                      GError     **error);

G_END_DECLS
