/* bench-store.c: core timings on an England-scale register
 *
 * Builds an England-scale register (ar-bench-register.c), then times what
 * the window and the command line do with it. Prints one line per figure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "ar-bench-register.h"
#include "ar-bench-util.h"
#include "ar-test-util.h"

static void
must (gboolean  ok,
      GError   *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
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
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "england.db", NULL);
  g_autofree char *copy_path = g_build_filename (directory, "copy.db", NULL);
  g_autoptr(ArStore) store = NULL;
  g_autoptr(ArStore) copy = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(ArSummary) summary = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GArray) list_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keys_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) summary_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = ar_bench_runs (5);
  struct rusage usage;
  gint64 start;
  guint n_records;
  double seconds;
  double cpu;

  store = ar_store_open (path, &error);
  must (store != NULL, error);

  start = g_get_monotonic_time ();
  must (ar_store_write (store, ar_bench_fill_england, NULL, &error), error);
  n_records = AR_BENCH_RECORDS;
  g_print ("generate %u records in one transaction: %.2f s (%.0f records/s)\n",
           n_records, seconds_since (start), n_records / seconds_since (start));
  ar_bench_target ("generate an England-scale register", seconds_since (start), 20, "s");

  for (guint r = 0; r < runs; r++)
    {
      double ms;

      g_clear_object (&schools);
      start = g_get_monotonic_time ();
      schools = ar_store_list (store, AR_TYPE_SCHOOL, &error);
      must (schools != NULL, error);
      ms = seconds_since (start) * 1000;
      g_array_append_val (list_ms, ms);

      start = g_get_monotonic_time ();
      for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
        {
          g_autoptr(ArRecord) school = g_list_model_get_item (schools, i);
          ar_record_get_search_key (school);
        }
      ms = seconds_since (start) * 1000;
      g_array_append_val (keys_ms, ms);

      g_clear_object (&summary);
      start = g_get_monotonic_time ();
      summary = ar_summary_compute (store, "800", "2025-01-01", &error);
      must (summary != NULL, error);
      ms = seconds_since (start) * 1000;
      g_array_append_val (summary_ms, ms);
    }
  g_print ("list %u schools: %.0f ms (median of %u)\n", g_list_model_get_n_items (schools),
           ar_bench_median (list_ms), runs);
  ar_bench_target ("list the schools", ar_bench_median (list_ms), 500, "ms");
  g_print ("search keys for every school: %.0f ms (median of %u)\n", ar_bench_median (keys_ms), runs);
  g_print ("summary for one area: %.1f ms (median of %u)\n", ar_bench_median (summary_ms), runs);
  ar_bench_target ("summary for one area", ar_bench_median (summary_ms), 5, "ms");

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  json = ar_register_json_export (store, &error);
  must (json != NULL, error);
  cpu = cpu_seconds () - cpu;
  seconds = seconds_since (start);
  g_print ("export JSON (%.1f MB): %.2f s, %.2f s of processor time\n", strlen (json) / 1e6, seconds, cpu);
  ar_bench_target ("export the register as JSON", seconds, 0.5, "s");

  /* --write FILE leaves the exported register in FILE, to profile its import */
  if (argc > 2 && strcmp (argv[1], "--write") == 0)
    must (g_file_set_contents (argv[2], json, -1, &error), error);

  copy = ar_store_open (copy_path, &error);
  must (copy != NULL, error);
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  must (ar_register_json_import (copy, json, -1, "england.json", FALSE, &error), error);
  cpu = cpu_seconds () - cpu;
  seconds = seconds_since (start);
  g_print ("import JSON into an empty register: %.2f s, %.2f s of processor time\n", seconds, cpu);
  ar_bench_target ("import that JSON", seconds, 1.5, "s");

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory: %ld MB\n", usage.ru_maxrss / 1024);

  return ar_bench_status ();
}
