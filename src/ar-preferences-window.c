/* ar-preferences-window.c: the default area and the summary's heading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ar-preferences-window.h"

struct _ArPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  ArSettings           *settings;
  GListModel           *areas;

  AdwComboRow          *area_row;
  AdwEntryRow          *heading_row;
};

G_DEFINE_FINAL_TYPE (ArPreferencesWindow, ar_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_area_selected (AdwComboRow         *row,
                  GParamSpec          *pspec,
                  ArPreferencesWindow *self)
{
  ArRecord *area = adw_combo_row_get_selected_item (row);

  if (area != NULL)
    ar_settings_set_default_area (self->settings, ar_record_get_text (area, "code"));
}

static void
on_heading_changed (AdwEntryRow         *row,
                    ArPreferencesWindow *self)
{
  ar_settings_set_summary_heading (self->settings, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
ar_preferences_window_dispose (GObject *object)
{
  ArPreferencesWindow *self = AR_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->areas);


  G_OBJECT_CLASS (ar_preferences_window_parent_class)->dispose (object);
}

static void
ar_preferences_window_class_init (ArPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ar_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ArPreferencesWindow, area_row);
  gtk_widget_class_bind_template_child (widget_class, ArPreferencesWindow, heading_row);
}

static void
ar_preferences_window_init (ArPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ar_preferences_window_new (ArSettings *settings,
                           ArStore    *store)
{
  ArPreferencesWindow *self = g_object_new (AR_TYPE_PREFERENCES_WINDOW, NULL);
  g_autofree char *area = ar_settings_dup_default_area (settings);
  g_autofree char *heading = ar_settings_dup_summary_heading (settings);
  GtkExpression *expression = gtk_property_expression_new (AR_TYPE_RECORD, NULL, "label");

  self->settings = g_object_ref (settings);
  self->areas = store ? ar_store_list (store, AR_TYPE_AREA, NULL) : NULL;

  adw_combo_row_set_expression (self->area_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->area_row, self->areas);
  for (guint i = 0; self->areas && i < g_list_model_get_n_items (self->areas); i++)
    {
      g_autoptr(ArRecord) each = g_list_model_get_item (self->areas, i);

      if (g_strcmp0 (ar_record_get_text (each, "code"), area) == 0)
        adw_combo_row_set_selected (self->area_row, i);
    }
  g_signal_connect (self->area_row, "notify::selected", G_CALLBACK (on_area_selected), self);

  gtk_editable_set_text (GTK_EDITABLE (self->heading_row), heading);
  g_signal_connect (self->heading_row, "changed", G_CALLBACK (on_heading_changed), self);

  return GTK_WIDGET (self);
}
