/* ar-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ar-core.h"

G_BEGIN_DECLS

#define AR_TYPE_WINDOW (ar_window_get_type ())

G_DECLARE_FINAL_TYPE (ArWindow, ar_window, AR, WINDOW, AdwApplicationWindow)

ArWindow *ar_window_new         (GtkApplication *application,
                                 ArStore        *store);
ArStore  *ar_window_get_store   (ArWindow       *self);
void      ar_window_set_store   (ArWindow       *self,
                                 ArStore        *store);
void      ar_window_show_record (ArWindow       *self,
                                 ArRecord       *record);
gboolean  ar_window_go_back     (ArWindow       *self);
const char *ar_window_get_visible_section (ArWindow *self);

G_END_DECLS
