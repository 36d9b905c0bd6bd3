/* ar-role-dialog.c: a role's title, key functions and "no records" text
 *
 * Key functions are edited as plain text: a blank line between
 * paragraphs, "- " before list items. Leaving with typed text asks first,
 * however the dialog is left (Cancel, Escape, the window manager).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-role-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ar-role-dialog.h"

struct _ArRoleDialog
{
  AdwWindow    parent_instance;

  ArStore     *store;
  ArRecord    *role;
  gboolean     discard;

  AdwEntryRow *title_row;
  AdwEntryRow *no_records_row;
  GtkTextView *text_view;
  GtkLabel    *problem_label;
  GtkButton   *save_button;
};

G_DEFINE_FINAL_TYPE (ArRoleDialog, ar_role_dialog, ADW_TYPE_WINDOW)

static char *
typed_key_functions (ArRoleDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* NULL and "" are the same thing to a text field */
static gboolean
same_text (const char *stored,
           const char *typed)
{
  return g_strcmp0 (stored ? stored : "", typed ? typed : "") == 0;
}

static void
show_problem (ArRoleDialog *self,
              const char   *problem)
{
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

static void
on_changed (ArRoleDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  gboolean has_title = title[0] != '\0';

  if (has_title)
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  show_problem (self, has_title ? NULL : _("Title: a role needs a title"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), has_title);
}

/**
 * ar_role_dialog_save:
 *
 * Saves what is typed and closes; on a problem, says so and stays.
 *
 * Returns: whether it saved
 */
gboolean
ar_role_dialog_save (ArRoleDialog *self)
{
  g_autoptr(ArRecord) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key_functions = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (AR_IS_ROLE_DIALOG (self), FALSE);

  key_functions = typed_key_functions (self);
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  changed = ar_record_copy (self->role);
  ar_record_set_text (changed, "title", title);
  ar_record_set_text (changed, "key_functions", key_functions);
  ar_record_set_text (changed, "no_records_text", gtk_editable_get_text (GTK_EDITABLE (self->no_records_row)));

  if (!ar_store_save (self->store, changed, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }

  self->discard = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (ArRoleDialog *self)
{
  ar_role_dialog_save (self);
}

static void
on_leave_response (AdwMessageDialog *dialog,
                   const char       *response,
                   ArRoleDialog     *self)
{
  /* the question outlives this dialog by a moment: let go of it first */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);

  if (g_strcmp0 (response, "save") == 0)
    ar_role_dialog_save (self);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      self->discard = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
ar_role_dialog_close_request (GtkWindow *window)
{
  ArRoleDialog *self = AR_ROLE_DIALOG (window);
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  if (self->discard || !ar_role_dialog_get_dirty (self))
    return GTK_WINDOW_CLASS (ar_role_dialog_parent_class)->close_request (window);

  title = ar_record_describe (self->role);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("What you typed for “%s” is not saved yet."), title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
ar_role_dialog_dispose (GObject *object)
{
  ArRoleDialog *self = AR_ROLE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->role);

  G_OBJECT_CLASS (ar_role_dialog_parent_class)->dispose (object);
}

static void
ar_role_dialog_class_init (ArRoleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ar_role_dialog_dispose;
  window_class->close_request = ar_role_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-role-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ArRoleDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ArRoleDialog, no_records_row);
  gtk_widget_class_bind_template_child (widget_class, ArRoleDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, ArRoleDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, ArRoleDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);

  /* Escape leaves as Cancel does, asking first when something was typed */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ar_role_dialog_init (ArRoleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ArRoleDialog *
ar_role_dialog_new (GtkWindow *parent,
                    ArStore   *store,
                    ArRecord  *role)
{
  ArRoleDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);
  g_return_val_if_fail (AR_IS_ROLE (role), NULL);

  self = g_object_new (AR_TYPE_ROLE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->role = ar_record_copy (role);

  title = ar_record_describe (role);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), ar_record_get_text (role, "title") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->no_records_row), ar_record_get_text (role, "no_records_text") ?: "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            ar_record_get_text (role, "key_functions") ?: "", -1);
  on_changed (self);

  return self;
}

/**
 * ar_role_dialog_get_dirty:
 *
 * Returns: whether anything typed differs from the role as saved
 */
gboolean
ar_role_dialog_get_dirty (ArRoleDialog *self)
{
  g_autofree char *key_functions = NULL;

  g_return_val_if_fail (AR_IS_ROLE_DIALOG (self), FALSE);

  key_functions = typed_key_functions (self);
  return !same_text (ar_record_get_text (self->role, "title"), gtk_editable_get_text (GTK_EDITABLE (self->title_row)))
         || !same_text (ar_record_get_text (self->role, "no_records_text"),
                        gtk_editable_get_text (GTK_EDITABLE (self->no_records_row)))
         || !same_text (ar_record_get_text (self->role, "key_functions"), key_functions);
}

/* For tests and scripts: types into the fields; NULL leaves one as it is. */
void
ar_role_dialog_set_text (ArRoleDialog *self,
                         const char   *title,
                         const char   *key_functions)
{
  g_return_if_fail (AR_IS_ROLE_DIALOG (self));

  if (title != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  if (key_functions != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), key_functions, -1);
}
