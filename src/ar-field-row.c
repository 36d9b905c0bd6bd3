/* ar-field-row.c: a form's row for a field that links to another record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-field-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ar-field-row.h"

/* A picker of records, sorted, searchable by what tells them apart; its
 * button names the value and the subtitle tells it apart; Clear and Open
 * are off with nothing chosen. */
struct _ArFieldRow
{
  AdwActionRow  parent_instance;

  GtkDropDown  *drop_down;
  GtkButton    *clear_button;
  GtkButton    *open_button;
};

G_DEFINE_FINAL_TYPE (ArFieldRow, ar_field_row, ADW_TYPE_ACTION_ROW)

enum {
  CHANGED,
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * ar_field_row_describe:
 *
 * Returns: (transfer full): the name a picker shows for @record: the one
 *   set as %AR_FIELD_ROW_NAME_KEY, else ar_record_describe()
 */
char *
ar_field_row_describe (ArRecord *record)
{
  const char *name = g_object_get_data (G_OBJECT (record), AR_FIELD_ROW_NAME_KEY);

  return name != NULL ? g_strdup (name) : ar_record_describe (record);
}

/* What tells two records of the same name apart: a school's URN and
 * town, an area's code. */
static char *
link_detail (ArRecord *record)
{
  if (AR_IS_SCHOOL (record))
    {
      const char *urn = ar_record_get_text (record, "urn");
      const char *town = ar_record_get_text (record, "town");
      g_autofree char *urn_text = urn ? g_strdup_printf (_("URN %s"), urn) : NULL;

      if (urn_text != NULL && town != NULL)
        return g_strdup_printf ("%s · %s", urn_text, town);
      return g_strdup (urn_text ? urn_text : town);
    }
  if (AR_IS_AREA (record))
    return g_strdup (ar_record_get_text (record, "code"));

  return NULL;
}

/* The search looks at the name and at what tells records apart. */
static char *
link_search_text (ArRecord *record)
{
  g_autofree char *name = record ? ar_field_row_describe (record) : NULL;
  g_autofree char *detail = record ? link_detail (record) : NULL;

  return g_strjoin (" ", name ? name : "", detail ? detail : "", NULL);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  on_button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  if (GPOINTER_TO_INT (on_button))
    gtk_label_set_max_width_chars (GTK_LABEL (name), 18);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  on_button)
{
  ArRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  g_autofree char *text = ar_field_row_describe (record);
  g_autofree char *detail_text = GPOINTER_TO_INT (on_button) ? NULL : link_detail (record);

  gtk_label_set_text (GTK_LABEL (name), text);
  gtk_label_set_text (GTK_LABEL (detail), detail_text);
  gtk_widget_set_visible (detail, detail_text != NULL);
}

static GtkListItemFactory *
label_factory (gboolean on_button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (on_button));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), GINT_TO_POINTER (on_button));

  return factory;
}

static void
show_choice (ArFieldRow *self)
{
  ArRecord *chosen = gtk_drop_down_get_selected_item (self->drop_down);
  g_autofree char *detail = chosen ? link_detail (chosen) : NULL;

  /* a long given name is cut short on the button: in full beneath */
  if (detail == NULL && chosen != NULL && g_object_get_data (G_OBJECT (chosen), AR_FIELD_ROW_NAME_KEY) != NULL)
    detail = ar_field_row_describe (chosen);
  g_autofree char *escaped = g_markup_escape_text (detail ? detail : "", -1);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), escaped);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), chosen != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), chosen != NULL);
}

static void
on_selected (ArFieldRow *self)
{
  show_choice (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_clear_clicked (ArFieldRow *self)
{
  gtk_drop_down_set_selected (self->drop_down, GTK_INVALID_LIST_POSITION);
}

static void
on_open_clicked (ArFieldRow *self)
{
  ArRecord *target = gtk_drop_down_get_selected_item (self->drop_down);

  if (target != NULL)
    g_signal_emit (self, signals[OPEN], 0, target);
}

static void
ar_field_row_class_init (ArFieldRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * ArFieldRow::changed:
   *
   * The user chose another record, or none.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * ArFieldRow::open:
   * @record: the chosen record
   */
  signals[OPEN] =
    g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AR_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-field-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ArFieldRow, drop_down);
  gtk_widget_class_bind_template_child (widget_class, ArFieldRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, ArFieldRow, open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
}

static void
ar_field_row_init (ArFieldRow *self)
{
  g_autoptr(GtkListItemFactory) button_factory = label_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = label_factory (FALSE);
  /* the drop-down takes its own reference */
  g_autoptr(GtkExpression) search_text = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                      G_CALLBACK (link_search_text), NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_expression (self->drop_down, search_text);
  gtk_drop_down_set_factory (self->drop_down, button_factory);
  gtk_drop_down_set_list_factory (self->drop_down, list_factory);
  show_choice (self);
}

/**
 * ar_field_row_new_link:
 * @choices: the records to choose from, in the order to show them
 * @can_clear: whether the field may be left empty
 */
ArFieldRow *
ar_field_row_new_link (const char *title,
                       GListModel *choices,
                       gboolean    can_clear)
{
  ArFieldRow *self = g_object_new (AR_TYPE_FIELD_ROW, "title", title, NULL);

  g_signal_handlers_block_by_func (self->drop_down, on_selected, self);
  gtk_drop_down_set_model (self->drop_down, choices);
  gtk_drop_down_set_selected (self->drop_down, GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->drop_down, on_selected, self);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), can_clear);
  show_choice (self);

  return self;
}

/**
 * ar_field_row_get_linked:
 *
 * Returns: (transfer none) (nullable): the chosen record
 */
ArRecord *
ar_field_row_get_linked (ArFieldRow *self)
{
  g_return_val_if_fail (AR_IS_FIELD_ROW (self), NULL);
  return gtk_drop_down_get_selected_item (self->drop_down);
}

gint64
ar_field_row_get_linked_id (ArFieldRow *self)
{
  ArRecord *chosen;

  g_return_val_if_fail (AR_IS_FIELD_ROW (self), 0);

  chosen = gtk_drop_down_get_selected_item (self->drop_down);

  return chosen != NULL ? ar_record_get_id (chosen) : 0;
}

/**
 * ar_field_row_set_linked_id:
 * @id: a record's id among the choices, or 0 for none
 */
void
ar_field_row_set_linked_id (ArFieldRow *self,
                            gint64      id)
{
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (AR_IS_FIELD_ROW (self));

  model = gtk_drop_down_get_model (self->drop_down);
  for (guint i = 0; id != 0 && model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (model, i);

      if (ar_record_get_id (record) == id)
        {
          position = i;
          break;
        }
    }

  gtk_drop_down_set_selected (self->drop_down, position);
}
