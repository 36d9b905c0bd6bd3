/* ar-gias-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ar-gias-report.h"
#include "ar-store.h"

G_BEGIN_DECLS

/**
 * ArGiasProgressFunc:
 * @fraction: how much is done, from 0 to 1
 */
typedef void (*ArGiasProgressFunc) (double   fraction,
                                    gpointer user_data);

ArGiasReport *ar_gias_import        (ArStore              *store,
                                     const char * const   *paths,
                                     const char * const   *area_codes,
                                     GCancellable         *cancellable,
                                     ArGiasProgressFunc    progress,
                                     gpointer              progress_data,
                                     GError              **error);
void          ar_gias_import_async  (ArStore              *store,
                                     const char * const   *paths,
                                     const char * const   *area_codes,
                                     GCancellable         *cancellable,
                                     ArGiasProgressFunc    progress,
                                     gpointer              progress_data,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
ArGiasReport *ar_gias_import_finish (ArStore              *store,
                                     GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
