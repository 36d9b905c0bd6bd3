/* ar-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ar-application.h"
#include "ar-resources.h"
#include "ar-window.h"

struct _ArApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  gboolean        use_sample;
};

G_DEFINE_FINAL_TYPE (ArApplication, ar_application, ADW_TYPE_APPLICATION)

static const GOptionEntry app_options[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this register file"), N_("FILE") },
  { "sample", 's', 0, G_OPTION_ARG_NONE, NULL, N_("Open a fresh copy of the sample register"), NULL },
  { NULL }
};

static int
ar_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  ArApplication *self = AR_APPLICATION (application);

  g_variant_dict_lookup (options, "database", "^ay", &self->database_path);
  g_variant_dict_lookup (options, "sample", "b", &self->use_sample);

  return -1;
}

static void
ar_application_activate (GApplication *application)
{
  ArApplication *self = AR_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    {
      if (self->use_sample)
        store = ar_store_open_sample (&error);
      else
        {
          g_autofree char *path = self->database_path ? g_strdup (self->database_path)
                                                      : ar_store_default_path ();
          store = ar_store_open (path, &error);
        }

      if (store == NULL)
        g_warning ("%s", error->message);

      window = GTK_WINDOW (ar_window_new (self, store));
    }

  gtk_window_present (window);
}

static void
ar_application_finalize (GObject *object)
{
  ArApplication *self = AR_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (ar_application_parent_class)->finalize (object);
}

static void
ar_application_class_init (ArApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* Registered by hand: the constructor that would do it lives in a
   * static library and is not linked in unless something refers to it. */
  g_resources_register (ar_ui_get_resource ());

  object_class->finalize = ar_application_finalize;
  app_class->activate = ar_application_activate;
  app_class->handle_local_options = ar_application_handle_local_options;
}

static void
ar_application_init (ArApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), app_options);
}

ArApplication *
ar_application_new (void)
{
  return g_object_new (AR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
