/* ar-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <string.h>

#include "ar-application.h"
#include "ar-preferences-window.h"
#include "ar-resources.h"
#include "ar-window.h"

struct _ArApplication
{
  AdwApplication  parent_instance;

  ArSettings     *settings;
  char           *database_path;
  gboolean        use_sample;
  guint           signals_caught;
  guint           signal_sources[3];
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

/* The register to open: the one named on the command line, the sample,
 * the one open last, or the user's own. */
static ArStore *
open_store (ArApplication  *self,
            GError        **error)
{
  g_autofree char *last = ar_settings_dup_last_register (self->settings);
  g_autofree char *path = NULL;

  if (self->use_sample)
    return ar_store_open_sample (error);

  if (self->database_path != NULL)
    path = g_strdup (self->database_path);
  else if (last != NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    path = g_steal_pointer (&last);
  else
    path = ar_store_default_path ();

  return ar_store_open (path, error);
}

static void
ar_application_activate (GApplication *application)
{
  ArApplication *self = AR_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = NULL;
  GtkWindow *window;
  GSettings *settings = ar_settings_get_gsettings (self->settings);

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    {
      store = open_store (self, &error);
      window = GTK_WINDOW (ar_window_new (GTK_APPLICATION (application), store));
      g_settings_bind (settings, "window-width", window, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", window, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", window, "maximized", G_SETTINGS_BIND_DEFAULT);

      if (store == NULL)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-error", "s", error->message);
    }

  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows;

  /* Close, not quit: windows save what is open on the way. A window that
   * closes leaves the application's list at once, so walk a copy that
   * keeps each window alive until the walk is past it. */
  windows = g_list_copy (gtk_application_get_windows (app));
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

/* The text between @open and @close after @from, or NULL. */
static char *
between (const char *from,
         const char *open,
         const char *close)
{
  const char *start = from ? strstr (from, open) : NULL;
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (open);
  end = strstr (start, close);

  return end ? g_strndup (start, end - start) : NULL;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Alliance Register contributors", NULL };
  g_autoptr(GBytes) metainfo = g_resources_lookup_data (RESOURCE_PREFIX "/metainfo.xml", 0, NULL);
  const char *text = metainfo ? g_bytes_get_data (metainfo, NULL) : NULL;
  /* the newest release comes first in the metainfo: its version and notes */
  const char *release = text ? strstr (text, "<release ") : NULL;
  g_autofree char *version = between (release, "version=\"", "\"");
  g_autofree char *notes = between (release, "<description>", "</description>");
  g_autofree char *summary = between (text, "<summary>", "</summary>");
  GtkWidget *about;

  about = adw_about_window_new ();
  g_object_set (about,
                "application-name", _("Alliance Register"),
                "application-icon", APP_ID,
                "developer-name", _("Alliance Register contributors"),
                "version", version ? version : PACKAGE_VERSION,
                "comments", summary ? summary : "",
                "website", "https://github.com/alliance-register/alliance-register",
                "issue-url", "https://github.com/alliance-register/alliance-register/issues",
                "license-type", GTK_LICENSE_GPL_3_0,
                "developers", developers,
                "copyright", "© 2026 Alliance Register contributors",
                NULL);
  if (notes != NULL)
    adw_about_window_set_release_notes (ADW_ABOUT_WINDOW (about), notes);
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ArApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ArStore *store = AR_IS_WINDOW (parent) ? ar_window_get_store (AR_WINDOW (parent)) : NULL;
  GtkWidget *preferences = ar_preferences_window_new (self->settings, store);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The session ending, or Ctrl+C in a terminal, closes the windows as Quit
 * does, so what is open is saved and a sample copy is removed; a second
 * signal quits at once, in case a window will not close. */
static gboolean
quit_on_signal (gpointer user_data)
{
  ArApplication *self = user_data;

  if (self->signals_caught++ == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
  else
    g_application_quit (G_APPLICATION (self));

  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
ar_application_startup (GApplication *application)
{
  ArApplication *self = AR_APPLICATION (application);
  GtkApplication *app = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (ar_application_parent_class)->startup (application);

  self->settings = ar_settings_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (app, "app.preferences", (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (app, "window.close", (const char *[]) { "<Control>w", NULL });

  self->signal_sources[0] = g_unix_signal_add (SIGTERM, quit_on_signal, self);
  self->signal_sources[1] = g_unix_signal_add (SIGINT, quit_on_signal, self);
  self->signal_sources[2] = g_unix_signal_add (SIGHUP, quit_on_signal, self);
}

/* The signal handlers end with the application they point at. */
static void
ar_application_shutdown (GApplication *application)
{
  ArApplication *self = AR_APPLICATION (application);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);

  G_APPLICATION_CLASS (ar_application_parent_class)->shutdown (application);
}

static void
ar_application_finalize (GObject *object)
{
  ArApplication *self = AR_APPLICATION (object);

  g_clear_object (&self->settings);
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
  app_class->startup = ar_application_startup;
  app_class->shutdown = ar_application_shutdown;
  app_class->handle_local_options = ar_application_handle_local_options;
}

static void
ar_application_init (ArApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), app_options);
}

/**
 * ar_application_tune_allocator:
 *
 * Keeps the window's threads allocating from one malloc arena. A list of
 * 50,000 records read in a thread otherwise fills a fresh per-thread
 * arena, page by page, for each reload, and the main loop frees it
 * across arenas: the England-scale register opened in 0.66 s this way
 * and in 0.51 s from one arena. The window's few threads rarely
 * allocate at once, so one arena costs them little.
 */
void
ar_application_tune_allocator (void)
{
#ifdef __GLIBC__
  mallopt (M_ARENA_MAX, 1);
#endif
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

/**
 * ar_application_get_settings:
 *
 * Returns: (transfer none): the app's settings
 */
ArSettings *
ar_application_get_settings (ArApplication *self)
{
  g_return_val_if_fail (AR_IS_APPLICATION (self), NULL);
  return self->settings;
}

/* The register file opened last comes back on the next start. */
void
ar_application_remember_register (ArApplication *self,
                                  const char    *path)
{
  g_return_if_fail (AR_IS_APPLICATION (self));
  ar_settings_set_last_register (self->settings, path);
}
