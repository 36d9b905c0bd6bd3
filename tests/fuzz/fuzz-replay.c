/* fuzz-replay.c: runs a fuzz target over its saved corpus, as an ordinary
 * test in every build (no libFuzzer needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  if (argc != 2)
    g_error ("usage: %s CORPUS-DIRECTORY", argv[0]);

  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  g_print ("TAP version 13\n");
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error))
        g_error ("%s", error->message);
      LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
      g_print ("ok %u - %s\n", ++n, name);
    }
  g_print ("1..%u\n", n);

  return n > 0 ? 0 : 1;
}
