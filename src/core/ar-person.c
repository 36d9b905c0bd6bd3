/* ar-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-person.h"
#include "ar-text.h"

/* A person: a head teacher, chair of governors or other leader, based at a school or organisation. */
struct _ArPerson
{
  ArRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ArPerson, ar_person, AR_TYPE_RECORD)

static const ArField person_fields[] = {
  { "name", N_("Name"), AR_FIELD_TEXT, AR_FIELD_FLAG_REQUIRED, NULL, NULL },
  { "job_title", N_("Job title"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "school_id", N_("School"), AR_FIELD_LINK, AR_FIELD_FLAG_NONE, "school", NULL },
  { "organisation_id", N_("Organisation"), AR_FIELD_LINK, AR_FIELD_FLAG_NONE, "organisation", NULL },
  { "email", N_("Email"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "phone", N_("Phone"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "notes", N_("Notes"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
};

static gboolean
ar_person_validate (ArRecord  *record,
                    GError   **error)
{
  const char *email = ar_record_get_text (record, "email");

  if (email != NULL && (strchr (email, '@') == NULL || strchr (email, ' ') != NULL))
    {
      ar_record_field_error (record, error, "email",
                             _("Email: “%s” is not an email address"), email);
      return FALSE;
    }

  return TRUE;
}

static void
ar_person_class_init (ArPersonClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "person", N_("Leader"),
                                  person_fields, G_N_ELEMENTS (person_fields));
  record_class->validate = ar_person_validate;
}

static void
ar_person_init (ArPerson *self)
{
}

ArPerson *
ar_person_new (void)
{
  return g_object_new (AR_TYPE_PERSON, NULL);
}
