/* ar-relations.c: which records link to a record, as its form lists them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-relations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-alliance.h"
#include "ar-alliance-member.h"
#include "ar-designation.h"
#include "ar-organisation.h"
#include "ar-person.h"
#include "ar-relations.h"
#include "ar-school.h"
#include "ar-trust.h"
#include "ar-trust-academy.h"

/* In the order the form shows them. A member of an alliance is a school or
 * an organisation: its list names whichever it is. */
static const ArRelation relations[] = {
  { ar_alliance_get_type, N_("Members and partners"), N_("Add Member…"),
    ar_alliance_member_get_type, "alliance_id", "school_id", ar_school_get_type },
  { ar_trust_get_type, N_("Academies"), N_("Add Academy…"),
    ar_trust_academy_get_type, "trust_id", "school_id", ar_school_get_type },
  { ar_person_get_type, N_("Designations"), N_("Add Designation…"),
    ar_designation_get_type, "person_id", NULL, NULL },
  { ar_school_get_type, N_("Trusts"), N_("Add to Trust…"),
    ar_trust_academy_get_type, "school_id", "trust_id", ar_trust_get_type },
  { ar_school_get_type, N_("Alliances"), N_("Add to Alliance…"),
    ar_alliance_member_get_type, "school_id", "alliance_id", ar_alliance_get_type },
  { ar_school_get_type, N_("Leaders"), NULL,
    ar_person_get_type, "school_id", NULL, NULL },
  { ar_organisation_get_type, N_("People"), NULL,
    ar_person_get_type, "organisation_id", NULL, NULL },
  { ar_organisation_get_type, N_("Alliances"), N_("Add to Alliance…"),
    ar_alliance_member_get_type, "organisation_id", "alliance_id", ar_alliance_get_type },
};

/**
 * ar_relations:
 * @n_relations: (out): how many there are
 *
 * Returns: (array length=n_relations): every list of links, in order
 */
const ArRelation *
ar_relations (guint *n_relations)
{
  *n_relations = G_N_ELEMENTS (relations);
  return relations;
}
