/* ar-alliance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-alliance"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-alliance.h"
#include "ar-text.h"

/* A teaching school alliance, led by its teaching school. */
struct _ArAlliance
{
  ArRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ArAlliance, ar_alliance, AR_TYPE_RECORD)

static const ArField alliance_fields[] = {
  { "name", N_("Name"), AR_FIELD_TEXT, AR_FIELD_FLAG_REQUIRED, NULL, NULL },
  { "lead_school_id", N_("Teaching school"), AR_FIELD_LINK, AR_FIELD_FLAG_NONE, "school", NULL },
  { "designated_on", N_("Designated"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "ended_on", N_("Ended"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "network", N_("Network"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "notes", N_("Notes"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
};

static gboolean
ar_alliance_validate (ArRecord  *record,
                      GError   **error)
{
  return ar_record_check_date_order (record, "designated_on", "ended_on", error);
}

static void
ar_alliance_class_init (ArAllianceClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "alliance", N_("Alliance"),
                                  alliance_fields, G_N_ELEMENTS (alliance_fields));
  record_class->validate = ar_alliance_validate;
}

static void
ar_alliance_init (ArAlliance *self)
{
}

ArAlliance *
ar_alliance_new (void)
{
  return g_object_new (AR_TYPE_ALLIANCE, NULL);
}
