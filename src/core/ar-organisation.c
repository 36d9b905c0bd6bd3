/* ar-organisation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-organisation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-organisation.h"
#include "ar-text.h"

/* A partner that is not a school: a university, local authority, diocese, academy chain, private organisation or other. */
struct _ArOrganisation
{
  ArRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ArOrganisation, ar_organisation, AR_TYPE_RECORD)

const char * const ar_organisation_kinds[] = { "university", "local-authority", "diocese", "academy-chain", "private-sector", "other", NULL };

static const ArField organisation_fields[] = {
  { "name", N_("Name"), AR_FIELD_TEXT, AR_FIELD_FLAG_REQUIRED, NULL, NULL },
  { "kind", N_("Kind"), AR_FIELD_CHOICE, AR_FIELD_FLAG_REQUIRED, NULL, ar_organisation_kinds },
  { "area_id", N_("Area"), AR_FIELD_LINK, AR_FIELD_FLAG_NONE, "area", NULL },
  { "notes", N_("Notes"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
};

static void
ar_organisation_class_init (ArOrganisationClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "organisation", N_("Partner"),
                                  organisation_fields, G_N_ELEMENTS (organisation_fields));
}

static void
ar_organisation_init (ArOrganisation *self)
{
}

ArOrganisation *
ar_organisation_new (void)
{
  return g_object_new (AR_TYPE_ORGANISATION, NULL);
}
