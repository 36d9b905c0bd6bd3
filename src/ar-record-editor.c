/* ar-record-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ar-record-editor.h"

struct _ArRecordEditor
{
  AdwBin   parent_instance;

  ArStore *store;
};

G_DEFINE_FINAL_TYPE (ArRecordEditor, ar_record_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ar_record_editor_dispose (GObject *object)
{
  ArRecordEditor *self = AR_RECORD_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AR_TYPE_RECORD_EDITOR);
  g_clear_object (&self->store);

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
    g_param_spec_object ("store", NULL, NULL,
                         AR_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-record-editor.ui");
}

static void
ar_record_editor_init (ArRecordEditor *self)
{
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
                       ArStore  *store)
{
  g_return_if_fail (AR_IS_RECORD_EDITOR (self));
  g_return_if_fail (store == NULL || AR_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
