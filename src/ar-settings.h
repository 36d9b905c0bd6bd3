/* ar-settings.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AR_TYPE_SETTINGS (ar_settings_get_type ())

G_DECLARE_FINAL_TYPE (ArSettings, ar_settings, AR, SETTINGS, GObject)

ArSettings *ar_settings_new                 (void);
GSettings  *ar_settings_get_gsettings       (ArSettings  *self);
char       *ar_settings_dup_default_area    (ArSettings  *self);
void        ar_settings_set_default_area    (ArSettings  *self,
                                             const char  *code);
char       *ar_settings_dup_last_register   (ArSettings  *self);
void        ar_settings_set_last_register   (ArSettings  *self,
                                             const char  *path);
char       *ar_settings_dup_summary_heading (ArSettings  *self);
void        ar_settings_set_summary_heading (ArSettings  *self,
                                             const char  *heading);
GStrv       ar_settings_dup_table_columns   (ArSettings         *self,
                                             const char         *headers_key);
void        ar_settings_set_table_columns   (ArSettings         *self,
                                             const char         *headers_key,
                                             const char * const *fields);

G_END_DECLS
