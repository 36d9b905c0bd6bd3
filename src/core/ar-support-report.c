/* ar-support-report.c: "Support in <area>", the deployments active on a
 * date or during a period, and its text outputs
 *
 * One model feeds every output, as the summary's does: text, CSV, HTML,
 * Markdown, JSON and .xlsx here, PDF and ODT in src/report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-support-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "ar-core.h"
#include "ar-support-report.h"
#include "ar-xlsx-writer.h"

typedef struct
{
  char   *cells[AR_SUPPORT_N_COLUMNS];
  /* as stored, for JSON */
  char   *school;
  char   *supporter;
  char   *kind;
  char   *focus;
  char   *starts_on;
  char   *ends_on;
  gint64  days_agreed;
  gint64  days_delivered;
  char   *status;
  char   *commissioned_by;
  char   *outcome;
} Row;

struct _ArSupportReport
{
  GObject    parent_instance;

  char      *area_code;
  char      *area_name;
  char      *from;
  char      *to;
  char      *title;
  char      *heading;
  char      *period;
  char      *totals;
  guint      n_schools;
  gint64     days_agreed;
  gint64     days_delivered;
  GPtrArray *rows;
};

G_DEFINE_FINAL_TYPE (ArSupportReport, ar_support_report, G_TYPE_OBJECT)

static const char * const column_titles[AR_SUPPORT_N_COLUMNS] = {
  N_("Supported school"),
  N_("Supporter and role"),
  N_("Focus"),
  N_("Dates"),
  N_("Days delivered"),
  N_("Status"),
};

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    g_free (row->cells[c]);
  g_free (row->school);
  g_free (row->supporter);
  g_free (row->kind);
  g_free (row->focus);
  g_free (row->starts_on);
  g_free (row->ends_on);
  g_free (row->status);
  g_free (row->commissioned_by);
  g_free (row->outcome);
  g_free (row);
}

static void
ar_support_report_finalize (GObject *object)
{
  ArSupportReport *self = AR_SUPPORT_REPORT (object);

  g_free (self->area_code);
  g_free (self->area_name);
  g_free (self->from);
  g_free (self->to);
  g_free (self->title);
  g_free (self->heading);
  g_free (self->period);
  g_free (self->totals);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (ar_support_report_parent_class)->finalize (object);
}

static void
ar_support_report_class_init (ArSupportReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ar_support_report_finalize;
}

static void
ar_support_report_init (ArSupportReport *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
}

/* "1 Sep 2026": the dates column is narrow. */
static char *
short_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (!ar_date_is_valid (iso_date))
    return g_strdup (iso_date ? iso_date : "");

  sscanf (iso_date, "%d-%d-%d", &year, &month, &day);
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  /* Translators: a short date in the support report, see strftime(3): "1 Sep 2026" */
  return g_date_time_format (date, _("%-d %b %Y"));
}

static char *
format_dates (const char *starts_on,
              const char *ends_on)
{
  g_autofree char *start = short_date (starts_on);
  g_autofree char *end = short_date (ends_on);

  if (starts_on != NULL && ends_on != NULL)
    /* Translators: a deployment's dates: "1 Sep 2026 – 31 Jul 2027" */
    return g_strdup_printf (_("%s – %s"), start, end);
  if (starts_on != NULL)
    /* Translators: a deployment with no end date yet */
    return g_strdup_printf (_("from %s"), start);
  if (ends_on != NULL)
    return g_strdup_printf (_("until %s"), end);

  return g_strdup (_("dates not known"));
}

static char *
format_period (const char *from,
               const char *to)
{
  g_autofree char *first = ar_date_format_long (from);
  g_autofree char *last = ar_date_format_long (to);

  if (from != NULL && to != NULL && g_str_equal (from, to))
    return g_strdup_printf (_("As at %s"), first);
  if (from != NULL && to != NULL)
    /* Translators: the period of the support report */
    return g_strdup_printf (_("From %s to %s"), first, last);
  if (from != NULL)
    return g_strdup_printf (_("From %s"), first);

  return g_strdup_printf (_("Up to %s"), last);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *row_a = *(Row **) a;
  const Row *row_b = *(Row **) b;
  int order = g_utf8_collate (row_a->school ? row_a->school : "", row_b->school ? row_b->school : "");

  if (order != 0)
    return order;

  return g_strcmp0 (row_a->starts_on, row_b->starts_on);
}

/**
 * ar_support_report_compute:
 * @area: an area's code or name
 * @from: (nullable): the period's first day, `YYYY-MM-DD`
 * @to: (nullable): its last day; with @from the same day, the report is
 *   as at that date; with neither, as at today
 *
 * Picks the deployments for schools in @area that were active on any day
 * of the period (ar_deployment_overlaps()), by supported school and start.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
ArSupportReport *
ar_support_report_compute (ArStore     *store,
                           const char  *area,
                           const char  *from,
                           const char  *to,
                           GError     **error)
{
  g_autoptr(ArSupportReport) self = NULL;
  g_autoptr(ArRecord) area_record = NULL;
  g_autoptr(ArRecordTable) table = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GHashTable) schools = NULL;
  g_autofree char *today = NULL;
  g_autofree char *days = NULL;
  g_autofree char *counts = NULL;
  const ArSection *section = ar_section_find ("deployments");
  int school_column, supporter_column, kind_column;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);
  g_return_val_if_fail (area != NULL, NULL);

  if (from == NULL && to == NULL)
    from = to = today = ar_date_today ();
  if ((from != NULL && !ar_dates_check (NULL, from, error))
      || (to != NULL && !ar_dates_check (NULL, to, error)))
    return NULL;
  if (from != NULL && to != NULL && strcmp (to, from) < 0)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                   _("The period ends (%s) before it starts (%s)"), to, from);
      return NULL;
    }

  area_record = ar_store_find_area (store, area, error);
  if (area_record == NULL)
    return NULL;

  table = ar_record_table_new (section->get_type (), section->columns, section->n_columns);
  ar_record_table_set_area_link (table, section->area_link);
  records = ar_record_table_select (table, store, ar_record_get_id (area_record), NULL, error);
  if (records == NULL)
    return NULL;
  school_column = ar_record_table_find_column (table, AR_COLUMN_LINK);
  supporter_column = ar_record_table_find_column (table, AR_COLUMN_DEPLOYMENT_SUPPORTER);
  kind_column = ar_record_table_find_column (table, AR_COLUMN_DEPLOYMENT_KIND);

  self = g_object_new (AR_TYPE_SUPPORT_REPORT, NULL);
  self->area_code = g_strdup (ar_record_get_text (area_record, "code"));
  self->area_name = g_strdup (ar_record_get_text (area_record, "name"));
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  /* Translators: the support report's title: "Support in Leicestershire" */
  self->title = g_strdup_printf (_("Support in %s"), self->area_name);
  self->period = format_period (from, to);
  schools = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (records, i);
      const char *kind;
      gint64 school_id;
      Row *row;

      if (!ar_deployment_overlaps (AR_DEPLOYMENT (record), from, to))
        continue;

      row = g_new0 (Row, 1);
      kind = ar_record_get_integer (record, "supporter_designation_id") != 0
             ? ar_record_table_get_cell (table, record, kind_column) : AR_DEPLOYMENT_KIND_SCHOOL;
      if (kind == NULL)
        kind = "";
      row->school = g_strdup (ar_record_table_get_cell (table, record, school_column));
      row->supporter = g_strdup (ar_record_table_get_cell (table, record, supporter_column));
      row->kind = g_strdup (kind);
      row->focus = g_strdup (ar_record_get_text (record, "focus"));
      row->starts_on = g_strdup (ar_record_get_text (record, "starts_on"));
      row->ends_on = g_strdup (ar_record_get_text (record, "ends_on"));
      row->days_agreed = ar_record_get_integer (record, "days_agreed");
      row->days_delivered = ar_record_get_integer (record, "days_delivered");
      row->status = g_strdup (ar_record_get_text (record, "status"));
      row->commissioned_by = g_strdup (ar_record_get_text (record, "commissioned_by"));
      row->outcome = g_strdup (ar_record_get_text (record, "outcome"));

      row->cells[AR_SUPPORT_COLUMN_SCHOOL] = g_strdup (row->school ? row->school : "");
      /* Translators: a supporter and their role: "Amelia Ashworth (NLE)" */
      row->cells[AR_SUPPORT_COLUMN_SUPPORTER] = g_strdup_printf (_("%s (%s)"), row->supporter ? row->supporter : "",
                                                                 g_str_equal (kind, AR_DEPLOYMENT_KIND_SCHOOL)
                                                                 ? _("school-to-school") : kind);
      row->cells[AR_SUPPORT_COLUMN_FOCUS] = g_strdup (row->focus ? row->focus : "");
      row->cells[AR_SUPPORT_COLUMN_DATES] = format_dates (row->starts_on, row->ends_on);
      /* Translators: days delivered of days agreed: "14 of 40" */
      row->cells[AR_SUPPORT_COLUMN_DAYS] = g_strdup_printf (_("%lu of %lu"), (gulong) row->days_delivered,
                                                            (gulong) row->days_agreed);
      row->cells[AR_SUPPORT_COLUMN_STATUS] = g_strdup (ar_choice_label (row->status));
      g_ptr_array_add (self->rows, row);

      school_id = ar_record_get_integer (record, "school_id");
      g_hash_table_add (schools, g_memdup2 (&school_id, sizeof school_id));
      self->days_agreed += row->days_agreed;
      self->days_delivered += row->days_delivered;
    }
  g_ptr_array_sort (self->rows, compare_rows);
  self->n_schools = g_hash_table_size (schools);

  /* Counts are far below G_MAXULONG; gettext cannot see G_GINT64_FORMAT. */
  counts = g_strdup_printf (ngettext ("%u deployment for %u schools", "%u deployments for %u schools",
                                      self->rows->len), self->rows->len, self->n_schools);
  if (self->n_schools == 1)
    {
      g_free (counts);
      counts = g_strdup_printf (ngettext ("%u deployment for one school", "%u deployments for one school",
                                          self->rows->len), self->rows->len);
    }
  days = g_strdup_printf (ngettext ("%lu day delivered of %lu agreed", "%lu days delivered of %lu agreed",
                                    (gulong) self->days_delivered),
                          (gulong) self->days_delivered, (gulong) self->days_agreed);
  /* Translators: the report's last line: "12 deployments for 9 schools; 85 days delivered of 150 agreed" */
  self->totals = self->rows->len == 0 ? g_strdup (_("No deployments in this period"))
                                      : g_strdup_printf (_("%s; %s"), counts, days);

  return g_steal_pointer (&self);
}

const char *
ar_support_report_get_title (ArSupportReport *self)
{
  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), NULL);
  return self->title;
}

/**
 * ar_support_report_get_heading:
 *
 * Returns: (nullable): a heading above the title, such as "Appendix C"
 */
const char *
ar_support_report_get_heading (ArSupportReport *self)
{
  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), NULL);
  return self->heading;
}

void
ar_support_report_set_heading (ArSupportReport *self,
                               const char      *heading)
{
  g_return_if_fail (AR_IS_SUPPORT_REPORT (self));

  g_free (self->heading);
  self->heading = heading != NULL && heading[0] != '\0' ? g_strdup (heading) : NULL;
}

/**
 * ar_support_report_get_period:
 *
 * Returns: the line under the title: "As at 1 December 2026" or
 *   "From 1 September 2026 to 31 December 2026"
 */
const char *
ar_support_report_get_period (ArSupportReport *self)
{
  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), NULL);
  return self->period;
}

/**
 * ar_support_report_get_totals:
 *
 * Returns: the line under the table: how many deployments, for how many
 *   schools, and the days delivered of those agreed
 */
const char *
ar_support_report_get_totals (ArSupportReport *self)
{
  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), NULL);
  return self->totals;
}

const char *
ar_support_report_get_column_title (ArSupportReport *self,
                                    guint            column)
{
  g_return_val_if_fail (column < AR_SUPPORT_N_COLUMNS, NULL);
  return _(column_titles[column]);
}

guint
ar_support_report_get_n_rows (ArSupportReport *self)
{
  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), 0);
  return self->rows->len;
}

const char *
ar_support_report_get_cell (ArSupportReport *self,
                            guint            row,
                            guint            column)
{
  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < AR_SUPPORT_N_COLUMNS, NULL);

  return ((Row *) g_ptr_array_index (self->rows, row))->cells[column];
}

/* Plain text ---------------------------------------------------------- */

/* Widest a column gets before its text wraps; the table fits 110 columns. */
static const guint text_widths[AR_SUPPORT_N_COLUMNS] = { 26, 26, 18, 25, 14, 13 };

static void
append_text_lines (GString     *out,
                   const char **cells,
                   const guint *widths)
{
  char **lines[AR_SUPPORT_N_COLUMNS] = { NULL };
  guint n = 0;

  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    {
      g_autofree char *wrapped = ar_text_wrap (cells[c], widths[c]);

      lines[c] = g_strsplit (wrapped, "\n", -1);
      n = MAX (n, g_strv_length (lines[c]));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
        {
          const char *part = i < g_strv_length (lines[c]) ? lines[c][i] : "";

          g_string_append (line, part);
          if (c + 1 < AR_SUPPORT_N_COLUMNS)
            for (glong pad = g_utf8_strlen (part, -1); pad < (glong) widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (out, "%s\n", line->str);
    }

  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    g_strfreev (lines[c]);
}

/**
 * ar_support_report_to_text:
 *
 * Returns: (transfer full): the report as a plain-text table, cells
 *   wrapped, for a terminal or an email
 */
char *
ar_support_report_to_text (ArSupportReport *self)
{
  GString *out = g_string_new (NULL);
  const char *titles[AR_SUPPORT_N_COLUMNS];
  guint widths[AR_SUPPORT_N_COLUMNS];
  guint total = 0;

  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), NULL);

  /* as wide as the widest cell, up to the column's limit */
  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    {
      titles[c] = ar_support_report_get_column_title (self, c);
      widths[c] = MIN (text_widths[c], (guint) g_utf8_strlen (titles[c], -1));
      for (guint r = 0; r < self->rows->len; r++)
        widths[c] = MAX (widths[c], MIN (text_widths[c], (guint) g_utf8_strlen (ar_support_report_get_cell (self, r, c), -1)));
      total += widths[c] + (c + 1 < AR_SUPPORT_N_COLUMNS ? 2 : 0);
    }

  if (self->heading != NULL)
    g_string_append_printf (out, "%s\n", self->heading);
  g_string_append_printf (out, "%s\n%s\n\n", self->title, self->period);

  append_text_lines (out, titles, widths);
  for (guint i = 0; i < total; i++)
    g_string_append (out, "─");
  g_string_append_c (out, '\n');
  for (guint r = 0; r < self->rows->len; r++)
    append_text_lines (out, (const char **) ((Row *) g_ptr_array_index (self->rows, r))->cells, widths);

  g_string_append_printf (out, "\n%s\n", self->totals);

  return g_string_free (out, FALSE);
}

/* CSV ----------------------------------------------------------------- */

/**
 * ar_support_report_to_csv:
 *
 * Returns: (transfer full): a header row and one row per deployment, as
 *   the table shows them; CRLF line ends
 */
char *
ar_support_report_to_csv (ArSupportReport *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), NULL);

  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    {
      g_autofree char *cell = ar_csv_escape_cell (ar_support_report_get_column_title (self, c));
      g_string_append_printf (out, "%s%s", c ? "," : "", cell);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < self->rows->len; r++)
    {
      for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
        {
          g_autofree char *cell = ar_csv_escape_cell (ar_support_report_get_cell (self, r, c));
          g_string_append_printf (out, "%s%s", c ? "," : "", cell);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

/* HTML ---------------------------------------------------------------- */

static void
append_html (GString    *out,
             const char *format,
             const char *text)
{
  g_autofree char *escaped = ar_text_escape_markup (text);

  g_string_append_printf (out, format, escaped);
}

/**
 * ar_support_report_to_html:
 *
 * Returns: (transfer full): a whole HTML document with a real `<table>`,
 *   every text escaped
 */
char *
ar_support_report_to_html (ArSupportReport *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), NULL);

  g_string_append (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
  append_html (out, "<title>%s</title>\n", self->title);
  g_string_append (out,
                   "<style>\n"
                   "body { font-family: sans-serif; }\n"
                   "table { border-collapse: collapse; width: 100%; }\n"
                   "th, td { border: 1px solid #777; padding: 6px; text-align: left; vertical-align: top; }\n"
                   "th { background: #e8e8e8; }\n"
                   "</style>\n</head>\n<body>\n");
  if (self->heading != NULL)
    append_html (out, "<h2>%s</h2>\n", self->heading);
  append_html (out, "<h1>%s</h1>\n", self->title);
  append_html (out, "<p>%s</p>\n", self->period);

  g_string_append (out, "<table>\n<thead>\n<tr>");
  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    append_html (out, "<th>%s</th>", ar_support_report_get_column_title (self, c));
  g_string_append (out, "</tr>\n</thead>\n<tbody>\n");
  for (guint r = 0; r < self->rows->len; r++)
    {
      g_string_append (out, "<tr>");
      for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
        append_html (out, "<td>%s</td>", ar_support_report_get_cell (self, r, c));
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
  append_html (out, "<p>%s</p>\n", self->totals);
  g_string_append (out, "</body>\n</html>\n");

  return g_string_free (out, FALSE);
}

/* Markdown ------------------------------------------------------------ */

static void
append_markdown (GString    *out,
                 const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\|*_`[]#", *p) != NULL)
        g_string_append_c (out, '\\');
      if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else if (*p == '&')
        g_string_append (out, "&amp;");
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

/**
 * ar_support_report_to_markdown:
 *
 * Returns: (transfer full): the report as a Markdown table under its title
 */
char *
ar_support_report_to_markdown (ArSupportReport *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), NULL);

  if (self->heading != NULL)
    {
      g_string_append (out, "## ");
      append_markdown (out, self->heading);
      g_string_append (out, "\n\n");
    }
  g_string_append (out, "# ");
  append_markdown (out, self->title);
  g_string_append (out, "\n\n");
  append_markdown (out, self->period);
  g_string_append (out, "\n\n|");
  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    {
      g_string_append_c (out, ' ');
      append_markdown (out, ar_support_report_get_column_title (self, c));
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    g_string_append (out, "---|");
  g_string_append_c (out, '\n');
  for (guint r = 0; r < self->rows->len; r++)
    {
      g_string_append_c (out, '|');
      for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
        {
          g_string_append_c (out, ' ');
          append_markdown (out, ar_support_report_get_cell (self, r, c));
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  append_markdown (out, self->totals);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/* JSON ---------------------------------------------------------------- */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * ar_support_report_to_json:
 *
 * Returns: (transfer full): the report for other programs: each
 *   deployment's values as stored (codes, ISO dates, numbers), and the
 *   totals
 */
char *
ar_support_report_to_json (ArSupportReport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), NULL);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "format", "alliance-register-support");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "area");
  json_builder_begin_object (builder);
  add_string_or_null (builder, "code", self->area_code);
  add_string_or_null (builder, "name", self->area_name);
  json_builder_end_object (builder);
  add_string_or_null (builder, "from", self->from);
  add_string_or_null (builder, "to", self->to);
  add_string_or_null (builder, "heading", self->heading);
  add_string_or_null (builder, "title", self->title);
  add_string_or_null (builder, "period", self->period);

  json_builder_set_member_name (builder, "deployments");
  json_builder_begin_array (builder);
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "school", row->school);
      add_string_or_null (builder, "supporter", row->supporter);
      add_string_or_null (builder, "kind", row->kind);
      add_string_or_null (builder, "focus", row->focus);
      add_string_or_null (builder, "commissioned_by", row->commissioned_by);
      add_string_or_null (builder, "starts_on", row->starts_on);
      add_string_or_null (builder, "ends_on", row->ends_on);
      json_builder_set_member_name (builder, "days_agreed");
      json_builder_add_int_value (builder, row->days_agreed);
      json_builder_set_member_name (builder, "days_delivered");
      json_builder_add_int_value (builder, row->days_delivered);
      add_string_or_null (builder, "status", row->status);
      add_string_or_null (builder, "outcome", row->outcome);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "deployments");
  json_builder_add_int_value (builder, self->rows->len);
  json_builder_set_member_name (builder, "schools");
  json_builder_add_int_value (builder, self->n_schools);
  json_builder_set_member_name (builder, "days_agreed");
  json_builder_add_int_value (builder, self->days_agreed);
  json_builder_set_member_name (builder, "days_delivered");
  json_builder_add_int_value (builder, self->days_delivered);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

/* Spreadsheet --------------------------------------------------------- */

/**
 * ar_support_report_to_xlsx:
 *
 * The report's table with what a spreadsheet can count and sort by as
 * real values: the dates as two date columns and the days as two numbers,
 * where the other formats write "1 Sep 2026 – 31 Jul 2027" and "4 of 10".
 *
 * Returns: (transfer full): the .xlsx file, or %NULL with @error set
 */
GBytes *
ar_support_report_to_xlsx (ArSupportReport  *self,
                           GError          **error)
{
  g_autoptr(ArXlsxWriter) writer = NULL;

  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), NULL);

  /* Translators: the name of the spreadsheet's sheet that holds the support report */
  writer = ar_xlsx_writer_new (_("Support"), error);
  if (writer == NULL)
    return NULL;

  if (self->heading != NULL)
    ar_xlsx_writer_title (writer, self->heading, FALSE);
  ar_xlsx_writer_title (writer, self->title, TRUE);
  ar_xlsx_writer_title (writer, self->period, FALSE);
  ar_xlsx_writer_title (writer, NULL, FALSE);

  ar_xlsx_writer_header (writer, ar_support_report_get_column_title (self, AR_SUPPORT_COLUMN_SCHOOL));
  ar_xlsx_writer_header (writer, ar_support_report_get_column_title (self, AR_SUPPORT_COLUMN_SUPPORTER));
  ar_xlsx_writer_header (writer, ar_support_report_get_column_title (self, AR_SUPPORT_COLUMN_FOCUS));
  /* Translators: the support report's columns in a spreadsheet, where the
   * dates and the days are two columns each */
  ar_xlsx_writer_header (writer, _("Starts"));
  ar_xlsx_writer_header (writer, _("Ends"));
  ar_xlsx_writer_header (writer, ar_support_report_get_column_title (self, AR_SUPPORT_COLUMN_DAYS));
  ar_xlsx_writer_header (writer, _("Days agreed"));
  ar_xlsx_writer_header (writer, ar_support_report_get_column_title (self, AR_SUPPORT_COLUMN_STATUS));
  ar_xlsx_writer_end_row (writer);

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      ar_xlsx_writer_text (writer, row->cells[AR_SUPPORT_COLUMN_SCHOOL]);
      ar_xlsx_writer_text (writer, row->cells[AR_SUPPORT_COLUMN_SUPPORTER]);
      ar_xlsx_writer_text (writer, row->cells[AR_SUPPORT_COLUMN_FOCUS]);
      ar_xlsx_writer_date (writer, row->starts_on);
      ar_xlsx_writer_date (writer, row->ends_on);
      ar_xlsx_writer_number (writer, row->days_delivered);
      ar_xlsx_writer_number (writer, row->days_agreed);
      ar_xlsx_writer_text (writer, row->cells[AR_SUPPORT_COLUMN_STATUS]);
      ar_xlsx_writer_end_row (writer);
    }

  ar_xlsx_writer_title (writer, NULL, FALSE);
  ar_xlsx_writer_title (writer, self->totals, FALSE);

  return ar_xlsx_writer_finish (writer, error);
}

/**
 * ar_support_report_write:
 *
 * Returns: (transfer full): the report in @format (the text formats in
 *   UTF-8); PDF and ODT are written by the report library and refused here
 */
GBytes *
ar_support_report_write (ArSupportReport  *self,
                         ArSummaryFormat   format,
                         GError          **error)
{
  char *text;

  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (self), NULL);

  switch (format)
    {
    case AR_SUMMARY_FORMAT_TEXT:
      text = ar_support_report_to_text (self);
      break;

    case AR_SUMMARY_FORMAT_CSV:
      text = ar_support_report_to_csv (self);
      break;

    case AR_SUMMARY_FORMAT_HTML:
      text = ar_support_report_to_html (self);
      break;

    case AR_SUMMARY_FORMAT_MARKDOWN:
      text = ar_support_report_to_markdown (self);
      break;

    case AR_SUMMARY_FORMAT_JSON:
      text = ar_support_report_to_json (self);
      break;

    case AR_SUMMARY_FORMAT_XLSX:
      return ar_support_report_to_xlsx (self, error);

    case AR_SUMMARY_FORMAT_PDF:
    case AR_SUMMARY_FORMAT_ODT:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Core cannot write %s: use the report library"),
                   ar_summary_format_to_string (format));
      return NULL;
    }

  return g_bytes_new_take (text, strlen (text));
}
