/* ar-store-schema.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* migrations[n] takes a database from user_version n to n + 1 */
const char * const *ar_store_schema_migrations (guint *n_migrations);

G_END_DECLS
