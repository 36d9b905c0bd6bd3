/* test-summary-change.c: the summary compared between two as-at dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ar-test-util.h"

#define MINUS "\xe2\x88\x92"

typedef struct
{
  ArStore *store;
  gint64   area;
  gint64   home;
  gint64   supported;
  gint64   designation;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 ended;
  gint64 started;

  fixture->store = ar_test_store_new ();
  fixture->area = ar_test_add_area (fixture->store, "855", "Leicestershire");
  fixture->home = ar_test_add_school (fixture->store, "990001", "Home Primary School", fixture->area);
  fixture->supported = ar_test_add_school (fixture->store, "990002", "Supported Primary School", fixture->area);

  /* an NLE throughout, one whose designation ends between the dates, an
   * LLE whose designation starts between them */
  fixture->designation = ar_test_add_designation (fixture->store,
                                                  ar_test_add_person (fixture->store, "Amelia Ashworth", fixture->home),
                                                  "NLE", "2020-09-01", NULL);
  ended = ar_test_add_person (fixture->store, "Bryn Ended", fixture->home);
  ar_test_add_designation (fixture->store, ended, "NLE", "2019-09-01", "2026-03-31");
  started = ar_test_add_person (fixture->store, "Cora Started", fixture->home);
  ar_test_add_designation (fixture->store, started, "LLE", "2026-04-01", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

static ArSummaryRow *
find_row (ArSummary  *summary,
          const char *code)
{
  for (guint i = 0; i < ar_summary_get_n_rows (summary); i++)
    if (g_str_equal (ar_summary_row_get_code (ar_summary_get_row (summary, i)), code))
      return ar_summary_get_row (summary, i);

  g_assert_not_reached ();
}

static ArSummary *
compute (Fixture    *fixture,
         const char *as_at,
         const char *compare_to)
{
  g_autoptr(GError) error = NULL;
  ArSummary *summary = ar_summary_compute_compared (fixture->store, "855", as_at, compare_to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);

  return summary;
}

static void
test_changes (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(ArSummary) summary = compute (fixture, "2026-12-01", "2025-12-01");
  ArSummaryRow *nle = find_row (summary, "NLE");
  ArSummaryRow *lle = find_row (summary, "LLE");
  ArSummaryRow *nlg = find_row (summary, "NLG");
  ArSummaryRow *sle = find_row (summary, "SLE");

  g_assert_cmpstr (ar_summary_get_compare_to (summary), ==, "2025-12-01");
  g_assert_cmpuint (ar_summary_get_n_figures (summary), ==, 3);

  /* a designation ended between the dates */
  g_assert_cmpint (ar_summary_row_get_compare_count (nle), ==, 2);
  g_assert_cmpint (ar_summary_row_get_count (nle), ==, 1);
  g_assert_cmpstr (ar_summary_row_get_figure_at (nle, 0), ==, "2");
  g_assert_cmpstr (ar_summary_row_get_figure_at (nle, 1), ==, "1");
  g_assert_cmpstr (ar_summary_row_get_change (nle), ==, MINUS "1");

  /* one started between them */
  g_assert_cmpstr (ar_summary_row_get_figure_at (lle, 0), ==, "0");
  g_assert_cmpstr (ar_summary_row_get_figure_at (lle, 1), ==, "1");
  g_assert_cmpstr (ar_summary_row_get_change (lle), ==, "+1");

  /* nothing either side: no change; a role with no records keeps its text */
  g_assert_cmpstr (ar_summary_row_get_change (nlg), ==, "no change");
  g_assert_cmpstr (ar_summary_row_get_figure_at (sle, 0), ==, ar_summary_row_get_figure (sle));
  g_assert_true (g_str_has_prefix (ar_summary_row_get_change (sle), "No data held"));

  /* the day a designation ends it still counts; the next day it does not */
  {
    g_autoptr(ArSummary) last_day = compute (fixture, "2026-03-31", "2026-04-01");

    g_assert_cmpstr (ar_summary_row_get_change (find_row (last_day, "NLE")), ==, MINUS "1");
    g_assert_cmpstr (ar_summary_row_get_change (find_row (last_day, "LLE")), ==, "+1");
  }
}

/* A comparison date after the as-at date: the columns still go in date
 * order, and the change is from the earlier to the later. */
static void
test_later_comparison (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ArSummary) summary = compute (fixture, "2025-12-01", "2026-12-01");
  ArSummaryRow *nle = find_row (summary, "NLE");

  g_assert_cmpstr (ar_summary_row_get_figure (nle), ==, "2");
  g_assert_cmpstr (ar_summary_row_get_compare_figure (nle), ==, "1");
  g_assert_cmpstr (ar_summary_row_get_figure_at (nle, 0), ==, "2");
  g_assert_cmpstr (ar_summary_row_get_figure_at (nle, 1), ==, "1");
  g_assert_cmpstr (ar_summary_row_get_change (nle), ==, MINUS "1");
  g_assert_cmpstr (ar_summary_get_figure_heading (summary, 0), ==, "Number on 1 December 2025");
  g_assert_cmpstr (ar_summary_get_figure_heading (summary, 1), ==, "Number on 1 December 2026");
}

static void
test_no_comparison (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ArSummary) summary = compute (fixture, "2026-12-01", NULL);
  ArSummaryRow *nle = find_row (summary, "NLE");
  g_autofree char *line = ar_summary_format_date_line (summary);

  g_assert_null (ar_summary_get_compare_to (summary));
  g_assert_cmpuint (ar_summary_get_n_figures (summary), ==, 1);
  g_assert_cmpuint (ar_summary_row_get_n_figures (nle), ==, 1);
  g_assert_null (ar_summary_row_get_change (nle));
  g_assert_cmpstr (ar_summary_get_figure_heading (summary, 0), ==, "Number in Leicestershire");
  g_assert_cmpstr (line, ==, "As at 1 December 2026");
}

static void
test_invalid_date (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = NULL;

  summary = ar_summary_compute_compared (fixture->store, "855", "2026-12-01", "2026-02-30", &error);
  g_assert_null (summary);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
}

static void
show_role (ArStore    *store,
           const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) role = ar_store_find (store, AR_TYPE_ROLE, "code", code, &error);

  ar_record_set_boolean (role, "in_summary", TRUE);
  ar_store_save (store, role, &error);
  g_assert_no_error (error);
}

static void
add_deployment (Fixture    *fixture,
                const char *starts_on,
                const char *ends_on,
                gint64      days_delivered)
{
  g_autoptr(ArRecord) deployment = AR_RECORD (ar_deployment_new ());
  g_autoptr(GError) error = NULL;

  ar_record_set_integer (deployment, "school_id", fixture->supported);
  ar_record_set_integer (deployment, "supporter_designation_id", fixture->designation);
  ar_record_set_text (deployment, "focus", "Leadership");
  ar_record_set_text (deployment, "commissioned_by", "local-authority");
  ar_record_set_text (deployment, "starts_on", starts_on);
  ar_record_set_text (deployment, "ends_on", ends_on);
  ar_record_set_integer (deployment, "days_agreed", MAX (days_delivered, 10));
  ar_record_set_integer (deployment, "days_delivered", days_delivered);
  ar_record_set_text (deployment, "status", "active");
  ar_store_save (fixture->store, deployment, &error);
  g_assert_no_error (error);
}

/* Days delivered count from each date's 1 September: within one academic
 * year their change is shown, across 1 September only the deployments'. */
static void
test_academic_year (Fixture       *fixture,
                    gconstpointer  data)
{
  show_role (fixture->store, "DEP");
  add_deployment (fixture, "2025-10-01", "2026-07-20", 10);
  add_deployment (fixture, "2026-09-01", "2027-07-20", 4);

  {
    /* same year: one deployment throughout, the later one's days added */
    g_autoptr(ArSummary) summary = compute (fixture, "2026-10-01", "2026-09-01");

    g_assert_cmpstr (ar_summary_row_get_change (find_row (summary, "DEP")), ==, "no change");
  }
  {
    g_autoptr(ArSummary) summary = compute (fixture, "2026-07-21", "2026-07-01");

    g_assert_cmpstr (ar_summary_row_get_change (find_row (summary, "DEP")), ==, MINUS "1");
  }
  {
    /* 31 August to 1 September: 0 under way then 1; 10 days last year, 4
     * this: not compared */
    g_autoptr(ArSummary) summary = compute (fixture, "2026-09-01", "2026-08-31");
    ArSummaryRow *row = find_row (summary, "DEP");

    g_assert_cmpstr (ar_summary_row_get_figure_at (row, 0), ==, "0; 10 days delivered since 1 September 2025");
    g_assert_cmpstr (ar_summary_row_get_figure_at (row, 1), ==, "1; 4 days delivered since 1 September 2026");
    g_assert_cmpstr (ar_summary_row_get_change (row), ==, "+1");
  }
  {
    /* within the year the days' change is shown */
    g_autoptr(ArSummary) summary = NULL;

    add_deployment (fixture, "2025-09-01", "2025-09-30", 3);
    summary = compute (fixture, "2025-12-01", "2025-09-15");
    g_assert_cmpstr (ar_summary_row_get_figure_at (find_row (summary, "DEP"), 0), ==,
                     "1; 3 days delivered since 1 September 2025");
    g_assert_cmpstr (ar_summary_row_get_change (find_row (summary, "DEP")), ==, "no change; +10 days");
  }
}

/* Every format: the extra columns and both dates only with a comparison. */
static void
test_writers (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(ArSummary) plain = compute (fixture, "2026-12-01", NULL);
  g_autoptr(ArSummary) compared = compute (fixture, "2026-12-01", "2025-12-01");
  const char *line = "As at 1 December 2026, compared with 1 December 2025";

  {
    g_autofree char *text = ar_summary_to_text (compared);
    g_autofree char *plain_text = ar_summary_to_text (plain);

    g_assert_nonnull (strstr (text, line));
    g_assert_nonnull (strstr (text, "Change"));
    g_assert_nonnull (strstr (text, MINUS "1"));
    g_assert_nonnull (strstr (text, "no change"));
    g_assert_null (strstr (plain_text, "compared with"));
    g_assert_null (strstr (plain_text, "Change"));
  }
  {
    g_autofree char *md = ar_summary_to_markdown (compared);
    g_autofree char *plain_md = ar_summary_to_markdown (plain);

    g_assert_nonnull (strstr (md, line));
    g_assert_nonnull (strstr (md, "|---|---|---|---|---|\n"));
    g_assert_nonnull (strstr (md, "| 2 | 1 | " MINUS "1 |"));
    g_assert_nonnull (strstr (plain_md, "|---|---|---|\n"));
    g_assert_null (strstr (plain_md, "|---|---|---|---|"));
  }
  {
    g_autofree char *csv = ar_summary_to_csv (compared);
    g_autofree char *plain_csv = ar_summary_to_csv (plain);

    g_assert_true (g_str_has_prefix (csv, "\"Leadership role\",\"Number on 1 December 2025\","
                                          "\"Number on 1 December 2026\",\"Change\",\"Key functions\"\r\n"));
    /* a leading + is kept from spreadsheets' formulas as any cell's is */
    g_assert_nonnull (strstr (csv, ",\"0\",\"1\",\"'+1\","));
    g_assert_true (g_str_has_prefix (plain_csv, "\"Leadership role\",\"Number in Leicestershire\",\"Key functions\"\r\n"));
  }
  {
    g_autofree char *html = ar_summary_to_html (compared);
    g_autofree char *plain_html = ar_summary_to_html (plain);

    g_assert_nonnull (strstr (html, line));
    g_assert_nonnull (strstr (html, "<th>Change</th>"));
    g_assert_nonnull (strstr (html, "<td>2</td><td>1</td><td>" MINUS "1</td>"));
    g_assert_null (strstr (plain_html, "<th>Change</th>"));
  }
  {
    g_autofree char *json = ar_summary_to_json (compared);
    g_autofree char *plain_json = ar_summary_to_json (plain);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *root;
    JsonArray *rows;
    gboolean found = FALSE;

    json_parser_load_from_data (parser, json, -1, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (root, "compare_to"), ==, "2025-12-01");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "columns")), ==, 5);
    rows = json_object_get_array_member (root, "rows");
    for (guint i = 0; i < json_array_get_length (rows); i++)
      {
        JsonObject *row = json_array_get_object_element (rows, i);

        if (!g_str_equal (json_object_get_string_member (row, "code"), "NLE"))
          continue;
        found = TRUE;
        g_assert_cmpint (json_object_get_int_member (row, "count"), ==, 1);
        g_assert_cmpint (json_object_get_int_member (row, "compare_count"), ==, 2);
        g_assert_cmpint (json_object_get_int_member (row, "change"), ==, -1);
        g_assert_cmpstr (json_object_get_string_member (row, "change_figure"), ==, MINUS "1");
      }
    g_assert_true (found);
    g_assert_null (strstr (plain_json, "compare_to"));
    g_assert_null (strstr (plain_json, "change"));
  }
}

#define ADD(path, func) \
  g_test_add ("/ar/summary-change/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("changes", test_changes);
  ADD ("later-comparison", test_later_comparison);
  ADD ("no-comparison", test_no_comparison);
  ADD ("invalid-date", test_invalid_date);
  ADD ("academic-year", test_academic_year);
  ADD ("writers", test_writers);

  return g_test_run ();
}
