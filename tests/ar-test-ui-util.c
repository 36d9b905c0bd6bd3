/* ar-test-ui-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ar-application.h"
#include "ar-test-ui-util.h"
#include "ar-window-private.h"

/* GTK and libadwaita as the application sets them up, without animations so
 * that screenshots show end states. */
void
ar_test_ui_init (int    *argc,
                 char ***argv)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* GNOME's own title bar buttons (Xvfb has no settings daemon to say
   * so), so that screenshots show the room a header bar really has */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-decoration-layout", "appmenu:close",
                NULL);

  /* the UI resources register with the application class, and the
   * application would load style.css itself */
  g_type_class_unref (g_type_class_ref (AR_TYPE_APPLICATION));
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
ar_test_settle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

/* Saves what @widget shows to $AR_BUILD_DIR/screenshots/@name, for a person
 * to look at. */
void
ar_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  /* under the build tree when run by meson, else in the temporary folder,
   * never in the working directory */
  g_autofree char *directory = g_build_filename (g_getenv ("AR_BUILD_DIR") ? g_getenv ("AR_BUILD_DIR") : g_get_tmp_dir (),
                                                 g_getenv ("AR_BUILD_DIR") ? "screenshots" : "ar-screenshots", NULL);
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = 0, height = 0;

  paintable = gtk_widget_paintable_new (widget);

  /* a window that has only just been shown may need a frame or two */
  for (int attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      gtk_test_widget_wait_for_draw (widget);
      ar_test_settle ();
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      g_clear_object (&snapshot);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (directory, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Whether a label under @widget shows @text, in part: what the user reads. */
gboolean
ar_test_shows_text (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (ar_test_shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* The AdwMessageDialog open over @parent, or %NULL. */
GtkWindow *
ar_test_find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == parent)
        return toplevel;
    }

  return NULL;
}

/* The AdwMessageDialog showing over @parent that offers @response, or %NULL. */
GtkWindow *
ar_test_find_dialog (GtkWindow  *parent,
                     const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      /* still held by the list of toplevels */
      if (ADW_IS_MESSAGE_DIALOG (toplevel)
          && gtk_window_get_transient_for (toplevel) == parent
          && gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (toplevel), response))
        return toplevel;
    }

  return NULL;
}

/* A top-level window of @type that is showing, or %NULL. */
GtkWindow *
ar_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      /* still held by the list of toplevels */
      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

/* A window on @store, @width by @height, shown and drawn once. */
ArWindow *
ar_test_window_new (ArStore *store,
                    int      width,
                    int      height)
{
  ArWindow *window = ar_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ar_test_settle ();

  return window;
}

/* Activates the window's @action, with the string @target if not %NULL,
 * as a menu item or shortcut would. */
void
ar_test_activate (ArWindow   *window,
                  const char *action,
                  const char *target)
{
  if (target != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, "s", target));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  ar_test_settle ();
}

/* The window's list page for records of @type. */
ArRecordListPage *
ar_test_page (ArWindow *window,
              GType     type)
{
  ArRecordListPage *list = ar_window_get_page_for_type (window, type);

  g_assert_nonnull (list);

  return list;
}

void
ar_test_wait_frames (GtkWidget *widget,
                     int        n)
{
  for (int i = 0; i < n; i++)
    {
      gtk_test_widget_wait_for_draw (widget);
      ar_test_settle ();
    }
}

/* The first widget under @widget (or @widget) that @matches, depth first:
 * the tests look for widgets a page or dialog has one of. */
typedef gboolean (*Match) (GtkWidget  *widget,
                           GType       type,
                           const char *text);

static GtkWidget *
find_first (GtkWidget  *widget,
            Match       matches,
            GType       type,
            const char *text)
{
  if (matches (widget, type, text))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, matches, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget  *widget,
            GType       type,
            const char *text)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, type);
}

static gboolean
is_named (GtkWidget  *widget,
          GType       type,
          const char *name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
has_tooltip (GtkWidget  *widget,
             GType       type,
             const char *tooltip)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
has_action (GtkWidget  *widget,
            GType       type,
            const char *action_name)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
         && GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

GtkWidget *
ar_test_find_widget (GtkWidget *widget,
                     GType      type)
{
  return find_first (widget, is_of_type, type, NULL);
}

/* Every widget of @type under @widget, in tree order, added to @found. */
void
ar_test_find_all (GtkWidget *widget,
                  GType      type,
                  GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ar_test_find_all (child, type, found);
}

/* The widget that gtk_widget_set_name() or a template's name="" named @name. */
GtkWidget *
ar_test_find_named (GtkWidget  *widget,
                    const char *name)
{
  return find_first (widget, is_named, G_TYPE_INVALID, name);
}

/* A widget of @type (GTK_TYPE_WIDGET for any) whose tooltip is @tooltip. */
GtkWidget *
ar_test_find_tooltip (GtkWidget  *widget,
                      GType       type,
                      const char *tooltip)
{
  return find_first (widget, has_tooltip, type, tooltip);
}

/* A widget of @type (GTK_TYPE_ACTIONABLE for any) bound to @action_name. */
GtkWidget *
ar_test_find_actionable (GtkWidget  *widget,
                         GType       type,
                         const char *action_name)
{
  return find_first (widget, has_action, type, action_name);
}
