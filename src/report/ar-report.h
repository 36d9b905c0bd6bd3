/* ar-report.h: summary outputs that need more than core (PDF, ODT)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-core.h"

G_BEGIN_DECLS

GBytes *ar_report_write (ArSummary        *summary,
                         ArSummaryFormat   format,
                         GError          **error);

G_END_DECLS
