/* ar-gias-importer-private.h: for tests of the GIAS import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE: save new schools and memberships one by one, as before batches */
void ar_gias_import_set_one_by_one (gboolean setting);

G_END_DECLS
