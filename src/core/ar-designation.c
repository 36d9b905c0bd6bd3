/* ar-designation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-designation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-designation.h"
#include "ar-role.h"
#include "ar-text.h"

/* A person's designation as a system leader (NLE, NLG, LLE, SLE, LP or DH/AH) for a span of dates. */
struct _ArDesignation
{
  ArRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ArDesignation, ar_designation, AR_TYPE_RECORD)

static const ArField designation_fields[] = {
  { "person_id", N_("Leader"), AR_FIELD_LINK, AR_FIELD_FLAG_REQUIRED, "person", NULL },
  { "role", N_("Role"), AR_FIELD_CODE_LINK, AR_FIELD_FLAG_REQUIRED, "role", NULL },
  { "specialisms", N_("Specialisms"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "designated_by_school_id", N_("Designated by school"), AR_FIELD_LINK, AR_FIELD_FLAG_NONE, "school", NULL },
  { "designated_by_alliance_id", N_("Designated by alliance"), AR_FIELD_LINK, AR_FIELD_FLAG_NONE, "alliance", NULL },
  { "starts_on", N_("Starts"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "ends_on", N_("Ends"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
};

static char *
ar_designation_describe (ArRecord *record)
{
  const char *role = ar_record_get_text (record, "role");
  const char *specialisms = ar_record_get_text (record, "specialisms");

  /* "SLE (Mathematics)": the role, and what it covers if that is known */
  if (specialisms != NULL)
    return g_strdup_printf ("%s (%s)", role ? role : "", specialisms);

  return g_strdup (role ? role : _("Designation"));
}

static gboolean
ar_designation_validate (ArRecord  *record,
                         GError   **error)
{
  const char *role = ar_record_get_text (record, "role");

  if (role != NULL && !ar_role_code_is_designation (role))
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) ar_role_designation_codes);

      ar_record_field_error (record, error, "role",
                             _("Role: “%s” is not a role given to people (%s)"), role, allowed);
      return FALSE;
    }

  return ar_record_check_date_order (record, "starts_on", "ends_on", error);
}

static void
ar_designation_class_init (ArDesignationClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "designation", N_("Designation"),
                                  designation_fields, G_N_ELEMENTS (designation_fields));
  record_class->describe = ar_designation_describe;
  record_class->validate = ar_designation_validate;
}

static void
ar_designation_init (ArDesignation *self)
{
}

ArDesignation *
ar_designation_new (void)
{
  return g_object_new (AR_TYPE_DESIGNATION, NULL);
}
