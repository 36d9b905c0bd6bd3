/* ar-gias-importer-private.h: for tests of the GIAS import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE: compare and save each school and membership as a record, one by
 * one, as before batches and light compares */
void ar_gias_import_set_one_by_one (gboolean setting);

G_END_DECLS
