/* ar-test-ui-util.h: for tests that show widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ar_test_ui_init    (int        *argc,
                         char     ***argv);
void ar_test_settle     (void);
void ar_test_screenshot (GtkWidget  *widget,
                         const char *name);
gboolean   ar_test_shows_text          (GtkWidget  *widget,
                                        const char *text);
GtkWindow *ar_test_find_message_dialog (GtkWindow  *parent);

G_END_DECLS
