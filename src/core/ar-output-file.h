/* ar-output-file.h: writing a file the user named without destroying another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean ar_output_file_write          (const char           *path,
                                        GBytes               *bytes,
                                        const char           *register_path,
                                        GError              **error);
gboolean ar_output_file_replace        (GFile                *file,
                                        GBytes               *bytes,
                                        const char           *register_path,
                                        GCancellable         *cancellable,
                                        GError              **error);
void     ar_output_file_replace_async  (GFile                *file,
                                        GBytes               *bytes,
                                        const char           *register_path,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean ar_output_file_replace_finish (GFile                *file,
                                        GAsyncResult         *result,
                                        GError              **error);
gboolean ar_output_file_is_register    (const char           *path,
                                        const char           *register_path);

G_END_DECLS
