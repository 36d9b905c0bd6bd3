/* ar-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"
#include "ar-settings.h"

G_BEGIN_DECLS

#define AR_TYPE_PREFERENCES_WINDOW (ar_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ArPreferencesWindow, ar_preferences_window, AR, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *ar_preferences_window_new (ArSettings *settings,
                                      ArStore    *store);

G_END_DECLS
