/* test-output-file.c: writing a named file destroys nothing else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* posix_openpt and ptsname */
#define _XOPEN_SOURCE 600
#define _DEFAULT_SOURCE

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "ar-test-util.h"

typedef struct
{
  char *directory;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->directory = ar_test_make_dir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ar_test_remove_dir (fixture->directory);
  g_free (fixture->directory);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->directory, name, NULL);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new_static (text, strlen (text));
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

/* Only the names given: no temporary file is ever left behind. */
static void
assert_folder_holds (Fixture    *fixture,
                     const char *first,
                     ...)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const char *name;
  va_list args;
  guint n = 0;

  va_start (args, first);
  for (name = first; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (expected, (gpointer) name);
  va_end (args);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < expected->len; i++)
        found |= g_str_equal (name, g_ptr_array_index (expected, i));
      if (!found)
        g_error ("unexpected file %s", name);
      n++;
    }
  g_assert_cmpuint (n, ==, expected->len);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode;
}

static void
test_new_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "new.txt");
  g_autoptr(GBytes) bytes = text_bytes ("new\n");
  g_autoptr(GError) error = NULL;
  mode_t old_mask = umask (022);

  ar_output_file_write (path, bytes, NULL, &error);
  umask (old_mask);
  g_assert_no_error (error);
  assert_contents (path, "new\n");
  g_assert_cmpuint (file_mode (path) & 07777, ==, 0644);
  assert_folder_holds (fixture, "new.txt", NULL);
}

static void
test_keeps_mode (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *private = path_in (fixture, "private.txt");
  g_autofree char *shared = path_in (fixture, "shared.txt");
  g_autoptr(GBytes) bytes = text_bytes ("replaced\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (private, "secret\n", -1, NULL));
  g_assert_cmpint (g_chmod (private, 0600), ==, 0);
  g_assert_true (g_file_set_contents (shared, "shared\n", -1, NULL));
  g_assert_cmpint (g_chmod (shared, 0664), ==, 0);

  ar_output_file_write (private, bytes, NULL, &error);
  g_assert_no_error (error);
  ar_output_file_write (shared, bytes, NULL, &error);
  g_assert_no_error (error);

  assert_contents (private, "replaced\n");
  assert_contents (shared, "replaced\n");
  g_assert_cmpuint (file_mode (private) & 07777, ==, 0600);
  g_assert_cmpuint (file_mode (shared) & 07777, ==, 0664);
  assert_folder_holds (fixture, "private.txt", "shared.txt", NULL);
}

static void
test_read_only_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "kept.txt");
  g_autoptr(GBytes) bytes = text_bytes ("replaced\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "kept\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  /* refused even when the tests run as root */
  g_assert_false (ar_output_file_write (path, bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "read-only"));
  assert_contents (path, "kept\n");
  assert_folder_holds (fixture, "kept.txt", NULL);
}

static void
test_directory_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "folder");
  g_autofree char *inside = path_in (fixture, "folder/file.txt");
  g_autoptr(GBytes) bytes = text_bytes ("x");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "inside\n", -1, NULL));

  g_assert_false (ar_output_file_write (path, bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (S_ISDIR (file_mode (path)));
  assert_contents (inside, "inside\n");
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "no/such/folder/out.txt");
  g_autoptr(GBytes) bytes = text_bytes ("x");
  g_autoptr(GError) error = NULL;

  g_assert_false (ar_output_file_write (path, bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  assert_folder_holds (fixture, NULL);
}

static void
test_symlink_followed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *target = path_in (fixture, "target.txt");
  g_autofree char *link = path_in (fixture, "link.txt");
  g_autofree char *dangling = path_in (fixture, "dangling.txt");
  g_autofree char *created = path_in (fixture, "created.txt");
  g_autofree char *link_text = NULL;
  g_autoptr(GBytes) bytes = text_bytes ("through the link\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (target, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("target.txt", link), ==, 0);
  g_assert_cmpint (symlink ("created.txt", dangling), ==, 0);

  ar_output_file_write (link, bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (S_ISLNK (file_mode (link)));
  link_text = g_file_read_link (link, NULL);
  g_assert_cmpstr (link_text, ==, "target.txt");
  assert_contents (target, "through the link\n");
  g_assert_cmpuint (file_mode (target) & 07777, ==, 0600);

  /* a link to nothing yet: the file appears where it points */
  ar_output_file_write (dangling, bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (S_ISLNK (file_mode (dangling)));
  assert_contents (created, "through the link\n");
  assert_folder_holds (fixture, "target.txt", "link.txt", "dangling.txt", "created.txt", NULL);
}

typedef struct
{
  char    *path;
  GString *read;
} Reader;

static gpointer
read_fifo (gpointer data)
{
  Reader *reader = data;
  g_autofree char *contents = NULL;

  /* opening blocks until the writer opens its end */
  g_assert_true (g_file_get_contents (reader->path, &contents, NULL, NULL));
  g_string_append (reader->read, contents);

  return NULL;
}

static void
test_fifo_written_in_place (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "pipe");
  g_autoptr(GBytes) bytes = text_bytes ("down the pipe\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) read = g_string_new (NULL);
  Reader reader = { path, read };
  GThread *thread;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  thread = g_thread_new ("reader", read_fifo, &reader);

  ar_output_file_write (path, bytes, NULL, &error);
  g_assert_no_error (error);
  g_thread_join (thread);

  g_assert_cmpstr (read->str, ==, "down the pipe\n");
  g_assert_true (S_ISFIFO (file_mode (path)));
  assert_folder_holds (fixture, "pipe", NULL);
}

/* A terminal rather than /dev/null: run as root, a regression would
 * replace the system's /dev/null with a file. */
static void
test_character_device (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) bytes = text_bytes ("to the terminal\n");
  g_autoptr(GError) error = NULL;
  const char *terminal;
  char buffer[64] = { 0 };
  int master;

  master = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  terminal = ptsname (master);

  ar_output_file_write (terminal, bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (S_ISCHR (file_mode (terminal)));
  g_assert_cmpint (read (master, buffer, sizeof buffer - 1), >, 0);
  g_assert_true (g_str_has_prefix (buffer, "to the terminal"));
  close (master);
}

static gpointer
accept_one (gpointer data)
{
  int listener = GPOINTER_TO_INT (data);
  int fd = accept (listener, NULL, NULL);
  GString *received = g_string_new (NULL);
  char buffer[256];
  gssize n;

  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (received, buffer, n);
  close (fd);

  return g_string_free (received, FALSE);
}

static void
test_socket (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "socket");
  g_autoptr(GBytes) bytes = text_bytes ("over the socket\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  GThread *thread;
  int listener;

  g_assert_cmpuint (strlen (path), <, sizeof address.sun_path);
  strcpy (address.sun_path, path);
  listener = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (bind (listener, (struct sockaddr *) &address, sizeof address), ==, 0);
  g_assert_cmpint (listen (listener, 1), ==, 0);
  thread = g_thread_new ("listener", accept_one, GINT_TO_POINTER (listener));

  ar_output_file_write (path, bytes, NULL, &error);
  g_assert_no_error (error);
  read = g_thread_join (thread);
  close (listener);

  g_assert_cmpstr (read, ==, "over the socket\n");
  g_assert_true (S_ISSOCK (file_mode (path)));
}

static void
test_register_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  const char *register_path = ar_store_get_path (store);
  g_autofree char *folder = g_path_get_dirname (register_path);
  g_autofree char *link = path_in (fixture, "register-link.db");
  g_autofree char *wal = g_strconcat (register_path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (register_path, "-journal", NULL);
  g_autofree char *dotted = g_build_filename (folder, ".", "register.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) bytes = text_bytes ("not a register\n");
  const char *paths[] = { register_path, link, wal, journal, dotted };

  g_assert_cmpint (symlink (register_path, link), ==, 0);
  ar_test_add_area (store, "855", "Leicestershire");
  before = ar_test_export (store);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (ar_output_file_is_register (paths[i], register_path));
      g_assert_false (ar_output_file_write (paths[i], bytes, register_path, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, paths[i]));
    }

  /* through the link as the register's name too */
  g_assert_true (ar_output_file_is_register (wal, link));
  g_assert_false (ar_output_file_is_register (link, NULL));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  after = ar_test_export (store);
  g_assert_cmpstr (after, ==, before);
}

static void
on_replaced (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  ar_output_file_replace_finish (G_FILE (source), result, error);
  g_object_set_data (source, "done", GINT_TO_POINTER (TRUE));
}

static void
test_replace_async (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "async.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->directory);
  g_autoptr(GBytes) bytes = text_bytes ("a,b\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  ar_output_file_replace_async (file, bytes, NULL, NULL, on_replaced, &error);
  while (g_object_get_data (G_OBJECT (file), "done") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  assert_contents (path, "a,b\n");
  g_assert_cmpuint (file_mode (path) & 07777, ==, 0600);

  g_assert_false (ar_output_file_replace (folder, bytes, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ar/output-file/new-file", test_new_file);
  ADD ("/ar/output-file/keeps-mode", test_keeps_mode);
  ADD ("/ar/output-file/read-only-refused", test_read_only_refused);
  ADD ("/ar/output-file/directory-refused", test_directory_refused);
  ADD ("/ar/output-file/missing-folder", test_missing_folder);
  ADD ("/ar/output-file/symlink-followed", test_symlink_followed);
  ADD ("/ar/output-file/fifo-written-in-place", test_fifo_written_in_place);
  ADD ("/ar/output-file/character-device", test_character_device);
  ADD ("/ar/output-file/socket", test_socket);
  ADD ("/ar/output-file/register-refused", test_register_refused);
  ADD ("/ar/output-file/replace-async", test_replace_async);
#undef ADD

  return g_test_run ();
}
