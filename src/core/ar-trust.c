/* ar-trust.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-trust"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-trust.h"
#include "ar-text.h"

/* An academy trust: a multi-academy trust (MAT), a single-academy trust (SAT) or other. */
struct _ArTrust
{
  ArRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ArTrust, ar_trust, AR_TYPE_RECORD)

const char * const ar_trust_kinds[] = { "mat", "sat", "other", NULL };
const char * const ar_trust_statuses[] = { "open", "closed", "proposed-to-open", NULL };

static const ArField trust_fields[] = {
  { "name", N_("Name"), AR_FIELD_TEXT, AR_FIELD_FLAG_REQUIRED, NULL, NULL },
  { "kind", N_("Kind"), AR_FIELD_CHOICE, AR_FIELD_FLAG_REQUIRED, NULL, ar_trust_kinds },
  { "companies_house_number", N_("Companies House number"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "gias_uid", N_("GIAS group UID"), AR_FIELD_TEXT, AR_FIELD_FLAG_UNIQUE, NULL, NULL },
  { "gias_group_id", N_("GIAS group ID"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "status", N_("Status"), AR_FIELD_CHOICE, AR_FIELD_FLAG_NONE, NULL, ar_trust_statuses },
  { "opened_on", N_("Opened"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "closed_on", N_("Closed"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "notes", N_("Notes"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
};

static gboolean
ar_trust_validate (ArRecord  *record,
                   GError   **error)
{
  const char *uid = ar_record_get_text (record, "gias_uid");

  if (uid != NULL && !ar_text_is_digits (uid, 0))
    {
      ar_record_field_error (record, error, "gias_uid",
                             _("GIAS group UID: “%s” is not a number"), uid);
      return FALSE;
    }

  return ar_record_check_date_order (record, "opened_on", "closed_on", error);
}

static void
ar_trust_class_init (ArTrustClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "trust", N_("Trust"),
                                  trust_fields, G_N_ELEMENTS (trust_fields));
  record_class->validate = ar_trust_validate;
}

static void
ar_trust_init (ArTrust *self)
{
}

ArTrust *
ar_trust_new (void)
{
  return g_object_new (AR_TYPE_TRUST, NULL);
}
