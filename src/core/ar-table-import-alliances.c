/* ar-table-import-alliances.c: a sheet of alliances, their members and
 * partners
 *
 * A row names an alliance and, optionally, one member school or partner
 * organisation with its role and dates; rows naming one alliance make one
 * alliance. The Alliances list's own export (name, teaching school,
 * designated, ended, and a count of members) reads back unchanged.
 *
 * Matching:
 * - an alliance by name (any case); when the register holds several of
 *   that name, the one with the row's teaching school;
 * - a member school by URN or by a name only one school has, a partner by
 *   its name; a membership by alliance and school (or partner), and by
 *   joining date when the row gives one.
 * The teaching school is held by the alliance alone (schema version 4):
 * a member whose role is "Teaching school" becomes a plain member and
 * the alliance's teaching school, and two rows that give one alliance
 * different teaching schools are refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-table-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ar-alliance.h"
#include "ar-alliance-member.h"
#include "ar-record-table.h"
#include "ar-table-import-private.h"

static const char *alliance_headers[] = { "alliance", "alliance name", "name", "teaching school alliance", "tsa", NULL };
static const char *teaching_school_headers[] = { "teaching school", "lead school", "teaching school name", "hub school", NULL };
static const char *teaching_school_urn_headers[] = { "teaching school urn", "lead school urn", NULL };
static const char *designated_headers[] = { "designated", "designated on", "date designated", "designation date", NULL };
static const char *ended_headers[] = { "ended", "ended on", "end date", "de designated", "closed", NULL };
static const char *network_headers[] = { "network", NULL };
static const char *member_headers[] = { "member", "member school", "school", "school name", "member name", NULL };
static const char *member_urn_headers[] = { "urn", "member urn", "school urn", NULL };
static const char *partner_headers[] = { "partner", "strategic partner", "partner organisation", "organisation", "organization", NULL };
static const char *member_role_headers[] = { "role", "role in the alliance", "membership", "member role", NULL };
static const char *leads_on_headers[] = { "leads on", NULL };
static const char *joined_headers[] = { "joined", "joined on", "member since", "date joined", NULL };
static const char *left_headers[] = { "left", "left on", "date left", NULL };
static const char *notes_headers[] = { "notes", "note", "comments", "comment", NULL };

const ArTableField ar_table_alliance_fields[] = {
  { "name", N_("Alliance"), alliance_headers },
  { "teaching_school", N_("Teaching school"), teaching_school_headers },
  { "teaching_school_urn", N_("Teaching school URN"), teaching_school_urn_headers },
  { "designated_on", N_("Designated"), designated_headers },
  { "ended_on", N_("Ended"), ended_headers },
  { "network", N_("Network"), network_headers },
  { "member", N_("Member school"), member_headers },
  { "member_urn", N_("Member URN"), member_urn_headers },
  { "partner", N_("Partner"), partner_headers },
  { "member_role", N_("Role in the alliance"), member_role_headers },
  { "leads_on", N_("Leads on"), leads_on_headers },
  { "joined_on", N_("Joined"), joined_headers },
  { "left_on", N_("Left"), left_headers },
  { "notes", N_("Notes"), notes_headers },
};
const guint ar_table_n_alliance_fields = G_N_ELEMENTS (ar_table_alliance_fields);

/* what a row may give as a member's role: the stored ones, and the
 * teaching school, which the alliance holds */
static const char * const row_roles[] = { "teaching-school", "strategic-partner", "supported-school", "member", NULL };

/* A school by URN, else by a name only one school has; "" finds none. */
static gboolean
find_school (Lookups     *lookups,
             const char  *urn,
             const char  *name,
             const char  *label,
             ArRecord   **school,
             char       **problem)
{
  g_autofree char *why = NULL;

  *school = NULL;
  if (urn[0] != '\0')
    {
      *school = g_hash_table_lookup (lookups->schools_by_urn, urn);
      if (*school == NULL)
        *problem = g_strdup_printf (_("%s: no school with URN “%s” is in the register; import its GIAS data first"),
                                    label, urn);
      return *school != NULL;
    }
  if (name[0] == '\0')
    return TRUE;

  *school = ar_table_import_find_by_name (lookups->schools_by_name, name, _("school"), &why);
  if (*school == NULL)
    *problem = g_strdup_printf ("%s: %s", label, why);

  return *school != NULL;
}

/* The alliance @name: one this file made, else the register's one of
 * that name (with @teaching_school when several have it). */
static ArRecord *
find_alliance (Lookups     *lookups,
               PlanState   *state,
               const char  *name,
               ArRecord    *teaching_school,
               gboolean    *created,
               char       **problem)
{
  g_autofree char *folded = ar_table_import_fold (name);
  g_autofree char *key = g_strconcat ("alliance:", folded, NULL);
  GPtrArray *list = g_hash_table_lookup (lookups->alliances, folded);
  ArRecord *alliance = g_hash_table_lookup (state->new_records, key);

  *created = FALSE;
  if (alliance != NULL)
    return alliance;

  if (list != NULL && list->len == 1)
    return list->pdata[0];

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (teaching_school != NULL &&
        ar_record_get_integer (list->pdata[i], "lead_school_id") == ar_record_get_id (teaching_school))
      return list->pdata[i];

  if (list != NULL)
    {
      *problem = g_strdup_printf (_("Alliance: %u alliances are called “%s”; give the teaching school to say which"),
                                  list->len, name);
      return NULL;
    }

  alliance = g_object_new (AR_TYPE_ALLIANCE, NULL);
  ar_record_set_text (alliance, "name", name);
  g_hash_table_insert (state->new_records, g_steal_pointer (&key), alliance);
  *created = TRUE;

  return alliance;
}

/* The register's membership of @school or @partner in @alliance: with
 * @joined_on when the row gives it, else the current one. */
static ArRecord *
find_membership (Lookups    *lookups,
                 ArRecord   *alliance,
                 ArRecord   *school,
                 ArRecord   *partner,
                 const char *joined_on)
{
  g_autofree char *key = NULL;
  GPtrArray *list;
  ArRecord *found = NULL;

  if (ar_record_get_id (alliance) == 0)
    return NULL;

  key = g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                         ar_record_get_id (alliance),
                         school ? ar_record_get_id (school) : 0,
                         partner ? ar_record_get_id (partner) : 0);
  list = g_hash_table_lookup (lookups->memberships, key);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      ArRecord *member = list->pdata[i];
      const char *joined = ar_record_get_text (member, "joined_on");

      if (joined_on != NULL)
        {
          if (g_strcmp0 (joined, joined_on) == 0 || joined == NULL)
            return member;
        }
      else if (ar_record_get_text (member, "left_on") == NULL || found == NULL)
        found = member;
    }

  return found;
}

static void
list_change (GString    *changes,
             const char *label)
{
  g_string_append_printf (changes, "%s%s", changes->len ? ", " : "", label);
}

void
ar_table_import_plan_alliance (ArTableImport *self,
                               Lookups       *lookups,
                               PlanState     *state,
                               guint          index,
                               PlanRow       *row)
{
  g_autofree char *problem = NULL;
  g_autofree char *designated_on = NULL;
  g_autofree char *ended_on = NULL;
  g_autofree char *joined_on = NULL;
  g_autofree char *left_on = NULL;
  g_autofree char *teaching_key = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GString) added = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *name = ar_table_import_cell (self, index, "name");
  const char *partner_name = ar_table_import_cell (self, index, "partner");
  const char *leads_on = ar_table_import_cell (self, index, "leads_on");
  const char *role = NULL;
  ArRecord *teaching_school = NULL;
  ArRecord *school = NULL;
  ArRecord *partner = NULL;
  ArRecord *alliance;
  ArRecord *planned_teaching;
  gboolean created;
  gboolean alliance_changed;

  if (name[0] == '\0')
    return ar_table_import_refuse (row, g_strdup (_("Alliance: the row has no alliance name")));
  row->name = g_strdup (name);

  if (!find_school (lookups, ar_table_import_cell (self, index, "teaching_school_urn"),
                    ar_table_import_cell (self, index, "teaching_school"), _("Teaching school"),
                    &teaching_school, &problem) ||
      !find_school (lookups, ar_table_import_cell (self, index, "member_urn"),
                    ar_table_import_cell (self, index, "member"), _("Member school"),
                    &school, &problem))
    return ar_table_import_refuse (row, g_steal_pointer (&problem));
  if (partner_name[0] != '\0' &&
      (partner = ar_table_import_find_by_name (lookups->organisations, partner_name, _("organisation"), &problem)) == NULL)
    {
      g_autofree char *why = g_steal_pointer (&problem);

      return ar_table_import_refuse (row, g_strdup_printf (_("Partner: %s"), why));
    }
  if (school != NULL && partner != NULL)
    return ar_table_import_refuse (row, g_strdup (_("Partner: a row names one member, a school or a partner, not both")));

  if (!ar_table_import_read_choice (ar_table_import_cell (self, index, "member_role"), _("Role in the alliance"),
                                    row_roles, &role, &problem) ||
      !ar_table_import_read_date (ar_table_import_cell (self, index, "designated_on"), _("Designated"),
                                  &designated_on, notes, &problem) ||
      !ar_table_import_read_date (ar_table_import_cell (self, index, "ended_on"), _("Ended"),
                                  &ended_on, notes, &problem) ||
      !ar_table_import_read_date (ar_table_import_cell (self, index, "joined_on"), _("Joined"),
                                  &joined_on, notes, &problem) ||
      !ar_table_import_read_date (ar_table_import_cell (self, index, "left_on"), _("Left"),
                                  &left_on, notes, &problem))
    return ar_table_import_refuse (row, g_steal_pointer (&problem));

  /* the teaching school is the alliance's, never a member's role */
  if (g_strcmp0 (role, "teaching-school") == 0)
    {
      if (school == NULL)
        return ar_table_import_refuse (row, g_strdup (_("Role in the alliance: only a school can be the teaching school")));
      if (teaching_school != NULL && teaching_school != school)
        return ar_table_import_refuse (row, g_strdup (_("Role in the alliance: the row names another school as the teaching school")));
      teaching_school = school;
      role = "member";
    }
  if ((school != NULL || partner != NULL) && role == NULL)
    role = partner != NULL ? "strategic-partner" : "member";
  if (school == NULL && partner == NULL &&
      (role != NULL || joined_on != NULL || left_on != NULL || leads_on[0] != '\0'))
    return ar_table_import_refuse (row, g_strdup (_("Member school: the row gives a member's role or dates but no school or partner")));

  alliance = find_alliance (lookups, state, name, teaching_school, &created, &problem);
  if (alliance == NULL)
    return ar_table_import_refuse (row, g_steal_pointer (&problem));

  /* one teaching school per alliance in one file */
  teaching_key = g_strdup_printf ("teaching:%p", (void *) alliance);
  planned_teaching = g_hash_table_lookup (state->planned, teaching_key);
  if (teaching_school != NULL && planned_teaching != NULL && planned_teaching != teaching_school)
    return ar_table_import_refuse (row, g_strdup_printf (_("Teaching school: an earlier row gives “%s” another teaching school, “%s”"),
                                                         name, ar_record_get_text (planned_teaching, "name")));
  if (teaching_school != NULL && planned_teaching == NULL)
    g_hash_table_insert (state->planned, g_steal_pointer (&teaching_key), teaching_school);

  ar_table_import_update_link (alliance, "lead_school_id", _("teaching school"), teaching_school, changes);
  ar_table_import_update_field (alliance, "designated_on", _("designated"), designated_on, changes);
  ar_table_import_update_field (alliance, "ended_on", _("ended"), ended_on, changes);
  ar_table_import_update_field (alliance, "network", _("network"), ar_table_import_cell (self, index, "network"), changes);
  ar_table_import_update_field (alliance, "notes", _("notes"), ar_table_import_cell (self, index, "notes"), changes);
  if (!ar_record_validate (alliance, &error))
    return ar_table_import_refuse (row, g_strdup (error->message));
  alliance_changed = created || changes->len > 0;
  /* a later row's member needs the alliance's id: write it in any case */
  ar_table_import_add_write (row, alliance, NULL, NULL);

  if (school != NULL || partner != NULL)
    {
      ArRecord *linked = school ? school : partner;
      const char *member_name = ar_record_get_text (linked, "name");
      g_autofree char *planned_key = g_strdup_printf ("member:%p|%p|%s", (void *) alliance, (void *) linked,
                                                      joined_on ? joined_on : "");
      ArRecord *member = g_hash_table_lookup (state->planned, planned_key);
      g_autoptr(GString) member_changes = g_string_new (NULL);
      gboolean new_member = FALSE;

      if (member == NULL)
        member = find_membership (lookups, alliance, school, partner, joined_on);
      if (member == NULL)
        {
          member = g_object_new (AR_TYPE_ALLIANCE_MEMBER, NULL);
          ar_record_set_integer (member, school ? "school_id" : "organisation_id", ar_record_get_id (linked));
          ar_record_set_text (member, "role", role);
          g_hash_table_insert (state->new_records, g_strdup (planned_key), member);
          new_member = TRUE;
        }
      g_hash_table_insert (state->planned, g_steal_pointer (&planned_key), member);

      if (!new_member && ar_table_import_cell (self, index, "member_role")[0] != '\0')
        ar_table_import_update_field (member, "role", _("role"), role, member_changes);
      ar_table_import_update_field (member, "leads_on", _("leads on"), leads_on, member_changes);
      ar_table_import_update_field (member, "joined_on", _("joined"), joined_on, member_changes);
      ar_table_import_update_field (member, "left_on", _("left"), left_on, member_changes);

      /* the alliance may not be written yet: any id passes validation */
      ar_record_set_integer (member, "alliance_id", ar_record_get_id (alliance) ? ar_record_get_id (alliance) : G_MAXINT32);
      if (!ar_record_validate (member, &error))
        return ar_table_import_refuse (row, g_strdup (error->message));
      ar_record_set_integer (member, "alliance_id", ar_record_get_id (alliance));

      if (new_member || member_changes->len > 0)
        {
          ar_table_import_add_write (row, member, alliance, "alliance_id");
          if (new_member)
            g_string_append_printf (added, _("%s (%s)"), member_name, ar_choice_label (role));
          else
            {
              g_autofree char *what = g_strdup_printf (_("%s’s %s"), member_name, member_changes->str);

              list_change (changes, what);
            }
        }
    }

  if (created)
    {
      row->action = AR_TABLE_ROW_ADD;
      row->message = g_strdup_printf (_("adds %s"), name);
    }
  else if (alliance_changed || changes->len > 0 || added->len > 0)
    {
      row->action = AR_TABLE_ROW_UPDATE;
      row->message = changes->len
        ? g_strdup_printf (_("updates %s: %s"), name, changes->str)
        : g_strdup_printf (_("updates %s"), name);
    }
  else
    {
      row->action = AR_TABLE_ROW_UNCHANGED;
      row->message = g_strdup_printf (_("%s is already in the register"), name);
    }

  if (added->len > 0)
    {
      g_autofree char *with = g_strdup_printf (_(", with member %s"), added->str);

      ar_table_import_append (row, with);
    }
  if (notes->len > 0)
    ar_table_import_append (row, notes->str);
}
