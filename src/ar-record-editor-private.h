/* ar-record-editor-private.h: shared by the record editor's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record-editor.h"

G_BEGIN_DECLS

/* The form is built from the record class's field table, so every kind of
 * record gets the same editor; the links to and from other records are
 * listed under it. Edits go to a copy until saved. */
struct _ArRecordEditor
{
  AdwBin               parent_instance;

  ArStore             *store;
  ArRecord            *record;
  ArRecord            *working;
  gboolean             dirty;
  gboolean             valid;
  char                *problem;
  GPtrArray           *problems;
  /* what is allowed but doubtful: shown, never blocking Save */
  GPtrArray           *warnings;
  GPtrArray           *rows;
  /* each row's warning sign, in the order of rows */
  GPtrArray           *warning_icons;
  GHashTable          *candidates;
  gboolean             filling;
  /* our own save is under way: the store's echo is not news */
  gboolean             saving;
  /* a new record is shown: the cursor goes to its first field */
  gboolean             focus_first;
  /* the user was asked about these edits and chose to keep them */
  gboolean             asked;

  /* "Discard changes?" and what to do if the answer is yes */
  AdwMessageDialog    *discard_dialog;
  ArRecordEditorLeaveFunc then;
  gpointer             then_data;
  GDestroyNotify       then_destroy;

  GtkStack            *stack;
  GtkLabel            *title_label;
  GtkLabel            *problem_label;
  GtkLabel            *warning_label;
  AdwPreferencesGroup *fields_group;
  GtkBox              *related_box;
};

/* ar-record-editor.c */
void _ar_record_editor_open            (ArRecordEditor *self,
                                        ArRecord       *record);
void _ar_record_editor_remove_link     (ArRecordEditor *self,
                                        ArRecord       *link);

/* ar-record-editor-related.c */
void _ar_record_editor_rebuild_related (ArRecordEditor *self);

G_END_DECLS
