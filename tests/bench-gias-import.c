/* bench-gias-import.c: importing a whole-England establishments extract
 *
 * Writes a generated extract as GIAS publishes it (ar-bench-gias-extract.c),
 * then times its import into an empty register, a second import of the
 * same file (nothing changes), and reports peak memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "ar-bench-gias-extract.h"
#include "ar-bench-util.h"
#include "ar-core.h"
#include "ar-test-util.h"

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static double
import_seconds (ArStore    *store,
                const char *path,
                guint      *added)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArGiasReport) report = NULL;
  const char *paths[] = { path, NULL };
  gint64 start = g_get_monotonic_time ();

  report = ar_gias_import (store, paths, NULL, NULL, NULL, NULL, &error);
  if (report == NULL)
    g_error ("%s", error->message);
  *added = ar_gias_report_get_count (report, AR_GIAS_SCHOOLS, AR_GIAS_ADDED);

  return (g_get_monotonic_time () - start) / 1e6;
}

/* Times the imports of @extract into a new register of its own. */
static int
measure (const char *extract)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *database = g_build_filename (directory, "register.db", NULL);
  g_autoptr(ArStore) store = ar_store_open (database, &error);
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  GStatBuf st;
  double megabytes;
  struct rusage usage;
  struct rusage before;
  guint added;
  double seconds;
  double first;
  double cpu;
  double again_cpu;

  if (store == NULL)
    g_error ("%s", error->message);

  getrusage (RUSAGE_SELF, &before);
  cpu = cpu_seconds ();
  seconds = first = import_seconds (store, extract, &added);
  /* on a shared machine the processor time is the steadier figure */
  cpu = cpu_seconds () - cpu;
  g_print ("first import: %.2f s of processor time\n", cpu);
  g_print ("first import: %.2f s, %u schools added, %u trusts\n", seconds, added,
           ar_store_count (store, AR_TYPE_TRUST));
  again_cpu = cpu_seconds ();
  seconds = import_seconds (store, extract, &added);
  again_cpu = cpu_seconds () - again_cpu;
  g_print ("same extract again: %.2f s (%.2f s of processor time), %u added\n", seconds, again_cpu, added);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory: %ld MB (%ld MB before importing)\n", usage.ru_maxrss / 1024, before.ru_maxrss / 1024);

  /* on disk once closed, when the WAL has gone back into the file (the
   * change history is part of this) */
  g_clear_object (&store);
  megabytes = g_stat (database, &st) == 0 ? st.st_size / 1e6 : 0;
  if (g_stat (wal, &st) == 0)
    megabytes += st.st_size / 1e6;
  g_print ("register on disk: %.2f MB\n", megabytes);
  /* for the parent, which takes the medians */
  g_print ("figures: %f %f %ld %f %f %f\n", first, seconds, usage.ru_maxrss / 1024, megabytes, cpu, again_cpu);

  return 0;
}

/* The anchor: SQLite's own shell importing the same file into one bare
 * table, timed in the same run. Returns wall seconds; @cpu gets the
 * shell's processor time. */
static double
sqlite_import_seconds (const char *extract,
                       double     *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *database = g_build_filename (directory, "anchor.db", NULL);
  g_autofree char *command = g_strdup_printf (".import %s extract", extract);
  struct rusage before;
  struct rusage after;
  gint64 start;
  int status;

  getrusage (RUSAGE_CHILDREN, &before);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) (const char *[]) { "sqlite3", "-bail", "-csv", database, command, NULL }, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("sqlite3 .import: %s", error->message);
  getrusage (RUSAGE_CHILDREN, &after);
  *cpu = after.ru_utime.tv_sec - before.ru_utime.tv_sec + (after.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1e6
         + after.ru_stime.tv_sec - before.ru_stime.tv_sec + (after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e6;

  return (g_get_monotonic_time () - start) / 1e6;
}

/* With an extract on the command line, times that file, so a real GIAS
 * download can be measured and profiled the same way. Without, writes a
 * generated one and times it in processes of their own, several times:
 * the peak memory is then the import's, not the generator's. */
int
main (int   argc,
      char *argv[])
{
  g_autofree char *directory = NULL;
  g_autofree char *extract = NULL;
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peak = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) size = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) again_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) anchor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) anchor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = ar_bench_runs (3);

  /* --write DIR leaves the generated extract in DIR, to profile it */
  if (argc > 2 && strcmp (argv[1], "--write") == 0)
    {
      g_autofree char *written = ar_bench_write_gias_extract (argv[2]);

      g_print ("%s\n", written);
      return 0;
    }
  if (argc > 1)
    return measure (argv[1]);

  directory = ar_test_make_dir ();
  extract = ar_bench_write_gias_extract (directory);
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      const char *figures;
      double values[6];
      double anchor_seconds;
      double anchor_cpu_seconds;
      int status;

      if (!g_spawn_sync (NULL, (char *[]) { argv[0], extract, NULL }, NULL, G_SPAWN_SEARCH_PATH,
                         NULL, NULL, &out, NULL, &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        g_error ("%s", error->message);
      g_print ("%s", out);
      figures = strstr (out, "figures: ");
      if (figures == NULL || sscanf (figures, "figures: %lf %lf %lf %lf %lf %lf",
                                        &values[0], &values[1], &values[2], &values[3], &values[4],
                                        &values[5]) != 6)
        g_error ("no figures from the import");
      g_array_append_val (first, values[0]);
      g_array_append_val (again, values[1]);
      g_array_append_val (peak, values[2]);
      g_array_append_val (size, values[3]);
      g_array_append_val (cpu, values[4]);
      g_array_append_val (again_cpu, values[5]);

      anchor_seconds = sqlite_import_seconds (extract, &anchor_cpu_seconds);
      g_print ("sqlite3 .import of the same file: %.2f s, %.2f s of processor time\n",
               anchor_seconds, anchor_cpu_seconds);
      g_array_append_val (anchor, anchor_seconds);
      g_array_append_val (anchor_cpu, anchor_cpu_seconds);
    }

  g_print ("medians of %u runs: first import %.2f s (%.2f s of processor time), the same extract again %.2f s,"
           " peak memory %.0f MB, on disk %.2f MB\n",
           runs, ar_bench_median (first), ar_bench_median (cpu), ar_bench_median (again),
           ar_bench_median (peak), ar_bench_median (size));
  g_print ("medians of %u runs, processor time: first import %.2f s, the same extract again %.2f s;"
           " sqlite3 .import of the same file %.2f s wall, %.2f s processor\n",
           runs, ar_bench_median (cpu), ar_bench_median (again_cpu),
           ar_bench_median (anchor), ar_bench_median (anchor_cpu));
  g_print ("ratio to sqlite3 .import: %.2f wall, %.2f processor time\n",
           ar_bench_median (first) / ar_bench_median (anchor),
           ar_bench_median (cpu) / ar_bench_median (anchor_cpu));
  ar_bench_target ("import a whole-England extract", ar_bench_median (first), 0.5, "s");
  /* processor time, which the other work on a shared machine does not lengthen */
  ar_bench_target ("that import's processor time over sqlite3 .import's", ar_bench_median (cpu) / ar_bench_median (anchor_cpu), 0.45, "x");
  ar_bench_target ("the same extract again", ar_bench_median (again), 0.25, "s");
  ar_bench_target ("peak memory of that import", ar_bench_median (peak), 100, "MB");

  return ar_bench_status ();
}
