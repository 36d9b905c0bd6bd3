/* bench-store.c: core timings on an England-scale register
 *
 * Builds 50,000 schools in 152 areas, 3,000 trusts holding 10,000 academies,
 * 1,000 alliances and 20,000 people with designations, then times what the
 * window and the command line do with them. Prints one line per figure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "ar-core.h"

#define N_AREAS     152
#define N_SCHOOLS   50000
#define N_TRUSTS    3000
#define N_ACADEMIES 10000
#define N_ALLIANCES 1000
#define N_PEOPLE    20000

static const char * const roles[] = { "NLE", "LLE", "NLG", "SLE", "LP", "DHAH" };

static void
must (gboolean  ok,
      GError   *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static gboolean
generate (ArStore   *store,
          gpointer   user_data,
          GError   **error)
{
  GRand *rand = g_rand_new_with_seed (2026);

  for (guint i = 0; i < N_AREAS; i++)
    {
      g_autoptr(ArRecord) area = AR_RECORD (ar_area_new ());
      g_autofree char *code = g_strdup_printf ("%03u", 800 + i);
      g_autofree char *name = g_strdup_printf ("Area %u", 800 + i);

      ar_record_set_text (area, "code", code);
      ar_record_set_text (area, "name", name);
      if (!ar_store_save (store, area, error))
        return FALSE;
    }

  for (guint i = 0; i < N_SCHOOLS; i++)
    {
      g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());
      g_autofree char *urn = g_strdup_printf ("%06u", 100000 + i);
      g_autofree char *name = g_strdup_printf ("St Example %u Primary School", i);

      ar_record_set_text (school, "urn", urn);
      ar_record_set_text (school, "name", name);
      ar_record_set_integer (school, "area_id", 1 + g_rand_int_range (rand, 0, N_AREAS));
      ar_record_set_text (school, "phase", i % 5 ? "Primary" : "Secondary");
      ar_record_set_text (school, "type", "Academy converter");
      ar_record_set_text (school, "status", i % 40 ? "open" : "closed");
      ar_record_set_text (school, "open_date", "2012-09-01");
      ar_record_set_text (school, "postcode", "AB1 2CD");
      ar_record_set_text (school, "town", "Exampleton");
      if (!ar_store_save (store, school, error))
        return FALSE;
    }

  for (guint i = 0; i < N_TRUSTS; i++)
    {
      g_autoptr(ArRecord) trust = AR_RECORD (ar_trust_new ());
      g_autofree char *name = g_strdup_printf ("Example Learning Trust %u", i);
      g_autofree char *uid = g_strdup_printf ("%u", 10000 + i);

      ar_record_set_text (trust, "name", name);
      ar_record_set_text (trust, "kind", i % 4 ? "mat" : "sat");
      ar_record_set_text (trust, "gias_uid", uid);
      ar_record_set_text (trust, "status", "open");
      if (!ar_store_save (store, trust, error))
        return FALSE;
    }

  for (guint i = 0; i < N_ACADEMIES; i++)
    {
      g_autoptr(ArRecord) academy = AR_RECORD (ar_trust_academy_new ());

      ar_record_set_integer (academy, "trust_id", 1 + i % N_TRUSTS);
      ar_record_set_integer (academy, "school_id", 1 + i * 5);
      ar_record_set_text (academy, "joined_on", "2015-09-01");
      if (!ar_store_save (store, academy, error))
        return FALSE;
    }

  for (guint i = 0; i < N_ALLIANCES; i++)
    {
      g_autoptr(ArRecord) alliance = AR_RECORD (ar_alliance_new ());
      g_autofree char *name = g_strdup_printf ("Example Teaching School Alliance %u", i);

      ar_record_set_text (alliance, "name", name);
      ar_record_set_integer (alliance, "lead_school_id", 2 + i * 47);
      ar_record_set_text (alliance, "designated_on", "2014-04-01");
      if (!ar_store_save (store, alliance, error))
        return FALSE;
    }

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(ArRecord) person = AR_RECORD (ar_person_new ());
      g_autoptr(ArRecord) designation = AR_RECORD (ar_designation_new ());
      g_autofree char *name = g_strdup_printf ("Example Person %u", i);

      ar_record_set_text (person, "name", name);
      ar_record_set_integer (person, "school_id", 1 + g_rand_int_range (rand, 0, N_SCHOOLS));
      if (!ar_store_save (store, person, error))
        return FALSE;

      ar_record_set_integer (designation, "person_id", ar_record_get_id (person));
      ar_record_set_text (designation, "role", roles[i % G_N_ELEMENTS (roles)]);
      ar_record_set_text (designation, "starts_on", "2016-09-01");
      if (!ar_store_save (store, designation, error))
        return FALSE;
    }

  g_rand_free (rand);

  return TRUE;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("ar-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "england.db", NULL);
  g_autofree char *copy_path = g_build_filename (directory, "copy.db", NULL);
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArStore) copy = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(ArSummary) summary = NULL;
  g_autofree char *json = NULL;
  struct rusage usage;
  gint64 start;
  guint n_records;

  store = ar_store_open (path, &error);
  must (store != NULL, error);

  start = g_get_monotonic_time ();
  must (ar_store_write (store, generate, NULL, &error), error);
  n_records = N_AREAS + N_SCHOOLS + N_TRUSTS + N_ACADEMIES + N_ALLIANCES + 2 * N_PEOPLE;
  g_print ("generate %u records in one transaction: %.2f s (%.0f records/s)\n",
           n_records, seconds_since (start), n_records / seconds_since (start));

  start = g_get_monotonic_time ();
  schools = ar_store_list (store, AR_TYPE_SCHOOL, &error);
  must (schools != NULL, error);
  g_print ("list %u schools: %.0f ms\n", g_list_model_get_n_items (schools), seconds_since (start) * 1000);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ArRecord) school = g_list_model_get_item (schools, i);
      ar_record_get_search_key (school);
    }
  g_print ("search keys for every school: %.0f ms\n", seconds_since (start) * 1000);

  start = g_get_monotonic_time ();
  summary = ar_summary_compute (store, "800", "2025-01-01", &error);
  must (summary != NULL, error);
  g_print ("summary for one area: %.1f ms\n", seconds_since (start) * 1000);

  start = g_get_monotonic_time ();
  json = ar_register_json_export (store, &error);
  must (json != NULL, error);
  g_print ("export JSON (%.1f MB): %.2f s\n", strlen (json) / 1e6, seconds_since (start));

  copy = ar_store_open (copy_path, &error);
  must (copy != NULL, error);
  start = g_get_monotonic_time ();
  must (ar_register_json_import (copy, json, -1, "england.json", FALSE, &error), error);
  g_print ("import JSON into an empty register: %.2f s\n", seconds_since (start));

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory: %ld MB\n", usage.ru_maxrss / 1024);

  return 0;
}
