/* ar-alliance-member.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_TYPE_ALLIANCE_MEMBER (ar_alliance_member_get_type ())

G_DECLARE_FINAL_TYPE (ArAllianceMember, ar_alliance_member, AR, ALLIANCE_MEMBER, ArRecord)

extern const char * const ar_member_roles[];
extern const char * const ar_alliance_member_lead_areas[];

ArAllianceMember *ar_alliance_member_new (void);

G_END_DECLS
