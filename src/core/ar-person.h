/* ar-person.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_TYPE_PERSON (ar_person_get_type ())

G_DECLARE_FINAL_TYPE (ArPerson, ar_person, AR, PERSON, ArRecord)

ArPerson *ar_person_new (void);

G_END_DECLS
