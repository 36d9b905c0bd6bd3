/* ar-record-editor.c: view and edit one record, and follow its links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ar-field-row.h"
#include "ar-record-editor-private.h"

G_DEFINE_FINAL_TYPE (ArRecordEditor, ar_record_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  PROP_DIRTY,
  PROP_VALID,
  N_PROPS
};

enum {
  OPEN_RECORD,
  DELETE_RECORD,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rebuild (ArRecordEditor *self);

void
_ar_record_editor_open (ArRecordEditor *self,
                        ArRecord       *record)
{
  g_signal_emit (self, signals[OPEN_RECORD], 0, record);
}

void
_ar_record_editor_remove_link (ArRecordEditor *self,
                               ArRecord       *link)
{
  g_signal_emit (self, signals[DELETE_RECORD], 0, link);
}

static void
set_dirty_and_valid (ArRecordEditor *self,
                     gboolean        dirty,
                     gboolean        valid)
{
  if (self->dirty != dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

/* Save is for edits that can be saved (the .ui binds it) */
static gboolean
can_save (gpointer  instance,
          gboolean  dirty,
          gboolean  valid)
{
  return dirty && valid;
}

static char *
field_title (const ArField *field)
{
  return field->type == AR_FIELD_DATE
         ? g_strdup_printf (_("%s (YYYY-MM-DD)"), _(field->label))
         : g_strdup (_(field->label));
}

/* What a row says in its title: its problem if it has one, else its
 * warning, else its name. */
typedef enum
{
  ROW_PLAIN,
  ROW_WARNING,
  ROW_ERROR,
} RowState;

/* A field's problem or warning is said in place of its title, the problem
 * in the error colour, the warning in the warning colour with a sign (so
 * not by colour alone): the title line is always there, so the form does
 * not move as they come and go. Screen readers hear it as the row's
 * description. */
static void
show_row_problem (GtkWidget     *row,
                  GtkWidget     *warning_icon,
                  const ArField *field,
                  RowState       state,
                  const char    *message)
{
  g_autofree char *title = state != ROW_PLAIN ? g_strdup (message) : field_title (field);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_widget_set_tooltip_text (row, state != ROW_PLAIN ? message : NULL);
  /* a name fits one line; a message is read whole, so it wraps */
  if (ADW_IS_ACTION_ROW (row) && g_object_get_data (G_OBJECT (row), "ar-title-lines") == NULL)
    g_object_set_data (G_OBJECT (row), "ar-title-lines",
                       GINT_TO_POINTER (adw_action_row_get_title_lines (ADW_ACTION_ROW (row)) + 1));
  if (ADW_IS_ACTION_ROW (row))
    adw_action_row_set_title_lines (ADW_ACTION_ROW (row), state != ROW_PLAIN ? 0
                                    : GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "ar-title-lines")) - 1);
  if (state == ROW_ERROR)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (state == ROW_WARNING)
    gtk_widget_add_css_class (row, "warning");
  else
    gtk_widget_remove_css_class (row, "warning");
  gtk_widget_set_visible (warning_icon, state == ROW_WARNING);

  if (state != ROW_PLAIN)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static const char *
message_at (GPtrArray *list,
            int        field)
{
  for (guint j = 0; list != NULL && j < list->len; j++)
    {
      ArFieldProblem *problem = g_ptr_array_index (list, j);

      if (problem->field == field)
        return problem->message;
    }

  return NULL;
}

/* What is about no one field, one a line. */
static void
show_general (GtkLabel  *label,
              GPtrArray *list)
{
  g_autoptr(GString) general = g_string_new (NULL);

  for (guint j = 0; list != NULL && j < list->len; j++)
    {
      ArFieldProblem *problem = g_ptr_array_index (list, j);

      if (problem->field < 0)
        g_string_append_printf (general, "%s%s", general->len ? "\n" : "", problem->message);
    }
  gtk_label_set_text (label, general->str);
  gtk_widget_set_visible (GTK_WIDGET (label), general->len > 0);
}

/* Checks the copy being edited and marks every field that is wrong, each
 * with its own message, and every field with a warning; the field comes
 * with the problem, never from reading the message. */
static void
revalidate (ArRecordEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  guint n_fields;
  const ArField *fields;
  gboolean valid;
  gboolean quiet;

  if (self->working == NULL)
    return;

  problems = self->store != NULL ? ar_store_list_problems (self->store, self->working)
                                 : ar_record_list_problems (self->working);
  warnings = self->store != NULL ? ar_record_list_warnings (self->working, self->store)
                                 : g_ptr_array_new ();
  valid = problems->len == 0;

  g_free (self->problem);
  self->problem = valid ? NULL : g_strdup (((ArFieldProblem *) g_ptr_array_index (problems, 0))->message);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_ptr_array_ref (problems);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = g_ptr_array_ref (warnings);

  /* a blank new form is not told off before anything is typed */
  quiet = self->record != NULL && ar_record_get_id (self->record) == 0
          && ar_record_equal (self->record, self->working);

  fields = ar_record_get_fields (self->working, &n_fields);
  for (guint i = 0; i < n_fields && i < self->rows->len; i++)
    {
      const char *problem = quiet ? NULL : message_at (problems, i);
      const char *warning = quiet ? NULL : message_at (warnings, i);

      show_row_problem (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->warning_icons, i),
                        &fields[i], problem ? ROW_ERROR : warning ? ROW_WARNING : ROW_PLAIN,
                        problem ? problem : warning);
    }

  /* what is about no one field is said above the form */
  show_general (self->problem_label, problems);
  show_general (self->warning_label, quiet ? NULL : warnings);

  /* a new record untouched is not an edit: leaving it loses nothing */
  set_dirty_and_valid (self, self->record != NULL && !ar_record_equal (self->record, self->working),
                       valid);
}

/* The field a row edits: rows are in the order of the field table. */
static guint
field_index_of (ArRecordEditor *self,
                GtkWidget      *row)
{
  guint index = 0;

  while (row != NULL && !g_ptr_array_find (self->rows, row, &index))
    row = gtk_widget_get_parent (row);
  g_assert (row != NULL);

  return index;
}

/* A choice field's stored values, in the order the row lists them. */
static const char * const *
choices_of (const ArField *field)
{
  return field->type == AR_FIELD_CODE_LINK ? ar_role_designation_codes : (const char * const *) field->choices;
}

static void
set_working_text (ArRecordEditor *self,
                  guint           index,
                  const char     *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  ar_record_set_value (self->working, index, &value);
  self->asked = FALSE;
  revalidate (self);
}

static void
set_working_integer (ArRecordEditor *self,
                     guint           index,
                     gint64          number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, number);
  ar_record_set_value (self->working, index, &value);
  self->asked = FALSE;
  revalidate (self);
}

static void
on_entry_changed (GtkEditable    *editable,
                  ArRecordEditor *self)
{
  guint index = field_index_of (self, GTK_WIDGET (editable));
  const ArField *field = &ar_record_get_fields (self->working, NULL)[index];
  const char *text = gtk_editable_get_text (editable);

  if (self->filling)
    return;

  if (field->type == AR_FIELD_INTEGER)
    set_working_integer (self, index, g_ascii_strtoll (text, NULL, 10));
  else
    set_working_text (self, index, text);
}

static void
on_combo_selected (AdwComboRow    *row,
                   GParamSpec     *pspec,
                   ArRecordEditor *self)
{
  guint index = field_index_of (self, GTK_WIDGET (row));
  const char * const *choices = choices_of (&ar_record_get_fields (self->working, NULL)[index]);
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling)
    return;

  /* position 0 is "none" */
  set_working_text (self, index, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                 ? NULL : choices[selected - 1]);
}

static void
on_switch_active (GtkSwitch      *toggle,
                  GParamSpec     *pspec,
                  ArRecordEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->filling)
    return;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (toggle));
  ar_record_set_value (self->working, field_index_of (self, GTK_WIDGET (toggle)), &value);
  self->asked = FALSE;
  revalidate (self);
}

static void
on_link_changed (ArFieldRow     *row,
                 ArRecordEditor *self)
{
  if (self->filling)
    return;

  set_working_integer (self, field_index_of (self, GTK_WIDGET (row)), ar_field_row_get_linked_id (row));
}

static void
on_link_open (ArFieldRow     *row,
              ArRecord       *target,
              ArRecordEditor *self)
{
  g_signal_emit (self, signals[OPEN_RECORD], 0, target);
}

static void
name_designations (ArRecordEditor *self,
                   GListModel     *designations)
{
  g_autoptr(GListModel) people = ar_store_list (self->store, AR_TYPE_PERSON, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ArRecord) person = g_list_model_get_item (people, i);
      gint64 *id = g_new (gint64, 1);

      *id = ar_record_get_id (person);
      g_hash_table_insert (names, id, ar_record_describe (person));
    }

  for (guint i = 0; i < g_list_model_get_n_items (designations); i++)
    {
      g_autoptr(ArRecord) designation = g_list_model_get_item (designations, i);
      gint64 person_id = ar_record_get_integer (designation, "person_id");
      const char *person = g_hash_table_lookup (names, &person_id);
      g_autofree char *role = ar_record_describe (designation);

      g_object_set_data_full (G_OBJECT (designation), AR_FIELD_ROW_NAME_KEY,
                              g_strdup_printf ("%s · %s", person ? person : _("(missing)"), role),
                              g_free);
    }
}

static GListModel *
candidates_for (ArRecordEditor *self,
                const char     *table)
{
  ArRecordClass *klass = ar_record_class_for_table (table);
  GListModel *model;

  model = g_hash_table_lookup (self->candidates, table);
  if (model == NULL && klass != NULL && self->store != NULL)
    {
      GListModel *records = ar_store_list (self->store, G_TYPE_FROM_CLASS (klass), NULL);
      GtkExpression *label = gtk_property_expression_new (AR_TYPE_RECORD, NULL, "label");

      /* a designation is chosen by its holder: "Connor Varley · NLE" */
      if (records != NULL && G_TYPE_FROM_CLASS (klass) == AR_TYPE_DESIGNATION)
        {
          name_designations (self, records);
          gtk_expression_unref (label);
          label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                               G_CALLBACK (ar_field_row_describe), NULL, NULL);
        }

      /* by name, as people look for them */
      if (records != NULL)
        {
          model = G_LIST_MODEL (gtk_sort_list_model_new (records, GTK_SORTER (gtk_string_sorter_new (label))));
          g_hash_table_insert (self->candidates, (gpointer) table, model);
        }
      else
        gtk_expression_unref (label);
    }

  return model;
}

static GtkWidget *
make_link_row (ArRecordEditor *self,
               const ArField  *field,
               const GValue   *value)
{
  ArFieldRow *row = ar_field_row_new_link (_(field->label), candidates_for (self, field->link_table),
                                           !(field->flags & AR_FIELD_FLAG_REQUIRED));

  ar_field_row_set_linked_id (row, g_value_get_int64 (value));
  g_signal_connect (row, "changed", G_CALLBACK (on_link_changed), self);
  g_signal_connect (row, "open", G_CALLBACK (on_link_open), self);

  return GTK_WIDGET (row);
}

/* A role's name as the register has it: "Deputy or Assistant Head
 * (DH/AH)", not DHAH. */
static char *
role_title (ArRecordEditor *self,
            const char     *code)
{
  GListModel *roles = candidates_for (self, "role");

  for (guint i = 0; roles != NULL && i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(ArRecord) role = g_list_model_get_item (roles, i);

      if (g_strcmp0 (ar_record_get_text (role, "code"), code) == 0 && ar_record_get_text (role, "title") != NULL)
        return g_strdup (ar_record_get_text (role, "title"));
    }

  return NULL;
}

static GtkWidget *
make_choice_row (ArRecordEditor     *self,
                 const ArField      *field,
                 const char * const *choices,
                 const char         *current)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (labels, _("None"));
  for (guint i = 0; choices[i] != NULL; i++)
    {
      g_autofree char *role = field->type == AR_FIELD_CODE_LINK ? role_title (self, choices[i]) : NULL;

      gtk_string_list_append (labels, role ? role : ar_choice_label (choices[i]));
      if (g_strcmp0 (current, choices[i]) == 0)
        selected = i + 1;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), self);

  return row;
}

static GtkWidget *
make_row (ArRecordEditor *self,
          guint           index)
{
  const ArField *field = &ar_record_get_fields (self->working, NULL)[index];
  const GValue *value = ar_record_peek_value (self->working, index);
  GtkWidget *row;

  switch (field->type)
    {
    case AR_FIELD_LINK:
      row = make_link_row (self, field, value);
      break;

    case AR_FIELD_CHOICE:
      row = make_choice_row (self, field, field->choices, g_value_get_string (value));
      break;

    case AR_FIELD_CODE_LINK:
      row = make_choice_row (self, field, ar_role_designation_codes, g_value_get_string (value));
      break;

    case AR_FIELD_BOOLEAN:
      {
        GtkWidget *toggle = gtk_switch_new ();

        row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
        gtk_switch_set_active (GTK_SWITCH (toggle), g_value_get_boolean (value));
        gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
        g_signal_connect (toggle, "notify::active", G_CALLBACK (on_switch_active), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      }
      break;

    case AR_FIELD_TEXT:
    case AR_FIELD_DATE:
    case AR_FIELD_INTEGER:
    default:
      {
        g_autofree char *title = field_title (field);
        g_autofree char *text = field->type == AR_FIELD_INTEGER
                                ? g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value))
                                : g_strdup (g_value_get_string (value));

        row = adw_entry_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
        g_signal_connect (row, "changed", G_CALLBACK (on_entry_changed), self);
      }
      break;
    }

  return row;
}

/* A sign before the title, shown with a warning. */
static GtkWidget *
add_warning_icon (GtkWidget *row)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_add_css_class (icon, "warning");
  /* the row's description says it */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), icon);
  else
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return icon;
}

/* The cursor in @row, at @position in its text, with nothing selected
 * under it. */
static void
focus_row (GtkWidget *row,
           int        position)
{
  gtk_widget_grab_focus (row);
  if (GTK_IS_EDITABLE (row))
    {
      if (position < 0)
        position = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (row)), -1);
      gtk_editable_select_region (GTK_EDITABLE (row), position, position);
    }
}

/* Shows self->record, with @working (owned) as the edits if given. */
static void
rebuild_with (ArRecordEditor *self,
              ArRecord       *working)
{
  g_autofree char *title = NULL;
  guint n_fields;
  int focused = -1;
  int position = -1;
  gboolean new_record;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* the rows are made again: the cursor goes back where it was */
  for (guint i = 0; focus != NULL && i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (focus == row || gtk_widget_is_ancestor (focus, row))
        {
          focused = i;
          if (GTK_IS_EDITABLE (row))
            position = gtk_editable_get_position (GTK_EDITABLE (row));
        }
    }
  new_record = self->focus_first;
  self->focus_first = FALSE;
  /* only the same record gets its cursor back */
  if (self->working == NULL || self->record == NULL
      || G_OBJECT_TYPE (self->working) != G_OBJECT_TYPE (self->record)
      || (ar_record_get_id (self->working) != 0
          && ar_record_get_id (self->working) != ar_record_get_id (self->record)))
    focused = -1;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->fields_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->warning_icons, 0);
  g_clear_object (&self->working);

  if (self->record == NULL)
    {
      g_clear_object (&working);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_dirty_and_valid (self, FALSE, TRUE);
      _ar_record_editor_rebuild_related (self);
      return;
    }

  self->working = working ? working : ar_record_copy (self->record);
  self->filling = TRUE;
  ar_record_get_fields (self->working, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *row = make_row (self, i);

      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->warning_icons, add_warning_icon (row));
      adw_preferences_group_add (self->fields_group, row);
    }
  self->filling = FALSE;

  if (ar_record_get_id (self->record) == 0)
    title = g_strdup_printf (_("New %s"), _(AR_RECORD_GET_CLASS (self->record)->label));
  else
    title = ar_record_describe (self->record);
  gtk_label_set_text (self->title_label, title);
  adw_preferences_group_set_title (self->fields_group, _(AR_RECORD_GET_CLASS (self->record)->label));

  gtk_stack_set_visible_child_name (self->stack, "form");
  _ar_record_editor_rebuild_related (self);
  revalidate (self);

  if (new_record && self->rows->len > 0)
    focus_row (g_ptr_array_index (self->rows, 0), 0);
  else if (focused >= 0 && (guint) focused < self->rows->len)
    focus_row (g_ptr_array_index (self->rows, focused), position);
}

static void
rebuild (ArRecordEditor *self)
{
  rebuild_with (self, NULL);
}

/* The register changed, from this window or another, or an import: the
 * form follows it. Edits in progress are carried over onto the record as
 * it now is: the fields the user changed keep what was typed, the others
 * show what the register holds, and link choices are read again. */
static void
on_store_changed (ArRecordEditor *self,
                  GType           type)
{
  g_autoptr(ArRecord) fresh = NULL;
  g_autoptr(ArRecord) base = NULL;
  g_autoptr(ArRecord) edits = NULL;
  guint n_fields;

  g_hash_table_remove_all (self->candidates);

  if (self->saving || self->record == NULL)
    return;

  if (ar_record_get_id (self->record) != 0)
    fresh = ar_store_get (self->store, G_OBJECT_TYPE (self->record), ar_record_get_id (self->record), NULL);

  if (!self->dirty)
    {
      if (fresh != NULL)
        {
          g_set_object (&self->record, fresh);
          rebuild (self);
        }
      else if (ar_record_get_id (self->record) == 0)
        rebuild (self);
      else
        ar_record_editor_set_record (self, NULL);
      return;
    }

  base = g_object_ref (self->record);
  edits = g_object_ref (self->working);
  if (fresh == NULL && ar_record_get_id (base) != 0)
    {
      /* gone from the register: what was typed stays, as a new record */
      fresh = g_object_new (G_OBJECT_TYPE (base), NULL);
    }
  if (fresh != NULL)
    g_set_object (&self->record, fresh);

  {
    ArRecord *working = ar_record_copy (self->record);

    ar_record_get_fields (working, &n_fields);
    for (guint i = 0; i < n_fields; i++)
      if (!ar_record_field_equal (base, edits, i) || ar_record_get_id (base) == 0)
        ar_record_set_value (working, i, ar_record_peek_value (edits, i));
    rebuild_with (self, working);
  }
}

static void
on_save_clicked (ArRecordEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!ar_record_editor_save (self, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
    }
}

static void
on_revert_clicked (ArRecordEditor *self)
{
  ar_record_editor_discard (self);
}

static void
ar_record_editor_dispose (GObject *object)
{
  ArRecordEditor *self = AR_RECORD_EDITOR (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_object (&self->working);
  g_clear_pointer (&self->candidates, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->warning_icons, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  if (self->discard_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->discard_dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->discard_dialog));
      self->discard_dialog = NULL;
    }
  if (self->then_destroy != NULL)
    g_clear_pointer (&self->then_data, self->then_destroy);
  self->then = NULL;


  G_OBJECT_CLASS (ar_record_editor_parent_class)->dispose (object);
}

static void
ar_record_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ArRecordEditor *self = AR_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ar_record_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ArRecordEditor *self = AR_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ar_record_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_RECORD:
      ar_record_editor_set_record (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ar_record_editor_class_init (ArRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ar_record_editor_dispose;
  object_class->get_property = ar_record_editor_get_property;
  object_class->set_property = ar_record_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AR_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, AR_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ArRecordEditor::open-record:
   * @record: a linked record, or a new link record to edit
   */
  signals[OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AR_TYPE_RECORD);
  /**
   * ArRecordEditor::delete-record:
   * @record: a link record the user asked to remove
   */
  signals[DELETE_RECORD] =
    g_signal_new ("delete-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AR_TYPE_RECORD);
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ArRecordEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, ArRecordEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, ArRecordEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, ArRecordEditor, warning_label);
  gtk_widget_class_bind_template_child (widget_class, ArRecordEditor, fields_group);
  gtk_widget_class_bind_template_child (widget_class, ArRecordEditor, related_box);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_revert_clicked);
  gtk_widget_class_bind_template_callback (widget_class, can_save);
}

static void
ar_record_editor_init (ArRecordEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->warning_icons = g_ptr_array_new ();
  self->candidates = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->valid = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ar_record_editor_new (void)
{
  return g_object_new (AR_TYPE_RECORD_EDITOR, NULL);
}

ArStore *
ar_record_editor_get_store (ArRecordEditor *self)
{
  g_return_val_if_fail (AR_IS_RECORD_EDITOR (self), NULL);
  return self->store;
}

void
ar_record_editor_set_store (ArRecordEditor *self,
                            ArStore        *store)
{
  g_return_if_fail (AR_IS_RECORD_EDITOR (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);

  g_hash_table_remove_all (self->candidates);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * ar_record_editor_get_record:
 *
 * Returns: (transfer none) (nullable): the record as stored (edits are
 *   in a copy until saved)
 */
ArRecord *
ar_record_editor_get_record (ArRecordEditor *self)
{
  g_return_val_if_fail (AR_IS_RECORD_EDITOR (self), NULL);
  return self->record;
}

void
ar_record_editor_set_record (ArRecordEditor *self,
                             ArRecord       *record)
{
  g_return_if_fail (AR_IS_RECORD_EDITOR (self));

  if (g_set_object (&self->record, record))
    {
      self->asked = FALSE;
      self->focus_first = record != NULL && ar_record_get_id (record) == 0;
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
    }
}

gboolean
ar_record_editor_get_dirty (ArRecordEditor *self)
{
  g_return_val_if_fail (AR_IS_RECORD_EDITOR (self), FALSE);
  return self->dirty;
}

gboolean
ar_record_editor_get_valid (ArRecordEditor *self)
{
  g_return_val_if_fail (AR_IS_RECORD_EDITOR (self), FALSE);
  return self->valid;
}

/**
 * ar_record_editor_get_problem:
 *
 * Returns: (nullable): what is wrong with the edits, as shown
 */
const char *
ar_record_editor_get_problem (ArRecordEditor *self)
{
  g_return_val_if_fail (AR_IS_RECORD_EDITOR (self), NULL);
  return self->problem;
}

/**
 * ar_record_editor_save:
 *
 * Checks and saves the edits. On failure the message is shown at the form
 * and returned; nothing is written.
 */
gboolean
ar_record_editor_save (ArRecordEditor  *self,
                       GError         **error)
{
  g_autoptr(ArRecord) saved = NULL;

  g_return_val_if_fail (AR_IS_RECORD_EDITOR (self), FALSE);

  if (self->working == NULL || self->store == NULL)
    return TRUE;

  saved = ar_record_copy (self->working);
  self->saving = TRUE;
  if (!ar_store_save (self->store, saved, error))
    {
      self->saving = FALSE;
      return FALSE;
    }
  self->saving = FALSE;

  /* the store's changed handler leaves a clean editor alone: mark clean first */
  g_set_object (&self->record, saved);
  set_dirty_and_valid (self, FALSE, TRUE);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  g_signal_emit (self, signals[SAVED], 0);

  return TRUE;
}

void
ar_record_editor_discard (ArRecordEditor *self)
{
  g_return_if_fail (AR_IS_RECORD_EDITOR (self));

  self->asked = FALSE;
  rebuild (self);
}

/**
 * ar_record_editor_set_field:
 * @text: the text as typed, or a choice's stored value
 *
 * Types into a field as the user would: for tests and for keyboard-only
 * use through actions.
 */
void
ar_record_editor_set_field (ArRecordEditor *self,
                            const char     *field,
                            const char     *text)
{
  int index;
  GtkWidget *row;

  g_return_if_fail (AR_IS_RECORD_EDITOR (self));
  g_return_if_fail (self->working != NULL);

  index = ar_record_class_field_index (AR_RECORD_GET_CLASS (self->working), field);
  g_return_if_fail (index >= 0);
  row = g_ptr_array_index (self->rows, index);

  if (ADW_IS_ENTRY_ROW (row))
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  else if (ADW_IS_COMBO_ROW (row))
    {
      const char * const *choices = choices_of (&ar_record_get_fields (self->working, NULL)[index]);
      guint selected = 0;

      for (guint i = 0; choices[i] != NULL; i++)
        if (g_strcmp0 (choices[i], text) == 0)
          selected = i + 1;
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
    }
  else if (AR_IS_FIELD_ROW (row))
    {
      /* links: by the linked record's id */
      ar_field_row_set_linked_id (AR_FIELD_ROW (row), text ? g_ascii_strtoll (text, NULL, 10) : 0);
    }
}

static void
forget_then (ArRecordEditor *self)
{
  if (self->then_destroy != NULL && self->then_data != NULL)
    self->then_destroy (self->then_data);
  self->then = NULL;
  self->then_data = NULL;
  self->then_destroy = NULL;
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ArRecordEditor   *self)
{
  ArRecordEditorLeaveFunc then = self->then;
  gpointer then_data = self->then_data;
  GDestroyNotify then_destroy = self->then_destroy;

  g_signal_handlers_disconnect_by_func (dialog, on_discard_response, self);
  self->discard_dialog = NULL;
  self->then = NULL;
  self->then_data = NULL;
  self->then_destroy = NULL;

  if (g_strcmp0 (response, "discard") == 0)
    {
      ar_record_editor_discard (self);
      if (then != NULL)
        then (then_data);
    }
  else
    {
      /* kept: back to the form to fix it */
      self->asked = TRUE;
      ar_record_editor_focus_problem (self);
    }

  if (then_destroy != NULL && then_data != NULL)
    then_destroy (then_data);
}

/**
 * ar_record_editor_leave:
 * @ask_once: when the user has already chosen to keep these edits, do not
 *   ask again (for leaving by typing a search, say)
 * @then: (nullable): what to do once the edits are dropped, if the user
 *   chooses that
 *
 * What every way of leaving a form does, as closing the window does:
 * valid edits are saved; invalid ones keep the form where it is, with the
 * reason shown at the fields, and a dialog offers to discard them.
 *
 * Returns: %TRUE when the form may be left now (@then_data stays the
 *   caller's); %FALSE when it stays (then @then runs later, if the user
 *   discards, and @then_data is freed with @then_destroy)
 */
gboolean
ar_record_editor_leave (ArRecordEditor          *self,
                        gboolean                 ask_once,
                        ArRecordEditorLeaveFunc  then,
                        gpointer                 then_data,
                        GDestroyNotify           then_destroy)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;

  g_return_val_if_fail (AR_IS_RECORD_EDITOR (self), TRUE);

  if (!self->dirty || (self->valid && ar_record_editor_save (self, NULL)))
    return TRUE;

  ar_record_editor_focus_problem (self);

  if (ask_once && self->asked)
    {
      if (then_destroy != NULL && then_data != NULL)
        then_destroy (then_data);
      return FALSE;
    }

  /* the newest wish wins */
  forget_then (self);
  self->then = then;
  self->then_data = then_data;
  self->then_destroy = then_destroy;

  if (self->discard_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->discard_dialog));
      return FALSE;
    }

  name = ar_record_get_id (self->record) != 0
         ? ar_record_describe (self->record)
         : g_strdup_printf (_("New %s"), _(AR_RECORD_GET_CLASS (self->record)->label));
  /* TRANSLATORS: %s is a record's name, then what is wrong with the edits */
  body = g_strdup_printf (_("The changes to “%s” cannot be saved: %s"), name,
                          self->problem ? self->problem : "");
  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->discard_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                    _("Discard Changes?"), body));
  adw_message_dialog_add_responses (self->discard_dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (self->discard_dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (self->discard_dialog, "cancel");
  adw_message_dialog_set_close_response (self->discard_dialog, "cancel");
  g_signal_connect (self->discard_dialog, "response", G_CALLBACK (on_discard_response), self);
  gtk_window_present (GTK_WINDOW (self->discard_dialog));

  return FALSE;
}

/**
 * ar_record_editor_focus_problem:
 *
 * Puts the cursor in the first field that is wrong, if any.
 */
void
ar_record_editor_focus_problem (ArRecordEditor *self)
{
  g_return_if_fail (AR_IS_RECORD_EDITOR (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_has_css_class (row, "error"))
        {
          gtk_widget_grab_focus (row);
          return;
        }
    }
}

/**
 * ar_record_editor_get_field_problem:
 *
 * Returns: (nullable): what is wrong with @field, as said at the field
 */
const char *
ar_record_editor_get_field_problem (ArRecordEditor *self,
                                    const char     *field)
{
  int index;

  g_return_val_if_fail (AR_IS_RECORD_EDITOR (self), NULL);

  if (self->working == NULL || self->problems == NULL)
    return NULL;

  index = ar_record_class_field_index (AR_RECORD_GET_CLASS (self->working), field);
  for (guint i = 0; index >= 0 && i < self->problems->len; i++)
    {
      ArFieldProblem *problem = g_ptr_array_index (self->problems, i);

      if (problem->field == index)
        return problem->message;
    }

  return NULL;
}

/**
 * ar_record_editor_get_field_row:
 *
 * Returns: (transfer none) (nullable): the row that edits @field
 */
GtkWidget *
ar_record_editor_get_field_row (ArRecordEditor *self,
                                const char     *field)
{
  int index;

  g_return_val_if_fail (AR_IS_RECORD_EDITOR (self), NULL);

  if (self->working == NULL)
    return NULL;

  index = ar_record_class_field_index (AR_RECORD_GET_CLASS (self->working), field);

  return index >= 0 && (guint) index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

/**
 * ar_record_editor_get_field_warning:
 *
 * Returns: (nullable): the warning said at @field, if it has no problem
 *   to say instead
 */
const char *
ar_record_editor_get_field_warning (ArRecordEditor *self,
                                    const char     *field)
{
  int index;

  g_return_val_if_fail (AR_IS_RECORD_EDITOR (self), NULL);

  if (self->working == NULL || self->warnings == NULL)
    return NULL;

  index = ar_record_class_field_index (AR_RECORD_GET_CLASS (self->working), field);
  if (index < 0 || ar_record_editor_get_field_problem (self, field) != NULL)
    return NULL;

  return message_at (self->warnings, index);
}
