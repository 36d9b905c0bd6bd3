/* ar-register-json.h: the whole register as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ar-store.h"

G_BEGIN_DECLS

#define AR_REGISTER_JSON_FORMAT  "alliance-register"
#define AR_REGISTER_JSON_VERSION 2

char     *ar_register_json_export      (ArStore      *store,
                                        GError      **error);
char     *ar_register_json_export_with_history (ArStore  *store,
                                                gboolean  with_history,
                                                GError  **error);
gboolean  ar_register_json_export_to_stream (ArStore        *store,
                                             gboolean        with_history,
                                             GOutputStream  *stream,
                                             GCancellable   *cancellable,
                                             GError        **error);
gboolean  ar_register_json_export_file (ArStore      *store,
                                        const char   *path,
                                        GError      **error);
gboolean  ar_register_json_import      (ArStore      *store,
                                        const char   *data,
                                        gssize        length,
                                        const char   *source_name,
                                        gboolean      replace,
                                        GError      **error);
gboolean  ar_register_json_import_file (ArStore      *store,
                                        const char   *path,
                                        gboolean      replace,
                                        GError      **error);
GPtrArray *ar_register_json_read       (const char   *data,
                                        gssize        length,
                                        const char   *source_name,
                                        gboolean     *has_roles,
                                        GError      **error);

G_END_DECLS
