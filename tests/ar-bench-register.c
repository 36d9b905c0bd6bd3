/* ar-bench-register.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-bench-register.h"

static const char * const roles[] = { "NLE", "LLE", "NLG", "SLE", "LP", "DHAH" };
static const char * const words[] = { "Brook", "Meadow", "Oak", "Hill", "Vale", "Park", "Green", "Cross" };

static gboolean
save_new (ArStore   *store,
          ArRecord  *record,
          GError   **error)
{
  gboolean ok = ar_store_save (store, record, error);

  g_object_unref (record);

  return ok;
}

/**
 * ar_bench_fill_england:
 *
 * An ArStoreWriteFunc: 152 areas, 50,000 schools, 3,000 trusts holding
 * 10,000 academies, 1,000 alliances and 20,000 people each with a
 * designation, the same every run.
 */
gboolean
ar_bench_fill_england (ArStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);

  for (guint i = 0; i < AR_BENCH_AREAS; i++)
    {
      ArRecord *area = AR_RECORD (ar_area_new ());
      g_autofree char *code = g_strdup_printf ("%03u", 800 + i);
      g_autofree char *name = g_strdup_printf ("Local Authority %u", 800 + i);

      ar_record_set_text (area, "code", code);
      ar_record_set_text (area, "name", name);
      if (!save_new (store, area, error))
        return FALSE;
    }

  for (guint i = 0; i < AR_BENCH_SCHOOLS; i++)
    {
      ArRecord *school = AR_RECORD (ar_school_new ());
      g_autofree char *urn = g_strdup_printf ("%06u", 100000 + i);
      g_autofree char *name = g_strdup_printf ("%s %s %u Primary School",
                                               words[g_rand_int_range (rand, 0, 8)],
                                               words[g_rand_int_range (rand, 0, 8)], i);

      ar_record_set_text (school, "urn", urn);
      ar_record_set_text (school, "name", name);
      ar_record_set_integer (school, "area_id", 1 + g_rand_int_range (rand, 0, AR_BENCH_AREAS));
      ar_record_set_text (school, "phase", i % 5 ? "Primary" : "Secondary");
      ar_record_set_text (school, "type", "Academy converter");
      ar_record_set_text (school, "status", i % 40 ? "open" : "closed");
      ar_record_set_text (school, "open_date", "2012-09-01");
      ar_record_set_text (school, "postcode", "AB1 2CD");
      ar_record_set_text (school, "town", words[i % 8]);
      if (!save_new (store, school, error))
        return FALSE;
    }

  for (guint i = 0; i < AR_BENCH_TRUSTS; i++)
    {
      ArRecord *trust = AR_RECORD (ar_trust_new ());
      g_autofree char *name = g_strdup_printf ("%s Learning Trust %u", words[i % 8], i);
      g_autofree char *uid = g_strdup_printf ("%u", 10000 + i);

      ar_record_set_text (trust, "name", name);
      ar_record_set_text (trust, "kind", i % 4 ? "mat" : "sat");
      ar_record_set_text (trust, "gias_uid", uid);
      ar_record_set_text (trust, "status", "open");
      if (!save_new (store, trust, error))
        return FALSE;
    }

  for (guint i = 0; i < AR_BENCH_ACADEMIES; i++)
    {
      ArRecord *academy = AR_RECORD (ar_trust_academy_new ());

      ar_record_set_integer (academy, "trust_id", 1 + i % AR_BENCH_TRUSTS);
      ar_record_set_integer (academy, "school_id", 1 + i * 5);
      ar_record_set_text (academy, "joined_on", "2015-09-01");
      if (!save_new (store, academy, error))
        return FALSE;
    }

  for (guint i = 0; i < AR_BENCH_ALLIANCES; i++)
    {
      ArRecord *alliance = AR_RECORD (ar_alliance_new ());
      g_autofree char *name = g_strdup_printf ("%s Teaching School Alliance %u", words[i % 8], i);

      ar_record_set_text (alliance, "name", name);
      ar_record_set_integer (alliance, "lead_school_id", 2 + i * 47);
      ar_record_set_text (alliance, "designated_on", "2014-04-01");
      if (!save_new (store, alliance, error))
        return FALSE;
    }

  for (guint i = 0; i < AR_BENCH_PEOPLE; i++)
    {
      g_autoptr(ArRecord) person = AR_RECORD (ar_person_new ());
      ArRecord *designation = AR_RECORD (ar_designation_new ());
      g_autofree char *name = g_strdup_printf ("Leader %u", i);

      ar_record_set_text (person, "name", name);
      ar_record_set_integer (person, "school_id", 1 + g_rand_int_range (rand, 0, AR_BENCH_SCHOOLS));
      if (!ar_store_save (store, person, error))
        return FALSE;

      ar_record_set_integer (designation, "person_id", ar_record_get_id (person));
      ar_record_set_text (designation, "role", roles[i % G_N_ELEMENTS (roles)]);
      ar_record_set_text (designation, "starts_on", "2016-09-01");
      if (!save_new (store, designation, error))
        return FALSE;
    }

  return TRUE;
}
