/* ar-organisation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_TYPE_ORGANISATION (ar_organisation_get_type ())

G_DECLARE_FINAL_TYPE (ArOrganisation, ar_organisation, AR, ORGANISATION, ArRecord)

extern const char * const ar_organisation_kinds[];

ArOrganisation *ar_organisation_new (void);

G_END_DECLS
