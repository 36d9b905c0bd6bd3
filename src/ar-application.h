/* ar-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"
#include "ar-settings.h"

G_BEGIN_DECLS

#define AR_TYPE_APPLICATION (ar_application_get_type ())

G_DECLARE_FINAL_TYPE (ArApplication, ar_application, AR, APPLICATION, AdwApplication)

ArApplication *ar_application_new                 (void);
void           ar_application_tune_allocator      (void);
ArSettings    *ar_application_get_settings        (ArApplication *self);
void           ar_application_remember_register   (ArApplication *self,
                                                   const char    *path);

G_END_DECLS
