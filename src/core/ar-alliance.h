/* ar-alliance.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_TYPE_ALLIANCE (ar_alliance_get_type ())

G_DECLARE_FINAL_TYPE (ArAlliance, ar_alliance, AR, ALLIANCE, ArRecord)

ArAlliance *ar_alliance_new (void);

G_END_DECLS
