/* ar-record-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-core.h"

/**
 * ar_record_types:
 * @n_types: (out): the number of types
 *
 * Every record type, each after the types it links to. Writing in this
 * order (and deleting in the reverse) never breaks a link on the way.
 *
 * Returns: (array length=n_types): the record types
 */
const GType *
ar_record_types (guint *n_types)
{
  static GType types[11];
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      types[0] = AR_TYPE_AREA;
      types[1] = AR_TYPE_SCHOOL;
      types[2] = AR_TYPE_ORGANISATION;
      types[3] = AR_TYPE_ALLIANCE;
      types[4] = AR_TYPE_ALLIANCE_MEMBER;
      types[5] = AR_TYPE_TRUST;
      types[6] = AR_TYPE_TRUST_ACADEMY;
      types[7] = AR_TYPE_PERSON;
      types[8] = AR_TYPE_ROLE;
      types[9] = AR_TYPE_DESIGNATION;
      types[10] = AR_TYPE_DEPLOYMENT;
      g_once_init_leave (&initialised, 1);
    }

  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (types);

  return types;
}
