/* ar-summary.c: the summary of system leadership in an area (Appendix B)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ar-core.h"
#include "ar-store-private.h"

struct _ArSummary
{
  GObject    parent_instance;

  char      *area_code;
  char      *area_name;
  char      *as_at;
  /* the second date the figures are compared with, or NULL */
  char      *compare_to;
  char      *figure_headings[3];
  char      *title;
  char      *heading;
  char      *count_heading;
  GPtrArray *rows;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ArSummary, ar_summary, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_HEADING,
  PROP_AREA_NAME,
  PROP_AS_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Each query gives three figures for the area: what holds on the date ?2,
 * the schools among it (MATs only), and what the register holds at any
 * date, which decides between 0 and the role's "no records" text. The date
 * rules themselves are ar_active() and ar_open(), from ar-dates.c.
 * Each inner query lists candidates with a flag `held` for the date. */
#define FIGURES(what, schools) \
  "SELECT count(DISTINCT CASE WHEN held THEN " what " END)," \
  " count(DISTINCT CASE WHEN held THEN " schools " END)," \
  " count(DISTINCT " what ") FROM "

#define SCHOOL_OPEN(s) "ar_open(" s ".open_date, " s ".close_date, " s ".status, ?2)"

/* TSA: alliances active on the date, while their teaching school, in the
 * area, is open. */
static const char tsa_sql[] =
  FIGURES ("id", "NULL")
  "(SELECT a.id AS id, ar_active(a.designated_on, a.ended_on, ?2) AND " SCHOOL_OPEN ("s") " AS held"
  " FROM alliance a JOIN school s ON s.id = a.lead_school_id WHERE s.area_id = ?1)";

/* MAT: open MATs with at least one open academy in the area that is a
 * member on the date; the second figure counts those schools once each. */
static const char mat_sql[] =
  FIGURES ("trust", "school")
  "(SELECT t.id AS trust, s.id AS school,"
  " ar_active(ta.joined_on, ta.left_on, ?2) AND " SCHOOL_OPEN ("s")
  " AND ar_open(t.opened_on, t.closed_on, t.status, ?2) AS held"
  " FROM trust t JOIN trust_academy ta ON ta.trust_id = t.id"
  " JOIN school s ON s.id = ta.school_id"
  " WHERE t.kind = 'mat' AND s.area_id = ?1)";

/* Designated leaders: people with the role on the date whose home school is
 * in the area, or, with no school, whose organisation is.
 * Each part starts from the area ("+d.role" keeps SQLite off the role's
 * index, CROSS JOIN keeps the order of the few organisations first), so
 * the time follows the area's size, not the country's. */
static const char leader_sql[] =
  FIGURES ("person", "NULL")
  "(SELECT p.id AS person, ar_active(d.starts_on, d.ends_on, ?2) AS held"
  " FROM school s JOIN person p ON p.school_id = s.id"
  " JOIN designation d ON d.person_id = p.id"
  " WHERE s.area_id = ?1 AND +d.role = ?3"
  " UNION ALL"
  " SELECT p.id AS person, ar_active(d.starts_on, d.ends_on, ?2) AS held"
  " FROM organisation o CROSS JOIN person p ON p.organisation_id = o.id"
  " CROSS JOIN designation d ON d.person_id = p.id"
  " WHERE o.area_id = ?1 AND p.school_id IS NULL AND +d.role = ?3)";

/* A national support school: a school open on the date and home to an NLE
 * active on it. The summary counts them by area; the editor asks about one
 * school. Both read these two fragments; both start from the school
 * ("+d.role" keeps SQLite off the index of every NLE in the country). */
#define NSS_CANDIDATES \
  " FROM designation d JOIN person p ON p.id = d.person_id" \
  " JOIN school s ON s.id = p.school_id WHERE +d.role = 'NLE'"
#define NSS_HELD "ar_active(d.starts_on, d.ends_on, ?2) AND " SCHOOL_OPEN ("s")

static const char nss_sql[] =
  FIGURES ("school", "NULL")
  "(SELECT s.id AS school, " NSS_HELD " AS held" NSS_CANDIDATES " AND s.area_id = ?1)";

static const char nss_school_sql[] =
  "SELECT EXISTS (SELECT 1" NSS_CANDIDATES " AND s.id = ?1 AND " NSS_HELD ")";

/* SUP: schools in the area supported on the date, each counted once. */
static const char supported_sql[] =
  FIGURES ("school", "NULL")
  "(SELECT s.id AS school, ar_active(dp.starts_on, dp.ends_on, ?2) AS held"
  " FROM deployment dp JOIN school s ON s.id = dp.school_id WHERE s.area_id = ?1)";

/* DEP: deployments for schools in the area active on the date; the second
 * figure is the days delivered on deployments that ran at some time from
 * the academic year's 1 September (?4) to the date. Days are not dated, so
 * a deployment's days count in every year it ran in. */
static const char deployments_sql[] =
  "SELECT count(CASE WHEN held THEN 1 END), coalesce(sum(CASE WHEN this_year THEN days END), 0), count(*) FROM"
  " (SELECT ar_active(dp.starts_on, dp.ends_on, ?2) AS held, dp.days_delivered AS days,"
  " (dp.starts_on IS NULL OR dp.starts_on <= ?2) AND (dp.ends_on IS NULL OR dp.ends_on >= ?4) AS this_year"
  " FROM deployment dp JOIN school s ON s.id = dp.school_id WHERE s.area_id = ?1)";

static const char *
count_sql_for_role (const char *code)
{
  if (g_str_equal (code, "TSA"))
    return tsa_sql;
  if (g_str_equal (code, "MAT"))
    return mat_sql;
  if (g_str_equal (code, "NSS"))
    return nss_sql;
  if (g_str_equal (code, "SUP"))
    return supported_sql;
  if (g_str_equal (code, "DEP"))
    return deployments_sql;

  return leader_sql;
}

static gboolean
count_role (ArStore     *store,
            gint64       area_id,
            const char  *as_at,
            const char  *code,
            gint64      *count,
            gint64      *school_count,
            gint64      *ever,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!ar_dates_attach_sql (store, error))
    return FALSE;
  stmt = ar_store_prepare (store, count_sql_for_role (code), error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, area_id);
  sqlite3_bind_text (stmt, 2, as_at, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_text (stmt, 4, ar_deployment_academic_year_start (as_at), -1, g_free);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *count = sqlite3_column_int64 (stmt, 0);
      *school_count = sqlite3_column_int64 (stmt, 1);
      *ever = sqlite3_column_int64 (stmt, 2);
    }
  else
    ar_store_set_sql_error (store, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

static char *
format_figure (ArSummary  *self,
               ArRecord   *role,
               const char *as_at,
               gint64      count,
               gint64      school_count,
               gint64      ever)
{
  const char *code = ar_record_get_text (role, "code");
  const char *no_records = ar_record_get_text (role, "no_records_text");

  /* Nothing held at any date: say why there is no figure. Held, but not
   * on this date: the figure is a true 0. */
  if (ever == 0 && no_records != NULL)
    return g_strdup (no_records);

  if (g_str_equal (code, "MAT"))
    {
      g_autofree char *trusts = NULL;
      g_autofree char *schools = NULL;

      /* Counts are far below G_MAXULONG; gettext cannot see G_GINT64_FORMAT. */
      trusts = g_strdup_printf (ngettext ("%lu MAT", "%lu MATs", (gulong) count), (gulong) count);
      /* Translators: the second %s is an area name: "33 Leicestershire schools" */
      schools = g_strdup_printf (ngettext ("%lu %s school", "%lu %s schools", (gulong) school_count),
                                 (gulong) school_count, self->area_name);
      /* Translators: "9 MATs sponsoring 33 Leicestershire schools" */
      return g_strdup_printf (_("%s sponsoring %s"), trusts, schools);
    }

  if (g_str_equal (code, "DEP"))
    {
      g_autofree char *year_start = ar_deployment_academic_year_start (as_at);
      g_autofree char *since = ar_date_format_long (year_start);
      g_autofree char *days = NULL;

      /* Translators: "85 days delivered since 1 September 2026" */
      days = g_strdup_printf (ngettext ("%lu day delivered since %s", "%lu days delivered since %s",
                                        (gulong) school_count), (gulong) school_count, since);
      /* Translators: the deployments under way, then the days: "12; 85 days delivered since …" */
      return g_strdup_printf (_("%lu; %s"), (gulong) count, days);
    }

  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

/* "+3", "−1" (a minus sign, which no spreadsheet takes for a formula), "0" */
static char *
signed_number (gint64 n)
{
  if (n > 0)
    return g_strdup_printf ("+%" G_GINT64_FORMAT, n);
  if (n < 0)
    return g_strdup_printf ("\u2212%" G_GINT64_FORMAT, -n);

  return g_strdup ("0");
}

/* The change from the earlier date's figures to the later's. A role with
 * nothing held at any date keeps its no-records text. Days delivered count
 * from each date's own 1 September, so they are compared only within one
 * academic year. */
static char *
format_change (ArRecord   *role,
               gint64      ever,
               gint64      count,
               gint64      school_count,
               gint64      later_count,
               gint64      later_school_count,
               gboolean    same_year)
{
  const char *code = ar_record_get_text (role, "code");
  const char *no_records = ar_record_get_text (role, "no_records_text");
  g_autofree char *change = signed_number (later_count - count);
  g_autofree char *schools = signed_number (later_school_count - school_count);
  gboolean schools_differ = later_school_count != school_count;

  if (ever == 0 && no_records != NULL)
    return g_strdup (no_records);

  if (g_str_equal (code, "MAT") && schools_differ)
    /* Translators: the change in MATs, then in the schools they sponsor: "+1 MATs; −2 schools" */
    return g_strdup_printf (_("%s MATs; %s schools"), change, schools);

  if (g_str_equal (code, "DEP") && same_year && schools_differ)
    /* Translators: the change in deployments, then in days delivered: "+2; +40 days" */
    return g_strdup_printf (_("%s; %s days"), later_count == count ? _("no change") : change, schools);

  if (later_count == count)
    return g_strdup (_("no change"));

  return g_steal_pointer (&change);
}

static int
compare_roles (gconstpointer a,
               gconstpointer b)
{
  ArRecord *role_a = *(ArRecord **) a;
  ArRecord *role_b = *(ArRecord **) b;
  gint64 position_a = ar_record_get_integer (role_a, "position");
  gint64 position_b = ar_record_get_integer (role_b, "position");

  if (position_a != position_b)
    return position_a < position_b ? -1 : 1;

  return ar_record_get_id (role_a) < ar_record_get_id (role_b) ? -1 : 1;
}

/* The row's figures on the comparison date, and the change between. */
static gboolean
add_comparison (ArSummary     *self,
                ArStore       *store,
                gint64         area_id,
                ArRecord      *role,
                ArSummaryRow  *row,
                GError       **error)
{
  const char *code = ar_record_get_text (role, "code");
  gboolean compare_first = strcmp (self->compare_to, self->as_at) < 0;
  g_autofree char *compare_year = ar_deployment_academic_year_start (self->compare_to);
  g_autofree char *year = ar_deployment_academic_year_start (self->as_at);
  g_autofree char *figure = NULL;
  g_autofree char *change = NULL;
  gint64 count = ar_summary_row_get_count (row);
  gint64 school_count = ar_summary_row_get_school_count (row);
  gint64 other_count = 0;
  gint64 other_school_count = 0;
  gint64 ever = 0;

  if (!count_role (store, area_id, self->compare_to, code, &other_count, &other_school_count, &ever, error))
    return FALSE;

  figure = format_figure (self, role, self->compare_to, other_count, other_school_count, ever);
  if (compare_first)
    change = format_change (role, ever, other_count, other_school_count, count, school_count,
                            g_str_equal (year, compare_year));
  else
    change = format_change (role, ever, count, school_count, other_count, other_school_count,
                            g_str_equal (year, compare_year));
  ar_summary_row_set_comparison (row, figure, other_count, change, compare_first);

  return TRUE;
}

/**
 * ar_summary_compute:
 * @area: an area's code ("855") or name ("Leicestershire", any case)
 * @as_at: (nullable): the date, `YYYY-MM-DD`; %NULL for today
 *
 * Counts each role shown in the summary, in the roles' order, by the rules
 * in DESIGN.md. This is the one place the summary's figures come from.
 *
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
ArSummary *
ar_summary_compute (ArStore     *store,
                    const char  *area,
                    const char  *as_at,
                    GError     **error)
{
  return ar_summary_compute_compared (store, area, as_at, NULL, error);
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  return ar_dates_check (NULL, date, error);
}

/**
 * ar_summary_compute_compared:
 * @area: an area's code ("855") or name ("Leicestershire", any case)
 * @as_at: (nullable): the date, `YYYY-MM-DD`; %NULL for today
 * @compare_to: (nullable): a second date to compare the figures with,
 *   before or after @as_at; %NULL for none
 *
 * As ar_summary_compute(); with @compare_to, each row also holds the
 * figure on that date and the change from the earlier date to the later,
 * and every output shows them in date order.
 *
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
ArSummary *
ar_summary_compute_compared (ArStore     *store,
                             const char  *area,
                             const char  *as_at,
                             const char  *compare_to,
                             GError     **error)
{
  g_autoptr(ArSummary) self = NULL;
  g_autoptr(ArRecord) area_record = NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);
  g_return_val_if_fail (area != NULL, NULL);

  if (as_at == NULL)
    as_at = today = ar_date_today ();

  if (!check_date (as_at, error) || (compare_to != NULL && !check_date (compare_to, error)))
    return NULL;

  area_record = ar_store_find_area (store, area, error);
  if (area_record == NULL)
    return NULL;

  roles = ar_store_list (store, AR_TYPE_ROLE, error);
  if (roles == NULL)
    return NULL;

  self = g_object_new (AR_TYPE_SUMMARY, NULL);
  self->area_code = g_strdup (ar_record_get_text (area_record, "code"));
  self->area_name = g_strdup (ar_record_get_text (area_record, "name"));
  self->as_at = g_strdup (as_at);
  self->title = g_strdup_printf (_("System Leadership in %s"), self->area_name);
  /* Translators: a column heading: "Number in Leicestershire" */
  self->count_heading = g_strdup_printf (_("Number in %s"), self->area_name);
  if (compare_to != NULL)
    {
      gboolean compare_first = strcmp (compare_to, as_at) < 0;
      g_autofree char *earlier = ar_date_format_long (compare_first ? compare_to : as_at);
      g_autofree char *later = ar_date_format_long (compare_first ? as_at : compare_to);

      self->compare_to = g_strdup (compare_to);
      /* Translators: a column heading: "Number on 1 September 2026" */
      self->figure_headings[0] = g_strdup_printf (_("Number on %s"), earlier);
      self->figure_headings[1] = g_strdup_printf (_("Number on %s"), later);
      /* Translators: a column heading: the change from the earlier date to the later */
      self->figure_headings[2] = g_strdup (_("Change"));
    }

  ordered = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(ArRecord) role = g_list_model_get_item (roles, i);

      if (ar_record_get_boolean (role, "in_summary"))
        g_ptr_array_add (ordered, g_steal_pointer (&role));
    }
  g_ptr_array_sort (ordered, compare_roles);

  for (guint i = 0; i < ordered->len; i++)
    {
      ArRecord *role = g_ptr_array_index (ordered, i);
      const char *code = ar_record_get_text (role, "code");
      g_autofree char *figure = NULL;
      gint64 count = 0;
      gint64 school_count = 0;
      gint64 ever = 0;

      if (!count_role (store, ar_record_get_id (area_record), as_at, code,
                       &count, &school_count, &ever, error))
        return NULL;

      figure = format_figure (self, role, as_at, count, school_count, ever);
      g_ptr_array_add (self->rows,
                       ar_summary_row_new (code,
                                           ar_record_get_text (role, "title"),
                                           figure, count, school_count,
                                           ar_record_get_text (role, "key_functions")));

      if (compare_to != NULL
          && !add_comparison (self, store, ar_record_get_id (area_record), role,
                              g_ptr_array_index (self->rows, self->rows->len - 1), error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

static GType
ar_summary_get_item_type (GListModel *model)
{
  return AR_TYPE_SUMMARY_ROW;
}

static guint
ar_summary_get_n_items (GListModel *model)
{
  return AR_SUMMARY (model)->rows->len;
}

static gpointer
ar_summary_get_item (GListModel *model,
                     guint       position)
{
  ArSummary *self = AR_SUMMARY (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ar_summary_get_item_type;
  iface->get_n_items = ar_summary_get_n_items;
  iface->get_item = ar_summary_get_item;
}

static void
ar_summary_finalize (GObject *object)
{
  ArSummary *self = AR_SUMMARY (object);

  g_free (self->area_code);
  g_free (self->area_name);
  g_free (self->as_at);
  g_free (self->compare_to);
  for (guint i = 0; i < G_N_ELEMENTS (self->figure_headings); i++)
    g_free (self->figure_headings[i]);
  g_free (self->title);
  g_free (self->heading);
  g_free (self->count_heading);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ar_summary_parent_class)->finalize (object);
}

static void
ar_summary_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ArSummary *self = AR_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;

    case PROP_AREA_NAME:
      g_value_set_string (value, self->area_name);
      break;

    case PROP_AS_AT:
      g_value_set_string (value, self->as_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ar_summary_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ArSummary *self = AR_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      ar_summary_set_heading (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ar_summary_class_init (ArSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ar_summary_finalize;
  object_class->get_property = ar_summary_get_property;
  object_class->set_property = ar_summary_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AREA_NAME] =
    g_param_spec_string ("area-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_AS_AT] =
    g_param_spec_string ("as-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ar_summary_init (ArSummary *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

const char *
ar_summary_get_title (ArSummary *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY (self), NULL);
  return self->title;
}

/**
 * ar_summary_get_heading:
 *
 * Returns: (nullable): the heading above the title, such as "Appendix B"
 */
const char *
ar_summary_get_heading (ArSummary *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY (self), NULL);
  return self->heading;
}

void
ar_summary_set_heading (ArSummary  *self,
                        const char *heading)
{
  g_return_if_fail (AR_IS_SUMMARY (self));

  if (heading != NULL && heading[0] == '\0')
    heading = NULL;

  if (g_strcmp0 (self->heading, heading) == 0)
    return;

  g_free (self->heading);
  self->heading = g_strdup (heading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
}

const char *
ar_summary_get_area_code (ArSummary *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY (self), NULL);
  return self->area_code;
}

const char *
ar_summary_get_area_name (ArSummary *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY (self), NULL);
  return self->area_name;
}

const char *
ar_summary_get_as_at (ArSummary *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY (self), NULL);
  return self->as_at;
}

/**
 * ar_summary_format_as_at:
 *
 * Returns: (transfer full): the as-at date for people, "23 November 2026"
 */
char *
ar_summary_format_as_at (ArSummary *self)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  g_return_val_if_fail (AR_IS_SUMMARY (self), NULL);

  if (sscanf (self->as_at, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (self->as_at);

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  /* Translators: the as-at date, see strftime(3): "23 November 2026" */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/**
 * ar_summary_get_compare_to:
 *
 * Returns: (nullable): the date the figures are compared with, `YYYY-MM-DD`
 */
const char *
ar_summary_get_compare_to (ArSummary *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY (self), NULL);
  return self->compare_to;
}

/**
 * ar_summary_format_date_line:
 *
 * Returns: (transfer full): the line under the title: "As at 1 December
 *   2026", and with a comparison date, "…, compared with 1 September 2026"
 */
char *
ar_summary_format_date_line (ArSummary *self)
{
  g_autofree char *date = NULL;
  g_autofree char *other = NULL;

  g_return_val_if_fail (AR_IS_SUMMARY (self), NULL);

  date = ar_summary_format_as_at (self);
  if (self->compare_to == NULL)
    /* Translators: the line under the summary's title */
    return g_strdup_printf (_("As at %s"), date);

  other = ar_date_format_long (self->compare_to);
  /* Translators: the line under the summary's title, with two dates */
  return g_strdup_printf (_("As at %s, compared with %s"), date, other);
}

/**
 * ar_summary_get_n_figures:
 *
 * Returns: the figure columns between the role and the key functions: 1,
 *   or 3 with a comparison date (earlier date, later date, change)
 */
guint
ar_summary_get_n_figures (ArSummary *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY (self), 1);
  return self->compare_to != NULL ? 3 : 1;
}

/**
 * ar_summary_get_figure_heading:
 * @column: less than ar_summary_get_n_figures()
 *
 * Returns: the heading of figure column @column
 */
const char *
ar_summary_get_figure_heading (ArSummary *self,
                               guint      column)
{
  g_return_val_if_fail (AR_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (column < ar_summary_get_n_figures (self), NULL);

  if (self->compare_to == NULL)
    return self->count_heading;

  return self->figure_headings[column];
}

const char *
ar_summary_get_role_heading (ArSummary *self)
{
  return _("Leadership role");
}

const char *
ar_summary_get_count_heading (ArSummary *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY (self), NULL);
  return self->count_heading;
}

const char *
ar_summary_get_functions_heading (ArSummary *self)
{
  return _("Key functions");
}

guint
ar_summary_get_n_rows (ArSummary *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY (self), 0);
  return self->rows->len;
}

/**
 * ar_summary_get_row:
 *
 * Returns: (transfer none): the row at @position
 */
ArSummaryRow *
ar_summary_get_row (ArSummary *self,
                    guint      position)
{
  g_return_val_if_fail (AR_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, position);
}

/**
 * ar_summary_is_national_support_school:
 * @school_id: the school's id
 * @as_at: (nullable): the date, `YYYY-MM-DD`; %NULL for today
 *
 * The summary's NSS rule for one school: open on the date and home to an
 * NLE active on it.
 *
 * Returns: %TRUE if it is; %FALSE if not, or with @error set
 */
gboolean
ar_summary_is_national_support_school (ArStore     *store,
                                       gint64       school_id,
                                       const char  *as_at,
                                       GError     **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  gboolean result = FALSE;

  g_return_val_if_fail (AR_IS_STORE (store), FALSE);

  if (as_at == NULL)
    as_at = today = ar_date_today ();

  if (!ar_dates_attach_sql (store, error))
    return FALSE;
  stmt = ar_store_prepare (store, nss_school_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_text (stmt, 2, as_at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int (stmt, 0) != 0;
  else
    ar_store_set_sql_error (store, error);
  sqlite3_reset (stmt);

  return result;
}
