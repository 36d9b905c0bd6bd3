/* ar-role.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-role"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-role.h"
#include "ar-text.h"

/* A leadership role in the summary: its title, what it does, and where it appears. */
struct _ArRole
{
  ArRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ArRole, ar_role, AR_TYPE_RECORD)


/* The summary counts each role by its own rule (see ar-summary.c), so the
 * set of roles is fixed; their titles and texts are the user's to edit. */
const char * const ar_role_codes[] = {
  "TSA", "MAT", "NLE", "NSS", "NLG", "LLE", "SLE", "LP", "DHAH", "SUP", "DEP", NULL
};

const char * const ar_role_designation_codes[] = {
  "NLE", "NLG", "LLE", "SLE", "LP", "DHAH", NULL
};

gboolean
ar_role_code_is_designation (const char *code)
{
  return code != NULL && g_strv_contains (ar_role_designation_codes, code);
}

static const ArField role_fields[] = {
  { "code", N_("Code"), AR_FIELD_TEXT, AR_FIELD_FLAG_REQUIRED | AR_FIELD_FLAG_UNIQUE, NULL, NULL },
  { "position", N_("Position"), AR_FIELD_INTEGER, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "title", N_("Title"), AR_FIELD_TEXT, AR_FIELD_FLAG_REQUIRED, NULL, NULL },
  { "key_functions", N_("Key functions"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "no_records_text", N_("Text when no records are held"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "in_summary", N_("Shown in the summary"), AR_FIELD_BOOLEAN, AR_FIELD_FLAG_NONE, NULL, NULL },
};

static char *
ar_role_describe (ArRecord *record)
{
  return g_strdup (ar_record_get_text (record, "title"));
}

static gboolean
ar_role_validate (ArRecord  *record,
                  GError   **error)
{
  const char *code = ar_record_get_text (record, "code");

  if (code != NULL && !g_strv_contains (ar_role_codes, code))
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) ar_role_codes);

      ar_record_field_error (record, error, "code",
                             _("Code: “%s” is not a known role (%s)"), code, allowed);
      return FALSE;
    }

  return TRUE;
}

static void
ar_role_class_init (ArRoleClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "role", N_("Role"),
                                  role_fields, G_N_ELEMENTS (role_fields));
  record_class->describe = ar_role_describe;
  record_class->validate = ar_role_validate;
}

static void
ar_role_init (ArRole *self)
{
  /* as the schema's default: a role is in the summary unless taken out */
  ar_record_set_boolean (AR_RECORD (self), "in_summary", TRUE);
}

ArRole *
ar_role_new (void)
{
  return g_object_new (AR_TYPE_ROLE, NULL);
}
