/* ar-bench-util.h: medians and targets for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint  ar_bench_runs   (guint        fallback);
double ar_bench_median (GArray      *samples);
double ar_bench_mean   (GArray      *samples);
double ar_bench_max    (GArray      *samples);
void   ar_bench_target (const char  *what,
                        double       figure,
                        double       target,
                        const char  *unit);
int    ar_bench_status (void);

G_END_DECLS
