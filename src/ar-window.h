/* ar-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-application.h"

G_BEGIN_DECLS

#define AR_TYPE_WINDOW (ar_window_get_type ())

G_DECLARE_FINAL_TYPE (ArWindow, ar_window, AR, WINDOW, AdwApplicationWindow)

ArWindow *ar_window_new       (ArApplication *application,
                               ArStore       *store);
ArStore  *ar_window_get_store (ArWindow      *self);

G_END_DECLS
