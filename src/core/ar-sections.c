/* ar-sections.c: the kinds of record the register lists, and their columns
 *
 * The window's lists and the command line's `list` show the same columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-core.h"
#include "ar-sections.h"

static const ArColumnSpec alliance_columns[] = {
  { N_("Name"), "name", AR_COLUMN_TEXT, TRUE, TRUE },
  { N_("Teaching school"), "lead_school_id", AR_COLUMN_LINK, TRUE, TRUE },
  { N_("Designated"), "designated_on", AR_COLUMN_TEXT, FALSE },
  { N_("Ended"), "ended_on", AR_COLUMN_TEXT, FALSE },
  { N_("Members"), NULL, AR_COLUMN_ALLIANCE_MEMBERS, FALSE },
};

static const ArColumnSpec trust_columns[] = {
  { N_("Name"), "name", AR_COLUMN_TEXT, TRUE, TRUE },
  { N_("Kind"), "kind", AR_COLUMN_CHOICE, FALSE },
  { N_("Academies"), NULL, AR_COLUMN_TRUST_ACADEMIES, FALSE, TRUE },
  { N_("Companies House"), "companies_house_number", AR_COLUMN_TEXT, FALSE },
  { N_("Status"), "status", AR_COLUMN_CHOICE, FALSE },
};

static const ArColumnSpec person_columns[] = {
  { N_("Name"), "name", AR_COLUMN_TEXT, TRUE, TRUE },
  { N_("Designations"), NULL, AR_COLUMN_PERSON_ROLES, FALSE, TRUE },
  { N_("Job title"), "job_title", AR_COLUMN_TEXT, FALSE },
  { N_("School"), "school_id", AR_COLUMN_LINK, TRUE },
};

static const ArColumnSpec school_columns[] = {
  { N_("URN"), "urn", AR_COLUMN_TEXT, FALSE, TRUE },
  { N_("Name"), "name", AR_COLUMN_TEXT, TRUE, TRUE },
  { N_("Area"), "area_id", AR_COLUMN_LINK, FALSE },
  { N_("Phase"), "phase", AR_COLUMN_TEXT, FALSE },
  { N_("Status"), "status", AR_COLUMN_CHOICE, FALSE },
  { N_("Trust"), NULL, AR_COLUMN_SCHOOL_TRUST, TRUE },
};

static const ArColumnSpec organisation_columns[] = {
  { N_("Name"), "name", AR_COLUMN_TEXT, TRUE, TRUE },
  { N_("Kind"), "kind", AR_COLUMN_CHOICE, FALSE, TRUE },
  { N_("Area"), "area_id", AR_COLUMN_LINK, FALSE },
};

static const ArColumnSpec area_columns[] = {
  { N_("Code"), "code", AR_COLUMN_TEXT, FALSE, TRUE },
  { N_("Name"), "name", AR_COLUMN_TEXT, TRUE, TRUE },
};

static const ArColumnSpec deployment_columns[] = {
  { N_("Supported school"), "school_id", AR_COLUMN_LINK, TRUE, TRUE },
  { N_("Supporter"), NULL, AR_COLUMN_DEPLOYMENT_SUPPORTER, TRUE, TRUE },
  { N_("Role"), NULL, AR_COLUMN_DEPLOYMENT_KIND, FALSE },
  { N_("Focus"), "focus", AR_COLUMN_TEXT, TRUE },
  { N_("Starts"), "starts_on", AR_COLUMN_TEXT, FALSE },
  { N_("Ends"), "ends_on", AR_COLUMN_TEXT, FALSE },
  { N_("Days delivered / agreed"), NULL, AR_COLUMN_DEPLOYMENT_DAYS, FALSE },
  { N_("Status"), "status", AR_COLUMN_CHOICE, FALSE, TRUE },
};

static gboolean
deployment_active_on (ArRecord   *record,
                      const char *date)
{
  return ar_deployment_is_active_on (AR_DEPLOYMENT (record), date);
}

static const ArSection sections[] = {
  { "alliances", N_("Alliances"), "system-users-symbolic", ar_alliance_get_type,
    alliance_columns, G_N_ELEMENTS (alliance_columns), NULL },
  { "trusts", N_("Trusts"), "emblem-shared-symbolic", ar_trust_get_type,
    trust_columns, G_N_ELEMENTS (trust_columns), "kind" },
  { "leaders", N_("Leaders"), "avatar-default-symbolic", ar_person_get_type,
    person_columns, G_N_ELEMENTS (person_columns), "roles" },
  { "schools", N_("Schools"), "go-home-symbolic", ar_school_get_type,
    school_columns, G_N_ELEMENTS (school_columns), "status" },
  { "partners", N_("Partners"), "applications-engineering-symbolic", ar_organisation_get_type,
    organisation_columns, G_N_ELEMENTS (organisation_columns), "kind" },
  { "deployments", N_("Deployments"), "emblem-favorite-symbolic", ar_deployment_get_type,
    deployment_columns, G_N_ELEMENTS (deployment_columns), "status", "school_id",
    /* the work going on now comes first */
    "starts_on", TRUE, AR_COLUMN_DEPLOYMENT_KIND, deployment_active_on },
  /* typed in by hand when there is no GIAS extract to import them from */
  { "areas", N_("Areas"), "mark-location-symbolic", ar_area_get_type,
    area_columns, G_N_ELEMENTS (area_columns), NULL },
};

/**
 * ar_sections:
 * @n_sections: (out): how many there are
 *
 * Returns: the sections in the order the sidebar shows them
 */
const ArSection *
ar_sections (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

/**
 * ar_section_find:
 * @name: "alliances", "trusts", "leaders", "schools", "partners", "areas" or
 *   "deployments"
 *
 * Returns: (nullable): the section with that name
 */
const ArSection *
ar_section_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return &sections[i];

  return NULL;
}
