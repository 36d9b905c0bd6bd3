/* ar-bench-util.c: medians and targets for the benchmarks
 *
 * Every benchmark measures each figure several times and reports the
 * median (this machine's timings vary by a third from run to run, so a
 * best-of-N flatters), then checks it against the figure's target: a
 * missed target makes the benchmark exit 1, so `meson test --benchmark`
 * fails rather than only printing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "ar-bench-util.h"

static gboolean missed;

/* AR_BENCH_RUNS=N measures each figure N times instead. */
guint
ar_bench_runs (guint fallback)
{
  const char *runs = g_getenv ("AR_BENCH_RUNS");

  return runs != NULL && atoi (runs) > 0 ? (guint) atoi (runs) : fallback;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* @samples holds doubles; it is sorted in place. */
double
ar_bench_median (GArray *samples)
{
  guint n = samples->len;

  g_assert (n > 0);
  g_array_sort (samples, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (samples, double, n / 2);

  return (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}

double
ar_bench_mean (GArray *samples)
{
  double sum = 0;

  g_assert (samples->len > 0);
  for (guint i = 0; i < samples->len; i++)
    sum += g_array_index (samples, double, i);

  return sum / samples->len;
}

double
ar_bench_max (GArray *samples)
{
  double max = 0;

  for (guint i = 0; i < samples->len; i++)
    max = MAX (max, g_array_index (samples, double, i));

  return max;
}

/* Says whether @figure is within @target (an upper bound) and remembers
 * a miss for ar_bench_status(). */
void
ar_bench_target (const char *what,
                 double      figure,
                 double      target,
                 const char *unit)
{
  gboolean met = figure <= target;

  g_print ("  %s %s: %.1f %s, target <= %g %s\n", met ? "met   " : "MISSED", what, figure, unit, target, unit);
  if (!met)
    missed = TRUE;
}

/* The exit status: 1 when any target was missed. */
int
ar_bench_status (void)
{
  if (missed)
    g_print ("some targets were missed\n");

  return missed ? 1 : 0;
}
