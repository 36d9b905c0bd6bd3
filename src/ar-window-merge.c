/* ar-window-merge.c: Merge Register…, another register's JSON merged into
 * the open one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file chooser, then a dry run whose counts and conflicts are shown for
 * confirmation, then the merge itself and its report. Both runs go on in a
 * thread with its own connection, as importing a register does; nothing
 * is written before the user confirms, and cancelling anywhere writes
 * nothing.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ar-core.h"
#include "ar-window-private.h"

typedef struct
{
  char     *database;
  char     *path;
  gboolean  dry_run;
} MergeTask;

static void
merge_task_free (gpointer data)
{
  MergeTask *merge = data;

  g_free (merge->database);
  g_free (merge->path);
  g_free (merge);
}

static void
merge_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  MergeTask *merge = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open (merge->database, &error);
  ArMergeReport *report = NULL;

  if (store != NULL)
    report = ar_register_merge_file (store, merge->path, merge->dry_run, &error);

  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) ar_merge_report_free);
}

static void start_merge (ArWindow   *self,
                         const char *path,
                         gboolean    dry_run);

static GtkWidget *
cell (const char *text,
      float       xalign,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else if (xalign > 0)
    gtk_widget_add_css_class (label, "numeric");

  return label;
}

/* The whole report, to read: counts per kind of record, then each
 * conflict, in a grid and lines that fit a narrow dialog. */
static GtkWidget *
report_view (ArMergeReport *report)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  guint row = 1;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Added"), 1, TRUE), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Completed"), 1, TRUE), 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Unchanged"), 1, TRUE), 3, 0, 1, 1);
  for (guint i = 0; i < report->counts->len; i++)
    {
      ArMergeCounts *counts = &g_array_index (report->counts, ArMergeCounts, i);
      g_autofree char *added = g_strdup_printf ("%u", counts->added);
      g_autofree char *updated = g_strdup_printf ("%u", counts->updated);
      g_autofree char *unchanged = g_strdup_printf ("%u", counts->unchanged);

      if (counts->added + counts->updated + counts->unchanged == 0)
        continue;
      gtk_grid_attach (GTK_GRID (grid), cell (counts->label, 0, FALSE), 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (added, 1, FALSE), 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (updated, 1, FALSE), 2, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (unchanged, 1, FALSE), 3, row, 1, 1);
      row++;
    }
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), grid);

  if (report->conflicts->len > 0)
    gtk_box_append (GTK_BOX (box), cell (_("Conflicts (this register’s value is kept)"), 0, TRUE));
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      ArMergeConflict *conflict = g_ptr_array_index (report->conflicts, i);
      g_autofree char *line = g_strdup_printf (_("%s, %s: kept “%s”, not “%s”"), conflict->record, conflict->field,
                                               conflict->ours != NULL ? conflict->ours : _("(empty)"),
                                               conflict->theirs);
      GtkWidget *label = cell (line, 0, FALSE);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      if (conflict->reason != NULL)
        gtk_widget_set_tooltip_text (label, conflict->reason);
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_widget_add_css_class (scrolled, "card");

  return scrolled;
}

static char *
counts_sentence (ArMergeReport *report)
{
  guint n_conflicts = report->conflicts->len;
  g_autofree char *records = NULL;
  g_autofree char *conflicts = NULL;
  g_autofree char *name = g_path_get_basename (report->source);

  records = g_strdup_printf (report->dry_run
                             ? _("Merging “%s” would add %u records, complete %u and leave %u as they are.")
                             : _("Merging “%s” added %u records, completed %u and left %u as they were."),
                             name, report->n_added, report->n_updated, report->n_unchanged);
  if (n_conflicts == 0)
    conflicts = g_strdup (_("No field holds a different value in each register."));
  else
    conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u field holds a different value in each: this register’s value is kept.",
                                              "%u fields hold a different value in each: this register’s values are kept.",
                                              n_conflicts),
                                 n_conflicts);

  return g_strdup_printf ("%s %s", records, conflicts);
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ArWindow         *self)
{
  if (g_strcmp0 (response, "merge") == 0)
    start_merge (self, g_object_get_data (G_OBJECT (dialog), "ar-merge-path"), FALSE);
}

static void
confirm_merge (ArWindow      *self,
               const char    *path,
               ArMergeReport *report)
{
  g_autofree char *body = counts_sentence (report);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Merge Register?"), body);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), report_view (report));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ar-merge-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_report_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ArWindow         *self)
{
  if (g_strcmp0 (response, "copy") == 0)
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                              g_object_get_data (G_OBJECT (dialog), "ar-merge-report"));
      ar_window_toast (self, _("Report copied"));
    }
}

static void
show_report (ArWindow      *self,
             ArMergeReport *report)
{
  g_autofree char *body = counts_sentence (report);
  char *text = ar_merge_report_to_text (report);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Register Merged"), body);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), report_view (report));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "copy", _("C_opy Report"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (dialog), "ar-merge-report", text, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_report_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_merge_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ArWindow *self = AR_WINDOW (source);
  MergeTask *merge = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(ArMergeReport) report = g_task_propagate_pointer (G_TASK (result), &error);

  if (report == NULL)
    {
      ar_window_toast (self, error->message);
      return;
    }

  if (merge->dry_run)
    {
      confirm_merge (self, merge->path, report);
      return;
    }

  /* what the worker's connection wrote, the window's store shows */
  ar_store_emit_changed (self->store, G_TYPE_NONE);
  ar_window_leave_forms (self, NULL, NULL, NULL);
  show_report (self, report);
}

static void
start_merge (ArWindow   *self,
             const char *path,
             gboolean    dry_run)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_merge_done, NULL);
  MergeTask *merge = g_new0 (MergeTask, 1);

  merge->database = g_strdup (ar_store_get_path (self->store));
  merge->path = g_strdup (path);
  merge->dry_run = dry_run;
  g_task_set_task_data (task, merge, merge_task_free);
  g_task_run_in_thread (task, merge_thread);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ArWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        start_merge (self, path, TRUE);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
merge_register_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Merge Register"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Choose"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_set_name (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The same without a file chooser, for tests and scripts: still asks. */
static void
merge_register_from_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  start_merge (AR_WINDOW (widget), g_variant_get_string (parameter, NULL), TRUE);
}

void
ar_window_install_merge_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.merge-register", NULL, merge_register_action);
  gtk_widget_class_install_action (widget_class, "win.merge-register-from", "s", merge_register_from_action);
}
