/* ar-table-import-schools.c: a sheet of schools and organisations that
 * GIAS does not hold
 *
 * A row with an organisation kind (university, diocese…) and no URN is an
 * organisation, any other row a school. The Schools and Partners lists'
 * own exports read back unchanged.
 *
 * Matching:
 * - a school by URN, else by its exact name (any case) within the row's
 *   area, or in the whole register when the row gives no area;
 * - an organisation by name, and by kind when several share the name.
 * Empty cells never clear what the register holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-table-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ar-organisation.h"
#include "ar-record-table.h"
#include "ar-school.h"
#include "ar-table-import-private.h"

static const char *urn_headers[] = { "urn", "school urn", "unique reference number", NULL };
static const char *name_headers[] = { "name", "school", "school name", "establishment name", "organisation", "organisation name", "partner", NULL };
static const char *area_headers[] = { "area", "local authority", "la", "la code", "la name", "la (name)", NULL };
static const char *kind_headers[] = { "kind", "organisation kind", "kind of organisation", "partner kind", NULL };
static const char *phase_headers[] = { "phase", "phase of education", "phaseofeducation name", NULL };
static const char *type_headers[] = { "type", "school type", "establishment type", "type of establishment", NULL };
static const char *status_headers[] = { "status", "establishment status", NULL };
static const char *opened_headers[] = { "opened", "open date", "opened on", "opendate", NULL };
static const char *closed_headers[] = { "closed", "close date", "closed on", "closedate", NULL };
static const char *postcode_headers[] = { "postcode", "post code", NULL };
static const char *town_headers[] = { "town", NULL };
static const char *notes_headers[] = { "notes", "note", "comments", "comment", NULL };

const ArTableField ar_table_school_fields[] = {
  { "urn", N_("URN"), urn_headers },
  { "name", N_("Name"), name_headers },
  { "area", N_("Area"), area_headers },
  { "kind", N_("Organisation kind"), kind_headers },
  { "phase", N_("Phase"), phase_headers },
  { "type", N_("Type"), type_headers },
  { "status", N_("Status"), status_headers },
  { "open_date", N_("Opened"), opened_headers },
  { "close_date", N_("Closed"), closed_headers },
  { "postcode", N_("Postcode"), postcode_headers },
  { "town", N_("Town"), town_headers },
  { "notes", N_("Notes"), notes_headers },
};
const guint ar_table_n_school_fields = G_N_ELEMENTS (ar_table_school_fields);

/* A school of the register named @name, in @area when given. */
static ArRecord *
find_school_by_name (Lookups     *lookups,
                     const char  *name,
                     ArRecord    *area,
                     char       **problem)
{
  g_autofree char *folded = ar_table_import_fold (name);
  GPtrArray *list = g_hash_table_lookup (lookups->schools_by_name, folded);
  ArRecord *found = NULL;
  guint n_found = 0;

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (area == NULL || ar_record_get_integer (list->pdata[i], "area_id") == ar_record_get_id (area))
      {
        found = list->pdata[i];
        n_found++;
      }

  if (n_found > 1)
    {
      *problem = area
        ? g_strdup_printf (_("Name: %u schools in %s are called “%s”; give the URN to say which"),
                           n_found, ar_record_get_text (area, "name"), name)
        : g_strdup_printf (_("Name: %u schools are called “%s”; give the area or the URN to say which"),
                           n_found, name);
      return NULL;
    }

  return found;
}

static ArRecord *
find_organisation (Lookups     *lookups,
                   const char  *name,
                   const char  *kind,
                   char       **problem)
{
  g_autofree char *folded = ar_table_import_fold (name);
  GPtrArray *list = g_hash_table_lookup (lookups->organisations, folded);
  ArRecord *found = NULL;
  guint n_found = 0;

  if (list != NULL && list->len == 1)
    return list->pdata[0];

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (kind == NULL || g_strcmp0 (ar_record_get_text (list->pdata[i], "kind"), kind) == 0)
      {
        found = list->pdata[i];
        n_found++;
      }

  if (n_found > 1)
    {
      *problem = g_strdup_printf (_("Name: %u organisations are called “%s”; give the kind to say which"),
                                  n_found, name);
      return NULL;
    }

  return found;
}

void
ar_table_import_plan_school (ArTableImport *self,
                             Lookups       *lookups,
                             PlanState     *state,
                             guint          index,
                             PlanRow       *row)
{
  g_autofree char *problem = NULL;
  g_autofree char *open_date = NULL;
  g_autofree char *close_date = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *urn = ar_table_import_cell (self, index, "urn");
  const char *name = ar_table_import_cell (self, index, "name");
  const char *area_name = ar_table_import_cell (self, index, "area");
  const char *kind = NULL;
  const char *status = NULL;
  ArRecord *area = NULL;
  ArRecord *record = NULL;
  gboolean organisation;
  gboolean created = FALSE;

  if (name[0] == '\0' && urn[0] == '\0')
    return ar_table_import_refuse (row, g_strdup (_("Name: the row has no name or URN")));
  row->name = g_strdup (name[0] ? name : urn);

  if (area_name[0] != '\0')
    {
      g_autofree char *folded = ar_table_import_fold (area_name);

      area = g_hash_table_lookup (lookups->areas, folded);
      if (area == NULL)
        return ar_table_import_refuse (row, g_strdup_printf (_("Area: no area with the code or name “%s” is in the register"),
                                                             area_name));
    }

  if (!ar_table_import_read_choice (ar_table_import_cell (self, index, "kind"), _("Organisation kind"),
                                    ar_organisation_kinds, &kind, &problem) ||
      !ar_table_import_read_choice (ar_table_import_cell (self, index, "status"), _("Status"),
                                    ar_school_statuses, &status, &problem) ||
      !ar_table_import_read_date (ar_table_import_cell (self, index, "open_date"), _("Opened"),
                                  &open_date, notes, &problem) ||
      !ar_table_import_read_date (ar_table_import_cell (self, index, "close_date"), _("Closed"),
                                  &close_date, notes, &problem))
    return ar_table_import_refuse (row, g_steal_pointer (&problem));

  organisation = kind != NULL && urn[0] == '\0';
  if (kind != NULL && urn[0] != '\0')
    return ar_table_import_refuse (row, g_strdup (_("Organisation kind: a school with a URN has no organisation kind")));
  if (organisation && (ar_table_import_cell (self, index, "phase")[0] || ar_table_import_cell (self, index, "type")[0] ||
                       status != NULL || open_date != NULL || close_date != NULL))
    return ar_table_import_refuse (row, g_strdup (_("Organisation kind: an organisation has no phase, type, status or dates; leave the kind empty for a school")));
  if (name[0] == '\0' && g_hash_table_lookup (lookups->schools_by_urn, urn) == NULL)
    return ar_table_import_refuse (row, g_strdup_printf (_("Name: no school with URN “%s” is in the register, and the row gives no name"),
                                                         urn));

  if (organisation)
    {
      g_autofree char *folded = ar_table_import_fold (name);

      key = g_strdup_printf ("organisation:%s|%s", folded, kind);
      record = g_hash_table_lookup (state->new_records, key);
      if (record == NULL && (record = find_organisation (lookups, name, kind, &problem)) == NULL && problem != NULL)
        return ar_table_import_refuse (row, g_steal_pointer (&problem));
      if (record == NULL)
        {
          record = g_object_new (AR_TYPE_ORGANISATION, NULL);
          ar_record_set_text (record, "name", name);
          ar_record_set_text (record, "kind", kind);
          created = TRUE;
        }
      else
        ar_table_import_update_field (record, "kind", _("kind"), kind, changes);
    }
  else
    {
      g_autofree char *folded = ar_table_import_fold (name);

      key = urn[0] ? g_strdup_printf ("school:%s", urn)
                   : g_strdup_printf ("school:|%s|%" G_GINT64_FORMAT, folded, area ? ar_record_get_id (area) : 0);
      record = g_hash_table_lookup (state->new_records, key);
      if (record == NULL && urn[0] != '\0')
        record = g_hash_table_lookup (lookups->schools_by_urn, urn);
      else if (record == NULL && (record = find_school_by_name (lookups, name, area, &problem)) == NULL && problem != NULL)
        return ar_table_import_refuse (row, g_steal_pointer (&problem));
      if (record == NULL)
        {
          record = g_object_new (AR_TYPE_SCHOOL, NULL);
          ar_record_set_text (record, "urn", urn[0] ? urn : NULL);
          ar_record_set_text (record, "name", name);
          created = TRUE;
        }
      else
        ar_table_import_update_field (record, "name", _("name"), name, changes);

      ar_table_import_update_field (record, "phase", _("phase"), ar_table_import_cell (self, index, "phase"), changes);
      ar_table_import_update_field (record, "type", _("type"), ar_table_import_cell (self, index, "type"), changes);
      ar_table_import_update_field (record, "status", _("status"), status, changes);
      ar_table_import_update_field (record, "open_date", _("opened"), open_date, changes);
      ar_table_import_update_field (record, "close_date", _("closed"), close_date, changes);
      ar_table_import_update_field (record, "postcode", _("postcode"), ar_table_import_cell (self, index, "postcode"), changes);
      ar_table_import_update_field (record, "town", _("town"), ar_table_import_cell (self, index, "town"), changes);
    }
  ar_table_import_update_link (record, "area_id", _("area"), area, changes);
  ar_table_import_update_field (record, "notes", _("notes"), ar_table_import_cell (self, index, "notes"), changes);


  if (!ar_record_validate (record, &error))
    {
      if (created)
        g_object_unref (record);
      return ar_table_import_refuse (row, g_strdup (error->message));
    }
  if (created)
    g_hash_table_insert (state->new_records, g_steal_pointer (&key), record);

  if (created)
    {
      row->action = AR_TABLE_ROW_ADD;
      row->message = g_strdup_printf (organisation ? _("adds the organisation %s") : _("adds %s"), row->name);
      ar_table_import_add_write (row, record, NULL, NULL);
    }
  else if (changes->len > 0)
    {
      row->action = AR_TABLE_ROW_UPDATE;
      row->message = g_strdup_printf (_("updates %s: %s"), row->name, changes->str);
      ar_table_import_add_write (row, record, NULL, NULL);
    }
  else
    {
      row->action = AR_TABLE_ROW_UNCHANGED;
      row->message = g_strdup_printf (_("%s is already in the register"), row->name);
    }

  if (notes->len > 0)
    ar_table_import_append (row, notes->str);
}
