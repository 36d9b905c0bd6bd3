/* ar-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ar-window.h"

struct _ArWindow
{
  AdwApplicationWindow  parent_instance;

  ArStore              *store;

  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (ArWindow, ar_window, ADW_TYPE_APPLICATION_WINDOW)

static void
ar_window_dispose (GObject *object)
{
  ArWindow *self = AR_WINDOW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ar_window_parent_class)->dispose (object);
}

static void
ar_window_class_init (ArWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ar_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ArWindow, status_page);
}

static void
ar_window_init (ArWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ArWindow *
ar_window_new (ArApplication *application,
               ArStore       *store)
{
  ArWindow *self = g_object_new (AR_TYPE_WINDOW, "application", application, NULL);

  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("%u schools, %u alliances, %u trusts, %u leaders"),
                         ar_store_count (store, AR_TYPE_SCHOOL),
                         ar_store_count (store, AR_TYPE_ALLIANCE),
                         ar_store_count (store, AR_TYPE_TRUST),
                         ar_store_count (store, AR_TYPE_PERSON));
      adw_status_page_set_description (self->status_page, description);
    }

  return self;
}

ArStore *
ar_window_get_store (ArWindow *self)
{
  g_return_val_if_fail (AR_IS_WINDOW (self), NULL);

  return self->store;
}
