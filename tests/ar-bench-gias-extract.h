/* ar-bench-gias-extract.h: a whole-England GIAS extract for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ar_bench_write_gias_extract (const char *directory);

G_END_DECLS
