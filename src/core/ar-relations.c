/* ar-relations.c: which records link to a record, as its form lists them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-relations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-alliance.h"
#include "ar-alliance-member.h"
#include "ar-deployment.h"
#include "ar-designation.h"
#include "ar-organisation.h"
#include "ar-person.h"
#include "ar-relations.h"
#include "ar-school.h"
#include "ar-summary.h"
#include "ar-trust.h"
#include "ar-trust-academy.h"

/* Schools give support as national support schools or teaching schools;
 * one that has given some keeps its list whatever it is now. */
static gboolean
school_gives_support (ArStore  *store,
                      ArRecord *school)
{
  gint64 id = ar_record_get_id (school);
  g_autoptr(GListModel) given = ar_store_list_where (store, AR_TYPE_DEPLOYMENT, "supporter_school_id", id, NULL);
  g_autoptr(GListModel) led = NULL;
  g_autoptr(GListModel) memberships = NULL;

  if (given != NULL && g_list_model_get_n_items (given) > 0)
    return TRUE;
  if (ar_summary_is_national_support_school (store, id, NULL, NULL))
    return TRUE;

  led = ar_store_list_where (store, AR_TYPE_ALLIANCE, "lead_school_id", id, NULL);
  if (led != NULL && g_list_model_get_n_items (led) > 0)
    return TRUE;

  memberships = ar_store_list_where (store, AR_TYPE_ALLIANCE_MEMBER, "school_id", id, NULL);
  for (guint i = 0; memberships != NULL && i < g_list_model_get_n_items (memberships); i++)
    {
      g_autoptr(ArRecord) member = g_list_model_get_item (memberships, i);

      if (g_strcmp0 (ar_record_get_text (member, "role"), "teaching-school") == 0)
        return TRUE;
    }

  return FALSE;
}

/* In the order the form shows them. A member of an alliance is a school or
 * an organisation: its list names whichever it is. */
static const ArRelation relations[] = {
  { ar_alliance_get_type, N_("Members and partners"), N_("Add Member…"),
    ar_alliance_member_get_type, "alliance_id", "school_id", ar_school_get_type },
  { ar_trust_get_type, N_("Academies"), N_("Add Academy…"),
    ar_trust_academy_get_type, "trust_id", "school_id", ar_school_get_type },
  { ar_person_get_type, N_("Designations"), N_("Add Designation…"),
    ar_designation_get_type, "person_id", NULL, NULL },
  /* support a leader gives, through any of their designations */
  { ar_person_get_type, N_("Deployments"), NULL,
    ar_deployment_get_type, "supporter_designation_id", NULL, NULL,
    ar_designation_get_type, "person_id" },
  { ar_school_get_type, N_("Trusts"), N_("Add to Trust…"),
    ar_trust_academy_get_type, "school_id", "trust_id", ar_trust_get_type },
  { ar_school_get_type, N_("Alliances"), N_("Add to Alliance…"),
    ar_alliance_member_get_type, "school_id", "alliance_id", ar_alliance_get_type },
  /* set on the alliance only (its Teaching school field) */
  { ar_school_get_type, N_("Teaching school of"), NULL,
    ar_alliance_get_type, "lead_school_id", NULL, NULL },
  { ar_school_get_type, N_("Leaders"), NULL,
    ar_person_get_type, "school_id", NULL, NULL },
  { ar_school_get_type, N_("Support received"), N_("Add Deployment…"),
    ar_deployment_get_type, "school_id", NULL, NULL },
  { ar_school_get_type, N_("Support given"), N_("Add Deployment…"),
    ar_deployment_get_type, "supporter_school_id", NULL, NULL,
    NULL, NULL, school_gives_support },
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

/**
 * ar_relation_applies:
 *
 * Returns: whether @owner's form lists @relation's links
 */
gboolean
ar_relation_applies (const ArRelation *relation,
                     ArStore          *store,
                     ArRecord         *owner)
{
  g_return_val_if_fail (relation != NULL, FALSE);
  g_return_val_if_fail (AR_IS_RECORD (owner), FALSE);

  if (G_OBJECT_TYPE (owner) != relation->owner_type ())
    return FALSE;

  return relation->applies == NULL || relation->applies (store, owner);
}

/**
 * ar_relation_list_links:
 * @owner_id: the id of the record whose links these are
 *
 * Returns: (transfer full): the link records, directly or through the
 *   records in between, or %NULL with @error set
 */
GListModel *
ar_relation_list_links (const ArRelation  *relation,
                        ArStore           *store,
                        gint64             owner_id,
                        GError           **error)
{
  g_autoptr(GListModel) through = NULL;
  GListStore *links;

  g_return_val_if_fail (relation != NULL, NULL);
  g_return_val_if_fail (AR_IS_STORE (store), NULL);

  if (relation->through_type == NULL)
    return ar_store_list_where (store, relation->link_type (), relation->link_field, owner_id, error);

  through = ar_store_list_where (store, relation->through_type (), relation->through_field, owner_id, error);
  if (through == NULL)
    return NULL;

  links = g_list_store_new (relation->link_type ());
  for (guint i = 0; i < g_list_model_get_n_items (through); i++)
    {
      g_autoptr(ArRecord) between = g_list_model_get_item (through, i);
      g_autoptr(GListModel) some = ar_store_list_where (store, relation->link_type (), relation->link_field,
                                                        ar_record_get_id (between), error);

      if (some == NULL)
        {
          g_object_unref (links);
          return NULL;
        }
      for (guint j = 0; j < g_list_model_get_n_items (some); j++)
        {
          g_autoptr(GObject) link = g_list_model_get_item (some, j);

          g_list_store_append (links, link);
        }
    }

  return G_LIST_MODEL (links);
}
