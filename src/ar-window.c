/* ar-window.c: the main window: sections in a sidebar, one page each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ar-application.h"
#include "ar-window-private.h"

G_DEFINE_FINAL_TYPE (ArWindow, ar_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_counts (ArWindow *self)
{
  guint n_sections;
  const ArSection *sections = ar_sections (&n_sections);

  for (guint i = 0; i < n_sections; i++)
    {
      GtkLabel *label = g_hash_table_lookup (self->count_labels, sections[i].name);
      g_autofree char *text = NULL;

      if (self->store != NULL)
        text = g_strdup_printf ("%'u", ar_store_count (self->store, sections[i].get_type ()));
      gtk_label_set_text (label, text ? text : "");
    }
}

/* An empty register has nothing to list: offer the ways to fill it. */
static void
update_empty_state (ArWindow *self)
{
  gboolean empty = self->store == NULL || ar_store_is_empty (self->store);
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  if (empty && g_strcmp0 (visible, "empty") != 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (!empty && g_strcmp0 (visible, "empty") == 0)
    ar_window_show_section (self, "summary");
}

static void
on_store_changed (ArWindow *self,
                  GType     type)
{
  update_counts (self);
  update_empty_state (self);
  ar_window_update_actions (self);
}

typedef struct
{
  ArWindow *window;
  ArRecord *record;
} PendingRecord;

static void
pending_record_free (gpointer data)
{
  PendingRecord *pending = data;

  g_object_unref (pending->window);
  g_object_unref (pending->record);
  g_free (pending);
}

static void
show_record_later (gpointer data)
{
  PendingRecord *pending = data;

  ar_window_show_record (pending->window, pending->record);
}

static void
on_open_record (ArRecordEditor *editor,
                ArRecord       *record,
                ArWindow       *self)
{
  PendingRecord *pending;

  /* a link record opens over the form: the form is not left */
  if (ar_window_get_page_for_type (self, G_OBJECT_TYPE (record)) == NULL)
    {
      ar_window_show_record (self, record);
      return;
    }

  pending = g_new0 (PendingRecord, 1);
  pending->window = g_object_ref (self);
  pending->record = g_object_ref (record);
  if (ar_window_leave_forms (self, show_record_later, pending, pending_record_free))
    {
      pending_record_free (pending);
      ar_window_show_record (self, record);
    }
}

static void
on_delete_record (ArRecordEditor *editor,
                  ArRecord       *record,
                  ArWindow       *self)
{
  ar_window_delete_record (self, record);
}

static void
on_editor_dirty (ArWindow *self)
{
  ar_window_update_actions (self);
}

/* What a page has selected decides Delete and the rest: the page says so,
 * the window listens, and ar_window_update_actions() decides. */
static void
on_page_selected_record (ArRecordListPage *page,
                         GParamSpec       *pspec,
                         ArWindow         *self)
{
  if (ar_window_get_current_page (self) == page)
    ar_window_update_actions (self);
}

static GtkWidget *
sidebar_row (ArWindow   *self,
             const char *name,
             const char *title,
             const char *icon)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "sidebar-count");
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  g_hash_table_insert (self->count_labels, (gpointer) name, count);

  return row;
}

static void
on_sidebar_row_activated (GtkListBox    *list,
                          GtkListBoxRow *row,
                          ArWindow      *self)
{
  ar_window_go_to_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_folded_changed (ArWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  for (guint i = 0; i < self->list_pages->len; i++)
    ar_record_list_page_set_sidebar_button_visible (g_ptr_array_index (self->list_pages, i), folded);
  ar_summary_page_set_sidebar_button_visible (self->summary_page, folded);
  ar_history_page_set_sidebar_button_visible (self->history_page, folded);
}

static void
on_explain_changes (ArSummaryPage *summary,
                    const char    *from,
                    const char    *to,
                    ArWindow      *self)
{
  ar_history_page_set_period (self->history_page, from, to);
  ar_window_go_to_section (self, "history");
}

static void
build_sections (ArWindow *self)
{
  guint n_sections;
  const ArSection *sections = ar_sections (&n_sections);

  gtk_list_box_append (self->sidebar, sidebar_row (self, "summary", _("Summary"), "x-office-document-symbolic"));

  for (guint i = 0; i < n_sections; i++)
    {
      const ArSection *section = &sections[i];
      ArRecordListPage *page = ar_record_list_page_new (section);
      ArRecordEditor *editor = ar_record_list_page_get_editor (page);

      g_signal_connect (editor, "open-record", G_CALLBACK (on_open_record), self);
      g_signal_connect (editor, "delete-record", G_CALLBACK (on_delete_record), self);
      g_signal_connect_swapped (editor, "notify::dirty", G_CALLBACK (on_editor_dirty), self);
      g_signal_connect (page, "notify::selected-record", G_CALLBACK (on_page_selected_record), self);
      gtk_stack_add_named (self->stack, GTK_WIDGET (page), section->name);
      g_ptr_array_add (self->list_pages, page);
      gtk_list_box_append (self->sidebar, sidebar_row (self, section->name, _(section->title), section->icon));
    }

  /* every change to the register, after the records themselves */
  self->history_page = AR_HISTORY_PAGE (ar_history_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->history_page), "history");
  gtk_list_box_append (self->sidebar, sidebar_row (self, "history", _("History"), "document-open-recent-symbolic"));
  g_signal_connect (self->summary_page, "explain-changes", G_CALLBACK (on_explain_changes), self);
}

typedef struct
{
  ArWindow                *window;
  ArRecordEditorLeaveFunc  then;
  gpointer                 then_data;
  GDestroyNotify           then_destroy;
} PendingLeave;

static void
pending_leave_free (gpointer data)
{
  PendingLeave *pending = data;

  if (pending->then_destroy != NULL && pending->then_data != NULL)
    pending->then_destroy (pending->then_data);
  g_object_unref (pending->window);
  g_free (pending);
}

/* One form's edits were discarded: look at the others again, then go on. */
static void
leave_forms_again (gpointer data)
{
  PendingLeave *pending = data;
  gpointer then_data = g_steal_pointer (&pending->then_data);

  if (ar_window_leave_forms (pending->window, pending->then, then_data, pending->then_destroy))
    {
      if (pending->then != NULL)
        pending->then (then_data);
      if (pending->then_destroy != NULL && then_data != NULL)
        pending->then_destroy (then_data);
    }
}

/**
 * ar_window_leave_forms:
 * @then: (nullable): what to do once every form can be left, if the user
 *   has to be asked first
 *
 * Every way of leaving the forms does what closing does: valid edits are
 * saved; a form with invalid edits is brought forward with the reason
 * shown, and a dialog offers to discard them.
 *
 * Returns: %TRUE when the forms may be left now (@then is not called and
 *   @then_data is not freed: the caller goes on itself); %FALSE when one
 *   stays (@then runs if the user discards)
 */
gboolean
ar_window_leave_forms (ArWindow                *self,
                       ArRecordEditorLeaveFunc  then,
                       gpointer                 then_data,
                       GDestroyNotify           then_destroy)
{
  for (guint i = 0; i < self->list_pages->len; i++)
    {
      ArRecordListPage *page = g_ptr_array_index (self->list_pages, i);
      ArRecordEditor *editor = ar_record_list_page_get_editor (page);
      PendingLeave *pending;

      if (!ar_record_editor_get_dirty (editor))
        continue;

      pending = g_new0 (PendingLeave, 1);
      pending->window = g_object_ref (self);
      pending->then = then;
      pending->then_data = then_data;
      pending->then_destroy = then_destroy;
      if (ar_record_editor_leave (editor, FALSE, leave_forms_again, pending, pending_leave_free))
        {
          /* saved: the caller's data is still the caller's */
          g_object_unref (pending->window);
          g_free (pending);
        }
      else
        {
          gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
          ar_window_show_section (self, gtk_stack_get_visible_child_name (self->stack));
          adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
          return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  ArWindow *window;
  char     *name;
} PendingSection;

static void
pending_section_free (gpointer data)
{
  PendingSection *pending = data;

  g_object_unref (pending->window);
  g_free (pending->name);
  g_free (pending);
}

static void
go_to_section_later (gpointer data)
{
  PendingSection *pending = data;

  ar_window_go_to_section (pending->window, pending->name);
}

/**
 * ar_window_go_to_section:
 *
 * What the sidebar does: leaves the forms (see ar_window_leave_forms())
 * and shows the section @name.
 */
void
ar_window_go_to_section (ArWindow   *self,
                         const char *name)
{
  PendingSection *pending;

  if (g_strcmp0 (name, gtk_stack_get_visible_child_name (self->stack)) != 0)
    {
      pending = g_new0 (PendingSection, 1);
      pending->window = g_object_ref (self);
      pending->name = g_strdup (name);
      if (!ar_window_leave_forms (self, go_to_section_later, pending, pending_section_free))
        return;
      pending_section_free (pending);
    }

  ar_window_show_section (self, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Nothing is lost on close: valid edits are saved; invalid ones are
 * shown and the window stays open so they can be fixed or reverted. */
static gboolean
ar_window_close_request (GtkWindow *window)
{
  ArWindow *self = AR_WINDOW (window);

  for (guint i = 0; i < self->list_pages->len; i++)
    {
      ArRecordListPage *page = g_ptr_array_index (self->list_pages, i);
      ArRecordEditor *editor = ar_record_list_page_get_editor (page);

      if (!ar_record_editor_get_dirty (editor))
        continue;

      if (ar_record_editor_get_valid (editor))
        ar_record_editor_save (editor, NULL);
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("Not saved: %s. Fix it, or press Revert to drop the changes."),
                             ar_record_editor_get_problem (editor));

          gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
          ar_window_toast (self, message);
          return TRUE;
        }
    }

  return GTK_WINDOW_CLASS (ar_window_parent_class)->close_request (window);
}

static void
ar_window_dispose (GObject *object)
{
  ArWindow *self = AR_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->undo_records, g_ptr_array_unref);


  g_clear_pointer (&self->list_pages, g_ptr_array_unref);
  g_clear_pointer (&self->history, g_array_unref);
  g_clear_pointer (&self->count_labels, g_hash_table_unref);

  G_OBJECT_CLASS (ar_window_parent_class)->dispose (object);
}

/* The tooltip of an icon-only button, without its shortcut ("Add (Ctrl+N)"
 * says "Add"), as the name a screen reader gives it: GTK 4.8 would call it
 * "GtkImage". The inner button of a menu button or a drop-down takes its
 * owner's tooltip. */
static gboolean
name_icon_button (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkWidget *owner = widget;
  GtkWidget *parent;
  GtkWidget *row;
  g_autofree char *tooltip = NULL;
  gboolean icon_only;
  char *shortcut;

  if (!GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget))
    return TRUE;
  if (g_object_get_data (G_OBJECT (widget), "ar-named") != NULL)
    return TRUE;

  parent = gtk_widget_get_parent (widget);
  if (GTK_IS_BUTTON (widget) && (GTK_IS_MENU_BUTTON (parent) || GTK_IS_DROP_DOWN (parent)))
    owner = parent;

  if (GTK_IS_MENU_BUTTON (owner))
    icon_only = gtk_menu_button_get_label (GTK_MENU_BUTTON (owner)) == NULL;
  else if (GTK_IS_DROP_DOWN (owner))
    icon_only = TRUE;
  else
    icon_only = gtk_button_get_label (GTK_BUTTON (widget)) == NULL
                && (gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL
                    || GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))));

  tooltip = gtk_widget_get_tooltip_text (owner) ? g_strdup (gtk_widget_get_tooltip_text (owner)) : NULL;
  if (GTK_IS_DROP_DOWN (owner) && tooltip == NULL)
    {
      /* named by the label beside its drop-down, as the drop-down is */
      for (GtkWidget *sibling = gtk_widget_get_first_child (gtk_widget_get_parent (owner)); sibling != NULL;
           sibling = gtk_widget_get_next_sibling (sibling))
        {
          if (GTK_IS_LABEL (sibling) && gtk_label_get_mnemonic_widget (GTK_LABEL (sibling)) == owner)
            {
              gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                              sibling, NULL, -1);
              g_object_set_data (G_OBJECT (widget), "ar-named", GINT_TO_POINTER (TRUE));
              return TRUE;
            }
        }
      /* or by the title of the row it is in (a link in the form) */
      row = gtk_widget_get_ancestor (owner, ADW_TYPE_PREFERENCES_ROW);
      if (row != NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
          g_object_set_data (G_OBJECT (widget), "ar-named", GINT_TO_POINTER (TRUE));
        }
      return TRUE;
    }
  /* libadwaita 1.2's toasts have a close button with neither */
  if (tooltip == NULL && icon_only && parent != NULL && g_str_equal (gtk_widget_get_css_name (parent), "toast"))
    tooltip = g_strdup (_("Dismiss"));
  if (!icon_only || tooltip == NULL)
    return TRUE;

  shortcut = g_str_has_suffix (tooltip, ")") ? strrchr (tooltip, '(') : NULL;
  if (shortcut != NULL && shortcut > tooltip && shortcut[-1] == ' ')
    shortcut[-1] = '\0';
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (widget), "ar-named", GINT_TO_POINTER (TRUE));

  return TRUE;
}

static void
ar_window_class_init (ArWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ar_window_dispose;
  window_class->close_request = ar_window_close_request;

  g_type_ensure (AR_TYPE_SUMMARY_PAGE);

  /* every button, wherever it is made (rows added later, dialogs) */
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, name_icon_button, NULL, NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ArWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ArWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ArWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ArWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ArWindow, summary_page);
  gtk_widget_class_bind_template_child (widget_class, ArWindow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);

  ar_window_install_actions (widget_class);
}

static void
ar_window_init (ArWindow *self)
{
  self->list_pages = g_ptr_array_new ();
  self->history = g_array_new (FALSE, FALSE, sizeof (ArHistoryEntry));
  self->count_labels = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_widget_init_template (GTK_WIDGET (self));
  build_sections (self);
  on_folded_changed (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

ArWindow *
ar_window_new (GtkApplication *application,
               ArStore        *store)
{
  ArWindow *self = g_object_new (AR_TYPE_WINDOW, "application", application, NULL);

  ar_window_set_store (self, store);

  return self;
}

ArStore *
ar_window_get_store (ArWindow *self)
{
  g_return_val_if_fail (AR_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * ar_window_set_store:
 *
 * Shows another register in this window.
 */
void
ar_window_set_store (ArWindow *self,
                     ArStore  *store)
{
  g_autofree char *title = NULL;

  g_return_if_fail (AR_IS_WINDOW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_array_set_size (self->history, 0);
  g_clear_pointer (&self->undo_records, g_ptr_array_unref);
  g_clear_object (&self->undo_stack);

  if (store != NULL)
    {
      g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
      /* every change made here can be undone, whichever page made it */
      self->undo_stack = ar_undo_stack_new (store);
      g_signal_connect_swapped (self->undo_stack, "notify", G_CALLBACK (ar_window_undo_stack_changed), self);
    }

  for (guint i = 0; i < self->list_pages->len; i++)
    ar_record_list_page_set_store (g_ptr_array_index (self->list_pages, i), store);

  if (AR_IS_APPLICATION (g_application_get_default ()))
    {
      ArSettings *settings = ar_application_get_settings (AR_APPLICATION (g_application_get_default ()));
      g_autofree char *area = settings ? ar_settings_dup_default_area (settings) : NULL;
      g_autofree char *heading = settings ? ar_settings_dup_summary_heading (settings) : NULL;

      ar_summary_page_set_area (self->summary_page, area);
      ar_summary_page_set_heading (self->summary_page, heading);
    }
  ar_summary_page_set_store (self->summary_page, store);
  ar_history_page_set_store (self->history_page, store);

  if (store != NULL)
    {
      g_autofree char *name = g_path_get_basename (ar_store_get_path (store));

      title = g_strdup_printf ("%s – %s", name, _("Alliance Register"));
    }
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Alliance Register"));

  update_counts (self);
  ar_window_show_section (self, "summary");
  update_empty_state (self);
  ar_window_update_actions (self);
}

ArRecordListPage *
ar_window_get_page_for_type (ArWindow *self,
                             GType     type)
{
  for (guint i = 0; i < self->list_pages->len; i++)
    {
      ArRecordListPage *page = g_ptr_array_index (self->list_pages, i);

      if (ar_record_list_page_get_record_type (page) == type)
        return page;
    }

  return NULL;
}

ArRecordListPage *
ar_window_get_current_page (ArWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);

  return AR_IS_RECORD_LIST_PAGE (child) ? AR_RECORD_LIST_PAGE (child) : NULL;
}

const char *
ar_window_get_visible_section (ArWindow *self)
{
  g_return_val_if_fail (AR_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
ar_window_show_section (ArWindow   *self,
                        const char *name)
{
  GtkWidget *row;

  gtk_stack_set_visible_child_name (self->stack, name);

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
    }

  ar_window_update_actions (self);
}

static void
on_dialog_editor_saved (ArRecordEditor *editor,
                        GtkWindow      *dialog)
{
  gtk_window_destroy (dialog);
}

/* Links between records (memberships, academies, designations) have no
 * section of their own: they open over the window. */
static void
edit_in_dialog (ArWindow *self,
                ArRecord *record)
{
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *editor = ar_record_editor_new ();

  gtk_window_set_title (GTK_WINDOW (dialog), _(AR_RECORD_GET_CLASS (record)->label));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 600);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  ar_record_editor_set_store (AR_RECORD_EDITOR (editor), self->store);
  ar_record_editor_set_record (AR_RECORD_EDITOR (editor), record);
  gtk_widget_set_vexpand (editor, TRUE);
  gtk_box_append (GTK_BOX (box), editor);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  g_signal_connect (editor, "saved", G_CALLBACK (on_dialog_editor_saved), dialog);
  g_signal_connect (editor, "open-record", G_CALLBACK (on_open_record), self);
  g_object_set_data (G_OBJECT (self), "ar-last-dialog-editor", editor);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
push_history (ArWindow *self)
{
  ArRecordListPage *page = ar_window_get_current_page (self);
  ArRecord *shown = page ? ar_record_list_page_get_selected (page) : NULL;
  ArHistoryEntry entry = { page ? ar_record_list_page_get_record_type (page) : G_TYPE_NONE,
                           shown ? ar_record_get_id (shown) : 0 };

  g_array_append_val (self->history, entry);
}

static void
show_record_now (ArWindow *self,
                 GType     type,
                 gint64    id)
{
  ArRecordListPage *page = ar_window_get_page_for_type (self, type);

  if (page == NULL)
    {
      ar_window_show_section (self, "summary");
      return;
    }

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
  ar_window_show_section (self, gtk_stack_get_visible_child_name (self->stack));
  if (id != 0)
    ar_record_list_page_open_id (page, id);
}

/**
 * ar_window_show_record:
 *
 * Goes to @record's section and shows it there (Back returns); a record
 * that links two others opens over the window.
 */
void
ar_window_show_record (ArWindow *self,
                       ArRecord *record)
{
  g_return_if_fail (AR_IS_WINDOW (self));
  g_return_if_fail (AR_IS_RECORD (record));

  if (ar_window_get_page_for_type (self, G_OBJECT_TYPE (record)) == NULL)
    {
      edit_in_dialog (self, record);
      return;
    }

  push_history (self);
  show_record_now (self, G_OBJECT_TYPE (record), ar_record_get_id (record));
  ar_window_update_actions (self);
}

static void
go_back_later (gpointer data)
{
  ar_window_go_back (data);
}

gboolean
ar_window_go_back (ArWindow *self)
{
  ArHistoryEntry entry;

  g_return_val_if_fail (AR_IS_WINDOW (self), FALSE);

  if (self->history->len == 0)
    return FALSE;

  if (!ar_window_leave_forms (self, go_back_later, g_object_ref (self), g_object_unref))
    return FALSE;
  g_object_unref (self);

  entry = g_array_index (self->history, ArHistoryEntry, self->history->len - 1);
  g_array_set_size (self->history, self->history->len - 1);
  show_record_now (self, entry.type, entry.id);
  ar_window_update_actions (self);

  return TRUE;
}

void
ar_window_toast (ArWindow   *self,
                 const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_undo_toast_dismissed (AdwToast *toast,
                         ArWindow *self)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

/* The toast's words for what went with a record, as "2 alliance
 * memberships"; each kind has its own plural forms. */
static char *
describe_count (GType type,
                guint n)
{
  if (type == AR_TYPE_ALLIANCE_MEMBER)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u alliance membership", "%u alliance memberships", n), n);
  if (type == AR_TYPE_TRUST_ACADEMY)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trust membership", "%u trust memberships", n), n);
  if (type == AR_TYPE_DESIGNATION)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u designation", "%u designations", n), n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u linked record", "%u linked records", n), n);
}

/* "Deleted “Ayston School” and 2 alliance memberships; 1 record no longer
 * links to it": what went, by kind, and what only lost its link. */
static char *
describe_deletion (ArWindow   *self,
                   const char *name,
                   GPtrArray  *removed)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  GType order[] = { AR_TYPE_ALLIANCE_MEMBER, AR_TYPE_TRUST_ACADEMY, AR_TYPE_DESIGNATION, G_TYPE_NONE };
  guint unlinked = 0;

  for (guint i = 1; i < removed->len; i++)
    {
      ArRecord *record = g_ptr_array_index (removed, i);
      g_autoptr(ArRecord) still = ar_store_get (self->store, G_OBJECT_TYPE (record), ar_record_get_id (record), NULL);
      GType type = G_OBJECT_TYPE (record);

      if (still != NULL)
        {
          unlinked++;
          continue;
        }
      if (type != AR_TYPE_ALLIANCE_MEMBER && type != AR_TYPE_TRUST_ACADEMY && type != AR_TYPE_DESIGNATION)
        type = G_TYPE_NONE;
      g_hash_table_insert (counts, GSIZE_TO_POINTER (type),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, GSIZE_TO_POINTER (type))) + 1));
    }

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GSIZE_TO_POINTER (order[k])));

      if (n > 0)
        g_ptr_array_add (parts, describe_count (order[k], n));
    }

  if (parts->len == 0)
    g_string_printf (text, _("Deleted “%s”"), name);
  else
    {
      g_autoptr(GString) list = g_string_new (g_ptr_array_index (parts, 0));

      for (guint i = 1; i < parts->len; i++)
        /* TRANSLATORS: joins the last two of "2 alliance memberships, 1 trust membership and 3 designations" */
        g_string_append_printf (list, i + 1 == parts->len ? _(" and %s") : _(", %s"),
                                (char *) g_ptr_array_index (parts, i));
      /* TRANSLATORS: the first %s is the record's name, the second what went with it */
      g_string_printf (text, _("Deleted “%s” and %s"), name, list->str);
    }

  if (unlinked > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; %u record no longer links to it",
                                               "; %u records no longer link to it", unlinked),
                            unlinked);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ar_window_delete_record:
 *
 * Deletes @record (and what depends on it) at once, with a toast whose
 * Undo puts it all back.
 */
void
ar_window_delete_record (ArWindow *self,
                         ArRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autofree char *name = ar_record_describe (record);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (ar_record_get_id (record) == 0)
    {
      /* never saved: just let it go */
      ArRecordListPage *page = ar_window_get_page_for_type (self, G_OBJECT_TYPE (record));

      if (page != NULL)
        ar_record_editor_set_record (ar_record_list_page_get_editor (page), NULL);
      return;
    }

  removed = ar_store_delete (self->store, record, &error);
  if (removed == NULL)
    {
      ar_window_toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->undo_records, g_ptr_array_unref);
  self->undo_records = g_steal_pointer (&removed);

  title = describe_deletion (self, name, self->undo_records);
  toast = adw_toast_new (title);
  /* time to read what went and to undo it; the toast also stays while
   * the pointer or the focus is on it (libadwaita's toasts do that) */
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self);
  self->undo_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  ar_window_update_actions (self);
}
