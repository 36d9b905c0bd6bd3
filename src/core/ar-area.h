/* ar-area.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_TYPE_AREA (ar_area_get_type ())

G_DECLARE_FINAL_TYPE (ArArea, ar_area, AR, AREA, ArRecord)

ArArea *ar_area_new (void);

G_END_DECLS
