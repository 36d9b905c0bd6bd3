/* bench-window.c: the window on an England-scale register
 *
 * Builds an England-scale register (ar-bench-register.c: 50,000 schools,
 * 3,000 trusts, 1,000 alliances, 20,000 people with designations), then
 * records: the time from creating
 * the window to the first frame with the schools list shown, the time per
 * search keystroke on the schools list, and peak memory. Then imports a
 * whole-England GIAS extract (ar-bench-gias-extract.c) from the window's
 * import dialog and records how long the main loop was ever kept from
 * running meanwhile.
 * Run under Xvfb: meson test -C build --benchmark --verbose window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/resource.h>

#include "ar-application.h"
#include "ar-bench-gias-extract.h"
#include "ar-bench-register.h"
#include "ar-gias-import-dialog.h"
#include "ar-test-util.h"
#include "ar-window-private.h"

static void
settle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  gint64 last;
  gint64 longest;
  guint  ticks;
} Watch;

static gboolean
watch_tick (gpointer data)
{
  Watch *watch = data;
  gint64 now = g_get_monotonic_time ();

  watch->longest = MAX (watch->longest, now - watch->last);
  watch->last = now;
  watch->ticks++;

  return G_SOURCE_CONTINUE;
}

/* A tick every 5 ms while the import runs in its thread: the longest gap
 * between ticks is the longest the window could not answer. */
static void
import_in_window (GtkWindow  *parent,
                  const char *directory)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *extract = ar_bench_write_gias_extract (directory);
  g_autofree char *path = g_build_filename (directory, "gias.db", NULL);
  g_autoptr(ArStore) store = ar_store_open (path, &error);
  const char *paths[] = { extract, NULL };
  ArGiasImportDialog *dialog;
  Watch watch = { 0 };
  guint source;
  gint64 start;

  if (store == NULL)
    g_error ("%s", error->message);

  dialog = ar_gias_import_dialog_new (parent, store);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  settle ();

  start = watch.last = g_get_monotonic_time ();
  source = g_timeout_add (5, watch_tick, &watch);
  ar_gias_import_dialog_start (dialog, paths);
  while (g_strcmp0 (ar_gias_import_dialog_get_stage (dialog), "result") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);

  g_print ("GIAS import from the window: %.2f s for %u schools; the main loop ran every %.1f ms "
           "on average, and was held up %.0f ms at most\n",
           (g_get_monotonic_time () - start) / 1e6, ar_store_count (store, AR_TYPE_SCHOOL),
           (g_get_monotonic_time () - start) / 1000.0 / MAX (watch.ticks, 1), watch.longest / 1000.0);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "england.db", NULL);
  g_autoptr(ArStore) store = NULL;
  static const char *keys[] = { "m", "me", "mea", "mead", "meado", "meadow", "meadow ", "meadow 1", "meadow 12" };
  ArRecordListPage *schools;
  ArWindow *window;
  struct rusage usage;
  gint64 start;
  double total = 0, worst = 0, filtering = 0;

  gtk_init ();
  adw_init ();
  g_type_class_unref (g_type_class_ref (AR_TYPE_APPLICATION));

  store = ar_store_open (path, &error);
  if (store == NULL || !ar_store_write (store, ar_bench_fill_england, NULL, &error))
    g_error ("%s", error->message);
  g_clear_object (&store);

  /* from opening the register to the first frame of the schools list */
  start = g_get_monotonic_time ();
  store = ar_store_open (path, &error);
  window = ar_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ar_window_show_section (window, "schools");
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_print ("first frame with %u schools listed: %.0f ms\n",
           ar_store_count (store, AR_TYPE_SCHOOL), (g_get_monotonic_time () - start) / 1000.0);

  if (g_getenv ("AR_BENCH_STARTUP_ONLY"))
    return 0;

  schools = ar_window_get_page_for_type (window, AR_TYPE_SCHOOL);
  settle ();
  if (g_getenv ("AR_BENCH_PROFILE_SEARCH"))
    for (guint r = 0; r < 20; r++)
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        ar_record_list_page_set_search (schools, keys[i]);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      double ms;

      start = g_get_monotonic_time ();
      ar_record_list_page_set_search (schools, keys[i]);
      filtering += (g_get_monotonic_time () - start) / 1000.0;
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      total += ms;
      worst = MAX (worst, ms);
    }
  g_print ("search keystroke on the schools list (filter and redraw): %.1f ms on average, %.1f ms at worst, "
           "%u shown at the end\n", total / G_N_ELEMENTS (keys), worst, ar_record_list_page_get_n_shown (schools));
  g_print ("  of which the keystroke handler (the filter then goes on in batches between frames): %.1f ms on average\n",
           filtering / G_N_ELEMENTS (keys));

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory: %ld MB\n", usage.ru_maxrss / 1024);

  import_in_window (GTK_WINDOW (window), directory);

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
