/* ar-odt-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-core.h"

G_BEGIN_DECLS

GBytes *ar_odt_write_summary        (ArSummary        *summary,
                                     GError          **error);
GBytes *ar_odt_write_support_report (ArSupportReport  *report,
                                     GError          **error);

G_END_DECLS
