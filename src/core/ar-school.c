/* ar-school.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-school"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-school.h"
#include "ar-text.h"

/* A school or other establishment, known by its URN where it has one. */
struct _ArSchool
{
  ArRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ArSchool, ar_school, AR_TYPE_RECORD)

const char * const ar_school_statuses[] = { "open", "closed", "open-proposed-to-close", "proposed-to-open", NULL };

static const ArField school_fields[] = {
  { "urn", N_("URN"), AR_FIELD_TEXT, AR_FIELD_FLAG_UNIQUE, NULL, NULL },
  { "name", N_("Name"), AR_FIELD_TEXT, AR_FIELD_FLAG_REQUIRED, NULL, NULL },
  { "area_id", N_("Area"), AR_FIELD_LINK, AR_FIELD_FLAG_NONE, "area", NULL },
  { "phase", N_("Phase"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "type", N_("Type"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "status", N_("Status"), AR_FIELD_CHOICE, AR_FIELD_FLAG_NONE, NULL, ar_school_statuses },
  { "open_date", N_("Opened"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "close_date", N_("Closed"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "postcode", N_("Postcode"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "town", N_("Town"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "notes", N_("Notes"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
};

static gboolean
ar_school_validate (ArRecord  *record,
                    GError   **error)
{
  const char *urn = ar_record_get_text (record, "urn");

  if (urn != NULL && !ar_text_is_digits (urn, 6))
    {
      ar_record_field_error (record, error, "urn",
                             _("URN: “%s” is not six digits"), urn);
      return FALSE;
    }

  return ar_record_check_date_order (record, "open_date", "close_date", error);
}

static void
ar_school_class_init (ArSchoolClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "school", N_("School"),
                                  school_fields, G_N_ELEMENTS (school_fields));
  record_class->validate = ar_school_validate;
}

static void
ar_school_init (ArSchool *self)
{
}

ArSchool *
ar_school_new (void)
{
  return g_object_new (AR_TYPE_SCHOOL, NULL);
}
