/* ar-deployment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-deployment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ar-deployment.h"
#include "ar-dates.h"
#include "ar-designation.h"
#include "ar-person.h"
#include "ar-store.h"

/* Support given to a school: by a designated leader (through one of their
 * designations, which names the kind of support) or by a school (a
 * national support school or a teaching school: school-to-school). */
struct _ArDeployment
{
  ArRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ArDeployment, ar_deployment, AR_TYPE_RECORD)

const char * const ar_deployment_statuses[] = { "planned", "active", "completed", "stopped-early", NULL };

const char * const ar_deployment_commissioners[] = {
  "local-authority", "department", "alliance", "supported-school", "other", NULL
};

/* Offered when typing a focus; any other text is allowed. */
const char * const ar_deployment_focus_suggestions[] = {
  N_("Leadership"),
  N_("Governance"),
  N_("Mathematics"),
  N_("English"),
  N_("Science"),
  N_("Behaviour"),
  N_("Initial teacher training"),
  N_("Early years"),
  N_("SEND"),
  N_("Curriculum"),
  N_("Teaching and learning"),
  NULL
};

static const ArField deployment_fields[] = {
  { "school_id", N_("Supported school"), AR_FIELD_LINK, AR_FIELD_FLAG_REQUIRED, "school", NULL },
  { "supporter_designation_id", N_("Supporting leader"), AR_FIELD_LINK, AR_FIELD_FLAG_CASCADE, "designation", NULL },
  { "supporter_school_id", N_("Supporting school"), AR_FIELD_LINK, AR_FIELD_FLAG_CASCADE, "school", NULL },
  { "focus", N_("Focus"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "commissioned_by", N_("Commissioned by"), AR_FIELD_CHOICE, AR_FIELD_FLAG_NONE, NULL, ar_deployment_commissioners },
  { "starts_on", N_("Starts"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "ends_on", N_("Ends"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "days_agreed", N_("Days agreed"), AR_FIELD_INTEGER, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "days_delivered", N_("Days delivered"), AR_FIELD_INTEGER, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "status", N_("Status"), AR_FIELD_CHOICE, AR_FIELD_FLAG_REQUIRED, NULL, ar_deployment_statuses },
  { "outcome", N_("Outcome"), AR_FIELD_TEXT, AR_FIELD_FLAG_NONE, NULL, NULL },
};

/* A span [start, end] (either may be unknown, end is the last day) meets
 * the period [from, to]: for one day, ar_dates_active_on(). ISO dates
 * compare as strings. */
static gboolean
span_meets (const char *start,
            const char *end,
            const char *from,
            const char *to)
{
  return (start == NULL || to == NULL || strcmp (start, to) <= 0)
         && (end == NULL || from == NULL || strcmp (end, from) >= 0);
}

static char *
ar_deployment_describe (ArRecord *record)
{
  const char *focus = ar_record_get_text (record, "focus");
  const char *starts = ar_record_get_text (record, "starts_on");

  /* Translators: a deployment named by its focus and start: "Mathematics from 2026-09-01" */
  if (focus != NULL && starts != NULL)
    return g_strdup_printf (_("%s from %s"), focus, starts);
  if (focus != NULL)
    return g_strdup (focus);

  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ar_record_get_id (record));

    return g_strdup_printf (_("Deployment %s"), id);
  }
}

static gboolean
ar_deployment_validate (ArRecord  *record,
                        GError   **error)
{
  gint64 school = ar_record_get_integer (record, "school_id");
  gint64 by_leader = ar_record_get_integer (record, "supporter_designation_id");
  gint64 by_school = ar_record_get_integer (record, "supporter_school_id");
  gint64 agreed = ar_record_get_integer (record, "days_agreed");
  gint64 delivered = ar_record_get_integer (record, "days_delivered");

  if ((by_leader != 0) == (by_school != 0))
    {
      g_set_error_literal (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                           _("Support is given either by a leader (through a designation) or by a school"));
      return FALSE;
    }

  if (by_school != 0 && by_school == school)
    {
      g_set_error_literal (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                           _("A school cannot support itself"));
      return FALSE;
    }

  if (agreed < 0 || delivered < 0)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                   _("%s cannot be negative"), agreed < 0 ? _("Days agreed") : _("Days delivered"));
      return FALSE;
    }

  /* More days than agreed happens, but someone should say why. */
  if (delivered > agreed && ar_record_get_text (record, "outcome") == NULL)
    {
      g_autofree char *delivered_text = g_strdup_printf ("%" G_GINT64_FORMAT, delivered);
      g_autofree char *agreed_text = g_strdup_printf ("%" G_GINT64_FORMAT, agreed);

      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                   _("Days delivered (%s) is more than days agreed (%s): say why in the outcome"),
                   delivered_text, agreed_text);
      return FALSE;
    }

  return ar_record_check_date_order (record, "starts_on", "ends_on", error);
}

static GPtrArray *
ar_deployment_warnings (ArRecord *record,
                        ArStore  *store)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) ar_field_problem_free);
  gint64 designation_id = ar_record_get_integer (record, "supporter_designation_id");
  const char *starts = ar_record_get_text (record, "starts_on");
  const char *ends = ar_record_get_text (record, "ends_on");
  g_autoptr(ArRecord) designation = NULL;

  if (designation_id != 0)
    designation = ar_store_get (store, AR_TYPE_DESIGNATION, designation_id, NULL);

  if (designation != NULL)
    {
      const char *role = ar_record_get_text (designation, "role");
      const char *held_from = ar_record_get_text (designation, "starts_on");
      const char *held_to = ar_record_get_text (designation, "ends_on");
      gint64 person_id = ar_record_get_integer (designation, "person_id");
      g_autoptr(ArRecord) person = ar_store_get (store, AR_TYPE_PERSON, person_id, NULL);
      /* An open-ended deployment is checked on its first day only. */
      const char *last_day = ends != NULL ? ends : starts;

      if ((held_from != NULL && (starts == NULL || strcmp (held_from, starts) > 0))
          || (held_to != NULL && last_day != NULL && strcmp (held_to, last_day) < 0))
        ar_record_add_warning (record, warnings, "supporter_designation_id",
                               _("The leader’s %s designation (%s to %s) does not cover the whole deployment"),
                               role ? role : "",
                               held_from ? held_from : _("no start"),
                               held_to ? held_to : _("no end"));

      if (person != NULL && ar_record_get_integer (person, "school_id") != 0
          && ar_record_get_integer (person, "school_id") == ar_record_get_integer (record, "school_id"))
        ar_record_add_warning (record, warnings, "school_id", "%s",
                               _("The leader works at the school they support"));
    }

  return warnings;
}

static void
ar_deployment_class_init (ArDeploymentClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "deployment", N_("Deployment"),
                                  deployment_fields, G_N_ELEMENTS (deployment_fields));
  record_class->describe = ar_deployment_describe;
  record_class->validate = ar_deployment_validate;
  record_class->list_warnings = ar_deployment_warnings;
}

static void
ar_deployment_init (ArDeployment *self)
{
}

ArDeployment *
ar_deployment_new (void)
{
  return g_object_new (AR_TYPE_DEPLOYMENT, NULL);
}

/**
 * ar_deployment_is_active_on:
 * @date: `YYYY-MM-DD`
 *
 * Active on a date: started on or before it (or no start known) and not
 * ended before it; the end date is the last day of support.
 */
gboolean
ar_deployment_is_active_on (ArDeployment *self,
                            const char   *date)
{
  g_return_val_if_fail (AR_IS_DEPLOYMENT (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  return ar_dates_active_on (ar_record_get_text (AR_RECORD (self), "starts_on"),
                             ar_record_get_text (AR_RECORD (self), "ends_on"), date);
}

/**
 * ar_deployment_overlaps:
 * @from: (nullable): the period's first day, %NULL for no limit
 * @to: (nullable): its last day, %NULL for no limit
 *
 * Returns: whether the deployment was active on any day of the period
 */
gboolean
ar_deployment_overlaps (ArDeployment *self,
                        const char   *from,
                        const char   *to)
{
  g_return_val_if_fail (AR_IS_DEPLOYMENT (self), FALSE);

  return span_meets (ar_record_get_text (AR_RECORD (self), "starts_on"),
                     ar_record_get_text (AR_RECORD (self), "ends_on"), from, to);
}

/**
 * ar_deployment_academic_year_start:
 * @date: `YYYY-MM-DD`
 *
 * English schools' academic year runs from 1 September to 31 August.
 *
 * Returns: (transfer full): the 1 September on or before @date
 */
char *
ar_deployment_academic_year_start (const char *date)
{
  int year, month, day;

  g_return_val_if_fail (date != NULL, NULL);

  if (sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  return g_strdup_printf ("%04d-09-01", month >= 9 ? year : year - 1);
}
