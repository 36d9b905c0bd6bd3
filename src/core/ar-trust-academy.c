/* ar-trust-academy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-trust-academy"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-trust-academy.h"
#include "ar-text.h"

/* A school's membership of a trust, from the day it joined to the day it left. */
struct _ArTrustAcademy
{
  ArRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ArTrustAcademy, ar_trust_academy, AR_TYPE_RECORD)

static const ArField trust_academy_fields[] = {
  { "trust_id", N_("Trust"), AR_FIELD_LINK, AR_FIELD_FLAG_REQUIRED, "trust", NULL },
  { "school_id", N_("School"), AR_FIELD_LINK, AR_FIELD_FLAG_REQUIRED, "school", NULL },
  { "joined_on", N_("Joined"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "left_on", N_("Left"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
};

static gboolean
ar_trust_academy_validate (ArRecord  *record,
                           GError   **error)
{
  return ar_record_check_date_order (record, "joined_on", "left_on", error);
}

static void
ar_trust_academy_class_init (ArTrustAcademyClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "trust_academy", N_("Trust academy"),
                                  trust_academy_fields, G_N_ELEMENTS (trust_academy_fields));
  record_class->validate = ar_trust_academy_validate;
}

static void
ar_trust_academy_init (ArTrustAcademy *self)
{
}

ArTrustAcademy *
ar_trust_academy_new (void)
{
  return g_object_new (AR_TYPE_TRUST_ACADEMY, NULL);
}
