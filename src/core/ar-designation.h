/* ar-designation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_TYPE_DESIGNATION (ar_designation_get_type ())

G_DECLARE_FINAL_TYPE (ArDesignation, ar_designation, AR, DESIGNATION, ArRecord)

ArDesignation *ar_designation_new (void);

G_END_DECLS
