/* bench-gias-import.c: importing a whole-England establishments extract
 *
 * Writes a generated extract as GIAS publishes it (ar-bench-gias-extract.c),
 * then times its import into an empty register, a second import of the
 * same file (nothing changes), and reports peak memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/resource.h>

#include "ar-bench-gias-extract.h"
#include "ar-core.h"
#include "ar-test-util.h"

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
  struct rusage usage;
  struct rusage before;
  guint added;
  double seconds;

  if (store == NULL)
    g_error ("%s", error->message);

  getrusage (RUSAGE_SELF, &before);
  seconds = import_seconds (store, extract, &added);
  g_print ("first import: %.2f s, %u schools added, %u trusts\n", seconds, added,
           ar_store_count (store, AR_TYPE_TRUST));
  seconds = import_seconds (store, extract, &added);
  g_print ("same extract again: %.2f s, %u added\n", seconds, added);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory: %ld MB (%ld MB before importing)\n", usage.ru_maxrss / 1024, before.ru_maxrss / 1024);

  return 0;
}

/* With an extract on the command line, times that file, so a real GIAS
 * download can be measured and profiled the same way. Without, writes a
 * generated one and times it in a process of its own: the peak memory is
 * then the import's, not the generator's. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *extract = NULL;
  int status;

  if (argc > 1)
    return measure (argv[1]);

  directory = ar_test_make_dir ();
  extract = ar_bench_write_gias_extract (directory);
  if (!g_spawn_sync (NULL, (char *[]) { argv[0], extract, NULL }, NULL, G_SPAWN_SEARCH_PATH,
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_printerr ("%s\n", error->message);

  return error == NULL ? 0 : 1;
}
