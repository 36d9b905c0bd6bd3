/* ar-role.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_TYPE_ROLE (ar_role_get_type ())

G_DECLARE_FINAL_TYPE (ArRole, ar_role, AR, ROLE, ArRecord)

extern const char * const ar_role_codes[];
extern const char * const ar_role_designation_codes[];

gboolean ar_role_code_is_designation (const char *code);

ArRole *ar_role_new (void);

G_END_DECLS
