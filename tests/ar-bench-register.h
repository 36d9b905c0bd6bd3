/* ar-bench-register.h: an England-scale register for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-core.h"

G_BEGIN_DECLS

#define AR_BENCH_AREAS     152
#define AR_BENCH_SCHOOLS   50000
#define AR_BENCH_TRUSTS    3000
#define AR_BENCH_ACADEMIES 10000
#define AR_BENCH_ALLIANCES 1000
#define AR_BENCH_PEOPLE    20000
#define AR_BENCH_RECORDS   (AR_BENCH_AREAS + AR_BENCH_SCHOOLS + AR_BENCH_TRUSTS + AR_BENCH_ACADEMIES \
                            + AR_BENCH_ALLIANCES + 2 * AR_BENCH_PEOPLE)

gboolean ar_bench_fill_england (ArStore   *store,
                                gpointer   user_data,
                                GError   **error);

G_END_DECLS
