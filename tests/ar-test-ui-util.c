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
