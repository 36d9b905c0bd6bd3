/* ar-cli-list.c: alliance-register list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "ar-cli.h"

static char *
section_names (void)
{
  guint n_sections;
  const ArSection *sections = ar_sections (&n_sections);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < n_sections; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", sections[i].name);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
has_area (const ArSection *section)
{
  ArRecordClass *klass = g_type_class_ref (section->get_type ());
  gboolean found = section->area_link != NULL || ar_record_class_field_index (klass, "area_id") >= 0;

  g_type_class_unref (klass);
  return found;
}

/* One link as the window's list of links names it: the other end (a
 * member's school or partner), else the link itself (a designation). */
static char *
describe_link (ArStore          *store,
               const ArRelation *relation,
               ArRecord         *link)
{
  gint64 target = relation->target_field ? ar_record_get_integer (link, relation->target_field) : 0;

  if (target != 0)
    return ar_store_describe (store, relation->target_type (), target);
  if (relation->link_type () == AR_TYPE_ALLIANCE_MEMBER && ar_record_get_integer (link, "organisation_id") != 0)
    return ar_store_describe (store, AR_TYPE_ORGANISATION, ar_record_get_integer (link, "organisation_id"));

  return ar_record_describe (link);
}

/* `--links`: each record, then its lists of links, from core's relations
 * table, as its form shows them. */
static char *
links_to_text (ArStore     *store,
               GListModel  *records,
               GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_relations;
  const ArRelation *relations = ar_relations (&n_relations);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (records, i);
      g_autofree char *name = ar_record_describe (record);

      g_string_append_printf (out, "%s\n", name);
      for (guint r = 0; r < n_relations; r++)
        {
          const ArRelation *relation = &relations[r];
          g_autoptr(GListModel) links = NULL;
          guint n_links;

          if (relation->owner_type () != G_OBJECT_TYPE (record))
            continue;

          links = ar_store_list_where (store, relation->link_type (), relation->link_field,
                                       ar_record_get_id (record), error);
          if (links == NULL)
            return NULL;
          n_links = g_list_model_get_n_items (links);
          g_string_append_printf (out, "  %s:%s", _(relation->title), n_links ? "" : " -");
          for (guint l = 0; l < n_links; l++)
            {
              g_autoptr(ArRecord) link = g_list_model_get_item (links, l);
              g_autofree char *described = describe_link (store, relation, link);

              g_string_append_printf (out, "%s %s", l ? ";" : "", described);
            }
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * ar_cli_list:
 *
 * `list SECTION`: the records of one section, as the window lists them
 * (the same columns and search), for a terminal or a spreadsheet.
 */
int
ar_cli_list (int    argc,
             char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *area = NULL;
  g_autofree char *search = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *active_on = NULL;
  g_autofree char *names = section_names ();
  g_autofree char *description = g_strdup_printf (_("Lists the records of a section (%s) with the columns "
                                                     "the window shows, sorted by name."), names);
  gboolean sample = FALSE;
  gboolean with_links = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The register file (default: your register)"), N_("FILE") },
    { "sample", 's', 0, G_OPTION_ARG_NONE, &sample, N_("Use a fresh copy of the sample register"), NULL },
    { "area", 'a', 0, G_OPTION_ARG_STRING, &area, N_("Only records in this area, by code or name"), N_("CODE|NAME") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only records holding this text, in any case"), N_("TEXT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text, csv or xlsx (default: text)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file (default: standard output)"), N_("FILE") },
    { "links", 0, 0, G_OPTION_ARG_NONE, &with_links, N_("Each record with its links, as its form lists them (a school's trusts, alliances and leaders)"), NULL },
    { "active-on", 0, 0, G_OPTION_ARG_STRING, &active_on, N_("Deployments: only those active on this date"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArRecordTable) table = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ArSummaryFormat list_format = AR_SUMMARY_FORMAT_TEXT;
  const ArSection *section;
  gint64 area_id = 0;
  int status;

  if (!ar_cli_parse_options ("list", _("SECTION"), description, entries, &argc, &argv, &status))
    return status;

  /* argv[0] is the program, argv[1] "list" */
  if (argc != 3)
    {
      g_autofree char *message = g_strdup_printf (_("Name one section: %s"), names);
      return ar_cli_usage_error ("list", message);
    }
  section = ar_section_find (argv[2]);
  if (section == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No section “%s” (sections: %s)"), argv[2], names);
      return ar_cli_usage_error ("list", message);
    }
  if (sample && database != NULL)
    return ar_cli_usage_error ("list", _("--database and --sample cannot be used together"));
  if (format != NULL
      && (!ar_summary_format_from_string (format, &list_format)
          || (list_format != AR_SUMMARY_FORMAT_TEXT && list_format != AR_SUMMARY_FORMAT_CSV
              && list_format != AR_SUMMARY_FORMAT_XLSX)))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s” (use text, csv or xlsx)"), format);
      return ar_cli_usage_error ("list", message);
    }
  if (list_format == AR_SUMMARY_FORMAT_XLSX && (output == NULL || g_str_equal (output, "-"))
      && isatty (STDOUT_FILENO))
    return ar_cli_usage_error ("list", _("xlsx needs --output FILE"));
  if (area != NULL && !has_area (section))
    {
      g_autofree char *message = g_strdup_printf (_("%s have no area to choose by"), _(section->title));
      return ar_cli_usage_error ("list", message);
    }

  if (with_links && list_format != AR_SUMMARY_FORMAT_TEXT)
    return ar_cli_usage_error ("list", _("--links is for text only"));
  if (active_on != NULL && section->get_type () != AR_TYPE_DEPLOYMENT)
    return ar_cli_usage_error ("list", _("--active-on is for deployments only"));
  if (active_on != NULL && !ar_dates_check ("--active-on", active_on, &error))
    return ar_cli_usage_error ("list", error->message);

  store = ar_cli_open_store (database, sample, TRUE, &error);
  if (store == NULL)
    return ar_cli_fail (error);

  if (area != NULL)
    {
      g_autoptr(ArRecord) found = ar_store_find_area (store, area, &error);

      if (found == NULL)
        return ar_cli_fail (error);
      area_id = ar_record_get_id (found);
    }

  table = ar_record_table_new (section->get_type (), section->columns, section->n_columns);
  ar_record_table_set_area_link (table, section->area_link);
  records = ar_record_table_select (table, store, area_id, search, &error);
  if (records == NULL)
    return ar_cli_fail (error);

  if (active_on != NULL)
    {
      GListStore *active = g_list_store_new (section->get_type ());

      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(ArDeployment) deployment = g_list_model_get_item (records, i);

          if (ar_deployment_is_active_on (deployment, active_on))
            g_list_store_append (active, deployment);
        }
      g_object_unref (records);
      records = G_LIST_MODEL (active);
    }

  if (with_links)
    {
      char *text = links_to_text (store, records, &error);

      bytes = text != NULL ? g_bytes_new_take (text, strlen (text)) : NULL;
    }
  else
    bytes = ar_record_table_write (table, records, list_format, _(section->title), &error);
  if (bytes == NULL || !ar_cli_write_output (output, bytes, store, &error))
    return ar_cli_fail (error);

  return AR_CLI_EXIT_OK;
}
