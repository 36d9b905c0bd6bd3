/* ar-trust.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_TYPE_TRUST (ar_trust_get_type ())

G_DECLARE_FINAL_TYPE (ArTrust, ar_trust, AR, TRUST, ArRecord)

extern const char * const ar_trust_kinds[];
extern const char * const ar_trust_statuses[];

ArTrust *ar_trust_new (void);

G_END_DECLS
