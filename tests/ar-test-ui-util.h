/* ar-test-ui-util.h: for tests that show widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ar-record-list-page.h"
#include "ar-store.h"
#include "ar-window.h"

G_BEGIN_DECLS

void ar_test_ui_init    (int        *argc,
                         char     ***argv);
void ar_test_settle     (void);
void ar_test_screenshot (GtkWidget  *widget,
                         const char *name);
gboolean   ar_test_shows_text          (GtkWidget  *widget,
                                        const char *text);
GtkWindow *ar_test_find_message_dialog (GtkWindow  *parent);
GtkWindow *ar_test_find_dialog         (GtkWindow  *parent,
                                        const char *response);
GtkWindow *ar_test_find_toplevel       (GType       type);

ArWindow         *ar_test_window_new  (ArStore    *store,
                                       int         width,
                                       int         height);
void              ar_test_activate    (ArWindow   *window,
                                       const char *action,
                                       const char *target);
ArRecordListPage *ar_test_page        (ArWindow   *window,
                                       GType       type);
void              ar_test_wait_frames (GtkWidget  *widget,
                                       int         n);

GtkWidget *ar_test_find_widget     (GtkWidget  *widget,
                                    GType       type);
void       ar_test_find_all        (GtkWidget  *widget,
                                    GType       type,
                                    GPtrArray  *found);
GtkWidget *ar_test_find_named      (GtkWidget  *widget,
                                    const char *name);
GtkWidget *ar_test_find_tooltip    (GtkWidget  *widget,
                                    GType       type,
                                    const char *tooltip);
GtkWidget *ar_test_find_actionable (GtkWidget  *widget,
                                    GType       type,
                                    const char *action_name);

G_END_DECLS
