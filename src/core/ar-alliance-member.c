/* ar-alliance-member.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-alliance-member"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-alliance-member.h"
#include "ar-text.h"

/* A school or partner organisation in an alliance, with the areas it leads on. */
struct _ArAllianceMember
{
  ArRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ArAllianceMember, ar_alliance_member, AR_TYPE_RECORD)

/* The alliance's teaching school is set on the alliance, in one place:
 * not a member role (old files' "teaching-school" members are read as
 * members, see ar-register-json.c). */
const char * const ar_member_roles[] = { "strategic-partner", "supported-school", "member", NULL };

/* The six areas a teaching school alliance leads on. */
const char * const ar_alliance_member_lead_areas[] = {
  "initial-teacher-training",
  "professional-development",
  "school-support",
  "leadership-potential",
  "specialist-leaders",
  "research",
  NULL
};

static const ArField alliance_member_fields[] = {
  { "alliance_id", N_("Alliance"), AR_FIELD_LINK, AR_FIELD_FLAG_REQUIRED, "alliance", NULL },
  { "school_id", N_("School"), AR_FIELD_LINK, AR_FIELD_FLAG_CASCADE, "school", NULL },
  { "organisation_id", N_("Partner"), AR_FIELD_LINK, AR_FIELD_FLAG_CASCADE, "organisation", NULL },
  { "role", N_("Role in the alliance"), AR_FIELD_CHOICE, AR_FIELD_FLAG_REQUIRED, NULL, ar_member_roles },
  { "leads_on", N_("Leads on"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "joined_on", N_("Joined"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "left_on", N_("Left"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
};

static gboolean
ar_alliance_member_validate (ArRecord  *record,
                             GError   **error)
{
  gboolean has_school = ar_record_get_integer (record, "school_id") != 0;
  gboolean has_organisation = ar_record_get_integer (record, "organisation_id") != 0;
  const char *leads_on = ar_record_get_text (record, "leads_on");

  if (has_school == has_organisation)
    {
      g_set_error_literal (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                           _("A member is either a school or a partner organisation"));
      return FALSE;
    }

  if (leads_on != NULL)
    {
      g_auto(GStrv) areas = g_strsplit (leads_on, ",", -1);

      for (guint i = 0; areas[i] != NULL; i++)
        {
          if (!g_strv_contains (ar_alliance_member_lead_areas, g_strstrip (areas[i])))
            {
              g_autofree char *allowed = g_strjoinv (", ", (char **) ar_alliance_member_lead_areas);

              ar_record_field_error (record, error, "leads_on",
                                     _("Leads on: “%s” is not one of %s"), areas[i], allowed);
              return FALSE;
            }
        }
    }

  return ar_record_check_date_order (record, "joined_on", "left_on", error);
}

static void
ar_alliance_member_class_init (ArAllianceMemberClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "alliance_member", N_("Alliance member"),
                                  alliance_member_fields, G_N_ELEMENTS (alliance_member_fields));
  record_class->validate = ar_alliance_member_validate;
}

static void
ar_alliance_member_init (ArAllianceMember *self)
{
}

ArAllianceMember *
ar_alliance_member_new (void)
{
  return g_object_new (AR_TYPE_ALLIANCE_MEMBER, NULL);
}
