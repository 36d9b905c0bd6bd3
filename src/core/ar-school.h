/* ar-school.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_TYPE_SCHOOL (ar_school_get_type ())

G_DECLARE_FINAL_TYPE (ArSchool, ar_school, AR, SCHOOL, ArRecord)

extern const char * const ar_school_statuses[];

ArSchool *ar_school_new (void);

G_END_DECLS
