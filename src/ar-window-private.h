/* ar-window-private.h: shared by ar-window.c and ar-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-history-page.h"
#include "ar-record-list-page.h"
#include "ar-summary-page.h"
#include "ar-window.h"

G_BEGIN_DECLS

typedef struct
{
  GType  type;
  gint64 id;
} ArHistoryEntry;

struct _ArWindow
{
  AdwApplicationWindow  parent_instance;

  ArStore              *store;
  ArUndoStack          *undo_stack;
  GPtrArray            *list_pages;
  GArray               *history;
  GPtrArray            *undo_records;
  AdwToast             *undo_toast;
  GHashTable           *count_labels;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  ArSummaryPage        *summary_page;
  ArHistoryPage        *history_page;
  GtkMenuButton        *menu_button;
};

void              ar_window_install_actions      (GtkWidgetClass *widget_class);
void              ar_window_install_merge_actions (GtkWidgetClass *widget_class);
void              ar_window_update_actions       (ArWindow       *self);
ArRecordListPage *ar_window_get_current_page     (ArWindow       *self);
ArRecordListPage *ar_window_get_page_for_type    (ArWindow       *self,
                                                  GType           type);
void              ar_window_show_section         (ArWindow       *self,
                                                  const char     *name);
void              ar_window_delete_record        (ArWindow       *self,
                                                  ArRecord       *record);
void              ar_window_toast                (ArWindow       *self,
                                                  const char     *message);
void              ar_window_undo_stack_changed   (ArWindow       *self);
gboolean          ar_window_leave_forms          (ArWindow                *self,
                                                  ArRecordEditorLeaveFunc  then,
                                                  gpointer                 then_data,
                                                  GDestroyNotify           then_destroy);
void              ar_window_go_to_section        (ArWindow       *self,
                                                  const char     *name);

G_END_DECLS
