/* ar-text-encoding.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ar_text_to_utf8 (const char *data,
                       gsize       length,
                       gsize      *utf8_length,
                       gboolean   *was_windows_1252);

char *ar_text_from_windows_1252 (const char *data,
                                 gsize       length,
                                 gsize      *utf8_length);

G_END_DECLS
