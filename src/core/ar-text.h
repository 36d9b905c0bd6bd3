/* ar-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  ar_text_is_digits       (const char *text,
                                   gsize       length);
char     *ar_text_escape_markup   (const char *text);
gboolean  ar_text_validate        (const char  *text,
                                   gsize        length,
                                   const char **end);
gboolean  ar_text_check           (const char  *text,
                                   gssize       length,
                                   const char **problem);
char     *ar_text_for_message     (const char *text);
const char *ar_text_trim          (const char *text,
                                   gsize      *length);
gboolean  ar_text_is_clean_line   (const char *text);
char     *ar_text_clean_line      (const char *text);
char     *ar_text_for_layout      (const char *text);
char     *ar_text_wrap            (const char *text,
                                   guint       width);

G_END_DECLS
