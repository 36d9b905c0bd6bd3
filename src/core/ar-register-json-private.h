/* ar-register-json-private.h: for tests of the JSON import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE: save each record with ar_store_save(), one by one, as before
 * the import filled its emptied tables in batches */
void ar_register_json_set_one_by_one (gboolean setting);

G_END_DECLS
