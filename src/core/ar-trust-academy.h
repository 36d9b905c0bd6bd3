/* ar-trust-academy.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_TYPE_TRUST_ACADEMY (ar_trust_academy_get_type ())

G_DECLARE_FINAL_TYPE (ArTrustAcademy, ar_trust_academy, AR, TRUST_ACADEMY, ArRecord)

ArTrustAcademy *ar_trust_academy_new           (void);
GPtrArray      *ar_trust_academy_list_overlaps (ArStore  *store,
                                                GError  **error);

G_END_DECLS
